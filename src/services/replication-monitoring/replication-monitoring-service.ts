import { ALERT_SEVERITIES, type AlertSeverity, type AlertState } from '../../engines/alerts/alert.js';
import type { ChannelAlert, ChannelAlertRule } from '../../engines/replication/lag-alerts.js';
import { CHANNEL_STATES, type ChannelEndpoint, type ChannelKind, type ChannelMetric, type ChannelState } from '../../engines/replication-monitoring/channel.js';
import type { ChannelRates } from '../../engines/replication-monitoring/channel-rates.js';
import type { ChannelStatus, ReplicationMonitoring } from '../../engines/replication-monitoring/replication-monitoring.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';

export interface ReplicationMonitoringServiceDeps {
  monitoring: ReplicationMonitoring;
  runner: OperationRunner;
}

/** The contract's MonitoredChannel. */
export interface MonitoredChannelView {
  channelId: string;
  kind: ChannelKind;
  source: ChannelEndpoint;
  target: ChannelEndpoint;
  state: ChannelState;
  stateDetail: string;
  lagBytes: number | null;
  lagMs: number | null;
  lagOperations: number | null;
  bytesShipped: number | null;
  operationsShipped: number | null;
  errors: number;
  conflicts: number;
  rates: ChannelRates;
}

/** The contract's ChannelLag. */
export interface ChannelLagView {
  channelId: string;
  kind: ChannelKind;
  state: ChannelState;
  source: ChannelEndpoint;
  target: ChannelEndpoint;
  lagBytes: number | null;
  lagMs: number | null;
  lagOperations: number | null;
}

export interface ChannelThroughputView {
  channelId: string;
  kind: ChannelKind;
  state: ChannelState;
  bytesShipped: number | null;
  operationsShipped: number | null;
  bytesPerSecond: number;
  operationsPerSecond: number;
  measuredOverMs: number;
}

export interface ChannelErrorsView {
  channelId: string;
  kind: ChannelKind;
  state: ChannelState;
  stateDetail: string;
  errors: number;
  errorsPerSecond: number;
  measuredOverMs: number;
}

export interface ChannelConflictsView {
  channelId: string;
  kind: ChannelKind;
  state: ChannelState;
  conflicts: number;
  conflictsPerSecond: number;
  measuredOverMs: number;
}

export interface ChannelTimeSeriesView {
  channelId: string;
  metric: ChannelMetric;
  sampleIntervalMs: number;
  pointsInWindow: number;
  points: { at: string; value: number }[];
}

export interface ChannelAlertRuleView {
  ruleId: string;
  name: string;
  metric: ChannelMetric;
  threshold: number;
  forMs: number;
  severity: AlertSeverity;
  channelId: string | null;
  kind: ChannelKind | null;
  pendingChannelIds: string[];
  firingChannelIds: string[];
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export interface ChannelAlertView {
  alertId: string;
  ruleId: string;
  ruleName: string;
  channelId: string;
  kind: ChannelKind;
  metric: ChannelMetric;
  severity: AlertSeverity;
  state: AlertState;
  threshold: number;
  value: number;
  peakValue: number;
  breachStartedAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  message: string;
}

export interface ChannelKindSummaryView {
  kind: ChannelKind;
  channels: number;
  streaming: number;
  notStreaming: number;
  maxLagBytes: number | null;
  maxLagMs: number | null;
  bytesPerSecond: number;
  operationsPerSecond: number;
  errorsPerSecond: number;
  conflictsPerSecond: number;
  errors: number;
  conflicts: number;
}

export interface MonitoringDashboardView {
  sampledAt: string | null;
  sampleIntervalMs: number;
  rateWindowMs: number;
  channels: number;
  byState: Record<ChannelState, number>;
  kinds: ChannelKindSummaryView[];
  worstLag: ChannelLagView[];
  alertRules: ChannelAlertRuleView[];
  firingAlerts: ChannelAlertView[];
}

export interface ChannelListQuery {
  kind?: ChannelKind;
  state?: ChannelState;
  limit?: number;
  offset?: number;
}

export interface TimeSeriesRequest {
  channelId: string;
  metric: ChannelMetric;
  since?: string;
  until?: string;
  maxPoints?: number;
}

export interface CreateChannelAlertRuleRequest {
  name?: string;
  metric: ChannelMetric;
  threshold: number;
  forMs?: number;
  severity?: AlertSeverity;
  channelId?: string;
  kind?: ChannelKind;
}

export interface UpdateChannelAlertRuleRequest {
  name?: string;
  metric?: ChannelMetric;
  threshold?: number;
  forMs?: number;
  severity?: AlertSeverity;
  channelId?: string | null;
  kind?: ChannelKind | null;
}

/** The dashboard's worst lags. */
const WORST_LAG_SHOWN = 5;

function lagViewOf(channel: ChannelStatus): ChannelLagView {
  return {
    channelId: channel.channelId,
    kind: channel.kind,
    state: channel.state,
    source: channel.source,
    target: channel.target,
    lagBytes: channel.lagBytes,
    lagMs: channel.lagMs,
    lagOperations: channel.lagOperations,
  };
}

/** Worst first: the oldest unapplied change, then the most bytes behind (unknown lags last). */
function byLag(a: ChannelLagView, b: ChannelLagView): number {
  return (b.lagMs ?? -1) - (a.lagMs ?? -1) || (b.lagBytes ?? -1) - (a.lagBytes ?? -1) || naturalCompare(a.channelId, b.channelId);
}

function ruleViewOf(rule: ChannelAlertRule, alerts: readonly ChannelAlert[]): ChannelAlertRuleView {
  const open = alerts.filter((alert) => alert.ruleId === rule.ruleId);
  const channelsIn = (state: AlertState) => open.filter((alert) => alert.state === state).map((alert) => alert.channelId).sort(naturalCompare);
  return {
    ruleId: rule.ruleId,
    name: rule.name,
    metric: rule.metric,
    threshold: rule.threshold,
    forMs: rule.forMs,
    severity: rule.severity,
    channelId: rule.channelId,
    kind: rule.kind,
    pendingChannelIds: channelsIn('PENDING'),
    firingChannelIds: channelsIn('FIRING'),
    createdAt: isoTime(rule.createdAtMs),
    updatedAt: isoTime(rule.updatedAtMs),
    createdBy: rule.createdBy,
  };
}

function alertViewOf(alert: ChannelAlert, rules: readonly ChannelAlertRule[]): ChannelAlertView {
  return {
    alertId: alert.alertId,
    ruleId: alert.ruleId,
    ruleName: rules.find((rule) => rule.ruleId === alert.ruleId)?.name ?? alert.ruleId,
    channelId: alert.channelId,
    kind: alert.kind,
    metric: alert.metric,
    severity: alert.severity,
    state: alert.state,
    threshold: alert.threshold,
    value: alert.value,
    peakValue: alert.peakValue,
    breachStartedAt: isoTime(alert.breachStartedAtMs),
    firedAt: alert.firedAtMs === null ? null : isoTime(alert.firedAtMs),
    resolvedAt: alert.resolvedAtMs === null ? null : isoTime(alert.resolvedAtMs),
    message: alert.message,
  };
}

function timeOf(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new DomainError('UNPROCESSABLE', `${field} must be a date-time, got "${text}".`, { field });
  return ms;
}

/** Replication monitoring: every channel's lag, throughput, errors, conflicts, series, dashboard and alert rules. */
export class ReplicationMonitoringService {
  constructor(private readonly deps: ReplicationMonitoringServiceDeps) {}

  channels(context: OperationContext, query: ChannelListQuery): Page<MonitoredChannelView> {
    return this.deps.runner.read(context, 'listMonitoredChannels', () => this.page(query, (channel) => ({ ...channel })));
  }

  lag(context: OperationContext, query: ChannelListQuery): Page<ChannelLagView> {
    return this.deps.runner.read(context, 'listChannelLag', () => {
      const all = this.deps.monitoring.channels().map(lagViewOf).sort(byLag);
      return pageOf(all, { filters: { kind: query.kind, state: query.state }, limit: query.limit, offset: query.offset });
    });
  }

  throughput(context: OperationContext, query: ChannelListQuery): Page<ChannelThroughputView> {
    return this.deps.runner.read(context, 'listChannelThroughput', () =>
      this.page(query, (channel) => ({
        channelId: channel.channelId,
        kind: channel.kind,
        state: channel.state,
        bytesShipped: channel.bytesShipped,
        operationsShipped: channel.operationsShipped,
        bytesPerSecond: channel.rates.bytesPerSecond,
        operationsPerSecond: channel.rates.operationsPerSecond,
        measuredOverMs: channel.rates.measuredOverMs,
      })),
    );
  }

  errors(context: OperationContext, query: ChannelListQuery): Page<ChannelErrorsView> {
    return this.deps.runner.read(context, 'listChannelErrors', () =>
      this.page(query, (channel) => ({
        channelId: channel.channelId,
        kind: channel.kind,
        state: channel.state,
        stateDetail: channel.stateDetail,
        errors: channel.errors,
        errorsPerSecond: channel.rates.errorsPerSecond,
        measuredOverMs: channel.rates.measuredOverMs,
      })),
    );
  }

  conflicts(context: OperationContext, query: ChannelListQuery): Page<ChannelConflictsView> {
    return this.deps.runner.read(context, 'listChannelConflicts', () =>
      this.page(query, (channel) => ({
        channelId: channel.channelId,
        kind: channel.kind,
        state: channel.state,
        conflicts: channel.conflicts,
        conflictsPerSecond: channel.rates.conflictsPerSecond,
        measuredOverMs: channel.rates.measuredOverMs,
      })),
    );
  }

  /** @throws NOT_FOUND for an unknown channel; UNPROCESSABLE for a window ending before it starts or a bad maxPoints. */
  timeseries(context: OperationContext, request: TimeSeriesRequest): ChannelTimeSeriesView {
    return this.deps.runner.read(context, 'getChannelTimeSeries', () => {
      const { monitoring } = this.deps;
      const fromMs = timeOf(request.since, 'since');
      const toMs = timeOf(request.until, 'until');
      if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) {
        throw new DomainError('UNPROCESSABLE', 'The window ends before it starts.', { field: 'until' });
      }
      const series = monitoring.timeseries({ channelId: request.channelId, metric: request.metric, fromMs, toMs, maxPoints: request.maxPoints });
      return {
        channelId: series.channelId,
        metric: series.metric,
        sampleIntervalMs: monitoring.sampleIntervalMs,
        pointsInWindow: series.pointsInWindow,
        points: series.points.map((point) => ({ at: isoTime(point.atMs), value: point.value })),
      };
    });
  }

  dashboard(context: OperationContext): MonitoringDashboardView {
    return this.deps.runner.read(context, 'getMonitoringDashboard', () => {
      const { monitoring } = this.deps;
      const channels = monitoring.channels();
      const byState = Object.fromEntries(CHANNEL_STATES.map((state) => [state, 0])) as Record<ChannelState, number>;
      for (const channel of channels) byState[channel.state] += 1;
      const kinds = monitoring.kinds().map((kind): ChannelKindSummaryView => {
        const ofKind = channels.filter((channel) => channel.kind === kind);
        const largest = (values: (number | null)[]) => values.reduce<number | null>((max, value) => (value === null ? max : max === null ? value : Math.max(max, value)), null);
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        const streaming = ofKind.filter((channel) => channel.state === 'STREAMING').length;
        return {
          kind,
          channels: ofKind.length,
          streaming,
          notStreaming: ofKind.length - streaming,
          maxLagBytes: largest(ofKind.map((channel) => channel.lagBytes)),
          maxLagMs: largest(ofKind.map((channel) => channel.lagMs)),
          bytesPerSecond: sum(ofKind.map((channel) => channel.rates.bytesPerSecond)),
          operationsPerSecond: sum(ofKind.map((channel) => channel.rates.operationsPerSecond)),
          errorsPerSecond: sum(ofKind.map((channel) => channel.rates.errorsPerSecond)),
          conflictsPerSecond: sum(ofKind.map((channel) => channel.rates.conflictsPerSecond)),
          errors: sum(ofKind.map((channel) => channel.errors)),
          conflicts: sum(ofKind.map((channel) => channel.conflicts)),
        };
      });
      const rules = monitoring.rules();
      const alerts = monitoring.alerts();
      const firing = alerts
        .filter((alert) => alert.state === 'FIRING')
        .sort((a, b) => ALERT_SEVERITIES.indexOf(b.severity) - ALERT_SEVERITIES.indexOf(a.severity) || (a.firedAtMs ?? 0) - (b.firedAtMs ?? 0));
      const sampledAtMs = monitoring.sampledAtMs;
      return {
        sampledAt: sampledAtMs === null ? null : isoTime(sampledAtMs),
        sampleIntervalMs: monitoring.sampleIntervalMs,
        rateWindowMs: monitoring.config.rateWindowMs,
        channels: channels.length,
        byState,
        kinds,
        worstLag: channels.map(lagViewOf).sort(byLag).slice(0, WORST_LAG_SHOWN),
        alertRules: rules.map((rule) => ruleViewOf(rule, alerts)),
        firingAlerts: firing.map((alert) => alertViewOf(alert, rules)),
      };
    });
  }

  rules(context: OperationContext, query: { metric?: ChannelMetric; limit?: number; offset?: number }): Page<ChannelAlertRuleView> {
    return this.deps.runner.read(context, 'listChannelAlertRules', () => {
      const { monitoring } = this.deps;
      const alerts = monitoring.alerts();
      return pageOf(
        monitoring.rules().map((rule) => ruleViewOf(rule, alerts)),
        { filters: { metric: query.metric }, limit: query.limit, offset: query.offset },
      );
    });
  }

  /** @throws UNPROCESSABLE for an invalid rule or one too many. */
  createRule(context: OperationContext, request: CreateChannelAlertRuleRequest): Promise<ChannelAlertRuleView> {
    return this.deps.runner.run(
      context,
      'createChannelAlertRule',
      creationOf('replication.channelAlertRule', (rule: ChannelAlertRuleView) => rule.ruleId),
      () => {
        const { monitoring } = this.deps;
        const rule = monitoring.createRule(
          {
            name: request.name ?? `${request.metric} > ${request.threshold}`,
            metric: request.metric,
            threshold: request.threshold,
            forMs: request.forMs ?? 0,
            severity: request.severity ?? 'WARNING',
            channelId: request.channelId ?? null,
            kind: request.kind ?? null,
          },
          context.caller.keyId,
        );
        return ruleViewOf(rule, monitoring.alerts());
      },
    );
  }

  /** @throws NOT_FOUND, UNPROCESSABLE. */
  updateRule(context: OperationContext, ruleId: string, request: UpdateChannelAlertRuleRequest): Promise<ChannelAlertRuleView> {
    return this.deps.runner.run(context, 'updateChannelAlertRule', `replication.channelAlertRule/${ruleId}`, () => {
      const { monitoring } = this.deps;
      if (Object.values(request).every((value) => value === undefined)) {
        throw new DomainError('UNPROCESSABLE', 'Name at least one field to change.', { ruleId });
      }
      const rule = monitoring.updateRule(ruleId, request);
      return ruleViewOf(rule, monitoring.alerts());
    });
  }

  /** @throws NOT_FOUND. */
  deleteRule(context: OperationContext, ruleId: string): Promise<ChannelAlertRuleView> {
    return this.deps.runner.run(context, 'deleteChannelAlertRule', `replication.channelAlertRule/${ruleId}`, () => {
      const { monitoring } = this.deps;
      const alerts = monitoring.alerts();
      return ruleViewOf(monitoring.deleteRule(ruleId), alerts);
    });
  }

  private page<View extends { kind: ChannelKind; state: ChannelState }>(query: ChannelListQuery, view: (channel: ChannelStatus) => View): Page<View> {
    // Every view has kind and state; TypeScript cannot see that through the generic.
    const filters = { kind: query.kind, state: query.state } as Partial<Record<keyof View & string, unknown>>;
    return pageOf(this.deps.monitoring.channels().map(view), { filters, limit: query.limit, offset: query.offset });
  }
}
