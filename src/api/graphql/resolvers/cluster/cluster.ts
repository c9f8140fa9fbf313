import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ClusterNode } from '../../../../services/cluster/cluster-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';
import { mapFeed } from '../../map-feed.js';

/** GraphQL twins of the /api/v1/cluster operations. */
export const clusterResolvers: Resolvers = {
  Query: {
    cluster: async (_parent, _args, { services, operation }) => services.cluster.info(await operation()),
    clusterNodes: async (_parent, args, { services, operation }) =>
      services.cluster.listNodes(await operation(), {
        status: args.status ?? undefined,
        role: args.role ?? undefined,
        region: args.region ?? undefined,
        zone: args.zone ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as ClusterNode[],
    clusterNode: async (_parent, { nodeId }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.cluster.getNode(context, nodeId));
    },
    clusterTopology: async (_parent, _args, { services, operation }) => services.cluster.topology(await operation()),
    clusterConfig: async (_parent, _args, { services, operation }) => services.cluster.getConfig(await operation()),
  },
  Mutation: {
    addClusterNode: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), address: input.address };
      contract.check('AddNodeRequest', request);
      return services.cluster.addNode(context, request);
    },
    removeClusterNode: async (_parent, { nodeId, force }, { services, operation }) => {
      await services.cluster.removeNode(await operation(), nodeId, force ?? false);
      return true;
    },
    updateClusterConfig: async (_parent, { config }, { services, contract, operation }) => {
      const context = await operation();
      const changes = withoutNulls(config);
      contract.check('ClusterConfig', changes, { partial: true });
      return services.cluster.updateConfig(context, changes);
    },
  },
  Subscription: {
    nodeStatusChanged: {
      subscribe: async (_parent, { nodeId }, { services, operation }) => {
        const context = await operation();
        const feed = services.events.open(context, 'streamClusterNodeEvents', {
          types: ['node_joined', 'node_health_change'],
          resourceIds: nodeId ? [nodeId] : undefined,
        });
        return mapFeed(feed, (event) => {
          const changedId = (event.payload as { nodeId: string }).nodeId;
          // A node removed since the event has no current state to show; skip it.
          try {
            return { nodeStatusChanged: services.cluster.getNode(context, changedId) };
          } catch {
            return undefined;
          }
        });
      },
    },
  },
};
