/** Distinct instants remembered; past this the memo starts over (a limit on everything). */
const MAX_REMEMBERED = 10_000;
const remembered = new Map<number, string>();

/**
 * ISO-8601 text of an epoch-millisecond instant, remembered: list responses format the same
 * join and heartbeat times on every request, and `toISOString` dominated their cost.
 */
export function isoTime(ms: number): string {
  let text = remembered.get(ms);
  if (text === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    text = new Date(ms).toISOString();
    remembered.set(ms, text);
  }
  return text;
}
