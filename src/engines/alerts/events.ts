import type { Alert, AlertSeverity, AlertSourceName, AlertState } from './alert.js';

/** What the bus names as the source of alert events. */
export const ALERT_EVENT_SOURCE = 'alerts';

/** The alert event types: Alertmanager hears of firing and resolved alerts, not of pending ones. */
export const ALERT_EVENT_TYPES: readonly string[] = Object.freeze(['alert_fired', 'alert_resolved']);

/** An alert as the API shows it (the contract's Alert): times as ISO text, like every event payload. */
export interface AlertResource {
  id: string;
  source: AlertSourceName;
  name: string;
  state: AlertState;
  severity: AlertSeverity;
  labels: Record<string, string>;
  annotations: { summary: string } & Record<string, string>;
  value: number | null;
  peakValue: number | null;
  forMs: number;
  activeAt: string;
  startsAt: string | null;
  endsAt: string | null;
}

export function alertResource(alert: Alert): AlertResource {
  return {
    id: alert.id,
    source: alert.source,
    name: alert.name,
    state: alert.state,
    severity: alert.severity,
    labels: { ...alert.labels },
    annotations: { ...alert.annotations },
    value: alert.value,
    peakValue: alert.peakValue,
    forMs: alert.forMs,
    activeAt: isoOf(alert.activeAtMs),
    startsAt: alert.startsAtMs === null ? null : isoOf(alert.startsAtMs),
    endsAt: alert.endsAtMs === null ? null : isoOf(alert.endsAtMs),
  };
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** Events the alert engine emits, by type. */
export interface AlertEventMap {
  [type: string]: unknown;
  alert_fired: AlertResource;
  alert_resolved: AlertResource;
}
