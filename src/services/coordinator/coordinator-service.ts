import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import type { NodeStatus } from '../../engines/cluster/node-health.js';
import { ClusterCoordinator, type CoordinatorState, type ShardView } from '../../engines/coordinator/cluster-coordinator.js';
import { EXECUTION_STRATEGIES, type ExecutionStrategy } from '../../engines/coordinator/execution-strategy.js';
import type { PhaseName, PlanPhase, QueryOperation, QueryPlan } from '../../engines/coordinator/query-planner.js';
import { canReceiveCopies, type CopyRole } from '../../engines/coordinator/shard-placement.js';
import type { TokenRange } from '../../engines/coordinator/shard-ranges.js';
import type { GroupShardView } from '../../engines/coordinator/shard-groups.js';
import { DEFAULT_SHARD_GROUP } from '../../engines/sharding/shard-layout.js';
import type { ShardStatus } from '../../engines/sharding/shard-state.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import type { TimerId, VirtualClock } from '../../engines/runtime/clock.js';
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { LoadBalancerBackend, LoadBalancerService } from '../load-balancer/load-balancer-service.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import type { QueryLatency } from './query-latency.js';

/** The coordinator's configuration, strategy, members and shard placement, persisted on every change. */
export const COORDINATOR_RECORD = 'cluster.coordinator';

/**
 * The contract's shard state: the default group's four (MOVING is the engine's REBALANCING) and,
 * for the default group's shards an operator or workflow set so and every table group's shard,
 * the engine's six states (README of src/engines/sharding, "Shard states").
 */
export type ShardState = 'ACTIVE' | 'MOVING' | 'UNDER_REPLICATED' | 'UNASSIGNED' | Exclude<ShardStatus, 'ACTIVE'>;

/** A shard as the API shows it (the contract's ClusterShard). */
export interface ClusterShard {
  shardId: string;
  /** `default` (the coordinator's token ranges), or the table group the shard belongs to. */
  group: string;
  /** The sharded tables colocated on the shard (none on the default group). */
  tables: string[];
  /** Null for a table group's shard whose layout does not cut the token space (RANGE, LIST, CONSISTENT, composite). */
  startToken: number | null;
  endToken: number | null;
  state: ShardState;
  primaryNodeId: string | null;
  replicaNodeIds: string[];
  pendingMoves: { role: CopyRole; fromNodeId: string | null; toNodeId: string; startedAt: string; completesAt: string }[];
  lastMovedAt: string | null;
}

export const SHARD_FIELDS: readonly (keyof ClusterShard)[] = [
  'shardId', 'group', 'tables', 'startToken', 'endToken', 'state', 'primaryNodeId', 'replicaNodeIds', 'pendingMoves', 'lastMovedAt',
];

export interface ShardQuery {
  group?: string;
  nodeId?: string;
  role?: CopyRole;
  state?: ShardState;
  sortBy?: 'shardId' | 'startToken' | 'state' | 'primaryNodeId' | 'lastMovedAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface ExecutionStrategyChange {
  strategy: ExecutionStrategy;
  previousStrategy: ExecutionStrategy;
  description: string;
  changedAt: string;
}

export interface DistributeQueryRequest {
  sql: string;
  queryType?: QueryOperation;
  shardKeys?: string[];
  tokenRange?: TokenRange;
  strategy?: ExecutionStrategy;
  coordinatorNodeId?: string;
}

export type QueryPhaseName = 'EXECUTE_LOCAL' | 'EXECUTE_REMOTE' | 'MERGE' | 'ACKNOWLEDGE';

export interface QueryTask {
  nodeId: string;
  shardIds: string[];
  copyRole: CopyRole | null;
  local: boolean;
}

/** A distributed query's plan as the API shows it (the contract's DistributedQueryPlan). */
export interface DistributedQueryPlan {
  strategy: ExecutionStrategy;
  queryType: QueryOperation;
  sql: string;
  coordinatorNodeId: string;
  totalShards: number;
  targetShardIds: string[];
  prunedShards: number;
  nodeIds: string[];
  remoteRequests: number;
  phases: { phase: number; name: QueryPhaseName; description: string; tasks: QueryTask[] }[];
}

/** The engine's phases in the contract's words. */
const PHASE_NAMES: Readonly<Record<PhaseName, QueryPhaseName>> = {
  EXECUTE: 'EXECUTE_REMOTE',
  SCATTER: 'EXECUTE_REMOTE',
  REMOTE: 'EXECUTE_REMOTE',
  LOCAL: 'EXECUTE_LOCAL',
  GATHER: 'MERGE',
  MERGE: 'MERGE',
  ACK: 'ACKNOWLEDGE',
};

/**
 * What the sharding engine tells the coordinator's API about a table group's shard: it owns the
 * catalog (which tables are colocated), the layouts (what a shard owns) and the replicas (the
 * physical standbys of the shard's primary node).
 */
export interface ShardedTablesLookup {
  groupShardOf(group: string, shardNumber: number): { tables: string[]; tokenRange: TokenRange | null; replicaNodeIds: string[] };
}

/** The coordinator engine shared with the sharding engine, and how a change it made there is persisted. */
export interface CoordinatorEngineHandle {
  engine: ClusterCoordinator;
  changed(): void;
}

export interface CoordinatorServiceDeps {
  nodes: ClusterNodes;
  loadBalancer: LoadBalancerService;
  latency: QueryLatency;
  clock: VirtualClock;
  journal: Journal;
  runner: OperationRunner;
}

/**
 * Shards of the token space, where their copies live, the execution strategy, and the plans of
 * distributed queries. The coordinator's members follow the cluster's (joins and leaves
 * rebalance the shards, health is recorded), copies being filled complete on the cluster clock,
 * and every change is persisted in the unit of work that made it.
 */
export class CoordinatorService {
  private tick: { timer: TimerId; dueMs: number } | null = null;
  private shardedTables: ShardedTablesLookup | null = null;
  /**
   * The one move workflow (src/engines/sharding/shard-mover.ts), set by the shard-moves module:
   * a shard whose group holds sharded tables moves its rows through it (copy, catch-up, verify,
   * switch, clean-up) instead of the coordinator's timed copy. Returns false for a shard it does
   * not take.
   */
  private moveWorkflow: ((shardId: string, nodeId: string) => boolean) | null = null;

  private constructor(
    private readonly coordinator: ClusterCoordinator,
    private readonly deps: CoordinatorServiceDeps,
  ) {}

  /**
   * Restores the coordinator from the store, or places the shards over the cluster's nodes at the
   * first start (nothing to copy yet); then brings members and health in line with the cluster,
   * resumes copies in flight, and follows the cluster from now on.
   */
  static async load(store: Store, deps: CoordinatorServiceDeps): Promise<CoordinatorService> {
    const stored = await store.get<CoordinatorState>(COORDINATOR_RECORD, 'current');
    const members = deps.nodes.list().map((node) => ({ nodeId: node.nodeId, status: node.status }));
    const coordinator = stored ? new ClusterCoordinator({}, [], stored) : new ClusterCoordinator({}, members);
    const service = new CoordinatorService(coordinator, deps);
    service.catchUpWithCluster(members);
    service.persist();
    service.scheduleTick();
    service.followMembership();
    return service;
  }

  /**
   * The engine, for the sharding engine built over it (one owner of placements and states), and
   * the call that persists a change it made there.
   */
  engineHandle(): CoordinatorEngineHandle {
    return {
      engine: this.coordinator,
      changed: () => {
        this.persist();
        this.scheduleTick();
      },
    };
  }

  /** Called by the sharding module, built after this one: the table groups' shards then show their tables and replicas. */
  attachShardedTables(lookup: ShardedTablesLookup): void {
    this.shardedTables = lookup;
  }

  /**
   * Every group's shards: the default group in token order, then each table group (by name) in
   * shard order. Filtered by group, the copies a node holds, and state.
   */
  listShards(context: OperationContext, query: ShardQuery): Page<Partial<ClusterShard>> {
    return this.deps.runner.read(context, 'listShards', () => {
      if (query.role !== undefined && query.nodeId === undefined) {
        throw new DomainError('UNPROCESSABLE', 'role filters the copies on one node: send nodeId with it.', { role: query.role });
      }
      const { nodeId, role } = query;
      const holdsCopy = (shard: ClusterShard) =>
        nodeId === undefined ||
        (role !== 'REPLICA' && shard.primaryNodeId === nodeId) ||
        (role !== 'PRIMARY' && shard.replicaNodeIds.includes(nodeId));
      const shards = this.currentShards().filter((shard) => holdsCopy(shard) && (query.group === undefined || shard.group === query.group));
      // The listing order is token order within the default group, then shard order per group: sort only for another field or descending.
      const inShardOrder = query.sortBy === undefined || query.sortBy === 'shardId' || query.sortBy === 'startToken';
      const page = pageOf(inShardOrder && query.order === 'desc' ? shards.reverse() : shards, {
        filters: { state: query.state },
        sortBy: inShardOrder ? undefined : query.sortBy,
        order: query.order ?? 'asc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'shardId', SHARD_FIELDS) };
    });
  }

  /** One shard of any group: `shard-N` or `<group>-shard-N`. @throws NOT_FOUND. */
  getShard(context: OperationContext, shardId: string): ClusterShard {
    return this.deps.runner.read(context, 'getShard', () => {
      const found = this.currentShards().find((shard) => shard.shardId === shardId);
      if (found === undefined) throw new DomainError('NOT_FOUND', `No shard has id "${shardId}".`, { resource: 'cluster.shard', id: shardId });
      return found;
    });
  }

  /**
   * Places a copy of a shard on a node: as PRIMARY (a replica there is promoted at once, else the
   * data is copied while the old primary serves) or as REPLICA. UNPROCESSABLE when the node
   * already holds that copy.
   */
  /** Routes primary assignments of shards that hold sharded tables through the move workflow. */
  useMoveWorkflow(move: (shardId: string, nodeId: string) => boolean): void {
    this.moveWorkflow = move;
  }

  assignShard(context: OperationContext, shardId: string, request: { nodeId: string; role?: CopyRole }): Promise<ClusterShard> {
    return this.deps.runner.run(context, 'assignShard', `cluster.shard/${shardId}`, () => {
      const role = request.role ?? 'PRIMARY';
      const groups = this.coordinator.shardGroups();
      const group = groups.names().find((name) => groups.shards(name).some((shard) => shard.shardId === shardId));
      if (group !== undefined) {
        // A table group's replicas are its primary's physical standbys, and its primary moves only
        // with its rows: through the move workflow a rebalance runs (a migration task).
        this.deps.nodes.get(request.nodeId);
        if (role === 'REPLICA') {
          throw new DomainError('CONFLICT', `${shardId} belongs to table group "${group}": its replicas are the physical standbys of its primary, not assigned.`, { shardId, group });
        }
        if (this.moveWorkflow?.(shardId, request.nodeId) !== true) {
          throw new DomainError('CONFLICT', `${shardId} belongs to table group "${group}": its primary moves with its rows, through a sharding rebalance or migration task.`, { shardId, group });
        }
        return this.currentShards().find((shard) => shard.shardId === shardId)!;
      }
      const before = this.coordinator.shard(shardId);
      // NOT_FOUND naming the cluster node, before anything is judged about the copy.
      this.deps.nodes.get(request.nodeId);
      if (before.primaryNodeId === request.nodeId) {
        throw new DomainError('UNPROCESSABLE', `${request.nodeId} is already the primary of ${shardId}.`, { shardId, nodeId: request.nodeId });
      }
      if (role === 'REPLICA' && before.replicaNodeIds.includes(request.nodeId)) {
        throw new DomainError('UNPROCESSABLE', `${request.nodeId} already holds a replica of ${shardId}.`, { shardId, nodeId: request.nodeId });
      }
      const nowMs = this.deps.clock.now();
      const { shard } = role === 'PRIMARY' ? this.coordinator.assign(shardId, request.nodeId, nowMs) : this.coordinator.assignReplica(shardId, request.nodeId, nowMs);
      this.persist();
      this.scheduleTick();
      return this.toShard(shard, this.nodeStatuses());
    });
  }

  setExecutionStrategy(context: OperationContext, strategy: ExecutionStrategy): Promise<ExecutionStrategyChange> {
    return this.deps.runner.run(context, 'setExecutionStrategy', 'cluster.coordinator.executionStrategy', () => {
      const { previous, current } = this.coordinator.setExecutionStrategy(strategy);
      this.persist();
      return { strategy: current, previousStrategy: previous, description: EXECUTION_STRATEGIES[current], changedAt: isoTime(this.deps.clock.now()) };
    });
  }

  /**
   * Plans a distributed query. Nothing durable changes (the load balancer's connections and
   * counters are runtime observations), so it runs as a read: any role, not audited. Without a
   * coordinator named, the request is routed through the load balancer: the node of the backend
   * it picks coordinates, and the connection is held for the plan's simulated latency, then
   * released as a SUCCESS, or an ERROR when the plan is incomplete (answered CONFLICT).
   */
  distributeQuery(context: OperationContext, request: DistributeQueryRequest): DistributedQueryPlan {
    return this.deps.runner.read(context, 'distributeQuery', () => {
      checkQueryShape(request, request.strategy ?? this.coordinator.executionStrategy());
      const plan =
        request.coordinatorNodeId === undefined
          ? this.deps.loadBalancer.route((backend) => {
              const coordinatorNodeId = this.entryNodeOf(backend);
              const planned = this.plan(request, coordinatorNodeId);
              return {
                result: { planned, coordinatorNodeId },
                latencyMs: this.deps.latency.ofPlan(planned, coordinatorNodeId),
                outcome: planned.complete ? 'SUCCESS' : 'ERROR',
              };
            })
          : { planned: this.plan(request, this.namedCoordinator(request.coordinatorNodeId)), coordinatorNodeId: request.coordinatorNodeId };
      return this.toPlan(request, plan.planned, plan.coordinatorNodeId);
    });
  }

  private plan(request: DistributeQueryRequest, coordinatorNodeId: string): QueryPlan {
    return this.coordinator.plan(
      {
        sql: request.sql,
        operation: request.queryType ?? 'READ',
        shardKeys: request.shardKeys,
        tokenRange: request.tokenRange,
        localNodeId: coordinatorNodeId,
      },
      request.strategy ?? this.coordinator.executionStrategy(),
    );
  }

  /** The plan in the contract's words; CONFLICT when it cannot reach every target shard. */
  private toPlan(request: DistributeQueryRequest, plan: QueryPlan, coordinatorNodeId: string): DistributedQueryPlan {
    if (!plan.complete) {
      const what = plan.operation === 'WRITE' ? 'no healthy primary; a write cannot be planned' : 'no healthy copy to serve it';
      throw new DomainError('CONFLICT', `${plan.unavailableShardIds.join(', ')} ${plan.unavailableShardIds.length === 1 ? 'has' : 'have'} ${what}.`, {
        unavailableShardIds: plan.unavailableShardIds,
        coordinatorNodeId,
      });
    }
    const totalShards = this.coordinator.getConfig().shardCount;
    const broadcast = plan.strategy === 'BROADCAST';
    const targetShardIds = broadcast ? [] : plan.targetShardIds;
    const nodeIds = [...new Set([coordinatorNodeId, ...plan.nodesContacted])];
    return {
      strategy: plan.strategy,
      queryType: plan.operation,
      sql: request.sql,
      coordinatorNodeId,
      totalShards,
      targetShardIds,
      prunedShards: broadcast ? 0 : totalShards - targetShardIds.length,
      nodeIds: this.deps.nodes.list().map((node) => node.nodeId).filter((nodeId) => nodeIds.includes(nodeId)),
      remoteRequests: plan.nodesContacted.filter((nodeId) => nodeId !== coordinatorNodeId).length,
      phases: plan.phases.map((phase) => ({
        phase: phase.phase,
        name: PHASE_NAMES[phase.name],
        description: phase.description,
        tasks: tasksOf(phase, coordinatorNodeId, broadcast),
      })),
    };
  }

  /**
   * The node a routed request enters by: the node of the backend the load balancer picked. A
   * backend outside the cluster, or none (the load balancer refused), leaves it to the consensus
   * leader, else the first node able to answer.
   */
  private entryNodeOf(backend: LoadBalancerBackend | null): string {
    const nodes = this.deps.nodes.list();
    const usable = (status: NodeStatus) => status !== 'DOWN';
    const entry =
      nodes.find((node) => node.nodeId === backend?.nodeId && usable(node.status)) ??
      nodes.find((node) => node.role === 'LEADER' && usable(node.status)) ??
      nodes.find((node) => node.status === 'HEALTHY' || node.status === 'RECOVERING') ??
      nodes.find((node) => usable(node.status));
    if (entry === undefined) throw new DomainError('CONFLICT', 'No cluster node can coordinate a query: every node is DOWN.');
    return entry.nodeId;
  }

  private namedCoordinator(nodeId: string): string {
    const node = this.deps.nodes.get(nodeId);
    if (node.status === 'DOWN') {
      throw new DomainError('CONFLICT', `${nodeId} is DOWN; it cannot coordinate a query.`, { coordinatorNodeId: nodeId, status: node.status });
    }
    return nodeId;
  }

  private currentShards(): ClusterShard[] {
    const statuses = this.nodeStatuses();
    const groups = this.coordinator.shardGroups();
    const tableGroups = groups.names().sort(naturalCompare).flatMap((group) => groups.shards(group).map((shard) => this.toGroupShard(shard)));
    return [...this.coordinator.shards().map((shard) => this.toShard(shard, statuses)), ...tableGroups];
  }

  /** A table group's shard: one primary (a writable node), its physical standbys, the engine's state; its moves are the sharding workflows'. */
  private toGroupShard(shard: GroupShardView): ClusterShard {
    const details = this.shardedTables?.groupShardOf(shard.group, shard.shardNumber) ?? { tables: [], tokenRange: null, replicaNodeIds: [] };
    return {
      shardId: shard.shardId,
      group: shard.group,
      tables: details.tables,
      startToken: details.tokenRange?.startToken ?? null,
      endToken: details.tokenRange?.endToken ?? null,
      state: shard.state,
      primaryNodeId: shard.primaryNodeId,
      replicaNodeIds: details.replicaNodeIds,
      pendingMoves: [],
      lastMovedAt: shard.lastMovedAtMs === null ? null : isoTime(shard.lastMovedAtMs),
    };
  }

  private nodeStatuses(): ReadonlyMap<string, NodeStatus> {
    return new Map(this.coordinator.nodes().map((node) => [node.nodeId, node.status]));
  }

  /**
   * The contract's shard state. A DOWN node keeps its copies but they do not count: a shard is
   * UNDER_REPLICATED while fewer of its copies sit on nodes able to hold one than
   * min(replicationFactor, such nodes). The engine's REBALANCING is MOVING here; its CREATING,
   * READ_ONLY, OFFLINE and DROPPING are shown as they are.
   */
  private toShard(shard: ShardView, statuses: ReadonlyMap<string, NodeStatus>): ClusterShard {
    const able = (nodeId: string) => canReceiveCopies(statuses.get(nodeId) ?? 'DOWN');
    const copies = [shard.primaryNodeId, ...shard.replicaNodeIds].filter((nodeId): nodeId is string => nodeId !== null && able(nodeId)).length;
    let ableNodes = 0;
    for (const status of statuses.values()) if (canReceiveCopies(status)) ableNodes += 1;
    const wanted = Math.min(this.coordinator.getConfig().replicationFactor, ableNodes);
    const state: ShardState =
      shard.primaryNodeId === null
        ? 'UNASSIGNED'
        : shard.pendingMoves.length > 0 || shard.state === 'REBALANCING'
          ? 'MOVING'
          : shard.state !== 'ACTIVE'
            ? shard.state
            : copies < wanted
              ? 'UNDER_REPLICATED'
              : 'ACTIVE';
    return {
      shardId: shard.shardId,
      group: DEFAULT_SHARD_GROUP,
      tables: [],
      startToken: shard.startToken,
      endToken: shard.endToken,
      state,
      primaryNodeId: shard.primaryNodeId,
      replicaNodeIds: shard.replicaNodeIds,
      pendingMoves: shard.pendingMoves.map((move) => ({
        role: move.role,
        fromNodeId: move.fromNodeId,
        toNodeId: move.toNodeId,
        startedAt: isoTime(move.startedAtMs),
        completesAt: isoTime(move.completesAtMs),
      })),
      lastMovedAt: shard.lastMovedAtMs === null ? null : isoTime(shard.lastMovedAtMs),
    };
  }

  /** Members the cluster gained or lost while the coordinator was not told (a store written before it existed), and every node's health. */
  private catchUpWithCluster(members: readonly { nodeId: string; status: NodeStatus }[]): void {
    const nowMs = this.deps.clock.now();
    const known = new Set(this.coordinator.nodes().map((node) => node.nodeId));
    const current = new Set(members.map((member) => member.nodeId));
    for (const nodeId of known) if (!current.has(nodeId)) this.coordinator.removeNode(nodeId, nowMs);
    for (const { nodeId, status } of members) {
      if (known.has(nodeId)) this.coordinator.setNodeStatus(nodeId, status);
      else this.coordinator.addNode(nodeId, nowMs, status);
    }
  }

  private followMembership(): void {
    const { nodes, clock } = this.deps;
    nodes.observe({
      nodeJoined: (spec) => {
        this.coordinator.addNode(spec.nodeId, clock.now(), nodes.get(spec.nodeId).status);
        this.persist();
        this.scheduleTick();
      },
      nodeLeft: (spec) => {
        this.coordinator.removeNode(spec.nodeId, clock.now());
        this.persist();
        this.scheduleTick();
      },
      // Not persisted: a node's status moves no shard, and the statuses are taken from the cluster again at start.
      healthChanged: (nodeId, _previous, status) => {
        this.coordinator.setNodeStatus(nodeId, status);
      },
    });
  }

  /** Wakes the coordinator on the cluster clock when the next copy in flight is due, so MOVING shards complete in cluster time. */
  private scheduleTick(): void {
    let dueMs: number | undefined;
    for (const shard of this.coordinator.shards()) {
      for (const move of shard.pendingMoves) dueMs = dueMs === undefined ? move.completesAtMs : Math.min(dueMs, move.completesAtMs);
    }
    if (this.tick?.dueMs === dueMs) return;
    if (this.tick !== null) this.deps.clock.cancel(this.tick.timer);
    this.tick = null;
    if (dueMs === undefined) return;
    // A copy restored from the store may be due already: complete it on the next advance.
    const timer = this.deps.clock.schedule(Math.max(dueMs, this.deps.clock.now()), () => {
      this.tick = null;
      if (this.coordinator.tick(this.deps.clock.now()).length > 0) this.persist();
      this.scheduleTick();
    });
    this.tick = { timer, dueMs };
  }

  private persist(): void {
    this.deps.journal.put(COORDINATOR_RECORD, 'current', this.coordinator.snapshot());
  }
}

/**
 * What the planner would refuse whatever the cluster looks like, checked before a connection is
 * taken: a malformed request must not count against the backend it would have gone to.
 */
function checkQueryShape(request: DistributeQueryRequest, strategy: ExecutionStrategy): void {
  if (request.shardKeys !== undefined && request.tokenRange !== undefined) {
    throw new DomainError('UNPROCESSABLE', 'Send shardKeys or tokenRange, not both.');
  }
  if (strategy === 'ROUTED' && request.shardKeys === undefined && request.tokenRange === undefined) {
    throw new DomainError('UNPROCESSABLE', 'ROUTED needs shardKeys or tokenRange.', { strategy });
  }
}

/**
 * The tasks of a phase: one per node and copy role, in node-id order. The coordinator's own
 * phases (merge, acknowledge) are one task on its node; a broadcast reaches nodes, not shards.
 */
function tasksOf(phase: PlanPhase, coordinatorNodeId: string, broadcast: boolean): QueryTask[] {
  if (phase.steps.length === 0) return [{ nodeId: coordinatorNodeId, shardIds: [], copyRole: null, local: true }];
  return phase.steps.flatMap((step): QueryTask[] => {
    const local = step.nodeId === coordinatorNodeId;
    if (broadcast) return [{ nodeId: step.nodeId, shardIds: [], copyRole: null, local }];
    return (['PRIMARY', 'REPLICA'] as const)
      .map((copyRole) => ({ nodeId: step.nodeId, shardIds: step.shards.filter((shard) => shard.copy === copyRole).map((shard) => shard.shardId), copyRole, local }))
      .filter((task) => task.shardIds.length > 0);
  });
}
