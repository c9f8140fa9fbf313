import { Counter, Gauge, Histogram, collectDefaultMetrics, type Registry } from 'prom-client';
import type { NetworkStats } from '../../engines/runtime/index.js';
import { assert } from '../../engines/runtime/domain-error.js';
import { IntervalFeed } from './interval-feed.js';
import { PerformanceWindow, type PerformanceSample } from './performance-window.js';
import type { ClusterService } from '../cluster/cluster-service.js';
import type { EventService } from './event-service.js';
import type { OperationContext } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';
import type { SimulationService } from '../simulation/simulation-service.js';

interface OperationTally {
  requests: number;
  errors: number;
  totalLatencyMs: number;
  maxLatencyMs: number;
}

/**
 * Registers a domain's metrics, read from its engines at scrape time. Names follow Prometheus:
 * rustydb_<domain>_<what>_<unit>, base units, `_total` on counters only.
 */
export type MetricsCollector = (registry: Registry) => void;

/** One series: its label values and its value now. */
export type Series<L extends string> = readonly [labels: Record<L, string>, value: number];

/** A metric whose value the engines already know, read when Prometheus scrapes. */
export interface ReadMetric<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
  /**
   * The value now, or one entry per series. A series left out disappears from the scrape (a
   * removed node), so the labels stay those of the cluster as it is.
   */
  read(): number | Iterable<Series<L>>;
}

/** A gauge read at scrape time: a level, or a count that can go down. */
export function readGauge<L extends string = never>(registry: Registry, metric: ReadMetric<L>): void {
  new Gauge<L>({
    ...configOf(registry, metric),
    collect() {
      this.reset();
      forEachSeries(metric.read(), (labels, value) => (labels === undefined ? this.set(value) : this.set(labels, value)));
    },
  });
}

/**
 * A counter the engine already counts, set to the engine's count at scrape time. When the engine
 * starts over (a restart, a RAC open), Prometheus sees a counter reset, as after a process restart.
 */
export function readCounter<L extends string = never>(registry: Registry, metric: ReadMetric<L>): void {
  new Counter<L>({
    ...configOf(registry, metric),
    collect() {
      this.reset();
      forEachSeries(metric.read(), (labels, value) => (labels === undefined ? this.inc(value) : this.inc(labels, value)));
    },
  });
}

function configOf<L extends string>(registry: Registry, metric: ReadMetric<L>) {
  return { name: metric.name, help: metric.help, labelNames: metric.labelNames ?? [], registers: [registry] };
}

function forEachSeries<L extends string>(read: number | Iterable<Series<L>>, write: (labels: Record<L, string> | undefined, value: number) => void): void {
  if (typeof read === 'number') write(undefined, read);
  else for (const [labels, value] of read) write(labels, value);
}

/** A state set (one series per state, 1 for the one in force), as OpenMetrics writes an enum. */
export function stateSeries<S extends string>(labelName: string, states: readonly S[], current: S | null, labels: Record<string, string> = {}): Series<string>[] {
  return states.map((state) => [{ ...labels, [labelName]: metricLabel(state) }, state === current ? 1 : 0]);
}

/** One series per value of a label, 0 for values nobody has, so every value is always there. */
export function countSeries<S extends string>(labelName: string, values: readonly S[], items: Iterable<S>): Series<string>[] {
  const counts = new Map<S, number>(values.map((value) => [value, 0]));
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([value, count]) => [{ [labelName]: metricLabel(value) }, count]);
}

/** One series per pair of two labels' values (every pair, 0 for pairs nobody has). */
export function countPairSeries<A extends string, B extends string>(
  labels: readonly [first: string, second: string],
  values: readonly [first: readonly A[], second: readonly B[]],
  items: Iterable<readonly [A, B]>,
): Series<string>[] {
  const counts = new Map<string, number>();
  for (const [first, second] of items) counts.set(`${first}/${second}`, (counts.get(`${first}/${second}`) ?? 0) + 1);
  return values[0].flatMap((first) => values[1].map((second): Series<string> => [{ [labels[0]]: metricLabel(first), [labels[1]]: metricLabel(second) }, counts.get(`${first}/${second}`) ?? 0]));
}

/** How the engines' names (HEALTHY, IN_PROGRESS) appear as label values: lower case, as Prometheus labels usually are. */
export function metricLabel(name: string): string {
  return name.toLowerCase();
}

/** Milliseconds as the base unit Prometheus asks for. */
export function secondsOf(ms: number): number {
  return ms / 1000;
}

/** The intervals (seconds of wall time) a metrics or performance stream may tick at. */
export const STREAM_INTERVAL_SECONDS = Object.freeze({ min: 1, max: 3600 });

export interface MetricsSources {
  /** Every domain's gauges have joined it (src/modules). */
  registry: Registry;
  cluster: ClusterService;
  simulation: SimulationService;
  events: EventService;
  networkStats: () => NetworkStats;
  processStartedMs: number;
  wallNow: () => number;
}

/**
 * Request figures per operation (recorded by every API surface) and every domain's gauges, as
 * JSON and in Prometheus format.
 */
export class MetricsService {
  private readonly tallies = new Map<string, OperationTally>();
  private readonly registry: Registry;
  private readonly requestsTotal: Counter<'operation' | 'status'>;
  private readonly requestDuration: Histogram<'operation'>;
  /** The open performance streams' intervals, each fed every answered request. */
  private readonly windows = new Set<PerformanceWindow>();

  constructor(private readonly sources: MetricsSources, private readonly runner: OperationRunner) {
    this.registry = sources.registry;
    // The process's own figures under rustydb_ (rustydb_process_cpu_seconds_total, rustydb_nodejs_…).
    collectDefaultMetrics({ register: this.registry, prefix: 'rustydb_' });
    this.requestsTotal = new Counter({ name: 'rustydb_http_requests_total', help: 'Requests answered, by operation and status.', labelNames: ['operation', 'status'], registers: [this.registry] });
    this.requestDuration = new Histogram({
      name: 'rustydb_http_request_duration_seconds',
      help: 'Time to answer a request, by operation.',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [this.registry],
    });
  }

  /** Called once per answered request; `operationId` is `unmatched` for unknown routes. */
  recordRequest(operationId: string, status: number, latencyMs: number): void {
    const tally = this.tallies.get(operationId) ?? { requests: 0, errors: 0, totalLatencyMs: 0, maxLatencyMs: 0 };
    tally.requests += 1;
    if (status >= 400) tally.errors += 1;
    tally.totalLatencyMs += latencyMs;
    tally.maxLatencyMs = Math.max(tally.maxLatencyMs, latencyMs);
    this.tallies.set(operationId, tally);
    this.requestsTotal.inc({ operation: operationId, status: String(status) });
    this.requestDuration.observe({ operation: operationId }, latencyMs / 1000);
    for (const window of this.windows) window.record(status, latencyMs);
  }

  /** The process's figures over each `intervalSeconds` of wall time, measured over that interval only. */
  performanceFeed(context: OperationContext, intervalSeconds: number): IntervalFeed<PerformanceSample> {
    assertStreamInterval(intervalSeconds);
    return this.runner.read(context, 'getMetrics', () => {
      const window = new PerformanceWindow(this.sources.wallNow);
      this.windows.add(window);
      return new IntervalFeed(intervalSeconds * 1000, () => window.take(), () => {
        this.windows.delete(window);
        window.close();
      });
    });
  }

  snapshot(context: OperationContext) {
    return this.runner.read(context, 'getMetrics', () => {
      const summary = this.sources.cluster.summary();
      const simulation = this.sources.simulation.status();
      const memory = process.memoryUsage();
      const byOperation = [...this.tallies.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operationId, tally]) => ({
          operationId,
          requests: tally.requests,
          errors: tally.errors,
          meanLatencyMs: roundMs(tally.totalLatencyMs / tally.requests),
          maxLatencyMs: roundMs(tally.maxLatencyMs),
        }));
      return {
        requests: {
          total: byOperation.reduce((sum, each) => sum + each.requests, 0),
          errors: byOperation.reduce((sum, each) => sum + each.errors, 0),
          byOperation,
        },
        cluster: {
          totalNodes: summary.totalNodes,
          healthyNodes: summary.healthyNodes,
          suspectedNodes: summary.suspectedNodes,
          downNodes: summary.downNodes,
          hasQuorum: summary.hasQuorum,
          heartbeatsReceived: summary.heartbeatsReceived,
        },
        runtime: {
          clockMode: simulation.clock.mode,
          clockSpeed: simulation.clock.speed,
          clockTime: new Date(simulation.clock.nowMs).toISOString(),
          pendingTimers: simulation.clock.pendingTimers,
          activeFaults: simulation.activeFaults,
          network: this.sources.networkStats(),
        },
        events: { lastCursor: this.sources.events.lastCursor() },
        process: {
          rssBytes: memory.rss,
          heapUsedBytes: memory.heapUsed,
          uptimeSeconds: Math.floor((this.sources.wallNow() - this.sources.processStartedMs) / 1000),
        },
      };
    });
  }

  async prometheus(context: OperationContext): Promise<{ contentType: string; text: string }> {
    this.runner.read(context, 'getPrometheusMetrics', () => undefined);
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}

/** The surfaces check the interval with a clear error first; here it is a programmer error. */
function assertStreamInterval(intervalSeconds: number): void {
  assert(Number.isInteger(intervalSeconds) && intervalSeconds >= STREAM_INTERVAL_SECONDS.min && intervalSeconds <= STREAM_INTERVAL_SECONDS.max, `a stream interval of ${intervalSeconds} s is within bounds`);
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
