/**
 * The RAC settings: the cluster's shape and timings (fixed when the cluster is created), and the
 * two configs operators change at run time, instance recovery and parallel query. Every patch is
 * checked field by field and rejected whole, listing every bad field.
 */
import { DomainError } from '../runtime/domain-error.js';

export interface RacConfig {
  /** Blocks each demo table is spread over. */
  blocksPerTable: number;
  /** Rows per block of the demo schema. */
  rowsPerBlock: number;
  /** Bytes of a block message besides its rows (header, lock state). */
  blockHeaderBytes: number;
  /** Share of a resource's recent accesses (0..1) past which it is remastered to that instance. */
  affinityThreshold: number;
  /** Accesses a resource needs before its affinity counts. */
  affinityMinAccesses: number;
  /** Accesses kept per resource: past this, counts are halved so affinity follows recent use. */
  affinityWindow: number;
  heartbeatIntervalMs: number;
  /** Heartbeat intervals of silence after which an instance is suspected (and split-brain decided). */
  missedHeartbeatsToEvict: number;
  /** Percentage of the members a side of a partition must exceed to survive. */
  quorumPercentage: number;
  /** An unacknowledged GCS message is sent again after this long. */
  retransmitMs: number;
  /** Recent transfers kept in the transfer log. */
  transferLogSize: number;
  /** At most one cache_fusion_transfer event per block per this many ms (the rest are counted only). */
  transferEventIntervalMs: number;
  /** Every running instance writes its dirty blocks back this often (DBWR), so redo is checkpointed. */
  checkpointIntervalMs: number;
  /**
   * Blocks each instance's buffer cache holds (Oracle's db_cache_size, in blocks). Past it, the
   * least recently used block not in use is given up through its master (aged out).
   */
  bufferCacheBlocks: number;
}

export const DEFAULT_RAC_CONFIG: Readonly<RacConfig> = Object.freeze({
  blocksPerTable: 32,
  rowsPerBlock: 16,
  blockHeaderBytes: 128,
  affinityThreshold: 0.5,
  affinityMinAccesses: 20,
  affinityWindow: 100,
  heartbeatIntervalMs: 1000,
  missedHeartbeatsToEvict: 3,
  quorumPercentage: 50,
  retransmitMs: 50,
  transferLogSize: 200,
  transferEventIntervalMs: 1000,
  checkpointIntervalMs: 5000,
  bufferCacheBlocks: 1024,
});

export interface RecoveryConfig {
  /** Whether a crash or eviction starts a recovery by itself (else only recovery/initiate does). */
  autoRecovery: boolean;
  /** Speed of redo apply: REDO_APPLY lasts bytes / this, in cluster time. */
  redoApplyBytesPerSecond: number;
  /** Duration of each of FREEZE, REMASTER and LOCK_CLEANUP (REMASTER lasts longer when its resources take longer at remasterResourcesPerSecond). */
  phaseStepMs: number;
  /** Speed of REMASTER: it lasts at least resources remastered / this, in cluster time. */
  remasterResourcesPerSecond: number;
  /** Completed recoveries kept in the history. */
  maxHistory: number;
}

export const DEFAULT_RECOVERY_CONFIG: Readonly<RecoveryConfig> = Object.freeze({
  autoRecovery: true,
  redoApplyBytesPerSecond: 1_048_576,
  phaseStepMs: 5,
  remasterResourcesPerSecond: 10_000,
  maxHistory: 100,
});

export interface ParallelQueryConfig {
  /** Most slave instances a query uses. */
  maxDop: number;
  /** Lower the degree of parallelism for busy instances (and never plan on a down one). */
  adaptive: boolean;
  /** Blocks per granule. */
  granuleBlocks: number;
  /** An instance with more GCS requests outstanding than this counts as busy. */
  busyThreshold: number;
}

export const DEFAULT_PARALLEL_QUERY_CONFIG: Readonly<ParallelQueryConfig> = Object.freeze({
  maxDop: 4,
  adaptive: true,
  granuleBlocks: 4,
  busyThreshold: 8,
});

/** One thing wrong with a patch. */
export interface ConfigProblem {
  field: string;
  message: string;
}

type FieldRule = { kind: 'boolean' } | { kind: 'integer'; min: number; max: number } | { kind: 'number'; min: number; max: number; exclusiveMin?: boolean };

const RAC_RULES: Record<keyof RacConfig, FieldRule> = {
  blocksPerTable: { kind: 'integer', min: 1, max: 100_000 },
  rowsPerBlock: { kind: 'integer', min: 1, max: 1000 },
  blockHeaderBytes: { kind: 'integer', min: 0, max: 65_536 },
  affinityThreshold: { kind: 'number', min: 0, max: 1, exclusiveMin: true },
  affinityMinAccesses: { kind: 'integer', min: 1, max: 1_000_000 },
  affinityWindow: { kind: 'integer', min: 1, max: 10_000_000 },
  heartbeatIntervalMs: { kind: 'integer', min: 10, max: 600_000 },
  missedHeartbeatsToEvict: { kind: 'integer', min: 1, max: 1000 },
  quorumPercentage: { kind: 'number', min: 0, max: 100 },
  retransmitMs: { kind: 'integer', min: 1, max: 60_000 },
  transferLogSize: { kind: 'integer', min: 1, max: 100_000 },
  transferEventIntervalMs: { kind: 'integer', min: 0, max: 3_600_000 },
  checkpointIntervalMs: { kind: 'integer', min: 10, max: 86_400_000 },
  bufferCacheBlocks: { kind: 'integer', min: 1, max: 10_000_000 },
};

const RECOVERY_RULES: Record<keyof RecoveryConfig, FieldRule> = {
  autoRecovery: { kind: 'boolean' },
  redoApplyBytesPerSecond: { kind: 'integer', min: 1, max: 10_737_418_240 },
  phaseStepMs: { kind: 'integer', min: 0, max: 60_000 },
  remasterResourcesPerSecond: { kind: 'integer', min: 1, max: 1_000_000_000 },
  maxHistory: { kind: 'integer', min: 1, max: 100_000 },
};

const PARALLEL_QUERY_RULES: Record<keyof ParallelQueryConfig, FieldRule> = {
  maxDop: { kind: 'integer', min: 1, max: 1024 },
  adaptive: { kind: 'boolean' },
  granuleBlocks: { kind: 'integer', min: 1, max: 100_000 },
  busyThreshold: { kind: 'integer', min: 0, max: 1_000_000 },
};

/** The RAC config with `patch` applied. @throws DomainError UNPROCESSABLE listing every problem. */
export function applyRacConfig(current: Readonly<RacConfig>, patch: Partial<RacConfig>): RacConfig {
  const next = applyPatch('RAC configuration', RAC_RULES, current, patch, (config) =>
    config.affinityWindow < config.affinityMinAccesses ? [{ field: 'affinityWindow', message: 'must be at least affinityMinAccesses' }] : [],
  );
  return next;
}

/** The recovery config with `patch` applied. @throws DomainError UNPROCESSABLE listing every problem. */
export function applyRecoveryConfig(current: Readonly<RecoveryConfig>, patch: Partial<RecoveryConfig>): RecoveryConfig {
  return applyPatch('recovery configuration', RECOVERY_RULES, current, patch, () => []);
}

/** The parallel query config with `patch` applied. @throws DomainError UNPROCESSABLE listing every problem. */
export function applyParallelQueryConfig(current: Readonly<ParallelQueryConfig>, patch: Partial<ParallelQueryConfig>): ParallelQueryConfig {
  return applyPatch('parallel query configuration', PARALLEL_QUERY_RULES, current, patch, () => []);
}

function applyPatch<C extends object>(what: string, rules: Record<keyof C, FieldRule>, current: Readonly<C>, patch: Partial<C>, crossRules: (config: C) => ConfigProblem[]): C {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw invalid(what, [{ field: 'patch', message: 'the patch must be an object of config fields' }]);
  }
  const problems: ConfigProblem[] = [];
  const next = { ...current } as C;
  for (const [field, value] of Object.entries(patch)) {
    const rule = (rules as Record<string, FieldRule | undefined>)[field];
    if (rule === undefined) {
      problems.push({ field, message: 'unknown field' });
      continue;
    }
    if (value === undefined) continue;
    const problem = fieldProblem(rule, value);
    if (problem === null) (next as Record<string, unknown>)[field] = value;
    else problems.push({ field, message: problem });
  }
  // Cross-field rules see only the fields that passed, so one call reports everything.
  problems.push(...crossRules(next));
  if (problems.length > 0) throw invalid(what, problems);
  return next;
}

function fieldProblem(rule: FieldRule, value: unknown): string | null {
  switch (rule.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be a whole number';
      return value < rule.min || value > rule.max ? `must be between ${rule.min} and ${rule.max}` : null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (value > rule.max || value < rule.min || (rule.exclusiveMin === true && value === rule.min)) {
        return `must be ${rule.exclusiveMin === true ? 'above' : 'at least'} ${rule.min} and at most ${rule.max}`;
      }
      return null;
  }
}

function invalid(what: string, problems: ConfigProblem[]): DomainError {
  return new DomainError('UNPROCESSABLE', `Invalid ${what}: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}.`, { problems });
}
