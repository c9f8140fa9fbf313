/**
 * A subscription's applied position with parallel apply (GoldenGate's checkpoint table, with
 * the low watermark of its parallel Replicat): `checkpointLsn` is the end of the longest applied
 * prefix of the stream; transactions finished above it are remembered by commit LSN, with their
 * end, so a restart that resends from `checkpointLsn` skips them. Both are what the store keeps.
 */
import { assert } from '../runtime/domain-error.js';
import type { Lsn } from '../replication/lsn.js';

/** A transaction finished above the checkpoint: [commitLsn, endLsn]. */
export type FinishedAbove = readonly [commitLsn: Lsn, endLsn: Lsn];

export interface ApplyPositionState {
  checkpointLsn: Lsn;
  /** Ascending by commit LSN. */
  finishedAbove: readonly FinishedAbove[];
}

export class ApplyPosition {
  private checkpoint: Lsn;
  /** Ascending by commit LSN. */
  private readonly above: FinishedAbove[];
  /** Newest commit LSN the source delivered in this run (duplicates included); what it proves contiguous. */
  private lastReceived = -1;

  constructor(state: ApplyPositionState) {
    this.checkpoint = state.checkpointLsn;
    this.above = [...state.finishedAbove].sort((a, b) => a[0] - b[0]);
  }

  checkpointLsn(): Lsn {
    return this.checkpoint;
  }

  finishedAboveCount(): number {
    return this.above.length;
  }

  /** True when the transaction at `commitLsn` is applied (or given up) already: below the checkpoint or finished above it. */
  isFinished(commitLsn: Lsn): boolean {
    return commitLsn < this.checkpoint || this.indexOf(commitLsn) >= 0;
  }

  /** The source delivered the transaction at `commitLsn` (new or a duplicate). */
  received(commitLsn: Lsn): void {
    if (commitLsn > this.lastReceived) this.lastReceived = commitLsn;
  }

  /** A transaction finished; nothing moves until {@link advance}. */
  finished(commitLsn: Lsn, endLsn: Lsn): void {
    assert(!this.isFinished(commitLsn), `transaction ${commitLsn} finished twice`);
    let low = 0;
    let high = this.above.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.above[middle]![0] < commitLsn) low = middle + 1;
      else high = middle;
    }
    this.above.splice(low, 0, [commitLsn, endLsn]);
  }

  /**
   * Moves the checkpoint over every finished transaction below `oldestUnfinished` (the oldest
   * transaction still queued or applying; null when none) that the source has delivered in this
   * run, so no undelivered transaction can hide below it. Answers whether it moved.
   */
  advance(oldestUnfinished: Lsn | null): boolean {
    let count = 0;
    for (const [commitLsn, endLsn] of this.above) {
      if (commitLsn > this.lastReceived) break;
      if (oldestUnfinished !== null && commitLsn > oldestUnfinished) break;
      if (endLsn > this.checkpoint) this.checkpoint = endLsn;
      count += 1;
    }
    if (count > 0) this.above.splice(0, count);
    return count > 0;
  }

  snapshot(): ApplyPositionState {
    return { checkpointLsn: this.checkpoint, finishedAbove: this.above.map(([commitLsn, endLsn]) => [commitLsn, endLsn] as const) };
  }

  private indexOf(commitLsn: Lsn): number {
    let low = 0;
    let high = this.above.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.above[middle]![0];
      if (value === commitLsn) return middle;
      if (value < commitLsn) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}
