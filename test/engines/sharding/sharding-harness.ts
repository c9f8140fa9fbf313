/**
 * A replication cluster, a coordinator and the sharding engine over them on an engine world.
 * node-1 is the physical primary with node-2 its standby; node-3 and node-4 are standalone, so
 * three nodes take writes. `restartCatalog` rebuilds the coordinator and the catalog from their
 * snapshots (what the store keeps), over the same node storage.
 */
import { ClusterCoordinator, type CoordinatorState } from '../../../src/engines/coordinator/cluster-coordinator.js';
import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import { ShardingCluster, type ShardingCatalogState } from '../../../src/engines/sharding/sharding-cluster.js';
import { startEngineWorld, type EngineWorld } from '../runtime/engine-world.js';

export const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4'];

export interface ShardingHarness {
  world: EngineWorld<object>;
  replication: ReplicationCluster;
  coordinator: ClusterCoordinator;
  sharding: ShardingCluster;
  /** Times `changed` was called. */
  changes: number;
  restartCatalog(): void;
  close(): Promise<void>;
}

export async function startSharding(options: { shardCount?: number } = {}): Promise<ShardingHarness> {
  const world = await startEngineWorld<object>({ seed: 7 });
  const replication = ReplicationCluster.bootstrap(
    { runtime: world.runtime },
    { nodeIds: NODE_IDS, replicaIds: ['node-2'], config: { statusIntervalMs: 100, replicationTimeoutSecs: 2 } },
  );
  const build = (coordinatorState: CoordinatorState | null, catalog: ShardingCatalogState | undefined) => {
    const coordinator =
      coordinatorState === null
        ? new ClusterCoordinator({ shardCount: options.shardCount ?? 4, replicationFactor: 2, shardMoveDurationMs: 0 }, NODE_IDS.map((nodeId) => ({ nodeId })))
        : new ClusterCoordinator({}, [], coordinatorState);
    const sharding = new ShardingCluster({ coordinator, replication, clock: world.runtime.clock, changed: () => (harness.changes += 1) }, catalog);
    return { coordinator, sharding };
  };
  const harness: ShardingHarness = {
    world,
    replication,
    ...build(null, undefined),
    changes: 0,
    restartCatalog() {
      // Through JSON, as the store keeps them.
      const coordinatorState = JSON.parse(JSON.stringify(harness.coordinator.snapshot())) as CoordinatorState;
      const catalog = JSON.parse(JSON.stringify(harness.sharding.snapshot())) as ShardingCatalogState;
      Object.assign(harness, build(coordinatorState, catalog));
    },
    async close() {
      replication.close();
      await world.close();
    },
  };
  return harness;
}
