import type { Services } from '../../../../services/services.js';
import type { InstanceRecoveryView } from '../../../../services/rac/rac-recovery-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/rac/recovery: parse, call the recovery service, shape the envelope. */
export function racRecoveryHandlers({ racRecovery }: Services): HandlerTable {
  return {
    getRacRecoveryStatus: ({ context }) => ({ status: 200, body: ok(racRecovery.status(context)) }),
    // The path seed 002 names: the same answer.
    getRacRecoveryStatusAlias: ({ context }) => ({ status: 200, body: ok(racRecovery.status(context)) }),
    listActiveRacRecoveries: ({ query, context }) => ({ status: 200, body: okPage(racRecovery.active(context, { limit: query.limit, offset: query.offset })) }),
    listRacRecoveryHistory: ({ query, context }) => {
      const page = racRecovery.history(context, {
        failedInstance: query.failedInstance,
        trigger: query.trigger,
        phase: query.phase,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<InstanceRecoveryView>(page.items) }) };
    },
    getRacRecoveryConfig: ({ context }) => ({ status: 200, body: ok(racRecovery.config(context)) }),
    updateRacRecoveryConfig: async ({ body, context }) => ({ status: 200, body: ok(await racRecovery.updateConfig(context, body)) }),
    // 202: the recovery goes on after the answer, on the cluster clock.
    initiateRacRecovery: async ({ body, context }) => ({ status: 202, body: ok(await racRecovery.initiate(context, body)) }),
  };
}
