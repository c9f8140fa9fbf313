import type { ClusterFailover } from '../../engines/failover/cluster-failover.js';
import type { FailoverKind, FailoverStatus } from '../../engines/failover/failover-tracker.js';
import { countPairSeries, readCounter, readGauge, secondsOf, type MetricsCollector } from '../platform/metrics-service.js';
import type { FailoverDrill } from './failover-drill.js';

const KINDS: readonly FailoverKind[] = ['AUTOMATIC', 'MANUAL', 'SWITCHOVER', 'DRILL'];
const OUTCOMES: readonly FailoverStatus[] = ['IN_PROGRESS', 'COMPLETED', 'FAILED'];

/** Failovers and switchovers from the failover history, and the drills run. */
export function failoverMetrics(failover: ClusterFailover, drill: FailoverDrill): MetricsCollector {
  return (registry) => {
    readGauge(registry, {
      // A gauge: the history keeps the latest 1000 records, so a count can fall once it is full.
      name: 'rustydb_failover_failovers',
      help: 'Failovers and switchovers in the kept history (the latest 1000), by kind and outcome.',
      labelNames: ['kind', 'outcome'],
      read: () => countPairSeries(['kind', 'outcome'], [KINDS, OUTCOMES], failover.history().map((record) => [record.kind, record.status] as const)),
    });
    readGauge(registry, {
      name: 'rustydb_failover_last_duration_seconds',
      help: 'How long the latest finished failover or switchover took, in cluster time (0 before any).',
      read: () => secondsOf(failover.history().find((record) => record.durationMs !== null)?.durationMs ?? 0),
    });
    readCounter(registry, { name: 'rustydb_failover_drills_total', help: 'Failover drills run.', read: () => drill.drillsRun() });
  };
}
