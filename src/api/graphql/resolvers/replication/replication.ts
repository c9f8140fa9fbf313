import type { Replica, ReplicationConfigInput, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { ReplicationConfigChanges } from '../../../../services/replication/replication-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

/** Settings whose null means something (no limit, no command) rather than "leave as is". */
const NULLABLE_SETTINGS: ReadonlySet<string> = new Set(['maxSlotWalKeepSegments', 'archiveCommand']);

/**
 * The changes a ReplicationConfigInput asks for: omitted fields keep their values; an explicit
 * null is kept only for the settings where null is a value. BigInt arrives as a bigint.
 */
function configChangesOf(config: ReplicationConfigInput): ReplicationConfigChanges {
  const entries = Object.entries(config)
    .filter(([field, value]) => value !== undefined && (value !== null || NULLABLE_SETTINGS.has(field)))
    .map(([field, value]) => [field, typeof value === 'bigint' ? Number(value) : value]);
  return Object.fromEntries(entries) as ReplicationConfigChanges;
}

/** GraphQL twins of the replication core operations (/api/v1/replication, /api/v1/cluster/replication) and the workload. */
export const replicationResolvers: Resolvers = {
  Query: {
    clusterReplication: async (_parent, _args, { services, operation }) => services.replication.getClusterReplication(await operation()),
    replicationConfig: async (_parent, _args, { services, operation }) => services.replication.getConfig(await operation()),
    replicationStatus: async (_parent, _args, { services, operation }) => services.replication.getStatus(await operation()),
    replicationStatistics: async (_parent, _args, { services, operation }) => services.replication.getStatistics(await operation()),
    replicationLag: async (_parent, { replicaId }, { services, operation }) => services.replication.getLag(await operation(), replicaId ?? undefined),
    replicas: async (_parent, args, { services, operation }) =>
      services.replication.listReplicas(await operation(), {
        state: args.state ?? undefined,
        syncState: args.syncState ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as Replica[],
    replica: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.replication.getReplica(context, id));
    },
    workload: async (_parent, _args, { services, operation }) => services.replication.getWorkload(await operation()),
  },
  Mutation: {
    configureReplication: async (_parent, { config }, { services, contract, operation }) => {
      const context = await operation();
      const changes = configChangesOf(config);
      contract.check('ConfigureReplicationRequest', changes);
      return services.replication.configure(context, changes);
    },
    addReplica: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('AddReplicaRequest', input);
      return services.replication.addReplica(context, input.nodeId);
    },
    removeReplica: async (_parent, { id }, { services, operation }) => services.replication.removeReplica(await operation(), id),
    pauseReplica: async (_parent, { id }, { services, operation }) => services.replication.pauseReplica(await operation(), id),
    resumeReplica: async (_parent, { id }, { services, operation }) => services.replication.resumeReplica(await operation(), id),
    triggerReplicationFailover: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input ?? {});
      contract.check('ReplicationFailoverRequest', request);
      return services.replication.triggerFailover(context, request);
    },
    setWorkload: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('WorkloadSettings', input);
      return services.replication.setWorkload(context, input);
    },
  },
};
