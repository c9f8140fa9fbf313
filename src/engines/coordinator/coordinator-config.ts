import { DomainError } from '../runtime/domain-error.js';
import { HASH_FUNCTION_NAMES, type HashFunctionName } from '../dht/hash-function.js';
import { EXECUTION_STRATEGIES, isExecutionStrategy, type ExecutionStrategy } from './execution-strategy.js';

/** Most shards the hash space may be cut into. */
export const MAX_SHARDS = 4096;
/** Most copies of a shard (primary included). */
export const MAX_REPLICATION_FACTOR = 7;
/** Most nodes shards are placed on (the cluster's own limit). */
export const MAX_COORDINATOR_NODES = 5000;
/** Longest simulated copy of a shard to a new node: one hour. */
const MAX_SHARD_MOVE_DURATION_MS = 3_600_000;

export interface CoordinatorConfig {
  /** Shards the 32-bit hash space is cut into, in equal ranges. Fixed for the coordinator's life. */
  shardCount: number;
  /** Copies of each shard, primary included, on distinct nodes (fewer while there are fewer nodes). */
  replicationFactor: number;
  /** Simulated time to copy a shard to a node that holds none of it; 0 copies at once. */
  shardMoveDurationMs: number;
  /** Hash of shard keys to tokens; MurmurHash3 by default, like the DHT. */
  hashFunction: HashFunctionName;
  hashSeed: number;
  /** Strategy in force at start; switchable at runtime. */
  executionStrategy: ExecutionStrategy;
}

export const defaultCoordinatorConfig: Readonly<CoordinatorConfig> = Object.freeze({
  shardCount: 16,
  replicationFactor: 3,
  shardMoveDurationMs: 5_000,
  hashFunction: 'MURMUR3',
  hashSeed: 0,
  executionStrategy: 'SCATTER_GATHER',
});

/** Fills defaults and rejects bad values, listing every problem (UNPROCESSABLE). */
export function validateCoordinatorConfig(input: Partial<CoordinatorConfig> = {}): CoordinatorConfig {
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const config: CoordinatorConfig = { ...defaultCoordinatorConfig, ...defined };
  const problems: string[] = [];
  const wholeNumberIn = (field: keyof CoordinatorConfig, min: number, max: number) => {
    const value = config[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) problems.push(`${field} must be a whole number from ${min} to ${max}`);
  };
  wholeNumberIn('shardCount', 1, MAX_SHARDS);
  wholeNumberIn('replicationFactor', 1, MAX_REPLICATION_FACTOR);
  wholeNumberIn('shardMoveDurationMs', 0, MAX_SHARD_MOVE_DURATION_MS);
  wholeNumberIn('hashSeed', 0, 0xffff_ffff);
  if (!HASH_FUNCTION_NAMES.includes(config.hashFunction)) problems.push(`hashFunction must be one of ${HASH_FUNCTION_NAMES.join(', ')}`);
  if (!isExecutionStrategy(config.executionStrategy)) problems.push(`executionStrategy must be one of ${Object.keys(EXECUTION_STRATEGIES).join(', ')}`);
  if (problems.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Invalid coordinator configuration: ${problems.join('; ')}.`, { problems });
  }
  return config;
}
