/** Instance recovery: phases, no committed change lost, no lock of the dead instance left; config and initiate. */
import { afterEach, describe, expect, it } from 'vitest';
import { domainErrorFrom, startRac, type RacHarness } from './harness.js';

let harness: RacHarness;
afterEach(async () => {
  await harness?.close();
});

describe('instance recovery', () => {
  it('recovers a crashed instance through every phase: its dirty blocks are rebuilt from redo, its locks released', async () => {
    harness = await startRac({ recovery: { redoApplyBytesPerSecond: 1000, phaseStepMs: 5 } });
    const { cluster } = harness;
    const blocks = cluster.storage.blockIds().slice(0, 4);
    const writes = blocks.map((blockId, index) => cluster.write('node-2', blockId, { rowIndex: index, values: { amount: 5000 + index } }));
    const lock = cluster.requestLock('node-2', 'TX:order-1', 'X');
    const waiter = cluster.requestLock('node-3', 'TX:order-1', 'X');
    await harness.advance(50);
    expect(writes.every((write) => write.status === 'DONE')).toBe(true);
    expect(waiter.status).toBe('WAITING');
    harness.fault({ type: 'crash', nodes: ['node-2'] });
    expect(cluster.instanceStatus('node-2')).toBe('DOWN');
    const active = cluster.activeRecoveryView();
    expect(active).toMatchObject({ instanceId: 'node-2', reason: 'CRASH', phase: 'FREEZE' });
    await harness.advance(2_000);
    const [recovery] = cluster.recoveryHistory();
    expect(recovery?.phases.map((stamp) => stamp.phase)).toEqual(['DETECTED', 'FREEZE', 'REMASTER', 'REDO_APPLY', 'LOCK_CLEANUP', 'COMPLETED']);
    expect(recovery?.blocksRecovered).toBe(4);
    expect(recovery?.redoRecordsApplied).toBe(4);
    const redoPhase = recovery!.phases.find((stamp) => stamp.phase === 'REDO_APPLY')!;
    // Redo apply takes bytes / rate of cluster time.
    expect(redoPhase.endedAtMs! - redoPhase.startedAtMs).toBe(Math.ceil((recovery!.redoBytesApplied * 1000) / 1000));
    expect(recovery?.locksReleased).toBe(1);
    expect(cluster.ges.lockOf(waiter.lockId).status).toBe('GRANTED');
    expect(() => cluster.ges.lockOf(lock.lockId)).toThrowError(/does not exist/);
    blocks.forEach((blockId, index) => expect(cluster.storage.peekDisk(blockId).rows[index]?.amount).toBe(5000 + index));
    // No master left on the dead instance, no directory entry names it.
    expect(cluster.grd.masterList().filter((master) => master.masterId === 'node-2')).toEqual([]);
    for (const blockId of blocks) expect(cluster.blockStatus(blockId).directory['node-2']).toBeUndefined();
    const reads = blocks.map((blockId) => cluster.read('node-4', blockId));
    await harness.advance(50);
    reads.forEach((read, index) => expect(read.result?.rows[index]?.amount).toBe(5000 + index));
    const types = harness.events.map((event) => event.type);
    expect(types).toContain('instance_recovery_started');
    expect(types).toContain('instance_recovery_completed');
  });

  it('waits for recovery/initiate when autoRecovery is off, and refuses to recover a running instance', async () => {
    harness = await startRac({ recovery: { autoRecovery: false } });
    const { cluster } = harness;
    expect(domainErrorFrom(() => cluster.initiateRecovery('node-1')).code).toBe('CONFLICT');
    expect(domainErrorFrom(() => cluster.initiateRecovery('node-9')).code).toBe('NOT_FOUND');
    harness.fault({ type: 'crash', nodes: ['node-1'] });
    await harness.advance(100);
    expect(cluster.activeRecoveryView()).toBeNull();
    expect(cluster.pendingRecoveries()).toEqual(['node-1']);
    const started = cluster.initiateRecovery('node-1');
    expect(started.reason).toBe('MANUAL');
    expect(domainErrorFrom(() => cluster.initiateRecovery('node-1')).code).toBe('CONFLICT');
    await harness.advance(500);
    expect(cluster.pendingRecoveries()).toEqual([]);
  });

  it('validates the recovery config, listing every bad field and changing nothing', async () => {
    harness = await startRac();
    const { cluster } = harness;
    const error = domainErrorFrom(() => cluster.setRecoveryConfig({ redoApplyBytesPerSecond: 0, autoRecovery: 'yes' as unknown as boolean, bogus: 1 } as never));
    expect(error.code).toBe('UNPROCESSABLE');
    expect((error.details?.problems as { field: string }[]).map((problem) => problem.field).sort()).toEqual(['autoRecovery', 'bogus', 'redoApplyBytesPerSecond']);
    expect(cluster.recoveryConfig().autoRecovery).toBe(true);
    expect(cluster.setRecoveryConfig({ redoApplyBytesPerSecond: 2048 }).redoApplyBytesPerSecond).toBe(2048);
  });
});

describe('split brain', () => {
  it('evicts the minority side of a partition and recovers it; it rejoins when the partition heals', async () => {
    harness = await startRac({ config: { heartbeatIntervalMs: 100, missedHeartbeatsToEvict: 3 } });
    const { cluster } = harness;
    const blockId = cluster.storage.blockIds()[0]!;
    const write = cluster.write('node-5', blockId, { rowIndex: 0, values: { amount: 1234 } });
    await harness.advance(50);
    expect(write.status).toBe('DONE');
    const partition = harness.fault({ type: 'partition', groups: [['node-1', 'node-2', 'node-3'], ['node-4', 'node-5']] });
    await harness.advance(600);
    expect(cluster.interconnectStatus().evicted).toEqual(['node-4', 'node-5']);
    expect(cluster.runningInstances()).toEqual(['node-1', 'node-2', 'node-3']);
    await harness.advance(500);
    expect(cluster.recoveryHistory()[0]).toMatchObject({ reason: 'EVICTION', instanceIds: ['node-4', 'node-5'] });
    const read = cluster.read('node-1', blockId);
    await harness.advance(50);
    expect(read.result?.rows[0]?.amount).toBe(1234);
    harness.heal(partition);
    await harness.advance(1_000);
    expect(cluster.runningInstances()).toHaveLength(5);
  });
});
