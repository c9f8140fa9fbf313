import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { ClusterNode } from '../../../../services/cluster/cluster-service.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster: parse, call the cluster service, shape the envelope. */
export function clusterHandlers({ cluster }: Services): HandlerTable {
  return {
    listClusterNodes: ({ query, context }) => {
      const page = cluster.listNodes(context, {
        status: query.status,
        role: query.role,
        region: query.region,
        zone: query.zone,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<ClusterNode>(page.items) }) };
    },
    addClusterNode: async ({ body, context }) => ({ status: 201, body: ok(await cluster.addNode(context, body)) }),
    getClusterNode: ({ path, context }) => ({ status: 200, body: ok(cluster.getNode(context, path.id)) }),
    removeClusterNode: async ({ path, query, context }) => {
      const removed = await cluster.removeNode(context, path.id, query.force ?? false);
      return { status: 200, body: ok({ id: removed.nodeId, deleted: true as const }) };
    },
    getClusterTopology: ({ context }) => ({ status: 200, body: ok(cluster.topology(context)) }),
    getClusterConfig: ({ context }) => ({ status: 200, body: ok(cluster.getConfig(context)) }),
    updateClusterConfig: async ({ body, context }) => ({ status: 200, body: ok(await cluster.replaceConfig(context, body)) }),
  };
}
