import type { Services } from '../../../../services/services.js';
import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { DistributedQueryExecutionView, DistributedQueryRequest } from '../../../../services/sharding/distributed-query-views.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/query and its alias under sharding: parse, call the distributed query service, shape the envelope. */
export function distributedQueryHandlers({ distributedQuery }: Services): HandlerTable {
  // 200 with the result when the query ended within the wait; else 202 and where to follow it.
  const execute = async (context: OperationContext, operationId: 'executeDistributedQuery' | 'executeShardedQuery', body: DistributedQueryRequest) => {
    const { result, ended } = await distributedQuery.execute(context, operationId, body);
    return ended ? { status: 200 as const, body: ok(result) } : { status: 202 as const, body: ok(result), headers: { Location: planPath(result.queryId) } };
  };
  return {
    executeDistributedQuery: ({ body, context }) => execute(context, 'executeDistributedQuery', body),
    executeShardedQuery: ({ body, context }) => execute(context, 'executeShardedQuery', body),
    explainDistributedQuery: ({ body, context }) => ({ status: 200, body: ok(distributedQuery.explain(context, body)) }),
    listDistributedQueryPlans: ({ query, context }) => {
      const page = distributedQuery.plans(context, {
        status: query.status,
        kind: query.kind,
        table: query.table,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<DistributedQueryExecutionView>(page.items) }) };
    },
    getDistributedQueryPlan: ({ path, context }) => ({ status: 200, body: ok(distributedQuery.plan(context, path.id)) }),
    getDistributedQueryStatistics: ({ context }) => ({ status: 200, body: ok(distributedQuery.statistics(context)) }),
  };
}

function planPath(queryId: string): string {
  return `/api/v1/cluster/query/plans/${encodeURIComponent(queryId)}`;
}
