import type { ReplicationServiceDeps } from './replication-service.js';

/** Replication monitoring: channels, the lag series, alert rules and alerts. */
export class ReplicationMonitorService {
  constructor(private readonly deps: ReplicationServiceDeps) {}
}
