import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ConvergencePayload } from '../../../../engines/multi-master/events.js';
import { mapFeed } from '../../map-feed.js';

/** multiMasterConvergence: a view of the multi_master_convergence events on the one event bus. */
export const multiMasterSubscriptionResolvers: Resolvers = {
  Subscription: {
    multiMasterConvergence: {
      subscribe: async (_parent, _args, context) => {
        const feed = context.services.events.open(await context.operation(), 'streamEvents', { types: ['multi_master_convergence'] });
        return mapFeed(feed, (event) => ({ cursor: event.cursor, time: event.time, convergence: event.payload as ConvergencePayload }));
      },
      resolve: (event: { cursor: number; time: string; convergence: ConvergencePayload }) => event as never,
    },
  },
};
