import { pino, type Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import supertest from 'supertest';
import type { Express } from 'express';
import { startPlatform, type Platform } from '../../src/platform.js';
import { createApiServer, type ApiServer } from '../../src/api/server.js';
import type { OperationContext, Role } from '../../src/services/platform/operation-context.js';
import type { EventLogLimits } from '../../src/services/platform/event-retention.js';
import type { WebSocketLimits } from '../../src/services/platform/stream-registry.js';

/** The admin key every test server accepts (RUSTYDB_ADMIN_KEY in production). */
export const ADMIN_KEY = 'rdb_test_admin_0123456789abcdef0123456789abcdef';

export interface TestServer {
  app: Express;
  platform: Platform;
  api: ApiServer;
  /** supertest bound to the app, in process (no port). */
  http: ReturnType<typeof supertest>;
  /** An operation context of the admin key, for calling services directly. */
  admin: OperationContext;
  /** Moves the manual cluster clock forward, firing due timers and committing what they changed. */
  advance(ms: number): Promise<void>;
  /** A fresh API key with this role. */
  keyFor(role: Role): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  nodes?: number;
  seed?: number;
  storePath?: string;
  rateLimitPerKeyPerSecond?: number;
  /** How much of the event log the store keeps; the server's defaults when absent. */
  eventLogLimits?: EventLogLimits;
  /** Where the request log goes; silent by default. */
  logger?: Logger;
  /** Browser origins allowed by CORS (off when absent). */
  corsOrigins?: string[];
  /** Bounds of the WebSocket streams (the defaults when absent). */
  webSocketLimits?: Partial<WebSocketLimits>;
}

/** A server on an in-memory store with a manual clock and a fixed seed: deterministic. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const platform = await startPlatform({
    storePath: options.storePath ?? ':memory:',
    initialNodes: options.nodes ?? 5,
    seed: options.seed ?? 42,
    clockMode: 'manual',
    adminKey: ADMIN_KEY,
    rateLimitPerKeyPerSecond: options.rateLimitPerKeyPerSecond ?? 0,
    ...(options.eventLogLimits ? { eventLogLimits: options.eventLogLimits } : {}),
    ...(options.webSocketLimits ? { webSocketLimits: options.webSocketLimits } : {}),
    reportError: (_what, error) => {
      throw error;
    },
  });
  const api = await createApiServer(platform, options.logger ?? pino({ level: 'silent' }), {
    checkResponses: true,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
  });
  const caller = await platform.services.apiKeys.authenticate({ apiKey: ADMIN_KEY });
  const admin: OperationContext = { caller, requestId: 'test' };
  return {
    app: api.app,
    platform,
    api,
    http: supertest(api.app),
    admin,
    async advance(ms) {
      await platform.services.simulation.advanceClock(admin, ms);
    },
    async keyFor(role) {
      const key = await platform.services.apiKeys.create(admin, { name: `test ${role}`, role });
      return key.secret;
    },
    async close() {
      await api.close();
      await platform.close();
    },
  };
}

/** What {@link useTestServer} provides to the tests of one file, once its `beforeAll` has run. */
export interface TestServerFixture {
  server: TestServer;
  /** A CLUSTER_VIEWER key, for role checks. */
  viewerKey: string;
}

/**
 * One test server for the whole file: started before the first test, with the clock advanced
 * by `warmUpMs` (default 1 s: every node's first heartbeat has arrived and a leader is elected),
 * and closed after the last. Read `fixture.server` inside tests, not at module level.
 */
export function useTestServer(options: TestServerOptions & { warmUpMs?: number } = {}): TestServerFixture {
  const fixture = {} as TestServerFixture;
  beforeAll(async () => {
    fixture.server = await startTestServer(options);
    fixture.viewerKey = await fixture.server.keyFor('CLUSTER_VIEWER');
    await fixture.server.advance(options.warmUpMs ?? 1000);
  });
  afterAll(() => fixture.server?.close());
  return fixture;
}
