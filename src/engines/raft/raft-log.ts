/**
 * A node's copy of the replicated log: the latest snapshot, the entries after it, and the commit,
 * apply and persistence marks. Pure bookkeeping; RaftNode decides what to append.
 *
 * Indexes: the snapshot covers [1, snapshotIndex]; retained entries are
 * (snapshotIndex, lastIndex]. Invariants: snapshotIndex <= applied <= committed <= lastIndex
 * (applied may trail a snapshot received from a leader until the host acknowledges it).
 */
import { assert } from '../runtime/domain-error.js';
import type { Configuration } from './configuration.js';
import type { Entry, Snapshot } from './log-entry.js';

export class RaftLog {
  private snapshot: Snapshot;
  private entries: Entry[];
  /** Config entries among `entries`, ascending: membership takes effect when appended, so truncation must revert it. */
  private configEntries: Entry[];
  /** Highest index known committed. */
  committed: number;
  /** Highest index the host has applied (acknowledged through RaftNode.advance). */
  applied: number;
  /** Entries up to here are on the host's disk. */
  private stableIndex: number;
  /** A snapshot received from a leader that the host has not yet persisted and applied. */
  private unstableSnapshot: Snapshot | undefined;

  /**
   * @param snapshot - the latest snapshot (index 0 for none).
   * @param entries - entries following it, contiguous.
   * @param committed - commit index from the hard state.
   * @param stableIndex - last index already on disk (entries past it will be reported for persistence).
   */
  constructor(snapshot: Snapshot, entries: readonly Entry[], committed: number, stableIndex: number) {
    const snapshotIndex = snapshot.metadata.index;
    entries.forEach((entry, offset) => {
      assert(entry.index === snapshotIndex + 1 + offset, `restored entry ${entry.index} follows the snapshot contiguously`);
      const previousTerm = offset === 0 ? snapshot.metadata.term : (entries[offset - 1]?.term ?? 0);
      assert(entry.term >= previousTerm, `restored entry ${entry.index} has a term no lower than the one before`);
    });
    this.snapshot = snapshot;
    this.entries = [...entries];
    this.configEntries = this.entries.filter((entry) => entry.type === 'config');
    const lastIndex = snapshotIndex + entries.length;
    // A snapshot covers committed entries only, so commit is at least its index.
    this.committed = Math.max(committed, snapshotIndex);
    assert(this.committed <= lastIndex, `commit ${this.committed} is within the log (last index ${lastIndex})`);
    this.applied = snapshotIndex;
    assert(stableIndex >= snapshotIndex && stableIndex <= lastIndex, 'stable index within the log');
    this.stableIndex = stableIndex;
  }

  snapshotIndex(): number {
    return this.snapshot.metadata.index;
  }

  snapshotTerm(): number {
    return this.snapshot.metadata.term;
  }

  latestSnapshot(): Snapshot {
    return this.snapshot;
  }

  firstIndex(): number {
    return this.snapshot.metadata.index + 1;
  }

  lastIndex(): number {
    return this.snapshot.metadata.index + this.entries.length;
  }

  lastTerm(): number {
    return this.entries[this.entries.length - 1]?.term ?? this.snapshot.metadata.term;
  }

  /** Retained entries (after the snapshot). */
  size(): number {
    return this.entries.length;
  }

  /** Term of the entry at `index`, or undefined when it is compacted away or beyond the log. */
  term(index: number): number | undefined {
    const snapshotIndex = this.snapshot.metadata.index;
    if (index === snapshotIndex) return this.snapshot.metadata.term;
    if (index < snapshotIndex || index > this.lastIndex()) return undefined;
    return this.entries[index - snapshotIndex - 1]?.term;
  }

  matchTerm(index: number, term: number): boolean {
    return this.term(index) === term;
  }

  /** The voting restriction (§5.4.1): a candidate's log is at least as up to date as ours. */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourLastTerm = this.lastTerm();
    return lastTerm > ourLastTerm || (lastTerm === ourLastTerm && lastIndex >= this.lastIndex());
  }

  /** Up to `maxCount` entries from `fromIndex` on; `fromIndex` must not be compacted. */
  entriesFrom(fromIndex: number, maxCount: number): Entry[] {
    assert(fromIndex >= this.firstIndex(), `entries from ${fromIndex} are not compacted (first index ${this.firstIndex()})`);
    const offset = fromIndex - this.firstIndex();
    return this.entries.slice(offset, offset + maxCount);
  }

  /** The entry at `index`, if retained. */
  entryAt(index: number): Entry | undefined {
    if (index < this.firstIndex()) return undefined;
    return this.entries[index - this.firstIndex()];
  }

  /**
   * First index holding `term`, searching back from `index` (which must hold that term): the
   * follower half of fast backtracking. Stops at the snapshot boundary. Terms never decrease
   * along a log, so this is a binary search.
   */
  firstIndexOfTerm(term: number, index: number): number {
    let low = this.firstIndex();
    let high = index;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if ((this.term(middle) ?? 0) < term) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Last index holding `term` at or below `index`: the leader half of fast backtracking.
   * Undefined when the retained log (snapshot boundary included) holds no entry of that term.
   */
  lastIndexOfTerm(term: number, index: number): number | undefined {
    // Binary search for the last index whose term is <= `term`.
    let low = this.snapshot.metadata.index;
    let high = Math.min(index, this.lastIndex());
    if (high < low || (this.term(low) ?? 0) > term) return undefined;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.term(middle) ?? 0) <= term) low = middle;
      else high = middle - 1;
    }
    return this.term(low) === term ? low : undefined;
  }

  /**
   * The follower side of AppendEntries: if our log holds (prevIndex, prevTerm), append the
   * entries, truncating a conflicting uncommitted suffix, and advance commit.
   * @returns the last index known to match the leader's, or undefined on a mismatch.
   */
  maybeAppend(prevIndex: number, prevTerm: number, leaderCommit: number, entries: readonly Entry[]): number | undefined {
    if (!this.matchTerm(prevIndex, prevTerm)) return undefined;
    const lastNewIndex = prevIndex + entries.length;
    const conflictIndex = this.findConflict(entries);
    if (conflictIndex !== 0) {
      assert(conflictIndex > this.committed, `entry ${conflictIndex} does not conflict with committed entries (commit ${this.committed})`);
      this.append(entries.slice(conflictIndex - (prevIndex + 1)));
    }
    this.commitTo(Math.min(leaderCommit, lastNewIndex));
    return lastNewIndex;
  }

  /**
   * Appends entries that follow on from some index within the log, truncating whatever they
   * replace. Callers guarantee committed entries are never truncated.
   */
  append(entries: readonly Entry[]): void {
    const first = entries[0];
    if (first === undefined) return;
    assert(first.index > this.committed, `appended entry ${first.index} is after the commit index ${this.committed}`);
    assert(first.index <= this.lastIndex() + 1, `appended entry ${first.index} leaves no gap after ${this.lastIndex()}`);
    if (first.index <= this.lastIndex()) this.truncateFrom(first.index);
    entries.forEach((entry, offset) => {
      assert(entry.index === first.index + offset, 'appended entries are contiguous');
      assert(entry.term >= (this.term(entry.index - 1) ?? 0), 'appended entry terms never decrease');
      this.entries.push(entry);
      if (entry.type === 'config') this.configEntries.push(entry);
    });
  }

  commitTo(index: number): void {
    if (index <= this.committed) return;
    assert(index <= this.lastIndex(), `commit ${index} is within the log (last index ${this.lastIndex()})`);
    this.committed = index;
  }

  appliedTo(index: number): void {
    if (index <= this.applied) return;
    assert(index <= this.committed, `applied ${index} is not past commit ${this.committed}`);
    this.applied = index;
  }

  /** Entries the host has not yet persisted. */
  unstableEntries(): Entry[] {
    return this.entries.slice(this.stableIndex - this.snapshot.metadata.index);
  }

  /** The host persisted entries up to (index, term); ignored if the log changed there meanwhile. */
  stableTo(index: number, term: number): void {
    if (this.matchTerm(index, term) && index > this.stableIndex) this.stableIndex = index;
  }

  lastStableIndex(): number {
    return this.stableIndex;
  }

  pendingSnapshot(): Snapshot | undefined {
    return this.unstableSnapshot;
  }

  /** The host persisted and applied the pending snapshot. */
  snapshotApplied(snapshot: Snapshot): void {
    if (this.unstableSnapshot === snapshot) this.unstableSnapshot = undefined;
    if (snapshot.metadata.index > this.applied) this.applied = snapshot.metadata.index;
  }

  /** Committed entries not yet applied, at most `maxCount`; none while a received snapshot awaits the host. */
  nextCommittedEntries(maxCount: number): Entry[] {
    if (this.unstableSnapshot !== undefined) return [];
    const from = Math.max(this.applied, this.snapshot.metadata.index) + 1;
    if (from > this.committed) return [];
    return this.entriesFrom(from, Math.min(maxCount, this.committed - from + 1));
  }

  hasNextCommittedEntries(): boolean {
    return this.unstableSnapshot === undefined && this.committed > Math.max(this.applied, this.snapshot.metadata.index);
  }

  /** Replaces the whole log with a snapshot received from the leader (InstallSnapshot). */
  restore(snapshot: Snapshot): void {
    assert(snapshot.metadata.index > this.committed, 'a restored snapshot is ahead of the commit index');
    this.snapshot = snapshot;
    this.entries = [];
    this.configEntries = [];
    this.committed = snapshot.metadata.index;
    this.stableIndex = snapshot.metadata.index;
    this.unstableSnapshot = snapshot;
  }

  /** Drops the entries a locally taken snapshot covers (log compaction). */
  compact(snapshot: Snapshot): void {
    const index = snapshot.metadata.index;
    assert(index > this.snapshot.metadata.index, 'compaction moves forward');
    assert(index <= this.applied && index <= this.stableIndex, 'compaction covers only applied, persisted entries');
    assert(this.term(index) === snapshot.metadata.term, 'the snapshot term matches the log');
    this.entries = this.entries.slice(index - this.snapshot.metadata.index);
    this.configEntries = this.configEntries.filter((entry) => entry.index > index);
    this.snapshot = snapshot;
  }

  /** The configuration in force: the last config entry in the log (committed or not), else the snapshot's. */
  configuration(): Configuration {
    const last = this.configEntries[this.configEntries.length - 1];
    return last?.configuration ?? this.snapshot.metadata.configuration;
  }

  /** The configuration in force at `index` (which must not be compacted below the snapshot). */
  configurationAt(index: number): Configuration {
    assert(index >= this.snapshot.metadata.index, 'configurationAt does not look into the compacted log');
    for (let position = this.configEntries.length - 1; position >= 0; position -= 1) {
      const entry = this.configEntries[position];
      if (entry !== undefined && entry.index <= index) return entry.configuration ?? this.snapshot.metadata.configuration;
    }
    return this.snapshot.metadata.configuration;
  }

  /** Index of the latest config entry in the log, or the snapshot index when the log holds none. */
  lastConfigIndex(): number {
    return this.configEntries[this.configEntries.length - 1]?.index ?? this.snapshot.metadata.index;
  }

  /** Index of the first entry that differs from ours (term mismatch or beyond our log); 0 if none. */
  private findConflict(entries: readonly Entry[]): number {
    for (const entry of entries) {
      if (!this.matchTerm(entry.index, entry.term)) return entry.index;
    }
    return 0;
  }

  private truncateFrom(index: number): void {
    this.entries.length = index - this.firstIndex();
    while ((this.configEntries[this.configEntries.length - 1]?.index ?? 0) >= index) this.configEntries.pop();
    if (this.stableIndex >= index) this.stableIndex = index - 1;
  }
}
