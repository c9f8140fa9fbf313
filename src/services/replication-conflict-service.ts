import type { ReplicationServiceDeps } from './replication-service.js';

/** Replication conflicts: list, simulate and resolve. */
export class ReplicationConflictService {
  constructor(private readonly deps: ReplicationServiceDeps) {}
}
