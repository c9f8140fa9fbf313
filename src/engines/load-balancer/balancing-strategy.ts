/**
 * How the load balancer chooses among the backends that can take a connection. One interface,
 * four implementations, one shared test suite (test/engines/load-balancer/balancing-strategy.test.ts).
 */

/**
 * - ROUND_ROBIN: each backend in turn, in backend-id order.
 * - LEAST_CONNECTIONS: the backend with the fewest active connections.
 * - WEIGHTED: smooth weighted round-robin (nginx): turns in proportion to weight, interleaved.
 * - LEAST_LATENCY: the lowest EWMA latency times (active connections + 1), as Finagle's and
 *   Linkerd's EWMA balancers score backends: a fast backend stops winning once it queues work.
 */
export type StrategyName = 'ROUND_ROBIN' | 'LEAST_CONNECTIONS' | 'WEIGHTED' | 'LEAST_LATENCY';

export const STRATEGY_NAMES: readonly StrategyName[] = Object.freeze(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'WEIGHTED', 'LEAST_LATENCY']);

/** What a strategy knows of a backend that could take the next connection. */
export interface BackendCandidate {
  backendId: string;
  weight: number;
  activeConnections: number;
  /** EWMA of observed latencies; null until the first connection to it is released. */
  latencyEwmaMs: number | null;
  /**
   * How far the backend is from the client, for LOCALITY_AWARE: 0 in the client's own region, and
   * higher further out (global data services rank regions by measured latency). Absent: 0.
   */
  localityRank?: number;
}

export interface BalancingStrategy {
  readonly name: StrategyName;
  /**
   * Chooses one of `candidates`: non-empty, in backend-id order, all able to take a connection.
   * Called once per connection opened, so it may remember what it chose.
   */
  pick(candidates: readonly BackendCandidate[]): BackendCandidate;
  /** Drops what it remembers of a backend that was removed. */
  forget(backendId: string): void;
}
