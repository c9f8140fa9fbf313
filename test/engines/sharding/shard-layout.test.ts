import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutKeyOf, shardBoundsOf, shardGroupOf, type LevelBounds } from '../../../src/engines/sharding/shard-layout.js';
import { ShardRouter } from '../../../src/engines/sharding/shard-router.js';
import { validateShardedTable, type ShardingStrategyInput } from '../../../src/engines/sharding/sharded-table.js';

const columns = [
  { name: 'id', type: 'INTEGER' as const },
  { name: 'region', type: 'STRING' as const },
];

const table = (tableName: string, strategy: ShardingStrategyInput, shardKeyColumns = ['id']) => validateShardedTable({ tableName, columns, shardKeyColumns, strategy });

const composite = table(
  'orders',
  {
    type: 'COMPOSITE',
    strategies: [
      { type: 'LIST', keyColumns: ['region'], lists: [{ values: ['eu'] }, { values: ['us'] }], defaultShard: true },
      { type: 'RANGE', keyColumns: ['id'], ranges: [{ lowerBound: null, upperBound: 0 }, { lowerBound: 0, upperBound: null }] },
    ],
  },
  ['region', 'id'],
);

describe('shardBoundsOf', () => {
  it('lists what each shard owns, level by level, in shard order', () => {
    const bounds = shardBoundsOf(composite);
    expect(bounds.map((shard) => shard.shardName)).toEqual(['orders_1', 'orders_2', 'orders_3', 'orders_4', 'orders_5', 'orders_6']);
    expect(bounds[3]).toEqual({
      shardIndex: 3,
      shardNumber: 4,
      shardName: 'orders_4',
      levels: [
        { strategy: 'LIST', keyColumns: ['region'], listIndex: 1, values: ['us'] },
        { strategy: 'RANGE', keyColumns: ['id'], rangeIndex: 1, range: { lowerBound: 0, upperBound: null } },
      ],
    });
    expect(bounds[4]!.levels[0]).toEqual({ strategy: 'LIST', keyColumns: ['region'], listIndex: null, values: null });
    expect(shardBoundsOf(table('t', { type: 'HASH', numShards: 2 }))[1]!.levels[0]).toEqual({
      strategy: 'HASH',
      keyColumns: ['id'],
      hashFunction: 'DEFAULT',
      bucket: 1,
      tokenRange: { startToken: 2 ** 31, endToken: 2 ** 32 - 1 },
    });
  });

  it('agrees with routing: the shard a key routes to owns it', () => {
    const router = new ShardRouter(composite);
    const bounds = shardBoundsOf(composite);
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.constantFrom('eu', 'us', 'jp'), (id, region) => {
        const route = router.routeKey({ id, region });
        const [list, range] = bounds[route.shardIndex]!.levels as [LevelBounds & { strategy: 'LIST' }, LevelBounds & { strategy: 'RANGE' }];
        expect(list.values === null ? !['eu', 'us'].includes(region) : list.values.includes(region)).toBe(true);
        const { lowerBound, upperBound } = range.range as { lowerBound: number | null; upperBound: number | null };
        expect((lowerBound === null || id >= lowerBound) && (upperBound === null || id < upperBound)).toBe(true);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});

describe('shardGroupOf', () => {
  it("never puts a table in the coordinator's default group, even when its layout is the coordinator's cut", () => {
    expect(shardGroupOf(table('users', { type: 'HASH', numShards: 16 }), new Map())).toBe('users');
    expect(shardGroupOf(table('users', { type: 'HASH', numShards: 16, hashFunction: 'CONSISTENT' }), new Map())).toBe('users');
  });

  it('colocates a table with an existing group of the same layout, else starts its own', () => {
    const orders = table('orders', { type: 'HASH', numShards: 8, hashFunction: 'FNV' });
    const groups = new Map([[layoutKeyOf(orders), 'orders']]);
    expect(shardGroupOf(table('payments', { type: 'HASH', numShards: 8, hashFunction: 'FNV' }, ['region']), groups)).toBe('orders');
    expect(shardGroupOf(table('refunds', { type: 'HASH', numShards: 4, hashFunction: 'FNV' }), groups)).toBe('refunds');
  });
});
