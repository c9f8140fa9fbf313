/**
 * Alert rules over replication lag, evaluated as samples arrive, in the manner of Prometheus
 * alerting: a breach makes an alert PENDING; held for `forMs` it becomes FIRING; once the value
 * is back at or under the threshold a firing alert is RESOLVED, and a pending one is dropped
 * (it never fired). One alert at a time per rule and standby.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { LagSample } from './lag-history.js';

export type LagMetric = 'LAG_BYTES' | 'WRITE_LAG_MS' | 'FLUSH_LAG_MS' | 'REPLAY_LAG_MS';
export const LAG_METRICS: readonly LagMetric[] = Object.freeze(['LAG_BYTES', 'WRITE_LAG_MS', 'FLUSH_LAG_MS', 'REPLAY_LAG_MS']);

export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';
export const ALERT_SEVERITIES: readonly AlertSeverity[] = Object.freeze(['INFO', 'WARNING', 'CRITICAL']);

export interface AlertRuleInput {
  readonly name: string;
  readonly metric: LagMetric;
  /** The alert breaches while the metric is above this. */
  readonly threshold: number;
  /** How long a breach must last before the alert fires. */
  readonly forMs: number;
  readonly severity: AlertSeverity;
  /** One standby, or null for every standby. */
  readonly replicaId: string | null;
}

export interface AlertRule extends AlertRuleInput {
  readonly ruleId: string;
  readonly createdAtMs: number;
  /** Who created it (an API key id, or `system` for the default rules). */
  readonly createdBy: string;
}

export type AlertState = 'PENDING' | 'FIRING' | 'RESOLVED';

export interface Alert {
  readonly alertId: string;
  readonly ruleId: string;
  readonly replicaId: string;
  readonly metric: LagMetric;
  readonly severity: AlertSeverity;
  readonly threshold: number;
  state: AlertState;
  /** The metric's latest value while open; its last breaching value once resolved. */
  value: number;
  peakValue: number;
  /** When the breach began. */
  readonly breachStartedAtMs: number;
  firedAtMs: number | null;
  resolvedAtMs: number | null;
}

/** What one observation changed: an alert that fired, or one that resolved. */
export interface AlertTransition {
  readonly kind: 'FIRED' | 'RESOLVED';
  readonly alert: Readonly<Alert>;
  readonly rule: AlertRule;
}

/** Everything to persist, and to restore from. */
export interface LagAlertsState {
  readonly rules: readonly AlertRule[];
  readonly alerts: readonly Alert[];
  readonly nextRuleNumber: number;
  readonly nextAlertNumber: number;
}

/** Resolved alerts kept for the history; open ones are always kept. */
export const RESOLVED_ALERTS_KEPT = 500;

function metricOf(sample: LagSample, metric: LagMetric): number {
  switch (metric) {
    case 'LAG_BYTES':
      return sample.lagBytes;
    case 'WRITE_LAG_MS':
      return sample.writeLagMs;
    case 'FLUSH_LAG_MS':
      return sample.flushLagMs;
    case 'REPLAY_LAG_MS':
      return sample.replayLagMs;
  }
}

export class LagAlerts {
  private readonly ruleList: AlertRule[];
  private alertList: Alert[];
  private nextRuleNumber: number;
  private nextAlertNumber: number;

  constructor(state: LagAlertsState = { rules: [], alerts: [], nextRuleNumber: 1, nextAlertNumber: 1 }) {
    this.ruleList = state.rules.map((rule) => ({ ...rule }));
    this.alertList = state.alerts.map((alert) => ({ ...alert }));
    this.nextRuleNumber = state.nextRuleNumber;
    this.nextAlertNumber = state.nextAlertNumber;
  }

  state(): LagAlertsState {
    return { rules: this.rules(), alerts: this.alerts(), nextRuleNumber: this.nextRuleNumber, nextAlertNumber: this.nextAlertNumber };
  }

  /**
   * Adds a rule; it applies from the next sample on.
   * @throws UNPROCESSABLE listing every invalid field; nothing is added then.
   */
  addRule(input: AlertRuleInput, nowMs: number, createdBy: string): AlertRule {
    const problems: string[] = [];
    if (typeof input.name !== 'string' || input.name.trim().length === 0) problems.push('name must be a non-empty string');
    if (!LAG_METRICS.includes(input.metric)) problems.push(`metric must be one of ${LAG_METRICS.join(', ')}`);
    if (!ALERT_SEVERITIES.includes(input.severity)) problems.push(`severity must be one of ${ALERT_SEVERITIES.join(', ')}`);
    if (typeof input.threshold !== 'number' || !Number.isFinite(input.threshold) || input.threshold < 0) problems.push('threshold must be a finite number ≥ 0');
    if (!Number.isSafeInteger(input.forMs) || input.forMs < 0) problems.push('forMs must be an integer ≥ 0');
    if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `The alert rule is invalid: ${problems.join('; ')}.`, { problems });
    const rule: AlertRule = { ...input, ruleId: `rule-${this.nextRuleNumber++}`, createdAtMs: nowMs, createdBy };
    this.ruleList.push(rule);
    return rule;
  }

  rules(): AlertRule[] {
    return this.ruleList.map((rule) => ({ ...rule }));
  }

  /** Alerts, newest first. */
  alerts(): Alert[] {
    return this.alertList.map((alert) => ({ ...alert })).reverse();
  }

  /** Evaluates every rule that applies to `replicaId` against one sample. */
  observe(replicaId: string, sample: LagSample): AlertTransition[] {
    const transitions: AlertTransition[] = [];
    for (const rule of this.ruleList) {
      if (rule.replicaId !== null && rule.replicaId !== replicaId) continue;
      const transition = this.evaluate(rule, replicaId, metricOf(sample, rule.metric), sample.atMs);
      if (transition) transitions.push(transition);
    }
    if (transitions.some((transition) => transition.kind === 'RESOLVED')) this.pruneResolved();
    return transitions;
  }

  /** A standby that is gone can no longer breach: its firing alerts resolve, its pending ones drop. */
  forgetReplica(replicaId: string, nowMs: number): AlertTransition[] {
    const transitions: AlertTransition[] = [];
    for (const alert of this.openAlerts().filter((open) => open.replicaId === replicaId)) {
      const rule = this.ruleList.find((candidate) => candidate.ruleId === alert.ruleId);
      const transition = this.close(alert, nowMs);
      if (transition && rule) transitions.push({ ...transition, rule });
    }
    return transitions;
  }

  private evaluate(rule: AlertRule, replicaId: string, value: number, atMs: number): AlertTransition | null {
    const open = this.alertList.find((alert) => alert.ruleId === rule.ruleId && alert.replicaId === replicaId && alert.state !== 'RESOLVED');
    if (value <= rule.threshold) {
      if (!open) return null;
      const transition = this.close(open, atMs);
      return transition ? { ...transition, rule } : null;
    }
    const alert = open ?? this.open(rule, replicaId, value, atMs);
    alert.value = value;
    alert.peakValue = Math.max(alert.peakValue, value);
    if (alert.state === 'PENDING' && atMs - alert.breachStartedAtMs >= rule.forMs) {
      alert.state = 'FIRING';
      alert.firedAtMs = atMs;
      return { kind: 'FIRED', alert: { ...alert }, rule };
    }
    return null;
  }

  private open(rule: AlertRule, replicaId: string, value: number, atMs: number): Alert {
    const alert: Alert = {
      alertId: `alert-${this.nextAlertNumber++}`,
      ruleId: rule.ruleId,
      replicaId,
      metric: rule.metric,
      severity: rule.severity,
      threshold: rule.threshold,
      state: 'PENDING',
      value,
      peakValue: value,
      breachStartedAtMs: atMs,
      firedAtMs: null,
      resolvedAtMs: null,
    };
    this.alertList.push(alert);
    return alert;
  }

  /** Ends an open alert: a firing one resolves (and is reported), a pending one is dropped. */
  private close(alert: Alert, atMs: number): Omit<AlertTransition, 'rule'> | null {
    if (alert.state === 'PENDING') {
      this.alertList = this.alertList.filter((candidate) => candidate !== alert);
      return null;
    }
    alert.state = 'RESOLVED';
    alert.resolvedAtMs = atMs;
    return { kind: 'RESOLVED', alert: { ...alert } };
  }

  private openAlerts(): Alert[] {
    return this.alertList.filter((alert) => alert.state !== 'RESOLVED');
  }

  private pruneResolved(): void {
    const resolved = this.alertList.filter((alert) => alert.state === 'RESOLVED');
    if (resolved.length <= RESOLVED_ALERTS_KEPT) return;
    const dropped = new Set(resolved.slice(0, resolved.length - RESOLVED_ALERTS_KEPT));
    this.alertList = this.alertList.filter((alert) => !dropped.has(alert));
  }
}
