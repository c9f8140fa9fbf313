/**
 * A replication cluster whose nodes all stand alone (each takes writes), and the multi-master
 * engine over it, on a fresh simulation runtime. Conflicts go to an in-memory book.
 */
import { MultiMasterEngine, type MultiMasterConflict, type MultiMasterDeps } from '../../../src/engines/multi-master/multi-master-engine.js';
import type { CatalogState } from '../../../src/engines/multi-master/group-catalog.js';
import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import { SimulationRuntime } from '../../../src/engines/runtime/index.js';

export const START_MS = Date.UTC(2030, 0, 1);

export interface MmHarness {
  runtime: SimulationRuntime;
  replication: ReplicationCluster;
  engine: MultiMasterEngine;
  conflicts: Map<string, MultiMasterConflict>;
  catalog: CatalogState | null;
  advance(ms: number): void;
  /** Rebuilds the engine from its persisted catalog over the same node storage (a server restart of the engine). */
  restart(): void;
  close(): void;
}

export function startMultiMaster(options: { seed?: number; nodes?: number; config?: MultiMasterDeps['config'] } = {}): MmHarness {
  const runtime = new SimulationRuntime({ seed: options.seed ?? 1, startMs: START_MS, linkDefaults: { latencyMs: 5, jitterMs: 5 } });
  const nodeIds = Array.from({ length: options.nodes ?? 3 }, (_, index) => `node-${index + 1}`);
  const replication = ReplicationCluster.bootstrap({ runtime }, { nodeIds, replicaIds: [] });
  const conflicts = new Map<string, MultiMasterConflict>();
  const build = (): MultiMasterEngine =>
    new MultiMasterEngine(
      {
        replication,
        runtime,
        conflicts: { record: (conflict) => void (conflicts.has(conflict.conflictId) || conflicts.set(conflict.conflictId, conflict)) },
        changed: () => (harness.catalog = JSON.parse(JSON.stringify(harness.engine.snapshot())) as CatalogState),
        ...(options.config === undefined ? {} : { config: options.config }),
      },
      harness?.catalog ?? undefined,
    );
  const harness: MmHarness = {
    runtime,
    replication,
    engine: undefined as unknown as MultiMasterEngine,
    conflicts,
    catalog: null,
    advance: (ms) => void runtime.clock.advance(ms),
    restart() {
      harness.engine.close();
      harness.engine = build();
    },
    close() {
      harness.engine.close();
      replication.close();
    },
  };
  harness.engine = build();
  return harness;
}

