import type { Services } from '../../../../services/services.js';
import type { HealthIssueResource } from '../../../../services/health/cluster-health-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/health: parse, call the cluster health service, shape the envelope. */
export function clusterHealthHandlers({ clusterHealth }: Services): HandlerTable {
  return {
    getClusterHealth: ({ context }) => ({ status: 200, body: ok(clusterHealth.health(context)) }),
    getDetailedClusterHealth: ({ context }) => ({ status: 200, body: ok(clusterHealth.detailed(context)) }),
    listHealthIssues: ({ query, context }) => {
      const page = clusterHealth.issues(context, {
        severity: query.severity,
        type: query.type,
        component: query.component,
        nodeId: query.nodeId,
        resolved: query.resolved,
        since: query.since,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<HealthIssueResource>(page.items) }) };
    },
    listHealthHistory: ({ query, context }) => ({
      status: 200,
      body: okPage(
        clusterHealth.history(context, {
          state: query.state,
          since: query.since,
          until: query.until,
          order: query.order,
          limit: query.limit,
          offset: query.offset,
        }),
      ),
    }),
  };
}
