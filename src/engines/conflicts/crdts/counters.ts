/** Grow-only and positive-negative counters (Shapiro et al., §3.1.1 and §3.1.2). */
import { DomainError } from '../../runtime/domain-error.js';

/** `{ [siteId]: count }`: each site's own increments. */
export type GCounter = Readonly<Record<string, number>>;

/** Increments and decrements as two grow-only counters. */
export interface PnCounter {
  readonly increments: GCounter;
  readonly decrements: GCounter;
}

export const EMPTY_G_COUNTER: GCounter = Object.freeze({});
export const EMPTY_PN_COUNTER: PnCounter = Object.freeze({ increments: EMPTY_G_COUNTER, decrements: EMPTY_G_COUNTER });

/** @throws UNPROCESSABLE for a negative or non-finite amount (a G-Counter only grows). */
export function gCounterIncrement(counter: GCounter, siteId: string, by = 1): GCounter {
  if (!Number.isFinite(by) || by < 0) throw new DomainError('UNPROCESSABLE', `A G-Counter only grows: ${by} is not a non-negative amount.`, { by });
  if (by === 0) return counter;
  return sorted({ ...counter, [siteId]: (counter[siteId] ?? 0) + by });
}

export function gCounterValue(counter: GCounter): number {
  let total = 0;
  for (const count of Object.values(counter)) total += count;
  return total;
}

export function gCounterMerge(a: GCounter, b: GCounter): GCounter {
  const merged: Record<string, number> = { ...a };
  for (const [siteId, count] of Object.entries(b)) merged[siteId] = Math.max(merged[siteId] ?? 0, count);
  return sorted(merged);
}

export function pnCounterIncrement(counter: PnCounter, siteId: string, by = 1): PnCounter {
  return Object.freeze({ increments: gCounterIncrement(counter.increments, siteId, by), decrements: counter.decrements });
}

export function pnCounterDecrement(counter: PnCounter, siteId: string, by = 1): PnCounter {
  return Object.freeze({ increments: counter.increments, decrements: gCounterIncrement(counter.decrements, siteId, by) });
}

/** Adds a signed amount: an increment or a decrement. */
export function pnCounterAdd(counter: PnCounter, siteId: string, delta: number): PnCounter {
  return delta >= 0 ? pnCounterIncrement(counter, siteId, delta) : pnCounterDecrement(counter, siteId, -delta);
}

export function pnCounterValue(counter: PnCounter): number {
  return gCounterValue(counter.increments) - gCounterValue(counter.decrements);
}

export function pnCounterMerge(a: PnCounter, b: PnCounter): PnCounter {
  return Object.freeze({ increments: gCounterMerge(a.increments, b.increments), decrements: gCounterMerge(a.decrements, b.decrements) });
}

function sorted(counter: Record<string, number>): GCounter {
  const result: Record<string, number> = {};
  for (const siteId of Object.keys(counter).sort()) result[siteId] = counter[siteId]!;
  return Object.freeze(result);
}
