/**
 * The apply engine's configuration: every field with its unit, its default and its bounds.
 * {@link validateApplyConfig} fills defaults and refuses a bad value or a bad combination, naming
 * the field (etcd's `Config.validate`).
 */
import { DomainError } from '../runtime/domain-error.js';
import type { PermanentErrorPolicy } from './apply-types.js';

export interface ApplyConfig {
  /** Workers applying independent transactions at once (GoldenGate's APPLY_PARALLELISM). 1 to 64. */
  applyParallelism: number;
  /** Most transactions grouped into one batch (GoldenGate's GROUPTRANSOPS / BATCHSQL). 1 to 1000. */
  batchMaxTransactions: number;
  /** Most bytes of changes (their JSON) in one batch; one larger transaction goes alone. 1 KiB to 64 MiB. */
  batchMaxBytes: number;
  /** Cluster time a worker spends per change applied. 0 to 1000 ms. */
  applyCostPerChangeMs: number;
  /** Cluster time a worker spends once per batch (round trip and commit). 0 to 10000 ms. */
  batchOverheadMs: number;
  /** Retries of a transaction the target could not take now, before it counts as a permanent error. 0 to 100. */
  maxRetries: number;
  /** First backoff before a retry; doubled each retry. 1 to 600000 ms. */
  retryInitialBackoffMs: number;
  /** Longest backoff. At least `retryInitialBackoffMs`, at most 3600000 ms. */
  retryMaxBackoffMs: number;
  /** What a permanent error does: stop the applier (ABENDED), skip the transaction, or skip it and keep its changes. */
  onPermanentError: PermanentErrorPolicy;
  /** Most unfinished transactions one applier holds; `enqueue` refuses more. 1 to 100000. */
  maxQueuedTransactions: number;
  /** Finished transactions kept in each applier's history. 1 to 10000. */
  transactionHistoryLimit: number;
  /** Checkpoints kept in each applier's history. 1 to 1000. */
  checkpointHistoryLimit: number;
  /** Discarded transactions kept per applier (GoldenGate's discard file). 1 to 1000. */
  discardLimit: number;
  /** How often an automatic checkpoint is recorded when the position moved. 100 to 3600000 ms. */
  checkpointIntervalMs: number;
}

export type ApplyConfigPatch = Partial<ApplyConfig>;

export const DEFAULT_APPLY_CONFIG: Readonly<ApplyConfig> = Object.freeze({
  applyParallelism: 4,
  batchMaxTransactions: 50,
  batchMaxBytes: 1024 * 1024,
  applyCostPerChangeMs: 0.5,
  batchOverheadMs: 2,
  maxRetries: 5,
  retryInitialBackoffMs: 100,
  retryMaxBackoffMs: 10_000,
  onPermanentError: 'ABEND',
  maxQueuedTransactions: 10_000,
  transactionHistoryLimit: 1000,
  checkpointHistoryLimit: 100,
  discardLimit: 100,
  checkpointIntervalMs: 10_000,
});

const POLICIES: readonly PermanentErrorPolicy[] = ['ABEND', 'SKIP', 'DISCARD'];

type NumericField = Exclude<keyof ApplyConfig, 'onPermanentError'>;

/** Bounds of each numeric field, and whether it must be an integer. */
const BOUNDS: Readonly<Record<NumericField, { min: number; max: number; integer: boolean }>> = {
  applyParallelism: { min: 1, max: 64, integer: true },
  batchMaxTransactions: { min: 1, max: 1000, integer: true },
  batchMaxBytes: { min: 1024, max: 64 * 1024 * 1024, integer: true },
  applyCostPerChangeMs: { min: 0, max: 1000, integer: false },
  batchOverheadMs: { min: 0, max: 10_000, integer: false },
  maxRetries: { min: 0, max: 100, integer: true },
  retryInitialBackoffMs: { min: 1, max: 600_000, integer: true },
  retryMaxBackoffMs: { min: 1, max: 3_600_000, integer: true },
  maxQueuedTransactions: { min: 1, max: 100_000, integer: true },
  transactionHistoryLimit: { min: 1, max: 10_000, integer: true },
  checkpointHistoryLimit: { min: 1, max: 1000, integer: true },
  discardLimit: { min: 1, max: 1000, integer: true },
  checkpointIntervalMs: { min: 100, max: 3_600_000, integer: true },
};

/** The fields of the configuration, for callers that list them. */
export const APPLY_CONFIG_FIELDS = Object.keys(DEFAULT_APPLY_CONFIG) as readonly (keyof ApplyConfig)[];

/**
 * `current` with `patch` applied, validated as a whole.
 * @throws DomainError UNPROCESSABLE naming the first bad field, its value and the rule.
 */
export function validateApplyConfig(patch: ApplyConfigPatch, current: Readonly<ApplyConfig> = DEFAULT_APPLY_CONFIG): ApplyConfig {
  const next: ApplyConfig = { ...current };
  for (const [field, value] of Object.entries(patch) as [keyof ApplyConfig, unknown][]) {
    if (value === undefined) continue;
    if (!(field in DEFAULT_APPLY_CONFIG)) refuse(field, value, 'is not a field of the apply configuration');
    if (field === 'onPermanentError') {
      if (!POLICIES.includes(value as PermanentErrorPolicy)) refuse(field, value, `must be one of ${POLICIES.join(', ')}`);
      next.onPermanentError = value as PermanentErrorPolicy;
      continue;
    }
    const bounds = BOUNDS[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) refuse(field, value, 'must be a number');
    if (bounds.integer && !Number.isInteger(value)) refuse(field, value, 'must be an integer');
    if (value < bounds.min || value > bounds.max) refuse(field, value, `must be between ${bounds.min} and ${bounds.max}`);
    next[field] = value;
  }
  if (next.retryMaxBackoffMs < next.retryInitialBackoffMs) {
    refuse('retryMaxBackoffMs', next.retryMaxBackoffMs, `must be at least retryInitialBackoffMs (${next.retryInitialBackoffMs})`);
  }
  return next;
}

function refuse(field: string, value: unknown, rule: string): never {
  throw new DomainError('UNPROCESSABLE', `Apply configuration: ${field} ${rule} (got ${JSON.stringify(value)}).`, { field, value, reason: rule });
}
