import { REPLICATION_EVENT_TYPES, severityOfReplicationEvent } from '../../../engines/replication/events.js';
import type { StreamDefinition } from '../websocket-streams.js';

/** Replication events under the seeds' two paths, filterable by severity. */
export const replicationStreams: readonly StreamDefinition[] = [
  { path: '/api/v1/ws/replication', operationId: 'streamReplicationEvents', eventTypes: REPLICATION_EVENT_TYPES, severityOf: severityOfReplicationEvent },
  { path: '/api/v1/ws/cluster/replication', operationId: 'streamClusterReplicationEvents', eventTypes: REPLICATION_EVENT_TYPES, severityOf: severityOfReplicationEvent },
];
