/**
 * What the management plane knows of each distributed transaction: its participants' states and
 * votes, its coordinator's phase and decision, as observed at every protocol step. The state the
 * API shows is derived from these facts (`deriveTransactionState`) and changes only through
 * `transitionTransaction`; each change publishes its event, counts in the statistics and is
 * journaled. Finished transactions move to a bounded history.
 */
import { formatLsn, type Lsn } from '../replication/lsn.js';
import type { RowWrite } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';
import type { TransactionsEventPublisher } from './events.js';
import type { LockWait } from './participant.js';
import type { TransactionStatistics } from './statistics.js';
import {
  deriveTransactionState,
  heuristicOutcomeOf,
  isFinalState,
  isHeuristicState,
  transitionTransaction,
  type CoordinatorPhase,
  type ParticipantState,
  type TransactionState,
  type Vote,
} from './transaction-state.js';
import type { DistributedTransactionView, ParticipantView, TransactionFields } from './transaction-views.js';

export interface ParticipantRecord {
  nodeId: string;
  writes: RowWrite[];
  state: ParticipantState;
  vote: Vote | null;
  reason: string | null;
  prepareLsn: Lsn | null;
  xminPinned: number | null;
  preparedAtMs: number | null;
  finishedAtMs: number | null;
  acknowledged: boolean;
}

export interface TransactionRecord extends TransactionFields {
  participants: ParticipantRecord[];
  phase: CoordinatorPhase;
  /** The coordinator crashed before deciding: the outcome is abort (presumed), known once it is back. */
  coordinatorLost: boolean;
}

/** A participant before it did anything: ACTIVE, no vote. */
export function newParticipantRecord(nodeId: string, writes: RowWrite[]): ParticipantRecord {
  return { nodeId, writes, state: 'ACTIVE', vote: null, reason: null, prepareLsn: null, xminPinned: null, preparedAtMs: null, finishedAtMs: null, acknowledged: false };
}

/** A transaction before anything happened to it: ACTIVE, undecided. */
export function newTransactionRecord(
  fields: Pick<TransactionRecord, 'transactionId' | 'coordinatorNodeId' | 'participants' | 'prepareTimeoutMs' | 'lockTimeoutMs' | 'timeoutMs' | 'begunAtMs'>,
): TransactionRecord {
  return {
    ...fields,
    state: 'ACTIVE',
    phase: 'ACTIVE',
    decision: null,
    coordinatorLost: false,
    onePhase: false,
    reason: null,
    preparedAtMs: null,
    decidedAtMs: null,
    finishedAtMs: null,
    inDoubtSinceMs: null,
    contradictsDecision: false,
    forgottenAtMs: null,
  };
}

/** What the registry reads of the running cluster for its views and facts. */
export interface RegistryLive {
  now(): number;
  isRunning(nodeId: string): boolean;
  locksHeld(nodeId: string, gid: string): number;
  /** Whether a node holds tentative work or a prepared transaction for `gid`. */
  holdsWork(nodeId: string, gid: string): boolean;
  waitingForLock(nodeId: string, gid: string): LockWait | null;
}

/** Where records go (the engine's journal). */
export interface RegistryJournal {
  transactionChanged(record: TransactionRecord): void;
  transactionFinished(record: TransactionRecord, dropped: readonly string[]): void;
}

/** How a participant may move: tentative work ends or prepares, a prepared one ends (by decision or by hand). */
const PARTICIPANT_MOVES: Readonly<Record<ParticipantState, readonly ParticipantState[]>> = Object.freeze({
  ACTIVE: ['PREPARED', 'COMMITTED', 'ABORTED'],
  PREPARED: ['IN_DOUBT', 'COMMITTED', 'ABORTED', 'HEURISTIC_COMMIT', 'HEURISTIC_ROLLBACK'],
  IN_DOUBT: ['PREPARED', 'COMMITTED', 'ABORTED', 'HEURISTIC_COMMIT', 'HEURISTIC_ROLLBACK'],
  COMMITTED: [],
  ABORTED: [],
  HEURISTIC_COMMIT: [],
  HEURISTIC_ROLLBACK: [],
});

interface Waiter {
  states: readonly TransactionState[];
  resolve: (view: DistributedTransactionView) => void;
}

export class TransactionRegistry {
  private readonly live = new Map<string, TransactionRecord>();
  private readonly history: TransactionRecord[] = [];
  private readonly waiters = new Map<string, Waiter[]>();

  constructor(
    private readonly deps: {
      live: RegistryLive;
      stats: TransactionStatistics;
      historySize: () => number;
      bus?: TransactionsEventPublisher | undefined;
      journal?: RegistryJournal | undefined;
    },
  ) {}

  /** Puts back records as the store held them (a server restart). */
  restore(live: readonly TransactionRecord[], history: readonly TransactionRecord[]): void {
    for (const record of live) this.live.set(record.transactionId, record);
    this.history.push(...[...history].sort((a, b) => (a.finishedAtMs ?? 0) - (b.finishedAtMs ?? 0)));
  }

  add(record: TransactionRecord): void {
    this.live.set(record.transactionId, record);
    this.deps.stats.counters.begun += 1;
    this.deps.journal?.transactionChanged(record);
    this.deps.bus?.publish('distributed_transaction_begun', 'transactions', {
      transactionId: record.transactionId,
      state: record.state,
      coordinatorNodeId: record.coordinatorNodeId,
      nodeIds: record.participants.map((participant) => participant.nodeId),
      writes: record.participants.reduce((sum, participant) => sum + participant.writes.length, 0),
    });
  }

  /** Whether the registry holds `transactionId` (open or in the history). */
  knows(transactionId: string): boolean {
    return this.live.has(transactionId) || this.history.some((record) => record.transactionId === transactionId);
  }

  /** A live transaction, or undefined. */
  liveRecord(transactionId: string): TransactionRecord | undefined {
    return this.live.get(transactionId);
  }

  /** @throws DomainError NOT_FOUND. */
  require(transactionId: string): TransactionRecord {
    const record = this.live.get(transactionId) ?? this.history.find((candidate) => candidate.transactionId === transactionId);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No distributed transaction ${transactionId}.`, { transactionId });
    return record;
  }

  liveRecords(): TransactionRecord[] {
    return [...this.live.values()];
  }

  historyRecords(): TransactionRecord[] {
    return [...this.history];
  }

  liveCount(): number {
    return this.live.size;
  }

  /** Records what a participant did; a move its state does not allow is ignored (a late or repeated observation). */
  updateParticipant(transactionId: string, nodeId: string, patch: Partial<Omit<ParticipantRecord, 'nodeId' | 'writes'>>): void {
    const record = this.live.get(transactionId);
    const participant = record?.participants.find((candidate) => candidate.nodeId === nodeId);
    if (record === undefined || participant === undefined) return;
    if (patch.state !== undefined && patch.state !== participant.state && !PARTICIPANT_MOVES[participant.state].includes(patch.state)) return;
    const newVote = patch.vote !== undefined && patch.vote !== null && participant.vote === null;
    Object.assign(participant, patch);
    if (patch.state !== undefined && (patch.state === 'COMMITTED' || patch.state === 'ABORTED' || isHeuristicState(patch.state))) participant.finishedAtMs ??= this.deps.live.now();
    if (newVote) {
      if (participant.vote === 'YES') this.deps.stats.counters.votesYes += 1;
      else this.deps.stats.counters.votesNo += 1;
    }
    this.refresh(record);
    if (newVote) {
      this.deps.bus?.publish('distributed_transaction_prepared', 'transactions', {
        transactionId,
        state: record.state,
        nodeId,
        nodeIds: [nodeId],
        vote: participant.vote as Vote,
        reason: participant.reason,
        prepareLsn: participant.prepareLsn === null ? null : formatLsn(participant.prepareLsn),
      });
    }
  }

  /** Records what the coordinator did. */
  updateTransaction(transactionId: string, patch: Partial<Pick<TransactionRecord, 'phase' | 'decision' | 'coordinatorLost' | 'onePhase' | 'reason' | 'preparedAtMs' | 'decidedAtMs'>>): void {
    const record = this.live.get(transactionId);
    if (record === undefined) return;
    if (patch.reason !== undefined && record.reason !== null) delete patch.reason;
    Object.assign(record, patch);
    this.refresh(record);
  }

  /** Re-derives every live transaction's state (a node crashed or came back). */
  refreshAll(): void {
    for (const record of [...this.live.values()]) this.refresh(record);
  }

  /** Moves a heuristic outcome an operator forgot to the history. */
  forget(record: TransactionRecord): void {
    record.forgottenAtMs = this.deps.live.now();
    record.finishedAtMs ??= record.forgottenAtMs;
    this.deps.stats.counters.forgotten += 1;
    if (isHeuristicState(record.state)) {
      this.deps.bus?.publish('distributed_transaction_forgotten', 'transactions', {
        transactionId: record.transactionId,
        state: record.state,
        nodeIds: this.heuristicNodes(record),
      });
    }
    this.finish(record);
  }

  /** A promise of the view once the transaction is in one of `states` (at once if it is). */
  settled(transactionId: string, states: readonly TransactionState[]): Promise<DistributedTransactionView> {
    const record = this.require(transactionId);
    if (states.includes(record.state) || !this.live.has(transactionId)) return Promise.resolve(this.view(record));
    return new Promise((resolve) => {
      const list = this.waiters.get(transactionId) ?? [];
      list.push({ states, resolve });
      this.waiters.set(transactionId, list);
    });
  }

  view(record: TransactionRecord): DistributedTransactionView {
    const live = this.deps.live;
    const open = this.live.has(record.transactionId);
    const { participants, phase: _phase, coordinatorLost: _lost, ...fields } = record;
    return {
      ...fields,
      participants: participants.map((participant): ParticipantView => ({
        nodeId: participant.nodeId,
        state: participant.state,
        vote: participant.vote,
        reason: participant.reason,
        writes: participant.writes.length,
        locksHeld: open ? live.locksHeld(participant.nodeId, record.transactionId) : 0,
        waitingForLock: open ? live.waitingForLock(participant.nodeId, record.transactionId) : null,
        prepareLsn: participant.prepareLsn === null ? null : formatLsn(participant.prepareLsn),
        xminPinned: participant.state === 'PREPARED' || participant.state === 'IN_DOUBT' ? participant.xminPinned : null,
        preparedAtMs: participant.preparedAtMs,
        finishedAtMs: participant.finishedAtMs,
        acknowledged: participant.acknowledged,
        reachable: live.isRunning(participant.nodeId),
      })),
      durationMs: (record.finishedAtMs ?? live.now()) - record.begunAtMs,
    };
  }

  // ---------------------------------------------------------------- internals

  private refresh(record: TransactionRecord): void {
    const live = this.deps.live;
    if (record.decision === 'ABORT' || record.coordinatorLost) {
      // Presumed abort: a running participant holding nothing for it never will prepare it (no Prepare
      // is sent before it executed), so it is done.
      for (const participant of record.participants) {
        if (participant.state !== 'ACTIVE' || !live.isRunning(participant.nodeId) || live.holdsWork(participant.nodeId, record.transactionId)) continue;
        participant.state = 'ABORTED';
        participant.reason ??= `${participant.nodeId} holds no work for it`;
        participant.finishedAtMs = live.now();
      }
    }
    const participants = record.participants.map((participant) => ({ state: participant.state, reachable: live.isRunning(participant.nodeId) }));
    const next = deriveTransactionState({
      phase: record.phase,
      decision: record.decision,
      coordinatorDown: !live.isRunning(record.coordinatorNodeId),
      coordinatorLost: record.coordinatorLost,
      participants,
    });
    const from = record.state;
    const contradicts = isHeuristicState(next) ? heuristicOutcomeOf(record.decision, participants).contradictsDecision : false;
    const contradictionChanged = contradicts !== record.contradictsDecision;
    record.contradictsDecision = contradicts;
    if (next !== from) {
      record.state = transitionTransaction(record.transactionId, from, next);
      this.entered(record);
    } else if (contradictionChanged && isHeuristicState(next)) {
      this.publishHeuristic(record);
    }
    if (isFinalState(record.state)) this.finish(record);
    else this.deps.journal?.transactionChanged(record);
    this.wake(record);
  }

  private entered(record: TransactionRecord): void {
    const nowMs = this.deps.live.now();
    const { stats, bus } = this.deps;
    const state = record.state;
    const nodeIds = record.participants.map((participant) => participant.nodeId);
    if (state === 'IN_DOUBT') {
      record.inDoubtSinceMs = nowMs;
      const inDoubt = record.participants.filter((participant) => participant.state === 'PREPARED' || participant.state === 'IN_DOUBT').map((participant) => participant.nodeId);
      bus?.publish('distributed_transaction_in_doubt', 'transactions', {
        transactionId: record.transactionId,
        state,
        coordinatorNodeId: record.coordinatorNodeId,
        nodeIds: inDoubt,
        reason: this.deps.live.isRunning(record.coordinatorNodeId)
          ? `prepared participants have not heard from the coordinator ${record.coordinatorNodeId}`
          : `the coordinator ${record.coordinatorNodeId} is down after PREPARE`,
      });
    } else if (state === 'COMMITTED' || state === 'ABORTED') {
      record.finishedAtMs = nowMs;
      if (state === 'COMMITTED') {
        stats.counters.committed += 1;
        if (record.onePhase) stats.counters.committedOnePhase += 1;
      } else {
        stats.counters.aborted += 1;
      }
      stats.record('total', nowMs - record.begunAtMs);
      bus?.publish(state === 'COMMITTED' ? 'distributed_transaction_committed' : 'distributed_transaction_aborted', 'transactions', {
        transactionId: record.transactionId,
        state,
        nodeIds,
        onePhase: record.onePhase,
        reason: state === 'ABORTED' ? record.reason : null,
        durationMs: nowMs - record.begunAtMs,
      });
    } else if (isHeuristicState(state)) {
      // Its outcome is in, though it stays listed until forgotten: the latest reclassification is its end.
      record.finishedAtMs = nowMs;
      stats.countHeuristic(state);
      this.publishHeuristic(record);
    }
  }

  private publishHeuristic(record: TransactionRecord): void {
    if (!isHeuristicState(record.state)) return;
    this.deps.bus?.publish('distributed_transaction_heuristic', 'transactions', {
      transactionId: record.transactionId,
      state: record.state,
      nodeIds: this.heuristicNodes(record),
      decision: record.decision,
      contradictsDecision: record.contradictsDecision,
    });
  }

  private heuristicNodes(record: TransactionRecord): string[] {
    return record.participants.filter((participant) => isHeuristicState(participant.state)).map((participant) => participant.nodeId);
  }

  private finish(record: TransactionRecord): void {
    this.live.delete(record.transactionId);
    this.history.push(record);
    const dropped: string[] = [];
    while (this.history.length > this.deps.historySize()) dropped.push((this.history.shift() as TransactionRecord).transactionId);
    this.deps.journal?.transactionFinished(record, dropped);
    this.wake(record);
  }

  private wake(record: TransactionRecord): void {
    const waiters = this.waiters.get(record.transactionId);
    if (waiters === undefined) return;
    const done = !this.live.has(record.transactionId);
    const remaining = waiters.filter((waiter) => {
      if (!done && !waiter.states.includes(record.state)) return true;
      waiter.resolve(this.view(record));
      return false;
    });
    if (remaining.length > 0) this.waiters.set(record.transactionId, remaining);
    else this.waiters.delete(record.transactionId);
  }
}
