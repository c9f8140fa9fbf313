import type { ResolveGroupConflictRequest } from '../../../../services/conflicts/conflicts-service.js';
import type { Services } from '../../../../services/services.js';
import { ok } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/advanced-replication/conflicts/*. */
export function conflictsHandlers({ conflicts }: Services): HandlerTable {
  return {
    listConflictCrdts: ({ context }) => ({ status: 200, body: ok(conflicts.crdts(context)) }),
    listConflictStrategies: ({ context }) => ({ status: 200, body: ok(conflicts.strategies(context)) }),
    resolveGroupConflict: async ({ body, context }) => ({ status: 200, body: ok(await conflicts.resolve(context, body as ResolveGroupConflictRequest)) }),
    getConflictStatistics: ({ context }) => ({ status: 200, body: ok(conflicts.statistics(context)) }),
    getConflictPredictions: ({ query, context }) => ({ status: 200, body: ok(conflicts.predictions(context, query.tableName === undefined ? {} : { tableName: query.tableName })) }),
  };
}
