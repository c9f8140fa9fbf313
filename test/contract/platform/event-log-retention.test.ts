import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Event } from '../../../generated/graphql/resolvers-types.js';
import { expectContract, expectSchema } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import {
  closeAllStreams,
  errorCodes,
  graphqlWsClient,
  isConfigAck,
  isErrorFrame,
  isEvent,
  listenOnLoopback,
  openStream,
  subscribe,
  type StreamSocket,
} from '../../support/socket.js';
import { expectFramesInContract } from '../../support/stream-contract.js';

/**
 * The event log kept within its bounds, through the API: a server keeping 1500 events (the
 * default workload writes about 430 a minute), and what a client resuming from a pruned cursor
 * is told on a stream and in a subscription. The bound is above the bus's in-memory ring of
 * recent events (1024), so reading the log from its start reads the store.
 */

const MAX_EVENTS = 1500;
let server: TestServer;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const streams: StreamSocket[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer({ nodes: 5, eventLogLimits: { maxEvents: MAX_EVENTS, maxAgeMs: 3_600_000 } });
  ({ wsUrl } = await listenOnLoopback(server));
  // Six minutes of the default workload: the log crosses its bound several times.
  for (let minute = 0; minute < 6; minute += 1) {
    await server.advance(60_000);
    await server.platform.eventLog.idle();
  }
});
afterEach(async () => {
  expectFramesInContract(streams.splice(0));
  await closeAllStreams();
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => server.close());

/** The stored log, oldest first, as GET /api/v1/events reads it page by page. */
async function storedEvents(): Promise<{ cursor: number }[]> {
  const events: { cursor: number }[] = [];
  for (let after = 0; ; ) {
    const response = await server.http.get(`/api/v1/events?after=${after}&limit=1000`).set(asAdmin);
    expectContract('listEvents', response);
    events.push(...(response.body.data as { cursor: number }[]));
    if (response.body.data.length < 1000) return events;
    after = response.body.nextCursor as number;
  }
}

test('the stored log stays within maxEvents, pruned from its oldest end', async () => {
  const { keptEvents, prunedThroughCursor, prunes } = server.platform.eventLog.stats();
  expect(prunes).toBeGreaterThan(1);
  expect(server.platform.services.events.lastCursor()).toBeGreaterThan(MAX_EVENTS + 1000);
  const stored = await storedEvents();
  expect(stored.length).toBe(keptEvents);
  expect(stored.length).toBeLessThanOrEqual(MAX_EVENTS);
  expect(stored[0]!.cursor).toBe(prunedThroughCursor + 1);
  expect(stored.at(-1)!.cursor).toBe(server.platform.services.events.lastCursor());
  const scrape = await server.http.get('/api/v1/metrics/prometheus').set(asAdmin);
  expect(scrape.text).toContain(`rustydb_platform_event_log_events ${keptEvents}`);
  expect(scrape.text).toMatch(/rustydb_platform_events_pruned_total [1-9]/);
});

describe('resuming from a pruned cursor', () => {
  test('a stream answers an error frame naming the oldest cursor still available, and keeps its feed', async () => {
    const stream = await openStream(`${wsUrl}/api/v1/ws/events?apiKey=${ADMIN_KEY}`);
    streams.push(stream);
    const { prunedThroughCursor } = server.platform.eventLog.stats();
    stream.send({ type: 'config', resumeFrom: prunedThroughCursor - 1 });
    const { match: refusal } = await stream.frames.until(isErrorFrame, 'the error frame');
    expect(refusal).toMatchObject({
      type: 'error',
      error: { code: 'CONFLICT', details: { reason: 'CURSOR_EXPIRED', resumeFrom: prunedThroughCursor - 1, oldestAvailableCursor: prunedThroughCursor + 1 } },
    });
    expectSchema('ErrorBody', (refusal as unknown as { error: unknown }).error);
    expect(stream.socket.readyState).toBe(stream.socket.OPEN);

    // From the cursor just below the oldest kept, nothing is skipped: the replay starts at it.
    stream.send({ type: 'config', resumeFrom: prunedThroughCursor });
    await stream.frames.until(isConfigAck, 'config_ack');
    const first = await stream.frames.next();
    expect(isEvent(first) && first.cursor).toBe(prunedThroughCursor + 1);
  });

  test('a GraphQL subscription with an expired resumeFrom ends with a CONFLICT error that says so', async () => {
    const client = graphqlWsClient(wsUrl, { 'X-API-Key': ADMIN_KEY });
    clients.push(client);
    const refused = subscribe<{ events: Event }>(client, { query: 'subscription { events(resumeFrom: 0) { cursor } }' });
    const result = await refused.results.next();
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    const { prunedThroughCursor } = server.platform.eventLog.stats();
    expect(result.errors?.[0]?.extensions).toMatchObject({ details: { reason: 'CURSOR_EXPIRED', resumeFrom: 0, oldestAvailableCursor: prunedThroughCursor + 1 } });
    expect(await refused.results.finished()).toBe('complete');

    const resumed = subscribe<{ events: Event }>(client, { query: `subscription { events(resumeFrom: ${prunedThroughCursor}) { cursor } }` });
    expect((await resumed.results.next()).data).toEqual({ events: { cursor: prunedThroughCursor + 1 } });
    resumed.unsubscribe();
  });
});
