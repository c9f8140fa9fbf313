/**
 * Raft consensus over GraphQL: the twins of /api/v1/cluster/raft answer what REST answers, the
 * mutations change the same Raft group, and leaderElections delivers each election won. 5 nodes,
 * manual clock, fixed seed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  AppendEntriesResponse,
  LeaderElectionEvent,
  RaftLeader,
  RaftLogEntry,
  RaftLogSummary,
  RaftMembership,
  RaftState,
  SnapshotInfo,
  VoteResponse,
} from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { listenOnLoopback, nextFeedOpened, sseSubscribe } from '../../support/socket.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
let httpUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

const STATE_FIELDS = `nodeId state suffrage currentTerm votedFor leader commitIndex lastApplied lastLogIndex lastLogTerm logSize
  snapshotIndex snapshotTerm votesReceived electionTimeoutMs electionElapsedMs lastLeaderContact`;
const LEADER_FIELDS = 'leaderId address term leaderSince electionInProgress commitIndex lastLogIndex votersInContact voters quorumSize';
const SUMMARY_FIELDS = 'nodeId firstIndex lastIndex lastLogTerm commitIndex lastApplied snapshotIndex snapshotTerm logSize sizeBytes uncommittedEntries';
const ENTRY_FIELDS = 'index term type command timestamp clientId requestId committed';
const MEMBERSHIP_FIELDS = `leaderId term configIndex voters learners quorumSize
  pendingChange { type nodeId index proposedAt autoPromote }
  members { nodeId suffrage state isLeader matchIndex nextIndex progressState lagEntries caughtUp recentActive lastContact }`;
const VOTE_FIELDS = 'term voteGranted votesGranted quorumSize votes { nodeId term voteGranted reason }';

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(3000);
  ({ httpUrl } = await listenOnLoopback(server));
});
afterAll(() => server.close());

async function rest(path: string, operationId: string) {
  const response = await server.http.get(path).set(asAdmin);
  expect(response.status).toBe(200);
  expectContract(operationId, response);
  return response.body.data;
}

async function leaderId(): Promise<string> {
  const { raftLeader } = dataOf(await graphql<{ raftLeader: Pick<RaftLeader, 'leaderId'> }>(server, '{ raftLeader { leaderId } }'));
  expect(raftLeader.leaderId).not.toBeNull();
  return raftLeader.leaderId as string;
}

describe('queries', () => {
  test('raftState, raftLeader and raftLogSummary answer what REST answers, field for field', async () => {
    // Read both sides without the clock moving in between.
    for (const nodeId of NODE_IDS) {
      const state = dataOf(await graphql<{ raftState: RaftState }>(server, `query ($nodeId: ID) { raftState(nodeId: $nodeId) { ${STATE_FIELDS} } }`, { nodeId }, { apiKey: viewerKey }));
      expect(state.raftState).toEqual(await rest(`/api/v1/cluster/raft/state?nodeId=${nodeId}`, 'getRaftState'));
    }
    const leader = dataOf(await graphql<{ raftLeader: RaftLeader; raftState: RaftState }>(server, `{ raftLeader { ${LEADER_FIELDS} } raftState { nodeId state } }`));
    expect(leader.raftLeader).toEqual(await rest('/api/v1/cluster/raft/leader', 'getRaftLeader'));
    expect(leader.raftState).toEqual({ nodeId: leader.raftLeader.leaderId, state: 'LEADER' });
    const summary = dataOf(await graphql<{ raftLogSummary: RaftLogSummary }>(server, `{ raftLogSummary { ${SUMMARY_FIELDS} } }`));
    expect(summary.raftLogSummary).toEqual(await rest('/api/v1/cluster/raft/log', 'getRaftLog'));
  });

  test('raftMembership and raftMembers list the configuration like GET /api/v1/cluster/raft/members', async () => {
    const response = dataOf(await graphql<{ raftMembership: RaftMembership; raftMembers: string[] }>(server, `{ raftMembership { ${MEMBERSHIP_FIELDS} } raftMembers }`, {}, { apiKey: viewerKey }));
    expect(response.raftMembership).toEqual(await rest('/api/v1/cluster/raft/members', 'listRaftMembers'));
    expect(response.raftMembers).toEqual(NODE_IDS);
  });

  test('an unknown node is NOT_FOUND; bad arguments are VALIDATION_FAILED or UNPROCESSABLE', async () => {
    expect(codesOf(await graphql(server, '{ raftState(nodeId: "node-99") { nodeId } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, '{ raftLogSummary(nodeId: "node-99") { nodeId } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, '{ raftLog(fromIndex: 0) { index } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, '{ raftLog(fromIndex: 9, toIndex: 3) { index } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(server, '{ raftLog(limit: 0) { index } }'))).toEqual(['UNPROCESSABLE']);
  });
});

describe('mutations', () => {
  test('raftAppendEntries appends through the leader; raftLog then lists the entries as REST does', async () => {
    const appended = dataOf(
      await graphql<{ raftAppendEntries: AppendEntriesResponse }>(
        server,
        'mutation ($entries: [RaftLogEntryInput!]!) { raftAppendEntries(entries: $entries) { leaderId term commitIndex lastIndex entries { index term committed duplicate } } }',
        { entries: [{ command: 'SET a 1', clientId: 'graphql-client', requestId: 1 }, { command: 'SET b 2' }] },
      ),
    ).raftAppendEntries;
    expect(appended.leaderId).toBe(await leaderId());
    expect(appended.entries.map((entry) => entry.index)).toEqual([appended.lastIndex - 1, appended.lastIndex]);
    await server.advance(200);
    const from = appended.entries[0]!.index;
    const log = dataOf(await graphql<{ raftLog: RaftLogEntry[] }>(server, `query ($from: BigInt) { raftLog(fromIndex: $from) { ${ENTRY_FIELDS} } }`, { from }));
    expect(log.raftLog).toEqual(await rest(`/api/v1/cluster/raft/log/entries?fromIndex=${from}`, 'listRaftLogEntries'));
    expect(log.raftLog).toMatchObject([
      { index: from, type: 'COMMAND', command: 'SET a 1', clientId: 'graphql-client', requestId: 1, committed: true },
      { index: from + 1, command: 'SET b 2', clientId: null, requestId: null, committed: true },
    ]);
    const filtered = dataOf(await graphql<{ raftLog: Pick<RaftLogEntry, 'index'>[] }>(server, '{ raftLog(type: COMMAND, clientId: "graphql-client", order: DESC, limit: 5) { index } }'));
    expect(filtered.raftLog).toEqual([{ index: from }]);
    // A retry of the same request is not appended twice.
    const retry = dataOf(
      await graphql<{ raftAppendEntries: AppendEntriesResponse }>(server, 'mutation { raftAppendEntries(entries: [{ command: "SET a 1", clientId: "graphql-client", requestId: 1 }]) { entries { index committed duplicate } } }'),
    );
    expect(retry.raftAppendEntries.entries).toEqual([{ index: from, committed: true, duplicate: true }]);
  });

  test('raftAppendEntries refuses a bad input, a request named twice and a viewer', async () => {
    expect(codesOf(await graphql(server, 'mutation { raftAppendEntries(entries: [{ command: "" }]) { term } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, 'mutation { raftAppendEntries(entries: []) { term } }'))).toEqual(['VALIDATION_FAILED']);
    expect(
      codesOf(await graphql(server, 'mutation { raftAppendEntries(entries: [{ command: "A", clientId: "c", requestId: 1 }, { command: "B", clientId: "c", requestId: 1 }]) { term } }')),
    ).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(server, 'mutation { raftAppendEntries(entries: [{ command: "A" }]) { term } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('raftRequestVote delivers a real RequestVote: a stale term is refused with the voter\'s term', async () => {
    const id = await leaderId();
    const [voter, candidate] = NODE_IDS.filter((nodeId) => nodeId !== id) as [string, string];
    const { raftState } = dataOf(await graphql<{ raftState: Pick<RaftState, 'currentTerm'> }>(server, `{ raftState(nodeId: "${voter}") { currentTerm } }`));
    const response = dataOf(
      await graphql<{ raftRequestVote: VoteResponse }>(server, `mutation ($c: ID!, $n: ID, $t: BigInt!) { raftRequestVote(candidateId: $c, nodeId: $n, term: $t) { ${VOTE_FIELDS} } }`, {
        c: candidate,
        n: voter,
        t: raftState.currentTerm - 1,
      }),
    );
    expect(response.raftRequestVote).toEqual({
      term: raftState.currentTerm,
      voteGranted: false,
      votesGranted: 0,
      quorumSize: 3,
      votes: [{ nodeId: voter, term: raftState.currentTerm, voteGranted: false, reason: 'STALE_TERM' }],
    });
    expect(codesOf(await graphql(server, 'mutation { raftRequestVote(candidateId: "node-99", term: 9) { term } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, 'mutation { raftRequestVote(candidateId: "node-1", nodeId: "node-1", term: 9) { term } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(server, 'mutation { raftRequestVote(candidateId: "node-1", term: 0) { term } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, 'mutation { raftRequestVote(candidateId: "node-1", term: 9) { term } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('raftCreateSnapshot compacts a log; a second one right after has nothing to compact', async () => {
    const id = await leaderId();
    const taken = dataOf(
      await graphql<{ raftCreateSnapshot: SnapshotInfo }>(server, `mutation { raftCreateSnapshot(nodeId: "${id}") { createdAt nodeIds totalEntriesCompacted snapshots { nodeId lastIncludedIndex lastIncludedTerm sizeBytes entriesCompacted } } }`),
    ).raftCreateSnapshot;
    expect(taken.nodeIds).toEqual([id]);
    const state = await rest(`/api/v1/cluster/raft/state?nodeId=${id}`, 'getRaftState');
    expect(state.snapshotIndex).toBe(taken.snapshots[0]!.lastIncludedIndex);
    expect(taken.totalEntriesCompacted).toBe(taken.snapshots[0]!.entriesCompacted);
    expect(codesOf(await graphql(server, `mutation { raftCreateSnapshot(nodeId: "${id}") { nodeIds } }`))).toEqual(['CONFLICT']);
    expect(codesOf(await graphql(server, 'mutation { raftCreateSnapshot(nodeId: "node-99") { nodeIds } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, 'mutation { raftCreateSnapshot { nodeIds } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('addRaftMember adds a cluster node as a learner that is promoted; removeRaftMember takes it out again', async () => {
    expect((await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: 'node-6.cluster.local:7000' })).status).toBe(201);
    const added = dataOf(await graphql<{ addRaftMember: RaftMembership }>(server, `mutation { addRaftMember(nodeId: "node-6") { ${MEMBERSHIP_FIELDS} } }`)).addRaftMember;
    expect(added.pendingChange).toMatchObject({ type: 'ADD_LEARNER', nodeId: 'node-6', autoPromote: true });
    expect(added.members.find((member) => member.nodeId === 'node-6')).toMatchObject({ suffrage: 'LEARNER' });
    expect(codesOf(await graphql(server, 'mutation { addRaftMember(nodeId: "node-6") { voters } }'))).toEqual(['CONFLICT']);
    expect(codesOf(await graphql(server, 'mutation { addRaftMember(nodeId: "node-99") { voters } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, 'mutation { addRaftMember(nodeId: "NODE 6") { voters } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, 'mutation { addRaftMember(nodeId: "node-6") { voters } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);

    for (let waitedMs = 0; ; waitedMs += 250) {
      const { raftMembership } = dataOf(await graphql<{ raftMembership: RaftMembership }>(server, '{ raftMembership { voters members { nodeId suffrage } } }'));
      if (raftMembership.members.find((member) => member.nodeId === 'node-6')?.suffrage === 'VOTER') break;
      expect(waitedMs).toBeLessThan(5000);
      await server.advance(250);
    }

    expect(codesOf(await graphql(server, 'mutation { removeRaftMember(nodeId: "node-99") { voters } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, 'mutation { removeRaftMember(nodeId: "node-6") { voters } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    const removed = dataOf(await graphql<{ removeRaftMember: RaftMembership }>(server, 'mutation { removeRaftMember(nodeId: "node-6") { voters pendingChange { type nodeId } members { nodeId } } }'))
      .removeRaftMember;
    expect(removed).toMatchObject({ voters: 5, pendingChange: { type: 'REMOVE', nodeId: 'node-6' } });
    await server.advance(1000);
    expect(dataOf(await graphql<{ raftMembers: string[] }>(server, '{ raftMembers }')).raftMembers).toEqual(NODE_IDS);
  });
});

describe('leaderElections', () => {
  test('delivers the election that replaces a crashed leader', async () => {
    const before = dataOf(await graphql<{ raftLeader: RaftLeader }>(server, '{ raftLeader { leaderId term } }')).raftLeader;
    const opened = nextFeedOpened(server);
    const sse = await sseSubscribe<{ leaderElections: LeaderElectionEvent }>(
      httpUrl,
      { query: 'subscription { leaderElections { cursor time leaderId term previousLeaderId votesReceived voters electionDurationMs } }' },
      asAdmin,
    );
    await opened;
    try {
      const fault = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [before.leaderId] });
      expect(fault.status).toBe(201);
      await server.advance(5000);
      const result = await sse.results.next();
      const election = result.data?.leaderElections as LeaderElectionEvent;
      expect(election.leaderId).not.toBe(before.leaderId);
      expect(election.term).toBeGreaterThan(before.term);
      expect(election).toMatchObject({ voters: 5, previousLeaderId: before.leaderId });
      expect(election.votesReceived).toBeGreaterThanOrEqual(3);
      expect(election.electionDurationMs).toBeGreaterThanOrEqual(0);
      expect(election.cursor).toBeGreaterThan(0);
      const now = dataOf(await graphql<{ raftLeader: RaftLeader }>(server, '{ raftLeader { leaderId term } }')).raftLeader;
      expect(now).toEqual({ leaderId: election.leaderId, term: election.term });
      await server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
    } finally {
      sse.abort();
    }
  });

  test('needs credentials', async () => {
    const refused = await graphql(server, 'subscription { leaderElections { leaderId } }', {}, 'anonymous');
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
  });
});
