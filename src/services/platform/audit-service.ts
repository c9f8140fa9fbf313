import type { AuditEntry, AuditLog } from './audit-log.js';
import type { Page } from './list-query.js';
import type { OperationContext } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';

export interface AuditQuery {
  operationId?: string;
  actorKeyId?: string;
  outcome?: AuditEntry['outcome'];
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** Reading the audit log through the API. */
export class AuditService {
  constructor(private readonly log: AuditLog, private readonly runner: OperationRunner) {}

  list(context: OperationContext, query: AuditQuery): Page<AuditEntry> {
    return this.runner.read(context, 'listAuditEntries', () =>
      this.log.list({
        filters: { operationId: query.operationId, actorKeyId: query.actorKeyId, outcome: query.outcome },
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      }),
    );
  }
}
