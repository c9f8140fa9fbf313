import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClusterCoordinator } from '../../../src/engines/coordinator/cluster-coordinator.js';
import { fnv1a32 } from '../../../src/engines/dht/fnv1a.js';
import { murmur3x86_32 } from '../../../src/engines/dht/murmur3.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { compareKeyValues, type KeyValue } from '../../../src/engines/sharding/shard-key.js';
import { ShardRouter, shardOnNodes, type KeyCondition } from '../../../src/engines/sharding/shard-router.js';
import { shardCountOf, validateShardedTable, type LevelStrategyInput, type ShardedTableDefinition, type ShardedTableInput } from '../../../src/engines/sharding/sharded-table.js';

const columns = [
  { name: 'id', type: 'INTEGER' as const },
  { name: 'region', type: 'STRING' as const },
  { name: 'amount', type: 'NUMBER' as const },
];

const utf8 = new TextEncoder();
const RUNS = { numRuns: 200, seed: 14 };

// ---------------------------------------------------------------- arbitraries

const hashFunction = fc.constantFrom('DEFAULT', 'CONSISTENT', 'MURMUR3', 'FNV' as const);
const regionValue = fc.constantFrom('eu', 'us', 'ca', 'br', 'jp', 'in', 'au', 'za', '', 'EU', 'eu-west');
// A small domain, so keys often sit exactly on range bounds and condition values.
const idValue = fc.integer({ min: -30, max: 30 });

/** Ascending, covering ranges over `id` from distinct cut points. */
const rangeLevel = fc.uniqueArray(idValue, { maxLength: 12 }).map((cuts): LevelStrategyInput => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const bounds = [null, ...sorted, null];
  return { type: 'RANGE', ranges: bounds.slice(0, -1).map((lowerBound, index) => ({ lowerBound, upperBound: bounds[index + 1]! })), keyColumns: ['id'] };
});

/** Region values split into non-empty lists, with or without a default shard. */
const listLevel = fc
  .record({ values: fc.uniqueArray(regionValue, { minLength: 1, maxLength: 8 }), cuts: fc.array(fc.boolean(), { maxLength: 8 }), defaultShard: fc.boolean() })
  .map(({ values, cuts, defaultShard }): LevelStrategyInput => {
    const lists: { values: string[] }[] = [{ values: [] }];
    for (const [index, value] of values.entries()) {
      if (index > 0 && cuts[index]) lists.push({ values: [] });
      lists.at(-1)!.values.push(value);
    }
    return { type: 'LIST', lists, defaultShard, keyColumns: ['region'] };
  });

const hashLevel = (keyColumns: string[]) =>
  fc.record({ numShards: fc.integer({ min: 1, max: 64 }), hashFunction }).map(({ numShards, hashFunction: fn }): LevelStrategyInput => ({ type: 'HASH', numShards, hashFunction: fn, keyColumns }));

function definitionOf(level: LevelStrategyInput): ShardedTableDefinition {
  return validateShardedTable({ tableName: 'orders', columns, shardKeyColumns: level.keyColumns!, strategy: level } as ShardedTableInput);
}

const strategies = {
  HASH: fc.oneof(hashLevel(['id']), hashLevel(['region']), hashLevel(['region', 'id'])).map(definitionOf),
  RANGE: rangeLevel.map(definitionOf),
  LIST: listLevel.map(definitionOf),
  COMPOSITE: fc.tuple(listLevel, hashLevel(['id'])).map(([list, hash]) =>
    validateShardedTable({ tableName: 'orders', columns, shardKeyColumns: ['region', 'id'], strategy: { type: 'COMPOSITE', strategies: [list, hash] } }),
  ),
};

const keyArbitrary = fc.record({ id: idValue, region: regionValue, amount: fc.double({ noNaN: true, noDefaultInfinity: true }) });

/** Whether the key has a shard: a LIST level without default refuses values in no list. */
function listed(definition: ShardedTableDefinition, key: { region: string }): boolean {
  const levels = definition.strategy.type === 'COMPOSITE' ? definition.strategy.strategies : [definition.strategy];
  return levels.every((level) => level.type !== 'LIST' || level.defaultShard || level.lists.some((list) => list.values.includes(key.region)));
}

/** Serial reference: does the key satisfy every condition? */
function satisfies(key: Record<string, KeyValue>, conditions: readonly KeyCondition[]): boolean {
  return conditions.every(({ column, op, value, values }) => {
    const actual = key[column]!;
    switch (op) {
      case 'EQ':
        return actual === value;
      case 'IN':
        return values!.includes(actual);
      case 'GT':
        return compareKeyValues(actual, value!) > 0;
      case 'GTE':
        return compareKeyValues(actual, value!) >= 0;
      case 'LT':
        return compareKeyValues(actual, value!) < 0;
      case 'LTE':
        return compareKeyValues(actual, value!) <= 0;
    }
  });
}

const conditionArbitrary: fc.Arbitrary<KeyCondition> = fc.oneof(
  fc.record({ column: fc.constant('id'), op: fc.constantFrom('EQ', 'GT', 'GTE', 'LT', 'LTE' as const), value: idValue }),
  fc.record({ column: fc.constant('id'), op: fc.constant('IN' as const), values: fc.array(idValue, { minLength: 1, maxLength: 5 }) }),
  fc.record({ column: fc.constant('region'), op: fc.constantFrom('EQ', 'GT', 'GTE', 'LT', 'LTE' as const), value: regionValue }),
  fc.record({ column: fc.constant('region'), op: fc.constant('IN' as const), values: fc.array(regionValue, { minLength: 1, maxLength: 5 }) }),
  fc.record({ column: fc.constant('amount'), op: fc.constant('GT' as const), value: fc.integer() }),
);

/** Keys on and beside every value the conditions and the ranges name: where pruning goes wrong. */
function edgeKeys(definition: ShardedTableDefinition, conditions: readonly KeyCondition[], base: { id: number; region: string; amount: number }) {
  const named = conditions.flatMap((condition) => (condition.op === 'IN' ? condition.values! : [condition.value!]));
  const levels = definition.strategy.type === 'COMPOSITE' ? definition.strategy.strategies : [definition.strategy];
  const bounds = levels.flatMap((level) => (level.type === 'RANGE' ? level.ranges.flatMap((range) => [range.lowerBound, range.upperBound]) : []));
  const ids = [...named, ...bounds].filter((value): value is number => typeof value === 'number').flatMap((id) => [id - 1, id, id + 1]);
  const regions = named.filter((value): value is string => typeof value === 'string');
  return [...ids.map((id) => ({ ...base, id })), ...regions.map((region) => ({ ...base, region })), ...ids.flatMap((id) => regions.map((region) => ({ ...base, id, region })))];
}

// ---------------------------------------------------------------- properties

describe.each(Object.entries(strategies))('%s routing', (_name, definitions) => {
  it('routes every key to exactly one shard, the one whose level reasons contain it', () => {
    fc.assert(
      fc.property(definitions, keyArbitrary, (definition, key) => {
        const router = new ShardRouter(definition);
        if (!listed(definition, key)) {
          expect(() => router.routeKey(key)).toThrow(/it is in no list, and the table has no default shard/);
          return;
        }
        const route = router.routeKey(key);
        expect(route.shardIndex).toBeGreaterThanOrEqual(0);
        expect(route.shardIndex).toBeLessThan(shardCountOf(definition));
        expect(route.shardName).toBe(`orders_${route.shardIndex + 1}`);
        for (const reason of route.reasons) {
          // The reason holds independently: exactly one range contains the value, the list holds it.
          if (reason.strategy === 'RANGE') {
            const level = definition.strategy as { ranges: { lowerBound: number | null; upperBound: number | null }[] };
            const containing = level.ranges.filter((range) => (range.lowerBound === null || range.lowerBound <= key.id) && (range.upperBound === null || key.id < range.upperBound));
            expect(containing).toEqual([reason.range]);
          } else if (reason.strategy === 'LIST' && reason.listIndex !== null) {
            expect(reason.value).toBe(key.region);
          } else if (reason.strategy === 'HASH' && reason.tokenRange !== null) {
            expect(reason.hashValue).toBeGreaterThanOrEqual(reason.tokenRange.startToken);
            expect(reason.hashValue).toBeLessThanOrEqual(reason.tokenRange.endToken);
          }
        }
        // The equality predicate on the whole key selects that shard and no other.
        const equalities = definition.shardKeyColumns.map((column): KeyCondition => ({ column, op: 'EQ', value: key[column as 'id' | 'region'] }));
        const pinned = router.routePredicate(equalities);
        expect(pinned.shardIndexes).toEqual([route.shardIndex]);
        expect(pinned.singleShard).toBe(true);
      }),
      RUNS,
    );
  });

  it('routes the same after the definition is stored and restored', () => {
    fc.assert(
      fc.property(definitions, fc.array(keyArbitrary, { minLength: 1, maxLength: 20 }), (definition, keys) => {
        const restored = new ShardRouter(validateShardedTable(JSON.parse(JSON.stringify(definition))));
        const live = new ShardRouter(definition);
        for (const key of keys.filter((entry) => listed(definition, entry))) expect(restored.routeKey(key)).toEqual(live.routeKey(key));
      }),
      RUNS,
    );
  });

  it('never prunes a shard holding a key that satisfies the predicate', () => {
    fc.assert(
      fc.property(definitions, fc.array(conditionArbitrary, { maxLength: 4 }), fc.array(keyArbitrary, { minLength: 1, maxLength: 30 }), (definition, conditions, keys) => {
        const router = new ShardRouter(definition);
        const route = router.routePredicate(conditions);
        expect(route.scatter).toBe(route.shardIndexes.length === router.shardCount);
        expect(route.unusedConditions.map((condition) => condition.column).every((column) => !definition.shardKeyColumns.includes(column))).toBe(true);
        for (const key of [...keys, ...edgeKeys(definition, conditions, keys[0]!)]) {
          if (!listed(definition, key) || !satisfies(key, conditions)) continue;
          expect(route.shardIndexes).toContain(router.routeKey(key).shardIndex);
        }
      }),
      RUNS,
    );
  });

  it('prunes exactly at every range bound and list value, with each comparison', () => {
    fc.assert(
      fc.property(definitions, keyArbitrary, (definition, base) => {
        const router = new ShardRouter(definition);
        const levels = definition.strategy.type === 'COMPOSITE' ? definition.strategy.strategies : [definition.strategy];
        const values = levels.flatMap((level) =>
          level.type === 'RANGE' ? level.ranges.flatMap((range) => [range.lowerBound, range.upperBound]) : level.type === 'LIST' ? level.lists.flatMap((list) => list.values) : [],
        );
        for (const value of values) {
          if (value === null) continue;
          const column = typeof value === 'number' ? 'id' : 'region';
          for (const op of ['EQ', 'GT', 'GTE', 'LT', 'LTE'] as const) {
            const conditions: KeyCondition[] = [{ column, op, value }];
            const selected = router.routePredicate(conditions).shardIndexes;
            const keys = typeof value === 'number' ? [value - 1, value, value + 1].map((id) => ({ ...base, id })) : [{ ...base, region: value as string }];
            for (const key of keys) {
              if (listed(definition, key) && satisfies(key, conditions)) expect(selected).toContain(router.routeKey(key).shardIndex);
            }
          }
        }
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- examples

describe('ShardRouter', () => {
  it('hashes with the DHT functions, and DEFAULT agrees with the coordinator over the same shard count', () => {
    const coordinator = new ClusterCoordinator({ shardCount: 16 }, [{ nodeId: 'node-1' }]);
    for (const hashFunction of ['DEFAULT', 'MURMUR3', 'FNV'] as const) {
      const router = new ShardRouter(validateShardedTable({ tableName: 'users', columns, shardKeyColumns: ['region'], strategy: { type: 'HASH', numShards: 16, hashFunction } }));
      const [reason] = router.routeKey({ region: 'eu-west' }).reasons;
      const expected = hashFunction === 'FNV' ? fnv1a32(utf8.encode('eu-west')) : murmur3x86_32(utf8.encode('eu-west'), 0);
      expect(reason).toMatchObject({ strategy: 'HASH', keyText: 'eu-west', hashValue: expected, vnodeToken: null });
      if (hashFunction !== 'FNV') {
        for (const key of ['a', 'b', 'customer-42', 'eu-west']) {
          expect(`shard-${router.routeKey({ region: key }).shardNumber}`).toBe(coordinator.shardOfKey(key).shardId);
        }
      }
    }
  });

  it('hashes several key columns as the JSON array of their values', () => {
    const router = new ShardRouter(validateShardedTable({ tableName: 'users', columns, shardKeyColumns: ['region', 'id'], strategy: { type: 'HASH', numShards: 4, hashFunction: 'MURMUR3' } }));
    const [reason] = router.routeKey({ region: 'eu', id: 7 }).reasons;
    expect(reason).toMatchObject({ keyText: '["eu",7]', hashValue: murmur3x86_32(utf8.encode('["eu",7]'), 0) });
  });

  it('CONSISTENT hashing moves only the keys the new shard takes', () => {
    const routerOf = (numShards: number) =>
      new ShardRouter(validateShardedTable({ tableName: 'users', columns, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards, hashFunction: 'CONSISTENT' } }));
    const [eight, nine] = [routerOf(8), routerOf(9)];
    let moved = 0;
    for (let id = 0; id < 2000; id += 1) {
      const [before, after] = [eight.routeKey({ id }).shardIndex, nine.routeKey({ id }).shardIndex];
      if (before !== after) {
        moved += 1;
        expect(after).toBe(8);
      }
    }
    // About 1/9 of the keys move, all to the new shard (a modulo would move about 8/9).
    expect(moved).toBeGreaterThan(2000 / 9 / 2);
    expect(moved).toBeLessThan((2000 / 9) * 2);
    expect(eight.routeKey({ id: 1 }).reasons[0]).toMatchObject({ tokenRange: null, vnodeToken: expect.any(Number) });
  });

  it('says which range and list matched, and routes a composite by mixed radix', () => {
    const router = new ShardRouter(
      validateShardedTable({
        tableName: 'orders',
        columns,
        shardKeyColumns: ['region', 'id'],
        strategy: {
          type: 'COMPOSITE',
          strategies: [
            { type: 'LIST', keyColumns: ['region'], lists: [{ values: ['eu'] }, { values: ['us', 'ca'] }], defaultShard: true },
            {
              type: 'RANGE',
              keyColumns: ['id'],
              ranges: [
                { lowerBound: null, upperBound: 100 },
                { lowerBound: 100, upperBound: null },
              ],
            },
          ],
        },
      }),
    );
    const route = router.routeKey({ region: 'ca', id: 150, amount: 3 });
    expect(route).toEqual({
      shardIndex: 3,
      shardNumber: 4,
      shardName: 'orders_4',
      reasons: [
        { strategy: 'LIST', keyColumn: 'region', value: 'ca', bucket: 1, listIndex: 1 },
        { strategy: 'RANGE', keyColumn: 'id', value: 150, bucket: 1, rangeIndex: 1, range: { lowerBound: 100, upperBound: null } },
      ],
    });
    expect(router.routeKey({ region: 'jp', id: 5 }).reasons[0]).toEqual({ strategy: 'LIST', keyColumn: 'region', value: 'jp', bucket: 2, listIndex: null });
    expect(router.routeKey({ region: 'jp', id: 5 }).shardName).toBe('orders_5');
    expect(shardOnNodes(route, [0, 1, 2, 3, 4, 5].map((index) => ({ shardId: `s${index}`, primaryNodeId: `node-${index}`, replicaNodeIds: ['node-9'], pendingMoves: [], lastMovedAtMs: null })))).toEqual({
      shardIndex: 3,
      shardName: 'orders_4',
      primaryNodeId: 'node-3',
      replicaNodeIds: ['node-9'],
    });
  });

  it('prunes ranges by an interval and lists by their values, and explains a scatter', () => {
    const ranges = new ShardRouter(
      validateShardedTable({
        tableName: 'orders',
        columns,
        shardKeyColumns: ['id'],
        strategy: { type: 'RANGE', ranges: [{ lowerBound: null, upperBound: 0 }, { lowerBound: 0, upperBound: 100 }, { lowerBound: 100, upperBound: 200 }, { lowerBound: 200, upperBound: null }] },
      }),
    );
    const between = ranges.routePredicate([
      { column: 'id', op: 'GTE', value: 50 },
      { column: 'id', op: 'LT', value: 100 },
      { column: 'amount', op: 'GT', value: 10 },
    ]);
    expect(between).toMatchObject({ shardIndexes: [1], shardNames: ['orders_2'], singleShard: true, scatter: false, unusedConditions: [{ column: 'amount', op: 'GT', value: 10 }] });
    expect(between.levels[0]!.why).toBe('id is in [50, 100): 1 of 4 ranges meet it');
    expect(ranges.routePredicate([{ column: 'id', op: 'LTE', value: 100 }]).shardIndexes).toEqual([0, 1, 2]);
    expect(ranges.routePredicate([{ column: 'id', op: 'GT', value: 5 }, { column: 'id', op: 'LT', value: 5 }])).toMatchObject({ shardIndexes: [], singleShard: false });

    const hashed = new ShardRouter(validateShardedTable({ tableName: 'orders', columns, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 8 } }));
    const scatter = hashed.routePredicate([{ column: 'id', op: 'GT', value: 5 }]);
    expect(scatter).toMatchObject({ scatter: true, singleShard: false });
    expect(scatter.levels[0]!.why).toBe('no equality on id: a hash is pruned only by equalities on every hashed column');
    const inList = hashed.routePredicate([{ column: 'id', op: 'IN', values: [1, 2, 3] }]);
    expect(inList.levels[0]!.matches).toHaveLength(3);
    expect(inList.shardIndexes).toEqual([...new Set([1, 2, 3].map((id) => hashed.routeKey({ id }).shardIndex))].sort((a, b) => a - b));
  });

  it('refuses keys and predicates it cannot route, with the reason', () => {
    const router = new ShardRouter(validateShardedTable({ tableName: 'orders', columns, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 8 } }));
    const refusal = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        expect((error as DomainError).code).toBe('UNPROCESSABLE');
        return (error as DomainError).message;
      }
      throw new Error('accepted');
    };
    expect(refusal(() => router.routeKey({ region: 'eu' }))).toBe('Cannot route the key in orders: shard key column id has no value.');
    expect(refusal(() => router.routeKey({ id: 1.5 }))).toBe('Cannot route the key in orders: id is 1.5, not a whole number (a safe integer).');
    expect(refusal(() => router.routePredicate([{ column: 'price', op: 'EQ', value: 1 }]))).toBe('Invalid predicate on orders: conditions[0].column "price" is not a column of orders (id, region, amount).');
    expect(refusal(() => router.routePredicate([{ column: 'id', op: 'EQ', value: 'x' }]))).toBe("Invalid predicate on orders: conditions[0] compares id with 'x', not a whole number (a safe integer).");
    expect(refusal(() => router.routePredicate([{ column: 'id', op: 'LIKE' as never, value: 1 }]))).toBe('Invalid predicate on orders: conditions[0].op must be one of EQ, IN, GT, GTE, LT, LTE.');
  });
});
