import { PROGRESS_INTERVAL_MS } from '../../../services/platform/query-progress.js';
import type { Services } from '../../../services/services.js';
import { isProblem, millisecondsField, stringListField } from '../stream-config.js';
import type { Topic } from './topic.js';

export interface QueryConfig {
  /** Only these queries; every long query when absent. */
  queryIds?: string[];
  progressIntervalMs: number;
}

/** Long queries as they run: `query_progress` frames while they move, one `query_completed` with the result. */
export function queryTopic(services: Services): Topic<QueryConfig> {
  return {
    name: 'query',
    fields: ['queryIds', 'progressIntervalMs'],
    parse(fields) {
      const queryIds = stringListField(fields, 'queryIds');
      if (isProblem(queryIds)) return queryIds;
      const progressIntervalMs = millisecondsField(fields, 'progressIntervalMs', PROGRESS_INTERVAL_MS.default);
      if (isProblem(progressIntervalMs)) return progressIntervalMs;
      return { config: { ...(queryIds === undefined ? {} : { queryIds }), progressIntervalMs } };
    },
    open({ context, operationId, config }, sink) {
      const stop = services.queryProgress.watch(context, operationId, config, {
        next: (update) => sink.send(JSON.stringify(update), false),
        complete: () => sink.complete(),
        error: (error) => sink.fail(error),
      });
      return { close: stop };
    },
  };
}
