import { describe, expect, it } from 'vitest';
import { HASH_SPACE_SIZE } from '../../../src/engines/dht/hash-function.js';
import {
  shardIdOf,
  shardIndexesOfRange,
  shardIndexOfId,
  shardIndexOfToken,
  tokenRangeOfShard,
} from '../../../src/engines/coordinator/shard-ranges.js';

describe('shard token ranges', () => {
  it.each([1, 3, 7, 16, 1000, 4096])('%i shards cover the hash space once, in order, sizes within one token', (shardCount) => {
    let expectedStart = 0;
    const sizes = new Set<number>();
    for (let index = 0; index < shardCount; index += 1) {
      const range = tokenRangeOfShard(index, shardCount);
      expect(range.startToken).toBe(expectedStart);
      sizes.add(range.endToken - range.startToken + 1);
      // Both ends of the range, and the tokens just outside it, map to the right shard.
      expect(shardIndexOfToken(range.startToken, shardCount)).toBe(index);
      expect(shardIndexOfToken(range.endToken, shardCount)).toBe(index);
      if (range.startToken > 0) expect(shardIndexOfToken(range.startToken - 1, shardCount)).toBe(index - 1);
      expectedStart = range.endToken + 1;
    }
    expect(expectedStart).toBe(HASH_SPACE_SIZE);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('names shards from shard-1 and reads the names back', () => {
    expect(shardIdOf(0)).toBe('shard-1');
    expect(shardIndexOfId('shard-16', 16)).toBe(15);
    for (const bad of ['shard-17', 'shard-0', 'shard-01', 'shard-x', '3', 'node-1']) expect(shardIndexOfId(bad, 16)).toBeNull();
  });

  it('finds the shards a token range overlaps, wrapping when the start is after the end', () => {
    const quarter = HASH_SPACE_SIZE / 4;
    expect(shardIndexesOfRange({ startToken: 0, endToken: 10 }, 4)).toEqual([0]);
    expect(shardIndexesOfRange({ startToken: quarter - 1, endToken: quarter }, 4)).toEqual([0, 1]);
    expect(shardIndexesOfRange({ startToken: 3 * quarter + 5, endToken: 5 }, 4)).toEqual([0, 3]);
    expect(shardIndexesOfRange({ startToken: 20, endToken: 10 }, 4)).toEqual([0, 1, 2, 3]);
  });
});
