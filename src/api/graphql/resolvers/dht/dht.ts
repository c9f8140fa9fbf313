import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { DhtNode } from '../../../../services/dht/dht-service.js';
import { orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the /api/v1/cluster/dht operations. */
export const dhtResolvers: Resolvers = {
  Query: {
    dhtNodes: async (_parent, args, { services, operation }) =>
      services.dht.listNodes(await operation(), {
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as DhtNode[],
    dhtRing: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      if (args.fromToken !== null && args.fromToken !== undefined) contract.check('Token', args.fromToken, { location: 'fromToken' });
      return services.dht.ring(context, {
        nodeId: args.nodeId ?? undefined,
        fromToken: args.fromToken ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items;
    },
    dhtStatistics: async (_parent, _args, { services, operation }) => services.dht.statistics(await operation()),
    routeDhtKey: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('DhtRouteRequest', request);
      return services.dht.route(context, request);
    },
  },
};
