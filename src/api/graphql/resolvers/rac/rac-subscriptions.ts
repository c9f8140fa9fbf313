import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { DomainError } from '../../../../engines/runtime/domain-error.js';
import {
  RAC_EVENT_TYPES,
  type CacheFusionTransferPayload,
  type EnqueueLockPayload,
  type InstanceRecoveryPayload,
  type ParallelQueryPayload,
  type ResourceRemasteredPayload,
} from '../../../../engines/rac/events.js';
import type { BusEvent, EventFilter } from '../../../../engines/runtime/event-bus.js';
import type { GraphQLContext } from '../../context.js';
import { mapFeed } from '../../map-feed.js';

const TRANSFER = 'cache_fusion_transfer';
const REMASTER = 'resource_remastered';
const LOCK_EVENT_TYPES = ['lock_granted', 'lock_released', 'lock_conversion'];
const RECOVERY_EVENT_TYPES = ['instance_recovery_started', 'instance_recovery_completed'];
const PARALLEL_QUERY_EVENT_TYPES = ['parallel_query_started', 'parallel_query_completed'];

/** An event's payload with the envelope's cursor, time and type, as the RAC event types show it. */
type Flattened<Payload> = Payload & { cursor: number; time: string; type: string };

/** The RAC subscriptions: views of the RAC events on the one event bus. */
export const racSubscriptionResolvers: Resolvers = {
  Subscription: {
    racEvents: {
      subscribe: async (_parent, args, context) => {
        const wanted = args.eventTypes && args.eventTypes.length > 0 ? args.eventTypes.filter((type) => RAC_EVENT_TYPES.includes(type)) : [...RAC_EVENT_TYPES];
        if (wanted.length === 0) throw new DomainError('UNPROCESSABLE', `eventTypes names none of the RAC events: ${RAC_EVENT_TYPES.join(', ')}.`);
        const filter = { types: wanted, resourceIds: args.instanceIds ?? undefined };
        return feedOf(context, filter, (event) => ({ racEvents: { ...event, payload: event.payload as unknown } }), args.resumeFrom ?? undefined);
      },
    },
    cacheFusionTransfer: {
      subscribe: (_parent, _args, context) => feedOf(context, { types: [TRANSFER] }, flatten<CacheFusionTransferPayload>),
      resolve: (event: Flattened<CacheFusionTransferPayload>) => event,
    },
    grdRemaster: {
      subscribe: (_parent, _args, context) => feedOf(context, { types: [REMASTER] }, flatten<ResourceRemasteredPayload>),
      resolve: (event: Flattened<ResourceRemasteredPayload>) => event,
    },
    cacheFusionEvents: {
      subscribe: (_parent, args, context) =>
        feedOf(context, { types: [TRANSFER, REMASTER], resourceIds: args.instanceId ? [args.instanceId] : undefined }, (event) => ({
          cursor: event.cursor,
          time: event.time,
          type: event.type,
          transfer: event.type === TRANSFER ? flatten<CacheFusionTransferPayload>(event) : null,
          remaster: event.type === REMASTER ? flatten<ResourceRemasteredPayload>(event) : null,
        })),
      resolve: (event: {
        cursor: number;
        time: string;
        type: string;
        transfer: Flattened<CacheFusionTransferPayload> | null;
        remaster: Flattened<ResourceRemasteredPayload> | null;
      }) => event,
    },
    resourceLockEvents: {
      subscribe: (_parent, args, context) =>
        feedOf(context, { types: LOCK_EVENT_TYPES }, (event) => {
          const lock = flatten<EnqueueLockPayload>(event);
          return args.resourceId && lock.resourceId !== args.resourceId ? undefined : lock;
        }),
      resolve: (event: Flattened<EnqueueLockPayload>) => event,
    },
    instanceRecoveryEvents: {
      subscribe: (_parent, _args, context) => feedOf(context, { types: RECOVERY_EVENT_TYPES }, flatten<InstanceRecoveryPayload>),
      resolve: (event: Flattened<InstanceRecoveryPayload>) => event,
    },
    instanceRecoveryStarted: {
      subscribe: (_parent, _args, context) => feedOf(context, { types: ['instance_recovery_started'] }, flatten<InstanceRecoveryPayload>),
      resolve: (event: Flattened<InstanceRecoveryPayload>) => event,
    },
    parallelQueryEvents: {
      subscribe: (_parent, args, context) =>
        feedOf(context, { types: PARALLEL_QUERY_EVENT_TYPES }, (event) => {
          const query = flatten<ParallelQueryPayload>(event);
          return args.queryId && query.queryId !== args.queryId ? undefined : query;
        }),
      resolve: (event: Flattened<ParallelQueryPayload>) => event,
    },
  },
};

/** RAC events from the bus, authorized as the RAC stream, mapped (undefined skips one). */
async function feedOf<Out>(context: GraphQLContext, filter: EventFilter, map: (event: BusEvent) => Out | undefined, resumeFrom?: number): Promise<AsyncGenerator<Out>> {
  const feed = context.services.events.open(await context.operation(), 'streamRacEvents', filter, resumeFrom);
  return mapFeed(feed, map);
}

/** The payload of a RAC event of the type the feed was opened for, with its envelope's cursor, time and type. */
function flatten<Payload>(event: BusEvent): Flattened<Payload> {
  return { ...(event.payload as Payload), cursor: event.cursor, time: event.time, type: event.type };
}
