import { ShardingCluster, type ShardingCatalogState } from '../engines/sharding/sharding-cluster.js';
import type { DomainModule } from './domain-module.js';

/** The sharded-table catalog, persisted on every change with the coordinator's state. */
export const SHARDING_CATALOG_RECORD = 'sharding.catalog';

/**
 * Sharded tables over the coordinator's shard groups, their rows in the replication engine's node
 * storage. Listed after replication and the coordinator: it builds on both engines (one owner
 * each) and shares `sharding` with the services of tables, queries and moves. No API surface yet.
 */
export const shardingModule: DomainModule = {
  name: 'sharding',
  async assemble({ store, runtime, bus, journal, shared }) {
    const coordinator = shared('coordinator');
    const replication = shared('replication');
    const restored = await store.get<ShardingCatalogState>(SHARDING_CATALOG_RECORD, 'current');
    const sharding: ShardingCluster = new ShardingCluster(
      {
        coordinator: coordinator.engine,
        replication: replication.cluster,
        clock: runtime.clock,
        changed: () => {
          journal.put(SHARDING_CATALOG_RECORD, 'current', sharding.snapshot());
          coordinator.changed();
        },
        listener: {
          shardAdded: (event) =>
            bus.publish('shard_added', 'sharding', {
              tableName: event.tableName,
              shardId: event.shardId,
              shardNumber: event.shardNumber,
              storageTable: event.storageTable,
              state: event.state,
              nodeIds: event.primaryNodeId === null ? [] : [event.primaryNodeId],
            }),
          shardRemoved: ({ primaryNodeId, ...event }) => bus.publish('shard_removed', 'sharding', { ...event, nodeIds: primaryNodeId === null ? [] : [primaryNodeId] }),
        },
      },
      restored ?? undefined,
    );
    return { shares: { sharding } };
  },
};
