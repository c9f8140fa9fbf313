/**
 * Channel rules and their alerts survive a server restart (two platforms on one store): the rule
 * is in replication's rule book record, the firing alert in the alert engine's; after the restart
 * the rule keeps being evaluated, and resuming the standby resolves the alert fired before it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer } from '../../support/test-server.js';

const asAdmin = { 'X-API-Key': ADMIN_KEY };
const M = '/api/v1/advanced-replication/monitoring';
const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-monitoring-'));
const storePath = join(dataDir, 'rustydb.sqlite');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('a restart keeps the channel rules and their firing alerts; the rules go on being evaluated', async () => {
  const first = await startTestServer({ nodes: 3, storePath });
  let rule: Record<string, unknown>;
  try {
    await first.advance(1000);
    const created = await first.http.post(`${M}/alerts`).set(asAdmin).send({ name: 'standby over 1 KiB', metric: 'LAG_BYTES', threshold: 1024, forMs: 1000, severity: 'ERROR', channelId: 'walsender-node-3' });
    expectContract('createChannelAlertRule', created);
    first.platform.engines.replication.cluster.pauseReplica('node-3');
    await first.advance(3000);
    const firing = await first.http.get(`${M}/alerts`).set(asAdmin);
    rule = firing.body.data[0];
    expect(rule).toMatchObject({ ruleId: created.body.data.ruleId, firingChannelIds: ['walsender-node-3'] });
  } finally {
    await first.close();
  }

  const second = await startTestServer({ nodes: 3, storePath });
  try {
    const kept = await second.http.get(`${M}/alerts`).set(asAdmin);
    expectContract('listChannelAlertRules', kept);
    expect(kept.body.data).toEqual([rule]);
    second.platform.engines.replication.cluster.resumeReplica('node-3');
    await second.advance(2000);
    const dashboard = await second.http.get(`${M}/dashboard`).set(asAdmin);
    expectContract('getMonitoringDashboard', dashboard);
    expect(dashboard.body.data.firingAlerts).toEqual([]);
    const history = await second.http.get('/api/v1/alerts/history?source=replication').set(asAdmin);
    expect(history.body.data.some((alert: { labels: Record<string, string> }) => alert.labels.rule === rule.ruleId && alert.labels.channel === 'walsender-node-3')).toBe(true);
  } finally {
    await second.close();
  }
});
