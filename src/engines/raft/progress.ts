/**
 * A leader's view of one follower's log (etcd's tracker.Progress), with its flow control.
 *
 * - PROBE: the leader does not know where the follower's log matches; it sends one AppendEntries
 *   at a time (per heartbeat round trip) and walks `nextIndex` back using the rejection hints.
 * - REPLICATE: the logs match up to `matchIndex`; entries stream optimistically, up to
 *   `maxInflightAppends` unacknowledged messages.
 * - SNAPSHOT: the follower needs entries the leader has compacted; a snapshot is in flight.
 */
import { assert } from '../runtime/domain-error.js';

export type ProgressState = 'PROBE' | 'REPLICATE' | 'SNAPSHOT';

/** Last indexes of unacknowledged AppendEntries messages, oldest first, in a fixed-size ring. */
export class Inflights {
  private readonly lastIndexes: number[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    assert(Number.isSafeInteger(capacity) && capacity > 0, 'inflight capacity is a positive integer');
    this.lastIndexes = new Array<number>(capacity).fill(0);
  }

  get count(): number {
    return this.size;
  }

  full(): boolean {
    return this.size === this.capacity;
  }

  /** Records a message whose last entry is `lastIndex`; indexes must be added in increasing order. */
  add(lastIndex: number): void {
    assert(!this.full(), 'inflights not full on add');
    if (this.size > 0) assert(lastIndex > this.at(this.size - 1), 'inflight indexes increase');
    this.lastIndexes[(this.start + this.size) % this.capacity] = lastIndex;
    this.size += 1;
  }

  /** Frees every message whose last index is <= `index` (an acknowledgement covers all before it). */
  freeLE(index: number): void {
    while (this.size > 0 && this.at(0) <= index) {
      this.start = (this.start + 1) % this.capacity;
      this.size -= 1;
    }
  }

  reset(): void {
    this.start = 0;
    this.size = 0;
  }

  private at(offset: number): number {
    return this.lastIndexes[(this.start + offset) % this.capacity] ?? 0;
  }
}

export class Progress {
  /** Highest index known to match the leader's log. */
  matchIndex = 0;
  /** Next index to send. Invariant: matchIndex < nextIndex. */
  nextIndex: number;
  state: ProgressState = 'PROBE';
  /** Snapshot index in flight, in SNAPSHOT state. */
  pendingSnapshotIndex = 0;
  /** Ticks spent in SNAPSHOT state; past an election timeout the snapshot is presumed lost and resent. */
  snapshotElapsedTicks = 0;
  /** Heard from since the last quorum check (CheckQuorum); a leader always counts itself. */
  recentActive: boolean;
  /** Ticks since the leader last heard from the peer (0 for the leader itself). */
  silentTicks = 0;
  /**
   * An AppendEntries without acknowledgement is out: in PROBE no other is sent, in REPLICATE
   * with full inflights no empty probe is sent, until a heartbeat response clears the flag.
   */
  probeSent = false;
  /** Highest commit index sent to the follower; lets the leader skip redundant commit notices. */
  commitSent = 0;
  readonly inflights: Inflights;

  constructor(
    nextIndex: number,
    maxInflightAppends: number,
    public isLearner: boolean,
    recentActive: boolean,
  ) {
    assert(nextIndex >= 1, 'nextIndex >= 1');
    this.nextIndex = nextIndex;
    this.inflights = new Inflights(maxInflightAppends);
    this.recentActive = recentActive;
  }

  becomeProbe(): void {
    // After a snapshot, the follower holds at least the snapshot's entries.
    const floor = this.state === 'SNAPSHOT' ? Math.max(this.matchIndex, this.pendingSnapshotIndex) : this.matchIndex;
    this.resetState('PROBE');
    this.nextIndex = floor + 1;
  }

  becomeReplicate(): void {
    this.resetState('REPLICATE');
    this.nextIndex = this.matchIndex + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('SNAPSHOT');
    this.pendingSnapshotIndex = snapshotIndex;
  }

  /** A snapshot that was never acknowledged: probe again from what is known to match. */
  snapshotFailed(): void {
    assert(this.state === 'SNAPSHOT', 'snapshotFailed in SNAPSHOT state');
    this.pendingSnapshotIndex = 0;
    this.becomeProbe();
  }

  /**
   * Records an acknowledgement up to `index`.
   * @returns false when it is stale (at or below what is already known).
   */
  maybeUpdate(index: number): boolean {
    if (index <= this.matchIndex) return false;
    this.matchIndex = index;
    this.nextIndex = Math.max(this.nextIndex, index + 1);
    this.probeSent = false;
    return true;
  }

  /**
   * Handles a rejection of the AppendEntries whose prevLogIndex was `rejected`, moving nextIndex
   * back to just after `matchHint` (the leader's best guess of the last matching index).
   * @returns false when the rejection is stale and was ignored.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'REPLICATE') {
      if (rejected <= this.matchIndex) return false;
    } else if (this.nextIndex - 1 !== rejected) {
      // Probes go one at a time: a rejection for anything but the outstanding probe is old news.
      return false;
    }
    this.nextIndex = Math.max(Math.min(rejected, matchHint + 1), this.matchIndex + 1);
    this.probeSent = false;
    return true;
  }

  /** Bookkeeping after sending `entryCount` entries starting at nextIndex. */
  sentEntries(entryCount: number): void {
    if (this.state === 'REPLICATE' && entryCount > 0) {
      this.nextIndex += entryCount;
      this.inflights.add(this.nextIndex - 1);
    }
    this.probeSent = true;
  }

  /** True when no AppendEntries may be sent now. */
  isPaused(): boolean {
    switch (this.state) {
      case 'PROBE':
        return this.probeSent;
      case 'REPLICATE':
        return this.probeSent && this.inflights.full();
      case 'SNAPSHOT':
        return true;
    }
  }

  private resetState(state: ProgressState): void {
    this.state = state;
    this.probeSent = false;
    this.pendingSnapshotIndex = 0;
    this.snapshotElapsedTicks = 0;
    this.inflights.reset();
  }
}
