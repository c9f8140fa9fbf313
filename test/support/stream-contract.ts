/** Contract checks shared by the tests of the WebSocket event streams. */
import { expect } from 'vitest';
import { expectSchema } from './contract.js';
import { isConfigAck, isEvent, type StreamFrame, type StreamSocket } from './socket.js';

/**
 * Checks every frame the streams received against the contract: events are EventEnvelopes (of
 * `eventTypes` when given), anything else is a config_ack or an error.
 */
export function expectFramesInContract(streams: readonly StreamSocket[], eventTypes?: readonly string[]): void {
  for (const stream of streams) {
    for (const frame of stream.frames.received) {
      if (isEvent(frame)) {
        expectSchema('EventEnvelope', frame);
        if (eventTypes) expect(eventTypes).toContain(frame.type);
      } else expect(['config_ack', 'error']).toContain(frame.type);
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
