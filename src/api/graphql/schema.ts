import { readFileSync } from 'node:fs';
import { createSchema } from 'graphql-yoga';
import { BigIntResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../../../generated/graphql/resolvers-types.js';
import type { GraphQLContext } from './context.js';
import { clusterResolvers } from './resolvers/cluster.js';
import { coordinatorResolvers } from './resolvers/coordinator.js';
import { dhtResolvers } from './resolvers/dht.js';
import { loadBalancerResolvers } from './resolvers/load-balancer.js';
import { membershipResolvers } from './resolvers/membership.js';
import { failoverResolvers } from './resolvers/failover.js';
import { raftResolvers } from './resolvers/raft.js';
import { clusterHealthResolvers } from './resolvers/cluster-health.js';
import { clusterStatusResolvers } from './resolvers/cluster-status.js';
import { platformResolvers } from './resolvers/platform.js';
import { simulationResolvers } from './resolvers/simulation.js';
import { replicationResolvers } from './resolvers/replication.js';
import { replicationSlotResolvers } from './resolvers/replication-slots.js';
import { replicationSnapshotResolvers } from './resolvers/replication-snapshots.js';
import { replicationConflictResolvers } from './resolvers/replication-conflicts.js';
import { replicationMonitorResolvers } from './resolvers/replication-monitor.js';
import { replicationSubscriptionResolvers } from './resolvers/replication-subscriptions.js';
import { racResolvers } from './resolvers/rac.js';
import { racRecoveryResolvers } from './resolvers/rac-recovery.js';
import { racParallelQueryResolvers } from './resolvers/rac-parallel-query.js';
import { racSubscriptionResolvers } from './resolvers/rac-subscriptions.js';
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
