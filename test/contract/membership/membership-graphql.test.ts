/**
 * Gossip membership over GraphQL: the twins of /api/v1/cluster/members answer what REST answers,
 * and memberStateChanged delivers the group's state changes. 5 nodes, manual clock, fixed seed.
 */
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { GossipState, Member, MemberStateDetail, MemberStateEvent } from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { graphqlWsClient, listenOnLoopback, nextFeedOpened, sseSubscribe, subscribe } from '../../support/socket.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
let httpUrl: string;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000);
  ({ httpUrl, wsUrl } = await listenOnLoopback(server));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => server.close());

const MEMBER_FIELDS = `
  memberId state incarnation address lastStateChange lifecycle
  metadata { address region zone role }
  observers { alive suspect dead left unaware }`;
const COUNTER_FIELDS = `
  protocolPeriods pingsSent pingsReceived acksSent acksReceived pingReqsSent pingReqsReceived pingReqsDropped
  indirectPingsSent acksForwarded indirectAcksReceived staleAcks probesFailed suspicionsRaised suspicionConfirmations
  deathsDeclared refutations updatesApplied staleUpdatesCorrected piggybackedUpdatesSent updatesDropped membersRejected
  pushPullsSent pushPullsReceived reconnectPingsSent joinAttempts`;
const SUSPICION_FIELDS = 'incarnation startedAt deadline confirmations suspectors';
const STATE_DETAIL_FIELDS = `
  member { ${MEMBER_FIELDS} }
  self { lifecycle incarnation state }
  observers { observerId state incarnation lastStateChange suspicion { ${SUSPICION_FIELDS} } }`;
const GOSSIP_FIELDS = `
  protocolPeriodMs pingTimeoutMs protocolPeriod nextPeriodAt memberCount
  totals { ${COUNTER_FIELDS} }
  members {
    memberId lifecycle incarnation protocolPeriod nextPeriodAt viewSize retransmitLimit pendingRelays
    suspicionTimeouts { minMs maxMs expectedConfirmations }
    probe { targetId seq phase startedAt helpers }
    piggybackQueue { memberId state incarnation from transmissions remainingTransmissions }
    suspicions { memberId ${SUSPICION_FIELDS} }
    join { seeds attempts }
    counters { ${COUNTER_FIELDS} }
  }`;
const EVENT_FIELDS = 'cursor time memberId previousState state incarnation observers { alive suspect dead left unaware }';

function client(): Client {
  const created = graphqlWsClient(wsUrl, { 'X-API-Key': ADMIN_KEY });
  clients.push(created);
  return created;
}

async function metadataOf(nodeId: string): Promise<{ address: string; region: string; zone: string; role: string }> {
  const node = (await server.http.get(`/api/v1/cluster/nodes/${nodeId}`).set(asAdmin)).body.data;
  return { address: node.address, region: node.region, zone: node.zone, role: 'storage' };
}

describe('members', () => {
  test('lists the same members, field for field, as GET /api/v1/cluster/members', async () => {
    const response = await graphql<{ members: Member[] }>(server, `{ members { ${MEMBER_FIELDS} } }`, {}, { apiKey: viewerKey });
    const rest = await server.http.get('/api/v1/cluster/members').set(asAdmin);
    expectContract('listMembers', rest);
    expect(dataOf(response).members).toEqual(rest.body.data);
    expect(dataOf(response).members.map((member) => member.state)).toEqual(Array(5).fill('ALIVE'));
  });

  test('pages, sorts and filters like REST', async () => {
    const paged = await graphql<{ members: Pick<Member, 'memberId'>[] }>(server, '{ members(sortBy: memberId, order: DESC, limit: 2, offset: 1) { memberId } }');
    expect(dataOf(paged).members).toEqual([{ memberId: 'node-4' }, { memberId: 'node-3' }]);
    const dead = await graphql<{ members: Member[] }>(server, '{ members(state: DEAD, lifecycle: ACTIVE) { memberId } }');
    expect(dataOf(dead).members).toEqual([]);
  });

  test('rejects an unknown enum value before running anything, and a bad page with UNPROCESSABLE', async () => {
    expect(codesOf(await graphql<unknown>(server, '{ members(state: ZOMBIE) { memberId } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codesOf(await graphql<unknown>(server, '{ members(limit: 0) { memberId } }'))).toEqual(['UNPROCESSABLE']);
  });

  test('needs a key', async () => {
    const response = await graphql<{ members: Member[] | null }>(server, '{ members { memberId } }', {}, 'anonymous');
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('memberState', () => {
  test('returns what GET /api/v1/cluster/members/{id}/state returns', async () => {
    const response = await graphql<{ memberState: MemberStateDetail }>(server, `query ($id: ID!) { memberState(memberId: $id) { ${STATE_DETAIL_FIELDS} } }`, { id: 'node-2' });
    const rest = await server.http.get('/api/v1/cluster/members/node-2/state').set(asAdmin);
    expectContract('getMemberState', rest);
    expect(dataOf(response).memberState).toEqual(rest.body.data);
  });

  test('is null for an unknown member', async () => {
    const response = await graphql<{ memberState: MemberStateDetail | null }>(server, '{ memberState(memberId: "node-99") { member { memberId } } }');
    expect(dataOf(response).memberState).toBeNull();
  });
});

describe('gossipState', () => {
  test('returns what GET /api/v1/cluster/members/gossip returns, paged and narrowed alike', async () => {
    const response = await graphql<{ gossipState: GossipState }>(server, `{ gossipState(memberId: "node-3") { ${GOSSIP_FIELDS} } }`);
    const rest = await server.http.get('/api/v1/cluster/members/gossip?memberId=node-3').set(asAdmin);
    expectContract('getGossipState', rest);
    expect(dataOf(response).gossipState).toEqual(rest.body.data);
    const paged = await graphql<{ gossipState: GossipState }>(server, '{ gossipState(limit: 2, offset: 1) { memberCount members { memberId } } }', {}, { apiKey: viewerKey });
    expect(dataOf(paged).gossipState).toEqual({ memberCount: 5, members: [{ memberId: 'node-2' }, { memberId: 'node-3' }] });
  });

  test('answers NOT_FOUND for an unknown member', async () => {
    expect(codesOf(await graphql<unknown>(server, '{ gossipState(memberId: "node-99") { memberCount } }'))).toEqual(['NOT_FOUND']);
  });
});

describe('leaveMember and joinMember', () => {
  test('leaveMember is forbidden to a viewer, NOT_FOUND for an unknown member', async () => {
    expect(codesOf(await graphql<unknown>(server, 'mutation { leaveMember(memberId: "node-4") { memberId } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(server, 'mutation { leaveMember(memberId: "node-99") { memberId } }'))).toEqual(['NOT_FOUND']);
  });

  test('leaveMember leaves gracefully; a second leave is a CONFLICT', async () => {
    const response = await graphql<{ leaveMember: Member }>(server, `mutation { leaveMember(memberId: "node-4") { ${MEMBER_FIELDS} } }`);
    expect(dataOf(response).leaveMember).toMatchObject({ memberId: 'node-4', lifecycle: 'LEAVING' });
    expect(codesOf(await graphql<unknown>(server, 'mutation { leaveMember(memberId: "node-4") { memberId } }'))).toEqual(['CONFLICT']);
    await server.advance(6000);
    const rest = await server.http.get('/api/v1/cluster/members/node-4/state').set(asAdmin);
    expect(rest.body.data.member).toMatchObject({ state: 'LEFT', lifecycle: 'LEFT' });
  });

  test('joinMember checks its input against the contract, the node and the group', async () => {
    const mutation = 'mutation ($input: JoinMemberInput!) { joinMember(input: $input) { memberId } }';
    const metadata = await metadataOf('node-4');
    expect(codesOf(await graphql<unknown>(server, mutation, { input: { memberId: 'Node 4', metadata } }))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql<unknown>(server, mutation, { input: { memberId: 'node-4', metadata } }, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(server, mutation, { input: { memberId: 'node-99', metadata } }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql<unknown>(server, mutation, { input: { memberId: 'node-4', metadata: { ...metadata, region: 'mars-1' } } }))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql<unknown>(server, mutation, { input: { memberId: 'node-2', metadata: await metadataOf('node-2') } }))).toEqual(['CONFLICT']);
  });

  test('joinMember rejoins a node that left, with a higher incarnation', async () => {
    const metadata = await metadataOf('node-4');
    const response = await graphql<{ joinMember: Member }>(server, `mutation ($input: JoinMemberInput!) { joinMember(input: $input) { ${MEMBER_FIELDS} } }`, {
      input: { memberId: 'node-4', metadata, seedId: 'node-2' },
    });
    expect(dataOf(response).joinMember).toMatchObject({ memberId: 'node-4', lifecycle: 'JOINING', incarnation: 1, metadata });
    await server.advance(3000);
    const members = await graphql<{ members: Member[] }>(server, '{ members(lifecycle: ACTIVE) { memberId state incarnation } }');
    expect(dataOf(members).members.find((member) => member.memberId === 'node-4')).toEqual({ memberId: 'node-4', state: 'ALIVE', incarnation: 1 });
  });
});

type MemberStateChanged = { memberStateChanged: MemberStateEvent };

describe('memberStateChanged', () => {
  test('delivers, over graphql-ws, a crashed member going SUSPECT and DEAD, only for the member asked for', async () => {
    const opened = nextFeedOpened(server);
    const changes = subscribe<MemberStateChanged>(client(), { query: `subscription { memberStateChanged(memberId: "node-3") { ${EVENT_FIELDS} } }` });
    await opened;
    const fault = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-3'] });
    await server.advance(10_000);

    const [suspect, dead] = (await changes.results.take(2)).map((result) => result.data?.memberStateChanged);
    expect(suspect).toMatchObject({ memberId: 'node-3', previousState: 'ALIVE', state: 'SUSPECT', incarnation: 0 });
    expect(dead).toMatchObject({ memberId: 'node-3', previousState: 'SUSPECT', state: 'DEAD', incarnation: 0 });
    // The flip: as many or more live members hold it DEAD as SUSPECT (ties go to the graver state).
    expect(dead!.observers.dead).toBeGreaterThanOrEqual(dead!.observers.suspect);
    expect(dead!.observers.dead + dead!.observers.suspect).toBe(4);
    const stored = await server.http.get(`/api/v1/events?after=${suspect!.cursor - 1}&types=member_state_changed&limit=2`).set(asAdmin);
    expect(stored.body.data.map((event: { cursor: number; time: string }) => [event.cursor, event.time])).toEqual([
      [suspect!.cursor, suspect!.time],
      [dead!.cursor, dead!.time],
    ]);

    await server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
    await server.advance(5000);
    expect((await changes.results.next()).data?.memberStateChanged).toMatchObject({ memberId: 'node-3', previousState: 'DEAD', state: 'ALIVE', incarnation: 1 });
    changes.unsubscribe();
  });

  test('delivers over SSE the change of every member when no member is named', async () => {
    const opened = nextFeedOpened(server);
    const sse = await sseSubscribe<MemberStateChanged>(httpUrl, { query: `subscription { memberStateChanged { ${EVENT_FIELDS} } }` }, asAdmin);
    expect(sse.status).toBe(200);
    await opened;
    try {
      expect((await graphql<{ leaveMember: Member }>(server, 'mutation { leaveMember(memberId: "node-5") { memberId } }')).status).toBe(200);
      await server.advance(6000);
      expect((await sse.results.next()).data?.memberStateChanged).toMatchObject({ memberId: 'node-5', previousState: 'ALIVE', state: 'LEFT' });
    } finally {
      sse.abort();
    }
  });

  test('needs a key', async () => {
    const anonymous = graphqlWsClient(wsUrl, {});
    clients.push(anonymous);
    const refused = subscribe<MemberStateChanged>(anonymous, { query: 'subscription { memberStateChanged { memberId } }' });
    const result = await refused.results.next();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
