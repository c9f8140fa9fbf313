import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { operations } from '../../../generated/operations.js';

/** test/contract: every domain's contract tests. */
const contractTestDir = join(import.meta.dirname, '..');
const built = operations.filter((operation) => !operation.planned);

/** Every test file under test/contract, read as text. */
function contractTestSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return contractTestSources(path);
    return entry.name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/**
 * The GraphQL twin of each built REST operation ("Query.x", "Mutation.x", "Subscription.x").
 * Adding a REST operation without its twin fails the test below.
 */
const graphqlTwins: Record<string, string> = {
  listClusterNodes: 'Query.clusterNodes',
  getClusterNode: 'Query.clusterNode',
  addClusterNode: 'Mutation.addClusterNode',
  removeClusterNode: 'Mutation.removeClusterNode',
  getClusterTopology: 'Query.clusterTopology',
  getClusterConfig: 'Query.clusterConfig',
  updateClusterConfig: 'Mutation.updateClusterConfig',
  listFaults: 'Query.faults',
  injectFault: 'Mutation.injectFault',
  healFault: 'Mutation.healFault',
  getClock: 'Query.clock',
  setClock: 'Mutation.setClock',
  advanceClock: 'Mutation.advanceClock',
  listEvents: 'Query.events',
  streamEvents: 'Subscription.events',
  streamClusterNodeEvents: 'Subscription.nodeStatusChanged',
  getLiveness: 'Query.health',
  getReadiness: 'Query.health',
  getStartup: 'Query.health',
  getFullHealth: 'Query.health',
  getMetrics: 'Query.metrics',
  getPrometheusMetrics: 'Query.prometheusMetrics',
  listApiKeys: 'Query.apiKeys',
  createApiKey: 'Mutation.createApiKey',
  revokeApiKey: 'Mutation.revokeApiKey',
  createAccessToken: 'Mutation.createAccessToken',
  listAuditEntries: 'Query.auditEntries',
  // The cluster engine (issue 3).
  getRaftState: 'Query.raftState',
  getRaftLeader: 'Query.raftLeader',
  requestRaftVote: 'Mutation.raftRequestVote',
  getRaftLog: 'Query.raftLogSummary',
  listRaftLogEntries: 'Query.raftLog',
  appendRaftEntries: 'Mutation.raftAppendEntries',
  createRaftSnapshot: 'Mutation.raftCreateSnapshot',
  listRaftMembers: 'Query.raftMembership',
  addRaftMember: 'Mutation.addRaftMember',
  removeRaftMember: 'Mutation.removeRaftMember',
  listMembers: 'Query.members',
  getMemberState: 'Query.memberState',
  getGossipState: 'Query.gossipState',
  joinMember: 'Mutation.joinMember',
  leaveMember: 'Mutation.leaveMember',
  triggerFailover: 'Mutation.triggerFailover',
  getFailoverConfig: 'Query.failoverConfig',
  updateFailoverConfig: 'Mutation.updateFailoverConfig',
  listFailoverHistory: 'Query.failoverHistory',
  listSuspectedNodes: 'Query.suspectedNodes',
  testFailover: 'Mutation.testFailover',
  getFailoverStatistics: 'Query.failoverStatistics',
  getClusterHealth: 'Query.clusterHealth',
  getDetailedClusterHealth: 'Query.detailedClusterHealth',
  listHealthIssues: 'Query.healthIssues',
  listHealthHistory: 'Query.healthHistory',
  listDhtNodes: 'Query.dhtNodes',
  getDhtRing: 'Query.dhtRing',
  getDhtStatistics: 'Query.dhtStatistics',
  routeDhtKey: 'Query.routeDhtKey',
  listLoadBalancerBackends: 'Query.loadBalancerBackends',
  addLoadBalancerBackend: 'Mutation.addLoadBalancerBackend',
  getLoadBalancerBackend: 'Query.loadBalancerBackend',
  removeLoadBalancerBackend: 'Mutation.removeLoadBalancerBackend',
  listLoadBalancerConnections: 'Query.loadBalancerConnections',
  getLoadBalancerStatistics: 'Query.loadBalancerStatistics',
  setLoadBalancerStrategy: 'Mutation.setLoadBalancerStrategy',
  listShards: 'Query.shards',
  getShard: 'Query.clusterShard',
  assignShard: 'Mutation.assignShard',
  setExecutionStrategy: 'Mutation.setExecutionStrategy',
  distributeQuery: 'Query.distributeQuery',
  getClusterStatus: 'Query.clusterStatus',
  getClusteringStatus: 'Query.clusteringStatus',
  getNodeRoleProbe: 'Query.nodeRoleProbe',
  // Replication (issue 4).
  getClusterReplication: 'Query.clusterReplication',
  getReplicationConfig: 'Query.replicationConfig',
  updateReplicationConfig: 'Mutation.configureReplication',
  configureReplication: 'Mutation.configureReplication',
  getReplicationStatus: 'Query.replicationStatus',
  getReplicationStatistics: 'Query.replicationStatistics',
  getReplicationLag: 'Query.replicationLag',
  listReplicas: 'Query.replicas',
  addReplica: 'Mutation.addReplica',
  getReplica: 'Query.replica',
  removeReplica: 'Mutation.removeReplica',
  pauseReplica: 'Mutation.pauseReplica',
  resumeReplica: 'Mutation.resumeReplica',
  triggerReplicationFailover: 'Mutation.triggerReplicationFailover',
  listReplicationSlots: 'Query.replicationSlots',
  createReplicationSlot: 'Mutation.createReplicationSlot',
  getReplicationSlot: 'Query.replicationSlot',
  deleteReplicationSlot: 'Mutation.deleteReplicationSlot',
  listReplicationSnapshots: 'Query.replicationSnapshots',
  createReplicationSnapshot: 'Mutation.createReplicationSnapshot',
  getReplicationSnapshot: 'Query.replicationSnapshot',
  deleteReplicationSnapshot: 'Mutation.deleteReplicationSnapshot',
  getReplicationSnapshotProgress: 'Query.replicationSnapshotProgress',
  restoreReplicationSnapshot: 'Mutation.restoreReplicationSnapshot',
  listReplicationConflicts: 'Query.replicationConflicts',
  simulateReplicationConflict: 'Mutation.simulateReplicationConflict',
  resolveReplicationConflict: 'Mutation.resolveConflict',
  listReplicationChannels: 'Query.replicationChannels',
  listReplicationLagSamples: 'Query.replicationLagHistory',
  listReplicationAlerts: 'Query.replicationAlerts',
  createReplicationAlertRule: 'Mutation.createReplicationAlertRule',
  getReplicationDashboard: 'Query.replicationDashboard',
  getWorkload: 'Query.workload',
  setWorkload: 'Mutation.setWorkload',
  streamReplicationEvents: 'Subscription.replicationEvents',
  streamClusterReplicationEvents: 'Subscription.replicationEvents',
  // RAC (issue 5).
  getRacClusterStatus: 'Query.racClusterStatus',
  getRacStatusAlias: 'Query.racClusterStatus',
  listRacInstances: 'Query.racInstances',
  getRacClusterStatistics: 'Query.racClusterStatistics',
  getRacClusterStatisticsAlias: 'Query.racClusterStatistics',
  startRacCluster: 'Mutation.startRacCluster',
  stopRacCluster: 'Mutation.stopRacCluster',
  rebalanceRacCluster: 'Mutation.racRebalance',
  getCacheFusionStatus: 'Query.racCacheFusionStatus',
  getCacheFusionStatistics: 'Query.racCacheFusionStats',
  getCacheFusionStatisticsAlias: 'Query.cacheFusionStats',
  listCacheFusionTransfers: 'Query.cacheFusionTransfers',
  flushCacheFusion: 'Mutation.racFlushCache',
  getGrdTopology: 'Query.racGrdTopology',
  listGrdResources: 'Query.grdResources',
  remasterGrdResources: 'Mutation.racGrdRemaster',
  listGrdAffinity: 'Query.grdAffinity',
  getInterconnectStatus: 'Query.racInterconnectStatus',
  getInterconnectStatistics: 'Query.racInterconnectStatistics',
  getInterconnectLatency: 'Query.racInterconnectLatency',
  getRacRecoveryStatus: 'Query.racRecoveryStatus',
  getRacRecoveryStatusAlias: 'Query.racRecoveryStatus',
  listActiveRacRecoveries: 'Query.racActiveRecoveries',
  listRacRecoveryHistory: 'Query.racRecoveryHistory',
  getRacRecoveryConfig: 'Query.racRecoveryConfig',
  updateRacRecoveryConfig: 'Mutation.updateRacRecoveryConfig',
  initiateRacRecovery: 'Mutation.initiateRacRecovery',
  executeParallelQuery: 'Mutation.executeParallelQuery',
  executeParallelQueryAlias: 'Mutation.executeParallelQuery',
  listParallelQueryPlans: 'Query.parallelQueryPlans',
  listActiveParallelQueries: 'Query.activeParallelQueries',
  getParallelQueryStatistics: 'Query.parallelQueryStatistics',
  getParallelQueryStatisticsAlias: 'Query.parallelQueryStatistics',
  getParallelQueryStatus: 'Query.parallelQueryStatus',
  updateParallelQueryConfig: 'Mutation.updateParallelQueryConfig',
  streamRacEvents: 'Subscription.racEvents',
  // The platform's own WebSocket endpoints (issue 12 §4).
  getWebSocketStatus: 'Query.wsStatus',
  listWebSocketConnections: 'Query.wsConnections',
  listWebSocketSubscriptions: 'Query.wsSubscriptions',
  streamQueryProgress: 'Subscription.queryProgress',
  // The snapshot of GET /api/v1/metrics every interval (GraphQL's interval is in seconds of wall time).
  streamMetrics: 'Subscription.metricsStream',
  // graphql-ws on /graphql is itself one socket carrying many subscriptions by id; events is its events topic.
  streamTopics: 'Subscription.events',
  // The one alert model (issue 12).
  listAlerts: 'Query.alerts',
  listAlertHistory: 'Query.alertHistory',
  // Distributed transactions (issue 13); the XA aliases share their primary's twin.
  listDistributedTransactions: 'Query.distributedTransactions',
  beginDistributedTransaction: 'Mutation.beginDistributedTransaction',
  listInDoubtTransactions: 'Query.inDoubtTransactions',
  getDistributedTransactionStatistics: 'Query.distributedTransactionStatistics',
  getDistributedTransactionStatus: 'Query.distributedTransaction',
  prepareDistributedTransaction: 'Mutation.prepareDistributedTransaction',
  commitDistributedTransaction: 'Mutation.commitDistributedTransaction',
  rollbackDistributedTransaction: 'Mutation.rollbackDistributedTransaction',
  resolveInDoubtTransaction: 'Mutation.resolveInDoubtTransaction',
  forgetHeuristicTransaction: 'Mutation.forgetHeuristicTransaction',
  listXaResourceManagers: 'Query.xaResourceManagers',
  listXaResourceManagersAlias: 'Query.xaResourceManagers',
  registerXaResourceManager: 'Mutation.registerXaResourceManager',
  registerXaResourceManagerAlias: 'Mutation.registerXaResourceManager',
  deleteXaResourceManager: 'Mutation.deleteXaResourceManager',
  startXaTransaction: 'Mutation.startXaTransaction',
  startXaTransactionAlias: 'Mutation.startXaTransaction',
  startXaTransactionReplicationAlias: 'Mutation.startXaTransaction',
  endXaTransaction: 'Mutation.endXaTransaction',
  endXaTransactionAlias: 'Mutation.endXaTransaction',
  prepareXaTransaction: 'Mutation.prepareXaTransaction',
  prepareXaTransactionAlias: 'Mutation.prepareXaTransaction',
  prepareXaTransactionReplicationAlias: 'Mutation.prepareXaTransaction',
  commitXaTransaction: 'Mutation.commitXaTransaction',
  commitXaTransactionAlias: 'Mutation.commitXaTransaction',
  commitXaTransactionReplicationAlias: 'Mutation.commitXaTransaction',
  rollbackXaTransaction: 'Mutation.rollbackXaTransaction',
  rollbackXaTransactionAlias: 'Mutation.rollbackXaTransaction',
  getXaTransactionStatus: 'Query.xaTransaction',
  getXaTransactionStatusAlias: 'Query.xaTransaction',
  listXaTransactions: 'Query.xaTransactions',
  listXaTransactionsAlias: 'Query.xaTransactions',
  recoverXaTransactions: 'Query.xaRecover',
  recoverXaTransactionsAlias: 'Query.xaRecover',
  getXaStatistics: 'Query.xaStatistics',
  // Sharding (issue 14): tables, shards, rows, routing, analysis, statistics; the aliases share their primary's twin.
  listShardedTables: 'Query.shardedTables',
  listShardedTablesAlias: 'Query.shardedTables',
  createShardedTable: 'Mutation.createShardedTable',
  createShardedTableAlias: 'Mutation.createShardedTable',
  createShardedTableReplicationAlias: 'Mutation.createShardedTable',
  getShardedTable: 'Query.shardedTable',
  getShardedTableAlias: 'Query.shardedTable',
  updateShardedTable: 'Mutation.updateShardedTable',
  dropShardedTable: 'Mutation.dropShardedTable',
  dropShardedTableAlias: 'Mutation.dropShardedTable',
  listTableShards: 'Query.tableShards',
  listTableShardsAlias: 'Query.tableShards',
  addShard: 'Mutation.addShard',
  getTableShard: 'Query.tableShard',
  setShardStatus: 'Mutation.setShardStatus',
  writeShardedRows: 'Mutation.writeShardedRows',
  listShardRows: 'Query.shardRows',
  routeShardQuery: 'Query.shardRoute',
  analyzeShardKey: 'Query.analyzeShardKey',
  getShardingStatistics: 'Query.shardingStatistics',
  getShardingStatisticsReplicationAlias: 'Query.shardingStatistics',
  getShardedTableStatisticsAlias: 'Query.shardingStatistics',
  streamShardingEvents: 'Subscription.shardingEvents',
  // Distributed queries over sharded tables (issue 14); the sharding alias shares its primary's twin.
  executeDistributedQuery: 'Mutation.executeDistributedQuery',
  executeShardedQuery: 'Mutation.executeDistributedQuery',
  explainDistributedQuery: 'Query.explainDistributedQuery',
  listDistributedQueryPlans: 'Query.distributedQueryPlans',
  getDistributedQueryPlan: 'Query.distributedQueryPlan',
  getDistributedQueryStatistics: 'Query.distributedQueryStatistics',
  // Shard moves (issue 14): rebalances and migration tasks; aliases share their primary's twin.
  planShardRebalance: 'Mutation.planShardRebalance',
  planShardRebalanceAlias: 'Mutation.planShardRebalance',
  planShardRebalanceReplicationAlias: 'Mutation.planShardRebalance',
  executeShardRebalance: 'Mutation.executeRebalance',
  executeShardRebalanceAlias: 'Mutation.executeRebalance',
  getShardRebalanceProgress: 'Query.shardRebalance',
  getShardRebalanceStatus: 'Query.shardRebalance',
  pauseShardRebalance: 'Mutation.pauseShardRebalance',
  resumeShardRebalance: 'Mutation.resumeShardRebalance',
  cancelShardRebalance: 'Mutation.cancelShardRebalance',
  listMigrationTasks: 'Query.migrationTasks',
  createMigrationTask: 'Mutation.createMigrationTask',
  createMigrationTaskAlias: 'Mutation.createMigrationTask',
  getMigrationTask: 'Query.migrationTask',
  getMigrationTaskAlias: 'Query.migrationTask',
  deleteMigrationTask: 'Mutation.deleteMigrationTask',
  startMigrationTask: 'Mutation.startMigrationTask',
  pauseMigrationTask: 'Mutation.pauseMigrationTask',
  resumeMigrationTask: 'Mutation.resumeMigrationTask',
  getMigrationTaskProgress: 'Query.migrationTaskProgress',
  getMigrationStatistics: 'Query.migrationStatistics',
  // Geo-replication (issue 15): datacenters, streams, vector clocks, statistics.
  listGeoDatacenters: 'Query.geoDatacenters',
  createGeoDatacenter: 'Mutation.createGeoDatacenter',
  getGeoDatacenter: 'Query.geoDatacenter',
  deleteGeoDatacenter: 'Mutation.deleteGeoDatacenter',
  listGeoStreams: 'Query.geoStreams',
  createGeoStream: 'Mutation.createGeoStream',
  getGeoStreamStatus: 'Query.geoStreamStatus',
  setGeoStreamConsistencyLevel: 'Mutation.setGeoStreamConsistencyLevel',
  getGeoVectorClock: 'Query.geoVectorClock',
  getGeoReplicationStatistics: 'Query.geoReplicationStatistics',
  calculateGeoConsistency: 'Query.geoConsistencyForecast',
};

describe('coverage of the contract', () => {
  test('every built operation has a contract test that validates its responses', () => {
    const sources = contractTestSources(contractTestDir).join('\n');
    const untested = built.map((operation) => operation.operationId).filter((operationId) => !sources.includes(`expectContract('${operationId}'`));
    expect(untested, 'operations without a contract test').toEqual([]);
  });

  test('every built operation has a GraphQL twin', () => {
    const missing = built.map((operation) => operation.operationId).filter((operationId) => !graphqlTwins[operationId]);
    expect(missing, 'operations without a GraphQL twin').toEqual([]);
  });

  test('every twin named in the map exists in the schema, built or planned', () => {
    const schema = buildSchema(readFileSync(join(contractTestDir, '..', '..', 'generated', 'graphql', 'schema.graphql'), 'utf8'));
    const missing = Object.values(graphqlTwins).filter((twin) => {
      const [typeName, fieldName] = twin.split('.') as [string, string];
      const type = schema.getType(typeName) as { getFields?: () => Record<string, unknown> } | undefined;
      return !type?.getFields?.()[fieldName];
    });
    expect(missing).toEqual([]);
  });

  test('every primary endpoint of the contract TSV is in the spec, built or planned', () => {
    const rows = readFileSync(join(contractTestDir, '..', '..', 'spec', 'contract', 'endpoints.tsv'), 'utf8').trim().split('\n').slice(1);
    const wanted = rows
      .map((row) => row.split('\t'))
      .filter(([, , scope, role]) => role === 'primary' && scope !== 'out')
      .map(([method, path]) => `${method!.toLowerCase()} ${path!.replace(/\{[^}]+\}/g, '{}')}`);
    const inSpec = new Set(operations.map((operation) => `${operation.method} ${operation.path.replace(/\{[^}]+\}/g, '{}')}`));
    expect(wanted.filter((endpoint) => !inSpec.has(endpoint))).toEqual([]);
  });
});
