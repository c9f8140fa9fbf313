import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

/** Long enough for the first election (election timeout 1 s, randomized up to 2 s, plus pre-vote). */
const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

async function leaderId(): Promise<string> {
  const response = await fixture.server.http.get('/api/v1/cluster/nodes?role=LEADER').set(asAdmin);
  expect(response.body.data).toHaveLength(1);
  return response.body.data[0].nodeId as string;
}

async function historyOf(failoverId: string) {
  const response = await fixture.server.http.get(`/api/v1/cluster/failover/history?failoverId=${failoverId}`).set(asAdmin);
  expectContract('listFailoverHistory', response);
  return response.body.data[0];
}

async function crash(nodeId: string): Promise<string> {
  const response = await fixture.server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [nodeId] });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
}

async function heal(faultId: string): Promise<void> {
  expect((await fixture.server.http.delete(`/api/v1/simulation/faults/${faultId}`).set(asAdmin)).status).toBe(200);
}

describe('failover configuration', () => {
  test('reads the defaults, shared with the cluster configuration', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/failover/config').set(asAdmin);
    expectContract('getFailoverConfig', response);
    expect(response.body.data).toEqual({ autoFailover: true, detectionTimeoutMs: 1000, failoverTimeoutMs: 10000, splitBrainPrevention: 'QUORUM', maxFailoversPerHour: 0 });
  });

  test('a replaced configuration shows in the cluster configuration too', async () => {
    const settings = { autoFailover: true, detectionTimeoutMs: 1200, failoverTimeoutMs: 8000, splitBrainPrevention: 'QUORUM', maxFailoversPerHour: 0 };
    const response = await fixture.server.http.put('/api/v1/cluster/failover/config').set(asAdmin).send(settings);
    expectContract('updateFailoverConfig', response);
    expect(response.body.data).toEqual(settings);
    const cluster = await fixture.server.http.get('/api/v1/cluster/config').set(asAdmin);
    expect(cluster.body.data.electionTimeoutMs).toBe(1200);
    await fixture.server.http.put('/api/v1/cluster/failover/config').set(asAdmin).send({ ...settings, detectionTimeoutMs: 1000, failoverTimeoutMs: 10000 });
  });

  test('refuses a timeout shorter than detection (422), a bad body (400) and a viewer (403), changing nothing', async () => {
    const unprocessable = await fixture.server.http
      .put('/api/v1/cluster/failover/config')
      .set(asAdmin)
      .send({ autoFailover: true, detectionTimeoutMs: 3000, failoverTimeoutMs: 2000, splitBrainPrevention: 'QUORUM', maxFailoversPerHour: 0 });
    expect(unprocessable.status).toBe(422);
    expectContract('updateFailoverConfig', unprocessable);
    const invalid = await fixture.server.http.put('/api/v1/cluster/failover/config').set(asAdmin).send({ autoFailover: 'yes' });
    expect(invalid.status).toBe(400);
    expectContract('updateFailoverConfig', invalid);
    const forbidden = await fixture.server.http
      .put('/api/v1/cluster/failover/config')
      .set({ 'X-API-Key': fixture.viewerKey })
      .send({ autoFailover: false, detectionTimeoutMs: 1000, failoverTimeoutMs: 10000, splitBrainPrevention: 'QUORUM', maxFailoversPerHour: 0 });
    expect(forbidden.status).toBe(403);
    expectContract('updateFailoverConfig', forbidden);
    const unchanged = await fixture.server.http.get('/api/v1/cluster/failover/config').set(asAdmin);
    expect(unchanged.body.data).toMatchObject({ autoFailover: true, detectionTimeoutMs: 1000, failoverTimeoutMs: 10000 });
  });
});

describe('triggerFailover', () => {
  test('a switchover hands leadership to the target in a later term', async () => {
    const before = await leaderId();
    const target = before === 'node-3' ? 'node-4' : 'node-3';
    const response = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ targetNodeId: target, reason: 'maintenance of the leader' });
    expect(response.status).toBe(202);
    expectContract('triggerFailover', response);
    expect(response.body.data).toMatchObject({ kind: 'SWITCHOVER', status: 'IN_PROGRESS', previousLeaderId: before, targetNodeId: target });
    await fixture.server.advance(500);
    const done = await historyOf(response.body.data.failoverId);
    expect(done).toMatchObject({ status: 'COMPLETED', newLeaderId: target });
    expect(done.newTerm).toBeGreaterThan(done.previousTerm);
    expect(done.durationMs).toBeLessThan(500);
    expect(await leaderId()).toBe(target);
  });

  test('refuses an unknown target (404), the leader itself (422), a viewer (403) and a bad body (400)', async () => {
    const leader = await leaderId();
    const unknown = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ targetNodeId: 'node-99' });
    expect(unknown.status).toBe(404);
    expectContract('triggerFailover', unknown);
    const itself = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ targetNodeId: leader });
    expect(itself.status).toBe(422);
    expectContract('triggerFailover', itself);
    const forbidden = await fixture.server.http.post('/api/v1/cluster/failover').set({ 'X-API-Key': fixture.viewerKey }).send({});
    expect(forbidden.status).toBe(403);
    expectContract('triggerFailover', forbidden);
    const invalid = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ mode: 'SOMETIMES' });
    expect(invalid.status).toBe(400);
    expectContract('triggerFailover', invalid);
  });

  test('a second failover while one runs is a conflict', async () => {
    const first = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({});
    expect(first.status).toBe(202);
    const second = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({});
    expect(second.status).toBe(409);
    expectContract('triggerFailover', second);
    await fixture.server.advance(500);
    expect((await historyOf(first.body.data.failoverId)).status).toBe('COMPLETED');
  });

  test('with auto-failover off a dead leader stays dead until a manual FAILOVER elects the target', async () => {
    const settings = { autoFailover: false, detectionTimeoutMs: 1000, failoverTimeoutMs: 10000, splitBrainPrevention: 'QUORUM', maxFailoversPerHour: 0 };
    await fixture.server.http.put('/api/v1/cluster/failover/config').set(asAdmin).send(settings);
    const leader = await leaderId();
    const fault = await crash(leader);
    await fixture.server.advance(5000);
    const leaders = await fixture.server.http.get('/api/v1/cluster/nodes?role=LEADER').set(asAdmin);
    expect(leaders.body.data).toEqual([]);
    const target = leader === 'node-2' ? 'node-5' : 'node-2';
    const response = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ targetNodeId: target, mode: 'FAILOVER', reason: 'leader lost' });
    expectContract('triggerFailover', response);
    expect(response.body.data).toMatchObject({ kind: 'MANUAL', previousLeaderId: leader });
    await fixture.server.advance(500);
    expect(await historyOf(response.body.data.failoverId)).toMatchObject({ status: 'COMPLETED', newLeaderId: target });
    await heal(fault);
    await fixture.server.http.put('/api/v1/cluster/failover/config').set(asAdmin).send({ ...settings, autoFailover: true });
    await fixture.server.advance(3000);
  });
});

describe('automatic failover, suspects and history', () => {
  test('a crashed leader is replaced on its own, recorded AUTOMATIC with its timeline, and listed as suspected', async () => {
    const leader = await leaderId();
    const fault = await crash(leader);
    // The sweep runs every heartbeat interval (500 ms): past 1.5 s of silence it is SUSPECTED by 2.1 s, DOWN only at 5 s.
    await fixture.server.advance(2100);
    const suspects = await fixture.server.http.get('/api/v1/cluster/failover/suspected-nodes').set(asAdmin);
    expectContract('listSuspectedNodes', suspects);
    expect(suspects.body.data).toMatchObject([{ nodeId: leader, status: 'SUSPECTED', isVoter: true }]);
    await fixture.server.advance(4000);
    const history = await fixture.server.http.get('/api/v1/cluster/failover/history?kind=AUTOMATIC&limit=1').set(asAdmin);
    expectContract('listFailoverHistory', history);
    const [automatic] = history.body.data;
    expect(automatic).toMatchObject({ status: 'COMPLETED', previousLeaderId: leader, initiatedBy: 'failure-detector' });
    expect(automatic.timeline.map((step: { step: string }) => step.step)).toEqual(expect.arrayContaining(['INITIATED', 'LEADER_LOST', 'ELECTION_STARTED', 'LEADER_ELECTED', 'COMPLETED']));
    expect(automatic.durationMs).toBeLessThan(10_000);
    const down = await fixture.server.http.get('/api/v1/cluster/failover/suspected-nodes?status=DOWN').set(asAdmin);
    expect(down.body.data.map((node: { nodeId: string }) => node.nodeId)).toEqual([leader]);
    await heal(fault);
    await fixture.server.advance(3000);
  });

  test('history pages, sorts and selects fields', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/failover/history?limit=2&sort_by=durationMs&order=asc&fields=kind,status').set(asAdmin);
    expectContract('listFailoverHistory', response, { sparse: true });
    expect(response.body.data).toHaveLength(2);
    expect(Object.keys(response.body.data[0]).sort()).toEqual(['failoverId', 'kind', 'status']);
    expect(response.body.pagination.total).toBeGreaterThanOrEqual(4);
  });
});

describe('testFailover', () => {
  test('a drill on the leader measures detection and election on the cluster clock, heals, and passes', async () => {
    const leader = await leaderId();
    const response = await fixture.server.http.post('/api/v1/cluster/failover/test').set(asAdmin).send({ maxDurationMs: 5000 });
    expectContract('testFailover', response);
    const drill = response.body.data;
    expect(drill).toMatchObject({ status: 'PASSED', faultType: 'crash', targetNodeId: leader, targetWasLeader: true, withinBound: true, healed: true });
    expect(drill.newLeaderId).not.toBe(leader);
    expect(drill.totalTimeMs).toBe(drill.detectionTimeMs + drill.electionTimeMs);
    expect(drill.detectionTimeMs).toBeGreaterThanOrEqual(1000);
    const faults = await fixture.server.http.get('/api/v1/simulation/faults').set(asAdmin);
    expect(faults.body.data).toEqual([]);
    expect((await historyOf(drill.failoverId)).kind).toBe('DRILL');
    await fixture.server.advance(3000);
  });

  test('a drill on a follower measures detection only', async () => {
    const leader = await leaderId();
    const follower = leader === 'node-1' ? 'node-2' : 'node-1';
    const response = await fixture.server.http.post('/api/v1/cluster/failover/test').set(asAdmin).send({ targetNodeId: follower, faultType: 'partition' });
    expectContract('testFailover', response);
    expect(response.body.data).toMatchObject({ status: 'PASSED', targetWasLeader: false, failoverId: null, newLeaderId: null });
    expect(response.body.data.detectionTimeMs).toBeGreaterThanOrEqual(5000);
    expect(await leaderId()).toBe(leader);
    await fixture.server.advance(3000);
  });

  test('refuses an unknown target (404), a viewer (403) and a bad body (400)', async () => {
    const unknown = await fixture.server.http.post('/api/v1/cluster/failover/test').set(asAdmin).send({ targetNodeId: 'node-42' });
    expect(unknown.status).toBe(404);
    expectContract('testFailover', unknown);
    const forbidden = await fixture.server.http.post('/api/v1/cluster/failover/test').set({ 'X-API-Key': fixture.viewerKey }).send({});
    expect(forbidden.status).toBe(403);
    expectContract('testFailover', forbidden);
    const invalid = await fixture.server.http.post('/api/v1/cluster/failover/test').set(asAdmin).send({ faultType: 'meteor' });
    expect(invalid.status).toBe(400);
    expectContract('testFailover', invalid);
  });
});

describe('getFailoverStatistics', () => {
  test('counts the recorded failovers by kind, with durations', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/failover/statistics').set({ 'X-API-Key': fixture.viewerKey });
    expectContract('getFailoverStatistics', response);
    const statistics = response.body.data;
    // Two switchovers: one to a target, one to the best voter (an empty body while the leader is healthy).
    expect(statistics.byKind).toMatchObject({ SWITCHOVER: 2, DRILL: 1 });
    expect(statistics.byKind.AUTOMATIC).toBeGreaterThanOrEqual(1);
    expect(statistics.byKind.MANUAL).toBeGreaterThanOrEqual(1);
    expect(statistics.total).toBe(statistics.completed + statistics.failed + statistics.inProgress);
    expect(statistics.maxDurationMs).toBeGreaterThanOrEqual(statistics.p50DurationMs);
    expect(statistics.automaticFailoversLastHour).toBe(statistics.byKind.AUTOMATIC);
  });
});
