/**
 * One shard move as a workflow (README, "Rebalance and migration workflows"), Vitess's MoveTables
 * over one group shard: the shard's tables (colocated tables move together) are copied from the
 * source node's storage to the target's in bounded batches throttled in bytes per second of
 * cluster time (COPY), the source's WAL since the copy began is replayed on the target
 * (CATCH_UP), both sides are compared by count and checksum (VERIFY), the shard goes READ_ONLY,
 * the tail is replayed and verified, the placement flips and the shard is ACTIVE again (SWITCH),
 * and the source's tables are deleted (CLEANUP).
 *
 * Driven by `tick(nowMs)`, as etcd's raft is: no clock, timer or store inside. Every step that
 * changes the record calls `persist`; the record is plain JSON and a move rebuilt from it resumes
 * where it was. Every step is idempotent, so a record older than the storage (a crash between
 * them) only repeats work: copies and replays are upserts and deletes of rows present, and the
 * tail is replayed only while the placement still points at the source.
 */
import { DomainError, assert } from '../runtime/domain-error.js';
import type { NodeStorage } from '../replication/node-storage.js';
import type { RowWrite, WalRecord } from '../replication/wal-record.js';
import type { ShardStatus } from './shard-state.js';
import type { ShardMoveConfig } from './shard-move-config.js';
import { indexAfter, rowBytes, verifyTables, type TableVerification } from './shard-move-data.js';
import { becomePhase, isBeforeSwitch, isTerminalPhase, refuseUnlessAllowed, type MovePhase, type PausablePhase } from './shard-move-phase.js';

/** What a move needs of the cluster: node storage and WAL (the replication engine) and the shard's placement and state (the coordinator). */
export interface ShardMovePort {
  storageOf(nodeId: string): NodeStorage;
  /** A WAL commit on a writable node. @throws DomainError CONFLICT when it cannot take it. */
  commitOn(nodeId: string, writes: readonly RowWrite[]): void;
  /** Why the node cannot be read from or written to now, or null. */
  whyUnavailable(nodeId: string): string | null;
  primaryOf(shardId: string): string | null;
  statusOf(shardId: string): ShardStatus;
  /** A workflow transition of the shard's state (shard-state.ts rules). */
  setStatus(shardId: string, to: ShardStatus): void;
  /** Makes `toNodeId` the shard's primary in one step, if `fromNodeId` still is. */
  flipPrimary(shardId: string, fromNodeId: string, toNodeId: string): void;
}

export type RollbackOutcome = 'CANCELLED' | 'FAILED';

/** The persisted record of a move: plain JSON. */
export interface ShardMoveRecord {
  moveId: string;
  shardId: string;
  /** Node storage tables moved together: the parts `<table>_<N>` of every table colocated on the shard. */
  tables: string[];
  sourceNodeId: string;
  targetNodeId: string;
  phase: MovePhase;
  /** The phase a PAUSED move resumes into. */
  pausedFrom: PausablePhase | null;
  /** Set by cancel or a failure: the target's partial copy is being removed, then the move ends so. */
  rollback: RollbackOutcome | null;
  error: string | null;
  /** Why the move is waiting (a node down), or null. */
  blockedReason: string | null;
  createdAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  phaseChangedAtMs: number;
  /** The source's WAL position when the copy began: catch-up replays from here. */
  copyStartLsn: number | null;
  copyTableIndex: number;
  /** The last key copied of the current table (storage key order), null before its first. */
  copyAfterKey: string | null;
  /** The source's WAL replayed on the target up to here. */
  replayedLsn: number | null;
  rowsTotal: number;
  bytesTotal: number;
  rowsCopied: number;
  bytesCopied: number;
  changesReplayed: number;
  bytesReplayed: number;
  rowsCleanedUp: number;
  /** Bytes the throttle may still spend; refilled at copyRateBytesPerSecond, at most one second's worth. */
  budgetBytes: number;
  lastTickMs: number | null;
  flipped: boolean;
  copyRestarts: number;
  verification: TableVerification[] | null;
}

/** A move's progress: its record's identity and counters, and what is measured from them now. */
export interface MoveProgress
  extends Pick<
    ShardMoveRecord,
    | 'moveId'
    | 'shardId'
    | 'tables'
    | 'sourceNodeId'
    | 'targetNodeId'
    | 'phase'
    | 'pausedFrom'
    | 'blockedReason'
    | 'error'
    | 'rowsTotal'
    | 'rowsCopied'
    | 'bytesTotal'
    | 'bytesCopied'
    | 'changesReplayed'
    | 'createdAtMs'
    | 'startedAtMs'
    | 'finishedAtMs'
    | 'verification'
  > {
  cancelling: boolean;
  rowsRemaining: number;
  bytesRemaining: number;
  /** The source's WAL not yet read by catch-up (all tables), bytes. */
  walBehindBytes: number;
  percentComplete: number;
  /** Cluster time the move should finish at the configured rate, or null when paused, blocked or finished. */
  etaMs: number | null;
}

export interface NewMove {
  moveId: string;
  shardId: string;
  tables: readonly string[];
  sourceNodeId: string;
  targetNodeId: string;
}

export function newMoveRecord(move: NewMove, nowMs: number): ShardMoveRecord {
  assert(move.sourceNodeId !== move.targetNodeId, 'a move has distinct source and target');
  return {
    moveId: move.moveId,
    shardId: move.shardId,
    tables: [...move.tables],
    sourceNodeId: move.sourceNodeId,
    targetNodeId: move.targetNodeId,
    phase: 'PENDING',
    pausedFrom: null,
    rollback: null,
    error: null,
    blockedReason: null,
    createdAtMs: nowMs,
    startedAtMs: null,
    finishedAtMs: null,
    phaseChangedAtMs: nowMs,
    copyStartLsn: null,
    copyTableIndex: 0,
    copyAfterKey: null,
    replayedLsn: null,
    rowsTotal: 0,
    bytesTotal: 0,
    rowsCopied: 0,
    bytesCopied: 0,
    changesReplayed: 0,
    bytesReplayed: 0,
    rowsCleanedUp: 0,
    budgetBytes: 0,
    lastTickMs: null,
    flipped: false,
    copyRestarts: 0,
    verification: null,
  };
}

/** Called after every step with the record as it now is, and the phase before when it changed. */
export type MoveListener = (record: Readonly<ShardMoveRecord>, previousPhase: MovePhase | null) => void;

export class ShardMove {
  private readonly record: ShardMoveRecord;
  /** Keys of each table as first read after (re)start, in storage order: what the copy and clean-up walk. Rows written later are the catch-up's. */
  private readonly keySnapshots = new Map<string, string[]>();
  private batches = 0;

  constructor(
    record: ShardMoveRecord,
    private readonly port: ShardMovePort,
    private readonly config: () => ShardMoveConfig,
    private readonly listener: MoveListener = () => {},
  ) {
    this.record = structuredClone(record);
  }

  get id(): string {
    return this.record.moveId;
  }

  get phase(): MovePhase {
    return this.record.phase;
  }

  snapshot(): ShardMoveRecord {
    return structuredClone(this.record);
  }

  /** PENDING → COPY: the shard goes REBALANCING and the copy begins at the source's current WAL position. */
  start(nowMs: number): void {
    refuseUnlessAllowed(this.id, this.record.phase, 'COPY', 'only a PENDING move starts');
    const status = this.port.statusOf(this.record.shardId);
    if (status !== 'ACTIVE') throw new DomainError('CONFLICT', `Shard ${this.record.shardId} is ${status}; only an ACTIVE shard can be moved.`, { shardId: this.record.shardId, status });
    const primary = this.port.primaryOf(this.record.shardId);
    if (primary !== this.record.sourceNodeId) {
      throw new DomainError('CONFLICT', `Shard ${this.record.shardId} is on ${primary ?? 'no node'}, not ${this.record.sourceNodeId}: plan the move again.`, {
        shardId: this.record.shardId,
        primaryNodeId: primary,
      });
    }
    this.port.setStatus(this.record.shardId, 'REBALANCING');
    this.record.startedAtMs = nowMs;
    this.record.lastTickMs = nowMs;
    this.beginCopy();
    this.become('COPY', nowMs);
  }

  pause(nowMs: number): void {
    if (this.record.rollback !== null) throw new DomainError('CONFLICT', `Move ${this.id} is being cancelled.`, { moveId: this.id });
    refuseUnlessAllowed(this.id, this.record.phase, 'PAUSED', 'a switch runs to its end, and a finished or paused move cannot pause');
    // refuseUnlessAllowed admitted only the pausable phases.
    this.record.pausedFrom = this.record.phase as PausablePhase;
    this.become('PAUSED', nowMs);
  }

  resume(nowMs: number): void {
    if (this.record.phase !== 'PAUSED') throw new DomainError('CONFLICT', `Move ${this.id} is ${this.record.phase}, not PAUSED.`, { moveId: this.id, phase: this.record.phase });
    const into = this.record.pausedFrom!;
    this.record.pausedFrom = null;
    // The throttle does not bank the pause.
    this.record.lastTickMs = nowMs;
    this.become(into, nowMs);
  }

  /** Before the switch: routing stays and the target's partial copy is removed (by the next ticks). After it: refused. */
  cancel(nowMs: number): void {
    const phase = this.record.phase === 'PAUSED' ? this.record.pausedFrom! : this.record.phase;
    if (isTerminalPhase(this.record.phase)) throw new DomainError('CONFLICT', `Move ${this.id} is already ${this.record.phase}.`, { moveId: this.id, phase });
    if (!isBeforeSwitch(phase)) {
      throw new DomainError('CONFLICT', `Move ${this.id} is past its switch (${phase}): traffic is on ${this.record.targetNodeId}; the move completes and cannot be cancelled.`, {
        moveId: this.id,
        phase,
      });
    }
    if (this.record.rollback !== null) return;
    if (this.record.phase === 'PAUSED') {
      this.record.phase = phase;
      this.record.pausedFrom = null;
    }
    if (phase === 'PENDING') {
      this.become('CANCELLED', nowMs);
      return;
    }
    this.record.rollback = 'CANCELLED';
    this.persist(null);
    this.tick(nowMs);
  }

  /** Runs what the throttle and the per-tick bound allow. Returns true when the record changed. */
  tick(nowMs: number): boolean {
    const { phase } = this.record;
    if (phase === 'PENDING' || phase === 'PAUSED' || isTerminalPhase(phase)) return false;
    const before = JSON.stringify(this.record);
    this.refill(nowMs);
    this.batches = 0;
    try {
      if (this.record.rollback !== null) this.rollBack(nowMs);
      else this.advance(nowMs);
      this.setBlocked(null);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'CONFLICT' && error.code !== 'NOT_FOUND')) throw error;
      if (error.code === 'NOT_FOUND') this.nodeGone(error.message, nowMs);
      // A node went down or refused the write mid-step: wait for it; the step repeats (idempotent).
      else this.setBlocked(error.message);
    }
    return JSON.stringify(this.record) !== before;
  }

  progress(nowMs: number): MoveProgress {
    const r = this.record;
    const phase = r.phase === 'PAUSED' ? r.pausedFrom! : r.phase;
    // Past the copy nothing is left to copy: rows deleted on the source during the copy were never copied.
    const copyLeft = phase === 'PENDING' || phase === 'COPY' || r.rollback !== null;
    const rowsRemaining = copyLeft ? Math.max(0, r.rowsTotal - r.rowsCopied) : 0;
    const bytesRemaining = copyLeft ? Math.max(0, r.bytesTotal - r.bytesCopied) : 0;
    const walBehindBytes = this.walBehind();
    const finished = isTerminalPhase(r.phase);
    // The copy is 90 of 100, the catch-up, verification and switch 9, the clean-up the last 1.
    const copied = r.bytesTotal === 0 ? (copyLeft ? 0 : 1) : Math.min(1, (r.bytesTotal - bytesRemaining) / r.bytesTotal);
    const percentComplete = r.phase === 'COMPLETED' ? 100 : Math.floor(copied * 90) + (r.flipped ? 9 : 0);
    const waiting = r.phase === 'PAUSED' || r.phase === 'PENDING' || r.blockedReason !== null || finished;
    return {
      moveId: r.moveId,
      shardId: r.shardId,
      tables: [...r.tables],
      sourceNodeId: r.sourceNodeId,
      targetNodeId: r.targetNodeId,
      phase: r.phase,
      pausedFrom: r.pausedFrom,
      cancelling: r.rollback !== null && !finished,
      blockedReason: r.blockedReason,
      error: r.error,
      rowsTotal: r.rowsTotal,
      rowsCopied: r.rowsCopied,
      rowsRemaining,
      bytesTotal: r.bytesTotal,
      bytesCopied: r.bytesCopied,
      bytesRemaining,
      changesReplayed: r.changesReplayed,
      walBehindBytes,
      percentComplete,
      etaMs: waiting ? null : nowMs + Math.ceil(((bytesRemaining + walBehindBytes) / this.config().copyRateBytesPerSecond) * 1000),
      createdAtMs: r.createdAtMs,
      startedAtMs: r.startedAtMs,
      finishedAtMs: r.finishedAtMs,
      verification: r.verification === null ? null : r.verification.map((entry) => ({ ...entry })),
    };
  }

  /** Bytes the copy and catch-up still have to move at the configured rate (for a rebalance's ETA). */
  remainingBytes(): number {
    if (isTerminalPhase(this.record.phase) || this.record.flipped) return 0;
    if (this.record.phase === 'PENDING' || (this.record.phase === 'PAUSED' && this.record.pausedFrom === 'PENDING')) return this.record.bytesTotal;
    return Math.max(0, this.record.bytesTotal - this.record.bytesCopied) + this.walBehind();
  }

  // ------------------------------------------------------------------ the phases

  /**
   * Runs the current phase, and the next ones while they must not be interleaved: catch-up,
   * verify and switch follow each other in one tick (the verification needs the source's WAL all
   * read; a write between them would send it back). A copy's end and a switch end the tick, so
   * catch-up and clean-up start on a tick of their own and a crash can land in each phase.
   */
  private advance(nowMs: number): void {
    for (let guard = 0; guard < 4; guard += 1) {
      const phase = this.record.phase;
      if (phase === 'COPY') this.copy(nowMs);
      else if (phase === 'CATCH_UP') this.catchUp(nowMs);
      else if (phase === 'VERIFY') this.verify(nowMs);
      else if (phase === 'SWITCH') this.switchTraffic(nowMs);
      else if (phase === 'CLEANUP') this.cleanUp(nowMs);
      if (this.record.phase === phase || phase === 'COPY' || phase === 'SWITCH') return;
    }
  }

  private beginCopy(): void {
    const source = this.sourceStorage();
    this.record.copyStartLsn = source.positions().writeLsn;
    this.record.replayedLsn = this.record.copyStartLsn;
    this.record.copyTableIndex = 0;
    this.record.copyAfterKey = null;
    this.record.rowsCopied = 0;
    this.record.bytesCopied = 0;
    this.keySnapshots.clear();
    let rows = 0;
    let bytes = 0;
    for (const table of this.record.tables) {
      for (const stored of source.tableImage(table)) {
        rows += 1;
        bytes += rowBytes(stored.row);
      }
    }
    this.record.rowsTotal = rows;
    this.record.bytesTotal = bytes;
  }

  private copy(nowMs: number): void {
    this.available(this.record.sourceNodeId);
    this.available(this.record.targetNodeId);
    // Rows of these tables already on the target are orphans, since routing never pointed there
    // (a detached standby keeps what it replicated): removed before the first row is copied, or
    // the verification would count them.
    if (this.record.rowsCopied === 0 && this.record.copyTableIndex === 0 && this.record.copyAfterKey === null) {
      if (!this.deleteTables(this.record.targetNodeId).done) return;
    }
    const source = this.port.storageOf(this.record.sourceNodeId);
    const { copyBatchRows } = this.config();
    while (this.canRunBatch()) {
      const table = this.record.tables[this.record.copyTableIndex];
      if (table === undefined) {
        this.become('CATCH_UP', nowMs);
        return;
      }
      const keys = this.keysOf(source, table);
      let index = indexAfter(keys, this.record.copyAfterKey);
      const writes: RowWrite[] = [];
      let bytes = 0;
      while (index < keys.length && writes.length < copyBatchRows && this.record.budgetBytes - bytes > 0) {
        const key = keys[index]!;
        const stored = source.getRow(table, key);
        // A row deleted since the snapshot is the catch-up's to delete.
        if (stored !== undefined) {
          writes.push({ op: 'put', table, key, row: stored.row });
          bytes += rowBytes(stored.row);
        }
        index += 1;
      }
      if (writes.length > 0) this.port.commitOn(this.record.targetNodeId, writes);
      this.batches += 1;
      this.record.budgetBytes -= bytes;
      this.record.rowsCopied += writes.length;
      this.record.bytesCopied += bytes;
      if (index >= keys.length) {
        this.record.copyTableIndex += 1;
        this.record.copyAfterKey = null;
      } else {
        this.record.copyAfterKey = keys[index - 1] ?? this.record.copyAfterKey;
      }
      this.persist(null);
    }
  }

  private catchUp(nowMs: number): void {
    while (this.canRunBatch()) {
      const caughtUp = this.replayBatch(false);
      if (caughtUp === 'GONE') {
        this.restartCopy(nowMs);
        return;
      }
      if (caughtUp) {
        this.become('VERIFY', nowMs);
        return;
      }
    }
  }

  /** Compares both sides at a point where catch-up has read all of the source's WAL (nothing interleaves within a tick). */
  private verify(nowMs: number): void {
    this.available(this.record.sourceNodeId);
    this.available(this.record.targetNodeId);
    const source = this.port.storageOf(this.record.sourceNodeId);
    if (source.positions().writeLsn > this.record.replayedLsn!) {
      // Written to since the catch-up (a pause or a restart in between): catch up again first.
      this.become('CATCH_UP', nowMs);
      return;
    }
    const verification = verifyTables(source, this.port.storageOf(this.record.targetNodeId), this.record.tables);
    this.record.verification = verification;
    if (verification.every((entry) => entry.match)) {
      this.become('SWITCH', nowMs);
      return;
    }
    this.fail(`Verification found differences in ${verification.filter((entry) => !entry.match).map((entry) => entry.table).join(', ')}.`);
  }

  /** Vitess's SwitchTraffic: READ_ONLY, the tail replayed and verified, the placement flipped, ACTIVE. One step: nothing interleaves. */
  private switchTraffic(nowMs: number): void {
    const { shardId, sourceNodeId, targetNodeId } = this.record;
    if (!this.record.flipped && this.port.primaryOf(shardId) === sourceNodeId) {
      this.available(sourceNodeId);
      this.available(targetNodeId);
      if (this.port.statusOf(shardId) === 'REBALANCING') this.port.setStatus(shardId, 'READ_ONLY');
      let read: boolean | 'GONE';
      do read = this.replayBatch(true);
      while (read === false);
      if (read === 'GONE') {
        this.port.setStatus(shardId, 'ACTIVE');
        this.failBeforeFlip('At the switch, the source WAL since the last catch-up was removed.', nowMs);
        return;
      }
      const verification = verifyTables(this.port.storageOf(sourceNodeId), this.port.storageOf(targetNodeId), this.record.tables);
      this.record.verification = verification;
      if (!verification.every((entry) => entry.match)) {
        this.port.setStatus(shardId, 'ACTIVE');
        this.failBeforeFlip(`At the switch, verification found differences in ${verification.filter((entry) => !entry.match).map((entry) => entry.table).join(', ')}.`, nowMs);
        return;
      }
      this.port.flipPrimary(shardId, sourceNodeId, targetNodeId);
    }
    this.record.flipped = true;
    const status = this.port.statusOf(shardId);
    if (status === 'READ_ONLY' || status === 'REBALANCING') this.port.setStatus(shardId, 'ACTIVE');
    this.become('CLEANUP', nowMs);
  }

  /** Vitess's Complete (Citus drops the old placement): the source's tables deleted in batches. */
  private cleanUp(nowMs: number): void {
    const removed = this.deleteTables(this.record.sourceNodeId);
    this.record.rowsCleanedUp += removed.rows;
    if (removed.done) this.become('COMPLETED', nowMs);
  }

  /** Cancel or failure before the switch: the target's partial copy removed, the shard ACTIVE again, routing as it was. */
  private rollBack(nowMs: number): void {
    const removed = this.deleteTables(this.record.targetNodeId);
    if (!removed.done) return;
    const status = this.port.statusOf(this.record.shardId);
    if (status === 'REBALANCING' || status === 'READ_ONLY') this.port.setStatus(this.record.shardId, 'ACTIVE');
    this.become(this.record.rollback!, nowMs);
  }

  // ------------------------------------------------------------------ steps

  /**
   * Reads one batch of the source's WAL from replayedLsn and applies its changes to the moved
   * tables on the target (the last change of each row wins; a delete only of a row present).
   * Throttled unless `unthrottled`. Returns true when nothing is left to read, GONE when the WAL
   * from replayedLsn was removed.
   */
  private replayBatch(unthrottled: boolean): boolean | 'GONE' {
    this.available(this.record.sourceNodeId);
    this.available(this.record.targetNodeId);
    const source = this.port.storageOf(this.record.sourceNodeId);
    const target = this.port.storageOf(this.record.targetNodeId);
    const { copyBatchRows } = this.config();
    // Throttled, a batch reads no more WAL than the budget left (at least one record), so the
    // catch-up keeps the copy's rate instead of overdrawing it by a whole batch.
    const read = source.readWal(this.record.replayedLsn!, { maxRecords: copyBatchRows, ...(unthrottled ? {} : { maxBytes: Math.max(1, this.record.budgetBytes) }) });
    if (read.gone) return 'GONE';
    if (read.records.length === 0) return true;
    const tables = new Set(this.record.tables);
    const last = new Map<string, { table: string; key: string; row: WalRecord['change']['changes'][number] }>();
    let bytes = 0;
    for (const record of read.records) {
      let touched = false;
      for (const change of record.change.changes) {
        if (!tables.has(change.table)) continue;
        touched = true;
        last.set(`${change.table}\u0000${change.key}`, { table: change.table, key: change.key, row: change });
      }
      if (touched) bytes += record.endLsn - record.lsn;
    }
    const writes: RowWrite[] = [];
    for (const { table, key, row: change } of last.values()) {
      if (change.op === 'delete') {
        if (target.getRow(table, key) !== undefined) writes.push({ op: 'delete', table, key });
      } else {
        writes.push({ op: 'put', table, key, row: change.row });
      }
    }
    for (let start = 0; start < writes.length; start += copyBatchRows) this.port.commitOn(this.record.targetNodeId, writes.slice(start, start + copyBatchRows));
    this.batches += 1;
    if (!unthrottled) this.record.budgetBytes -= bytes;
    this.record.changesReplayed += writes.length;
    this.record.bytesReplayed += bytes;
    this.record.replayedLsn = read.records.at(-1)!.endLsn;
    this.persist(null);
    return false;
  }

  /** Deletes the moved tables' rows on a node in batches (bounded per tick). */
  private deleteTables(nodeId: string): { rows: number; done: boolean } {
    this.available(nodeId);
    const storage = this.port.storageOf(nodeId);
    const { copyBatchRows } = this.config();
    let rows = 0;
    for (const table of this.record.tables) {
      const keys = this.keysOf(storage, table, `${nodeId}\u0000`);
      let index = 0;
      while (index < keys.length) {
        if (!this.canRunBatch(true)) return { rows, done: false };
        const writes: RowWrite[] = [];
        for (; index < keys.length && writes.length < copyBatchRows; index += 1) {
          if (storage.getRow(table, keys[index]!) !== undefined) writes.push({ op: 'delete', table, key: keys[index]! });
        }
        if (writes.length > 0) this.port.commitOn(nodeId, writes);
        this.batches += 1;
        rows += writes.length;
        this.persist(null);
      }
      this.keySnapshots.delete(`${nodeId}\u0000${table}`);
      // Rows written after the snapshot (none should be: routing is elsewhere) are found on the next pass.
      if (storage.tableImage(table).length > 0) return { rows, done: false };
    }
    return { rows, done: true };
  }

  private restartCopy(nowMs: number): void {
    // The WAL since the copy began was removed: what the target holds may miss deletes. Start over.
    this.record.copyRestarts += 1;
    const removed = this.deleteTables(this.record.targetNodeId);
    if (!removed.done) return;
    this.beginCopy();
    this.become('COPY', nowMs);
  }

  /**
   * The source or the target left the cluster (node storage no longer knows it). Past the switch
   * the rows are on the target: the clean-up has nothing left to delete. Before it, the move
   * fails with routing unchanged; the partial copy went with the target, or stays on a removed
   * source's target until an operator drops it.
   */
  private nodeGone(reason: string, nowMs: number): void {
    this.record.error = `A node of the move left the cluster: ${reason}`;
    if (this.record.phase === 'CLEANUP') {
      this.become('COMPLETED', nowMs);
      return;
    }
    const status = this.port.statusOf(this.record.shardId);
    if (!this.record.flipped && (status === 'REBALANCING' || status === 'READ_ONLY')) this.port.setStatus(this.record.shardId, 'ACTIVE');
    this.become('FAILED', nowMs);
  }

  private fail(reason: string): void {
    this.record.error = reason;
    this.record.rollback = 'FAILED';
    this.persist(null);
  }

  private failBeforeFlip(reason: string, nowMs: number): void {
    this.fail(reason);
    this.rollBack(nowMs);
  }

  // ------------------------------------------------------------------ helpers

  private keysOf(storage: NodeStorage, table: string, prefix = ''): string[] {
    const id = `${prefix}${table}`;
    let keys = this.keySnapshots.get(id);
    if (keys === undefined) {
      keys = storage.tableImage(table).map((stored) => stored.key);
      this.keySnapshots.set(id, keys);
    }
    return keys;
  }

  private canRunBatch(ignoreBudget = false): boolean {
    return this.batches < this.config().maxBatchesPerTick && (ignoreBudget || this.record.budgetBytes > 0);
  }

  private refill(nowMs: number): void {
    const rate = this.config().copyRateBytesPerSecond;
    const since = this.record.lastTickMs ?? nowMs;
    this.record.budgetBytes = Math.min(rate, this.record.budgetBytes + (Math.max(0, nowMs - since) * rate) / 1000);
    this.record.lastTickMs = nowMs;
  }

  private available(nodeId: string): void {
    const problem = this.port.whyUnavailable(nodeId);
    if (problem !== null) throw new DomainError('CONFLICT', `Waiting for ${nodeId}: ${problem}.`, { nodeId });
  }

  private sourceStorage(): NodeStorage {
    this.available(this.record.sourceNodeId);
    return this.port.storageOf(this.record.sourceNodeId);
  }

  private walBehind(): number {
    const r = this.record;
    if (r.replayedLsn === null || r.flipped || isTerminalPhase(r.phase) || r.rollback !== null) return 0;
    return Math.max(0, this.port.storageOf(r.sourceNodeId).positions().writeLsn - r.replayedLsn);
  }

  private setBlocked(reason: string | null): void {
    if (this.record.blockedReason === reason) return;
    this.record.blockedReason = reason;
    this.persist(null);
  }

  private become(to: MovePhase, nowMs: number): void {
    const from = this.record.phase;
    this.record.phase = becomePhase(this.id, from, to);
    this.record.phaseChangedAtMs = nowMs;
    if (isTerminalPhase(to)) this.record.finishedAtMs = nowMs;
    if (to === 'CANCELLED' || to === 'FAILED' || to === 'COMPLETED') this.record.budgetBytes = 0;
    this.persist(from);
  }

  private persist(previousPhase: MovePhase | null): void {
    this.listener(this.record, previousPhase);
  }
}
