import type { ConflictBook } from '../../engines/conflicts/conflict-book.js';
import { CONFLICT_STRATEGIES } from '../../engines/conflicts/conflict-record.js';
import { readCounter, readGauge, type MetricsCollector } from '../platform/metrics-service.js';

/**
 * Group conflicts from the book's cumulative counts: recorded by strategy (bounded: the five
 * strategies), resolved later, and open now (PENDING or SIBLINGS). What an operator alerts on:
 * open conflicts that wait for a decision, and a rising conflict rate.
 */
export function conflictsMetrics(book: ConflictBook): MetricsCollector {
  return (registry) => {
    readCounter(registry, {
      name: 'rustydb_conflicts_recorded_total',
      help: 'Group conflicts recorded in the conflict book, by the strategy they were recorded with.',
      labelNames: ['strategy'],
      read: () => CONFLICT_STRATEGIES.map((strategy) => [{ strategy: strategy.toLowerCase() }, book.totals().byStrategy[strategy] ?? 0]),
    });
    readCounter(registry, { name: 'rustydb_conflicts_resolved_later_total', help: 'Group conflicts resolved through resolve (after PENDING or SIBLINGS).', read: () => book.totals().resolvedLater });
    readGauge(registry, { name: 'rustydb_conflicts_open', help: 'Kept group conflicts that wait for a decision (PENDING or SIBLINGS).', read: () => book.list().filter((record) => record.status !== 'RESOLVED').length });
  };
}
