import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { startPlatform, type Platform } from '../src/platform.js';
import { createApiServer, type ApiServer } from '../src/api/server.js';

/** The admin key of the benchmarked platform (RUSTYDB_ADMIN_KEY in production). */
export const BENCH_ADMIN_KEY = 'rdb_bench_admin_0123456789abcdef0123456789abcdef';
/** The request both targets answer: one page of 50 nodes. */
export const NODES_PATH = '/api/v1/cluster/nodes?limit=50';
const NODE_COUNT = 50;
/**
 * High enough never to refuse a request, but not 0: 0 turns the limiter off and skips its
 * bookkeeping, which production pays on every request. With the default (1000/s per key, half
 * of that per operation) the bench would measure fast 429s instead of the real path.
 */
const NEVER_REACHED_RATE_LIMIT = 1_000_000_000;

/** Every field of `clusterNodes(limit: 50)`: the GraphQL twin of {@link NODES_PATH}'s answer. */
export const NODES_QUERY = `query Nodes {
  clusterNodes(limit: 50) {
    nodeId name address role status
    capacity { cpuCores totalMemoryGb availableMemoryGb storageCapacityGb networkBandwidthMbps }
    services priority region zone uptimeSeconds lastHeartbeat missedHeartbeats joinedAt
  }
}`;

/** A server under load, with what a client must send to get a 200. */
export interface HttpTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** POST with this body (GraphQL); GET when absent. */
  body?: string;
  close(): Promise<void>;
}

/**
 * (a) The whole stack as main.ts builds it (request log, metrics, auth, validation, handler,
 * envelope, response writer), with a silent logger so the terminal is not part of the measurement. The nodes
 * get their first heartbeat so the body is the steady-state one, not INITIALIZING placeholders.
 */
export async function startFullStack(surface: 'rest' | 'graphql' = 'rest'): Promise<HttpTarget> {
  const platform = await startPlatform({
    storePath: ':memory:',
    initialNodes: NODE_COUNT,
    seed: 1,
    clockMode: 'manual',
    adminKey: BENCH_ADMIN_KEY,
    rateLimitPerKeyPerSecond: NEVER_REACHED_RATE_LIMIT,
  });
  await advanceToFirstHeartbeat(platform);
  const api = await createApiServer(platform, pino({ level: 'silent' }));
  const port = await listen(api.httpServer);
  const close = () => closeFullStack(api, platform);
  if (surface === 'graphql') {
    return {
      name: 'graphql',
      url: `http://127.0.0.1:${port}/graphql`,
      headers: { 'X-API-Key': BENCH_ADMIN_KEY, 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: NODES_QUERY }),
      close,
    };
  }
  return { name: 'full stack', url: `http://127.0.0.1:${port}${NODES_PATH}`, headers: { 'X-API-Key': BENCH_ADMIN_KEY }, close };
}

/**
 * (c) The server as `npm start` runs it (5 nodes, the realtime clock, the default workload, an
 * in-memory store), for the stream fan-out: the events it publishes go to the sockets that the
 * bench opens on /api/v1/ws/events. Its URL is the server's base.
 */
export async function startStreamServer(): Promise<HttpTarget> {
  const platform = await startPlatform({
    storePath: ':memory:',
    initialNodes: 5,
    seed: 1,
    clockMode: 'realtime',
    adminKey: BENCH_ADMIN_KEY,
    rateLimitPerKeyPerSecond: NEVER_REACHED_RATE_LIMIT,
  });
  const api = await createApiServer(platform, pino({ level: 'silent' }));
  const port = await listen(api.httpServer);
  return { name: 'streams', url: `http://127.0.0.1:${port}`, headers: { 'X-API-Key': BENCH_ADMIN_KEY }, close: () => closeFullStack(api, platform) };
}

/**
 * (b) The floor: express answering the same path with the same body and nothing else. It still
 * serializes the body per request (res.json), as any handler would: the comparison is about
 * what the platform adds around the handler, not about caching the JSON. No ETag, like the
 * platform: hashing every body would make the floor slower than it need be.
 */
export async function startBareExpress(body: unknown): Promise<HttpTarget> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get(new URL(NODES_PATH, 'http://localhost').pathname, (_request, response) => {
    response.json(body);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    name: 'bare express',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${NODES_PATH}`,
    headers: {},
    close: () => closeServer(server),
  };
}

/** One response body of `target`, parsed; fails unless the answer is a 200. */
export async function captureBody(target: HttpTarget): Promise<unknown> {
  const response = await fetch(target.url, { headers: target.headers, ...(target.body === undefined ? {} : { method: 'POST', body: target.body }) });
  if (response.status !== 200) throw new Error(`${target.name} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function advanceToFirstHeartbeat(platform: Platform): Promise<void> {
  const caller = await platform.services.apiKeys.authenticate({ apiKey: BENCH_ADMIN_KEY });
  await platform.services.simulation.advanceClock({ caller, requestId: 'bench-setup' }, 1000);
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function closeFullStack(api: ApiServer, platform: Platform): Promise<void> {
  await api.close();
  await platform.close();
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
