import type { Services } from '../../../../services/services.js';
import type { ChannelListQuery } from '../../../../services/replication-monitoring/replication-monitoring-service.js';
import type { OperationContext } from '../../../../services/platform/operation-context.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/**
 * REST handlers of /api/v1/advanced-replication/monitoring, and of its seed-001 variants under
 * /api/v1/replication/monitoring (aliases: the same handler).
 */
export function replicationMonitoringHandlers({ replicationMonitoring }: Services): HandlerTable {
  const channelQuery = (query: ChannelListQuery): ChannelListQuery => ({ kind: query.kind, state: query.state, limit: query.limit, offset: query.offset });
  const lag = (context: OperationContext, query: ChannelListQuery) => ({ status: 200 as const, body: okPage(replicationMonitoring.lag(context, channelQuery(query))) });
  const throughput = (context: OperationContext, query: ChannelListQuery) => ({ status: 200 as const, body: okPage(replicationMonitoring.throughput(context, channelQuery(query))) });
  const errors = (context: OperationContext, query: ChannelListQuery) => ({ status: 200 as const, body: okPage(replicationMonitoring.errors(context, channelQuery(query))) });
  const dashboard = (context: OperationContext) => ({ status: 200 as const, body: ok(replicationMonitoring.dashboard(context)) });
  const rules = (context: OperationContext, query: { metric?: Parameters<typeof replicationMonitoring.rules>[1]['metric']; limit?: number; offset?: number }) => ({
    status: 200 as const,
    body: okPage(replicationMonitoring.rules(context, { metric: query.metric, limit: query.limit, offset: query.offset })),
  });
  const createRule = async (context: OperationContext, body: Parameters<typeof replicationMonitoring.createRule>[1]) => ({
    status: 201 as const,
    body: ok(await replicationMonitoring.createRule(context, body)),
  });
  return {
    listMonitoredChannels: ({ query, context }) => ({ status: 200, body: okPage(replicationMonitoring.channels(context, channelQuery(query))) }),
    listChannelLag: ({ query, context }) => lag(context, query),
    listChannelLagAlias: ({ query, context }) => lag(context, query),
    listChannelThroughput: ({ query, context }) => throughput(context, query),
    listChannelThroughputAlias: ({ query, context }) => throughput(context, query),
    listChannelErrors: ({ query, context }) => errors(context, query),
    listChannelErrorsAlias: ({ query, context }) => errors(context, query),
    listChannelConflicts: ({ query, context }) => ({ status: 200, body: okPage(replicationMonitoring.conflicts(context, channelQuery(query))) }),
    getChannelTimeSeries: ({ query, context }) => ({
      status: 200,
      body: ok(replicationMonitoring.timeseries(context, { channelId: query.channelId, metric: query.metric, since: query.since, until: query.until, maxPoints: query.maxPoints })),
    }),
    getMonitoringDashboard: ({ context }) => dashboard(context),
    getMonitoringDashboardAlias: ({ context }) => dashboard(context),
    listChannelAlertRules: ({ query, context }) => rules(context, query),
    listChannelAlertRulesAlias: ({ query, context }) => rules(context, query),
    createChannelAlertRule: ({ body, context }) => createRule(context, body),
    createChannelAlertRuleAlias: ({ body, context }) => createRule(context, body),
    updateChannelAlertRule: async ({ path, body, context }) => ({ status: 200, body: ok(await replicationMonitoring.updateRule(context, path.id, body)) }),
    deleteChannelAlertRule: async ({ path, context }) => ({ status: 200, body: ok(await replicationMonitoring.deleteRule(context, path.id)) }),
  };
}
