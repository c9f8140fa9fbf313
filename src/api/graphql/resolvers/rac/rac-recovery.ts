import type { InstanceRecovery, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the instance recovery operations (/api/v1/rac/recovery). */
export const racRecoveryResolvers: Resolvers = {
  Query: {
    racRecoveryStatus: async (_parent, _args, { services, operation }) => services.racRecovery.status(await operation()),
    racActiveRecoveries: async (_parent, args, { services, operation }) =>
      services.racRecovery.active(await operation(), { limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items,
    racRecoveryHistory: async (_parent, args, { services, operation }) =>
      services.racRecovery.history(await operation(), {
        failedInstance: args.failedInstance ?? undefined,
        trigger: args.trigger ?? undefined,
        phase: args.phase ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as InstanceRecovery[],
    racRecoveryConfig: async (_parent, _args, { services, operation }) => services.racRecovery.config(await operation()),
  },
  Mutation: {
    updateRacRecoveryConfig: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('RecoveryConfig', input);
      return services.racRecovery.updateConfig(context, input);
    },
    initiateRacRecovery: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('InitiateRecoveryRequest', request);
      return services.racRecovery.initiate(context, { instanceId: args.instanceId, ...(request.recoveringInstance === undefined ? {} : { recoveringInstance: request.recoveringInstance }) });
    },
  },
};
