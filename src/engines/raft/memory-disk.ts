/**
 * A node's disk in the simulation (etcd's MemoryStorage, MIT's Persister): it outlives the
 * RaftNode across simulated crashes, and reports every durable change so the platform can mirror
 * it into its journal. `load()` gives the state a RaftNode restarts from; the same shape passed
 * to the constructor restores a disk saved before a server restart.
 */
import { assert } from '../runtime/domain-error.js';
import { EMPTY_DURABLE_STATE, hardStatesEqual, type DurableState, type Entry, type HardState, type Snapshot } from './log-entry.js';

/** One durable change, in the order it happened. Replaying them from an empty disk rebuilds it. */
export type DiskChange =
  | { readonly type: 'hardStateChanged'; readonly hardState: HardState }
  /** Entries with index > afterIndex were removed (a conflicting uncommitted suffix). */
  | { readonly type: 'entriesTruncated'; readonly afterIndex: number }
  /** Entries appended at the end, the first at `fromIndex`. */
  | { readonly type: 'entriesAppended'; readonly fromIndex: number; readonly entries: readonly Entry[] }
  /** A snapshot from the leader replaced the whole log. */
  | { readonly type: 'snapshotInstalled'; readonly snapshot: Snapshot }
  /** A local snapshot was taken; entries up to its index were dropped. */
  | { readonly type: 'logCompacted'; readonly snapshot: Snapshot }
  /** The node left the group for good (its removal committed); forget its disk. Emitted by RaftGroup. */
  | { readonly type: 'diskDeleted' };

export type DiskListener = (nodeId: string, change: DiskChange) => void;

/** What an entry occupies in the log: its command's UTF-8 bytes (as the log API reports `sizeBytes`). */
export function entryBytes(entry: Entry): number {
  return Buffer.byteLength(entry.command, 'utf8');
}

export class MemoryDisk {
  private hardState: HardState;
  private snapshot: Snapshot;
  private entries: Entry[];
  /** The bytes of `entries`, kept as they change so that reading it costs nothing per scrape. */
  private bytes: number;

  /**
   * @param nodeId - whose disk this is (passed to the listener).
   * @param state - saved state to start from; empty for a new node.
   * @param listener - told about every change after construction.
   */
  constructor(
    readonly nodeId: string,
    state: DurableState = EMPTY_DURABLE_STATE,
    private readonly listener?: DiskListener,
  ) {
    this.hardState = state.hardState;
    this.snapshot = state.snapshot;
    this.entries = [...state.entries];
    this.bytes = sumBytes(this.entries);
    state.entries.forEach((entry, offset) => {
      assert(entry.index === state.snapshot.metadata.index + 1 + offset, `saved entry ${entry.index} follows the snapshot contiguously`);
    });
  }

  /** A copy of everything on the disk (entries are immutable and shared). */
  load(): DurableState {
    return { hardState: this.hardState, snapshot: this.snapshot, entries: [...this.entries] };
  }

  firstIndex(): number {
    return this.snapshot.metadata.index + 1;
  }

  lastIndex(): number {
    return this.snapshot.metadata.index + this.entries.length;
  }

  /** Number of entries held after the snapshot. */
  entryCount(): number {
    return this.entries.length;
  }

  /** Bytes of the entries held after the snapshot (their commands, UTF-8). */
  sizeBytes(): number {
    return this.bytes;
  }

  currentHardState(): HardState {
    return this.hardState;
  }

  currentSnapshot(): Snapshot {
    return this.snapshot;
  }

  /** Up to `limit` entries, skipping the first `offset` held. */
  readEntries(offset: number, limit: number): Entry[] {
    return this.entries.slice(offset, offset + limit);
  }

  entryAt(index: number): Entry | undefined {
    if (index < this.firstIndex()) return undefined;
    return this.entries[index - this.firstIndex()];
  }

  setHardState(hardState: HardState): void {
    if (hardStatesEqual(hardState, this.hardState)) return;
    this.hardState = hardState;
    this.listener?.(this.nodeId, { type: 'hardStateChanged', hardState });
  }

  /** Appends entries, first dropping whatever the disk holds from the first new index on. */
  append(entries: readonly Entry[]): void {
    const first = entries[0];
    if (first === undefined) return;
    assert(first.index >= this.firstIndex() && first.index <= this.lastIndex() + 1, `disk append at ${first.index} fits [${this.firstIndex()}, ${this.lastIndex() + 1}]`);
    if (first.index <= this.lastIndex()) {
      this.bytes -= sumBytes(this.entries.slice(first.index - this.firstIndex()));
      this.entries.length = first.index - this.firstIndex();
      this.listener?.(this.nodeId, { type: 'entriesTruncated', afterIndex: first.index - 1 });
    }
    this.entries.push(...entries);
    this.bytes += sumBytes(entries);
    this.listener?.(this.nodeId, { type: 'entriesAppended', fromIndex: first.index, entries });
  }

  /** Replaces the log with a snapshot received from the leader. */
  installSnapshot(snapshot: Snapshot): void {
    assert(snapshot.metadata.index > this.snapshot.metadata.index, 'an installed snapshot is newer than the one on disk');
    this.snapshot = snapshot;
    this.entries = [];
    this.bytes = 0;
    this.listener?.(this.nodeId, { type: 'snapshotInstalled', snapshot });
  }

  /** Records a locally taken snapshot and drops the entries it covers. */
  compact(snapshot: Snapshot): void {
    const index = snapshot.metadata.index;
    assert(index > this.snapshot.metadata.index && index <= this.lastIndex(), `compaction index ${index} is within the disk log`);
    assert(this.entryAt(index)?.term === snapshot.metadata.term, 'the snapshot term matches the disk log');
    const dropped = index - this.snapshot.metadata.index;
    this.bytes -= sumBytes(this.entries.slice(0, dropped));
    this.entries = this.entries.slice(dropped);
    this.snapshot = snapshot;
    this.listener?.(this.nodeId, { type: 'logCompacted', snapshot });
  }
}

function sumBytes(entries: readonly Entry[]): number {
  let bytes = 0;
  for (const entry of entries) bytes += entryBytes(entry);
  return bytes;
}
