import type { Services } from '../../../../services/services.js';
import { ok } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/status and /api/v1/clustering/status. */
export function clusterStatusHandlers({ clusterStatus }: Services): HandlerTable {
  return {
    getClusterStatus: ({ context }) => ({ status: 200, body: ok(clusterStatus.status(context)) }),
    getClusteringStatus: ({ context }) => ({ status: 200, body: ok(clusterStatus.clustering(context)) }),
  };
}
