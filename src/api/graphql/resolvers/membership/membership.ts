import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { MemberStatePayload } from '../../../../engines/membership/events.js';
import type { Member } from '../../../../services/membership/membership-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';
import { mapFeed } from '../../map-feed.js';

/** GraphQL twins of the /api/v1/cluster/members operations, and the member_state_changed subscription. */
export const membershipResolvers: Resolvers = {
  Query: {
    members: async (_parent, args, { services, operation }) =>
      services.membership.listMembers(await operation(), {
        state: args.state ?? undefined,
        lifecycle: args.lifecycle ?? undefined,
        region: args.region ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as Member[],
    memberState: async (_parent, { memberId }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.membership.getMemberState(context, memberId));
    },
    gossipState: async (_parent, args, { services, operation }) =>
      services.membership.getGossipState(await operation(), {
        memberId: args.memberId ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }),
  },
  Mutation: {
    joinMember: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), memberId: input.memberId, metadata: input.metadata };
      contract.check('JoinMemberRequest', request);
      return services.membership.joinMember(context, request);
    },
    leaveMember: async (_parent, { memberId }, { services, operation }) => services.membership.leaveMember(await operation(), memberId),
  },
  Subscription: {
    memberStateChanged: {
      subscribe: async (_parent, { memberId }, { services, operation }) => {
        const context = await operation();
        const feed = services.events.open(context, 'streamEvents', { types: ['member_state_changed'] });
        return mapFeed(feed, (event) => {
          const payload = event.payload as MemberStatePayload;
          // The bus filters resources by node-id fields; a member's id is filtered here.
          if (memberId && payload.memberId !== memberId) return undefined;
          return { memberStateChanged: { cursor: event.cursor, time: event.time, ...payload } };
        });
      },
    },
  },
};
