/** The alert engine as the platform runs it: sources, events on the bus, and what survives a restart. */
import { afterEach, describe, expect, test } from 'vitest';
import type { AlertCondition } from '../../../src/engines/alerts/alert.js';
import { ALERT_RECORD, ALERTS_RECORD, AlertEngine } from '../../../src/engines/alerts/alert-engine.js';
import type { AlertResource } from '../../../src/engines/alerts/events.js';
import { VirtualClock } from '../../../src/engines/runtime/index.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

const START_MS = Date.UTC(2026, 10, 21, 10, 0, 0);
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function world(store = SqliteStore.open(':memory:')) {
  stores.push(store);
  const published: { type: string; source: string; payload: AlertResource }[] = [];
  const clock = new VirtualClock(START_MS);
  const journal = new Journal(store);
  const bus = { publish: (type: string, source: string, payload: AlertResource) => published.push({ type, source, payload }) };
  return { store, clock, journal, bus, published };
}

const lag = (value: number): AlertCondition => ({
  name: 'replay lag over 10 s',
  labels: { rule: 'rule-2', replica: 'node-3', metric: 'REPLAY_LAG_MS' },
  severity: 'CRITICAL',
  annotations: { summary: `node-3: replay lag ${value} ms > 10000 ms for 5000 ms` },
  value,
  forMs: 5000,
});

describe('AlertEngine', () => {
  test('publishes alert_fired and alert_resolved (never pending), the alert as the API shows it', async () => {
    const { store, clock, journal, bus, published } = world();
    const engine = await AlertEngine.load(store, { clock, journal, bus });
    const replication = engine.source('replication');
    replication.evaluate([lag(12_000)]);
    expect(published).toEqual([]);
    clock.advance(5000);
    expect(replication.evaluate([lag(12_040)]).map((transition) => transition.to)).toEqual(['FIRING']);
    clock.advance(1000);
    replication.evaluate([]);
    expect(published.map((event) => `${event.type} ${event.source}`)).toEqual(['alert_fired alerts', 'alert_resolved alerts']);
    expect(published[0]!.payload).toEqual({
      id: 'alert-1',
      source: 'replication',
      name: 'replay lag over 10 s',
      state: 'FIRING',
      severity: 'CRITICAL',
      labels: { alertname: 'replay lag over 10 s', source: 'replication', severity: 'CRITICAL', rule: 'rule-2', replica: 'node-3', metric: 'REPLAY_LAG_MS' },
      annotations: { summary: 'node-3: replay lag 12040 ms > 10000 ms for 5000 ms' },
      value: 12_040,
      peakValue: 12_040,
      forMs: 5000,
      activeAt: '2026-11-21T10:00:00.000Z',
      startsAt: '2026-11-21T10:00:05.000Z',
      endsAt: null,
    });
    expect(published[1]!.payload).toMatchObject({ id: 'alert-1', state: 'RESOLVED', endsAt: '2026-11-21T10:00:06.000Z' });
    expect(replication.alerts().map((alert) => alert.state)).toEqual(['RESOLVED']);
  });

  test('alerts, the history and the counters survive a restart', async () => {
    const first = world();
    const engine = await AlertEngine.load(first.store, { clock: first.clock, journal: first.journal });
    const health = engine.source('health');
    const down = { ...lag(0), name: 'NODE_DOWN', labels: { node: 'node-2' }, severity: 'ERROR' as const, value: null, forMs: 0 };
    health.evaluate([down, { ...down, labels: { node: 'node-4' } }]);
    first.clock.advance(100);
    health.evaluate([down]);
    await first.journal.flush();
    expect(await first.store.get(ALERTS_RECORD, 'current')).toMatchObject({ nextAlertNumber: 3 });
    // One record per alert kept: node-2 firing, node-4 resolved.
    expect((await first.store.list(ALERT_RECORD)).map((record) => record.id)).toEqual(['alert-1', 'alert-2']);

    const restarted = await AlertEngine.load(first.store, { clock: first.clock, journal: first.journal });
    restarted.source('health');
    expect(restarted.openAlerts()).toEqual(engine.openAlerts());
    expect(restarted.history()).toEqual(engine.history());
    expect(restarted.transitionCounts('health')).toEqual({ PENDING: 2, FIRING: 2, RESOLVED: 1 });
    expect(restarted.transitionCounts('replication')).toEqual({ PENDING: 0, FIRING: 0, RESOLVED: 0 });
  });

  test('a source registers once', async () => {
    const { store, clock, journal } = world();
    const engine = await AlertEngine.load(store, { clock, journal });
    engine.source('health');
    expect(() => engine.source('health')).toThrow(/registered once/);
    expect(engine.sourceNames()).toEqual(['health']);
  });
});
