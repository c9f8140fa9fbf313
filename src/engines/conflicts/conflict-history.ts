/**
 * Conflicts counted per window of cluster time, per table and key range: what the predictions
 * learn from. Bounded (`MAX_WINDOWS`), and a plain JSON state the book persists.
 */
import { murmur3HashFunction, tokenOf, HASH_SPACE_SIZE } from '../dht/hash-function.js';
import { KEY_RANGES, MAX_WINDOWS } from './conflicts-config.js';

/** One window's counts: `{ [tableName]: { [keyRange]: conflicts } }`. */
export type WindowCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface ConflictHistoryState {
  readonly windowMs: number;
  /** The first window the book saw (its start), as a window index (`floor(timeMs / windowMs)`). */
  readonly firstWindow: number;
  /** Windows that had conflicts, by index; missing indices after `firstWindow` had none. */
  readonly windows: readonly { readonly window: number; readonly counts: WindowCounts }[];
}

const keyHash = murmur3HashFunction(0);

/** The key range (0 to KEY_RANGES − 1) of a row key: its MurmurHash3 token, cut in equal ranges. */
export function keyRangeOf(rowKey: string): number {
  return Math.floor((tokenOf(keyHash, rowKey) * KEY_RANGES) / HASH_SPACE_SIZE);
}

export function emptyHistory(windowMs: number, nowMs: number): ConflictHistoryState {
  return { windowMs, firstWindow: Math.floor(nowMs / windowMs), windows: [] };
}

/** The history with one more conflict counted at `atMs`. */
export function countConflict(history: ConflictHistoryState, atMs: number, tableName: string, rowKey: string): ConflictHistoryState {
  const window = Math.max(history.firstWindow, Math.floor(atMs / history.windowMs));
  const range = String(keyRangeOf(rowKey));
  const windows = [...history.windows];
  let position = windows.findIndex((entry) => entry.window === window);
  if (position === -1) {
    windows.push({ window, counts: {} });
    windows.sort((a, b) => a.window - b.window);
    position = windows.findIndex((entry) => entry.window === window);
  }
  const counts = windows[position]!.counts;
  const table = counts[tableName] ?? {};
  windows[position] = { window, counts: { ...counts, [tableName]: { ...table, [range]: (table[range] ?? 0) + 1 } } };
  // Bounded by time, not by busy windows: windows older than the last MAX_WINDOWS go, and the history starts after them.
  const oldestKept = window - MAX_WINDOWS + 1;
  return { windowMs: history.windowMs, firstWindow: Math.max(history.firstWindow, oldestKept), windows: windows.filter((entry) => entry.window >= oldestKept) };
}
