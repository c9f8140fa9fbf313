/**
 * Alert rules over replication lag, in the manner of Prometheus alerting rules: a rule names a
 * lag metric, a threshold, a `for` duration and a severity. At each lag sample the rules are
 * evaluated into the conditions that hold (a standby above a rule's threshold), and the alert
 * engine (src/engines/alerts) moves their alerts PENDING → FIRING → RESOLVED. The rules live
 * here; the alerts live there, once.
 */
import { ALERT_SEVERITIES, type Alert, type AlertCondition, type AlertSeverity, type AlertState } from '../alerts/alert.js';
import { assert, DomainError } from '../runtime/domain-error.js';
import type { LagSample } from './lag-history.js';
import { CHANNEL_KINDS, CHANNEL_METRICS, type ChannelKind, type ChannelMetric } from '../replication-monitoring/channel.js';

export type LagMetric = 'LAG_BYTES' | 'WRITE_LAG_MS' | 'FLUSH_LAG_MS' | 'REPLAY_LAG_MS';
export const LAG_METRICS: readonly LagMetric[] = Object.freeze(['LAG_BYTES', 'WRITE_LAG_MS', 'FLUSH_LAG_MS', 'REPLAY_LAG_MS']);

/** Rules kept at most: with one alert per rule and standby, this bounds replication's open alerts. */
export const MAX_ALERT_RULES = 100;

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

/**
 * A rule over a metric of any replication channel (replication monitoring's rules): kept in this
 * one book with the lag rules, numbered with them, evaluated with them into one alert source.
 */
export interface ChannelAlertRuleInput {
  readonly name: string;
  readonly metric: ChannelMetric;
  /** The alert breaches while the metric is above this. */
  readonly threshold: number;
  readonly forMs: number;
  readonly severity: AlertSeverity;
  /** One channel, or null for every channel (of `kind`, when set). */
  readonly channelId: string | null;
  /** Channels of one kind, or null for every kind. */
  readonly kind: ChannelKind | null;
}

export type ChannelAlertRulePatch = Partial<ChannelAlertRuleInput>;

export interface ChannelAlertRule extends ChannelAlertRuleInput {
  readonly ruleId: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
  readonly createdBy: string;
}

/** A channel's metric values at one sample, as replication monitoring measured them (null where unknown). */
export interface ChannelValues {
  readonly channelId: string;
  readonly kind: ChannelKind;
  readonly values: Readonly<Record<ChannelMetric, number | null>>;
}

/** An alert of the alert engine read as a channel rule's alert for one channel. */
export interface ChannelAlert {
  readonly alertId: string;
  readonly ruleId: string;
  readonly channelId: string;
  readonly kind: ChannelKind;
  readonly metric: ChannelMetric;
  readonly severity: AlertSeverity;
  readonly threshold: number;
  readonly state: AlertState;
  readonly value: number;
  readonly peakValue: number;
  readonly breachStartedAtMs: number;
  readonly firedAtMs: number | null;
  readonly resolvedAtMs: number | null;
  readonly message: string;
}

/** Everything to persist, and to restore from. */
export interface LagAlertRulesState {
  readonly rules: readonly AlertRule[];
  readonly nextRuleNumber: number;
  /** Replication monitoring's channel rules (absent in records written before they existed). */
  readonly channelRules?: readonly ChannelAlertRule[];
}

/** Whether an alert of the replication source is a channel rule's (a lag rule's alert has a `replica` label). */
export function isChannelAlert(alert: Pick<Alert, 'labels'>): boolean {
  return alert.labels.channel !== undefined;
}

/** An alert of the alert engine read as a rule's alert for one standby. */
export interface LagAlert {
  readonly alertId: string;
  readonly ruleId: string;
  readonly replicaId: string;
  readonly metric: LagMetric;
  readonly severity: AlertSeverity;
  readonly threshold: number;
  readonly state: AlertState;
  /** The metric's latest value while open; its last breaching value once resolved. */
  readonly value: number;
  readonly peakValue: number;
  /** When the breach began. */
  readonly breachStartedAtMs: number;
  readonly firedAtMs: number | null;
  readonly resolvedAtMs: number | null;
  /** What is wrong, in words (the alert's summary). */
  readonly message: string;
}

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

export class LagAlertRules {
  private readonly ruleList: AlertRule[];
  private readonly channelRuleList: ChannelAlertRule[];
  private nextRuleNumber: number;

  constructor(state: LagAlertRulesState = { rules: [], nextRuleNumber: 1 }) {
    this.ruleList = state.rules.map((rule) => ({ ...rule }));
    this.channelRuleList = (state.channelRules ?? []).map((rule) => ({ ...rule }));
    this.nextRuleNumber = state.nextRuleNumber;
  }

  state(): LagAlertRulesState {
    return { rules: this.rules(), nextRuleNumber: this.nextRuleNumber, channelRules: this.channelRules() };
  }

  private ruleCount(): number {
    return this.ruleList.length + this.channelRuleList.length;
  }

  private assertRoom(): void {
    if (this.ruleCount() >= MAX_ALERT_RULES) {
      throw new DomainError('UNPROCESSABLE', `At most ${MAX_ALERT_RULES} alert rules are kept, and there are ${this.ruleCount()}.`, { maxAlertRules: MAX_ALERT_RULES });
    }
  }

  /**
   * Adds a channel rule; it applies from the next sample on.
   * @throws UNPROCESSABLE listing every invalid field, or when {@link MAX_ALERT_RULES} are kept.
   */
  addChannelRule(input: ChannelAlertRuleInput, nowMs: number, createdBy: string): ChannelAlertRule {
    validateChannelRule(input);
    this.assertRoom();
    const rule: ChannelAlertRule = { ...pickChannelRule(input), ruleId: `rule-${this.nextRuleNumber++}`, createdAtMs: nowMs, updatedAtMs: nowMs, createdBy };
    this.channelRuleList.push(rule);
    return rule;
  }

  /** Changes a channel rule; an open alert whose condition still holds keeps its state. @throws NOT_FOUND, UNPROCESSABLE. */
  updateChannelRule(ruleId: string, patch: ChannelAlertRulePatch, nowMs: number): ChannelAlertRule {
    const index = this.channelRuleIndex(ruleId);
    const before = this.channelRuleList[index] as ChannelAlertRule;
    const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) } as ChannelAlertRule;
    validateChannelRule(merged);
    const rule: ChannelAlertRule = { ...pickChannelRule(merged), ruleId, createdAtMs: before.createdAtMs, updatedAtMs: nowMs, createdBy: before.createdBy };
    this.channelRuleList[index] = rule;
    return rule;
  }

  /** Removes a channel rule; its alerts resolve at the next evaluation. @throws NOT_FOUND. */
  removeChannelRule(ruleId: string): ChannelAlertRule {
    const index = this.channelRuleIndex(ruleId);
    const [removed] = this.channelRuleList.splice(index, 1);
    return removed as ChannelAlertRule;
  }

  channelRules(): ChannelAlertRule[] {
    return this.channelRuleList.map((rule) => ({ ...rule }));
  }

  /** The conditions the channels' values breach: one per rule and channel it applies to with the metric above its threshold. */
  channelBreaches(channels: readonly ChannelValues[]): AlertCondition[] {
    return this.channelRuleList.flatMap((rule) =>
      channels.flatMap((channel): AlertCondition[] => {
        if (rule.channelId !== null && rule.channelId !== channel.channelId) return [];
        if (rule.kind !== null && rule.kind !== channel.kind) return [];
        const value = channel.values[rule.metric];
        if (value === null || value <= rule.threshold) return [];
        return [
          {
            name: rule.name,
            labels: { rule: rule.ruleId, channel: channel.channelId, kind: channel.kind, metric: rule.metric },
            severity: rule.severity,
            annotations: { summary: `${channel.channelId}: ${rule.metric} ${value} > ${rule.threshold} for ${rule.forMs} ms`, threshold: String(rule.threshold) },
            value,
            forMs: rule.forMs,
          },
        ];
      }),
    );
  }

  /** An alert of a channel rule (its rule may be gone since: the alert's labels say what it was about). */
  channelAlertOf(alert: Alert): ChannelAlert {
    const { rule, channel, kind, metric } = alert.labels;
    assert(rule !== undefined && channel !== undefined && kind !== undefined && metric !== undefined && alert.value !== null && alert.peakValue !== null, `${alert.id} is an alert of a channel rule`);
    return {
      alertId: alert.id,
      ruleId: rule,
      channelId: channel,
      kind: kind as ChannelKind,
      metric: metric as ChannelMetric,
      severity: alert.severity,
      threshold: Number(alert.annotations.threshold ?? 0),
      state: alert.state,
      value: alert.value,
      peakValue: alert.peakValue,
      breachStartedAtMs: alert.activeAtMs,
      firedAtMs: alert.startsAtMs,
      resolvedAtMs: alert.endsAtMs,
      message: alert.annotations.summary,
    };
  }

  private channelRuleIndex(ruleId: string): number {
    const index = this.channelRuleList.findIndex((rule) => rule.ruleId === ruleId);
    if (index < 0) throw new DomainError('NOT_FOUND', `No channel alert rule has id "${ruleId}".`, { resource: 'replication.channelAlertRule', id: ruleId });
    return index;
  }

  /**
   * Adds a rule; it applies from the next sample on.
   * @throws UNPROCESSABLE listing every invalid field, or when {@link MAX_ALERT_RULES} are kept; nothing is added then.
   */
  addRule(input: AlertRuleInput, nowMs: number, createdBy: string): AlertRule {
    const problems: string[] = [];
    if (typeof input.name !== 'string' || input.name.trim().length === 0) problems.push('name must be a non-empty string');
    if (!LAG_METRICS.includes(input.metric)) problems.push(`metric must be one of ${LAG_METRICS.join(', ')}`);
    if (!ALERT_SEVERITIES.includes(input.severity)) problems.push(`severity must be one of ${ALERT_SEVERITIES.join(', ')}`);
    if (typeof input.threshold !== 'number' || !Number.isFinite(input.threshold) || input.threshold < 0) problems.push('threshold must be a finite number ≥ 0');
    if (!Number.isSafeInteger(input.forMs) || input.forMs < 0) problems.push('forMs must be an integer ≥ 0');
    if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `The alert rule is invalid: ${problems.join('; ')}.`, { problems });
    this.assertRoom();
    const rule: AlertRule = { ...input, ruleId: `rule-${this.nextRuleNumber++}`, createdAtMs: nowMs, createdBy };
    this.ruleList.push(rule);
    return rule;
  }

  rules(): AlertRule[] {
    return this.ruleList.map((rule) => ({ ...rule }));
  }

  /** The conditions one standby's sample breaches: one per rule that applies to it with the metric above its threshold. */
  breaches(replicaId: string, sample: LagSample): AlertCondition[] {
    return this.ruleList.flatMap((rule) => {
      if (rule.replicaId !== null && rule.replicaId !== replicaId) return [];
      const value = metricOf(sample, rule.metric);
      if (value <= rule.threshold) return [];
      return [
        {
          name: rule.name,
          labels: { rule: rule.ruleId, replica: replicaId, metric: rule.metric },
          severity: rule.severity,
          annotations: { summary: alertMessage({ replicaId, metric: rule.metric, value, threshold: rule.threshold }, rule.forMs) },
          value,
          forMs: rule.forMs,
        },
      ];
    });
  }

  /** An alert of the replication source, read with its rule. */
  lagAlertOf(alert: Alert): LagAlert {
    const rule = this.ruleList.find((candidate) => candidate.ruleId === alert.labels.rule);
    assert(rule !== undefined && alert.labels.replica !== undefined && alert.value !== null && alert.peakValue !== null, `${alert.id} is an alert of a lag rule`);
    return {
      alertId: alert.id,
      ruleId: rule.ruleId,
      replicaId: alert.labels.replica,
      metric: rule.metric,
      severity: alert.severity,
      threshold: rule.threshold,
      state: alert.state,
      value: alert.value,
      peakValue: alert.peakValue,
      breachStartedAtMs: alert.activeAtMs,
      firedAtMs: alert.startsAtMs,
      resolvedAtMs: alert.endsAtMs,
      message: alert.annotations.summary,
    };
  }
}

function pickChannelRule(input: ChannelAlertRuleInput): ChannelAlertRuleInput {
  return { name: input.name, metric: input.metric, threshold: input.threshold, forMs: input.forMs, severity: input.severity, channelId: input.channelId, kind: input.kind };
}

/** @throws UNPROCESSABLE listing every invalid field. */
function validateChannelRule(input: ChannelAlertRuleInput): void {
  const problems: string[] = [];
  if (typeof input.name !== 'string' || input.name.trim().length === 0 || input.name.length > 200) problems.push('name must be a non-empty string of at most 200 characters');
  if (!CHANNEL_METRICS.includes(input.metric)) problems.push(`metric must be one of ${CHANNEL_METRICS.join(', ')}`);
  if (!ALERT_SEVERITIES.includes(input.severity)) problems.push(`severity must be one of ${ALERT_SEVERITIES.join(', ')}`);
  if (typeof input.threshold !== 'number' || !Number.isFinite(input.threshold) || input.threshold < 0) problems.push('threshold must be a finite number ≥ 0');
  if (!Number.isSafeInteger(input.forMs) || input.forMs < 0) problems.push('forMs must be an integer ≥ 0');
  if (input.kind !== null && !CHANNEL_KINDS.includes(input.kind)) problems.push(`kind must be one of ${CHANNEL_KINDS.join(', ')}`);
  if (input.channelId !== null && (typeof input.channelId !== 'string' || input.channelId.length === 0 || input.channelId.length > 200)) problems.push('channelId must be a non-empty string of at most 200 characters');
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `The alert rule is invalid: ${problems.join('; ')}.`, { problems });
}

const UNIT_OF_METRIC = { LAG_BYTES: 'bytes', WRITE_LAG_MS: 'ms', FLUSH_LAG_MS: 'ms', REPLAY_LAG_MS: 'ms' } as const;
const LABEL_OF_METRIC = { LAG_BYTES: 'lag', WRITE_LAG_MS: 'write lag', FLUSH_LAG_MS: 'flush lag', REPLAY_LAG_MS: 'replay lag' } as const;

/** What an alert is about, in words: `node-3: replay lag 7340 ms > 5000 ms for 10000 ms`. */
export function alertMessage(alert: { replicaId: string; metric: LagMetric; value: number; threshold: number }, forMs: number): string {
  const unit = UNIT_OF_METRIC[alert.metric];
  return `${alert.replicaId}: ${LABEL_OF_METRIC[alert.metric]} ${alert.value} ${unit} > ${alert.threshold} ${unit} for ${forMs} ms`;
}
