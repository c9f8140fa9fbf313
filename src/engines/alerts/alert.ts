/**
 * The one alert model (see README.md): what a source reports, what an alert is, and the bounds
 * on its labels. Names follow Prometheus alerting rules and Alertmanager.
 */
import { assert } from '../runtime/domain-error.js';

/** How urgent an alert is, least urgent first (the seed's `IssueSeverity`). */
export type AlertSeverity = 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';
export const ALERT_SEVERITIES: readonly AlertSeverity[] = Object.freeze(['INFO', 'WARNING', 'ERROR', 'CRITICAL']);

/** Whether `severity` is at least as urgent as `minimum`. */
export function atLeastAsSevere(severity: AlertSeverity, minimum: AlertSeverity): boolean {
  return ALERT_SEVERITIES.indexOf(severity) >= ALERT_SEVERITIES.indexOf(minimum);
}

export type AlertState = 'PENDING' | 'FIRING' | 'RESOLVED';
export const ALERT_STATES: readonly AlertState[] = Object.freeze(['PENDING', 'FIRING', 'RESOLVED']);

/** A condition that holds now, as a source reports it at one evaluation. */
export interface AlertCondition {
  /** The alert name (the `alertname` label). */
  readonly name: string;
  /** What identifies the condition beyond its name; `alertname`, `source` and `severity` are the engine's. */
  readonly labels: Readonly<Record<string, string>>;
  readonly severity: AlertSeverity;
  /** `summary` (the condition in words), and whatever else helps the operator. */
  readonly annotations: Readonly<{ summary: string } & Record<string, string>>;
  /** The number the condition is about; null when there is none. */
  readonly value: number | null;
  /** How long the condition must hold before the alert fires (Prometheus `for`), in ms of cluster time. */
  readonly forMs: number;
}

export interface Alert {
  /** `alert-N`, in the order alerts opened. */
  readonly id: string;
  readonly source: AlertSourceName;
  readonly name: string;
  readonly state: AlertState;
  readonly severity: AlertSeverity;
  /** Every label, the engine's (`alertname`, `source`, `severity`) included. */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<{ summary: string } & Record<string, string>>;
  /** The latest value reported while open (the last one once resolved). */
  readonly value: number | null;
  /** The highest value reported since `activeAtMs`. */
  readonly peakValue: number | null;
  readonly forMs: number;
  /** When the condition was first reported (Prometheus `activeAt`). */
  readonly activeAtMs: number;
  /** When it fired (Alertmanager `startsAt`); null while pending. */
  readonly startsAtMs: number | null;
  /** When it resolved (Alertmanager `endsAt`); null while open. */
  readonly endsAtMs: number | null;
}

/** What one evaluation changed: an alert that went PENDING, FIRING or RESOLVED. */
export interface AlertTransition {
  readonly to: AlertState;
  /** The alert as it is after the transition. */
  readonly alert: Alert;
}

/** At most this many labels per alert, the engine's three included. */
export const MAX_LABELS = 10;
export const MAX_LABEL_VALUE_LENGTH = 256;
export const MAX_ANNOTATIONS = 4;
export const MAX_ANNOTATION_VALUE_LENGTH = 1024;
/** Label names as Prometheus allows them. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Labels the engine sets on every alert; a source may not. */
export const ENGINE_LABELS: readonly string[] = Object.freeze(['alertname', 'source', 'severity']);

/**
 * The engines that feed alerts, as the contract's `AlertSource` lists them: a bounded set, so the
 * `source` label of the alert metrics is too. A new source is added here and there.
 */
export type AlertSourceName = 'health' | 'replication';
export const ALERT_SOURCES: readonly AlertSourceName[] = Object.freeze(['health', 'replication']);

/** The labels of the alert a condition raises: the source's, then the engine's. */
export function labelsOf(source: AlertSourceName, condition: AlertCondition): Record<string, string> {
  return { ...condition.labels, alertname: condition.name, source, severity: condition.severity };
}

/** A source's own labels of an alert: its labels without the engine's. */
export function ownLabelsOf(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => !ENGINE_LABELS.includes(name)));
}

/**
 * What identifies an alert, in one string: its source, its name and the source's own labels
 * (so every label but `severity`), whatever their order.
 */
export function identityOf(source: string, name: string, ownLabels: Readonly<Record<string, string>>): string {
  const names = Object.keys(ownLabels);
  if (names.length > 1) names.sort();
  return JSON.stringify([source, name, ...names.map((label) => [label, ownLabels[label]])]);
}

/** Asserts a condition keeps the model's bounds: sources are code, so a breach is a programmer error. */
export function assertCondition(source: string, condition: AlertCondition): void {
  const where = `alert condition ${condition.name} of ${source}`;
  assert(typeof condition.name === 'string' && condition.name.length > 0 && condition.name.length <= MAX_LABEL_VALUE_LENGTH, `${where}: a name of 1 to ${MAX_LABEL_VALUE_LENGTH} characters`);
  assert(ALERT_SEVERITIES.includes(condition.severity), `${where}: a known severity`);
  assert(Number.isSafeInteger(condition.forMs) && condition.forMs >= 0, `${where}: forMs is an integer ≥ 0`);
  assert(condition.value === null || Number.isFinite(condition.value), `${where}: a finite value or null`);
  const labels = Object.entries(condition.labels);
  assert(labels.length + ENGINE_LABELS.length <= MAX_LABELS, `${where}: at most ${MAX_LABELS - ENGINE_LABELS.length} labels of its own`);
  for (const [name, value] of labels) {
    assert(LABEL_NAME.test(name) && !ENGINE_LABELS.includes(name), `${where}: label name ${name} is valid and not the engine's`);
    assert(typeof value === 'string' && value.length <= MAX_LABEL_VALUE_LENGTH, `${where}: label ${name} at most ${MAX_LABEL_VALUE_LENGTH} characters`);
  }
  const annotations = Object.entries(condition.annotations);
  assert(typeof condition.annotations.summary === 'string', `${where}: a summary`);
  assert(annotations.length <= MAX_ANNOTATIONS, `${where}: at most ${MAX_ANNOTATIONS} annotations`);
  for (const [name, value] of annotations) {
    assert(LABEL_NAME.test(name) && typeof value === 'string' && value.length <= MAX_ANNOTATION_VALUE_LENGTH, `${where}: annotation ${name} is valid`);
  }
}

/** The number in `alert-N`, for ordering alerts by when they opened. */
export function alertNumber(alert: Pick<Alert, 'id'>): number {
  return Number(alert.id.slice('alert-'.length));
}
