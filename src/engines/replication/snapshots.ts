/**
 * Snapshots of the primary's data: full images and incremental deltas, each consistent at one LSN,
 * and restores that rewrite the data to a snapshot's image. The catalog is a state machine driven
 * by the caller's clock: `create` fixes the content at once (so it is consistent at its LSN) and
 * says when the copy ends; the caller calls `complete` then. Copy and restore take
 * `bytes / bytesPerSecond` of cluster time, which is what progress reports.
 */
import { DomainError } from '../runtime/domain-error.js';
import { sameValue } from './conflict-resolution.js';
import type { Lsn } from './lsn.js';
import type { TablesImage, WalRead } from './node-storage.js';
import type { RowValue, RowWrite } from './wal-record.js';

export type SnapshotType = 'FULL' | 'INCREMENTAL';
export type SnapshotStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** Rows by table, then by key. */
export type TableRows = Record<string, Record<string, RowValue>>;

/** What a snapshot holds: every row (FULL), or the rows changed and keys deleted since its parent (INCREMENTAL). */
export type SnapshotContent =
  | { readonly type: 'FULL'; readonly rows: TableRows }
  | { readonly type: 'INCREMENTAL'; readonly puts: TableRows; readonly deletes: Record<string, string[]> };

export interface Snapshot {
  readonly snapshotId: string;
  readonly type: SnapshotType;
  /** The snapshot an incremental one builds on; null for a full one. */
  readonly parentSnapshotId: string | null;
  readonly nodeId: string;
  /** The image is the data as of this LSN. */
  readonly lsn: Lsn;
  readonly timeline: number;
  readonly description: string | null;
  status: SnapshotStatus;
  readonly tableCount: number;
  /** Rows held (FULL), or rows changed plus keys deleted (INCREMENTAL). */
  readonly rowCount: number;
  /** The size of the content: its JSON byte length. */
  readonly sizeBytes: number;
  readonly startedAtMs: number;
  /** When the copy ends (IN_PROGRESS) or ended. */
  readonly completesAtMs: number;
  completedAtMs: number | null;
  readonly content: SnapshotContent;
}

export type RestoreStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface Restore {
  readonly restoreId: string;
  readonly snapshotId: string;
  readonly targetNodeId: string;
  status: RestoreStatus;
  /** Bytes of the snapshot chain read back. */
  readonly bytesTotal: number;
  readonly startedAtMs: number;
  readonly completesAtMs: number;
  completedAtMs: number | null;
  /** Rows written and deleted to reach the image; known once applied. */
  rowsWritten: number | null;
  rowsDeleted: number | null;
  /** The primary's LSN after the rewrite. */
  restoredLsn: Lsn | null;
  failureReason: string | null;
}

/** How far a copy or restore has come, at one instant. */
export interface Progress {
  readonly phase: 'COPYING' | 'RESTORING' | 'COMPLETED' | 'FAILED';
  readonly percent: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Cluster ms until done; 0 once done. */
  readonly remainingMs: number;
}

/** The node a snapshot is taken from, as the catalog reads it. */
export interface SnapshotSource {
  readonly nodeId: string;
  readonly lsn: Lsn;
  readonly timeline: number;
  copyTables(): TablesImage;
  readWal(fromLsn: Lsn, options: { toLsn: Lsn }): WalRead;
}

export interface SnapshotCatalogState {
  readonly snapshots: readonly Snapshot[];
  readonly restores: readonly Restore[];
  readonly nextSnapshotNumber: number;
  readonly nextRestoreNumber: number;
}

export interface CreateSnapshotInput {
  readonly type: SnapshotType;
  /** INCREMENTAL only: defaults to the newest completed snapshot. */
  readonly parentSnapshotId?: string;
  readonly description?: string;
}

/** Restores kept for the history. */
const RESTORES_KEPT = 100;

export class SnapshotCatalog {
  private readonly snapshots = new Map<string, Snapshot>();
  private restores: Restore[];
  private nextSnapshotNumber: number;
  private nextRestoreNumber: number;

  constructor(state: SnapshotCatalogState = { snapshots: [], restores: [], nextSnapshotNumber: 1, nextRestoreNumber: 1 }) {
    for (const snapshot of state.snapshots) this.snapshots.set(snapshot.snapshotId, { ...snapshot });
    this.restores = state.restores.map((restore) => ({ ...restore }));
    this.nextSnapshotNumber = state.nextSnapshotNumber;
    this.nextRestoreNumber = state.nextRestoreNumber;
  }

  state(): SnapshotCatalogState {
    return { snapshots: this.list(), restores: this.restoreHistory(), nextSnapshotNumber: this.nextSnapshotNumber, nextRestoreNumber: this.nextRestoreNumber };
  }

  /** Snapshots, oldest first. */
  list(): Snapshot[] {
    return [...this.snapshots.values()].map((snapshot) => ({ ...snapshot }));
  }

  get(snapshotId: string): Snapshot {
    const snapshot = this.snapshots.get(snapshotId);
    if (!snapshot) throw new DomainError('NOT_FOUND', `No snapshot ${snapshotId} exists.`, { resource: 'replication.snapshot', id: snapshotId });
    return { ...snapshot };
  }

  /** Restores, oldest first. */
  restoreHistory(): Restore[] {
    return this.restores.map((restore) => ({ ...restore }));
  }

  /**
   * Starts a snapshot of `source` as of its current LSN; the content is fixed now.
   * @throws NOT_FOUND for an unknown parent; CONFLICT when the parent is not completed, is from
   *   another timeline or is ahead of the source, or when the WAL since the parent is gone.
   */
  create(input: CreateSnapshotInput, source: SnapshotSource, nowMs: number, bytesPerSecond: number): Snapshot {
    let parent: Snapshot | null = null;
    let content: SnapshotContent;
    if (input.type === 'FULL') {
      if (input.parentSnapshotId !== undefined) throw new DomainError('UNPROCESSABLE', 'A FULL snapshot has no parent; parentSnapshotId is for INCREMENTAL ones.', { parentSnapshotId: input.parentSnapshotId });
      content = { type: 'FULL', rows: rowsOf(source.copyTables()) };
    } else {
      parent = this.incrementalParent(input.parentSnapshotId, source);
      content = deltaSince(parent, source);
    }
    const sizeBytes = Buffer.byteLength(JSON.stringify(content));
    const snapshot: Snapshot = {
      snapshotId: `snapshot-${this.nextSnapshotNumber++}`,
      type: input.type,
      parentSnapshotId: parent?.snapshotId ?? null,
      nodeId: source.nodeId,
      lsn: source.lsn,
      timeline: source.timeline,
      description: input.description ?? null,
      status: 'IN_PROGRESS',
      tableCount: tableCountOf(content),
      rowCount: rowCountOf(content),
      sizeBytes,
      startedAtMs: nowMs,
      completesAtMs: nowMs + transferMs(sizeBytes, bytesPerSecond),
      completedAtMs: null,
      content,
    };
    this.snapshots.set(snapshot.snapshotId, snapshot);
    return { ...snapshot };
  }

  /** Ends a copy: called by the caller's timer at `completesAtMs`. */
  complete(snapshotId: string, nowMs: number): Snapshot {
    const snapshot = this.require(snapshotId);
    if (snapshot.status !== 'IN_PROGRESS') throw new DomainError('CONFLICT', `Snapshot ${snapshotId} is ${snapshot.status}, not IN_PROGRESS.`, { snapshotId, status: snapshot.status });
    snapshot.status = 'COMPLETED';
    snapshot.completedAtMs = nowMs;
    return { ...snapshot };
  }

  /**
   * Deletes a snapshot.
   * @throws CONFLICT while it is being copied or restored, or while an incremental snapshot builds on it.
   */
  delete(snapshotId: string): Snapshot {
    const snapshot = this.require(snapshotId);
    if (snapshot.status === 'IN_PROGRESS') throw new DomainError('CONFLICT', `Snapshot ${snapshotId} is still being copied.`, { snapshotId, reason: 'IN_PROGRESS' });
    const child = [...this.snapshots.values()].find((candidate) => candidate.parentSnapshotId === snapshotId);
    if (child) {
      throw new DomainError('CONFLICT', `Snapshot ${child.snapshotId} builds on ${snapshotId}; delete it first.`, { snapshotId, reason: 'HAS_DEPENDENTS', dependentSnapshotId: child.snapshotId });
    }
    const restoring = this.restores.find((restore) => restore.status === 'IN_PROGRESS' && this.chainOf(restore.snapshotId).includes(snapshot));
    if (restoring) throw new DomainError('CONFLICT', `Restore ${restoring.restoreId} is reading snapshot ${snapshotId}.`, { snapshotId, reason: 'RESTORING', restoreId: restoring.restoreId });
    this.snapshots.delete(snapshotId);
    return { ...snapshot };
  }

  /** How far a snapshot's copy, or else its newest restore, has come at `nowMs`. */
  progress(snapshotId: string, nowMs: number): Progress {
    const snapshot = this.require(snapshotId);
    const restore = this.restores.filter((candidate) => candidate.snapshotId === snapshotId).at(-1);
    if (snapshot.status !== 'COMPLETED' || restore === undefined) {
      return progressOf(snapshot.status === 'IN_PROGRESS' ? 'COPYING' : snapshot.status, snapshot.sizeBytes, snapshot.startedAtMs, snapshot.completesAtMs, nowMs);
    }
    return progressOf(restore.status === 'IN_PROGRESS' ? 'RESTORING' : restore.status, restore.bytesTotal, restore.startedAtMs, restore.completesAtMs, nowMs);
  }

  /**
   * Starts a restore of a completed snapshot onto `targetNodeId`; the rewrite is applied when it
   * completes (see {@link finishRestore}).
   * @throws CONFLICT when the snapshot is not completed or another restore is running.
   */
  startRestore(snapshotId: string, targetNodeId: string, nowMs: number, bytesPerSecond: number): Restore {
    const snapshot = this.require(snapshotId);
    if (snapshot.status !== 'COMPLETED') throw new DomainError('CONFLICT', `Snapshot ${snapshotId} is ${snapshot.status}; only a completed snapshot can be restored.`, { snapshotId, status: snapshot.status });
    const running = this.restores.find((restore) => restore.status === 'IN_PROGRESS');
    if (running) throw new DomainError('CONFLICT', `Restore ${running.restoreId} of ${running.snapshotId} is still running.`, { restoreId: running.restoreId, reason: 'RESTORE_RUNNING' });
    const bytesTotal = this.chainOf(snapshotId).reduce((sum, link) => sum + link.sizeBytes, 0);
    const restore: Restore = {
      restoreId: `restore-${this.nextRestoreNumber++}`,
      snapshotId,
      targetNodeId,
      status: 'IN_PROGRESS',
      bytesTotal,
      startedAtMs: nowMs,
      completesAtMs: nowMs + transferMs(bytesTotal, bytesPerSecond),
      completedAtMs: null,
      rowsWritten: null,
      rowsDeleted: null,
      restoredLsn: null,
      failureReason: null,
    };
    this.restores.push(restore);
    if (this.restores.length > RESTORES_KEPT) this.restores = this.restores.slice(-RESTORES_KEPT);
    return { ...restore };
  }

  /** The rows the snapshot describes: its chain's full image with each delta applied in order. */
  imageOf(snapshotId: string): TableRows {
    const image: TableRows = {};
    for (const link of this.chainOf(snapshotId)) {
      const content = link.content;
      if (content.type === 'FULL') {
        for (const table of Object.keys(image)) delete image[table];
        for (const [table, rows] of Object.entries(content.rows)) image[table] = { ...rows };
        continue;
      }
      for (const [table, rows] of Object.entries(content.puts)) image[table] = { ...image[table], ...rows };
      for (const [table, keys] of Object.entries(content.deletes)) for (const key of keys) delete image[table]?.[key];
    }
    return image;
  }

  /** Records how a restore ended: the caller applied (or failed to apply) the rewrite. */
  finishRestore(restoreId: string, outcome: { rowsWritten: number; rowsDeleted: number; restoredLsn: Lsn } | { failureReason: string }, nowMs: number): Restore {
    const restore = this.restores.find((candidate) => candidate.restoreId === restoreId);
    if (!restore) throw new DomainError('NOT_FOUND', `No restore ${restoreId} exists.`, { resource: 'replication.restore', id: restoreId });
    if (restore.status !== 'IN_PROGRESS') throw new DomainError('CONFLICT', `Restore ${restoreId} already ended ${restore.status}.`, { restoreId, status: restore.status });
    restore.completedAtMs = nowMs;
    if ('failureReason' in outcome) {
      restore.status = 'FAILED';
      restore.failureReason = outcome.failureReason;
    } else {
      restore.status = 'COMPLETED';
      restore.rowsWritten = outcome.rowsWritten;
      restore.rowsDeleted = outcome.rowsDeleted;
      restore.restoredLsn = outcome.restoredLsn;
    }
    return { ...restore };
  }

  private require(snapshotId: string): Snapshot {
    const snapshot = this.snapshots.get(snapshotId);
    if (!snapshot) throw new DomainError('NOT_FOUND', `No snapshot ${snapshotId} exists.`, { resource: 'replication.snapshot', id: snapshotId });
    return snapshot;
  }

  /** The snapshots an image is built from, full one first. */
  private chainOf(snapshotId: string): Snapshot[] {
    const chain: Snapshot[] = [];
    for (let link: Snapshot | undefined = this.require(snapshotId); link; link = link.parentSnapshotId ? this.snapshots.get(link.parentSnapshotId) : undefined) {
      chain.unshift(link);
    }
    return chain;
  }

  private incrementalParent(parentSnapshotId: string | undefined, source: SnapshotSource): Snapshot {
    const parent =
      parentSnapshotId === undefined
        ? [...this.snapshots.values()].filter((candidate) => candidate.status === 'COMPLETED' && candidate.nodeId === source.nodeId).at(-1)
        : this.require(parentSnapshotId);
    if (!parent) throw new DomainError('UNPROCESSABLE', 'An INCREMENTAL snapshot needs a completed snapshot to build on; take a FULL one first.', { reason: 'NO_PARENT' });
    const problem =
      parent.status !== 'COMPLETED'
        ? `snapshot ${parent.snapshotId} is ${parent.status}`
        : parent.timeline !== source.timeline
          ? `snapshot ${parent.snapshotId} is on timeline ${parent.timeline}, the primary on ${source.timeline}`
          : parent.lsn > source.lsn
            ? `snapshot ${parent.snapshotId} is ahead of the primary`
            : null;
    if (problem) throw new DomainError('CONFLICT', `Cannot build an incremental snapshot on it: ${problem}.`, { parentSnapshotId: parent.snapshotId, reason: 'PARENT_UNUSABLE' });
    return parent;
  }
}

/** Rows put and keys deleted between the parent's LSN and the source's, read from the WAL. */
function deltaSince(parent: Snapshot, source: SnapshotSource): SnapshotContent {
  const read = source.readWal(parent.lsn, { toLsn: source.lsn });
  if (read.gone) {
    throw new DomainError('CONFLICT', `The WAL since snapshot ${parent.snapshotId} (LSN ${parent.lsn}) has been removed; take a FULL snapshot.`, {
      parentSnapshotId: parent.snapshotId,
      reason: 'WAL_REMOVED',
      walStartLsn: read.walStartLsn,
    });
  }
  const puts: TableRows = {};
  const deletes: Record<string, Set<string>> = {};
  for (const record of read.records) {
    for (const change of record.change.changes) {
      if (change.op === 'delete') {
        delete puts[change.table]?.[change.key];
        (deletes[change.table] ??= new Set()).add(change.key);
      } else {
        deletes[change.table]?.delete(change.key);
        (puts[change.table] ??= {})[change.key] = change.row;
      }
    }
  }
  const deleted: Record<string, string[]> = {};
  for (const [table, keys] of Object.entries(deletes)) if (keys.size > 0) deleted[table] = [...keys];
  return { type: 'INCREMENTAL', puts, deletes: deleted };
}

function rowsOf(image: TablesImage): TableRows {
  const rows: TableRows = {};
  for (const [table, tableRows] of image) {
    const copy: Record<string, RowValue> = {};
    for (const [key, stored] of tableRows) copy[key] = stored.row;
    rows[table] = copy;
  }
  return rows;
}

function tableCountOf(content: SnapshotContent): number {
  if (content.type === 'FULL') return Object.keys(content.rows).length;
  return new Set([...Object.keys(content.puts), ...Object.keys(content.deletes)]).size;
}

function rowCountOf(content: SnapshotContent): number {
  const count = (rows: TableRows) => Object.values(rows).reduce((sum, table) => sum + Object.keys(table).length, 0);
  if (content.type === 'FULL') return count(content.rows);
  return count(content.puts) + Object.values(content.deletes).reduce((sum, keys) => sum + keys.length, 0);
}

/** Cluster ms to move `bytes` at `bytesPerSecond`, at least 1 ms so every copy is observable in progress. */
function transferMs(bytes: number, bytesPerSecond: number): number {
  return Math.max(1, Math.ceil((bytes / bytesPerSecond) * 1000));
}

function progressOf(phase: Progress['phase'], bytesTotal: number, startedAtMs: number, completesAtMs: number, nowMs: number): Progress {
  if (phase === 'COMPLETED' || phase === 'FAILED') return { phase, percent: phase === 'COMPLETED' ? 100 : 0, bytesDone: phase === 'COMPLETED' ? bytesTotal : 0, bytesTotal, remainingMs: 0 };
  const fraction = Math.min(1, Math.max(0, (nowMs - startedAtMs) / (completesAtMs - startedAtMs)));
  return {
    phase,
    percent: Math.floor(fraction * 1000) / 10,
    bytesDone: Math.floor(fraction * bytesTotal),
    bytesTotal,
    remainingMs: Math.max(0, completesAtMs - nowMs),
  };
}

/**
 * The writes that turn `current` into `target`: a put for every row missing or different, a
 * delete for every row the target lacks (tables the target does not hold are emptied).
 */
export function rewriteWrites(current: TablesImage, target: TableRows): RowWrite[] {
  const writes: RowWrite[] = [];
  for (const [table, rows] of current) {
    const wanted = target[table] ?? {};
    for (const key of rows.keys()) if (!Object.hasOwn(wanted, key)) writes.push({ op: 'delete', table, key });
  }
  for (const [table, rows] of Object.entries(target)) {
    const held = current.get(table);
    for (const [key, row] of Object.entries(rows)) {
      const existing = held?.get(key);
      if (!existing || !sameValue(existing.row, row)) writes.push({ op: 'put', table, key, row });
    }
  }
  return writes;
}
