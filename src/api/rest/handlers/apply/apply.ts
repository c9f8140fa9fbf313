import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/advanced-replication/apply: configuration, status, checkpoints, transactions and statistics. */
export function applyHandlers({ apply }: Services): HandlerTable {
  return {
    getApplyConfig: ({ context }) => ({ status: 200, body: ok(apply.config(context)) }),
    updateApplyConfig: async ({ body, context }) => ({ status: 200, body: ok(await apply.updateConfig(context, body)) }),
    listApplierStatus: ({ query, context }) => ({
      status: 200,
      body: okPage(apply.status(context, { state: query.state, targetNodeId: query.targetNodeId, sortBy: query.sort_by, order: query.order, limit: query.limit, offset: query.offset })),
    }),
    listApplyCheckpoints: ({ query, context }) => ({
      status: 200,
      body: okPage(apply.checkpoints(context, { subscriptionId: query.subscriptionId, trigger: query.trigger, limit: query.limit, offset: query.offset })),
    }),
    takeApplyCheckpoint: async ({ body, context }) => ({ status: 201, body: ok(await apply.takeCheckpoint(context, body?.subscriptionId)) }),
    listApplyTransactions: ({ query, context }) => ({
      status: 200,
      body: okPage(apply.transactions(context, { subscriptionId: query.subscriptionId, status: query.status, limit: query.limit, offset: query.offset })),
    }),
    getApplyStatistics: ({ query, context }) => ({ status: 200, body: ok(apply.statistics(context, query.subscriptionId)) }),
  };
}
