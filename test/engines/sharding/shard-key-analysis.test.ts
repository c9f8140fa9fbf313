import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeShardKey } from '../../../src/engines/sharding/shard-key-analysis.js';
import { ShardRouter } from '../../../src/engines/sharding/shard-router.js';
import { validateShardedTable } from '../../../src/engines/sharding/sharded-table.js';
import { MAX_HOT_VALUES } from '../../../src/engines/sharding/sharding-config.js';

const ids = (count: number) => Array.from({ length: count }, (_, id) => ({ id, region: ['eu', 'us', 'ca'][id % 3]! }));

describe('analyzeShardKey', () => {
  it('finds a unique key GOOD, with shard counts equal to what routing gives', () => {
    const rows = ids(10_000);
    const analysis = analyzeShardKey(rows, { keyColumns: ['id'], shardCount: 8 });
    const router = new ShardRouter(validateShardedTable({ tableName: 't', columns: [{ name: 'id', type: 'INTEGER' }], shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 8 } }));
    const routed = new Array<number>(8).fill(0);
    for (const row of rows) routed[router.routeKey(row).shardIndex]! += 1;
    expect(analysis).toMatchObject({ cardinality: 10_000, rowsWithoutKey: 0, rowsPerShard: routed, meanRowsPerShard: 1250, emptyShards: 0, recommendation: 'GOOD' });
    expect(analysis.skew).toBeLessThan(1.25);
    expect(analysis.skew).toBe(Math.max(...routed) / 1250);
    expect(analysis.hotValues).toHaveLength(MAX_HOT_VALUES);
    expect(analysis.hotValues[0]).toEqual({ keyText: '0', rows: 1, share: 0.0001 });
    expect(analysis.reasons[0]).toMatch(/^10000 distinct values over 8 shards; the fullest shard holds \d+ rows, 1\.\d\d× the mean of 1250\.0; the hottest value holds 0\.0% of rows$/);
  });

  it('finds a low-cardinality key POOR: shards stay empty', () => {
    const analysis = analyzeShardKey(ids(300), { keyColumns: ['region'], shardCount: 8, hashFunction: 'FNV' });
    expect(analysis).toMatchObject({ cardinality: 3, recommendation: 'POOR', hashFunction: 'FNV' });
    expect(analysis.emptyShards).toBeGreaterThanOrEqual(5);
    expect(analysis.reasons).toContain('3 distinct values for 8 shards: at least 5 shards stay empty');
    expect(analysis.hotValues.map((value) => value.rows)).toEqual([100, 100, 100]);
  });

  it('names a hot value holding more than one shard fair share, and rows without a key', () => {
    const rows: Record<string, string | number | null>[] = [...ids(1000), ...Array.from({ length: 1000 }, () => ({ id: 7 })), { region: 'eu' }, { id: null }];
    const analysis = analyzeShardKey(rows, { keyColumns: ['id'], shardCount: 4 });
    expect(analysis.hotValues[0]).toEqual({ keyText: '7', rows: 1001, share: 1001 / 2000 });
    expect(analysis.recommendation).toBe('POOR');
    expect(analysis.reasons).toEqual([
      '2 of 2002 rows have no value in a key column and could not be routed',
      "the value 7 holds 50.0% of rows, more than one shard's fair share (25.0%): no split can spread it",
      expect.stringMatching(/^the fullest shard holds \d+ rows, 2\.\d\d× the mean of 500\.0 \(above 2\)$/),
    ]);
  });

  it('says when there is nothing to measure, and refuses a bad candidate', () => {
    expect(analyzeShardKey([], { keyColumns: ['id'], shardCount: 4 })).toMatchObject({ recommendation: 'INSUFFICIENT_DATA', skew: 0, cardinality: 0 });
    expect(() => analyzeShardKey([], { keyColumns: [], shardCount: 0 })).toThrow('Cannot analyze the shard key: keyColumns must name 1 to 8 distinct columns; shardCount must be a whole number from 1 to 4096.');
  });

  it('accounts for every row, and the fullest shard is never below the mean', () => {
    const row = fc.record({ id: fc.option(fc.integer({ min: 0, max: 50 })), region: fc.constantFrom('eu', 'us') }, { requiredKeys: ['region'] });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), fc.integer({ min: 1, max: 16 }), (rows, shardCount) => {
        const analysis = analyzeShardKey(rows, { keyColumns: ['id', 'region'], shardCount, hashFunction: 'CONSISTENT' });
        const keyed = analysis.rowsPerShard.reduce((sum, count) => sum + count, 0);
        expect(keyed + analysis.rowsWithoutKey).toBe(rows.length);
        expect(analysis.cardinality).toBeLessThanOrEqual(keyed);
        if (keyed > 0) expect(analysis.skew).toBeGreaterThanOrEqual(1);
        expect(analysis.hotValues.reduce((sum, value) => sum + value.rows, 0)).toBeLessThanOrEqual(keyed);
      }),
      { numRuns: 100, seed: 14 },
    );
  });
});
