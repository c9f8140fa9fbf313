import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ReplicationConflictView, ResolveConflictRequest, SimulateConflictRequest } from '../../../../services/replication/replication-conflict-service.js';
import { orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the replication conflict operations. */
export const replicationConflictResolvers: Resolvers = {
  Query: {
    replicationConflicts: async (_parent, args, { services, operation }) =>
      services.replicationConflicts.list(await operation(), {
        resolved: args.resolved ?? undefined,
        conflictType: args.conflictType ?? undefined,
        tableName: args.tableName ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as ReplicationConflictView[],
  },
  Mutation: {
    simulateReplicationConflict: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('SimulateConflictRequest', request);
      return services.replicationConflicts.simulate(context, request as SimulateConflictRequest);
    },
    resolveConflict: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      // customValue: null is meaningful (CUSTOM deletes the row); only an absent customValue is dropped.
      const request = { ...withoutNulls(input), ...('customValue' in input && input.customValue !== undefined ? { customValue: input.customValue } : {}) };
      contract.check('ResolveConflictRequest', request);
      return services.replicationConflicts.resolve(context, request as ResolveConflictRequest);
    },
  },
};
