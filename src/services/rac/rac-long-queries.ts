import type { VirtualClock } from '../../engines/runtime/index.js';
import type { ParallelQueryPayload } from '../../engines/rac/events.js';
import type { QueryRun } from '../../engines/rac/query-coordinator.js';
import type { RacEngine } from '../../engines/rac/rac-engine.js';
import type { LongQuerySource, QueryExecutionView } from '../platform/query-progress.js';
import { parallelQueryViewOf } from './rac-parallel-query-service.js';

/** RAC's parallel queries as long queries: progress is blocks read of the blocks planned. */
export function racLongQueries(engine: RacEngine, clock: Pick<VirtualClock, 'now'>): LongQuerySource {
  const executionOf = (run: QueryRun): QueryExecutionView => {
    const view = parallelQueryViewOf(run);
    const total = view.plan.granules.reduce((sum, granule) => sum + granule.blocks, 0);
    return {
      queryId: view.queryId,
      kind: 'RAC_PARALLEL',
      query: view.plan.query,
      status: view.status,
      startedAt: view.startedAt,
      completedAt: view.completedAt,
      elapsedMs: view.durationMs ?? clock.now() - run.startedAtMs,
      progress: { unit: 'BLOCK', done: view.blocksRead, total, percent: total === 0 ? 100 : Math.floor((view.blocksRead * 1000) / total) / 10 },
      rowsScanned: view.rowsScanned,
      result: view.result,
      error: view.error,
    };
  };
  return {
    kind: 'RAC_PARALLEL',
    startedEventType: 'parallel_query_started',
    completedEventType: 'parallel_query_completed',
    queryIdOf: (event) => (event.payload as ParallelQueryPayload).queryId,
    execution(queryId) {
      const run = engine.cluster.queryRuns().find((candidate) => candidate.queryId === queryId);
      return run === undefined ? undefined : executionOf(run);
    },
    running: () => engine.cluster.activeQueryRuns().map(executionOf),
  };
}
