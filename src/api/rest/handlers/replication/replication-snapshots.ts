import type { Services } from '../../../../services/services.js';
import type { ReplicationSnapshotView } from '../../../../services/replication/replication-snapshot-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/replication/snapshots: parse, call the snapshot service, shape the envelope. */
export function replicationSnapshotHandlers({ replicationSnapshots }: Services): HandlerTable {
  return {
    listReplicationSnapshots: ({ query, context }) => {
      const page = replicationSnapshots.list(context, {
        type: query.type,
        status: query.status,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<ReplicationSnapshotView>(page.items) }) };
    },
    // 202: the copy goes on after the answer, on the cluster clock; Location is where to follow it.
    createReplicationSnapshot: async ({ body, context }) => {
      const snapshot = await replicationSnapshots.create(context, body ?? {});
      return { status: 202, body: ok(snapshot), headers: { Location: progressPath(snapshot.snapshotId) } };
    },
    getReplicationSnapshot: ({ path, context }) => ({ status: 200, body: ok(replicationSnapshots.get(context, path.id)) }),
    deleteReplicationSnapshot: async ({ path, context }) => ({ status: 200, body: ok(await replicationSnapshots.delete(context, path.id)) }),
    getReplicationSnapshotProgress: ({ path, context }) => ({ status: 200, body: ok(replicationSnapshots.progress(context, path.id)) }),
    restoreReplicationSnapshot: async ({ path, context }) => ({
      status: 202,
      body: ok(await replicationSnapshots.restore(context, path.id)),
      headers: { Location: progressPath(path.id) },
    }),
  };
}

function progressPath(snapshotId: string): string {
  return `/api/v1/replication/snapshots/${encodeURIComponent(snapshotId)}/progress`;
}
