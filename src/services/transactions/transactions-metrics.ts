import type { ReplicationCluster } from '../../engines/replication/replication-cluster.js';
import type { LatencyPercentiles, TransactionCounters } from '../../engines/transactions/statistics.js';
import type { TransactionsEngine } from '../../engines/transactions/transactions-engine.js';
import { XA_BRANCH_STATES } from '../../engines/transactions/xa-branch.js';
import { metricLabel, readCounter, readGauge, secondsOf, type MetricsCollector, type Series } from '../platform/metrics-service.js';

/** The latency windows, by the `phase` label they get. */
const PHASES = { prepare: 'prepareLatency', commit: 'commitLatency', total: 'totalLatency', lock_wait: 'lockWaitLatency' } as const;
/** The percentiles of each window, by the `quantile` label they get (1 is the longest). */
const QUANTILES: readonly [string, keyof LatencyPercentiles][] = [
  ['0.5', 'p50Ms'],
  ['0.95', 'p95Ms'],
  ['0.99', 'p99Ms'],
  ['1', 'maxMs'],
];

/**
 * Two-phase commit and XA, from the engine's counters and the nodes' two-phase state: outcomes,
 * votes, heuristic outcomes, lock waits, what is in doubt or prepared now, and the phase
 * latencies. Counters are durable across restarts; the latency windows start empty at a start.
 */
export function transactionsMetrics(engine: TransactionsEngine, cluster: ReplicationCluster): MetricsCollector {
  const counters = () => engine.statistics().counters;
  /** One series per label value, each a counter of the engine's. */
  const bySeries =
    <L extends string>(label: L, pick: (now: TransactionCounters) => Record<string, number>) =>
    (): Series<L>[] =>
      Object.entries(pick(counters())).map(([value, count]) => [{ [label]: value } as Record<L, string>, count]);
  return (registry) => {
    readCounter(registry, { name: 'rustydb_transactions_begun_total', help: 'Distributed transactions begun.', read: () => counters().begun });
    readCounter(registry, {
      name: 'rustydb_transactions_completed_total',
      help: 'Distributed transactions finished, by outcome: committed (in one phase or two) or aborted.',
      labelNames: ['outcome'],
      read: bySeries('outcome', (now) => ({ committed: now.committed, aborted: now.aborted })),
    });
    readCounter(registry, { name: 'rustydb_transactions_one_phase_commits_total', help: 'Of the committed transactions, those committed in one phase (a single participant).', read: () => counters().committedOnePhase });
    readGauge(registry, { name: 'rustydb_transactions_unfinished', help: 'Distributed transactions not finished: ACTIVE to IN_DOUBT, and heuristic outcomes not forgotten.', read: () => engine.statistics().active });
    readGauge(registry, { name: 'rustydb_transactions_in_doubt', help: 'Distributed transactions IN_DOUBT now: prepared participants that cannot learn the decision.', read: () => engine.statistics().inDoubt });
    readGauge(registry, {
      name: 'rustydb_transactions_prepared',
      help: 'Prepared transactions each writable node holds now (pg_prepared_xacts, XA ones included), pinning WAL and xmin; at maxPreparedTransactions it votes NO.',
      labelNames: ['node'],
      read: () => preparedPerWritableNode(cluster),
    });
    readCounter(registry, {
      name: 'rustydb_transactions_heuristic_outcomes_total',
      help: 'Heuristic outcomes recorded, by kind (an operator resolved in-doubt participants by hand, or a reclassification).',
      labelNames: ['outcome'],
      read: bySeries('outcome', (now) => ({ commit: now.heuristicCommit, rollback: now.heuristicRollback, mixed: now.heuristicMixed, hazard: now.heuristicHazard })),
    });
    readCounter(registry, { name: 'rustydb_transactions_heuristic_forgotten_total', help: 'Heuristic outcomes an operator forgot.', read: () => counters().forgotten });
    readCounter(registry, {
      name: 'rustydb_transactions_votes_total',
      help: 'Answers to PREPARE, by vote (a participant silent past the prepare timeout counts as no).',
      labelNames: ['vote'],
      read: bySeries('vote', (now) => ({ yes: now.votesYes, no: now.votesNo })),
    });
    readCounter(registry, { name: 'rustydb_transactions_lock_waits_total', help: 'Writes (of distributed and XA transactions) that waited for a row lock.', read: () => counters().lockWaits });
    readCounter(registry, { name: 'rustydb_transactions_lock_wait_timeouts_total', help: 'Of those, the ones that gave up at the lock timeout.', read: () => counters().lockWaitTimeouts });
    readGauge(registry, {
      name: 'rustydb_transactions_phase_latency_seconds',
      help: 'Percentiles of each phase on the cluster clock over the most recent latencySamples (quantile 1 is the longest): prepare (PREPARE sent to the last vote), commit (decision to the last acknowledgement), total (begin to the end), lock_wait. No series before a first sample.',
      labelNames: ['phase', 'quantile'],
      read: () => {
        const statistics = engine.statistics();
        const series: Series<'phase' | 'quantile'>[] = [];
        for (const [phase, field] of Object.entries(PHASES)) {
          for (const [quantile, percentile] of QUANTILES) {
            const ms = statistics[field][percentile];
            if (ms !== null) series.push([{ phase, quantile }, secondsOf(ms)]);
          }
        }
        return series;
      },
    });
    readGauge(registry, {
      // A gauge: finished branches count while the bounded history keeps them.
      name: 'rustydb_transactions_xa_branches',
      help: 'XA transactions kept, live and in the bounded history, by state.',
      labelNames: ['state'],
      read: () => {
        const byState = engine.xaStatistics().branchesByState;
        return XA_BRANCH_STATES.map((state): Series<'state'> => [{ state: metricLabel(state) }, byState[state]]);
      },
    });
  };
}

/** One series per node that takes writes (the primary and standalone nodes): standbys only replay their primary's. */
function preparedPerWritableNode(cluster: ReplicationCluster): Series<'node'>[] {
  return cluster
    .nodeIds()
    .filter((nodeId) => cluster.writeRoleOf(nodeId) !== 'STANDBY')
    .map((nodeId) => [{ node: nodeId }, cluster.storageOf(nodeId).preparedTransactions().filter((entry) => entry.status === 'PREPARED').length]);
}
