import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workload } from '../../../src/engines/replication/workload.js';
import { startSharding, type ShardingHarness } from './sharding-harness.js';

const COLUMNS = [
  { name: 'id', type: 'INTEGER' as const },
  { name: 'region', type: 'STRING' as const },
  { name: 'amount', type: 'NUMBER' as const },
];

describe('the workload writes sharded tables through routing', () => {
  let harness: ShardingHarness;
  beforeEach(async () => {
    harness = await startSharding();
    harness.sharding.createTable({ tableName: 'orders', columns: COLUMNS, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 3, hashFunction: 'MURMUR3' } });
    harness.sharding.createTable({
      tableName: 'listed',
      columns: COLUMNS,
      shardKeyColumns: ['region'],
      primaryKeyColumns: ['region', 'id'],
      strategy: { type: 'LIST', lists: [{ values: ['eu'] }, { values: ['us'] }], defaultShard: false },
    });
  });
  afterEach(async () => {
    await harness.close();
  });

  function startWorkload(tables: string[]): Workload {
    const workload = new Workload(harness.world.runtime.clock, harness.world.runtime.rng.fork('workload'), harness.replication.workloadTarget());
    workload.routeTables(harness.sharding.workloadWriter());
    workload.set({ ratePerSecond: 200, tables, keySpace: 50 });
    return workload;
  }

  it('stores each row on its own shard primary, never under the table name on the physical primary', async () => {
    const workload = startWorkload(['orders', 'listed', 'accounts']);
    await harness.world.advance(5_000);
    workload.stop();

    expect(workload.counters.issued).toBeGreaterThan(500);
    expect(workload.counters.skipped).toBe(0);
    for (const tableName of ['orders', 'listed']) {
      let stored = 0;
      for (const shard of harness.sharding.shardsOf(tableName)) {
        const rows = harness.sharding.readShardTableOn(shard.primaryNodeId!, shard.storageTable);
        stored += rows.length;
        expect(rows.length, `${shard.storageTable} holds rows`).toBeGreaterThan(0);
        for (const { row } of rows) expect(harness.sharding.routeKey(tableName, row).shardNumber).toBe(shard.shardNumber);
        expect(shard.rowCount).toBe(rows.length);
      }
      expect(stored).toBeLessThanOrEqual(50);
      expect(harness.replication.storageOf('node-1').tableImage(tableName)).toEqual([]);
    }
    // The primary's own tables still take the rest.
    expect(harness.replication.storageOf('node-1').tableImage('accounts').length).toBeGreaterThan(0);
  });

  it('skips, and counts, writes to a shard that takes none while it is READ_ONLY', async () => {
    const [first] = harness.sharding.shardsOf('orders');
    harness.sharding.setShardState('orders', first!.shardNumber, 'READ_ONLY', 'OPERATOR');
    const before = harness.sharding.readShardTableOn(first!.primaryNodeId!, first!.storageTable).length;
    const workload = startWorkload(['orders']);
    await harness.world.advance(2_000);
    workload.stop();

    expect(workload.counters.skipped).toBeGreaterThan(0);
    expect(workload.counters.issued).toBeGreaterThan(0);
    expect(harness.sharding.readShardTableOn(first!.primaryNodeId!, first!.storageTable)).toHaveLength(before);
  });
});
