/** The consistent-hash ring's contract, run against every hash function. */
import { describe, expect, it } from 'vitest';
import { HASH_SPACE_SIZE, fnv1aHashFunction, murmur3HashFunction, tokenOf, type HashFunction } from '../../../src/engines/dht/hash-function.js';
import { HashRing, type Vnode } from '../../../src/engines/dht/hash-ring.js';
import { loadSpreadOf } from '../../../src/engines/dht/load-spread.js';

const KEY_COUNT = 20_000;
const keys = Array.from({ length: KEY_COUNT }, (_, index) => `user:${index}`);

function ringOf(hashFunction: HashFunction, nodeCount: number, vnodesPerNode: number): HashRing {
  let ring = HashRing.empty(hashFunction);
  for (let number = 1; number <= nodeCount; number += 1) ring = ring.withNode(`node-${number}`, vnodesPerNode);
  return ring;
}

function ownersOf(ring: HashRing): string[] {
  return keys.map((key) => ring.ownerOf(key).nodeId);
}

function ownershipStandardDeviation(ring: HashRing): number {
  const owned = [...ring.ownedTokenCounts().values()];
  return loadSpreadOf(owned.map((load) => ({ load, weight: 1 })))!.standardDeviation;
}

describe.each<[string, HashFunction]>([
  ['MurmurHash3', murmur3HashFunction(0)],
  ['FNV-1a', fnv1aHashFunction],
])('HashRing over %s', (_name, hashFunction) => {
  it('is deterministic: the same members give the same ring, whatever the order they joined in', () => {
    const forward = ringOf(hashFunction, 5, 64);
    let backward = HashRing.empty(hashFunction);
    for (let number = 5; number >= 1; number -= 1) backward = backward.withNode(`node-${number}`, 64);
    expect(backward.entries(0, backward.vnodeCount)).toEqual(forward.entries(0, forward.vnodeCount));
    expect(ownersOf(backward)).toEqual(ownersOf(forward));
    expect(backward.nodeIds()).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
  });

  it('routes a key to the first vnode at or after its token, wrapping past the top of the space', () => {
    const ring = ringOf(hashFunction, 4, 16);
    const vnodes = ring.entries(0, ring.vnodeCount);
    for (const key of keys.slice(0, 500)) {
      const token = tokenOf(hashFunction, key);
      const expected = vnodes.find((vnode) => vnode.token >= token) ?? vnodes[0]!;
      expect(ring.ownerOf(key)).toEqual({ token: expected.token, nodeId: expected.nodeId, vnodeIndex: expected.vnodeIndex });
    }
    const last = vnodes.at(-1)!;
    expect(ring.ownerOfToken(last.token).token).toBe(last.token);
    // Past the last vnode, the ring wraps to the first.
    expect(ring.ownerOfToken(last.token + 1).token).toBe(vnodes[0]!.token);
    expect(ring.ownerOfToken(0).token).toBe(vnodes[0]!.token);
  });

  it('lists vnodes sorted by token, and their ranges cover the hash space exactly once', () => {
    const ring = ringOf(hashFunction, 6, 32);
    const entries = ring.entries(0, ring.vnodeCount);
    expect(entries).toHaveLength(6 * 32);
    for (let index = 1; index < entries.length; index += 1) expect(entries[index]!.token).toBeGreaterThanOrEqual(entries[index - 1]!.token);
    expect(entries.reduce((sum, entry) => sum + entry.rangeSize, 0)).toBe(HASH_SPACE_SIZE);
    expect([...ring.ownedTokenCounts().values()].reduce((sum, owned) => sum + owned, 0)).toBe(HASH_SPACE_SIZE);
  });

  it.each([4, 9])('adding a node to %i moves about 1/(N+1) of the keys, and only to the new node', (nodeCount) => {
    const before = ringOf(hashFunction, nodeCount, 128);
    const after = before.withNode(`node-${nodeCount + 1}`, 128);
    const ownersBefore = ownersOf(before);
    const ownersAfter = ownersOf(after);
    let moved = 0;
    for (let index = 0; index < KEY_COUNT; index += 1) {
      if (ownersBefore[index] === ownersAfter[index]) continue;
      moved += 1;
      expect(ownersAfter[index]).toBe(`node-${nodeCount + 1}`);
    }
    const fairShare = KEY_COUNT / (nodeCount + 1);
    expect(moved).toBeGreaterThan(fairShare * 0.7);
    expect(moved).toBeLessThan(fairShare * 1.3);
  });

  it('removing a node moves only its keys, spread over the others', () => {
    const before = ringOf(hashFunction, 6, 128);
    const after = before.withoutNode('node-3');
    const ownersBefore = ownersOf(before);
    const ownersAfter = ownersOf(after);
    const receivers = new Set<string>();
    for (let index = 0; index < KEY_COUNT; index += 1) {
      if (ownersBefore[index] === 'node-3') receivers.add(ownersAfter[index]!);
      else expect(ownersAfter[index]).toBe(ownersBefore[index]);
    }
    expect(receivers.size).toBe(5);
    expect(after.has('node-3')).toBe(false);
  });

  it('a removed node\'s keys go to the next node of their preference list', () => {
    const before = ringOf(hashFunction, 5, 64);
    const after = before.withoutNode('node-2');
    for (const key of keys.slice(0, 2000)) {
      const [owner, successor] = before.preferenceList(key, 2);
      expect(after.ownerOf(key).nodeId).toBe(owner === 'node-2' ? successor : owner);
    }
  });

  it('spreads ownership more evenly with more vnodes', () => {
    const deviations = [1, 16, 256].map((vnodes) => ownershipStandardDeviation(ringOf(hashFunction, 10, vnodes)));
    expect(deviations[1]).toBeLessThan(deviations[0]!);
    expect(deviations[2]).toBeLessThan(deviations[1]!);
    expect(deviations[2]).toBeLessThan(0.15);
  });

  it('routes keys in proportion to ownership', () => {
    const ring = ringOf(hashFunction, 8, 256);
    const counts = new Map<string, number>();
    for (const owner of ownersOf(ring)) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    const spread = loadSpreadOf([...counts.values()].map((load) => ({ load, weight: 1 })))!;
    expect(spread.maxOverMean).toBeLessThan(1.3);
    expect(spread.minOverMean).toBeGreaterThan(0.7);
  });

  it('gives a preference list of distinct nodes, owner first, in clockwise order', () => {
    const ring = ringOf(hashFunction, 5, 32);
    const vnodes = ring.entries(0, ring.vnodeCount);
    for (const key of keys.slice(0, 300)) {
      const list = ring.preferenceList(key, 3);
      expect(list).toHaveLength(3);
      expect(new Set(list).size).toBe(3);
      expect(list[0]).toBe(ring.ownerOf(key).nodeId);
      // The walk from the owner's vnode meets the list's nodes first in that order.
      const start = vnodes.findIndex((vnode) => vnode.token === ring.ownerOf(key).token && vnode.nodeId === list[0]);
      const walked: string[] = [];
      for (let step = 0; walked.length < 3; step += 1) {
        const { nodeId } = vnodes[(start + step) % vnodes.length]!;
        if (!walked.includes(nodeId)) walked.push(nodeId);
      }
      expect(list).toEqual(walked);
    }
    expect(ring.preferenceList('k', 9)).toHaveLength(5);
    expect(ring.preferenceList('k', 0)).toEqual([]);
  });

  it('does not change when a node is added: rings are values', () => {
    const ring = ringOf(hashFunction, 3, 8);
    const entries = ring.entries(0, ring.vnodeCount);
    ring.withNode('node-4', 8);
    ring.withoutNode('node-1');
    expect(ring.entries(0, ring.vnodeCount)).toEqual(entries);
  });
});

/** A hash function that gives the tokens of a table (0 for strings it does not know). */
function tableHash(tokens: Record<string, number>): HashFunction {
  const decoder = new TextDecoder();
  return { name: 'MURMUR3', hashBytes: (bytes) => tokens[decoder.decode(bytes)] ?? 0 };
}

describe('HashRing with chosen tokens', () => {
  const hashFunction = tableHash({ '0#node-a': 100, '1#node-a': 300, '0#node-b': 200, '0#node-c': 300, low: 150, high: 301, exact: 200 });

  it('gives each vnode the tokens after the previous one up to its own; the first also wraps', () => {
    const ring = HashRing.empty(hashFunction).withNode('node-a', 2).withNode('node-b', 1);
    expect(ring.entries(0, 10)).toEqual([
      { token: 100, nodeId: 'node-a', vnodeIndex: 0, rangeSize: 100 + HASH_SPACE_SIZE - 300 },
      { token: 200, nodeId: 'node-b', vnodeIndex: 0, rangeSize: 100 },
      { token: 300, nodeId: 'node-a', vnodeIndex: 1, rangeSize: 100 },
    ]);
    expect(ring.ownerOf('low').nodeId).toBe('node-b');
    expect(ring.ownerOf('exact').nodeId).toBe('node-b');
    expect(ring.ownerOf('high').nodeId).toBe('node-a');
    expect(ring.ownerOf('high').vnodeIndex).toBe(0);
  });

  it('breaks a token tie by node id: the first owns the range, the other owns nothing', () => {
    const ring = HashRing.empty(hashFunction).withNode('node-c', 1).withNode('node-a', 2);
    const entries = ring.entries(0, 10);
    expect(entries.map((entry: Vnode) => [entry.token, entry.nodeId])).toEqual([[100, 'node-a'], [300, 'node-a'], [300, 'node-c']]);
    expect(entries[2]!.rangeSize).toBe(0);
    expect(ring.ownedTokenCounts().get('node-c')).toBe(0);
    expect(ring.ownerOfToken(250).nodeId).toBe('node-a');
  });

  it('a single vnode owns the whole space', () => {
    const ring = HashRing.empty(hashFunction).withNode('node-b', 1);
    expect(ring.ownedTokenCounts().get('node-b')).toBe(HASH_SPACE_SIZE);
    expect(ring.ownerOfToken(0).nodeId).toBe('node-b');
    expect(ring.ownerOfToken(HASH_SPACE_SIZE - 1).nodeId).toBe('node-b');
  });
});
