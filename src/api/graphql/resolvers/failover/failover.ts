import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { FailoverResult } from '../../../../services/failover/failover-service.js';
import type { GraphQLContext } from '../../context.js';
import { orderOf, withoutNulls } from '../../arguments.js';
import { mapFeed } from '../../map-feed.js';

/** GraphQL twins of the /api/v1/cluster/failover operations, and the failover subscriptions. */
export const failoverResolvers: Resolvers = {
  Query: {
    failoverConfig: async (_parent, _args, { services, operation }) => services.failover.getSettings(await operation()),
    failoverHistory: async (_parent, args, { services, operation }) =>
      services.failover.history(await operation(), {
        failoverId: args.failoverId ?? undefined,
        kind: args.kind ?? undefined,
        status: args.status ?? undefined,
        nodeId: args.nodeId ?? undefined,
        since: args.since ? new Date(args.since).toISOString() : undefined,
        until: args.until ? new Date(args.until).toISOString() : undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as FailoverResult[],
    suspectedNodes: async (_parent, args, { services, operation }) =>
      services.failover.suspectedNodes(await operation(), { status: args.status ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items,
    failoverStatistics: async (_parent, _args, { services, operation }) => services.failover.statistics(await operation()),
  },
  Mutation: {
    triggerFailover: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('FailoverRequest', request);
      return services.failover.trigger(context, request);
    },
    updateFailoverConfig: async (_parent, { config }, { services, contract, operation }) => {
      const context = await operation();
      const changes = withoutNulls(config);
      contract.check('FailoverConfig', changes, { partial: true });
      return services.failover.changeSettings(context, changes);
    },
    testFailover: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input ?? {});
      contract.check('FailoverTestRequest', request);
      return services.failover.test(context, request);
    },
  },
  Subscription: {
    failoverEvent: { subscribe: (_parent, _args, context) => failoverFeed(context), resolve: (event: FailoverEvent) => event },
    failoverEvents: { subscribe: (_parent, _args, context) => failoverFeed(context), resolve: (event: FailoverEvent) => event },
  },
};

interface FailoverEvent {
  cursor: number;
  type: string;
  time: string;
  failover: FailoverResult;
}

/** failover_initiated and failover_completed, each with the failover as it stood when the event was read. */
async function failoverFeed({ services, operation }: GraphQLContext): Promise<AsyncIterable<FailoverEvent>> {
  const context: OperationContext = await operation();
  const feed = services.events.open(context, 'streamClusterNodeEvents', { types: ['failover_initiated', 'failover_completed'] });
  return mapFeed(feed, (event): FailoverEvent | undefined => {
    const failoverId = (event.payload as { failoverId: string }).failoverId;
    const [failover] = services.failover.history(context, { failoverId }).items as FailoverResult[];
    return failover ? { cursor: event.cursor, type: event.type, time: event.time, failover } : undefined;
  });
}
