/** GRD remastering (dynamic and manual), GES FIFO locks, and restore after a server restart. */
import { describe, expect, it } from 'vitest';
import { domainErrorFrom, startRac } from './harness.js';

describe('GRD', () => {
  it('remasters a resource to the instance whose affinity passes the threshold', async () => {
    const harness = await startRac({ config: { affinityMinAccesses: 6, affinityThreshold: 0.7, affinityWindow: 50 } });
    const { cluster } = harness;
    const blockId = cluster.storage.blockIds().find((id) => cluster.grd.masterOf(id) !== 'node-4')!;
    const other = cluster.grd.masterOf(blockId) === 'node-1' ? 'node-2' : 'node-1';
    cluster.read(other, blockId);
    await harness.advance(20);
    // node-4 reads, then gives the block up (flush with invalidate): each read reaches the master.
    for (let round = 0; round < 8; round += 1) {
      cluster.read('node-4', blockId);
      await harness.advance(20);
      cluster.flush('node-4', true);
      await harness.advance(20);
    }
    expect(cluster.grd.peekMaster(blockId)).toMatchObject({ masterId: 'node-4', placement: 'AFFINITY' });
    expect(cluster.clusterStatistics().grd.remasters).toBe(1);
    expect(harness.events.find((event) => event.type === 'resource_remastered')?.payload).toMatchObject({ resourceId: blockId, resourceType: 'BLOCK', toInstance: 'node-4', reason: 'AFFINITY' });
    await harness.close();
  });

  it('remasters by hand to a target and back to hash placement; refuses unknown targets and busy resources without force', async () => {
    const harness = await startRac();
    const { cluster } = harness;
    const blockId = cluster.storage.blockIds()[0]!;
    const hashed = cluster.grd.masterOf(blockId);
    const target = cluster.instanceIds().find((id) => id !== hashed)!;
    expect(cluster.remaster({ resourceId: blockId, targetNode: target }).scheduled).toEqual([blockId]);
    await harness.advance(20);
    expect(cluster.grd.peekMaster(blockId)).toMatchObject({ masterId: target, placement: 'MANUAL' });
    expect(domainErrorFrom(() => cluster.remaster({ targetNode: 'node-9' })).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => cluster.remaster({ resourceId: '7:7' })).code).toBe('NOT_FOUND');
    for (const id of cluster.instanceIds()) cluster.write(id, blockId, { rowIndex: 0, values: { amount: 1 } });
    await harness.advance(2);
    expect(domainErrorFrom(() => cluster.remaster({ resourceId: blockId })).code).toBe('CONFLICT');
    expect(cluster.remaster({ resourceId: blockId, force: true }).scheduled).toEqual([blockId]);
    await harness.advance(200);
    expect(cluster.grd.peekMaster(blockId)).toMatchObject({ masterId: hashed, placement: 'HASH' });
    const topology = cluster.grd.topology(cluster.instanceIds());
    expect(topology.reduce((sum, row) => sum + row.resources, 0)).toBe(cluster.grd.masterList().length);
    await harness.close();
  });
});

describe('GES', () => {
  it('grants compatible requests together in FIFO order, converts S to X after the other holders leave', async () => {
    const harness = await startRac();
    const { cluster } = harness;
    const a = cluster.requestLock('node-1', 'TM:sales', 'S');
    const b = cluster.requestLock('node-2', 'TM:sales', 'S');
    const x = cluster.requestLock('node-3', 'TM:sales', 'X');
    const c = cluster.requestLock('node-4', 'TM:sales', 'S');
    expect([a.status, b.status, x.status, c.status]).toEqual(['GRANTED', 'GRANTED', 'WAITING', 'WAITING']);
    expect(cluster.convertLock(a.lockId, 'X').status).toBe('CONVERTING');
    cluster.releaseLock(b.lockId);
    expect(cluster.ges.lockOf(a.lockId)).toMatchObject({ status: 'GRANTED', mode: 'X' });
    expect(cluster.ges.lockOf(x.lockId).status).toBe('WAITING');
    cluster.releaseLock(a.lockId);
    expect(cluster.ges.lockOf(x.lockId).status).toBe('GRANTED');
    // c queued behind x: FIFO, it is not granted past the X request.
    expect(cluster.ges.lockOf(c.lockId).status).toBe('WAITING');
    cluster.releaseLock(x.lockId);
    expect(cluster.ges.lockOf(c.lockId).status).toBe('GRANTED');
    await harness.advance(1);
    const types = harness.events.map((event) => event.type);
    expect(types.filter((type) => type === 'lock_granted')).toHaveLength(4);
    expect(types).toContain('lock_conversion');
    expect(types.filter((type) => type === 'lock_released')).toHaveLength(3);
    expect(domainErrorFrom(() => cluster.requestLock('node-1', 'XX:bad', 'S')).code).toBe('UNPROCESSABLE');
    await harness.close();
  });
});

describe('restore', () => {
  it('a server restart is a crash of every instance: redo newer than disk is applied, settings and masters come back', async () => {
    const first = await startRac({ recovery: { redoApplyBytesPerSecond: 4096 } });
    const blockId = first.cluster.storage.blockIds()[3]!;
    const write = first.cluster.write('node-2', blockId, { rowIndex: 1, values: { amount: 31337 } });
    first.cluster.setParallelQueryConfig({ maxDop: 2 });
    await first.advance(20);
    expect(write.status).toBe('DONE');
    expect(first.cluster.storage.peekDisk(blockId).rows[1]?.amount).not.toBe(31337);
    const master = first.cluster.grd.peekMaster(blockId);
    const scn = first.cluster.storage.currentScn();
    first.cluster.close();
    await first.journal.flush();
    const second = await startRac({ store: first.store });
    expect(second.cluster.storage.peekDisk(blockId).rows[1]?.amount).toBe(31337);
    expect(second.cluster.storage.currentScn()).toBe(scn);
    expect(second.cluster.grd.peekMaster(blockId)).toEqual(master);
    expect(second.cluster.recoveryConfig().redoApplyBytesPerSecond).toBe(4096);
    expect(second.cluster.parallelQueryConfig().maxDop).toBe(2);
    const read = second.cluster.read('node-5', blockId);
    await second.advance(20);
    expect(read.result?.rows[1]?.amount).toBe(31337);
    await second.close();
    await first.store.close();
  });

  it('stop writes dirty blocks back and start opens with empty caches', async () => {
    const harness = await startRac();
    const { cluster } = harness;
    const blockId = cluster.storage.blockIds()[0]!;
    cluster.write('node-1', blockId, { rowIndex: 0, values: { amount: 9 } });
    await harness.advance(20);
    expect(cluster.stop().blocksWritten).toBe(1);
    expect(domainErrorFrom(() => cluster.read('node-1', blockId)).code).toBe('CONFLICT');
    expect(cluster.start().instances).toHaveLength(5);
    expect(cluster.blockStatus(blockId).cached).toEqual({});
    expect(cluster.storage.peekDisk(blockId).rows[0]?.amount).toBe(9);
    await harness.close();
  });
});
