/** Contract checks shared by the tests of the WebSocket streams. */
import { expect } from 'vitest';
import { expectSchema } from './contract.js';
import { isConfigAck, isEvent, type StreamFrame, type StreamSocket } from './socket.js';

/** The contract's schema for each kind of frame the streams send (events are EventEnvelopes). */
const FRAME_SCHEMAS: Record<string, string> = {
  config_ack: 'StreamConfigAck',
  error: 'StreamErrorFrame',
  metrics: 'MetricsFrame',
  query_progress: 'QueryFrame',
  query_completed: 'QueryFrame',
  subscribed: 'SubscribedFrame',
  data: 'DataFrame',
  unsubscribed: 'SubscriptionEndFrame',
  complete: 'SubscriptionEndFrame',
  pong: 'PingPongMessage',
};

/** Checks one frame against the contract's schema for its kind. */
export function expectFrameInContract(frame: object): void {
  if ('cursor' in frame) {
    expectSchema('EventEnvelope', frame);
    return;
  }
  const type = (frame as { type?: string }).type ?? '';
  const schema = FRAME_SCHEMAS[type];
  expect(schema, `a frame of type "${type}"`).toBeDefined();
  expectSchema(schema!, frame);
}

/**
 * Checks every frame the streams received against the contract: events are EventEnvelopes (of
 * `eventTypes` when given), anything else the schema of its kind.
 */
export function expectFramesInContract(streams: readonly StreamSocket[], eventTypes?: readonly string[]): void {
  for (const stream of streams) {
    for (const frame of stream.frames.received) {
      expectFrameInContract(frame);
      if (isEvent(frame) && eventTypes) expect(eventTypes).toContain(frame.type);
    }
  }
}

/** Sends a config and waits for its acknowledgement. */
export async function configureStream(stream: StreamSocket, config: Record<string, unknown>): Promise<void> {
  stream.send({ type: 'config', ...config });
  const { match } = await stream.frames.until((frame: StreamFrame) => !isEvent(frame), 'the answer to the config');
  expect(isConfigAck(match), JSON.stringify(match)).toBe(true);
}

/** The payload of an event frame; empty for any other frame. */
export function payloadOf(frame: StreamFrame): Record<string, unknown> {
  return (isEvent(frame) ? frame.payload : {}) as Record<string, unknown>;
}
