import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { operations } from '../../../generated/operations.js';
import { contract, expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { closeAllStreams, errorCodes, graphqlWsClient, listenOnLoopback, openStream, refusedUpgrade, subscribe, withTimeout, type StreamSocket } from '../../support/socket.js';
import { expectFrameInContract } from '../../support/stream-contract.js';

/** The metrics, query and generic streams of /api/v1/ws, on a manual clock: every frame is checked against the contract. */

let server: TestServer;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const MAX_SUBSCRIPTIONS = 4;
const MAX_CONNECTIONS = 4;
const QUERY = 'SELECT region, SUM(amount) AS total, COUNT(*) FROM sales GROUP BY region';

/** Any frame, as JSON. */
type Frame = { type: string; [field: string]: unknown };

const streams: StreamSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 4, webSocketLimits: { maxSubscriptionsPerConnection: MAX_SUBSCRIPTIONS, maxConnections: MAX_CONNECTIONS } });
  await server.advance(1000);
  // No RAC writes while queries run: their results then equal the status endpoint's, read later.
  server.platform.engines.rac.workload.set({ ratePerSecond: 0 });
  ({ wsUrl } = await listenOnLoopback(server));
});
afterEach(async () => {
  for (const stream of streams.splice(0)) for (const frame of stream.frames.received) expectFrameInContract(frame);
  await closeAllStreams();
});
afterAll(() => server.close());

async function connect(path: string): Promise<StreamSocket> {
  const stream = await openStream(`${wsUrl}${path}?apiKey=${ADMIN_KEY}`);
  streams.push(stream);
  return stream;
}

async function next(stream: StreamSocket): Promise<Frame> {
  return (await stream.frames.next()) as unknown as Frame;
}

/** Reads frames until one of `type` (and the predicate), returning it and what came before. */
async function until(stream: StreamSocket, type: string, where: (frame: Frame) => boolean = () => true): Promise<{ match: Frame; skipped: Frame[] }> {
  const found = await stream.frames.until((frame) => (frame as unknown as Frame).type === type && where(frame as unknown as Frame), type);
  return { match: found.match as unknown as Frame, skipped: found.skipped as unknown as Frame[] };
}

async function executeQuery(): Promise<string> {
  const response = await server.http.post('/api/v1/rac/parallel-query/execute').set(asAdmin).send({ query: QUERY, dop: 3 });
  expect(response.status).toBe(202);
  return response.body.data.queryId as string;
}

type Execution = { queryId: string; status: string; progress: { done: number; total: number; percent: number }; rowsScanned: number; result: unknown; elapsedMs: number };

function executionOf(frame: Frame): Execution {
  return (frame.type === 'data' ? (frame.data as Frame).query : frame.query) as Execution;
}

/** Advances the clock in small steps until the query has ended. */
async function runToEnd(queryId: string): Promise<void> {
  for (let step = 0; step < 200 && server.platform.engines.rac.cluster.queryRun(queryId).status === 'RUNNING'; step += 1) await server.advance(2);
  expect(server.platform.engines.rac.cluster.queryRun(queryId).status).toBe('COMPLETED');
}

async function statusOf(queryId: string) {
  const response = await server.http.get(`/api/v1/rac/parallel-query/status?queryId=${queryId}`).set(asAdmin);
  expect(response.status).toBe(200);
  return response.body.data;
}

describe('the contract', () => {
  const STREAMS = [
    ['/api/v1/ws/metrics', 'streamMetrics'],
    ['/api/v1/ws/query', 'streamQueryProgress'],
    ['/api/v1/ws', 'streamTopics'],
  ] as const;

  test('the three streams are built WebSocket operations; none is planned any more', () => {
    for (const [path, operationId] of STREAMS) {
      const operation = operations.find((each) => each.operationId === operationId)!;
      expect(operation).toMatchObject({ path, websocket: true, planned: false });
      expect(Object.keys(contract.paths[path]!.get!.responses)).toContain('101');
    }
  });

  test('a plain GET is answered 426; an upgrade without a key 401, both as the contract says', async () => {
    const metrics = await server.http.get('/api/v1/ws/metrics').set(asAdmin);
    expect(metrics.status).toBe(426);
    expectContract('streamMetrics', metrics);
    const query = await server.http.get('/api/v1/ws/query').set(asAdmin);
    expect(query.status).toBe(426);
    expectContract('streamQueryProgress', query);
    const topics = await server.http.get('/api/v1/ws').set(asAdmin);
    expect(topics.status).toBe(426);
    expectContract('streamTopics', topics);
    for (const [path, operationId] of STREAMS) {
      const refused = await refusedUpgrade(`${wsUrl}${path}`);
      expect(refused.status).toBe(401);
      expectContract(operationId, { status: refused.status, body: refused.body, headers: {} });
    }
  });
});

describe('/api/v1/ws/metrics', () => {
  test('sends the snapshot of GET /api/v1/metrics at once, then one every intervalMs of cluster time', async () => {
    const stream = await connect('/api/v1/ws/metrics');
    const first = await next(stream);
    expect(first.type).toBe('metrics');
    const rest = await server.http.get('/api/v1/metrics').set(asAdmin);
    expect(Object.keys(first.metrics as object)).toEqual(Object.keys(rest.body.data));

    stream.send({ type: 'config', intervalMs: 500 });
    expect((await until(stream, 'config_ack')).match).toEqual({ type: 'config_ack', intervalMs: 500 });
    const atConfig = await next(stream); // the schedule starts over: a snapshot at once
    await server.advance(1000);
    const ticks = await stream.frames.take(2);
    const clockTimes = [atConfig, ...ticks].map((frame) => Date.parse(((frame as unknown as Frame).metrics as { runtime: { clockTime: string } }).runtime.clockTime));
    expect(clockTimes.map((time) => time - clockTimes[0]!)).toEqual([0, 500, 1000]);
  });

  test('an interval out of range, or not a number, is answered with an error and the current one stays', async () => {
    const stream = await connect('/api/v1/ws/metrics');
    await next(stream);
    stream.send({ type: 'config', intervalMs: 50 });
    expect(await next(stream)).toMatchObject({ type: 'error', error: { code: 'UNPROCESSABLE', message: 'intervalMs must be a whole number of milliseconds from 100 to 3600000.' } });
    stream.send({ type: 'config', intervalMs: 'fast' });
    expect(await next(stream)).toEqual({ type: 'error', error: { code: 'VALIDATION_FAILED', message: 'intervalMs must be a whole number of milliseconds.' } });
    stream.send({ type: 'config', eventTypes: ['node_joined'] });
    expect(await next(stream)).toEqual({ type: 'error', error: { code: 'VALIDATION_FAILED', message: 'Unknown field(s): eventTypes.' } });
    await server.advance(1000); // the default interval still holds: one frame per second
    expect((await next(stream)).type).toBe('metrics');
    expect(stream.frames.received).toHaveLength(5);
  });
});

describe('/api/v1/ws/query', () => {
  test('follows a RAC parallel query from its start through its progress to its result', async () => {
    const stream = await connect('/api/v1/ws/query');
    stream.send({ type: 'config', progressIntervalMs: 10 });
    expect((await until(stream, 'config_ack')).match).toEqual({ type: 'config_ack', progressIntervalMs: 10 });
    const queryId = await executeQuery();
    await runToEnd(queryId);
    const { match: completed, skipped } = await until(stream, 'query_completed');
    const progress = skipped.map(executionOf);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]).toMatchObject({ queryId, status: 'RUNNING', progress: { done: 0, percent: 0 } });
    // Sent only when it moved: each frame reads more blocks than the one before.
    for (let index = 1; index < progress.length; index += 1) expect(progress[index]!.progress.done).toBeGreaterThan(progress[index - 1]!.progress.done);
    const done = executionOf(completed);
    const status = await statusOf(queryId);
    expect(done).toMatchObject({ queryId, kind: 'RAC_PARALLEL', query: QUERY, status: 'COMPLETED', elapsedMs: status.durationMs, rowsScanned: status.rowsScanned, result: status.result });
    expect(done.progress).toEqual({ unit: 'BLOCK', done: status.blocksRead, total: status.blocksRead, percent: 100 });
  });

  test('a named query that has ended is sent at once with its result; an unknown one waits', async () => {
    const queryId = await executeQuery();
    await runToEnd(queryId);
    const stream = await connect('/api/v1/ws/query');
    stream.send({ type: 'config', queryIds: [queryId, 'pq-999'] });
    expect((await next(stream))).toEqual({ type: 'config_ack', queryIds: [queryId, 'pq-999'], progressIntervalMs: 250 });
    const completed = await next(stream);
    expect(completed.type).toBe('query_completed');
    expect(executionOf(completed)).toMatchObject({ queryId, status: 'COMPLETED', result: (await statusOf(queryId)).result });
    // Another query is not followed: only pq-999 is, which has not run.
    await runToEnd(await executeQuery());
    stream.send({ type: 'config', progressIntervalMs: 20 });
    expect((await until(stream, 'config_ack')).skipped).toEqual([]);
  });
});

describe('/api/v1/ws (subscriptions by message)', () => {
  test('one socket carries events, metrics and a query at once, each frame tagged with its id', async () => {
    const socket = await connect('/api/v1/ws');
    socket.send({ type: 'subscribe', id: 'joins', topic: 'events', eventTypes: ['node_joined'] });
    expect(await next(socket)).toEqual({ type: 'subscribed', id: 'joins', topic: 'events', eventTypes: ['node_joined'] });
    socket.send({ type: 'subscribe', id: 'load', topic: 'metrics', intervalMs: 60_000 });
    expect(await next(socket)).toEqual({ type: 'subscribed', id: 'load', topic: 'metrics', intervalMs: 60_000 });
    expect(await next(socket)).toMatchObject({ type: 'data', id: 'load', topic: 'metrics', data: { type: 'metrics' } });

    const added = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-5', address: '10.0.0.5:7000' });
    expect(added.status).toBe(201);
    const joined = await next(socket);
    expect(joined).toMatchObject({ type: 'data', id: 'joins', topic: 'events', data: { type: 'node_joined', payload: { nodeId: 'node-5' } } });

    const queryId = await executeQuery();
    socket.send({ type: 'subscribe', id: 'q', topic: 'query', queryIds: [queryId], progressIntervalMs: 10 });
    expect(await next(socket)).toEqual({ type: 'subscribed', id: 'q', topic: 'query', queryIds: [queryId], progressIntervalMs: 10 });
    await runToEnd(queryId);
    const { match: completed, skipped } = await until(socket, 'data', (frame) => (frame.data as Frame).type === 'query_completed');
    expect(skipped.every((frame) => frame.type === 'data' && frame.id === 'q' && (frame.data as Frame).type === 'query_progress')).toBe(true);
    expect(executionOf(completed).result).toEqual((await statusOf(queryId)).result);
    // A query subscription that named its queries completes once each has ended.
    expect(await next(socket)).toEqual({ type: 'complete', id: 'q' });

    socket.send({ type: 'unsubscribe', id: 'joins' });
    expect(await next(socket)).toEqual({ type: 'unsubscribed', id: 'joins' });
    const removed = await server.http.delete('/api/v1/cluster/nodes/node-5?force=true').set(asAdmin);
    expect(removed.status).toBe(200);
    await server.advance(60_000); // the metrics subscription's next frame; no event of the removed node came before it
    expect(await next(socket)).toMatchObject({ type: 'data', id: 'load', topic: 'metrics' });
  });

  test('an events subscription resumes from a cursor with no gap, like /api/v1/ws/events', async () => {
    const stored = await server.http.get('/api/v1/events?after=0&limit=5').set(asAdmin);
    const socket = await connect('/api/v1/ws');
    socket.send({ type: 'subscribe', id: 'all', topic: 'events', resumeFrom: 0 });
    expect(await next(socket)).toEqual({ type: 'subscribed', id: 'all', topic: 'events', resumeFrom: 0 });
    const replayed = await socket.frames.take(5);
    expect(replayed.map((frame) => (frame as unknown as Frame).data)).toEqual(stored.body.data);
  });

  test('ping is answered pong; bad messages are answered with an error naming the subscription, and the socket stays open', async () => {
    const socket = await connect('/api/v1/ws');
    socket.send({ type: 'ping' });
    expect(await next(socket)).toEqual({ type: 'pong' });
    const answers: [unknown, Frame][] = [
      [{ type: 'config' }, { type: 'error', error: { code: 'VALIDATION_FAILED', message: 'Only messages with "type" subscribe, unsubscribe or ping are understood.' } }],
      [{ type: 'subscribe', topic: 'events' }, { type: 'error', error: { code: 'VALIDATION_FAILED', message: 'id must be a string of 1 to 64 characters.' } }],
      [{ type: 'subscribe', id: 'x', topic: 'logs' }, { type: 'error', id: 'x', error: { code: 'VALIDATION_FAILED', message: 'topic must be one of events, metrics, query.' } }],
      [{ type: 'subscribe', id: 'x', topic: 'metrics', eventTypes: [] }, { type: 'error', id: 'x', error: { code: 'VALIDATION_FAILED', message: 'Unknown field(s): eventTypes.' } }],
      [{ type: 'subscribe', id: 'x', topic: 'events', severity: 'WARNING' }, { type: 'error', id: 'x', error: { code: 'VALIDATION_FAILED', message: 'severity is not a filter of the events topic.' } }],
      [{ type: 'subscribe', id: 'x', topic: 'query', progressIntervalMs: 1 }, { type: 'error', id: 'x', error: { code: 'UNPROCESSABLE', message: 'progressIntervalMs must be a whole number of milliseconds from 10 to 60000.' } }],
      [{ type: 'unsubscribe', id: 'nobody' }, { type: 'error', id: 'nobody', error: { code: 'NOT_FOUND', message: 'No subscription has id "nobody" on this connection.' } }],
    ];
    for (const [message, answer] of answers) {
      socket.send(message);
      expect(await next(socket)).toMatchObject(answer);
    }
    socket.socket.send('{"type":');
    expect(await next(socket)).toEqual({ type: 'error', error: { code: 'VALIDATION_FAILED', message: 'The message is not valid JSON.' } });
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
  });

  test('an id in use is a CONFLICT; past the subscriptions a socket may hold, RATE_LIMITED', async () => {
    const socket = await connect('/api/v1/ws');
    for (let index = 0; index < MAX_SUBSCRIPTIONS; index += 1) {
      socket.send({ type: 'subscribe', id: `s${index}`, topic: 'events', eventTypes: ['node_left'] });
      expect(await next(socket)).toMatchObject({ type: 'subscribed', id: `s${index}` });
    }
    socket.send({ type: 'subscribe', id: 's0', topic: 'events' });
    expect(await next(socket)).toMatchObject({ type: 'error', id: 's0', error: { code: 'CONFLICT' } });
    socket.send({ type: 'subscribe', id: 'one-more', topic: 'events' });
    expect(await next(socket)).toMatchObject({ type: 'error', id: 'one-more', error: { code: 'RATE_LIMITED' } });
    socket.send({ type: 'unsubscribe', id: 's0' });
    expect(await next(socket)).toEqual({ type: 'unsubscribed', id: 's0' });
    socket.send({ type: 'subscribe', id: 's0', topic: 'metrics' });
    expect(await next(socket)).toEqual({ type: 'subscribed', id: 's0', topic: 'metrics', intervalMs: 1000 });
  });
});

describe('limits', () => {
  test('past the connections the server accepts, an upgrade answers 429, for the streams and for GraphQL alike', async () => {
    for (let index = 0; index < MAX_CONNECTIONS; index += 1) await connect('/api/v1/ws');
    const refused = await refusedUpgrade(`${wsUrl}/api/v1/ws?apiKey=${ADMIN_KEY}`);
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expectContract('streamTopics', { status: refused.status, body: refused.body, headers: {} });

    const clients = Array.from({ length: MAX_CONNECTIONS }, () => graphqlWsClient(wsUrl, asAdmin));
    try {
      // A graphql-ws client connects with its first operation.
      for (const client of clients) {
        const ticks = subscribe<{ metricsStream: { cluster: { totalNodes: number } } }>(client, { query: 'subscription { metricsStream(interval: 1) { cluster { totalNodes } } }' });
        expect((await ticks.results.next()).data?.metricsStream.cluster.totalNodes).toBe(4);
      }
      const refusedGraphql = await refusedUpgrade(`${wsUrl}/graphql`);
      expect(refusedGraphql).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });


  test('past the subscriptions a connection may hold, RATE_LIMITED; completing one makes room', async () => {
    const client = graphqlWsClient(wsUrl, asAdmin);
    try {
      const held = Array.from({ length: MAX_SUBSCRIPTIONS }, () => subscribe<unknown>(client, { query: 'subscription { events(types: [\"node_left\"]) { cursor } }' }));
      await withTimeout(waitFor(() => server.platform.services.streamRegistry.subscriptionList().filter((each) => each.transport === 'GRAPHQL_WS').length === MAX_SUBSCRIPTIONS), 'the subscriptions to start');
      const refused = subscribe<unknown>(client, { query: 'subscription { events { cursor } }' });
      // graphql-ws answers a refused subscription with an Error message: the errors end it.
      const errors = (await refused.results.finished()) as { message: string; extensions?: Record<string, unknown> }[];
      expect(errorCodes({ errors })).toEqual(['RATE_LIMITED']);
      expect(errors[0]!.message).toBe(`This connection holds ${MAX_SUBSCRIPTIONS} subscriptions, the most one may; complete one first.`);
      held[0]!.unsubscribe();
      await withTimeout(waitFor(() => server.platform.services.streamRegistry.subscriptionList().filter((each) => each.transport === 'GRAPHQL_WS').length === MAX_SUBSCRIPTIONS - 1), 'one to complete');
      const metrics = subscribe<{ metricsStream: { cluster: { totalNodes: number } } }>(client, { query: 'subscription { metricsStream(interval: 1) { cluster { totalNodes } } }' });
      expect((await metrics.results.next()).data?.metricsStream.cluster.totalNodes).toBe(4);
    } finally {
      await client.dispose();
    }
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}
