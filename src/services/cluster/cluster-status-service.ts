import type { ClusterConsensus } from '../../engines/cluster/cluster-consensus.js';
import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import type { ClusterState } from '../../engines/cluster/quorum.js';
import type { CoordinatorState } from '../../engines/coordinator/cluster-coordinator.js';
import { defaultCoordinatorConfig } from '../../engines/coordinator/coordinator-config.js';
import type { ExecutionStrategy } from '../../engines/coordinator/execution-strategy.js';
import type { HashFunctionName } from '../../engines/dht/hash-function.js';
import type { ClusterFailover } from '../../engines/failover/cluster-failover.js';
import type { ClusterHealth } from '../../engines/health/cluster-health.js';
import type { StrategyName } from '../../engines/load-balancer/balancing-strategy.js';
import { RAFT_CONFIG_DEFAULTS } from '../../engines/raft/raft-config.js';
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { COORDINATOR_RECORD, type CoordinatorService, type ShardState } from '../coordinator/coordinator-service.js';
import type { DhtService } from '../dht/dht-service.js';
import type { FailoverService } from '../failover/failover-service.js';
import { isoTime } from '../platform/iso-time.js';
import type { LoadBalancerService } from '../load-balancer/load-balancer-service.js';
import type { MembershipService } from '../membership/membership-service.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

/** The cluster at a glance (the contract's ClusterStatus). */
export interface ClusterStatus {
  clusterName: string;
  state: ClusterState;
  stateSince: string;
  leaderId: string | null;
  term: number;
  hasQuorum: boolean;
  quorumSize: number;
  voters: number;
  healthyVoters: number;
  failureTolerance: number;
  totalNodes: number;
  healthyNodes: number;
  suspectedNodes: number;
  downNodes: number;
  failoverInProgress: boolean;
  lastFailoverAt: string | null;
  openIssues: number;
  clusterTime: string;
}

/** Each clustering subsystem summarized (the contract's ClusteringStatus). */
export interface ClusteringStatus {
  clusterName: string;
  state: ClusterState;
  clusterTime: string;
  nodes: { total: number; healthy: number; suspected: number; down: number; recovering: number };
  consensus: {
    leaderId: string | null;
    term: number;
    commitIndex: number;
    voters: number;
    learners: number;
    quorumSize: number;
    hasQuorum: boolean;
    configChangePending: boolean;
  };
  membership: { members: number; alive: number; suspect: number; dead: number; left: number; protocolPeriod: number };
  failover: { autoFailover: boolean; inProgress: boolean; currentFailoverId: string | null; lastFailoverAt: string | null; automaticFailoversLastHour: number };
  dht: { nodes: number; vnodes: number; hashFunction: HashFunctionName; vnodesPerNode: number };
  loadBalancer: { strategy: StrategyName; backends: number; healthyBackends: number; activeConnections: number };
  coordinator: { executionStrategy: ExecutionStrategy; shards: number; active: number; moving: number; underReplicated: number; unassigned: number };
}

/**
 * The coordinator's execution strategy as last committed. CoordinatorService has no read of it
 * (only the change, and plans that route real requests), so it is followed through the record
 * the coordinator journals with every change: a committed record is what the strategy is.
 */
export class CommittedExecutionStrategy {
  static async load(store: Store, journal: Journal): Promise<CommittedExecutionStrategy> {
    const stored = await store.get<CoordinatorState>(COORDINATOR_RECORD, 'current');
    return new CommittedExecutionStrategy(journal, stored?.executionStrategy ?? defaultCoordinatorConfig.executionStrategy);
  }

  private constructor(
    journal: Journal,
    private strategy: ExecutionStrategy,
  ) {
    journal.onCommitted((batch) => {
      for (const record of batch.puts) {
        // Only this one record is parsed: a batch carries values as the JSON text the store writes.
        if (record.kind === COORDINATOR_RECORD && record.id === 'current') this.strategy = (JSON.parse(record.valueJson) as CoordinatorState).executionStrategy;
      }
    });
  }

  current(): ExecutionStrategy {
    return this.strategy;
  }
}

export interface ClusterStatusServiceDeps {
  health: ClusterHealth;
  nodes: ClusterNodes;
  consensus: ClusterConsensus;
  failoverEngine: ClusterFailover;
  failover: FailoverService;
  membership: MembershipService;
  dht: DhtService;
  loadBalancer: LoadBalancerService;
  coordinator: CoordinatorService;
  executionStrategy: CommittedExecutionStrategy;
  runner: OperationRunner;
}

const SHARD_STATES: readonly ShardState[] = ['ACTIVE', 'MOVING', 'UNDER_REPLICATED', 'UNASSIGNED'];

/**
 * The cluster and its clustering subsystems at a glance (/api/v1/cluster/status and
 * /api/v1/clustering/status). Every figure is read from the engine or service that owns it; the
 * subsystem summaries go through those services' own reads, so their role checks apply too.
 */
export class ClusterStatusService {
  constructor(private readonly deps: ClusterStatusServiceDeps) {}

  status(context: OperationContext): ClusterStatus {
    return this.deps.runner.read(context, 'getClusterStatus', () => {
      const reading = this.deps.health.reading();
      const { summary, leader } = reading;
      return {
        clusterName: summary.clusterName,
        state: summary.state,
        stateSince: isoTime(reading.stateSinceMs),
        leaderId: leader.leaderId,
        term: leader.term,
        hasQuorum: summary.hasQuorum,
        quorumSize: summary.quorumSize,
        voters: summary.voters,
        healthyVoters: summary.availableVoters,
        failureTolerance: summary.failureTolerance,
        totalNodes: summary.totalNodes,
        healthyNodes: summary.healthyNodes,
        suspectedNodes: summary.suspectedNodes,
        downNodes: summary.downNodes,
        failoverInProgress: this.deps.failoverEngine.current() !== undefined,
        lastFailoverAt: lastFailoverAt(this.deps.failoverEngine),
        openIssues: reading.openIssues.length,
        clusterTime: isoTime(reading.nowMs),
      };
    });
  }

  clustering(context: OperationContext): ClusteringStatus {
    return this.deps.runner.read(context, 'getClusteringStatus', () => {
      const reading = this.deps.health.reading();
      const count = (status: string) => reading.nodes.filter((node) => node.status === status).length;
      const failoverStatistics = this.deps.failover.statistics(context);
      const current = this.deps.failoverEngine.current();
      const dht = this.deps.dht.statistics(context);
      const loadBalancer = this.deps.loadBalancer.statistics(context);
      return {
        clusterName: reading.summary.clusterName,
        state: reading.summary.state,
        clusterTime: isoTime(reading.nowMs),
        nodes: { total: reading.nodes.length, healthy: count('HEALTHY'), suspected: count('SUSPECTED'), down: count('DOWN'), recovering: count('RECOVERING') },
        consensus: this.consensus(),
        membership: this.membership(context),
        failover: {
          autoFailover: this.deps.nodes.getConfig().autoFailover,
          inProgress: current !== undefined,
          currentFailoverId: current?.id ?? null,
          lastFailoverAt: failoverStatistics.lastFailoverAt,
          automaticFailoversLastHour: failoverStatistics.automaticFailoversLastHour,
        },
        dht: { nodes: dht.nodeCount, vnodes: dht.vnodeCount, hashFunction: dht.hashFunction, vnodesPerNode: dht.vnodesPerNode },
        loadBalancer: {
          strategy: loadBalancer.strategy,
          backends: loadBalancer.totalBackends,
          healthyBackends: loadBalancer.healthyBackends,
          activeConnections: loadBalancer.activeConnections,
        },
        coordinator: this.coordinator(context),
      };
    });
  }

  /**
   * Raft as its leader sees it: the leader's configuration, commit index and the voters it heard
   * from within an election timeout; without a leader, the newest configuration and the highest
   * commit index any node knows.
   */
  private consensus(): ClusteringStatus['consensus'] {
    const { consensus, health } = this.deps;
    const group = consensus.group;
    const leader = health.leader();
    const leaderStatus = group.leaderStatus();
    const statuses = group.statuses();
    const newest = statuses.reduce<(typeof statuses)[number] | null>(
      (best, status) => (status.raft !== null && (best === null || status.raft.configurationIndex > best.raft!.configurationIndex) ? status : best),
      null,
    );
    const configuration = leaderStatus?.configuration ?? newest?.raft?.configuration ?? { voters: consensus.voterIds(), learners: [] };
    const quorumSize = configuration.voters.length === 0 ? 0 : Math.floor(configuration.voters.length / 2) + 1;
    const electionTimeoutTicks = group.settings().electionTimeoutTicks ?? RAFT_CONFIG_DEFAULTS.electionTimeoutTicks;
    const voters = new Set(configuration.voters);
    const reachableVoters =
      leaderStatus === null
        ? 0
        : (leaderStatus.progress ?? []).filter((peer) => voters.has(peer.nodeId) && (peer.nodeId === leaderStatus.id || peer.silentTicks < electionTimeoutTicks)).length;
    const commitIndex =
      leaderStatus?.commitIndex ?? Math.max(0, ...statuses.map((status) => status.raft?.commitIndex ?? status.disk.hardState.commit));
    return {
      leaderId: leader.leaderId,
      term: leader.term,
      commitIndex,
      voters: configuration.voters.length,
      learners: configuration.learners.length,
      quorumSize,
      hasQuorum: leaderStatus !== null && reachableVoters >= quorumSize,
      configChangePending: group.pendingChange() !== null || consensus.queuedChanges().length > 0,
    };
  }

  private membership(context: OperationContext): ClusteringStatus['membership'] {
    const { membership } = this.deps;
    // Counts come from each list's total: one item per page is enough.
    const members = (state?: 'ALIVE' | 'SUSPECT' | 'DEAD' | 'LEFT') => membership.listMembers(context, { state, limit: 1 }).total;
    return {
      members: members(),
      alive: members('ALIVE'),
      suspect: members('SUSPECT'),
      dead: members('DEAD'),
      left: members('LEFT'),
      protocolPeriod: membership.getGossipState(context, { limit: 1 }).protocolPeriod,
    };
  }

  private coordinator(context: OperationContext): ClusteringStatus['coordinator'] {
    const shards = (state?: ShardState) => this.deps.coordinator.listShards(context, { state, limit: 1 }).total;
    const [active, moving, underReplicated, unassigned] = SHARD_STATES.map((state) => shards(state)) as [number, number, number, number];
    return { executionStrategy: this.deps.executionStrategy.current(), shards: shards(), active, moving, underReplicated, unassigned };
  }
}

function lastFailoverAt(failover: ClusterFailover): string | null {
  const lastMs = failover.statistics().lastFailoverAtMs;
  return lastMs === null ? null : isoTime(lastMs);
}
