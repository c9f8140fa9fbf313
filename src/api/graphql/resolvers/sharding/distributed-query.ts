import type { DistributedQueryExecution, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { nullIfNotFound, withoutNulls } from '../../arguments.js';

/** GraphQL twins of /api/v1/cluster/query (and of its alias /api/v1/advanced-replication/sharding/query/execute). */
export const distributedQueryResolvers: Resolvers = {
  Query: {
    explainDistributedQuery: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('DistributedQueryRequest', request);
      return services.distributedQuery.explain(context, request as { query: string; coordinatorNodeId?: string });
    },
    distributedQueryPlans: async (_parent, args, { services, operation }) =>
      services.distributedQuery.plans(await operation(), {
        status: args.status ?? undefined,
        kind: args.kind ?? undefined,
        table: args.table ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as DistributedQueryExecution[],
    distributedQueryPlan: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.distributedQuery.plan(context, id));
    },
    distributedQueryStatistics: async (_parent, _args, { services, operation }) => services.distributedQuery.statistics(await operation()),
  },
  Mutation: {
    executeDistributedQuery: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('DistributedQueryRequest', request);
      return (await services.distributedQuery.execute(context, 'executeDistributedQuery', request as { query: string; coordinatorNodeId?: string })).result;
    },
  },
};
