import { describe, expect, test } from 'vitest';
import type { WebSocket } from 'ws';
import { SLOW_CONSUMER_CLOSE_CODE, SocketOutbox } from '../../../src/api/ws/socket-outbox.js';
import { StreamRegistry } from '../../../src/services/platform/stream-registry.js';

/** A socket whose kernel takes nothing more once `full`: what it has been handed stays buffered. */
class StalledSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  full = false;
  closedWith: [number, string] | undefined;
  readonly pending: (() => void)[] = [];

  send(data: string | Buffer, _options: { binary: boolean }, callback: (error?: Error) => void): void {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (!this.full) {
      queueMicrotask(() => callback());
      return;
    }
    this.bufferedAmount += bytes;
    this.pending.push(() => callback());
  }

  close(code: number, reason: string): void {
    this.readyState = 2;
    this.closedWith = [code, reason];
  }
}

function outboxOf(maxQueuedBytes: number, resumeFrom?: number) {
  const registry = new StreamRegistry({ maxConnections: 10, maxQueuedBytes, maxSubscriptionsPerConnection: 10 }, () => 0);
  registry.declareStreams(['/api/v1/ws/events']);
  const record = registry.openSocket('/api/v1/ws/events', { keyId: 'key_1', role: 'CLUSTER_ADMIN' }, null);
  const socket = new StalledSocket();
  let stopped = 0;
  const outbox = new SocketOutbox(socket as unknown as WebSocket, record, { maxQueuedBytes }, () => {
    stopped += 1;
    return resumeFrom === undefined ? {} : { resumeFrom };
  });
  const tally = () => registry.streamTallies()[0]![1];
  return { outbox, socket, tally, stopped: () => stopped };
}

describe('the send queue of one socket', () => {
  test('a client that keeps up never fills it, however large the burst', async () => {
    const { outbox, socket, tally } = outboxOf(1024);
    for (let index = 0; index < 10_000; index += 1) expect(outbox.send(index % 2 === 0 ? 'x'.repeat(500) : Buffer.from('y'.repeat(500)), index < 5000)).toBe(true);
    expect(socket.closedWith).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve)); // the writes' callbacks
    expect(tally()).toMatchObject({ slowConsumersClosed: 0, messagesSent: 10_000, bytesSent: 5_000_000, eventsDelivered: 5000 });
  });

  test('once the kernel is full, the frame that would pass maxQueuedBytes closes the socket with 4008 and the cursor', () => {
    const { outbox, socket, tally, stopped } = outboxOf(1000, 41);
    socket.full = true;
    expect(outbox.send('a'.repeat(600), true)).toBe(true);
    expect(outbox.send('b'.repeat(400), true)).toBe(true); // exactly at the limit
    expect(outbox.send('c', true)).toBe(false);
    expect(socket.closedWith).toEqual([SLOW_CONSUMER_CLOSE_CODE, 'slow consumer; resumeFrom=41']);
    expect(stopped()).toBe(1);
    expect(tally()).toMatchObject({ slowConsumersClosed: 1, eventsDropped: 1 });
    // Closed: nothing more is taken, and the close is not repeated.
    expect(outbox.send('d', false)).toBe(false);
    expect(stopped()).toBe(1);
    expect(tally().eventsDropped).toBe(1);
    // The queued frames still go out, counted as they are written.
    for (const written of socket.pending) written();
    expect(tally()).toMatchObject({ messagesSent: 2, bytesSent: 1000, eventsDelivered: 2 });
  });

  test('a lone frame larger than the limit still goes; a socket carrying no events is closed without a cursor', () => {
    const { outbox, socket } = outboxOf(100);
    socket.full = true;
    expect(outbox.send('x'.repeat(5000), false)).toBe(true);
    expect(outbox.send('y', false)).toBe(false);
    expect(socket.closedWith).toEqual([SLOW_CONSUMER_CLOSE_CODE, 'slow consumer']);
  });
});
