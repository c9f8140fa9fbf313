/**
 * A replication cluster on an engine world (runtime, store, journal and event bus: see
 * ../runtime/engine-world.ts). Time moves only through {@link ReplicationHarness.advance},
 * which also commits the journal so events are delivered.
 */
import { expect } from 'vitest';
import type { ReplicationEventMap } from '../../../src/engines/replication/events.js';
import type { ReplicationConfigPatch } from '../../../src/engines/replication/replication-config.js';
import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import { loadReplicationState, ReplicationJournal } from '../../../src/engines/replication/replication-records.js';
import type { NodeStorage } from '../../../src/engines/replication/node-storage.js';
import { startEngineWorld, type EngineWorld, type EngineWorldOptions } from '../runtime/engine-world.js';

export { START_MS } from '../runtime/engine-world.js';
export const NODE_IDS = ['node-1', 'node-2', 'node-3'];

export interface ReplicationHarnessOptions extends EngineWorldOptions {
  nodeIds?: string[];
  replicaIds?: string[];
  config?: ReplicationConfigPatch;
}

export interface ReplicationHarness extends Omit<EngineWorld<ReplicationEventMap>, 'bus' | 'restarting'> {
  cluster: ReplicationCluster;
}

export async function startReplication(options: ReplicationHarnessOptions = {}): Promise<ReplicationHarness> {
  const world = await startEngineWorld<ReplicationEventMap>(options);
  const deps = { runtime: world.runtime, bus: world.bus, records: new ReplicationJournal(world.journal) };
  const restored = world.restarting ? await loadReplicationState(world.store) : null;
  const cluster =
    restored === null
      ? ReplicationCluster.bootstrap(deps, {
          nodeIds: options.nodeIds ?? NODE_IDS,
          ...(options.replicaIds ? { replicaIds: options.replicaIds } : {}),
          config: { statusIntervalMs: 100, replicationTimeoutSecs: 2, ...options.config },
        })
      : ReplicationCluster.restore(deps, restored);
  await world.journal.flush();
  return {
    ...world,
    cluster,
    async close() {
      cluster.close();
      await world.close();
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
