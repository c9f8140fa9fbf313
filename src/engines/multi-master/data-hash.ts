/**
 * The hash of a site's group data, kept incrementally: the XOR of every row version's 64-bit
 * hash (two MurmurHash3 x86_32 of the dht engine, seeds 0 and 1), so a change XORs the old
 * version out and the new one in. Equal data gives equal hashes whatever order it arrived in.
 */
import { murmur3x86_32 } from '../dht/murmur3.js';
import type { RowVersion } from './row-version.js';

const encoder = new TextEncoder();

export interface DataHash {
  hi: number;
  lo: number;
}

export function emptyHash(): DataHash {
  return { hi: 0, lo: 0 };
}

/** The hash of one row version (its table, key, value, siblings, CRDT state and clock). */
export function versionHash(table: string, key: string, version: RowVersion): DataHash {
  const bytes = encoder.encode(canonicalJson([table, key, version.row, version.siblings, version.crdt, version.clock, version.dot]));
  return { hi: murmur3x86_32(bytes, 0), lo: murmur3x86_32(bytes, 1) };
}

export function xorInto(target: DataHash, entry: DataHash): void {
  target.hi = (target.hi ^ entry.hi) >>> 0;
  target.lo = (target.lo ^ entry.lo) >>> 0;
}

export function hexOf(hash: DataHash): string {
  return hash.hi.toString(16).padStart(8, '0') + hash.lo.toString(16).padStart(8, '0');
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
}

/** Where a key falls in the anti-entropy key space (0 .. 2^32-1). */
export function keyToken(table: string, key: string): number {
  return murmur3x86_32(encoder.encode(`${table}/${key}`), 0);
}
