import type { Services } from '../../../../services/services.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/simulation: faults and the cluster clock. */
export function simulationHandlers({ simulation }: Services): HandlerTable {
  return {
    listFaults: ({ query, context }) => ({
      status: 200,
      body: okPage(simulation.listFaults(context, { type: query.type, limit: query.limit, offset: query.offset })),
    }),
    injectFault: async ({ body, context }) => ({ status: 201, body: ok(await simulation.injectFault(context, body)) }),
    healFault: async ({ path, context }) => ({ status: 200, body: ok(await simulation.healFault(context, path.id)) }),
    getClock: ({ context }) => ({ status: 200, body: ok(simulation.getClock(context)) }),
    setClock: async ({ body, context }) => ({ status: 200, body: ok(await simulation.setClock(context, body)) }),
    advanceClock: async ({ body, context }) => ({ status: 200, body: ok(await simulation.advanceClock(context, body.ms)) }),
  };
}
