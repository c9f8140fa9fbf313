import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { NodeHealthPayload } from '../../../../engines/cluster/events.js';
import type { NodeStatus } from '../../../../engines/cluster/node-health.js';
import type { ClusterInfo, ClusterNode, ClusterTopology } from '../../../../services/cluster/cluster-service.js';
import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { Services } from '../../../../services/services.js';
import { nullIfNotFound } from '../../arguments.js';
import { mapFeed } from '../../map-feed.js';

/** Membership and node health events: what changes a node, and with it the topology. */
const NODE_EVENT_TYPES = ['node_joined', 'node_left', 'node_health_change'];

/** GraphQL twins of /api/v1/cluster/status and /api/v1/clustering/status, and the cluster-wide subscriptions. */
export const clusterStatusResolvers: Resolvers = {
  Query: {
    clusterStatus: async (_parent, _args, { services, operation }) => services.clusterStatus.status(await operation()),
    clusteringStatus: async (_parent, _args, { services, operation }) => services.clusterStatus.clustering(await operation()),
  },
  Subscription: {
    clusterStateChanged: {
      subscribe: async (_parent, _args, { services, operation }) => {
        const context = await operation();
        const feed = services.events.open(context, 'streamEvents', { types: ['cluster_state_changed'] });
        return mapFeed(feed, () => services.cluster.info(context));
      },
      resolve: (cluster: ClusterInfo) => cluster,
    },
    clusterNodeStatusChanged: {
      subscribe: async (_parent, _args, { services, operation }) => {
        const context = await operation();
        const feed = services.events.open(context, 'streamClusterNodeEvents', { types: NODE_EVENT_TYPES });
        // A node that has left has no current state to show: its node_left is skipped (nodeStatusChanges carries it).
        return mapFeed(feed, (event) => currentNode(services, context, (event.payload as { nodeId: string }).nodeId) ?? undefined);
      },
      resolve: (node: ClusterNode) => node,
    },
    clusterTopologyChanged: {
      subscribe: async (_parent, _args, { services, operation }) => {
        const context = await operation();
        const feed = services.events.open(context, 'streamClusterNodeEvents', { types: NODE_EVENT_TYPES });
        return mapFeed(feed, () => services.cluster.topology(context));
      },
      resolve: (topology: ClusterTopology) => topology,
    },
    nodeStatusChanges: {
      subscribe: async (_parent, { nodeId }, { services, operation }) => {
        const context = await operation();
        const feed = services.events.open(context, 'streamClusterNodeEvents', { types: NODE_EVENT_TYPES, resourceIds: nodeId ? [nodeId] : undefined });
        return mapFeed(feed, (event): NodeStatusEvent => {
          const changedId = (event.payload as { nodeId: string }).nodeId;
          const node = event.type === 'node_left' ? null : currentNode(services, context, changedId);
          const health = event.type === 'node_health_change' ? (event.payload as NodeHealthPayload) : null;
          return {
            cursor: event.cursor,
            type: event.type,
            time: event.time,
            nodeId: changedId,
            previousStatus: health?.previousStatus ?? null,
            status: health?.status ?? node?.status ?? null,
            node,
          };
        });
      },
      resolve: (event: NodeStatusEvent) => event,
    },
  },
};

interface NodeStatusEvent {
  cursor: number;
  type: string;
  time: string;
  nodeId: string;
  previousStatus: NodeStatus | null;
  status: NodeStatus | null;
  node: ClusterNode | null;
}

/** The node as it is now, or null once it has been removed. */
function currentNode(services: Services, context: OperationContext, nodeId: string): ClusterNode | null {
  return nullIfNotFound(() => services.cluster.getNode(context, nodeId));
}
