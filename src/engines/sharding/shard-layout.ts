/**
 * What each shard of a table owns, and which shard group (colocation group) a table joins
 * (README, "One shard model with the coordinator"). Pure functions of a normalized definition.
 */
import { assert } from '../runtime/domain-error.js';
import { tokenRangeOfShard, type TokenRange } from '../coordinator/shard-ranges.js';
import type { KeyValue } from './shard-key.js';
import { levelsOf, shardCountOf, shardCountOfLevel, shardNameOf, type NormalizedLevel, type RangeDefinition, type ShardHashFunction, type ShardedTableDefinition } from './sharded-table.js';

/** The keys one level gives a shard. */
export type LevelBounds =
  | { strategy: 'HASH'; keyColumns: string[]; hashFunction: ShardHashFunction; bucket: number; tokenRange: TokenRange | null }
  | { strategy: 'RANGE'; keyColumns: string[]; rangeIndex: number; range: RangeDefinition }
  | { strategy: 'LIST'; keyColumns: string[]; listIndex: number | null; values: KeyValue[] | null };

export interface ShardBounds {
  shardIndex: number;
  shardNumber: number;
  shardName: string;
  /** One per level: a key belongs to the shard when it meets every level's bounds. */
  levels: LevelBounds[];
}

/** The name of the coordinator's own group: its `shardCount` token ranges. No new table joins it (`shardGroupOf`); a catalog saved before that rule may still name it. */
export const DEFAULT_SHARD_GROUP = 'default';

/** Every shard of the table with what it owns, in shard order. */
export function shardBoundsOf(definition: ShardedTableDefinition): ShardBounds[] {
  const levels = levelsOf(definition.strategy);
  const counts = levels.map(shardCountOfLevel);
  return Array.from({ length: shardCountOf(definition) }, (_, shardIndex) => {
    // Mixed radix, the first level most significant: the last level's bucket varies fastest.
    let rest = shardIndex;
    const buckets = counts.map(() => 0);
    for (let level = levels.length - 1; level >= 0; level -= 1) {
      buckets[level] = rest % counts[level]!;
      rest = Math.floor(rest / counts[level]!);
    }
    assert(rest === 0, `shard ${shardIndex} is within the layout`);
    return {
      shardIndex,
      shardNumber: shardIndex + 1,
      shardName: shardNameOf(definition.tableName, shardIndex + 1),
      levels: levels.map((level, index) => boundsOfBucket(level, buckets[index]!)),
    };
  });
}

function boundsOfBucket(level: NormalizedLevel, bucket: number): LevelBounds {
  const keyColumns = [...level.keyColumns];
  switch (level.type) {
    case 'HASH':
      return {
        strategy: 'HASH',
        keyColumns,
        hashFunction: level.hashFunction,
        bucket,
        // A CONSISTENT shard owns the ring's arcs before its vnodes, not one range.
        tokenRange: level.hashFunction === 'CONSISTENT' ? null : tokenRangeOfShard(bucket, level.numShards),
      };
    case 'RANGE':
      return { strategy: 'RANGE', keyColumns, rangeIndex: bucket, range: { ...level.ranges[bucket]! } };
    case 'LIST':
      return bucket < level.lists.length
        ? { strategy: 'LIST', keyColumns, listIndex: bucket, values: [...level.lists[bucket]!.values] }
        : { strategy: 'LIST', keyColumns, listIndex: null, values: null };
  }
}

/**
 * The layout a table's shards are cut by, without its table and columns: two tables with the same
 * layout key are colocated (one shard group, their shard N on the same nodes), as Citus colocates
 * tables with the same shard count. Key texts of equal values are equal whatever the column type,
 * so the types do not enter it.
 */
export function layoutKeyOf(definition: ShardedTableDefinition): string {
  const levels = levelsOf(definition.strategy).map((level) => {
    switch (level.type) {
      case 'HASH':
        // DEFAULT is MurmurHash3 seed 0: the same cut as MURMUR3.
        return { type: 'HASH', numShards: level.numShards, hashFunction: level.hashFunction === 'DEFAULT' ? 'MURMUR3' : level.hashFunction };
      case 'RANGE':
        return { type: 'RANGE', ranges: level.ranges };
      case 'LIST':
        return { type: 'LIST', lists: level.lists, defaultShard: level.defaultShard };
    }
  });
  return JSON.stringify(levels);
}

/**
 * The group a new table joins: the group of an existing table with the same layout (colocated),
 * else a new group named after the table. Never the coordinator's `default` group, even when the
 * layout is its cut of the hash space: that group's placement (token ranges over every member)
 * predates write roles, and a table's shards need primaries on writable nodes (README, "One shard
 * model with the coordinator").
 */
export function shardGroupOf(definition: ShardedTableDefinition, groupsByLayout: ReadonlyMap<string, string>): string {
  return groupsByLayout.get(layoutKeyOf(definition)) ?? definition.tableName;
}
