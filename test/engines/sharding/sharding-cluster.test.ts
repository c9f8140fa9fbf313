import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTableInput } from '../../../src/engines/sharding/sharding-cluster.js';
import { allowedTransitions, SHARD_STATUSES, type ShardStatus } from '../../../src/engines/sharding/shard-state.js';
import { startSharding, type ShardingHarness } from './sharding-harness.js';

const domainError = (code: string) => expect.objectContaining({ name: 'DomainError', code });

const COLUMNS = [
  { name: 'id', type: 'INTEGER' as const },
  { name: 'region', type: 'STRING' as const },
  { name: 'amount', type: 'NUMBER' as const },
];
const REGIONS = ['eu', 'us', 'apac', 'latam'];

/** One table of each strategy, none on the coordinator's cut (4 shards, DEFAULT), so each gets a group of its own. */
function tables(suffix: string): CreateTableInput[] {
  return [
    { tableName: `orders_${suffix}`, columns: COLUMNS, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 3, hashFunction: 'MURMUR3' } },
    { tableName: `ring_${suffix}`, columns: COLUMNS, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 3, hashFunction: 'CONSISTENT' } },
    {
      tableName: `ranged_${suffix}`,
      columns: COLUMNS,
      shardKeyColumns: ['id'],
      strategy: { type: 'RANGE', ranges: [{ lowerBound: null, upperBound: 100 }, { lowerBound: 100, upperBound: 1000 }, { lowerBound: 1000, upperBound: null }] },
    },
    {
      tableName: `listed_${suffix}`,
      columns: COLUMNS,
      shardKeyColumns: ['region'],
      primaryKeyColumns: ['region', 'id'],
      strategy: { type: 'LIST', lists: [{ values: ['eu'] }, { values: ['us'] }], defaultShard: true },
    },
  ];
}

const rowArbitrary = fc.record({ id: fc.integer({ min: -50, max: 3000 }), region: fc.constantFrom(...REGIONS), amount: fc.double({ min: -1e6, max: 1e6, noNaN: true }) });

/** Every row of a table, read shard by shard, keyed by its primary key text. */
function readAll(harness: ShardingHarness, tableName: string): Map<string, unknown>[] {
  return harness.sharding.shardsOf(tableName).map((shard) => {
    const read = harness.sharding.readShardRows(tableName, shard.shardNumber);
    const { primaryKeyColumns } = harness.sharding.table(tableName);
    return new Map(read.rows.map((row) => [JSON.stringify(primaryKeyColumns.map((column) => row[column])), row]));
  });
}

describe('ShardingCluster', () => {
  let harness: ShardingHarness;
  beforeEach(async () => {
    harness = await startSharding();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('creates tables on groups of their own, primaries on writable nodes only, every shard ACTIVE', () => {
    for (const table of tables('a')) harness.sharding.createTable(table);
    const writable = ['node-1', 'node-3', 'node-4'];
    for (const table of tables('a')) {
      const shards = harness.sharding.shardsOf(table.tableName);
      expect(shards.map((shard) => shard.shardId)).toEqual(shards.map((shard) => `${table.tableName}-shard-${shard.shardNumber}`));
      for (const shard of shards) {
        expect(shard).toMatchObject({ state: 'ACTIVE', group: table.tableName, storageTable: `${table.tableName}_${shard.shardNumber}`, rowCount: 0, sizeBytes: 0 });
        expect(writable).toContain(shard.primaryNodeId);
        // Only the physical primary has standbys.
        expect(shard.replicaNodeIds).toEqual(shard.primaryNodeId === 'node-1' ? ['node-2'] : []);
      }
    }
    expect(harness.changes).toBeGreaterThan(0);
    expect(() => harness.sharding.createTable(tables('a')[0]!)).toThrow(domainError('CONFLICT'));
  });

  it("never joins the coordinator's default group: the coordinator's cut gets a group on writable nodes, colocated with the same layout", () => {
    const events = harness.sharding.createTable({ tableName: 'events', columns: COLUMNS, shardKeyColumns: ['region'], strategy: { type: 'HASH', numShards: 4 } });
    const clicks = harness.sharding.createTable({ tableName: 'clicks', columns: COLUMNS, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 4, hashFunction: 'MURMUR3' } });
    expect([events.group, clicks.group]).toEqual(['events', 'events']);
    const shards = harness.sharding.shardsOf('events');
    expect(shards.map((shard) => shard.shardId)).toEqual(['events-shard-1', 'events-shard-2', 'events-shard-3', 'events-shard-4']);
    expect(harness.sharding.shardsOf('clicks').map((shard) => [shard.shardId, shard.primaryNodeId])).toEqual(shards.map((shard) => [shard.shardId, shard.primaryNodeId]));
    for (const shard of shards) expect(['node-1', 'node-3', 'node-4']).toContain(shard.primaryNodeId);
    expect(harness.sharding.tablesOfGroup('events')).toEqual(['clicks', 'events']);
    // Routing is still the coordinator's cut: the same shard number as its own routing of the key text.
    expect(harness.sharding.routeKey('events', { region: 'eu' }).shardNumber).toBe(Number(harness.coordinator.shardOfKey('eu').shardId.slice('shard-'.length)));
    // A colocated group's layout is not changed by one table.
    expect(() => harness.sharding.addShard('events', { strategy: 'HASH' })).toThrow(domainError('UNPROCESSABLE'));
  });

  it('routes every key to exactly one shard that takes its write, and reads back what was written across a catalog restart', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(fc.array(rowArbitrary, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 4 }), (batches) => {
        run += 1;
        const created = tables(`p${run}`);
        for (const table of created) harness.sharding.createTable(table);
        const expected = new Map<string, Map<string, unknown>>(created.map((table) => [table.tableName, new Map()]));
        for (const batch of batches) {
          for (const table of created) {
            const result = harness.sharding.writeRows(table.tableName, batch);
            const keyColumns = table.primaryKeyColumns ?? table.shardKeyColumns;
            for (const row of batch) expected.get(table.tableName)!.set(JSON.stringify(keyColumns.map((column) => row[column as keyof typeof row])), row);
            expect(result.shards.reduce((sum, shard) => sum + shard.rows, 0)).toBe(result.rowsWritten);
          }
        }
        harness.restartCatalog();
        for (const table of created) {
          const perShard = readAll(harness, table.tableName);
          const union = new Map<string, unknown>();
          for (const rows of perShard) for (const [key, row] of rows) {
            expect(union.has(key)).toBe(false);
            union.set(key, row);
          }
          expect(union).toEqual(expected.get(table.tableName));
          // Each key sits on the shard its route names, and that shard takes writes.
          for (const [index, rows] of perShard.entries()) {
            for (const row of rows.values()) {
              const route = harness.sharding.routeKey(table.tableName, row as Record<string, never>);
              expect(route.shardNumber).toBe(index + 1);
              expect(route.state).toBe('ACTIVE');
            }
          }
          const shards = harness.sharding.shardsOf(table.tableName);
          expect(shards.reduce((sum, shard) => sum + shard.rowCount, 0)).toBe(union.size);
          expect(shards.every((shard) => shard.sizeBytes >= (shard.rowCount > 0 ? 2 : 0))).toBe(true);
        }
      }),
      { numRuns: 10, seed: 14 },
    );
  });

  it('adds a shard by CONSISTENT hashing, a RANGE split or a LIST, moving only the rows the new shard owns', () => {
    for (const table of tables('g')) harness.sharding.createTable(table);
    const rows = Array.from({ length: 200 }, (_, index) => ({ id: index * 17 - 40, region: REGIONS[index % 3]!, amount: index }));
    for (const table of ['ring_g', 'ranged_g']) harness.sharding.writeRows(table, rows);
    const listed = harness.sharding.createTable({ ...tables('h')[3]!, tableName: 'plain_list', strategy: { type: 'LIST', lists: [{ values: ['eu'] }, { values: ['us'] }], defaultShard: false } });
    harness.sharding.writeRows(listed.definition.tableName, rows.filter((row) => row.region !== 'apac'));
    expect(() => harness.sharding.writeRows('plain_list', [{ id: 1, region: 'apac', amount: 1 }])).toThrow(domainError('UNPROCESSABLE'));

    const ring = harness.sharding.addShard('ring_g', { strategy: 'HASH' });
    const split = harness.sharding.addShard('ranged_g', { strategy: 'RANGE', splitAt: 2000 });
    const list = harness.sharding.addShard('plain_list', { strategy: 'LIST', values: ['apac'] });
    expect([ring.shardNumber, split.shardNumber, list.shardNumber]).toEqual([4, 4, 3]);
    expect(ring.rowCount).toBeGreaterThan(0);
    expect(ring.rowCount).toBeLessThan(rows.length);
    expect(split.rowCount).toBe(rows.filter((row) => row.id >= 2000).length);
    harness.sharding.writeRows('plain_list', [{ id: 1, region: 'apac', amount: 1 }]);
    for (const table of ['ring_g', 'ranged_g']) {
      const perShard = readAll(harness, table);
      expect(perShard.reduce((sum, shard) => sum + shard.size, 0)).toBe(rows.length);
      for (const [index, shardRows] of perShard.entries()) {
        for (const row of shardRows.values()) expect(harness.sharding.routeKey(table, row as Record<string, never>).shardNumber).toBe(index + 1);
      }
    }
    expect(() => harness.sharding.addShard('orders_g', { strategy: 'HASH' })).toThrow(domainError('UNPROCESSABLE'));
    expect(() => harness.sharding.addShard('listed_g', { strategy: 'LIST', values: ['latam'] })).toThrow(domainError('UNPROCESSABLE'));
    expect(() => harness.sharding.addShard('ranged_g', { strategy: 'RANGE', splitAt: 5 })).toThrow(domainError('UNPROCESSABLE'));
  });

  it('refuses writes a shard state does not take, naming the state, and bad rows, changing nothing', () => {
    harness.sharding.createTable(tables('s')[0]!);
    const row = { id: 7, region: 'eu', amount: 1 };
    const shardNumber = harness.sharding.routeKey('orders_s', row).shardNumber;
    harness.sharding.setShardState('orders_s', shardNumber, 'READ_ONLY', 'OPERATOR');
    expect(() => harness.sharding.writeRows('orders_s', [row])).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('READ_ONLY') }));
    expect(harness.sharding.readShardRows('orders_s', shardNumber).rows).toEqual([]);
    harness.sharding.setShardState('orders_s', shardNumber, 'OFFLINE', 'OPERATOR');
    expect(() => harness.sharding.writeRows('orders_s', [row])).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('OFFLINE') }));
    expect(() => harness.sharding.readShardRows('orders_s', shardNumber)).toThrow(domainError('CONFLICT'));
    expect(() => harness.sharding.setShardState('orders_s', shardNumber, 'DROPPING', 'OPERATOR')).toThrow(domainError('CONFLICT'));
    harness.sharding.setShardState('orders_s', shardNumber, 'ACTIVE', 'OPERATOR');
    expect(() => harness.sharding.writeRows('orders_s', [row, { id: 'x' }, { id: 8, colour: 'red' }])).toThrow(domainError('UNPROCESSABLE'));
    expect(harness.sharding.shardsOf('orders_s').every((shard) => shard.rowCount === 0)).toBe(true);
    expect(harness.sharding.writeRows('orders_s', [row]).rowsWritten).toBe(1);
  });

  it('changes states only as the state machine allows, for each actor', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(fc.record({ to: fc.constantFrom(...SHARD_STATUSES), actor: fc.constantFrom('OPERATOR' as const, 'WORKFLOW' as const) }), { maxLength: 12 }), (steps) => {
        run += 1;
        // A layout of its own (tables of one layout are colocated and share their shards' states).
        const ranges = [{ lowerBound: null, upperBound: run }, { lowerBound: run, upperBound: null }];
        const { tableName } = harness.sharding.createTable({ ...tables(`m${run}`)[0]!, strategy: { type: 'RANGE', ranges } });
        let state: ShardStatus = harness.sharding.shardOf(tableName, 1).state;
        expect(state).toBe('ACTIVE');
        for (const { to, actor } of steps) {
          if (allowedTransitions(state, actor).includes(to)) {
            expect(harness.sharding.setShardState(tableName, 1, to, actor).state).toBe(to);
            state = to;
          } else {
            expect(() => harness.sharding.setShardState(tableName, 1, to, actor)).toThrow(domainError('CONFLICT'));
            expect(harness.sharding.shardOf(tableName, 1).state).toBe(state);
          }
        }
      }),
      { numRuns: 25, seed: 3 },
    );
  });

  it('reads a shard from its hot standby when the primary is down', async () => {
    harness.sharding.createTable(tables('r')[0]!);
    const rows = Array.from({ length: 30 }, (_, index) => ({ id: index, region: 'eu', amount: index }));
    harness.sharding.writeRows('orders_r', rows);
    const onPrimary = harness.sharding.shardsOf('orders_r').find((shard) => shard.primaryNodeId === 'node-1' && shard.rowCount > 0)!;
    expect(onPrimary).toBeDefined();
    await harness.world.advance(1_000);
    harness.world.fault({ type: 'crash', nodes: ['node-1'] });
    await harness.world.advance(10);
    const read = harness.sharding.readShardRows('orders_r', onPrimary.shardNumber);
    expect(read).toMatchObject({ nodeId: 'node-2', copy: 'REPLICA', total: onPrimary.rowCount });
    expect(() => harness.sharding.writeRows('orders_r', [read.rows[0]])).toThrow(domainError('CONFLICT'));
  });

  it('re-points the shards of a demoted primary to the new physical primary after a failover, copying nothing; OFFLINE while no writable node can take them', async () => {
    // Six shards over the three writable nodes: two on node-1.
    harness.sharding.createTable({ ...tables('f')[0]!, strategy: { type: 'HASH', numShards: 6, hashFunction: 'MURMUR3' } });
    const rows = Array.from({ length: 40 }, (_, index) => ({ id: index, region: 'eu', amount: index }));
    harness.sharding.writeRows('orders_f', rows);
    const before = harness.sharding.shardsOf('orders_f');
    const demoted = before.filter((shard) => shard.primaryNodeId === 'node-1');
    expect(demoted.length).toBeGreaterThan(0);
    await harness.world.advance(1_000);
    expect(harness.replication.failover({ targetReplicaId: 'node-2' }).newPrimaryId).toBe('node-2');
    const walOfNode2 = harness.replication.storageOf('node-2').positions().writeLsn;

    // The coordinator sees node-2 DOWN: no writable node can take node-1's shards, so they are OFFLINE.
    harness.coordinator.setNodeStatus('node-2', 'DOWN');
    expect(harness.sharding.followPrimaryChange()).toEqual({ repointed: [], offline: demoted.map((shard) => shard.shardId) });
    const onDemoted = rows.find((row) => harness.sharding.routeKey('orders_f', row).primaryNodeId === 'node-1')!;
    expect(() => harness.sharding.writeRows('orders_f', [onDemoted])).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('OFFLINE') }));

    // An operator's decision meanwhile stands: this one stays READ_ONLY after the re-point.
    const [kept, ...restored] = demoted;
    expect(restored.length).toBeGreaterThan(0);
    harness.sharding.setShardState('orders_f', kept!.shardNumber, 'READ_ONLY', 'OPERATOR');
    // The failover's OFFLINE outlives a restart of the catalog.
    harness.restartCatalog();
    harness.coordinator.setNodeStatus('node-2', 'HEALTHY');
    expect(harness.sharding.followPrimaryChange().repointed).toEqual(demoted.map((shard) => shard.shardId));
    // Nothing was copied: the re-point wrote no WAL on node-2, which already held the rows.
    expect(harness.replication.storageOf('node-2').positions().writeLsn).toBe(walOfNode2);
    for (const shard of demoted) expect(harness.replication.storageOf('node-2').tableImage(shard.storageTable)).toHaveLength(shard.rowCount);
    // The shards the failover took OFFLINE serve again by themselves.
    expect(restored.map((shard) => harness.sharding.shardOf('orders_f', shard.shardNumber).state)).toEqual(restored.map(() => 'ACTIVE'));
    expect(harness.sharding.shardOf('orders_f', kept!.shardNumber).state).toBe('READ_ONLY');
    harness.sharding.setShardState('orders_f', kept!.shardNumber, 'ACTIVE', 'OPERATOR');
    // A plain failover re-points ACTIVE shards in one step: back to node-1.
    await harness.world.advance(1_000);
    harness.replication.failover({ targetReplicaId: 'node-1' });
    expect(harness.sharding.followPrimaryChange()).toEqual({ repointed: demoted.map((shard) => shard.shardId), offline: [] });

    const after = harness.sharding.shardsOf('orders_f');
    expect(after.map((shard) => [shard.shardId, shard.state, shard.rowCount])).toEqual(before.map((shard) => [shard.shardId, 'ACTIVE', shard.rowCount]));
    expect(after.map((shard) => shard.primaryNodeId)).toEqual(before.map((shard) => (shard.primaryNodeId === 'node-1' ? 'node-2' : shard.primaryNodeId)).map((nodeId) => (nodeId === 'node-2' ? 'node-1' : nodeId)));
    expect(readAll(harness, 'orders_f').reduce((sum, shard) => sum + shard.size, 0)).toBe(rows.length);
    harness.sharding.writeRows('orders_f', rows.map((row) => ({ ...row, amount: row.amount + 1 })));
    expect(readAll(harness, 'orders_f').flatMap((shard) => [...shard.values()]).map((row) => (row as { amount: number }).amount).sort((a, b) => a - b)).toEqual(rows.map((row) => row.amount + 1));
  });

  it('drops a table: its shard tables leave node storage and its group leaves the coordinator', () => {
    harness.sharding.createTable(tables('d')[2]!);
    harness.sharding.writeRows('ranged_d', [{ id: 1 }, { id: 500 }, { id: 5000 }]);
    const nodes = harness.sharding.shardsOf('ranged_d').map((shard) => shard.primaryNodeId!);
    expect(harness.sharding.dropTable('ranged_d')).toEqual({ tableName: 'ranged_d', shardsDropped: 3, rowsDeleted: 3 });
    for (const [index, nodeId] of nodes.entries()) expect(harness.replication.storageOf(nodeId).tableImage(`ranged_d_${index + 1}`)).toEqual([]);
    expect(harness.coordinator.shardGroups().has('ranged_d')).toBe(false);
    expect(() => harness.sharding.table('ranged_d')).toThrow(domainError('NOT_FOUND'));
    harness.restartCatalog();
    expect(harness.sharding.tables()).toEqual([]);
  });
});
