import type { Services } from '../../../../services/services.js';
import type { ReplicationConflictView } from '../../../../services/replication/replication-conflict-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of replication conflicts: list, simulate, resolve. */
export function replicationConflictHandlers({ replicationConflicts }: Services): HandlerTable {
  return {
    listReplicationConflicts: ({ query, context }) => {
      const page = replicationConflicts.list(context, {
        resolved: query.resolved,
        conflictType: query.conflictType,
        tableName: query.tableName,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<ReplicationConflictView>(page.items) }) };
    },
    simulateReplicationConflict: async ({ body, context }) => ({ status: 201, body: ok(await replicationConflicts.simulate(context, body)) }),
    resolveReplicationConflict: async ({ body, context }) => ({ status: 200, body: ok(await replicationConflicts.resolve(context, body)) }),
  };
}
