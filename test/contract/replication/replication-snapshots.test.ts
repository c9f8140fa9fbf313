import { describe, expect, test } from 'vitest';
import { formatLsn } from '../../../src/engines/replication/lsn.js';
import { STARTING_WORKLOAD } from '../../../src/engines/replication/replication-engine.js';
import type { TableRows } from '../../../src/engines/replication/snapshots.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 3 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const SNAPSHOTS = '/api/v1/replication/snapshots';

function engine() {
  return fixture.server.platform.engines.replication;
}

/** A node's rows by table and key, as a snapshot image holds them. */
function rowsOf(nodeId: string): TableRows {
  const rows: TableRows = {};
  for (const [table, tableRows] of engine().cluster.storageOf(nodeId).copyTables()) {
    if (tableRows.size === 0) continue;
    rows[table] = Object.fromEntries([...tableRows].map(([key, stored]) => [key, stored.row]));
  }
  return rows;
}

async function progressOf(id: string) {
  const response = await fixture.server.http.get(`${SNAPSHOTS}/${id}/progress`).set(asAdmin);
  expectContract('getReplicationSnapshotProgress', response);
  expect(response.status).toBe(200);
  return response.body.data;
}

async function snapshotOf(id: string) {
  const response = await fixture.server.http.get(`${SNAPSHOTS}/${id}`).set(asAdmin);
  expectContract('getReplicationSnapshot', response);
  expect(response.status).toBe(200);
  return response.body.data;
}

describe('replication snapshots', () => {
  test('an incremental snapshot with nothing to build on is refused (422)', async () => {
    const response = await fixture.server.http.post(SNAPSHOTS).set(asAdmin).send({ type: 'INCREMENTAL' });
    expect(response.status).toBe(422);
    expectContract('createReplicationSnapshot', response);
  });

  test('a full snapshot is fixed at the current LSN, copies as the clock moves, and cannot be deleted or restored meanwhile', async () => {
    // Enough rows that the copy takes a visible while at the simulated disk speed.
    engine().workload.set({ ...STARTING_WORKLOAD, ratePerSecond: 500, keySpace: 2000 });
    await fixture.server.advance(5000);
    const lsn = engine().cluster.currentLsn();
    const created = await fixture.server.http.post(SNAPSHOTS).set(asAdmin).send({ label: 'before the batch' });
    expect(created.status).toBe(202);
    expectContract('createReplicationSnapshot', created);
    expect(created.headers.location).toBe('/api/v1/replication/snapshots/snapshot-1/progress');
    const snapshot = created.body.data;
    expect(snapshot).toMatchObject({
      snapshotId: 'snapshot-1',
      type: 'FULL',
      parentSnapshotId: null,
      status: 'IN_PROGRESS',
      label: 'before the batch',
      sourceNodeId: 'node-1',
      lsn: formatLsn(lsn),
      deletedKeys: 0,
      copiedBytes: 0,
      completedAt: null,
      durationMs: null,
    });
    const primaryRows = rowsOf('node-1');
    expect(snapshot.rows).toBe(Object.values(primaryRows).reduce((sum, table) => sum + Object.keys(table).length, 0));
    expect(snapshot.tables).toBe(Object.keys(primaryRows).length);
    expect(snapshot.sizeBytes).toBeGreaterThan(50_000);

    const started = await progressOf('snapshot-1');
    expect(started).toMatchObject({ snapshotId: 'snapshot-1', operation: 'CREATE', status: 'IN_PROGRESS', doneBytes: 0, percent: 0, totalBytes: snapshot.sizeBytes });
    await fixture.server.advance(100);
    const halfway = await progressOf('snapshot-1');
    expect(halfway.percent).toBeGreaterThan(0);
    expect(halfway.percent).toBeLessThan(100);
    expect((await snapshotOf('snapshot-1')).copiedBytes).toBe(halfway.doneBytes);
    expect(Date.parse(halfway.estimatedCompletionAt)).toBe(Date.parse(halfway.startedAt) + Math.ceil((snapshot.sizeBytes / halfway.bytesPerSecond) * 1000));

    const deleting = await fixture.server.http.delete(`${SNAPSHOTS}/snapshot-1`).set(asAdmin);
    expect(deleting.status).toBe(409);
    expectContract('deleteReplicationSnapshot', deleting);
    const restoring = await fixture.server.http.post(`${SNAPSHOTS}/snapshot-1/restore`).set(asAdmin);
    expect(restoring.status).toBe(409);
    expectContract('restoreReplicationSnapshot', restoring);
    expect(restoring.body.error.details.snapshotId).toBe('snapshot-1');

    await fixture.server.advance(2000);
    const done = await snapshotOf('snapshot-1');
    expect(done).toMatchObject({ status: 'COMPLETED', copiedBytes: snapshot.sizeBytes });
    expect(done.durationMs).toBe(Date.parse(done.completedAt) - Date.parse(done.startedAt));
    expect(await progressOf('snapshot-1')).toMatchObject({ status: 'COMPLETED', percent: 100, doneBytes: snapshot.sizeBytes, estimatedCompletionAt: null, restoredLsn: null });
  });

  test('an incremental snapshot holds what changed since its parent, which it then keeps from deletion', async () => {
    await fixture.server.advance(1000);
    const created = await fixture.server.http.post(SNAPSHOTS).set(asAdmin).send({ type: 'INCREMENTAL', label: 'hourly' });
    expect(created.status).toBe(202);
    expectContract('createReplicationSnapshot', created);
    expect(created.body.data).toMatchObject({ snapshotId: 'snapshot-2', type: 'INCREMENTAL', parentSnapshotId: 'snapshot-1', label: 'hourly' });
    expect(created.body.data.rows + created.body.data.deletedKeys).toBeGreaterThan(0);
    await fixture.server.advance(1000);
    expect((await snapshotOf('snapshot-2')).status).toBe('COMPLETED');

    const parent = await fixture.server.http.delete(`${SNAPSHOTS}/snapshot-1`).set(asAdmin);
    expect(parent.status).toBe(409);
    expectContract('deleteReplicationSnapshot', parent);
    expect(parent.body.error.message).toContain('snapshot-2');

    const list = await fixture.server.http.get(SNAPSHOTS).set(asAdmin);
    expectContract('listReplicationSnapshots', list);
    expect(list.body.data.map((each: { snapshotId: string }) => each.snapshotId)).toEqual(['snapshot-2', 'snapshot-1']);
    const incremental = await fixture.server.http.get(`${SNAPSHOTS}?type=INCREMENTAL&fields=parentSnapshotId`).set(asAdmin);
    expectContract('listReplicationSnapshots', incremental, { sparse: true });
    expect(incremental.body.data).toEqual([{ snapshotId: 'snapshot-2', parentSnapshotId: 'snapshot-1' }]);
    const bySize = await fixture.server.http.get(`${SNAPSHOTS}?sort_by=sizeBytes&order=asc`).set(asAdmin);
    expect(bySize.body.data.map((each: { snapshotId: string }) => each.snapshotId)).toEqual(['snapshot-2', 'snapshot-1']);
  });

  test('refuses a parent for a full snapshot (422), an unknown parent or id (404), a bad id or body (400) and a viewer (403)', async () => {
    const fullWithParent = await fixture.server.http.post(SNAPSHOTS).set(asAdmin).send({ type: 'FULL', parentSnapshotId: 'snapshot-1' });
    expect(fullWithParent.status).toBe(422);
    expectContract('createReplicationSnapshot', fullWithParent);
    const unknownParent = await fixture.server.http.post(SNAPSHOTS).set(asAdmin).send({ type: 'INCREMENTAL', parentSnapshotId: 'snapshot-99' });
    expect(unknownParent.status).toBe(404);
    expectContract('createReplicationSnapshot', unknownParent);
    expect(unknownParent.body.error.details.id).toBe('snapshot-99');
    const badBody = await fixture.server.http.post(SNAPSHOTS).set(asAdmin).send({ type: 'DIFFERENTIAL' });
    expect(badBody.status).toBe(400);
    expectContract('createReplicationSnapshot', badBody);
    const forbidden = await fixture.server.http.post(SNAPSHOTS).set({ 'X-API-Key': fixture.viewerKey }).send({});
    expect(forbidden.status).toBe(403);
    expectContract('createReplicationSnapshot', forbidden);
    for (const operation of ['getReplicationSnapshot', 'getReplicationSnapshotProgress'] as const) {
      const path = operation === 'getReplicationSnapshot' ? `${SNAPSHOTS}/snapshot-99` : `${SNAPSHOTS}/snapshot-99/progress`;
      const missing = await fixture.server.http.get(path).set(asAdmin);
      expect(missing.status).toBe(404);
      expectContract(operation, missing);
    }
    const badId = await fixture.server.http.get(`${SNAPSHOTS}/snap-1`).set(asAdmin);
    expect(badId.status).toBe(400);
    expectContract('getReplicationSnapshot', badId);
    const viewerRestore = await fixture.server.http.post(`${SNAPSHOTS}/snapshot-1/restore`).set({ 'X-API-Key': fixture.viewerKey });
    expect(viewerRestore.status).toBe(403);
    expectContract('restoreReplicationSnapshot', viewerRestore);
    // Nothing was made by the refused requests.
    expect((await fixture.server.http.get(SNAPSHOTS).set(asAdmin)).body.pagination.total).toBe(2);
  });

  test('a restore rewrites the primary to the image through the WAL, and the standbys follow', async () => {
    // The image of snapshot-2 is snapshot-1 with the changes since; writes after it must be undone.
    engine().workload.set({ ...STARTING_WORKLOAD, ratePerSecond: 0 });
    const image = engine().snapshots.catalog.imageOf('snapshot-2');
    expect(rowsOf('node-1')).not.toEqual(image);

    const started = await fixture.server.http.post(`${SNAPSHOTS}/snapshot-2/restore`).set(asAdmin);
    expect(started.status).toBe(202);
    expectContract('restoreReplicationSnapshot', started);
    expect(started.headers.location).toBe('/api/v1/replication/snapshots/snapshot-2/progress');
    const sizes = (await snapshotOf('snapshot-1')).sizeBytes + (await snapshotOf('snapshot-2')).sizeBytes;
    expect(started.body.data).toMatchObject({ snapshotId: 'snapshot-2', operation: 'RESTORE', status: 'IN_PROGRESS', totalBytes: sizes, doneBytes: 0, restoredLsn: null });
    const second = await fixture.server.http.post(`${SNAPSHOTS}/snapshot-1/restore`).set(asAdmin);
    expect(second.status).toBe(409);
    expectContract('restoreReplicationSnapshot', second);

    await fixture.server.advance(3000);
    const done = await progressOf('snapshot-2');
    expect(done).toMatchObject({ operation: 'RESTORE', status: 'COMPLETED', percent: 100 });
    expect(done.restoredLsn).toBe(formatLsn(engine().cluster.currentLsn()));
    expect(rowsOf('node-1')).toEqual(image);
    // The rewrite went through the WAL: each standby replayed it.
    expect(rowsOf('node-2')).toEqual(image);
    expect(rowsOf('node-3')).toEqual(image);
    expect((await snapshotOf('snapshot-2')).lastRestoredAt).toBe(done.completedAt);
    expect((await snapshotOf('snapshot-1')).lastRestoredAt).toBeNull();
  });

  test('deletes the newest snapshot first, then its parent', async () => {
    const viewer = await fixture.server.http.delete(`${SNAPSHOTS}/snapshot-2`).set({ 'X-API-Key': fixture.viewerKey });
    expect(viewer.status).toBe(403);
    for (const id of ['snapshot-2', 'snapshot-1']) {
      const response = await fixture.server.http.delete(`${SNAPSHOTS}/${id}`).set(asAdmin);
      expect(response.status).toBe(200);
      expectContract('deleteReplicationSnapshot', response);
      expect(response.body.data).toEqual({ id, deleted: true });
    }
    const gone = await fixture.server.http.delete(`${SNAPSHOTS}/snapshot-1`).set(asAdmin);
    expect(gone.status).toBe(404);
    expectContract('deleteReplicationSnapshot', gone);
  });
});
