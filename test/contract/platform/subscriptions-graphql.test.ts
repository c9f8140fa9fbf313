import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterNode, Event } from '../../../generated/graphql/resolvers-types.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { errorCodes, graphqlWsClient, listenOnLoopback, nextFeedOpened, sseSubscribe, subscribe } from '../../support/socket.js';

let server: TestServer;
let httpUrl: string;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  await server.advance(1000);
  ({ httpUrl, wsUrl } = await listenOnLoopback(server));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => server.close());

function client(connectionParams: Record<string, string>): Client {
  const created = graphqlWsClient(wsUrl, connectionParams);
  clients.push(created);
  return created;
}

/** Stored events after a cursor, as GET /api/v1/events reads them. */
async function storedEventsAfter(cursor: number, types?: string): Promise<Event[]> {
  const response = await server.http.get(`/api/v1/events?after=${cursor}&limit=1000${types ? `&types=${types}` : ''}`).set(asAdmin);
  expect(response.status).toBe(200);
  return response.body.data as Event[];
}

async function addNode(nodeId: string, address: string): Promise<void> {
  const response = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId, address });
  expect(response.status).toBe(201);
}

type NodeStatusChanged = { nodeStatusChanged: Pick<ClusterNode, 'nodeId' | 'status' | 'role'> };
type Events = { events: Event };

describe('subscriptions over SSE (POST /graphql, Accept: text/event-stream)', () => {
  test('nodeStatusChanged delivers a node added through REST', async () => {
    const opened = nextFeedOpened(server);
    const sse = await sseSubscribe<NodeStatusChanged>(httpUrl, { query: 'subscription { nodeStatusChanged { nodeId status role } }' }, asAdmin);
    expect(sse.status).toBe(200);
    expect(sse.contentType).toContain('text/event-stream');
    await opened;
    try {
      await addNode('node-6', '10.0.0.6:7000');
      expect(await sse.results.next()).toEqual({ data: { nodeStatusChanged: { nodeId: 'node-6', status: 'INITIALIZING', role: 'FOLLOWER' } } });
    } finally {
      sse.abort();
    }
  });

  test('nodeStatusChanged(nodeId) follows one node through its first heartbeat', async () => {
    const opened = nextFeedOpened(server);
    const sse = await sseSubscribe<NodeStatusChanged>(httpUrl, { query: 'subscription ($id: ID) { nodeStatusChanged(nodeId: $id) { nodeId status } }', variables: { id: 'node-6' } }, asAdmin);
    await opened;
    try {
      await server.advance(600);
      expect(await sse.results.next()).toEqual({ data: { nodeStatusChanged: { nodeId: 'node-6', status: 'HEALTHY' } } });
    } finally {
      sse.abort();
    }
  });

  test('without a key the stream carries one UNAUTHENTICATED error and completes', async () => {
    const sse = await sseSubscribe<NodeStatusChanged>(httpUrl, { query: 'subscription { nodeStatusChanged { nodeId } }' }, {});
    const result = await sse.results.next();
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeUndefined();
    expect(await sse.results.finished()).toBe('complete');
  });
});

describe('subscriptions over WebSocket (graphql-ws)', () => {
  test('events(types) delivers the node_joined of a node added through REST', async () => {
    const admin = client({ 'X-API-Key': ADMIN_KEY });
    const opened = nextFeedOpened(server);
    const joined = subscribe<Events>(admin, { query: 'subscription { events(types: ["node_joined"]) { cursor id type source payload } }' });
    await opened;

    await addNode('node-7', '10.0.0.7:7000');
    const { data } = await joined.results.next();
    expect(data?.events).toMatchObject({ type: 'node_joined', source: 'cluster.membership', payload: { nodeId: 'node-7', address: '10.0.0.7:7000' } });
    expect(typeof data?.events.cursor).toBe('number');
    const stored = await storedEventsAfter(0, 'node_joined');
    expect(data?.events.cursor).toBe(stored.at(-1)?.cursor);
    expect(data?.events.id).toBe(`evt_${data?.events.cursor}`);
    joined.unsubscribe();
  });

  test('events(resumeFrom) replays every stored event after the cursor, then live ones, without gap or duplicate', async () => {
    const admin = client({ apiKey: ADMIN_KEY });
    const stored = await storedEventsAfter(3);
    expect(stored.length).toBeGreaterThan(5);
    const resumed = subscribe<Events>(admin, { query: 'subscription { events(resumeFrom: 3) { cursor id type time source payload } }' });

    const replayed = (await resumed.results.take(stored.length)).map((result) => result.data?.events);
    expect(replayed).toEqual(stored);
    expect(replayed.map((event) => event?.cursor)).toEqual(stored.map((_event, index) => 4 + index));

    await addNode('node-8', '10.0.0.8:7000');
    const live = (await resumed.results.next()).data?.events;
    expect(live).toMatchObject({ cursor: stored.at(-1)!.cursor + 1, type: 'node_joined', payload: { nodeId: 'node-8' } });
    expect((await storedEventsAfter(stored.at(-1)!.cursor)).map((event) => event.cursor)).toEqual([live?.cursor]);
    resumed.unsubscribe();
  });

  test('events(types, resumeFrom: 0) replays exactly the stored events of those types', async () => {
    const admin = client({ 'X-API-Key': ADMIN_KEY });
    const stored = await storedEventsAfter(0, 'node_joined');
    const resumed = subscribe<Events>(admin, { query: 'subscription { events(types: ["node_joined"], resumeFrom: 0) { cursor type payload } }' });
    const replayed = (await resumed.results.take(stored.length)).map((result) => result.data?.events);
    expect(replayed.map((event) => event?.cursor)).toEqual(stored.map((event) => event.cursor));
    expect(replayed.map((event) => (event?.payload as { nodeId: string }).nodeId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6', 'node-7', 'node-8']);
    resumed.unsubscribe();
  });

  test('a bearer token in connectionParams authenticates too', async () => {
    const token = await server.http.post('/api/v1/auth/tokens').set(asAdmin).send({});
    expect(token.status).toBe(201);
    const bearer = client({ Authorization: `Bearer ${token.body.data.token}` });
    const opened = nextFeedOpened(server);
    const changes = subscribe<NodeStatusChanged>(bearer, { query: 'subscription { nodeStatusChanged(nodeId: "node-2") { nodeId status } }' });
    await opened;
    const fault = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-2'] });
    await server.advance(2000);
    expect((await changes.results.next()).data).toEqual({ nodeStatusChanged: { nodeId: 'node-2', status: 'SUSPECTED' } });
    await server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
    await server.advance(5000);
    changes.unsubscribe();
  });

  test('without a key the subscription ends with an UNAUTHENTICATED error', async () => {
    const anonymous = client({});
    const refused = subscribe<Events>(anonymous, { query: 'subscription { events { cursor } }' });
    const result = await refused.results.next();
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors?.[0]?.path).toEqual(['events']);
    expect(await refused.results.finished()).toBe('complete');
  });

  test('an invalid document is answered with validation errors', async () => {
    const admin = client({ 'X-API-Key': ADMIN_KEY });
    const invalid = subscribe<Events>(admin, { query: 'subscription { events { color } }' });
    const reason = await invalid.results.finished();
    expect(Array.isArray(reason)).toBe(true);
    expect(errorCodes({ errors: reason as { extensions?: { [key: string]: unknown } }[] })).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('a syntax error must be answered with an error message, not by closing the connection with 4500', async () => {
    const admin = client({ 'X-API-Key': ADMIN_KEY });
    const broken = subscribe<Events>(admin, { query: 'subscription { events { cursor ' });
    const reason = await broken.results.finished();
    expect(Array.isArray(reason)).toBe(true);
  });
});
