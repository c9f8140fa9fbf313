import { DomainError } from '../../engines/runtime/domain-error.js';
import type { RebalanceStrategy } from '../../engines/sharding/rebalance-plan.js';
import type { ShardMover } from '../../engines/sharding/shard-mover.js';
import { rebalancePlanView, workflowProgressView, type RebalancePlanView, type WorkflowProgressView } from '../../engines/sharding/shard-move-views.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import { creationOf } from '../platform/operation-runner.js';

/** What the move services need of the sharding catalog: tables to groups and shards (shard-core's ShardingCluster). */
export interface ShardCatalogPort {
  /** The shard group of a sharded table. @throws NOT_FOUND. */
  groupOfTable(table: string): string;
  /** The group shard ids of a table's shards numbered `from` to `to` (both included). @throws NOT_FOUND, UNPROCESSABLE. */
  shardIdsOfNumbers(table: string, from: number, to: number): string[];
  /** The group shard ids a key range `[fromKey, toKey)` of a table can touch. @throws NOT_FOUND, UNPROCESSABLE. */
  shardIdsOfKeyRange(table: string, fromKey: unknown, toKey: unknown): string[];
}

export interface ShardMovesServiceDeps {
  mover: ShardMover;
  catalog: ShardCatalogPort;
  clock: { now(): number };
  runner: OperationRunner;
  /** Called after anything started running, so the module ticks the mover. */
  started(): void;
}

export interface RebalancePlanRequest {
  strategy?: RebalanceStrategy;
  threshold?: number;
  maxShardMoves?: number;
  tables?: string[];
  excludedShardIds?: string[];
}

const TARGET = 'sharding.rebalance';

/**
 * Rebalances (/api/v1/advanced-replication/sharding/rebalance and its aliases): plans kept under
 * an id, executed as move workflows by the one mover, followed, paused, resumed, cancelled.
 */
export class RebalanceService {
  constructor(private readonly deps: ShardMovesServiceDeps) {}

  plan(context: OperationContext, request: RebalancePlanRequest, operationId = 'planShardRebalance'): Promise<RebalancePlanView> {
    return this.deps.runner.run(context, operationId, creationOf<RebalancePlanView>(TARGET, (plan) => plan.planId), () => {
      const groups = request.tables === undefined ? undefined : [...new Set(request.tables.map((table) => this.deps.catalog.groupOfTable(table)))];
      const record = this.deps.mover.plan(
        {
          ...(request.strategy === undefined ? {} : { strategy: request.strategy }),
          ...(request.threshold === undefined ? {} : { threshold: request.threshold }),
          ...(request.maxShardMoves === undefined ? {} : { maxShardMoves: request.maxShardMoves }),
          ...(groups === undefined ? {} : { groups }),
          ...(request.excludedShardIds === undefined ? {} : { excludedShardIds: request.excludedShardIds }),
        },
        this.deps.clock.now(),
      );
      return rebalancePlanView(record);
    });
  }

  /**
   * The seed's `rebalanceShards(table, fromShard, toShard)`: a plan over the table's group that
   * may move only its shards numbered fromShard to toShard (`orders_3` or `3`).
   */
  planShardRange(context: OperationContext, request: { table: string; fromShard: string; toShard: string; strategy?: RebalanceStrategy; threshold?: number }): Promise<RebalancePlanView> {
    return this.deps.runner.run(context, 'planShardRebalance', creationOf<RebalancePlanView>(TARGET, (plan) => plan.planId), () => {
      const group = this.deps.catalog.groupOfTable(request.table);
      const from = shardNumberOf(request.table, request.fromShard);
      const to = shardNumberOf(request.table, request.toShard);
      if (from > to) throw new DomainError('UNPROCESSABLE', `fromShard (${from}) must not come after toShard (${to}).`, { fromShard: request.fromShard, toShard: request.toShard });
      const inRange = new Set(this.deps.catalog.shardIdsOfNumbers(request.table, from, to));
      const all = this.deps.catalog.shardIdsOfNumbers(request.table, 1, Number.MAX_SAFE_INTEGER);
      const record = this.deps.mover.plan(
        {
          ...(request.strategy === undefined ? {} : { strategy: request.strategy }),
          ...(request.threshold === undefined ? {} : { threshold: request.threshold }),
          groups: [group],
          excludedShardIds: all.filter((shardId) => !inRange.has(shardId)),
        },
        this.deps.clock.now(),
      );
      return rebalancePlanView(record);
    });
  }

  /** @throws CONFLICT with the pre-flight findings unless `force`. */
  execute(context: OperationContext, request: { planId: string; force?: boolean }, operationId = 'executeShardRebalance'): Promise<WorkflowProgressView> {
    return this.deps.runner.run(context, operationId, `${TARGET}/${request.planId}`, () => {
      this.rebalance(request.planId);
      this.deps.mover.start(request.planId, { force: request.force ?? false }, this.deps.clock.now());
      this.deps.started();
      return this.progressOf(request.planId);
    });
  }

  progress(context: OperationContext, planId: string): WorkflowProgressView {
    return this.deps.runner.read(context, 'getShardRebalanceProgress', () => {
      this.rebalance(planId);
      return this.progressOf(planId);
    });
  }

  /** The newest rebalance's progress, or `planId`'s (GET /api/v1/sharding/rebalance/status). */
  status(context: OperationContext, planId?: string): WorkflowProgressView {
    return this.deps.runner.read(context, 'getShardRebalanceStatus', () => {
      if (planId !== undefined) {
        this.rebalance(planId);
        return this.progressOf(planId);
      }
      const newest = this.deps.mover.list('REBALANCE').at(-1);
      if (newest === undefined) throw new DomainError('NOT_FOUND', 'No rebalance has been planned yet.', { resource: 'sharding.rebalance' });
      return this.progressOf(newest.id);
    });
  }

  pause(context: OperationContext, planId: string): Promise<WorkflowProgressView> {
    return this.control(context, 'pauseShardRebalance', planId, () => this.deps.mover.pause(planId, this.deps.clock.now()));
  }

  resume(context: OperationContext, planId: string): Promise<WorkflowProgressView> {
    return this.control(context, 'resumeShardRebalance', planId, () => this.deps.mover.resume(planId, this.deps.clock.now()));
  }

  cancel(context: OperationContext, planId: string): Promise<WorkflowProgressView> {
    return this.control(context, 'cancelShardRebalance', planId, () => this.deps.mover.cancel(planId, this.deps.clock.now()));
  }

  private control(context: OperationContext, operationId: string, planId: string, change: () => unknown): Promise<WorkflowProgressView> {
    return this.deps.runner.run(context, operationId, `${TARGET}/${planId}`, () => {
      this.rebalance(planId);
      change();
      this.deps.started();
      return this.progressOf(planId);
    });
  }

  private progressOf(planId: string): WorkflowProgressView {
    return workflowProgressView(this.deps.mover.progress(planId, this.deps.clock.now()));
  }

  /** A rebalance's record; a migration task's id is not a rebalance (404). */
  private rebalance(planId: string) {
    const record = this.deps.mover.list('REBALANCE').find((candidate) => candidate.id === planId);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No rebalance plan has id "${planId}".`, { resource: 'sharding.rebalance', id: planId });
    return record;
  }
}

/** `orders_3` or `3` → 3. @throws UNPROCESSABLE. */
function shardNumberOf(table: string, shard: string): number {
  const text = shard.startsWith(`${table}_`) ? shard.slice(table.length + 1) : shard;
  const number = Number(text);
  if (!/^[1-9][0-9]{0,5}$/.test(text) || !Number.isSafeInteger(number)) {
    throw new DomainError('UNPROCESSABLE', `"${shard}" is not a shard of ${table}: name it ${table}_<N> or by its number.`, { table, shard });
  }
  return number;
}
