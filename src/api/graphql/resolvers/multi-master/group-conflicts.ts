import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ResolveGroupConflictRequest } from '../../../../services/multi-master/group-conflict-service.js';
import { DomainError } from '../../../../engines/runtime/domain-error.js';

/** GraphQL twins of /api/v1/geo-replication/conflicts and its resolve. */
export const groupConflictResolvers: Resolvers = {
  Query: {
    geoReplicationConflicts: async (_parent, args, { services, operation }) => {
      if (args.status != null && !['RESOLVED', 'PENDING', 'SIBLINGS'].includes(args.status)) throw new DomainError('UNPROCESSABLE', 'status is RESOLVED, PENDING or SIBLINGS.', { status: args.status });
      return services.groupConflicts.list(await operation(), {
        groupId: args.groupId ?? undefined,
        status: (args.status ?? undefined) as 'RESOLVED' | 'PENDING' | 'SIBLINGS' | undefined,
        table: args.table ?? undefined,
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as never;
    },
  },
  Mutation: {
    resolveGeoReplicationConflict: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      // value null deletes the row: keep an explicit null, drop an absent field.
      const request: Record<string, unknown> = { conflictId: input.conflictId };
      if (input.value !== undefined) request.value = input.value;
      if (input.strategy != null) request.strategy = input.strategy;
      contract.check('ResolveMultiMasterConflictRequest', request);
      return (await services.groupConflicts.resolve(context, request as unknown as ResolveGroupConflictRequest)) as never;
    },
  },
};
