import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ClusterShard } from '../../../../services/coordinator/coordinator-service.js';
import { orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the /api/v1/cluster/coordinator operations. */
export const coordinatorResolvers: Resolvers = {
  Query: {
    shards: async (_parent, args, { services, operation }) =>
      services.coordinator.listShards(await operation(), {
        group: args.group ?? undefined,
        nodeId: args.nodeId ?? undefined,
        role: args.role ?? undefined,
        state: args.state ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as ClusterShard[],
    clusterShard: async (_parent, { shardId }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('ShardId', shardId, { location: 'shardId' });
      return services.coordinator.getShard(context, shardId);
    },
    distributeQuery: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), sql: input.sql };
      contract.check('DistributeQueryRequest', request);
      return services.coordinator.distributeQuery(context, request);
    },
  },
  Mutation: {
    assignShard: async (_parent, { shardId, nodeId, role }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('ShardId', shardId, { location: 'shardId' });
      const request = withoutNulls({ nodeId, role });
      contract.check('AssignShardRequest', request);
      return services.coordinator.assignShard(context, shardId, { nodeId, role: request.role });
    },
    setExecutionStrategy: async (_parent, { strategy }, { services, operation }) => services.coordinator.setExecutionStrategy(await operation(), strategy),
  },
};
