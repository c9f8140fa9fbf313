/**
 * Raft consensus over REST: every /api/v1/cluster/raft operation against the contract, on a
 * 5-node test server with a manual clock and a fixed seed. The scenarios run in file order on
 * one server: elections, the log, snapshots, votes, a leader crash, then membership changes
 * (which shrink the configuration, so they come last). A restart test runs on a store file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, useTestServer, type TestServer } from '../../support/test-server.js';

// Election timeouts are drawn in [1, 2) s: by 3 s a leader is elected and has committed its first entry.
const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

interface RaftState {
  nodeId: string;
  state: 'FOLLOWER' | 'CANDIDATE' | 'LEADER';
  suffrage: 'VOTER' | 'LEARNER';
  currentTerm: number;
  votedFor: string | null;
  leader: string | null;
  commitIndex: number;
  lastApplied: number;
  lastLogIndex: number;
  lastLogTerm: number;
  logSize: number;
  snapshotIndex: number;
  snapshotTerm: number;
  votesReceived: string[];
  electionTimeoutMs: number;
  electionElapsedMs: number;
  lastLeaderContact: string | null;
}

interface RaftLogEntry {
  index: number;
  term: number;
  type: string;
  command: string;
  timestamp: string | null;
  clientId: string | null;
  requestId: number | null;
  committed: boolean;
}

interface RaftMember {
  nodeId: string;
  suffrage: 'VOTER' | 'LEARNER';
  state: string | null;
  isLeader: boolean;
  matchIndex: number | null;
  caughtUp: boolean;
  recentActive: boolean;
}

interface Membership {
  leaderId: string | null;
  term: number;
  configIndex: number;
  voters: number;
  learners: number;
  quorumSize: number;
  pendingChange: { type: string; nodeId: string; index: number; autoPromote: boolean } | null;
  members: RaftMember[];
}

function server(): TestServer {
  return fixture.server;
}

async function stateOf(nodeId: string): Promise<RaftState> {
  const response = await server().http.get(`/api/v1/cluster/raft/state?nodeId=${nodeId}`).set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getRaftState', response);
  return response.body.data as RaftState;
}

async function leader(): Promise<{ leaderId: string | null; term: number }> {
  const response = await server().http.get('/api/v1/cluster/raft/leader').set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getRaftLeader', response);
  return response.body.data;
}

async function leaderId(): Promise<string> {
  const { leaderId: id } = await leader();
  expect(id).not.toBeNull();
  return id as string;
}

async function entriesOf(nodeId: string, query = ''): Promise<RaftLogEntry[]> {
  const response = await server().http.get(`/api/v1/cluster/raft/log/entries?nodeId=${nodeId}&limit=1000${query}`).set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('listRaftLogEntries', response);
  return response.body.data as RaftLogEntry[];
}

async function membership(): Promise<Membership> {
  const response = await server().http.get('/api/v1/cluster/raft/members').set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('listRaftMembers', response);
  return response.body.data as Membership;
}

async function crash(nodeId: string): Promise<string> {
  const response = await server().http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [nodeId] });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
}

async function heal(faultId: string): Promise<void> {
  expect((await server().http.delete(`/api/v1/simulation/faults/${faultId}`).set(asAdmin)).status).toBe(200);
}

async function setSplitBrainPrevention(mode: 'QUORUM' | 'NONE'): Promise<void> {
  const current = await server().http.get('/api/v1/cluster/failover/config').set(asAdmin);
  const response = await server().http.put('/api/v1/cluster/failover/config').set(asAdmin).send({ ...current.body.data, splitBrainPrevention: mode });
  expect(response.status).toBe(200);
}

/** Advances the clock in steps until `done` holds; fails past `limitMs`. */
async function advanceUntil(done: () => Promise<boolean>, limitMs: number, stepMs = 100): Promise<void> {
  for (let elapsedMs = 0; elapsedMs <= limitMs; elapsedMs += stepMs) {
    if (await done()) return;
    await server().advance(stepMs);
  }
  throw new Error(`still not done after ${limitMs} ms of cluster time`);
}

describe('elections: getRaftState and getRaftLeader', () => {
  test('after warm-up exactly one node leads, every node agrees on it and on the term', async () => {
    const states = await Promise.all(NODE_IDS.map(stateOf));
    const leaders = states.filter((state) => state.state === 'LEADER');
    expect(leaders).toHaveLength(1);
    const [elected] = leaders as [RaftState];
    for (const state of states) {
      expect(state).toMatchObject({ suffrage: 'VOTER', currentTerm: elected.currentTerm, leader: elected.nodeId });
      expect(state.commitIndex).toBeLessThanOrEqual(state.lastLogIndex);
      expect(state.lastApplied).toBeLessThanOrEqual(state.commitIndex);
      expect(state.votesReceived).toEqual([]);
      // Election timeouts are drawn in [electionTimeoutMs, 2 × electionTimeoutMs) of the cluster configuration (1 s).
      expect(state.electionTimeoutMs).toBeGreaterThanOrEqual(1000);
      expect(state.electionTimeoutMs).toBeLessThan(2000);
    }
    expect(elected).toMatchObject({ electionElapsedMs: 0, lastLeaderContact: null });
    for (const follower of states.filter((state) => state !== elected)) {
      expect(follower.lastLeaderContact).not.toBeNull();
      expect(follower.electionElapsedMs).toBeLessThan(follower.electionTimeoutMs);
    }

    const response = await server().http.get('/api/v1/cluster/raft/leader').set({ 'X-API-Key': fixture.viewerKey });
    expect(response.status).toBe(200);
    expectContract('getRaftLeader', response);
    const node = (await server().http.get(`/api/v1/cluster/nodes/${elected.nodeId}`).set(asAdmin)).body.data;
    expect(response.body.data).toMatchObject({
      leaderId: elected.nodeId,
      address: node.address,
      term: elected.currentTerm,
      electionInProgress: false,
      commitIndex: elected.commitIndex,
      lastLogIndex: elected.lastLogIndex,
      votersInContact: 5,
      voters: 5,
      quorumSize: 3,
    });
    expect(Number.isNaN(Date.parse(response.body.data.leaderSince))).toBe(false);
    // The cluster's node list shows the same leader.
    const leaders2 = await server().http.get('/api/v1/cluster/nodes?role=LEADER').set(asAdmin);
    expect(leaders2.body.data.map((each: { nodeId: string }) => each.nodeId)).toEqual([elected.nodeId]);
  });

  test('without nodeId the state is the leader\'s; an unknown node is 404, a malformed one 400', async () => {
    const id = await leaderId();
    const response = await server().http.get('/api/v1/cluster/raft/state').set({ 'X-API-Key': fixture.viewerKey });
    expect(response.status).toBe(200);
    expectContract('getRaftState', response);
    expect(response.body.data).toMatchObject({ nodeId: id, state: 'LEADER' });
    const unknown = await server().http.get('/api/v1/cluster/raft/state?nodeId=node-99').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('getRaftState', unknown);
    const malformed = await server().http.get('/api/v1/cluster/raft/state?nodeId=Node_1!').set(asAdmin);
    expect(malformed.status).toBe(400);
    expectContract('getRaftState', malformed);
  });
});

describe('the replicated log', () => {
  let appended: { index: number; term: number }[] = [];

  test('appendRaftEntries proposes through the leader; the entries commit and reach every node', async () => {
    const id = await leaderId();
    const before = await stateOf(id);
    const response = await server()
      .http.post('/api/v1/cluster/raft/log/append')
      .set(asAdmin)
      .send({ entries: [{ command: 'SET balance:42 100', clientId: 'billing-service', requestId: 5812 }, { command: 'SET balance:43 250', clientId: 'billing-service', requestId: 5813 }, { command: 'PING' }] });
    expect(response.status).toBe(200);
    expectContract('appendRaftEntries', response);
    const data = response.body.data;
    expect(data).toMatchObject({ leaderId: id, term: before.currentTerm, lastIndex: before.lastLogIndex + 3 });
    expect(data.entries).toEqual([
      { index: before.lastLogIndex + 1, term: before.currentTerm, committed: false, duplicate: false },
      { index: before.lastLogIndex + 2, term: before.currentTerm, committed: false, duplicate: false },
      { index: before.lastLogIndex + 3, term: before.currentTerm, committed: false, duplicate: false },
    ]);
    appended = data.entries;
    // Commitment follows on the cluster clock: a round trip to a quorum.
    await server().advance(200);
    const from = appended[0]!.index;
    for (const nodeId of NODE_IDS) {
      const entries = await entriesOf(nodeId, `&fromIndex=${from}`);
      expect(entries).toMatchObject([
        { index: from, term: before.currentTerm, type: 'COMMAND', command: 'SET balance:42 100', clientId: 'billing-service', requestId: 5812, committed: true },
        { index: from + 1, command: 'SET balance:43 250', requestId: 5813, committed: true },
        { index: from + 2, command: 'PING', clientId: null, requestId: null, committed: true },
      ]);
      expect(Date.parse(entries[0]!.timestamp as string)).toBeGreaterThan(0);
      const state = await stateOf(nodeId);
      expect(state.commitIndex).toBeGreaterThanOrEqual(from + 2);
    }
  });

  test('a retry with the same clientId and requestId is a duplicate, not a second entry', async () => {
    const response = await server()
      .http.post('/api/v1/cluster/raft/log/append')
      .set(asAdmin)
      .send({ entries: [{ command: 'SET balance:42 100', clientId: 'billing-service', requestId: 5812 }, { command: 'SET balance:44 7', clientId: 'billing-service', requestId: 5814 }] });
    expect(response.status).toBe(200);
    expectContract('appendRaftEntries', response);
    const [duplicate, fresh] = response.body.data.entries;
    expect(duplicate).toEqual({ ...appended[0], committed: true, duplicate: true });
    expect(fresh).toMatchObject({ index: appended[2]!.index + 1, duplicate: false, committed: false });
    await server().advance(200);
  });

  test('appendRaftEntries refuses a batch naming one request twice (422), a viewer (403) and a bad body (400)', async () => {
    const twice = await server()
      .http.post('/api/v1/cluster/raft/log/append')
      .set(asAdmin)
      .send({ entries: [{ command: 'A', clientId: 'c', requestId: 1 }, { command: 'B', clientId: 'c', requestId: 1 }] });
    expect(twice.status).toBe(422);
    expectContract('appendRaftEntries', twice);
    expect(twice.body.error.message).toBe('Entries 1 and 2 both carry clientId c, requestId 1.');
    const forbidden = await server().http.post('/api/v1/cluster/raft/log/append').set({ 'X-API-Key': fixture.viewerKey }).send({ entries: [{ command: 'A' }] });
    expect(forbidden.status).toBe(403);
    expectContract('appendRaftEntries', forbidden);
    const empty = await server().http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: [] });
    expect(empty.status).toBe(400);
    expectContract('appendRaftEntries', empty);
    const noCommand = await server().http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: [{ clientId: 'c' }] });
    expect(noCommand.status).toBe(400);
    expectContract('appendRaftEntries', noCommand);
  });

  test('getRaftLog summarizes the leader\'s log; each count is derived from the entries', async () => {
    const id = await leaderId();
    const response = await server().http.get('/api/v1/cluster/raft/log').set({ 'X-API-Key': fixture.viewerKey });
    expect(response.status).toBe(200);
    expectContract('getRaftLog', response);
    const summary = response.body.data;
    const state = await stateOf(id);
    const entries = await entriesOf(id);
    expect(summary).toMatchObject({
      nodeId: id,
      firstIndex: entries[0]!.index,
      lastIndex: state.lastLogIndex,
      lastLogTerm: state.lastLogTerm,
      commitIndex: state.commitIndex,
      snapshotIndex: 0,
      snapshotTerm: 0,
      logSize: entries.length,
      sizeBytes: entries.reduce((sum, entry) => sum + Buffer.byteLength(entry.command, 'utf8'), 0),
      uncommittedEntries: state.lastLogIndex - state.commitIndex,
    });
    expect(summary.firstIndex).toBe(1);
    const other = await server().http.get('/api/v1/cluster/raft/log?nodeId=node-99').set(asAdmin);
    expect(other.status).toBe(404);
    expectContract('getRaftLog', other);
    const malformed = await server().http.get('/api/v1/cluster/raft/log?nodeId=-x').set(asAdmin);
    expect(malformed.status).toBe(400);
    expectContract('getRaftLog', malformed);
  });

  test('listRaftLogEntries names every entry type in the contract\'s words, filters, sorts, pages and selects fields', async () => {
    const id = await leaderId();
    const entries = await entriesOf(id);
    // Entry 1: the founding configuration every founding node writes; then each leader's NO_OP.
    expect(entries[0]).toMatchObject({ index: 1, term: 1, type: 'CONFIG_CHANGE', command: 'BOOTSTRAP voters=node-1,node-2,node-3,node-4,node-5', timestamp: null, committed: true });
    expect(entries.some((entry) => entry.type === 'NO_OP' && entry.command === '' && entry.timestamp === null)).toBe(true);

    const commands = await entriesOf(id, '&type=COMMAND&clientId=billing-service');
    expect(commands.map((entry) => entry.requestId)).toEqual([5812, 5813, 5814]);
    const ofTerm = await entriesOf(id, `&term=${entries.at(-1)!.term}`);
    expect(ofTerm.every((entry) => entry.term === entries.at(-1)!.term)).toBe(true);

    const page = await server().http.get(`/api/v1/cluster/raft/log/entries?limit=2&offset=1&order=desc`).set(asAdmin);
    expectContract('listRaftLogEntries', page);
    expect(page.body.data.map((entry: RaftLogEntry) => entry.index)).toEqual([entries.at(-2)!.index, entries.at(-3)!.index]);
    expect(page.body.pagination).toEqual({ total: entries.length, limit: 2, offset: 1, hasMore: true });

    const sparse = await server().http.get('/api/v1/cluster/raft/log/entries?fields=command&type=COMMAND&sort_by=timestamp&order=asc').set(asAdmin);
    expectContract('listRaftLogEntries', sparse, { sparse: true });
    expect(sparse.body.data[0]).toEqual({ index: commands[0]!.index, command: 'SET balance:42 100' });

    const range = await entriesOf(id, '&fromIndex=2&toIndex=3');
    expect(range.map((entry) => entry.index)).toEqual([2, 3]);
  });

  test('listRaftLogEntries refuses fromIndex past toIndex (422), unknown fields (422), an unknown node (404) and bad input (400)', async () => {
    for (const [query, status] of [
      ['fromIndex=9&toIndex=3', 422],
      ['fields=colour', 422],
      ['nodeId=node-99', 404],
      ['type=WHATEVER', 400],
      ['fromIndex=0', 400],
    ] as const) {
      const response = await server().http.get(`/api/v1/cluster/raft/log/entries?${query}`).set(asAdmin);
      expect(response.status, query).toBe(status);
      expectContract('listRaftLogEntries', response);
    }
  });
});

describe('snapshots', () => {
  test('createRaftSnapshot compacts one node\'s log: logSize drops, snapshotIndex rises', async () => {
    const id = await leaderId();
    const follower = NODE_IDS.find((nodeId) => nodeId !== id)!;
    const before = await stateOf(follower);
    expect(before.snapshotIndex).toBe(0);
    const response = await server().http.post('/api/v1/cluster/raft/snapshot').set(asAdmin).send({ nodeId: follower });
    expect(response.status).toBe(201);
    expectContract('createRaftSnapshot', response);
    const info = response.body.data;
    expect(info.nodeIds).toEqual([follower]);
    expect(info.snapshots).toEqual([
      { nodeId: follower, lastIncludedIndex: before.lastApplied, lastIncludedTerm: expect.any(Number), sizeBytes: expect.any(Number), entriesCompacted: before.lastApplied },
    ]);
    expect(info.totalEntriesCompacted).toBe(before.lastApplied);
    const after = await stateOf(follower);
    expect(after).toMatchObject({ snapshotIndex: before.lastApplied, snapshotTerm: info.snapshots[0].lastIncludedTerm, lastLogIndex: before.lastLogIndex });
    expect(after.logSize).toBe(before.logSize - before.lastApplied);
    const log = await server().http.get(`/api/v1/cluster/raft/log?nodeId=${follower}`).set(asAdmin);
    expectContract('getRaftLog', log);
    expect(log.body.data).toMatchObject({ snapshotIndex: before.lastApplied, firstIndex: after.logSize === 0 ? 0 : before.lastApplied + 1 });
    // Compacted entries are gone from the log.
    const entries = await entriesOf(follower);
    expect(entries.every((entry) => entry.index > before.lastApplied)).toBe(true);

    // Nothing applied since: nothing to snapshot.
    const again = await server().http.post('/api/v1/cluster/raft/snapshot').set(asAdmin).send({ nodeId: follower });
    expect(again.status).toBe(409);
    expectContract('createRaftSnapshot', again);
  });

  test('without nodeId every running member that applied something new takes one', async () => {
    await server().http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: [{ command: 'SET after-snapshot 1' }] });
    await server().advance(200);
    const response = await server().http.post('/api/v1/cluster/raft/snapshot').set(asAdmin).send({});
    expect(response.status).toBe(201);
    expectContract('createRaftSnapshot', response);
    expect(response.body.data.nodeIds).toEqual(NODE_IDS);
    expect(response.body.data.totalEntriesCompacted).toBe(response.body.data.snapshots.reduce((sum: number, each: { entriesCompacted: number }) => sum + each.entriesCompacted, 0));
    for (const nodeId of NODE_IDS) expect((await stateOf(nodeId)).snapshotIndex).toBeGreaterThan(0);
  });

  test('createRaftSnapshot refuses an unknown node (404), a viewer (403) and a bad body (400)', async () => {
    const unknown = await server().http.post('/api/v1/cluster/raft/snapshot').set(asAdmin).send({ nodeId: 'node-99' });
    expect(unknown.status).toBe(404);
    expectContract('createRaftSnapshot', unknown);
    const forbidden = await server().http.post('/api/v1/cluster/raft/snapshot').set({ 'X-API-Key': fixture.viewerKey }).send({});
    expect(forbidden.status).toBe(403);
    expectContract('createRaftSnapshot', forbidden);
    const invalid = await server().http.post('/api/v1/cluster/raft/snapshot').set(asAdmin).send({ nodeId: 'node-1', everything: true });
    expect(invalid.status).toBe(400);
    expectContract('createRaftSnapshot', invalid);
  });
});

describe('requestRaftVote', () => {
  test('a voter refuses a stale term, and ignores a higher one while it hears from its leader', async () => {
    const id = await leaderId();
    const [voter, candidate] = NODE_IDS.filter((nodeId) => nodeId !== id) as [string, string];
    const { currentTerm } = await stateOf(voter);
    const stale = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: candidate, term: currentTerm - 1, nodeId: voter });
    expect(stale.status).toBe(200);
    expectContract('requestRaftVote', stale);
    expect(stale.body.data).toEqual({
      term: currentTerm,
      voteGranted: false,
      votesGranted: 0,
      quorumSize: 3,
      votes: [{ nodeId: voter, term: currentTerm, voteGranted: false, reason: 'STALE_TERM' }],
    });
    // Split-brain prevention on (the default): the leader lease keeps a disruptive candidate out.
    const leased = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: candidate, term: currentTerm + 1, nodeId: voter });
    expectContract('requestRaftVote', leased);
    expect(leased.body.data.votes).toEqual([{ nodeId: voter, term: currentTerm, voteGranted: false, reason: 'LEADER_ACTIVE' }]);
    expect((await stateOf(voter)).currentTerm).toBe(currentTerm);
  });

  test('without the lease a higher term with an up-to-date log is granted: the voter adopts the term and records its vote', async () => {
    await setSplitBrainPrevention('NONE');
    try {
      const id = await leaderId();
      const [voter, candidate] = NODE_IDS.filter((nodeId) => nodeId !== id) as [string, string];
      const { currentTerm } = await stateOf(voter);
      const behind = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: candidate, term: currentTerm + 1, nodeId: voter, lastLogIndex: 1, lastLogTerm: 1 });
      expectContract('requestRaftVote', behind);
      // The term moves whatever the answer; the vote needs a log at least as up to date.
      expect(behind.body.data.votes).toEqual([{ nodeId: voter, term: currentTerm + 1, voteGranted: false, reason: 'LOG_NOT_UP_TO_DATE' }]);
      const granted = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: candidate, term: currentTerm + 2, nodeId: voter });
      expect(granted.status).toBe(200);
      expectContract('requestRaftVote', granted);
      expect(granted.body.data).toEqual({
        term: currentTerm + 2,
        voteGranted: true,
        votesGranted: 1,
        quorumSize: 3,
        votes: [{ nodeId: voter, term: currentTerm + 2, voteGranted: true, reason: 'GRANTED' }],
      });
      expect(await stateOf(voter)).toMatchObject({ state: 'FOLLOWER', currentTerm: currentTerm + 2, votedFor: candidate, leader: null });
      // One vote per term.
      const other = NODE_IDS.find((nodeId) => nodeId !== voter && nodeId !== candidate)!;
      const again = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: other, term: currentTerm + 2, nodeId: voter });
      expect(again.body.data.votes[0]).toMatchObject({ voteGranted: false, reason: 'ALREADY_VOTED' });
      // The old leader learns of the higher term from the voter and a new election follows.
      await advanceUntil(async () => ((await leader()).term > currentTerm + 1 && (await leader()).leaderId !== null), 5000);
    } finally {
      await setSplitBrainPrevention('QUORUM');
    }
  });

  test('without nodeId the request is the candidate\'s campaign: a quorum of grants makes it leader of that term', async () => {
    await setSplitBrainPrevention('NONE');
    try {
      const before = await leader();
      const candidate = NODE_IDS.find((nodeId) => nodeId !== before.leaderId)!;
      const term = before.term + 1;
      // A campaign cannot claim more log than the candidate holds.
      const overstated = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: candidate, term, lastLogIndex: 1_000_000, lastLogTerm: term });
      expect(overstated.status).toBe(422);
      expectContract('requestRaftVote', overstated);
      const response = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: candidate, term });
      expect(response.status).toBe(200);
      expectContract('requestRaftVote', response);
      expect(response.body.data).toEqual({
        term,
        voteGranted: true,
        votesGranted: 5,
        quorumSize: 3,
        votes: NODE_IDS.filter((nodeId) => nodeId !== candidate).map((nodeId) => ({ nodeId, term, voteGranted: true, reason: 'GRANTED' })),
      });
      expect(await leader()).toMatchObject({ leaderId: candidate, term });
      expect(await stateOf(candidate)).toMatchObject({ state: 'LEADER', currentTerm: term, votedFor: candidate });
      // The leader it deposed follows it once the new leader's first append arrives.
      await server().advance(200);
      expect(await stateOf(before.leaderId as string)).toMatchObject({ state: 'FOLLOWER', currentTerm: term, leader: candidate });
      // A campaign needs a term the candidate has not seen yet.
      const follower = NODE_IDS.find((nodeId) => nodeId !== candidate)!;
      const stale = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: follower, term });
      expect(stale.status).toBe(409);
      expectContract('requestRaftVote', stale);
    } finally {
      await setSplitBrainPrevention('QUORUM');
    }
  });

  test('refuses an unknown node (404), a candidate voting for itself (422), a viewer (403) and a bad body (400)', async () => {
    for (const [body, status] of [
      [{ candidateId: 'node-99', term: 50 }, 404],
      [{ candidateId: 'node-1', term: 50, nodeId: 'node-99' }, 404],
      [{ candidateId: 'node-1', term: 50, nodeId: 'node-1' }, 422],
      [{ candidateId: 'node-1' }, 400],
      [{ candidateId: 'node-1', term: 0 }, 400],
    ] as const) {
      const response = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expectContract('requestRaftVote', response);
    }
    const forbidden = await server().http.post('/api/v1/cluster/raft/vote').set({ 'X-API-Key': fixture.viewerKey }).send({ candidateId: 'node-1', term: 50 });
    expect(forbidden.status).toBe(403);
    expectContract('requestRaftVote', forbidden);
  });
});

describe('a leader crash', () => {
  test('a crashed leader is replaced by a new one in a higher term; its state is gone, its log readable from disk', async () => {
    await server().advance(2000);
    const before = await leader();
    const crashed = before.leaderId as string;
    const fault = await crash(crashed);
    // Crashed: volatile state gone (409), the disk still readable.
    const gone = await server().http.get(`/api/v1/cluster/raft/state?nodeId=${crashed}`).set(asAdmin);
    expect(gone.status).toBe(409);
    expectContract('getRaftState', gone);
    const goneLog = await server().http.get(`/api/v1/cluster/raft/log?nodeId=${crashed}`).set(asAdmin);
    expect(goneLog.status).toBe(409);
    expectContract('getRaftLog', goneLog);
    expect((await entriesOf(crashed)).length).toBeGreaterThan(0);
    const members = await membership();
    expect(members.members.find((member) => member.nodeId === crashed)?.state).toBeNull();

    await advanceUntil(async () => (await leader()).leaderId !== null, 5000);
    const after = await leader();
    expect(after.leaderId).not.toBe(crashed);
    expect(after.term).toBeGreaterThan(before.term);
    const voteWithoutCandidate = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: crashed, term: after.term + 1 });
    expect(voteWithoutCandidate.status).toBe(409);
    expectContract('requestRaftVote', voteWithoutCandidate);
    // Down nodes answer nothing.
    const other = NODE_IDS.find((nodeId) => nodeId !== crashed && nodeId !== after.leaderId)!;
    const unreachable = await server().http.post('/api/v1/cluster/raft/vote').set(asAdmin).send({ candidateId: other, term: after.term, nodeId: crashed });
    expect(unreachable.body.data.votes).toEqual([{ nodeId: crashed, term: null, voteGranted: false, reason: 'UNREACHABLE' }]);
    const snapshot = await server().http.post('/api/v1/cluster/raft/snapshot').set(asAdmin).send({ nodeId: crashed });
    expect(snapshot.status).toBe(409);

    await heal(fault);
    // Back from its disk, it rejoins as a follower of the new leader.
    await advanceUntil(async () => (await stateOf(crashed)).leader === after.leaderId, 3000);
    expect(await stateOf(crashed)).toMatchObject({ state: 'FOLLOWER', currentTerm: after.term });
  });
});

describe('membership: listRaftMembers, addRaftMember, removeRaftMember', () => {
  test('listRaftMembers shows every voter with the leader\'s view of its progress', async () => {
    const id = await leaderId();
    const response = await server().http.get('/api/v1/cluster/raft/members').set({ 'X-API-Key': fixture.viewerKey });
    expect(response.status).toBe(200);
    expectContract('listRaftMembers', response);
    const data = response.body.data as Membership;
    expect(data).toMatchObject({ leaderId: id, voters: 5, learners: 0, quorumSize: 3, pendingChange: null });
    // The founding configuration (entry 1) was folded into the snapshots above: the snapshot carries it now.
    expect(data.configIndex).toBe((await stateOf(id)).snapshotIndex);
    expect(data.members.map((member) => member.nodeId)).toEqual(NODE_IDS);
    for (const member of data.members) {
      expect(member).toMatchObject({ suffrage: 'VOTER', isLeader: member.nodeId === id, caughtUp: true, recentActive: true, state: member.nodeId === id ? 'LEADER' : 'FOLLOWER' });
    }
  });

  test('addRaftMember refuses a node outside the cluster (404), a member (409), a READ_ONLY voter (422), a viewer (403) and a bad body (400)', async () => {
    const unknown = await server().http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-99' });
    expect(unknown.status).toBe(404);
    expectContract('addRaftMember', unknown);
    const member = await server().http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-2' });
    expect(member.status).toBe(409);
    expectContract('addRaftMember', member);
    // A READ_ONLY node joins consensus as a learner (the cluster queues that); it can never be promoted.
    const added = await server().http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-7', address: 'node-7.cluster.local:7000', role: 'READ_ONLY' });
    expect(added.status).toBe(201);
    const readOnly = await server().http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-7', autoPromote: true });
    expect(readOnly.status).toBe(422);
    expectContract('addRaftMember', readOnly);
    const forbidden = await server().http.post('/api/v1/cluster/raft/members/add').set({ 'X-API-Key': fixture.viewerKey }).send({ nodeId: 'node-7' });
    expect(forbidden.status).toBe(403);
    expectContract('addRaftMember', forbidden);
    const invalid = await server().http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-7', role: 'VOTER' });
    expect(invalid.status).toBe(400);
    expectContract('addRaftMember', invalid);
    await advanceUntil(async () => (await membership()).members.some((each) => each.nodeId === 'node-7'), 3000);
    const joined = await membership();
    expect(joined.members.find((each) => each.nodeId === 'node-7')).toMatchObject({ suffrage: 'LEARNER' });
    expect(joined).toMatchObject({ voters: 5, learners: 1 });
  });

  test('a new cluster node added by hand joins as a LEARNER, then becomes a VOTER once caught up', async () => {
    // Enough log that a newcomer starts well outside the catch-up margin (10 entries).
    const burst = await server().http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: Array.from({ length: 30 }, (_, n) => ({ command: `SET burst:${n} ${n}` })) });
    expect(burst.status).toBe(200);
    await server().advance(200);
    const added = await server().http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: 'node-6.cluster.local:7000' });
    expect(added.status).toBe(201);
    // Before the cluster's own queue proposes it: the operator's change takes over.
    const response = await server().http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-6' });
    expect(response.status).toBe(202);
    expectContract('addRaftMember', response);
    const data = response.body.data as Membership;
    expect(data.pendingChange).toMatchObject({ type: 'ADD_LEARNER', nodeId: 'node-6', autoPromote: true });
    expect(data.pendingChange!.index).toBeGreaterThan(0);
    expect(data.members.find((member) => member.nodeId === 'node-6')).toMatchObject({ suffrage: 'LEARNER', caughtUp: false });
    expect(data).toMatchObject({ voters: 5, learners: 2, quorumSize: 3, configIndex: data.pendingChange!.index });
    // Another change waits for this one.
    const another = await server().http.delete('/api/v1/cluster/raft/members/node-7').set(asAdmin);
    expect(another.status).toBe(409);
    expectContract('removeRaftMember', another);
    expect(another.body.error.message).toMatch(/^A configuration change is pending \(ADD_LEARNER node-6 at index \d+\); retry when it is committed\.$/);

    await advanceUntil(async () => (await membership()).members.find((member) => member.nodeId === 'node-6')?.suffrage === 'VOTER', 5000);
    const promoted = await membership();
    expect(promoted).toMatchObject({ voters: 6, learners: 1, quorumSize: 4 });
    expect(promoted.members.find((member) => member.nodeId === 'node-6')).toMatchObject({ state: 'FOLLOWER', caughtUp: true, recentActive: true });
    // The cluster queued node-6 too; it must not add it a second time.
    await server().advance(1000);
    expect((await membership()).members.filter((member) => member.nodeId === 'node-6')).toHaveLength(1);
    const entries = await entriesOf(await leaderId(), '&type=CONFIG_CHANGE');
    expect(entries.filter((entry) => entry.command.endsWith(' node-6')).map((entry) => entry.command)).toEqual(['ADD_LEARNER node-6', 'PROMOTE node-6']);
  });

  test('removeRaftMember removes a voter; the node stays in the cluster and is not added back', async () => {
    const unknown = await server().http.delete('/api/v1/cluster/raft/members/node-99').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('removeRaftMember', unknown);
    const forbidden = await server().http.delete('/api/v1/cluster/raft/members/node-6').set({ 'X-API-Key': fixture.viewerKey });
    expect(forbidden.status).toBe(403);
    expectContract('removeRaftMember', forbidden);
    const invalid = await server().http.delete('/api/v1/cluster/raft/members/node-6?force=maybe').set(asAdmin);
    expect(invalid.status).toBe(400);
    expectContract('removeRaftMember', invalid);

    const response = await server().http.delete('/api/v1/cluster/raft/members/node-6').set(asAdmin);
    expect(response.status).toBe(202);
    expectContract('removeRaftMember', response);
    expect(response.body.data).toMatchObject({ voters: 5, pendingChange: { type: 'REMOVE', nodeId: 'node-6', autoPromote: false } });
    expect(response.body.data.members.map((member: RaftMember) => member.nodeId)).not.toContain('node-6');
    await server().advance(2000);
    expect((await membership()).members.map((member) => member.nodeId)).not.toContain('node-6');
    expect((await server().http.get('/api/v1/cluster/nodes/node-6').set(asAdmin)).status).toBe(200);
    const outside = await server().http.get('/api/v1/cluster/raft/state?nodeId=node-6').set(asAdmin);
    expect(outside.status).toBe(404);
    expectContract('getRaftState', outside);
  });

  test('a removal that takes the last failure tolerance away needs force=true; the last voter cannot go', async () => {
    const removeFollower = async (query = '') => {
      const current = await membership();
      const target = current.members.filter((member) => member.suffrage === 'VOTER' && !member.isLeader).at(-1)!.nodeId;
      return { target, response: await server().http.delete(`/api/v1/cluster/raft/members/${target}${query}`).set(asAdmin) };
    };
    // 5 voters (tolerance 2) → 4 (tolerance 1) → 3 (tolerance 1): no risk yet.
    for (let step = 0; step < 2; step += 1) {
      const { response } = await removeFollower();
      expect(response.status).toBe(202);
      await server().advance(1000);
    }
    // 3 → 2 voters: tolerance 1 → 0.
    const { target, response: refused } = await removeFollower();
    expect(refused.status).toBe(409);
    expectContract('removeRaftMember', refused);
    expect(refused.body.error).toMatchObject({
      code: 'CONFLICT',
      message: `Removing voter ${target} leaves failure tolerance 0 (2 of 2 voters needed); send force=true to remove it anyway.`,
      details: { failureToleranceBefore: 1, failureToleranceAfter: 0 },
    });
    const forced = await removeFollower('?force=true');
    expect(forced.response.status).toBe(202);
    expectContract('removeRaftMember', forced.response);
    await server().advance(1000);
    // 2 → 1: no margin to lose any more. Then the leader alone remains, and it cannot be removed.
    expect((await removeFollower()).response.status).toBe(202);
    await server().advance(1000);
    const alone = await membership();
    expect(alone).toMatchObject({ voters: 1, quorumSize: 1 });
    const last = await server().http.delete(`/api/v1/cluster/raft/members/${alone.leaderId}`).set(asAdmin);
    expect(last.status).toBe(422);
    expectContract('removeRaftMember', last);
    // A one-voter configuration still commits.
    const append = await server().http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: [{ command: 'SET alone 1' }] });
    expect(append.status).toBe(200);
    expect(append.body.data.entries[0].committed).toBe(true);
  });
});

describe('appendRaftEntries without a leader', () => {
  test('is refused with 409', async () => {
    const alone = await membership();
    const fault = await crash(alone.leaderId as string);
    try {
      const response = await server().http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: [{ command: 'SET nobody 1' }] });
      expect(response.status).toBe(409);
      expectContract('appendRaftEntries', response);
      const leaderless = await server().http.get('/api/v1/cluster/raft/leader').set(asAdmin);
      expectContract('getRaftLeader', leaderless);
      expect(leaderless.body.data).toMatchObject({ leaderId: null, address: null, leaderSince: null, lastLogIndex: 0, votersInContact: 0 });
      const add = await server().http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-6' });
      expect(add.status).toBe(409);
      expectContract('addRaftMember', add);
      const members = await membership();
      expect(members.members[0]).toMatchObject({ matchIndex: null, caughtUp: false, recentActive: false, state: null });
    } finally {
      await heal(fault);
    }
  });
});

describe('a server restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-raft-'));
  const storePath = join(dataDir, 'rustydb.sqlite');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('keeps every node\'s term, vote and log', async () => {
    const first = await startTestServer({ nodes: 3, storePath });
    let before: { states: RaftState[]; logs: RaftLogEntry[][] };
    try {
      await first.advance(3000);
      expect((await first.http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: [{ command: 'SET durable 1', clientId: 'restart', requestId: 1 }] })).status).toBe(200);
      await first.advance(500);
      const read = async (nodeId: string) => ({
        state: (await first.http.get(`/api/v1/cluster/raft/state?nodeId=${nodeId}`).set(asAdmin)).body.data as RaftState,
        log: (await first.http.get(`/api/v1/cluster/raft/log/entries?nodeId=${nodeId}&limit=1000`).set(asAdmin)).body.data as RaftLogEntry[],
      });
      const read3 = await Promise.all(['node-1', 'node-2', 'node-3'].map(read));
      before = { states: read3.map((each) => each.state), logs: read3.map((each) => each.log) };
      expect(before.logs[0]!.at(-1)).toMatchObject({ command: 'SET durable 1', committed: true });
    } finally {
      await first.close();
    }

    const second = await startTestServer({ nodes: 3, storePath });
    try {
      for (const [position, nodeId] of ['node-1', 'node-2', 'node-3'].entries()) {
        const state = await second.http.get(`/api/v1/cluster/raft/state?nodeId=${nodeId}`).set(asAdmin);
        expectContract('getRaftState', state);
        const was = before.states[position]!;
        // Restarted nodes are followers again, but nothing durable was lost.
        expect(state.body.data).toMatchObject({ currentTerm: was.currentTerm, votedFor: was.votedFor, lastLogIndex: was.lastLogIndex, lastLogTerm: was.lastLogTerm, commitIndex: was.commitIndex });
        const log = await second.http.get(`/api/v1/cluster/raft/log/entries?nodeId=${nodeId}&limit=1000`).set(asAdmin);
        expect(log.body.data).toEqual(before.logs[position]);
      }
      await second.advance(2000);
      const leaderNow = await second.http.get('/api/v1/cluster/raft/leader').set(asAdmin);
      expect(leaderNow.body.data.leaderId).not.toBeNull();
      expect(leaderNow.body.data.term).toBeGreaterThan(before.states[0]!.currentTerm);
    } finally {
      await second.close();
    }
  });
});
