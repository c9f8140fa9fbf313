/**
 * The replication settings: what operators tune (mode, standbys, timeouts, retention,
 * archiving) and the simulation's timings. Sizes are bytes, times milliseconds unless the
 * name says seconds (replicationTimeoutSecs follows the seed's contract).
 */
import { DomainError } from '../runtime/domain-error.js';

export type ReplicationMode = 'SYNCHRONOUS' | 'SEMI_SYNCHRONOUS' | 'ASYNCHRONOUS';
export const REPLICATION_MODES: readonly ReplicationMode[] = ['SYNCHRONOUS', 'SEMI_SYNCHRONOUS', 'ASYNCHRONOUS'];

export interface ReplicationConfig {
  /** What a commit waits for: every named (or streaming) standby's flush, one standby's flush, or nothing. */
  mode: ReplicationMode;
  /** Node ids of the synchronous standbys, in priority order; empty means every streaming replica. */
  standbyNodes: string[];
  /** A commit waiting longer ends TIMED_OUT; a sender hearing nothing this long marks its standby DISCONNECTED. Seconds. */
  replicationTimeoutSecs: number;
  /** Most WAL senders streaming at once; further standbys wait. */
  maxWalSenders: number;
  /** Segments kept behind the current LSN whatever the slots say (PostgreSQL's wal_keep_size, in segments). */
  walKeepSegments: number;
  /** A slot within this many segments of the current LSN is `reserved` (PostgreSQL's max_wal_size, in segments). */
  maxWalSegments: number;
  /** Most segments a slot may hold back; null keeps WAL for slots without limit (max_slot_wal_keep_size). */
  maxSlotWalKeepSegments: number | null;
  /** Whether completed segments are archived before they may be removed. */
  archiveMode: boolean;
  /** Recorded per archived segment with %p (path) and %f (file name) filled in; never run. */
  archiveCommand: string;
  /** Size of a WAL segment (64 KiB in the simulation; PostgreSQL's is 16 MiB). */
  walSegmentBytes: number;
  /** How long after writing a standby flushes. */
  flushDelayMs: number;
  /** How often a standby reports its positions when nothing else made it. */
  statusIntervalMs: number;
  /** Largest WalData batch (a batch always carries at least one record). */
  maxBatchBytes: number;
  /** Time between checkpoints (which remove WAL no claim holds). */
  checkpointIntervalMs: number;
  /** Speed of a base backup copying the primary's tables to a new replica. */
  baseBackupBytesPerSecond: number;
  /** A streaming standby further behind than this (lagBytes) is CATCHING_UP. */
  catchUpThresholdBytes: number;
}

export const DEFAULT_REPLICATION_CONFIG: Readonly<ReplicationConfig> = Object.freeze({
  mode: 'ASYNCHRONOUS',
  standbyNodes: [],
  replicationTimeoutSecs: 30,
  maxWalSenders: 10,
  walKeepSegments: 8,
  maxWalSegments: 16,
  maxSlotWalKeepSegments: 64,
  archiveMode: false,
  archiveCommand: '',
  walSegmentBytes: 65_536,
  flushDelayMs: 5,
  statusIntervalMs: 1000,
  maxBatchBytes: 16_384,
  checkpointIntervalMs: 30_000,
  baseBackupBytesPerSecond: 10_485_760,
  catchUpThresholdBytes: 1_048_576,
}) as Readonly<ReplicationConfig>;

/** A change to the config: any subset of its fields. */
export type ReplicationConfigPatch = Partial<ReplicationConfig>;

/** One thing wrong with a patch. */
export interface ConfigProblem {
  field: keyof ReplicationConfig | 'patch';
  message: string;
}

const FIELDS = Object.keys(DEFAULT_REPLICATION_CONFIG) as (keyof ReplicationConfig)[];

/** Bounds of the whole-number fields: [min, max]. */
const INTEGER_BOUNDS: Partial<Record<keyof ReplicationConfig, [number, number]>> = {
  replicationTimeoutSecs: [1, 3600],
  maxWalSenders: [0, 1000],
  walKeepSegments: [0, 100_000],
  maxWalSegments: [1, 100_000],
  walSegmentBytes: [1024, 1_073_741_824],
  flushDelayMs: [0, 60_000],
  statusIntervalMs: [1, 600_000],
  maxBatchBytes: [64, 67_108_864],
  checkpointIntervalMs: [10, 86_400_000],
  baseBackupBytesPerSecond: [1, 10_737_418_240],
  catchUpThresholdBytes: [0, Number.MAX_SAFE_INTEGER],
};

/**
 * The config with `patch` applied, after checking every field and the rules across fields.
 * @throws DomainError UNPROCESSABLE whose `details.problems` lists every bad field; `current` is untouched.
 */
export function applyConfigPatch(current: Readonly<ReplicationConfig>, patch: ReplicationConfigPatch): ReplicationConfig {
  const problems: ConfigProblem[] = [];
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw invalid([{ field: 'patch', message: 'the patch must be an object of config fields' }]);
  }
  for (const field of Object.keys(patch)) {
    if (!FIELDS.includes(field as keyof ReplicationConfig)) problems.push({ field: 'patch', message: `unknown field ${field}` });
  }
  const next: ReplicationConfig = { ...current, standbyNodes: [...current.standbyNodes] };
  for (const field of FIELDS) {
    if (!(field in patch) || patch[field] === undefined) continue;
    const value: unknown = patch[field];
    const problem = fieldProblem(field, value);
    if (problem !== null) problems.push({ field, message: problem });
    else (next as unknown as Record<string, unknown>)[field] = Array.isArray(value) ? [...value] : value;
  }
  // Cross-field rules run on the fields that passed, so one call reports everything.
  problems.push(...crossFieldProblems(next));
  if (problems.length > 0) throw invalid(problems);
  return next;
}

/** Rules across fields; empty when the config is coherent. */
export function crossFieldProblems(config: ReplicationConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (config.archiveMode && config.archiveCommand.trim() === '') {
    problems.push({ field: 'archiveCommand', message: 'archiveMode on needs an archiveCommand (e.g. cp %p /archive/%f)' });
  }
  if (config.replicationTimeoutSecs * 1000 <= config.statusIntervalMs * 2) {
    problems.push({ field: 'replicationTimeoutSecs', message: 'replicationTimeoutSecs must exceed two status intervals, or healthy standbys would be marked DISCONNECTED' });
  }
  if (config.flushDelayMs >= config.replicationTimeoutSecs * 1000) {
    problems.push({ field: 'flushDelayMs', message: 'flushDelayMs must be shorter than replicationTimeoutSecs' });
  }
  if (config.maxBatchBytes > config.walSegmentBytes) {
    problems.push({ field: 'maxBatchBytes', message: 'maxBatchBytes must not exceed walSegmentBytes' });
  }
  if (config.maxSlotWalKeepSegments !== null && config.maxSlotWalKeepSegments < config.walKeepSegments) {
    problems.push({ field: 'maxSlotWalKeepSegments', message: 'maxSlotWalKeepSegments must be at least walKeepSegments (or null for no limit)' });
  }
  return problems;
}

function fieldProblem(field: keyof ReplicationConfig, value: unknown): string | null {
  switch (field) {
    case 'mode':
      return REPLICATION_MODES.includes(value as ReplicationMode) ? null : `must be one of ${REPLICATION_MODES.join(', ')}`;
    case 'standbyNodes': {
      if (!Array.isArray(value) || value.some((node) => typeof node !== 'string' || node.length === 0)) return 'must be a list of node ids';
      return new Set(value).size === value.length ? null : 'must not name a node twice';
    }
    case 'archiveMode':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'archiveCommand':
      return typeof value === 'string' && value.length <= 1024 ? null : 'must be a string of at most 1024 characters';
    case 'maxSlotWalKeepSegments':
      if (value === null) return null;
      return integerProblem(value, [0, 100_000]);
    default:
      return integerProblem(value, INTEGER_BOUNDS[field] ?? [0, Number.MAX_SAFE_INTEGER]);
  }
}

function integerProblem(value: unknown, [min, max]: [number, number]): string | null {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be a whole number';
  return value < min || value > max ? `must be between ${min} and ${max}` : null;
}

function invalid(problems: ConfigProblem[]): DomainError {
  return new DomainError('UNPROCESSABLE', `Invalid replication configuration: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}.`, {
    problems,
  });
}
