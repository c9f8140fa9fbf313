import type { ReplicationServiceDeps } from './replication-service.js';

/** Replication slots: list, create, read and drop, physical and logical. */
export class ReplicationSlotService {
  constructor(private readonly deps: ReplicationServiceDeps) {}
}
