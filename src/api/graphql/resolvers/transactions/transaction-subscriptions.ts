import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { BusEvent, EventFilter } from '../../../../engines/runtime/event-bus.js';
import {
  TRANSACTIONS_EVENT_TYPES,
  type TransactionBegunPayload,
  type TransactionEndedPayload,
  type TransactionForgottenPayload,
  type TransactionHeuristicPayload,
  type TransactionInDoubtPayload,
  type TransactionPreparedPayload,
  type XaBranchStateChangedPayload,
} from '../../../../engines/transactions/events.js';
import { formatXid, parseXid } from '../../../../engines/transactions/xid.js';
import type { GraphQLContext } from '../../context.js';
import { mapFeed } from '../../map-feed.js';

const XA_EVENT = 'xa_branch_state_changed';
const DISTRIBUTED_EVENT_TYPES = TRANSACTIONS_EVENT_TYPES.filter((type) => type !== XA_EVENT);

/** Any distributed transaction event's payload: each carries the transaction's id and its state. */
type DistributedPayload =
  | TransactionBegunPayload
  | TransactionPreparedPayload
  | TransactionEndedPayload
  | TransactionInDoubtPayload
  | TransactionHeuristicPayload
  | TransactionForgottenPayload;

/** An event's payload with the envelope's cursor, time and type, as the GraphQL event types show it. */
type Flattened<Payload> = Payload & { cursor: number; time: string; type: string };

/**
 * The transaction subscriptions: views of the transaction events on the one event bus (they have
 * no stream of their own, so they are authorized as the stream of every event).
 */
export const transactionSubscriptionResolvers: Resolvers = {
  Subscription: {
    distributedTransactionUpdates: {
      subscribe: (_parent, args, context) =>
        feedOf(context, { types: DISTRIBUTED_EVENT_TYPES }, args.resumeFrom ?? undefined, (event) => {
          const update = flatten<DistributedPayload>(event);
          if (args.id && update.transactionId !== args.id) return undefined;
          return args.state && update.state !== args.state ? undefined : update;
        }),
      resolve: (event: Flattened<DistributedPayload>) => event,
    },
    xaBranchUpdates: {
      subscribe: async (_parent, args, context) => {
        // Any notation of the xid names the branch; events carry the canonical one (XAER_INVAL when unreadable).
        const xid = args.xid ? formatXid(parseXid(args.xid)) : undefined;
        return feedOf(context, { types: [XA_EVENT] }, args.resumeFrom ?? undefined, (event) => {
          const update = flatten<XaBranchStateChangedPayload>(event);
          if (xid !== undefined && update.xid !== xid) return undefined;
          if (args.state && update.state !== args.state) return undefined;
          return args.resourceManager && update.resourceManager !== args.resourceManager ? undefined : update;
        });
      },
      resolve: (event: Flattened<XaBranchStateChangedPayload>) => event,
    },
  },
};

/** Transaction events from the bus, authorized as the stream of every event, mapped (undefined skips one). */
async function feedOf<Out>(context: GraphQLContext, filter: EventFilter, resumeFrom: number | undefined, map: (event: BusEvent) => Out | undefined): Promise<AsyncGenerator<Out>> {
  const feed = context.services.events.open(await context.operation(), 'streamEvents', filter, resumeFrom);
  return mapFeed(feed, map);
}

function flatten<Payload>(event: BusEvent): Flattened<Payload> {
  return { ...(event.payload as Payload), cursor: event.cursor, time: event.time, type: event.type };
}
