import { DomainError } from '../../engines/runtime/domain-error.js';
import type { QueryPlan } from '../../engines/rac/parallel-query.js';
import { resultName } from '../../engines/query/aggregation.js';
import { filtersOf, type AggregateFunction } from '../../engines/query/select-query.js';
import type { QueryRun, QueryStatus } from '../../engines/rac/query-coordinator.js';
import type { ParallelQueryConfig as EngineParallelQueryConfig } from '../../engines/rac/rac-config.js';
import { parseQueryText } from '../../engines/query/query-text.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf } from '../platform/operation-runner.js';
import type { RacServiceDeps } from './rac-service.js';

// ================================================================ views (the contract's schemas)

export interface ParallelQueryAggregateView {
  function: AggregateFunction;
  column: string | null;
  alias: string;
}

export interface ParallelQueryFilterView {
  column: string;
  value: string | number | boolean | null;
}

export interface ParallelQueryGranuleView {
  granuleId: number;
  instanceId: string;
  firstBlock: string;
  lastBlock: string;
  blocks: number;
  rowsScanned: number;
  status: QueryStatus;
}

/** The contract's ParallelQueryPlan. */
export interface ParallelQueryPlanView {
  queryId: string;
  query: string;
  table: string;
  aggregates: ParallelQueryAggregateView[];
  groupBy: string[];
  where: ParallelQueryFilterView[];
  requestedDop: number;
  dop: number;
  adaptiveReduced: boolean;
  coordinatorInstance: string;
  instances: string[];
  granules: ParallelQueryGranuleView[];
  plannedAt: string;
}

export const PARALLEL_QUERY_PLAN_FIELDS: readonly (keyof ParallelQueryPlanView)[] = [
  'queryId', 'query', 'table', 'aggregates', 'groupBy', 'where', 'requestedDop', 'dop', 'adaptiveReduced', 'coordinatorInstance', 'instances', 'granules', 'plannedAt',
];

export interface ParallelQueryResultView {
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
  rowCount: number;
}

/** The contract's ParallelQuery. */
export interface ParallelQueryView {
  queryId: string;
  status: QueryStatus;
  plan: ParallelQueryPlanView;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  rowsScanned: number;
  blocksRead: number;
  cacheFusionTransfers: number;
  result: ParallelQueryResultView | null;
  error: string | null;
}

/** The contract's ParallelQueryConfig. */
export interface ParallelQueryConfigView {
  maxDop: number;
  adaptive: boolean;
  granuleBlocks: number;
}

/** The contract's ParallelQueryStatistics. */
export interface ParallelQueryStatisticsView {
  totalQueries: number;
  completedQueries: number;
  failedQueries: number;
  activeQueries: number;
  avgDop: number;
  avgDurationMs: number;
  totalGranules: number;
  rowsScanned: number;
  blocksRead: number;
  adaptiveReductions: number;
  queriesByAggregate: Record<AggregateFunction, number>;
  config: ParallelQueryConfigView;
}

export interface ExecuteParallelQueryRequest {
  query: string;
  dop?: number;
}

export interface ParallelQueryPlanQuery {
  table?: string;
  sortBy?: 'plannedAt' | 'dop' | 'queryId';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

// ================================================================ pure mappers

/** The plan of a run, with each granule's progress. */
export function planViewOf(run: QueryRun): ParallelQueryPlanView {
  const plan: QueryPlan = run.plan;
  return {
    queryId: run.queryId,
    query: plan.text,
    table: plan.table,
    aggregates: run.query.aggregates.map((aggregate) => ({
      function: aggregate.fn,
      column: aggregate.column === undefined || aggregate.column === '*' ? null : aggregate.column,
      alias: resultName(aggregate),
    })),
    groupBy: [...(run.query.groupBy ?? [])],
    // validateQuery admits equalities only.
    where: filtersOf(run.query).map((filter) => ({ column: filter.column, value: filter.op === 'IN' ? null : filter.value })),
    requestedDop: plan.requestedDop,
    dop: plan.dop,
    adaptiveReduced: plan.adaptiveReduced,
    coordinatorInstance: plan.coordinatorInstance,
    instances: [...plan.instances],
    granules: plan.granules.map((granule, index) => {
      const progress = run.granules[index]!;
      return {
        granuleId: granule.granuleId,
        instanceId: granule.instanceId,
        firstBlock: granule.blockIds[0]!,
        lastBlock: granule.blockIds.at(-1)!,
        blocks: granule.blockIds.length,
        rowsScanned: progress.rowsScanned,
        status: progress.status,
      };
    }),
    plannedAt: isoTime(run.startedAtMs),
  };
}

export function parallelQueryViewOf(run: QueryRun): ParallelQueryView {
  return {
    queryId: run.queryId,
    status: run.status,
    plan: planViewOf(run),
    startedAt: isoTime(run.startedAtMs),
    completedAt: run.completedAtMs === null ? null : isoTime(run.completedAtMs),
    durationMs: run.completedAtMs === null ? null : run.completedAtMs - run.startedAtMs,
    rowsScanned: run.rowsScanned,
    blocksRead: run.blocksRead,
    cacheFusionTransfers: run.cacheFusionTransfers,
    result: run.result === null ? null : { columns: [...run.result.columns], rows: run.result.rows.map((row) => ({ ...row })), rowCount: run.result.rows.length },
    error: run.error,
  };
}

function configViewOf(config: EngineParallelQueryConfig): ParallelQueryConfigView {
  return { maxDop: config.maxDop, adaptive: config.adaptive, granuleBlocks: config.granuleBlocks };
}

// ================================================================ the service

/** Parallel query across the RAC instances: execute, plans, active queries, statistics, status and config. */
export class RacParallelQueryService {
  constructor(private readonly deps: RacServiceDeps) {}

  private get cluster() {
    return this.deps.engine.cluster;
  }

  /**
   * Parses, plans and starts a query; it runs on the cluster clock (RUNNING now).
   * @throws UNPROCESSABLE (outside the subset, unknown column, dop above maxDop), NOT_FOUND (table),
   * CONFLICT (database stopped, no instance open).
   */
  execute(context: OperationContext, request: ExecuteParallelQueryRequest): Promise<ParallelQueryView> {
    const target = creationOf('rac.parallelQuery', (query: ParallelQueryView) => query.queryId);
    return this.deps.runner.run(context, 'executeParallelQuery', target, () => {
      const cluster = this.cluster;
      const query = parseQueryText(request.query, (table) => {
        try {
          return cluster.tableColumns(table);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') {
            throw new DomainError('NOT_FOUND', `No table "${table}"; the tables are ${cluster.storage.tableNames().join(', ')}.`, { resource: 'rac.table', id: table });
          }
          throw error;
        }
      }, { equalitiesOnly: true });
      const { maxDop } = cluster.parallelQueryConfig();
      if (request.dop !== undefined && request.dop > maxDop) {
        throw new DomainError('UNPROCESSABLE', `dop ${request.dop} is above maxDop ${maxDop}; ask for at most ${maxDop} or raise maxDop.`, { field: 'dop', dop: request.dop, maxDop });
      }
      const handle = cluster.executeQuery({ ...query, ...(request.dop === undefined ? {} : { dop: request.dop }) });
      return parallelQueryViewOf(handle.run);
    });
  }

  plans(context: OperationContext, query: ParallelQueryPlanQuery): Page<Partial<ParallelQueryPlanView>> {
    return this.deps.runner.read(context, 'listParallelQueryPlans', () => {
      const order = query.order ?? 'desc';
      const views = this.cluster.queryRuns().map(planViewOf);
      const page = pageOf(order === 'desc' ? views : views.reverse(), {
        filters: { table: query.table },
        sortBy: query.sortBy ?? 'plannedAt',
        order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'queryId', PARALLEL_QUERY_PLAN_FIELDS) };
    });
  }

  /** Queries RUNNING now, oldest first. */
  active(context: OperationContext, query: { limit?: number; offset?: number }): Page<ParallelQueryView> {
    return this.deps.runner.read(context, 'listActiveParallelQueries', () => pageOf(this.cluster.activeQueryRuns().map(parallelQueryViewOf), { limit: query.limit, offset: query.offset }));
  }

  statistics(context: OperationContext): ParallelQueryStatisticsView {
    return this.deps.runner.read(context, 'getParallelQueryStatistics', () => {
      const stats = this.cluster.parallelQueryStats();
      return {
        totalQueries: stats.executed,
        completedQueries: stats.completed,
        failedQueries: stats.failed,
        activeQueries: stats.active,
        avgDop: stats.averageDop ?? 0,
        avgDurationMs: stats.averageDurationMs ?? 0,
        totalGranules: stats.granules,
        rowsScanned: stats.rowsScanned,
        blocksRead: stats.blocksRead,
        adaptiveReductions: stats.adaptiveReductions,
        queriesByAggregate: { ...stats.queriesByAggregate },
        config: configViewOf(this.cluster.parallelQueryConfig()),
      };
    });
  }

  /** One query, or the most recent without an id. @throws NOT_FOUND. */
  status(context: OperationContext, queryId?: string): ParallelQueryView {
    return this.deps.runner.read(context, 'getParallelQueryStatus', () => {
      if (queryId !== undefined) return parallelQueryViewOf(this.cluster.queryRun(queryId));
      const latest = this.cluster.queryRuns()[0];
      if (latest === undefined) throw new DomainError('NOT_FOUND', 'No parallel query has run yet.', { resource: 'rac.parallelQuery' });
      return parallelQueryViewOf(latest);
    });
  }

  /** Replaces the whole configuration; running queries keep their plan. */
  updateConfig(context: OperationContext, config: ParallelQueryConfigView): Promise<ParallelQueryConfigView> {
    return this.deps.runner.run(context, 'updateParallelQueryConfig', 'rac.parallelQuery/config', () =>
      configViewOf(this.cluster.setParallelQueryConfig({ maxDop: config.maxDop, adaptive: config.adaptive, granuleBlocks: config.granuleBlocks })),
    );
  }
}
