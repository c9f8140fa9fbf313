import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { closeAllStreams, listenOnLoopback, openStream, type StreamSocket } from '../../support/socket.js';
import { expectFrameInContract } from '../../support/stream-contract.js';

/**
 * A client that stops reading (its socket paused) is closed with 4008 once its send queue is
 * full, and resumes from the cursor the close names without missing an event. The kernel's
 * buffers take megabytes before the server's queue grows at all, so the test makes frames until
 * the server closes the socket (a bounded loop on the cluster clock), not a fixed number of them.
 */

let server: TestServer;
let wsUrl: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const LIMITS = { maxQueuedBytes: 64 * 1024, maxSubscriptionsPerConnection: 300 };
/** Metrics subscriptions that fill the pipe: about 2 MB per second of cluster time. */
const METRICS_SUBSCRIPTIONS = 250;

type Frame = { type: string; id?: string; data?: { cursor?: number } };

beforeAll(async () => {
  server = await startTestServer({ nodes: 5, webSocketLimits: LIMITS });
  await server.advance(1000);
  ({ wsUrl } = await listenOnLoopback(server));
});
afterAll(async () => {
  await closeAllStreams();
  await server.close();
});

function topicsTally() {
  return server.platform.services.streamRegistry.streamTallies().find(([stream]) => stream === '/api/v1/ws')![1];
}

async function subscribeAll(socket: StreamSocket, resumeFrom?: number): Promise<void> {
  socket.send({ type: 'subscribe', id: 'events', topic: 'events', ...(resumeFrom === undefined ? {} : { resumeFrom }) });
  await socket.frames.until((frame) => frame.type === 'subscribed', 'subscribed');
}

test('a client that stops reading is closed with 4008 and the cursor to resume from; resuming misses no event', { timeout: 60_000 }, async () => {
  const startCursor = server.platform.services.events.lastCursor();
  const socket = await openStream(`${wsUrl}/api/v1/ws?apiKey=${ADMIN_KEY}`);
  await subscribeAll(socket);
  for (let index = 0; index < METRICS_SUBSCRIPTIONS; index += 1) socket.send({ type: 'subscribe', id: `load-${index}`, topic: 'metrics', intervalMs: 100 });
  await socket.frames.until((frame) => (frame as Frame).id === `load-${METRICS_SUBSCRIPTIONS - 1}` && frame.type === 'data', 'the last snapshot', 2 * METRICS_SUBSCRIPTIONS + 10);

  socket.socket.pause();
  let mostQueuedBytes = 0;
  for (let step = 0; step < 600 && topicsTally().slowConsumersClosed === 0; step += 1) {
    await server.advance(100);
    // Let the network take what it will before the next frames come.
    await new Promise((resolve) => setImmediate(resolve));
    const connection = server.platform.services.streamRegistry.socketList().find((each) => each.stream === '/api/v1/ws');
    mostQueuedBytes = Math.max(mostQueuedBytes, connection?.bytesQueued ?? 0);
  }
  expect(topicsTally().slowConsumersClosed).toBe(1);
  // The server held a queue, never more than the limit and the one frame that found it full.
  expect(mostQueuedBytes).toBeGreaterThan(0);
  expect(mostQueuedBytes).toBeLessThanOrEqual(LIMITS.maxQueuedBytes + 4096);

  socket.socket.resume();
  const closed = (await socket.frames.finished()) as { code: number; reason: string };
  expect(closed.code).toBe(4008);
  const resumeFrom = Number(/^slow consumer; resumeFrom=(\d+)$/.exec(closed.reason)?.[1]);
  expect(resumeFrom).toBeGreaterThan(startCursor);
  // Every frame queued before the close arrived; the events among them are every stored event up to the cursor.
  const received = socket.frames.received as unknown as Frame[];
  for (const frame of received.slice(-200)) expectFrameInContract(frame);
  const eventCursors = received.filter((frame) => frame.id === 'events' && frame.type === 'data').map((frame) => frame.data!.cursor!);
  const stored = await server.http.get(`/api/v1/events?after=${startCursor}&limit=1000`).set(asAdmin);
  expect(eventCursors).toEqual(stored.body.data.map((event: { cursor: number }) => event.cursor).filter((cursor: number) => cursor <= resumeFrom));
  expect(eventCursors.at(-1)).toBe(resumeFrom);

  const status = (await server.http.get('/api/v1/ws/status').set(asAdmin)).body.data;
  expect(status.slowConsumersClosed).toBe(1);
  expect(status.streams.find((stream: { stream: string }) => stream.stream === '/api/v1/ws')).toMatchObject({ subscribers: 0, slowConsumersClosed: 1 });

  // A new connection resumes from the cursor: the next event is the first it gets.
  const resumed = await openStream(`${wsUrl}/api/v1/ws?apiKey=${ADMIN_KEY}`);
  await subscribeAll(resumed, resumeFrom);
  await server.advance(2000);
  const first = (await resumed.frames.until((frame) => frame.type === 'data', 'the first event')).match as unknown as Frame;
  expect(first.data!.cursor).toBe(resumeFrom + 1);
});
