/**
 * The project's one SQL subset, as structured data: a single-table SELECT of aggregates (with
 * GROUP BY) or of columns, with a WHERE conjunction of comparisons, ORDER BY and LIMIT.
 * `query-text.ts` parses text into it; `aggregation.ts` evaluates it (serially, or as partial
 * results merged); RAC's parallel query and the sharding engine's distributed query both run it.
 */

export type AggregateFunction = 'COUNT' | 'SUM' | 'MIN' | 'MAX' | 'AVG';
export const AGGREGATE_FUNCTIONS: readonly AggregateFunction[] = Object.freeze(['COUNT', 'SUM', 'MIN', 'MAX', 'AVG']);

/** A value as a row holds it and a literal as a query writes it. */
export type QueryValue = string | number | boolean | null;
/** A row of a table: column → value. */
export type QueryRow = Record<string, QueryValue>;

export interface Aggregate {
  fn: AggregateFunction;
  /** The column; omitted (or '*') for COUNT(*). */
  column?: string;
  /** Its result column name; `aggregateName` (aggregation.ts) when omitted. */
  alias?: string;
}

/** The comparisons of a WHERE condition; `=` when a filter names none. */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = Object.freeze(['=', '<>', '<', '<=', '>', '>=']);

/** One WHERE condition: `column op value`, or `column IN (values)`. */
export type QueryFilter = { column: string; op?: ComparisonOperator; value: QueryValue } | { column: string; op: 'IN'; values: readonly QueryValue[] };

export type SortDirection = 'ASC' | 'DESC';

/** One ORDER BY term: a result column (a selected or grouped column, or an aggregate's result name). */
export interface OrderTerm {
  column: string;
  direction: SortDirection;
}

export interface SelectQuery {
  table: string;
  /** The aggregates, in SELECT order; empty for a query of columns. */
  aggregates: Aggregate[];
  /** A query of columns (no aggregate): the columns selected, in order (`*` expanded when the table's columns are known). */
  columns?: string[];
  groupBy?: string[];
  /** One condition, or several that must all hold. */
  where?: QueryFilter | readonly QueryFilter[];
  /** Result order; ties are broken by the result's columns in order, so the order is total. */
  orderBy?: OrderTerm[];
  /** Most rows of the result. */
  limit?: number;
  /** The query's text as the caller wrote it (plans show it); generated from the fields when omitted. */
  text?: string;
}

/** Largest LIMIT the subset accepts. */
export const MAX_QUERY_LIMIT = 100_000;
/** Most values of one IN list. */
export const MAX_IN_VALUES = 1000;

/** The WHERE conditions of a query, as a list. */
export function filtersOf(query: SelectQuery): readonly QueryFilter[] {
  if (query.where === undefined) return [];
  return Array.isArray(query.where) ? query.where : [query.where as QueryFilter];
}

/** True for a query of columns (rows come back as stored, filtered, ordered and limited). */
export function selectsRows(query: SelectQuery): boolean {
  return query.aggregates.length === 0;
}
