import { describe, expect, it } from 'vitest';
import { MAX_RING_PAGE, MAX_VNODES_PER_NODE, validateDhtConfig } from '../../../src/engines/dht/dht-config.js';
import { DistributedHashTable, MAX_KEY_LENGTH } from '../../../src/engines/dht/distributed-hash-table.js';
import { HASH_SPACE_SIZE } from '../../../src/engines/dht/hash-function.js';
import { loadSpreadOf } from '../../../src/engines/dht/load-spread.js';

const domainError = (code: string) => expect.objectContaining({ name: 'DomainError', code });

function tableOf(nodeCount: number, config = {}): DistributedHashTable {
  const dht = new DistributedHashTable(config);
  for (let number = 1; number <= nodeCount; number += 1) dht.addNode({ nodeId: `node-${number}` });
  return dht;
}

describe('DistributedHashTable', () => {
  it('lists its nodes in node-id order with vnodes and ownership that adds up to the whole space', () => {
    const dht = new DistributedHashTable({ vnodesPerNode: 64 });
    for (const nodeId of ['node-10', 'node-2', 'node-1']) dht.addNode({ nodeId });
    const nodes = dht.nodes();
    expect(nodes.map((node) => node.nodeId)).toEqual(['node-1', 'node-2', 'node-10']);
    expect(nodes.every((node) => node.vnodeCount === 64 && node.weight === 1 && node.routedKeys === 0)).toBe(true);
    expect(nodes.reduce((sum, node) => sum + node.ownedTokenCount, 0)).toBe(HASH_SPACE_SIZE);
    expect(nodes.reduce((sum, node) => sum + node.ownershipPercent, 0)).toBeCloseTo(100, 9);
  });

  it('routes a key to its owner with replicas, and counts every routed key', () => {
    const dht = tableOf(4);
    const first = dht.route('order:42', 3);
    expect(first.preferenceList).toHaveLength(3);
    expect(first.preferenceList[0]).toBe(first.nodeId);
    expect(dht.currentRing().ownerOfToken(first.token)).toEqual({ token: first.vnodeToken, nodeId: first.nodeId, vnodeIndex: first.vnodeIndex });
    // The same key always goes to the same node.
    expect(dht.route('order:42')).toEqual({ ...first, preferenceList: [first.nodeId] });

    for (let index = 0; index < 998; index += 1) dht.route(`order:${index}`);
    const statistics = dht.statistics();
    expect(statistics.routedKeys).toBe(1000);
    expect(statistics.routedKeysByNode.reduce((sum, node) => sum + node.routedKeys, 0)).toBe(1000);
    expect(dht.node(first.nodeId).routedKeys).toBe(statistics.routedKeysByNode.find((node) => node.nodeId === first.nodeId)!.routedKeys);
    expect(statistics.routedKeySpread!.maxOverMean).toBeLessThan(1.5);
  });

  it('looking at the ring does not count as routing', () => {
    const dht = tableOf(3);
    dht.currentRing().ownerOf('k');
    dht.ringPage();
    dht.nodes();
    expect(dht.statistics().routedKeys).toBe(0);
    expect(dht.statistics().routedKeySpread).toBeNull();
  });

  it('gives a node of weight 2 twice the vnodes and about twice the share', () => {
    const dht = new DistributedHashTable({ vnodesPerNode: 128 });
    dht.addNode({ nodeId: 'node-1' });
    dht.addNode({ nodeId: 'node-2' });
    const heavy = dht.addNode({ nodeId: 'node-3', weight: 2 });
    expect(heavy.vnodeCount).toBe(256);
    expect(heavy.ownershipPercent).toBeGreaterThan(40);
    expect(heavy.ownershipPercent).toBeLessThan(60);
    // The spread is relative to weight: node-3 owning half is its fair share.
    const spread = dht.statistics().ownershipSpread!;
    expect(spread.maxOverMean).toBeLessThan(1.2);
    expect(spread.minOverMean).toBeGreaterThan(0.8);
  });

  it('gives even a tiny weight one vnode', () => {
    const dht = new DistributedHashTable({ vnodesPerNode: 10 });
    expect(dht.addNode({ nodeId: 'node-1', weight: 0.01 }).vnodeCount).toBe(1);
  });

  it('forgets a removed node and its counts; the total keeps them', () => {
    const dht = tableOf(3);
    for (let index = 0; index < 300; index += 1) dht.route(`k${index}`);
    const removed = dht.removeNode('node-2');
    expect(removed.routedKeys).toBeGreaterThan(0);
    expect(dht.hasNode('node-2')).toBe(false);
    const statistics = dht.statistics();
    expect(statistics.nodeCount).toBe(2);
    expect(statistics.vnodeCount).toBe(256);
    expect(statistics.routedKeys).toBe(300);
    expect(statistics.routedKeysByNode.map((node) => node.nodeId)).toEqual(['node-1', 'node-3']);
    // Re-joining starts a fresh count.
    expect(dht.addNode({ nodeId: 'node-2' }).routedKeys).toBe(0);
  });

  it('pages through the ring in a stable order', () => {
    const dht = tableOf(5, { vnodesPerNode: 30 });
    const pages = [0, 40, 80, 120].map((offset) => dht.ringPage(offset, 40));
    expect(pages.map((page) => page.total)).toEqual([150, 150, 150, 150]);
    expect(pages.map((page) => page.entries.length)).toEqual([40, 40, 40, 30]);
    const all = pages.flatMap((page) => page.entries);
    expect(all).toEqual(dht.ringPage(0, 150).entries);
    for (let index = 1; index < all.length; index += 1) expect(all[index]!.token).toBeGreaterThanOrEqual(all[index - 1]!.token);
    expect(dht.ringPage(150, 10).entries).toEqual([]);
  });

  it('reports the spread of ownership, which shrinks with more vnodes', () => {
    const coarse = tableOf(8, { vnodesPerNode: 4 }).statistics();
    const fine = tableOf(8, { vnodesPerNode: 512 }).statistics();
    expect(coarse).toMatchObject({ hashFunction: 'MURMUR3', vnodesPerNode: 4, nodeCount: 8, vnodeCount: 32 });
    expect(fine.ownershipSpread!.standardDeviation).toBeLessThan(coarse.ownershipSpread!.standardDeviation);
    expect(fine.ownershipSpread!.maxOverMean).toBeLessThan(coarse.ownershipSpread!.maxOverMean);
    expect(new DistributedHashTable().statistics().ownershipSpread).toBeNull();
  });

  it('reconfigures by rebuilding the ring; a rejected configuration changes nothing', () => {
    const dht = tableOf(3, { vnodesPerNode: 16 });
    const before = dht.ringPage(0, 48).entries;
    expect(() => dht.reconfigure({ vnodesPerNode: 0 })).toThrow(domainError('UNPROCESSABLE'));
    expect(dht.ringPage(0, 48).entries).toEqual(before);

    dht.reconfigure({ vnodesPerNode: 32, hashFunction: 'FNV1A' });
    expect(dht.getConfig()).toEqual({ hashFunction: 'FNV1A', hashSeed: 0, vnodesPerNode: 32 });
    expect(dht.nodes().map((node) => node.vnodeCount)).toEqual([32, 32, 32]);
    expect(dht.statistics().hashFunction).toBe('FNV1A');
  });

  it('rebuilds the same ring from its snapshot', () => {
    const dht = new DistributedHashTable({ hashFunction: 'MURMUR3', hashSeed: 7, vnodesPerNode: 20 });
    dht.addNode({ nodeId: 'node-3', weight: 1.5 });
    dht.addNode({ nodeId: 'node-1' });
    const snapshot = dht.snapshot();
    expect(snapshot.nodes).toEqual([{ nodeId: 'node-1', weight: 1 }, { nodeId: 'node-3', weight: 1.5 }]);
    const restored = new DistributedHashTable(snapshot.config, snapshot.nodes);
    expect(restored.ringPage(0, 100)).toEqual(dht.ringPage(0, 100));
  });

  describe('refuses', () => {
    it('a node already on the ring (CONFLICT) and an unknown node (NOT_FOUND)', () => {
      const dht = tableOf(1);
      expect(() => dht.addNode({ nodeId: 'node-1' })).toThrow(domainError('CONFLICT'));
      expect(() => dht.removeNode('node-9')).toThrow(domainError('NOT_FOUND'));
      expect(() => dht.node('node-9')).toThrow(domainError('NOT_FOUND'));
    });

    it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 65])('weight %s (UNPROCESSABLE)', (weight) => {
      expect(() => new DistributedHashTable().addNode({ nodeId: 'node-1', weight })).toThrow(domainError('UNPROCESSABLE'));
    });

    it('a weight that would give a node more than the maximum of vnodes', () => {
      const dht = new DistributedHashTable({ vnodesPerNode: MAX_VNODES_PER_NODE });
      expect(() => dht.addNode({ nodeId: 'node-1', weight: 1.5 })).toThrow(domainError('UNPROCESSABLE'));
      expect(dht.nodes()).toEqual([]);
    });

    it('to route on an empty ring (CONFLICT), or a bad key or replica count (UNPROCESSABLE)', () => {
      expect(() => new DistributedHashTable().route('k')).toThrow(domainError('CONFLICT'));
      const dht = tableOf(2);
      expect(() => dht.route('k'.repeat(MAX_KEY_LENGTH + 1))).toThrow(domainError('UNPROCESSABLE'));
      expect(() => dht.route('k', 0)).toThrow(domainError('UNPROCESSABLE'));
      expect(() => dht.route('k', 17)).toThrow(domainError('UNPROCESSABLE'));
      expect(dht.statistics().routedKeys).toBe(0);
    });

    it('a page outside its limits', () => {
      const dht = tableOf(1);
      expect(() => dht.ringPage(-1, 10)).toThrow(domainError('UNPROCESSABLE'));
      expect(() => dht.ringPage(0, 0)).toThrow(domainError('UNPROCESSABLE'));
      expect(() => dht.ringPage(0, MAX_RING_PAGE + 1)).toThrow(domainError('UNPROCESSABLE'));
    });
  });
});

describe('validateDhtConfig', () => {
  it('fills defaults', () => {
    expect(validateDhtConfig()).toEqual({ hashFunction: 'MURMUR3', hashSeed: 0, vnodesPerNode: 128 });
    expect(validateDhtConfig({ vnodesPerNode: undefined, hashFunction: 'FNV1A' })).toEqual({ hashFunction: 'FNV1A', hashSeed: 0, vnodesPerNode: 128 });
  });

  it('lists every problem at once', () => {
    expect(() => validateDhtConfig({ hashFunction: 'MD5' as never, hashSeed: -1, vnodesPerNode: MAX_VNODES_PER_NODE + 1 })).toThrow(
      expect.objectContaining({
        code: 'UNPROCESSABLE',
        details: {
          problems: [
            'hashFunction must be one of MURMUR3, FNV1A',
            'hashSeed must be an unsigned 32-bit integer',
            `vnodesPerNode must be a whole number from 1 to ${MAX_VNODES_PER_NODE}`,
          ],
        },
      }),
    );
  });
});

describe('loadSpreadOf', () => {
  it('is null with nothing to spread', () => {
    expect(loadSpreadOf([])).toBeNull();
    expect(loadSpreadOf([{ load: 0, weight: 1 }])).toBeNull();
  });

  it('describes load factors relative to weight', () => {
    expect(loadSpreadOf([{ load: 10, weight: 1 }, { load: 10, weight: 1 }])).toEqual({
      meanLoadFactor: 1,
      variance: 0,
      standardDeviation: 0,
      maxOverMean: 1,
      minOverMean: 1,
    });
    // Loads 30/10 with equal weights: factors 1.5 and 0.5.
    expect(loadSpreadOf([{ load: 30, weight: 1 }, { load: 10, weight: 1 }])).toEqual({
      meanLoadFactor: 1,
      variance: 0.25,
      standardDeviation: 0.5,
      maxOverMean: 1.5,
      minOverMean: 0.5,
    });
    // The same loads are exactly fair when the first node weighs three times the second.
    expect(loadSpreadOf([{ load: 30, weight: 3 }, { load: 10, weight: 1 }])).toMatchObject({ variance: 0, maxOverMean: 1 });
  });
});
