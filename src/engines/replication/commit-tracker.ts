/**
 * Commits waiting for standbys, in LSN order, with the counters operators read. A commit
 * settles ACKNOWLEDGED when its mode's rule is met, or TIMED_OUT at its deadline: committed
 * on the primary, not confirmed replicated.
 */
import type { Lsn } from './lsn.js';
import type { ReplicationMode } from './replication-config.js';

export type CommitStatus = 'WAITING' | 'ACKNOWLEDGED' | 'TIMED_OUT';

/** The outcome of a commit, once settled. */
export interface CommitOutcome {
  commitId: number;
  status: Exclude<CommitStatus, 'WAITING'>;
  lsn: Lsn;
  endLsn: Lsn;
  mode: ReplicationMode;
  startedAtMs: number;
  settledAtMs: number;
  /** Why it timed out (no standby confirmed in time, or a failover ended the wait). */
  reason: string | null;
}

/** A commit's handle: its status now, and a promise settled on the cluster clock. */
export class CommitHandle {
  status: CommitStatus = 'WAITING';
  settledAtMs: number | null = null;
  reason: string | null = null;
  readonly settled: Promise<CommitOutcome>;
  private resolve!: (outcome: CommitOutcome) => void;

  constructor(
    readonly commitId: number,
    readonly lsn: Lsn,
    readonly endLsn: Lsn,
    readonly mode: ReplicationMode,
    readonly startedAtMs: number,
    readonly deadlineMs: number,
  ) {
    this.settled = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  /** @throws Error when already settled (a programmer error). */
  settle(status: Exclude<CommitStatus, 'WAITING'>, atMs: number, reason: string | null = null): void {
    if (this.status !== 'WAITING') throw new Error(`commit ${this.commitId} already ${this.status}`);
    this.status = status;
    this.settledAtMs = atMs;
    this.reason = reason;
    this.resolve(this.outcome());
  }

  outcome(): CommitOutcome {
    if (this.status === 'WAITING' || this.settledAtMs === null) throw new Error(`commit ${this.commitId} has not settled`);
    return { commitId: this.commitId, status: this.status, lsn: this.lsn, endLsn: this.endLsn, mode: this.mode, startedAtMs: this.startedAtMs, settledAtMs: this.settledAtMs, reason: this.reason };
  }
}

export interface CommitCounters {
  total: number;
  acknowledged: number;
  waiting: number;
  timedOut: number;
}

/** How long acknowledged commits waited for their standbys, over the most recent ones. */
export interface CommitWaitStats {
  /** Acknowledged commits measured (an asynchronous one waits 0 ms). */
  count: number;
  averageMs: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

/** Waits kept for the statistics: the most recent ones. */
const WAITS_KEPT = 1000;

/** Most commits that may wait at once; beyond it a commit is refused (the primary is overloaded). */
export const MAX_WAITING_COMMITS = 100_000;

export class CommitTracker {
  private queue: CommitHandle[] = [];
  private head = 0;
  readonly counters: CommitCounters;
  /** Recent waits of acknowledged commits, a ring of {@link WAITS_KEPT}. */
  private readonly waits: number[] = [];
  private nextWait = 0;

  constructor(counters?: CommitCounters) {
    this.counters = counters === undefined ? { total: 0, acknowledged: 0, waiting: 0, timedOut: 0 } : { ...counters, waiting: 0 };
  }

  /** Counts a commit; an asynchronous one settles at once. */
  add(handle: CommitHandle, nowMs: number): void {
    this.counters.total += 1;
    if (handle.mode === 'ASYNCHRONOUS') {
      handle.settle('ACKNOWLEDGED', nowMs);
      this.counters.acknowledged += 1;
      this.recordWait(0);
      return;
    }
    this.queue.push(handle);
    this.counters.waiting += 1;
  }

  waitingCount(): number {
    return this.queue.length - this.head;
  }

  /** The oldest waiting commit. */
  oldest(): CommitHandle | undefined {
    return this.queue[this.head];
  }

  /** Acknowledges waiting commits from the oldest while `confirmed` says so; returns them. */
  acknowledge(confirmed: (handle: CommitHandle) => boolean, nowMs: number): CommitHandle[] {
    const done: CommitHandle[] = [];
    for (let handle = this.oldest(); handle !== undefined && confirmed(handle); handle = this.oldest()) {
      handle.settle('ACKNOWLEDGED', nowMs);
      this.take();
      this.counters.acknowledged += 1;
      this.recordWait(nowMs - handle.startedAtMs);
      done.push(handle);
    }
    return done;
  }

  /** Times out waiting commits whose deadline passed (or all of them, for a failover). */
  timeOut(nowMs: number, reason: string, all = false): CommitHandle[] {
    const done: CommitHandle[] = [];
    for (let handle = this.oldest(); handle !== undefined && (all || handle.deadlineMs <= nowMs); handle = this.oldest()) {
      handle.settle('TIMED_OUT', nowMs, reason);
      this.take();
      this.counters.timedOut += 1;
      done.push(handle);
    }
    return done;
  }

  waitStats(): CommitWaitStats {
    if (this.waits.length === 0) return { count: 0, averageMs: null, p95Ms: null, maxMs: null };
    const sorted = [...this.waits].sort((a, b) => a - b);
    return {
      count: sorted.length,
      averageMs: sorted.reduce((sum, wait) => sum + wait, 0) / sorted.length,
      p95Ms: sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] as number,
      maxMs: sorted[sorted.length - 1] as number,
    };
  }

  private recordWait(waitMs: number): void {
    this.waits[this.nextWait] = waitMs;
    this.nextWait = (this.nextWait + 1) % WAITS_KEPT;
  }

  private take(): void {
    this.head += 1;
    this.counters.waiting -= 1;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
