/**
 * A replication cluster and the transactions engine on an engine world (runtime, store, journal,
 * event bus). By default node-1 is the primary and node-2 … node-4 stand outside the physical
 * group (standalone), so all four can be participants; `replicaIds` makes standbys. Time moves
 * only through `advance`. Restarting from a store is a server restart of both engines.
 */
import type { ReplicationEventMap } from '../../../src/engines/replication/events.js';
import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import type { ReplicationConfigPatch } from '../../../src/engines/replication/replication-config.js';
import { loadReplicationState, ReplicationJournal } from '../../../src/engines/replication/replication-records.js';
import type { TransactionsEventMap } from '../../../src/engines/transactions/events.js';
import { TransactionsEngine } from '../../../src/engines/transactions/transactions-engine.js';
import type { TransactionsConfigPatch } from '../../../src/engines/transactions/transactions-config.js';
import type { TransactionStep } from '../../../src/engines/transactions/two-phase-commit.js';
import { startEngineWorld, type EngineWorld, type EngineWorldOptions } from '../runtime/engine-world.js';

export const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4'];

export type TransactionsWorldEvents = TransactionsEventMap & ReplicationEventMap;

export interface TransactionsHarnessOptions extends EngineWorldOptions {
  nodeIds?: string[];
  replicaIds?: string[];
  replication?: ReplicationConfigPatch;
  config?: TransactionsConfigPatch;
  onStep?: (step: TransactionStep) => void;
  /** Nodes down when the engines start (a server restart with a crash fault still in force). */
  downAtStart?: string[];
}

export interface TransactionsHarness extends Omit<EngineWorld<TransactionsWorldEvents>, 'restarting'> {
  cluster: ReplicationCluster;
  engine: TransactionsEngine;
  /** Crashes `nodeId` now; returns the fault id to heal. */
  crash(nodeId: string): string;
}

export async function startTransactions(options: TransactionsHarnessOptions = {}): Promise<TransactionsHarness> {
  const world = await startEngineWorld<TransactionsWorldEvents>(options);
  if (options.downAtStart !== undefined && options.downAtStart.length > 0) world.fault({ type: 'crash', nodes: options.downAtStart });
  const records = new ReplicationJournal(world.journal);
  const replicationDeps = { runtime: world.runtime, bus: world.bus, records };
  const restoredReplication = world.restarting ? await loadReplicationState(world.store) : null;
  const cluster =
    restoredReplication === null
      ? ReplicationCluster.bootstrap(replicationDeps, {
          nodeIds: options.nodeIds ?? NODE_IDS,
          replicaIds: options.replicaIds ?? [],
          config: { statusIntervalMs: 100, replicationTimeoutSecs: 2, ...options.replication },
        })
      : ReplicationCluster.restore(replicationDeps, restoredReplication);
  const engineDeps = { runtime: world.runtime, cluster, bus: world.bus, journal: world.journal, ...(options.onStep ? { onStep: options.onStep } : {}) };
  const engine = world.restarting ? await TransactionsEngine.load(world.store, engineDeps) : TransactionsEngine.create(engineDeps, options.config);
  if (world.restarting && options.config) engine.configure(options.config);
  await world.journal.flush();
  return {
    ...world,
    cluster,
    engine,
    crash(nodeId) {
      return world.fault({ type: 'crash', nodes: [nodeId] });
    },
    async close() {
      engine.close();
      cluster.close();
      await world.close();
    },
  };
}

/** The row a node shows for `table/key`, or undefined. */
export function rowOn(harness: { cluster: ReplicationCluster }, nodeId: string, table: string, key: string): unknown {
  return harness.cluster.storageOf(nodeId).getRow(table, key)?.row;
}

/** Row locks held on every node. */
export function locksEverywhere(harness: { cluster: ReplicationCluster }): number {
  return harness.cluster.nodeIds().reduce((sum, nodeId) => sum + harness.cluster.storageOf(nodeId).lockCount(), 0);
}

/** Prepared (or heuristic) entries on every node. */
export function preparedEverywhere(harness: { cluster: ReplicationCluster }): number {
  return harness.cluster.nodeIds().reduce((sum, nodeId) => sum + harness.cluster.storageOf(nodeId).twoPhaseCount(), 0);
}

export { domainErrorFrom } from '../cluster/harness.js';
