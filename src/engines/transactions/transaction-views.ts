/**
 * What the API shows of distributed transactions, XA branches and resource managers: plain data,
 * every number measured from engine state (times are cluster epoch milliseconds).
 */
import type { RowRef } from '../replication/node-storage.js';
import type { LockWait } from './participant.js';
import type { LatencyPercentiles, TransactionCounters, XaCounters } from './statistics.js';
import type { Decision, ParticipantState, TransactionState, Vote } from './transaction-state.js';
import type { XaBranchState } from './xa-branch.js';

export interface ParticipantView {
  nodeId: string;
  state: ParticipantState;
  vote: Vote | null;
  /** Why it voted NO or ended as it did; null otherwise. */
  reason: string | null;
  /** Writes it makes. */
  writes: number;
  /** Row locks it holds now (tentative or prepared). */
  locksHeld: number;
  /** The row a write of it waits for, if any. */
  waitingForLock: LockWait | null;
  /** Where its PREPARE record starts (`X/Y`); null before it prepared. */
  prepareLsn: string | null;
  /** The xid its prepared transaction pins (its PREPARE record's); null when not prepared. */
  xminPinned: number | null;
  preparedAtMs: number | null;
  finishedAtMs: number | null;
  /** It acknowledged the coordinator's decision. */
  acknowledged: boolean;
  /** Its node runs now. */
  reachable: boolean;
}

/** What a transaction's stored record and its view share. */
export interface TransactionFields {
  transactionId: string;
  state: TransactionState;
  coordinatorNodeId: string;
  /** Committed (or committing) in one phase: one participant, no PREPARE. */
  onePhase: boolean;
  /** The coordinator's decision once known: COMMIT once logged, ABORT once decided or presumed. */
  decision: Decision | null;
  /** Why it aborted, or what an operator did; null otherwise. */
  reason: string | null;
  prepareTimeoutMs: number;
  lockTimeoutMs: number;
  timeoutMs: number;
  begunAtMs: number;
  /** When every participant had voted YES. */
  preparedAtMs: number | null;
  decidedAtMs: number | null;
  finishedAtMs: number | null;
  /** When it last became IN_DOUBT; null if it never was. */
  inDoubtSinceMs: number | null;
  /** A heuristic outcome against the coordinator's decision. */
  contradictsDecision: boolean;
  /** When an operator forgot its heuristic outcome (it is then in the history); null otherwise. */
  forgottenAtMs: number | null;
}

export interface DistributedTransactionView extends TransactionFields {
  participants: ParticipantView[];
  /** Cluster time since begin (to the end once finished). */
  durationMs: number;
}

/** A lock an in-doubt transaction holds. */
export interface HeldLock extends RowRef {
  nodeId: string;
}

export interface InDoubtTransactionView extends DistributedTransactionView {
  /** Since its first PREPARE record. */
  ageMs: number;
  /** Since it became IN_DOUBT. */
  inDoubtForMs: number;
  coordinatorReachable: boolean;
  /** What the coordinator's log (pg_dist_transaction on its node) holds: COMMIT, or null (no row: abort is presumed). */
  coordinatorLog: Decision | null;
  locks: HeldLock[];
  /** The oldest xid its participants pin. */
  xminPinned: number | null;
}

export type ResolutionOutcome = 'COMMIT' | 'ROLLBACK';
export type ResolutionAction = 'COMMIT_PREPARED' | 'ROLLBACK_PREPARED' | 'NONE';

export interface ParticipantResolution {
  nodeId: string;
  state: ParticipantState;
  action: ResolutionAction;
  /** Why NONE (not prepared, node down, not chosen); null otherwise. */
  reason: string | null;
  locksReleased: RowRef[];
  /** Rows COMMIT PREPARED writes (0 for a rollback). */
  rowsWritten: number;
}

export interface ResolutionView {
  transactionId: string;
  outcome: ResolutionOutcome;
  dryRun: boolean;
  participants: ParticipantResolution[];
  coordinatorLog: Decision | null;
  /** The coordinator's log holds the other decision. */
  contradictsCoordinator: boolean;
  /** The state it has (or, for a dry run, would have) afterwards. */
  resultingState: TransactionState;
  transaction: DistributedTransactionView;
}

export interface TransactionStatisticsView {
  counters: TransactionCounters;
  active: number;
  inDoubt: number;
  /** Prepared transactions over every node now. */
  prepared: number;
  prepareLatency: LatencyPercentiles;
  commitLatency: LatencyPercentiles;
  totalLatency: LatencyPercentiles;
  lockWaitLatency: LatencyPercentiles;
  /** When the latency windows began: the server's start (they are not stored; the counters are). */
  latencySinceMs: number;
}

export interface ResourceManagerView {
  name: string;
  nodeId: string;
  registeredAtMs: number;
  /** Live branches on it. */
  branches: number;
  /** Of those, PREPARED. */
  prepared: number;
}

/** What an XA branch's stored record and its view share. */
export interface XaBranchFields {
  state: XaBranchState;
  resourceManager: string;
  nodeId: string;
  /** Committed with onePhase. */
  onePhase: boolean;
  /** Why it became ROLLBACK_ONLY or ROLLED_BACK (with the XA code: XA_RBTIMEOUT, XA_RBROLLBACK); null otherwise. */
  reason: string | null;
  timeoutMs: number;
  /** When an ACTIVE or IDLE branch is rolled back by the timeout; null once prepared or finished. */
  timeoutAtMs: number | null;
  startedAtMs: number;
  updatedAtMs: number;
  preparedAtMs: number | null;
  finishedAtMs: number | null;
}

export interface XaBranchView extends XaBranchFields {
  /** MySQL's notation: `'gtrid','bqual',1`, or `X'…'` parts for bytes that are not printable. */
  xid: string;
  formatId: number;
  gtrid: string | null;
  gtridHex: string;
  bqual: string | null;
  bqualHex: string;
  writes: number;
  locksHeld: number;
  waitingForLock: LockWait | null;
  prepareLsn: string | null;
}

export interface XaStatisticsView {
  counters: XaCounters;
  branchesByState: Record<XaBranchState, number>;
  resourceManagers: number;
}
