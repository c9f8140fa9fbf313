/**
 * The replication engine as the platform runs it: the cluster of primary and standbys, its
 * monitor, snapshots, conflicts and write workload, restored from the store or created at the
 * first start over the cluster's nodes.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { AlertSource } from '../alerts/alert-engine.js';
import type { SimulationRuntime } from '../runtime/index.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { ConflictLog, type ConflictPublisher } from './conflict-log.js';
import { ReplicationCluster, type ReplicationEventPublisher } from './replication-cluster.js';
import { DEFAULT_REPLICATION_CONFIG } from './replication-config.js';
import { ReplicationMonitor, type AlertPublisher } from './replication-monitor.js';
import { loadReplicationState, ReplicationJournal } from './replication-records.js';
import { SnapshotJobs } from './snapshot-jobs.js';
import { DEFAULT_WORKLOAD, Workload, type WorkloadSettings } from './workload.js';

/** The workload a new cluster starts with: modest, so lag, slots and alerts move under `npm start`. */
export const STARTING_WORKLOAD: Readonly<WorkloadSettings> = Object.freeze({ ...DEFAULT_WORKLOAD, ratePerSecond: 20, keySpace: 200 });

export type ReplicationPublisher = ReplicationEventPublisher & AlertPublisher & ConflictPublisher;

export interface ReplicationEngineDeps {
  runtime: SimulationRuntime;
  journal: Journal;
  bus: ReplicationPublisher;
  /** The alert engine's `replication` source, which keeps the alert rules' alerts. */
  alerts: AlertSource;
  /** The cluster's node ids at the first start; the lowest becomes the primary. */
  nodeIds: readonly string[];
}

export class ReplicationEngine {
  private constructor(
    readonly cluster: ReplicationCluster,
    readonly monitor: ReplicationMonitor,
    readonly snapshots: SnapshotJobs,
    readonly conflicts: ConflictLog,
    readonly workload: Workload,
  ) {}

  static async load(store: Store, deps: ReplicationEngineDeps): Promise<ReplicationEngine> {
    const { runtime, journal, bus } = deps;
    const records = new ReplicationJournal(journal);
    const restored = await loadReplicationState(store);
    const clusterDeps = { runtime, bus, records };
    let cluster: ReplicationCluster;
    if (restored === null) {
      const nodeIds = [...deps.nodeIds].sort(naturalCompare);
      // Every other node streams, up to the WAL sender cap: a 1000-node cluster is not 999 standbys.
      cluster = ReplicationCluster.bootstrap(clusterDeps, { nodeIds, replicaIds: nodeIds.slice(1, 1 + DEFAULT_REPLICATION_CONFIG.maxWalSenders) });
    } else {
      cluster = ReplicationCluster.restore(clusterDeps, restored);
    }
    const workloadSettings = restored === null ? STARTING_WORKLOAD : (restored.workload ?? DEFAULT_WORKLOAD);
    const workload = new Workload(runtime.clock, runtime.rng.fork('replication.workload'), cluster.workloadTarget(), undefined, (settings) => records.workloadChanged(settings));
    workload.set(workloadSettings);
    const monitor = await ReplicationMonitor.load(store, { clock: runtime.clock, cluster, journal, alerts: deps.alerts, bus });
    const snapshots = await SnapshotJobs.load(store, { clock: runtime.clock, cluster, journal, bus });
    const conflicts = await ConflictLog.load(store, { clock: runtime.clock, cluster, journal, bus });
    return new ReplicationEngine(cluster, monitor, snapshots, conflicts, workload);
  }

  close(): void {
    this.workload.stop();
    this.monitor.close();
    this.snapshots.close();
    this.cluster.close();
  }
}
