/**
 * One subscription's applier: GoldenGate's parallel Replicat for one target. Transactions arrive
 * in commit order, wait for the ones they depend on, are grouped into batches that
 * `applyParallelism` workers apply concurrently on the cluster clock, are retried or handled by
 * the permanent-error policy, and move the checkpoint's low watermark. See README.md.
 */
import type { TimerId, VirtualClock } from '../runtime/clock.js';
import { assert, DomainError } from '../runtime/domain-error.js';
import type { Lsn } from '../replication/lsn.js';
import type { ApplyConfig, ApplyConfigPatch } from './apply-config.js';
import { ApplyPosition, type ApplyPositionState } from './apply-position.js';
import type {
  ApplierState,
  ApplyOutcome,
  ApplyTarget,
  ApplyTransactionStatus,
  CheckpointRecord,
  CheckpointTrigger,
  DecodedTransaction,
  DiscardedTransaction,
} from './apply-types.js';
import { DependencyTracker } from './dependency-tracker.js';
import { ReadyQueue } from './ready-queue.js';

/** Counters kept across restarts. */
export interface ApplierCounters {
  transactionsApplied: number;
  changesApplied: number;
  batchesApplied: number;
  /** Transactions taken by those batches (retried ones count each time). */
  batchTransactions: number;
  retries: number;
  transactionsSkipped: number;
  transactionsDiscarded: number;
  transactionsFailed: number;
  duplicatesIgnored: number;
  /** Transactions that had to wait for an earlier one on the same row or table. */
  dependencyWaits: number;
  /** Worker time spent on finished batches. */
  workerBusyMs: number;
  /** Time at least one worker was busy, over finished stretches. */
  activeMs: number;
  firstAppliedAtMs: number | null;
  lastAppliedAtMs: number | null;
}

/** The last error an applier met. */
export interface ApplierError {
  commitLsn: Lsn;
  xid: number;
  reason: string;
  permanent: boolean;
  atMs: number;
}

/** What the store keeps of an applier (`apply.applier/<subscriptionId>`). */
export interface ApplierRecord {
  subscriptionId: string;
  targetNodeId: string;
  state: ApplierState;
  position: ApplyPositionState;
  overrides: ApplyConfigPatch;
  counters: ApplierCounters;
  lastError: ApplierError | null;
  checkpoints: CheckpointRecord[];
  discards: DiscardedTransaction[];
  createdAtMs: number;
}

/** One transaction as the API shows it. */
export interface ApplyTransactionView {
  subscriptionId: string;
  xid: number;
  commitLsn: Lsn;
  endLsn: Lsn;
  commitTimeMs: number;
  origin: string;
  changeCount: number;
  bytes: number;
  status: ApplyTransactionStatus;
  attempts: number;
  /** Unfinished transactions it still waits for. */
  waitingOn: number;
  enqueuedAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  reason: string | null;
}

export interface ApplierStatusView {
  subscriptionId: string;
  targetNodeId: string;
  state: ApplierState;
  applyParallelism: number;
  busyWorkers: number;
  queuedTransactions: number;
  readyTransactions: number;
  applyingTransactions: number;
  retryingTransactions: number;
  checkpointLsn: Lsn;
  appliedAboveCheckpoint: number;
  lastReceivedEndLsn: Lsn | null;
  lagMs: number;
  lagBytes: number;
  lagTransactions: number;
  lastAppliedAtMs: number | null;
  lastError: ApplierError | null;
  createdAtMs: number;
}

export interface ApplierDeps {
  clock: VirtualClock;
  /** The applier's effective configuration now (the engine's, with its overrides). */
  config: () => ApplyConfig;
  /** Called after every change the store must keep. */
  persist: (applier: Applier) => void;
}

/** What {@link Applier.enqueue} did. */
export interface EnqueueResult {
  accepted: number;
  /** Already applied, or already queued: not applied again. */
  ignored: number;
}

interface Entry {
  readonly tx: DecodedTransaction;
  readonly commitLsn: Lsn;
  readonly bytes: number;
  status: ApplyTransactionStatus;
  waitingOn: number;
  readonly dependents: Entry[];
  attempts: number;
  readonly enqueuedAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  reason: string | null;
  retryTimer: TimerId | null;
}

interface RunningBatch {
  readonly entries: readonly Entry[];
  readonly startedAtMs: number;
  readonly timer: TimerId;
}

const LEGAL: Readonly<Record<ApplierState, readonly ApplierState[]>> = {
  RUNNING: ['STOPPED', 'ABENDED'],
  STOPPED: ['RUNNING'],
  ABENDED: ['RUNNING', 'STOPPED'],
};

export const EMPTY_COUNTERS: Readonly<ApplierCounters> = Object.freeze({
  transactionsApplied: 0,
  changesApplied: 0,
  batchesApplied: 0,
  batchTransactions: 0,
  retries: 0,
  transactionsSkipped: 0,
  transactionsDiscarded: 0,
  transactionsFailed: 0,
  duplicatesIgnored: 0,
  dependencyWaits: 0,
  workerBusyMs: 0,
  activeMs: 0,
  firstAppliedAtMs: null,
  lastAppliedAtMs: null,
});

export class Applier {
  private target: ApplyTarget;
  private currentState: ApplierState;
  private readonly position: ApplyPosition;
  private readonly tracker = new DependencyTracker();
  /** Unfinished transactions, in commit order (a Map keeps insertion order). */
  private readonly outstanding = new Map<Lsn, Entry>();
  private readonly ready = new ReadyQueue<Entry>();
  private readonly running = new Set<RunningBatch>();
  private readonly history: Entry[] = [];
  private readonly counters: ApplierCounters;
  private lastError: ApplierError | null;
  private readonly checkpointHistory: CheckpointRecord[];
  private readonly discardList: DiscardedTransaction[];
  private readonly listeners = new Set<(checkpointLsn: Lsn) => void>();
  private lastAcceptedLsn = -1;
  private lastReceivedEndLsn: Lsn | null = null;
  private activeSinceMs: number | null = null;
  readonly createdAtMs: number;
  private closed = false;

  constructor(
    readonly subscriptionId: string,
    target: ApplyTarget,
    readonly overrides: ApplyConfigPatch,
    private readonly deps: ApplierDeps,
    restored: ApplierRecord,
  ) {
    this.target = target;
    this.currentState = restored.state;
    this.position = new ApplyPosition(restored.position);
    this.counters = { ...restored.counters };
    this.lastError = restored.lastError;
    this.checkpointHistory = [...restored.checkpoints];
    this.discardList = [...restored.discards];
    this.createdAtMs = restored.createdAtMs;
  }

  /** A fresh applier's record: RUNNING, its checkpoint at `startLsn`. */
  static initialRecord(subscriptionId: string, targetNodeId: string, startLsn: Lsn, overrides: ApplyConfigPatch, nowMs: number): ApplierRecord {
    return {
      subscriptionId,
      targetNodeId,
      state: 'RUNNING',
      position: { checkpointLsn: startLsn, finishedAbove: [] },
      overrides,
      counters: { ...EMPTY_COUNTERS },
      lastError: null,
      checkpoints: [],
      discards: [],
      createdAtMs: nowMs,
    };
  }

  // ---------------------------------------------------------------- feeding

  /** Points the applier at a target again (after a restart, the feeder rebuilds its target). */
  rebind(target: ApplyTarget): void {
    this.target = target;
  }

  targetNodeId(): string {
    return this.target.nodeId;
  }

  /**
   * Takes transactions in commit order. Those already applied (below the checkpoint or finished
   * above it) or already queued are ignored and counted; nothing is applied twice.
   * @throws DomainError UNPROCESSABLE for a transaction older than one already accepted (out of
   *   commit order), CONFLICT when the queue has no room for them; nothing is taken then.
   */
  enqueue(transactions: readonly DecodedTransaction[]): EnqueueResult {
    this.assertOpen();
    const fresh: DecodedTransaction[] = [];
    let lastLsn = this.lastAcceptedLsn;
    for (const tx of transactions) {
      if (this.position.isFinished(tx.commitLsn) || this.outstanding.has(tx.commitLsn)) continue;
      if (tx.commitLsn <= lastLsn) {
        throw new DomainError('UNPROCESSABLE', `Transaction at ${tx.commitLsn} arrived after ${lastLsn}: transactions must arrive in commit order.`, {
          subscriptionId: this.subscriptionId,
          commitLsn: tx.commitLsn,
          lastAcceptedLsn: lastLsn,
        });
      }
      assert(tx.endLsn > tx.commitLsn, `transaction ${tx.commitLsn} ends at ${tx.endLsn}`);
      fresh.push(tx);
      lastLsn = tx.commitLsn;
    }
    if (fresh.length > this.queueRoom()) {
      throw new DomainError('CONFLICT', `The applier of ${this.subscriptionId} holds ${this.outstanding.size} unfinished transactions; ${fresh.length} more exceed maxQueuedTransactions (${this.config().maxQueuedTransactions}).`, {
        subscriptionId: this.subscriptionId,
        queued: this.outstanding.size,
      });
    }
    const nowMs = this.deps.clock.now();
    for (const tx of transactions) {
      this.position.received(tx.commitLsn);
      if (this.lastReceivedEndLsn === null || tx.endLsn > this.lastReceivedEndLsn) this.lastReceivedEndLsn = tx.endLsn;
    }
    for (const tx of fresh) this.accept(tx, nowMs);
    this.lastAcceptedLsn = lastLsn;
    const ignored = transactions.length - fresh.length;
    this.counters.duplicatesIgnored += ignored;
    // Duplicates may prove finished transactions contiguous (after a restart).
    if (this.advanceCheckpoint()) this.deps.persist(this);
    else if (ignored > 0) this.deps.persist(this);
    this.dispatch();
    return { accepted: fresh.length, ignored };
  }

  /** Transactions the queue can still take. */
  queueRoom(): number {
    return Math.max(0, this.config().maxQueuedTransactions - this.outstanding.size);
  }

  /** Where the source must resend from after a restart: the checkpoint. */
  resumeLsn(): Lsn {
    return this.position.checkpointLsn();
  }

  /** True when the transaction at `commitLsn` was applied or given up. */
  isFinished(commitLsn: Lsn): boolean {
    return this.position.isFinished(commitLsn);
  }

  /** Told the new checkpoint each time it moves, and at each manual checkpoint. Returns the unsubscribe. */
  onCheckpoint(listener: (checkpointLsn: Lsn) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------------------------------------------------------------- control

  state(): ApplierState {
    return this.currentState;
  }

  /** RUNNING again: from STOPPED, or from ABENDED (the failed transaction is tried again, unless skipped). */
  start(): void {
    this.assertOpen();
    if (this.currentState === 'RUNNING') return;
    for (const entry of this.outstanding.values()) {
      if (entry.status !== 'FAILED') continue;
      entry.status = 'QUEUED';
      entry.attempts = 0;
      entry.reason = null;
      if (entry.waitingOn === 0) this.ready.push(entry);
    }
    this.becomeState('RUNNING');
    this.dispatch();
  }

  /** STOPPED: no batch starts; running batches finish; transactions still queue. */
  stop(): void {
    this.assertOpen();
    if (this.currentState === 'STOPPED') return;
    this.becomeState('STOPPED');
  }

  /**
   * Gives up the transaction that failed at `commitLsn` (GoldenGate's SKIPTRANSACTION); recorded
   * in the discard list. The applier stays as it is until started.
   * @throws DomainError NOT_FOUND when no transaction failed there.
   */
  skip(commitLsn: Lsn, reason = 'skipped by the operator'): ApplyTransactionView {
    this.assertOpen();
    const entry = this.outstanding.get(commitLsn);
    if (entry === undefined || entry.status !== 'FAILED') {
      throw new DomainError('NOT_FOUND', `No failed transaction at ${commitLsn} in the applier of ${this.subscriptionId}.`, { subscriptionId: this.subscriptionId, commitLsn });
    }
    this.counters.transactionsFailed -= 1;
    this.finish(entry, 'SKIPPED', reason, true);
    this.advanceCheckpoint();
    this.deps.persist(this);
    return this.viewOf(entry);
  }

  /** Records a checkpoint now and tells the listeners. */
  takeCheckpoint(trigger: CheckpointTrigger): CheckpointRecord {
    const record: CheckpointRecord = {
      subscriptionId: this.subscriptionId,
      checkpointLsn: this.position.checkpointLsn(),
      appliedAboveCount: this.position.finishedAboveCount(),
      trigger,
      takenAtMs: this.deps.clock.now(),
    };
    this.checkpointHistory.push(record);
    trim(this.checkpointHistory, this.config().checkpointHistoryLimit);
    this.deps.persist(this);
    if (trigger === 'MANUAL') this.tellListeners();
    return record;
  }

  /** An AUTO checkpoint when the position moved since the last one recorded. */
  checkpointIfMoved(): CheckpointRecord | null {
    const last = this.checkpointHistory.at(-1);
    if (last !== undefined && last.checkpointLsn === this.position.checkpointLsn() && last.appliedAboveCount === this.position.finishedAboveCount()) return null;
    if (last === undefined && this.counters.batchesApplied === 0) return null;
    return this.takeCheckpoint('AUTO');
  }

  /** Stops its timers; the engine drops it. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const batch of this.running) this.deps.clock.cancel(batch.timer);
    this.running.clear();
    for (const entry of this.outstanding.values()) if (entry.retryTimer !== null) this.deps.clock.cancel(entry.retryTimer);
  }

  // ---------------------------------------------------------------- views

  config(): ApplyConfig {
    return this.deps.config();
  }

  status(): ApplierStatusView {
    const nowMs = this.deps.clock.now();
    const oldest = this.outstanding.values().next();
    let applying = 0;
    let retrying = 0;
    for (const entry of this.outstanding.values()) {
      if (entry.status === 'APPLYING') applying += 1;
      else if (entry.status === 'RETRY_WAIT') retrying += 1;
    }
    const checkpointLsn = this.position.checkpointLsn();
    return {
      subscriptionId: this.subscriptionId,
      targetNodeId: this.target.nodeId,
      state: this.currentState,
      applyParallelism: this.config().applyParallelism,
      busyWorkers: this.running.size,
      queuedTransactions: this.outstanding.size,
      readyTransactions: this.ready.size,
      applyingTransactions: applying,
      retryingTransactions: retrying,
      checkpointLsn,
      appliedAboveCheckpoint: this.position.finishedAboveCount(),
      lastReceivedEndLsn: this.lastReceivedEndLsn,
      lagMs: oldest.done ? 0 : Math.max(0, nowMs - oldest.value.tx.commitTimeMs),
      lagBytes: this.lastReceivedEndLsn === null ? 0 : Math.max(0, this.lastReceivedEndLsn - checkpointLsn),
      lagTransactions: this.outstanding.size,
      lastAppliedAtMs: this.counters.lastAppliedAtMs,
      lastError: this.lastError,
      createdAtMs: this.createdAtMs,
    };
  }

  /** Unfinished transactions (commit order), then the finished ones kept, newest first. */
  transactions(): ApplyTransactionView[] {
    const views: ApplyTransactionView[] = [];
    for (const entry of this.outstanding.values()) views.push(this.viewOf(entry));
    for (let index = this.history.length - 1; index >= 0; index -= 1) views.push(this.viewOf(this.history[index]!));
    return views;
  }

  /** The counters, with the worker time of batches still running counted up to now. */
  counterValues(): ApplierCounters {
    const nowMs = this.deps.clock.now();
    let runningMs = 0;
    for (const batch of this.running) runningMs += nowMs - batch.startedAtMs;
    return {
      ...this.counters,
      workerBusyMs: this.counters.workerBusyMs + runningMs,
      activeMs: this.counters.activeMs + (this.activeSinceMs === null ? 0 : nowMs - this.activeSinceMs),
    };
  }

  checkpoints(): readonly CheckpointRecord[] {
    return this.checkpointHistory;
  }

  discards(): readonly DiscardedTransaction[] {
    return this.discardList;
  }

  record(): ApplierRecord {
    return {
      subscriptionId: this.subscriptionId,
      targetNodeId: this.target.nodeId,
      state: this.currentState,
      position: this.position.snapshot(),
      overrides: this.overrides,
      counters: this.counters,
      lastError: this.lastError,
      checkpoints: this.checkpointHistory,
      discards: this.discardList,
      createdAtMs: this.createdAtMs,
    };
  }

  // ---------------------------------------------------------------- the scheduler

  private accept(tx: DecodedTransaction, nowMs: number): void {
    const entry: Entry = {
      tx,
      commitLsn: tx.commitLsn,
      bytes: changeBytes(tx),
      status: 'QUEUED',
      waitingOn: 0,
      dependents: [],
      attempts: 0,
      enqueuedAtMs: nowMs,
      startedAtMs: null,
      finishedAtMs: null,
      reason: null,
      retryTimer: null,
    };
    for (const lsn of this.tracker.add(tx.commitLsn, tx.changes)) {
      const earlier = this.outstanding.get(lsn);
      assert(earlier !== undefined, `dependency ${lsn} of ${tx.commitLsn} is not outstanding`);
      earlier.dependents.push(entry);
      entry.waitingOn += 1;
    }
    if (entry.waitingOn > 0) this.counters.dependencyWaits += 1;
    this.outstanding.set(tx.commitLsn, entry);
    if (entry.waitingOn === 0) this.ready.push(entry);
  }

  /** Starts batches on idle workers while there is ready work and the applier runs. */
  private dispatch(): void {
    if (this.closed || this.currentState !== 'RUNNING') return;
    const config = this.config();
    while (this.running.size < config.applyParallelism && this.ready.size > 0) {
      const idle = config.applyParallelism - this.running.size;
      // A fair share of the ready work, so grouping never leaves a worker idle.
      const limit = Math.min(config.batchMaxTransactions, Math.ceil(this.ready.size / idle));
      const batch: Entry[] = [];
      let bytes = 0;
      while (batch.length < limit) {
        const next = this.ready.peek();
        if (next === undefined || (batch.length > 0 && bytes + next.bytes > config.batchMaxBytes)) break;
        this.ready.pop();
        batch.push(next);
        bytes += next.bytes;
      }
      this.startBatch(batch, config);
    }
  }

  private startBatch(entries: Entry[], config: ApplyConfig): void {
    const nowMs = this.deps.clock.now();
    let changes = 0;
    for (const entry of entries) {
      entry.status = 'APPLYING';
      entry.startedAtMs = nowMs;
      changes += entry.tx.changes.length;
    }
    const costMs = config.batchOverheadMs + changes * config.applyCostPerChangeMs;
    if (this.running.size === 0) this.activeSinceMs = nowMs;
    const batch: RunningBatch = { entries, startedAtMs: nowMs, timer: this.deps.clock.after(costMs, () => this.completeBatch(batch)) };
    this.running.add(batch);
  }

  /** The batch's apply time is over: the target applies its transactions, each on its own, in commit order. */
  private completeBatch(batch: RunningBatch): void {
    const nowMs = this.deps.clock.now();
    this.running.delete(batch);
    this.counters.workerBusyMs += nowMs - batch.startedAtMs;
    if (this.running.size === 0 && this.activeSinceMs !== null) {
      this.counters.activeMs += nowMs - this.activeSinceMs;
      this.activeSinceMs = null;
    }
    this.counters.batchesApplied += 1;
    this.counters.batchTransactions += batch.entries.length;
    for (const entry of batch.entries) this.applyOne(entry, nowMs);
    this.advanceCheckpoint();
    this.deps.persist(this);
    this.dispatch();
  }

  private applyOne(entry: Entry, nowMs: number): void {
    entry.attempts += 1;
    const outcome = this.callTarget(entry.tx);
    if (outcome.status === 'APPLIED') {
      this.counters.transactionsApplied += 1;
      this.counters.changesApplied += entry.tx.changes.length;
      this.counters.firstAppliedAtMs ??= nowMs;
      this.counters.lastAppliedAtMs = nowMs;
      this.finish(entry, 'APPLIED', null, false);
      return;
    }
    const config = this.config();
    const retriesDone = entry.attempts - 1;
    if (outcome.status === 'TRANSIENT' && retriesDone < config.maxRetries) {
      this.noteError(entry, outcome.reason, false, nowMs);
      this.counters.retries += 1;
      entry.status = 'RETRY_WAIT';
      entry.reason = outcome.reason;
      const backoffMs = Math.min(config.retryInitialBackoffMs * 2 ** retriesDone, config.retryMaxBackoffMs);
      entry.retryTimer = this.deps.clock.after(backoffMs, () => {
        entry.retryTimer = null;
        if (entry.status !== 'RETRY_WAIT') return;
        entry.status = 'QUEUED';
        this.ready.push(entry);
        this.dispatch();
      });
      return;
    }
    const reason = outcome.status === 'TRANSIENT' ? `${outcome.reason} (still failing after ${config.maxRetries} retries)` : outcome.reason;
    this.noteError(entry, reason, true, nowMs);
    switch (config.onPermanentError) {
      case 'ABEND':
        this.counters.transactionsFailed += 1;
        entry.status = 'FAILED';
        entry.reason = reason;
        if (this.currentState === 'RUNNING') this.becomeState('ABENDED');
        return;
      case 'SKIP':
        this.finish(entry, 'SKIPPED', reason, false);
        return;
      case 'DISCARD':
        this.finish(entry, 'DISCARDED', reason, true);
        return;
    }
  }

  private callTarget(tx: DecodedTransaction): ApplyOutcome {
    try {
      return this.target.apply(tx);
    } catch (error) {
      if (error instanceof DomainError) return { status: 'PERMANENT', reason: error.message };
      throw error;
    }
  }

  private finish(entry: Entry, status: 'APPLIED' | 'SKIPPED' | 'DISCARDED', reason: string | null, keepChanges: boolean): void {
    const nowMs = this.deps.clock.now();
    entry.status = status;
    entry.reason = reason;
    entry.finishedAtMs = nowMs;
    this.outstanding.delete(entry.commitLsn);
    this.tracker.finish(entry.commitLsn, entry.tx.changes);
    this.position.finished(entry.commitLsn, entry.tx.endLsn);
    if (status !== 'APPLIED') {
      if (status === 'SKIPPED') this.counters.transactionsSkipped += 1;
      else this.counters.transactionsDiscarded += 1;
      this.discardList.push({ commitLsn: entry.commitLsn, xid: entry.tx.xid, reason: reason ?? status, discardedAtMs: nowMs, changes: keepChanges ? entry.tx.changes : [] });
      trim(this.discardList, this.config().discardLimit);
    }
    for (const dependent of entry.dependents) {
      dependent.waitingOn -= 1;
      if (dependent.waitingOn === 0 && dependent.status === 'QUEUED') this.ready.push(dependent);
    }
    entry.dependents.length = 0;
    this.history.push(entry);
    trim(this.history, this.config().transactionHistoryLimit);
  }

  private noteError(entry: Entry, reason: string, permanent: boolean, atMs: number): void {
    this.lastError = { commitLsn: entry.commitLsn, xid: entry.tx.xid, reason, permanent, atMs };
  }

  private advanceCheckpoint(): boolean {
    const oldest = this.outstanding.keys().next();
    const moved = this.position.advance(oldest.done ? null : oldest.value);
    if (moved) this.tellListeners();
    return moved;
  }

  private tellListeners(): void {
    const lsn = this.position.checkpointLsn();
    for (const listener of [...this.listeners]) listener(lsn);
  }

  /** The one place the state changes; refuses an illegal transition. */
  private becomeState(next: ApplierState): void {
    if (!LEGAL[this.currentState].includes(next)) throw new Error(`invalid applier transition [${this.currentState} -> ${next}]`);
    this.currentState = next;
    this.deps.persist(this);
  }

  private viewOf(entry: Entry): ApplyTransactionView {
    return {
      subscriptionId: this.subscriptionId,
      xid: entry.tx.xid,
      commitLsn: entry.commitLsn,
      endLsn: entry.tx.endLsn,
      commitTimeMs: entry.tx.commitTimeMs,
      origin: entry.tx.origin,
      changeCount: entry.tx.changes.length,
      bytes: entry.bytes,
      status: entry.status,
      attempts: entry.attempts,
      waitingOn: entry.waitingOn,
      enqueuedAtMs: entry.enqueuedAtMs,
      startedAtMs: entry.startedAtMs,
      finishedAtMs: entry.finishedAtMs,
      reason: entry.reason,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new DomainError('NOT_FOUND', `The applier of ${this.subscriptionId} was dropped.`, { subscriptionId: this.subscriptionId });
  }
}

/** The size of a transaction's changes as JSON: what batches are bounded by. */
function changeBytes(tx: DecodedTransaction): number {
  return Buffer.byteLength(JSON.stringify(tx.changes));
}

function trim<T>(list: T[], limit: number): void {
  if (list.length > limit) list.splice(0, list.length - limit);
}
