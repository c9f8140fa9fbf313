/**
 * Evaluating the one SQL subset (`select-query.ts`), serially or in parts merged: each part
 * (a RAC slave's blocks, a shard's rows) computes partial aggregates (COUNT, SUM, MIN, MAX; AVG as
 * SUM and COUNT) or, for a query of columns, its own top n rows in the query's order; the
 * coordinator merges the parts and finalizes (ORDER BY, LIMIT). The serial evaluation is the same
 * functions over one part, so a parallel or distributed run can be compared with it.
 */
import { filtersOf, selectsRows, type Aggregate, type QueryFilter, type QueryRow, type QueryValue, type SelectQuery } from './select-query.js';

export interface QueryResult {
  columns: string[];
  rows: QueryRow[];
}

/** Per group, per aggregate: what merging needs. */
interface Partial {
  count: number;
  sum: number;
  min: number | string | null;
  max: number | string | null;
}

/** group key (JSON of the group values) → group values and partials. */
export type PartialAggregates = Map<string, { group: QueryRow; partials: Partial[] }>;

export function aggregateName(aggregate: Aggregate): string {
  return `${aggregate.fn}(${aggregate.column ?? '*'})`;
}

/** The result column of an aggregate: its alias, else its name. */
export function resultName(aggregate: Aggregate): string {
  return aggregate.alias ?? aggregateName(aggregate);
}

/** The result's columns: GROUP BY columns then aggregates, or the selected columns. */
export function resultColumns(query: SelectQuery): string[] {
  return selectsRows(query) ? [...(query.columns ?? ['*'])] : [...(query.groupBy ?? []), ...query.aggregates.map(resultName)];
}

/**
 * One order over every value: by type (booleans, numbers, strings), then within the type
 * (false < true, numeric, UTF-16 code units), null after everything (PostgreSQL's NULLS LAST for
 * ascending order, so descending puts nulls first).
 */
export function compareValues(a: QueryValue | undefined, b: QueryValue | undefined): number {
  const left = a ?? null;
  const right = b ?? null;
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  const rank = (value: string | number | boolean) => (typeof value === 'boolean' ? 0 : typeof value === 'number' ? 1 : 2);
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  return left < right ? -1 : 1;
}

/** Whether a row satisfies one condition. Comparisons with null hold for no row, except `=` with null (IS NULL). */
export function satisfies(row: QueryRow, filter: QueryFilter): boolean {
  const value = row[filter.column] ?? null;
  if (filter.op === 'IN') return value !== null && filter.values.some((candidate) => candidate === value);
  const op = filter.op ?? '=';
  if (op === '=') return value === filter.value;
  if (value === null || filter.value === null) return false;
  if (op === '<>') return value !== filter.value;
  // Order comparisons hold between values of one type only (a string is never below a number).
  if (typeof value !== typeof filter.value) return false;
  switch (op) {
    case '<':
      return value < filter.value;
    case '<=':
      return value <= filter.value;
    case '>':
      return value > filter.value;
    case '>=':
      return value >= filter.value;
  }
}

/** Whether a row satisfies every WHERE condition of the query. */
export function matchesWhere(query: SelectQuery, row: QueryRow): boolean {
  return filtersOf(query).every((filter) => satisfies(row, filter));
}

/** Partial aggregates of some rows (the WHERE applied). */
export function partialAggregate(query: SelectQuery, rows: readonly QueryRow[], into: PartialAggregates = new Map()): PartialAggregates {
  for (const row of rows) {
    if (!matchesWhere(query, row)) continue;
    const group: QueryRow = {};
    for (const column of query.groupBy ?? []) group[column] = row[column] ?? null;
    const key = JSON.stringify(group);
    let slot = into.get(key);
    if (slot === undefined) {
      slot = { group, partials: query.aggregates.map(() => ({ count: 0, sum: 0, min: null, max: null })) };
      into.set(key, slot);
    }
    query.aggregates.forEach((aggregate, index) => {
      const partial = slot!.partials[index]!;
      if (aggregate.column === undefined || aggregate.column === '*') {
        partial.count += 1;
        return;
      }
      const value = row[aggregate.column];
      if (value === null || value === undefined) return;
      partial.count += 1;
      if (typeof value === 'number') partial.sum += value;
      if (typeof value === 'number' || typeof value === 'string') {
        if (partial.min === null || value < partial.min) partial.min = value;
        if (partial.max === null || value > partial.max) partial.max = value;
      }
    });
  }
  return into;
}

/** Merges parts' partial aggregates into one. */
export function mergePartials(parts: readonly PartialAggregates[]): PartialAggregates {
  const merged: PartialAggregates = new Map();
  for (const part of parts) {
    for (const [key, slot] of part) {
      const target = merged.get(key);
      if (target === undefined) {
        merged.set(key, { group: { ...slot.group }, partials: slot.partials.map((partial) => ({ ...partial })) });
        continue;
      }
      slot.partials.forEach((partial, index) => {
        const into = target.partials[index]!;
        into.count += partial.count;
        into.sum += partial.sum;
        if (partial.min !== null && (into.min === null || partial.min < into.min)) into.min = partial.min;
        if (partial.max !== null && (into.max === null || partial.max > into.max)) into.max = partial.max;
      });
    }
  }
  return merged;
}

/** The final result of merged partials: one row per group (or one row without GROUP BY), ordered, limited. */
export function finalizeAggregates(query: SelectQuery, partials: PartialAggregates): QueryResult {
  const groupBy = query.groupBy ?? [];
  let slots = [...partials.values()];
  if (groupBy.length === 0 && slots.length === 0) slots = [{ group: {}, partials: query.aggregates.map(() => ({ count: 0, sum: 0, min: null, max: null })) }];
  const rows = slots.map((slot) => {
    const row: QueryRow = { ...slot.group };
    query.aggregates.forEach((aggregate, index) => {
      const partial = slot.partials[index]!;
      const name = resultName(aggregate);
      switch (aggregate.fn) {
        case 'COUNT':
          row[name] = partial.count;
          break;
        case 'SUM':
          row[name] = partial.count === 0 ? null : partial.sum;
          break;
        case 'MIN':
          row[name] = partial.min;
          break;
        case 'MAX':
          row[name] = partial.max;
          break;
        case 'AVG':
          row[name] = partial.count === 0 ? null : partial.sum / partial.count;
          break;
      }
    });
    return row;
  });
  return { columns: resultColumns(query), rows: orderAndLimit(query, rows) };
}

/**
 * A query of columns over some rows: those the WHERE keeps, projected, in the query's order, the
 * first LIMIT of them. Over one shard's rows it is that shard's top n; merging tops with
 * {@link mergeRows} gives the top n of all.
 */
export function selectRows(query: SelectQuery, rows: readonly QueryRow[]): QueryResult {
  const columns = resultColumns(query);
  const kept = rows.filter((row) => matchesWhere(query, row)).map((row) => project(row, columns));
  return { columns, rows: orderAndLimit(query, kept) };
}

/** The parts' rows of a query of columns, merged in the query's order and limited. */
export function mergeRows(query: SelectQuery, parts: readonly QueryResult[]): QueryResult {
  return { columns: resultColumns(query), rows: orderAndLimit(query, parts.flatMap((part) => part.rows)) };
}

/** The query evaluated in one pass over the rows (the reference a parallel or distributed run must equal). */
export function evaluateSerially(query: SelectQuery, rows: readonly QueryRow[]): QueryResult {
  return selectsRows(query) ? selectRows(query, rows) : finalizeAggregates(query, partialAggregate(query, rows));
}

function project(row: QueryRow, columns: readonly string[]): QueryRow {
  if (columns.length === 1 && columns[0] === '*') return { ...row };
  const projected: QueryRow = {};
  for (const column of columns) projected[column] = row[column] ?? null;
  return projected;
}

/**
 * Sorts by the ORDER BY terms, ties broken by the result columns in order (GROUP BY columns, or
 * the selected columns): a total order, so every way of computing the result gives the same rows.
 */
function orderAndLimit(query: SelectQuery, rows: QueryRow[]): QueryRow[] {
  const terms = query.orderBy ?? [];
  const tieColumns = selectsRows(query) ? resultColumns(query).filter((column) => column !== '*') : (query.groupBy ?? []);
  const wholeRow = selectsRows(query) && tieColumns.length === 0;
  rows.sort((a, b) => {
    for (const term of terms) {
      const order = compareValues(a[term.column], b[term.column]);
      if (order !== 0) return term.direction === 'DESC' ? -order : order;
    }
    for (const column of tieColumns) {
      const order = compareValues(a[column], b[column]);
      if (order !== 0) return order;
    }
    if (!wholeRow) return 0;
    const left = JSON.stringify(a);
    const right = JSON.stringify(b);
    return left === right ? 0 : left < right ? -1 : 1;
  });
  return query.limit === undefined ? rows : rows.slice(0, query.limit);
}
