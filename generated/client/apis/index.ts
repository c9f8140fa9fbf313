/* tslint:disable */
/* eslint-disable */
export * from './AlertsApi.js';
export * from './AuditApi.js';
export * from './AuthApi.js';
export * from './ClusterApi.js';
export * from './CoordinatorApi.js';
export * from './DHTApi.js';
export * from './DataMigrationApi.js';
export * from './DistributedQueryApi.js';
export * from './DistributedTransactionsApi.js';
export * from './EventsApi.js';
export * from './FailoverApi.js';
export * from './GlobalDataServicesApi.js';
export * from './HealthApi.js';
export * from './HealthMonitoringApi.js';
export * from './LoadBalancerApi.js';
export * from './MembershipApi.js';
export * from './MetricsApi.js';
export * from './PlannedApi.js';
export * from './RACApi.js';
export * from './RaftApi.js';
export * from './ReplicationApi.js';
export * from './ShardRebalancingApi.js';
export * from './ShardingApi.js';
export * from './SimulationApi.js';
export * from './StreamsApi.js';
export * from './XAApi.js';
