import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { withoutNulls } from '../../arguments.js';

/** GraphQL twins of the /api/v1/simulation operations. */
export const simulationResolvers: Resolvers = {
  Query: {
    faults: async (_parent, args, { services, operation }) =>
      services.simulation.listFaults(await operation(), withoutNulls(args)).items,
    clock: async (_parent, _args, { services, operation }) => services.simulation.getClock(await operation()),
  },
  Mutation: {
    injectFault: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const spec = { ...withoutNulls(input), type: input.type };
      contract.check('FaultRequest', spec);
      return services.simulation.injectFault(context, spec);
    },
    healFault: async (_parent, { id }, { services, operation }) => services.simulation.healFault(await operation(), id),
    setClock: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const changes = withoutNulls(input);
      contract.check('ClockUpdate', changes);
      return services.simulation.setClock(context, changes);
    },
    advanceClock: async (_parent, { ms }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('AdvanceRequest', { ms });
      return services.simulation.advanceClock(context, ms);
    },
  },
};
