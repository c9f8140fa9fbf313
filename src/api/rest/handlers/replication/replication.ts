import type { Services } from '../../../../services/services.js';
import type { Replica } from '../../../../services/replication/replication-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/replication (core), /api/v1/cluster/replication and the simulation's workload. */
export function replicationHandlers({ replication }: Services): HandlerTable {
  return {
    getClusterReplication: ({ context }) => ({ status: 200, body: ok(replication.getClusterReplication(context)) }),
    getReplicationConfig: ({ context }) => ({ status: 200, body: ok(replication.getConfig(context)) }),
    updateReplicationConfig: async ({ body, context }) => ({ status: 200, body: ok(await replication.updateConfig(context, body)) }),
    configureReplication: async ({ body, context }) => ({ status: 200, body: ok(await replication.configure(context, body)) }),
    getReplicationStatus: ({ context }) => ({ status: 200, body: ok(replication.getStatus(context)) }),
    getReplicationStatistics: ({ context }) => ({ status: 200, body: ok(replication.getStatistics(context)) }),
    getReplicationLag: ({ query, context }) => ({ status: 200, body: ok(replication.getLag(context, query.replicaId)) }),
    listReplicas: ({ query, context }) => {
      const page = replication.listReplicas(context, {
        state: query.state,
        syncState: query.syncState,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<Replica>(page.items) }) };
    },
    // 201: the replica exists now, STARTING its base backup.
    addReplica: async ({ body, context }) => ({ status: 201, body: ok(await replication.addReplica(context, body.nodeId)) }),
    getReplica: ({ path, context }) => ({ status: 200, body: ok(replication.getReplica(context, path.id)) }),
    removeReplica: async ({ path, context }) => ({ status: 200, body: ok(await replication.removeReplica(context, path.id)) }),
    pauseReplica: async ({ path, context }) => ({ status: 200, body: ok(await replication.pauseReplica(context, path.id)) }),
    resumeReplica: async ({ path, context }) => ({ status: 200, body: ok(await replication.resumeReplica(context, path.id)) }),
    triggerReplicationFailover: async ({ body, context }) => ({ status: 200, body: ok(await replication.triggerFailover(context, body ?? {})) }),
    getWorkload: ({ context }) => ({ status: 200, body: ok(replication.getWorkload(context)) }),
    setWorkload: async ({ body, context }) => ({ status: 200, body: ok(await replication.setWorkload(context, body)) }),
  };
}
