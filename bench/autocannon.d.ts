/**
 * The part of autocannon 9's API the bench uses. The package ships no types and
 * @types/autocannon is not a dependency; these shapes follow lib/aggregateResult.js and
 * hdr-histogram-percentiles-obj (latencies in ms, requests in req/s per one-second sample).
 */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
  }

  interface Options {
    url: string;
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    pipelining?: number;
    /** Seconds. */
    duration?: number;
    /** Worker threads that generate the load; 0 (default) runs it on the calling thread. */
    workers?: number;
  }

  interface Result {
    /** Seconds actually run. */
    duration: number;
    requests: Histogram & { total: number; sent: number };
    latency: Histogram & { totalCount: number };
    throughput: Histogram & { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }

  /** Without a callback autocannon returns an EventEmitter that is also a thenable. */
  function autocannon(options: Options): PromiseLike<Result>;

  export default autocannon;
  export type { Histogram, Options, Result };
}
