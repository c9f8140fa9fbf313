import { DomainError } from '../runtime/domain-error.js';
import { STRATEGY_NAMES, type StrategyName } from './balancing-strategy.js';

export interface LoadBalancerConfig {
  /** Strategy in force at start; switchable at runtime. */
  strategy: StrategyName;
  /** Most backends registered at once. */
  maxBackends: number;
  /** Most connections open at once over all backends. */
  maxActiveConnections: number;
  /** Closed connections kept for the connections listing, newest last. */
  connectionHistorySize: number;
  /** Latencies kept per backend for its p99. */
  latencyWindowSize: number;
  /** Weight of the newest latency in the EWMA, in (0, 1]: higher reacts faster and forgets sooner. */
  latencyEwmaAlpha: number;
}

export const defaultLoadBalancerConfig: Readonly<LoadBalancerConfig> = Object.freeze({
  strategy: 'ROUND_ROBIN',
  maxBackends: 64,
  maxActiveConnections: 10_000,
  connectionHistorySize: 1000,
  latencyWindowSize: 1024,
  latencyEwmaAlpha: 0.3,
});

/**
 * Hard ceilings on the configurable limits. maxBackends reaches past the cluster's 5000 nodes:
 * the platform gives every node a backend of its own, and operators may add more.
 */
const CEILINGS = { maxBackends: 8192, maxActiveConnections: 1_000_000, connectionHistorySize: 100_000, latencyWindowSize: 65_536 } as const;

/** Fills defaults and rejects bad values, listing every problem (UNPROCESSABLE). */
export function validateLoadBalancerConfig(input: Partial<LoadBalancerConfig> = {}): LoadBalancerConfig {
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const config: LoadBalancerConfig = { ...defaultLoadBalancerConfig, ...defined };
  const problems: string[] = [];
  if (!STRATEGY_NAMES.includes(config.strategy)) problems.push(`strategy must be one of ${STRATEGY_NAMES.join(', ')}`);
  for (const [field, ceiling] of Object.entries(CEILINGS) as [keyof typeof CEILINGS, number][]) {
    const value = config[field];
    if (!Number.isSafeInteger(value) || value < 1 || value > ceiling) problems.push(`${field} must be a whole number from 1 to ${ceiling}`);
  }
  if (!(config.latencyEwmaAlpha > 0 && config.latencyEwmaAlpha <= 1)) problems.push('latencyEwmaAlpha must be greater than 0 and at most 1');
  if (problems.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Invalid load balancer configuration: ${problems.join('; ')}.`, { problems });
  }
  return config;
}
