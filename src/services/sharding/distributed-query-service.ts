import { parseQueryText } from '../../engines/query/query-text.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import type { DistributedQueryConfig } from '../../engines/sharding/distributed-query-config.js';
import type { DistributedExecution, DistributedQueryExecutor } from '../../engines/sharding/distributed-query.js';
import { explainSelect, type DistributedPlan, type PlannedShard } from '../../engines/sharding/shard-query-plan.js';
import type { ShardRouter } from '../../engines/sharding/shard-router.js';
import { servesReads, type ShardStatus } from '../../engines/sharding/shard-state.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';
import { awaitOutcome } from '../platform/outcome-wait.js';
import {
  EXECUTION_FIELDS,
  executionViewOf,
  planViewOf,
  type DistributedQueryExecutionView,
  type DistributedQueryRequest,
  type DistributedQueryStatisticsView,
  type ShardedQueryPlanView,
} from './distributed-query-views.js';

/**
 * What the service reads of the sharding cluster (`ShardingCluster`, src/engines/sharding/
 * sharding-cluster.ts): the catalog's routers, the shards with their states and measured sizes,
 * the node serving a shard's reads, and a shard table's rows on a node.
 */
export interface ShardedTablesPort {
  /** @throws NOT_FOUND for a table that is not sharded. */
  router(tableName: string): ShardRouter;
  shardsOf(tableName: string): readonly { shardId: string; shardNumber: number; storageTable: string; state: ShardStatus; rowCount: number; sizeBytes: number }[];
  /** The node serving the shard's reads. @throws CONFLICT when none can. */
  readShardRows(tableName: string, shardNumber: number, page: { limit?: number }): { nodeId: string };
  readShardTableOn(nodeId: string, storageTable: string): readonly { row: unknown }[];
}

export interface DistributedQueryServiceDeps {
  tables: ShardedTablesPort;
  executor: DistributedQueryExecutor;
  config: DistributedQueryConfig;
  /** Member node ids, in the cluster's order, and whether one is up. */
  nodeIds(): string[];
  isNodeUp(nodeId: string): boolean;
  /** The round trip between two nodes on the simulated network now, in cluster milliseconds. */
  roundTripMs(from: string, to: string): number;
  clock: VirtualClock;
  runner: OperationRunner;
  /** Whether the cluster clock moves on its own: execute then waits briefly for the end. */
  clockRuns(): boolean;
}

export interface DistributedQueryPlanQuery {
  status?: DistributedExecution['status'];
  kind?: DistributedPlan['kind'];
  table?: string;
  sortBy?: 'startedAt' | 'durationMs' | 'rowsScanned';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

/** An execution and whether it ended before the answer (200) or runs on (202). */
export interface Answered<T> {
  result: T;
  ended: boolean;
}

/**
 * Distributed queries over sharded tables: explain (a read), execute (audited, as RAC's parallel
 * query), the kept plans and the statistics. The plan is the engine's `explainSelect` over the
 * sharding cluster's catalog and shards; the fragments run through the executor, which reads the
 * shard tables from node storage.
 */
export class DistributedQueryService {
  constructor(private readonly deps: DistributedQueryServiceDeps) {}

  explain(context: OperationContext, request: DistributedQueryRequest): ShardedQueryPlanView {
    return this.deps.runner.read(context, 'explainDistributedQuery', () => {
      const coordinatorNodeId = this.coordinatorOf(request);
      const plan = this.planOf(request.query, coordinatorNodeId);
      return planViewOf(plan, coordinatorNodeId, (nodeId, rows) => this.deps.roundTripMs(coordinatorNodeId, nodeId) + Math.ceil(rows / this.deps.config.scanRowsPerMs));
    });
  }

  /** Runs the query; waits for its end while the clock runs on its own. @throws NOT_FOUND (table, node), UNPROCESSABLE (query), CONFLICT (a shard no node serves, the coordinator down). */
  execute(context: OperationContext, operationId: 'executeDistributedQuery' | 'executeShardedQuery', request: DistributedQueryRequest): Promise<Answered<DistributedQueryExecutionView>> {
    const target = creationOf('sharding.query', (answered: Answered<DistributedQueryExecutionView>) => answered.result.queryId);
    return this.deps.runner.run(context, operationId, target, async () => {
      const coordinatorNodeId = this.coordinatorOf(request);
      const execution = this.deps.executor.execute(this.planOf(request.query, coordinatorNodeId), coordinatorNodeId);
      if (execution.status === 'RUNNING') await awaitOutcome(this.deps, this.deps.executor.whenEnded(execution.queryId));
      return { result: executionViewOf(execution), ended: execution.status !== 'RUNNING' };
    });
  }

  plans(context: OperationContext, query: DistributedQueryPlanQuery): Page<Partial<DistributedQueryExecutionView>> {
    return this.deps.runner.read(context, 'listDistributedQueryPlans', () => {
      const views = this.deps.executor.list().map(executionViewOf);
      const sortBy = query.sortBy ?? 'startedAt';
      const order = query.order ?? 'desc';
      // Kept newest first, which is startedAt descending (ties in start order).
      const inOrder = sortBy === 'startedAt' ? (order === 'desc' ? views : views.reverse()) : views;
      const page = pageOf(inOrder, {
        filters: { status: query.status, kind: query.kind, table: query.table },
        sortBy: sortBy === 'startedAt' ? undefined : sortBy,
        order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'queryId', EXECUTION_FIELDS) };
    });
  }

  /** @throws NOT_FOUND once it is no longer kept. */
  plan(context: OperationContext, queryId: string): DistributedQueryExecutionView {
    return this.deps.runner.read(context, 'getDistributedQueryPlan', () => {
      const execution = this.deps.executor.find(queryId);
      if (execution === undefined) {
        throw new DomainError('NOT_FOUND', `No kept distributed query "${queryId}" (the last ${this.deps.config.maxKeptPlans} are kept).`, { resource: 'sharding.query', id: queryId });
      }
      return executionViewOf(execution);
    });
  }

  statistics(context: OperationContext): DistributedQueryStatisticsView {
    return this.deps.runner.read(context, 'getDistributedQueryStatistics', () => ({
      ...this.deps.executor.statistics(),
      keptPlans: this.deps.executor.list().length,
      maxKeptPlans: this.deps.config.maxKeptPlans,
    }));
  }

  /** The plan of the query over its table's shards now, each served by the node the sharding cluster's rule picks. */
  private planOf(text: string, coordinatorNodeId: string): DistributedPlan {
    // Parsed once without a schema for its table, then again by explain against the table's columns.
    const table = parseQueryText(text).table;
    const router = this.deps.tables.router(table);
    const shards = this.deps.tables.shardsOf(table).map((shard): PlannedShard => {
      const planned = { shardId: shard.shardId, status: shard.state, statistics: { rowCount: shard.rowCount, sizeBytes: shard.sizeBytes } };
      if (!servesReads(shard.state)) return { ...planned, servingNodeId: null };
      try {
        return { ...planned, servingNodeId: this.deps.tables.readShardRows(table, shard.shardNumber, { limit: 1 }).nodeId };
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
        return { ...planned, servingNodeId: null, unavailableReason: error.message };
      }
    });
    return explainSelect(text, router, shards, coordinatorNodeId);
  }

  private coordinatorOf(request: DistributedQueryRequest): string {
    const nodeIds = this.deps.nodeIds();
    if (request.coordinatorNodeId === undefined) {
      const first = nodeIds.find((nodeId) => this.deps.isNodeUp(nodeId));
      if (first === undefined) throw new DomainError('CONFLICT', 'No node is up to coordinate the query.', {});
      return first;
    }
    if (!nodeIds.includes(request.coordinatorNodeId)) {
      throw new DomainError('NOT_FOUND', `No cluster node "${request.coordinatorNodeId}" to coordinate the query.`, { resource: 'cluster.node', id: request.coordinatorNodeId });
    }
    if (!this.deps.isNodeUp(request.coordinatorNodeId)) {
      throw new DomainError('CONFLICT', `The coordinator ${request.coordinatorNodeId} is down; name another node or none.`, { coordinatorNodeId: request.coordinatorNodeId });
    }
    return request.coordinatorNodeId;
  }
}
