/**
 * The project's one SQL subset, as structured data: a single-table SELECT of aggregates with
 * WHERE equalities and GROUP BY. `query-text.ts` parses text into it; RAC's parallel query and
 * the sharding engine's distributed query both run it.
 */

export type AggregateFunction = 'COUNT' | 'SUM' | 'MIN' | 'MAX' | 'AVG';
export const AGGREGATE_FUNCTIONS: readonly AggregateFunction[] = Object.freeze(['COUNT', 'SUM', 'MIN', 'MAX', 'AVG']);

export interface Aggregate {
  fn: AggregateFunction;
  /** The column; omitted (or '*') for COUNT(*). */
  column?: string;
  /** Its result column name; `aggregateName` (rac/parallel-query.ts) when omitted. */
  alias?: string;
}

/** One WHERE equality. */
export interface QueryFilter {
  column: string;
  value: string | number | boolean | null;
}

export interface SelectQuery {
  table: string;
  aggregates: Aggregate[];
  groupBy?: string[];
  /** One equality, or several that must all hold. */
  where?: QueryFilter | readonly QueryFilter[];
  /** The query's text as the caller wrote it (plans show it); generated from the fields when omitted. */
  text?: string;
}

/** The WHERE equalities of a query, as a list. */
export function filtersOf(query: SelectQuery): readonly QueryFilter[] {
  if (query.where === undefined) return [];
  return Array.isArray(query.where) ? query.where : [query.where as QueryFilter];
}
