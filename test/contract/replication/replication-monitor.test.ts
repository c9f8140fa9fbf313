import { describe, expect, test } from 'vitest';
import { formatLsn } from '../../../src/engines/replication/lsn.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 3 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const MONITOR = '/api/v1/replication/monitor';

function engine() {
  return fixture.server.platform.engines.replication;
}

async function channels() {
  const response = await fixture.server.http.get(`${MONITOR}/channels`).set(asAdmin);
  expectContract('listReplicationChannels', response);
  return response.body.data as { channelId: string; replicaId: string; bytesSent: number; batchesSent: number; statusReports: number; sentLsn: string; throughputBytesPerSecond: number }[];
}

describe('replication channels', () => {
  test('one WAL sender per standby, its counters growing as the workload streams', async () => {
    const before = await channels();
    expect(before.map((channel) => [channel.channelId, channel.replicaId])).toEqual([
      ['walsender-node-2', 'node-2'],
      ['walsender-node-3', 'node-3'],
    ]);
    await fixture.server.advance(2000);
    const after = await channels();
    for (const [index, channel] of after.entries()) {
      const earlier = before[index]!;
      expect(channel.bytesSent).toBeGreaterThan(earlier.bytesSent);
      expect(channel.batchesSent).toBeGreaterThan(earlier.batchesSent);
      expect(channel.statusReports).toBeGreaterThan(earlier.statusReports);
      expect(channel.throughputBytesPerSecond).toBeGreaterThan(0);
      expect(channel).toMatchObject({ state: 'STREAMING', sentLsn: formatLsn(engine().cluster.listChannels()[index]!.sentLsn) });
    }
    const disconnected = await fixture.server.http.get(`${MONITOR}/channels?state=DISCONNECTED`).set(asAdmin);
    expectContract('listReplicationChannels', disconnected);
    expect(disconnected.body.data).toEqual([]);
  });
});

describe('the lag time series', () => {
  test('a sample per standby per interval, oldest first, in a window with until exclusive', async () => {
    const all = await fixture.server.http.get(`${MONITOR}/lag?replicaId=node-2`).set(asAdmin);
    expectContract('listReplicationLagSamples', all);
    const samples = all.body.data as { replicaId: string; at: string; primaryLsn: string; replayLsn: string; lagBytes: number }[];
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const times = samples.map((sample) => Date.parse(sample.at));
    expect(times.slice(1).map((time, index) => time - times[index]!)).toEqual(times.slice(1).map(() => 1000));
    expect(samples.every((sample) => sample.replicaId === 'node-2')).toBe(true);
    const engineSamples = engine().monitor.samples('node-2');
    expect(samples.at(-1)).toMatchObject({ lagBytes: engineSamples.at(-1)!.lagBytes, replayLsn: formatLsn(engineSamples.at(-1)!.replayLsn) });

    const since = samples[1]!.at;
    const until = samples.at(-1)!.at;
    const window = await fixture.server.http.get(`${MONITOR}/lag?since=${since}&until=${until}`).set(asAdmin);
    expectContract('listReplicationLagSamples', window);
    const windowed = window.body.data as { replicaId: string; at: string }[];
    // Both standbys, from since up to (not including) until, by time then replica.
    expect(windowed.map((sample) => [sample.at, sample.replicaId])).toEqual(
      samples.slice(1, -1).flatMap((sample) => [
        [sample.at, 'node-2'],
        [sample.at, 'node-3'],
      ]),
    );
    const paged = await fixture.server.http.get(`${MONITOR}/lag?limit=1&offset=1`).set(asAdmin);
    expect(paged.body.pagination).toMatchObject({ limit: 1, offset: 1, hasMore: true });
  });

  test('refuses until before since (422), an unknown replica (404), a limit over 10000 (400) and no credentials (401)', async () => {
    const backwards = await fixture.server.http.get(`${MONITOR}/lag?since=2026-11-21T10:30:00.000Z&until=2026-11-21T10:00:00.000Z`).set(asAdmin);
    expect(backwards.status).toBe(422);
    expectContract('listReplicationLagSamples', backwards);
    const unknown = await fixture.server.http.get(`${MONITOR}/lag?replicaId=node-9`).set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('listReplicationLagSamples', unknown);
    const tooMany = await fixture.server.http.get(`${MONITOR}/lag?limit=10001`).set(asAdmin);
    expect(tooMany.status).toBe(400);
    expectContract('listReplicationLagSamples', tooMany);
    const viewer = await fixture.server.http.get(`${MONITOR}/lag?limit=10000`).set({ 'X-API-Key': fixture.viewerKey });
    expect(viewer.status).toBe(200);
    const anonymous = await fixture.server.http.get(`${MONITOR}/lag`);
    expect(anonymous.status).toBe(401);
  });
});

describe('alert rules and alerts', () => {
  let ruleId: string;

  test('creates a rule (201); the same rule again is a conflict (409), an unknown replica 404, a bad body 400, a viewer 403', async () => {
    const rule = { name: 'node-2 replay over 1 s', metric: 'REPLAY_LAG_MS', threshold: 1000, forMs: 2000, severity: 'CRITICAL', replicaId: 'node-2' };
    const created = await fixture.server.http.post(`${MONITOR}/alerts`).set(asAdmin).send(rule);
    expect(created.status).toBe(201);
    expectContract('createReplicationAlertRule', created);
    ruleId = created.body.data.ruleId;
    expect(created.body.data).toMatchObject({ ...rule, pendingReplicaIds: [], firingReplicaIds: [], createdBy: fixture.server.admin.caller.keyId });
    expect(engine().monitor.rules().map((each) => each.ruleId)).toContain(ruleId);

    const defaults = await fixture.server.http.post(`${MONITOR}/alerts`).set(asAdmin).send({ metric: 'LAG_BYTES', threshold: 1_048_576 });
    expect(defaults.status).toBe(201);
    expect(defaults.body.data).toMatchObject({ name: 'LAG_BYTES > 1048576', forMs: 0, severity: 'WARNING', replicaId: null });

    const count = engine().monitor.rules().length;
    const same = await fixture.server.http.post(`${MONITOR}/alerts`).set(asAdmin).send({ ...rule, name: 'another name' });
    expect(same.status).toBe(409);
    expectContract('createReplicationAlertRule', same);
    expect(same.body.error.details).toEqual({ ruleId });
    const unknown = await fixture.server.http.post(`${MONITOR}/alerts`).set(asAdmin).send({ ...rule, replicaId: 'node-9' });
    expect(unknown.status).toBe(404);
    expectContract('createReplicationAlertRule', unknown);
    const invalid = await fixture.server.http.post(`${MONITOR}/alerts`).set(asAdmin).send({ metric: 'CPU', threshold: 1 });
    expect(invalid.status).toBe(400);
    expectContract('createReplicationAlertRule', invalid);
    const forbidden = await fixture.server.http.post(`${MONITOR}/alerts`).set({ 'X-API-Key': fixture.viewerKey }).send({ metric: 'LAG_BYTES', threshold: 5 });
    expect(forbidden.status).toBe(403);
    expectContract('createReplicationAlertRule', forbidden);
    expect(engine().monitor.rules()).toHaveLength(count);
  });

  test('a paused replica\'s replay lag makes the alert PENDING, then FIRING after forMs; resuming resolves it', async () => {
    // Pause is part A's REST operation; the engine serves it the same, beneath the API.
    engine().cluster.pauseReplica('node-2');
    await fixture.server.advance(2000);
    const pending = await fixture.server.http.get(`${MONITOR}/alerts?ruleId=${ruleId}`).set(asAdmin);
    expectContract('listReplicationAlerts', pending);
    expect(pending.body.data).toMatchObject([{ ruleId, replicaId: 'node-2', state: 'PENDING', firedAt: null }]);

    await fixture.server.advance(2000);
    const firing = await fixture.server.http.get(`${MONITOR}/alerts?state=FIRING&severity=CRITICAL&replicaId=node-2`).set(asAdmin);
    expectContract('listReplicationAlerts', firing);
    const alert = firing.body.data.find((each: { ruleId: string }) => each.ruleId === ruleId);
    expect(alert).toMatchObject({ ruleName: 'node-2 replay over 1 s', metric: 'REPLAY_LAG_MS', threshold: 1000, resolvedAt: null });
    expect(alert.value).toBeGreaterThan(1000);
    expect(alert.peakValue).toBeGreaterThanOrEqual(alert.value);
    expect(Date.parse(alert.firedAt) - Date.parse(alert.breachStartedAt)).toBeGreaterThanOrEqual(2000);
    expect(alert.message).toBe(`node-2: replay lag ${alert.value} ms > 1000 ms for 2000 ms`);
    expect(alert.value).toBe(engine().monitor.samples('node-2').at(-1)!.replayLagMs);

    engine().cluster.resumeReplica('node-2');
    await fixture.server.advance(3000);
    const resolved = await fixture.server.http.get(`${MONITOR}/alerts?ruleId=${ruleId}`).set(asAdmin);
    expectContract('listReplicationAlerts', resolved);
    expect(resolved.body.data[0]).toMatchObject({ alertId: alert.alertId, state: 'RESOLVED' });
    expect(resolved.body.data[0].resolvedAt).not.toBeNull();
    const viewer = await fixture.server.http.get(`${MONITOR}/alerts`).set({ 'X-API-Key': fixture.viewerKey });
    expect(viewer.status).toBe(200);
    expectContract('listReplicationAlerts', viewer);
  });
});
