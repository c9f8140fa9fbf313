import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { withoutNulls } from '../../arguments.js';

/** GraphQL twins of the /api/v1/replication/monitor operations (the dashboard is the lead's). */
export const replicationMonitorResolvers: Resolvers = {
  Query: {
    replicationDashboard: async (_parent, _args, { services, operation }) => services.replicationDashboard.get(await operation()),
    replicationChannels: async (_parent, args, { services, operation }) =>
      services.replicationMonitor.channels(await operation(), { state: args.state ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items,
    replicationLagHistory: async (_parent, args, { services, operation }) =>
      services.replicationMonitor.lagSamples(await operation(), {
        replicaId: args.replicaId ?? undefined,
        since: args.since ? new Date(args.since).toISOString() : undefined,
        until: args.until ? new Date(args.until).toISOString() : undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
    replicationAlerts: async (_parent, args, { services, operation }) =>
      services.replicationMonitor.alerts(await operation(), {
        state: args.state ?? undefined,
        severity: args.severity ?? undefined,
        replicaId: args.replicaId ?? undefined,
        ruleId: args.ruleId ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
  },
  Mutation: {
    createReplicationAlertRule: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('CreateAlertRuleRequest', request);
      return services.replicationMonitor.createRule(context, { ...request, metric: input.metric, threshold: input.threshold });
    },
  },
};
