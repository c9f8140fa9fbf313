import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/replication/monitor: channels, the lag series, alerts, alert rules and the dashboard. */
export function replicationMonitorHandlers({ replicationMonitor, replicationDashboard }: Services): HandlerTable {
  return {
    getReplicationDashboard: ({ context }) => ({ status: 200, body: ok(replicationDashboard.get(context)) }),
    listReplicationChannels: ({ query, context }) => ({
      status: 200,
      body: okPage(replicationMonitor.channels(context, { state: query.state, limit: query.limit, offset: query.offset })),
    }),
    listReplicationLagSamples: ({ query, context }) => ({
      status: 200,
      body: okPage(
        replicationMonitor.lagSamples(context, { replicaId: query.replicaId, since: query.since, until: query.until, limit: query.limit, offset: query.offset }),
      ),
    }),
    listReplicationAlerts: ({ query, context }) => ({
      status: 200,
      body: okPage(
        replicationMonitor.alerts(context, {
          state: query.state,
          severity: query.severity,
          replicaId: query.replicaId,
          ruleId: query.ruleId,
          limit: query.limit,
          offset: query.offset,
        }),
      ),
    }),
    createReplicationAlertRule: async ({ body, context }) => ({ status: 201, body: ok(await replicationMonitor.createRule(context, body)) }),
  };
}
