/**
 * The RAC engine as the platform runs it: the cluster and its workload, restored from the store
 * or created at the first start over the cluster's nodes (the instances).
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { SimulationRuntime } from '../runtime/index.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { RacEventPublisher } from './events.js';
import { RacCluster } from './rac-cluster.js';
import { loadRacState, RacJournal } from './rac-records.js';
import { DEFAULT_RAC_WORKLOAD, RacWorkload, type RacWorkloadSettings } from './rac-workload.js';

/** The workload a new cluster starts with: enough that transfers, statistics and the GRD move under `npm start`. */
export const STARTING_RAC_WORKLOAD: Readonly<RacWorkloadSettings> = Object.freeze({ ...DEFAULT_RAC_WORKLOAD, ratePerSecond: 20 });

/** Most instances a new RAC database opens on (Oracle RAC deployments rarely pass 8). */
export const MAX_RAC_INSTANCES = 8;

export interface RacEngineDeps {
  runtime: SimulationRuntime;
  journal: Journal;
  bus: RacEventPublisher;
  /** The instances at the first start. */
  instanceIds: readonly string[];
}

export class RacEngine {
  private constructor(
    readonly cluster: RacCluster,
    readonly workload: RacWorkload,
  ) {}

  static async load(store: Store, deps: RacEngineDeps): Promise<RacEngine> {
    const records = new RacJournal(deps.journal);
    const restored = await loadRacState(store);
    const clusterDeps = { runtime: deps.runtime, bus: deps.bus, records };
    // The first nodes open the database: RAC clusters run a handful of instances, and every pair heartbeats.
    const instanceIds = [...deps.instanceIds].sort(naturalCompare).slice(0, MAX_RAC_INSTANCES);
    const cluster = restored === null ? RacCluster.bootstrap(clusterDeps, { instanceIds }) : RacCluster.restore(clusterDeps, restored);
    const workload = new RacWorkload(deps.runtime.clock, deps.runtime.rng.fork('rac.workload'), cluster.workloadTarget(), undefined, (settings) => records.workloadChanged(settings));
    workload.set(restored === null ? STARTING_RAC_WORKLOAD : (restored.workload ?? DEFAULT_RAC_WORKLOAD));
    return new RacEngine(cluster, workload);
  }

  close(): void {
    this.workload.stop();
    this.cluster.close();
  }
}
