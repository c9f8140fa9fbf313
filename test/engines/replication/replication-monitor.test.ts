import { afterEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../src/engines/alerts/alert-engine.js';
import { DEFAULT_ALERT_RULES, ReplicationMonitor } from '../../../src/engines/replication/replication-monitor.js';
import { Workload } from '../../../src/engines/replication/workload.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { domainErrorFrom, startReplication, type ReplicationHarness } from './harness.js';

let harness: ReplicationHarness | undefined;
let monitor: ReplicationMonitor | undefined;

afterEach(async () => {
  monitor?.close();
  monitor = undefined;
  await harness?.close();
  harness = undefined;
});

async function start(store?: SqliteStore): Promise<{ h: ReplicationHarness; m: ReplicationMonitor; published: unknown[] }> {
  const h = await startReplication(store ? { store } : {});
  const published: unknown[] = [];
  const alerts = await AlertEngine.load(h.store, { clock: h.runtime.clock, journal: h.journal });
  const m = await ReplicationMonitor.load(h.store, { clock: h.runtime.clock, cluster: h.cluster, journal: h.journal, alerts: alerts.source('replication'), bus: { publish: (_type, _source, payload) => published.push(payload) } });
  return { h, m, published };
}

describe('ReplicationMonitor', () => {
  it('samples every standby each interval and measures WAL and commit rates', async () => {
    const { h, m } = await start();
    harness = h;
    monitor = m;
    const workload = new Workload(h.runtime.clock, h.runtime.rng.fork('load'), h.cluster.workloadTarget());
    workload.set({ ratePerSecond: 50 });
    await h.advance(5000);
    expect(m.samples('node-2')).toHaveLength(5);
    expect(m.samples('node-3', { fromMs: h.runtime.clock.now() - 2000 })).toHaveLength(3);
    const last = m.samples('node-2').at(-1)!;
    expect(last.primaryLsn - last.replayLsn).toBe(last.lagBytes);
    const rates = m.rates();
    expect(rates.commitsPerSecond).toBeGreaterThan(20);
    expect(rates.walBytesPerSecond).toBeGreaterThan(0);
    expect(rates.channelBytesPerSecond.get('node-2')).toBeGreaterThan(0);
    workload.stop();
  });

  it('starts with the default rules; a paused replay fires the replay-lag alert, and resuming resolves it', async () => {
    const { h, m, published } = await start();
    harness = h;
    monitor = m;
    expect(m.rules().map((rule) => rule.name)).toEqual(DEFAULT_ALERT_RULES.map((rule) => rule.name));
    const rule = m.addRule({ name: 'replay lag over 2 s', metric: 'REPLAY_LAG_MS', threshold: 2000, forMs: 1000, severity: 'CRITICAL', replicaId: 'node-3' }, 'key-1');
    expect(rule).toMatchObject({ ruleId: 'rule-3', createdBy: 'key-1' });
    const workload = new Workload(h.runtime.clock, h.runtime.rng.fork('load'), h.cluster.workloadTarget());
    workload.set({ ratePerSecond: 20 });
    h.cluster.pauseReplica('node-3');
    await h.advance(5000);
    const firing = m.alerts().filter((alert) => alert.state === 'FIRING' && alert.ruleId === 'rule-3');
    expect(firing).toHaveLength(1);
    expect(firing[0]!.value).toBeGreaterThan(2000);
    expect(published).toContainEqual(expect.objectContaining({ ruleId: 'rule-3', state: 'FIRING', replicaId: 'node-3', message: expect.stringMatching(/^node-3: replay lag \d+ ms > 2000 ms for 1000 ms$/) }));
    h.cluster.resumeReplica('node-3');
    await h.advance(2000);
    expect(m.alerts().find((alert) => alert.alertId === firing[0]!.alertId)?.state).toBe('RESOLVED');
    expect(published).toContainEqual(expect.objectContaining({ ruleId: 'rule-3', state: 'RESOLVED' }));
    workload.stop();
  });

  it('refuses a rule for an unknown replica, and an interval out of range', async () => {
    const { h, m } = await start();
    harness = h;
    monitor = m;
    expect(domainErrorFrom(() => m.addRule({ name: 'x', metric: 'LAG_BYTES', threshold: 1, forMs: 0, severity: 'INFO', replicaId: 'node-9' }, 'key-1')).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => m.setLagSampleInterval(5)).code).toBe('UNPROCESSABLE');
    expect(m.rules()).toHaveLength(DEFAULT_ALERT_RULES.length);
  });

  it('a new interval takes effect at once; rules and the interval survive a restart', async () => {
    const store = SqliteStore.open(':memory:');
    let { h, m } = await start(store);
    m.setLagSampleInterval(500);
    m.addRule({ name: 'any lag', metric: 'LAG_BYTES', threshold: 0, forMs: 0, severity: 'INFO', replicaId: null }, 'key-1');
    await h.advance(1000);
    expect(m.samples('node-2')).toHaveLength(2);
    m.close();
    await h.close();
    ({ h, m } = await start(store));
    harness = h;
    monitor = m;
    expect(m.lagSampleIntervalMs).toBe(500);
    expect(m.rules().map((rule) => rule.name)).toContain('any lag');
    await h.advance(1000);
    expect(m.samples('node-2')).toHaveLength(2);
  });
});
