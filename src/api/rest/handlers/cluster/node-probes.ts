import type { Services } from '../../../../services/services.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handler of /api/v1/cluster/nodes/{id}/probes/{role}: 200 when the node has the role, 503 when not. */
export function nodeProbeHandlers({ nodeProbes }: Services): HandlerTable {
  return {
    getNodeRoleProbe: ({ path, query }) => {
      const probe = nodeProbes.probe(path.id, path.role, { maxLagBytes: query.maxLagBytes, maxLagMs: query.maxLagMs });
      const body = { success: probe.passed, data: probe, timestamp: new Date().toISOString() };
      return probe.passed ? { status: 200, body } : { status: 503, body };
    },
  };
}
