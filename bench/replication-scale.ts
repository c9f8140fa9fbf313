import { AlertEngine } from '../src/engines/alerts/alert-engine.js';
import { ReplicationCluster } from '../src/engines/replication/replication-cluster.js';
import { ReplicationMonitor } from '../src/engines/replication/replication-monitor.js';
import { ReplicationJournal } from '../src/engines/replication/replication-records.js';
import { percentile } from '../src/engines/replication/lag-history.js';
import { Workload } from '../src/engines/replication/workload.js';
import { SimulationRuntime } from '../src/engines/runtime/index.js';
import { Journal } from '../src/store/journal.js';
import { SqliteStore } from '../src/store/sqlite-store.js';

/** What one run of streaming replication measured. */
export interface ReplicationMeasurement {
  replicas: number;
  /** WAL the primary wrote per second of cluster time. */
  walBytesPerClusterSecond: number;
  /** WAL bytes the WAL senders shipped per second of CPU: what the engine can stream. */
  shippedBytesPerCpuSecond: number;
  /** CPU seconds per cluster second: the share of one core needed to keep up in real time. */
  cpuShare: number;
  /** p99 of every standby's replay lag over every sample, ms of cluster time. */
  replayLagP99Ms: number;
  /** p99 of every standby's lag in bytes over every sample. */
  lagBytesP99: number;
}

export interface ReplicationSettings {
  /** Cluster seconds simulated after the base backups. */
  clusterSeconds: number;
  writesPerSecond: number;
}

/**
 * A primary and `replicaCount` standbys on a virtual clock, with the store's journal mirroring
 * everything as in the server (SQLite in memory): the clock is advanced as fast as the CPU
 * allows under a steady write workload, and CPU time is compared with the cluster time covered.
 */
export async function measureReplication(replicaCount: number, settings: ReplicationSettings): Promise<ReplicationMeasurement> {
  const store = SqliteStore.open(':memory:');
  const journal = new Journal(store);
  const runtime = new SimulationRuntime({ seed: 1, startMs: Date.UTC(2030, 0, 1) });
  const nodeIds = Array.from({ length: replicaCount + 1 }, (_, index) => `node-${index + 1}`);
  const cluster = ReplicationCluster.bootstrap(
    { runtime, records: new ReplicationJournal(journal) },
    { nodeIds, config: { mode: 'ASYNCHRONOUS', maxWalSenders: replicaCount, statusIntervalMs: 1000, checkpointIntervalMs: 5000 } },
  );
  const monitor = new ReplicationMonitor({ clock: runtime.clock, cluster, journal, alerts: new AlertEngine({ clock: runtime.clock, journal }).source('replication') });
  // Base backups of an empty primary end at once; a second lets every stream start.
  await advance(runtime, journal, 1000);
  const workload = new Workload(runtime.clock, runtime.rng.fork('bench.workload'), cluster.workloadTarget());
  workload.set({ ratePerSecond: settings.writesPerSecond, keySpace: 1000 });
  await advance(runtime, journal, 1000);

  const startLsn = cluster.currentLsn();
  const startShipped = shipped(cluster);
  const startSampleMs = runtime.clock.now();
  const cpuBefore = process.cpuUsage();
  await advance(runtime, journal, settings.clusterSeconds * 1000);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const samples = cluster.listReplicas().flatMap((replica) => monitor.samples(replica.replicaId, { fromMs: startSampleMs }));
  workload.stop();
  monitor.close();
  cluster.close();
  await journal.flush();
  await store.close();
  return {
    replicas: replicaCount,
    walBytesPerClusterSecond: (cluster.currentLsn() - startLsn) / settings.clusterSeconds,
    shippedBytesPerCpuSecond: (shipped(cluster) - startShipped) / cpuSeconds,
    cpuShare: cpuSeconds / settings.clusterSeconds,
    replayLagP99Ms: percentile(samples.map((sample) => sample.replayLagMs), 99) ?? 0,
    lagBytesP99: percentile(samples.map((sample) => sample.lagBytes), 99) ?? 0,
  };
}

/** WAL bytes every sender has sent so far. */
function shipped(cluster: ReplicationCluster): number {
  return cluster.listChannels().reduce((sum, channel) => sum + channel.bytesSent, 0);
}

/** Advances in 100 ms steps, committing the journal as the server's driver does between ticks. */
async function advance(runtime: SimulationRuntime, journal: Journal, ms: number): Promise<void> {
  for (let done = 0; done < ms; done += 100) {
    runtime.clock.advance(100);
    await journal.flush();
  }
}
