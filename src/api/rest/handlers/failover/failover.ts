import type { Services } from '../../../../services/services.js';
import type { FailoverResult } from '../../../../services/failover/failover-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/failover: parse, call the failover service, shape the envelope. */
export function failoverHandlers({ failover }: Services): HandlerTable {
  return {
    triggerFailover: async ({ body, context }) => {
      const result = await failover.trigger(context, body ?? {});
      return result.status === 'IN_PROGRESS' ? { status: 202, body: ok(result) } : { status: 200, body: ok(result) };
    },
    getFailoverConfig: ({ context }) => ({ status: 200, body: ok(failover.getSettings(context)) }),
    updateFailoverConfig: async ({ body, context }) => ({ status: 200, body: ok(await failover.updateSettings(context, body)) }),
    listFailoverHistory: ({ query, context }) => {
      const page = failover.history(context, {
        failoverId: query.failoverId,
        kind: query.kind,
        status: query.status,
        nodeId: query.nodeId,
        since: query.since,
        until: query.until,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<FailoverResult>(page.items) }) };
    },
    listSuspectedNodes: ({ query, context }) => ({
      status: 200,
      body: okPage(failover.suspectedNodes(context, { status: query.status, limit: query.limit, offset: query.offset })),
    }),
    testFailover: async ({ body, context }) => ({ status: 200, body: ok(await failover.test(context, body ?? {})) }),
    getFailoverStatistics: ({ context }) => ({ status: 200, body: ok(failover.statistics(context)) }),
  };
}
