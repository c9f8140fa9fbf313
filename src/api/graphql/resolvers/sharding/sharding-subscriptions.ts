import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { DomainError } from '../../../../engines/runtime/domain-error.js';
import { SHARDING_STREAM_EVENT_TYPES } from '../../../ws/streams/sharding.js';
import { mapFeed } from '../../map-feed.js';

/** The subscription of /api/v1/ws/cluster/sharding: a view of the sharding events on the one event bus. */
export const shardingSubscriptionResolvers: Resolvers = {
  Subscription: {
    shardingEvents: {
      subscribe: async (_parent, args, context) => {
        const wanted = args.eventTypes && args.eventTypes.length > 0 ? args.eventTypes.filter((type) => SHARDING_STREAM_EVENT_TYPES.includes(type)) : [...SHARDING_STREAM_EVENT_TYPES];
        if (wanted.length === 0) throw new DomainError('UNPROCESSABLE', `eventTypes names none of the sharding events: ${SHARDING_STREAM_EVENT_TYPES.join(', ')}.`);
        const feed = context.services.events.open(await context.operation(), 'streamShardingEvents', { types: wanted, resourceIds: args.tables ?? undefined }, args.resumeFrom ?? undefined);
        return mapFeed(feed, (event) => ({ shardingEvents: { ...event, payload: event.payload as unknown } }));
      },
    },
  },
};
