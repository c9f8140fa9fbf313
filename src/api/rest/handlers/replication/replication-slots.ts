import type { Services } from '../../../../services/services.js';
import type { ReplicationSlotView } from '../../../../services/replication/replication-slot-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/replication/slots: parse, call the slot service, shape the envelope. */
export function replicationSlotHandlers({ replicationSlots }: Services): HandlerTable {
  return {
    listReplicationSlots: ({ query, context }) => {
      const page = replicationSlots.list(context, {
        slotType: query.slotType,
        active: query.active,
        walStatus: query.walStatus,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<ReplicationSlotView>(page.items) }) };
    },
    createReplicationSlot: async ({ body, context }) => ({ status: 201, body: ok(await replicationSlots.create(context, body)) }),
    getReplicationSlot: ({ path, context }) => ({ status: 200, body: ok(replicationSlots.get(context, path.name)) }),
    deleteReplicationSlot: async ({ path, context }) => ({ status: 200, body: ok(await replicationSlots.drop(context, path.name)) }),
  };
}
