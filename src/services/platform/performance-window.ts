/**
 * The API server process over one interval of wall time: the requests it answered and their
 * latency percentiles (an HDR histogram, node's perf_hooks.createHistogram), how late its event
 * loop ran (perf_hooks.monitorEventLoopDelay), the CPU it used and its memory. Every figure is
 * measured over the interval only: each `take()` starts the next one.
 */
import { createHistogram, monitorEventLoopDelay, type IntervalHistogram, type RecordableHistogram } from 'node:perf_hooks';

/** Event-loop delay is sampled this often (ms): node's default is 10. */
const EVENT_LOOP_RESOLUTION_MS = 10;

export interface LatencyPercentiles {
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export interface EventLoopDelay {
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The contract's PerformanceMetrics. */
export interface PerformanceSample {
  /** When the interval ended (wall clock), ISO-8601. */
  at: string;
  intervalSeconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latency: LatencyPercentiles;
  /** Null when the loop took no sample in the interval. */
  eventLoopDelay: EventLoopDelay | null;
  cpuCoresUsed: number;
  cpuUserSeconds: number;
  cpuSystemSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
}

export class PerformanceWindow {
  /** Latencies in microseconds (the histogram records integers of at least 1). */
  private readonly latencies: RecordableHistogram = createHistogram();
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  private requests = 0;
  private errors = 0;
  private startedMs: number;
  private cpuAtStart = process.cpuUsage();

  constructor(private readonly wallNow: () => number) {
    this.startedMs = wallNow();
    this.loopDelay.enable();
  }

  /** One answered request; `status` 400 and above is an error. */
  record(status: number, latencyMs: number): void {
    this.requests += 1;
    if (status >= 400) this.errors += 1;
    this.latencies.record(Math.max(1, Math.round(latencyMs * 1000)));
  }

  /** The figures of the interval that ends now; the next interval starts. */
  take(): PerformanceSample {
    const nowMs = this.wallNow();
    const seconds = Math.max(nowMs - this.startedMs, 1) / 1000;
    const cpu = process.cpuUsage(this.cpuAtStart);
    const memory = process.memoryUsage();
    const sample: PerformanceSample = {
      at: new Date(nowMs).toISOString(),
      intervalSeconds: seconds,
      requests: this.requests,
      errors: this.errors,
      requestsPerSecond: this.requests / seconds,
      latency: this.latencyPercentiles(),
      eventLoopDelay: this.loopDelayOf(),
      cpuCoresUsed: (cpu.user + cpu.system) / 1e6 / seconds,
      cpuUserSeconds: cpu.user / 1e6,
      cpuSystemSeconds: cpu.system / 1e6,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
    };
    this.requests = 0;
    this.errors = 0;
    this.latencies.reset();
    this.loopDelay.reset();
    this.startedMs = nowMs;
    this.cpuAtStart = process.cpuUsage();
    return sample;
  }

  close(): void {
    this.loopDelay.disable();
  }

  private latencyPercentiles(): LatencyPercentiles {
    if (this.requests === 0) return { p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null };
    const ms = (micros: number) => micros / 1000;
    return { p50Ms: ms(this.latencies.percentile(50)), p90Ms: ms(this.latencies.percentile(90)), p99Ms: ms(this.latencies.percentile(99)), maxMs: ms(this.latencies.max) };
  }

  private loopDelayOf(): EventLoopDelay | null {
    // The histogram counts in nanoseconds; with no sample its mean is NaN.
    if (this.loopDelay.count === 0) return null;
    const ms = (nanos: number) => nanos / 1e6;
    return { meanMs: ms(this.loopDelay.mean), p50Ms: ms(this.loopDelay.percentile(50)), p99Ms: ms(this.loopDelay.percentile(99)), maxMs: ms(this.loopDelay.max) };
  }
}
