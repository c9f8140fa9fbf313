/* tslint:disable */
/* eslint-disable */
export * from './AuditApi.js';
export * from './AuthApi.js';
export * from './ClusterApi.js';
export * from './EventsApi.js';
export * from './HealthApi.js';
export * from './MetricsApi.js';
export * from './PlannedApi.js';
export * from './SimulationApi.js';
export * from './StreamsApi.js';
