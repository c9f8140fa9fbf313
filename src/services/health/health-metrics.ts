import type { ClusterHealth } from '../../engines/health/cluster-health.js';
import type { IssueSeverity } from '../../engines/health/issue-detection.js';
import { countSeries, readGauge, type MetricsCollector } from '../platform/metrics-service.js';

const SEVERITIES: readonly IssueSeverity[] = ['INFO', 'WARNING', 'ERROR', 'CRITICAL'];

/** Open issues, as the health monitor keeps them (the cluster's state and quorum are the cluster domain's). */
export function healthMetrics(health: ClusterHealth): MetricsCollector {
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_health_open_issues',
      help: 'Open health issues by severity.',
      labelNames: ['severity'],
      read: () => countSeries('severity', SEVERITIES, health.openIssues().map((issue) => issue.severity)),
    });
  };
}
