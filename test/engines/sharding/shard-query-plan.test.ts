import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainSelect, type PlannedShard } from '../../../src/engines/sharding/shard-query-plan.js';
import { ShardRouter } from '../../../src/engines/sharding/shard-router.js';
import { validateShardedTable } from '../../../src/engines/sharding/sharded-table.js';
import type { ShardStatus } from '../../../src/engines/sharding/shard-state.js';

const router = new ShardRouter(
  validateShardedTable({
    tableName: 'orders',
    columns: [
      { name: 'id', type: 'INTEGER' },
      { name: 'region', type: 'STRING' },
      { name: 'amount', type: 'NUMBER' },
    ],
    shardKeyColumns: ['id'],
    strategy: { type: 'HASH', numShards: 4 },
  }),
);

/** Shard i on node-1 or node-2 alternately, with 100 × (i + 1) rows of 50 bytes. */
function shards(statuses: ShardStatus[] = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']): PlannedShard[] {
  return statuses.map((status, index) => ({
    shardId: `shard-${index + 1}`,
    servingNodeId: `node-${(index % 2) + 1}`,
    status,
    statistics: { rowCount: 100 * (index + 1), sizeBytes: 5000 * (index + 1) },
  }));
}

describe('explainSelect', () => {
  it('sends a query pinned to one key to that shard alone, as written', () => {
    const target = router.routeKey({ id: 7 });
    const plan = explainSelect('SELECT region, SUM(amount), AVG(amount) FROM orders WHERE id = 7 GROUP BY region', router, shards(), 'node-1');
    const node = `node-${(target.shardIndex % 2) + 1}`;
    expect(plan).toMatchObject({
      kind: 'SINGLE_SHARD',
      merge: null,
      complete: true,
      nodesContacted: [node],
      estimatedRows: 100 * target.shardNumber,
      estimatedBytes: 5000 * target.shardNumber,
      networkHops: node === 'node-1' ? 0 : 2,
    });
    expect(plan.fragments).toEqual([
      {
        shardIndex: target.shardIndex,
        shardName: target.shardName,
        nodeId: node,
        sql: `SELECT region, SUM(amount), AVG(amount) FROM ${target.shardName} WHERE id = 7 GROUP BY region`,
        estimatedRows: 100 * target.shardNumber,
        estimatedBytes: 5000 * target.shardNumber,
        networkHops: node === 'node-1' ? 0 : 2,
      },
    ]);
    expect(plan.route.levels[0]!.why).toMatch(/^1 key hashed with DEFAULT: 7 → \d+$/);
  });

  it('scatters a query without the key to every shard, partial aggregates merged at the coordinator', () => {
    const plan = explainSelect("SELECT COUNT(*), AVG(amount) FROM orders WHERE region = 'eu'", router, shards(), 'node-1');
    expect(plan).toMatchObject({ kind: 'SCATTER_GATHER', complete: true, estimatedRows: 1000, estimatedBytes: 50_000, networkHops: 4, nodesContacted: ['node-1', 'node-2'] });
    expect(plan.merge).toBe('Merge 4 partial aggregates at the coordinator (AVG as SUM / COUNT).');
    expect(plan.fragments.map((fragment) => fragment.sql)).toEqual([1, 2, 3, 4].map((number) => `SELECT COUNT(*), SUM(amount), COUNT(amount) FROM orders_${number} WHERE region = 'eu'`));
    expect(plan.route.unusedConditions).toEqual([{ column: 'region', op: 'EQ', value: 'eu' }]);
  });

  it('lists the shards no node can answer for', () => {
    const plan = explainSelect('SELECT COUNT(*) FROM orders', router, shards(['ACTIVE', 'OFFLINE', 'READ_ONLY', 'CREATING']), null);
    expect(plan.fragments.map((fragment) => fragment.shardName)).toEqual(['orders_1', 'orders_3']);
    expect(plan.unavailableShards).toEqual([
      { shardName: 'orders_2', reason: 'it is OFFLINE' },
      { shardName: 'orders_4', reason: 'it is CREATING' },
    ]);
    expect(plan.complete).toBe(false);
  });

  it('refuses another table, an unknown column, and a key of the wrong type', () => {
    expect(() => explainSelect('SELECT COUNT(*) FROM users', router, shards(), null)).toThrow('The query reads "users"; this plan is for the sharded table "orders".');
    expect(() => explainSelect('SELECT SUM(price) FROM orders', router, shards(), null)).toThrow(/Column "price" \(position 12\) is not a column of orders/);
    expect(() => explainSelect("SELECT COUNT(*) FROM orders WHERE id = 'x'", router, shards(), null)).toThrow('WHERE condition 1 compares id (INTEGER) with "x", not a whole number');
  });

  it('plans a pinned query on the shard its key routes to, for any key', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (id) => {
        const plan = explainSelect(`SELECT MAX(amount) FROM orders WHERE id = ${id}`, router, shards(), null);
        expect(plan.fragments.map((fragment) => fragment.shardIndex)).toEqual([router.routeKey({ id }).shardIndex]);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
