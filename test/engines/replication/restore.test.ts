import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { loadReplicationState, ReplicationJournal } from '../../../src/engines/replication/replication-records.js';
import { Workload } from '../../../src/engines/replication/workload.js';
import { startReplication, tablesOf } from './harness.js';

describe('durability', () => {
  it('a server restart restores the same tables, WAL positions, slots, timeline and config', async () => {
    const store = SqliteStore.open(':memory:');
    const first = await startReplication({ store, config: { mode: 'SEMI_SYNCHRONOUS', walSegmentBytes: 4096, maxBatchBytes: 1024, walKeepSegments: 1, maxSlotWalKeepSegments: 4 } });
    const workload = new Workload(first.runtime.clock, first.runtime.rng.fork('replication.workload'), first.cluster.workloadTarget(), undefined, (settings) =>
      new ReplicationJournal(first.journal).workloadChanged(settings),
    );
    workload.set({ ratePerSecond: 200, keySpace: 30 });
    await first.advance(2000);
    first.cluster.createSlot({ slotName: 'cdc', slotType: 'LOGICAL', plugin: 'pgoutput', database: 'app' });
    first.cluster.consume('cdc', 5);
    first.cluster.pauseReplica('node-3');
    await first.advance(500);
    first.cluster.checkpoint();
    workload.stop();
    await first.advance(100);
    expect(workload.counters.issued).toBeGreaterThan(400);
    const nodes = first.cluster.nodeIds();
    const before = Object.fromEntries(nodes.map((nodeId) => [nodeId, { tables: tablesOf(first.cluster.storageOf(nodeId)), positions: first.cluster.storageOf(nodeId).positions(), wal: first.cluster.storageOf(nodeId).walRecordCount() }]));
    const slotsBefore = first.cluster.listSlots().map(({ active: _active, ...slot }) => slot);
    expect(before['node-1']!.positions.walStartLsn).toBeGreaterThan(0x1000000);
    const config = first.cluster.getConfig();
    await first.close();

    const saved = await loadReplicationState(store);
    expect(saved?.workload?.ratePerSecond).toBe(200);
    const second = await startReplication({ store });
    const after = Object.fromEntries(nodes.map((nodeId) => [nodeId, { tables: tablesOf(second.cluster.storageOf(nodeId)), positions: second.cluster.storageOf(nodeId).positions(), wal: second.cluster.storageOf(nodeId).walRecordCount() }]));
    expect(after).toEqual(before);
    expect(second.cluster.listSlots().map(({ active: _active, ...slot }) => slot)).toEqual(slotsBefore);
    expect(second.cluster.getConfig()).toEqual(config);
    expect(second.cluster.getReplica('node-3').replayPaused).toBe(true);
    // And it carries on: a write reaches the running standby.
    second.cluster.put('t', 'after-restart', { v: 1 });
    await second.advance(300);
    expect(second.cluster.storageOf('node-2').getRow('t', 'after-restart')?.row).toEqual({ v: 1 });
    await second.close();
    await store.close();
  });
});
