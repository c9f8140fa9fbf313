import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { dataOf, graphql } from '../../support/graphql.js';

const fixture = useTestServer({ nodes: 4 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const DASHBOARD = '/api/v1/replication/monitor/dashboard';

describe('GET /api/v1/replication/monitor/dashboard', () => {
  test('gathers status, lag, rates, slots, firing alerts, conflicts and snapshots from the engine', async () => {
    const { server } = fixture;
    const engine = server.platform.engines.replication;
    const rule = await server.http
      .post('/api/v1/replication/monitor/alerts')
      .set(asAdmin)
      .send({ name: 'node-3 replay lag over 1 s', metric: 'REPLAY_LAG_MS', threshold: 1000, forMs: 0, severity: 'CRITICAL', replicaId: 'node-3' });
    expect(rule.status).toBe(201);
    expect((await server.http.post('/api/v1/replication/replicas/node-3/pause').set(asAdmin)).status).toBe(200);
    engine.cluster.put('accounts', 'acct-1', { balance: 100 });
    expect((await server.http.post('/api/v1/replication/conflicts/simulate').set(asAdmin).send({ tableName: 'accounts', rowKey: 'acct-1' })).status).toBe(201);
    await server.advance(4000);
    expect((await server.http.post('/api/v1/replication/snapshots').set(asAdmin).send({})).status).toBe(202);

    const response = await server.http.get(DASHBOARD).set({ 'X-API-Key': fixture.viewerKey });
    expect(response.status).toBe(200);
    expectContract('getReplicationDashboard', response);
    const dashboard = response.body.data;
    expect(dashboard.status.primaryNodeId).toBe(engine.cluster.primary());
    expect(dashboard.lag.map((row: { replicaId: string }) => row.replicaId)).toEqual(engine.cluster.listReplicas().map((replica) => replica.replicaId));
    expect(dashboard.commitsPerSecond).toBeGreaterThan(0);
    expect(dashboard.walBytesPerSecond).toBeGreaterThan(0);
    const slotCount = engine.cluster.listSlots().length;
    expect(dashboard.slots.reserved + dashboard.slots.extended + dashboard.slots.unreserved + dashboard.slots.lost).toBe(slotCount);
    expect(dashboard.alertRules.map((each: { ruleId: string }) => each.ruleId)).toContain(rule.body.data.ruleId);
    expect(dashboard.firingAlerts[0]).toMatchObject({ ruleId: rule.body.data.ruleId, replicaId: 'node-3', severity: 'CRITICAL', state: 'FIRING' });
    expect(dashboard.unresolvedConflicts).toBe(1);
    expect(dashboard.snapshotsInProgress).toBe(1);

    const twin = dataOf(await graphql<{ replicationDashboard: { unresolvedConflicts: number; snapshotsInProgress: number; firingAlerts: { ruleId: string }[] } }>(
      server,
      '{ replicationDashboard { unresolvedConflicts snapshotsInProgress firingAlerts { ruleId } } }',
    ));
    expect(twin.replicationDashboard).toEqual({ unresolvedConflicts: 1, snapshotsInProgress: 1, firingAlerts: dashboard.firingAlerts.map((alert: { ruleId: string }) => ({ ruleId: alert.ruleId })) });
  });

  test('needs a key', async () => {
    const response = await fixture.server.http.get(DASHBOARD);
    expect(response.status).toBe(401);
    expectContract('getReplicationDashboard', response);
  });
});
