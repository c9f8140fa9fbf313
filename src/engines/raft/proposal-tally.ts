/**
 * Counts the group's proposals and how they failed, for the metrics an operator alerts on (etcd's
 * `proposals_failed_total`): a proposal is **refused** when the group or its leader throws
 * instead of appending it (no leader, a change pending, too many uncommitted entries, a bad
 * command), and **lost** when another entry commits at the index it was appended at (its leader
 * lost leadership before it committed).
 */
import type { Entry } from './log-entry.js';
import type { ProposalResult } from './raft-node.js';

/** Appended proposals whose fate is still open, at most; beyond that the oldest are no longer followed. */
export const MAX_FOLLOWED_PROPOSALS = 10_000;

export interface ProposalCounts {
  /** Every proposal made through the group, refused or not. */
  readonly proposals: number;
  readonly refused: number;
  readonly lost: number;
}

export class ProposalTally {
  private proposals = 0;
  private refused = 0;
  private lost = 0;
  /** Term of each appended proposal not yet settled, by index, oldest first. */
  private readonly open = new Map<number, number>();

  /** Runs one proposal, counting it, and following it once appended. */
  propose<T extends ProposalResult>(work: () => T): T {
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.proposals += 1;
      this.refused += 1;
      throw error;
    }
    this.appended(result);
    return result;
  }

  /** A proposal the group made itself and appended (a learner's promotion; its refusals are retried, not counted). */
  appended(result: ProposalResult): void {
    this.proposals += 1;
    // Another leader's proposal at this index can no longer commit: this one took its place.
    const earlier = this.open.get(result.index);
    if (earlier !== undefined && earlier !== result.term) this.lost += 1;
    this.open.delete(result.index);
    this.open.set(result.index, result.term);
    if (this.open.size > MAX_FOLLOWED_PROPOSALS) this.open.delete(this.open.keys().next().value!);
  }

  /** A node applied a committed entry: the proposal appended at its index committed, or was lost. */
  settle(entry: Entry): void {
    const term = this.open.get(entry.index);
    if (term === undefined) return;
    this.open.delete(entry.index);
    if (term !== entry.term) this.lost += 1;
  }

  counts(): ProposalCounts {
    return { proposals: this.proposals, refused: this.refused, lost: this.lost };
  }
}
