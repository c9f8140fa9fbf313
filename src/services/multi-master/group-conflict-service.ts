import { DomainError } from '../../engines/runtime/domain-error.js';
import type { MultiMasterEngine } from '../../engines/multi-master/multi-master-engine.js';
import type { StandInConflictBook } from '../../engines/multi-master/stand-in-conflict-book.js';
import type { GroupConflictPayload } from '../../engines/multi-master/events.js';
import type { RowValue } from '../../engines/replication/wal-record.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import { conflictOf } from './multi-master-shapes.js';

export interface GroupConflictQuery {
  groupId?: string;
  status?: 'OPEN' | 'RESOLVED';
  table?: string;
  limit?: number;
  offset?: number;
}

export interface ResolveGroupConflictRequest {
  conflictId: string;
  value?: RowValue | null;
  winnerSiteId?: string;
}

/** The conflicts of multi-master groups (/api/v1/geo-replication/conflicts and resolve). */
export class GroupConflictService {
  constructor(private readonly deps: { engine: MultiMasterEngine; book: StandInConflictBook; runner: OperationRunner }) {}

  list(context: OperationContext, query: GroupConflictQuery): Page<GroupConflictPayload> {
    return this.deps.runner.read(context, 'listGeoReplicationConflicts', () =>
      pageOf(
        this.deps.book
          .list()
          .filter((conflict) => (query.groupId === undefined || conflict.groupId === query.groupId) && (query.status === undefined || conflict.status === query.status) && (query.table === undefined || conflict.table === query.table))
          .map(conflictOf),
        { limit: query.limit, offset: query.offset },
      ),
    );
  }

  resolve(context: OperationContext, request: ResolveGroupConflictRequest): Promise<GroupConflictPayload> {
    return this.deps.runner.run(context, 'resolveGeoReplicationConflict', `multi-master.conflict/${request.conflictId}`, () => {
      const conflict = this.deps.book.get(request.conflictId);
      let row = conflict.resolvedRow;
      let winnerSiteId = conflict.winnerSiteId;
      let reason = `kept the version in place (${conflict.winnerDot}), by hand`;
      if (request.winnerSiteId !== undefined) {
        const side = conflict.versions.find((version) => version.siteId === request.winnerSiteId);
        if (side === undefined) throw new DomainError('UNPROCESSABLE', `winnerSiteId ${request.winnerSiteId} wrote neither version (${conflict.versions.map((version) => version.siteId).join(', ')}).`, { winnerSiteId: request.winnerSiteId });
        row = side.row;
        winnerSiteId = side.siteId;
        reason = `the version of ${side.siteId} (${side.dot}), chosen by hand`;
      }
      if (request.value !== undefined) {
        row = request.value;
        reason = 'a value given by hand';
      }
      const written = this.deps.engine.applyResolution(conflict.groupId, conflict.table, conflict.key, row, conflict.versions.map((version) => version.clock));
      return conflictOf(this.deps.book.resolve(conflict.conflictId, row, winnerSiteId, `${reason}; written at ${written.siteId} as ${written.versions[0]?.dot}`));
    });
  }
}
