/**
 * What the Raft metrics read, measured where it happens: elections each node starts, the
 * proposals the group sees and how they fail, and the log's size in bytes kept as the disk changes.
 */
import { describe, expect, it } from 'vitest';
import { createEntry, type Entry } from '../../../src/engines/raft/log-entry.js';
import { entryBytes, MemoryDisk } from '../../../src/engines/raft/memory-disk.js';
import { ProposalTally } from '../../../src/engines/raft/proposal-tally.js';
import { ELECTION_TIMEOUT_MS, RaftHarness } from './harness.js';

function electionsByNode(cfg: RaftHarness): Record<string, number> {
  return Object.fromEntries(cfg.group.statuses().map((status) => [status.nodeId, status.electionsStarted]));
}

describe('elections started', () => {
  it('are counted per node as it becomes a candidate, and kept across its crash and restart', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 811 });
    const leader = cfg.checkOneLeader();
    const first = electionsByNode(cfg);
    expect(first[leader]).toBeGreaterThanOrEqual(1);
    // Each term was opened by one candidate at most (the bootstrap term 1 by none).
    const terms = cfg.group.roleOf(leader)!.term;
    expect(Object.values(first).reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(terms - 1);

    cfg.crash(leader);
    const successor = cfg.checkOneLeader();
    const second = electionsByNode(cfg);
    expect(second[leader]).toBe(first[leader]);
    expect(second[successor]).toBeGreaterThan(first[successor]!);

    cfg.start(leader);
    cfg.connect(leader);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    // PreVote keeps the returning node from disrupting the leader, and its count is not reset.
    expect(electionsByNode(cfg)[leader]).toBe(first[leader]);
    cfg.end();
  });
});

describe('proposals', () => {
  it('count every proposal, those refused by a follower, and those lost when another leader commits at their index', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 812 });
    const leader1 = cfg.checkOneLeader();
    const follower = cfg.ids.find((id) => id !== leader1)!;
    cfg.group.propose({ command: 'a' });
    expect(() => cfg.group.proposeTo(follower, { command: 'b' })).toThrow();
    cfg.advance(100);
    expect(cfg.group.proposalCounts()).toEqual({ proposals: 2, refused: 1, lost: 0 });

    // The leader is cut off: what it appends now can never commit.
    cfg.disconnect(leader1);
    cfg.group.proposeTo(leader1, { command: 'doomed' });
    const leader2 = cfg.checkOneLeader();
    expect(leader2).not.toBe(leader1);
    cfg.group.proposeTo(leader2, { command: 'kept' });
    cfg.advance(200);
    cfg.connect(leader1);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    expect(cfg.group.proposalCounts()).toEqual({ proposals: 4, refused: 1, lost: 1 });
    cfg.end();
  });

  it('follow at most a bounded number of open proposals', () => {
    const tally = new ProposalTally();
    for (let index = 1; index <= 10_001; index++) tally.propose(() => ({ index, term: 1 }));
    // The oldest is no longer followed: its fate is not counted either way.
    tally.settle(createEntry({ index: 1, term: 2, type: 'normal', command: 'x' }));
    tally.settle(createEntry({ index: 2, term: 2, type: 'normal', command: 'x' }));
    expect(tally.counts()).toEqual({ proposals: 10_001, refused: 0, lost: 1 });
  });
});

describe('the log size in bytes', () => {
  const entry = (index: number, term: number, command: string): Entry => createEntry({ index, term, type: 'normal', command });
  const measured = (disk: MemoryDisk) => disk.load().entries.reduce((sum, each) => sum + entryBytes(each), 0);

  it('follows appends, truncations, compactions and installed snapshots', () => {
    const disk = new MemoryDisk('n1');
    disk.append([entry(1, 1, 'abc'), entry(2, 1, 'héllo'), entry(3, 1, '')]);
    expect(disk.sizeBytes()).toBe(9);
    disk.append([entry(3, 2, 'longer command'), entry(4, 2, 'x')]);
    expect(disk.sizeBytes()).toBe(measured(disk));
    disk.compact({ metadata: { index: 2, term: 1, configuration: { voters: ['n1'], learners: [] } }, data: '' });
    expect(disk.sizeBytes()).toBe(measured(disk));
    expect(disk.sizeBytes()).toBe(15);
    expect(new MemoryDisk('n1', disk.load()).sizeBytes()).toBe(15);
    disk.installSnapshot({ metadata: { index: 10, term: 3, configuration: { voters: ['n1'], learners: [] } }, data: '' });
    expect(disk.sizeBytes()).toBe(0);
  });
});
