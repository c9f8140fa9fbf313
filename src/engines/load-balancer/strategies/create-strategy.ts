import type { BalancingStrategy, StrategyName } from '../balancing-strategy.js';
import { LeastConnectionsStrategy } from './least-connections.js';
import { LeastLatencyStrategy } from './least-latency.js';
import { RoundRobinStrategy } from './round-robin.js';
import { WeightedRoundRobinStrategy } from './weighted-round-robin.js';

/** A fresh strategy, remembering nothing. */
export function createStrategy(name: StrategyName): BalancingStrategy {
  switch (name) {
    case 'ROUND_ROBIN':
      return new RoundRobinStrategy();
    case 'LEAST_CONNECTIONS':
      return new LeastConnectionsStrategy();
    case 'WEIGHTED':
      return new WeightedRoundRobinStrategy();
    case 'LEAST_LATENCY':
      return new LeastLatencyStrategy();
  }
}
