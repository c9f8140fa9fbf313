import { DomainError } from '../../engines/runtime/domain-error.js';
import type { AlertSeverity, AlertState } from '../../engines/alerts/alert.js';
import type { AlertRule, LagAlert, LagMetric } from '../../engines/replication/lag-alerts.js';
import { formatLsn } from '../../engines/replication/lsn.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import type { ReplicaState } from '../../engines/replication/replica-state.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { ReplicationServiceDeps } from './replication-service.js';

/** A WAL sender's stream to one standby (the contract's ReplicationChannel). */
export interface ReplicationChannelView {
  channelId: string;
  replicaId: string;
  slotName: string;
  state: ReplicaState;
  sentLsn: string;
  bytesSent: number;
  batchesSent: number;
  resentBatches: number;
  statusReports: number;
  throughputBytesPerSecond: number;
  startedAt: string;
  lastSentAt: string | null;
  lastStatusAt: string | null;
}

/** One standby's lag at one sample (the contract's ReplicationLagSample). */
export interface ReplicationLagSampleView {
  replicaId: string;
  at: string;
  primaryLsn: string;
  replayLsn: string;
  lagBytes: number;
  writeLagMs: number;
  flushLagMs: number;
  replayLagMs: number;
}

/** An alert rule and the replicas pending or firing on it (the contract's ReplicationAlertRule). */
export interface ReplicationAlertRuleView {
  ruleId: string;
  name: string;
  metric: LagMetric;
  threshold: number;
  forMs: number;
  severity: AlertSeverity;
  replicaId: string | null;
  pendingReplicaIds: string[];
  firingReplicaIds: string[];
  createdAt: string;
  createdBy: string;
}

/** An alert of a rule for one standby (the contract's ReplicationAlert). */
export interface ReplicationAlertView {
  alertId: string;
  ruleId: string;
  ruleName: string;
  metric: LagMetric;
  severity: AlertSeverity;
  replicaId: string;
  state: AlertState;
  threshold: number;
  value: number;
  peakValue: number;
  breachStartedAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  message: string;
}

export interface LagSampleQuery {
  replicaId?: string;
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

export interface AlertQuery {
  state?: AlertState;
  severity?: AlertSeverity;
  replicaId?: string;
  ruleId?: string;
  limit?: number;
  offset?: number;
}

export interface CreateAlertRuleRequest {
  name?: string;
  metric: LagMetric;
  threshold: number;
  forMs?: number;
  severity?: AlertSeverity;
  replicaId?: string;
}

/** The lag series answers up to 10000 samples a page (a chart's worth), more than other lists. */
const DEFAULT_SAMPLE_PAGE = 1000;
const MAX_SAMPLE_PAGE = 10_000;

/**
 * The API view of an alert rule, with the replicas its open alerts are PENDING or FIRING on.
 * Exported for the replication dashboard (`alerts` from `engine.monitor.alerts()`).
 */
export function alertRuleViewOf(rule: AlertRule, alerts: readonly LagAlert[]): ReplicationAlertRuleView {
  const open = alerts.filter((alert) => alert.ruleId === rule.ruleId);
  const replicasIn = (state: AlertState) => open.filter((alert) => alert.state === state).map((alert) => alert.replicaId).sort(naturalCompare);
  return {
    ruleId: rule.ruleId,
    name: rule.name,
    metric: rule.metric,
    threshold: rule.threshold,
    forMs: rule.forMs,
    severity: rule.severity,
    replicaId: rule.replicaId,
    pendingReplicaIds: replicasIn('PENDING'),
    firingReplicaIds: replicasIn('FIRING'),
    createdAt: isoTime(rule.createdAtMs),
    createdBy: rule.createdBy,
  };
}

/**
 * The API view of an alert, named and worded by its rule. Exported for the replication
 * dashboard (its firing alerts; `rules` from `engine.monitor.rules()`).
 */
export function alertViewOf(alert: LagAlert, rules: readonly AlertRule[]): ReplicationAlertView {
  const rule = rules.find((candidate) => candidate.ruleId === alert.ruleId);
  return {
    alertId: alert.alertId,
    ruleId: alert.ruleId,
    ruleName: rule?.name ?? alert.ruleId,
    metric: alert.metric,
    severity: alert.severity,
    replicaId: alert.replicaId,
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

/** Replication monitoring: channels, the lag series, alert rules and alerts. */
export class ReplicationMonitorService {
  constructor(private readonly deps: ReplicationServiceDeps) {}

  channels(context: OperationContext, query: { state?: ReplicaState; limit?: number; offset?: number }): Page<ReplicationChannelView> {
    return this.deps.runner.read(context, 'listReplicationChannels', () => {
      const { cluster, monitor } = this.deps.engine;
      const throughput = monitor.rates().channelBytesPerSecond;
      const channels = cluster.listChannels().map(
        (channel): ReplicationChannelView => ({
          channelId: `walsender-${channel.replicaId}`,
          replicaId: channel.replicaId,
          slotName: channel.slotName,
          state: channel.state,
          sentLsn: formatLsn(channel.sentLsn),
          bytesSent: channel.bytesSent,
          batchesSent: channel.batchesSent,
          resentBatches: channel.resentBatches,
          statusReports: channel.statusReports,
          throughputBytesPerSecond: throughput.get(channel.replicaId) ?? 0,
          startedAt: isoTime(channel.startedAtMs),
          lastSentAt: channel.lastSentAtMs === null ? null : isoTime(channel.lastSentAtMs),
          lastStatusAt: channel.lastStatusAtMs === null ? null : isoTime(channel.lastStatusAtMs),
        }),
      );
      return pageOf(channels, { filters: { state: query.state }, limit: query.limit, offset: query.offset });
    });
  }

  /**
   * The lag series, oldest first, then by replica id; `since` inclusive, `until` exclusive.
   * @throws NOT_FOUND when replicaId names no replica; UNPROCESSABLE when until is not after since, or a bad page.
   */
  lagSamples(context: OperationContext, query: LagSampleQuery): Page<ReplicationLagSampleView> {
    return this.deps.runner.read(context, 'listReplicationLagSamples', () => {
      const { cluster, monitor } = this.deps.engine;
      const sinceMs = query.since === undefined ? undefined : Date.parse(query.since);
      const untilMs = query.until === undefined ? undefined : Date.parse(query.until);
      if (sinceMs !== undefined && untilMs !== undefined && untilMs <= sinceMs) {
        throw new DomainError('UNPROCESSABLE', `until (${query.until}) must be after since (${query.since}).`, { field: 'until' });
      }
      if (query.replicaId !== undefined && !cluster.listReplicas().some((replica) => replica.replicaId === query.replicaId)) {
        throw new DomainError('NOT_FOUND', `No replica has id "${query.replicaId}".`, { resource: 'replication.replica', id: query.replicaId });
      }
      const replicaIds = query.replicaId === undefined ? monitor.sampledReplicaIds() : [query.replicaId];
      const samples = replicaIds
        .flatMap((replicaId) =>
          monitor
            .samples(replicaId, sinceMs === undefined ? {} : { fromMs: sinceMs })
            .filter((sample) => untilMs === undefined || sample.atMs < untilMs)
            .map((sample) => ({ replicaId, sample })),
        )
        .sort((a, b) => a.sample.atMs - b.sample.atMs || naturalCompare(a.replicaId, b.replicaId))
        .map(
          ({ replicaId, sample }): ReplicationLagSampleView => ({
            replicaId,
            at: isoTime(sample.atMs),
            primaryLsn: formatLsn(sample.primaryLsn),
            replayLsn: formatLsn(sample.replayLsn),
            lagBytes: sample.lagBytes,
            writeLagMs: sample.writeLagMs,
            flushLagMs: sample.flushLagMs,
            replayLagMs: sample.replayLagMs,
          }),
        );
      return samplePage(samples, query.limit ?? DEFAULT_SAMPLE_PAGE, query.offset ?? 0);
    });
  }

  /** Alerts, newest first. */
  alerts(context: OperationContext, query: AlertQuery): Page<ReplicationAlertView> {
    return this.deps.runner.read(context, 'listReplicationAlerts', () => {
      const { monitor } = this.deps.engine;
      const rules = monitor.rules();
      return pageOf(
        monitor.alerts().map((alert) => alertViewOf(alert, rules)),
        {
          filters: { state: query.state, severity: query.severity, replicaId: query.replicaId, ruleId: query.ruleId },
          limit: query.limit,
          offset: query.offset,
        },
      );
    });
  }

  /** Every rule with its pending and firing replicas (for the dashboard). */
  rules(): ReplicationAlertRuleView[] {
    const { monitor } = this.deps.engine;
    const alerts = monitor.alerts();
    return monitor.rules().map((rule) => alertRuleViewOf(rule, alerts));
  }

  /**
   * Adds a rule, evaluated from the next lag sample on.
   * @throws NOT_FOUND (replicaId names no replica), CONFLICT (the same rule exists), UNPROCESSABLE.
   */
  createRule(context: OperationContext, request: CreateAlertRuleRequest): Promise<ReplicationAlertRuleView> {
    return this.deps.runner.run(context, 'createReplicationAlertRule', `replication.alertRule/${request.metric}`, () => {
      const { monitor } = this.deps.engine;
      const input = {
        name: request.name ?? `${request.metric} > ${request.threshold}`,
        metric: request.metric,
        threshold: request.threshold,
        forMs: request.forMs ?? 0,
        severity: request.severity ?? ('WARNING' as const),
        replicaId: request.replicaId ?? null,
      };
      const same = monitor
        .rules()
        .find((rule) => rule.metric === input.metric && rule.threshold === input.threshold && rule.forMs === input.forMs && rule.replicaId === input.replicaId);
      if (same !== undefined) {
        const on = same.replicaId === null ? 'every replica' : same.replicaId;
        throw new DomainError('CONFLICT', `${same.ruleId} already watches ${same.metric} > ${same.threshold} for ${same.forMs} ms on ${on}.`, { ruleId: same.ruleId });
      }
      const rule = monitor.addRule(input, context.caller.keyId);
      return alertRuleViewOf(rule, monitor.alerts());
    });
  }
}

function samplePage<Item>(items: readonly Item[], limit: number, offset: number): Page<Item> {
  // REST rejects these from the contract already; GraphQL meets them here.
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SAMPLE_PAGE || !Number.isInteger(offset) || offset < 0) {
    throw new DomainError('UNPROCESSABLE', `limit must be 1 to ${MAX_SAMPLE_PAGE} and offset 0 or more.`, { limit, offset });
  }
  const page = items.slice(offset, offset + limit);
  return { items: page, total: items.length, limit, offset, hasMore: offset + page.length < items.length };
}
