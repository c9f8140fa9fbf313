/** Limits and costs of distributed query execution (README, "Cross-shard execution"). */
import { DomainError } from '../runtime/domain-error.js';

export interface DistributedQueryConfig {
  /** Executions kept with their plan and actuals (`cluster/query/plans`), newest first; older ones are forgotten. */
  maxKeptPlans: number;
  /** Most recent ended queries whose durations make the latency percentiles of the statistics. */
  latencyWindow: number;
  /** Rows a node reads from its storage per millisecond of cluster time: a fragment's scan time. */
  scanRowsPerMs: number;
  /** Most rows a result may hold; a query with more fails, as Vitess's max result size (add a LIMIT). */
  maxResultRows: number;
}

export const DEFAULT_DISTRIBUTED_QUERY_CONFIG: Readonly<DistributedQueryConfig> = Object.freeze({
  maxKeptPlans: 100,
  latencyWindow: 1000,
  scanRowsPerMs: 1000,
  maxResultRows: 10_000,
});

const BOUNDS: Readonly<Record<keyof DistributedQueryConfig, [number, number]>> = {
  maxKeptPlans: [1, 10_000],
  latencyWindow: [1, 100_000],
  scanRowsPerMs: [1, 1_000_000],
  maxResultRows: [1, 100_000],
};

/** Fills defaults and checks bounds. @throws DomainError UNPROCESSABLE listing every problem. */
export function validateDistributedQueryConfig(input: Partial<DistributedQueryConfig> = {}): DistributedQueryConfig {
  const config = { ...DEFAULT_DISTRIBUTED_QUERY_CONFIG, ...input };
  const problems = (Object.keys(BOUNDS) as (keyof DistributedQueryConfig)[]).flatMap((field) => {
    const [min, max] = BOUNDS[field];
    const value = config[field];
    return Number.isSafeInteger(value) && value >= min && value <= max ? [] : [`${field} must be a whole number from ${min} to ${max}`];
  });
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid distributed query config: ${problems.join('; ')}.`, { problems });
  return config;
}
