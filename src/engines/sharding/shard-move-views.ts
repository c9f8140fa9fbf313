/**
 * The move machinery as the API and the events show it (spec/openapi/components/shard-moves.yaml):
 * cluster milliseconds become ISO-8601 times, plans and tasks carry their progress.
 */
import type { PlannedMove, RebalancePlan } from './rebalance-plan.js';
import type { KeyRangeSelection, MoveSequenceRecord, SequenceState } from './shard-move-sequence.js';
import type { TableVerification } from './shard-move-data.js';
import type { MoveProgress } from './shard-move.js';
import type { SequenceProgress, ShardMoverCounters, ShardMoverStatistics } from './shard-mover.js';

export interface ShardMoveProgressView extends Omit<MoveProgress, 'etaMs' | 'createdAtMs' | 'startedAtMs' | 'finishedAtMs'> {
  estimatedCompletionAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  verification: TableVerification[] | null;
}

export interface WorkflowProgressView extends Omit<SequenceProgress, 'currentMove' | 'etaMs' | 'createdAtMs' | 'startedAtMs' | 'finishedAtMs'> {
  currentMove: ShardMoveProgressView | null;
  estimatedCompletionAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A plan as the API shows it: the planner's result under its id and state. */
export interface RebalancePlanView extends RebalancePlan {
  planId: string;
  state: SequenceState;
  createdAt: string;
}

export interface MigrationTaskView {
  taskId: string;
  state: SequenceState;
  targetNodeId: string;
  keyRange: KeyRangeSelection | null;
  moves: PlannedMove[];
  forcedFindings: string[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: WorkflowProgressView;
}

export interface MigrationStatisticsView extends Omit<ShardMoverCounters, 'completedMoveDurationMs'> {
  tasksByState: Record<SequenceState, number>;
  rebalancesByState: Record<SequenceState, number>;
  activeMoves: number;
  averageMoveDurationMs: number;
  averageCopyBytesPerSecond: number;
  copyRateBytesPerSecond: number;
}

export function isoOf(ms: number): string;
export function isoOf(ms: number | null): string | null;
export function isoOf(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function moveProgressView(progress: MoveProgress): ShardMoveProgressView {
  const { etaMs, createdAtMs, startedAtMs, finishedAtMs, ...rest } = progress;
  return { ...rest, estimatedCompletionAt: isoOf(etaMs), createdAt: isoOf(createdAtMs), startedAt: isoOf(startedAtMs), finishedAt: isoOf(finishedAtMs) };
}

export function workflowProgressView(progress: SequenceProgress): WorkflowProgressView {
  const { currentMove, etaMs, createdAtMs, startedAtMs, finishedAtMs, ...rest } = progress;
  return {
    ...rest,
    currentMove: currentMove === null ? null : moveProgressView(currentMove),
    estimatedCompletionAt: isoOf(etaMs),
    createdAt: isoOf(createdAtMs),
    startedAt: isoOf(startedAtMs),
    finishedAt: isoOf(finishedAtMs),
  };
}

export function rebalancePlanView(record: MoveSequenceRecord): RebalancePlanView {
  const plan = record.plan!;
  return {
    planId: record.id,
    state: record.state,
    strategy: plan.strategy,
    threshold: plan.threshold,
    moves: record.moves.map((move) => ({ ...move, tables: [...move.tables] })),
    nodesBefore: plan.nodesBefore.map((load) => ({ ...load })),
    nodesAfter: plan.nodesAfter.map((load) => ({ ...load })),
    totalRows: plan.totalRows,
    totalBytes: plan.totalBytes,
    estimatedDurationMs: plan.estimatedDurationMs,
    balanced: plan.balanced,
    createdAt: isoOf(record.createdAtMs),
  };
}

export function migrationTaskView(record: MoveSequenceRecord, progress: SequenceProgress): MigrationTaskView {
  return {
    taskId: record.id,
    state: record.state,
    targetNodeId: record.moves[0]?.targetNodeId ?? '',
    keyRange: record.keyRange === null ? null : { ...record.keyRange },
    moves: record.moves.map((move) => ({ ...move, tables: [...move.tables] })),
    forcedFindings: [...record.forcedFindings],
    createdAt: isoOf(record.createdAtMs),
    startedAt: isoOf(record.startedAtMs),
    finishedAt: isoOf(record.finishedAtMs),
    error: record.error,
    progress: workflowProgressView(progress),
  };
}

export function migrationStatisticsView(statistics: ShardMoverStatistics): MigrationStatisticsView {
  const { completedMoveDurationMs: _total, ...counters } = statistics.counters;
  return {
    tasksByState: { ...statistics.tasksByState },
    rebalancesByState: { ...statistics.rebalancesByState },
    activeMoves: statistics.activeMoves,
    ...counters,
    averageMoveDurationMs: statistics.averageMoveDurationMs,
    averageCopyBytesPerSecond: statistics.averageCopyBytesPerSecond,
    copyRateBytesPerSecond: statistics.copyRateBytesPerSecond,
  };
}
