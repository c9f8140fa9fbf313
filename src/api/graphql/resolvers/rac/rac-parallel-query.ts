import type { ParallelQueryPlan, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the parallel query operations (/api/v1/rac/parallel-query). */
export const racParallelQueryResolvers: Resolvers = {
  Query: {
    parallelQueryPlans: async (_parent, args, { services, operation }) =>
      services.racParallelQuery.plans(await operation(), {
        table: args.table ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as ParallelQueryPlan[],
    activeParallelQueries: async (_parent, args, { services, operation }) =>
      services.racParallelQuery.active(await operation(), { limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items,
    parallelQueryStatistics: async (_parent, _args, { services, operation }) => services.racParallelQuery.statistics(await operation()),
    parallelQueryStatus: async (_parent, { queryId }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.racParallelQuery.status(context, queryId ?? undefined));
    },
  },
  Mutation: {
    executeParallelQuery: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('ParallelQueryRequest', request);
      return services.racParallelQuery.execute(context, { query: args.query, ...(request.dop === undefined ? {} : { dop: request.dop }) });
    },
    updateParallelQueryConfig: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('ParallelQueryConfig', input);
      return services.racParallelQuery.updateConfig(context, input);
    },
  },
};
