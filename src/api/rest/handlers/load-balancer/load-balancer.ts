import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { LoadBalancerBackend, LoadBalancerConnection } from '../../../../services/load-balancer/load-balancer-service.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/load-balancer: parse, call the load balancer service, shape the envelope. */
export function loadBalancerHandlers({ loadBalancer }: Services): HandlerTable {
  return {
    listLoadBalancerBackends: ({ query, context }) => {
      const page = loadBalancer.listBackends(context, {
        health: query.health,
        nodeId: query.nodeId,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<LoadBalancerBackend>(page.items) }) };
    },
    addLoadBalancerBackend: async ({ body, context }) => ({ status: 201, body: ok(await loadBalancer.addBackend(context, body)) }),
    getLoadBalancerBackend: ({ path, context }) => ({ status: 200, body: ok(loadBalancer.getBackend(context, path.id)) }),
    removeLoadBalancerBackend: async ({ path, query, context }) => {
      const removed = await loadBalancer.removeBackend(context, path.id, query.force ?? false);
      return { status: 200, body: ok({ id: removed.backendId, deleted: true as const }) };
    },
    listLoadBalancerConnections: ({ query, context }) => {
      const page = loadBalancer.listConnections(context, {
        backendId: query.backendId,
        state: query.state,
        outcome: query.outcome,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<LoadBalancerConnection>(page.items) }) };
    },
    getLoadBalancerStatistics: ({ context }) => ({ status: 200, body: ok(loadBalancer.statistics(context)) }),
    setLoadBalancerStrategy: async ({ body, context }) => ({ status: 200, body: ok(await loadBalancer.setStrategy(context, body.strategy)) }),
  };
}
