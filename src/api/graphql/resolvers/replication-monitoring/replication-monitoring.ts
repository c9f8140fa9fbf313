import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { withoutNulls } from '../../arguments.js';

/** GraphQL twins of /api/v1/advanced-replication/monitoring (and of its aliases under /api/v1/replication/monitoring). */
export const replicationMonitoringResolvers: Resolvers = {
  Query: {
    monitoredChannels: async (_parent, args, { services, operation }) => services.replicationMonitoring.channels(await operation(), withoutNulls(args)).items,
    channelLag: async (_parent, args, { services, operation }) => services.replicationMonitoring.lag(await operation(), withoutNulls(args)).items,
    channelThroughput: async (_parent, args, { services, operation }) => services.replicationMonitoring.throughput(await operation(), withoutNulls(args)).items,
    channelErrors: async (_parent, args, { services, operation }) => services.replicationMonitoring.errors(await operation(), withoutNulls(args)).items,
    channelConflicts: async (_parent, args, { services, operation }) => services.replicationMonitoring.conflicts(await operation(), withoutNulls(args)).items,
    channelTimeSeries: async (_parent, args, { services, operation }) =>
      services.replicationMonitoring.timeseries(await operation(), {
        channelId: args.channelId,
        metric: args.metric,
        since: args.since ? new Date(args.since).toISOString() : undefined,
        until: args.until ? new Date(args.until).toISOString() : undefined,
        maxPoints: args.maxPoints ?? undefined,
      }),
    replicationMonitoringDashboard: async (_parent, _args, { services, operation }) => services.replicationMonitoring.dashboard(await operation()),
    channelAlertRules: async (_parent, args, { services, operation }) => services.replicationMonitoring.rules(await operation(), withoutNulls(args)).items,
  },
  Mutation: {
    createChannelAlertRule: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('CreateChannelAlertRuleRequest', request);
      return services.replicationMonitoring.createRule(context, { ...request, metric: input.metric, threshold: input.threshold });
    },
    updateChannelAlertRule: async (_parent, { id, input }, { services, contract, operation }) => {
      const context = await operation();
      // A null channelId or kind widens the rule; the other fields are changed only when given.
      const request = { ...withoutNulls(input), ...('channelId' in input ? { channelId: input.channelId ?? null } : {}), ...('kind' in input ? { kind: input.kind ?? null } : {}) };
      contract.check('UpdateChannelAlertRuleRequest', request);
      return services.replicationMonitoring.updateRule(context, id, request);
    },
    deleteChannelAlertRule: async (_parent, { id }, { services, operation }) => services.replicationMonitoring.deleteRule(await operation(), id),
  },
};
