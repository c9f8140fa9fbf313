import { readFileSync } from 'node:fs';
import { createSchema } from 'graphql-yoga';
import { BigIntResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../../../generated/graphql/resolvers-types.js';
import type { GraphQLContext } from './context.js';
import { clusterResolvers } from './resolvers/cluster/cluster.js';
import { coordinatorResolvers } from './resolvers/coordinator/coordinator.js';
import { dhtResolvers } from './resolvers/dht/dht.js';
import { loadBalancerResolvers } from './resolvers/load-balancer/load-balancer.js';
import { membershipResolvers } from './resolvers/membership/membership.js';
import { failoverResolvers } from './resolvers/failover/failover.js';
import { raftResolvers } from './resolvers/raft/raft.js';
import { clusterHealthResolvers } from './resolvers/health/cluster-health.js';
import { clusterStatusResolvers } from './resolvers/cluster/cluster-status.js';
import { platformResolvers } from './resolvers/platform/platform.js';
import { simulationResolvers } from './resolvers/simulation/simulation.js';
import { replicationResolvers } from './resolvers/replication/replication.js';
import { replicationSlotResolvers } from './resolvers/replication/replication-slots.js';
import { replicationSnapshotResolvers } from './resolvers/replication/replication-snapshots.js';
import { replicationConflictResolvers } from './resolvers/replication/replication-conflicts.js';
import { replicationMonitorResolvers } from './resolvers/replication/replication-monitor.js';
import { replicationSubscriptionResolvers } from './resolvers/replication/replication-subscriptions.js';
import { racResolvers } from './resolvers/rac/rac.js';
import { racRecoveryResolvers } from './resolvers/rac/rac-recovery.js';
import { racParallelQueryResolvers } from './resolvers/rac/rac-parallel-query.js';
import { racSubscriptionResolvers } from './resolvers/rac/rac-subscriptions.js';
import { plannedFieldResolvers } from './planned-fields.js';

/** Joins the resolver maps of every domain, one root type at a time. */
function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) merged[typeName] = { ...merged[typeName], ...(fields as object) };
  }
  return merged as Resolvers;
}

/** The executable schema: the contract's SDL (merged by `npm run generate`) with every resolver. */
export function executableSchema(schemaPath: string): GraphQLSchema {
  const typeDefs = readFileSync(schemaPath, 'utf8');
  const built = mergeResolvers(
    clusterResolvers,
    dhtResolvers,
    loadBalancerResolvers,
    coordinatorResolvers,
    membershipResolvers,
    failoverResolvers,
    raftResolvers,
    clusterHealthResolvers,
    clusterStatusResolvers,
    replicationResolvers,
    replicationSlotResolvers,
    replicationSnapshotResolvers,
    replicationConflictResolvers,
    replicationMonitorResolvers,
    replicationSubscriptionResolvers,
    racResolvers,
    racRecoveryResolvers,
    racParallelQueryResolvers,
    racSubscriptionResolvers,
    simulationResolvers,
    platformResolvers,
  );
  return createSchema<GraphQLContext>({
    typeDefs,
    resolvers: [
      { BigInt: BigIntResolver, DateTime: DateTimeResolver, JSON: JSONResolver },
      built,
      plannedFieldResolvers(typeDefs, built as Record<string, Record<string, unknown>>),
    ],
  });
}
