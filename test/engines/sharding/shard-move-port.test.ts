/**
 * The move machinery bound to the sharding facade: a migration task and a rebalance move group
 * shards of a real sharded table (rows written through `writeRows`, routed by key) between the
 * writable nodes, the placement flips through `repointShard`, the catalog and the coordinator
 * are rebuilt from their snapshots mid-move (a server restart), and every row stays readable
 * exactly once. The mover's records make the round trip through the platform's journal and store.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ShardMover } from '../../../src/engines/sharding/shard-mover.js';
import { ShardingMovePort } from '../../../src/engines/sharding/shard-move-port.js';
import { loadShardMoves, ShardMoveJournal } from '../../../src/engines/sharding/shard-move-records.js';
import { startSharding, type ShardingHarness } from './sharding-harness.js';

let harness: ShardingHarness;
afterEach(() => harness?.close());

const TABLE = {
  tableName: 'orders',
  columns: [
    { name: 'id', type: 'INTEGER' as const },
    { name: 'customer', type: 'STRING' as const },
  ],
  shardKeyColumns: ['id'],
  strategy: { type: 'HASH' as const, numShards: 6, hashFunction: 'MURMUR3' as const },
};

/** Every row of the table, read shard by shard from where routing sends reads. */
function allRows(sharding: ShardingHarness['sharding']): unknown[] {
  return sharding.shardsOf('orders').flatMap((shard) => sharding.readShardRows('orders', shard.shardNumber, { limit: 1000 }).rows);
}

describe('moves over the sharding facade', () => {
  test('a migration task and a rebalance move group shards, surviving a restart mid-move, with every row once', async () => {
    harness = await startSharding();
    harness.sharding.createTable(TABLE);
    const rows = Array.from({ length: 300 }, (_, id) => ({ id, customer: `c${id % 17}` }));
    harness.sharding.writeRows('orders', rows);
    const before = harness.sharding.shardsOf('orders');
    const shard = before.find((candidate) => candidate.primaryNodeId === 'node-1')!;
    const target = 'node-3';
    // The mover's records go through the platform's journal into its store, as the module wires them.
    const { journal, store } = harness.world;
    const now = () => harness.world.runtime.clock.now();
    let mover = new ShardMover(new ShardingMovePort(harness.sharding, harness.coordinator, harness.replication), { copyRateBytesPerSecond: 5_000 }, new ShardMoveJournal(journal));

    const task = mover.createMigration({ shardId: shard.shardId, targetNodeId: target }, now());
    expect(mover.preflight(task.id)).toEqual([]);
    mover.start(task.id, {}, now());
    expect(harness.sharding.shardOf('orders', shard.shardNumber).state).toBe('REBALANCING');
    // Writes during the move go to the source and reach the target by catch-up.
    harness.sharding.writeRows('orders', [{ id: 1000, customer: 'late' }]);
    harness.world.runtime.clock.advance(100);
    mover.tick(now());
    expect(mover.progress(task.id, now()).currentMove).toMatchObject({ phase: 'COPY' });
    await journal.flush();
    // The server restarts: catalog, coordinator and mover come back from what was stored.
    harness.restartCatalog();
    mover = new ShardMover(new ShardingMovePort(harness.sharding, harness.coordinator, harness.replication), { copyRateBytesPerSecond: 5_000 }, new ShardMoveJournal(journal), undefined, await loadShardMoves(store));
    expect(mover.sequence(task.id).state).toBe('RUNNING');
    for (let step = 0; step < 100 && mover.sequence(task.id).state === 'RUNNING'; step += 1) {
      harness.world.runtime.clock.advance(100);
      mover.tick(now());
    }
    expect(mover.sequence(task.id).state).toBe('COMPLETED');
    const moved = harness.sharding.shardOf('orders', shard.shardNumber);
    expect(moved).toMatchObject({ primaryNodeId: target, state: 'ACTIVE' });
    expect(harness.replication.storageOf('node-1').tableImage(shard.storageTable)).toEqual([]);
    expect(harness.coordinator.shardState(shard.shardId)).toBe('ACTIVE');

    // node-3 now holds one shard more than the others: a by_shard_count rebalance evens it out.
    const plan = mover.plan({ strategy: 'by_shard_count' }, now());
    expect(plan.moves.length).toBeGreaterThan(0);
    expect(plan.moves.every((move) => move.tables.length === 1 && move.tables[0]!.startsWith('orders_'))).toBe(true);
    mover.start(plan.id, {}, now());
    for (let step = 0; step < 200 && mover.sequence(plan.id).state === 'RUNNING'; step += 1) {
      harness.world.runtime.clock.advance(100);
      mover.tick(now());
    }
    expect(mover.sequence(plan.id).state).toBe('COMPLETED');
    const counts = new Map<string, number>();
    for (const after of harness.sharding.shardsOf('orders')) counts.set(after.primaryNodeId!, (counts.get(after.primaryNodeId!) ?? 0) + 1);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);

    const read = allRows(harness.sharding) as { id: number }[];
    expect(read.length).toBe(301);
    expect(new Set(read.map((row) => row.id)).size).toBe(301);
  });
});
