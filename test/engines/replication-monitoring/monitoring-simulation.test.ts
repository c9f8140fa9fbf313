/**
 * Replication monitoring under chaos, seeded: crashes and partitions of standbys, paused replays
 * and rules created, changed and deleted while a workload streams; after every step the
 * monitoring invariants hold. A failing seed prints the command that replays it.
 */
import { afterEach, expect, test } from 'vitest';
import { AlertEngine } from '../../../src/engines/alerts/alert-engine.js';
import { ReplicationMonitor } from '../../../src/engines/replication/replication-monitor.js';
import { Workload } from '../../../src/engines/replication/workload.js';
import { CHANNEL_METRICS } from '../../../src/engines/replication-monitoring/channel.js';
import { ReplicationMonitoring } from '../../../src/engines/replication-monitoring/replication-monitoring.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { startReplication, type ReplicationHarness } from '../replication/harness.js';

const TEST_FILE = 'test/engines/replication-monitoring/monitoring-simulation.test.ts';
const SEEDS = process.env.SEED ? [Number(process.env.SEED)] : [1, 2, 3];
const STEPS = 40;
const CAPACITY = 12;

let harness: ReplicationHarness | undefined;
let monitor: ReplicationMonitor | undefined;
afterEach(async () => {
  monitor?.close();
  monitor = undefined;
  await harness?.close();
  harness = undefined;
});

test.each(SEEDS)('seed %i: series stay bounded, rates finite and ≥ 0, open alerts breach their rule', async (seed) => {
  const h = await startReplication({ seed, nodeIds: ['node-1', 'node-2', 'node-3', 'node-4'] });
  harness = h;
  const alerts = await AlertEngine.load(h.store, { clock: h.runtime.clock, journal: h.journal });
  const m = await ReplicationMonitor.load(h.store, { clock: h.runtime.clock, cluster: h.cluster, journal: h.journal, alerts: alerts.source('replication') });
  monitor = m;
  const monitoring = new ReplicationMonitoring({ cluster: h.cluster, monitor: m, config: { seriesCapacity: CAPACITY, rateWindowMs: 2000 } });
  const rng = h.runtime.rng.fork('chaos');
  const workload = new Workload(h.runtime.clock, h.runtime.rng.fork('load'), h.cluster.workloadTarget());
  workload.set({ ratePerSecond: 40 });
  const standbys = ['node-2', 'node-3', 'node-4'];
  const faults: string[] = [];
  const log: string[] = [];
  const fail = (problem: string): never => expect.fail([`seed ${seed}: ${problem}`, `  replay: SEED=${seed} npx vitest run ${TEST_FILE}`, `  log: ${log.slice(-8).join(' | ')}`].join('\n'));

  const check = (): void => {
    const channels = monitoring.channels();
    if (new Set(channels.map((channel) => channel.channelId)).size !== channels.length) fail('a channel is reported twice');
    for (const channel of channels) {
      for (const rate of [channel.rates.bytesPerSecond, channel.rates.operationsPerSecond, channel.rates.errorsPerSecond, channel.rates.conflictsPerSecond]) {
        if (!Number.isFinite(rate) || rate < 0) fail(`${channel.channelId} has rate ${rate}`);
      }
      for (const metric of CHANNEL_METRICS) {
        if (monitoring.keptPoints(channel.channelId, metric) > CAPACITY) fail(`${channel.channelId} keeps more than ${CAPACITY} ${metric} points`);
        const series = monitoring.timeseries({ channelId: channel.channelId, metric, maxPoints: 5 });
        if (series.points.length > 5) fail(`${channel.channelId} ${metric} answered ${series.points.length} points`);
      }
    }
    for (const alert of monitoring.alerts()) {
      if (alert.state !== 'RESOLVED' && !(alert.value > alert.threshold)) fail(`${alert.alertId} is ${alert.state} at ${alert.value} ≤ ${alert.threshold}`);
    }
  };

  for (let step = 0; step < STEPS; step++) {
    const action = rng.int(0, 8);
    const standby = rng.pick(standbys);
    try {
      if (action === 0 && faults.length < 2) faults.push(h.fault({ type: 'crash', nodes: [standby] }));
      else if (action === 1 && faults.length < 2) faults.push(h.fault({ type: 'partition', groups: [['node-1', ...standbys.filter((id) => id !== standby)], [standby]] }));
      else if (action === 2 && faults.length > 0) h.heal(faults.splice(rng.int(0, faults.length), 1)[0]!);
      else if (action === 3) h.cluster.pauseReplica(standby);
      else if (action === 4) h.cluster.resumeReplica(standby);
      else if (action === 5) monitoring.createRule({ name: `rule at ${step}`, metric: rng.pick(CHANNEL_METRICS), threshold: rng.int(0, 4096), forMs: rng.int(0, 3) * 500, severity: 'WARNING', channelId: null, kind: null }, 'chaos');
      else if (action === 6 && monitoring.rules().length > 0) monitoring.updateRule(rng.pick(monitoring.rules()).ruleId, { threshold: rng.int(0, 4096) });
      else if (action === 7 && monitoring.rules().length > 0) monitoring.deleteRule(rng.pick(monitoring.rules()).ruleId);
      log.push(`${step}: action ${action} on ${standby}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
      log.push(`${step}: action ${action} on ${standby} refused`);
    }
    await h.advance(rng.int(200, 1500));
    check();
  }
  workload.stop();
  // The run was not vacuous: rules fired on measured metrics.
  expect(alerts.transitionCounts('replication').FIRING).toBeGreaterThan(0);
});
