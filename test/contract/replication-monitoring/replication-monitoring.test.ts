/**
 * Replication monitoring against the contract: every operation under
 * /api/v1/advanced-replication/monitoring, its aliases under /api/v1/replication/monitoring and
 * its GraphQL twins, on one server whose standby node-3 is paused (its lag rises and fires a
 * rule), with a second kind of channel registered by a test source (the registry reads several).
 */
import { describe, expect, test } from 'vitest';
import type { ChannelSource } from '../../../src/engines/replication-monitoring/channel.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 3 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const M = '/api/v1/advanced-replication/monitoring';
const V = '/api/v1/replication/monitoring';

/** A logical channel whose counters move with the cluster clock (the logical engine's own source lands later). */
function logicalTestSource(clock: () => number, startMs: number): ChannelSource {
  return {
    kind: 'LOGICAL',
    channels: () => {
      const seconds = Math.floor((clock() - startMs) / 1000);
      return [
        {
          channelId: 'logical-test-1',
          kind: 'LOGICAL',
          source: { nodeId: 'node-1', datacenterId: null },
          target: { nodeId: 'node-3', datacenterId: null },
          state: 'CATCHING_UP',
          stateDetail: 'RUNNING',
          lagBytes: 100 * seconds,
          lagMs: 250,
          lagOperations: seconds,
          bytesShipped: 1000 * seconds,
          operationsShipped: 10 * seconds,
          errors: seconds,
          conflicts: 2 * seconds,
        },
      ];
    },
  };
}

describe('replication monitoring', () => {
  test('channels of several kinds, their lag, throughput, errors and conflicts, REST, aliases and GraphQL twins', async () => {
    const { server } = fixture;
    const clock = server.platform.runtime.clock;
    server.platform.engines.replicationMonitoring.register(logicalTestSource(() => clock.now(), clock.now()));
    await server.advance(3000);

    const channels = await server.http.get(`${M}/channels`).set(asAdmin);
    expectContract('listMonitoredChannels', channels);
    expect(channels.body.data.map((channel: { channelId: string }) => channel.channelId)).toEqual(['logical-test-1', 'walsender-node-2', 'walsender-node-3']);
    const physical = channels.body.data[1];
    expect(physical).toMatchObject({ kind: 'PHYSICAL', source: { nodeId: 'node-1' }, target: { nodeId: 'node-2' }, state: 'STREAMING', lagOperations: null, conflicts: 0 });
    expect(physical.rates.bytesPerSecond).toBeGreaterThan(0);
    expect(channels.body.data[0].rates).toMatchObject({ operationsPerSecond: 10, errorsPerSecond: 1, conflictsPerSecond: 2 });

    const onlyLogical = await server.http.get(`${M}/channels?kind=LOGICAL&state=CATCHING_UP`).set(asAdmin);
    expectContract('listMonitoredChannels', onlyLogical);
    expect(onlyLogical.body.pagination.total).toBe(1);

    const lag = await server.http.get(`${M}/lag`).set(asAdmin);
    expectContract('listChannelLag', lag);
    expect(lag.body.data[0]).toMatchObject({ channelId: 'logical-test-1', lagMs: 250, lagOperations: 3 });
    const lagAlias = await server.http.get(`${V}/lag`).set(asAdmin);
    expectContract('listChannelLagAlias', lagAlias);
    expect(lagAlias.body.data).toEqual(lag.body.data);

    const throughput = await server.http.get(`${V}/throughput?kind=LOGICAL`).set(asAdmin);
    expectContract('listChannelThroughputAlias', throughput);
    expect(throughput.body.data).toEqual([{ channelId: 'logical-test-1', kind: 'LOGICAL', state: 'CATCHING_UP', bytesShipped: 3000, operationsShipped: 30, bytesPerSecond: 1000, operationsPerSecond: 10, measuredOverMs: 2000 }]);
    expectContract('listChannelThroughput', await server.http.get(`${M}/throughput`).set(asAdmin));

    const errors = await server.http.get(`${M}/errors?kind=LOGICAL`).set(asAdmin);
    expectContract('listChannelErrors', errors);
    expect(errors.body.data[0]).toMatchObject({ errors: 3, errorsPerSecond: 1 });
    expectContract('listChannelErrorsAlias', await server.http.get(`${V}/errors`).set(asAdmin));

    const conflicts = await server.http.get(`${M}/conflicts`).set(asAdmin);
    expectContract('listChannelConflicts', conflicts);
    expect(conflicts.body.data.map((channel: { conflicts: number }) => channel.conflicts)).toEqual([6, 0, 0]);

    const scrape = await server.http.get('/api/v1/metrics/prometheus').set(asAdmin);
    expect(scrape.text).toMatch(/^rustydb_replication_channel_conflicts_total\{channel="logical-test-1",kind="logical"\} 6$/m);
    expect(scrape.text).toMatch(/^rustydb_replication_channels\{kind="physical",state="streaming"\} 2$/m);

    const badKind = await server.http.get(`${M}/lag?kind=CARRIER_PIGEON`).set(asAdmin);
    expectContract('listChannelLag', badKind);
    expect(badKind.status).toBe(400);

    const twins = dataOf(
      await graphql<{ monitoredChannels: { channelId: string; rates: { operationsPerSecond: number } }[]; channelLag: { channelId: string }[]; channelThroughput: unknown[]; channelErrors: { errors: number }[]; channelConflicts: { conflicts: number }[] }>(
        server,
        `{ monitoredChannels(kind: LOGICAL) { channelId rates { operationsPerSecond } }
           channelLag(limit: 1) { channelId }
           channelThroughput { channelId }
           channelErrors(kind: LOGICAL) { errors }
           channelConflicts(kind: LOGICAL) { conflicts } }`,
      ),
    );
    expect(twins).toEqual({
      monitoredChannels: [{ channelId: 'logical-test-1', rates: { operationsPerSecond: 10 } }],
      channelLag: [{ channelId: 'logical-test-1' }],
      channelThroughput: [{ channelId: 'logical-test-1' }, { channelId: 'walsender-node-2' }, { channelId: 'walsender-node-3' }],
      channelErrors: [{ errors: 3 }],
      channelConflicts: [{ conflicts: 6 }],
    });
  });

  test('a paused standby: its lag series rises, a rule fires, the dashboard shows it; resuming resolves it', async () => {
    const { server, viewerKey } = fixture;
    const forbidden = await server.http.post(`${M}/alerts`).set({ 'X-API-Key': viewerKey }).send({ metric: 'LAG_BYTES', threshold: 1 });
    expectContract('createChannelAlertRule', forbidden);
    expect(forbidden.status).toBe(403);
    const invalid = await server.http.post(`${M}/alerts`).set(asAdmin).send({ metric: 'LAG_BYTES', threshold: -1 });
    expectContract('createChannelAlertRule', invalid);
    expect(invalid.status).toBe(400);

    const created = await server.http.post(`${M}/alerts`).set(asAdmin).send({ name: 'physical lag over 2 KiB', metric: 'LAG_BYTES', threshold: 2048, forMs: 1000, severity: 'CRITICAL', kind: 'PHYSICAL' });
    expectContract('createChannelAlertRule', created);
    expect(created.status).toBe(201);
    const ruleId = created.body.data.ruleId as string;
    const viaAlias = await server.http.post(`${V}/alerts`).set(asAdmin).send({ metric: 'ERRORS_PER_SECOND', threshold: 100 });
    expectContract('createChannelAlertRuleAlias', viaAlias);
    expect(viaAlias.body.data).toMatchObject({ name: 'ERRORS_PER_SECOND > 100', severity: 'WARNING', forMs: 0, channelId: null, kind: null });

    server.platform.engines.replication.cluster.pauseReplica('node-3');
    await server.advance(4000);

    const series = await server.http.get(`${M}/timeseries?channelId=walsender-node-3&metric=LAG_BYTES&maxPoints=3`).set(asAdmin);
    expectContract('getChannelTimeSeries', series);
    const points = series.body.data.points as { value: number }[];
    expect(series.body.data.pointsInWindow).toBeGreaterThan(3);
    expect(points).toHaveLength(3);
    expect(points.at(-1)!.value).toBeGreaterThan(2048);
    expect(points.at(-1)!.value).toBeGreaterThan(points[0]!.value);

    const dashboard = await server.http.get(`${M}/dashboard`).set(asAdmin);
    expectContract('getMonitoringDashboard', dashboard);
    const data = dashboard.body.data;
    // Every registered kind once: the platform's own sources (geo, logical, multi-master) besides this test's.
    const kinds = data.kinds.map((kind: { kind: string }) => kind.kind);
    expect(kinds).toEqual(expect.arrayContaining(['PHYSICAL', 'LOGICAL']));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(data.byState.PAUSED).toBe(1);
    expect(data.worstLag.map((channel: { channelId: string }) => channel.channelId)).toContain('walsender-node-3');
    expect(data.firingAlerts).toEqual([expect.objectContaining({ ruleId, channelId: 'walsender-node-3', state: 'FIRING', severity: 'CRITICAL', ruleName: 'physical lag over 2 KiB' })]);
    expect(data.alertRules.find((rule: { ruleId: string }) => rule.ruleId === ruleId).firingChannelIds).toEqual(['walsender-node-3']);
    const aliasDashboard = await server.http.get(`${V}/dashboard`).set(asAdmin);
    expectContract('getMonitoringDashboardAlias', aliasDashboard);
    // The same alert is the one alert model's.
    const alerts = await server.http.get('/api/v1/alerts?source=replication&state=FIRING').set(asAdmin);
    expect(alerts.body.data.some((alert: { labels: Record<string, string> }) => alert.labels.channel === 'walsender-node-3' && alert.labels.rule === ruleId)).toBe(true);

    const gql = dataOf(
      await graphql<{ replicationMonitoringDashboard: { firingAlerts: { channelId: string }[]; kinds: { kind: string }[] }; channelTimeSeries: { points: unknown[] }; channelAlertRules: { ruleId: string }[] }>(
        server,
        `query ($ruleMetric: ChannelMetric) { replicationMonitoringDashboard { firingAlerts { channelId } kinds { kind } }
           channelTimeSeries(channelId: "walsender-node-3", metric: LAG_BYTES, maxPoints: 2) { points { at value } }
           channelAlertRules(metric: $ruleMetric) { ruleId } }`,
        { ruleMetric: 'LAG_BYTES' },
      ),
    );
    expect(gql.replicationMonitoringDashboard.firingAlerts).toEqual([{ channelId: 'walsender-node-3' }]);
    expect(gql.channelTimeSeries.points).toHaveLength(2);
    expect(gql.channelAlertRules).toEqual([{ ruleId }]);

    server.platform.engines.replication.cluster.resumeReplica('node-3');
    await server.advance(2000);
    const after = await server.http.get(`${M}/alerts`).set(asAdmin);
    expectContract('listChannelAlertRules', after);
    expect(after.body.data.find((rule: { ruleId: string }) => rule.ruleId === ruleId).firingChannelIds).toEqual([]);
    expectContract('listChannelAlertRulesAlias', await server.http.get(`${V}/alerts?metric=LAG_BYTES`).set(asAdmin));

    const unknown = await server.http.get(`${M}/timeseries?channelId=walsender-node-9&metric=LAG_MS`).set(asAdmin);
    expectContract('getChannelTimeSeries', unknown);
    expect(unknown.status).toBe(404);
    const backwards = await server.http.get(`${M}/timeseries?channelId=walsender-node-2&metric=LAG_MS&since=2030-01-02T00:00:00.000Z&until=2030-01-01T00:00:00.000Z`).set(asAdmin);
    expectContract('getChannelTimeSeries', backwards);
    expect(backwards.status).toBe(422);
  });

  test('rules are changed and deleted, REST and GraphQL; an unknown rule is 404', async () => {
    const { server } = fixture;
    const created = dataOf(await graphql<{ createChannelAlertRule: { ruleId: string; kind: string } }>(server, 'mutation { createChannelAlertRule(input: { metric: LAG_MS, threshold: 5000, kind: LOGICAL }) { ruleId kind } }'));
    const ruleId = created.createChannelAlertRule.ruleId;
    const updated = await server.http.put(`${M}/alerts/${ruleId}`).set(asAdmin).send({ threshold: 9000, kind: null });
    expectContract('updateChannelAlertRule', updated);
    expect(updated.body.data).toMatchObject({ ruleId, threshold: 9000, kind: null, metric: 'LAG_MS' });
    const gqlUpdated = dataOf(await graphql<{ updateChannelAlertRule: { severity: string; threshold: number } }>(server, `mutation { updateChannelAlertRule(id: "${ruleId}", input: { severity: ERROR }) { severity threshold } }`));
    expect(gqlUpdated.updateChannelAlertRule).toEqual({ severity: 'ERROR', threshold: 9000 });
    const empty = await server.http.put(`${M}/alerts/${ruleId}`).set(asAdmin).send({});
    expectContract('updateChannelAlertRule', empty);
    expect(empty.status).toBe(400);
    const deleted = await server.http.delete(`${M}/alerts/${ruleId}`).set(asAdmin);
    expectContract('deleteChannelAlertRule', deleted);
    expect(deleted.body.data).toMatchObject({ ruleId, severity: 'ERROR' });
    const again = await server.http.delete(`${M}/alerts/${ruleId}`).set(asAdmin);
    expectContract('deleteChannelAlertRule', again);
    expect(again.status).toBe(404);
    const missing = await server.http.put(`${M}/alerts/rule-999`).set(asAdmin).send({ threshold: 1 });
    expectContract('updateChannelAlertRule', missing);
    expect(missing.status).toBe(404);
    const gqlMissing = await graphql(server, 'mutation { deleteChannelAlertRule(id: "rule-999") { ruleId } }');
    expect(codesOf(gqlMissing)).toEqual(['NOT_FOUND']);
    // Replication's lag rules are not channel rules: rule-1 is not changed here.
    const lagRule = await server.http.delete(`${M}/alerts/rule-1`).set(asAdmin);
    expect(lagRule.status).toBe(404);
  });
});
