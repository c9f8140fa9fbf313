/**
 * The shard move settings (README, "Rebalance and migration workflows"): the copy rate and batch
 * sizes of the workflow, the pre-flight thresholds, and the limits on what is kept. Rates are in
 * bytes per second of cluster time; bytes are JSON byte lengths of stored rows, as the shards'
 * `sizeBytes` and WAL record sizes are measured. `validateShardMoveConfig` fills defaults and
 * rejects a bad patch whole, listing every bad field.
 */
import { DomainError } from '../runtime/domain-error.js';
import { MAX_CHANGES_PER_TRANSACTION } from '../replication/node-storage.js';

export interface ShardMoveConfig {
  /** Copy throttle: bytes of rows copied (and WAL replayed) per second of cluster time, per move. Citus's rebalancer has no throttle; Vitess's VReplication has `vreplication_copy_phase_max_*`. */
  copyRateBytesPerSecond: number;
  /** Most rows (or replayed changes, or clean-up deletes) in one WAL commit on the target or source. */
  copyBatchRows: number;
  /** Most batches one move runs per tick: bounds the work of a tick whatever the rate. */
  maxBatchesPerTick: number;
  /** How often running moves are ticked, in cluster milliseconds. */
  tickIntervalMs: number;
  /** Pre-flight: a target whose replication lag exceeds this is "lagging". */
  maxTargetLagBytes: number;
  /** Pre-flight: the byte budget of one node (what shards on it may hold in all); a move that leaves the target above it is "low free capacity". */
  nodeCapacityBytes: number;
  /** Most moves a rebalance plan holds (Citus's `max_shard_moves`). */
  maxShardMoves: number;
  /** Finished moves, rebalances, plans and migration tasks kept for status and lists (oldest finished dropped first). */
  historySize: number;
  /** Most moves, rebalances and migration tasks not yet finished. */
  maxActiveWorkflows: number;
}

export type ShardMoveConfigPatch = Partial<ShardMoveConfig>;

export const DEFAULT_SHARD_MOVE_CONFIG: Readonly<ShardMoveConfig> = Object.freeze({
  copyRateBytesPerSecond: 1_048_576,
  copyBatchRows: 500,
  maxBatchesPerTick: 64,
  tickIntervalMs: 100,
  maxTargetLagBytes: 16_777_216,
  nodeCapacityBytes: 268_435_456,
  maxShardMoves: 1000,
  historySize: 200,
  maxActiveWorkflows: 256,
});

/** Each field's allowed range (whole numbers). */
const RANGES: Readonly<Record<keyof ShardMoveConfig, readonly [number, number]>> = Object.freeze({
  copyRateBytesPerSecond: [1, 1_073_741_824],
  copyBatchRows: [1, MAX_CHANGES_PER_TRANSACTION],
  maxBatchesPerTick: [1, 10_000],
  tickIntervalMs: [1, 60_000],
  maxTargetLagBytes: [0, Number.MAX_SAFE_INTEGER],
  nodeCapacityBytes: [1, Number.MAX_SAFE_INTEGER],
  maxShardMoves: [1, 100_000],
  historySize: [1, 10_000],
  maxActiveWorkflows: [1, 10_000],
});

/** Fills defaults over `base` and rejects bad values, listing every problem (UNPROCESSABLE). */
export function validateShardMoveConfig(patch: ShardMoveConfigPatch = {}, base: Readonly<ShardMoveConfig> = DEFAULT_SHARD_MOVE_CONFIG): ShardMoveConfig {
  const problems: string[] = [];
  const config: ShardMoveConfig = { ...base };
  for (const [field, value] of Object.entries(patch) as [keyof ShardMoveConfig, unknown][]) {
    if (value === undefined) continue;
    const range = RANGES[field];
    if (range === undefined) {
      problems.push(`${field} is not a shard move setting`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < range[0] || value > range[1]) {
      problems.push(`${field} must be a whole number from ${range[0]} to ${range[1]}`);
      continue;
    }
    config[field] = value;
  }
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid shard move configuration: ${problems.join('; ')}.`, { problems });
  return config;
}
