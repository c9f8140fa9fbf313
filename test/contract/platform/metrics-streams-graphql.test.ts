/**
 * The seed's metrics subscriptions over graphql-ws: metricsStream(interval), on the cluster clock
 * as /api/v1/ws/metrics, and performanceStream, which measures the process over wall-time
 * intervals on Node's timers. vitest's fake timers drive those: only setInterval and
 * clearInterval are faked, so sockets and test timeouts run as usual.
 */
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Metrics, PerformanceMetrics } from '../../../generated/graphql/resolvers-types.js';
import { expectContract, expectSchema } from '../../support/contract.js';
import { METRICS_SELECTION } from '../../support/graphql.js';
import { errorCodes, graphqlWsClient, listenOnLoopback, subscribe, withTimeout } from '../../support/socket.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

const PERFORMANCE_FIELDS = `
  at intervalSeconds requests errors requestsPerSecond
  latency { p50Ms p90Ms p99Ms maxMs }
  eventLoopDelay { meanMs p50Ms p99Ms maxMs }
  cpuCoresUsed cpuUserSeconds cpuSystemSeconds rssBytes heapUsedBytes heapTotalBytes`;

let server: TestServer;
let viewer: Client;
let viewerKey: string;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer({ nodes: 3 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000);
  ({ wsUrl } = await listenOnLoopback(server));
  viewer = graphqlWsClient(wsUrl, { 'X-API-Key': viewerKey });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(async () => {
  // Streams stop their timers when unsubscribed; the socket's own keep-alive goes with the idle connection.
  await withTimeout(waitUntil(() => vi.getTimerCount() === 0), 'every stream to stop its timer');
});
afterAll(async () => {
  vi.useRealTimers();
  await viewer?.dispose();
  await server.close();
});

async function waitUntil(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once the server has opened the next stream of `feed` (and so started its timer). */
function nextStreamOpened(feed: 'performanceFeed'): Promise<void> {
  const spy = vi.spyOn(server.platform.services.metrics, feed);
  return withTimeout(waitUntil(() => spy.mock.results.length > 0), `the server to open a ${feed}`).finally(() => spy.mockRestore());
}

describe('metricsStream(interval)', () => {
  test("sends the metrics query's snapshot at once, then every interval seconds of cluster time", async () => {
    const stream = subscribe<{ metricsStream: Metrics }>(viewer, { query: `subscription { metricsStream(interval: 2) { ${METRICS_SELECTION} } }` });
    const first = (await stream.results.next()).data!.metricsStream;
    const rest = await server.http.get('/api/v1/metrics').set('X-API-Key', ADMIN_KEY);
    expectContract('getMetrics', rest);
    expectSchema('Metrics', first);
    // The cluster clock has not moved since the snapshot: the cluster figures are the query's.
    expect(first.cluster).toEqual(rest.body.data.cluster);
    expect(first.cluster).toMatchObject({ totalNodes: 3, healthyNodes: 3, hasQuorum: true });

    // 3 s of cluster time hold one tick, at 2 s; the next comes at 4 s.
    await server.advance(3000);
    const second = (await stream.results.next()).data!.metricsStream;
    expect(Date.parse(String(second.runtime.clockTime)) - Date.parse(String(first.runtime.clockTime))).toBe(2000);
    expect(Number(second.cluster.heartbeatsReceived)).toBeGreaterThan(Number(first.cluster.heartbeatsReceived));
    expect(Number(second.requests.total)).toBeGreaterThan(Number(first.requests.total));
    await server.advance(1000);
    const third = (await stream.results.next()).data!.metricsStream;
    expect(Date.parse(String(third.runtime.clockTime)) - Date.parse(String(first.runtime.clockTime))).toBe(4000);
    stream.unsubscribe();
    await withTimeout(stream.results.finished(), 'the stream to end');
    const released = () => !server.platform.services.streamRegistry.subscriptionList().some((each) => each.topic === 'metricsStream');
    await withTimeout(waitUntil(released), 'the subscription to be released');
  });

  test('an interval outside 1 to 3600 seconds is refused with a clear error, and opens nothing', async () => {
    for (const interval of [0, 3601, -5]) {
      const refused = subscribe<unknown>(viewer, { query: 'subscription ($interval: Int!) { metricsStream(interval: $interval) { events { lastCursor } } }', variables: { interval } });
      const result = await refused.results.next();
      expect(errorCodes(result), `interval ${interval}`).toEqual(['VALIDATION_FAILED']);
      expect(result.errors?.[0]?.extensions).toMatchObject({ details: { errors: [{ location: 'input/interval', message: `must be a whole number of seconds from 1 to 3600, got ${interval}` }] } });
    }
  });

  test('needs a key', async () => {
    const anonymous = graphqlWsClient(wsUrl, {});
    try {
      const refused = subscribe<unknown>(anonymous, { query: 'subscription { metricsStream(interval: 1) { events { lastCursor } } }' });
      expect(errorCodes(await refused.results.next())).toEqual(['UNAUTHENTICATED']);
    } finally {
      await anonymous.dispose();
    }
  });
});

describe('performanceStream', () => {
  test('measures the requests of each interval only: count, errors, rate and latency percentiles, with CPU and memory', async () => {
    const opened = nextStreamOpened('performanceFeed');
    const stream = subscribe<{ performanceStream: PerformanceMetrics }>(viewer, { query: `subscription { performanceStream(interval: 1) { ${PERFORMANCE_FIELDS} } }` });
    await opened;
    expect((await server.http.get('/api/v1/cluster/nodes').set('X-API-Key', viewerKey)).status).toBe(200);
    expect((await server.http.get('/api/v1/cluster/topology').set('X-API-Key', viewerKey)).status).toBe(200);
    expect((await server.http.get('/api/v1/cluster/nodes/node-9').set('X-API-Key', viewerKey)).status).toBe(404);
    vi.advanceTimersByTime(1000);
    const busy = (await stream.results.next()).data!.performanceStream;
    expect(busy).toMatchObject({ requests: 3, errors: 1 });
    expect(busy.intervalSeconds).toBeGreaterThan(0);
    expect(busy.requestsPerSecond).toBeCloseTo(3 / busy.intervalSeconds, 6);
    expect(busy.latency.p50Ms).toBeGreaterThan(0);
    expect(busy.latency.p50Ms!).toBeLessThanOrEqual(busy.latency.p99Ms!);
    expect(busy.latency.p99Ms!).toBeLessThanOrEqual(busy.latency.maxMs! * 1.001);
    expect(busy.cpuCoresUsed).toBeGreaterThan(0);
    expect(busy.cpuUserSeconds + busy.cpuSystemSeconds).toBeCloseTo(busy.cpuCoresUsed * busy.intervalSeconds, 6);
    expect(Number(busy.rssBytes)).toBeGreaterThan(Number(busy.heapUsedBytes));
    expect(Number(busy.heapTotalBytes)).toBeGreaterThanOrEqual(Number(busy.heapUsedBytes));
    if (busy.eventLoopDelay !== null && busy.eventLoopDelay !== undefined) expect(busy.eventLoopDelay.maxMs).toBeGreaterThanOrEqual(busy.eventLoopDelay.p50Ms);

    // An interval without requests reports none: nothing carries over.
    vi.advanceTimersByTime(1000);
    const quiet = (await stream.results.next()).data!.performanceStream;
    expect(quiet).toMatchObject({ requests: 0, errors: 0, requestsPerSecond: 0, latency: { p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null } });
    expect(Date.parse(String(quiet.at))).toBeGreaterThanOrEqual(Date.parse(String(busy.at)));
    stream.unsubscribe();
    await withTimeout(stream.results.finished(), 'the stream to end');
  });

  test('the interval defaults to 5 seconds and is bounded like metricsStream\'s', async () => {
    const opened = nextStreamOpened('performanceFeed');
    const stream = subscribe<{ performanceStream: PerformanceMetrics }>(viewer, { query: 'subscription { performanceStream { requests } }' });
    await opened;
    vi.advanceTimersByTime(4999);
    expect(stream.results.received).toEqual([]);
    vi.advanceTimersByTime(1);
    expect((await stream.results.next()).data!.performanceStream).toEqual({ requests: 0 });
    stream.unsubscribe();
    await withTimeout(stream.results.finished(), 'the stream to end');
    const refused = subscribe<unknown>(viewer, { query: 'subscription { performanceStream(interval: 0) { requests } }' });
    expect(errorCodes(await refused.results.next())).toEqual(['VALIDATION_FAILED']);
  });
});
