import { DomainError, assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { NodeStatus } from '../cluster/node-health.js';
import { hashFunctionNamed, tokenOf, type HashFunction } from '../dht/hash-function.js';
import { MAX_COORDINATOR_NODES, validateCoordinatorConfig, type CoordinatorConfig } from './coordinator-config.js';
import { EXECUTION_STRATEGIES, isExecutionStrategy, type ExecutionStrategy } from './execution-strategy.js';
import { planQuery, type DistributedQuery, type QueryPlan } from './query-planner.js';
import {
  initialPlacements,
  rebalancePlacements,
  type PlacementChanges,
  type Promotion,
  type ShardMove,
  type ShardPlacement,
} from './shard-placement.js';
import { shardIdOf, shardIndexesOfRange, shardIndexOfId, shardIndexOfToken, tokenRangeOfShard, type TokenRange } from './shard-ranges.js';
import { transitionShard, type ShardStatus, type TransitionActor } from '../sharding/shard-state.js';
import { ShardGroups, type GroupShardView, type ShardGroupState } from './shard-groups.js';

const NODE_STATUSES: readonly NodeStatus[] = ['INITIALIZING', 'HEALTHY', 'SUSPECTED', 'DOWN', 'RECOVERING'];

/**
 * The six states of `src/engines/sharding/shard-state.ts`, changed only by `transitionShard`. A
 * copy being filled moves an ACTIVE shard to REBALANCING (the former MOVING) until it completes.
 */
export type ShardState = ShardStatus;

export interface ShardView extends TokenRange {
  shardId: string;
  state: ShardState;
  primaryNodeId: string | null;
  replicaNodeIds: string[];
  pendingMoves: ShardMove[];
  lastMovedAtMs: number | null;
}

export interface CoordinatorNodeView {
  nodeId: string;
  status: NodeStatus;
  primaryShards: number;
  replicaShards: number;
  /** Copies being filled on this node. */
  incomingMoves: number;
  /** Copies being filled from this node. */
  outgoingMoves: number;
}

export interface AssignResult {
  shard: ShardView;
  /** The copy started, when the node held none of the shard. */
  move: ShardMove | null;
  /** The replica made primary, when the node held one. */
  promotion: Promotion | null;
}

/** What adding a replica changed. */
export interface ReplicaAssignResult {
  shard: ShardView;
  /** The copy started, or null when the node already held a copy. */
  move: ShardMove | null;
  /** Replicas dropped to keep the shard at replicationFactor copies. */
  droppedReplicaNodeIds: string[];
}

/** What a join, leave or rebalance changed. */
export type RebalanceResult = PlacementChanges;

/** The persisted state. */
export interface CoordinatorState {
  config: CoordinatorConfig;
  executionStrategy: ExecutionStrategy;
  nodes: { nodeId: string; status: NodeStatus }[];
  placements: ShardPlacement[];
  /** The default group's states by shard id. Absent in a state saved before the six states: derived from the pending moves. */
  states?: Record<string, ShardStatus>;
  /** The shard groups of sharded tables (not the default group). Absent in older states: none. */
  groups?: ShardGroupState[];
}

/**
 * The cluster coordinator: the hash space cut into shards, where each shard's copies live, the
 * execution strategy, and the plans of distributed queries. Membership changes rebalance with as
 * little data moved as possible; a copy to a new node is filled over `shardMoveDurationMs` of
 * cluster time and completes on `tick`. Time comes in as `nowMs` arguments.
 */
export class ClusterCoordinator {
  private readonly config: CoordinatorConfig;
  private readonly hashFunction: HashFunction;
  private strategy: ExecutionStrategy;
  /** Members in node-id order. */
  private nodeStatuses = new Map<string, NodeStatus>();
  /** One per shard, in shard order. */
  private placements: ShardPlacement[];
  /** Nodes that take writes (null: every member), for the default group's primaries. Not persisted: replication says it at every start. */
  private writableNodeIds: ReadonlySet<string> | null = null;
  /** The default group's shard states, by shard id. */
  private states = new Map<string, ShardStatus>();
  /** Shards made REBALANCING by a copy this coordinator fills (not by a workflow): ACTIVE again when it completes. */
  private copying = new Set<string>();
  /** The groups of sharded tables whose layout is not the coordinator's cut. */
  private readonly groups: ShardGroups;

  /**
   * A coordinator over `nodes` (HEALTHY unless told), shards placed evenly; or, given `restored`,
   * exactly the persisted one (then `config` and `nodes` are not used).
   */
  constructor(config: Partial<CoordinatorConfig> = {}, nodes: readonly { nodeId: string; status?: NodeStatus }[] = [], restored?: CoordinatorState) {
    this.config = validateCoordinatorConfig(restored?.config ?? config);
    this.hashFunction = hashFunctionNamed(this.config.hashFunction, this.config.hashSeed);
    this.strategy = restored?.executionStrategy ?? this.config.executionStrategy;
    for (const node of restored?.nodes ?? nodes) this.admit(node.nodeId, node.status ?? 'HEALTHY');
    const shardIds = Array.from({ length: this.config.shardCount }, (_, index) => shardIdOf(index));
    this.placements = restored ? structuredClone(restored.placements) : initialPlacements(shardIds, this.placementNodes(), this.config.replicationFactor);
    assert(
      this.placements.every((placement, index) => placement.shardId === shardIds[index]),
      `the placements are those of the ${this.config.shardCount} configured shards, in order`,
    );
    for (const placement of this.placements) {
      const state = restored?.states?.[placement.shardId] ?? (placement.pendingMoves.length > 0 ? 'REBALANCING' : 'ACTIVE');
      this.states.set(placement.shardId, state);
      if (state === 'REBALANCING' && placement.pendingMoves.length > 0) this.copying.add(placement.shardId);
    }
    this.groups = new ShardGroups(restored?.groups ?? []);
  }

  getConfig(): CoordinatorConfig {
    return { ...this.config };
  }

  executionStrategy(): ExecutionStrategy {
    return this.strategy;
  }

  setExecutionStrategy(strategy: ExecutionStrategy): { previous: ExecutionStrategy; current: ExecutionStrategy } {
    if (!isExecutionStrategy(strategy)) {
      throw new DomainError('UNPROCESSABLE', `Unknown execution strategy "${strategy}"; use one of ${Object.keys(EXECUTION_STRATEGIES).join(', ')}.`, {
        strategy,
      });
    }
    const previous = this.strategy;
    this.strategy = strategy;
    return { previous, current: strategy };
  }

  /** Every shard in shard order. */
  shards(): ShardView[] {
    return this.placements.map((placement, index) => this.view(placement, index));
  }

  shard(shardId: string): ShardView {
    const index = this.indexOf(shardId);
    return this.view(this.placements[index]!, index);
  }

  /** The shard that owns a shard key. */
  shardOfKey(key: string): ShardView {
    const index = shardIndexOfToken(tokenOf(this.hashFunction, key), this.config.shardCount);
    return this.view(this.placements[index]!, index);
  }

  /** Members in node-id order, with the shards they hold. */
  nodes(): CoordinatorNodeView[] {
    const views = new Map<string, CoordinatorNodeView>();
    for (const [nodeId, status] of this.nodeStatuses) views.set(nodeId, { nodeId, status, primaryShards: 0, replicaShards: 0, incomingMoves: 0, outgoingMoves: 0 });
    for (const placement of this.placements) {
      if (placement.primaryNodeId !== null) views.get(placement.primaryNodeId)!.primaryShards += 1;
      for (const nodeId of placement.replicaNodeIds) views.get(nodeId)!.replicaShards += 1;
      for (const move of placement.pendingMoves) {
        views.get(move.toNodeId)!.incomingMoves += 1;
        if (move.fromNodeId !== null) views.get(move.fromNodeId)!.outgoingMoves += 1;
      }
    }
    return [...views.values()];
  }

  /** A node joins: shards are rebalanced onto it. */
  addNode(nodeId: string, nowMs: number, status: NodeStatus = 'HEALTHY'): RebalanceResult {
    if (this.nodeStatuses.has(nodeId)) throw new DomainError('CONFLICT', `Node "${nodeId}" is already a member.`, { nodeId });
    this.admit(nodeId, status);
    return this.rebalance(nowMs);
  }

  /** A node leaves: its primaries pass to replicas, its copies are re-made elsewhere. */
  removeNode(nodeId: string, nowMs: number): RebalanceResult {
    this.member(nodeId);
    this.nodeStatuses.delete(nodeId);
    return this.rebalance(nowMs);
  }

  /**
   * Records a node's health. Nothing moves: a DOWN node keeps its shards (plans read them from
   * replicas) and may come back; it is only given no new copies. Remove it to re-home its shards.
   */
  setNodeStatus(nodeId: string, status: NodeStatus): CoordinatorNodeView {
    this.member(nodeId);
    if (!NODE_STATUSES.includes(status)) throw new DomainError('UNPROCESSABLE', `Unknown node status "${status}".`, { status });
    this.nodeStatuses.set(nodeId, status);
    return this.nodes().find((node) => node.nodeId === nodeId)!;
  }

  /**
   * Which members take writes (replication's PRIMARY and STANDALONE nodes; null: every member):
   * the default group's primaries go only to them, moved there by the rebalance this runs.
   */
  setWritableNodes(nodeIds: readonly string[] | null, nowMs: number): RebalanceResult {
    this.writableNodeIds = nodeIds === null ? null : new Set(nodeIds);
    return this.rebalance(nowMs);
  }

  /** Evens out primaries and copies over the nodes that can receive them. */
  rebalance(nowMs: number): RebalanceResult {
    const { placements, moves, promotions } = rebalancePlacements(this.placements, this.placementNodes(), {
      replicationFactor: this.config.replicationFactor,
      nowMs,
      shardMoveDurationMs: this.config.shardMoveDurationMs,
    });
    this.placements = placements;
    this.followMoves();
    return { moves, promotions };
  }

  /**
   * Makes `nodeId` the shard's primary. A node holding a replica is promoted (the former primary
   * becomes a replica); otherwise the primary's data is copied to it, and the former primary
   * serves until the copy completes and stays as a replica (it holds the data already); the
   * replica on the most loaded other node is dropped to stay at replicationFactor copies.
   */
  assign(shardId: string, nodeId: string, nowMs: number): AssignResult {
    const index = this.indexOf(shardId);
    const status = this.member(nodeId);
    const placement = structuredClone(this.placements[index]!);
    if (status === 'DOWN') throw new DomainError('CONFLICT', `Node "${nodeId}" is DOWN; a shard cannot be assigned to it.`, { shardId, nodeId });
    if (this.writableNodeIds !== null && !this.writableNodeIds.has(nodeId)) {
      throw new DomainError('CONFLICT', `Node "${nodeId}" takes no writes (a standby); a shard's primary must be a PRIMARY or STANDALONE node.`, { shardId, nodeId });
    }
    if (placement.pendingMoves.length > 0) {
      throw new DomainError('CONFLICT', `Shard "${shardId}" is MOVING; assign it once its copy completes.`, { shardId, pendingMoves: placement.pendingMoves });
    }
    const former = placement.primaryNodeId;
    let move: ShardMove | null = null;
    let promotion: Promotion | null = null;
    if (former === nodeId) return { shard: this.view(placement, index), move, promotion };
    if (former !== null && placement.replicaNodeIds.includes(nodeId)) {
      placement.replicaNodeIds = placement.replicaNodeIds.map((replica) => (replica === nodeId ? former : replica));
      promotion = { shardId, nodeId, formerPrimaryNodeId: former };
    } else {
      const durationMs = former === null ? 0 : this.config.shardMoveDurationMs;
      move = { shardId, role: 'PRIMARY', fromNodeId: former, toNodeId: nodeId, startedAtMs: nowMs, completesAtMs: nowMs + durationMs };
      placement.replicaNodeIds = placement.replicaNodeIds.filter((replica) => replica !== nodeId);
      if (former !== null) placement.replicaNodeIds.push(former);
      if (durationMs > 0) placement.pendingMoves.push(move);
      placement.lastMovedAtMs = nowMs;
    }
    placement.primaryNodeId = nodeId;
    if (move !== null) this.trimReplicas(placement, { preferKeeping: former });
    this.placements[index] = placement;
    this.followMoves();
    return { shard: this.view(placement, index), move, promotion };
  }

  /**
   * Adds a replica of the shard on `nodeId`: the primary's data is copied to it over
   * `shardMoveDurationMs`. When the shard already has replicationFactor copies, the replica on
   * the most loaded other node is dropped, so the copy count stays what the configuration asks.
   * A node already holding a copy changes nothing.
   */
  assignReplica(shardId: string, nodeId: string, nowMs: number): ReplicaAssignResult {
    const index = this.indexOf(shardId);
    const status = this.member(nodeId);
    const placement = structuredClone(this.placements[index]!);
    if (status === 'DOWN') throw new DomainError('CONFLICT', `Node "${nodeId}" is DOWN; a shard cannot be assigned to it.`, { shardId, nodeId });
    if (placement.pendingMoves.length > 0) {
      throw new DomainError('CONFLICT', `Shard "${shardId}" is MOVING; assign it once its copy completes.`, { shardId, pendingMoves: placement.pendingMoves });
    }
    if (placement.primaryNodeId === nodeId || placement.replicaNodeIds.includes(nodeId)) {
      return { shard: this.view(placement, index), move: null, droppedReplicaNodeIds: [] };
    }
    const source = placement.primaryNodeId;
    const durationMs = source === null ? 0 : this.config.shardMoveDurationMs;
    const move: ShardMove = { shardId, role: 'REPLICA', fromNodeId: source, toNodeId: nodeId, startedAtMs: nowMs, completesAtMs: nowMs + durationMs };
    placement.replicaNodeIds.push(nodeId);
    if (durationMs > 0) placement.pendingMoves.push(move);
    placement.lastMovedAtMs = nowMs;
    const droppedReplicaNodeIds = this.trimReplicas(placement, { keep: nodeId });
    this.placements[index] = placement;
    this.followMoves();
    return { shard: this.view(placement, index), move, droppedReplicaNodeIds };
  }

  /**
   * Drops replicas while the shard has more than replicationFactor copies, the one on the most
   * loaded node first (most copies held, then last in node-id order). `keep` is never dropped
   * (the copy just asked for: the shard then stays over-replicated rather than refuse it);
   * `preferKeeping` only when no other replica is left to drop.
   */
  private trimReplicas(placement: ShardPlacement, spare: { keep?: string; preferKeeping?: string | null }): string[] {
    const copiesOf = new Map(this.nodes().map((node) => [node.nodeId, node.primaryShards + node.replicaShards]));
    const dropped: string[] = [];
    const copies = () => placement.replicaNodeIds.length + (placement.primaryNodeId === null ? 0 : 1);
    while (copies() > this.config.replicationFactor) {
      const droppable = placement.replicaNodeIds.filter((nodeId) => nodeId !== spare.keep);
      const preferred = droppable.filter((nodeId) => nodeId !== spare.preferKeeping);
      const pool = preferred.length > 0 ? preferred : droppable;
      if (pool.length === 0) break;
      const heaviest = pool.reduce((most, candidate) => {
        const order = (copiesOf.get(candidate) ?? 0) - (copiesOf.get(most) ?? 0) || naturalCompare(candidate, most);
        return order > 0 ? candidate : most;
      });
      placement.replicaNodeIds = placement.replicaNodeIds.filter((nodeId) => nodeId !== heaviest);
      dropped.push(heaviest);
    }
    return dropped;
  }

  /** Completes the copies due by `nowMs`; returns them in completion order. */
  tick(nowMs: number): ShardMove[] {
    const completed: ShardMove[] = [];
    for (const placement of this.placements) {
      if (!placement.pendingMoves.some((move) => move.completesAtMs <= nowMs)) continue;
      completed.push(...placement.pendingMoves.filter((move) => move.completesAtMs <= nowMs));
      placement.pendingMoves = placement.pendingMoves.filter((move) => move.completesAtMs > nowMs);
    }
    this.followMoves();
    return completed.sort((a, b) => a.completesAtMs - b.completesAtMs);
  }

  /** The plan of a distributed query under `strategy` (the current one by default). */
  plan(query: DistributedQuery, strategy: ExecutionStrategy = this.strategy): QueryPlan {
    const { shardCount } = this.config;
    return planQuery({
      strategy,
      query,
      placements: this.placements,
      nodes: this.nodeStatuses,
      shardIndexOfKey: (key) => shardIndexOfToken(tokenOf(this.hashFunction, key), shardCount),
      shardIndexesOfRange: (range) => shardIndexesOfRange(range, shardCount),
    });
  }

  /**
   * Changes a shard's state (of any group) through the one state machine.
   * @throws DomainError NOT_FOUND for an unknown shard; CONFLICT for a transition the table refuses.
   */
  transitionShard(shardId: string, to: ShardStatus, actor: TransitionActor): ShardStatus {
    if (this.states.has(shardId)) {
      const next = transitionShard(shardId, this.states.get(shardId)!, to, actor);
      this.states.set(shardId, next);
      return next;
    }
    return this.groups.transition(shardId, to, actor);
  }

  /** The state of a shard of any group. @throws DomainError NOT_FOUND. */
  shardState(shardId: string): ShardStatus {
    return this.states.get(shardId) ?? this.groups.shard(shardId).state;
  }

  /** The sharded tables' groups (the default group is `shards()`). */
  shardGroups(): ShardGroups {
    return this.groups;
  }

  /**
   * Creates a group of `shardCount` shards for a layout, each CREATING, primaries spread over
   * `writableNodeIds` (the nodes that take writes; the group's replicas are theirs, derived by the
   * caller, so none are placed here). @throws CONFLICT when no writable node is a member.
   */
  createShardGroup(name: string, layoutKey: string, shardCount: number, writableNodeIds: readonly string[]): GroupShardView[] {
    return this.groups.create(name, layoutKey, shardCount, this.writableMembers(writableNodeIds));
  }

  /** Adds one shard, CREATING, to a group, on the least loaded writable node. */
  addGroupShard(name: string, writableNodeIds: readonly string[]): GroupShardView {
    return this.groups.addShard(name, this.writableMembers(writableNodeIds));
  }

  /**
   * Re-points a shard's primary at once (the move workflow's routing flip, after its copy): one
   * atomic step, no copy started. For the default group the former primary becomes a replica.
   * @throws NOT_FOUND (shard or node), CONFLICT (a DOWN node, or a copy still being filled).
   */
  repointShard(shardId: string, nodeId: string, nowMs: number): void {
    if (this.member(nodeId) === 'DOWN') throw new DomainError('CONFLICT', `Node "${nodeId}" is DOWN; a shard cannot be pointed at it.`, { shardId, nodeId });
    if (!this.states.has(shardId)) {
      this.groups.repoint(shardId, nodeId, nowMs);
      return;
    }
    const index = this.indexOf(shardId);
    const placement = structuredClone(this.placements[index]!);
    if (placement.pendingMoves.length > 0) throw new DomainError('CONFLICT', `Shard "${shardId}" has a copy being filled; repoint it once the copy completes.`, { shardId });
    const former = placement.primaryNodeId;
    if (former === nodeId) return;
    placement.replicaNodeIds = placement.replicaNodeIds.filter((replica) => replica !== nodeId);
    if (former !== null) placement.replicaNodeIds.unshift(former);
    placement.primaryNodeId = nodeId;
    placement.lastMovedAtMs = nowMs;
    this.trimReplicas(placement, { preferKeeping: former });
    this.placements[index] = placement;
  }

  snapshot(): CoordinatorState {
    return {
      config: this.getConfig(),
      executionStrategy: this.strategy,
      nodes: [...this.nodeStatuses].map(([nodeId, status]) => ({ nodeId, status })),
      placements: structuredClone(this.placements),
      states: Object.fromEntries(this.states),
      groups: this.groups.snapshot(),
    };
  }

  /** Members among `nodeIds`, not DOWN, in node-id order. */
  private writableMembers(nodeIds: readonly string[]): string[] {
    const writable = new Set(nodeIds);
    return [...this.nodeStatuses].filter(([nodeId, status]) => writable.has(nodeId) && status !== 'DOWN').map(([nodeId]) => nodeId);
  }

  /** A copy being filled makes an ACTIVE shard REBALANCING; the last one completing makes it ACTIVE again. */
  private followMoves(): void {
    for (const { shardId, pendingMoves } of this.placements) {
      const state = this.states.get(shardId) ?? 'ACTIVE';
      if (pendingMoves.length > 0 && state === 'ACTIVE') {
        this.states.set(shardId, transitionShard(shardId, state, 'REBALANCING', 'WORKFLOW'));
        this.copying.add(shardId);
      } else if (pendingMoves.length === 0 && this.copying.delete(shardId) && state === 'REBALANCING') {
        this.states.set(shardId, transitionShard(shardId, state, 'ACTIVE', 'WORKFLOW'));
      }
    }
  }

  private admit(nodeId: string, status: NodeStatus): void {
    if (this.nodeStatuses.size >= MAX_COORDINATOR_NODES) {
      throw new DomainError('CONFLICT', `The coordinator already places shards on the maximum of ${MAX_COORDINATOR_NODES} nodes.`);
    }
    if (!NODE_STATUSES.includes(status)) throw new DomainError('UNPROCESSABLE', `Unknown node status "${status}".`, { status });
    const lastNodeId = [...this.nodeStatuses.keys()].at(-1);
    this.nodeStatuses.set(nodeId, status);
    if (lastNodeId !== undefined && naturalCompare(nodeId, lastNodeId) < 0) {
      this.nodeStatuses = new Map([...this.nodeStatuses].sort(([a], [b]) => naturalCompare(a, b)));
    }
  }

  private placementNodes(): { nodeId: string; status: NodeStatus; writable: boolean }[] {
    return [...this.nodeStatuses].map(([nodeId, status]) => ({ nodeId, status, writable: this.writableNodeIds?.has(nodeId) ?? true }));
  }

  private member(nodeId: string): NodeStatus {
    const status = this.nodeStatuses.get(nodeId);
    if (status === undefined) throw new DomainError('NOT_FOUND', `Node "${nodeId}" is not a member of the cluster.`, { resource: 'cluster.node', id: nodeId });
    return status;
  }

  private indexOf(shardId: string): number {
    const index = shardIndexOfId(shardId, this.config.shardCount);
    if (index === null) throw new DomainError('NOT_FOUND', `No shard has id "${shardId}".`, { resource: 'coordinator.shard', id: shardId });
    return index;
  }

  private view(placement: ShardPlacement, index: number): ShardView {
    return {
      shardId: placement.shardId,
      ...tokenRangeOfShard(index, this.config.shardCount),
      state: this.states.get(placement.shardId) ?? 'ACTIVE',
      primaryNodeId: placement.primaryNodeId,
      replicaNodeIds: [...placement.replicaNodeIds],
      pendingMoves: placement.pendingMoves.map((move) => ({ ...move })),
      lastMovedAtMs: placement.lastMovedAtMs,
    };
  }
}
