import { ShardMover, type SequenceEventKind, type SequenceProgress } from '../engines/sharding/shard-mover.js';
import { ShardingMovePort } from '../engines/sharding/shard-move-port.js';
import { loadShardMoves, ShardMoveJournal } from '../engines/sharding/shard-move-records.js';
import { workflowProgressView } from '../engines/sharding/shard-move-views.js';
import type { ShardMovesEventMap } from '../engines/sharding/shard-move-events.js';
import type { TimerId } from '../engines/runtime/clock.js';
import { DomainError } from '../engines/runtime/domain-error.js';
import { RebalanceService, type ShardCatalogPort } from '../services/sharding/rebalance-service.js';
import { MigrationService } from '../services/sharding/migration-service.js';
import { shardMovesMetrics } from '../services/sharding/shard-moves-metrics.js';
import { rebalanceHandlers } from '../api/rest/handlers/sharding/rebalance.js';
import { migrationHandlers } from '../api/rest/handlers/sharding/migration.js';
import { shardMoveResolvers } from '../api/graphql/resolvers/sharding/shard-moves.js';
import type { ShardingCluster } from '../engines/sharding/sharding-cluster.js';
import type { DomainModule } from './domain-module.js';

/**
 * Shard moves: rebalances and migration tasks on the one move workflow, over the sharding
 * facade, the coordinator and the replication engine's node storage. Listed after sharding. The
 * mover is ticked on the cluster clock while something runs; its records go to the journal in
 * the unit of work that changed them, so a restarted server resumes every workflow where it was.
 */
export const shardMovesModule: DomainModule = {
  name: 'shard-moves',
  async assemble({ store, runtime, bus, journal, runner, shared, service }) {
    const sharding = shared('sharding');
    const coordinator = shared('coordinator');
    const replication = shared('replication');
    const port = new ShardingMovePort(sharding, coordinator.engine, replication.cluster);
    const restored = await loadShardMoves(store);
    const publish = (kind: SequenceEventKind, progress: SequenceProgress) => {
      const type = `${progress.kind === 'REBALANCE' ? 'rebalance' : 'migration'}_${kind}` as keyof ShardMovesEventMap & string;
      bus.publish(type, 'sharding.moves', workflowProgressView(progress));
    };
    const mover = new ShardMover(port, {}, new ShardMoveJournal(journal), { sequenceEvent: publish }, restored);
    let ticker: TimerId | null = null;
    const tick = () => {
      mover.tick(runtime.clock.now());
      if (!mover.running() && ticker !== null) {
        runtime.clock.cancel(ticker);
        ticker = null;
      }
    };
    const started = () => {
      if (ticker === null && mover.running()) ticker = runtime.clock.every(mover.getConfig().tickIntervalMs, tick);
    };
    // A restarted server picks up what was running.
    started();
    // coordinator/shards/{id}/assign moves a shard holding sharded tables through the same workflow, as a migration task.
    service('coordinator').useMoveWorkflow((shardId, nodeId) => {
      if (!port.shards().some((shard) => shard.shardId === shardId)) return false;
      const now = runtime.clock.now();
      const task = mover.createMigration({ shardId, targetNodeId: nodeId }, now);
      try {
        mover.start(task.id, {}, now);
      } catch (error) {
        mover.delete(task.id, now);
        throw error;
      }
      started();
      return true;
    });
    const deps = { mover, catalog: catalogOf(sharding), clock: runtime.clock, runner, started };
    return {
      services: { rebalance: new RebalanceService(deps), migration: new MigrationService(deps) },
      restHandlers: [rebalanceHandlers, migrationHandlers],
      resolvers: [shardMoveResolvers],
      metrics: [shardMovesMetrics(mover)],
      close: () => {
        if (ticker !== null) runtime.clock.cancel(ticker);
      },
    };
  },
};

/** Tables to groups and shards, through the sharding facade. */
function catalogOf(sharding: ShardingCluster): ShardCatalogPort {
  return {
    groupOfTable: (table) => sharding.table(table).group,
    shardIdsOfNumbers: (table, from, to) =>
      sharding
        .shardsOf(table)
        .filter((shard) => shard.shardNumber >= from && shard.shardNumber <= to)
        .map((shard) => shard.shardId),
    shardIdsOfKeyRange: (table, fromKey, toKey) => {
      const definition = sharding.table(table).definition;
      if (definition.shardKeyColumns.length !== 1) {
        throw new DomainError('UNPROCESSABLE', `${table}'s shard key has ${definition.shardKeyColumns.length} columns; a key range needs a single-column key.`, { table });
      }
      const column = definition.shardKeyColumns[0]!;
      const conditions = [
        ...(fromKey === null || fromKey === undefined ? [] : [{ column, op: 'GTE' as const, value: fromKey as never }]),
        ...(toKey === null || toKey === undefined ? [] : [{ column, op: 'LT' as const, value: toKey as never }]),
      ];
      return sharding.routePredicate(table, conditions).shards.map((shard) => shard.shardId);
    },
  };
}
