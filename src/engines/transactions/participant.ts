/**
 * One node's participant: the tentative work of distributed transactions and XA branches on it
 * (writes held in memory with their row locks, waits for locks in FIFO queues with a timeout on
 * the cluster clock), and the two-phase records it writes through the replication engine:
 * PREPARE, COMMIT PREPARED, ROLLBACK PREPARED, or an ordinary commit for a one-phase commit.
 * Memory only: a crash loses it all (prepared transactions live on in the node's storage).
 * Both two-phase commit and XA drive this one owner of the work.
 */
import type { NodeStorage, PrepareMetadata } from '../replication/node-storage.js';
import type { RowWrite, WalRecord } from '../replication/wal-record.js';
import type { TimerId, VirtualClock } from '../runtime/index.js';
import { DomainError } from '../runtime/domain-error.js';

/** What the participant writes through: the replication cluster satisfies it. */
export interface ParticipantStorage {
  storageOf(nodeId: string): NodeStorage;
  whyNotWritable(nodeId: string): string | null;
  commitOn(nodeId: string, writes: readonly RowWrite[], owner?: string): WalRecord;
  prepareOn(nodeId: string, gid: string, writes: readonly RowWrite[], metadata: PrepareMetadata): WalRecord;
  finishPreparedOn(nodeId: string, gid: string, outcome: 'COMMIT' | 'ROLLBACK', heuristic?: boolean): WalRecord;
}

export interface ParticipantHost {
  clock: VirtualClock;
  storage: ParticipantStorage;
  maxPreparedTransactions(): number;
  maxLockWaitersPerRow(): number;
  /** A protocol step on this node (a log write); false when the node went down at it, so it must not happen. */
  step(nodeId: string, what: string, gid: string): boolean;
  lockWaitStarted(): void;
  lockWaitEnded(waitedMs: number, timedOut: boolean): void;
  /** Tentative work of `gid` was dropped here (and its locks released), for whatever reason. */
  workDropped(nodeId: string, gid: string, reason: string): void;
}

/** How executing tentative work ended. */
export type ExecuteResult = { ok: true } | { ok: false; reason: string };

/** A row a write waits for. */
export interface LockWait {
  table: string;
  key: string;
  /** The gid holding the row (`dtx-N`, or `xa:…` for an XA branch). */
  heldBy: string;
  sinceMs: number;
  /** When the wait gives up: `sinceMs` plus the lock timeout the work was started with. */
  timeoutAtMs: number;
}

interface TentativeWork {
  readonly gid: string;
  readonly writes: readonly RowWrite[];
  /** Index of the next write whose row must be locked. */
  next: number;
  readonly lockTimeoutMs: number;
  status: 'LOCKING' | 'READY';
  waiting: (LockWait & { timer: TimerId }) | null;
  deadlineTimer: TimerId | null;
  onDone: ((result: ExecuteResult) => void) | null;
}

/** What a participant holds for a gid, for views. */
export interface WorkView {
  writes: number;
  ready: boolean;
  waiting: LockWait | null;
}

/** Gids this participant dropped unprepared (voted NO, aborted on its own) and will not do again: the newest ones. */
const TOMBSTONES_KEPT = 1000;

export class Participant {
  private readonly work = new Map<string, TentativeWork>();
  /** Row id → gids waiting for that row, first come first served. */
  private readonly queues = new Map<string, string[]>();
  private readonly tombstones = new Set<string>();

  constructor(
    readonly nodeId: string,
    private readonly host: ParticipantHost,
  ) {}

  private get storage(): NodeStorage {
    return this.host.storage.storageOf(this.nodeId);
  }

  // ---------------------------------------------------------------- tentative work

  /**
   * Starts the tentative writes of `gid`: each row is locked in order, waiting up to
   * `lockTimeoutMs` behind another transaction's lock. `onDone` hears once, when every row is
   * locked or the work failed (and was dropped).
   */
  execute(gid: string, writes: readonly RowWrite[], options: { lockTimeoutMs: number; deadlineMs: number | null }, onDone: (result: ExecuteResult) => void): void {
    if (this.work.has(gid)) return;
    if (this.storage.preparedTransaction(gid) !== undefined) {
      onDone({ ok: true });
      return;
    }
    const problem = this.host.storage.whyNotWritable(this.nodeId);
    if (problem !== null) {
      onDone({ ok: false, reason: problem });
      return;
    }
    try {
      if (writes.length > 0) this.storage.planWrites(writes);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.remember(gid);
      onDone({ ok: false, reason: error.message });
      return;
    }
    const work: TentativeWork = { gid, writes, next: 0, lockTimeoutMs: options.lockTimeoutMs, status: 'LOCKING', waiting: null, deadlineTimer: null, onDone };
    this.work.set(gid, work);
    if (options.deadlineMs !== null) {
      work.deadlineTimer = this.host.clock.schedule(Math.max(options.deadlineMs, this.host.clock.now()), () => {
        work.deadlineTimer = null;
        this.discard(gid, `the deadline of ${gid} passed before PREPARE`);
      });
    }
    this.lockNext(work);
  }

  hasWork(gid: string): boolean {
    return this.work.has(gid);
  }

  workOf(gid: string): WorkView | null {
    const work = this.work.get(gid);
    if (work === undefined) return null;
    const waiting =
      work.waiting === null
        ? null
        : { table: work.waiting.table, key: work.waiting.key, heldBy: work.waiting.heldBy, sinceMs: work.waiting.sinceMs, timeoutAtMs: work.waiting.timeoutAtMs };
    return { writes: work.writes.length, ready: work.status === 'READY', waiting };
  }

  /** Gids with tentative work here. */
  workGids(): string[] {
    return [...this.work.keys()];
  }

  /** Whether this participant dropped `gid` unprepared (so it will vote NO). */
  dropped(gid: string): boolean {
    return this.tombstones.has(gid);
  }

  /**
   * Drops the tentative work of `gid` (an abort, a timeout, a failure): its locks are released and
   * the next waiters get them. The gid is remembered, so it is never done again here.
   * @returns whether there was work to drop.
   */
  discard(gid: string, reason: string): boolean {
    const work = this.work.get(gid);
    this.remember(gid);
    if (work === undefined) return false;
    this.forget(work);
    this.storage.releaseLocks(gid);
    const onDone = work.onDone;
    work.onDone = null;
    onDone?.({ ok: false, reason });
    this.host.workDropped(this.nodeId, gid, reason);
    this.grantWaiters();
    return true;
  }

  // ---------------------------------------------------------------- two-phase records

  /**
   * PREPARE TRANSACTION for `gid`'s work: YES once the record is flushed, NO (the work dropped)
   * when there is no ready work, the node holds max_prepared_transactions already, it cannot
   * write, or the storage refuses the writes. Null when the node went down at the log write.
   */
  prepare(gid: string, metadata: PrepareMetadata): { vote: 'YES'; record: WalRecord | null } | { vote: 'NO'; reason: string } | null {
    if (this.storage.preparedTransaction(gid)?.status === 'PREPARED') return { vote: 'YES', record: null };
    const work = this.work.get(gid);
    if (work === undefined) {
      this.remember(gid);
      return { vote: 'NO', reason: `${this.nodeId} has no work for ${gid}: it was dropped, lost in a crash or never received` };
    }
    if (work.status !== 'READY') return this.refuse(gid, `${this.nodeId} is still waiting for a lock for ${gid}`);
    const limit = this.host.maxPreparedTransactions();
    if (this.storage.twoPhaseCount() >= limit) return this.refuse(gid, `max_prepared_transactions (${limit}) reached on ${this.nodeId}`);
    const problem = this.host.storage.whyNotWritable(this.nodeId);
    if (problem !== null) return this.refuse(gid, problem);
    if (!this.host.step(this.nodeId, 'PREPARE', gid)) return null;
    try {
      const record = this.host.storage.prepareOn(this.nodeId, gid, work.writes, metadata);
      this.forget(work);
      return { vote: 'YES', record };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.refuse(gid, error.message);
    }
  }

  /**
   * Commits `gid`'s ready work in one phase (an ordinary commit record, no PREPARE); a
   * transaction without writes commits without a record. Null when the node went down at the log write.
   */
  commitOnePhase(gid: string): { committed: true; record: WalRecord | null } | { committed: false; reason: string } | null {
    const work = this.work.get(gid);
    if (work === undefined) return { committed: false, reason: `${this.nodeId} has no work for ${gid}: it was dropped or lost in a crash` };
    if (work.status !== 'READY') return { committed: false, reason: `${this.nodeId} is still waiting for a lock for ${gid}` };
    const problem = this.host.storage.whyNotWritable(this.nodeId);
    if (problem !== null) {
      this.discard(gid, problem);
      return { committed: false, reason: problem };
    }
    if (!this.host.step(this.nodeId, 'COMMIT', gid)) return null;
    try {
      const record = work.writes.length === 0 ? null : this.host.storage.commitOn(this.nodeId, work.writes, gid);
      this.forget(work);
      this.storage.releaseLocks(gid);
      this.grantWaiters();
      return { committed: true, record };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.discard(gid, error.message);
      return { committed: false, reason: error.message };
    }
  }

  /**
   * COMMIT PREPARED or ROLLBACK PREPARED (`heuristic` when an operator decides): `applied`;
   * `absent` when nothing is prepared under `gid` (already finished, or never prepared); the
   * heuristic outcome an operator took before; `refused` when the node cannot write; null when
   * the node went down at the log write.
   */
  finishPrepared(gid: string, outcome: 'COMMIT' | 'ROLLBACK', heuristic = false): 'applied' | 'absent' | 'refused' | 'HEURISTIC_COMMIT' | 'HEURISTIC_ROLLBACK' | null {
    const entry = this.storage.preparedTransaction(gid);
    if (entry === undefined) return 'absent';
    if (entry.status !== 'PREPARED') return entry.status;
    if (this.host.storage.whyNotWritable(this.nodeId) !== null) return 'refused';
    if (!this.host.step(this.nodeId, outcome === 'COMMIT' ? 'COMMIT PREPARED' : 'ROLLBACK PREPARED', gid)) return null;
    this.host.storage.finishPreparedOn(this.nodeId, gid, outcome, heuristic);
    this.grantWaiters();
    return 'applied';
  }

  /** A crash: all tentative work, waits and memory are gone (storage released their locks). */
  crash(): void {
    for (const work of this.work.values()) this.cancelTimers(work);
    this.work.clear();
    this.queues.clear();
    this.tombstones.clear();
  }

  // ---------------------------------------------------------------- locks

  private lockNext(work: TentativeWork): void {
    const storage = this.storage;
    while (work.next < work.writes.length) {
      const { table, key } = work.writes[work.next] as RowWrite;
      const id = rowId(table, key);
      const queue = this.queues.get(id);
      const holder = storage.lockOwner(table, key);
      if ((holder === undefined || holder === work.gid) && (queue === undefined || queue.length === 0) && storage.tryLockRow(table, key, work.gid)) {
        work.next += 1;
        continue;
      }
      const heldBy = holder ?? (queue?.[0] as string);
      if (work.lockTimeoutMs === 0) {
        this.discard(work.gid, `row ${table}/${key} on ${this.nodeId} is locked by ${heldBy} (NOWAIT)`);
        return;
      }
      const waiters = queue ?? [];
      if (waiters.length >= this.host.maxLockWaitersPerRow()) {
        this.discard(work.gid, `row ${table}/${key} on ${this.nodeId} has ${waiters.length} waiters already (maxLockWaitersPerRow)`);
        return;
      }
      waiters.push(work.gid);
      this.queues.set(id, waiters);
      const sinceMs = this.host.clock.now();
      this.host.lockWaitStarted();
      work.waiting = {
        table,
        key,
        heldBy,
        sinceMs,
        timeoutAtMs: sinceMs + work.lockTimeoutMs,
        timer: this.host.clock.after(work.lockTimeoutMs, () => {
          this.host.lockWaitEnded(this.host.clock.now() - sinceMs, true);
          this.discard(work.gid, `lock timeout after ${work.lockTimeoutMs} ms on ${table}/${key} on ${this.nodeId}, held by ${heldBy}`);
        }),
      };
      return;
    }
    work.status = 'READY';
    const onDone = work.onDone;
    work.onDone = null;
    onDone?.({ ok: true });
  }

  /** Hands freed rows to their first waiters, until nothing more can move. */
  private grantWaiters(): void {
    const storage = this.storage;
    let moved = true;
    while (moved) {
      moved = false;
      for (const [id, queue] of [...this.queues]) {
        const first = queue[0];
        if (first === undefined) {
          this.queues.delete(id);
          continue;
        }
        const work = this.work.get(first);
        if (work === undefined || work.waiting === null || rowId(work.waiting.table, work.waiting.key) !== id) {
          queue.shift();
          moved = true;
          continue;
        }
        if (storage.lockOwner(work.waiting.table, work.waiting.key) !== undefined) continue;
        queue.shift();
        if (queue.length === 0) this.queues.delete(id);
        const { table, key, sinceMs, timer } = work.waiting;
        this.host.clock.cancel(timer);
        this.host.lockWaitEnded(this.host.clock.now() - sinceMs, false);
        work.waiting = null;
        storage.tryLockRow(table, key, work.gid);
        work.next += 1;
        this.lockNext(work);
        moved = true;
      }
    }
  }

  private refuse(gid: string, reason: string): { vote: 'NO'; reason: string } {
    this.discard(gid, reason);
    return { vote: 'NO', reason };
  }

  /** Removes work from memory (prepared, committed or dropped), leaving its locks to the caller. */
  private forget(work: TentativeWork): void {
    this.cancelTimers(work);
    this.work.delete(work.gid);
    if (work.waiting !== null) {
      const queue = this.queues.get(rowId(work.waiting.table, work.waiting.key));
      const index = queue?.indexOf(work.gid) ?? -1;
      if (queue !== undefined && index >= 0) queue.splice(index, 1);
      work.waiting = null;
    }
  }

  private cancelTimers(work: TentativeWork): void {
    if (work.deadlineTimer !== null) this.host.clock.cancel(work.deadlineTimer);
    // Cancelling a timer that already fired does nothing.
    if (work.waiting !== null) this.host.clock.cancel(work.waiting.timer);
    work.deadlineTimer = null;
  }

  private remember(gid: string): void {
    this.tombstones.delete(gid);
    this.tombstones.add(gid);
    if (this.tombstones.size > TOMBSTONES_KEPT) this.tombstones.delete(this.tombstones.values().next().value as string);
  }
}

function rowId(table: string, key: string): string {
  return `${table}\u0000${key}`;
}
