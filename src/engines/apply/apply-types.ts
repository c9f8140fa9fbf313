/**
 * The seam between the apply engine and what feeds it (logical subscriptions) and what it writes
 * to (a target node): decoded transactions, the target port and its outcomes. See README.md.
 */
import type { DecodedChange } from '../replication/logical-decoding.js';
import type { Lsn } from '../replication/lsn.js';

/** One source transaction as a logical slot decodes it, in commit order. */
export interface DecodedTransaction {
  /** The source's transaction id. */
  readonly xid: number;
  /** Where the transaction's commit record starts: its name in the apply engine. */
  readonly commitLsn: Lsn;
  /** Where the next record starts: the position a slot confirms once this one is applied. */
  readonly endLsn: Lsn;
  /** Cluster time of the commit at the source. */
  readonly commitTimeMs: number;
  /** The node that wrote it first (PostgreSQL's replication origin; `origin = none` filters on it). */
  readonly origin: string;
  /** Its row changes, in order. */
  readonly changes: readonly DecodedChange[];
}

/** What a target did with one transaction. */
export type ApplyOutcome =
  | { readonly status: 'APPLIED' }
  /** The target cannot take it now (a crashed node): retried with backoff. */
  | { readonly status: 'TRANSIENT'; readonly reason: string }
  /** Trying again cannot help (a missing row, a standby): handled by the permanent-error policy. */
  | { readonly status: 'PERMANENT'; readonly reason: string };

/** Where an applier writes: one node. Implemented by logical subscriptions, and by {@link StorageApplyTarget} for direct use. */
export interface ApplyTarget {
  readonly nodeId: string;
  /**
   * Applies one transaction, all or nothing. A thrown `DomainError` counts as PERMANENT; any
   * other throw is a bug and propagates.
   */
  apply(transaction: DecodedTransaction): ApplyOutcome;
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
  readonly commitLsn: Lsn;
  readonly xid: number;
  readonly reason: string;
  readonly discardedAtMs: number;
  /** The changes not applied (DISCARD keeps them, SKIP only counts them). */
  readonly changes: readonly DecodedChange[];
}
