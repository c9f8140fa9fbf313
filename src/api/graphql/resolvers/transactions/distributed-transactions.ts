import type { DistributedTransaction, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of /api/v1/cluster/transactions/distributed: two-phase commit, in-doubt transactions, statistics. */
export const distributedTransactionResolvers: Resolvers = {
  Query: {
    distributedTransactions: async (_parent, args, { services, operation }) =>
      services.distributedTransactions.list(await operation(), {
        state: args.state ?? undefined,
        coordinatorNodeId: args.coordinatorNodeId ?? undefined,
        participantNodeId: args.participantNodeId ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as DistributedTransaction[],
    distributedTransaction: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.distributedTransactions.get(context, id));
    },
    inDoubtTransactions: async (_parent, args, { services, operation }) =>
      services.distributedTransactions.listInDoubt(await operation(), {
        coordinatorNodeId: args.coordinatorNodeId ?? undefined,
        participantNodeId: args.participantNodeId ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
    distributedTransactionStatistics: async (_parent, _args, { services, operation }) => services.distributedTransactions.statistics(await operation()),
  },
  Mutation: {
    beginDistributedTransaction: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      // GraphQL sends null for what was left out; the contract's request has it absent.
      const request = {
        ...withoutNulls(input),
        participants: input.participants.map((participant) => ({
          ...withoutNulls(participant),
          ...(participant.writes ? { writes: participant.writes.map((write) => withoutNulls(write)) } : {}),
        })),
      };
      contract.check('BeginDistributedTransactionRequest', request);
      return services.distributedTransactions.begin(context, request as Parameters<typeof services.distributedTransactions.begin>[1]);
    },
    prepareDistributedTransaction: async (_parent, { id }, { services, operation }) => (await services.distributedTransactions.prepare(await operation(), id)).result,
    commitDistributedTransaction: async (_parent, { id }, { services, operation }) => (await services.distributedTransactions.commit(await operation(), id)).result,
    rollbackDistributedTransaction: async (_parent, { id }, { services, operation }) => services.distributedTransactions.rollback(await operation(), id),
    resolveInDoubtTransaction: async (_parent, { id, ...args }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('ResolveInDoubtRequest', request);
      return services.distributedTransactions.resolve(context, id, { outcome: args.outcome, ...request });
    },
    forgetHeuristicTransaction: async (_parent, { id }, { services, operation }) => services.distributedTransactions.forget(await operation(), id),
  },
};
