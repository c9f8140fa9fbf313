import type { ReplicationServiceDeps } from './replication-service.js';

/** Snapshots of the primary's data: create, list, read, delete, progress and restore. */
export class ReplicationSnapshotService {
  constructor(private readonly deps: ReplicationServiceDeps) {}
}
