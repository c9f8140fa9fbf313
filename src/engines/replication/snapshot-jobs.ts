/**
 * Runs snapshot copies and restores on the cluster clock: the catalog decides what a snapshot
 * holds and when a job ends; this host sets the timers, applies a restore's rewrite through the
 * primary's WAL (so standbys follow), publishes the outcome and keeps the catalog in the store.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { TimerId, VirtualClock } from '../runtime/index.js';
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { MAX_CHANGES_PER_TRANSACTION } from './node-storage.js';
import type { ReplicationCluster } from './replication-cluster.js';
import type { ReplicationErrorPayload } from './events.js';
import { SnapshotCatalog, rewriteWrites, type CreateSnapshotInput, type Restore, type Snapshot, type SnapshotCatalogState } from './snapshots.js';

/** One record per snapshot (its content can be large), and one for restores and id counters. */
export const REPLICATION_SNAPSHOT_RECORD = 'replication.snapshot';
export const REPLICATION_SNAPSHOT_CATALOG_RECORD = 'replication.snapshotCatalog';

type CatalogRecord = Omit<SnapshotCatalogState, 'snapshots'>;

/** Copy and restore speed of the simulated disks: large enough for seconds, not minutes, at the default workload. */
export const DEFAULT_SNAPSHOT_BYTES_PER_SECOND = 256 * 1024;

export interface SnapshotJobsDeps {
  clock: VirtualClock;
  cluster: ReplicationCluster;
  journal: Journal;
  bytesPerSecond?: number;
  /** Hears of a restore that could not be applied (`replication_error` RESTORE_FAILED). */
  bus?: { publish(type: 'replication_error', source: string, payload: ReplicationErrorPayload): unknown };
}

export class SnapshotJobs {
  readonly catalog: SnapshotCatalog;
  private readonly timers = new Set<TimerId>();
  /** How fast copies and restores move, in bytes of content per second of cluster time. */
  readonly bytesPerSecond: number;

  constructor(
    private readonly deps: SnapshotJobsDeps,
    state?: SnapshotCatalogState,
  ) {
    this.bytesPerSecond = deps.bytesPerSecond ?? DEFAULT_SNAPSHOT_BYTES_PER_SECOND;
    this.catalog = new SnapshotCatalog(state);
    // Jobs that were running when the server stopped end when they were due (at once if overdue).
    for (const snapshot of this.catalog.list()) if (snapshot.status === 'IN_PROGRESS') this.scheduleCopyEnd(snapshot);
    for (const restore of this.catalog.restoreHistory()) if (restore.status === 'IN_PROGRESS') this.scheduleRestoreEnd(restore);
  }

  static async load(store: Store, deps: SnapshotJobsDeps): Promise<SnapshotJobs> {
    const catalog = await store.get<CatalogRecord>(REPLICATION_SNAPSHOT_CATALOG_RECORD, 'current');
    if (catalog === undefined) return new SnapshotJobs(deps);
    const snapshots = (await store.list<Snapshot>(REPLICATION_SNAPSHOT_RECORD)).map((record) => record.value);
    // Ids sort as text (snapshot-10 before snapshot-2); the catalog lists snapshots oldest first.
    snapshots.sort((a, b) => a.startedAtMs - b.startedAtMs || naturalCompare(a.snapshotId, b.snapshotId));
    return new SnapshotJobs(deps, { ...catalog, snapshots });
  }

  /** Starts a snapshot of the primary, consistent at its current LSN. */
  create(input: CreateSnapshotInput): Snapshot {
    const { cluster, clock } = this.deps;
    const primaryId = cluster.primary();
    const storage = cluster.storageOf(primaryId);
    const { writeLsn, timeline } = storage.positions();
    const snapshot = this.catalog.create(
      input,
      { nodeId: primaryId, lsn: writeLsn, timeline, copyTables: () => storage.copyTables(), readWal: (from, options) => storage.readWal(from, options) },
      clock.now(),
      this.bytesPerSecond,
    );
    this.persistSnapshot(snapshot.snapshotId);
    this.scheduleCopyEnd(snapshot);
    return snapshot;
  }

  delete(snapshotId: string): Snapshot {
    const snapshot = this.catalog.delete(snapshotId);
    this.deps.journal.delete(REPLICATION_SNAPSHOT_RECORD, snapshotId);
    return snapshot;
  }

  /**
   * Starts restoring the primary to a snapshot's image; the rewrite is applied when the read-back
   * ends, so the data then equals the image whatever was written meanwhile.
   * @throws UNPROCESSABLE when the target is not the primary: a standby's data follows its primary.
   */
  restore(snapshotId: string, targetNodeId?: string): Restore {
    const primaryId = this.deps.cluster.primary();
    const target = targetNodeId ?? primaryId;
    if (target !== primaryId) {
      throw new DomainError('UNPROCESSABLE', `Only the primary (${primaryId}) can be restored; ${target}'s data follows it. Restore the primary and every standby replays the rewrite.`, {
        targetNodeId: target,
        primaryId,
      });
    }
    const restore = this.catalog.startRestore(snapshotId, target, this.deps.clock.now(), this.bytesPerSecond);
    this.persistCatalog();
    this.scheduleRestoreEnd(restore);
    return restore;
  }

  close(): void {
    for (const timer of this.timers) this.deps.clock.cancel(timer);
    this.timers.clear();
  }

  private scheduleCopyEnd(snapshot: Snapshot): void {
    this.schedule(snapshot.completesAtMs, () => {
      this.catalog.complete(snapshot.snapshotId, this.deps.clock.now());
      this.persistSnapshot(snapshot.snapshotId);
    });
  }

  private scheduleRestoreEnd(restore: Restore): void {
    this.schedule(restore.completesAtMs, () => {
      const ended = this.catalog.finishRestore(restore.restoreId, this.applyRestore(restore), this.deps.clock.now());
      this.persistCatalog();
      if (ended.status === 'FAILED') {
        const message = `Restore ${ended.restoreId} of ${ended.snapshotId} failed: ${ended.failureReason}`;
        this.deps.bus?.publish('replication_error', 'replication.snapshots', { replicaId: null, nodeId: ended.targetNodeId, code: 'RESTORE_FAILED', message });
      }
    });
  }

  /** Writes the rewrite on the primary, in transactions the WAL accepts. */
  private applyRestore(restore: Restore): { rowsWritten: number; rowsDeleted: number; restoredLsn: number } | { failureReason: string } {
    const { cluster } = this.deps;
    if (!cluster.writable()) return { failureReason: `The primary ${cluster.primary()} cannot take writes (it is down or demoted).` };
    const image = this.catalog.imageOf(restore.snapshotId);
    const storage = cluster.storageOf(cluster.primary());
    const writes = rewriteWrites(storage.copyTables(), image);
    const locked = storage.lockedRow(writes);
    if (locked !== undefined) return { failureReason: `Row ${locked.table}/${locked.key} is locked by distributed transaction ${locked.lockedBy}: resolve it first.` };
    for (let start = 0; start < writes.length; start += MAX_CHANGES_PER_TRANSACTION) cluster.commit(writes.slice(start, start + MAX_CHANGES_PER_TRANSACTION));
    const rowsDeleted = writes.filter((write) => write.op === 'delete').length;
    return { rowsWritten: writes.length - rowsDeleted, rowsDeleted, restoredLsn: cluster.currentLsn() };
  }

  private schedule(atMs: number, run: () => void): void {
    const timer = this.deps.clock.schedule(Math.max(atMs, this.deps.clock.now()), () => {
      this.timers.delete(timer);
      run();
    });
    this.timers.add(timer);
  }

  private persistSnapshot(snapshotId: string): void {
    this.deps.journal.put(REPLICATION_SNAPSHOT_RECORD, snapshotId, this.catalog.get(snapshotId));
    this.persistCatalog();
  }

  private persistCatalog(): void {
    const { snapshots: _snapshots, ...catalog } = this.catalog.state();
    this.deps.journal.put(REPLICATION_SNAPSHOT_CATALOG_RECORD, 'current', catalog);
  }
}
