import { Counter, Gauge, Histogram, collectDefaultMetrics, type Registry } from 'prom-client';
import type { NetworkStats } from '../../engines/runtime/index.js';
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

/** Registers a domain's gauges, read from its engines at scrape time (rustydb_<domain>_<what>_<unit>). */
export type MetricsCollector = (registry: Registry) => void;

/** Registers a gauge whose value is read when Prometheus scrapes. */
export function readGauge(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
}

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

  constructor(private readonly sources: MetricsSources, private readonly runner: OperationRunner) {
    this.registry = sources.registry;
    collectDefaultMetrics({ register: this.registry, prefix: 'rustydb_process_' });
    this.requestsTotal = new Counter({ name: 'rustydb_http_requests_total', help: 'Requests answered, by operation and status.', labelNames: ['operation', 'status'], registers: [this.registry] });
    this.requestDuration = new Histogram({
      name: 'rustydb_http_request_duration_seconds',
      help: 'Time to answer a request, by operation.',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [this.registry],
    });
    readGauge(this.registry, 'rustydb_events_last_cursor', 'Cursor of the newest committed event.', () => sources.events.lastCursor());
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

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
