/**
 * Two-phase commit in the nodes' storage and WAL (the replication engine): ordinary commits keep
 * their bytes, standbys replay the 2PC records (so a promoted standby still holds the prepared
 * transactions), base backups copy the two-phase state, prepared transactions pin WAL and an
 * xmin, logical decoding shows their changes only at COMMIT PREPARED, and a replica removed from
 * the physical group becomes a writable participant.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { walRecordBytes } from '../../../src/engines/replication/lsn.js';
import { Workload } from '../../../src/engines/replication/workload.js';
import { domainErrorFrom, rowOn, startTransactions, type TransactionsHarness } from './harness.js';

let harness: TransactionsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('two-phase commit in the WAL', () => {
  it('leaves an ordinary commit exactly as it was: { changes }, the same size, no two-phase part', async () => {
    harness = await startTransactions();
    const handle = harness.cluster.put('accounts', 'a1', { balance: 1 });
    const record = harness.cluster.storageOf('node-1').walRecords().at(-1);
    expect(record?.change).toEqual({ changes: [{ op: 'insert', table: 'accounts', key: 'a1', row: { balance: 1 } }] });
    expect(Object.keys(record?.change ?? {})).toEqual(['changes']);
    expect(handle.endLsn - handle.lsn).toBe(walRecordBytes({ changes: [{ op: 'insert', table: 'accounts', key: 'a1', row: { balance: 1 } }] }));
  });

  it('streams PREPARE and COMMIT PREPARED to standbys, which lock, then apply; a promoted standby still lists the prepared transaction', async () => {
    harness = await startTransactions({ replicaIds: ['node-4'] });
    const { engine, cluster } = harness;
    await harness.advance(100);
    const first = engine.begin({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { balance: 1 } }] }, { nodeId: 'node-2' }] }).transactionId;
    engine.prepare(first);
    await harness.advance(50);
    const standby = cluster.storageOf('node-4');
    expect(standby.preparedTransaction(first)).toMatchObject({ status: 'PREPARED', participants: ['node-1', 'node-2'], coordinatorNodeId: 'node-1' });
    expect(standby.lockOwner('accounts', 'a1')).toBe(first);
    expect(standby.getRow('accounts', 'a1')).toBeUndefined();
    engine.commit(first);
    await harness.advance(50);
    expect(standby.getRow('accounts', 'a1')?.row).toEqual({ balance: 1 });
    expect(standby.preparedTransaction(first)).toBeUndefined();
    expect(standby.lockCount()).toBe(0);

    const second = engine.begin({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'a2', row: { balance: 2 } }] }, { nodeId: 'node-2' }] }).transactionId;
    engine.prepare(second);
    await harness.advance(50);
    harness.crash('node-1');
    const failover = cluster.failover({ targetReplicaId: 'node-4' });
    expect(failover.newPrimaryId).toBe('node-4');
    expect(cluster.storageOf('node-4').preparedTransaction(second)?.status).toBe('PREPARED');
    const locked = domainErrorFrom(() => cluster.put('accounts', 'a2', { balance: 99 }));
    expect(locked.code).toBe('CONFLICT');
    expect(locked.message).toContain(`locked by distributed transaction ${second}`);
  });

  it('copies the two-phase state with a base backup, as pg_basebackup copies pg_twophase', async () => {
    harness = await startTransactions({ nodeIds: ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'] });
    const { engine, cluster } = harness;
    const id = engine.begin({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { balance: 1 } }] }, { nodeId: 'node-2' }] }).transactionId;
    engine.prepare(id);
    await harness.advance(20);
    cluster.addReplica('node-5');
    await harness.advance(500);
    expect(cluster.getReplica('node-5').state).toBe('STREAMING');
    expect(cluster.storageOf('node-5').preparedTransaction(id)?.status).toBe('PREPARED');
    expect(cluster.storageOf('node-5').lockOwner('accounts', 'a1')).toBe(id);
    engine.commit(id);
    await harness.advance(100);
    expect(rowOn(harness, 'node-5', 'accounts', 'a1')).toEqual({ balance: 1 });
    expect(cluster.storageOf('node-5').twoPhaseCount()).toBe(0);
  });

  it('pins WAL from the PREPARE record and an xmin while prepared, on the primary and its standby', async () => {
    harness = await startTransactions({ replicaIds: ['node-4'], replication: { walSegmentBytes: 4096, maxBatchBytes: 1024, walKeepSegments: 1, maxSlotWalKeepSegments: 2 } });
    const { engine, cluster } = harness;
    await harness.advance(100);
    const id = engine.begin({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { balance: 1 } }] }, { nodeId: 'node-2' }] }).transactionId;
    engine.prepare(id);
    await harness.advance(20);
    const primary = cluster.storageOf('node-1');
    const prepareLsn = primary.oldestPreparedLsn() as number;
    expect(primary.xminHorizon()).toBe(engine.get(id).participants[0]?.xminPinned);
    for (let index = 0; index < 400; index += 1) cluster.put('filler', `k${index}`, { padding: 'x'.repeat(60) });
    await harness.advance(200);
    expect(primary.positions().writeLsn - prepareLsn).toBeGreaterThan(8 * 4096);
    cluster.checkpoint();
    expect(primary.positions().walStartLsn).toBeLessThanOrEqual(prepareLsn);
    expect(primary.readWal(prepareLsn, { maxRecords: 1 })).toMatchObject({ gone: false, records: [{ change: { twoPhase: { kind: 'prepare', gid: id } } }] });
    expect(cluster.storageOf('node-4').positions().walStartLsn).toBeLessThanOrEqual(prepareLsn);
    engine.commit(id);
    await harness.advance(50);
    expect(primary.xminHorizon()).toBeNull();
    cluster.checkpoint();
    expect(primary.positions().walStartLsn).toBeGreaterThan(prepareLsn);
  });

  it('decodes a prepared transaction\'s changes at COMMIT PREPARED only, never a rolled back one, never the coordinator\'s log', async () => {
    harness = await startTransactions();
    const { engine, cluster } = harness;
    cluster.createSlot({ slotName: 'cdc', slotType: 'LOGICAL', plugin: 'pgoutput', database: 'app' });
    const kept = engine.begin({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'kept', row: { v: 1 } }] }, { nodeId: 'node-2' }] }).transactionId;
    const dropped = engine.begin({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'dropped', row: { v: 2 } }] }, { nodeId: 'node-2' }] }).transactionId;
    engine.prepare(kept);
    engine.prepare(dropped);
    await harness.advance(20);
    expect(cluster.consume('cdc', 100)).toEqual([]);
    engine.rollback(dropped);
    engine.commit(kept);
    await harness.advance(50);
    expect(engine.get(kept).state).toBe('COMMITTED');
    const decoded = cluster.consume('cdc', 100);
    expect(decoded.map((change) => [change.op, change.table, change.key, change.row])).toEqual([['insert', 'accounts', 'kept', { v: 1 }]]);
    const commitPrepared = cluster.storageOf('node-1').walRecords().find((record) => record.change.twoPhase?.kind === 'commit_prepared');
    expect(decoded[0]?.lsn).toBe(commitPrepared?.lsn);
    // The coordinator's pg_dist_transaction rows were written and deleted on node-1, and stay out of the stream.
    expect(cluster.storageOf('node-1').walRecords().some((record) => record.change.changes.some((change) => change.table === 'pg_dist_transaction'))).toBe(true);
  });
});

describe('row locks and standalone nodes', () => {
  it('refuses ordinary commits of rows a distributed transaction holds, and the workload skips them', async () => {
    harness = await startTransactions();
    const { engine, cluster } = harness;
    engine.begin({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'k0', row: { v: 1 } }] }] });
    await harness.advance(5);
    expect(domainErrorFrom(() => cluster.put('accounts', 'k0', { v: 2 })).details).toMatchObject({ table: 'accounts', key: 'k0', lockedBy: 'dtx-1' });
    const workload = new Workload(harness.runtime.clock, harness.runtime.rng.fork('test'), cluster.workloadTarget());
    workload.set({ ratePerSecond: 1000, tables: ['accounts'], keySpace: 2 });
    await harness.advance(100);
    workload.stop();
    expect(workload.counters.skipped).toBeGreaterThan(10);
    expect(workload.counters.issued).toBeGreaterThan(10);
    expect(rowOn(harness, 'node-1', 'accounts', 'k0')).toBeUndefined();
  });

  it('trims a standalone participant\'s WAL at checkpoints except what its prepared transactions pin, and will not make it a replica while it holds one', async () => {
    harness = await startTransactions({ replication: { walSegmentBytes: 4096, maxBatchBytes: 1024, walKeepSegments: 1 } });
    const { engine, cluster } = harness;
    const id = engine.begin({ participants: [{ nodeId: 'node-2', writes: [{ op: 'put', table: 'accounts', key: 'a1', row: {} }] }, { nodeId: 'node-3' }] }).transactionId;
    engine.prepare(id);
    await harness.advance(20);
    const storage = cluster.storageOf('node-2');
    const prepareLsn = storage.oldestPreparedLsn() as number;
    for (let index = 0; index < 300; index += 1) cluster.commitOn('node-2', [{ op: 'put', table: 'filler', key: `k${index}`, row: { padding: 'x'.repeat(60) } }]);
    cluster.checkpoint();
    expect(storage.positions().walStartLsn).toBeLessThanOrEqual(prepareLsn);
    const refused = domainErrorFrom(() => cluster.addReplica('node-2'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('holds 1 prepared transaction');
    engine.commit(id);
    await harness.advance(50);
    cluster.checkpoint();
    expect(storage.positions().walStartLsn).toBeGreaterThan(prepareLsn);
    expect(cluster.addReplica('node-2').replicaId).toBe('node-2');
  });

  it('makes a removed replica a writable participant: its first write ends recovery (the received backlog is replayed)', async () => {
    harness = await startTransactions({ replicaIds: ['node-4'] });
    const { engine, cluster } = harness;
    await harness.advance(100);
    expect(cluster.writeRoleOf('node-4')).toBe('STANDBY');
    cluster.pauseReplica('node-4');
    cluster.put('accounts', 'from-primary', { v: 1 });
    await harness.advance(100);
    expect(rowOn(harness, 'node-4', 'accounts', 'from-primary')).toBeUndefined();
    cluster.removeReplica('node-4');
    expect(cluster.writeRoleOf('node-4')).toBe('STANDALONE');
    const id = engine.begin({ participants: [{ nodeId: 'node-1' }, { nodeId: 'node-4', writes: [{ op: 'put', table: 'accounts', key: 'own', row: { v: 2 } }] }] }).transactionId;
    engine.commit(id);
    await harness.advance(50);
    expect(engine.get(id).state).toBe('COMMITTED');
    expect(rowOn(harness, 'node-4', 'accounts', 'from-primary')).toEqual({ v: 1 });
    expect(rowOn(harness, 'node-4', 'accounts', 'own')).toEqual({ v: 2 });
    expect(rowOn(harness, 'node-1', 'accounts', 'own')).toBeUndefined();
  });
});
