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

/** How often shards a failover left OFFLINE are tried again, in cluster milliseconds. */
const FOLLOW_PRIMARY_RETRY_MS = 1000;

/**
 * Sharded tables over the coordinator's shard groups, their rows in the replication engine's node
 * storage. Listed after replication and the coordinator: it builds on both engines (one owner
 * each) and shares `sharding` with the services of tables, queries and moves; tells the
 * coordinator's shard list the tables on each group, re-points shards when a failover demotes their
 * primary, and serves the tables, shards, rows, routing, key analysis and statistics, and the
 * sharding stream.
 */
export const shardingModule: DomainModule = {
  name: 'sharding',
  async assemble({ store, runtime, bus, journal, runner, shared, service }) {
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
          shardStateChanged: ({ primaryNodeId, ...event }) => bus.publish('shard_state_changed', 'sharding', { ...event, nodeIds: primaryNodeId === null ? [] : [primaryNodeId] }),
        },
      },
      restored ?? undefined,
    );
    // A failover or switchover promotes a standby: shards on the demoted primary follow it (README,
    // "Where rows live"). Also at start, for a primary change the store holds but the catalog missed.
    sharding.followPrimaryChange();
    const stopFollowing = bus.subscribe({ types: ['replica_status_change'] }, (event) => {
      if ((event.payload as { to?: string }).to === 'PROMOTED') sharding.followPrimaryChange();
    });
    // And every second: a shard left OFFLINE because the new primary was down is re-pointed (and
    // ACTIVE again) once it is back, with no event to say so.
    const retry = runtime.clock.every(FOLLOW_PRIMARY_RETRY_MS, () => sharding.followPrimaryChange());
    // The simulation's workload writes a sharded table it names through routing, as the API does.
    replication.workload.routeTables(sharding.workloadWriter());
    // The coordinator's shard list names the tables colocated on each group.
    service('coordinator').attachShardedTables({
      groupShardOf: (group, shardNumber) => {
        const tables = sharding.tablesOfGroup(group);
        if (tables.length === 0) return { tables, tokenRange: null, replicaNodeIds: [] };
        const shard = sharding.shardOf(tables[0]!, shardNumber, false);
        // A token range only when the layout is one hash level cutting the token space.
        const levels = shard.bounds.levels;
        const tokenRange = levels.length === 1 && levels[0]!.strategy === 'HASH' ? levels[0]!.tokenRange : null;
        return { tables, tokenRange, replicaNodeIds: shard.replicaNodeIds };
      },
    });
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
      close: () => {
        stopFollowing();
        runtime.clock.cancel(retry);
      },
      services: { shardedTables: new ShardedTableService(deps), shardRouting: new ShardRoutingService(deps) },
      restHandlers: [shardedTableHandlers, shardRoutingHandlers],
      resolvers: [shardedTableResolvers, shardRoutingResolvers, shardingSubscriptionResolvers],
      streams: [shardingStream],
    };
  },
};
