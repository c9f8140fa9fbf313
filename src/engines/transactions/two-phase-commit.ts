/**
 * Two-phase commit with presumed abort over `runtime.network('transactions')`: each node's
 * coordinator (its memory of the transactions it runs, and its log: rows of pg_dist_transaction
 * on its own storage, as Citus keeps them) and each node's participant side (tentative work in a
 * {@link Participant}, prepared transactions in its storage, the decision requests of recovery
 * and cooperative termination). Node memory is lost at a crash; storage is not. Every message
 * sent or received and every log write is a step the step hook sees first; a node a step finds
 * down does not take it.
 */
import type { ReplicationCluster, WriteRole } from '../replication/replication-cluster.js';
import type { RowWrite } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';
import type { SimNetwork, SimulationRuntime, TimerId } from '../runtime/index.js';
import { gidOfMessage, type TransactionMessage } from './messages.js';
import type { Participant } from './participant.js';
import type { TransactionStatistics } from './statistics.js';
import type { TransactionRegistry, TransactionRecord } from './transaction-registry.js';
import type { Decision, Vote } from './transaction-state.js';
import type { TransactionsConfig } from './transactions-config.js';

/** The coordinator's log: one row per COMMIT decision not yet acknowledged by every participant. */
export const COORDINATOR_LOG_TABLE = 'pg_dist_transaction';

/** A row of the coordinator's log. */
export interface CoordinatorLogRow {
  [field: string]: string | number | string[];
  gid: string;
  outcome: 'COMMIT';
  participants: string[];
  coordinatorNodeId: string;
  decidedAtMs: number;
}

/** One protocol step, as the step hook sees it (before it happens). */
export interface TransactionStep {
  index: number;
  nodeId: string;
  kind: 'send' | 'receive' | 'log';
  /** The message type, or the record written (PREPARE, COMMIT PREPARED, LOG COMMIT, FORGET, …). */
  what: string;
  transactionId: string;
}

type CoordinatorPhase = 'EXECUTING' | 'PREPARING' | 'PREPARED' | 'ONE_PHASE' | 'DECIDED';

/** A transaction in its coordinator's memory. */
interface Coordinated {
  readonly gid: string;
  /** The coordinator as participants know it: a node name, served by that node's writer (`ReplicationCluster.writerOf`). */
  readonly coordinator: string;
  /** Participant names; each is served by its writer, which a failover moves. */
  readonly participants: readonly string[];
  readonly writes: ReadonlyMap<string, readonly RowWrite[]>;
  readonly lockTimeoutMs: number;
  readonly prepareTimeoutMs: number;
  readonly deadlineMs: number;
  phase: CoordinatorPhase;
  prepareRequested: boolean;
  commitRequested: boolean;
  readonly executed: Set<string>;
  readonly votes: Map<string, Vote>;
  readonly acks: Set<string>;
  decision: Decision | null;
  prepareSentAtMs: number | null;
  decidedAtMs: number | null;
  /** The COMMIT row is still in the log (deleted once every participant acknowledged). */
  logged: boolean;
  prepareTimer: TimerId | null;
  timeoutTimer: TimerId | null;
}

/** A prepared transaction waiting for its decision, on its participant. */
interface Watch {
  lastHeardMs: number;
  askedAtMs: number | null;
  inDoubt: boolean;
}

/** What one node keeps in memory for the protocol. */
interface NodeMemory {
  readonly coordinated: Map<string, Coordinated>;
  /** gid → its coordinator and that coordinator's incarnation, for the unprepared work a Recover drops. */
  readonly sessions: Map<string, { coordinatorId: string; epoch: number }>;
  readonly watches: Map<string, Watch>;
}

export interface TwoPhaseCommitDeps {
  runtime: SimulationRuntime;
  cluster: ReplicationCluster;
  registry: TransactionRegistry;
  stats: TransactionStatistics;
  config(): TransactionsConfig;
  participantOf(nodeId: string): Participant;
  /** The step hook: false when the node is down after it (the step must not happen). */
  step(nodeId: string, kind: TransactionStep['kind'], what: string, gid: string): boolean;
}

export class TwoPhaseCommit {
  private readonly network: SimNetwork<TransactionMessage>;
  private readonly memories = new Map<string, NodeMemory>();
  private readonly attached = new Set<string>();
  /** Each node's incarnation as coordinator (a count of its restarts; kept outside its memory). */
  private readonly epochs = new Map<string, number>();
  /** Each node's write role at the last tick, to see promotions and demotions. */
  private readonly roles = new Map<string, WriteRole>();

  constructor(private readonly deps: TwoPhaseCommitDeps) {
    this.network = deps.runtime.network<TransactionMessage>('transactions');
    this.attachNodes();
  }

  // ================================================================ the coordinator's operations

  /** Starts a transaction the registry holds: its coordinator sends Execute to every participant. */
  begin(record: TransactionRecord): void {
    const coordinatorId = record.coordinatorNodeId;
    this.attachNodes();
    const nowMs = this.now();
    const txn: Coordinated = {
      gid: record.transactionId,
      coordinator: coordinatorId,
      participants: record.participants.map((participant) => participant.nodeId),
      writes: new Map(record.participants.map((participant) => [participant.nodeId, participant.writes])),
      lockTimeoutMs: record.lockTimeoutMs,
      prepareTimeoutMs: record.prepareTimeoutMs,
      deadlineMs: nowMs + record.timeoutMs,
      phase: 'EXECUTING',
      prepareRequested: false,
      commitRequested: false,
      executed: new Set(),
      votes: new Map(),
      acks: new Set(),
      decision: null,
      prepareSentAtMs: null,
      decidedAtMs: null,
      logged: false,
      prepareTimer: null,
      timeoutTimer: null,
    };
    this.memory(coordinatorId).coordinated.set(txn.gid, txn);
    txn.timeoutTimer = this.deps.runtime.clock.schedule(txn.deadlineMs, () => {
      txn.timeoutTimer = null;
      if (txn.phase === 'EXECUTING' && !txn.prepareRequested) this.decideAbort(coordinatorId, txn, `still ACTIVE after its timeout of ${record.timeoutMs} ms`);
    });
    for (const nodeId of txn.participants) {
      const sent = this.send(coordinatorId, this.writerOf(nodeId), {
        type: 'Execute',
        gid: txn.gid,
        writes: txn.writes.get(nodeId) ?? [],
        lockTimeoutMs: txn.lockTimeoutMs,
        // The participant keeps unprepared work a little past the coordinator's own timeout.
        deadlineMs: txn.deadlineMs + txn.prepareTimeoutMs,
        epoch: this.epochs.get(coordinatorId) ?? 0,
      });
      if (!sent) return;
    }
  }

  /** Phase 1: once every participant executed, Prepare. @throws DomainError CONFLICT when the coordinator cannot. */
  prepare(record: TransactionRecord): void {
    const txn = this.coordinated(record);
    if (txn.phase === 'PREPARING' || txn.phase === 'PREPARED') return;
    if (txn.phase !== 'EXECUTING') throw new DomainError('CONFLICT', `${txn.gid} is ${record.state}: it cannot be prepared.`, { transactionId: txn.gid, state: record.state, reason: 'ILLEGAL_STATE' });
    txn.prepareRequested = true;
    this.deps.registry.updateTransaction(txn.gid, { phase: 'PREPARING' });
    const coordinatorId = this.writerOf(record.coordinatorNodeId);
    this.armPrepareTimer(coordinatorId, txn);
    this.advance(coordinatorId, txn);
  }

  /**
   * Commits: in one phase for a single participant still ACTIVE; otherwise phase 1 (if not done)
   * then, on all YES, the logged COMMIT. @throws DomainError CONFLICT when the coordinator cannot.
   */
  commit(record: TransactionRecord): void {
    const coordinatorId = this.writerOf(record.coordinatorNodeId);
    const txn = this.coordinated(record);
    if (txn.phase === 'DECIDED' || txn.phase === 'ONE_PHASE') {
      if (txn.decision === 'ABORT') throw new DomainError('CONFLICT', `${txn.gid} is being rolled back: it cannot commit.`, { transactionId: txn.gid, state: record.state, reason: 'ILLEGAL_STATE' });
      return;
    }
    txn.commitRequested = true;
    if (txn.phase === 'PREPARED') {
      this.decideCommit(coordinatorId, txn);
      return;
    }
    if (txn.phase === 'EXECUTING' && !txn.prepareRequested && txn.participants.length === 1) {
      txn.phase = 'ONE_PHASE';
      this.deps.registry.updateTransaction(txn.gid, { phase: 'COMMITTING_ONE_PHASE', onePhase: true });
      this.armPrepareTimer(coordinatorId, txn);
      this.advance(coordinatorId, txn);
      return;
    }
    this.prepare(record);
  }

  /** Decides ABORT. @throws DomainError CONFLICT when the coordinator cannot, or COMMIT was decided. */
  rollback(record: TransactionRecord, reason: string): void {
    const txn = this.coordinated(record);
    if (txn.decision === 'COMMIT') throw new DomainError('CONFLICT', `${txn.gid} was decided COMMIT: it cannot roll back.`, { transactionId: txn.gid, state: record.state, reason: 'ILLEGAL_STATE' });
    if (txn.decision === 'ABORT') return;
    this.decideAbort(this.writerOf(record.coordinatorNodeId), txn, reason);
  }

  /**
   * Only the coordinator decides, and it must run: while its node is down a request changes
   * nothing. @throws DomainError CONFLICT (`COORDINATOR_DOWN`).
   */
  requireCoordinatorUp(record: TransactionRecord): void {
    const coordinatorId = this.writerOf(record.coordinatorNodeId);
    if (this.isUp(coordinatorId)) return;
    throw new DomainError('CONFLICT', `The coordinator ${coordinatorId} of ${record.transactionId} is down: nothing changed; ${record.transactionId} is ${record.state}, and the coordinator's restart ends it (presumed abort unless COMMIT is in its log).`, {
      transactionId: record.transactionId,
      coordinatorNodeId: coordinatorId,
      state: record.state,
      reason: 'COORDINATOR_DOWN',
    });
  }

  /** The coordinator's memory of `record`. @throws DomainError CONFLICT when it is down or lost it. */
  private coordinated(record: TransactionRecord): Coordinated {
    this.requireCoordinatorUp(record);
    const coordinatorId = this.writerOf(record.coordinatorNodeId);
    const txn = this.memory(coordinatorId).coordinated.get(record.transactionId);
    if (txn === undefined) {
      throw new DomainError('CONFLICT', `The coordinator ${coordinatorId} no longer runs ${record.transactionId} (${record.state}).`, { transactionId: record.transactionId, state: record.state, reason: 'ILLEGAL_STATE' });
    }
    return txn;
  }

  // ================================================================ the coordinator's protocol

  /** Sends Prepare (or the one-phase commit) once every participant has executed. */
  private advance(coordinatorId: string, txn: Coordinated): void {
    if (txn.executed.size < txn.participants.length) return;
    if (txn.phase === 'ONE_PHASE') {
      const nodeId = txn.participants[0] as string;
      // The participant alone decides a one-phase commit: nothing is logged, nothing to remember.
      this.dropCoordinated(coordinatorId, txn);
      this.send(coordinatorId, this.writerOf(nodeId), { type: 'CommitOnePhase', gid: txn.gid });
      return;
    }
    if (txn.phase !== 'EXECUTING' || !txn.prepareRequested) return;
    txn.phase = 'PREPARING';
    txn.prepareSentAtMs = this.now();
    for (const nodeId of txn.participants) {
      if (!this.send(coordinatorId, this.writerOf(nodeId), { type: 'Prepare', gid: txn.gid, participants: txn.participants, coordinatorNodeId: txn.coordinator })) return;
    }
  }

  private armPrepareTimer(coordinatorId: string, txn: Coordinated): void {
    if (txn.prepareTimer !== null) return;
    txn.prepareTimer = this.deps.runtime.clock.after(txn.prepareTimeoutMs, () => {
      txn.prepareTimer = null;
      if (txn.phase !== 'EXECUTING' && txn.phase !== 'PREPARING' && txn.phase !== 'ONE_PHASE') return;
      const silent = txn.participants.filter((nodeId) => (txn.phase === 'PREPARING' ? !txn.votes.has(nodeId) : !txn.executed.has(nodeId)));
      this.decideAbort(coordinatorId, txn, `no ${txn.phase === 'PREPARING' ? 'vote' : 'answer'} from ${silent.join(', ')} within ${txn.prepareTimeoutMs} ms (counted as NO)`);
    });
  }

  private onExecuted(coordinatorId: string, from: string, message: Extract<TransactionMessage, { type: 'Executed' }>): void {
    const txn = this.memory(coordinatorId).coordinated.get(message.gid);
    const participant = txn === undefined ? undefined : this.participantAt(txn, from);
    if (txn === undefined || participant === undefined || (txn.phase !== 'EXECUTING' && txn.phase !== 'ONE_PHASE')) return;
    if (!message.ok) {
      this.decideAbort(coordinatorId, txn, `${participant} could not do its writes: ${message.reason ?? 'no reason given'}`);
      return;
    }
    txn.executed.add(participant);
    this.advance(coordinatorId, txn);
  }

  private onVote(coordinatorId: string, from: string, message: Extract<TransactionMessage, { type: 'Vote' }>): void {
    const txn = this.memory(coordinatorId).coordinated.get(message.gid);
    const participant = txn === undefined ? undefined : this.participantAt(txn, from);
    if (txn === undefined || participant === undefined || txn.phase !== 'PREPARING' || txn.votes.has(participant)) return;
    txn.votes.set(participant, message.vote);
    if (message.vote === 'NO') {
      this.decideAbort(coordinatorId, txn, `${participant} voted NO: ${message.reason ?? 'no reason given'}`);
      return;
    }
    if (txn.votes.size < txn.participants.length) return;
    const nowMs = this.now();
    this.deps.stats.record('prepare', nowMs - (txn.prepareSentAtMs ?? nowMs));
    this.clearPrepareTimer(txn);
    txn.phase = 'PREPARED';
    if (!txn.commitRequested) {
      this.deps.registry.updateTransaction(txn.gid, { phase: 'PREPARED', preparedAtMs: nowMs });
      return;
    }
    // Straight on to the decision: a caller waiting for the commit does not see a PREPARED stop.
    this.deps.registry.updateTransaction(txn.gid, { preparedAtMs: nowMs });
    this.decideCommit(coordinatorId, txn);
  }

  /** Logs COMMIT (a pg_dist_transaction row) before anyone hears it; a failed log write decides ABORT. */
  private decideCommit(coordinatorId: string, txn: Coordinated): void {
    if (!this.deps.step(coordinatorId, 'log', 'LOG COMMIT', txn.gid)) return;
    const nowMs = this.now();
    const row: CoordinatorLogRow = { gid: txn.gid, outcome: 'COMMIT', participants: [...txn.participants], coordinatorNodeId: txn.coordinator, decidedAtMs: nowMs };
    try {
      this.deps.cluster.commitOn(coordinatorId, [{ op: 'put', table: COORDINATOR_LOG_TABLE, key: txn.gid, row }]);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.decideAbort(coordinatorId, txn, `the coordinator could not log COMMIT: ${error.message}`);
      return;
    }
    txn.logged = true;
    this.decided(coordinatorId, txn, 'COMMIT', null);
  }

  /** ABORT is never logged: with no row, abort is presumed. */
  private decideAbort(coordinatorId: string, txn: Coordinated, reason: string): void {
    if (txn.decision !== null) return;
    this.decided(coordinatorId, txn, 'ABORT', reason);
  }

  private decided(coordinatorId: string, txn: Coordinated, decision: Decision, reason: string | null): void {
    const nowMs = this.now();
    txn.decision = decision;
    txn.phase = 'DECIDED';
    txn.decidedAtMs = nowMs;
    this.clearPrepareTimer(txn);
    if (txn.timeoutTimer !== null) this.deps.runtime.clock.cancel(txn.timeoutTimer);
    txn.timeoutTimer = null;
    this.deps.registry.updateTransaction(txn.gid, { phase: 'DECIDED', decision, decidedAtMs: nowMs, ...(reason === null ? {} : { reason }) });
    this.sendDecisions(coordinatorId, txn);
  }

  private sendDecisions(coordinatorId: string, txn: Coordinated): void {
    for (const nodeId of txn.participants) {
      if (txn.acks.has(nodeId)) continue;
      if (!this.send(coordinatorId, this.writerOf(nodeId), { type: 'Decision', gid: txn.gid, outcome: txn.decision as Decision })) return;
    }
  }

  private onAck(coordinatorId: string, from: string, message: Extract<TransactionMessage, { type: 'Ack' }>): void {
    const txn = this.memory(coordinatorId).coordinated.get(message.gid);
    const participant = txn === undefined ? undefined : this.participantAt(txn, from);
    if (txn === undefined || participant === undefined || txn.decision === null || txn.acks.has(participant)) return;
    txn.acks.add(participant);
    if (txn.acks.size === txn.participants.length) this.complete(coordinatorId, txn);
  }

  /** Every participant acknowledged: the coordinator forgets (deletes its log row). */
  private complete(coordinatorId: string, txn: Coordinated): void {
    if (txn.logged) {
      if (!this.deps.step(coordinatorId, 'log', 'FORGET', txn.gid)) return;
      try {
        this.deps.cluster.commitOn(coordinatorId, [{ op: 'delete', table: COORDINATOR_LOG_TABLE, key: txn.gid }]);
      } catch (error) {
        // The node cannot write now (it became a standby): the row stays and the next tick tries again.
        if (!(error instanceof DomainError)) throw error;
        return;
      }
      txn.logged = false;
    }
    if (txn.decision === 'COMMIT' && txn.decidedAtMs !== null) this.deps.stats.record('commit', this.now() - txn.decidedAtMs);
    this.dropCoordinated(coordinatorId, txn);
  }

  private dropCoordinated(coordinatorId: string, txn: Coordinated): void {
    this.clearPrepareTimer(txn);
    if (txn.timeoutTimer !== null) this.deps.runtime.clock.cancel(txn.timeoutTimer);
    txn.timeoutTimer = null;
    this.memory(coordinatorId).coordinated.delete(txn.gid);
  }

  private clearPrepareTimer(txn: Coordinated): void {
    if (txn.prepareTimer !== null) this.deps.runtime.clock.cancel(txn.prepareTimer);
    txn.prepareTimer = null;
  }

  /** What the coordinator answers about `gid`: its decision, UNKNOWN while deciding, else its log (no row: ABORT). */
  private coordinatorAnswer(coordinatorId: string, gid: string): Decision | 'UNKNOWN' {
    const txn = this.memory(coordinatorId).coordinated.get(gid);
    if (txn !== undefined) return txn.decision ?? 'UNKNOWN';
    return this.deps.cluster.storageOf(coordinatorId).getRow(COORDINATOR_LOG_TABLE, gid) === undefined ? 'ABORT' : 'COMMIT';
  }

  private onRecoverReply(coordinatorId: string, from: string, message: Extract<TransactionMessage, { type: 'RecoverReply' }>): void {
    for (const gid of message.prepared) {
      const answer = this.coordinatorAnswer(coordinatorId, gid);
      if (answer === 'UNKNOWN') continue;
      if (!this.send(coordinatorId, from, { type: 'Decision', gid, outcome: answer })) return;
    }
  }

  // ================================================================ the participant's protocol

  private onExecute(nodeId: string, from: string, message: Extract<TransactionMessage, { type: 'Execute' }>): void {
    this.memory(nodeId).sessions.set(message.gid, { coordinatorId: from, epoch: message.epoch });
    const participant = this.deps.participantOf(nodeId);
    if (participant.dropped(message.gid)) {
      // An Execute that arrives after this participant aborted the transaction (a reordered message) is refused.
      this.send(nodeId, from, { type: 'Executed', gid: message.gid, ok: false, reason: `${nodeId} already dropped ${message.gid}` });
      return;
    }
    participant.execute(message.gid, message.writes, { lockTimeoutMs: message.lockTimeoutMs, deadlineMs: message.deadlineMs }, (result) => {
      if (!this.isUp(nodeId)) return;
      if (!result.ok && this.deps.registry.liveRecord(message.gid)?.decision === null) {
        this.updateParticipant(message.gid, nodeId, { vote: 'NO', state: 'ABORTED', reason: result.reason });
      }
      this.send(nodeId, from, { type: 'Executed', gid: message.gid, ok: result.ok, reason: result.ok ? null : result.reason });
    });
  }

  private onPrepare(nodeId: string, from: string, message: Extract<TransactionMessage, { type: 'Prepare' }>): void {
    const memory = this.memory(nodeId);
    const result = this.deps.participantOf(nodeId).prepare(message.gid, { participants: message.participants, coordinatorNodeId: message.coordinatorNodeId, xa: null });
    if (result === null) return;
    if (result.vote === 'YES') {
      memory.watches.set(message.gid, { lastHeardMs: this.now(), askedAtMs: null, inDoubt: false });
      if (result.record !== null) {
        this.updateParticipant(message.gid, nodeId, { state: 'PREPARED', vote: 'YES', prepareLsn: result.record.lsn, xminPinned: result.record.xid, preparedAtMs: result.record.atMs });
      }
    } else {
      this.updateParticipant(message.gid, nodeId, { state: 'ABORTED', vote: 'NO', reason: result.reason });
    }
    this.send(nodeId, from, { type: 'Vote', gid: message.gid, vote: result.vote, reason: result.vote === 'NO' ? result.reason : null });
  }

  private onCommitOnePhase(nodeId: string, from: string, message: Extract<TransactionMessage, { type: 'CommitOnePhase' }>): void {
    const result = this.deps.participantOf(nodeId).commitOnePhase(message.gid);
    if (result === null) return;
    if (result.committed) this.updateParticipant(message.gid, nodeId, { state: 'COMMITTED', acknowledged: true });
    else this.updateParticipant(message.gid, nodeId, { state: 'ABORTED', reason: result.reason });
    this.send(nodeId, from, { type: 'OnePhaseResult', gid: message.gid, committed: result.committed, reason: result.committed ? null : result.reason });
  }

  private onDecision(nodeId: string, from: string, message: Extract<TransactionMessage, { type: 'Decision' }>): void {
    const { gid, outcome } = message;
    const participant = this.deps.participantOf(nodeId);
    let heuristic: 'HEURISTIC_COMMIT' | 'HEURISTIC_ROLLBACK' | null = null;
    if (this.deps.cluster.storageOf(nodeId).preparedTransaction(gid) !== undefined) {
      const finished = this.finishPrepared(nodeId, gid, outcome);
      if (finished === null || finished === 'refused') return;
      if (finished === 'HEURISTIC_COMMIT' || finished === 'HEURISTIC_ROLLBACK') heuristic = finished;
    } else if (outcome === 'ABORT') {
      // Drops unprepared work, and remembers the gid so that an Execute still on the wire is refused.
      participant.discard(gid, `${gid} was rolled back by its coordinator ${from}`);
    } else if (participant.hasWork(gid)) {
      // Unprepared work is never committed (a COMMIT needs this participant's YES): a stray message.
      return;
    }
    this.updateParticipant(gid, nodeId, { acknowledged: true });
    this.send(nodeId, from, { type: 'Ack', gid, outcome, heuristic });
  }

  /** Applies a decision to a prepared transaction here and keeps the registry told. */
  private finishPrepared(nodeId: string, gid: string, outcome: Decision): ReturnType<Participant['finishPrepared']> {
    const finished = this.deps.participantOf(nodeId).finishPrepared(gid, outcome === 'COMMIT' ? 'COMMIT' : 'ROLLBACK');
    if (finished === 'applied') {
      this.memory(nodeId).watches.delete(gid);
      this.updateParticipant(gid, nodeId, { state: outcome === 'COMMIT' ? 'COMMITTED' : 'ABORTED' });
    }
    return finished;
  }

  private onDecisionRequest(nodeId: string, from: string, message: Extract<TransactionMessage, { type: 'DecisionRequest' }>): void {
    const outcome = message.toCoordinator ? this.coordinatorAnswer(nodeId, message.gid) : this.peerAnswer(nodeId, message.gid);
    this.send(nodeId, from, { type: 'DecisionReply', gid: message.gid, outcome });
  }

  /**
   * What a peer knows for sure: a COMMIT or ROLLBACK PREPARED record of the gid an operator did
   * not decide; that it dropped its work unprepared (it voted NO or will); or, holding unprepared
   * work, it aborts that work on its own (a participant that has not voted may) and says ABORT.
   */
  private peerAnswer(nodeId: string, gid: string): Decision | 'UNKNOWN' {
    const storage = this.deps.cluster.storageOf(nodeId);
    if (storage.preparedTransaction(gid) !== undefined) return 'UNKNOWN';
    const logged = storage.twoPhaseOutcome(gid);
    if (logged !== null) return logged;
    const participant = this.deps.participantOf(nodeId);
    if (participant.hasWork(gid)) {
      participant.discard(gid, `${nodeId} aborted ${gid} on its own: a prepared peer asked, and it had not voted`);
      return 'ABORT';
    }
    return participant.dropped(gid) ? 'ABORT' : 'UNKNOWN';
  }

  private onDecisionReply(nodeId: string, from: string, message: Extract<TransactionMessage, { type: 'DecisionReply' }>): void {
    const entry = this.deps.cluster.storageOf(nodeId).preparedTransaction(message.gid);
    if (entry === undefined || entry.status !== 'PREPARED') return;
    const watch = this.memory(nodeId).watches.get(message.gid);
    if (entry.coordinatorNodeId !== null && from === this.writerOf(entry.coordinatorNodeId) && watch !== undefined) {
      watch.lastHeardMs = this.now();
      watch.askedAtMs = null;
      if (watch.inDoubt) {
        watch.inDoubt = false;
        this.updateParticipant(message.gid, nodeId, { state: 'PREPARED' });
      }
    }
    if (message.outcome === 'UNKNOWN') return;
    const finished = this.finishPrepared(nodeId, message.gid, message.outcome);
    if (finished !== 'applied' || entry.coordinatorNodeId === null) return;
    // Tell the coordinator (if it runs) so it can forget.
    this.updateParticipant(message.gid, nodeId, { acknowledged: true });
    this.send(nodeId, this.writerOf(entry.coordinatorNodeId), { type: 'Ack', gid: message.gid, outcome: message.outcome, heuristic: null });
  }

  /** A restarted coordinator's Recover: its earlier incarnations' unprepared work is dropped, and the prepared gids it coordinates are listed. */
  private onRecover(nodeId: string, from: string, message: Extract<TransactionMessage, { type: 'Recover' }>): void {
    const memory = this.memory(nodeId);
    const participant = this.deps.participantOf(nodeId);
    for (const [gid, session] of [...memory.sessions]) {
      // Work sent by an earlier incarnation of `from`, or by a coordinator whose role `from` took over (a failover): its session is gone.
      const gone = session.coordinatorId === from ? session.epoch < message.epoch : this.writerOf(session.coordinatorId) === from;
      if (!gone) continue;
      memory.sessions.delete(gid);
      if (participant.hasWork(gid)) participant.discard(gid, `${gid} was dropped: its coordinator ${from} restarted`);
    }
    const prepared = this.deps.cluster
      .storageOf(nodeId)
      .preparedTransactions()
      .filter((entry) => entry.status === 'PREPARED' && entry.coordinatorNodeId !== null && this.writerOf(entry.coordinatorNodeId) === from)
      .map((entry) => entry.gid);
    this.send(nodeId, from, { type: 'RecoverReply', prepared });
  }

  // ================================================================ time, crashes and restarts

  /** Every decisionRetryMs: coordinators re-send decisions; prepared participants ask for theirs, then their peers. */
  tick(): void {
    this.attachNodes();
    this.followRoles();
    const { decisionTimeoutMs } = this.deps.config();
    const nowMs = this.now();
    for (const nodeId of this.deps.cluster.nodeIds()) {
      if (!this.isUp(nodeId)) continue;
      const memory = this.memory(nodeId);
      for (const txn of [...memory.coordinated.values()]) {
        if (txn.decision === null) continue;
        if (txn.acks.size === txn.participants.length) this.complete(nodeId, txn);
        else this.sendDecisions(nodeId, txn);
        if (!this.isUp(nodeId)) break;
      }
      if (!this.isUp(nodeId)) continue;
      if (this.isStandby(nodeId)) continue;
      for (const entry of this.deps.cluster.storageOf(nodeId).preparedTransactions()) {
        if (entry.status !== 'PREPARED' || entry.coordinatorNodeId === null) continue;
        let watch = memory.watches.get(entry.gid);
        if (watch === undefined) {
          watch = { lastHeardMs: nowMs, askedAtMs: null, inDoubt: false };
          memory.watches.set(entry.gid, watch);
        }
        if (nowMs - watch.lastHeardMs < decisionTimeoutMs) continue;
        if (!watch.inDoubt && watch.askedAtMs !== null && nowMs - watch.askedAtMs >= decisionTimeoutMs) {
          watch.inDoubt = true;
          this.updateParticipant(entry.gid, nodeId, { state: 'IN_DOUBT' });
        }
        watch.askedAtMs ??= nowMs;
        if (!this.askForDecision(nodeId, entry.gid, entry.coordinatorNodeId, watch.inDoubt ? entry.participants : [])) break;
      }
    }
  }

  /** Asks the coordinator, then the peers (each where its writer is now); false when the node went down on the way. */
  private askForDecision(nodeId: string, gid: string, coordinator: string, peers: readonly string[]): boolean {
    if (!this.send(nodeId, this.writerOf(coordinator), { type: 'DecisionRequest', gid, toCoordinator: true })) return false;
    for (const peer of peers.map((name) => this.writerOf(name))) {
      if (peer !== nodeId && !this.send(nodeId, peer, { type: 'DecisionRequest', gid, toCoordinator: false })) return false;
    }
    return true;
  }

  /** A node crashed: its memory is gone (its storage already lost what it had not flushed). */
  crashed(nodeId: string): void {
    this.forgetCoordinated(nodeId);
    this.memories.delete(nodeId);
    this.deps.participantOf(nodeId).crash();
  }

  /** The node's memory as coordinator is gone: undecided transactions are lost (presumed abort), logged COMMITs wait in the log. */
  private forgetCoordinated(nodeId: string): void {
    const memory = this.memories.get(nodeId);
    if (memory === undefined) return;
    for (const txn of memory.coordinated.values()) {
      this.clearPrepareTimer(txn);
      if (txn.timeoutTimer !== null) this.deps.runtime.clock.cancel(txn.timeoutTimer);
      txn.timeoutTimer = null;
      if (txn.decision === null) this.deps.registry.updateTransaction(txn.gid, { coordinatorLost: true });
    }
    memory.coordinated.clear();
  }

  /**
   * Promotions and demotions since the last tick (a failover or switchover of the physical group).
   * A demoted node loses its memory as coordinator, as PostgreSQL restarted as a standby by Patroni
   * does; a promoted one recovers, as coordinator and participant, everything it now serves: the
   * COMMITs of the log rows it replayed, presumed abort for the rest, the prepared transactions it
   * replayed. Demotions first, so a promoted node never meets the memory of the one it replaced.
   */
  private followRoles(): void {
    const changed: { nodeId: string; role: WriteRole }[] = [];
    for (const nodeId of this.deps.cluster.nodeIds()) {
      const role = this.deps.cluster.writeRoleOf(nodeId);
      const before = this.roles.get(nodeId);
      this.roles.set(nodeId, role);
      if (before !== undefined && before !== role && (before === 'STANDBY' || role === 'STANDBY')) changed.push({ nodeId, role });
    }
    for (const { nodeId } of changed.filter((change) => change.role === 'STANDBY')) this.forgetCoordinated(nodeId);
    for (const { nodeId } of changed.filter((change) => change.role !== 'STANDBY')) if (this.isUp(nodeId)) this.restarted(nodeId);
  }

  /**
   * A node came back (or was promoted): as coordinator it re-sends the COMMITs its log holds and
   * asks every node for what it holds prepared under it (aborting what has no row); as participant
   * it asks for the decision of each transaction it holds prepared. A standby does neither: its
   * primary serves what it replays.
   */
  restarted(nodeId: string): void {
    this.attachNodes();
    this.roles.set(nodeId, this.deps.cluster.writeRoleOf(nodeId));
    if (this.isStandby(nodeId)) return;
    const epoch = (this.epochs.get(nodeId) ?? 0) + 1;
    this.epochs.set(nodeId, epoch);
    const memory = this.memory(nodeId);
    const nowMs = this.now();
    const storage = this.deps.cluster.storageOf(nodeId);
    for (const stored of storage.tableImage(COORDINATOR_LOG_TABLE)) {
      const row = stored.row as unknown as CoordinatorLogRow;
      if (memory.coordinated.has(row.gid)) continue;
      memory.coordinated.set(row.gid, {
        gid: row.gid,
        coordinator: row.coordinatorNodeId,
        participants: row.participants,
        writes: new Map(),
        lockTimeoutMs: 0,
        prepareTimeoutMs: 0,
        deadlineMs: nowMs,
        phase: 'DECIDED',
        prepareRequested: true,
        commitRequested: true,
        executed: new Set(row.participants),
        votes: new Map(),
        acks: new Set(),
        decision: 'COMMIT',
        prepareSentAtMs: null,
        decidedAtMs: row.decidedAtMs,
        logged: true,
        prepareTimer: null,
        timeoutTimer: null,
      });
    }
    for (const record of this.deps.registry.liveRecords()) {
      if (this.writerOf(record.coordinatorNodeId) !== nodeId || record.decision !== null) continue;
      const logged = memory.coordinated.get(record.transactionId);
      const how = record.coordinatorNodeId === nodeId ? `the coordinator ${nodeId} restarted` : `${nodeId} took over the coordinator ${record.coordinatorNodeId}'s role`;
      this.deps.registry.updateTransaction(record.transactionId, logged !== undefined ? { decision: 'COMMIT', phase: 'DECIDED' } : { decision: 'ABORT', phase: 'DECIDED', reason: `presumed abort: ${how} without a COMMIT in its log` });
    }
    for (const txn of [...memory.coordinated.values()]) {
      this.sendDecisions(nodeId, txn);
      if (!this.isUp(nodeId)) return;
    }
    for (const other of this.deps.cluster.nodeIds()) {
      if (!this.send(nodeId, other, { type: 'Recover', epoch })) return;
    }
    for (const entry of storage.preparedTransactions()) {
      if (entry.status !== 'PREPARED' || entry.coordinatorNodeId === null) continue;
      memory.watches.set(entry.gid, { lastHeardMs: nowMs, askedAtMs: nowMs, inDoubt: false });
      if (!this.askForDecision(nodeId, entry.gid, entry.coordinatorNodeId, [])) return;
    }
  }

  /** The participant side of a heuristic decision: a later decision request is answered from the two-phase state. */
  forgetWatch(nodeId: string, gid: string): void {
    this.memories.get(nodeId)?.watches.delete(gid);
  }

  close(): void {
    for (const memory of this.memories.values()) {
      for (const txn of memory.coordinated.values()) {
        this.clearPrepareTimer(txn);
        if (txn.timeoutTimer !== null) this.deps.runtime.clock.cancel(txn.timeoutTimer);
      }
    }
    for (const nodeId of this.attached) this.network.detach(nodeId);
  }

  // ================================================================ plumbing

  private send(from: string, to: string, message: TransactionMessage): boolean {
    if (!this.deps.step(from, 'send', message.type, gidOfMessage(message))) return false;
    this.network.send(from, to, message);
    return true;
  }

  private deliver(nodeId: string, from: string, message: TransactionMessage): void {
    // A standby answers for nothing: its primary serves its participants and coordinator now (a message that finds one was sent before a failover).
    if (!this.isUp(nodeId) || this.isStandby(nodeId)) return;
    if (!this.deps.step(nodeId, 'receive', message.type, gidOfMessage(message))) return;
    switch (message.type) {
      case 'Execute':
        return this.onExecute(nodeId, from, message);
      case 'Executed':
        return this.onExecuted(nodeId, from, message);
      case 'Prepare':
        return this.onPrepare(nodeId, from, message);
      case 'Vote':
        return this.onVote(nodeId, from, message);
      case 'CommitOnePhase':
        return this.onCommitOnePhase(nodeId, from, message);
      case 'OnePhaseResult':
        return;
      case 'Decision':
        return this.onDecision(nodeId, from, message);
      case 'Ack':
        return this.onAck(nodeId, from, message);
      case 'DecisionRequest':
        return this.onDecisionRequest(nodeId, from, message);
      case 'DecisionReply':
        return this.onDecisionReply(nodeId, from, message);
      case 'Recover':
        return this.onRecover(nodeId, from, message);
      case 'RecoverReply':
        return this.onRecoverReply(nodeId, from, message);
    }
  }

  private attachNodes(): void {
    for (const nodeId of this.deps.cluster.nodeIds()) {
      if (this.attached.has(nodeId)) continue;
      this.attached.add(nodeId);
      this.network.attach(nodeId, (from, message) => this.deliver(nodeId, from, message));
    }
  }

  private memory(nodeId: string): NodeMemory {
    let memory = this.memories.get(nodeId);
    if (memory === undefined) {
      memory = { coordinated: new Map(), sessions: new Map(), watches: new Map() };
      this.memories.set(nodeId, memory);
    }
    return memory;
  }

  /** Where participant or coordinator `name` is served now: the node itself, or its physical group's primary. */
  private writerOf(name: string): string {
    return this.deps.cluster.writerOf(name);
  }

  /** The participant of `txn` whose writer `nodeId` is (a message from any other node is stale). */
  private participantAt(txn: Coordinated, nodeId: string): string | undefined {
    return txn.participants.find((name) => this.writerOf(name) === nodeId);
  }

  /**
   * The participant `nodeId` acts as for `gid`: itself when it is one, else the one whose physical
   * group it now leads (after a failover, the promoted standby serves the old primary's name).
   */
  actingFor(nodeId: string, gid: string): string {
    const names = this.deps.cluster.storageOf(nodeId).preparedTransaction(gid)?.participants ?? this.deps.registry.liveRecord(gid)?.participants.map((participant) => participant.nodeId) ?? [];
    if (names.includes(nodeId)) return nodeId;
    return names.find((name) => this.writerOf(name) === nodeId) ?? nodeId;
  }

  private updateParticipant(gid: string, nodeId: string, patch: Parameters<TransactionRegistry['updateParticipant']>[2]): void {
    this.deps.registry.updateParticipant(gid, this.actingFor(nodeId, gid), patch);
  }

  /** A standby replays its primary's prepared transactions; the primary is their participant. */
  private isStandby(nodeId: string): boolean {
    return this.deps.cluster.writeRoleOf(nodeId) === 'STANDBY';
  }

  private isUp(nodeId: string): boolean {
    return !this.deps.runtime.faults.isCrashed(nodeId);
  }

  private now(): number {
    return this.deps.runtime.clock.now();
  }
}
