import { describe, expect, test } from 'vitest';
import { formatLsn } from '../../../src/engines/replication/lsn.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5, warmUpMs: 2000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const engine = () => fixture.server.platform.engines.replication;
const http = () => fixture.server.http;

const WORKLOAD = { tables: ['accounts'], keySpace: 200, mix: { insert: 1, update: 2, delete: 0 } };

async function setRate(ratePerSecond: number) {
  const response = await http().put('/api/v1/simulation/workload').set(asAdmin).send({ ...WORKLOAD, ratePerSecond });
  expectContract('setWorkload', response);
  expect(response.status).toBe(200);
  return response.body.data;
}

async function replica(id: string) {
  const response = await http().get(`/api/v1/replication/replicas/${id}`).set(asAdmin);
  expectContract('getReplica', response);
  return response;
}

describe('replication configuration', () => {
  test('GET maps the engine config: archiveCommand "" is null, lagSampleIntervalMs comes from the monitor', async () => {
    const response = await http().get('/api/v1/replication/config').set(asAdmin);
    expectContract('getReplicationConfig', response);
    const config = engine().cluster.getConfig();
    expect(response.body.data).toMatchObject({ mode: config.mode, standbyNodes: config.standbyNodes, maxWalSenders: config.maxWalSenders, archiveMode: false, archiveCommand: null });
    expect(response.body.data.lagSampleIntervalMs).toBe(engine().monitor.lagSampleIntervalMs);
  });

  test('configure patches the named fields; PUT replaces them all; both reach the engine', async () => {
    const configured = await http().post('/api/v1/replication/configure').set(asAdmin).send({ mode: 'SEMI_SYNCHRONOUS', standbyNodes: ['node-2', 'node-3'], lagSampleIntervalMs: 500 });
    expectContract('configureReplication', configured);
    expect(configured.status).toBe(200);
    expect(configured.body.data).toMatchObject({ mode: 'SEMI_SYNCHRONOUS', standbyNodes: ['node-2', 'node-3'], lagSampleIntervalMs: 500 });
    expect(engine().cluster.getConfig().mode).toBe('SEMI_SYNCHRONOUS');
    expect(engine().monitor.lagSampleIntervalMs).toBe(500);

    const whole = { ...configured.body.data, mode: 'ASYNCHRONOUS', standbyNodes: [], archiveMode: true, archiveCommand: 'cp %p /archive/%f', lagSampleIntervalMs: 1000 };
    const replaced = await http().put('/api/v1/replication/config').set(asAdmin).send(whole);
    expectContract('updateReplicationConfig', replaced);
    expect(replaced.body.data).toEqual(whole);
    expect(engine().cluster.getConfig()).toMatchObject({ archiveMode: true, archiveCommand: 'cp %p /archive/%f' });
    const off = await http().post('/api/v1/replication/configure').set(asAdmin).send({ archiveMode: false, archiveCommand: null });
    expect(off.body.data).toMatchObject({ archiveMode: false, archiveCommand: null });
  });

  test('refuses the primary or a stranger as standby, archiving without a command (422), a bad body (400) and a viewer (403), changing nothing', async () => {
    const before = (await http().get('/api/v1/replication/config').set(asAdmin)).body.data;
    const cases: [object, number][] = [
      [{ standbyNodes: ['node-1'] }, 422],
      [{ standbyNodes: ['node-9'] }, 422],
      [{ archiveMode: true }, 422],
      [{ maxWalSegments: 64, maxSlotWalKeepSegments: 32 }, 422],
      [{ mode: 'SOMETIMES' }, 400],
      [{}, 400],
    ];
    for (const [body, status] of cases) {
      const response = await http().post('/api/v1/replication/configure').set(asAdmin).send(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expectContract('configureReplication', response);
    }
    const forbidden = await http().put('/api/v1/replication/config').set({ 'X-API-Key': fixture.viewerKey }).send(before);
    expect(forbidden.status).toBe(403);
    expectContract('updateReplicationConfig', forbidden);
    const after = await http().get('/api/v1/replication/config').set({ 'X-API-Key': fixture.viewerKey });
    expect(after.body.data).toEqual(before);
  });
});

describe('status, lag, statistics, cluster view', () => {
  test('status and cluster replication read the engine: primary, LSN, replicas by state', async () => {
    await fixture.server.advance(1000);
    const status = await http().get('/api/v1/replication/status').set(asAdmin);
    expectContract('getReplicationStatus', status);
    const cluster = engine().cluster;
    expect(status.body.data).toMatchObject({ primaryNodeId: cluster.primary(), timeline: cluster.timeline(), currentLsn: formatLsn(cluster.currentLsn()) });
    expect(status.body.data.replicas.total).toBe(cluster.listReplicas().length);
    expect(status.body.data.commits.acknowledged).toBe(cluster.commitCounters().acknowledged);
    // The latest time a standby reported having flushed everything the primary had written.
    const caughtUp = cluster.listReplicas().map((replica) => replica.caughtUpAtMs ?? 0);
    expect(status.body.data.lastSync).toBe(new Date(Math.max(...caughtUp)).toISOString());

    const view = await http().get('/api/v1/cluster/replication').set(asAdmin);
    expectContract('getClusterReplication', view);
    expect(view.body.data.nodes.map((node: { nodeId: string }) => node.nodeId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    expect(view.body.data.nodes[0]).toMatchObject({ role: 'PRIMARY', lagBytes: null });
    expect(view.body.data.nodes.filter((node: { role: string }) => node.role === 'STANDBY')).toHaveLength(4);
  });

  test('lag lists every standby (or one; 404 for a stranger); statistics count what the engine did', async () => {
    const lag = await http().get('/api/v1/replication/lag').set(asAdmin);
    expectContract('getReplicationLag', lag);
    expect(lag.body.data.replicas.map((row: { replicaId: string }) => row.replicaId)).toEqual(['node-2', 'node-3', 'node-4', 'node-5']);
    for (const row of lag.body.data.replicas) expect(row.lagBytes).toBe(engine().cluster.getReplica(row.replicaId).lagBytes);
    const one = await http().get('/api/v1/replication/lag?replicaId=node-3').set(asAdmin);
    expect(one.body.data.replicas).toHaveLength(1);
    const unknown = await http().get('/api/v1/replication/lag?replicaId=node-9').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('getReplicationLag', unknown);

    const statistics = await http().get('/api/v1/replication/statistics').set(asAdmin);
    expectContract('getReplicationStatistics', statistics);
    expect(statistics.body.data.walRecords).toBe(engine().cluster.commitCounters().total);
    expect(statistics.body.data.walRecords).toBeGreaterThan(0);
    expect(statistics.body.data.slots.physical).toBe(4);
    expect(statistics.body.data.walSent.bytes).toBeGreaterThan(0);
  });
});

describe('replicas', () => {
  test('list filters, sorts and trims fields', async () => {
    const sorted = await http().get('/api/v1/replication/replicas?sort_by=replicaId&order=desc&fields=state').set(asAdmin);
    expectContract('listReplicas', sorted, { sparse: true });
    expect(sorted.body.data.map((row: { replicaId: string }) => row.replicaId)).toEqual(['node-5', 'node-4', 'node-3', 'node-2']);
    expect(Object.keys(sorted.body.data[0]).sort()).toEqual(['replicaId', 'state']);
    const paused = await http().get('/api/v1/replication/replicas?state=PAUSED').set(asAdmin);
    expect(paused.body.pagination.total).toBe(0);
    const unknownField = await http().get('/api/v1/replication/replicas?fields=colour').set(asAdmin);
    expect(unknownField.status).toBe(422);
    expectContract('listReplicas', unknownField);
  });

  test('pause stops replay so lag grows; resume replays the backlog and the lag returns', async () => {
    await setRate(100);
    const paused = await http().post('/api/v1/replication/replicas/node-3/pause').set(asAdmin);
    expectContract('pauseReplica', paused);
    expect(paused.body.data.state).toBe('PAUSED');
    const again = await http().post('/api/v1/replication/replicas/node-3/pause').set(asAdmin);
    expect(again.status).toBe(409);
    expectContract('pauseReplica', again);

    await fixture.server.advance(3000);
    const behind = (await replica('node-3')).body.data;
    expect(behind.state).toBe('PAUSED');
    expect(behind.lagBytes).toBeGreaterThan(1000);
    expect(behind.replayLagMs).toBeGreaterThan(1000);
    // It still receives and flushes: only replay is behind.
    expect(engine().cluster.getReplica('node-3').flushLsn).toBeGreaterThan(engine().cluster.getReplica('node-3').replayLsn);

    const resumed = await http().post('/api/v1/replication/replicas/node-3/resume').set(asAdmin);
    expectContract('resumeReplica', resumed);
    expect(resumed.status).toBe(200);
    await setRate(0);
    await fixture.server.advance(1500);
    const caughtUp = (await replica('node-3')).body.data;
    expect(caughtUp.state).toBe('STREAMING');
    expect(caughtUp.lagBytes).toBe(0);
    expect(caughtUp.replayLagMs).toBeLessThan(behind.replayLagMs);
    const notPaused = await http().post('/api/v1/replication/replicas/node-3/resume').set(asAdmin);
    expect(notPaused.status).toBe(409);
    expectContract('resumeReplica', notPaused);
  });

  test('remove then get is 404; add copies it back (201 STARTING, then STREAMING); refusals', async () => {
    const removed = await http().delete('/api/v1/replication/replicas/node-5').set(asAdmin);
    expectContract('removeReplica', removed);
    expect(removed.body.data.state).toBe('REMOVED');
    expect((await replica('node-5')).status).toBe(404);
    expect(engine().cluster.listSlots().some((slot) => slot.slotName === 'replica_node-5')).toBe(false);

    const added = await http().post('/api/v1/replication/replicas').set(asAdmin).send({ nodeId: 'node-5' });
    expectContract('addReplica', added);
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ replicaId: 'node-5', state: 'STARTING', slotName: 'replica_node-5' });
    expect(added.body.data.baseBackup.totalBytes).toBeGreaterThan(0);
    await fixture.server.advance(2000);
    expect((await replica('node-5')).body.data.state).toBe('STREAMING');

    const refusals: [object, number][] = [
      [{ nodeId: 'node-5' }, 409],
      [{ nodeId: 'node-1' }, 422],
      [{ nodeId: 'node-9' }, 404],
      [{ nodeId: 'Node 5!' }, 400],
    ];
    for (const [body, status] of refusals) {
      const response = await http().post('/api/v1/replication/replicas').set(asAdmin).send(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expectContract('addReplica', response);
    }
    const forbidden = await http().delete('/api/v1/replication/replicas/node-4').set({ 'X-API-Key': fixture.viewerKey });
    expect(forbidden.status).toBe(403);
    expectContract('removeReplica', forbidden);
    expect((await replica('node-4')).status).toBe(200);
    const missing = await http().delete('/api/v1/replication/replicas/node-9').set(asAdmin);
    expect(missing.status).toBe(404);
    expectContract('removeReplica', missing);
  });
});

describe('workload', () => {
  test('GET shows the settings and what was written; rate 0 stops writing; all-zero mix is 422', async () => {
    await setRate(50);
    await fixture.server.advance(1000);
    const running = await http().get('/api/v1/simulation/workload').set({ 'X-API-Key': fixture.viewerKey });
    expectContract('getWorkload', running);
    expect(running.body.data).toMatchObject({ ratePerSecond: 50, running: true, tables: ['accounts'] });
    expect(running.body.data.writes.total).toBe(engine().workload.counters.issued);
    expect(running.body.data.lastLsn).not.toBeNull();
    // One simulation workload: the RAC block operations follow its rate.
    expect(fixture.server.platform.engines.rac.workload.settings().ratePerSecond).toBe(50);

    const stopped = await setRate(0);
    expect(stopped.running).toBe(false);
    expect(fixture.server.platform.engines.rac.workload.settings().ratePerSecond).toBe(0);
    await fixture.server.advance(1000);
    expect((await http().get('/api/v1/simulation/workload').set(asAdmin)).body.data.writes.total).toBe(stopped.writes.total);

    const zero = await http().put('/api/v1/simulation/workload').set(asAdmin).send({ ...WORKLOAD, ratePerSecond: 5, mix: { insert: 0, update: 0, delete: 0 } });
    expect(zero.status).toBe(422);
    expectContract('setWorkload', zero);
    const bad = await http().put('/api/v1/simulation/workload').set(asAdmin).send({ ratePerSecond: -1 });
    expect(bad.status).toBe(400);
    expectContract('setWorkload', bad);
    const forbidden = await http().put('/api/v1/simulation/workload').set({ 'X-API-Key': fixture.viewerKey }).send({ ...WORKLOAD, ratePerSecond: 5 });
    expect(forbidden.status).toBe(403);
    expect(engine().workload.settings().ratePerSecond).toBe(0);
  });
});

describe('replication failover', () => {
  test('refuses a stranger (404) and a viewer (403)', async () => {
    const unknown = await http().post('/api/v1/replication/failover').set(asAdmin).send({ targetReplicaId: 'node-9' });
    expect(unknown.status).toBe(404);
    expectContract('triggerReplicationFailover', unknown);
    const forbidden = await http().post('/api/v1/replication/failover').set({ 'X-API-Key': fixture.viewerKey }).send({});
    expect(forbidden.status).toBe(403);
    expectContract('triggerReplicationFailover', forbidden);
    expect(engine().cluster.primary()).toBe('node-1');
  });

  test('a SYNCHRONOUS commit is acknowledged and survives promoting a standby: nothing lost, timeline + 1', async () => {
    await setRate(0);
    const configured = await http().post('/api/v1/replication/configure').set(asAdmin).send({ mode: 'SYNCHRONOUS', standbyNodes: ['node-2'] });
    expect(configured.status).toBe(200);
    const handle = engine().cluster.put('accounts', 'sync-proof', { id: 'sync-proof', balance: 42 });
    expect(handle.status).toBe('WAITING');
    await fixture.server.advance(200);
    expect(handle.status).toBe('ACKNOWLEDGED');
    const status = await http().get('/api/v1/replication/status').set(asAdmin);
    expect(status.body.data.syncStandbys).toEqual(['node-2']);

    const timeline = engine().cluster.timeline();
    const response = await http().post('/api/v1/replication/failover').set(asAdmin).send({ targetReplicaId: 'node-2', reason: 'drill' });
    expectContract('triggerReplicationFailover', response);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ previousPrimaryId: 'node-1', newPrimaryId: 'node-2', previousTimeline: timeline, newTimeline: timeline + 1, lostCommits: 0, lostBytes: 0, reason: 'drill' });
    expect(response.body.data.followingReplicaIds).not.toContain('node-1');
    expect(engine().cluster.primary()).toBe('node-2');
    expect(engine().cluster.storageOf('node-2').getRow('accounts', 'sync-proof')?.row).toEqual({ id: 'sync-proof', balance: 42 });

    const view = await http().get('/api/v1/cluster/replication').set(asAdmin);
    expect(view.body.data.primaryNodeId).toBe('node-2');
    expect(view.body.data.nodes.find((node: { nodeId: string }) => node.nodeId === 'node-1').role).toBe('STANDBY');
    // The demoted primary re-copies from the new one and streams again.
    await fixture.server.advance(3000);
    expect((await replica('node-1')).body.data.state).toBe('STREAMING');
  });
});
