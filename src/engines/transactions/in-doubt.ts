/**
 * In-doubt management, beyond what PostgreSQL (pg_prepared_xacts), MySQL (XA RECOVER) and
 * Narayana show: each in-doubt transaction with its age, votes, participant states, locks and
 * pinned xmin; what a resolution would do before it is done; and the heuristic decision itself,
 * recorded as such.
 */
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import { DomainError } from '../runtime/domain-error.js';
import type { Participant } from './participant.js';
import type { TransactionRecord, TransactionRegistry } from './transaction-registry.js';
import { deriveTransactionState, isHeuristicState, type Decision, type ParticipantState } from './transaction-state.js';
import type { HeldLock, InDoubtTransactionView, ParticipantResolution, ResolutionOutcome, ResolutionView } from './transaction-views.js';
import { COORDINATOR_LOG_TABLE } from './two-phase-commit.js';

/** Participants and coordinators are names: each is read and acted on where it is served now (`cluster.writerOf`). */
export interface InDoubtDeps {
  cluster: ReplicationCluster;
  registry: TransactionRegistry;
  participantOf(name: string): Participant;
  isUp(name: string): boolean;
  now(): number;
  /** The participant side forgets its wait for a decision an operator took. */
  decidedByHand(nodeId: string, gid: string): void;
}

export interface ResolveInput {
  outcome: ResolutionOutcome;
  /** Only these participants (default: every prepared one). */
  nodeIds?: readonly string[];
  dryRun?: boolean;
}

/** What the coordinator's log on its node says (readable while the node is down): COMMIT, or null (abort is presumed). */
export function coordinatorLogOf(cluster: ReplicationCluster, record: TransactionRecord): Decision | null {
  return cluster.storageOf(cluster.writerOf(record.coordinatorNodeId)).getRow(COORDINATOR_LOG_TABLE, record.transactionId) === undefined ? null : 'COMMIT';
}

export function inDoubtViewOf(deps: InDoubtDeps, record: TransactionRecord): InDoubtTransactionView {
  const nowMs = deps.now();
  const view = deps.registry.view(record);
  const locks: HeldLock[] = [];
  for (const participant of record.participants) {
    for (const row of deps.cluster.storageOf(deps.cluster.writerOf(participant.nodeId)).locksOf(record.transactionId)) locks.push({ nodeId: participant.nodeId, ...row });
  }
  const prepared = record.participants.filter((participant) => participant.preparedAtMs !== null);
  const firstPreparedMs = Math.min(...prepared.map((participant) => participant.preparedAtMs as number), nowMs);
  const xmins = view.participants.map((participant) => participant.xminPinned).filter((xmin): xmin is number => xmin !== null);
  return {
    ...view,
    ageMs: nowMs - firstPreparedMs,
    inDoubtForMs: record.inDoubtSinceMs === null ? 0 : nowMs - record.inDoubtSinceMs,
    coordinatorReachable: deps.isUp(record.coordinatorNodeId),
    coordinatorLog: coordinatorLogOf(deps.cluster, record),
    locks,
    xminPinned: xmins.length === 0 ? null : Math.min(...xmins),
  };
}

/**
 * A dry-run or the resolution itself: heuristic COMMIT PREPARED or ROLLBACK PREPARED on each
 * chosen prepared participant that runs. Only an IN_DOUBT transaction may be resolved by hand.
 * @throws DomainError UNPROCESSABLE (bad outcome or node), CONFLICT (not in doubt, nothing to resolve).
 */
export function resolveInDoubt(deps: InDoubtDeps, record: TransactionRecord, input: ResolveInput): ResolutionView {
  const outcome = input?.outcome;
  if (outcome !== 'COMMIT' && outcome !== 'ROLLBACK') throw new DomainError('UNPROCESSABLE', 'outcome must be COMMIT or ROLLBACK.', { outcome });
  const participantIds = record.participants.map((participant) => participant.nodeId);
  const chosen = input.nodeIds;
  if (chosen !== undefined) {
    const strangers = Array.isArray(chosen) ? chosen.filter((nodeId) => !participantIds.includes(nodeId)) : ['(not a list)'];
    if (strangers.length > 0 || chosen.length === 0) {
      throw new DomainError('UNPROCESSABLE', `nodeIds must name participants of ${record.transactionId} (${participantIds.join(', ')}); got ${strangers.join(', ') || 'none'}.`, { nodeIds: chosen });
    }
  }
  if (record.state !== 'IN_DOUBT') {
    throw new DomainError('CONFLICT', `${record.transactionId} is ${record.state}, not IN_DOUBT: only a transaction whose coordinator cannot decide is resolved by hand.`, {
      transactionId: record.transactionId,
      state: record.state,
      reason: 'NOT_IN_DOUBT',
    });
  }
  const coordinatorLog = coordinatorLogOf(deps.cluster, record);
  const plan = record.participants.map((participant) => planFor(deps, record, participant.nodeId, participant.state, outcome, chosen));
  if (plan.every((step) => step.action === 'NONE')) {
    throw new DomainError('CONFLICT', `Nothing of ${record.transactionId} can be resolved now: ${plan.map((step) => `${step.nodeId} ${step.reason}`).join('; ')}.`, {
      transactionId: record.transactionId,
      state: record.state,
      reason: 'NOTHING_TO_RESOLVE',
    });
  }
  const heuristicState: ParticipantState = outcome === 'COMMIT' ? 'HEURISTIC_COMMIT' : 'HEURISTIC_ROLLBACK';
  const contradictsCoordinator = (coordinatorLog === 'COMMIT') !== (outcome === 'COMMIT');
  if (input.dryRun === true) {
    const resultingState = deriveTransactionState({
      phase: record.phase,
      decision: record.decision,
      coordinatorDown: !deps.isUp(record.coordinatorNodeId),
      coordinatorLost: record.coordinatorLost,
      participants: record.participants.map((participant, index) => ({
        state: plan[index]?.action === 'NONE' ? participant.state : heuristicState,
        reachable: deps.isUp(participant.nodeId),
      })),
    });
    return { transactionId: record.transactionId, outcome, dryRun: true, participants: plan, coordinatorLog, contradictsCoordinator, resultingState, transaction: deps.registry.view(record) };
  }
  const done: string[] = [];
  for (const step of plan) {
    if (step.action === 'NONE') continue;
    const finished = deps.participantOf(step.nodeId).finishPrepared(record.transactionId, outcome, true);
    if (finished !== 'applied') {
      step.action = 'NONE';
      step.reason = finished === null ? 'its node went down' : `it answered ${finished}`;
      continue;
    }
    deps.decidedByHand(step.nodeId, record.transactionId);
    done.push(step.nodeId);
    deps.registry.updateParticipant(record.transactionId, step.nodeId, { state: heuristicState, reason: `heuristic ${outcome} by an operator` });
  }
  if (done.length > 0) deps.registry.updateTransaction(record.transactionId, { reason: `heuristic ${outcome} by an operator on ${done.join(', ')}` });
  return { transactionId: record.transactionId, outcome, dryRun: false, participants: plan, coordinatorLog, contradictsCoordinator, resultingState: record.state, transaction: deps.registry.view(record) };
}

/**
 * Forgets a heuristic outcome: a FORGET record on every node holding one, and the transaction
 * moves to the history. @throws DomainError CONFLICT (not heuristic, a participant still prepared, a node that cannot write).
 */
export function forgetHeuristic(deps: InDoubtDeps, record: TransactionRecord): void {
  if (record.forgottenAtMs !== null) throw new DomainError('CONFLICT', `${record.transactionId} was forgotten already.`, { transactionId: record.transactionId, state: record.state, reason: 'ALREADY_FORGOTTEN' });
  if (!isHeuristicState(record.state)) {
    throw new DomainError('CONFLICT', `${record.transactionId} is ${record.state}: only a heuristic outcome is forgotten.`, { transactionId: record.transactionId, state: record.state, reason: 'NOT_HEURISTIC' });
  }
  const stillPrepared = record.participants.filter((participant) => participant.state === 'PREPARED' || participant.state === 'IN_DOUBT');
  if (stillPrepared.length > 0) {
    throw new DomainError('CONFLICT', `${stillPrepared.map((participant) => participant.nodeId).join(', ')} still hold ${record.transactionId} prepared: resolve them first.`, {
      transactionId: record.transactionId,
      state: record.state,
      reason: 'STILL_PREPARED',
    });
  }
  const holders = record.participants.filter((participant) => deps.cluster.storageOf(deps.cluster.writerOf(participant.nodeId)).preparedTransaction(record.transactionId) !== undefined);
  const blocked = holders.map((participant) => deps.cluster.whyNotWritable(deps.cluster.writerOf(participant.nodeId))).filter((problem): problem is string => problem !== null);
  if (blocked.length > 0) {
    throw new DomainError('CONFLICT', `The heuristic outcome of ${record.transactionId} cannot be forgotten now: ${blocked.join('; ')}.`, { transactionId: record.transactionId, state: record.state, reason: 'NODE_UNAVAILABLE' });
  }
  for (const participant of holders) deps.cluster.forgetHeuristicOn(deps.cluster.writerOf(participant.nodeId), record.transactionId);
  deps.registry.forget(record);
}

function planFor(deps: InDoubtDeps, record: TransactionRecord, nodeId: string, state: ParticipantState, outcome: ResolutionOutcome, chosen: readonly string[] | undefined): ParticipantResolution {
  const none = (reason: string): ParticipantResolution => ({ nodeId, state, action: 'NONE', reason, locksReleased: [], rowsWritten: 0 });
  if (chosen !== undefined && !chosen.includes(nodeId)) return none('is not among the chosen nodes');
  if (state !== 'PREPARED' && state !== 'IN_DOUBT') return none(`is ${state}`);
  const storage = deps.cluster.storageOf(deps.cluster.writerOf(nodeId));
  const entry = storage.preparedTransaction(record.transactionId);
  if (entry === undefined || entry.status !== 'PREPARED') return none('holds nothing prepared');
  const problem = deps.cluster.whyNotWritable(deps.cluster.writerOf(nodeId));
  if (problem !== null) return none(`cannot write: ${problem}`);
  return {
    nodeId,
    state,
    action: outcome === 'COMMIT' ? 'COMMIT_PREPARED' : 'ROLLBACK_PREPARED',
    reason: null,
    locksReleased: storage.locksOf(record.transactionId),
    rowsWritten: outcome === 'COMMIT' ? entry.changes.length : 0,
  };
}
