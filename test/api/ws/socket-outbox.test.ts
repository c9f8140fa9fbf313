import { describe, expect, test } from 'vitest';
import type { WebSocket } from 'ws';
import { SLOW_CONSUMER_CLOSE_CODE, SocketOutbox } from '../../../src/api/ws/socket-outbox.js';
import { StreamRegistry } from '../../../src/services/platform/stream-registry.js';

/**
 * A socket whose kernel takes nothing more once `full`: what it has been handed stays buffered.
 * Its TCP socket (`_socket`, as ws names it) can be corked: frames then wait, counted as
 * buffered, until it is uncorked, and each uncork that lets frames go is one write.
 */
class StalledSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  full = false;
  closedWith: [number, string] | undefined;
  readonly pending: (() => void)[] = [];
  private corks = 0;
  private corkedFrames: { bytes: number; callback: () => void }[] = [];
  writes = 0;
  readonly _socket = {
    cork: () => {
      this.corks += 1;
    },
    uncork: () => {
      this.corks -= 1;
      if (this.corks === 0 && this.corkedFrames.length > 0) {
        this.writes += 1;
        const frames = this.corkedFrames;
        this.corkedFrames = [];
        for (const frame of frames) {
          this.bufferedAmount -= frame.bytes;
          this.take(frame.bytes, frame.callback);
        }
      }
    },
  };

  send(data: string | Buffer, _options: { binary: boolean }, callback: (error?: Error) => void): void {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (this.corks > 0) {
      this.bufferedAmount += bytes;
      this.corkedFrames.push({ bytes, callback: () => callback() });
      return;
    }
    this.writes += 1;
    this.take(bytes, () => callback());
  }

  private take(bytes: number, callback: () => void): void {
    if (!this.full) {
      queueMicrotask(callback);
      return;
    }
    this.bufferedAmount += bytes;
    this.pending.push(callback);
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

  test("the frames of one tick leave in one write; the next tick's in another", async () => {
    const { outbox, socket, tally } = outboxOf(64 * 1024);
    for (let index = 0; index < 50; index += 1) expect(outbox.send(`event ${index}`, true)).toBe(true);
    expect(socket.writes).toBe(0); // corked until the tick ends
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.writes).toBe(1);
    outbox.send('next', true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.writes).toBe(2);
    expect(tally()).toMatchObject({ eventsDelivered: 51, slowConsumersClosed: 0 });
  });

  test("corked, a tick's frames count on top of the backlog: the queue never passes maxQueuedBytes", async () => {
    const { outbox, socket, tally } = outboxOf(1000);
    socket.full = true;
    expect(outbox.send('a'.repeat(600), true)).toBe(true);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(socket.bufferedAmount).toBe(600); // the backlog the kernel did not take
    expect(outbox.send('b'.repeat(300), true)).toBe(true); // 900 queued
    expect(outbox.send('c'.repeat(200), true)).toBe(false); // 1100 would pass the limit
    expect(socket.closedWith?.[0]).toBe(SLOW_CONSUMER_CLOSE_CODE);
    expect(tally()).toMatchObject({ slowConsumersClosed: 1, eventsDropped: 1 });
  });

  test('a lone frame larger than the limit still goes; a socket carrying no events is closed without a cursor', () => {
    const { outbox, socket } = outboxOf(100);
    socket.full = true;
    expect(outbox.send('x'.repeat(5000), false)).toBe(true);
    expect(outbox.send('y', false)).toBe(false);
    expect(socket.closedWith).toEqual([SLOW_CONSUMER_CLOSE_CODE, 'slow consumer']);
  });
});
