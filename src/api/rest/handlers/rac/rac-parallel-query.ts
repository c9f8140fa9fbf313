import type { Services } from '../../../../services/services.js';
import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { ExecuteParallelQueryRequest, ParallelQueryPlanView } from '../../../../services/rac/rac-parallel-query-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/rac/parallel-query: parse, call the parallel query service, shape the envelope. */
export function racParallelQueryHandlers({ racParallelQuery }: Services): HandlerTable {
  // 202: the query runs on after the answer, on the cluster clock; Location is where to follow it.
  const execute = async (context: OperationContext, request: ExecuteParallelQueryRequest) => {
    const query = await racParallelQuery.execute(context, request);
    return { status: 202 as const, body: ok(query), headers: { Location: statusPath(query.queryId) } };
  };
  return {
    executeParallelQuery: ({ body, context }) => execute(context, body),
    // The path seed 002 names: the same body and answer.
    executeParallelQueryAlias: ({ body, context }) => execute(context, body),
    listParallelQueryPlans: ({ query, context }) => {
      const page = racParallelQuery.plans(context, {
        table: query.table,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<ParallelQueryPlanView>(page.items) }) };
    },
    listActiveParallelQueries: ({ query, context }) => ({ status: 200, body: okPage(racParallelQuery.active(context, { limit: query.limit, offset: query.offset })) }),
    getParallelQueryStatistics: ({ context }) => ({ status: 200, body: ok(racParallelQuery.statistics(context)) }),
    // The path seeds 001 and 003 name: the same answer.
    getParallelQueryStatisticsAlias: ({ context }) => ({ status: 200, body: ok(racParallelQuery.statistics(context)) }),
    getParallelQueryStatus: ({ query, context }) => ({ status: 200, body: ok(racParallelQuery.status(context, query.queryId)) }),
    updateParallelQueryConfig: async ({ body, context }) => ({ status: 200, body: ok(await racParallelQuery.updateConfig(context, body)) }),
  };
}

function statusPath(queryId: string): string {
  return `/api/v1/rac/parallel-query/status?queryId=${encodeURIComponent(queryId)}`;
}
