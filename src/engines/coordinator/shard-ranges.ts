import { assert } from '../runtime/domain-error.js';
import { HASH_SPACE_SIZE } from '../dht/hash-function.js';

/** A shard's slice of the 32-bit hash space: tokens from startToken to endToken, both included. */
export interface TokenRange {
  startToken: number;
  endToken: number;
}

/**
 * Shard `index` (0-based) of `shardCount` starts at ceil(index × 2^32 / shardCount). With that
 * boundary, floor(token × shardCount / 2^32) names the shard of a token exactly, with no search,
 * and the shards differ in size by at most one token.
 */
export function tokenRangeOfShard(index: number, shardCount: number): TokenRange {
  assert(Number.isSafeInteger(index) && index >= 0 && index < shardCount, `shard index ${index} is within ${shardCount} shards`);
  return { startToken: Math.ceil((index * HASH_SPACE_SIZE) / shardCount), endToken: Math.ceil(((index + 1) * HASH_SPACE_SIZE) / shardCount) - 1 };
}

/** 0-based index of the shard owning `token`. */
export function shardIndexOfToken(token: number, shardCount: number): number {
  assert(Number.isInteger(token) && token >= 0 && token < HASH_SPACE_SIZE, `token ${token} is in the hash space`);
  return Math.floor((token * shardCount) / HASH_SPACE_SIZE);
}

/** `shard-1` for index 0: ids count from 1, like node ids. */
export function shardIdOf(index: number): string {
  return `shard-${index + 1}`;
}

/** Index of a shard id, or null when it is not one of `shardCount` shards. */
export function shardIndexOfId(shardId: string, shardCount: number): number | null {
  const match = /^shard-([1-9]\d*)$/.exec(shardId);
  if (!match) return null;
  const index = Number(match[1]) - 1;
  return index < shardCount ? index : null;
}

/**
 * 0-based indexes of the shards overlapping a token range. A range whose start is after its end
 * wraps past the top of the space.
 */
export function shardIndexesOfRange(range: TokenRange, shardCount: number): number[] {
  const first = shardIndexOfToken(range.startToken, shardCount);
  const last = shardIndexOfToken(range.endToken, shardCount);
  const indexes: number[] = [];
  if (range.startToken <= range.endToken) {
    for (let index = first; index <= last; index += 1) indexes.push(index);
  } else {
    for (let index = 0; index <= last; index += 1) indexes.push(index);
    for (let index = Math.max(first, last + 1); index < shardCount; index += 1) indexes.push(index);
  }
  return indexes;
}
