import type { Services } from '../../../../services/services.js';
import type { Member } from '../../../../services/membership/membership-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/members: parse, call the membership service, shape the envelope. */
export function membershipHandlers({ membership }: Services): HandlerTable {
  return {
    listMembers: ({ query, context }) => {
      const page = membership.listMembers(context, {
        state: query.state,
        lifecycle: query.lifecycle,
        region: query.region,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<Member>(page.items) }) };
    },
    getGossipState: ({ query, context }) => ({
      status: 200,
      body: ok(membership.getGossipState(context, { memberId: query.memberId, limit: query.limit, offset: query.offset })),
    }),
    joinMember: async ({ body, context }) => ({ status: 202, body: ok(await membership.joinMember(context, body)) }),
    leaveMember: async ({ path, context }) => ({ status: 202, body: ok(await membership.leaveMember(context, path.id)) }),
    getMemberState: ({ path, context }) => ({ status: 200, body: ok(membership.getMemberState(context, path.id)) }),
  };
}
