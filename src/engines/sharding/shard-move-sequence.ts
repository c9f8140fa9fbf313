/**
 * A sequence of shard moves run one after another: an executed rebalance plan (Citus's
 * `rebalance_table_shards`) or a migration task (one shard, or the shards a key range covers).
 * The record is plain JSON; its state follows its moves'.
 */
import type { PlannedMove, RebalancePlan } from './rebalance-plan.js';

export type SequenceKind = 'REBALANCE' | 'MIGRATION';

/** PLANNED: a plan or task not started. RUNNING … FAILED follow the moves. */
export type SequenceState = 'PLANNED' | 'RUNNING' | 'PAUSED' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export const SEQUENCE_STATES: readonly SequenceState[] = Object.freeze(['PLANNED', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED', 'FAILED']);

/** The key range a migration task was asked for, as given. */
export interface KeyRangeSelection {
  table: string;
  /** Inclusive lower bound of the shard key, or null for unbounded. */
  fromKey: string | number | null;
  /** Exclusive upper bound, or null for unbounded. */
  toKey: string | number | null;
}

export interface MoveSequenceRecord {
  id: string;
  kind: SequenceKind;
  state: SequenceState;
  /** The moves, in the order they run. */
  moves: PlannedMove[];
  /** The workflow of each move once started (null before). */
  moveIds: (string | null)[];
  /** The move running now (or next). */
  currentIndex: number;
  /** The plan's summary, for a rebalance. */
  plan: Omit<RebalancePlan, 'moves'> | null;
  keyRange: KeyRangeSelection | null;
  /** Pre-flight findings overridden by `force` when it started. */
  forcedFindings: string[];
  createdAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  /** A deleted migration task: dropped once its move has rolled back. */
  deleted: boolean;
  error: string | null;
}

export function isFinishedSequence(state: SequenceState): boolean {
  return state === 'COMPLETED' || state === 'CANCELLED' || state === 'FAILED';
}
