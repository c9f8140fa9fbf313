import { afterEach, describe, expect, it } from 'vitest';
import { loadRaftDisks, RaftDiskJournal } from '../../../src/engines/cluster/raft-records.js';
import { createEntry, type Entry, type Snapshot } from '../../../src/engines/raft/log-entry.js';
import { MemoryDisk } from '../../../src/engines/raft/memory-disk.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function entries(from: number, to: number, term: number): Entry[] {
  return Array.from({ length: to - from + 1 }, (_, offset) => createEntry({ index: from + offset, term, type: 'normal', command: `set x=${from + offset}` }));
}

function snapshotAt(index: number, term: number): Snapshot {
  return { metadata: { index, term, configuration: { voters: ['node-1', 'node-2', 'node-3'], learners: [] } }, data: `digest@${index}` };
}

/** A disk of node-1 mirrored into a fresh store through the journal. */
async function mirroredDisk() {
  const store = SqliteStore.open(':memory:');
  stores.push(store);
  const journal = new Journal(store);
  const mirror = new RaftDiskJournal(journal);
  const disk = new MemoryDisk('node-1', undefined, mirror.record);
  return { store, journal, disk, mirror };
}

describe('RaftDiskJournal', () => {
  it('stores hard state and appended entries, and loads them back as the disk holds them', async () => {
    const { store, journal, disk } = await mirroredDisk();
    disk.setHardState({ term: 2, vote: 'node-1', commit: 3 });
    disk.append(entries(1, 5, 2));
    await journal.flush();
    expect(await loadRaftDisks(store)).toEqual({ 'node-1': disk.load() });
  });

  it('a truncated suffix is deleted, and entries overwritten in a later term replace it', async () => {
    const { store, journal, disk } = await mirroredDisk();
    disk.append(entries(1, 6, 1));
    await journal.flush();
    disk.append(entries(4, 5, 2));
    await journal.flush();
    const loaded = await loadRaftDisks(store);
    expect(loaded['node-1']?.entries.map((entry) => [entry.index, entry.term])).toEqual([[1, 1], [2, 1], [3, 1], [4, 2], [5, 2]]);
    expect(loaded['node-1']).toEqual(disk.load());
  });

  it('compaction drops the entries the snapshot covers; an installed snapshot drops them all', async () => {
    const { store, journal, disk } = await mirroredDisk();
    disk.append(entries(1, 10, 1));
    disk.compact(snapshotAt(4, 1));
    await journal.flush();
    expect(await loadRaftDisks(store)).toEqual({ 'node-1': disk.load() });
    disk.installSnapshot(snapshotAt(20, 3));
    await journal.flush();
    const loaded = await loadRaftDisks(store);
    expect(loaded['node-1']).toEqual({ hardState: disk.load().hardState, snapshot: snapshotAt(20, 3), entries: [] });
    expect(await store.list('raft.entry')).toEqual([]);
  });

  it('a restored mirror keeps tracking the entries already stored', async () => {
    const { store, journal, disk } = await mirroredDisk();
    disk.append(entries(1, 8, 1));
    await journal.flush();
    const saved = await loadRaftDisks(store);
    const restoredMirror = new RaftDiskJournal(journal, saved);
    const restored = new MemoryDisk('node-1', saved['node-1'], restoredMirror.record);
    restored.append(entries(6, 6, 2));
    await journal.flush();
    expect((await loadRaftDisks(store))['node-1']).toEqual(restored.load());
  });

  it('a deleted disk leaves no record behind', async () => {
    const { store, journal, disk, mirror } = await mirroredDisk();
    disk.setHardState({ term: 1, vote: null, commit: 0 });
    disk.append(entries(1, 3, 1));
    mirror.record('node-1', { type: 'diskDeleted' });
    await journal.flush();
    expect(await loadRaftDisks(store)).toEqual({});
  });
});
