/**
 * Replication monitoring across every channel (see README.md): the registry of channel sources,
 * sampled at each of the replication monitor's samples on the cluster clock, the series and rates
 * it keeps, and the channel rules, kept in the replication monitor's one rule book and evaluated
 * with its lag rules into the alert engine's `replication` source.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { ChannelAlert, ChannelAlertRule, ChannelAlertRuleInput, ChannelAlertRulePatch, ChannelValues } from '../replication/lag-alerts.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { ReplicationMonitor } from '../replication/replication-monitor.js';
import { CHANNEL_METRICS, type ChannelMetric, type ChannelReading, type ChannelSource, type SeriesPoint } from './channel.js';
import { ChannelRateMeter, type ChannelRates } from './channel-rates.js';
import { ChannelRegistry } from './channel-registry.js';
import { ChannelSeries } from './channel-series.js';
import { largestTriangleThreeBuckets } from './downsample.js';
import { PhysicalChannelSource } from './physical-channels.js';

export interface MonitoringConfig {
  /** Points kept per channel and metric (at the default 1 s sample, 3600 is an hour). */
  seriesCapacity: number;
  /** The window throughput, error and conflict rates are measured over, in ms of cluster time. */
  rateWindowMs: number;
  /** Points a time series query answers at most (it downsamples to this). */
  maxPointsPerQuery: number;
}

export const DEFAULT_MONITORING_CONFIG: Readonly<MonitoringConfig> = Object.freeze({ seriesCapacity: 3600, rateWindowMs: 10_000, maxPointsPerQuery: 1000 });

export interface ReplicationMonitoringDeps {
  cluster: ReplicationCluster;
  /** The replication monitor: its sampling clock drives monitoring's, its rule book keeps the rules. */
  monitor: ReplicationMonitor;
  config?: Partial<MonitoringConfig>;
}

/** A channel now: the source's reading and the rates measured over the window. */
export interface ChannelStatus extends ChannelReading {
  readonly rates: ChannelRates;
}

export interface TimeSeriesQuery {
  channelId: string;
  metric: ChannelMetric;
  fromMs?: number;
  toMs?: number;
  /** Points answered at most (LTTB downsampling); the config's maximum by default. */
  maxPoints?: number;
}

export interface TimeSeries {
  channelId: string;
  metric: ChannelMetric;
  /** Points in the window before downsampling. */
  pointsInWindow: number;
  points: SeriesPoint[];
}

/** The value of each metric of a channel, given its reading and rates (null where unknown). */
export function metricValues(reading: ChannelReading, rates: ChannelRates): Record<ChannelMetric, number | null> {
  return {
    LAG_BYTES: reading.lagBytes,
    LAG_MS: reading.lagMs,
    LAG_OPERATIONS: reading.lagOperations,
    BYTES_PER_SECOND: rates.bytesPerSecond,
    OPERATIONS_PER_SECOND: rates.operationsPerSecond,
    ERRORS_PER_SECOND: rates.errorsPerSecond,
    CONFLICTS_PER_SECOND: rates.conflictsPerSecond,
  };
}

function validConfig(partial: Partial<MonitoringConfig> = {}): MonitoringConfig {
  const config = { ...DEFAULT_MONITORING_CONFIG, ...partial };
  const problems: string[] = [];
  if (!Number.isSafeInteger(config.seriesCapacity) || config.seriesCapacity < 2 || config.seriesCapacity > 100_000) problems.push('seriesCapacity must be an integer from 2 to 100000');
  if (!Number.isSafeInteger(config.rateWindowMs) || config.rateWindowMs < 100 || config.rateWindowMs > 3_600_000) problems.push('rateWindowMs must be an integer from 100 to 3600000');
  if (!Number.isSafeInteger(config.maxPointsPerQuery) || config.maxPointsPerQuery < 2 || config.maxPointsPerQuery > 10_000) problems.push('maxPointsPerQuery must be an integer from 2 to 10000');
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `The monitoring config is invalid: ${problems.join('; ')}.`, { problems });
  return config;
}

export class ReplicationMonitoring {
  readonly config: MonitoringConfig;
  private readonly registry = new ChannelRegistry();
  private readonly series: ChannelSeries;
  private readonly meter: ChannelRateMeter;
  private lastSampleAtMs: number | null = null;

  constructor(private readonly deps: ReplicationMonitoringDeps) {
    this.config = validConfig(deps.config);
    this.series = new ChannelSeries(this.config.seriesCapacity);
    this.meter = new ChannelRateMeter(this.config.rateWindowMs);
    this.registry.register(new PhysicalChannelSource(deps.cluster, deps.monitor));
    deps.monitor.attachChannels({ sample: (nowMs) => this.sample(nowMs) });
  }

  /** Adds an engine's channels (geo, multi-master and logical register theirs at assembly). */
  register(source: ChannelSource): void {
    this.registry.register(source);
  }

  /** The kinds with a registered source. */
  kinds() {
    return this.registry.kinds();
  }

  /** When the channels were last sampled (cluster ms), or null before the first sample. */
  get sampledAtMs(): number | null {
    return this.lastSampleAtMs;
  }

  /** The sample interval, the replication monitor's (one clock for every series). */
  get sampleIntervalMs(): number {
    return this.deps.monitor.lagSampleIntervalMs;
  }

  /**
   * Samples every channel at `nowMs` (the replication monitor calls this at each of its samples):
   * records the series and rates, and returns each channel's values for the rules.
   */
  sample(nowMs: number): ChannelValues[] {
    const readings = this.registry.read();
    this.meter.record(readings, nowMs);
    this.lastSampleAtMs = nowMs;
    const present = new Set<string>();
    const values: ChannelValues[] = [];
    for (const reading of readings) {
      present.add(reading.channelId);
      const metrics = metricValues(reading, this.meter.rates(reading.channelId));
      for (const metric of CHANNEL_METRICS) {
        const value = metrics[metric];
        if (value === null || this.registry.keepsHistory(reading.channelId, metric)) continue;
        this.series.record(reading.channelId, metric, { atMs: nowMs, value });
      }
      values.push({ channelId: reading.channelId, kind: reading.kind, values: metrics });
    }
    for (const channelId of this.series.channelIds()) {
      if (!present.has(channelId)) this.series.forget(channelId);
    }
    return values;
  }

  /** Every channel now, by kind then id. */
  channels(): ChannelStatus[] {
    return this.registry.read().map((reading) => ({ ...reading, rates: this.meter.rates(reading.channelId) }));
  }

  /** @throws NOT_FOUND when no source reports the channel now. */
  channel(channelId: string): ChannelStatus {
    const found = this.channels().find((channel) => channel.channelId === channelId);
    if (found === undefined) throw new DomainError('NOT_FOUND', `No replication channel has id "${channelId}".`, { resource: 'replication.channel', id: channelId });
    return found;
  }

  /**
   * A channel's series of a metric in the window, downsampled to at most `maxPoints`.
   * @throws NOT_FOUND for an unknown channel; UNPROCESSABLE for a window that ends before it starts or a bad maxPoints.
   */
  timeseries(query: TimeSeriesQuery): TimeSeries {
    const maxPoints = query.maxPoints ?? this.config.maxPointsPerQuery;
    if (!Number.isSafeInteger(maxPoints) || maxPoints < 2 || maxPoints > this.config.maxPointsPerQuery) {
      throw new DomainError('UNPROCESSABLE', `maxPoints must be an integer from 2 to ${this.config.maxPointsPerQuery}, got ${maxPoints}.`, { maxPoints });
    }
    if (query.fromMs !== undefined && query.toMs !== undefined && query.toMs < query.fromMs) {
      throw new DomainError('UNPROCESSABLE', 'The window ends before it starts.', { fromMs: query.fromMs, toMs: query.toMs });
    }
    this.channel(query.channelId);
    const window = { fromMs: query.fromMs, toMs: query.toMs };
    const points = this.registry.history(query.channelId, query.metric, window) ?? this.series.points(query.channelId, query.metric, window);
    return { channelId: query.channelId, metric: query.metric, pointsInWindow: points.length, points: largestTriangleThreeBuckets(points, maxPoints) };
  }

  /** Points kept for a channel's metric by monitoring itself (for the bound's tests). */
  keptPoints(channelId: string, metric: ChannelMetric): number {
    return this.series.size(channelId, metric);
  }

  rules(): ChannelAlertRule[] {
    return this.deps.monitor.channelRules();
  }

  /** @throws NOT_FOUND for an unknown rule. */
  rule(ruleId: string): ChannelAlertRule {
    const rule = this.rules().find((candidate) => candidate.ruleId === ruleId);
    if (rule === undefined) throw new DomainError('NOT_FOUND', `No channel alert rule has id "${ruleId}".`, { resource: 'replication.channelAlertRule', id: ruleId });
    return rule;
  }

  /** @throws UNPROCESSABLE for an invalid rule or one too many. */
  createRule(input: ChannelAlertRuleInput, createdBy: string): ChannelAlertRule {
    return this.deps.monitor.addChannelRule(input, createdBy);
  }

  /** @throws NOT_FOUND, UNPROCESSABLE. */
  updateRule(ruleId: string, patch: ChannelAlertRulePatch): ChannelAlertRule {
    this.rule(ruleId);
    return this.deps.monitor.updateChannelRule(ruleId, patch);
  }

  /** Deletes a rule; its open alerts resolve at the next sample. @throws NOT_FOUND. */
  deleteRule(ruleId: string): ChannelAlertRule {
    this.rule(ruleId);
    return this.deps.monitor.removeChannelRule(ruleId);
  }

  /** The channel rules' alerts (open, and resolved as the alert engine keeps them), newest first. */
  alerts(): ChannelAlert[] {
    return this.deps.monitor.channelAlerts();
  }
}
