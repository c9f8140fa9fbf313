import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_WEBSOCKET_LIMITS } from '../../../src/services/platform/stream-registry.js';
import { expectContract } from '../../support/contract.js';
import { dataOf, graphql } from '../../support/graphql.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import {
  closeAllStreams,
  errorCodes,
  eventually,
  graphqlWsClient,
  listenOnLoopback,
  openStream,
  sseSubscribe,
  subscribe,
  type SseSubscription,
  type StreamSocket,
  type Subscription,
} from '../../support/socket.js';
import { configureStream } from '../../support/stream-contract.js';

/**
 * GET /api/v1/ws/status, /connections and /subscriptions and their GraphQL twins, over a set of
 * sockets and subscriptions opened by two keys: the admin's and a CLUSTER_VIEWER's.
 */

let server: TestServer;
let httpUrl: string;
let wsUrl: string;
let viewerKey: string;
let viewerKeyId: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

/** What the tests open in `beforeAll`. */
let adminEvents: StreamSocket;
let viewerNodes: StreamSocket;
let adminTopics: StreamSocket;
let graphqlClient: Client;
let graphqlJoins: Subscription<unknown>;
let viewerSse: SseSubscription<unknown>;

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  await server.advance(1000);
  ({ httpUrl, wsUrl } = await listenOnLoopback(server));
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  viewerKeyId = (await server.platform.services.apiKeys.authenticate({ apiKey: viewerKey })).keyId;

  adminEvents = await openStream(`${wsUrl}/api/v1/ws/events?apiKey=${ADMIN_KEY}`);
  await configureStream(adminEvents, { eventTypes: ['node_joined'] });
  viewerNodes = await openStream(`${wsUrl}/api/v1/ws/cluster/nodes`, { 'X-API-Key': viewerKey });
  adminTopics = await openStream(`${wsUrl}/api/v1/ws?apiKey=${ADMIN_KEY}`);
  adminTopics.send({ type: 'subscribe', id: 'joins', topic: 'events', eventTypes: ['node_joined'] });
  adminTopics.send({ type: 'subscribe', id: 'load', topic: 'metrics', intervalMs: 60_000 });
  await adminTopics.frames.take(3); // two acknowledgements and the first snapshot
  graphqlClient = graphqlWsClient(wsUrl, { 'X-API-Key': ADMIN_KEY });
  graphqlJoins = subscribe(graphqlClient, { query: 'subscription Joins { events(types: ["node_joined"]) { cursor type } }' });
  viewerSse = await sseSubscribe(httpUrl, { query: 'subscription { nodeStatusChanged(nodeId: "node-6") { nodeId status } }' }, { 'X-API-Key': viewerKey });
  // Once each has carried the node_joined, every subscription is open and registered.
  expect((await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: '10.0.0.6:7000' })).status).toBe(201);
  await Promise.all([adminEvents.frames.next(), viewerNodes.frames.next(), adminTopics.frames.next(), graphqlJoins.results.next(), viewerSse.results.next()]);
});
afterAll(async () => {
  viewerSse.abort();
  await graphqlClient.dispose();
  await closeAllStreams();
  await server.close();
});

describe('GET /api/v1/ws/status', () => {
  test('counts the sockets per stream, the subscriptions by transport, what was sent, and the limits', async () => {
    const response = await server.http.get('/api/v1/ws/status').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('getWebSocketStatus', response);
    const status = response.body.data;
    expect(status.openConnections).toBe(3);
    expect(status.subscriptions).toEqual({ total: 6, websocket: 4, graphqlWs: 1, graphqlSse: 1 });
    const byStream = Object.fromEntries(status.streams.map((stream: { stream: string }) => [stream.stream, stream]));
    expect(Object.keys(byStream)).toEqual(expect.arrayContaining(['/api/v1/ws/events', '/api/v1/ws/cluster/nodes', '/api/v1/ws/metrics', '/api/v1/ws/query', '/api/v1/ws', '/api/v1/ws/replication']));
    expect(byStream['/api/v1/ws/events']).toMatchObject({ connections: 1, subscribers: 1 });
    expect(byStream['/api/v1/ws']).toMatchObject({ connections: 1, subscribers: 2 });
    expect(byStream['/api/v1/ws/metrics']).toMatchObject({ connections: 0, subscribers: 0, messagesSent: 0 });
    // node_joined went to the events stream, the nodes stream and the /api/v1/ws subscription.
    expect(status.eventsDelivered).toBeGreaterThanOrEqual(3);
    expect(status.messagesSent).toBeGreaterThan(status.eventsDelivered);
    expect(status.bytesSent).toBeGreaterThan(status.messagesSent);
    expect(status).toMatchObject({ eventsDropped: 0, slowConsumersClosed: 0, limits: DEFAULT_WEBSOCKET_LIMITS });
  });

  test('is the same for a CLUSTER_VIEWER, and wsStatus is its GraphQL twin', async () => {
    const viewer = await server.http.get('/api/v1/ws/status').set('X-API-Key', viewerKey);
    expectContract('getWebSocketStatus', viewer);
    expect(viewer.body.data.openConnections).toBe(3);
    const twin = dataOf(await graphql<{ wsStatus: { openConnections: number; subscriptions: object; limits: object } }>(server, '{ wsStatus { openConnections subscriptions { total websocket graphqlWs graphqlSse } limits { maxConnections maxQueuedBytes maxSubscriptionsPerConnection } } }'));
    expect(twin.wsStatus).toEqual({ openConnections: 3, subscriptions: viewer.body.data.subscriptions, limits: DEFAULT_WEBSOCKET_LIMITS });
  });

  test('needs a key', async () => {
    const anonymous = await server.http.get('/api/v1/ws/status');
    expect(anonymous.status).toBe(401);
    expectContract('getWebSocketStatus', anonymous);
  });
});

describe('GET /api/v1/ws/connections', () => {
  test('lists each socket with its stream, principal, address, filters and frames', async () => {
    const response = await server.http.get('/api/v1/ws/connections').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listWebSocketConnections', response);
    expect(response.body.pagination).toEqual({ total: 3, limit: 50, offset: 0, hasMore: false });
    const [events, nodes, topics] = response.body.data;
    expect(events).toMatchObject({ stream: '/api/v1/ws/events', principal: { role: 'CLUSTER_ADMIN' }, remoteAddress: '127.0.0.1', filters: { eventTypes: ['node_joined'] }, subscriptions: 1 });
    expect(events.messagesSent).toBe(2); // the config_ack and node_joined
    expect(nodes).toMatchObject({ stream: '/api/v1/ws/cluster/nodes', principal: { keyId: viewerKeyId, role: 'CLUSTER_VIEWER' }, filters: {} });
    expect(topics).toMatchObject({ stream: '/api/v1/ws', filters: null, subscriptions: 2, messagesQueued: 0, bytesQueued: 0 });
    expect(new Set(response.body.data.map((connection: { id: string }) => connection.id)).size).toBe(3);
  });

  test('filters by stream and pages', async () => {
    const onNodes = await server.http.get('/api/v1/ws/connections?stream=/api/v1/ws/cluster/nodes').set(asAdmin);
    expectContract('listWebSocketConnections', onNodes);
    expect(onNodes.body.data.map((connection: { stream: string }) => connection.stream)).toEqual(['/api/v1/ws/cluster/nodes']);
    const page = await server.http.get('/api/v1/ws/connections?limit=1&offset=1').set(asAdmin);
    expect(page.body.data).toHaveLength(1);
    expect(page.body.pagination).toEqual({ total: 3, limit: 1, offset: 1, hasMore: true });
    const bad = await server.http.get('/api/v1/ws/connections?limit=0').set(asAdmin);
    expect(bad.status).toBe(400);
    expectContract('listWebSocketConnections', bad);
  });

  test('a CLUSTER_VIEWER sees only its own sockets, over REST and GraphQL (wsConnections)', async () => {
    const viewer = await server.http.get('/api/v1/ws/connections').set('X-API-Key', viewerKey);
    expectContract('listWebSocketConnections', viewer);
    expect(viewer.body.data.map((connection: { stream: string }) => connection.stream)).toEqual(['/api/v1/ws/cluster/nodes']);
    expect(viewer.body.pagination.total).toBe(1);
    const twin = dataOf(await graphql<{ wsConnections: { stream: string; principal: { keyId: string } }[] }>(server, '{ wsConnections { stream principal { keyId } } }', {}, { apiKey: viewerKey }));
    expect(twin.wsConnections).toEqual([{ stream: '/api/v1/ws/cluster/nodes', principal: { keyId: viewerKeyId } }]);
    const admin = dataOf(await graphql<{ wsConnections: unknown[] }>(server, '{ wsConnections(limit: 2) { id } }'));
    expect(admin.wsConnections).toHaveLength(2);
  });
});

describe('GET /api/v1/ws/subscriptions', () => {
  interface Listed {
    id: string;
    clientId: string | null;
    transport: string;
    connectionId: string | null;
    stream: string;
    topic: string;
    filters: Record<string, unknown>;
    owner: { keyId: string; role: string };
    remoteAddress: string | null;
    messagesSent: number;
  }

  test('lists the streams\' subscriptions and GraphQL\'s, over graphql-ws and SSE, with topic, filters and owner', async () => {
    const response = await server.http.get('/api/v1/ws/subscriptions').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listWebSocketSubscriptions', response);
    const listed = response.body.data as Listed[];
    // Oldest first: the streams' were opened one after another; the two GraphQL clients raced.
    expect(listed.map((subscription) => `${subscription.transport} ${subscription.stream} ${subscription.topic}`).slice(0, 4)).toEqual([
      'WEBSOCKET /api/v1/ws/events events',
      'WEBSOCKET /api/v1/ws/cluster/nodes events',
      'WEBSOCKET /api/v1/ws events',
      'WEBSOCKET /api/v1/ws metrics',
    ]);
    const [events, , joins, load] = listed;
    const graphqlEvents = listed.find((subscription) => subscription.transport === 'GRAPHQL_WS');
    const sse = listed.find((subscription) => subscription.transport === 'GRAPHQL_SSE');
    expect(listed).toHaveLength(6);
    expect(graphqlEvents).toMatchObject({ stream: '/graphql', topic: 'events' });
    expect(sse).toMatchObject({ stream: '/graphql', topic: 'nodeStatusChanged' });
    expect(events).toMatchObject({ clientId: null, filters: { eventTypes: ['node_joined'] }, owner: { role: 'CLUSTER_ADMIN' }, messagesSent: 1 });
    expect(joins).toMatchObject({ clientId: 'joins', filters: { eventTypes: ['node_joined'] }, messagesSent: 1 });
    expect(load).toMatchObject({ clientId: 'load', filters: { intervalMs: 60_000 }, messagesSent: 1 });
    expect(joins!.connectionId).toBe(load!.connectionId);
    expect(graphqlEvents).toMatchObject({ connectionId: null, filters: { types: ['node_joined'] }, owner: { role: 'CLUSTER_ADMIN' }, messagesSent: 1 });
    expect(graphqlEvents!.clientId).toEqual(expect.any(String)); // the graphql-ws operation id
    expect([graphqlEvents!.remoteAddress, sse!.remoteAddress]).toEqual(['127.0.0.1', '127.0.0.1']);
    expect(sse).toMatchObject({ clientId: null, filters: { nodeId: 'node-6' }, owner: { keyId: viewerKeyId, role: 'CLUSTER_VIEWER' }, messagesSent: 1 });
  });

  test('filters by transport and by connection', async () => {
    const graphqlWs = await server.http.get('/api/v1/ws/subscriptions?transport=GRAPHQL_WS').set(asAdmin);
    expectContract('listWebSocketSubscriptions', graphqlWs);
    expect(graphqlWs.body.data.map((subscription: Listed) => subscription.topic)).toEqual(['events']);
    const all = (await server.http.get('/api/v1/ws/subscriptions').set(asAdmin)).body.data as Listed[];
    const topicsSocket = all.find((subscription) => subscription.clientId === 'joins')!.connectionId;
    const ofSocket = await server.http.get(`/api/v1/ws/subscriptions?connectionId=${topicsSocket}`).set(asAdmin);
    expect(ofSocket.body.data.map((subscription: Listed) => subscription.clientId)).toEqual(['joins', 'load']);
    const bad = await server.http.get('/api/v1/ws/subscriptions?transport=CARRIER_PIGEON').set(asAdmin);
    expect(bad.status).toBe(400);
    expectContract('listWebSocketSubscriptions', bad);
  });

  test('a CLUSTER_VIEWER sees only its own, over REST and GraphQL (wsSubscriptions)', async () => {
    const viewer = await server.http.get('/api/v1/ws/subscriptions').set('X-API-Key', viewerKey);
    expectContract('listWebSocketSubscriptions', viewer);
    expect(viewer.body.data.map((subscription: Listed) => `${subscription.transport} ${subscription.topic}`)).toEqual(['WEBSOCKET events', 'GRAPHQL_SSE nodeStatusChanged']);
    expect(viewer.body.pagination.total).toBe(2);
    expect(viewer.body.data.every((subscription: Listed) => subscription.owner.keyId === viewerKeyId)).toBe(true);
    const twin = dataOf(await graphql<{ wsSubscriptions: { transport: string; owner: { keyId: string } }[] }>(server, '{ wsSubscriptions { transport owner { keyId } } }', {}, { apiKey: viewerKey }));
    expect(twin.wsSubscriptions).toEqual([
      { transport: 'WEBSOCKET', owner: { keyId: viewerKeyId } },
      { transport: 'GRAPHQL_SSE', owner: { keyId: viewerKeyId } },
    ]);
    const filtered = dataOf(await graphql<{ wsSubscriptions: { topic: string }[] }>(server, '{ wsSubscriptions(transport: GRAPHQL_WS) { topic filters } }'));
    expect(filtered.wsSubscriptions).toEqual([{ topic: 'events', filters: { types: ['node_joined'] } }]);
  });

  test('a subscription that ends, and a socket that closes, leave the lists and the status', async () => {
    adminTopics.send({ type: 'unsubscribe', id: 'load' });
    await adminTopics.frames.until((frame) => frame.type === 'unsubscribed', 'unsubscribed');
    graphqlJoins.unsubscribe();
    await viewerNodes.close();
    const remaining = async () => ((await server.http.get('/api/v1/ws/subscriptions').set(asAdmin)).body.data as Listed[]).map((subscription) => subscription.clientId ?? subscription.topic);
    await eventually(async () => (await remaining()).length === 3, 'the ended subscriptions to leave the list');
    expect(await remaining()).toEqual(['events', 'joins', 'nodeStatusChanged']);
    const status = (await server.http.get('/api/v1/ws/status').set(asAdmin)).body.data;
    expect(status.openConnections).toBe(2);
    expect(status.subscriptions).toEqual({ total: 3, websocket: 2, graphqlWs: 0, graphqlSse: 1 });
  });
});

describe('GraphQL queryProgress (the seed\'s subscription)', () => {
  type QueryProgress = { queryProgress: { queryId: string; status: string; progress: { done: number; total: number }; result: unknown } };

  test('follows one parallel query to its result, then completes', async () => {
    server.platform.engines.rac.workload.set({ ratePerSecond: 0 });
    const started = await server.http.post('/api/v1/rac/parallel-query/execute').set(asAdmin).send({ query: 'SELECT region, COUNT(*) FROM sales GROUP BY region' });
    expect(started.status).toBe(202);
    const queryId = started.body.data.queryId as string;
    const progress = subscribe<QueryProgress>(graphqlClient, {
      query: 'subscription ($id: ID!) { queryProgress(id: $id, progressIntervalMs: 10) { queryId status progress { done total } result { rowCount } } }',
      variables: { id: queryId },
    });
    const first = (await progress.results.next()).data!.queryProgress;
    expect(first).toMatchObject({ queryId, status: 'RUNNING' });
    expect(first.progress.done).toBeLessThan(first.progress.total);
    for (let step = 0; step < 200 && server.platform.engines.rac.cluster.queryRun(queryId).status === 'RUNNING'; step += 1) await server.advance(2);
    const results = [];
    for (;;) {
      const result = (await progress.results.next()).data!.queryProgress;
      results.push(result);
      if (result.status !== 'RUNNING') break;
    }
    const last = results.at(-1)!;
    expect(last).toMatchObject({ status: 'COMPLETED', result: { rowCount: 4 } });
    expect(last.progress.done).toBe(last.progress.total);
    expect(await progress.results.finished()).toBe('complete');
  });

  test('an unknown query id is NOT_FOUND', async () => {
    const unknown = subscribe<QueryProgress>(graphqlClient, { query: 'subscription { queryProgress(id: "pq-404") { queryId } }' });
    expect(errorCodes(await unknown.results.next())).toEqual(['NOT_FOUND']);
  });
});
