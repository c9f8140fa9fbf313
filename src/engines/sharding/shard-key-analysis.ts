/**
 * Shard key analysis (README, "Shard key analysis"): how a candidate key would spread given rows
 * over a number of hash shards, measured, with a recommendation and the numbers behind it. Pure.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { FieldValue } from '../replication/wal-record.js';
import { MAX_ANALYZED_ROWS, MAX_HOT_VALUES, MAX_SHARD_KEY_COLUMNS, MAX_TABLE_SHARDS } from './sharding-config.js';
import { keyTextOf, type KeyValue } from './shard-key.js';
import { hashBucketer } from './shard-router.js';
import { SHARD_HASH_FUNCTIONS, type ShardHashFunction } from './sharded-table.js';

/** Distinct values per shard below which shards cannot be evened out. */
export const MIN_DISTINCT_VALUES_PER_SHARD = 10;
/** Largest shard over the mean above which the spread is uneven (FAIR), and above which it is POOR. */
export const UNEVEN_SKEW = 1.25;
export const POOR_SKEW = 2;

export interface ShardKeyCandidate {
  keyColumns: string[];
  shardCount: number;
  /** DEFAULT when absent. */
  hashFunction?: ShardHashFunction;
}

export type KeyRecommendation = 'GOOD' | 'FAIR' | 'POOR' | 'INSUFFICIENT_DATA';

export interface HotValue {
  /** The key text, as the hash reads it. */
  keyText: string;
  rows: number;
  /** rows / rows with a key, 0 to 1. */
  share: number;
}

export interface ShardKeyAnalysis {
  keyColumns: string[];
  shardCount: number;
  hashFunction: ShardHashFunction;
  rowsAnalyzed: number;
  /** Rows missing a key column, or holding null or a non-scalar there: they could not be routed. */
  rowsWithoutKey: number;
  /** Distinct key values. */
  cardinality: number;
  /** Rows per shard, in shard order. */
  rowsPerShard: number[];
  meanRowsPerShard: number;
  maxRowsPerShard: number;
  /** Fullest shard over the mean: 1 is perfectly even; 0 with no rows. */
  skew: number;
  emptyShards: number;
  /** The most frequent values, most rows first (ties by key text), at most MAX_HOT_VALUES. */
  hotValues: HotValue[];
  recommendation: KeyRecommendation;
  /** Each finding that decided the recommendation, with its numbers. */
  reasons: string[];
}

const SEVERITY: Record<KeyRecommendation, number> = { GOOD: 0, FAIR: 1, POOR: 2, INSUFFICIENT_DATA: 3 };

/**
 * Hashes each row's candidate key into `shardCount` shards and measures the spread.
 * @throws DomainError UNPROCESSABLE for a bad candidate or more than MAX_ANALYZED_ROWS rows.
 */
export function analyzeShardKey(rows: readonly Readonly<Record<string, FieldValue>>[], candidate: ShardKeyCandidate): ShardKeyAnalysis {
  const { keyColumns, shardCount } = candidate;
  const hashFunction = candidate.hashFunction ?? 'DEFAULT';
  const problems: string[] = [];
  if (!Array.isArray(keyColumns) || keyColumns.length === 0 || keyColumns.length > MAX_SHARD_KEY_COLUMNS || new Set(keyColumns).size !== keyColumns.length) {
    problems.push(`keyColumns must name 1 to ${MAX_SHARD_KEY_COLUMNS} distinct columns`);
  }
  if (!Number.isSafeInteger(shardCount) || shardCount < 1 || shardCount > MAX_TABLE_SHARDS) problems.push(`shardCount must be a whole number from 1 to ${MAX_TABLE_SHARDS}`);
  if (!SHARD_HASH_FUNCTIONS.includes(hashFunction)) problems.push(`hashFunction must be one of ${SHARD_HASH_FUNCTIONS.join(', ')}`);
  if (rows.length > MAX_ANALYZED_ROWS) problems.push(`at most ${MAX_ANALYZED_ROWS} rows are analyzed; ${rows.length} were given`);
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Cannot analyze the shard key: ${problems.join('; ')}.`, { problems });

  const hashed = hashBucketer(hashFunction, shardCount);
  const rowsOfKey = new Map<string, number>();
  let rowsWithoutKey = 0;
  for (const row of rows) {
    const values = keyColumns.map((column) => row[column]);
    if (!values.every(isScalar)) {
      rowsWithoutKey += 1;
      continue;
    }
    const keyText = keyTextOf(values);
    rowsOfKey.set(keyText, (rowsOfKey.get(keyText) ?? 0) + 1);
  }
  // Hash each distinct key once: every row of a key lands on the same shard.
  const rowsPerShard = new Array<number>(shardCount).fill(0);
  for (const [keyText, count] of rowsOfKey) rowsPerShard[hashed(keyText).bucket]! += count;

  const keyed = rows.length - rowsWithoutKey;
  const meanRowsPerShard = keyed / shardCount;
  const maxRowsPerShard = Math.max(...rowsPerShard);
  const skew = keyed === 0 ? 0 : maxRowsPerShard / meanRowsPerShard;
  const hotValues = [...rowsOfKey]
    .sort(([textA, a], [textB, b]) => b - a || (textA < textB ? -1 : textA > textB ? 1 : 0))
    .slice(0, MAX_HOT_VALUES)
    .map(([keyText, count]) => ({ keyText, rows: count, share: count / keyed }));
  const analysis = {
    keyColumns: [...keyColumns],
    shardCount,
    hashFunction,
    rowsAnalyzed: rows.length,
    rowsWithoutKey,
    cardinality: rowsOfKey.size,
    rowsPerShard,
    meanRowsPerShard,
    maxRowsPerShard,
    skew,
    emptyShards: rowsPerShard.filter((count) => count === 0).length,
    hotValues,
  };
  return { ...analysis, ...recommend(analysis) };
}

function isScalar(value: FieldValue | undefined): value is KeyValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function recommend(analysis: Omit<ShardKeyAnalysis, 'recommendation' | 'reasons'>): { recommendation: KeyRecommendation; reasons: string[] } {
  const { shardCount, cardinality, rowsAnalyzed, rowsWithoutKey, skew, hotValues } = analysis;
  const keyed = rowsAnalyzed - rowsWithoutKey;
  if (keyed === 0) return { recommendation: 'INSUFFICIENT_DATA', reasons: [`none of the ${rowsAnalyzed} rows has a value in every key column: nothing to measure`] };
  const findings: [KeyRecommendation, string][] = [];
  if (rowsWithoutKey > 0) findings.push(['POOR', `${rowsWithoutKey} of ${rowsAnalyzed} rows have no value in a key column and could not be routed`]);
  const wanted = MIN_DISTINCT_VALUES_PER_SHARD * shardCount;
  if (cardinality < shardCount) findings.push(['POOR', `${cardinality} distinct values for ${shardCount} shards: at least ${shardCount - cardinality} shards stay empty`]);
  else if (cardinality < wanted) findings.push(['FAIR', `${cardinality} distinct values, fewer than ${wanted} (${MIN_DISTINCT_VALUES_PER_SHARD} per shard): shards cannot be evened out as data grows`]);
  const hottest = hotValues[0]!;
  const fairShare = 1 / shardCount;
  if (shardCount > 1 && hottest.share > fairShare) {
    findings.push(['POOR', `the value ${hottest.keyText} holds ${percent(hottest.share)} of rows, more than one shard's fair share (${percent(fairShare)}): no split can spread it`]);
  }
  const skewText = `the fullest shard holds ${analysis.maxRowsPerShard} rows, ${skew.toFixed(2)}× the mean of ${analysis.meanRowsPerShard.toFixed(1)}`;
  if (skew > POOR_SKEW) findings.push(['POOR', `${skewText} (above ${POOR_SKEW})`]);
  else if (skew > UNEVEN_SKEW) findings.push(['FAIR', `${skewText} (above ${UNEVEN_SKEW})`]);
  if (findings.length === 0) {
    return { recommendation: 'GOOD', reasons: [`${cardinality} distinct values over ${shardCount} shards; ${skewText}; the hottest value holds ${percent(hottest.share)} of rows`] };
  }
  const recommendation = findings.reduce<KeyRecommendation>((worst, [level]) => (SEVERITY[level] > SEVERITY[worst] ? level : worst), 'GOOD');
  return { recommendation, reasons: findings.map(([, reason]) => reason) };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
