import type { VirtualClock } from '../../engines/runtime/index.js';
import type { DistributedQueryExecutor } from '../../engines/sharding/distributed-query.js';
import type { DistributedQueryPayload } from '../../engines/sharding/distributed-query-events.js';
import type { LongQuerySource } from '../platform/query-progress.js';
import { longQueryViewOf } from './distributed-query-views.js';

/** Distributed queries as long queries (/api/v1/ws/query, GraphQL queryProgress): progress is fragments ended of those planned. */
export function distributedLongQueries(executor: DistributedQueryExecutor, clock: Pick<VirtualClock, 'now'>): LongQuerySource {
  return {
    kind: 'DISTRIBUTED',
    startedEventType: 'distributed_query_started',
    completedEventType: 'distributed_query_completed',
    queryIdOf: (event) => (event.payload as DistributedQueryPayload).queryId,
    execution(queryId) {
      const execution = executor.find(queryId);
      return execution === undefined ? undefined : longQueryViewOf(execution, clock.now());
    },
    running: () => executor.runningExecutions().map((execution) => longQueryViewOf(execution, clock.now())),
  };
}
