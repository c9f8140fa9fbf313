import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../src/engines/alerts/alert-engine.js';
import { ReplicationMonitor } from '../../../src/engines/replication/replication-monitor.js';
import { Workload } from '../../../src/engines/replication/workload.js';
import type { ChannelReading, ChannelSource } from '../../../src/engines/replication-monitoring/channel.js';
import { ChannelSeries } from '../../../src/engines/replication-monitoring/channel-series.js';
import { largestTriangleThreeBuckets } from '../../../src/engines/replication-monitoring/downsample.js';
import { ReplicationMonitoring } from '../../../src/engines/replication-monitoring/replication-monitoring.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { domainErrorFrom, startReplication, type ReplicationHarness } from '../replication/harness.js';

let harness: ReplicationHarness | undefined;
let monitor: ReplicationMonitor | undefined;

afterEach(async () => {
  monitor?.close();
  monitor = undefined;
  await harness?.close();
  harness = undefined;
});

async function start(store?: SqliteStore) {
  const h = await startReplication(store ? { store } : {});
  const alerts = await AlertEngine.load(h.store, { clock: h.runtime.clock, journal: h.journal });
  const m = await ReplicationMonitor.load(h.store, { clock: h.runtime.clock, cluster: h.cluster, journal: h.journal, alerts: alerts.source('replication') });
  harness = h;
  monitor = m;
  const monitoring = new ReplicationMonitoring({ cluster: h.cluster, monitor: m, config: { seriesCapacity: 50, rateWindowMs: 3000 } });
  return { h, m, alerts, monitoring };
}

/** A source of another kind whose counters the test moves by hand. */
function testSource(kind: ChannelReading['kind'], prefix: string) {
  const state = { lagOperations: 0, operationsShipped: 0, errors: 0, conflicts: 0 };
  const source: ChannelSource = {
    kind,
    channels: () => [
      {
        channelId: `${prefix}-1`,
        kind,
        source: { nodeId: 'node-1', datacenterId: 'dc-east' },
        target: { nodeId: 'node-9', datacenterId: 'dc-west' },
        state: 'STREAMING',
        stateDetail: 'RUNNING',
        lagBytes: null,
        lagMs: null,
        lagOperations: state.lagOperations,
        bytesShipped: null,
        operationsShipped: state.operationsShipped,
        errors: state.errors,
        conflicts: state.conflicts,
      },
    ],
  };
  return { source, state };
}

describe('ReplicationMonitoring', () => {
  it("a paused standby's lag rises in its series and fires a channel rule; resuming resolves it", async () => {
    const { h, monitoring, alerts } = await start();
    const workload = new Workload(h.runtime.clock, h.runtime.rng.fork('load'), h.cluster.workloadTarget());
    workload.set({ ratePerSecond: 20 });
    const rule = monitoring.createRule({ name: 'physical lag over 4 KiB', metric: 'LAG_BYTES', threshold: 4096, forMs: 2000, severity: 'WARNING', channelId: null, kind: 'PHYSICAL' }, 'key-1');
    await h.advance(3000);
    expect(monitoring.channels().map((channel) => [channel.channelId, channel.kind, channel.state])).toEqual([
      ['walsender-node-2', 'PHYSICAL', 'STREAMING'],
      ['walsender-node-3', 'PHYSICAL', 'STREAMING'],
    ]);
    expect(monitoring.channel('walsender-node-2').rates.bytesPerSecond).toBeGreaterThan(0);
    h.cluster.pauseReplica('node-3');
    await h.advance(8000);
    const lag = monitoring.timeseries({ channelId: 'walsender-node-3', metric: 'LAG_BYTES' }).points.map((point) => point.value);
    expect(lag.at(-1)).toBeGreaterThan(4096);
    expect(lag.at(-1)).toBeGreaterThan(lag[0]!);
    const firing = monitoring.alerts().filter((alert) => alert.state === 'FIRING');
    expect(firing.map((alert) => [alert.ruleId, alert.channelId, alert.metric])).toEqual([[rule.ruleId, 'walsender-node-3', 'LAG_BYTES']]);
    // The one alert model: the same alert is the alert engine's, source replication, labelled with its channel.
    expect(alerts.openAlerts().find((alert) => alert.labels.channel === 'walsender-node-3')).toMatchObject({ source: 'replication', state: 'FIRING' });
    // The lag rules' view of the replication monitor shows no channel alert.
    expect(monitor!.alerts().every((alert) => alert.replicaId !== undefined)).toBe(true);
    h.cluster.resumeReplica('node-3');
    await h.advance(2000);
    expect(monitoring.alerts().find((alert) => alert.ruleId === rule.ruleId)).toMatchObject({ state: 'RESOLVED', channelId: 'walsender-node-3' });
    workload.stop();
  });

  it('reads several kinds of sources; rates come from the cumulative counters, a reset read as a restart', async () => {
    const { h, monitoring } = await start();
    const logical = testSource('LOGICAL', 'logical-sub');
    const geo = testSource('GEO', 'geo-stream');
    monitoring.register(logical.source);
    monitoring.register(geo.source);
    expect(monitoring.kinds()).toEqual(['PHYSICAL', 'LOGICAL', 'GEO']);
    for (let second = 0; second < 4; second++) {
      logical.state.operationsShipped += 100;
      logical.state.errors += 1;
      await h.advance(1000);
    }
    expect(monitoring.channels().map((channel) => channel.kind)).toEqual(['GEO', 'LOGICAL', 'PHYSICAL', 'PHYSICAL']);
    const rates = monitoring.channel('logical-sub-1').rates;
    expect(rates.operationsPerSecond).toBeCloseTo(100, 5);
    expect(rates.errorsPerSecond).toBeCloseTo(1, 5);
    expect(rates.measuredOverMs).toBe(3000);
    // The source restarts its counter: the increase is its new value, never negative.
    logical.state.operationsShipped = 50;
    await h.advance(1000);
    expect(monitoring.channel('logical-sub-1').rates.operationsPerSecond).toBeCloseTo((100 + 100 + 50) / 3, 5);
    const series = monitoring.timeseries({ channelId: 'logical-sub-1', metric: 'OPERATIONS_PER_SECOND' });
    expect(series.points.every((point) => point.value >= 0)).toBe(true);
    expect(domainErrorFrom(() => monitoring.timeseries({ channelId: 'nope', metric: 'LAG_MS' })).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => monitoring.timeseries({ channelId: 'logical-sub-1', metric: 'LAG_MS', fromMs: 10, toMs: 5 })).code).toBe('UNPROCESSABLE');
  });

  it('keeps channel rules across a restart, in the one rule book with the lag rules', async () => {
    const store = SqliteStore.open(':memory:');
    const first = await start(store);
    const rule = first.monitoring.createRule({ name: 'conflicts', metric: 'CONFLICTS_PER_SECOND', threshold: 0.5, forMs: 0, severity: 'ERROR', channelId: null, kind: null }, 'key-1');
    const updated = first.monitoring.updateRule(rule.ruleId, { threshold: 2, severity: 'CRITICAL' });
    expect(updated).toMatchObject({ ruleId: rule.ruleId, threshold: 2, severity: 'CRITICAL', metric: 'CONFLICTS_PER_SECOND' });
    const doomed = first.monitoring.createRule({ name: 'errors', metric: 'ERRORS_PER_SECOND', threshold: 1, forMs: 0, severity: 'ERROR', channelId: 'walsender-node-2', kind: null }, 'key-1');
    first.monitoring.deleteRule(doomed.ruleId);
    expect(domainErrorFrom(() => first.monitoring.deleteRule(doomed.ruleId)).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => first.monitoring.updateRule(rule.ruleId, { threshold: -1 })).code).toBe('UNPROCESSABLE');
    await first.h.journal.flush();
    first.m.close();
    first.h.cluster.close();
    monitor = undefined;
    harness = undefined;
    const second = await start(store);
    expect(second.monitoring.rules()).toEqual([updated]);
    // Numbering continues after the lag rules (rule-1, rule-2) and the deleted rule-4: never reused.
    expect(second.monitoring.createRule({ name: 'lag', metric: 'LAG_MS', threshold: 1, forMs: 0, severity: 'INFO', channelId: null, kind: null }, 'key-2').ruleId).toBe('rule-5');
    expect(second.m.rules()).toHaveLength(2);
    second.m.close();
    await second.h.close();
    monitor = undefined;
    harness = undefined;
    store.close();
  });
});

describe('series bounds', () => {
  const points = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 300 })
    .map((pairs) => pairs.sort((a, b) => a[0] - b[0]).map(([atMs, value]) => ({ atMs, value })));

  it('a ring keeps at most its capacity, the newest points, oldest first', () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 2, max: 64 }), (series, capacity) => {
        const ring = new ChannelSeries(capacity);
        for (const point of series) ring.record('c', 'LAG_MS', point);
        expect(ring.size('c', 'LAG_MS')).toBe(Math.min(capacity, series.length));
        expect(ring.points('c', 'LAG_MS')).toEqual(series.slice(-capacity));
      }),
      { numRuns: 60 },
    );
  });

  it('downsampling answers at most the threshold, measured points in order, first and last kept', () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 2, max: 80 }), (series, threshold) => {
        const kept = largestTriangleThreeBuckets(series, threshold);
        expect(kept.length).toBe(Math.min(threshold, series.length));
        for (const point of kept) expect(series).toContain(point);
        for (let index = 1; index < kept.length; index++) expect(series.indexOf(kept[index]!)).toBeGreaterThan(series.indexOf(kept[index - 1]!));
        if (series.length > 0) {
          expect(kept[0]).toBe(series[0]);
          expect(kept.at(-1)).toBe(series.at(-1));
        }
      }),
      { numRuns: 60 },
    );
  });
});
