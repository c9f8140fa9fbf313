import { afterEach, describe, expect, it } from 'vitest';
import { domainErrorFrom, expectTablesEqual, startReplication, type ReplicationHarness } from './harness.js';

let harness: ReplicationHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('bootstrap and streaming', () => {
  it('copies the replicas, then streams every write to them', async () => {
    harness = await startReplication();
    const { cluster } = harness;
    expect(cluster.listReplicas().map((replica) => replica.state)).toEqual(['STARTING', 'STARTING']);
    await harness.advance(50);
    expect(cluster.listReplicas().map((replica) => replica.state)).toEqual(['STREAMING', 'STREAMING']);
    for (let index = 0; index < 20; index += 1) cluster.put('accounts', `k${index}`, { balance: index });
    cluster.delete('accounts', 'k3');
    await harness.advance(100);
    expectTablesEqual(cluster, ['node-2', 'node-3']);
    const replica = cluster.getReplica('node-2');
    expect(replica.replayLsn).toBe(cluster.currentLsn());
    expect(replica.lagBytes).toBe(0);
    expect(cluster.storageOf('node-2').getRow('accounts', 'k1')?.meta).toEqual({ version: 1, updatedAtMs: expect.any(Number), originNodeId: 'node-1' });
    expect(harness.events.some((event) => event.type === 'replica_status_change' && (event.payload as { to: string }).to === 'STREAMING')).toBe(true);
  });

  it('sizes WAL records as 24 bytes plus the JSON of the change', async () => {
    harness = await startReplication();
    const before = harness.cluster.currentLsn();
    const handle = harness.cluster.put('t', 'a', { v: 1 });
    const change = { changes: [{ op: 'insert', table: 't', key: 'a', row: { v: 1 } }] };
    expect(handle.endLsn - handle.lsn).toBe(24 + JSON.stringify(change).length);
    expect(handle.lsn).toBe(before);
  });

  it('refuses a malformed write and changes nothing', async () => {
    harness = await startReplication();
    const before = harness.cluster.currentLsn();
    const error = domainErrorFrom(() => harness!.cluster.commit([{ op: 'put', table: 'bad name', key: '', row: { ratio: Number.NaN } }]));
    expect(error.code).toBe('UNPROCESSABLE');
    expect((error.details as { problems: string[] }).problems).toHaveLength(3);
    expect(domainErrorFrom(() => harness!.cluster.delete('t', 'missing')).code).toBe('NOT_FOUND');
    expect(harness.cluster.currentLsn()).toBe(before);
  });
});

describe('commit modes', () => {
  it('SYNCHRONOUS: an acknowledged write survives a primary crash and failover', async () => {
    harness = await startReplication({ config: { mode: 'SYNCHRONOUS' } });
    const { cluster } = harness;
    await harness.advance(50);
    const handle = cluster.put('accounts', 'alice', { balance: 100 });
    expect(handle.status).toBe('WAITING');
    await harness.advance(20);
    expect(handle.status).toBe('ACKNOWLEDGED');
    expect((await handle.settled).status).toBe('ACKNOWLEDGED');
    harness.fault({ type: 'crash', nodes: ['node-1'] });
    const result = cluster.failover();
    expect(result.timeline).toBe(2);
    expect(result.lostAcknowledgedSyncCommits).toBe(0);
    expect(cluster.storageOf(result.newPrimaryId).getRow('accounts', 'alice')?.row).toEqual({ balance: 100 });
    expect(cluster.commitCounters()).toMatchObject({ acknowledged: 1, timedOut: 0, waiting: 0 });
  });

  it('SEMI_SYNCHRONOUS with one standby: the acknowledged write is on the promoted standby', async () => {
    harness = await startReplication({ nodeIds: ['node-1', 'node-2'], config: { mode: 'SEMI_SYNCHRONOUS' } });
    const { cluster } = harness;
    await harness.advance(50);
    const handle = cluster.put('accounts', 'bob', { balance: 7 });
    await harness.advance(20);
    expect(handle.status).toBe('ACKNOWLEDGED');
    harness.fault({ type: 'crash', nodes: ['node-1'] });
    const result = cluster.failover();
    expect(result.newPrimaryId).toBe('node-2');
    expect(cluster.storageOf('node-2').getRow('accounts', 'bob')?.row).toEqual({ balance: 7 });
    expect(result.lostCommits).toBe(0);
  });

  it('ASYNCHRONOUS with the standbys cut off: failover loses exactly the tail', async () => {
    harness = await startReplication({ config: { mode: 'ASYNCHRONOUS' } });
    const { cluster } = harness;
    await harness.advance(50);
    cluster.put('accounts', 'kept', { v: 1 });
    await harness.advance(50);
    harness.fault({ type: 'partition', groups: [['node-1'], ['node-2', 'node-3', 'control-plane']] });
    const lost = [cluster.put('accounts', 'lost1', { v: 2 }), cluster.put('accounts', 'lost2', { v: 3 }), cluster.put('accounts', 'kept', { v: 4 })];
    expect(lost.every((handle) => handle.status === 'ACKNOWLEDGED')).toBe(true);
    await harness.advance(50);
    harness.fault({ type: 'crash', nodes: ['node-1'] });
    const result = cluster.failover();
    const lostBytes = lost.reduce((sum, handle) => sum + handle.endLsn - handle.lsn, 0);
    expect(result.lostCommits).toBe(3);
    expect(result.lostBytes).toBe(lostBytes);
    expect(result.switchLsn).toBe(lost[0]!.lsn);
    const promoted = cluster.storageOf(result.newPrimaryId);
    expect(promoted.getRow('accounts', 'lost1')).toBeUndefined();
    expect(promoted.getRow('accounts', 'lost2')).toBeUndefined();
    expect(promoted.getRow('accounts', 'kept')?.row).toEqual({ v: 1 });
  });

  it('SYNCHRONOUS with every standby partitioned times out after replicationTimeoutSecs, still committed on the primary', async () => {
    harness = await startReplication({ config: { mode: 'SYNCHRONOUS', replicationTimeoutSecs: 3 } });
    const { cluster } = harness;
    await harness.advance(50);
    harness.fault({ type: 'partition', groups: [['node-1'], ['node-2', 'node-3']] });
    const handle = cluster.put('accounts', 'carol', { balance: 1 });
    await harness.advance(2_999);
    expect(handle.status).toBe('WAITING');
    await harness.advance(1);
    expect(handle.status).toBe('TIMED_OUT');
    expect(handle.settledAtMs! - handle.startedAtMs).toBe(3000);
    expect(cluster.storageOf('node-1').getRow('accounts', 'carol')?.row).toEqual({ balance: 1 });
    expect(cluster.commitCounters()).toMatchObject({ total: 1, timedOut: 1, acknowledged: 0, waiting: 0 });
    expect(cluster.getReplica('node-2').state).toBe('DISCONNECTED');
  });

  it('refuses a failover that would lose a synchronously acknowledged commit unless forced', async () => {
    harness = await startReplication({ config: { mode: 'SEMI_SYNCHRONOUS' } });
    const { cluster } = harness;
    await harness.advance(50);
    harness.fault({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3']] });
    const handle = cluster.put('accounts', 'dave', { balance: 9 });
    await harness.advance(20);
    expect(handle.status).toBe('ACKNOWLEDGED');
    harness.fault({ type: 'crash', nodes: ['node-1', 'node-2'] });
    const error = domainErrorFrom(() => cluster.failover());
    expect(error.code).toBe('CONFLICT');
    expect(cluster.primary()).toBe('node-1');
    const forced = cluster.failover({ force: true });
    expect(forced.newPrimaryId).toBe('node-3');
    expect(forced.lostAcknowledgedSyncCommits).toBe(1);
  });
});

describe('replicas', () => {
  it('pause stops replay (lag grows), resume replays the backlog (lag 0, tables equal)', async () => {
    harness = await startReplication();
    const { cluster } = harness;
    await harness.advance(50);
    cluster.pauseReplica('node-2');
    expect(cluster.getReplica('node-2').state).toBe('PAUSED');
    for (let index = 0; index < 10; index += 1) {
      cluster.put('orders', `o${index}`, { qty: index });
      await harness.advance(100);
    }
    const paused = cluster.getReplica('node-2');
    expect(paused.flushLsn).toBe(cluster.currentLsn());
    expect(paused.lagBytes).toBeGreaterThan(0);
    expect(paused.replayLagMs).toBeGreaterThanOrEqual(900);
    expect(cluster.storageOf('node-2').getRow('orders', 'o0')).toBeUndefined();
    expect(domainErrorFrom(() => cluster.pauseReplica('node-2')).code).toBe('CONFLICT');
    cluster.resumeReplica('node-2');
    await harness.advance(200);
    const resumed = cluster.getReplica('node-2');
    expect(resumed.lagBytes).toBe(0);
    expect(resumed.replayLagMs).toBe(0);
    expect(resumed.state).toBe('STREAMING');
    expectTablesEqual(cluster, ['node-2', 'node-3']);
  });

  it('adds a replica by a base backup taking virtual time, then removes it with its slot', async () => {
    harness = await startReplication({ nodeIds: ['node-1'], config: { baseBackupBytesPerSecond: 1000 } });
    const { cluster } = harness;
    for (let index = 0; index < 10; index += 1) cluster.put('t', `k${index}`, { value: 'x'.repeat(90) });
    const added = cluster.addReplica('node-4');
    expect(added.state).toBe('STARTING');
    const backup = cluster.getReplica('node-4').baseBackup!;
    expect(backup.endsAtMs - backup.startedAtMs).toBe(Math.ceil((backup.sizeBytes / 1000) * 1000));
    await harness.advance(backup.endsAtMs - backup.startedAtMs - 1);
    expect(cluster.getReplica('node-4').state).toBe('STARTING');
    await harness.advance(50);
    expect(cluster.getReplica('node-4').state).toBe('STREAMING');
    expectTablesEqual(cluster, ['node-4']);
    expect(cluster.getSlot('replica_node-4').slotType).toBe('PHYSICAL');
    expect(domainErrorFrom(() => cluster.addReplica('node-4')).code).toBe('CONFLICT');
    expect(domainErrorFrom(() => cluster.addReplica('node-1')).code).toBe('CONFLICT');
    cluster.removeReplica('node-4');
    expect(domainErrorFrom(() => cluster.getReplica('node-4')).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => cluster.getSlot('replica_node-4')).code).toBe('NOT_FOUND');
  });

  it('caps streams at maxWalSenders: the extra standby WAITs until a sender is free', async () => {
    harness = await startReplication({ nodeIds: ['node-1', 'node-2', 'node-3', 'node-4'], config: { maxWalSenders: 2 } });
    const { cluster } = harness;
    await harness.advance(50);
    expect(cluster.listReplicas().map((replica) => replica.state)).toEqual(['STREAMING', 'STREAMING', 'WAITING']);
    cluster.put('t', 'a', { v: 1 });
    await harness.advance(50);
    expect(cluster.storageOf('node-4').getRow('t', 'a')).toBeUndefined();
    cluster.removeReplica('node-2');
    await harness.advance(50);
    expect(cluster.getReplica('node-4').state).toBe('STREAMING');
    expectTablesEqual(cluster, ['node-3', 'node-4']);
  });

  it('the old primary rejoins at restart and follows the new timeline', async () => {
    harness = await startReplication();
    const { cluster } = harness;
    await harness.advance(50);
    cluster.put('t', 'a', { v: 1 });
    await harness.advance(50);
    const crash = harness.fault({ type: 'crash', nodes: ['node-1'] });
    const result = cluster.failover();
    expect(cluster.getReplica('node-1').state).toBe('REJOINING');
    expect(cluster.timelineHistory()).toEqual([expect.objectContaining({ timeline: 1, switchLsn: result.switchLsn, previousPrimaryId: 'node-1', newPrimaryId: 'node-2' })]);
    cluster.put('t', 'b', { v: 2 });
    harness.heal(crash);
    await harness.advance(200);
    expect(cluster.getReplica('node-1').state).toBe('STREAMING');
    expect(cluster.storageOf('node-1').positions().timeline).toBe(2);
    expectTablesEqual(cluster, ['node-1', 'node-3']);
    const transitions = harness.events
      .filter((event) => event.type === 'replica_status_change')
      .map((event) => event.payload as { replicaId: string; from: string | null; to: string })
      .filter((payload) => payload.replicaId === 'node-1' || payload.to === 'PROMOTED')
      .map((payload) => `${payload.replicaId}:${payload.from}->${payload.to}`);
    expect(transitions).toEqual(['node-2:STREAMING->PROMOTED', 'node-1:null->REJOINING', 'node-1:REJOINING->STARTING', 'node-1:STARTING->STREAMING']);
  });
});

describe('an unreliable replication network', () => {
  it('converges under loss and reordering: every standby equals the primary', async () => {
    harness = await startReplication({ seed: 7, config: { maxBatchBytes: 256 }, linkDefaults: { latencyMs: 1, jitterMs: 5 } });
    const { cluster } = harness;
    await harness.advance(50);
    harness.fault({ type: 'loss', nodes: ['node-2', 'node-3'], rate: 0.3 });
    for (let index = 0; index < 200; index += 1) {
      cluster.put('t', `k${index % 37}`, { v: index });
      await harness.advance(7);
    }
    const before = harness.runtime.network('replication').stats();
    expect(before.dropped).toBeGreaterThan(0);
    await harness.advance(3000);
    expectTablesEqual(cluster, ['node-2', 'node-3']);
    for (const replica of cluster.listReplicas()) expect(replica.replayLsn).toBe(cluster.currentLsn());
  });
});
