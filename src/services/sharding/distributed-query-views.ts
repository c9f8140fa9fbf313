/** Distributed queries in the contract's words (spec/openapi/components/distributed-query.yaml). */
import type { QueryRow } from '../../engines/query/select-query.js';
import type { DistributedExecution, DistributedQueryStatistics, FragmentRun } from '../../engines/sharding/distributed-query.js';
import type { DistributedPlan, DistributedPlanKind } from '../../engines/sharding/shard-query-plan.js';
import { isoTime } from '../platform/iso-time.js';
import type { QueryExecutionView } from '../platform/query-progress.js';

export interface DistributedQueryRequest {
  query: string;
  coordinatorNodeId?: string;
}

/** The plan as explain shows it: the engine's plan, its query as text, and estimates on the network now. */
export interface ShardedQueryPlanView
  extends Pick<DistributedPlan, 'table' | 'kind' | 'merge' | 'topNPerShard' | 'unavailableShards' | 'complete' | 'estimatedRows' | 'estimatedBytes' | 'networkHops' | 'nodesContacted'> {
  query: string;
  coordinatorNodeId: string;
  route: Pick<DistributedPlan['route'], 'shardNames' | 'singleShard' | 'scatter' | 'unusedConditions'> & { levels: Pick<DistributedPlan['route']['levels'][number], 'strategy' | 'keyColumns' | 'pruned' | 'why'>[] };
  fragments: (DistributedPlan['fragments'][number] & { estimatedMs: number })[];
  estimatedDurationMs: number;
}

export interface DistributedQueryResultView {
  columns: string[];
  rows: QueryRow[];
  rowCount: number;
}

export interface FragmentRunView {
  shardName: string;
  shardIndex: number;
  nodeId: string;
  sql: string;
  estimatedRows: number;
  estimatedBytes: number;
  networkHops: number;
  status: FragmentRun['status'];
  rowsScanned: number;
  rowsReturned: number;
  networkMs: number;
  scanMs: number;
  completedAt: string | null;
  elapsedMs: number | null;
  error: string | null;
}

export interface DistributedQueryExecutionView {
  queryId: string;
  table: string;
  query: string;
  kind: DistributedPlanKind;
  coordinatorNodeId: string;
  status: DistributedExecution['status'];
  merge: string | null;
  topNPerShard: boolean;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  estimatedRows: number;
  rowsScanned: number;
  fragments: FragmentRunView[];
  result: DistributedQueryResultView | null;
  error: string | null;
}

/** Fields a kept-plan list may be reduced to (`?fields=`). */
export const EXECUTION_FIELDS: readonly (keyof DistributedQueryExecutionView)[] = Object.freeze([
  'queryId', 'table', 'query', 'kind', 'coordinatorNodeId', 'status', 'merge', 'topNPerShard', 'startedAt', 'completedAt', 'durationMs', 'estimatedRows', 'rowsScanned', 'fragments', 'result', 'error',
]);

export interface DistributedQueryStatisticsView extends DistributedQueryStatistics {
  keptPlans: number;
  maxKeptPlans: number;
}

/** The plan as explain shows it; `fragmentMs` estimates one fragment's time on the network now. */
export function planViewOf(plan: DistributedPlan, coordinatorNodeId: string, fragmentMs: (nodeId: string, rows: number) => number): ShardedQueryPlanView {
  const fragments = plan.fragments.map(({ shardName, shardIndex, nodeId, sql, estimatedRows, estimatedBytes, networkHops }) => ({
    shardName,
    shardIndex,
    nodeId,
    sql,
    estimatedRows,
    estimatedBytes,
    networkHops,
    estimatedMs: fragmentMs(nodeId, estimatedRows),
  }));
  return {
    table: plan.table,
    query: plan.text,
    kind: plan.kind,
    coordinatorNodeId,
    route: {
      shardNames: plan.route.shardNames,
      singleShard: plan.route.singleShard,
      scatter: plan.route.scatter,
      levels: plan.route.levels.map(({ strategy, keyColumns, pruned, why }) => ({ strategy, keyColumns, pruned, why })),
      unusedConditions: plan.route.unusedConditions,
    },
    fragments,
    merge: plan.merge,
    topNPerShard: plan.topNPerShard,
    unavailableShards: plan.unavailableShards,
    complete: plan.complete,
    estimatedRows: plan.estimatedRows,
    estimatedBytes: plan.estimatedBytes,
    networkHops: plan.networkHops,
    estimatedDurationMs: fragments.reduce((slowest, fragment) => Math.max(slowest, fragment.estimatedMs), 0),
    nodesContacted: plan.nodesContacted,
  };
}

export function executionViewOf(execution: DistributedExecution): DistributedQueryExecutionView {
  const { plan } = execution;
  return {
    queryId: execution.queryId,
    table: plan.table,
    query: plan.text,
    kind: plan.kind,
    coordinatorNodeId: execution.coordinatorNodeId,
    status: execution.status,
    merge: plan.merge,
    topNPerShard: plan.topNPerShard,
    startedAt: isoTime(execution.startedAtMs),
    completedAt: execution.completedAtMs === null ? null : isoTime(execution.completedAtMs),
    durationMs: execution.durationMs,
    estimatedRows: plan.estimatedRows,
    rowsScanned: execution.rowsScanned,
    fragments: execution.fragments.map((run) => ({
      shardName: run.shardName,
      shardIndex: run.shardIndex,
      nodeId: run.nodeId,
      sql: run.sql,
      estimatedRows: run.estimatedRows,
      estimatedBytes: run.estimatedBytes,
      networkHops: run.networkHops,
      status: run.status,
      rowsScanned: run.rowsScanned,
      rowsReturned: run.rowsReturned,
      networkMs: run.networkMs,
      scanMs: run.scanMs,
      completedAt: run.completedAtMs === null ? null : isoTime(run.completedAtMs),
      elapsedMs: run.elapsedMs,
      error: run.error,
    })),
    result: execution.result === null ? null : { columns: execution.result.columns, rows: execution.result.rows, rowCount: execution.result.rows.length },
    error: execution.error,
  };
}

/** The query as the query streams show it: progress in fragments ended of those planned. */
export function longQueryViewOf(execution: DistributedExecution, nowMs: number): QueryExecutionView {
  const view = executionViewOf(execution);
  const total = execution.fragments.length;
  const done = execution.fragments.filter((fragment) => fragment.status !== 'RUNNING').length;
  return {
    queryId: view.queryId,
    kind: 'DISTRIBUTED',
    query: view.query,
    status: view.status,
    startedAt: view.startedAt,
    completedAt: view.completedAt,
    elapsedMs: execution.durationMs ?? nowMs - execution.startedAtMs,
    progress: { unit: 'FRAGMENT', done, total, percent: total === 0 ? 100 : Math.floor((done * 1000) / total) / 10 },
    rowsScanned: view.rowsScanned,
    result: view.result,
    error: view.error,
  };
}
