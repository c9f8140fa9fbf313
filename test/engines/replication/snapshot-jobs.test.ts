import { afterEach, describe, expect, it } from 'vitest';
import type { NodeStorage } from '../../../src/engines/replication/node-storage.js';
import { SnapshotJobs } from '../../../src/engines/replication/snapshot-jobs.js';
import { Workload } from '../../../src/engines/replication/workload.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { expectTablesEqual, startReplication, type ReplicationHarness } from './harness.js';

const BYTES_PER_SECOND = 64 * 1024;
let harness: ReplicationHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function jobsOf(h: ReplicationHarness): Promise<SnapshotJobs> {
  return SnapshotJobs.load(h.store, { clock: h.runtime.clock, cluster: h.cluster, journal: h.journal, bytesPerSecond: BYTES_PER_SECOND });
}

/** A node's rows without metadata: what a snapshot image holds. */
function rowsOf(storage: NodeStorage): Record<string, Record<string, unknown>> {
  return Object.fromEntries(storage.tableNames().map((table) => [table, Object.fromEntries(storage.tableImage(table).map((row) => [row.key, row.row]))]));
}

/** Writes for `ms` at a steady rate from a seeded workload. */
async function writeFor(h: ReplicationHarness, ms: number, seedLabel: string): Promise<void> {
  const workload = new Workload(h.runtime.clock, h.runtime.rng.fork(seedLabel), h.cluster.workloadTarget());
  workload.set({ ratePerSecond: 100, keySpace: 40 });
  await h.advance(ms);
  workload.stop();
}

describe('snapshot jobs on a replicating cluster', () => {
  it('a restore brings the primary back to the snapshot image, row by row, and every standby follows', async () => {
    harness = await startReplication();
    const jobs = await jobsOf(harness);
    await writeFor(harness, 1000, 'before');
    const primary = harness.cluster.storageOf(harness.cluster.primary());
    const atSnapshot = rowsOf(primary);
    const snapshot = jobs.create({ type: 'FULL' });
    expect(snapshot.lsn).toBe(harness.cluster.currentLsn());

    await writeFor(harness, 1000, 'after');
    expect(jobs.catalog.get(snapshot.snapshotId).status).toBe('COMPLETED');
    const restore = jobs.restore(snapshot.snapshotId);
    expect(jobs.catalog.progress(snapshot.snapshotId, harness.runtime.clock.now()).phase).toBe('RESTORING');
    await harness.advance(restore.completesAtMs - harness.runtime.clock.now() + 500);

    const done = jobs.catalog.restoreHistory().at(-1);
    expect(done).toMatchObject({ status: 'COMPLETED' });
    expect((done?.rowsWritten ?? 0) + (done?.rowsDeleted ?? 0)).toBeGreaterThan(0);
    const restored = rowsOf(primary);
    expect(restored).toEqual(atSnapshot);
    expectTablesEqual(harness.cluster, harness.cluster.listReplicas().map((replica) => replica.replicaId));
    jobs.close();
  });

  it('an incremental snapshot restores through its chain', async () => {
    harness = await startReplication();
    const jobs = await jobsOf(harness);
    await writeFor(harness, 500, 'base');
    const full = jobs.create({ type: 'FULL' });
    await writeFor(harness, 1000, 'delta');
    const primary = harness.cluster.storageOf(harness.cluster.primary());
    const atIncremental = rowsOf(primary);
    const incremental = jobs.create({ type: 'INCREMENTAL' });
    expect(incremental.parentSnapshotId).toBe(full.snapshotId);
    expect(incremental.sizeBytes).toBeLessThanOrEqual(full.sizeBytes * 2);
    await writeFor(harness, 500, 'later');
    const restore = jobs.restore(incremental.snapshotId);
    await harness.advance(restore.completesAtMs - harness.runtime.clock.now() + 500);
    const restored = rowsOf(primary);
    expect(restored).toEqual(atIncremental);
    jobs.close();
  });

  it('refuses to restore a standby: its data follows the primary', async () => {
    harness = await startReplication();
    const jobs = await jobsOf(harness);
    harness.cluster.put('t', 'k', { v: 1 });
    const snapshot = jobs.create({ type: 'FULL' });
    await harness.advance(snapshot.completesAtMs - harness.runtime.clock.now());
    expect(() => jobs.restore(snapshot.snapshotId, 'node-2')).toThrow(/Only the primary/);
    jobs.close();
  });

  it('a copy running when the server stops completes after the restart, with the same content', async () => {
    const store = SqliteStore.open(':memory:');
    harness = await startReplication({ store });
    let jobs = await jobsOf(harness);
    await writeFor(harness, 500, 'before');
    const atSnapshot = rowsOf(harness.cluster.storageOf('node-1'));
    const snapshot = jobs.create({ type: 'FULL' });
    await harness.journal.flush();
    jobs.close();
    await harness.close();

    harness = await startReplication({ store });
    jobs = await jobsOf(harness);
    expect(jobs.catalog.get(snapshot.snapshotId)).toMatchObject({ status: 'IN_PROGRESS', sizeBytes: snapshot.sizeBytes });
    await harness.advance(Math.max(0, snapshot.completesAtMs - harness.runtime.clock.now()) + 1);
    expect(jobs.catalog.get(snapshot.snapshotId).status).toBe('COMPLETED');
    expect(jobs.catalog.imageOf(snapshot.snapshotId)).toEqual(atSnapshot);
    jobs.close();
    await harness.close();
    harness = undefined;
    await store.close();
  });
});
