/**
 * Parallel query: a query over one table (COUNT, SUM, MIN, MAX, AVG, optional GROUP BY and WHERE
 * equalities) is split into granules (ranges of blocks) dealt to slave instances; each slave
 * computes partial aggregates over its blocks and the coordinator merges them (AVG as
 * SUM / COUNT), with the shared functions of `query/aggregation.ts`, which also evaluate a query
 * serially so the two can be compared.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { BlockId } from './block.js';
import type { ParallelQueryConfig } from './rac-config.js';
import { aggregateName, resultName } from '../query/aggregation.js';
import { AGGREGATE_FUNCTIONS, filtersOf, type SelectQuery } from '../query/select-query.js';

/** A SELECT as RAC runs it: spread over slave instances. */
export interface ParallelQuery extends SelectQuery {
  /** Degree of parallelism wanted (capped by maxDop and the running instances). */
  dop?: number;
}

export interface Granule {
  granuleId: number;
  blockIds: BlockId[];
  instanceId: string;
}

export interface QueryPlan {
  table: string;
  text: string;
  requestedDop: number;
  dop: number;
  /** Why the DOP is below what was asked (down instances, busy instances, maxDop, few granules). */
  dopReasons: string[];
  /** Adaptive planning left busy instances out and that lowered the DOP. */
  adaptiveReduced: boolean;
  /** The instance that merges the slaves' partial aggregates: the first slave. */
  coordinatorInstance: string;
  instances: string[];
  granules: Granule[];
  blocks: number;
}


/** Checks a query against the table's columns. @throws DomainError UNPROCESSABLE listing every problem. */
export function validateQuery(query: ParallelQuery, columns: readonly string[]): ParallelQuery {
  const problems: string[] = [];
  if (typeof query !== 'object' || query === null) throw new DomainError('UNPROCESSABLE', 'A query must be an object.', {});
  const known = (column: unknown): boolean => typeof column === 'string' && columns.includes(column);
  if (!Array.isArray(query.aggregates) || query.aggregates.length === 0) problems.push('aggregates must be a non-empty list');
  for (const [index, aggregate] of (Array.isArray(query.aggregates) ? query.aggregates : []).entries()) {
    if (!AGGREGATE_FUNCTIONS.includes(aggregate?.fn)) problems.push(`aggregates[${index}].fn must be one of ${AGGREGATE_FUNCTIONS.join(', ')}`);
    const column = aggregate?.column;
    if (column === undefined || column === '*') {
      if (aggregate?.fn !== 'COUNT') problems.push(`aggregates[${index}] needs a column (only COUNT takes *)`);
    } else if (!known(column)) problems.push(`aggregates[${index}].column ${JSON.stringify(column)} is not a column of ${query.table}`);
  }
  if (query.groupBy !== undefined && (!Array.isArray(query.groupBy) || query.groupBy.some((column) => !known(column)))) problems.push(`groupBy must list columns of ${query.table} (${columns.join(', ')})`);
  for (const filter of query.where === undefined ? [] : filtersOf(query)) {
    if (!known(filter?.column)) problems.push(`where.column must be a column of ${query.table}`);
    // RAC's contract describes WHERE equalities only; comparisons and IN are the sharding engine's.
    if (filter?.op !== undefined && filter.op !== '=') problems.push(`where supports only column = value in a RAC parallel query (${filter.column} ${filter.op} … is not)`);
    const value = filter?.op === 'IN' ? undefined : filter?.value;
    if (value !== undefined && value !== null && !['string', 'number', 'boolean'].includes(typeof value)) problems.push('where.value must be a string, number, boolean or null');
  }
  if (query.orderBy !== undefined || query.limit !== undefined) problems.push('ORDER BY and LIMIT are not part of a RAC parallel query (its result is one row per group, in group order)');
  const names = [...(Array.isArray(query.groupBy) ? query.groupBy : []), ...(Array.isArray(query.aggregates) ? query.aggregates.map(resultName) : [])];
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) problems.push(`result column names must be distinct (${[...new Set(repeated)].join(', ')} repeated)`);
  for (const aggregate of Array.isArray(query.aggregates) ? query.aggregates : []) {
    if (aggregate?.alias !== undefined && (typeof aggregate.alias !== 'string' || aggregate.alias.length === 0)) problems.push('an alias must be a non-empty string');
  }
  if (query.dop !== undefined && (!Number.isSafeInteger(query.dop) || query.dop < 1 || query.dop > 1024)) problems.push('dop must be a whole number between 1 and 1024');
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid parallel query: ${problems.join('; ')}.`, { problems });
  return query;
}

/** The query as SQL, for plans and events: the caller's text when it came as text. */
export function queryText(query: ParallelQuery): string {
  if (query.text !== undefined) return query.text;
  const items = [...(query.groupBy ?? []), ...query.aggregates.map(aggregateName)];
  const filters = filtersOf(query);
  const where = filters.length === 0 ? '' : ` WHERE ${filters.map((filter) => `${filter.column} = ${JSON.stringify(filter.op === 'IN' ? filter.values : filter.value)}`).join(' AND ')}`;
  const groupBy = query.groupBy === undefined || query.groupBy.length === 0 ? '' : ` GROUP BY ${query.groupBy.join(', ')}`;
  return `SELECT ${items.join(', ')} FROM ${query.table}${where}${groupBy}`;
}

export interface SlaveCandidate {
  instanceId: string;
  /** GCS requests it has outstanding. */
  outstanding: number;
}

/**
 * Deals the table's blocks into granules over up to `dop` instances. Adaptive planning leaves out
 * busy instances (while at least one stays). @throws DomainError CONFLICT with no running instance.
 */
export function planQuery(query: ParallelQuery, blockIds: readonly BlockId[], candidates: readonly SlaveCandidate[], config: ParallelQueryConfig): QueryPlan {
  if (candidates.length === 0) throw new DomainError('CONFLICT', 'No instance is running to execute the query.', {});
  const requestedDop = query.dop ?? config.maxDop;
  const reasons: string[] = [];
  let pool = [...candidates];
  const before = Math.min(requestedDop, config.maxDop, pool.length);
  if (config.adaptive) {
    const idle = pool.filter((candidate) => candidate.outstanding <= config.busyThreshold);
    if (idle.length > 0 && idle.length < pool.length) {
      reasons.push(`${pool.length - idle.length} busy instance(s) left out`);
      pool = idle;
    }
  }
  const granuleCount = Math.ceil(blockIds.length / config.granuleBlocks);
  let dop = Math.min(requestedDop, config.maxDop, pool.length, Math.max(1, granuleCount));
  if (requestedDop > config.maxDop) reasons.push(`capped at maxDop ${config.maxDop}`);
  if (dop < Math.min(requestedDop, config.maxDop) && pool.length < Math.min(requestedDop, config.maxDop)) reasons.push(`${pool.length} instance(s) available`);
  if (dop < 1) dop = 1;
  // Least busy first, so the slaves are the idlest instances.
  const instances = pool.sort((a, b) => a.outstanding - b.outstanding).slice(0, dop).map((candidate) => candidate.instanceId);
  const granules: Granule[] = [];
  for (let start = 0, granuleId = 1; start < blockIds.length; start += config.granuleBlocks, granuleId += 1) {
    granules.push({ granuleId, blockIds: blockIds.slice(start, start + config.granuleBlocks), instanceId: instances[(granuleId - 1) % instances.length]! });
  }
  return {
    table: query.table,
    text: queryText(query),
    requestedDop,
    dop: instances.length,
    dopReasons: reasons,
    adaptiveReduced: pool.length < candidates.length && instances.length < before,
    coordinatorInstance: instances[0]!,
    instances,
    granules,
    blocks: blockIds.length,
  };
}
