import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ConflictRow } from '../../../../engines/conflicts/conflict-record.js';
import type { ResolveGroupConflictRequest } from '../../../../services/conflicts/conflicts-service.js';

/** GraphQL twins of /api/v1/advanced-replication/conflicts/*, and the explainer of one conflict. */
export const conflictsResolvers: Resolvers = {
  Query: {
    conflictCrdts: async (_parent, _args, { services, operation }) => services.conflicts.crdts(await operation()).crdts,
    conflictStrategies: async (_parent, _args, { services, operation }) => services.conflicts.strategies(await operation()).strategies,
    conflictStatistics: async (_parent, _args, { services, operation }) => services.conflicts.statistics(await operation()),
    conflictPredictions: async (_parent, { tableName }, { services, operation }) =>
      services.conflicts.predictions(await operation(), tableName === null || tableName === undefined ? {} : { tableName }),
    groupConflictExplanation: async (_parent, { conflictId }, { services, operation }) => services.conflicts.explanation(await operation(), conflictId),
  },
  Mutation: {
    resolveGroupConflict: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      // An explicit null customRow deletes the row; an absent one is no row.
      const request: ResolveGroupConflictRequest = {
        conflictId: input.conflictId,
        strategy: input.strategy,
        ...(input.customRow !== undefined ? { customRow: input.customRow as ConflictRow | null } : {}),
      };
      contract.check('ResolveGroupConflictRequest', request);
      return services.conflicts.resolve(context, request);
    },
  },
};
