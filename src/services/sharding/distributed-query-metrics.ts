import type { DistributedQueryExecutor, LatencyPercentiles } from '../../engines/sharding/distributed-query.js';
import { readCounter, readGauge, secondsOf, type MetricsCollector, type Series } from '../platform/metrics-service.js';

/** The percentiles of the latency window, by the `quantile` label they get (1 is the longest). */
const QUANTILES: readonly [string, keyof LatencyPercentiles][] = [
  ['0.5', 'p50Ms'],
  ['0.95', 'p95Ms'],
  ['0.99', 'p99Ms'],
  ['1', 'maxMs'],
];

/**
 * Distributed queries over sharded tables, from the executor's statistics: queries started by
 * kind and ended by outcome, those running now, fragments and rows scanned, and the latency
 * percentiles of the most recent ended queries. Counted since the server started.
 */
export function distributedQueryMetrics(executor: DistributedQueryExecutor): MetricsCollector {
  const statistics = () => executor.statistics();
  return (registry) => {
    readCounter(registry, {
      name: 'rustydb_sharding_queries_started_total',
      help: 'Distributed queries started, by plan kind: single_shard, scatter_gather, or no_shard (the WHERE holds for no row).',
      labelNames: ['kind'],
      read: () => {
        const now = statistics();
        return [
          [{ kind: 'single_shard' }, now.singleShardQueries],
          [{ kind: 'scatter_gather' }, now.scatterGatherQueries],
          [{ kind: 'no_shard' }, now.noShardQueries],
        ];
      },
    });
    readCounter(registry, {
      name: 'rustydb_sharding_queries_total',
      help: 'Distributed queries ended, by outcome: completed, or failed (a fragment could not run, or the result was too large).',
      labelNames: ['outcome'],
      read: () => {
        const now = statistics();
        return [
          [{ outcome: 'completed' }, now.queriesCompleted],
          [{ outcome: 'failed' }, now.queriesFailed],
        ];
      },
    });
    readGauge(registry, { name: 'rustydb_sharding_queries_running', help: 'Distributed queries running now (fragments out).', read: () => statistics().queriesRunning });
    readCounter(registry, { name: 'rustydb_sharding_query_fragments_total', help: 'Fragments of distributed queries that ended (completed or failed).', read: () => statistics().fragmentsExecuted });
    readCounter(registry, { name: 'rustydb_sharding_query_rows_scanned_total', help: 'Rows the fragments read from the shard tables in node storage.', read: () => statistics().rowsScanned });
    readGauge(registry, {
      name: 'rustydb_sharding_query_duration_seconds',
      help: 'Percentiles of distributed query durations on the cluster clock over the most recent latencyWindow ended queries (quantile 1 is the longest). No series before a first query ends.',
      labelNames: ['quantile'],
      read: () => {
        const latency = statistics().latency;
        return latency === null ? [] : QUANTILES.map(([quantile, field]): Series<'quantile'> => [{ quantile }, secondsOf(latency[field])]);
      },
    });
  };
}
