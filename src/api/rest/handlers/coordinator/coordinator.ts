import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { ClusterShard } from '../../../../services/coordinator/coordinator-service.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/coordinator: parse, call the coordinator service, shape the envelope. */
export function coordinatorHandlers({ coordinator }: Services): HandlerTable {
  return {
    listShards: ({ query, context }) => {
      const page = coordinator.listShards(context, {
        group: query.group,
        nodeId: query.nodeId,
        role: query.role,
        state: query.state,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<ClusterShard>(page.items) }) };
    },
    getShard: ({ path, context }) => ({ status: 200, body: ok(coordinator.getShard(context, path.id)) }),
    // 202: a shard whose data must be copied is MOVING when the answer leaves (see pendingMoves).
    assignShard: async ({ path, body, context }) => ({ status: 202, body: ok(await coordinator.assignShard(context, path.id, body)) }),
    setExecutionStrategy: async ({ body, context }) => ({ status: 200, body: ok(await coordinator.setExecutionStrategy(context, body.strategy)) }),
    distributeQuery: ({ body, context }) => ({ status: 200, body: ok(coordinator.distributeQuery(context, body)) }),
  };
}
