import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { LoadBalancerBackend, LoadBalancerConnection } from '../../../../services/load-balancer/load-balancer-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the /api/v1/cluster/load-balancer operations. */
export const loadBalancerResolvers: Resolvers = {
  Query: {
    loadBalancerBackends: async (_parent, args, { services, operation }) =>
      services.loadBalancer.listBackends(await operation(), {
        health: args.health ?? undefined,
        nodeId: args.nodeId ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as LoadBalancerBackend[],
    loadBalancerBackend: async (_parent, { backendId }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.loadBalancer.getBackend(context, backendId));
    },
    loadBalancerConnections: async (_parent, args, { services, operation }) =>
      services.loadBalancer.listConnections(await operation(), {
        backendId: args.backendId ?? undefined,
        state: args.state ?? undefined,
        outcome: args.outcome ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as LoadBalancerConnection[],
    loadBalancerStatistics: async (_parent, _args, { services, operation }) => services.loadBalancer.statistics(await operation()),
  },
  Mutation: {
    addLoadBalancerBackend: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), address: input.address };
      contract.check('AddBackendRequest', request);
      return services.loadBalancer.addBackend(context, request);
    },
    removeLoadBalancerBackend: async (_parent, { backendId, force }, { services, operation }) => {
      await services.loadBalancer.removeBackend(await operation(), backendId, force ?? false);
      return true;
    },
    setLoadBalancerStrategy: async (_parent, { strategy }, { services, operation }) => services.loadBalancer.setStrategy(await operation(), strategy),
  },
};
