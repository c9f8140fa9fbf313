import { DomainError } from '../runtime/domain-error.js';

/** Whether a leader cut off from a quorum steps down (QUORUM: Raft CheckQuorum) or keeps its role (NONE). */
export type SplitBrainPrevention = 'QUORUM' | 'NONE';

/**
 * The failover settings kept by the failover engine. `autoFailover` and the detection timeout are
 * the cluster configuration's `autoFailover` and `electionTimeoutMs`: one source of truth.
 */
export interface FailoverPolicy {
  /** Longest a failover may run before it is recorded FAILED, in ms of cluster time. */
  failoverTimeoutMs: number;
  splitBrainPrevention: SplitBrainPrevention;
  /** Automatic failovers allowed in any sliding hour of cluster time; 0 means no limit. */
  maxFailoversPerHour: number;
}

export const DEFAULT_FAILOVER_POLICY: Readonly<FailoverPolicy> = Object.freeze({
  failoverTimeoutMs: 10_000,
  splitBrainPrevention: 'QUORUM',
  maxFailoversPerHour: 0,
});

export const FAILOVER_POLICY_RECORD = 'cluster.failoverPolicy';

/** The window `maxFailoversPerHour` counts over. */
export const FAILOVER_RATE_WINDOW_MS = 3_600_000;

/** Checks the rules across fields; single-field ranges are the contract's job. Throws UNPROCESSABLE listing every broken rule. */
export function validateFailoverPolicy(policy: FailoverPolicy, detectionTimeoutMs: number): FailoverPolicy {
  const problems: string[] = [];
  if (!Number.isSafeInteger(policy.failoverTimeoutMs) || policy.failoverTimeoutMs < 1) problems.push('failoverTimeoutMs must be a positive whole number');
  if (policy.failoverTimeoutMs <= detectionTimeoutMs) problems.push(`failoverTimeoutMs must exceed detectionTimeoutMs (${detectionTimeoutMs})`);
  if (!Number.isSafeInteger(policy.maxFailoversPerHour) || policy.maxFailoversPerHour < 0) problems.push('maxFailoversPerHour must be a whole number of at least 0');
  if (policy.splitBrainPrevention !== 'QUORUM' && policy.splitBrainPrevention !== 'NONE') problems.push('splitBrainPrevention must be QUORUM or NONE');
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid failover configuration: ${problems.join('; ')}.`, { problems });
  return policy;
}
