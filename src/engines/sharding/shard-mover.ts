/**
 * The one move machinery of the cluster (README, "Rebalance and migration workflows"): rebalance
 * plans and their execution, migration tasks, and the coordinator's shard assignment all run
 * {@link ShardMove} workflows, one move at a time per sequence, driven by `tick(nowMs)`. It keeps
 * the records (persisted through {@link ShardMoverRecords} after every step), bounds what it
 * keeps, runs the pre-flight check, and tells a listener when sequences start, progress and end.
 */
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { estimatedDurationMs, planRebalance, type PlannedMove, type PlannedShard, type RebalanceNodeInput, type RebalanceStrategy } from './rebalance-plan.js';
import { validateShardMoveConfig, type ShardMoveConfig, type ShardMoveConfigPatch } from './shard-move-config.js';
import { isBeforeSwitch, isTerminalPhase, type MovePhase } from './shard-move-phase.js';
import { preflightMove, type PreflightFinding } from './shard-move-preflight.js';
import { isFinishedSequence, type KeyRangeSelection, type MoveSequenceRecord, type SequenceKind, type SequenceState } from './shard-move-sequence.js';
import { newMoveRecord, ShardMove, type MoveProgress, type ShardMovePort, type ShardMoveRecord } from './shard-move.js';

/** What the mover needs beyond one move's port: the shards and nodes to plan over, and what pre-flight measures. */
export interface ShardMoverPort extends ShardMovePort {
  /** Every group shard with its primary, tables, rows and bytes. */
  shards(): PlannedShard[];
  /** Every node with whether it can hold shard primaries now. */
  nodes(): RebalanceNodeInput[];
  /** Bytes the node's standbys are behind (0 without standbys). */
  lagBytesOf(nodeId: string): number;
  /** Bytes the node stores now (JSON bytes of every row). */
  usedBytesOf(nodeId: string): number;
}

export interface ShardMoverCounters {
  movesStarted: number;
  movesCompleted: number;
  movesCancelled: number;
  movesFailed: number;
  rowsCopied: number;
  bytesCopied: number;
  changesReplayed: number;
  /** Cluster milliseconds from start to end, over completed moves. */
  completedMoveDurationMs: number;
}

export interface ShardMoverState {
  nextMoveNumber: number;
  nextRebalanceNumber: number;
  nextMigrationNumber: number;
  counters: ShardMoverCounters;
}

/** Where the mover's records go (the platform journal); every method is called after the change. */
export interface ShardMoverRecords {
  stateChanged(state: ShardMoverState): void;
  moveChanged(record: ShardMoveRecord): void;
  moveRemoved(moveId: string): void;
  sequenceChanged(record: MoveSequenceRecord): void;
  sequenceRemoved(id: string): void;
}

export interface ShardMoverRestore {
  state: ShardMoverState | null;
  moves: ShardMoveRecord[];
  sequences: MoveSequenceRecord[];
}

export type SequenceEventKind = 'started' | 'progress' | 'completed';

export interface ShardMoverListener {
  sequenceEvent(kind: SequenceEventKind, progress: SequenceProgress): void;
}

export interface SequenceProgress {
  id: string;
  kind: SequenceKind;
  state: SequenceState;
  /** The phase of the move running now (or that ended the sequence), null before the first starts. */
  phase: MovePhase | null;
  movesTotal: number;
  movesCompleted: number;
  currentMoveIndex: number | null;
  currentMove: MoveProgress | null;
  rowsTotal: number;
  rowsCopied: number;
  rowsRemaining: number;
  bytesTotal: number;
  bytesCopied: number;
  bytesRemaining: number;
  percentComplete: number;
  etaMs: number | null;
  createdAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  error: string | null;
}

export interface PlanInput {
  strategy?: RebalanceStrategy;
  threshold?: number;
  maxShardMoves?: number;
  groups?: readonly string[];
  excludedShardIds?: readonly string[];
}

export interface MigrationInput {
  /** One group shard… */
  shardId?: string;
  /** …or the shards a key range covers (resolved by the caller to shard ids). */
  shardIds?: readonly string[];
  keyRange?: KeyRangeSelection;
  targetNodeId: string;
}

export interface StartOptions {
  /** Start despite pre-flight findings. */
  force?: boolean;
}

export interface ShardMoverStatistics {
  counters: ShardMoverCounters;
  tasksByState: Record<SequenceState, number>;
  rebalancesByState: Record<SequenceState, number>;
  activeMoves: number;
  /** Bytes copied per second of copy time, over completed moves (0 before the first). */
  averageCopyBytesPerSecond: number;
  averageMoveDurationMs: number;
  copyRateBytesPerSecond: number;
}

const emptyCounters = (): ShardMoverCounters => ({
  movesStarted: 0,
  movesCompleted: 0,
  movesCancelled: 0,
  movesFailed: 0,
  rowsCopied: 0,
  bytesCopied: 0,
  changesReplayed: 0,
  completedMoveDurationMs: 0,
});

const byState = (): Record<SequenceState, number> => ({ PLANNED: 0, RUNNING: 0, PAUSED: 0, COMPLETED: 0, CANCELLED: 0, FAILED: 0 });

export class ShardMover {
  private config: ShardMoveConfig;
  private readonly moves = new Map<string, ShardMove>();
  private readonly sequences = new Map<string, MoveSequenceRecord>();
  private readonly state: ShardMoverState;
  private readonly lastProgressEventMs = new Map<string, number>();

  constructor(
    private readonly port: ShardMoverPort,
    config: ShardMoveConfigPatch = {},
    private readonly records?: ShardMoverRecords,
    private readonly listener?: ShardMoverListener,
    restored?: ShardMoverRestore,
  ) {
    this.config = validateShardMoveConfig(config);
    this.state = restored?.state ?? { nextMoveNumber: 1, nextRebalanceNumber: 1, nextMigrationNumber: 1, counters: emptyCounters() };
    for (const record of restored?.moves ?? []) this.moves.set(record.moveId, this.moveOf(record));
    for (const record of [...(restored?.sequences ?? [])].sort((a, b) => a.createdAtMs - b.createdAtMs || naturalCompare(a.id, b.id))) this.sequences.set(record.id, record);
  }

  getConfig(): ShardMoveConfig {
    return { ...this.config };
  }

  configure(patch: ShardMoveConfigPatch): ShardMoveConfig {
    this.config = validateShardMoveConfig(patch, this.config);
    return this.getConfig();
  }

  // ------------------------------------------------------------------ rebalance

  /** Computes and keeps a plan (state PLANNED); nothing moves until it is executed. */
  plan(input: PlanInput, nowMs: number): MoveSequenceRecord {
    this.assertRoomForActive();
    const plan = planRebalance({
      shards: this.port.shards().map((shard) => ({ ...shard, moving: shard.moving || this.movingIn(shard.shardId) !== null })),
      nodes: this.port.nodes(),
      strategy: input.strategy ?? 'by_shard_count',
      ...(input.threshold === undefined ? {} : { threshold: input.threshold }),
      maxShardMoves: Math.min(input.maxShardMoves ?? this.config.maxShardMoves, this.config.maxShardMoves),
      copyRateBytesPerSecond: this.config.copyRateBytesPerSecond,
      ...(input.groups === undefined ? {} : { groups: input.groups }),
      ...(input.excludedShardIds === undefined ? {} : { excludedShardIds: input.excludedShardIds }),
    });
    const { moves, ...summary } = plan;
    const record = this.newSequence('REBALANCE', `rebalance-${this.state.nextRebalanceNumber++}`, moves, nowMs);
    record.plan = summary;
    return this.saveNew(record);
  }

  // ------------------------------------------------------------------ migration tasks

  /** A task moving one shard, or the shards of a key range, to `targetNodeId` (state PLANNED). */
  createMigration(input: MigrationInput, nowMs: number): MoveSequenceRecord {
    this.assertRoomForActive();
    const shardIds = input.shardId !== undefined ? [input.shardId] : [...(input.shardIds ?? [])];
    if (shardIds.length === 0) throw new DomainError('UNPROCESSABLE', 'A migration task needs a shardId or a key range that covers at least one shard.');
    const shards = new Map(this.port.shards().map((shard) => [shard.shardId, shard]));
    const nodes = new Map(this.port.nodes().map((node) => [node.nodeId, node]));
    if (!nodes.has(input.targetNodeId)) throw new DomainError('NOT_FOUND', `No node has id "${input.targetNodeId}".`, { resource: 'cluster.node', id: input.targetNodeId });
    const moves: PlannedMove[] = [];
    for (const shardId of shardIds) {
      const shard = shards.get(shardId);
      if (shard === undefined) throw new DomainError('NOT_FOUND', `No shard has id "${shardId}".`, { resource: 'sharding.shard', id: shardId });
      if (shard.primaryNodeId === input.targetNodeId) continue;
      if (shard.primaryNodeId === null) throw new DomainError('CONFLICT', `Shard ${shardId} has no primary to copy from.`, { shardId });
      moves.push({
        shardId,
        group: shard.group,
        tables: [...shard.tables],
        sourceNodeId: shard.primaryNodeId,
        targetNodeId: input.targetNodeId,
        rows: shard.rowCount,
        bytes: shard.sizeBytes,
        estimatedDurationMs: estimatedDurationMs(shard.sizeBytes, this.config.copyRateBytesPerSecond),
      });
    }
    if (moves.length === 0) throw new DomainError('UNPROCESSABLE', `Every selected shard is already on ${input.targetNodeId}: nothing to migrate.`, { shardIds, targetNodeId: input.targetNodeId });
    const record = this.newSequence('MIGRATION', `migration-${this.state.nextMigrationNumber++}`, moves, nowMs);
    record.keyRange = input.keyRange ?? null;
    return this.saveNew(record);
  }

  // ------------------------------------------------------------------ running

  /** Pre-flight findings for a sequence's moves not yet started. */
  preflight(id: string): PreflightFinding[] {
    const record = this.sequence(id);
    const heading = new Map<string, number>();
    const findings: PreflightFinding[] = [];
    const shards = new Map(this.port.shards().map((shard) => [shard.shardId, shard]));
    const used = new Map<string, number>();
    for (let index = record.currentIndex; index < record.moves.length; index += 1) {
      if (record.moveIds[index] !== null) continue;
      const move = record.moves[index]!;
      const shard = shards.get(move.shardId);
      if (!used.has(move.targetNodeId)) used.set(move.targetNodeId, this.port.usedBytesOf(move.targetNodeId));
      findings.push(
        ...preflightMove(
          {
            shardId: move.shardId,
            sourceNodeId: move.sourceNodeId,
            targetNodeId: move.targetNodeId,
            bytes: move.bytes,
            sourceProblem: this.port.whyUnavailable(move.sourceNodeId),
            targetProblem: this.port.whyUnavailable(move.targetNodeId),
            targetLagBytes: this.port.lagBytesOf(move.targetNodeId),
            movingIn: this.movingIn(move.shardId),
            targetUsedBytes: used.get(move.targetNodeId)! + (heading.get(move.targetNodeId) ?? 0) + this.incomingBytes(move.targetNodeId),
            shardStatus: this.port.statusOf(move.shardId),
            primaryNodeId: shard?.primaryNodeId ?? null,
          },
          this.config,
        ),
      );
      heading.set(move.targetNodeId, (heading.get(move.targetNodeId) ?? 0) + move.bytes);
    }
    return findings;
  }

  /** PLANNED → RUNNING (a rebalance's execute, a task's start). @throws CONFLICT with the findings unless `force`. */
  start(id: string, options: StartOptions, nowMs: number): MoveSequenceRecord {
    const record = this.sequence(id);
    if (record.state !== 'PLANNED') throw new DomainError('CONFLICT', `${this.label(record)} is ${record.state}; only a PLANNED one starts.`, { id, state: record.state });
    const findings = this.preflight(id);
    if (findings.length > 0 && options.force !== true) {
      throw new DomainError('CONFLICT', `Pre-flight found ${findings.length} problem(s) for ${this.label(record)}; fix them or start with force.`, { id, findings });
    }
    record.forcedFindings = findings.map((finding) => finding.message);
    if (record.moves.length === 0) {
      record.startedAtMs = nowMs;
      this.finish(record, 'COMPLETED', nowMs);
      return record;
    }
    this.startMove(record, nowMs, true);
    record.startedAtMs = nowMs;
    record.state = 'RUNNING';
    this.records?.sequenceChanged(record);
    this.emit('started', record, nowMs);
    return record;
  }

  pause(id: string, nowMs: number): MoveSequenceRecord {
    const record = this.sequence(id);
    if (record.state !== 'RUNNING') throw new DomainError('CONFLICT', `${this.label(record)} is ${record.state}, not RUNNING.`, { id, state: record.state });
    this.currentMove(record)!.pause(nowMs);
    record.state = 'PAUSED';
    this.records?.sequenceChanged(record);
    this.emit('progress', record, nowMs);
    return record;
  }

  resume(id: string, nowMs: number): MoveSequenceRecord {
    const record = this.sequence(id);
    if (record.state !== 'PAUSED') throw new DomainError('CONFLICT', `${this.label(record)} is ${record.state}, not PAUSED.`, { id, state: record.state });
    this.currentMove(record)!.resume(nowMs);
    record.state = 'RUNNING';
    this.records?.sequenceChanged(record);
    this.emit('progress', record, nowMs);
    return record;
  }

  /** Cancels the move running now (before its switch; refused after) and the moves after it. A PLANNED sequence is simply cancelled. */
  cancel(id: string, nowMs: number): MoveSequenceRecord {
    const record = this.sequence(id);
    if (isFinishedSequence(record.state)) throw new DomainError('CONFLICT', `${this.label(record)} is already ${record.state}.`, { id, state: record.state });
    if (record.state === 'PLANNED') {
      this.finish(record, 'CANCELLED', nowMs);
      return record;
    }
    const move = this.currentMove(record)!;
    move.cancel(nowMs);
    if (record.state === 'PAUSED') record.state = 'RUNNING';
    this.settle(record, nowMs);
    this.records?.sequenceChanged(record);
    return record;
  }

  /** Removes a task: a running one is cancelled first and dropped once rolled back. @throws CONFLICT past its switch. */
  delete(id: string, nowMs: number): MoveSequenceRecord {
    const record = this.sequence(id);
    if (!isFinishedSequence(record.state)) this.cancel(id, nowMs);
    record.deleted = true;
    if (isFinishedSequence(record.state)) this.drop(record);
    else this.records?.sequenceChanged(record);
    return record;
  }

  /** Runs every active move as far as the throttle allows, and starts the next move of a sequence whose move finished. */
  tick(nowMs: number): void {
    for (const record of [...this.sequences.values()]) {
      if (record.state !== 'RUNNING') continue;
      const move = this.currentMove(record);
      if (move === null) continue;
      move.tick(nowMs);
      this.settle(record, nowMs);
      if (record.state === 'RUNNING' && nowMs - (this.lastProgressEventMs.get(record.id) ?? 0) >= 1000) this.emit('progress', record, nowMs);
    }
  }

  // ------------------------------------------------------------------ reading

  sequence(id: string): MoveSequenceRecord {
    const record = this.sequences.get(id);
    if (record === undefined || record.deleted) {
      const resource = id.startsWith('rebalance-') ? 'sharding.rebalance' : 'cluster.migration-task';
      throw new DomainError('NOT_FOUND', `No ${resource === 'sharding.rebalance' ? 'rebalance plan' : 'migration task'} has id "${id}".`, { resource, id });
    }
    return record;
  }

  list(kind: SequenceKind): MoveSequenceRecord[] {
    return [...this.sequences.values()].filter((record) => record.kind === kind && !record.deleted);
  }

  progress(id: string, nowMs: number): SequenceProgress {
    return this.progressOfRecord(this.sequence(id), nowMs);
  }

  moveProgress(moveId: string, nowMs: number): MoveProgress {
    const move = this.moves.get(moveId);
    if (move === undefined) throw new DomainError('NOT_FOUND', `No move has id "${moveId}".`, { resource: 'sharding.move', id: moveId });
    return move.progress(nowMs);
  }

  /** Running moves waiting for a node (their `blockedReason` is set). */
  blockedMoves(): number {
    let blocked = 0;
    for (const move of this.moves.values()) if (!isTerminalPhase(move.phase) && move.snapshot().blockedReason !== null) blocked += 1;
    return blocked;
  }

  /** True while some sequence runs (the owner ticks the mover only then). */
  running(): boolean {
    for (const record of this.sequences.values()) if (record.state === 'RUNNING') return true;
    return false;
  }

  /** The sequence moving a shard now, or null. */
  movingIn(shardId: string): string | null {
    for (const record of this.sequences.values()) {
      if (record.state !== 'RUNNING' && record.state !== 'PAUSED') continue;
      const index = record.currentIndex;
      if (record.moves[index]?.shardId === shardId && record.moveIds[index] !== null) return record.id;
    }
    return null;
  }

  statistics(): ShardMoverStatistics {
    const tasksByState = byState();
    const rebalancesByState = byState();
    let activeMoves = 0;
    for (const record of this.sequences.values()) {
      if (record.deleted) continue;
      (record.kind === 'MIGRATION' ? tasksByState : rebalancesByState)[record.state] += 1;
    }
    for (const move of this.moves.values()) if (!isTerminalPhase(move.phase) && move.phase !== 'PENDING') activeMoves += 1;
    const { counters } = this.state;
    return {
      counters: { ...counters },
      tasksByState,
      rebalancesByState,
      activeMoves,
      averageCopyBytesPerSecond: counters.completedMoveDurationMs === 0 ? 0 : Math.round((counters.bytesCopied / counters.completedMoveDurationMs) * 1000),
      averageMoveDurationMs: counters.movesCompleted === 0 ? 0 : Math.round(counters.completedMoveDurationMs / counters.movesCompleted),
      copyRateBytesPerSecond: this.config.copyRateBytesPerSecond,
    };
  }

  // ------------------------------------------------------------------ internals

  private newSequence(kind: SequenceKind, id: string, moves: PlannedMove[], nowMs: number): MoveSequenceRecord {
    return {
      id,
      kind,
      state: 'PLANNED',
      moves,
      moveIds: moves.map(() => null),
      currentIndex: 0,
      plan: null,
      keyRange: null,
      forcedFindings: [],
      createdAtMs: nowMs,
      startedAtMs: null,
      finishedAtMs: null,
      deleted: false,
      error: null,
    };
  }

  private saveNew(record: MoveSequenceRecord): MoveSequenceRecord {
    this.sequences.set(record.id, record);
    this.records?.sequenceChanged(record);
    this.records?.stateChanged(this.state);
    this.trimHistory();
    return record;
  }

  /** Creates and starts the move at currentIndex. A move that cannot start fails the sequence (or, for the first, throws). */
  private startMove(record: MoveSequenceRecord, nowMs: number, throwOnRefusal: boolean): void {
    const planned = record.moves[record.currentIndex]!;
    const moveId = `move-${this.state.nextMoveNumber++}`;
    const move = this.moveOf(newMoveRecord({ moveId, shardId: planned.shardId, tables: planned.tables, sourceNodeId: planned.sourceNodeId, targetNodeId: planned.targetNodeId }, nowMs));
    try {
      if (this.movingIn(planned.shardId) !== null) {
        throw new DomainError('CONFLICT', `Shard ${planned.shardId} is already being moved by ${this.movingIn(planned.shardId)}.`, { shardId: planned.shardId });
      }
      move.start(nowMs);
    } catch (error) {
      this.state.nextMoveNumber -= 1;
      if (throwOnRefusal || !(error instanceof DomainError)) throw error;
      record.error = error.message;
      this.finish(record, 'FAILED', nowMs);
      return;
    }
    this.moves.set(moveId, move);
    record.moveIds[record.currentIndex] = moveId;
    this.state.counters.movesStarted += 1;
    this.records?.moveChanged(move.snapshot());
    this.records?.stateChanged(this.state);
  }

  /** Follows the current move: the next one starts when it completes; the sequence ends with a cancelled or failed one. */
  private settle(record: MoveSequenceRecord, nowMs: number): void {
    const move = this.currentMove(record);
    if (move === null || !isTerminalPhase(move.phase)) return;
    const moveRecord = move.snapshot();
    const { counters } = this.state;
    if (move.phase === 'COMPLETED') {
      counters.movesCompleted += 1;
      counters.rowsCopied += moveRecord.rowsCopied;
      counters.bytesCopied += moveRecord.bytesCopied;
      counters.changesReplayed += moveRecord.changesReplayed;
      counters.completedMoveDurationMs += (moveRecord.finishedAtMs ?? nowMs) - (moveRecord.startedAtMs ?? nowMs);
      this.records?.stateChanged(this.state);
      if (record.currentIndex + 1 < record.moves.length) {
        record.currentIndex += 1;
        this.records?.sequenceChanged(record);
        this.emit('progress', record, nowMs);
        this.startMove(record, nowMs, false);
        if (record.state === 'RUNNING') this.records?.sequenceChanged(record);
        return;
      }
      this.finish(record, 'COMPLETED', nowMs);
      return;
    }
    if (move.phase === 'CANCELLED') counters.movesCancelled += 1;
    else counters.movesFailed += 1;
    this.records?.stateChanged(this.state);
    record.error = moveRecord.error;
    this.finish(record, move.phase === 'CANCELLED' ? 'CANCELLED' : 'FAILED', nowMs);
  }

  private finish(record: MoveSequenceRecord, state: SequenceState, nowMs: number): void {
    record.state = state;
    record.finishedAtMs = nowMs;
    this.lastProgressEventMs.delete(record.id);
    if (record.deleted) {
      this.drop(record);
      return;
    }
    this.records?.sequenceChanged(record);
    if (record.startedAtMs !== null) this.emit('completed', record, nowMs);
    this.trimHistory();
  }

  private drop(record: MoveSequenceRecord): void {
    this.sequences.delete(record.id);
    this.records?.sequenceRemoved(record.id);
    for (const moveId of record.moveIds) {
      if (moveId === null) continue;
      this.moves.delete(moveId);
      this.records?.moveRemoved(moveId);
    }
  }

  /** Finished sequences beyond historySize go, oldest first. */
  private trimHistory(): void {
    const finished = [...this.sequences.values()].filter((record) => isFinishedSequence(record.state));
    for (const record of finished.slice(0, Math.max(0, finished.length - this.config.historySize))) this.drop(record);
  }

  private assertRoomForActive(): void {
    const active = [...this.sequences.values()].filter((record) => !isFinishedSequence(record.state)).length;
    if (active >= this.config.maxActiveWorkflows) {
      throw new DomainError('CONFLICT', `There are already ${active} plans and tasks not finished (maxActiveWorkflows ${this.config.maxActiveWorkflows}); execute, cancel or delete some first.`, {
        active,
      });
    }
  }

  private currentMove(record: MoveSequenceRecord): ShardMove | null {
    const moveId = record.moveIds[record.currentIndex];
    return moveId === null || moveId === undefined ? null : (this.moves.get(moveId) ?? null);
  }

  /** Bytes still to arrive at `nodeId` from moves running now. */
  private incomingBytes(nodeId: string): number {
    let bytes = 0;
    for (const move of this.moves.values()) {
      const record = move.snapshot();
      if (record.targetNodeId === nodeId && !isTerminalPhase(record.phase) && isBeforeSwitch(record.phase === 'PAUSED' ? record.pausedFrom! : record.phase)) {
        bytes += Math.max(0, record.bytesTotal - record.bytesCopied);
      }
    }
    return bytes;
  }

  private moveOf(record: ShardMoveRecord): ShardMove {
    return new ShardMove(record, this.port, () => this.config, (changed, previousPhase) => {
      this.records?.moveChanged(structuredClone(changed));
      if (previousPhase === null) return;
      const sequence = [...this.sequences.values()].find((candidate) => candidate.moveIds.includes(changed.moveId));
      if (sequence !== undefined && sequence.state !== 'PLANNED') this.emit('progress', sequence, changed.phaseChangedAtMs);
    });
  }

  /** The progress of a record (also of one just deleted). */
  progressOfRecord(record: MoveSequenceRecord, nowMs: number): SequenceProgress {
    let rowsTotal = 0;
    let rowsCopied = 0;
    let bytesTotal = 0;
    let bytesCopied = 0;
    let bytesLeft = 0;
    let movesCompleted = 0;
    record.moves.forEach((planned, index) => {
      const moveId = record.moveIds[index];
      const move = moveId === null || moveId === undefined ? undefined : this.moves.get(moveId);
      if (move === undefined) {
        rowsTotal += planned.rows;
        bytesTotal += planned.bytes;
        if (!isFinishedSequence(record.state)) bytesLeft += planned.bytes;
        return;
      }
      const progress = move.progress(nowMs);
      if (progress.phase === 'COMPLETED') movesCompleted += 1;
      rowsTotal += progress.rowsTotal;
      bytesTotal += progress.bytesTotal;
      rowsCopied += progress.rowsTotal - progress.rowsRemaining;
      bytesCopied += progress.bytesTotal - progress.bytesRemaining;
      bytesLeft += move.remainingBytes();
    });
    const current = this.currentMove(record);
    const currentMove = current === null ? null : current.progress(nowMs);
    const running = record.state === 'RUNNING' && currentMove?.blockedReason === null;
    const percentComplete =
      record.state === 'COMPLETED' ? 100 : record.moves.length === 0 ? 0 : Math.floor(((movesCompleted + (currentMove !== null && currentMove.phase !== 'COMPLETED' ? currentMove.percentComplete / 100 : 0)) / record.moves.length) * 100);
    return {
      id: record.id,
      kind: record.kind,
      state: record.state,
      phase: currentMove?.phase ?? null,
      movesTotal: record.moves.length,
      movesCompleted,
      currentMoveIndex: current === null ? null : record.currentIndex,
      currentMove,
      rowsTotal,
      rowsCopied,
      rowsRemaining: Math.max(0, rowsTotal - rowsCopied),
      bytesTotal,
      bytesCopied,
      bytesRemaining: Math.max(0, bytesTotal - bytesCopied),
      percentComplete: Math.min(100, percentComplete),
      etaMs: running ? nowMs + Math.ceil((bytesLeft / this.config.copyRateBytesPerSecond) * 1000) : null,
      createdAtMs: record.createdAtMs,
      startedAtMs: record.startedAtMs,
      finishedAtMs: record.finishedAtMs,
      error: record.error,
    };
  }

  private emit(kind: SequenceEventKind, record: MoveSequenceRecord, nowMs: number): void {
    if (this.listener === undefined) return;
    this.lastProgressEventMs.set(record.id, nowMs);
    this.listener.sequenceEvent(kind, this.progressOfRecord(record, nowMs));
  }

  private label(record: MoveSequenceRecord): string {
    return record.kind === 'REBALANCE' ? `Rebalance ${record.id}` : `Migration task ${record.id}`;
  }
}
