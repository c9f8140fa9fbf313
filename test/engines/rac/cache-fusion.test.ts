/** Cache Fusion on a quiet 3-instance cluster: transfers, downgrades, past images, flush. */
import { afterEach, describe, expect, it } from 'vitest';
import { startRac, type RacHarness } from './harness.js';

const IDS = ['node-1', 'node-2', 'node-3'];
let harness: RacHarness;

afterEach(async () => {
  await harness?.close();
});

/** A block mastered by `master` (placement is by hashing, so look one up). */
function blockMasteredBy(h: RacHarness, master: string): string {
  const blockId = h.cluster.storage.blockIds().find((id) => h.cluster.grd.masterOf(id) === master);
  if (blockId === undefined) throw new Error(`no block hashes to ${master}`);
  return blockId;
}

describe('cache fusion', () => {
  it('reads a block nobody holds from disk (a miss), then hits', async () => {
    harness = await startRac({ instanceIds: IDS });
    const { cluster } = harness;
    const blockId = blockMasteredBy(harness, 'node-2');
    const first = cluster.read('node-1', blockId);
    expect(first.status).toBe('PENDING');
    await harness.advance(20);
    expect(first.status).toBe('DONE');
    expect(first.result?.hit).toBe(false);
    expect(cluster.gcs.counters.cacheMisses).toBe(1);
    const second = cluster.read('node-1', blockId);
    expect(second.status).toBe('DONE');
    expect(second.result?.hit).toBe(true);
    expect(cluster.clusterStatistics().gcs.hitRate).toBe(0.5);
  });

  it('counts a transfer 3-way when requester, master and holder differ, 2-way when the master holds it', async () => {
    harness = await startRac({ instanceIds: IDS });
    const { cluster } = harness;
    const blockId = blockMasteredBy(harness, 'node-2');
    cluster.read('node-1', blockId);
    await harness.advance(20);
    cluster.read('node-3', blockId);
    await harness.advance(20);
    expect(cluster.gcs.counters.threeWayTransfers).toBe(1);
    expect(cluster.transfers(1)[0]).toMatchObject({ blockId, from: 'node-1', to: 'node-3', master: 'node-2', way: 3, mode: 'S' });
    cluster.read('node-2', blockId);
    await harness.advance(20);
    expect(cluster.gcs.counters.twoWayTransfers).toBe(1);
    expect(cluster.gcs.counters.bytesShipped).toBeGreaterThan(0);
  });

  it('downgrades an X holder to S when another instance reads, and keeps a past image of a dirty block until write-back', async () => {
    harness = await startRac({ instanceIds: IDS });
    const { cluster } = harness;
    const blockId = blockMasteredBy(harness, 'node-3');
    const write = cluster.write('node-1', blockId, { rowIndex: 0, values: { amount: 42 } });
    await harness.advance(20);
    expect(write.status).toBe('DONE');
    expect(cluster.blockStatus(blockId).cached).toEqual({ 'node-1': 'X' });
    const read = cluster.read('node-2', blockId);
    await harness.advance(20);
    expect(read.result?.rows[0]?.amount).toBe(42);
    expect(cluster.blockStatus(blockId).cached).toEqual({ 'node-1': 'S', 'node-2': 'S' });
    expect(cluster.gcs.counters.downgrades).toBe(1);
    // node-2 writes: node-1 (dirty) ships... the master prefers the X holder, else the master, else the first S holder.
    const second = cluster.write('node-2', blockId, { rowIndex: 1, values: { amount: 7 } });
    await harness.advance(20);
    expect(second.status).toBe('DONE');
    expect(cluster.blockStatus(blockId).cached).toEqual({ 'node-2': 'X' });
    expect(cluster.blockStatus(blockId).pastImages).toEqual(['node-1']);
    const flushed = cluster.flush('node-2');
    expect(flushed.blocksWritten).toBe(1);
    expect(cluster.blockStatus(blockId).pastImages).toEqual([]);
    expect(cluster.storage.peekDisk(blockId).rows[0]?.amount).toBe(42);
    expect(cluster.storage.peekDisk(blockId).rows[1]?.amount).toBe(7);
    expect(cluster.gcs.counters.writeBacks).toBe(1);
  });

  it('a write invalidates every S holder; flush with invalidate drops clean blocks to N', async () => {
    harness = await startRac({ instanceIds: IDS });
    const { cluster } = harness;
    const blockId = blockMasteredBy(harness, 'node-1');
    for (const id of IDS) cluster.read(id, blockId);
    await harness.advance(50);
    expect(Object.keys(cluster.blockStatus(blockId).cached).sort()).toEqual(IDS);
    cluster.write('node-3', blockId, { values: { id: 999, region: 'NORTH', product: 'P01', amount: 1, quantity: 1 } });
    await harness.advance(50);
    expect(cluster.blockStatus(blockId).cached).toEqual({ 'node-3': 'X' });
    expect(cluster.gcs.counters.invalidations).toBe(2);
    const result = cluster.flush(undefined, true);
    expect(result.blocksWritten).toBe(1);
    await harness.advance(50);
    expect(cluster.blockStatus(blockId).cached).toEqual({});
    expect(cluster.blockStatus(blockId).directory).toEqual({});
    expect(cluster.storage.peekDisk(blockId).rows.at(-1)?.id).toBe(999);
  });

  it('publishes sampled cache_fusion_transfer events naming the instances', async () => {
    harness = await startRac({ instanceIds: IDS });
    const { cluster } = harness;
    const blockId = blockMasteredBy(harness, 'node-2');
    cluster.read('node-1', blockId);
    await harness.advance(20);
    for (let round = 0; round < 3; round += 1) {
      cluster.write('node-3', blockId, { rowIndex: 0, values: { amount: round } });
      await harness.advance(20);
      cluster.write('node-1', blockId, { rowIndex: 0, values: { amount: round + 10 } });
      await harness.advance(20);
    }
    const transfers = harness.events.filter((event) => event.type === 'cache_fusion_transfer');
    expect(cluster.gcs.counters.twoWayTransfers + cluster.gcs.counters.threeWayTransfers).toBeGreaterThanOrEqual(6);
    expect(transfers.length).toBe(1);
    expect(transfers[0]?.payload).toMatchObject({ blockId, nodeIds: expect.arrayContaining(['node-1', 'node-3']) });
  });

  it('rejects bad operations without changing anything', async () => {
    harness = await startRac({ instanceIds: IDS });
    const { cluster } = harness;
    expect(() => cluster.read('node-9', '1:1')).toThrowError(/not in the RAC cluster/);
    expect(() => cluster.read('node-1', '9:9')).toThrowError(/does not exist/);
    expect(() => cluster.write('node-1', '1:1', { rowIndex: -1, values: {} })).toThrowError(/rowIndex/);
    expect(cluster.gcs.counters.requests).toBe(0);
  });
});

describe('a full buffer cache', () => {
  it('ages out the least recently used block through its master, writing a dirty one back first', async () => {
    harness = await startRac({ instanceIds: IDS, config: { bufferCacheBlocks: 3 } });
    const { cluster } = harness;
    const [b1, b2, b3, b4, b5] = cluster.storage.blockIds();
    const write = cluster.write('node-1', b1!, { rowIndex: 0, values: { amount: 7 } });
    await harness.advance(20);
    expect(write.status).toBe('DONE');
    for (const blockId of [b2!, b3!]) cluster.read('node-1', blockId);
    await harness.advance(20);
    // b1 is used again, so b2 is now the least recently used.
    expect(cluster.read('node-1', b1!).result?.hit).toBe(true);
    cluster.read('node-1', b4!);
    await harness.advance(20);
    const cache = cluster.gcs.cacheOf('node-1');
    expect([...cache.leastRecentlyUsed()]).toEqual([b3, b1, b4]);
    expect(cluster.blockStatus(b2!).directory).toEqual({});
    expect(cluster.gcs.countersOf('node-1').bufferEvictions).toBe(1);

    // b3 ages out clean; then b1, dirty: written back before it goes, so disk has the change.
    cluster.read('node-1', b5!);
    await harness.advance(20);
    cluster.read('node-1', b2!);
    await harness.advance(20);
    expect([...cache.leastRecentlyUsed()]).toEqual([b4, b5, b2]);
    expect(cluster.gcs.countersOf('node-1').bufferEvictions).toBe(3);
    expect(cluster.storage.readDisk(b1!).rows[0]).toMatchObject({ amount: 7 });
    expect(cluster.blockStatus(b1!).directory).toEqual({});
    expect(cluster.coherenceProblems()).toEqual([]);
    // Another instance's cache is its own.
    expect(cluster.gcs.countersOf('node-2').bufferEvictions).toBe(0);
  });
});
