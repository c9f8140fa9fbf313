/** RaftLog on its own: term lookups across the snapshot boundary, the backtracking searches, truncation and configuration reverts. */
import { describe, expect, it } from 'vitest';
import { createConfiguration, createEntry, EMPTY_SNAPSHOT, RaftLog, type Entry, type Snapshot } from '../../../src/engines/raft/index.js';

/** Entries `from`.. with the given terms. */
function entries(from: number, terms: readonly number[]): Entry[] {
  return terms.map((term, offset) => createEntry({ index: from + offset, term, type: 'normal', command: `x${from + offset}` }));
}

function snapshotAt(index: number, term: number): Snapshot {
  return { metadata: { index, term, configuration: createConfiguration(['a']) }, data: '' };
}

describe('RaftLog', () => {
  it('finds the first and last index of a term by binary search, stopping at the snapshot', () => {
    // Indexes 6..15 after a snapshot at 5 (term 2): terms 2 2 3 3 3 5 5 7 7 7.
    const log = new RaftLog(snapshotAt(5, 2), entries(6, [2, 2, 3, 3, 3, 5, 5, 7, 7, 7]), 5, 15);
    expect([log.term(4), log.term(5), log.term(6), log.term(15), log.term(16)]).toEqual([undefined, 2, 2, 7, undefined]);
    expect(log.firstIndexOfTerm(3, 10)).toBe(8);
    expect(log.firstIndexOfTerm(7, 15)).toBe(13);
    // Term 2 runs into the snapshot: the search stops at the first retained index.
    expect(log.firstIndexOfTerm(2, 7)).toBe(6);
    expect(log.lastIndexOfTerm(3, 15)).toBe(10);
    expect(log.lastIndexOfTerm(5, 11)).toBe(11);
    expect(log.lastIndexOfTerm(4, 15)).toBeUndefined();
    expect(log.lastIndexOfTerm(2, 15)).toBe(7);
    expect(log.lastIndexOfTerm(1, 15)).toBeUndefined();
    expect(log.lastIndexOfTerm(9, 15)).toBeUndefined();
  });

  it('truncates a conflicting suffix, never committed entries, and reverts a truncated configuration', () => {
    const config = createEntry({ index: 4, term: 2, type: 'config', command: 'addLearner z', configuration: createConfiguration(['a', 'b', 'c'], ['z']) });
    const log = new RaftLog(EMPTY_SNAPSHOT, [...entries(1, [1, 1, 2]), config], 2, 4);
    expect(log.configuration().learners).toEqual(['z']);
    // The leader's log has term 3 from index 4 on: the config entry goes.
    expect(log.maybeAppend(3, 2, 5, entries(4, [3, 3]))).toBe(5);
    expect(log.configuration()).toEqual(EMPTY_SNAPSHOT.metadata.configuration);
    expect(log.committed).toBe(5);
    expect(log.unstableEntries().map((entry) => entry.index)).toEqual([4, 5]);
    // A mismatch at prevIndex changes nothing.
    expect(log.maybeAppend(5, 9, 5, entries(6, [9]))).toBeUndefined();
    expect(() => log.append(entries(2, [4]))).toThrow(/assertion failed/);
  });

  it('compacts only what is applied and persisted, keeping the configuration in force', () => {
    const config = createEntry({ index: 2, term: 1, type: 'config', command: 'addVoter d', configuration: createConfiguration(['a', 'd']) });
    const log = new RaftLog(EMPTY_SNAPSHOT, [...entries(1, [1]), config, ...entries(3, [1, 1])], 4, 4);
    log.appliedTo(3);
    expect(() => log.compact({ metadata: { index: 4, term: 1, configuration: log.configurationAt(4) }, data: '' })).toThrow(/assertion failed/);
    log.compact({ metadata: { index: 3, term: 1, configuration: log.configurationAt(3) }, data: '' });
    expect([log.firstIndex(), log.lastIndex(), log.size()]).toEqual([4, 4, 1]);
    expect(log.configuration().voters).toEqual(['a', 'd']);
    expect(log.lastConfigIndex()).toBe(3);
  });
});
