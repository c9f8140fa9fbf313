import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ReplicationSnapshotView } from '../../../../services/replication/replication-snapshot-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of the /api/v1/replication/snapshots operations. */
export const replicationSnapshotResolvers: Resolvers = {
  Query: {
    replicationSnapshots: async (_parent, args, { services, operation }) =>
      services.replicationSnapshots.list(await operation(), {
        type: args.type ?? undefined,
        status: args.status ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as ReplicationSnapshotView[],
    replicationSnapshot: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.replicationSnapshots.get(context, id));
    },
    replicationSnapshotProgress: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.replicationSnapshots.progress(context, id));
    },
  },
  Mutation: {
    createReplicationSnapshot: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input ?? {});
      contract.check('CreateReplicationSnapshotRequest', request);
      return services.replicationSnapshots.create(context, request);
    },
    deleteReplicationSnapshot: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return (await services.replicationSnapshots.delete(context, id)).deleted;
    },
    restoreReplicationSnapshot: async (_parent, { id }, { services, operation }) => services.replicationSnapshots.restore(await operation(), id),
  },
};
