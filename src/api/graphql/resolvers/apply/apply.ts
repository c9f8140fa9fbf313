import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of /api/v1/advanced-replication/apply. */
export const applyResolvers: Resolvers = {
  Query: {
    applyConfig: async (_parent, _args, { services, operation }) => services.apply.config(await operation()),
    applyStatus: async (_parent, args, { services, operation }) =>
      services.apply.status(await operation(), {
        state: args.state ?? undefined,
        targetNodeId: args.targetNodeId ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
    applyCheckpoints: async (_parent, args, { services, operation }) =>
      services.apply.checkpoints(await operation(), {
        subscriptionId: args.subscriptionId ?? undefined,
        trigger: args.trigger ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
    applyTransactions: async (_parent, args, { services, operation }) =>
      services.apply.transactions(await operation(), {
        subscriptionId: args.subscriptionId ?? undefined,
        status: args.status ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
    applyStatistics: async (_parent, args, { services, operation }) => services.apply.statistics(await operation(), args.subscriptionId ?? undefined),
  },
  Mutation: {
    updateApplyConfig: async (_parent, { config }, { services, contract, operation }) => {
      const context = await operation();
      const changes = withoutNulls(config);
      contract.check('UpdateApplyConfigRequest', changes);
      return services.apply.updateConfig(context, changes);
    },
    takeApplyCheckpoint: async (_parent, { subscriptionId }, { services, contract, operation }) => {
      const context = await operation();
      const request = subscriptionId === null || subscriptionId === undefined ? {} : { subscriptionId };
      contract.check('TakeApplyCheckpointRequest', request);
      return services.apply.takeCheckpoint(context, request.subscriptionId);
    },
  },
};
