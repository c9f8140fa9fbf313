/** The events of distributed queries (spec/openapi/components/distributed-query.yaml, DistributedQueryPayload). */
import type { DistributedExecution } from './distributed-query.js';
import type { DistributedPlanKind } from './shard-query-plan.js';

/** Payload of `distributed_query_started` (RUNNING) and `distributed_query_completed` (COMPLETED or FAILED). */
export interface DistributedQueryPayload {
  queryId: string;
  query: string;
  table: string;
  kind: DistributedPlanKind;
  coordinatorNodeId: string;
  /** The coordinator and the nodes sent a fragment, each once: stream filters match them. */
  nodeIds: string[];
  fragments: number;
  status: DistributedExecution['status'];
  durationMs: number | null;
  rowsScanned: number;
  resultRows: number | null;
  error: string | null;
}

export interface DistributedQueryEventMap {
  distributed_query_started: DistributedQueryPayload;
  distributed_query_completed: DistributedQueryPayload;
}

export function distributedQueryPayload(execution: DistributedExecution): DistributedQueryPayload {
  return {
    queryId: execution.queryId,
    query: execution.plan.text,
    table: execution.plan.table,
    kind: execution.plan.kind,
    coordinatorNodeId: execution.coordinatorNodeId,
    nodeIds: [...new Set([execution.coordinatorNodeId, ...execution.fragments.map((fragment) => fragment.nodeId)])],
    fragments: execution.fragments.length,
    status: execution.status,
    durationMs: execution.durationMs,
    rowsScanned: execution.rowsScanned,
    resultRows: execution.result === null ? null : execution.result.rows.length,
    error: execution.error,
  };
}
