/**
 * Multi-master (issue 15): replicated writes per CPU second with 3 and 8 sites against 2 sites
 * in the same run, and the p99 convergence time after a burst on the cluster clock; then geo's
 * compression figures (bench/geo-streams.ts).
 */
import { MultiMasterEngine } from '../src/engines/multi-master/multi-master-engine.js';
import { percentile } from '../src/engines/replication/lag-history.js';
import { journaledCluster } from './journaled-cluster.js';
import { fixed, median, row } from './stats.js';
import { benchGeoStreams } from './geo-streams.js';

export interface MultiMasterSettings {
  /** Writes per run, spread round-robin over the sites, keys of their own (no conflicts). */
  writes: number;
  /** Writes per burst for the convergence measurement, and bursts. */
  burstWrites: number;
  bursts: number;
}

export interface MultiMasterMeasurement {
  sites: number;
  /** Writes committed and applied at every other site, per second of this process's CPU. */
  replicatedWritesPerCpuSecond: number;
  /** From a burst's first write to every site agreeing, cluster ms: p99 over the bursts. */
  convergenceP99Ms: number;
}

const SETTINGS: MultiMasterSettings = { writes: 2000, burstWrites: 50, bursts: 20 };
const SITE_COUNTS = [2, 3, 8];
const ROUNDS = 3;
const COLUMNS = [8, 7, 24, 20];

/**
 * A group of `sites` writable nodes as the server assembles them (node storage mirrored into
 * SQLite through the journal), writeQuorum 1; writes at every site in turn while the clock runs
 * in 1 ms steps until every site agrees. CPU time covers writing, shipping and applying.
 */
export async function measureMultiMaster(sites: number, settings: MultiMasterSettings): Promise<MultiMasterMeasurement> {
  const nodeIds = Array.from({ length: sites }, (_, index) => `node-${index + 1}`);
  const { store, journal, runtime, replication } = await journaledCluster(nodeIds);
  const engine = new MultiMasterEngine({ replication, runtime, conflicts: { record: () => {} }, changed: () => {} });
  const group = engine.createGroup({ name: 'bench', tables: ['t'], sites: nodeIds.map((nodeId) => ({ nodeId })), writeQuorum: 1, readQuorum: 1 });
  const settle = async () => {
    for (let step = 0; step < 60_000 && !engine.convergence(group.groupId).converged; step += 1) {
      runtime.clock.advance(1);
      await journal.flush();
    }
  };
  const started = process.cpuUsage();
  for (let index = 0; index < settings.writes; index += 1) {
    engine.write(group.groupId, nodeIds[index % sites]!, [{ op: 'put', table: 't', key: `k${index}`, row: { n: index } }]);
    if (index % 16 === 15) {
      runtime.clock.advance(1);
      await journal.flush();
    }
  }
  await settle();
  const cpu = process.cpuUsage(started);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const durations: number[] = [];
  for (let burst = 0; burst < settings.bursts; burst += 1) {
    const startMs = runtime.clock.now();
    for (let index = 0; index < settings.burstWrites; index += 1) engine.write(group.groupId, nodeIds[index % sites]!, [{ op: 'put', table: 't', key: `b${burst}-${index}`, row: { n: index } }]);
    await settle();
    durations.push(runtime.clock.now() - startMs);
  }
  engine.close();
  replication.close();
  await journal.flush();
  store.close();
  return { sites, replicatedWritesPerCpuSecond: settings.writes / cpuSeconds, convergenceP99Ms: percentile(durations, 99) ?? 0 };
}

export async function benchMultiMaster(): Promise<void> {
  console.log(`Multi-master: ${SETTINGS.writes} writes per run over ${SITE_COUNTS.join(', ')} sites (writeQuorum 1, own keys), ${ROUNDS} rounds in rotated order; convergence after ${SETTINGS.bursts} bursts of ${SETTINGS.burstWrites} writes`);
  await measureMultiMaster(SITE_COUNTS.at(-1)!, { ...SETTINGS, writes: SETTINGS.writes / 4, bursts: 2 });
  console.log(row(['sites', 'round', 'replicated writes/cpu s', 'p99 convergence ms'], COLUMNS));
  const runs = new Map<number, MultiMasterMeasurement[]>(SITE_COUNTS.map((count) => [count, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = [...SITE_COUNTS.slice(round % SITE_COUNTS.length), ...SITE_COUNTS.slice(0, round % SITE_COUNTS.length)];
    for (const count of order) {
      const measurement = await measureMultiMaster(count, SETTINGS);
      runs.get(count)!.push(measurement);
      console.log(row([String(count), String(round + 1), fixed(measurement.replicatedWritesPerCpuSecond, 0), fixed(measurement.convergenceP99Ms, 0)], COLUMNS));
    }
  }
  const perCpu = (count: number) => median(runs.get(count)!.map((run) => run.replicatedWritesPerCpuSecond));
  const p99 = (count: number) => median(runs.get(count)!.map((run) => run.convergenceP99Ms));
  for (const count of SITE_COUNTS.slice(1)) {
    console.log(`replicated writes per CPU second, ${count} / 2 sites: ${fixed(perCpu(count) / perCpu(2), 2)}; p99 convergence after a burst ${fixed(p99(count), 0)} ms vs ${fixed(p99(2), 0)} ms (cluster time)`);
  }
  // Geo's part: the compression ratio and CPU per MB of its streams.
  await benchGeoStreams();
}
