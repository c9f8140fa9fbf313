import type { Resolvers } from '../../../../generated/graphql/resolvers-types.js';

export const replicationSnapshotResolvers: Resolvers = {};
