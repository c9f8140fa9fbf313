/**
 * Merkle-style comparison of two sites' versions (README, "Anti-entropy"): the token space is cut
 * into `fanout` ranges, each summarized by the XOR of its versions' hashes; only ranges whose
 * summaries differ are cut again, down to ranges of at most `leafKeys` keys on either side, whose
 * keys are returned for exchange. Pure: it sees two lists of (token, key id, hash).
 */
import type { DataHash } from './data-hash.js';

export interface MerkleEntry {
  readonly token: number;
  readonly id: string;
  readonly hash: DataHash;
}

export interface MerkleComparison {
  /** Ranges whose summaries were compared. */
  rangesCompared: number;
  /** Ranges that differed and were cut again or compared key by key. */
  rangesDescended: number;
  /** Keys that differ (present on one side only, or with different versions). */
  differingIds: string[];
}

const TOKEN_SPACE = 2 ** 32;

export function compareMerkle(a: readonly MerkleEntry[], b: readonly MerkleEntry[], fanout: number, leafKeys: number): MerkleComparison {
  const result: MerkleComparison = { rangesCompared: 0, rangesDescended: 0, differingIds: [] };
  descend(a, b, 0, TOKEN_SPACE, fanout, leafKeys, result, 0);
  result.differingIds.sort();
  return result;
}

function descend(a: readonly MerkleEntry[], b: readonly MerkleEntry[], from: number, to: number, fanout: number, leafKeys: number, result: MerkleComparison, depth: number): void {
  const width = (to - from) / fanout;
  for (let index = 0; index < fanout; index += 1) {
    const low = from + index * width;
    const high = index === fanout - 1 ? to : from + (index + 1) * width;
    const left = a.filter((entry) => entry.token >= low && entry.token < high);
    const right = b.filter((entry) => entry.token >= low && entry.token < high);
    result.rangesCompared += 1;
    if (sameSummary(left, right)) continue;
    result.rangesDescended += 1;
    // Depth bounds the cut when many keys share a token range this narrow.
    if (Math.max(left.length, right.length) <= leafKeys || high - low < fanout || depth >= 8) {
      result.differingIds.push(...differing(left, right));
    } else {
      descend(left, right, low, high, fanout, leafKeys, result, depth + 1);
    }
  }
}

function sameSummary(a: readonly MerkleEntry[], b: readonly MerkleEntry[]): boolean {
  if (a.length !== b.length) return false;
  let hi = 0;
  let lo = 0;
  for (const entry of a) {
    hi ^= entry.hash.hi;
    lo ^= entry.hash.lo;
  }
  for (const entry of b) {
    hi ^= entry.hash.hi;
    lo ^= entry.hash.lo;
  }
  return hi === 0 && lo === 0;
}

function differing(a: readonly MerkleEntry[], b: readonly MerkleEntry[]): string[] {
  const theirs = new Map(b.map((entry) => [entry.id, entry.hash]));
  const ids = new Set<string>();
  for (const entry of a) {
    const other = theirs.get(entry.id);
    if (other === undefined || other.hi !== entry.hash.hi || other.lo !== entry.hash.lo) ids.add(entry.id);
    theirs.delete(entry.id);
  }
  for (const id of theirs.keys()) ids.add(id);
  return [...ids];
}
