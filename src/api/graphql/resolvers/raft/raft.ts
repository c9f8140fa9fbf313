import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { LeaderElectedPayload } from '../../../../engines/cluster/events.js';
import type { RaftLogEntry } from '../../../../services/raft/raft-service.js';
import { ApiError } from '../../../error-catalog.js';
import { orderOf, withoutNulls } from '../../arguments.js';
import { mapFeed } from '../../map-feed.js';

/** GraphQL twins of the /api/v1/cluster/raft operations, and the leaderElections subscription. */
export const raftResolvers: Resolvers = {
  Query: {
    raftState: async (_parent, { nodeId }, { services, operation }) => services.raft.getState(await operation(), nodeId ?? undefined),
    raftLeader: async (_parent, _args, { services, operation }) => services.raft.getLeader(await operation()),
    raftLogSummary: async (_parent, { nodeId }, { services, operation }) => services.raft.getLog(await operation(), nodeId ?? undefined),
    raftLog: async (_parent, args, { services, operation }) => {
      const context = await operation();
      // REST's query parameters carry these bounds in the contract; GraphQL's BigInt arguments do not.
      const belowOne = (['fromIndex', 'toIndex', 'term'] as const).filter((name) => args[name] !== null && args[name] !== undefined && (args[name] as number) < 1);
      if (belowOne.length > 0) {
        throw new ApiError('VALIDATION_FAILED', 'The input does not match the API contract.', {
          errors: belowOne.map((name) => ({ location: `input/${name}`, message: 'must be >= 1', keyword: 'minimum' })),
        });
      }
      return services.raft.listLogEntries(context, {
        nodeId: args.nodeId ?? undefined,
        fromIndex: args.fromIndex ?? undefined,
        toIndex: args.toIndex ?? undefined,
        term: args.term ?? undefined,
        type: args.type ?? undefined,
        clientId: args.clientId ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as RaftLogEntry[];
    },
    raftMembers: async (_parent, _args, { services, operation }) => services.raft.memberIds(await operation()),
    raftMembership: async (_parent, _args, { services, operation }) => services.raft.listMembers(await operation()),
  },
  Mutation: {
    raftRequestVote: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(args), candidateId: args.candidateId, term: args.term };
      contract.check('RequestVoteRequest', request);
      return services.raft.requestVote(context, request);
    },
    raftAppendEntries: async (_parent, { entries }, { services, contract, operation }) => {
      const context = await operation();
      const request = { entries: entries.map((entry) => ({ ...withoutNulls(entry), command: entry.command })) };
      contract.check('AppendEntriesRequest', request);
      return services.raft.appendEntries(context, request.entries);
    },
    raftCreateSnapshot: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('CreateSnapshotRequest', request);
      return services.raft.createSnapshot(context, request.nodeId);
    },
    addRaftMember: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(args), nodeId: args.nodeId };
      contract.check('AddRaftMemberRequest', request);
      return services.raft.addMember(context, request);
    },
    removeRaftMember: async (_parent, { nodeId, force }, { services, operation }) => services.raft.removeMember(await operation(), nodeId, force ?? false),
  },
  Subscription: {
    leaderElections: {
      subscribe: async (_parent, _args, { services, operation }) => {
        const context = await operation();
        const feed = services.events.open(context, 'streamClusterNodeEvents', { types: ['leader_elected'] });
        return mapFeed(feed, (event) => ({ leaderElections: { cursor: event.cursor, time: event.time, ...(event.payload as LeaderElectedPayload) } }));
      },
    },
  },
};
