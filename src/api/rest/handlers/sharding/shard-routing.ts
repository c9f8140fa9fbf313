import type { Services } from '../../../../services/services.js';
import type { RouteShardQueryRequest } from '../../../../services/sharding/shard-routing-service.js';
import { ok } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/advanced-replication/sharding/query/route and …/analyze-key. */
export function shardRoutingHandlers({ shardRouting }: Services): HandlerTable {
  return {
    routeShardQuery: ({ body, context }) => ({ status: 200, body: ok(shardRouting.route(context, body as RouteShardQueryRequest)) }),
    analyzeShardKey: ({ query, context }) => ({
      status: 200,
      body: ok(
        shardRouting.analyze(context, {
          table: query.table,
          keyColumns: query.keyColumns.split(','),
          shardCount: query.shardCount,
          hashFunction: query.hashFunction,
        }),
      ),
    }),
  };
}
