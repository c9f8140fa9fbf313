import type { AuditService } from './platform/audit-service.js';
import type { ApiKeys } from './platform/api-keys.js';
import type { EventService } from './platform/event-service.js';
import type { HealthService } from './platform/health-service.js';
import type { MetricsService } from './platform/metrics-service.js';
import type { OperationRunner } from './platform/operation-runner.js';
import type { PlannedOperations } from './platform/planned-operations.js';
import type { StreamRegistry } from './platform/stream-registry.js';
import type { WebSocketService } from './platform/websocket-service.js';
import type { MetricsWatch } from './platform/metrics-watch.js';
import type { QueryProgressService } from './platform/query-progress.js';
import type { RateLimiter } from './platform/rate-limiter.js';
import type { ClusterService } from './cluster/cluster-service.js';
import type { ClusterStatusService } from './cluster/cluster-status-service.js';
import type { NodeProbeService } from './cluster/node-probe-service.js';
import type { SimulationService } from './simulation/simulation-service.js';
import type { MembershipService } from './membership/membership-service.js';
import type { RaftService } from './raft/raft-service.js';
import type { FailoverService } from './failover/failover-service.js';
import type { ClusterHealthService } from './health/cluster-health-service.js';
import type { AlertService } from './alerts/alert-service.js';
import type { RacService } from './rac/rac-service.js';
import type { RacRecoveryService } from './rac/rac-recovery-service.js';
import type { RacParallelQueryService } from './rac/rac-parallel-query-service.js';
import type { DistributedQueryService } from './sharding/distributed-query-service.js';
import type { ReplicationService } from './replication/replication-service.js';
import type { ReplicationSlotService } from './replication/replication-slot-service.js';
import type { ReplicationSnapshotService } from './replication/replication-snapshot-service.js';
import type { ReplicationConflictService } from './replication/replication-conflict-service.js';
import type { ReplicationMonitorService } from './replication/replication-monitor-service.js';
import type { ReplicationMonitoringService } from './replication-monitoring/replication-monitoring-service.js';
import type { ReplicationDashboardService } from './replication/replication-dashboard-service.js';
import type { DhtService } from './dht/dht-service.js';
import type { LoadBalancerService } from './load-balancer/load-balancer-service.js';
import type { CoordinatorService } from './coordinator/coordinator-service.js';
import type { DistributedTransactionService } from './transactions/distributed-transaction-service.js';
import type { XaService } from './transactions/xa-service.js';
import type { ApplyService } from './apply/apply-service.js';
import type { ShardedTableService } from './sharding/sharded-table-service.js';
import type { ShardRoutingService } from './sharding/shard-routing-service.js';
import type { RebalanceService } from './sharding/rebalance-service.js';
import type { MigrationService } from './sharding/migration-service.js';
import type { GeoReplicationService } from './geo/geo-service.js';
import type { ConflictsService } from './conflicts/conflicts-service.js';
import type { LogicalService } from './logical/logical-service.js';
import type { MultiMasterService } from './multi-master/multi-master-service.js';
import type { GroupConflictService } from './multi-master/group-conflict-service.js';
import type { GdsService } from './gds/gds-service.js';

/**
 * Every service the API surfaces call, by name: the one catalogue REST handlers, GraphQL
 * resolvers and streams are typed against. Each domain's assembly module (src/modules) provides
 * its own entries; a new domain adds its services here, grouped under its name.
 */
export interface Services {
  // platform: access, keys, audit, events, probes, metrics
  /** Role checks and audit of refusals, shared by every surface. */
  access: OperationRunner;
  rateLimiter: RateLimiter;
  apiKeys: ApiKeys;
  audit: AuditService;
  events: EventService;
  /** The server's own probes (/api/v1/health/*). */
  health: HealthService;
  metrics: MetricsService;
  /** Metrics snapshots on a schedule of cluster time (/api/v1/ws/metrics). */
  metricsWatch: MetricsWatch;
  /** Long queries' progress and results as they run (/api/v1/ws/query, GraphQL queryProgress). */
  queryProgress: QueryProgressService;
  /** Every open WebSocket and every subscription, over WebSocket and GraphQL: the transports report here. */
  streamRegistry: StreamRegistry;
  /** The WebSocket server's status, connections and subscriptions (/api/v1/ws/status, …). */
  websockets: WebSocketService;
  planned: PlannedOperations;

  // cluster
  cluster: ClusterService;
  /** The cluster and each clustering subsystem at a glance. */
  clusterStatus: ClusterStatusService;
  /** Each node's role probes for load balancers (public). */
  nodeProbes: NodeProbeService;

  // simulation
  simulation: SimulationService;

  // membership
  /** Gossip membership (SWIM) of the cluster's nodes. */
  membership: MembershipService;

  // raft
  /** Raft consensus: node state, the log, snapshots and the voting configuration. */
  raft: RaftService;

  // failover
  failover: FailoverService;

  // alerts
  /** The one alert model every engine feeds: open alerts, their history and their feed (/api/v1/alerts). */
  alerts: AlertService;

  // health
  /** The cluster's health: state, quorum margin, issues and their history (/api/v1/cluster/health/*). */
  clusterHealth: ClusterHealthService;

  // rac
  /** Real Application Clusters: the database and its instances, Cache Fusion, the GRD and the interconnect. */
  rac: RacService;
  racRecovery: RacRecoveryService;
  racParallelQuery: RacParallelQueryService;

  // replication
  /** WAL streaming replication: config, status, replicas, failover, and the write workload. */
  replication: ReplicationService;
  replicationSlots: ReplicationSlotService;
  replicationSnapshots: ReplicationSnapshotService;
  replicationConflicts: ReplicationConflictService;
  replicationMonitor: ReplicationMonitorService;
  replicationDashboard: ReplicationDashboardService;

  // replication-monitoring
  /** Every replication channel: lag, throughput, errors, conflicts, series, dashboard, alert rules (/api/v1/advanced-replication/monitoring). */
  replicationMonitoring: ReplicationMonitoringService;

  // dht
  /** The consistent-hash ring over the cluster's nodes. */
  dht: DhtService;

  // load-balancer
  /** The load balancer in front of the cluster's nodes. */
  loadBalancer: LoadBalancerService;

  // coordinator
  /** Shards, their placement, and distributed query plans. */
  coordinator: CoordinatorService;

  // transactions
  /** Two-phase commit over the cluster's nodes: transactions, in-doubt ones and their heuristic resolution. */
  distributedTransactions: DistributedTransactionService;
  /** XA (X/Open DTP) on the same participants: resource managers and XA transactions. */
  xa: XaService;

  // sharding
  /** Sharded tables, their shards and rows, and statistics (/api/v1/advanced-replication/sharding). */
  shardedTables: ShardedTableService;
  /** The key → shard → node route with its reason, and shard key analysis. */
  shardRouting: ShardRoutingService;
  // sharding: distributed queries
  /** Queries over sharded tables: explain, execute over the shards' nodes, kept plans, statistics. */
  distributedQuery: DistributedQueryService;
  // shard moves
  /** Rebalance plans executed as move workflows (/api/v1/advanced-replication/sharding/rebalance). */
  rebalance: RebalanceService;
  /** Migration tasks on the same workflow (/api/v1/cluster/migration). */
  migration: MigrationService;

  // geo
  /** Datacenters, WAN links, geo streams, consistency levels, vector clocks (/api/v1/geo-replication). */
  geoReplication: GeoReplicationService;
  // conflicts
  /** CRDTs, strategies, resolving group conflicts, statistics and predictions (/api/v1/advanced-replication/conflicts). */
  conflicts: ConflictsService;
  // apply
  /** The apply engine under logical subscriptions: configuration, appliers' status, checkpoints, transactions, statistics. */
  apply: ApplyService;
  // logical
  /** Publications, subscriptions, decoded changes (/api/v1/advanced-replication/logical). */
  logical: LogicalService;
  // multi-master
  /** Multi-master groups, sites, quorum writes and reads, convergence (/api/v1/advanced-replication/multi-master). */
  multiMaster: MultiMasterService;
  /** The conflicts of multi-master groups (/api/v1/geo-replication/conflicts). */
  groupConflicts: GroupConflictService;
  // gds
  /** Global data services (/api/v1/advanced-replication/gds). */
  gds: GdsService;
}
