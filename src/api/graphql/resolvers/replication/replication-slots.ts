import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ReplicationSlotView } from '../../../../services/replication/replication-slot-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the /api/v1/replication/slots operations. */
export const replicationSlotResolvers: Resolvers = {
  Query: {
    replicationSlots: async (_parent, args, { services, operation }) =>
      services.replicationSlots.list(await operation(), {
        slotType: args.slotType ?? undefined,
        active: args.active ?? undefined,
        walStatus: args.walStatus ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as ReplicationSlotView[],
    replicationSlot: async (_parent, { name }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.replicationSlots.get(context, name));
    },
  },
  Mutation: {
    createReplicationSlot: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('CreateReplicationSlotRequest', request);
      return services.replicationSlots.create(context, { ...request, slotName: input.slotName, slotType: input.slotType });
    },
    deleteReplicationSlot: async (_parent, { name }, { services, operation }) => {
      const context = await operation();
      return (await services.replicationSlots.drop(context, name)).deleted;
    },
  },
};
