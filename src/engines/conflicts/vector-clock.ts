/**
 * Version vectors: one counter per site that wrote a row (see README, "Vector clocks": why not
 * dotted version vectors). Pure and immutable; a stored clock keeps no zero entries, so equal
 * clocks are equal JSON.
 */
import { DomainError } from '../runtime/domain-error.js';

/** `{ [siteId]: counter }`; an absent site is 0. */
export type VectorClock = Readonly<Record<string, number>>;

export type ClockOrder = 'BEFORE' | 'AFTER' | 'EQUAL' | 'CONCURRENT';

/** Sites one clock may name: a group's sites bound it (mm's `MAX_GROUP_SITES` is below it). */
export const MAX_CLOCK_ENTRIES = 64;

export const EMPTY_CLOCK: VectorClock = Object.freeze({});

/** The clock of the site's next write after `clock`. */
export function incrementClock(clock: VectorClock, siteId: string): VectorClock {
  const next = { ...clock, [siteId]: (clock[siteId] ?? 0) + 1 };
  if (Object.keys(next).length > MAX_CLOCK_ENTRIES) {
    throw new DomainError('UNPROCESSABLE', `A vector clock holds at most ${MAX_CLOCK_ENTRIES} sites.`, { siteId, limit: MAX_CLOCK_ENTRIES });
  }
  return sortedClock(next);
}

/** Pointwise maximum: what a site knows after applying both. */
export function mergeClocks(a: VectorClock, b: VectorClock): VectorClock {
  const merged: Record<string, number> = { ...a };
  for (const [siteId, counter] of Object.entries(b)) merged[siteId] = Math.max(merged[siteId] ?? 0, counter);
  return sortedClock(merged);
}

/**
 * How `a` relates to `b`: `BEFORE` when every entry of a is ≤ b's and one is smaller (b saw a),
 * `AFTER` the reverse, `EQUAL`, or `CONCURRENT` when neither saw the other (a conflict).
 */
export function compareClocks(a: VectorClock, b: VectorClock): ClockOrder {
  let aBehind = false;
  let bBehind = false;
  for (const siteId of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[siteId] ?? 0;
    const right = b[siteId] ?? 0;
    if (left < right) aBehind = true;
    else if (left > right) bBehind = true;
  }
  if (aBehind && bBehind) return 'CONCURRENT';
  if (aBehind) return 'BEFORE';
  if (bBehind) return 'AFTER';
  return 'EQUAL';
}

/** True when `a` saw everything `b` saw (AFTER or EQUAL). */
export function descends(a: VectorClock, b: VectorClock): boolean {
  const order = compareClocks(a, b);
  return order === 'AFTER' || order === 'EQUAL';
}

/** Checks a clock from outside: site ids non-empty, counters non-negative safe integers. */
export function isVectorClock(value: unknown): value is VectorClock {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length <= MAX_CLOCK_ENTRIES && entries.every(([siteId, counter]) => siteId.length > 0 && Number.isSafeInteger(counter) && (counter as number) >= 0);
}

/** Keys in order and zero entries dropped, so equal clocks serialize alike. */
function sortedClock(clock: Record<string, number>): VectorClock {
  const sorted: Record<string, number> = {};
  for (const siteId of Object.keys(clock).sort()) if (clock[siteId]! > 0) sorted[siteId] = clock[siteId]!;
  return Object.freeze(sorted);
}
