import type { ClusterConsensus } from '../../engines/cluster/cluster-consensus.js';
import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import type { ReplicaState } from '../../engines/replication/replica-state.js';
import type { ReplicationCluster } from '../../engines/replication/replication-cluster.js';
import type { FaultSet } from '../../engines/runtime/faults.js';

/** The roles a load balancer checks for, with Patroni's names. */
export type NodeProbeRole = 'primary' | 'replica' | 'leader' | 'read-only';

export type ReplicationRole = 'PRIMARY' | 'STANDBY' | 'NONE';

/** Bounds on a standby's replay lag; an absent bound does not constrain. */
export interface LagBounds {
  maxLagBytes?: number;
  maxLagMs?: number;
}

/** What a role probe found (the contract's NodeRoleProbe): roles, lag, and why it failed. */
export interface NodeRoleProbe {
  nodeId: string;
  probe: NodeProbeRole;
  passed: boolean;
  running: boolean;
  replicationRole: ReplicationRole;
  leader: boolean;
  lagBytes: number | null;
  lagMs: number | null;
  reason: string | null;
}

/** The facts about one node that every probe is decided from, each read from the engine that owns it. */
export interface NodeRoleFacts {
  nodeId: string;
  /** Not crashed (the runtime's faults). */
  running: boolean;
  replicationRole: ReplicationRole;
  /** The standby's replica state; null unless STANDBY. */
  replicaState: ReplicaState | null;
  /** The Raft leader now. */
  leader: boolean;
  lagBytes: number | null;
  lagMs: number | null;
}

/** Replica states in which the standby's WAL receiver streams from the primary (a paused standby still receives). */
const STREAMING_STATES: ReadonlySet<ReplicaState> = new Set<ReplicaState>(['STREAMING', 'CATCHING_UP', 'PAUSED']);

export interface NodeProbeServiceDeps {
  nodes: ClusterNodes;
  replication: ReplicationCluster;
  consensus: ClusterConsensus;
  faults: FaultSet;
}

/**
 * Per-node role probes for load balancers (GET /api/v1/cluster/nodes/{id}/probes/{role}), with
 * the semantics of Patroni's health checks. Public, like the server's health probes: they take
 * no caller and show nothing but the node's roles and lag.
 */
export class NodeProbeService {
  constructor(private readonly deps: NodeProbeServiceDeps) {}

  /** @throws DomainError NOT_FOUND for a node the cluster does not have. */
  probe(nodeId: string, role: NodeProbeRole, bounds: LagBounds = {}): NodeRoleProbe {
    const facts = this.factsOf(nodeId);
    const reason = probeFailure(role, facts, bounds);
    const { replicaState: _replicaState, ...shown } = facts;
    return { ...shown, probe: role, passed: reason === null, reason };
  }

  private factsOf(nodeId: string): NodeRoleFacts {
    const { nodes, replication, consensus, faults } = this.deps;
    // Throws NOT_FOUND for an unknown node.
    nodes.get(nodeId);
    const isPrimary = nodeId === replication.primary();
    const replica = isPrimary ? undefined : replication.listReplicas().find((each) => each.replicaId === nodeId);
    const replicationRole: ReplicationRole = isPrimary ? 'PRIMARY' : replica === undefined ? 'NONE' : 'STANDBY';
    return {
      nodeId,
      running: !faults.isCrashed(nodeId),
      replicationRole,
      replicaState: replica?.state ?? null,
      leader: consensus.group.currentLeader()?.leaderId === nodeId,
      lagBytes: replica === undefined ? null : replica.lagBytes,
      lagMs: replica === undefined ? null : Math.round(replica.replayLagMs),
    };
  }
}

/** Why a node fails a probe, in an operator's words; null when it passes. */
export function probeFailure(role: NodeProbeRole, facts: NodeRoleFacts, bounds: LagBounds): string | null {
  const { nodeId } = facts;
  if (!facts.running) return `${nodeId} is down (crashed).`;
  switch (role) {
    case 'primary':
      return facts.replicationRole === 'PRIMARY' ? null : `${nodeId} is not the replication primary (its role is ${facts.replicationRole}).`;
    case 'replica':
      return standbyFailure(facts, bounds);
    case 'read-only':
      if (facts.replicationRole === 'PRIMARY') return null;
      if (facts.replicationRole === 'NONE') return `${nodeId} is neither the replication primary nor a standby.`;
      return standbyFailure(facts, bounds);
    case 'leader':
      return facts.leader ? null : `${nodeId} is not the Raft leader.`;
  }
}

function standbyFailure(facts: NodeRoleFacts, bounds: LagBounds): string | null {
  const { nodeId } = facts;
  if (facts.replicationRole === 'PRIMARY') return `${nodeId} is the replication primary, not a standby.`;
  if (facts.replicationRole === 'NONE' || facts.replicaState === null) return `${nodeId} is not a standby: it does not follow the primary's WAL.`;
  if (!STREAMING_STATES.has(facts.replicaState)) return `${nodeId} is not streaming WAL from the primary (replica state ${facts.replicaState}).`;
  const lagBytes = facts.lagBytes ?? 0;
  if (bounds.maxLagBytes !== undefined && lagBytes > bounds.maxLagBytes) {
    return `${nodeId} replays ${lagBytes} bytes behind the primary, more than maxLagBytes ${bounds.maxLagBytes}.`;
  }
  const lagMs = facts.lagMs ?? 0;
  if (bounds.maxLagMs !== undefined && lagMs > bounds.maxLagMs) {
    return `${nodeId} replays ${lagMs} ms behind the primary, more than maxLagMs ${bounds.maxLagMs}.`;
  }
  return null;
}
