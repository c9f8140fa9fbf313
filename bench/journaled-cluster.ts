import { ReplicationCluster } from '../src/engines/replication/replication-cluster.js';
import { ReplicationJournal } from '../src/engines/replication/replication-records.js';
import { EventBus } from '../src/engines/runtime/event-bus.js';
import { SimulationRuntime } from '../src/engines/runtime/index.js';
import { Journal } from '../src/store/journal.js';
import { SqliteStore } from '../src/store/sqlite-store.js';

/**
 * Writable nodes on a virtual clock as the server assembles them: node storage mirrored into
 * SQLite in memory through the journal, events on the bus. The benches commit the journal after
 * each clock step, as the server's driver does, and close the store at the end.
 */
export async function journaledCluster(nodeIds: readonly string[]) {
  const store = SqliteStore.open(':memory:');
  const journal = new Journal(store);
  const runtime = new SimulationRuntime({ seed: 1, startMs: Date.UTC(2030, 0, 1) });
  const bus = await EventBus.create<object>(journal, store, () => runtime.clock.now());
  const replication = ReplicationCluster.bootstrap({ runtime, bus, records: new ReplicationJournal(journal) }, { nodeIds: [...nodeIds], replicaIds: [] });
  return { store, journal, runtime, bus, replication };
}
