/**
 * STAND-IN until the conflicts engine's `src/engines/conflicts/vector-clock.ts` is on main (seam 2);
 * deleted then. Version vectors: site → number of writes that site made to the row.
 */
export type VectorClock = Readonly<Record<string, number>>;

export type ClockOrder = 'BEFORE' | 'AFTER' | 'EQUAL' | 'CONCURRENT';

/** How `a` relates to `b`: BEFORE when b has seen everything a has and more. */
export function compareClocks(a: VectorClock, b: VectorClock): ClockOrder {
  let aAhead = false;
  let bAhead = false;
  for (const site of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[site] ?? 0;
    const right = b[site] ?? 0;
    if (left > right) aAhead = true;
    else if (right > left) bAhead = true;
  }
  if (aAhead && bAhead) return 'CONCURRENT';
  if (aAhead) return 'AFTER';
  if (bAhead) return 'BEFORE';
  return 'EQUAL';
}

/** The least clock that has seen both. */
export function mergeClocks(a: VectorClock, b: VectorClock): VectorClock {
  const merged: Record<string, number> = { ...a };
  for (const [site, count] of Object.entries(b)) merged[site] = Math.max(merged[site] ?? 0, count);
  return sortedClock(merged);
}

/** One more write at `site`. */
export function incrementClock(clock: VectorClock, site: string): VectorClock {
  return sortedClock({ ...clock, [site]: (clock[site] ?? 0) + 1 });
}

function sortedClock(clock: Record<string, number>): VectorClock {
  return Object.fromEntries(Object.entries(clock).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
