/**
 * What every engine harness runs on: a fresh simulation runtime with the platform's store,
 * journal and event bus (SQLite in memory unless a store is given, for a restart), and the
 * steps a test drives it with. Time moves only through {@link EngineWorld.advance}, which also
 * commits the journal so events are delivered.
 */
import { SimulationRuntime, type FaultSpec, type LinkDefaults } from '../../../src/engines/runtime/index.js';
import { EventBus, type BusEvent } from '../../../src/engines/runtime/event-bus.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

export const START_MS = Date.UTC(2030, 0, 1);

export interface EngineWorldOptions {
  seed?: number;
  linkDefaults?: LinkDefaults;
  /** Restart from this store (a server restart); otherwise a new in-memory one. */
  store?: SqliteStore;
}

export interface EngineWorld<Events extends object> {
  runtime: SimulationRuntime;
  store: SqliteStore;
  journal: Journal;
  bus: EventBus<Events>;
  /** Every event published, in order. */
  events: BusEvent[];
  /** Whether the store came from the options (a restart), so the engine should restore from it. */
  restarting: boolean;
  advance(ms: number): Promise<void>;
  /** Injects a fault now; returns its id. */
  fault(spec: FaultSpec): string;
  heal(id: string): void;
  /** Flushes the journal, closes the bus, and closes the store unless the test owns it. */
  close(): Promise<void>;
}

let faultCounter = 0;

export async function startEngineWorld<Events extends object>(options: EngineWorldOptions = {}): Promise<EngineWorld<Events>> {
  const store = options.store ?? SqliteStore.open(':memory:');
  const journal = new Journal(store);
  const runtime = new SimulationRuntime({ seed: options.seed ?? 1, startMs: START_MS, ...(options.linkDefaults ? { linkDefaults: options.linkDefaults } : {}) });
  const bus = await EventBus.create<Events>(journal, store, () => runtime.clock.now());
  const events: BusEvent[] = [];
  bus.subscribe({}, (event) => events.push(event));
  return {
    runtime,
    store,
    journal,
    bus,
    events,
    restarting: options.store !== undefined,
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
      await journal.flush();
      bus.close();
      if (options.store === undefined) await store.close();
    },
  };
}
