import { DomainError } from '../runtime/domain-error.js';

/** Settings of the whole cluster. Timeouts are milliseconds of cluster time. */
export interface ClusterConfig {
  clusterName: string;
  /** Copies kept of each piece of data. */
  replicationFactor: number;
  /** Floor for the quorum, honoured up to the number of voters. */
  minQuorumSize: number;
  heartbeatIntervalMs: number;
  /** Silence after which a node is SUSPECTED. */
  suspectTimeoutMs: number;
  /** Silence after which a node is DOWN. */
  failureTimeoutMs: number;
  /** Consecutive heartbeats a DOWN node must send before it is HEALTHY again. */
  recoveryHeartbeats: number;
  /** Base Raft election timeout (used by the consensus engine). */
  electionTimeoutMs: number;
  autoFailover: boolean;
  geoReplication: boolean;
}

export const defaultClusterConfig: Readonly<ClusterConfig> = Object.freeze({
  clusterName: 'rustydb',
  replicationFactor: 3,
  minQuorumSize: 1,
  heartbeatIntervalMs: 500,
  suspectTimeoutMs: 1500,
  failureTimeoutMs: 5000,
  recoveryHeartbeats: 3,
  electionTimeoutMs: 1000,
  autoFailover: true,
  geoReplication: false,
});

/**
 * Checks the rules that span fields (single-field ranges are the contract's job) and returns
 * the config. Throws UNPROCESSABLE listing every broken rule, so an operator fixes all at once.
 */
export function validateClusterConfig(config: ClusterConfig): ClusterConfig {
  const problems: string[] = [];
  for (const field of ['heartbeatIntervalMs', 'suspectTimeoutMs', 'failureTimeoutMs', 'electionTimeoutMs', 'recoveryHeartbeats', 'replicationFactor', 'minQuorumSize'] as const) {
    if (!Number.isSafeInteger(config[field]) || config[field] < 1) problems.push(`${field} must be a whole number of at least 1`);
  }
  if (config.heartbeatIntervalMs >= config.suspectTimeoutMs) {
    problems.push('heartbeatIntervalMs must be shorter than suspectTimeoutMs');
  }
  if (config.suspectTimeoutMs >= config.failureTimeoutMs) {
    problems.push('suspectTimeoutMs must be shorter than failureTimeoutMs');
  }
  if (config.electionTimeoutMs <= config.heartbeatIntervalMs) {
    problems.push('electionTimeoutMs must be longer than heartbeatIntervalMs');
  }
  if (problems.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Invalid cluster configuration: ${problems.join('; ')}.`, { problems });
  }
  return config;
}

/** Names of the fields whose values differ between two configs, in declaration order. */
export function changedConfigFields(before: ClusterConfig, after: ClusterConfig): (keyof ClusterConfig)[] {
  return (Object.keys(defaultClusterConfig) as (keyof ClusterConfig)[]).filter((field) => before[field] !== after[field]);
}
