import { ALERT_SEVERITIES, ALERT_STATES } from '../../engines/alerts/alert.js';
import type { AlertEngine } from '../../engines/alerts/alert-engine.js';
import { metricLabel, readCounter, readGauge, type MetricsCollector, type Series } from '../platform/metrics-service.js';

/**
 * The one alert model in Prometheus: what fires now and how often alerts moved, by source and
 * severity. Both label sets are bounded: the registered sources times four severities or three states.
 */
export function alertMetrics(engine: AlertEngine): MetricsCollector {
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_alerts_firing',
      help: 'Alerts firing now, by source and severity.',
      labelNames: ['source', 'severity'],
      read: () => {
        const firing = engine.openAlerts().filter((alert) => alert.state === 'FIRING');
        return engine.sourceNames().flatMap((source) =>
          ALERT_SEVERITIES.map((severity): Series<'source' | 'severity'> => [
            { source, severity: metricLabel(severity) },
            firing.filter((alert) => alert.source === source && alert.severity === severity).length,
          ]),
        );
      },
    });
    readCounter(registry, {
      name: 'rustydb_alerts_transitions_total',
      help: 'Alerts that went pending, fired or resolved since the cluster was created, by source and state.',
      labelNames: ['source', 'state'],
      read: () =>
        engine.sourceNames().flatMap((source) => {
          const counts = engine.transitionCounts(source);
          return ALERT_STATES.map((state): Series<'source' | 'state'> => [{ source, state: metricLabel(state) }, counts[state]]);
        }),
    });
  };
}
