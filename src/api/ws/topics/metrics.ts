import { METRICS_INTERVAL_MS } from '../../../services/platform/metrics-watch.js';
import type { Services } from '../../../services/services.js';
import { isProblem, millisecondsField } from '../stream-config.js';
import type { Topic } from './topic.js';

export interface MetricsConfig {
  intervalMs: number;
}

/** The metrics snapshot of GET /api/v1/metrics, at once and then every `intervalMs` of cluster time. */
export function metricsTopic(services: Services): Topic<MetricsConfig> {
  return {
    name: 'metrics',
    fields: ['intervalMs'],
    parse(fields) {
      const intervalMs = millisecondsField(fields, 'intervalMs', METRICS_INTERVAL_MS.default);
      return isProblem(intervalMs) ? intervalMs : { config: { intervalMs } };
    },
    open({ context, operationId, config }, sink) {
      const stop = services.metricsWatch.watch(context, operationId, config.intervalMs, {
        next: (metrics) => sink.send(JSON.stringify({ type: 'metrics', metrics }), false),
        error: (error) => sink.fail(error),
      });
      return { close: stop };
    },
  };
}
