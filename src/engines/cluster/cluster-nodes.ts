import type { VirtualClock, TimerId, SimNetwork, FaultSet } from '../runtime/index.js';
import type { EventBus } from '../runtime/event-bus.js';
import type { Journal } from '../../store/journal.js';
import { DomainError, assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { changedConfigFields, validateClusterConfig, type ClusterConfig } from './cluster-config.js';
import { initialNodeHealth, missedHeartbeats, onHeartbeat, onSilence, type NodeHealth, type NodeStatus } from './node-health.js';
import { clusterStateOf, quorumOf, removalEndangersQuorum, type ClusterState, type MemberHealth, type NodeRole, type QuorumView } from './quorum.js';
import type { ClusterEventMap } from './events.js';

/** Where heartbeats go: the control plane that runs the failure detector. */
export const CONTROL_PLANE_ID = 'control-plane';

/** Largest cluster this engine accepts (TigerStyle: a limit on everything). */
export const MAX_CLUSTER_NODES = 5000;
/** The region of a node added without one: not placed anywhere yet. */
export const DEFAULT_REGION = 'local';

export interface NodeCapacity {
  cpuCores: number;
  totalMemoryGb: number;
  availableMemoryGb: number;
  storageCapacityGb: number;
  networkBandwidthMbps: number;
}

/** Services a node can run. */
export type NodeService = 'storage' | 'query' | 'replication' | 'coordinator' | 'gateway';

export type MemberRole = Extract<NodeRole, 'FOLLOWER' | 'COORDINATOR' | 'WITNESS' | 'READ_ONLY'>;

/** What an operator decided about a node: persisted, and all that survives a restart. */
export interface NodeSpec {
  nodeId: string;
  name: string;
  address: string;
  role: MemberRole;
  capacity: NodeCapacity;
  services: NodeService[];
  priority: number;
  region: string;
  zone: string;
  joinedAtMs: number;
}

export type AddNodeRequest = Partial<Omit<NodeSpec, 'joinedAtMs' | 'address'>> & { address: string };

/** A node as observed now: its spec plus what the failure detector and the clock say. */
export interface ClusterNodeView extends Omit<NodeSpec, 'role'> {
  /** The spec's role, or LEADER/CANDIDATE while consensus gives the node that part. */
  role: NodeRole;
  status: NodeStatus;
  /** Cluster time the node entered `status`. */
  statusSinceMs: number;
  lastHeartbeatMs: number | null;
  missedHeartbeats: number;
  uptimeSeconds: number;
}

export interface ClusterSummary extends QuorumView {
  clusterName: string;
  state: ClusterState;
  totalNodes: number;
  healthyNodes: number;
  suspectedNodes: number;
  downNodes: number;
  heartbeatsReceived: number;
}

export interface HeartbeatMessage {
  kind: 'heartbeat';
  nodeId: string;
  /** Which life of the node sent it: a heartbeat from before a remove and re-add is stale. */
  incarnation: number;
}

/**
 * Told synchronously, inside the unit of work that made the change, so that engines which follow
 * membership (consensus, hash ring, shards, load balancer) change in the same journal batch.
 */
export interface ClusterNodesObserver {
  nodeJoined?(spec: NodeSpec): void;
  nodeLeft?(spec: NodeSpec): void;
  healthChanged?(nodeId: string, previousStatus: NodeStatus, status: NodeStatus): void;
  configChanged?(config: ClusterConfig): void;
}

export interface ClusterNodesDeps {
  clock: VirtualClock;
  network: SimNetwork<HeartbeatMessage>;
  faults: FaultSet;
  bus: EventBus<ClusterEventMap>;
  journal: Journal;
}

/** Persisted record kinds. */
export const NODE_RECORD = 'cluster.node';
export const CONFIG_RECORD = 'cluster.config';
export const META_RECORD = 'cluster.meta';

/** When the cluster was formed and last changed (membership or configuration), in cluster time. */
export interface ClusterMeta {
  createdAtMs: number;
  updatedAtMs: number;
}

const defaultCapacity: NodeCapacity = {
  cpuCores: 8,
  totalMemoryGb: 32,
  availableMemoryGb: 30,
  storageCapacityGb: 1024,
  networkBandwidthMbps: 10000,
};

interface Member {
  spec: NodeSpec;
  incarnation: number;
  health: NodeHealth;
  heartbeatTimer: TimerId;
  /** Cluster time the node's process last started; null while crashed. */
  processStartedMs: number | null;
  /** Cluster time the node entered its current status. */
  statusSinceMs: number;
}

/**
 * The cluster's members and the failure detector that watches them. Each node sends a heartbeat
 * over the simulated network every `heartbeatIntervalMs`; the control plane records arrivals and
 * sweeps once per interval for silence. Crash faults stop a node's heartbeats; partitions and loss
 * drop them in the network. Every status change is an event; every membership change is journaled.
 */
export class ClusterNodes {
  /** Kept in node-id order (node-2 before node-10), so listing needs no sort. */
  private members = new Map<string, Member>();
  private config: ClusterConfig;
  private sweepTimer: TimerId | null = null;
  private heartbeatsReceived = 0;
  private lastIncarnation = 0;
  /** Bumped by every change a timer does not make (membership, configuration, faults). */
  private version = 0;
  private listed: { atMs: number; version: number; views: readonly ClusterNodeView[] } | null = null;
  private readonly observers = new Set<ClusterNodesObserver>();
  /** LEADER or CANDIDATE as consensus sees a node; null for the node's own role. Set by {@link followConsensus}. */
  private consensusRoleOf: (nodeId: string) => 'LEADER' | 'CANDIDATE' | null = () => null;
  /** Whether consensus lets a node vote; undefined until {@link followConsensus}, when the role decides. */
  private consensusVoter: ((nodeId: string) => boolean) | undefined;
  /** Throws when consensus could not commit a membership change now; none until {@link followConsensus}. */
  private consensusQuorum: ((consequence: string) => void) | undefined;

  constructor(
    private readonly deps: ClusterNodesDeps,
    config: ClusterConfig,
    private meta: ClusterMeta,
  ) {
    this.config = validateClusterConfig({ ...config });
    deps.network.attach(CONTROL_PLANE_ID, (_from, message) => this.receiveHeartbeat(message));
    // A crash ends the node's process at once, even one healed before its next beat.
    deps.faults.onChange(() => {
      for (const member of this.members.values()) if (deps.faults.isCrashed(member.spec.nodeId)) member.processStartedMs = null;
      this.version += 1;
    });
    this.scheduleSweep();
  }

  /** Tells `observer` of every later membership and health change; returns a function that stops it. */
  observe(observer: ClusterNodesObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /**
   * Shows LEADER and CANDIDATE from consensus in place of a node's own role, and counts as voters
   * only the nodes consensus lets vote. Call {@link consensusChanged} whenever either answer may
   * have changed. Every node added or removed becomes a Raft membership change, so with
   * `requireQuorum` nodes are added and removed only while that change could commit.
   */
  followConsensus(consensus: {
    roleOf: (nodeId: string) => 'LEADER' | 'CANDIDATE' | null;
    isVoter: (nodeId: string) => boolean;
    requireQuorum?: (consequence: string) => void;
  }): void {
    this.consensusRoleOf = consensus.roleOf;
    this.consensusVoter = consensus.isVoter;
    this.consensusQuorum = consensus.requireQuorum;
    this.version += 1;
  }

  /** Consensus roles changed: views built before are stale. */
  consensusChanged(): void {
    this.version += 1;
  }

  /** Starts the nodes found in the store, without emitting join events again. */
  restore(specs: readonly NodeSpec[]): void {
    for (const spec of [...specs].sort((a, b) => compareNodeIds(a.nodeId, b.nodeId))) this.startMember(spec);
  }

  getConfig(): ClusterConfig {
    return { ...this.config };
  }

  getMeta(): ClusterMeta {
    return { ...this.meta };
  }

  /** Replaces the whole configuration; timers follow the new intervals from their next beat. */
  replaceConfig(next: ClusterConfig): ClusterConfig {
    const validated = validateClusterConfig({ ...next });
    const changedFields = changedConfigFields(this.config, validated);
    if (changedFields.length === 0) return this.getConfig();
    const intervalChanged = validated.heartbeatIntervalMs !== this.config.heartbeatIntervalMs;
    this.config = validated;
    this.deps.journal.put(CONFIG_RECORD, 'current', this.config);
    this.touch();
    this.deps.bus.publish('cluster_config_changed', 'cluster.config', { changedFields });
    for (const observer of this.observers) observer.configChanged?.(this.getConfig());
    if (intervalChanged) {
      for (const member of this.members.values()) this.restartHeartbeats(member);
      this.scheduleSweep();
    }
    return this.getConfig();
  }

  /**
   * Every member, in id order. The list of one cluster instant is built once and shared (frozen):
   * between two timer firings at the same time and with no membership change, nothing in it can
   * differ, and list requests arrive far more often than the clock ticks.
   */
  list(): readonly ClusterNodeView[] {
    const nowMs = this.deps.clock.now();
    if (this.listed?.atMs !== nowMs || this.listed.version !== this.version) {
      this.listed = { atMs: nowMs, version: this.version, views: Object.freeze([...this.members.values()].map((member) => Object.freeze(this.view(member)))) };
    }
    return this.listed.views;
  }

  get(nodeId: string): ClusterNodeView {
    return this.view(this.member(nodeId));
  }

  has(nodeId: string): boolean {
    return this.members.has(nodeId);
  }

  add(request: AddNodeRequest): ClusterNodeView {
    if (this.members.size >= MAX_CLUSTER_NODES) {
      throw new DomainError('CONFLICT', `The cluster already has the maximum of ${MAX_CLUSTER_NODES} nodes.`);
    }
    const nodeId = request.nodeId ?? this.nextNodeId();
    if (this.members.has(nodeId)) {
      throw new DomainError('CONFLICT', `A cluster node with id "${nodeId}" already exists.`, { nodeId });
    }
    const sameAddress = [...this.members.values()].find((member) => member.spec.address === request.address);
    if (sameAddress) {
      throw new DomainError('CONFLICT', `Node "${sameAddress.spec.nodeId}" already listens on ${request.address}.`, {
        nodeId: sameAddress.spec.nodeId,
        address: request.address,
      });
    }
    const capacity = request.capacity ?? defaultCapacity;
    if (capacity.availableMemoryGb > capacity.totalMemoryGb) {
      throw new DomainError('UNPROCESSABLE', 'capacity.availableMemoryGb cannot exceed capacity.totalMemoryGb.');
    }
    this.consensusQuorum?.(`adding ${nodeId} to the cluster could not commit in consensus`);
    const spec: NodeSpec = {
      nodeId,
      name: request.name ?? nodeId,
      address: request.address,
      role: request.role ?? 'FOLLOWER',
      capacity: { ...capacity },
      services: [...(request.services ?? ['storage', 'query'])],
      priority: request.priority ?? 100,
      region: request.region ?? DEFAULT_REGION,
      zone: request.zone ?? 'local-a',
      joinedAtMs: this.deps.clock.now(),
    };
    this.deps.journal.put(NODE_RECORD, nodeId, spec);
    this.touch();
    this.startMember(spec);
    this.deps.bus.publish('node_joined', 'cluster.membership', membershipPayload(spec));
    for (const observer of this.observers) observer.nodeJoined?.(spec);
    return this.get(nodeId);
  }

  /**
   * Moves a node to `region` (the cluster engine owns regions: the geo engine's datacenters set
   * their nodes' region through here). Journaled like every spec change; a no-op when unchanged.
   * @throws DomainError NOT_FOUND for an unknown node.
   */
  setRegion(nodeId: string, region: string): ClusterNodeView {
    const member = this.member(nodeId);
    if (member.spec.region !== region) {
      member.spec = { ...member.spec, region };
      this.deps.journal.put(NODE_RECORD, nodeId, member.spec);
      this.touch();
    }
    return this.get(nodeId);
  }

  /**
   * Removes a member. Refused when it would cost the cluster its quorum or its last margin of
   * failure tolerance, unless `force`; and, whatever `force` says, while consensus could not
   * commit the removal (see {@link followConsensus}).
   */
  remove(nodeId: string, options: { force: boolean }): ClusterNodeView {
    const member = this.member(nodeId);
    const healths = this.memberHealths();
    const removed = healths.find((health) => health.nodeId === nodeId);
    assert(removed, 'member health present');
    const impact = removalEndangersQuorum(healths, removed, this.config.minQuorumSize);
    if (impact.endangers && !options.force) {
      throw new DomainError(
        'CONFLICT',
        `Removing "${nodeId}" would leave the cluster with failure tolerance ${impact.after.failureTolerance}` +
          `${impact.after.hasQuorum ? '' : ' and no quorum'}; pass force=true to remove it anyway.`,
        { nodeId, before: impact.before, after: impact.after },
      );
    }
    this.consensusQuorum?.(`removing ${nodeId} from the cluster could not commit in consensus`);
    const last = this.view(member);
    this.deps.clock.cancel(member.heartbeatTimer);
    this.members.delete(nodeId);
    this.deps.journal.delete(NODE_RECORD, nodeId);
    this.touch();
    this.deps.bus.publish('node_left', 'cluster.membership', membershipPayload(member.spec));
    for (const observer of this.observers) observer.nodeLeft?.(member.spec);
    return last;
  }

  summary(): ClusterSummary {
    const healths = this.memberHealths();
    const quorum = quorumOf(healths, this.config.minQuorumSize);
    const count = (status: NodeStatus) => healths.filter((health) => health.status === status).length;
    return {
      ...quorum,
      clusterName: this.config.clusterName,
      state: clusterStateOf(healths, quorum),
      totalNodes: healths.length,
      healthyNodes: count('HEALTHY') + count('RECOVERING'),
      suspectedNodes: count('SUSPECTED'),
      downNodes: count('DOWN'),
      heartbeatsReceived: this.heartbeatsReceived,
    };
  }

  private touch(): void {
    this.version += 1;
    this.meta = { ...this.meta, updatedAtMs: this.deps.clock.now() };
    this.deps.journal.put(META_RECORD, 'current', this.meta);
  }

  private memberHealths(): (MemberHealth & { nodeId: string })[] {
    const voter = this.consensusVoter;
    return [...this.members.values()].map((member) => ({
      nodeId: member.spec.nodeId,
      role: member.spec.role,
      status: member.health.status,
      ...(voter ? { voter: voter(member.spec.nodeId) } : {}),
    }));
  }

  private member(nodeId: string): Member {
    const member = this.members.get(nodeId);
    if (!member) throw new DomainError('NOT_FOUND', `No cluster node has id "${nodeId}".`, { resource: 'cluster.node', id: nodeId });
    return member;
  }

  private startMember(spec: NodeSpec): void {
    assert(!this.members.has(spec.nodeId), `member ${spec.nodeId} started twice`);
    // Frozen, so views can share its capacity and services without copying them per request.
    Object.freeze(spec.capacity);
    Object.freeze(spec.services);
    Object.freeze(spec);
    this.lastIncarnation += 1;
    const member: Member = { spec, incarnation: this.lastIncarnation, health: { ...initialNodeHealth }, heartbeatTimer: -1, processStartedMs: null, statusSinceMs: this.deps.clock.now() };
    const lastNodeId = [...this.members.keys()].at(-1);
    this.members.set(spec.nodeId, member);
    if (lastNodeId !== undefined && compareNodeIds(spec.nodeId, lastNodeId) < 0) {
      this.members = new Map([...this.members].sort(([a], [b]) => compareNodeIds(a, b)));
    }
    this.restartHeartbeats(member);
  }

  private restartHeartbeats(member: Member): void {
    this.deps.clock.cancel(member.heartbeatTimer);
    member.heartbeatTimer = this.deps.clock.every(this.config.heartbeatIntervalMs, () => this.beat(member));
  }

  /** One heartbeat of a node's process: nothing while it is crashed. */
  private beat(member: Member): void {
    if (this.deps.faults.isCrashed(member.spec.nodeId)) {
      member.processStartedMs = null;
      return;
    }
    member.processStartedMs ??= this.deps.clock.now();
    this.deps.network.send(member.spec.nodeId, CONTROL_PLANE_ID, { kind: 'heartbeat', nodeId: member.spec.nodeId, incarnation: member.incarnation });
  }

  private receiveHeartbeat(message: HeartbeatMessage): void {
    const member = this.members.get(message.nodeId);
    // A heartbeat still in flight from a removed node, or from its life before a re-add.
    if (!member || member.incarnation !== message.incarnation) return;
    this.heartbeatsReceived += 1;
    this.transition(member, onHeartbeat(member.health, this.deps.clock.now(), this.config));
  }

  private scheduleSweep(): void {
    if (this.sweepTimer !== null) this.deps.clock.cancel(this.sweepTimer);
    this.sweepTimer = this.deps.clock.every(this.config.heartbeatIntervalMs, () => this.sweep());
  }

  private sweep(): void {
    const nowMs = this.deps.clock.now();
    for (const member of this.members.values()) this.transition(member, onSilence(member.health, nowMs, this.config));
  }

  private transition(member: Member, next: NodeHealth): void {
    const previousStatus = member.health.status;
    member.health = next;
    this.version += 1;
    if (next.status === previousStatus) return;
    member.statusSinceMs = this.deps.clock.now();
    this.deps.bus.publish('node_health_change', 'cluster.failure-detector', {
      nodeId: member.spec.nodeId,
      previousStatus,
      status: next.status,
      missedHeartbeats: missedHeartbeats(next, this.deps.clock.now(), this.config.heartbeatIntervalMs),
    });
    for (const observer of this.observers) observer.healthChanged?.(member.spec.nodeId, previousStatus, next.status);
  }

  private view(member: Member): ClusterNodeView {
    const nowMs = this.deps.clock.now();
    const running = member.processStartedMs !== null && member.health.status !== 'DOWN';
    const { spec } = member;
    // Fields listed one by one: spreading an object and adding keys is ~20x slower on Node 20, and
    // views are built per node per list request.
    return {
      nodeId: spec.nodeId,
      name: spec.name,
      address: spec.address,
      role: this.consensusRoleOf(spec.nodeId) ?? spec.role,
      capacity: spec.capacity,
      services: spec.services,
      priority: spec.priority,
      region: spec.region,
      zone: spec.zone,
      joinedAtMs: spec.joinedAtMs,
      status: member.health.status,
      statusSinceMs: member.statusSinceMs,
      lastHeartbeatMs: member.health.lastHeartbeatMs,
      missedHeartbeats: missedHeartbeats(member.health, nowMs, this.config.heartbeatIntervalMs),
      uptimeSeconds: running && member.processStartedMs !== null ? Math.floor((nowMs - member.processStartedMs) / 1000) : 0,
    };
  }

  /** `node-N` with N one past the highest number in use. */
  private nextNodeId(): string {
    let highest = 0;
    for (const nodeId of this.members.keys()) {
      const match = /^node-(\d+)$/.exec(nodeId);
      if (match) highest = Math.max(highest, Number(match[1]));
    }
    return `node-${highest + 1}`;
  }
}

function membershipPayload(spec: NodeSpec): ClusterEventMap['node_joined'] {
  return { nodeId: spec.nodeId, address: spec.address, role: spec.role, region: spec.region, zone: spec.zone };
}

/** Orders node-2 before node-10. */
export const compareNodeIds = naturalCompare;
