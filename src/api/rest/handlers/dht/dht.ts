import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { DhtNode } from '../../../../services/dht/dht-service.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/dht: parse, call the DHT service, shape the envelope. */
export function dhtHandlers({ dht }: Services): HandlerTable {
  return {
    listDhtNodes: ({ query, context }) => {
      const page = dht.listNodes(context, {
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<DhtNode>(page.items) }) };
    },
    getDhtRing: ({ query, context }) => ({
      status: 200,
      body: okPage(dht.ring(context, { nodeId: query.nodeId, fromToken: query.fromToken, limit: query.limit, offset: query.offset })),
    }),
    getDhtStatistics: ({ context }) => ({ status: 200, body: ok(dht.statistics(context)) }),
    routeDhtKey: ({ body, context }) => ({ status: 200, body: ok(dht.route(context, body)) }),
  };
}
