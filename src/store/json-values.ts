import type { EncodedEvent, JsonText, StoredEvent } from './port.js';

/**
 * Encodes a record value or event payload for storage: a value JSON cannot carry (a BigInt or a
 * cycle anywhere; undefined, a function or a symbol as the whole value) is refused before
 * anything is written. Properties holding undefined or a function are left out, as JSON does.
 */
export function encodeJson(value: unknown, subject: string): JsonText {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (cause) {
    throw new TypeError(`${subject} cannot be encoded as JSON`, { cause });
  }
  // JSON.stringify returns undefined for undefined, functions and symbols.
  if (json === undefined) throw new TypeError(`${subject} cannot be encoded as JSON`);
  return json as JsonText;
}

/** An event with its payload encoded (see {@link encodeJson}). */
export function encodeEvent({ payload, ...fields }: StoredEvent): EncodedEvent {
  return { ...fields, payloadJson: encodeJson(payload, `payload of event ${fields.cursor}`) };
}

/** An encoded event with its payload parsed back: a fresh copy each call. */
export function decodeEvent({ payloadJson, ...fields }: EncodedEvent): StoredEvent {
  return { ...fields, payload: JSON.parse(payloadJson) as unknown };
}
