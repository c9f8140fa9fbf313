import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { PROGRESS_INTERVAL_MS, type QueryExecutionView } from '../../../../services/platform/query-progress.js';
import { withoutNulls } from '../../arguments.js';

/** Updates of one query a subscriber may have waiting; the newest are kept (the last is its end). */
const QUERY_PROGRESS_BUFFER = 16;

/** GraphQL twins of the WebSocket server's management reads, and the seed's queryProgress subscription. */
export const websocketResolvers: Resolvers = {
  Query: {
    wsStatus: async (_parent, _args, { services, operation }) => services.websockets.status(await operation()),
    wsConnections: async (_parent, args, { services, operation }) => services.websockets.connections(await operation(), withoutNulls(args)).items,
    wsSubscriptions: async (_parent, args, { services, operation }) => services.websockets.subscriptions(await operation(), withoutNulls(args)).items,
  },
  Subscription: {
    queryProgress: {
      subscribe: async (_parent, { id, progressIntervalMs }, { services, operation }) => {
        const context = await operation();
        // Unknown ids are refused at once rather than waited for; the start is read here, and again by the watch.
        services.queryProgress.execution(context, 'streamQueryProgress', id);
        return new Repeater<{ queryProgress: QueryExecutionView }>((push, stop) => {
          const close = services.queryProgress.watch(context, 'streamQueryProgress', { queryIds: [id], progressIntervalMs: progressIntervalMs ?? PROGRESS_INTERVAL_MS.default }, {
            next: (update) => void push({ queryProgress: update.query }),
            complete: () => stop(),
            error: (error) => stop(error),
          });
          void stop.then(close);
        }, new SlidingBuffer(QUERY_PROGRESS_BUFFER));
      },
    },
  },
};
