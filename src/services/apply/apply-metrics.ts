import type { ApplyEngine } from '../../engines/apply/apply-engine.js';
import { readCounter, readGauge, type MetricsCollector, type Series } from '../platform/metrics-service.js';

const STATES = ['RUNNING', 'STOPPED', 'ABENDED'] as const;

/**
 * The apply engine, per subscription (at most MAX_APPLIERS series per metric): what an operator
 * of logical subscriptions alerts on (an applier ABENDED, lag growing, retries) and the work done.
 * Counters are durable across restarts.
 */
export function applyMetrics(apply: ApplyEngine): MetricsCollector {
  const perApplier =
    (pick: (applier: ReturnType<ApplyEngine['appliers']>[number]) => number) =>
    (): Series<'subscription'>[] =>
      apply.appliers().map((applier) => [{ subscription: applier.subscriptionId }, pick(applier)]);
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_apply_appliers',
      help: 'Appliers (one per subscription), by state: RUNNING, STOPPED, or ABENDED on a permanent error.',
      labelNames: ['state'],
      read: () => STATES.map((state) => [{ state }, apply.appliers().filter((applier) => applier.state() === state).length]),
    });
    readGauge(registry, { name: 'rustydb_apply_lag_ms', help: 'Cluster time since the oldest unfinished transaction committed at its source.', labelNames: ['subscription'], read: perApplier((applier) => applier.status().lagMs) });
    readGauge(registry, { name: 'rustydb_apply_lag_bytes', help: 'WAL bytes from the checkpoint to the end of the newest transaction received.', labelNames: ['subscription'], read: perApplier((applier) => applier.status().lagBytes) });
    readGauge(registry, { name: 'rustydb_apply_queued_transactions', help: 'Transactions received and not finished.', labelNames: ['subscription'], read: perApplier((applier) => applier.status().queuedTransactions) });
    readCounter(registry, { name: 'rustydb_apply_transactions_applied_total', help: 'Transactions applied.', labelNames: ['subscription'], read: perApplier((applier) => applier.counterValues().transactionsApplied) });
    readCounter(registry, { name: 'rustydb_apply_retries_total', help: 'Retries after transient errors (a target node down).', labelNames: ['subscription'], read: perApplier((applier) => applier.counterValues().retries) });
    readCounter(registry, {
      name: 'rustydb_apply_transactions_given_up_total',
      help: 'Transactions given up by the permanent-error policy or the operator (skipped or discarded).',
      labelNames: ['subscription'],
      read: perApplier((applier) => applier.counterValues().transactionsSkipped + applier.counterValues().transactionsDiscarded),
    });
  };
}
