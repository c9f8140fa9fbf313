/**
 * The contract's shapes of distributed transactions and XA (spec/openapi/components/transactions.yaml),
 * and the pure mappers from the engine's views to them: cluster epoch milliseconds become ISO
 * times, lock holders are named as the API names transactions, counters are grouped as the
 * contract groups them.
 */
import type { LockWait as EngineLockWait } from '../../engines/transactions/participant.js';
import type { LatencyPercentiles } from '../../engines/transactions/statistics.js';
import type { Decision, ParticipantState, TransactionState, Vote } from '../../engines/transactions/transaction-state.js';
import type {
  DistributedTransactionView,
  InDoubtTransactionView,
  ParticipantView,
  ResolutionAction,
  ResolutionOutcome,
  ResolutionView,
  ResourceManagerView,
  TransactionStatisticsView,
  XaBranchView,
  XaStatisticsView,
} from '../../engines/transactions/transaction-views.js';
import type { XaBranchState } from '../../engines/transactions/xa-branch.js';
import { formatXid, xidOfGid } from '../../engines/transactions/xid.js';
import { isoTime } from '../platform/iso-time.js';

// ================================================================ two-phase commit

export interface LockWait {
  table: string;
  key: string;
  /** A distributed transaction's id, or an XA transaction's xid. */
  heldBy: string;
  waitingSince: string;
  timeoutAt: string;
}

export interface TransactionParticipant {
  nodeId: string;
  reachable: boolean;
  state: ParticipantState;
  vote: Vote | null;
  reason: string | null;
  writeCount: number;
  locksHeld: number;
  lockWait: LockWait | null;
  prepareLsn: string | null;
  xmin: number | null;
  preparedAt: string | null;
  finishedAt: string | null;
  acknowledged: boolean;
}

export interface DistributedTransaction {
  transactionId: string;
  state: TransactionState;
  coordinatorNodeId: string;
  onePhase: boolean;
  participants: TransactionParticipant[];
  decision: Decision | null;
  reason: string | null;
  contradictsDecision: boolean;
  prepareTimeoutMs: number;
  lockTimeoutMs: number;
  timeoutMs: number;
  begunAt: string;
  preparedAt: string | null;
  decidedAt: string | null;
  finishedAt: string | null;
  inDoubtSince: string | null;
  forgottenAt: string | null;
  durationMs: number;
}

export const DISTRIBUTED_TRANSACTION_FIELDS: readonly (keyof DistributedTransaction)[] = [
  'transactionId', 'state', 'coordinatorNodeId', 'onePhase', 'participants', 'decision', 'reason', 'contradictsDecision', 'prepareTimeoutMs',
  'lockTimeoutMs', 'timeoutMs', 'begunAt', 'preparedAt', 'decidedAt', 'finishedAt', 'inDoubtSince', 'forgottenAt', 'durationMs',
];

/** What a commit request achieved. */
export interface DistributedCommitResult {
  transactionId: string;
  committed: boolean;
  decision: Decision | null;
  onePhase: boolean;
  transaction: DistributedTransaction;
}

export interface HeldLock {
  nodeId: string;
  table: string;
  key: string;
}

export interface InDoubtTransaction {
  transactionId: string;
  ageMs: number;
  inDoubtMs: number;
  coordinatorNodeId: string;
  coordinatorReachable: boolean;
  coordinatorLog: 'COMMIT' | null;
  locks: HeldLock[];
  oldestXmin: number | null;
  transaction: DistributedTransaction;
}

export interface ParticipantResolution {
  nodeId: string;
  state: ParticipantState;
  action: ResolutionAction;
  reason: string | null;
  locksReleased: { table: string; key: string }[];
  rowsWritten: number;
}

export interface InDoubtResolution {
  transactionId: string;
  outcome: ResolutionOutcome;
  dryRun: boolean;
  participants: ParticipantResolution[];
  coordinatorLog: 'COMMIT' | null;
  contradictsCoordinator: boolean;
  resultingState: TransactionState;
  transaction: DistributedTransaction;
}

export interface DistributedTransactionStatistics {
  begun: number;
  active: number;
  prepared: number;
  inDoubt: number;
  committed: number;
  onePhaseCommits: number;
  aborted: number;
  heuristic: { commit: number; rollback: number; mixed: number; hazard: number; forgotten: number };
  votes: { yes: number; no: number };
  lockWaits: { waits: number; timedOut: number };
  prepareLatency: LatencyPercentiles;
  commitLatency: LatencyPercentiles;
  totalLatency: LatencyPercentiles;
  lockWaitLatency: LatencyPercentiles;
  latencySince: string;
}

// ================================================================ XA

export interface XaTransaction {
  xid: string;
  formatId: number;
  gtrid: string | null;
  gtridHex: string;
  bqual: string | null;
  bqualHex: string;
  resourceManager: string;
  nodeId: string;
  state: XaBranchState;
  onePhase: boolean;
  writeCount: number;
  locksHeld: number;
  lockWait: LockWait | null;
  prepareLsn: string | null;
  reason: string | null;
  timeoutMs: number;
  timeoutAt: string | null;
  startedAt: string;
  updatedAt: string;
  preparedAt: string | null;
  finishedAt: string | null;
}

export const XA_TRANSACTION_FIELDS: readonly (keyof XaTransaction)[] = [
  'xid', 'formatId', 'gtrid', 'gtridHex', 'bqual', 'bqualHex', 'resourceManager', 'nodeId', 'state', 'onePhase', 'writeCount', 'locksHeld', 'lockWait',
  'prepareLsn', 'reason', 'timeoutMs', 'timeoutAt', 'startedAt', 'updatedAt', 'preparedAt', 'finishedAt',
];

/** A PREPARED XA transaction as `XA RECOVER CONVERT XID` lists it. */
export interface XaRecoveredTransaction {
  formatId: number;
  gtridLength: number;
  bqualLength: number;
  data: string;
  xid: string;
  resourceManager: string;
  nodeId: string;
  preparedAt: string;
}

export interface XaResourceManager {
  name: string;
  nodeId: string;
  registeredAt: string;
  liveTransactions: number;
  preparedTransactions: number;
}

export const XA_RESOURCE_MANAGER_FIELDS: readonly (keyof XaResourceManager)[] = ['name', 'nodeId', 'registeredAt', 'liveTransactions', 'preparedTransactions'];

export interface XaStatistics {
  resourceManagers: number;
  byState: Record<XaBranchState, number>;
  started: number;
  prepared: number;
  committed: number;
  onePhaseCommits: number;
  rolledBack: number;
  timedOut: number;
  recovered: number;
}

// ================================================================ pure mappers

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));

/** A lock holder as the API names it: `dtx-N`, or an XA branch's xid in MySQL's notation. */
export function holderName(gid: string): string {
  const xid = xidOfGid(gid);
  return xid === null ? gid : formatXid(xid);
}

export function lockWaitOf(wait: EngineLockWait | null): LockWait | null {
  if (wait === null) return null;
  return { table: wait.table, key: wait.key, heldBy: holderName(wait.heldBy), waitingSince: isoTime(wait.sinceMs), timeoutAt: isoTime(wait.timeoutAtMs) };
}

function participantOf(view: ParticipantView): TransactionParticipant {
  return {
    nodeId: view.nodeId,
    reachable: view.reachable,
    state: view.state,
    vote: view.vote,
    reason: view.reason,
    writeCount: view.writes,
    locksHeld: view.locksHeld,
    lockWait: lockWaitOf(view.waitingForLock),
    prepareLsn: view.prepareLsn,
    xmin: view.xminPinned,
    preparedAt: isoOrNull(view.preparedAtMs),
    finishedAt: isoOrNull(view.finishedAtMs),
    acknowledged: view.acknowledged,
  };
}

export function distributedTransactionOf(view: DistributedTransactionView): DistributedTransaction {
  return {
    transactionId: view.transactionId,
    state: view.state,
    coordinatorNodeId: view.coordinatorNodeId,
    onePhase: view.onePhase,
    participants: view.participants.map(participantOf),
    decision: view.decision,
    reason: view.reason,
    contradictsDecision: view.contradictsDecision,
    prepareTimeoutMs: view.prepareTimeoutMs,
    lockTimeoutMs: view.lockTimeoutMs,
    timeoutMs: view.timeoutMs,
    begunAt: isoTime(view.begunAtMs),
    preparedAt: isoOrNull(view.preparedAtMs),
    decidedAt: isoOrNull(view.decidedAtMs),
    finishedAt: isoOrNull(view.finishedAtMs),
    inDoubtSince: isoOrNull(view.inDoubtSinceMs),
    forgottenAt: isoOrNull(view.forgottenAtMs),
    durationMs: view.durationMs,
  };
}

/**
 * What a commit achieved. Committed once COMMIT is durable: logged by the coordinator, or, in one
 * phase, written by the single participant (the coordinator decides nothing then, so the
 * participant's outcome is the decision).
 */
export function commitResultOf(transaction: DistributedTransaction): DistributedCommitResult {
  const decision = transaction.decision ?? (transaction.onePhase && transaction.state === 'COMMITTED' ? 'COMMIT' : transaction.onePhase && transaction.state === 'ABORTED' ? 'ABORT' : null);
  return { transactionId: transaction.transactionId, committed: decision === 'COMMIT', decision, onePhase: transaction.onePhase, transaction };
}

export function inDoubtTransactionOf(view: InDoubtTransactionView): InDoubtTransaction {
  return {
    transactionId: view.transactionId,
    ageMs: view.ageMs,
    inDoubtMs: view.inDoubtForMs,
    coordinatorNodeId: view.coordinatorNodeId,
    coordinatorReachable: view.coordinatorReachable,
    coordinatorLog: view.coordinatorLog === 'COMMIT' ? 'COMMIT' : null,
    locks: view.locks.map((lock) => ({ nodeId: lock.nodeId, table: lock.table, key: lock.key })),
    oldestXmin: view.xminPinned,
    transaction: distributedTransactionOf(view),
  };
}

export function resolutionOf(view: ResolutionView): InDoubtResolution {
  return {
    transactionId: view.transactionId,
    outcome: view.outcome,
    dryRun: view.dryRun,
    participants: view.participants.map((participant) => ({
      nodeId: participant.nodeId,
      state: participant.state,
      action: participant.action,
      reason: participant.reason,
      locksReleased: participant.locksReleased.map((lock) => ({ table: lock.table, key: lock.key })),
      rowsWritten: participant.rowsWritten,
    })),
    coordinatorLog: view.coordinatorLog === 'COMMIT' ? 'COMMIT' : null,
    contradictsCoordinator: view.contradictsCoordinator,
    resultingState: view.resultingState,
    transaction: distributedTransactionOf(view.transaction),
  };
}

export function statisticsOf(view: TransactionStatisticsView): DistributedTransactionStatistics {
  const { counters } = view;
  return {
    begun: counters.begun,
    active: view.active,
    prepared: view.prepared,
    inDoubt: view.inDoubt,
    committed: counters.committed,
    onePhaseCommits: counters.committedOnePhase,
    aborted: counters.aborted,
    heuristic: {
      commit: counters.heuristicCommit,
      rollback: counters.heuristicRollback,
      mixed: counters.heuristicMixed,
      hazard: counters.heuristicHazard,
      forgotten: counters.forgotten,
    },
    votes: { yes: counters.votesYes, no: counters.votesNo },
    lockWaits: { waits: counters.lockWaits, timedOut: counters.lockWaitTimeouts },
    prepareLatency: view.prepareLatency,
    commitLatency: view.commitLatency,
    totalLatency: view.totalLatency,
    lockWaitLatency: view.lockWaitLatency,
    latencySince: isoTime(view.latencySinceMs),
  };
}

export function xaTransactionOf(view: XaBranchView): XaTransaction {
  return {
    xid: view.xid,
    formatId: view.formatId,
    gtrid: view.gtrid,
    gtridHex: view.gtridHex,
    bqual: view.bqual,
    bqualHex: view.bqualHex,
    resourceManager: view.resourceManager,
    nodeId: view.nodeId,
    state: view.state,
    onePhase: view.onePhase,
    writeCount: view.writes,
    locksHeld: view.locksHeld,
    lockWait: lockWaitOf(view.waitingForLock),
    prepareLsn: view.prepareLsn,
    reason: view.reason,
    timeoutMs: view.timeoutMs,
    timeoutAt: isoOrNull(view.timeoutAtMs),
    startedAt: isoTime(view.startedAtMs),
    updatedAt: isoTime(view.updatedAtMs),
    preparedAt: isoOrNull(view.preparedAtMs),
    finishedAt: isoOrNull(view.finishedAtMs),
  };
}

/** `XA RECOVER CONVERT XID`'s row: lengths in bytes, and gtrid then bqual in hexadecimal. */
export function recoveredOf(view: XaBranchView): XaRecoveredTransaction {
  return {
    formatId: view.formatId,
    gtridLength: view.gtridHex.length / 2,
    bqualLength: view.bqualHex.length / 2,
    data: `0x${view.gtridHex}${view.bqualHex}`,
    xid: view.xid,
    resourceManager: view.resourceManager,
    nodeId: view.nodeId,
    // recover lists PREPARED branches only, and a PREPARED branch has its time.
    preparedAt: isoTime(view.preparedAtMs ?? view.updatedAtMs),
  };
}

export function resourceManagerOf(view: ResourceManagerView): XaResourceManager {
  return { name: view.name, nodeId: view.nodeId, registeredAt: isoTime(view.registeredAtMs), liveTransactions: view.branches, preparedTransactions: view.prepared };
}

export function xaStatisticsOf(view: XaStatisticsView): XaStatistics {
  const { counters } = view;
  return {
    resourceManagers: view.resourceManagers,
    byState: { ...view.branchesByState },
    started: counters.started,
    prepared: counters.prepared,
    committed: counters.committed,
    onePhaseCommits: counters.committedOnePhase,
    rolledBack: counters.rolledBack,
    timedOut: counters.timedOut,
    recovered: counters.recovered,
  };
}
