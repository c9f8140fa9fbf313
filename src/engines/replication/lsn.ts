/**
 * Log sequence numbers: byte positions in the WAL, shown as PostgreSQL shows them (`X/Y`, the
 * high and low 32 bits in upper-case hex) and cut into segments named as PostgreSQL names them.
 */
import { DomainError } from '../runtime/domain-error.js';

/** A byte position in the WAL: a non-negative safe integer. */
export type Lsn = number;

/** Where the first WAL record starts (a fresh PostgreSQL cluster's WAL does not start at 0 either). */
export const WAL_START_LSN: Lsn = 0x1000000;
/** Fixed header of every WAL record, in bytes. */
export const WAL_RECORD_HEADER_BYTES = 24;

const TWO_TO_32 = 0x1_0000_0000;
const LSN_TEXT = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** True for a value that can be an LSN. */
export function isLsn(value: unknown): value is Lsn {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** `0/16B3748`: high and low 32 bits, upper-case hex, no leading zeros. */
export function formatLsn(lsn: Lsn): string {
  if (!isLsn(lsn)) throw new Error(`formatLsn: not an LSN: ${String(lsn)}`);
  const high = Math.floor(lsn / TWO_TO_32);
  const low = lsn % TWO_TO_32;
  return `${high.toString(16).toUpperCase()}/${low.toString(16).toUpperCase()}`;
}

/**
 * Reads `X/Y` text (each side 1 to 8 hex digits, either case).
 * @throws DomainError UNPROCESSABLE naming the text and the expected form.
 */
export function parseLsn(text: string): Lsn {
  const match = typeof text === 'string' ? LSN_TEXT.exec(text.trim()) : null;
  if (match === null) {
    throw new DomainError('UNPROCESSABLE', `"${String(text)}" is not an LSN: expected X/Y, two hex numbers of at most 8 digits (e.g. 0/16B3748).`, {
      field: 'lsn',
      value: text,
    });
  }
  const lsn = parseInt(match[1] as string, 16) * TWO_TO_32 + parseInt(match[2] as string, 16);
  if (!Number.isSafeInteger(lsn)) {
    throw new DomainError('UNPROCESSABLE', `LSN ${text} is beyond the largest position this simulation addresses (2^53 - 1).`, { field: 'lsn', value: text });
  }
  return lsn;
}

/** Bytes from `from` to `to` (negative when `to` is behind). */
export function lsnDistance(from: Lsn, to: Lsn): number {
  return to - from;
}

/** Number of the segment holding `lsn`. */
export function segmentOf(lsn: Lsn, segmentBytes: number): number {
  return Math.floor(lsn / segmentBytes);
}

/** First LSN of segment `segment`. */
export function segmentStartLsn(segment: number, segmentBytes: number): Lsn {
  return segment * segmentBytes;
}

/**
 * PostgreSQL's 24-hex-digit segment file name: timeline, then the segment number split as
 * XLogFileName does (segments per 4 GiB "xlogid", and the index within it).
 */
export function walSegmentName(timeline: number, segment: number, segmentBytes: number): string {
  const segmentsPerId = Math.floor(TWO_TO_32 / segmentBytes);
  const high = Math.floor(segment / segmentsPerId);
  const low = segment % segmentsPerId;
  return [timeline, high, low].map((part) => part.toString(16).toUpperCase().padStart(8, '0')).join('');
}

/** Size of a WAL record carrying `change`: the fixed header plus the UTF-8 length of its JSON. */
export function walRecordBytes(change: unknown): number {
  return WAL_RECORD_HEADER_BYTES + Buffer.byteLength(JSON.stringify(change), 'utf8');
}
