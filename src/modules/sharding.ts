import { ShardingCluster, type ShardingCatalogState } from '../engines/sharding/sharding-cluster.js';
import { ShardedTableService } from '../services/sharding/sharded-table-service.js';
import { ShardRoutingService } from '../services/sharding/shard-routing-service.js';
import { shardedTableHandlers } from '../api/rest/handlers/sharding/sharded-tables.js';
import { shardRoutingHandlers } from '../api/rest/handlers/sharding/shard-routing.js';
import { shardedTableResolvers } from '../api/graphql/resolvers/sharding/sharded-tables.js';
import { shardRoutingResolvers } from '../api/graphql/resolvers/sharding/shard-routing.js';
import { shardingSubscriptionResolvers } from '../api/graphql/resolvers/sharding/sharding-subscriptions.js';
import { shardingStream } from '../api/ws/streams/sharding.js';
import type { DomainModule } from './domain-module.js';

/** The sharded-table catalog, persisted on every change with the coordinator's state. */
export const SHARDING_CATALOG_RECORD = 'sharding.catalog';

/**
 * Sharded tables over the coordinator's shard groups, their rows in the replication engine's node
 * storage. Listed after replication and the coordinator: it builds on both engines (one owner
 * each) and shares `sharding` with the services of tables, queries and moves; serves the tables,
 * shards, rows, routing, key analysis and statistics, and the sharding stream.
 */
export const shardingModule: DomainModule = {
  name: 'sharding',
  async assemble({ store, runtime, bus, journal, runner, shared }) {
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
    const deps = {
      sharding,
      runner,
      // The coordinator keeps when each placement last moved: the default group's shards, then the other groups'.
      lastMovedAt: (shardId: string) =>
        coordinator.engine.shards().find((shard) => shard.shardId === shardId)?.lastMovedAtMs ?? coordinator.engine.shardGroups().shard(shardId).lastMovedAtMs,
      nodeRuns: (nodeId: string) => replication.cluster.nodeIds().includes(nodeId) && replication.cluster.isRunning(nodeId),
    };
    return {
      shares: { sharding },
      services: { shardedTables: new ShardedTableService(deps), shardRouting: new ShardRoutingService(deps) },
      restHandlers: [shardedTableHandlers, shardRoutingHandlers],
      resolvers: [shardedTableResolvers, shardRoutingResolvers, shardingSubscriptionResolvers],
      streams: [shardingStream],
    };
  },
};
