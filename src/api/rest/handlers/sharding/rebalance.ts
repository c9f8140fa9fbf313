import type { Services } from '../../../../services/services.js';
import { ok } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

const progressPath = (planId: string) => `/api/v1/advanced-replication/sharding/rebalance/${encodeURIComponent(planId)}/progress`;

/**
 * REST handlers of /api/v1/advanced-replication/sharding/rebalance, and of the seeds' variant
 * paths (/api/v1/sharding/rebalance/plan and /execute, /api/v1/replication/sharding/rebalance),
 * each bound to its primary twin's handler; /api/v1/sharding/rebalance/status answers the newest
 * rebalance's progress.
 */
export function rebalanceHandlers({ rebalance }: Services): HandlerTable {
  return {
    planShardRebalance: async ({ body, context }) => ({ status: 201, body: ok(await rebalance.plan(context, body ?? {})) }),
    planShardRebalanceAlias: async ({ body, context }) => ({ status: 201, body: ok(await rebalance.plan(context, body ?? {}, 'planShardRebalanceAlias')) }),
    planShardRebalanceReplicationAlias: async ({ body, context }) => ({ status: 201, body: ok(await rebalance.plan(context, body ?? {}, 'planShardRebalanceReplicationAlias')) }),
    // 202: the moves go on after the answer, on the cluster clock; Location is where to follow them.
    executeShardRebalance: async ({ body, context }) => ({ status: 202, body: ok(await rebalance.execute(context, body)), headers: { Location: progressPath(body.planId) } }),
    executeShardRebalanceAlias: async ({ body, context }) => ({
      status: 202,
      body: ok(await rebalance.execute(context, body, 'executeShardRebalanceAlias')),
      headers: { Location: progressPath(body.planId) },
    }),
    getShardRebalanceProgress: ({ path, context }) => ({ status: 200, body: ok(rebalance.progress(context, path.id)) }),
    getShardRebalanceStatus: ({ query, context }) => ({ status: 200, body: ok(rebalance.status(context, query.planId)) }),
    pauseShardRebalance: async ({ path, context }) => ({ status: 200, body: ok(await rebalance.pause(context, path.id)) }),
    resumeShardRebalance: async ({ path, context }) => ({ status: 200, body: ok(await rebalance.resume(context, path.id)) }),
    cancelShardRebalance: async ({ path, context }) => ({ status: 200, body: ok(await rebalance.cancel(context, path.id)) }),
  };
}
