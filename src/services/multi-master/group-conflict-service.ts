import type { ConflictBook } from '../../engines/conflicts/conflict-book.js';
import type { ConflictStatus, ConflictStrategy } from '../../engines/conflicts/conflict-record.js';
import type { GroupConflictPayload } from '../../engines/multi-master/events.js';
import type { RowValue } from '../../engines/replication/wal-record.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import { conflictOf } from './multi-master-shapes.js';

export interface GroupConflictQuery {
  groupId?: string;
  status?: ConflictStatus;
  table?: string;
  limit?: number;
  offset?: number;
}

export interface ResolveGroupConflictRequest {
  conflictId: string;
  strategy?: ConflictStrategy;
  value?: RowValue | null;
}

/**
 * The conflicts of multi-master groups (/api/v1/geo-replication/conflicts and resolve): the
 * conflicts engine's book, filtered to multi-master groups; a resolution goes through the book,
 * whose applier (registered by the multi-master module) writes it to the group.
 */
export class GroupConflictService {
  constructor(private readonly deps: { book: ConflictBook; runner: OperationRunner }) {}

  list(context: OperationContext, query: GroupConflictQuery): Page<GroupConflictPayload> {
    return this.deps.runner.read(context, 'listGeoReplicationConflicts', () =>
      pageOf(
        this.deps.book.list({ groupKind: 'MULTI_MASTER', groupId: query.groupId, status: query.status, tableName: query.table }).map(conflictOf),
        { limit: query.limit, offset: query.offset },
      ),
    );
  }

  resolve(context: OperationContext, request: ResolveGroupConflictRequest): Promise<GroupConflictPayload> {
    return this.deps.runner.run(context, 'resolveGeoReplicationConflict', `conflicts.conflict/${request.conflictId}`, () => {
      const record = this.deps.book.get(request.conflictId);
      const strategy = request.strategy ?? (request.value !== undefined ? 'CUSTOM' : record.strategy);
      const resolved = this.deps.book.resolve(request.conflictId, strategy, {
        ...(request.value !== undefined ? { customRow: request.value } : {}),
        resolvedBy: context.caller.keyId,
      });
      return conflictOf(resolved);
    });
  }
}
