import type { DiskChange } from '../raft/memory-disk.js';
import type { DurableState, Entry, HardState, Snapshot } from '../raft/log-entry.js';
import { EMPTY_DURABLE_STATE } from '../raft/log-entry.js';
import type { Store, StoredRecord } from '../../store/port.js';
import type { Journal } from '../../store/journal.js';

/**
 * Each simulated node's Raft disk mirrored into the platform's store, so that term, vote and log
 * survive a server restart, not only a simulated crash. One record per hard state, per snapshot
 * and per entry: an append writes only the new entries, never the whole log.
 */
export const RAFT_HARD_STATE_RECORD = 'raft.hardState';
export const RAFT_SNAPSHOT_RECORD = 'raft.snapshot';
export const RAFT_ENTRY_RECORD = 'raft.entry';

/** Entry record ids sort by node then index: `node-1/000000000042`. */
const INDEX_DIGITS = 12;

function entryRecordId(nodeId: string, index: number): string {
  return `${nodeId}/${String(index).padStart(INDEX_DIGITS, '0')}`;
}

/**
 * Writes the durable changes of every node's disk into the journal. It tracks which entry
 * records each node holds, so truncation and compaction delete exactly those.
 */
export class RaftDiskJournal {
  /** Per node: the first and last entry index held in the store (empty when first > last). */
  private readonly heldEntries = new Map<string, { first: number; last: number }>();

  constructor(
    private readonly journal: Journal,
    disks: Readonly<Record<string, DurableState>> = {},
  ) {
    for (const [nodeId, disk] of Object.entries(disks)) {
      this.heldEntries.set(nodeId, { first: disk.snapshot.metadata.index + 1, last: disk.snapshot.metadata.index + disk.entries.length });
    }
  }

  /** A {@link DiskListener}: record one change of one node's disk. */
  readonly record = (nodeId: string, change: DiskChange): void => {
    const held = this.heldEntries.get(nodeId) ?? { first: 1, last: 0 };
    this.heldEntries.set(nodeId, held);
    switch (change.type) {
      case 'hardStateChanged':
        this.journal.put(RAFT_HARD_STATE_RECORD, nodeId, change.hardState);
        return;
      case 'entriesTruncated':
        this.deleteEntries(nodeId, change.afterIndex + 1, held.last);
        held.last = Math.min(held.last, change.afterIndex);
        return;
      case 'entriesAppended':
        for (const entry of change.entries) this.journal.put(RAFT_ENTRY_RECORD, entryRecordId(nodeId, entry.index), entry);
        if (held.first > held.last) held.first = change.fromIndex;
        held.last = change.fromIndex + change.entries.length - 1;
        return;
      case 'snapshotInstalled':
      case 'logCompacted': {
        const index = change.snapshot.metadata.index;
        this.journal.put(RAFT_SNAPSHOT_RECORD, nodeId, change.snapshot);
        const droppedUpTo = change.type === 'snapshotInstalled' ? held.last : index;
        this.deleteEntries(nodeId, held.first, droppedUpTo);
        held.first = index + 1;
        if (change.type === 'snapshotInstalled') held.last = index;
        return;
      }
      case 'diskDeleted':
        this.deleteEntries(nodeId, held.first, held.last);
        this.journal.delete(RAFT_HARD_STATE_RECORD, nodeId);
        this.journal.delete(RAFT_SNAPSHOT_RECORD, nodeId);
        this.heldEntries.delete(nodeId);
        return;
    }
  };

  private deleteEntries(nodeId: string, from: number, to: number): void {
    for (let index = from; index <= to; index++) this.journal.delete(RAFT_ENTRY_RECORD, entryRecordId(nodeId, index));
  }
}

/** Every node's disk as the store holds it; empty when the cluster has never run consensus. */
export async function loadRaftDisks(store: Store): Promise<Record<string, DurableState>> {
  const [hardStates, snapshots, entries] = await Promise.all([
    store.list<HardState>(RAFT_HARD_STATE_RECORD),
    store.list<Snapshot>(RAFT_SNAPSHOT_RECORD),
    store.list<Entry>(RAFT_ENTRY_RECORD),
  ]);
  const disks: Record<string, { hardState: HardState; snapshot: Snapshot; entries: Entry[] }> = {};
  const diskOf = (nodeId: string) =>
    (disks[nodeId] ??= { hardState: EMPTY_DURABLE_STATE.hardState, snapshot: EMPTY_DURABLE_STATE.snapshot, entries: [] });
  for (const record of hardStates) diskOf(record.id).hardState = record.value;
  for (const record of snapshots) diskOf(record.id).snapshot = record.value;
  // Ids sort by node, then by zero-padded index: each node's entries come out in log order.
  for (const record of entries as StoredRecord<Entry>[]) diskOf(record.id.slice(0, record.id.lastIndexOf('/'))).entries.push(record.value);
  return disks;
}
