import { afterEach, describe, expect, it } from 'vitest';
import { domainErrorFrom, startReplication, type ReplicationHarness } from './harness.js';
import { segmentOf } from '../../../src/engines/replication/lsn.js';

let harness: ReplicationHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const SEGMENT = 4096;
const retention = { walSegmentBytes: SEGMENT, maxBatchBytes: 1024, walKeepSegments: 1, maxWalSegments: 2, maxSlotWalKeepSegments: 4, checkpointIntervalMs: 3_600_000 };

/** Writes roughly `segments` segments of WAL. */
function fill(harness: ReplicationHarness, segments: number): void {
  const target = harness.cluster.currentLsn() + segments * SEGMENT;
  let index = 0;
  while (harness.cluster.currentLsn() < target) harness.cluster.put('t', `k${index++ % 50}`, { pad: 'x'.repeat(200) });
}

describe('slots and WAL retention', () => {
  it('a slot holds WAL back at checkpoints; dropping it releases the WAL at the next one', async () => {
    harness = await startReplication({ nodeIds: ['node-1'], config: retention });
    const { cluster } = harness;
    const slot = cluster.createSlot({ slotName: 'audit', slotType: 'PHYSICAL' });
    expect(harness.events.length).toBeGreaterThanOrEqual(0);
    fill(harness, 3);
    const held = cluster.checkpoint();
    expect(held.removedRecords).toBe(0);
    expect(cluster.storageOf('node-1').positions().walStartLsn).toBeLessThanOrEqual(slot.restartLsn);
    cluster.dropSlot('audit');
    const released = cluster.checkpoint();
    expect(released.removedRecords).toBeGreaterThan(0);
    // Whole segments go: what is left starts with the record that crosses into the kept segment.
    expect(released.keepLsn).toBe((segmentOf(cluster.currentLsn(), SEGMENT) - 1) * SEGMENT);
    const walStartLsn = cluster.storageOf('node-1').positions().walStartLsn;
    expect(walStartLsn).toBeGreaterThan(slot.restartLsn);
    expect(walStartLsn).toBeLessThanOrEqual(released.keepLsn);
    expect(cluster.storageOf('node-1').readWal(walStartLsn).gone).toBe(false);
    expect(cluster.storageOf('node-1').readWal(slot.restartLsn).gone).toBe(true);
    await harness.advance(1);
    expect(harness.events.map((event) => event.type)).toEqual(expect.arrayContaining(['slot_created', 'slot_dropped']));
  });

  it('walStatus goes reserved → extended → unreserved → lost with a stuck slot; lost invalidates it', async () => {
    harness = await startReplication({ nodeIds: ['node-1'], config: retention });
    const { cluster } = harness;
    cluster.createSlot({ slotName: 'stuck', slotType: 'PHYSICAL' });
    const seen: string[] = [];
    const note = () => {
      const status = cluster.getSlot('stuck').walStatus;
      if (seen.at(-1) !== status) seen.push(status);
    };
    note();
    for (let step = 0; step < 8; step += 1) {
      fill(harness, 1);
      note();
    }
    expect(seen).toEqual(['reserved', 'extended', 'unreserved']);
    expect(cluster.getSlot('stuck').safeWalSizeBytes).toBe(0);
    const result = cluster.checkpoint();
    expect(result.invalidatedSlots).toEqual(['stuck']);
    const lost = cluster.getSlot('stuck');
    expect(lost.walStatus).toBe('lost');
    expect(lost.invalidationReason).toBe('wal_removed');
    expect(domainErrorFrom(() => cluster.advanceSlot('stuck', cluster.currentLsn())).code).toBe('CONFLICT');
  });

  it('a replica whose slot is lost needs a resync, and a resync brings it back', async () => {
    harness = await startReplication({ nodeIds: ['node-1', 'node-2'], config: retention });
    const { cluster } = harness;
    await harness.advance(50);
    const crash = harness.fault({ type: 'crash', nodes: ['node-2'] });
    fill(harness, 8);
    cluster.checkpoint();
    expect(cluster.getSlot('replica_node-2').walStatus).toBe('lost');
    harness.heal(crash);
    await harness.advance(50);
    expect(cluster.getReplica('node-2').state).toBe('NEEDS_RESYNC');
    cluster.resyncReplica('node-2');
    await harness.advance(200);
    expect(cluster.getReplica('node-2').state).toBe('STREAMING');
    expect(cluster.getSlot('replica_node-2').walStatus).toBe('reserved');
  });

  it('logical slots decode changes and confirm them; advance moves forward only', async () => {
    harness = await startReplication({ nodeIds: ['node-1'] });
    const { cluster } = harness;
    const created = cluster.createSlot({ slotName: 'cdc', slotType: 'LOGICAL', plugin: 'pgoutput', database: 'app' });
    expect(created.active).toBe(false);
    cluster.put('t', 'a', { v: 1 });
    cluster.put('t', 'a', { v: 2 });
    const last = cluster.delete('t', 'a');
    const first = cluster.consume('cdc', 2);
    expect(first.map((change) => `${change.op}:${change.key}`)).toEqual(['insert:a', 'update:a']);
    const slot = cluster.getSlot('cdc');
    expect(slot.active).toBe(true);
    expect(slot.confirmedFlushLsn).toBe(first[1]!.endLsn);
    expect(cluster.consume('cdc', 10).map((change) => change.op)).toEqual(['delete']);
    expect(cluster.getSlot('cdc').confirmedFlushLsn).toBe(last.endLsn);
    expect(cluster.consume('cdc', 10)).toEqual([]);
    expect(domainErrorFrom(() => cluster.advanceSlot('cdc', created.restartLsn)).code).toBe('UNPROCESSABLE');
    expect(domainErrorFrom(() => cluster.dropSlot('cdc')).code).toBe('CONFLICT');
  });

  it('validates slot creation, listing every problem, and refuses duplicates', async () => {
    harness = await startReplication({ nodeIds: ['node-1'] });
    const { cluster } = harness;
    const error = domainErrorFrom(() => cluster.createSlot({ slotName: 'Bad-Name', slotType: 'LOGICAL' }));
    expect(error.code).toBe('UNPROCESSABLE');
    expect((error.details as { problems: string[] }).problems).toHaveLength(3);
    expect(domainErrorFrom(() => cluster.createSlot({ slotName: 'replica_x', slotType: 'PHYSICAL' })).code).toBe('UNPROCESSABLE');
    cluster.createSlot({ slotName: 'one', slotType: 'PHYSICAL' });
    expect(domainErrorFrom(() => cluster.createSlot({ slotName: 'one', slotType: 'PHYSICAL' })).code).toBe('CONFLICT');
    expect(cluster.listSlots().map((slot) => slot.slotName)).toEqual(['one']);
  });

  it('archives completed segments before a checkpoint may remove them', async () => {
    harness = await startReplication({ nodeIds: ['node-1'], config: { ...retention, archiveMode: true, archiveCommand: 'cp %p /archive/%f' } });
    const { cluster } = harness;
    fill(harness, 3);
    const archived = cluster.archivedSegments();
    expect(archived.length).toBeGreaterThanOrEqual(3);
    expect(archived[0]!.command).toBe(`cp pg_wal/${archived[0]!.segmentName} /archive/${archived[0]!.segmentName}`);
    expect(archived[0]!.segmentName).toMatch(/^00000001[0-9A-F]{16}$/);
    expect(archived[0]!.records.length).toBeGreaterThan(0);
  });
});
