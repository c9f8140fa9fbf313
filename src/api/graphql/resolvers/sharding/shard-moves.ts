import type { MigrationTask, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { BusEvent } from '../../../../engines/runtime/event-bus.js';
import { MIGRATION_EVENT_TYPES, REBALANCE_EVENT_TYPES } from '../../../../engines/sharding/shard-move-events.js';
import type { WorkflowProgressView } from '../../../../engines/sharding/shard-move-views.js';
import type { CreateMigrationTaskRequest } from '../../../../services/sharding/migration-service.js';
import { withoutNulls } from '../../arguments.js';
import type { GraphQLContext } from '../../context.js';
import { mapFeed } from '../../map-feed.js';

/**
 * GraphQL twins of /api/v1/advanced-replication/sharding/rebalance and /api/v1/cluster/migration
 * (and of their aliases), the seed's `rebalanceShards` and `executeRebalance`, and the
 * subscriptions over the rebalance_* and migration_* events of the one bus.
 */
export const shardMoveResolvers: Resolvers = {
  Query: {
    shardRebalance: async (_parent, { planId }, { services, operation }) => {
      const context = await operation();
      return planId ? services.rebalance.progress(context, planId) : services.rebalance.status(context);
    },
    migrationTasks: async (_parent, args, { services, operation }) => {
      const page = services.migration.list(await operation(), {
        state: args.state ?? undefined,
        targetNodeId: args.targetNodeId ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      });
      return { ...page, items: page.items as MigrationTask[] };
    },
    migrationTask: async (_parent, { taskId }, { services, operation }) => services.migration.get(await operation(), taskId),
    migrationTaskProgress: async (_parent, { taskId }, { services, operation }) => services.migration.progress(await operation(), taskId),
    migrationStatistics: async (_parent, _args, { services, operation }) => services.migration.statistics(await operation()),
  },
  Mutation: {
    planShardRebalance: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input ?? {});
      contract.check('RebalancePlanRequest', request);
      return services.rebalance.plan(context, request);
    },
    rebalanceShards: async (_parent, args, { services, operation }) => services.rebalance.planShardRange(await operation(), withoutNulls(args) as { table: string; fromShard: string; toShard: string }),
    executeRebalance: async (_parent, { planId, force }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls({ planId, force });
      contract.check('ExecuteRebalanceRequest', request);
      return services.rebalance.execute(context, request as { planId: string; force?: boolean });
    },
    pauseShardRebalance: async (_parent, { planId }, { services, operation }) => services.rebalance.pause(await operation(), planId),
    resumeShardRebalance: async (_parent, { planId }, { services, operation }) => services.rebalance.resume(await operation(), planId),
    cancelShardRebalance: async (_parent, { planId }, { services, operation }) => services.rebalance.cancel(await operation(), planId),
    createMigrationTask: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), ...(input.keyRange ? { keyRange: { table: input.keyRange.table, fromKey: input.keyRange.fromKey ?? null, toKey: input.keyRange.toKey ?? null } } : {}) };
      contract.check('CreateMigrationTaskRequest', request);
      return services.migration.create(context, request as CreateMigrationTaskRequest);
    },
    startMigrationTask: async (_parent, { taskId, force }, { services, operation }) => services.migration.start(await operation(), taskId, force ?? false),
    pauseMigrationTask: async (_parent, { taskId }, { services, operation }) => services.migration.pause(await operation(), taskId),
    resumeMigrationTask: async (_parent, { taskId }, { services, operation }) => services.migration.resume(await operation(), taskId),
    deleteMigrationTask: async (_parent, { taskId }, { services, operation }) => services.migration.delete(await operation(), taskId),
  },
  Subscription: {
    shardRebalanceProgress: {
      subscribe: (_parent, args, context) => feedOf(context, [...REBALANCE_EVENT_TYPES], args.resumeFrom ?? undefined, (status) => status.id === args.planId),
      resolve: (event: ProgressEvent) => event,
    },
    migrationProgress: {
      subscribe: (_parent, args, context) => feedOf(context, [...MIGRATION_EVENT_TYPES], args.resumeFrom ?? undefined, (status) => !args.taskId || status.id === args.taskId),
      resolve: (event: ProgressEvent) => event,
    },
  },
};

interface ProgressEvent {
  cursor: number;
  time: string;
  type: string;
  status: WorkflowProgressView;
}

/** The events from the bus, authorized as the stream of every event, kept when `wanted`. */
async function feedOf(context: GraphQLContext, types: string[], resumeFrom: number | undefined, wanted: (status: WorkflowProgressView) => boolean): Promise<AsyncGenerator<ProgressEvent>> {
  const feed = context.services.events.open(await context.operation(), 'streamEvents', { types }, resumeFrom);
  return mapFeed(feed, (event: BusEvent) => {
    const status = event.payload as WorkflowProgressView;
    return wanted(status) ? { cursor: event.cursor, time: event.time, type: event.type, status } : undefined;
  });
}
