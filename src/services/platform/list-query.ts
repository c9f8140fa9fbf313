import { DomainError } from '../../engines/runtime/domain-error.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';

/** How a caller wants a list: filters by field, sort, page and sparse fields. */
export interface ListQuery<Item> {
  filters?: Partial<Record<keyof Item & string, unknown>>;
  sortBy?: keyof Item & string;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** Field names to keep on each item; the id field is always kept. */
  fields?: readonly string[];
}

export interface Page<Item> {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
  hasMore: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/**
 * Applies a ListQuery to every item of a collection: filter (exact match on each named field,
 * skipping undefined), stable sort, page. Items are not copied.
 */
export function pageOf<Item extends object>(all: readonly Item[], query: ListQuery<Item>): Page<Item> {
  const filters = Object.entries(query.filters ?? {}).filter(([, wanted]) => wanted !== undefined);
  const matching =
    filters.length === 0 ? all : all.filter((item) => filters.every(([field, wanted]) => (item as Record<string, unknown>)[field] === wanted));
  const sorted = query.sortBy ? [...matching].sort(comparatorFor<Item>(query.sortBy, query.order ?? 'asc')) : matching;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const offset = query.offset ?? 0;
  // REST rejects these from the contract already; other surfaces (GraphQL) meet them here.
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE || !Number.isInteger(offset) || offset < 0) {
    throw new DomainError('UNPROCESSABLE', `limit must be 1 to ${MAX_PAGE_SIZE} and offset 0 or more.`, { limit, offset });
  }
  const items = sorted.slice(offset, offset + limit);
  return { items, total: matching.length, limit, offset, hasMore: offset + items.length < matching.length };
}

function comparatorFor<Item>(field: string, order: 'asc' | 'desc'): (a: Item, b: Item) => number {
  const direction = order === 'asc' ? 1 : -1;
  return (a, b) => direction * compareValues((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
}

/** Orders nulls first, numbers numerically, and strings so that node-2 comes before node-10. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return naturalCompare(String(a), String(b));
}

/**
 * Keeps only the named fields (and the id field) of each item. Unknown names are a caller
 * error: silently dropping them would hide typos.
 */
export function selectFields<Item extends object>(
  items: readonly Item[],
  fields: readonly string[] | undefined,
  idField: keyof Item & string,
  knownFields: readonly string[],
): Partial<Item>[] {
  if (!fields || fields.length === 0) return [...items];
  const unknown = fields.filter((field) => !knownFields.includes(field));
  if (unknown.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Unknown field(s) in fields: ${unknown.join(', ')}.`, { unknownFields: unknown, knownFields });
  }
  const kept = new Set([idField, ...fields]);
  return items.map((item) => Object.fromEntries(Object.entries(item).filter(([field]) => kept.has(field))) as Partial<Item>);
}
