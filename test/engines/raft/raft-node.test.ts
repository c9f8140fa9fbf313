/**
 * The pure RaftNode, rule by rule, driven by hand (no clock, no runtime): each test is a short
 * transcript of ticks, messages and Readies with the expected observations.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import {
  createConfiguration,
  createEntry,
  EMPTY_SNAPSHOT,
  NotLeaderError,
  RaftNode,
  validateRaftConfig,
  type DurableState,
  type Entry,
  type RaftMessage,
} from '../../../src/engines/raft/index.js';
import { lowestTimeout, ManualNetwork, type NodeSettings } from './manual-network.js';

const ABC = ['a', 'b', 'c'];

function bootstrap(ids: readonly string[], settings: NodeSettings = {}): ManualNetwork {
  return new ManualNetwork(ids, { electionTimeoutTicks: 10, heartbeatIntervalTicks: 1, ...settings, bootstrapVoters: ids });
}

/** A durable state whose log holds entry 1 (the configuration of `voters`) then entries of the given terms. */
function stateWith(voters: readonly string[], terms: readonly number[], hard: { term: number; vote?: string | null; commit?: number }): DurableState {
  const entries: Entry[] = [createEntry({ index: 1, term: 1, type: 'config', command: 'bootstrap', configuration: createConfiguration(voters) })];
  terms.forEach((term, offset) => entries.push(createEntry({ index: offset + 2, term, type: 'normal', command: `x${offset + 2}` })));
  return { hardState: { term: hard.term, vote: hard.vote ?? null, commit: hard.commit ?? 1 }, snapshot: EMPTY_SNAPSHOT, entries };
}

function domainError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Messages of one type, narrowed (vote messages share an interface between two types, hence the intersection). */
function ofType<T extends RaftMessage['type']>(messages: readonly RaftMessage[], type: T): (RaftMessage & { type: T })[] {
  return messages.filter((message): message is RaftMessage & { type: T } => message.type === type);
}

describe('RaftNode: elections', () => {
  it('campaigns once its randomized timeout, drawn in [electionTimeout, 2·electionTimeout), expires', () => {
    const draws: [number, number][] = [];
    const net = new ManualNetwork(ABC, { electionTimeoutTicks: 10, preVote: false, bootstrapVoters: ABC }, (min, max) => {
      draws.push([min, max]);
      return 13;
    });
    expect(draws.length).toBeGreaterThan(0);
    expect(draws.every(([min, max]) => min === 10 && max === 20)).toBe(true);
    net.tick('a', 12);
    expect(net.node('a').currentRole).toBe('FOLLOWER');
    net.tick('a');
    const status = net.node('a').status();
    expect([status.role, status.currentTerm, status.votedFor]).toEqual(['CANDIDATE', 2, 'a']);
    expect(net.transcript()).toEqual(['MsgVote a->b t2 last=1/t1', 'MsgVote a->c t2 last=1/t1']);
    // The vote for itself was persisted in the Ready that carried the requests.
    expect(net.lastReady('a')?.hardState).toEqual({ term: 2, vote: 'a', commit: 1 });
    expect(net.disks.get('a')?.currentHardState().vote).toBe('a');
  });

  it('rejects a random source that draws outside [electionTimeout, 2·electionTimeout)', () => {
    expect(() => new RaftNode({ id: 'a', bootstrapVoters: ['a'], electionTimeoutTicks: 10, random: () => 20 })).toThrow(/assertion failed/);
  });

  it('elects a leader that appends an empty entry and commits it', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    const status = net.node('a').status();
    expect(status.role).toBe('LEADER');
    // Its own vote and one more won it the election; a late third vote is not counted after that.
    expect(status.votesReceived).toBe(2);
    expect(net.node('b').status().votesReceived).toBe(0);
    expect(status.lastIndex).toBe(2);
    expect(net.node('a').readEntries(2, 1)[0]).toMatchObject({ index: 2, term: 2, type: 'empty', command: '' });
    expect(status.commitIndex).toBe(2);
    for (const id of ['b', 'c']) expect(net.node(id).status().leaderId).toBe('a');
  });

  it('a single-voter group elects itself and commits a proposal once it is on disk', () => {
    const net = bootstrap(['solo']);
    net.tick('solo', 20);
    expect(net.node('solo').currentRole).toBe('LEADER');
    const { index } = net.node('solo').propose({ command: 'set x=1' });
    // The Ready that persists the entry cannot yet apply it: the leader counts itself only once durable.
    net.drain('solo');
    const applied = net.applied.get('solo') ?? [];
    expect(applied[applied.length - 1]).toMatchObject({ index, command: 'set x=1' });
    const readies = net.readies.get('solo') ?? [];
    const persisting = readies.find((ready) => ready.entries.some((entry) => entry.index === index));
    expect(persisting?.committedEntries.some((entry) => entry.index === index)).toBe(false);
  });

  it('votes by the up-to-date rule (last term, then last index), once per term', () => {
    const net = new ManualNetwork(['v'], { electionTimeoutTicks: 10 }, lowestTimeout, { v: stateWith(['v', 'x', 'y', 'z'], [2], { term: 2 }) });
    const vote = (from: string, lastLogIndex: number, lastLogTerm: number) => {
      net.deliver({ type: 'MsgVote', from, to: 'v', term: 3, lastLogIndex, lastLogTerm, transfer: false });
      return net.take(() => true).map((message) => (message.type === 'MsgVoteResp' ? `${message.reject ? 'rejected' : 'granted'} t${message.term}` : message.type));
    };
    expect(vote('x', 9, 1)).toEqual(['rejected t3']); // lower last term, however long
    expect(vote('x', 1, 2)).toEqual(['rejected t3']); // same last term, shorter
    expect(vote('x', 2, 2)).toEqual(['granted t3']);
    expect(vote('y', 5, 3)).toEqual(['rejected t3']); // already voted in term 3
    expect(vote('x', 2, 2)).toEqual(['granted t3']); // a repeat of our vote
    expect(net.disks.get('v')?.currentHardState()).toEqual({ term: 3, vote: 'x', commit: 1 });
  });

  it('keeps its vote across a crash: no second vote in the same term', () => {
    const net = new ManualNetwork(['v'], { electionTimeoutTicks: 10 }, lowestTimeout, { v: stateWith(['v', 'x', 'y'], [], { term: 1 }) });
    net.deliver({ type: 'MsgVote', from: 'x', to: 'v', term: 2, lastLogIndex: 1, lastLogTerm: 1, transfer: false });
    net.take(() => true);
    net.crash('v');
    net.start('v');
    expect(net.node('v').status().votedFor).toBe('x');
    net.deliver({ type: 'MsgVote', from: 'y', to: 'v', term: 2, lastLogIndex: 1, lastLogTerm: 1, transfer: false });
    expect(ofType(net.take(() => true), 'MsgVoteResp')[0]?.reject).toBe(true);
  });

  it('pre-vote: an isolated node campaigns forever without raising its term', () => {
    const net = bootstrap(ABC, { preVote: true, checkQuorum: false });
    net.elect('a');
    const term = net.node('a').currentTerm;
    net.isolated.add('c');
    for (let round = 0; round < 10; round += 1) {
      net.tick('c', 25);
      net.deliverAll();
    }
    expect(net.node('c').currentRole).toBe('PRE_CANDIDATE');
    expect(net.node('c').status().state).toBe('CANDIDATE');
    expect(net.node('c').currentTerm).toBe(term);
    // Back on the network: its pre-votes are refused while the others hear from the leader.
    net.isolated.delete('c');
    net.tick('c', 10);
    expect(ofType(net.queue, 'MsgPreVote').map((message) => message.term)).toEqual([term + 1, term + 1]);
    net.tick('a');
    net.deliverAll();
    expect(net.node('a').currentRole).toBe('LEADER');
    expect(net.node('a').currentTerm).toBe(term);
    expect(net.node('c').status().leaderId).toBe('a');
  });

  it('pre-vote: granted only by nodes that have not heard from a leader within the election timeout', () => {
    const net = bootstrap(ABC, { preVote: true, checkQuorum: false });
    net.elect('a');
    const term = net.node('a').currentTerm;
    const preVote: RaftMessage = { type: 'MsgPreVote', from: 'c', to: 'b', term: term + 1, lastLogIndex: 9, lastLogTerm: term, transfer: false };
    net.deliver(preVote);
    expect(net.take(() => true)).toEqual([]); // heard from a: ignored
    net.tick('b', 10); // an election timeout of silence
    net.take(() => true);
    net.deliver(preVote);
    const answers = ofType(net.take(() => true), 'MsgPreVoteResp');
    expect(answers.map((answer) => [answer.reject, answer.term])).toEqual([[false, term + 1]]);
    expect(net.node('b').currentTerm).toBe(term); // a pre-vote changes nothing
    expect(net.node('b').status().votedFor).toBe('a');
  });

  it('leader lease: under CheckQuorum a follower that hears from its leader ignores vote requests', () => {
    const request = (term: number): RaftMessage => ({ type: 'MsgVote', from: 'c', to: 'b', term, lastLogIndex: 99, lastLogTerm: 99, transfer: false });
    const leased = bootstrap(ABC, { checkQuorum: true, preVote: false });
    leased.elect('a');
    const term = leased.node('b').currentTerm;
    leased.deliver(request(term + 1));
    expect(leased.take((message) => message.from === 'b')).toEqual([]);
    expect(leased.node('b').currentTerm).toBe(term);

    const unleased = bootstrap(ABC, { checkQuorum: false, preVote: false });
    unleased.elect('a');
    unleased.deliver(request(term + 1));
    expect(ofType(unleased.take((message) => message.from === 'b'), 'MsgVoteResp')[0]?.reject).toBe(false);
    expect(unleased.node('b').currentTerm).toBe(term + 1);
  });

  it('CheckQuorum: a leader that hears from no majority for an election timeout steps down', () => {
    const net = bootstrap(ABC, { checkQuorum: true });
    net.elect('a');
    net.isolated.add('a');
    net.tick('a', 9);
    net.deliverAll();
    expect(net.node('a').currentRole).toBe('LEADER');
    net.tick('a', 11);
    expect(net.node('a').currentRole).toBe('FOLLOWER');
    expect(net.node('a').status().leaderId).toBe(null);
  });

  it('tells a stale leader its term so it steps down', () => {
    // Different timeouts, so that one campaign meets a node whose lease has expired.
    const net = new ManualNetwork(ABC, (id) => ({ electionTimeoutTicks: id === 'c' ? 15 : 10, bootstrapVoters: ABC }));
    net.elect('a');
    const oldTerm = net.node('a').currentTerm;
    net.isolated.add('a');
    const newLeader = () => ['b', 'c'].find((id) => net.node(id).currentRole === 'LEADER');
    for (let tick = 0; tick < 100 && newLeader() === undefined; tick += 1) {
      net.tick('c');
      net.tick('b');
      net.deliverAll();
    }
    expect(newLeader()).toBeDefined();
    expect(net.node('a').currentRole).toBe('LEADER');
    net.isolated.delete('a');
    net.tick('a'); // a heartbeat from the old term
    net.deliverAll();
    expect(net.node('a').currentRole).toBe('FOLLOWER');
    expect(net.node('a').currentTerm).toBeGreaterThan(oldTerm);
  });

  it('role changes only along legal transitions', () => {
    const net = bootstrap(ABC);
    const follower = net.node('b') as unknown as { becomeLeader(): void };
    expect(() => follower.becomeLeader()).toThrow('invalid transition [follower -> leader]');
    net.elect('a');
    const leader = net.node('a') as unknown as { becomeCandidate(): void; becomePreCandidate(): void };
    expect(() => leader.becomeCandidate()).toThrow('invalid transition [leader -> candidate]');
    expect(() => leader.becomePreCandidate()).toThrow('invalid transition [leader -> pre-candidate]');
  });
});

describe('RaftNode: replication', () => {
  it('Figure 8: a majority holding an old-term entry does not commit it; an entry of the current term does', () => {
    const voters = ['l', 'f', 'g'];
    const net = new ManualNetwork(['l'], { electionTimeoutTicks: 10, preVote: false }, lowestTimeout, { l: stateWith(voters, [2], { term: 2 }) });
    net.tick('l', 10);
    net.deliver({ type: 'MsgVoteResp', from: 'f', to: 'l', term: 3, reject: false });
    expect(net.node('l').currentRole).toBe('LEADER');
    expect(net.node('l').lastIndex).toBe(3); // 1: config, 2: old term, 3: empty of term 3
    net.take(() => true);
    // f acknowledges the old-term entry 2: l and f form a majority holding it, yet it must not commit.
    net.deliver({ type: 'MsgAppResp', from: 'f', to: 'l', term: 3, reject: false, index: 2, conflictTerm: 0, conflictIndex: 0 });
    expect(net.node('l').commitIndex).toBe(1);
    // Once f holds entry 3 (term 3), entries 2 and 3 commit together.
    net.deliver({ type: 'MsgAppResp', from: 'f', to: 'l', term: 3, reject: false, index: 3, conflictTerm: 0, conflictIndex: 0 });
    expect(net.node('l').commitIndex).toBe(3);
  });

  it('fast backtracking: the rejection names the conflicting term and its first index', () => {
    const net = new ManualNetwork(['f'], { electionTimeoutTicks: 10 }, lowestTimeout, { f: stateWith(['l', 'f', 'g'], [2, 2, 3, 3, 3], { term: 3 }) });
    const append = (prevLogIndex: number, prevLogTerm: number) => {
      net.deliver({ type: 'MsgApp', from: 'l', to: 'f', term: 5, prevLogIndex, prevLogTerm, entries: [], leaderCommit: 1 });
      return ofType(net.take(() => true), 'MsgAppResp')[0];
    };
    // f holds 1:t1 2:t2 3:t2 4:t3 5:t3 6:t3.
    expect(append(6, 4)).toMatchObject({ reject: true, index: 6, conflictTerm: 3, conflictIndex: 4 });
    expect(append(9, 4)).toMatchObject({ reject: true, index: 9, conflictTerm: 0, conflictIndex: 7 });
    expect(append(3, 2)).toMatchObject({ reject: false, index: 3 });
  });

  it('a leader skips a whole term per rejection and the follower truncates its conflicting suffix', () => {
    // l: 1 2 3 3 5   f: 1 2 3 3 4 4 4   (terms by index), g votes for l.
    const voters = ['l', 'f', 'g'];
    const net = new ManualNetwork(['l', 'f'], { electionTimeoutTicks: 10, preVote: false, checkQuorum: false }, lowestTimeout, {
      l: stateWith(voters, [2, 3, 3, 5], { term: 5 }),
      f: stateWith(voters, [2, 3, 3, 4, 4, 4], { term: 5 }),
    });
    net.tick('l', 10);
    net.take(() => true);
    net.deliver({ type: 'MsgVoteResp', from: 'g', to: 'l', term: 6, reject: false });
    expect(net.node('l').currentRole).toBe('LEADER');
    const rejections: RaftMessage[] = [];
    net.deliverAll((message) => {
      if (message.type === 'MsgAppResp' && message.reject) rejections.push(message);
      return true;
    });
    // One rejection (conflict term 4 from index 5, a term l lacks) sends l straight back to index 5.
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ index: 5, conflictTerm: 4, conflictIndex: 5 });
    const termsOf = (id: string) => net.node(id).readEntries(1, 100).map((entry) => entry.term);
    expect(termsOf('f')).toEqual(termsOf('l'));
    expect(termsOf('f')).toEqual([1, 2, 3, 3, 5, 6]);
    // The follower's disk saw the truncation: the first persisted entry overwrote index 5.
    const firstOverwrite = (net.readies.get('f') ?? []).find((ready) => ready.entries.length > 0 && ready.entries[0]?.term === 5);
    expect(firstOverwrite?.entries[0]?.index).toBe(5);
  });

  it('heartbeats carry min(follower match, commit) so a follower never commits what it may not hold', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    net.isolated.add('c');
    for (let command = 0; command < 3; command += 1) net.node('a').propose({ command: `c${command}` });
    net.drain('a');
    net.deliverAll();
    net.isolated.delete('c');
    net.tick('a');
    const heartbeats = ofType(net.queue, 'MsgHeartbeat');
    const commit = net.node('a').commitIndex;
    expect(heartbeats.find((message) => message.to === 'b')?.leaderCommit).toBe(commit);
    expect(heartbeats.find((message) => message.to === 'c')?.leaderCommit).toBe(2);
    net.deliverAll();
    expect(net.node('c').commitIndex).toBe(commit);
  });

  it('acknowledges entries in the same Ready that persists them (persist before send)', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    net.node('a').propose({ command: 'x' });
    net.drain('a');
    const append = net.take((message) => message.to === 'b' && message.type === 'MsgApp')[0] as RaftMessage;
    net.deliver(append);
    const ready = net.lastReady('b');
    expect(ready?.entries.map((entry) => entry.command)).toEqual(['x']);
    expect(ready?.messages.map((message) => message.type)).toEqual(['MsgAppResp']);
  });

  it('limits: entries per append, appends in flight, uncommitted entries, command size', () => {
    const net = bootstrap(ABC, { maxEntriesPerAppend: 2, maxInflightAppends: 2, maxUncommittedEntries: 5, maxCommandBytes: 8 });
    net.elect('a');
    const leader = net.node('a');
    for (let command = 0; command < 5; command += 1) leader.propose({ command: `c${command}` });
    net.drain('a');
    const toB = ofType(net.queue, 'MsgApp').filter((message) => message.to === 'b');
    // Replicating: only two appends may be in flight; each carries at most two entries.
    expect(toB.filter((message) => message.entries.length > 0)).toHaveLength(2);
    expect(Math.max(...toB.map((message) => message.entries.length))).toBeLessThanOrEqual(2);
    expect(domainError(() => leader.propose({ command: 'one-more' })).details).toMatchObject({ reason: 'PROPOSAL_BACKLOG_FULL', uncommittedEntries: 5 });
    expect(domainError(() => leader.propose({ command: 'far-too-long' })).code).toBe('UNPROCESSABLE');
    net.deliverAll();
    expect(leader.commitIndex).toBe(leader.lastIndex);
    for (const id of ['b', 'c']) expect(net.node(id).lastIndex).toBe(leader.lastIndex);
  });

  it('a proposal to a non-leader names the leader it knows', () => {
    const net = bootstrap(ABC);
    const noLeader = domainError(() => net.node('b').propose({ command: 'x' }));
    expect(noLeader).toBeInstanceOf(NotLeaderError);
    expect([noLeader.code, noLeader.details?.leaderId]).toEqual(['CONFLICT', null]);
    net.elect('a');
    const error = domainError(() => net.node('b').propose({ command: 'x' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'NOT_LEADER', leaderId: 'a' });
  });

  it('stepping a message addressed to another node is a programmer error', () => {
    const net = bootstrap(ABC);
    expect(() => net.node('a').step({ type: 'MsgHeartbeat', from: 'b', to: 'c', term: 5, leaderCommit: 0 })).toThrow(/assertion failed/);
  });
});

describe('RaftNode: membership', () => {
  it('refuses a change before the leader commits in its term, and a second one while one is pending', () => {
    const net = bootstrap(ABC);
    net.tick('a', 10);
    net.deliverAll((message) => message.type !== 'MsgApp');
    const leader = net.node('a');
    expect(leader.currentRole).toBe('LEADER');
    // The empty entry of its term is not committed yet.
    expect(domainError(() => leader.proposeConfChange({ type: 'addLearner', nodeId: 'd' })).details).toMatchObject({ reason: 'LEADER_NOT_READY' });
    net.tick('a');
    net.deliverAll();
    const { index } = leader.proposeConfChange({ type: 'addLearner', nodeId: 'd' });
    // In force as soon as appended, though not committed.
    expect(leader.membership()).toEqual({ configuration: createConfiguration(ABC, ['d']), index, committed: false });
    expect(domainError(() => leader.proposeConfChange({ type: 'addLearner', nodeId: 'e' })).details).toMatchObject({ reason: 'CHANGE_PENDING', pendingIndex: index });
    net.drain('a');
    net.deliverAll();
    expect(leader.membership().committed).toBe(true);
    expect(leader.status().progress?.find((progress) => progress.nodeId === 'd')).toMatchObject({ isLearner: true });
    leader.proposeConfChange({ type: 'promoteLearner', nodeId: 'd' });
    expect(leader.membership().configuration.voters).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rejects changes that make no sense', () => {
    const net = bootstrap(['solo']);
    net.elect('solo');
    const leader = net.node('solo');
    expect(domainError(() => leader.proposeConfChange({ type: 'removeNode', nodeId: 'ghost' })).code).toBe('NOT_FOUND');
    expect(domainError(() => leader.proposeConfChange({ type: 'promoteLearner', nodeId: 'ghost' })).code).toBe('NOT_FOUND');
    expect(domainError(() => leader.proposeConfChange({ type: 'addVoter', nodeId: 'solo' })).code).toBe('CONFLICT');
    expect(domainError(() => leader.proposeConfChange({ type: 'removeNode', nodeId: 'solo' })).code).toBe('UNPROCESSABLE');
  });

  it('a follower reverts a configuration whose entry is truncated', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    // Without lease or pre-vote, so that b can be elected by ticking b alone.
    const net = bootstrap(ids, { preVote: false, checkQuorum: false });
    net.elect('a');
    net.node('a').proposeConfChange({ type: 'addLearner', nodeId: 'x' });
    net.drain('a');
    // Only c receives the change.
    net.deliverAll((message) => message.type !== 'MsgApp' || message.to === 'c');
    expect(net.node('c').membership().configuration.learners).toEqual(['x']);
    net.crash('a');
    net.queue = [];
    // b wins with d and e (c refuses: its log is longer); b's empty entry overwrites c's change.
    net.elect('b');
    expect(net.node('c').membership().configuration).toEqual(createConfiguration(ids));
    expect(net.node('c').membership().committed).toBe(true);
  });

  it('a removed leader steps down once its removal commits and hands over to an up-to-date voter', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    net.node('a').proposeConfChange({ type: 'removeNode', nodeId: 'a' });
    // Leaving: it replicates the change but accepts no more proposals.
    expect(domainError(() => net.node('a').propose({ command: 'x' })).details).toMatchObject({ reason: 'NOT_LEADER', leaderId: null });
    net.drain('a');
    net.deliverAll();
    expect(net.node('a').currentRole).toBe('FOLLOWER');
    const leaders = ['b', 'c'].filter((id) => net.node(id).currentRole === 'LEADER');
    expect(leaders).toHaveLength(1);
    // No longer a voter: it never campaigns again.
    net.tick('a', 100);
    expect(ofType(net.queue, 'MsgPreVote').filter((message) => message.from === 'a')).toEqual([]);
  });
});

describe('RaftNode: leadership transfer', () => {
  it('sends TimeoutNow to a caught-up target, which wins at once; proposals wait meanwhile', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    const term = net.node('a').currentTerm;
    expect(net.node('a').transferLeadership('b')).toEqual({ transfereeId: 'b', started: true });
    net.drain('a');
    expect(domainError(() => net.node('a').propose({ command: 'x' })).details).toMatchObject({ reason: 'LEADER_TRANSFER_IN_PROGRESS', transfereeId: 'b' });
    expect(net.transcript()).toContain(`MsgTimeoutNow a->b t${term}`);
    net.deliverAll();
    expect(net.node('b').currentRole).toBe('LEADER');
    expect(net.node('b').currentTerm).toBe(term + 1);
    expect(net.node('a').currentRole).toBe('FOLLOWER');
  });

  it('without a target picks the most up-to-date voter; brings a lagging target up to date first', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    net.isolated.add('c');
    net.node('a').propose({ command: 'x' });
    net.drain('a');
    net.deliverAll();
    net.isolated.delete('c');
    expect(net.node('a').transferLeadership()).toMatchObject({ transfereeId: 'b' });
    net.drain('a');
    net.deliverAll();
    expect(net.node('b').currentRole).toBe('LEADER');
    // Now to the lagging c, explicitly: b first replicates, then sends TimeoutNow.
    net.isolated.add('c');
    net.node('b').propose({ command: 'y' });
    net.drain('b');
    net.deliverAll();
    net.isolated.delete('c');
    net.node('b').transferLeadership('c');
    net.drain('b');
    expect(ofType(net.queue, 'MsgTimeoutNow')).toEqual([]);
    net.deliverAll();
    expect(net.node('c').currentRole).toBe('LEADER');
  });

  it('abandons a transfer after an election timeout when the target does not answer', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    net.isolated.add('c');
    net.node('a').propose({ command: 'x' });
    net.drain('a');
    net.deliverAll();
    net.node('a').transferLeadership('c');
    net.drain('a');
    for (let tick = 0; tick < 10; tick += 1) {
      net.tick('a');
      net.deliverAll();
    }
    const status = net.node('a').status();
    expect([status.role, status.leadTransferee]).toEqual(['LEADER', null]);
    expect(() => net.node('a').propose({ command: 'y' })).not.toThrow();
  });

  it('refuses learners and strangers as targets', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    net.node('a').proposeConfChange({ type: 'addLearner', nodeId: 'l' });
    net.drain('a');
    expect(domainError(() => net.node('a').transferLeadership('l')).code).toBe('UNPROCESSABLE');
    expect(domainError(() => net.node('a').transferLeadership('ghost')).code).toBe('NOT_FOUND');
    expect(domainError(() => net.node('b').transferLeadership('c'))).toBeInstanceOf(NotLeaderError);
  });
});

describe('RaftNode: snapshots and configuration', () => {
  it('compacts only applied entries, and only forward', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    const leader = net.node('a');
    expect(domainError(() => leader.createSnapshot(leader.lastApplied + 1, '{}')).code).toBe('UNPROCESSABLE');
    const snapshot = leader.createSnapshot(leader.lastApplied, 'state');
    expect(snapshot.metadata).toEqual({ index: leader.lastApplied, term: leader.currentTerm, configuration: createConfiguration(ABC) });
    expect(leader.status()).toMatchObject({ logSize: 0, snapshotIndex: snapshot.metadata.index });
    expect(domainError(() => leader.createSnapshot(snapshot.metadata.index, 'again')).code).toBe('CONFLICT');
  });

  it('validates its configuration, listing every problem', () => {
    const error = domainError(() => validateRaftConfig({ id: '', heartbeatIntervalTicks: 10, electionTimeoutTicks: 10, maxInflightAppends: 0, random: undefined as never }));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details?.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('random'),
        expect.stringContaining('id'),
        expect.stringContaining('maxInflightAppends'),
        expect.stringContaining('heartbeatIntervalTicks must be below electionTimeoutTicks'),
      ]),
    );
    expect(validateRaftConfig({ id: 'a', random: lowestTimeout })).toMatchObject({ electionTimeoutTicks: 10, heartbeatIntervalTicks: 1, checkQuorum: true, preVote: true });
  });
});

describe('RaftNode: forced campaigns and runtime settings', () => {
  it('without automatic elections only campaign() starts one', () => {
    const net = bootstrap(ABC, { autoElection: false });
    for (let round = 0; round < 10; round += 1) {
      for (const id of ABC) net.tick(id, 10);
      net.deliverAll();
    }
    expect(ABC.map((id) => net.node(id).currentRole)).toEqual(['FOLLOWER', 'FOLLOWER', 'FOLLOWER']);
    expect(net.node('b').campaign()).toBe(true);
    net.drain('b');
    net.deliverAll();
    expect(net.node('b').currentRole).toBe('LEADER');
    expect(net.node('b').campaign()).toBe(false);
  });

  it('a plain campaign respects a live leader; a forced one deposes it', () => {
    const net = bootstrap(ABC);
    net.elect('a');
    const term = net.node('a').currentTerm;
    net.node('c').campaign();
    net.drain('c');
    net.deliverAll();
    // Pre-vote refused: the others hear from a.
    expect(net.node('a').currentRole).toBe('LEADER');
    expect(net.node('a').currentTerm).toBe(term);
    net.node('c').campaign({ force: true });
    net.drain('c');
    net.deliverAll();
    expect(net.node('c').currentRole).toBe('LEADER');
    expect(net.node('c').currentTerm).toBe(term + 1);
  });

  it('refuses a campaign by a learner', () => {
    const net = new ManualNetwork(['l'], {}, lowestTimeout, {
      l: { hardState: { term: 1, vote: null, commit: 1 }, snapshot: EMPTY_SNAPSHOT, entries: [createEntry({ index: 1, term: 1, type: 'config', command: 'bootstrap', configuration: createConfiguration(['a'], ['l']) })] },
    });
    expect(domainError(() => net.node('l').campaign()).code).toBe('UNPROCESSABLE');
  });

  it('changes timing while running, and rejects a bad combination without changing anything', () => {
    const draws: [number, number][] = [];
    const net = new ManualNetwork(['solo'], { bootstrapVoters: ['solo'], electionTimeoutTicks: 10, heartbeatIntervalTicks: 2 }, (min, max) => {
      draws.push([min, max]);
      return min;
    });
    const node = net.node('solo');
    expect(domainError(() => node.updateSettings({ electionTimeoutTicks: 2 })).code).toBe('UNPROCESSABLE');
    expect(node.status().randomizedElectionTimeoutTicks).toBe(10);
    node.updateSettings({ electionTimeoutTicks: 40, checkQuorum: false });
    expect(draws[draws.length - 1]).toEqual([40, 80]);
    net.tick('solo', 39);
    expect(node.currentRole).toBe('FOLLOWER');
    net.tick('solo');
    expect(node.currentRole).toBe('LEADER');
  });
});
