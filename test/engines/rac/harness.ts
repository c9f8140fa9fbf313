/**
 * A RAC cluster on a fresh runtime with the platform's store, journal and event bus (SQLite in
 * memory). Time moves only through {@link RacHarness.advance}, which also commits the journal.
 */
import { SimulationRuntime, type FaultSpec, type LinkDefaults } from '../../../src/engines/runtime/index.js';
import { EventBus, type BusEvent } from '../../../src/engines/runtime/event-bus.js';
import type { RacEventMap } from '../../../src/engines/rac/events.js';
import { RacCluster, type RacBootstrap } from '../../../src/engines/rac/rac-cluster.js';
import { loadRacState, RacJournal } from '../../../src/engines/rac/rac-records.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

export const START_MS = Date.UTC(2030, 0, 1);
export const INSTANCE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

export interface RacHarnessOptions extends Partial<Omit<RacBootstrap, 'instanceIds'>> {
  seed?: number;
  instanceIds?: string[];
  linkDefaults?: LinkDefaults;
  /** Restart from this store (a server restart). */
  store?: SqliteStore;
}

export interface RacHarness {
  runtime: SimulationRuntime;
  store: SqliteStore;
  journal: Journal;
  cluster: RacCluster;
  events: BusEvent[];
  advance(ms: number): Promise<void>;
  fault(spec: FaultSpec): string;
  heal(id: string): void;
  close(): Promise<void>;
}

let faultCounter = 0;

export async function startRac(options: RacHarnessOptions = {}): Promise<RacHarness> {
  const store = options.store ?? SqliteStore.open(':memory:');
  const journal = new Journal(store);
  const runtime = new SimulationRuntime({ seed: options.seed ?? 1, startMs: START_MS, ...(options.linkDefaults ? { linkDefaults: options.linkDefaults } : {}) });
  const bus = await EventBus.create<RacEventMap>(journal, store, () => runtime.clock.now());
  const events: BusEvent[] = [];
  bus.subscribe({}, (event) => events.push(event));
  const deps = { runtime, bus, records: new RacJournal(journal) };
  const restored = options.store === undefined ? null : await loadRacState(store);
  const cluster =
    restored === null
      ? RacCluster.bootstrap(deps, {
          instanceIds: options.instanceIds ?? INSTANCE_IDS,
          config: { blocksPerTable: 16, rowsPerBlock: 8, ...options.config },
          ...(options.recovery ? { recovery: options.recovery } : {}),
          ...(options.parallelQuery ? { parallelQuery: options.parallelQuery } : {}),
        })
      : RacCluster.restore(deps, restored);
  await journal.flush();
  return {
    runtime,
    store,
    journal,
    cluster,
    events,
    async advance(ms) {
      runtime.clock.advance(ms);
      await journal.flush();
    },
    fault(spec) {
      const id = `fault-${++faultCounter}`;
      runtime.faults.inject(spec, id, runtime.clock.now());
      return id;
    },
    heal(id) {
      runtime.faults.heal(id);
    },
    async close() {
      cluster.close();
      await journal.flush();
      bus.close();
      if (options.store === undefined) await store.close();
    },
  };
}

export { domainErrorFrom } from '../cluster/harness.js';
