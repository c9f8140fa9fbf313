/**
 * A replication cluster on a fresh runtime with the platform's store, journal and event bus
 * (SQLite in memory). Time moves only through {@link ReplicationHarness.advance}, which also
 * commits the journal so events are delivered.
 */
import { expect } from 'vitest';
import { SimulationRuntime, type LinkDefaults } from '../../../src/engines/runtime/index.js';
import { EventBus, type BusEvent } from '../../../src/engines/runtime/event-bus.js';
import type { ReplicationEventMap } from '../../../src/engines/replication/events.js';
import type { ReplicationConfigPatch } from '../../../src/engines/replication/replication-config.js';
import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import { loadReplicationState, ReplicationJournal } from '../../../src/engines/replication/replication-records.js';
import type { NodeStorage } from '../../../src/engines/replication/node-storage.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

export const START_MS = Date.UTC(2030, 0, 1);
export const NODE_IDS = ['node-1', 'node-2', 'node-3'];

export interface ReplicationHarnessOptions {
  seed?: number;
  nodeIds?: string[];
  replicaIds?: string[];
  config?: ReplicationConfigPatch;
  linkDefaults?: LinkDefaults;
  /** Restart from this store (a server restart): the cluster is restored from it. */
  store?: SqliteStore;
}

export interface ReplicationHarness {
  runtime: SimulationRuntime;
  store: SqliteStore;
  journal: Journal;
  cluster: ReplicationCluster;
  events: BusEvent[];
  advance(ms: number): Promise<void>;
  /** Injects a fault now; returns its id. */
  fault(spec: Parameters<SimulationRuntime['faults']['inject']>[0]): string;
  heal(id: string): void;
  close(): Promise<void>;
}

let faultCounter = 0;

export async function startReplication(options: ReplicationHarnessOptions = {}): Promise<ReplicationHarness> {
  const store = options.store ?? SqliteStore.open(':memory:');
  const journal = new Journal(store);
  const runtime = new SimulationRuntime({ seed: options.seed ?? 1, startMs: START_MS, ...(options.linkDefaults ? { linkDefaults: options.linkDefaults } : {}) });
  const bus = await EventBus.create<ReplicationEventMap>(journal, store, () => runtime.clock.now());
  const events: BusEvent[] = [];
  bus.subscribe({}, (event) => events.push(event));
  const deps = { runtime, bus, records: new ReplicationJournal(journal) };
  const restored = options.store === undefined ? null : await loadReplicationState(store);
  const cluster =
    restored === null
      ? ReplicationCluster.bootstrap(deps, {
          nodeIds: options.nodeIds ?? NODE_IDS,
          ...(options.replicaIds ? { replicaIds: options.replicaIds } : {}),
          config: { statusIntervalMs: 100, replicationTimeoutSecs: 2, ...options.config },
        })
      : ReplicationCluster.restore(deps, restored);
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

/** A node's tables as plain data (rows and metadata), for row-by-row comparison. */
export function tablesOf(storage: NodeStorage): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {};
  for (const table of storage.tableNames()) tables[table] = storage.tableImage(table);
  return tables;
}

/** Expects every listed node's tables to equal the primary's, row by row. */
export function expectTablesEqual(cluster: ReplicationCluster, nodeIds: readonly string[]): void {
  const primary = tablesOf(cluster.storageOf(cluster.primary()));
  for (const nodeId of nodeIds) expect(tablesOf(cluster.storageOf(nodeId)), `tables of ${nodeId}`).toEqual(primary);
}

/** Runs `action` and returns the DomainError it throws (shared with the cluster engine's tests). */
export { domainErrorFrom } from '../cluster/harness.js';
