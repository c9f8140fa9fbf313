/**
 * Events the distributed-transactions engine publishes on the platform's bus, one per lifecycle
 * step. Each payload names its nodes in `nodeIds` and carries the transaction's id (or the xid)
 * and its state, so the streams and subscriptions can filter by id and state.
 */
import type { XaBranchState } from './xa-branch.js';
import type { Decision, HeuristicOutcome, TransactionState, Vote } from './transaction-state.js';

/** Payload of `distributed_transaction_begun`. */
export interface TransactionBegunPayload {
  transactionId: string;
  state: TransactionState;
  coordinatorNodeId: string;
  /** The participants. */
  nodeIds: string[];
  writes: number;
}

/** Payload of `distributed_transaction_prepared`: one participant's vote (YES after its PREPARE record, or NO and why). */
export interface TransactionPreparedPayload {
  transactionId: string;
  state: TransactionState;
  nodeId: string;
  nodeIds: string[];
  vote: Vote;
  reason: string | null;
  /** Where its PREPARE record starts (`X/Y`); null for a NO. */
  prepareLsn: string | null;
}

/** Payload of `distributed_transaction_committed` and `distributed_transaction_aborted`. */
export interface TransactionEndedPayload {
  transactionId: string;
  state: TransactionState;
  nodeIds: string[];
  onePhase: boolean;
  reason: string | null;
  /** Cluster time from begin to the end. */
  durationMs: number;
}

/** Payload of `distributed_transaction_in_doubt`: participants prepared, and no decision reaches them. */
export interface TransactionInDoubtPayload {
  transactionId: string;
  state: TransactionState;
  coordinatorNodeId: string;
  /** The participants in doubt. */
  nodeIds: string[];
  reason: string;
}

/** Payload of `distributed_transaction_heuristic`: an operator's decision, or its reclassification when the coordinator's decision is known. */
export interface TransactionHeuristicPayload {
  transactionId: string;
  state: HeuristicOutcome;
  /** The participants an operator completed by hand. */
  nodeIds: string[];
  /** The coordinator's decision, once known. */
  decision: Decision | null;
  contradictsDecision: boolean;
}

/** Payload of `distributed_transaction_forgotten`. */
export interface TransactionForgottenPayload {
  transactionId: string;
  state: HeuristicOutcome;
  nodeIds: string[];
}

/** Payload of `xa_branch_state_changed`. */
export interface XaBranchStateChangedPayload {
  /** MySQL's notation: `'gtrid','bqual',1`. */
  xid: string;
  from: XaBranchState | null;
  to: XaBranchState;
  state: XaBranchState;
  resourceManager: string;
  nodeId: string;
  nodeIds: string[];
  reason: string | null;
}

export interface TransactionsEventMap {
  [type: string]: unknown;
  distributed_transaction_begun: TransactionBegunPayload;
  distributed_transaction_prepared: TransactionPreparedPayload;
  distributed_transaction_committed: TransactionEndedPayload;
  distributed_transaction_aborted: TransactionEndedPayload;
  distributed_transaction_in_doubt: TransactionInDoubtPayload;
  distributed_transaction_heuristic: TransactionHeuristicPayload;
  distributed_transaction_forgotten: TransactionForgottenPayload;
  xa_branch_state_changed: XaBranchStateChangedPayload;
}

export const TRANSACTIONS_EVENT_TYPES: readonly (keyof TransactionsEventMap & string)[] = Object.freeze([
  'distributed_transaction_begun',
  'distributed_transaction_prepared',
  'distributed_transaction_committed',
  'distributed_transaction_aborted',
  'distributed_transaction_in_doubt',
  'distributed_transaction_heuristic',
  'distributed_transaction_forgotten',
  'xa_branch_state_changed',
]);

/** Publishes the engine's events (the platform's EventBus satisfies it). */
export interface TransactionsEventPublisher {
  publish<K extends keyof TransactionsEventMap & string>(type: K, source: string, payload: TransactionsEventMap[K]): unknown;
}
