/**
 * Last-writer-wins register (Shapiro et al., §3.2.1): a value stamped with the time and site of
 * its write; merge keeps the later stamp.
 */
import { naturalCompare } from '../../runtime/natural-order.js';
import { compareJson, type JsonValue } from './json-value.js';

export interface LwwRegister<T extends JsonValue = JsonValue> {
  readonly value: T;
  /** Cluster time of the write. */
  readonly timestampMs: number;
  /** The site that wrote it; breaks a tie of times. */
  readonly siteId: string;
}

export function lwwAssign<T extends JsonValue>(value: T, timestampMs: number, siteId: string): LwwRegister<T> {
  return Object.freeze({ value, timestampMs, siteId });
}

/**
 * Orders two writes: the later time wins; at the same time the higher site id (natural order, as
 * replication's LAST_WRITER_WINS); at the same time and site the greater value, so every replica
 * picks the same one whatever the order it merges in.
 */
export function compareStamps(a: Pick<LwwRegister, 'timestampMs' | 'siteId'>, b: Pick<LwwRegister, 'timestampMs' | 'siteId'>): number {
  if (a.timestampMs !== b.timestampMs) return a.timestampMs < b.timestampMs ? -1 : 1;
  // Code-unit order settles names the natural order calls equal (site-01, site-1).
  return naturalCompare(a.siteId, b.siteId) || (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0);
}

export function lwwMerge<T extends JsonValue>(a: LwwRegister<T>, b: LwwRegister<T>): LwwRegister<T> {
  const order = compareStamps(a, b) || compareJson(a.value, b.value);
  return order >= 0 ? a : b;
}
