import type { Resolvers } from '../../../../generated/graphql/resolvers-types.js';
import { withoutNulls } from './arguments.js';

/** GraphQL twins of the /api/v1/simulation operations. */
export const simulationResolvers: Resolvers = {
  Query: {
    faults: async (_parent, args, { services, operation }) =>
      services.simulation.listFaults(await operation(), withoutNulls(args)).items,
    clock: async (_parent, _args, { services, operation }) => services.simulation.getClock(await operation()),
  },
  Mutation: {
    injectFault: async (_parent, { input }, { services, operation }) => services.simulation.injectFault(await operation(), { ...withoutNulls(input), type: input.type }),
    healFault: async (_parent, { id }, { services, operation }) => services.simulation.healFault(await operation(), id),
    setClock: async (_parent, { input }, { services, operation }) => services.simulation.setClock(await operation(), withoutNulls(input)),
    advanceClock: async (_parent, { ms }, { services, operation }) => services.simulation.advanceClock(await operation(), ms),
  },
};
