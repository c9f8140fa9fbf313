import { DomainError } from '../../engines/runtime/domain-error.js';
import { formatLsn } from '../../engines/replication/lsn.js';
import type { Restore, Snapshot, SnapshotCatalog, SnapshotStatus, SnapshotType } from '../../engines/replication/snapshots.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf } from '../platform/operation-runner.js';
import type { ReplicationServiceDeps } from './replication-service.js';

/** A snapshot as the API shows it (the contract's ReplicationSnapshot). */
export interface ReplicationSnapshotView {
  snapshotId: string;
  type: SnapshotType;
  parentSnapshotId: string | null;
  status: SnapshotStatus;
  label: string | null;
  sourceNodeId: string;
  timeline: number;
  lsn: string;
  tables: number;
  rows: number;
  deletedKeys: number;
  sizeBytes: number;
  copiedBytes: number;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  failureReason: string | null;
  lastRestoredAt: string | null;
}

export const REPLICATION_SNAPSHOT_FIELDS: readonly (keyof ReplicationSnapshotView)[] = [
  'snapshotId', 'type', 'parentSnapshotId', 'status', 'label', 'sourceNodeId', 'timeline', 'lsn', 'tables', 'rows', 'deletedKeys',
  'sizeBytes', 'copiedBytes', 'startedAt', 'completedAt', 'durationMs', 'failureReason', 'lastRestoredAt',
];

/** Progress of the latest long-running operation on a snapshot (the contract's ReplicationSnapshotProgress). */
export interface ReplicationSnapshotProgressView {
  snapshotId: string;
  operation: 'CREATE' | 'RESTORE';
  status: SnapshotStatus;
  totalBytes: number;
  doneBytes: number;
  percent: number;
  bytesPerSecond: number;
  startedAt: string;
  estimatedCompletionAt: string | null;
  completedAt: string | null;
  restoredLsn: string | null;
  failureReason: string | null;
}

export interface ReplicationSnapshotQuery {
  type?: SnapshotType;
  status?: SnapshotStatus;
  sortBy?: 'startedAt' | 'sizeBytes' | 'snapshotId';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface CreateReplicationSnapshotRequest {
  type?: SnapshotType;
  parentSnapshotId?: string;
  label?: string;
}

/** The API view of a snapshot at `nowMs`. Exported for the replication dashboard. */
export function snapshotViewOf(snapshot: Snapshot, catalog: SnapshotCatalog, nowMs: number): ReplicationSnapshotView {
  const content = snapshot.content;
  const deletedKeys = content.type === 'FULL' ? 0 : Object.values(content.deletes).reduce((sum, keys) => sum + keys.length, 0);
  const lastRestore = catalog
    .restoreHistory()
    .filter((restore) => restore.snapshotId === snapshot.snapshotId && restore.status === 'COMPLETED')
    .at(-1);
  const copiedBytes = snapshot.status === 'COMPLETED' ? snapshot.sizeBytes : snapshot.status === 'FAILED' ? 0 : catalog.progress(snapshot.snapshotId, nowMs).bytesDone;
  return {
    snapshotId: snapshot.snapshotId,
    type: snapshot.type,
    parentSnapshotId: snapshot.parentSnapshotId === null ? null : snapshot.parentSnapshotId,
    status: snapshot.status,
    label: snapshot.description,
    sourceNodeId: snapshot.nodeId,
    timeline: snapshot.timeline,
    lsn: formatLsn(snapshot.lsn),
    tables: snapshot.tableCount,
    // The engine counts an incremental snapshot's changed rows and deleted keys together.
    rows: snapshot.rowCount - deletedKeys,
    deletedKeys,
    sizeBytes: snapshot.sizeBytes,
    copiedBytes,
    startedAt: isoTime(snapshot.startedAtMs),
    completedAt: snapshot.completedAtMs === null ? null : isoTime(snapshot.completedAtMs),
    durationMs: snapshot.completedAtMs === null ? null : snapshot.completedAtMs - snapshot.startedAtMs,
    // The engine fails no copy yet: its content is fixed (or refused) when the snapshot starts.
    failureReason: null,
    lastRestoredAt: lastRestore?.completedAtMs == null ? null : isoTime(lastRestore.completedAtMs),
  };
}

/** The progress view: the copy while the snapshot is not completed or was never restored, else its latest restore. */
function progressViewOf(snapshot: Snapshot, catalog: SnapshotCatalog, bytesPerSecond: number, nowMs: number): ReplicationSnapshotProgressView {
  const progress = catalog.progress(snapshot.snapshotId, nowMs);
  const restore: Restore | undefined =
    snapshot.status === 'COMPLETED' ? catalog.restoreHistory().filter((candidate) => candidate.snapshotId === snapshot.snapshotId).at(-1) : undefined;
  const job = restore ?? snapshot;
  const status: SnapshotStatus = restore?.status ?? snapshot.status;
  return {
    snapshotId: snapshot.snapshotId,
    operation: restore === undefined ? 'CREATE' : 'RESTORE',
    status,
    totalBytes: progress.bytesTotal,
    doneBytes: progress.bytesDone,
    percent: progress.percent,
    bytesPerSecond,
    startedAt: isoTime(job.startedAtMs),
    estimatedCompletionAt: status === 'IN_PROGRESS' ? isoTime(job.completesAtMs) : null,
    completedAt: job.completedAtMs === null ? null : isoTime(job.completedAtMs),
    restoredLsn: restore?.status === 'COMPLETED' && restore.restoredLsn !== null ? formatLsn(restore.restoredLsn) : null,
    failureReason: restore?.failureReason ?? null,
  };
}

/** Snapshots of the primary's data: create, list, read, delete, progress and restore. */
export class ReplicationSnapshotService {
  constructor(private readonly deps: ReplicationServiceDeps) {}

  list(context: OperationContext, query: ReplicationSnapshotQuery): Page<Partial<ReplicationSnapshotView>> {
    return this.deps.runner.read(context, 'listReplicationSnapshots', () => {
      const order = query.order ?? 'desc';
      // The sort is stable: starting from newest first makes snapshots started at the same instant list newest first too.
      const views = order === 'desc' ? this.views().reverse() : this.views();
      const page = pageOf(views, {
        filters: { type: query.type, status: query.status },
        sortBy: query.sortBy ?? 'startedAt',
        order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'snapshotId', REPLICATION_SNAPSHOT_FIELDS) };
    });
  }

  /** Every snapshot's view now, oldest first (for the dashboard). */
  views(): ReplicationSnapshotView[] {
    const { catalog } = this.deps.engine.snapshots;
    const nowMs = this.deps.clock.now();
    return catalog.list().map((snapshot) => snapshotViewOf(snapshot, catalog, nowMs));
  }

  get(context: OperationContext, snapshotId: string): ReplicationSnapshotView {
    return this.deps.runner.read(context, 'getReplicationSnapshot', () => {
      const { catalog } = this.deps.engine.snapshots;
      return snapshotViewOf(catalog.get(snapshotId), catalog, this.deps.clock.now());
    });
  }

  progress(context: OperationContext, snapshotId: string): ReplicationSnapshotProgressView {
    return this.deps.runner.read(context, 'getReplicationSnapshotProgress', () => {
      const { catalog } = this.deps.engine.snapshots;
      return progressViewOf(catalog.get(snapshotId), catalog, this.deps.engine.snapshots.bytesPerSecond, this.deps.clock.now());
    });
  }

  /** Starts a snapshot (IN_PROGRESS). @throws NOT_FOUND (parent), CONFLICT (parent unusable, WAL gone), UNPROCESSABLE. */
  create(context: OperationContext, request: CreateReplicationSnapshotRequest): Promise<ReplicationSnapshotView> {
    const target = creationOf('replication.snapshot', (snapshot: ReplicationSnapshotView) => snapshot.snapshotId);
    return this.deps.runner.run(context, 'createReplicationSnapshot', target, () => {
      const { snapshots } = this.deps.engine;
      const type = request.type ?? 'FULL';
      if (type === 'FULL' && request.parentSnapshotId !== undefined) {
        throw new DomainError('UNPROCESSABLE', 'A full snapshot has no parent; parentSnapshotId is only for INCREMENTAL.', { field: 'parentSnapshotId' });
      }
      const created = snapshots.create({
        type,
        ...(request.parentSnapshotId === undefined ? {} : { parentSnapshotId: request.parentSnapshotId }),
        ...(request.label === undefined ? {} : { description: request.label }),
      });
      return snapshotViewOf(created, snapshots.catalog, this.deps.clock.now());
    });
  }

  /** @throws NOT_FOUND; CONFLICT while copied or restored, or while an incremental snapshot builds on it. */
  delete(context: OperationContext, snapshotId: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, 'deleteReplicationSnapshot', `replication.snapshot/${snapshotId}`, () => {
      this.deps.engine.snapshots.delete(snapshotId);
      return { id: snapshotId, deleted: true as const };
    });
  }

  /** Starts restoring the primary to the snapshot; returns the restore's progress. @throws NOT_FOUND, CONFLICT. */
  restore(context: OperationContext, snapshotId: string): Promise<ReplicationSnapshotProgressView> {
    return this.deps.runner.run(context, 'restoreReplicationSnapshot', `replication.snapshot/${snapshotId}`, () => {
      const { snapshots, cluster } = this.deps.engine;
      if (!cluster.writable()) {
        throw new DomainError('CONFLICT', `The primary ${cluster.primary()} cannot take writes; fail over before restoring.`, { primaryId: cluster.primary() });
      }
      snapshots.restore(snapshotId);
      return progressViewOf(snapshots.catalog.get(snapshotId), snapshots.catalog, this.deps.engine.snapshots.bytesPerSecond, this.deps.clock.now());
    });
  }
}
