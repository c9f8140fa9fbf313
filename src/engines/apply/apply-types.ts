/**
 * The seam between the apply engine and what feeds it (logical subscriptions) and what it writes
 * to (a target node): decoded transactions, the target port and its outcomes. See README.md.
 */
import type { DecodedChange, DecodedTransaction } from '../replication/logical-decoding.js';
import type { Lsn } from '../replication/lsn.js';

/** One source transaction as a logical slot decodes it (pgoutput's BEGIN to COMMIT), in commit order: logical decoding's one type. */
export type { DecodedTransaction } from '../replication/logical-decoding.js';

/**
 * What a target did with one transaction. Targets may say more (logical adds the changes applied
 * and skipped and the apply conflicts met); the engine reads these fields.
 */
export type ApplyOutcome =
  | { readonly status: 'APPLIED' }
  /** `transient`: the target cannot take it now (a crashed node): retried with backoff. Otherwise permanent: the policy decides. */
  | { readonly status: 'FAILED'; readonly transient: boolean; readonly message: string };

/** Where an applier writes: one node. Implemented by logical subscriptions, and by {@link StorageApplyTarget} for direct use. */
export interface ApplyTarget<Outcome extends ApplyOutcome = ApplyOutcome> {
  readonly nodeId: string;
  /**
   * Applies one transaction, all or nothing. A thrown `DomainError` counts as a permanent
   * failure; any other throw is a bug and propagates.
   */
  apply(transaction: DecodedTransaction): Outcome;
}

/** Told what became of each transaction (logical counts its apply conflicts and follows `disable_on_error` here). */
export interface ApplierListener<Outcome extends ApplyOutcome = ApplyOutcome> {
  applied?(transaction: DecodedTransaction, outcome: Outcome): void;
  /** A failure, and what follows: a retry, or the permanent-error policy's response. */
  failed?(transaction: DecodedTransaction, outcome: Extract<Outcome, { status: 'FAILED' }> | { status: 'FAILED'; transient: false; message: string }, handling: 'RETRY' | PermanentErrorPolicy): void;
}

/** An applier's state (GoldenGate's process states: RUNNING, STOPPED, ABENDED). */
export type ApplierState = 'RUNNING' | 'STOPPED' | 'ABENDED';

/** Where one transaction stands in an applier. */
export type ApplyTransactionStatus = 'QUEUED' | 'APPLYING' | 'RETRY_WAIT' | 'APPLIED' | 'FAILED' | 'SKIPPED' | 'DISCARDED';

/** What a permanent error does (GoldenGate's REPERROR responses ABEND, IGNORE and DISCARD). */
export type PermanentErrorPolicy = 'ABEND' | 'SKIP' | 'DISCARD';

/** Why a checkpoint was recorded. */
export type CheckpointTrigger = 'AUTO' | 'MANUAL';

/** One entry of an applier's checkpoint history. */
export interface CheckpointRecord {
  readonly subscriptionId: string;
  /** Everything below it is applied: the position the source resends from after a restart. */
  readonly checkpointLsn: Lsn;
  /** Transactions applied above `checkpointLsn` (parallel apply), kept so a restart skips them. */
  readonly appliedAboveCount: number;
  readonly trigger: CheckpointTrigger;
  readonly takenAtMs: number;
}

/** A transaction given up by SKIP, DISCARD or `skip`, as the discard list keeps it. */
export interface DiscardedTransaction {
  readonly lsn: Lsn;
  readonly xid: number;
  readonly reason: string;
  readonly discardedAtMs: number;
  /** The changes not applied (DISCARD keeps them, SKIP only counts them). */
  readonly changes: readonly DecodedChange[];
}
