import { describe, expect, test } from 'vitest';
import { WAL_START_LSN } from '../../../src/engines/replication/lsn.js';
import { NodeStorage } from '../../../src/engines/replication/node-storage.js';
import { SnapshotCatalog, rewriteWrites, type SnapshotSource, type TableRows } from '../../../src/engines/replication/snapshots.js';
import type { RowWrite } from '../../../src/engines/replication/wal-record.js';

const BYTES_PER_SECOND = 1000;

function primary(): NodeStorage {
  return new NodeStorage('node-1', { lsn: WAL_START_LSN, timeline: 1 });
}

let xid = 0;

function write(storage: NodeStorage, writes: RowWrite[], atMs = 0): void {
  storage.commitLocal(writes, atMs, 1, ++xid);
}

function sourceOf(storage: NodeStorage): SnapshotSource {
  const { writeLsn, timeline } = storage.positions();
  return { nodeId: storage.nodeId, lsn: writeLsn, timeline, copyTables: () => storage.copyTables(), readWal: (from, options) => storage.readWal(from, options) };
}

/** The storage's rows as plain objects, for row-by-row comparison. */
function rowsOf(storage: NodeStorage): TableRows {
  const rows: TableRows = {};
  for (const table of storage.tableNames()) rows[table] = Object.fromEntries(storage.tableImage(table).map((stored) => [stored.key, stored.row]));
  return rows;
}

function seeded(): NodeStorage {
  const storage = primary();
  write(storage, [
    { op: 'put', table: 'accounts', key: '1', row: { id: 1, balance: 100 } },
    { op: 'put', table: 'accounts', key: '2', row: { id: 2, balance: 200 } },
    { op: 'put', table: 'orders', key: 'a', row: { item: 'disk', qty: 2 } },
  ]);
  return storage;
}

describe('SnapshotCatalog', () => {
  test('a full snapshot is consistent at its LSN: later writes do not change it', () => {
    const storage = seeded();
    const catalog = new SnapshotCatalog();
    const before = rowsOf(storage);
    const snapshot = catalog.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
    write(storage, [{ op: 'put', table: 'accounts', key: '1', row: { id: 1, balance: 999 } }]);
    expect(snapshot).toMatchObject({ snapshotId: 'snapshot-1', status: 'IN_PROGRESS', lsn: sourceOf(seeded()).lsn, tableCount: 2, rowCount: 3 });
    expect(catalog.imageOf(snapshot.snapshotId)).toEqual(before);
  });

  test('progress moves with the clock at the copy rate, and completion makes it restorable', () => {
    const storage = seeded();
    const catalog = new SnapshotCatalog();
    const snapshot = catalog.create({ type: 'FULL' }, sourceOf(storage), 1000, BYTES_PER_SECOND);
    const copyMs = snapshot.completesAtMs - 1000;
    expect(copyMs).toBe(Math.ceil((snapshot.sizeBytes / BYTES_PER_SECOND) * 1000));
    const halfway = catalog.progress(snapshot.snapshotId, 1000 + copyMs / 2);
    expect(halfway).toMatchObject({ phase: 'COPYING', percent: 50, remainingMs: copyMs / 2 });
    expect(() => catalog.startRestore(snapshot.snapshotId, 'node-1', 1000, BYTES_PER_SECOND)).toThrow(/only a completed snapshot/);
    catalog.complete(snapshot.snapshotId, snapshot.completesAtMs);
    expect(catalog.progress(snapshot.snapshotId, snapshot.completesAtMs)).toMatchObject({ phase: 'COMPLETED', percent: 100, bytesDone: snapshot.sizeBytes });
  });

  test('an incremental snapshot holds only what changed since its parent, read from the WAL', () => {
    const storage = seeded();
    const catalog = new SnapshotCatalog();
    const full = catalog.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
    catalog.complete(full.snapshotId, full.completesAtMs);
    write(storage, [
      { op: 'put', table: 'accounts', key: '2', row: { id: 2, balance: 250 } },
      { op: 'delete', table: 'orders', key: 'a' },
      { op: 'put', table: 'orders', key: 'b', row: { item: 'fan', qty: 1 } },
    ]);
    const incremental = catalog.create({ type: 'INCREMENTAL' }, sourceOf(storage), 10, BYTES_PER_SECOND);
    expect(incremental).toMatchObject({ parentSnapshotId: full.snapshotId, rowCount: 3 });
    expect(incremental.content).toEqual({
      type: 'INCREMENTAL',
      puts: { accounts: { '2': { id: 2, balance: 250 } }, orders: { b: { item: 'fan', qty: 1 } } },
      deletes: { orders: ['a'] },
    });
    expect(incremental.sizeBytes).toBeLessThan(full.sizeBytes + 100);
    expect(catalog.imageOf(incremental.snapshotId)).toEqual(rowsOf(storage));
  });

  test('an incremental snapshot needs a completed parent and the WAL since it', () => {
    const storage = seeded();
    const catalog = new SnapshotCatalog();
    expect(() => catalog.create({ type: 'INCREMENTAL' }, sourceOf(storage), 0, BYTES_PER_SECOND)).toThrow(/FULL one first/);
    const full = catalog.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
    expect(() => catalog.create({ type: 'INCREMENTAL', parentSnapshotId: full.snapshotId }, sourceOf(storage), 0, BYTES_PER_SECOND)).toThrow(/IN_PROGRESS/);
    catalog.complete(full.snapshotId, full.completesAtMs);
    write(storage, [{ op: 'put', table: 'accounts', key: '3', row: { id: 3, balance: 1 } }]);
    storage.removeWalBefore(storage.positions().writeLsn);
    expect(() => catalog.create({ type: 'INCREMENTAL' }, sourceOf(storage), 0, BYTES_PER_SECOND)).toThrow(/WAL since snapshot snapshot-1/);
    expect(catalog.list()).toHaveLength(1);
  });

  test('delete refuses a snapshot being copied or one an incremental builds on', () => {
    const storage = seeded();
    const catalog = new SnapshotCatalog();
    const full = catalog.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
    expect(() => catalog.delete(full.snapshotId)).toThrow(/still being copied/);
    catalog.complete(full.snapshotId, full.completesAtMs);
    const incremental = catalog.create({ type: 'INCREMENTAL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
    catalog.complete(incremental.snapshotId, incremental.completesAtMs);
    expect(() => catalog.delete(full.snapshotId)).toThrow(/builds on/);
    catalog.delete(incremental.snapshotId);
    catalog.delete(full.snapshotId);
    expect(catalog.list()).toEqual([]);
    expect(() => catalog.get(full.snapshotId)).toThrow(/No snapshot/);
  });

  test('one restore at a time; its progress is the snapshot\'s and its outcome is recorded', () => {
    const storage = seeded();
    const catalog = new SnapshotCatalog();
    const full = catalog.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
    catalog.complete(full.snapshotId, full.completesAtMs);
    const restore = catalog.startRestore(full.snapshotId, 'node-1', 5000, BYTES_PER_SECOND);
    expect(restore).toMatchObject({ status: 'IN_PROGRESS', bytesTotal: full.sizeBytes });
    expect(catalog.progress(full.snapshotId, 5000)).toMatchObject({ phase: 'RESTORING', percent: 0 });
    expect(() => catalog.startRestore(full.snapshotId, 'node-1', 5000, BYTES_PER_SECOND)).toThrow(/still running/);
    expect(() => catalog.delete(full.snapshotId)).toThrow(/is reading/);
    const done = catalog.finishRestore(restore.restoreId, { rowsWritten: 1, rowsDeleted: 0, restoredLsn: 42 }, restore.completesAtMs);
    expect(done).toMatchObject({ status: 'COMPLETED', rowsWritten: 1, restoredLsn: 42 });
  });

  test('its state restores snapshots, restores and id counters', () => {
    const storage = seeded();
    const catalog = new SnapshotCatalog();
    catalog.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
    const restored = new SnapshotCatalog(structuredClone(catalog.state()));
    expect(restored.get('snapshot-1').rowCount).toBe(3);
    expect(restored.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND).snapshotId).toBe('snapshot-2');
  });
});

test('rewriteWrites turns the current data into the snapshot image, row by row', () => {
  const storage = seeded();
  const catalog = new SnapshotCatalog();
  const full = catalog.create({ type: 'FULL' }, sourceOf(storage), 0, BYTES_PER_SECOND);
  const image = catalog.imageOf(full.snapshotId);
  write(storage, [
    { op: 'put', table: 'accounts', key: '1', row: { id: 1, balance: 5 } },
    { op: 'delete', table: 'accounts', key: '2' },
    { op: 'put', table: 'audit', key: 'x', row: { note: 'created after the snapshot' } },
  ]);
  const writes = rewriteWrites(storage.copyTables(), image);
  expect(writes).toHaveLength(3);
  write(storage, writes);
  expect(rowsOf(storage)).toEqual(image);
  expect(rewriteWrites(storage.copyTables(), image)).toEqual([]);
});
