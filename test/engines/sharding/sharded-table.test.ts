import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { shardCountOf, shardNameOf, validateShardedTable, type ShardedTableInput, type ShardingStrategyInput } from '../../../src/engines/sharding/sharded-table.js';
import { MAX_TABLE_SHARDS } from '../../../src/engines/sharding/sharding-config.js';

const columns = [
  { name: 'id', type: 'INTEGER' as const },
  { name: 'region', type: 'STRING' as const },
  { name: 'amount', type: 'NUMBER' as const },
];

function table(strategy: ShardingStrategyInput, shardKeyColumns = ['id']): ShardedTableInput {
  return { tableName: 'orders', columns, shardKeyColumns, strategy };
}

/** The problems a bad definition is refused with (it must be refused with UNPROCESSABLE). */
function problemsOf(input: ShardedTableInput): string[] {
  try {
    validateShardedTable(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('UNPROCESSABLE');
    return (error as DomainError).details!.problems as string[];
  }
  throw new Error('the definition was accepted');
}

describe('validateShardedTable', () => {
  it('fills defaults: public schema, DEFAULT hashing, no default shard, the key columns on every level', () => {
    const hash = validateShardedTable(table({ type: 'HASH', numShards: 8 }));
    expect(hash).toEqual({ tableName: 'orders', schemaName: 'public', columns, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 8, hashFunction: 'DEFAULT', keyColumns: ['id'] } });
    const list = validateShardedTable(table({ type: 'LIST', lists: [{ values: ['eu'] }, { values: ['us', 'ca'] }] }, ['region']));
    expect(list.strategy).toEqual({ type: 'LIST', lists: [{ values: ['eu'] }, { values: ['us', 'ca'] }], defaultShard: false, keyColumns: ['region'] });
    expect(shardCountOf(list)).toBe(2);
  });

  it('is idempotent: a stored definition validates to itself', () => {
    const definition = validateShardedTable(
      table(
        {
          type: 'COMPOSITE',
          strategies: [
            { type: 'LIST', keyColumns: ['region'], lists: [{ values: ['eu'] }], defaultShard: true },
            { type: 'HASH', keyColumns: ['id'], numShards: 4, hashFunction: 'FNV' },
          ],
        },
        ['region', 'id'],
      ),
    );
    expect(validateShardedTable(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
    expect(shardCountOf(definition)).toBe(8);
  });

  it('names a shard after its table and number', () => {
    expect(shardNameOf('orders', 3)).toBe('orders_3');
  });

  it('refuses a key column that is not a column, naming the columns', () => {
    expect(problemsOf(table({ type: 'HASH', numShards: 4 }, ['customer_id']))).toContain('key column "customer_id" is not a column of orders (id, region, amount)');
  });

  it('refuses overlapping ranges, naming both and the overlap', () => {
    const problems = problemsOf(
      table({
        type: 'RANGE',
        ranges: [
          { lowerBound: null, upperBound: 100 },
          { lowerBound: 50, upperBound: 200 },
          { lowerBound: 200, upperBound: null },
        ],
      }),
    );
    expect(problems).toEqual(['strategy.ranges[1] [50, 200) overlaps strategy.ranges[0] [-∞, 100) on [50, 100)']);
  });

  it('refuses a gap between ranges and ranges that do not reach either end', () => {
    expect(
      problemsOf(
        table({
          type: 'RANGE',
          ranges: [
            { lowerBound: 0, upperBound: 100 },
            { lowerBound: 150, upperBound: 200 },
          ],
        }),
      ),
    ).toEqual([
      'keys below 0 are in no range: the first range must start unbounded (lowerBound null)',
      'keys from 100 to 150 (excluded) are in no range: strategy.ranges[1] [150, 200) must start where strategy.ranges[0] [0, 100) ends',
      'keys from 200 up are in no range: the last range must end unbounded (upperBound null)',
    ]);
  });

  it('refuses ranges out of order, empty ranges and bounds of the wrong type', () => {
    expect(problemsOf(table({ type: 'RANGE', ranges: [{ lowerBound: null, upperBound: null }, { lowerBound: 5, upperBound: null }] }))).toEqual([
      'strategy.ranges[1] [5, +∞) overlaps strategy.ranges[0] [-∞, +∞), which is unbounded above; ranges must be in ascending order',
    ]);
    expect(problemsOf(table({ type: 'RANGE', ranges: [{ lowerBound: null, upperBound: 10 }, { lowerBound: 10, upperBound: 10 }, { lowerBound: 10, upperBound: null }] }))).toContain(
      'strategy.ranges[1] [10, 10) is empty: its lowerBound must be below its upperBound',
    );
    expect(problemsOf(table({ type: 'RANGE', ranges: [{ lowerBound: null, upperBound: 'm' }, { lowerBound: 'm', upperBound: null }] }))).toEqual([
      "strategy.ranges[0].upperBound 'm' is not a whole number (a safe integer), the type of id",
      "strategy.ranges[1].lowerBound 'm' is not a whole number (a safe integer), the type of id",
    ]);
  });

  it('refuses a value in two lists, a value twice in one list, and an empty list', () => {
    expect(problemsOf(table({ type: 'LIST', lists: [{ values: ['eu', 'us'] }, { values: ['us'] }, { values: ['ca', 'ca'] }, { values: [] }] }, ['region']))).toEqual([
      "value 'us' is in two lists: strategy.lists[0] and strategy.lists[1]",
      "strategy.lists[2] holds 'ca' twice",
      'strategy.lists[3] must hold at least one value',
    ]);
  });

  it('refuses RANGE or LIST over several columns, and a bad hash', () => {
    expect(problemsOf(table({ type: 'LIST', lists: [{ values: ['eu'] }] }, ['region', 'id']))).toEqual(['a LIST strategy shards by one key column; strategy has 2 (region, id)']);
    expect(problemsOf(table({ type: 'HASH', numShards: 0, hashFunction: 'SHA1' as never }))).toEqual([
      `strategy.numShards must be a whole number from 1 to ${MAX_TABLE_SHARDS}`,
      'strategy.hashFunction must be one of DEFAULT, CONSISTENT, MURMUR3, FNV',
    ]);
  });

  it('refuses a composite that nests a composite, leaves a key column unused, or makes too many shards', () => {
    const nested = problemsOf(
      table(
        {
          type: 'COMPOSITE',
          strategies: [{ type: 'HASH', keyColumns: ['id'], numShards: 2 }, { type: 'COMPOSITE', strategies: [] } as never],
        },
        ['id'],
      ),
    );
    expect(nested).toEqual(['strategies[1] is COMPOSITE; a composite cannot nest another: list its levels instead']);
    const unused = problemsOf(
      table(
        {
          type: 'COMPOSITE',
          strategies: [
            { type: 'HASH', keyColumns: ['id'], numShards: 2 },
            { type: 'HASH', keyColumns: ['id'], numShards: 3 },
          ],
        },
        ['id', 'region'],
      ),
    );
    expect(unused).toEqual(['shard key columns region are used by no level of the COMPOSITE strategy']);
    const tooMany = problemsOf(
      table(
        {
          type: 'COMPOSITE',
          strategies: [
            { type: 'HASH', keyColumns: ['id'], numShards: 100 },
            { type: 'HASH', keyColumns: ['region'], numShards: 100 },
          ],
        },
        ['id', 'region'],
      ),
    );
    expect(tooMany).toEqual([`the strategy makes 10000 shards; a table has at most ${MAX_TABLE_SHARDS}`]);
  });

  it('lists every problem of the table at once, and says which table in the message', () => {
    const input = { tableName: 'bad-name', columns: [...columns, { name: 'id', type: 'DATE' }], shardKeyColumns: ['id', 'id'], strategy: { type: 'HASH', numShards: 2 } };
    expect(() => validateShardedTable(input as never)).toThrow(/^Invalid sharded table "bad-name": tableName must be letters/);
    expect(problemsOf(input as never)).toEqual([
      'tableName must be letters, digits and _, starting with a letter or _, at most 48 characters',
      'column "id" has type "DATE"; use one of STRING, INTEGER, NUMBER, BOOLEAN',
      'shardKeyColumns names "id" twice',
    ]);
  });
});
