/**
 * Watches replication on the cluster clock: every `lagSampleIntervalMs` it samples each standby's
 * lag into a bounded series, measures WAL, commit and per-channel throughput over the interval,
 * and evaluates the alert rules: the conditions they find go to the alert engine, which keeps the
 * alerts, and `replication_lag_alert` is published when one of them fires or resolves. Rules are
 * kept in the store; the series is memory only (it refills).
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { AlertCondition, AlertTransition } from '../alerts/alert.js';
import type { AlertSource } from '../alerts/alert-engine.js';
import type { TimerId, VirtualClock } from '../runtime/index.js';
import { DomainError } from '../runtime/domain-error.js';
import {
  isChannelAlert,
  LagAlertRules,
  type AlertRule,
  type AlertRuleInput,
  type ChannelAlert,
  type ChannelAlertRule,
  type ChannelAlertRuleInput,
  type ChannelAlertRulePatch,
  type ChannelValues,
  type LagAlert,
  type LagAlertRulesState,
} from './lag-alerts.js';
import { LagHistory, type LagSample } from './lag-history.js';
import type { Lsn } from './lsn.js';
import type { ReplicationCluster } from './replication-cluster.js';

export const REPLICATION_MONITOR_RECORD = 'replication.monitor';

/** Samples kept per standby: an hour at the default interval. */
export const LAG_HISTORY_CAPACITY = 3600;
export const DEFAULT_LAG_SAMPLE_INTERVAL_MS = 1000;

/** The rules a new cluster starts with, so alerts move under the default workload. */
export const DEFAULT_ALERT_RULES: readonly AlertRuleInput[] = Object.freeze([
  { name: 'standby more than 64 KiB behind', metric: 'LAG_BYTES', threshold: 64 * 1024, forMs: 5000, severity: 'WARNING', replicaId: null },
  { name: 'replay lag over 10 s', metric: 'REPLAY_LAG_MS', threshold: 10_000, forMs: 5000, severity: 'CRITICAL', replicaId: null },
]);

/** A lag sample of one standby with the positions it was computed from. */
export interface StandbyLagSample extends LagSample {
  readonly primaryLsn: Lsn;
  readonly replayLsn: Lsn;
}

/** Publishes monitoring events (the platform's EventBus satisfies it). */
export interface AlertPublisher {
  publish(type: 'replication_lag_alert', source: string, payload: ReturnType<typeof alertPayload>): unknown;
}

export interface ReplicationMonitorDeps {
  clock: VirtualClock;
  cluster: ReplicationCluster;
  journal: Journal;
  /** Where the rules' alerts live (the alert engine's `replication` source). */
  alerts: AlertSource;
  bus?: AlertPublisher;
}

interface MonitorRecord {
  rules?: LagAlertRulesState;
  /** Before the alert engine, the rules were stored with their alerts; those alerts are not carried over. */
  alerts?: LagAlertRulesState;
  lagSampleIntervalMs: number;
}

/**
 * Replication monitoring, sampled at each of this monitor's samples: it measures every channel
 * and hands back the values its channel rules are evaluated on (src/engines/replication-monitoring).
 */
export interface ChannelSampler {
  sample(nowMs: number): ChannelValues[];
}

/** Rates over the last sample interval. */
export interface ReplicationRates {
  walBytesPerSecond: number;
  commitsPerSecond: number;
  /** WAL bytes sent per second, by standby. */
  channelBytesPerSecond: ReadonlyMap<string, number>;
}

export class ReplicationMonitor {
  private readonly history = new LagHistory<StandbyLagSample>(LAG_HISTORY_CAPACITY);
  private readonly ruleBook: LagAlertRules;
  private intervalMs: number;
  private timer: TimerId | null = null;
  private channelSampler: ChannelSampler | null = null;
  private previous: { atMs: number; lsn: Lsn; commits: number; bytesSent: Map<string, number> } | null = null;
  private currentRates: ReplicationRates = { walBytesPerSecond: 0, commitsPerSecond: 0, channelBytesPerSecond: new Map() };

  constructor(
    private readonly deps: ReplicationMonitorDeps,
    record?: MonitorRecord,
  ) {
    const stored = record?.rules ?? record?.alerts;
    this.ruleBook = new LagAlertRules(stored === undefined ? undefined : { rules: stored.rules, nextRuleNumber: stored.nextRuleNumber, channelRules: stored.channelRules });
    this.intervalMs = record?.lagSampleIntervalMs ?? DEFAULT_LAG_SAMPLE_INTERVAL_MS;
    if (record === undefined) {
      for (const rule of DEFAULT_ALERT_RULES) this.ruleBook.addRule(rule, deps.clock.now(), 'system');
      this.persist();
    }
    this.start();
  }

  static async load(store: Store, deps: ReplicationMonitorDeps): Promise<ReplicationMonitor> {
    return new ReplicationMonitor(deps, await store.get<MonitorRecord>(REPLICATION_MONITOR_RECORD, 'current'));
  }

  get lagSampleIntervalMs(): number {
    return this.intervalMs;
  }

  /** @throws UNPROCESSABLE unless 100 ms ≤ interval ≤ 1 h. */
  setLagSampleInterval(intervalMs: number): void {
    if (!Number.isSafeInteger(intervalMs) || intervalMs < 100 || intervalMs > 3_600_000) {
      throw new DomainError('UNPROCESSABLE', `lagSampleIntervalMs must be an integer from 100 to 3600000, got ${intervalMs}.`, { lagSampleIntervalMs: intervalMs });
    }
    if (intervalMs === this.intervalMs) return;
    this.intervalMs = intervalMs;
    this.stop();
    this.start();
    this.persist();
  }

  /** @throws NOT_FOUND when `replicaId` names no replica; UNPROCESSABLE for an invalid rule, or one too many. */
  addRule(input: AlertRuleInput, createdBy: string): AlertRule {
    if (input.replicaId !== null) this.deps.cluster.getReplica(input.replicaId);
    const rule = this.ruleBook.addRule(input, this.deps.clock.now(), createdBy);
    this.persist();
    return rule;
  }

  rules(): AlertRule[] {
    return this.ruleBook.rules();
  }

  /** The lag rules' alerts (pending, firing and the resolved ones the alert engine keeps), newest first. */
  alerts(): LagAlert[] {
    return this.deps.alerts
      .alerts()
      .filter((alert) => !isChannelAlert(alert))
      .map((alert) => this.ruleBook.lagAlertOf(alert));
  }

  /** Samples the channels at each lag sample, and evaluates the channel rules on them (replication monitoring, once). */
  attachChannels(sampler: ChannelSampler): void {
    this.channelSampler = sampler;
  }

  /** @throws UNPROCESSABLE for an invalid rule, or one too many. */
  addChannelRule(input: ChannelAlertRuleInput, createdBy: string): ChannelAlertRule {
    const rule = this.ruleBook.addChannelRule(input, this.deps.clock.now(), createdBy);
    this.persist();
    return rule;
  }

  /** @throws NOT_FOUND, UNPROCESSABLE. */
  updateChannelRule(ruleId: string, patch: ChannelAlertRulePatch): ChannelAlertRule {
    const rule = this.ruleBook.updateChannelRule(ruleId, patch, this.deps.clock.now());
    this.persist();
    return rule;
  }

  /** @throws NOT_FOUND. */
  removeChannelRule(ruleId: string): ChannelAlertRule {
    const rule = this.ruleBook.removeChannelRule(ruleId);
    this.persist();
    return rule;
  }

  channelRules(): ChannelAlertRule[] {
    return this.ruleBook.channelRules();
  }

  /** The channel rules' alerts, newest first. */
  channelAlerts(): ChannelAlert[] {
    return this.deps.alerts
      .alerts()
      .filter(isChannelAlert)
      .map((alert) => this.ruleBook.channelAlertOf(alert));
  }

  /** A standby's samples in the window, oldest first. */
  samples(replicaId: string, window: { fromMs?: number; toMs?: number } = {}): StandbyLagSample[] {
    return this.history.samples(replicaId, window);
  }

  /** Standbys with samples. */
  sampledReplicaIds(): string[] {
    return this.history.replicaIds();
  }

  rates(): ReplicationRates {
    return this.currentRates;
  }

  /** Takes one sample of every standby now (the timer does this every interval). */
  sample(): void {
    const { cluster, clock } = this.deps;
    const nowMs = clock.now();
    const primaryLsn = cluster.currentLsn();
    const replicas = cluster.listReplicas();
    const breaches: AlertCondition[] = [];
    for (const replica of replicas) {
      if (replica.state === 'REMOVED') continue;
      const sample: StandbyLagSample = {
        atMs: nowMs,
        lagBytes: replica.lagBytes,
        writeLagMs: replica.writeLagMs,
        flushLagMs: replica.flushLagMs,
        replayLagMs: replica.replayLagMs,
        primaryLsn,
        replayLsn: replica.replayLsn,
      };
      this.history.record(replica.replicaId, sample);
      breaches.push(...this.ruleBook.breaches(replica.replicaId, sample));
    }
    const present = new Set(replicas.filter((replica) => replica.state !== 'REMOVED').map((replica) => replica.replicaId));
    for (const replicaId of this.history.replicaIds()) {
      if (!present.has(replicaId)) this.history.forget(replicaId);
    }
    this.measureRates(nowMs, primaryLsn);
    if (this.channelSampler !== null) breaches.push(...this.ruleBook.channelBreaches(this.channelSampler.sample(nowMs)));
    // A standby that is gone reports nothing: its firing alerts resolve, its pending ones are forgotten.
    for (const transition of this.deps.alerts.evaluate(breaches, nowMs)) {
      // Channel rules' alerts are told by the alert engine's events only; the lag alert event is the lag rules'.
      if (transition.to !== 'PENDING' && !isChannelAlert(transition.alert)) this.deps.bus?.publish('replication_lag_alert', 'replication.monitor', alertPayload(transition, this.ruleBook.lagAlertOf(transition.alert)));
    }
  }

  close(): void {
    this.stop();
  }

  private start(): void {
    this.timer = this.deps.clock.every(this.intervalMs, () => this.sample());
  }

  private stop(): void {
    if (this.timer !== null) this.deps.clock.cancel(this.timer);
    this.timer = null;
  }


  private measureRates(nowMs: number, lsn: Lsn): void {
    const counters = this.deps.cluster.commitCounters();
    const commits = counters.acknowledged + counters.timedOut + counters.waiting;
    const bytesSent = new Map(this.deps.cluster.listChannels().map((channel) => [channel.replicaId, channel.bytesSent]));
    const previous = this.previous;
    this.previous = { atMs: nowMs, lsn, commits, bytesSent };
    if (previous === null || nowMs <= previous.atMs) return;
    const seconds = (nowMs - previous.atMs) / 1000;
    const channelBytesPerSecond = new Map<string, number>();
    for (const [replicaId, sent] of bytesSent) {
      // A sender that restarted counts from zero again.
      const before = previous.bytesSent.get(replicaId) ?? 0;
      channelBytesPerSecond.set(replicaId, Math.max(0, sent >= before ? sent - before : sent) / seconds);
    }
    this.currentRates = {
      // A failover's new timeline can start below the old LSN; a negative rate means nothing.
      walBytesPerSecond: Math.max(0, lsn - previous.lsn) / seconds,
      commitsPerSecond: Math.max(0, commits - previous.commits) / seconds,
      channelBytesPerSecond,
    };
  }

  private persist(): void {
    const record: MonitorRecord = { rules: this.ruleBook.state(), lagSampleIntervalMs: this.intervalMs };
    this.deps.journal.put(REPLICATION_MONITOR_RECORD, 'current', record);
  }
}

/** The `replication_lag_alert` payload of a transition to FIRING or RESOLVED (times as ISO text, like every event payload). */
export function alertPayload(transition: AlertTransition, alert: LagAlert) {
  return {
    alertId: alert.alertId,
    ruleId: alert.ruleId,
    ruleName: transition.alert.name,
    state: transition.to === 'FIRING' ? ('FIRING' as const) : ('RESOLVED' as const),
    metric: alert.metric,
    severity: alert.severity,
    replicaId: alert.replicaId,
    threshold: alert.threshold,
    value: alert.value,
    forMs: transition.alert.forMs,
    breachStartedAt: new Date(alert.breachStartedAtMs).toISOString(),
    firedAt: new Date(alert.firedAtMs ?? alert.breachStartedAtMs).toISOString(),
    resolvedAt: alert.resolvedAtMs === null ? null : new Date(alert.resolvedAtMs).toISOString(),
    message: alert.message,
  };
}
