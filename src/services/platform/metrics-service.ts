import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
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

export interface MetricsSources {
  cluster: ClusterService;
  simulation: SimulationService;
  events: EventService;
  networkStats: () => NetworkStats;
  processStartedMs: number;
  wallNow: () => number;
}

/**
 * Request figures per operation (recorded by every API surface) and gauges read from the
 * engines at scrape time, as JSON and in Prometheus format.
 */
export class MetricsService {
  private readonly tallies = new Map<string, OperationTally>();
  private readonly registry = new Registry();
  private readonly requestsTotal: Counter<'operation' | 'status'>;
  private readonly requestDuration: Histogram<'operation'>;

  constructor(private readonly sources: MetricsSources, private readonly runner: OperationRunner) {
    collectDefaultMetrics({ register: this.registry, prefix: 'rustydb_process_' });
    this.requestsTotal = new Counter({ name: 'rustydb_http_requests_total', help: 'Requests answered, by operation and status.', labelNames: ['operation', 'status'], registers: [this.registry] });
    this.requestDuration = new Histogram({
      name: 'rustydb_http_request_duration_seconds',
      help: 'Time to answer a request, by operation.',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [this.registry],
    });
    this.registerEngineGauges();
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

  private registerEngineGauges(): void {
    const { cluster, simulation, events } = this.sources;
    new Gauge({
      name: 'rustydb_cluster_nodes',
      help: 'Cluster nodes by status.',
      labelNames: ['status'],
      registers: [this.registry],
      collect() {
        const summary = cluster.summary();
        this.set({ status: 'healthy' }, summary.healthyNodes);
        this.set({ status: 'suspected' }, summary.suspectedNodes);
        this.set({ status: 'down' }, summary.downNodes);
        this.set({ status: 'initializing' }, summary.totalNodes - summary.healthyNodes - summary.suspectedNodes - summary.downNodes);
      },
    });
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(read()); } });
    gauge('rustydb_cluster_has_quorum', '1 when the cluster has quorum.', () => (cluster.summary().hasQuorum ? 1 : 0));
    gauge('rustydb_cluster_failure_tolerance', 'Voters that can still fail before quorum is lost.', () => cluster.summary().failureTolerance);
    gauge('rustydb_cluster_heartbeats_received', 'Heartbeats received by the control plane.', () => cluster.summary().heartbeatsReceived);
    gauge('rustydb_simulation_active_faults', 'Faults injected and not healed.', () => simulation.status().activeFaults);
    gauge('rustydb_simulation_pending_timers', 'Timers scheduled on the cluster clock.', () => simulation.status().clock.pendingTimers);
    gauge('rustydb_events_last_cursor', 'Cursor of the newest committed event.', () => events.lastCursor());
  }
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
