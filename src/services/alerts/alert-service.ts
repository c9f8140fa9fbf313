import type { AlertSeverity, AlertSourceName, AlertState } from '../../engines/alerts/alert.js';
import type { AlertEngine } from '../../engines/alerts/alert-engine.js';
import { alertResource, type AlertResource } from '../../engines/alerts/events.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

export interface AlertQuery {
  state?: Exclude<AlertState, 'RESOLVED'>;
  severity?: AlertSeverity;
  source?: AlertSourceName;
  limit?: number;
  offset?: number;
}

export type AlertHistoryQuery = Omit<AlertQuery, 'state'>;

export interface AlertServiceDeps {
  engine: AlertEngine;
  runner: OperationRunner;
}

/** The one alert model (src/engines/alerts): open alerts and the resolved history. */
export class AlertService {
  constructor(private readonly deps: AlertServiceDeps) {}

  /** PENDING and FIRING alerts, newest first. */
  list(context: OperationContext, query: AlertQuery): Page<AlertResource> {
    return this.deps.runner.read(context, 'listAlerts', () =>
      pageOf(this.deps.engine.openAlerts().map(alertResource), {
        filters: { state: query.state, severity: query.severity, source: query.source },
        limit: query.limit,
        offset: query.offset,
      }),
    );
  }

  /** RESOLVED alerts kept, newest resolution first. */
  history(context: OperationContext, query: AlertHistoryQuery): Page<AlertResource> {
    return this.deps.runner.read(context, 'listAlertHistory', () =>
      pageOf(this.deps.engine.history().map(alertResource), { filters: { severity: query.severity, source: query.source }, limit: query.limit, offset: query.offset }),
    );
  }
}
