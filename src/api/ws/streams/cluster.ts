import type { StreamDefinition } from '../websocket-streams.js';

/** Node membership and health, the consensus changes that follow them, and data migration tasks. */
export const clusterNodeStream: StreamDefinition = {
  path: '/api/v1/ws/cluster/nodes',
  operationId: 'streamClusterNodeEvents',
  eventTypes: ['node_joined', 'node_left', 'node_health_change', 'failover_initiated', 'failover_completed', 'leader_elected', 'quorum_lost', 'quorum_restored', 'migration_started', 'migration_progress', 'migration_completed'],
};
