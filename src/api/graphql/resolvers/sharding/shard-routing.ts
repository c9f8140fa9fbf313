import type { Resolvers, ShardRoute as GraphQLShardRoute } from '../../../../../generated/graphql/resolvers-types.js';
import type { RouteShardQueryRequest } from '../../../../services/sharding/shard-routing-service.js';
import { withoutNulls } from '../../arguments.js';

const REASON_TYPES = { HASH: 'HashRouteReason', RANGE: 'RangeRouteReason', LIST: 'ListRouteReason' } as const;

/** GraphQL twins of /api/v1/advanced-replication/sharding/query/route and …/analyze-key. */
export const shardRoutingResolvers: Resolvers = {
  Query: {
    shardRoute: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls({ ...input, conditions: input.conditions?.map((condition) => withoutNulls(condition)) });
      contract.check('RouteShardQueryRequest', request);
      return services.shardRouting.route(context, request as RouteShardQueryRequest) as unknown as GraphQLShardRoute;
    },
    analyzeShardKey: async (_parent, args, { services, operation }) =>
      services.shardRouting.analyze(await operation(), {
        table: args.table,
        keyColumns: args.keyColumns,
        shardCount: args.shardCount ?? undefined,
        hashFunction: args.hashFunction ?? undefined,
      }),
  },
  RouteReason: {
    __resolveType: (reason) => REASON_TYPES[(reason as unknown as { strategy: keyof typeof REASON_TYPES }).strategy],
  },
};
