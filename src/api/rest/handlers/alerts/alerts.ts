import type { Services } from '../../../../services/services.js';
import { okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/alerts: open alerts and the resolved history. */
export function alertHandlers({ alerts }: Services): HandlerTable {
  return {
    listAlerts: ({ query, context }) => ({
      status: 200,
      body: okPage(alerts.list(context, { state: query.state, severity: query.severity, source: query.source, limit: query.limit, offset: query.offset })),
    }),
    listAlertHistory: ({ query, context }) => ({
      status: 200,
      body: okPage(alerts.history(context, { severity: query.severity, source: query.source, limit: query.limit, offset: query.offset })),
    }),
  };
}
