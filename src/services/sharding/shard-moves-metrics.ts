import type { ShardMover } from '../../engines/sharding/shard-mover.js';
import { readCounter, readGauge, type MetricsCollector } from '../platform/metrics-service.js';

/**
 * The move machinery, from the mover's durable counters and what it runs now: moves by outcome,
 * rows and bytes moved, moves running and blocked (a source or target down), and workflows by
 * kind and state. What an operator alerts on: a move blocked, or failed.
 */
export function shardMovesMetrics(mover: ShardMover): MetricsCollector {
  return (registry) => {
    readCounter(registry, { name: 'rustydb_shard_moves_started_total', help: 'Shard moves started (by rebalances, migration tasks and the coordinator\'s assign).', read: () => mover.statistics().counters.movesStarted });
    readCounter(registry, {
      name: 'rustydb_shard_moves_finished_total',
      help: 'Shard moves finished, by outcome: completed, cancelled (before the switch, rolled back) or failed (verification found differences, rolled back).',
      labelNames: ['outcome'],
      read: () => {
        const { counters } = mover.statistics();
        return [
          [{ outcome: 'completed' }, counters.movesCompleted],
          [{ outcome: 'cancelled' }, counters.movesCancelled],
          [{ outcome: 'failed' }, counters.movesFailed],
        ];
      },
    });
    readCounter(registry, { name: 'rustydb_shard_move_rows_copied_total', help: 'Rows copied by completed shard moves.', read: () => mover.statistics().counters.rowsCopied });
    readCounter(registry, { name: 'rustydb_shard_move_copied_bytes_total', help: 'Bytes (JSON row sizes) copied by completed shard moves.', read: () => mover.statistics().counters.bytesCopied });
    readGauge(registry, { name: 'rustydb_shard_moves_active', help: 'Shard moves between their start and their end now.', read: () => mover.statistics().activeMoves });
    readGauge(registry, { name: 'rustydb_shard_moves_blocked', help: 'Running shard moves waiting for their source or target node (down, or not writable).', read: () => mover.blockedMoves() });
  };
}
