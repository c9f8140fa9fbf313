/**
 * Gossip membership (SWIM) over REST: every operation against the contract, on a 5-node test
 * server with a manual clock and a fixed seed. The scenarios run in file order on one server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectContract, expectSchema } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, useTestServer, type TestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

interface MemberBody {
  memberId: string;
  state: string | null;
  incarnation: number;
  address: string;
  metadata: Record<string, string>;
  lifecycle: string;
  observers: Record<'alive' | 'suspect' | 'dead' | 'left' | 'unaware', number>;
}

interface StoredEvent {
  cursor: number;
  type: string;
  payload: { memberId: string; previousState: string | null; state: string | null; incarnation: number };
}

async function memberState(server: TestServer, memberId: string) {
  const response = await server.http.get(`/api/v1/cluster/members/${memberId}/state`).set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getMemberState', response);
  return response.body.data as { member: MemberBody; self: { lifecycle: string; incarnation: number; state: string }; observers: { observerId: string; state: string | null; suspicion: { confirmations: number; deadline: string } | null }[] };
}

/** Advances the clock in protocol-period halves until `done` holds; fails past `limitMs`. */
async function advanceUntil(server: TestServer, done: () => Promise<boolean>, limitMs: number): Promise<number> {
  for (let elapsedMs = 0; elapsedMs <= limitMs; elapsedMs += 500) {
    if (await done()) return elapsedMs;
    await server.advance(500);
  }
  throw new Error(`still not done after ${limitMs} ms of cluster time`);
}

async function memberEventsAfter(server: TestServer, cursor: number): Promise<StoredEvent[]> {
  const response = await server.http.get(`/api/v1/events?after=${cursor}&limit=1000&types=member_state_changed`).set(asAdmin);
  expect(response.status).toBe(200);
  for (const event of response.body.data) expectSchema('MemberStatePayload', event.payload);
  return response.body.data as StoredEvent[];
}

async function lastCursor(server: TestServer): Promise<number> {
  const response = await server.http.get('/api/v1/events?after=0&limit=1000').set(asAdmin);
  return response.body.nextCursor as number;
}

describe('listMembers', () => {
  test('lists every cluster node as a member, ALIVE for the four others, with the node as metadata', async () => {
    const { server } = fixture;
    const response = await server.http.get('/api/v1/cluster/members').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listMembers', response);
    expect(response.body.pagination).toEqual({ total: 5, limit: 50, offset: 0, hasMore: false });
    const members = response.body.data as MemberBody[];
    expect(members.map((member) => member.memberId)).toEqual(NODE_IDS);
    for (const member of members) {
      expect(member).toMatchObject({ state: 'ALIVE', incarnation: 0, lifecycle: 'ACTIVE', observers: { alive: 4, suspect: 0, dead: 0, left: 0, unaware: 0 } });
    }
    const node = (await server.http.get('/api/v1/cluster/nodes/node-2').set(asAdmin)).body.data;
    // The node's own role: consensus may lend it LEADER for a while, gossip metadata keeps what it is.
    expect(members[1]!.metadata).toEqual({ address: node.address, region: node.region, zone: node.zone, role: 'FOLLOWER' });
    expect(members[1]!.address).toBe(node.address);
  });

  test('pages, sorts and selects fields', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/members?limit=2&offset=1&order=desc&fields=state,lifecycle').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listMembers', response, { sparse: true });
    expect(response.body.data).toEqual([
      { memberId: 'node-4', state: 'ALIVE', lifecycle: 'ACTIVE' },
      { memberId: 'node-3', state: 'ALIVE', lifecycle: 'ACTIVE' },
    ]);
    expect(response.body.pagination).toEqual({ total: 5, limit: 2, offset: 1, hasMore: true });
    const byIncarnation = await fixture.server.http.get('/api/v1/cluster/members?sort_by=incarnation&order=desc&fields=incarnation').set(asAdmin);
    expectContract('listMembers', byIncarnation, { sparse: true });
    expect(byIncarnation.body.data.map((member: MemberBody) => member.memberId)).toEqual(NODE_IDS);
  });

  test('filters by state, lifecycle and region', async () => {
    const { server } = fixture;
    const dead = await server.http.get('/api/v1/cluster/members?state=DEAD').set(asAdmin);
    expectContract('listMembers', dead);
    expect(dead.body.pagination.total).toBe(0);
    const active = await server.http.get('/api/v1/cluster/members?lifecycle=ACTIVE').set('X-API-Key', fixture.viewerKey);
    expectContract('listMembers', active);
    expect(active.body.pagination.total).toBe(5);
    const region = (await server.http.get('/api/v1/cluster/nodes/node-1').set(asAdmin)).body.data.region as string;
    const inRegion = await server.http.get(`/api/v1/cluster/members?region=${region}`).set(asAdmin);
    expect(inRegion.body.pagination.total).toBe(5);
    const elsewhere = await server.http.get('/api/v1/cluster/members?region=mars-1').set(asAdmin);
    expect(elsewhere.body.pagination.total).toBe(0);
  });

  test('rejects a bad limit and an unknown state with 400, an unknown field with 422', async () => {
    const { server } = fixture;
    const badLimit = await server.http.get('/api/v1/cluster/members?limit=0').set(asAdmin);
    expect(badLimit.status).toBe(400);
    expectContract('listMembers', badLimit);
    const badState = await server.http.get('/api/v1/cluster/members?state=ZOMBIE').set(asAdmin);
    expect(badState.status).toBe(400);
    expectContract('listMembers', badState);
    expect(badState.body.error.details.errors[0].location).toBe('query/state');
    const unknownField = await server.http.get('/api/v1/cluster/members?fields=memberId,color').set(asAdmin);
    expect(unknownField.status).toBe(422);
    expectContract('listMembers', unknownField);
  });

  test('needs a key', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/members');
    expect(response.status).toBe(401);
    expectContract('listMembers', response);
  });
});

describe('getMemberState', () => {
  test('shows the member as the group, itself and each other member sees it', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/members/node-2/state').set('X-API-Key', fixture.viewerKey);
    expect(response.status).toBe(200);
    expectContract('getMemberState', response);
    const detail = response.body.data;
    expect(detail.member).toMatchObject({ memberId: 'node-2', state: 'ALIVE', lifecycle: 'ACTIVE' });
    expect(detail.self).toEqual({ lifecycle: 'ACTIVE', incarnation: 0, state: 'ALIVE' });
    expect(detail.observers.map((observer: { observerId: string; state: string }) => [observer.observerId, observer.state])).toEqual([
      ['node-1', 'ALIVE'],
      ['node-3', 'ALIVE'],
      ['node-4', 'ALIVE'],
      ['node-5', 'ALIVE'],
    ]);
  });

  test('answers 404 for an unknown id and 400 for an id the contract cannot hold', async () => {
    const unknown = await fixture.server.http.get('/api/v1/cluster/members/node-99/state').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('getMemberState', unknown);
    expect(unknown.body.error.details).toEqual({ resource: 'cluster.member', id: 'node-99' });
    const malformed = await fixture.server.http.get('/api/v1/cluster/members/Node_1/state').set(asAdmin);
    expect(malformed.status).toBe(400);
    expectContract('getMemberState', malformed);
  });
});

describe('getGossipState', () => {
  test('shows the protocol as it runs, with totals summed over every member', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/members/gossip').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('getGossipState', response);
    const gossip = response.body.data;
    expect(gossip).toMatchObject({ protocolPeriodMs: 1000, pingTimeoutMs: 300, memberCount: 5 });
    expect(gossip.protocolPeriod).toBeGreaterThanOrEqual(1);
    expect(gossip.members.map((member: { memberId: string }) => member.memberId)).toEqual(NODE_IDS);
    for (const member of gossip.members) expect(member).toMatchObject({ lifecycle: 'ACTIVE', viewSize: 5, join: null });
    const pingsSent = gossip.members.reduce((sum: number, member: { counters: { pingsSent: number } }) => sum + member.counters.pingsSent, 0);
    expect(gossip.totals.pingsSent).toBe(pingsSent);
    expect(pingsSent).toBeGreaterThan(0);
  });

  test('pages the members and narrows them to one, totals still for the whole group', async () => {
    const { server } = fixture;
    const paged = await server.http.get('/api/v1/cluster/members/gossip?limit=2&offset=3').set(asAdmin);
    expectContract('getGossipState', paged);
    expect(paged.body.data.members.map((member: { memberId: string }) => member.memberId)).toEqual(['node-4', 'node-5']);
    const one = await server.http.get('/api/v1/cluster/members/gossip?memberId=node-3').set('X-API-Key', fixture.viewerKey);
    expectContract('getGossipState', one);
    expect(one.body.data.members.map((member: { memberId: string }) => member.memberId)).toEqual(['node-3']);
    expect(one.body.data.totals).toEqual(paged.body.data.totals);
  });

  test('answers 404 for an unknown member and 400 for a bad limit', async () => {
    const unknown = await fixture.server.http.get('/api/v1/cluster/members/gossip?memberId=node-99').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('getGossipState', unknown);
    const badLimit = await fixture.server.http.get('/api/v1/cluster/members/gossip?limit=0').set(asAdmin);
    expect(badLimit.status).toBe(400);
    expectContract('getGossipState', badLimit);
  });
});

describe('failure detection by gossip', () => {
  test('a crashed node goes SUSPECT, then DEAD; healed, it refutes with a higher incarnation and is ALIVE again', async () => {
    const { server } = fixture;
    const cursor = await lastCursor(server);
    const fault = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-3'] });
    expect(fault.status).toBe(201);

    await advanceUntil(server, async () => (await memberState(server, 'node-3')).member.state === 'SUSPECT', 10_000);
    const suspected = await memberState(server, 'node-3');
    expect(suspected.member).toMatchObject({ incarnation: 0, lifecycle: 'CRASHED' });
    const suspicions = suspected.observers.filter((observer) => observer.state === 'SUSPECT');
    expect(suspicions.length).toBeGreaterThanOrEqual(2);
    for (const observer of suspicions) expect(observer.suspicion?.confirmations).toBeGreaterThanOrEqual(1);
    const gossip = await server.http.get('/api/v1/cluster/members/gossip').set(asAdmin);
    expectContract('getGossipState', gossip);
    expect(gossip.body.data.totals.suspicionsRaised).toBeGreaterThanOrEqual(1);

    await advanceUntil(server, async () => (await memberState(server, 'node-3')).member.state === 'DEAD', 30_000);
    const dead = await memberState(server, 'node-3');
    expect(dead.member).toMatchObject({ incarnation: 0, lifecycle: 'CRASHED', observers: { dead: 4 } });
    // The heartbeat detector of the control plane sees the same crash.
    expect((await server.http.get('/api/v1/cluster/nodes/node-3').set(asAdmin)).body.data.status).toBe('DOWN');

    await server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
    await advanceUntil(server, async () => (await memberState(server, 'node-3')).member.observers.alive === 4, 10_000);
    const back = await memberState(server, 'node-3');
    expect(back.member).toMatchObject({ state: 'ALIVE', incarnation: 1, lifecycle: 'ACTIVE' });
    expect(back.self).toEqual({ lifecycle: 'ACTIVE', incarnation: 1, state: 'ALIVE' });

    const events = (await memberEventsAfter(server, cursor)).filter((event) => event.payload.memberId === 'node-3');
    expect(events.map(({ payload }) => [payload.previousState, payload.state, payload.incarnation])).toEqual([
      ['ALIVE', 'SUSPECT', 0],
      ['SUSPECT', 'DEAD', 0],
      ['DEAD', 'ALIVE', 1],
    ]);
  });
});

describe('leaveMember', () => {
  test('is forbidden to a viewer', async () => {
    const response = await fixture.server.http.delete('/api/v1/cluster/members/node-4').set('X-API-Key', fixture.viewerKey);
    expect(response.status).toBe(403);
    expectContract('leaveMember', response);
  });

  test('answers 404 for an unknown member and 400 for a malformed id', async () => {
    const unknown = await fixture.server.http.delete('/api/v1/cluster/members/node-99').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('leaveMember', unknown);
    const malformed = await fixture.server.http.delete('/api/v1/cluster/members/NODE_4').set(asAdmin);
    expect(malformed.status).toBe(400);
    expectContract('leaveMember', malformed);
  });

  test('a graceful leave spreads as LEFT, never as a failure, and the node stays a cluster node', async () => {
    const { server } = fixture;
    const cursor = await lastCursor(server);
    const response = await server.http.delete('/api/v1/cluster/members/node-4').set(asAdmin);
    expect(response.status).toBe(202);
    expectContract('leaveMember', response);
    expect(response.body.data).toMatchObject({ memberId: 'node-4', lifecycle: 'LEAVING', state: 'ALIVE' });

    await advanceUntil(server, async () => (await memberState(server, 'node-4')).member.lifecycle === 'LEFT', 10_000);
    const left = await memberState(server, 'node-4');
    expect(left.member).toMatchObject({ state: 'LEFT', observers: { left: 4, suspect: 0, dead: 0 } });
    expect(left.self).toMatchObject({ lifecycle: 'LEFT', state: 'LEFT' });
    const events = (await memberEventsAfter(server, cursor)).filter((event) => event.payload.memberId === 'node-4');
    expect(events.map(({ payload }) => [payload.previousState, payload.state])).toEqual([['ALIVE', 'LEFT']]);
    const node = await server.http.get('/api/v1/cluster/nodes/node-4').set(asAdmin);
    expect(node.status).toBe(200);
    expect(node.body.data.status).toBe('HEALTHY');
  });

  test('answers 409 for a member that already left, or that is crashed', async () => {
    const { server } = fixture;
    const again = await server.http.delete('/api/v1/cluster/members/node-4').set(asAdmin);
    expect(again.status).toBe(409);
    expectContract('leaveMember', again);
    const fault = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-5'] });
    const crashed = await server.http.delete('/api/v1/cluster/members/node-5').set(asAdmin);
    expect(crashed.status).toBe(409);
    expectContract('leaveMember', crashed);
    expect(crashed.body.error.details).toEqual({ memberId: 'node-5', lifecycle: 'crashed' });
    await server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
    await advanceUntil(server, async () => (await memberState(server, 'node-5')).member.lifecycle === 'ACTIVE', 10_000);
  });
});

describe('joinMember', () => {
  const metadataOf = async (server: TestServer, nodeId: string) => {
    const node = (await server.http.get(`/api/v1/cluster/nodes/${nodeId}`).set(asAdmin)).body.data;
    return { address: node.address as string, region: node.region as string, zone: node.zone as string, role: 'storage' };
  };

  test('is forbidden to a viewer', async () => {
    const { server } = fixture;
    const response = await server.http.post('/api/v1/cluster/members/join').set('X-API-Key', fixture.viewerKey).send({ memberId: 'node-4', metadata: await metadataOf(server, 'node-4') });
    expect(response.status).toBe(403);
    expectContract('joinMember', response);
  });

  test('rejects a malformed body listing every failing field', async () => {
    const response = await fixture.server.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'Node 4', metadata: { address: '' }, color: 'red' });
    expect(response.status).toBe(400);
    expectContract('joinMember', response);
    const locations = response.body.error.details.errors.map((error: { location: string }) => error.location);
    expect(locations).toEqual(expect.arrayContaining(['body/memberId', 'body/metadata/address', 'body/color']));
  });

  test('answers 404 for an id that is no cluster node, or a seed that is no member', async () => {
    const { server } = fixture;
    const stranger = await server.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'node-99', metadata: await metadataOf(server, 'node-4') });
    expect(stranger.status).toBe(404);
    expectContract('joinMember', stranger);
    expect(stranger.body.error.details).toEqual({ resource: 'cluster.node', id: 'node-99' });
    const noSeed = await server.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'node-4', metadata: await metadataOf(server, 'node-4'), seedId: 'node-42' });
    expect(noSeed.status).toBe(404);
    expectContract('joinMember', noSeed);
  });

  test('answers 422 for metadata that contradicts the node, or a member that seeds itself', async () => {
    const { server } = fixture;
    const metadata = await metadataOf(server, 'node-4');
    const moved = await server.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'node-4', metadata: { ...metadata, address: '10.9.9.9:7946', zone: 'elsewhere' } });
    expect(moved.status).toBe(422);
    expectContract('joinMember', moved);
    expect(Object.keys(moved.body.error.details.fields)).toEqual(['address', 'zone']);
    const itself = await server.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'node-4', metadata, seedId: 'node-4' });
    expect(itself.status).toBe(422);
    expectContract('joinMember', itself);
  });

  test('answers 409 for a member already in the group', async () => {
    const { server } = fixture;
    const response = await server.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'node-2', metadata: await metadataOf(server, 'node-2') });
    expect(response.status).toBe(409);
    expectContract('joinMember', response);
    expect(response.body.error.details).toEqual({ memberId: 'node-2', lifecycle: 'active' });
  });

  test('a node that left rejoins through a seed with a higher incarnation, which outbids its LEFT', async () => {
    const { server } = fixture;
    const metadata = await metadataOf(server, 'node-4');
    const response = await server.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'node-4', metadata, seedId: 'node-1' });
    expect(response.status).toBe(202);
    expectContract('joinMember', response);
    expect(response.body.data).toMatchObject({ memberId: 'node-4', lifecycle: 'JOINING', state: 'LEFT', incarnation: 1, metadata });
    const joining = await server.http.get('/api/v1/cluster/members/gossip?memberId=node-4').set(asAdmin);
    expectContract('getGossipState', joining);
    expect(joining.body.data.members[0].join).toEqual({ seeds: ['node-1'], attempts: 1 });

    await advanceUntil(server, async () => (await memberState(server, 'node-4')).member.observers.alive === 4, 10_000);
    expect((await memberState(server, 'node-4')).member).toMatchObject({ state: 'ALIVE', lifecycle: 'ACTIVE', incarnation: 1, metadata });
  });
});

describe('the cluster nodes are the members', () => {
  test('a node added to the cluster joins the gossip group; removed, it leaves and is forgotten', async () => {
    const { server } = fixture;
    const added = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: '10.0.0.6:7000', region: 'us-east-1', zone: 'us-east-1b' });
    expect(added.status).toBe(201);
    const joining = await memberState(server, 'node-6');
    expect(joining.member).toMatchObject({ state: null, lifecycle: 'JOINING', metadata: { address: '10.0.0.6:7000', region: 'us-east-1', zone: 'us-east-1b', role: 'FOLLOWER' } });

    await advanceUntil(server, async () => (await memberState(server, 'node-6')).member.observers.alive === 5, 10_000);
    expect((await memberState(server, 'node-6')).member).toMatchObject({ state: 'ALIVE', lifecycle: 'ACTIVE', incarnation: 0 });
    const list = await server.http.get('/api/v1/cluster/members?fields=state').set(asAdmin);
    expect(list.body.pagination.total).toBe(6);

    const removed = await server.http.delete('/api/v1/cluster/nodes/node-6').set(asAdmin);
    expect(removed.status).toBe(200);
    expect((await memberState(server, 'node-6')).member.lifecycle).toBe('LEAVING');
    await advanceUntil(server, async () => (await server.http.get('/api/v1/cluster/members/node-6/state').set(asAdmin)).status === 404, 10_000);
    const after = await server.http.get('/api/v1/cluster/members').set(asAdmin);
    expect(after.body.data.map((member: MemberBody) => member.memberId)).toEqual(NODE_IDS);
    for (const member of after.body.data as MemberBody[]) expect(member.observers.left).toBe(0);
  });
});

describe('restart', () => {
  test('a member an operator made leave stays LEFT across a restart; gossip state is rebuilt', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rustydb-membership-'));
    const storePath = join(directory, 'store.sqlite');
    try {
      const first = await startTestServer({ nodes: 4, storePath });
      await first.advance(1000);
      expect((await first.http.delete('/api/v1/cluster/members/node-2').set(asAdmin)).status).toBe(202);
      await first.advance(6000);
      expect((await memberState(first, 'node-2')).member.lifecycle).toBe('LEFT');
      await first.close();

      const second = await startTestServer({ nodes: 4, storePath });
      try {
        const restored = await memberState(second, 'node-2');
        expect(restored.member).toMatchObject({ state: 'LEFT', lifecycle: 'LEFT', incarnation: 0, observers: { left: 3 } });
        await second.advance(5000);
        expect((await memberState(second, 'node-2')).member).toMatchObject({ state: 'LEFT', lifecycle: 'LEFT' });
        const others = await second.http.get('/api/v1/cluster/members?lifecycle=ACTIVE&fields=state,incarnation').set(asAdmin);
        expect(others.body.data).toEqual(['node-1', 'node-3', 'node-4'].map((memberId) => ({ memberId, state: 'ALIVE', incarnation: 0 })));
        const node = (await second.http.get('/api/v1/cluster/nodes/node-2').set(asAdmin)).body.data;
        const rejoined = await second.http.post('/api/v1/cluster/members/join').set(asAdmin).send({ memberId: 'node-2', metadata: { address: node.address, region: node.region, zone: node.zone, role: node.role } });
        expect(rejoined.status).toBe(202);
        await second.advance(3000);
        expect((await memberState(second, 'node-2')).member).toMatchObject({ state: 'ALIVE', lifecycle: 'ACTIVE', incarnation: 1 });
      } finally {
        await second.close();
      }

      // The rejoin undid the persisted leave: the next start has every node ALIVE.
      const third = await startTestServer({ nodes: 4, storePath });
      try {
        expect((await memberState(third, 'node-2')).member).toMatchObject({ state: 'ALIVE', lifecycle: 'ACTIVE', incarnation: 0 });
      } finally {
        await third.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
