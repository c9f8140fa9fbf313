/**
 * What logical replication needs of an applier, as the apply engine's seam sketches it
 * (`src/engines/apply`, `shared('apply')`): logical implements the {@link ApplyTarget} (the write
 * to the subscriber with its origin and conflict detection); the applier decides when and in what
 * order transactions reach it and keeps the checkpoint. {@link SerialApplier} applies one
 * transaction at a time, in commit order, until the apply engine is on main.
 */
import type { Lsn } from '../replication/lsn.js';
import type { DecodedTransaction } from '../replication/logical-decoding.js';

/** PostgreSQL 18's apply conflicts. */
export const CONFLICT_TYPES = ['insert_exists', 'update_missing', 'update_origin_differs', 'delete_missing', 'delete_origin_differs'] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

/** What the target did with one transaction. */
export type ApplyOutcome =
  | { status: 'APPLIED'; appliedChanges: number; skippedChanges: number; conflicts: ConflictType[] }
  /** `transient`: the target could not take it now (down, locked): retry. Otherwise a permanent error (a conflict its policy makes an error). */
  | { status: 'FAILED'; transient: boolean; message: string; conflict: ConflictType | null; conflicts: ConflictType[] };

/** Where a subscription's transactions are applied. */
export interface ApplyTarget {
  apply(transaction: DecodedTransaction): ApplyOutcome;
}

/** Applies a subscription's transactions to its target and keeps how far it got. */
export interface Applier {
  /** Hands transactions over, in commit order. */
  enqueue(transactions: readonly DecodedTransaction[]): void;
  /** The commit LSN of the last transaction applied (or passed), the position the slot confirms. */
  checkpointLsn(): Lsn;
  /** The transaction that failed and stopped the applier, with its outcome; null while it runs. */
  failure(): { transaction: DecodedTransaction; outcome: Extract<ApplyOutcome, { status: 'FAILED' }> } | null;
}

/** Told of each transaction the applier finished. */
export interface ApplyListener {
  applied(transaction: DecodedTransaction, outcome: ApplyOutcome): void;
  failed(transaction: DecodedTransaction, outcome: Extract<ApplyOutcome, { status: 'FAILED' }>): void;
}

/**
 * One transaction at a time, in commit order, synchronously: each is applied, or the applier
 * stops at the first failure (it is retried at the next enqueue, which repeats it). Transactions
 * at or behind the checkpoint are passed over, so a transaction handed over twice applies once.
 */
export class SerialApplier implements Applier {
  private failed: { transaction: DecodedTransaction; outcome: Extract<ApplyOutcome, { status: 'FAILED' }> } | null = null;

  constructor(
    private readonly target: ApplyTarget,
    private checkpoint: Lsn,
    private readonly listener: ApplyListener,
  ) {}

  enqueue(transactions: readonly DecodedTransaction[]): void {
    this.failed = null;
    for (const transaction of transactions) {
      if (transaction.commitLsn <= this.checkpoint) continue;
      const outcome = this.target.apply(transaction);
      if (outcome.status === 'FAILED') {
        this.failed = { transaction, outcome };
        this.listener.failed(transaction, outcome);
        return;
      }
      this.checkpoint = transaction.commitLsn;
      this.listener.applied(transaction, outcome);
    }
  }

  /** Moves the checkpoint past a transaction without applying it (a skip, a filtered transaction). */
  passOver(commitLsn: Lsn): void {
    if (commitLsn > this.checkpoint) this.checkpoint = commitLsn;
    this.failed = null;
  }

  checkpointLsn(): Lsn {
    return this.checkpoint;
  }

  failure() {
    return this.failed;
  }
}
