import { assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { HASH_SPACE_SIZE, tokenOf, type HashFunction } from './hash-function.js';

/** One point of a node on the ring. It owns the tokens after the previous vnode's, up to and including its own. */
export interface Vnode {
  token: number;
  nodeId: string;
  /** 0..vnodeCount-1 within its node; the vnode's token is the hash of `${vnodeIndex}#${nodeId}`. */
  vnodeIndex: number;
}

/** A vnode with the size of the token range it owns. */
export interface RingEntry extends Vnode {
  /** Tokens in (previous vnode's token, token]: how many hash values land on this vnode. 0 for a tie. */
  rangeSize: number;
}

/**
 * An immutable consistent-hash ring with virtual nodes. Adding or removing a node returns a new
 * ring, so a caller can compare two rings (which keys a change would move) without touching the
 * live one.
 *
 * Vnodes are kept sorted by (token, nodeId in natural order, vnodeIndex): two vnodes can share a
 * token (32-bit space), and this order decides which one owns it, the same way on every run.
 */
export class HashRing {
  private ownedTokens: ReadonlyMap<string, number> | null = null;

  private constructor(
    readonly hashFunction: HashFunction,
    /** nodeId → vnode count, in natural node-id order. */
    private readonly vnodeCounts: ReadonlyMap<string, number>,
    /** Sorted as described above. */
    private readonly sorted: readonly Vnode[],
    /** sorted[i].token, for the binary search. */
    private readonly tokens: Uint32Array,
  ) {}

  static empty(hashFunction: HashFunction): HashRing {
    return new HashRing(hashFunction, new Map(), [], new Uint32Array(0));
  }

  get nodeCount(): number {
    return this.vnodeCounts.size;
  }

  get vnodeCount(): number {
    return this.sorted.length;
  }

  has(nodeId: string): boolean {
    return this.vnodeCounts.has(nodeId);
  }

  /** Node ids in natural order (node-2 before node-10). */
  nodeIds(): string[] {
    return [...this.vnodeCounts.keys()];
  }

  vnodeCountOf(nodeId: string): number {
    const count = this.vnodeCounts.get(nodeId);
    assert(count !== undefined, `node ${nodeId} is on the ring`);
    return count;
  }

  /** A ring with `nodeId` added as `vnodeCount` vnodes. */
  withNode(nodeId: string, vnodeCount: number): HashRing {
    return this.withNodes([{ nodeId, vnodeCount }]);
  }

  /**
   * A ring with every given node added. Sorts only the new vnodes and merges them into the ring,
   * so placing a thousand nodes at start costs one merge, not a thousand.
   */
  withNodes(nodes: readonly { nodeId: string; vnodeCount: number }[]): HashRing {
    const counts = new Map(this.vnodeCounts);
    const added: Vnode[] = [];
    for (const { nodeId, vnodeCount } of nodes) {
      assert(!counts.has(nodeId), `node ${nodeId} is not on the ring yet`);
      assert(Number.isSafeInteger(vnodeCount) && vnodeCount >= 1, `vnodeCount ${vnodeCount} is a positive integer`);
      counts.set(nodeId, vnodeCount);
      for (let vnodeIndex = 0; vnodeIndex < vnodeCount; vnodeIndex += 1) {
        added.push({ token: tokenOf(this.hashFunction, vnodeKey(nodeId, vnodeIndex)), nodeId, vnodeIndex });
      }
    }
    added.sort(compareVnodes);
    const merged: Vnode[] = [];
    let left = 0;
    let right = 0;
    while (left < this.sorted.length || right < added.length) {
      const fromRing = this.sorted[left];
      const fromAdded = added[right];
      if (fromAdded === undefined || (fromRing !== undefined && compareVnodes(fromRing, fromAdded) <= 0)) {
        merged.push(fromRing!);
        left += 1;
      } else {
        merged.push(fromAdded);
        right += 1;
      }
    }
    return new HashRing(this.hashFunction, sortedByNodeId(counts), Object.freeze(merged), tokensOf(merged));
  }

  withoutNode(nodeId: string): HashRing {
    assert(this.vnodeCounts.has(nodeId), `node ${nodeId} is on the ring`);
    const kept = this.sorted.filter((vnode) => vnode.nodeId !== nodeId);
    const counts = new Map(this.vnodeCounts);
    counts.delete(nodeId);
    return new HashRing(this.hashFunction, counts, Object.freeze(kept), tokensOf(kept));
  }

  /** The vnode that owns `token`: the first at or after it, clockwise, wrapping past 2^32 - 1. */
  ownerOfToken(token: number): Vnode {
    assert(this.sorted.length > 0, 'the ring has vnodes');
    return this.sorted[this.positionOf(token)]!;
  }

  /** The vnode that owns `key`. */
  ownerOf(key: string): Vnode {
    return this.ownerOfToken(tokenOf(this.hashFunction, key));
  }

  /**
   * The first `count` distinct nodes met walking clockwise from the key's token: the owner, then
   * the replicas. Vnodes of a node already listed are skipped. Shorter when the ring has fewer nodes.
   */
  preferenceList(key: string, count: number): string[] {
    return this.preferenceListOfToken(tokenOf(this.hashFunction, key), count);
  }

  preferenceListOfToken(token: number, count: number): string[] {
    assert(Number.isSafeInteger(count) && count >= 0, `count ${count} is a whole number`);
    const wanted = Math.min(count, this.vnodeCounts.size);
    const nodeIds: string[] = [];
    if (wanted === 0) return nodeIds;
    const start = this.positionOf(token);
    for (let step = 0; step < this.sorted.length && nodeIds.length < wanted; step += 1) {
      const { nodeId } = this.sorted[(start + step) % this.sorted.length]!;
      if (!nodeIds.includes(nodeId)) nodeIds.push(nodeId);
    }
    return nodeIds;
  }

  /** Vnodes in ring order from `offset`, at most `limit`, with the size of the range each owns. */
  entries(offset: number, limit: number): RingEntry[] {
    const end = Math.min(this.sorted.length, offset + limit);
    const page: RingEntry[] = [];
    for (let position = offset; position < end; position += 1) {
      const vnode = this.sorted[position]!;
      page.push({ ...vnode, rangeSize: this.rangeSizeAt(position) });
    }
    return page;
  }

  /** Tokens owned by each node, in node-id order; they sum to 2^32 when the ring is not empty. */
  ownedTokenCounts(): ReadonlyMap<string, number> {
    if (this.ownedTokens === null) {
      const owned = new Map<string, number>([...this.vnodeCounts.keys()].map((nodeId) => [nodeId, 0]));
      for (let position = 0; position < this.sorted.length; position += 1) {
        const { nodeId } = this.sorted[position]!;
        owned.set(nodeId, owned.get(nodeId)! + this.rangeSizeAt(position));
      }
      this.ownedTokens = owned;
    }
    return this.ownedTokens;
  }

  private rangeSizeAt(position: number): number {
    const token = this.tokens[position]!;
    if (position > 0) return token - this.tokens[position - 1]!;
    // The first vnode also owns the wrap-around: everything after the last token.
    return token + HASH_SPACE_SIZE - this.tokens[this.tokens.length - 1]!;
  }

  /** Index of the first vnode whose token is >= `token`, or 0 past the last (the ring wraps). */
  private positionOf(token: number): number {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.tokens[middle]! < token) low = middle + 1;
      else high = middle;
    }
    return low === this.tokens.length ? 0 : low;
  }
}

/**
 * What a vnode's token is the hash of. The index comes first: FNV-1a's last bytes barely reach
 * the high bits of the hash, so `node-1#0`, `node-1#1`... would bunch a node's vnodes together.
 */
export function vnodeKey(nodeId: string, vnodeIndex: number): string {
  return `${vnodeIndex}#${nodeId}`;
}

function compareVnodes(a: Vnode, b: Vnode): number {
  return a.token - b.token || naturalCompare(a.nodeId, b.nodeId) || a.vnodeIndex - b.vnodeIndex;
}

function tokensOf(vnodes: readonly Vnode[]): Uint32Array {
  return Uint32Array.from(vnodes, (vnode) => vnode.token);
}

function sortedByNodeId(counts: Map<string, number>): Map<string, number> {
  return new Map([...counts].sort(([a], [b]) => naturalCompare(a, b)));
}
