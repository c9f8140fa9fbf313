import type { ResolveGroupConflictRequest } from '../../../../services/multi-master/group-conflict-service.js';
import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of the conflicts of multi-master groups (/api/v1/geo-replication/conflicts). */
export function groupConflictHandlers({ groupConflicts }: Services): HandlerTable {
  return {
    listGeoReplicationConflicts: ({ query, context }) => ({ status: 200, body: okPage(groupConflicts.list(context, query)) }),
    resolveGeoReplicationConflict: async ({ body, context }) => ({ status: 200, body: ok(await groupConflicts.resolve(context, body as ResolveGroupConflictRequest)) }),
  };
}
