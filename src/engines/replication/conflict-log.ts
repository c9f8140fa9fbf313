/**
 * Replication conflicts on the live cluster: `simulate` makes two real conflicting writes to one
 * row (a local write on the primary, then a remote change from another site made on the version
 * before it), detection records both versions, and `resolve` writes the winning row through the
 * primary's WAL so every standby has it. Conflicts are kept in the store.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { VirtualClock } from '../runtime/index.js';
import { DomainError, assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import {
  detectConflict,
  resolveConflict,
  type ConflictType,
  type RemoteChange,
  type ResolutionOutcome,
  type ResolutionStrategy,
  type RowVersion,
} from './conflict-resolution.js';
import { formatLsn, type Lsn } from './lsn.js';
import type { ReplicationCluster } from './replication-cluster.js';
import type { RowValue, RowWrite } from './wal-record.js';

export const REPLICATION_CONFLICT_RECORD = 'replication.conflict';
export const REPLICATION_CONFLICT_COUNTER_RECORD = 'replication.conflictCounter';

/** The simulation's one database. */
export const CONFLICT_DATABASE = 'rustydb';
/** Conflicts kept; the oldest resolved ones go first. */
export const CONFLICTS_KEPT = 1000;

export interface ConflictRecord {
  conflictId: string;
  database: string;
  tableName: string;
  rowKey: string;
  conflictType: ConflictType;
  /** The site the remote change came from. */
  originNode: string;
  /** Where the local write is: the primary. */
  targetNode: string;
  detectedAtMs: number;
  base: RowVersion;
  local: RowVersion;
  remote: RowVersion;
  resolutionStrategy: ResolutionStrategy | null;
  winner: ResolutionOutcome | null;
  resolved: boolean;
  resolvedAtMs: number | null;
  resolvedData: RowValue | null;
  resolvedLsn: Lsn | null;
  resolvedBy: string | null;
}

export interface SimulateConflictInput {
  tableName: string;
  rowKey: string;
  /** Default UPDATE_CONFLICT. */
  conflictType?: ConflictType;
  localData?: RowValue;
  remoteData?: RowValue;
  /** Default: the lowest node id other than the primary. */
  originNode?: string;
  /** The remote change's time relative to the local write (default 1 ms after). */
  remoteDelayMs?: number;
}

/** Publishes conflict events (the platform's EventBus satisfies it). */
export interface ConflictPublisher {
  publish(type: 'conflict_detected' | 'conflict_resolved', source: string, payload: ReturnType<typeof conflictPayload>): unknown;
}

export interface ConflictLogDeps {
  clock: VirtualClock;
  cluster: ReplicationCluster;
  journal: Journal;
  bus?: ConflictPublisher;
}

export class ConflictLog {
  private readonly conflicts = new Map<string, ConflictRecord>();
  private nextNumber: number;

  constructor(
    private readonly deps: ConflictLogDeps,
    state: { conflicts: readonly ConflictRecord[]; nextNumber: number } = { conflicts: [], nextNumber: 1 },
  ) {
    for (const conflict of state.conflicts) this.conflicts.set(conflict.conflictId, conflict);
    this.nextNumber = state.nextNumber;
  }

  static async load(store: Store, deps: ConflictLogDeps): Promise<ConflictLog> {
    const conflicts = (await store.list<ConflictRecord>(REPLICATION_CONFLICT_RECORD)).map((record) => record.value);
    conflicts.sort((a, b) => naturalCompare(a.conflictId, b.conflictId));
    return new ConflictLog(deps, { conflicts, nextNumber: (await store.get<number>(REPLICATION_CONFLICT_COUNTER_RECORD, 'next')) ?? 1 });
  }

  /** Conflicts, newest first. */
  list(): ConflictRecord[] {
    return [...this.conflicts.values()].reverse().map((conflict) => ({ ...conflict }));
  }

  has(conflictId: string): boolean {
    return this.conflicts.has(conflictId);
  }

  /** @throws NOT_FOUND. */
  get(conflictId: string): ConflictRecord {
    return { ...this.require(conflictId) };
  }

  /**
   * Makes and detects a conflict (see the module comment). The remote change is held, not
   * applied: it waits for {@link resolve}.
   * @throws CONFLICT when the primary is down, or the row's presence does not fit the type
   *   (updates and deletes need the row, inserts need the key free); UNPROCESSABLE when
   *   `originNode` is the primary or no cluster node.
   */
  simulate(input: SimulateConflictInput): ConflictRecord {
    const { cluster, clock } = this.deps;
    const primaryId = cluster.primary();
    if (!cluster.writable()) throw new DomainError('CONFLICT', `The primary ${primaryId} cannot take writes; fail over first.`, { primaryId });
    const conflictType = input.conflictType ?? 'UPDATE_CONFLICT';
    const originNode = input.originNode ?? this.defaultOrigin(primaryId);
    if (originNode === primaryId || !cluster.nodeIds().includes(originNode)) {
      throw new DomainError('UNPROCESSABLE', `originNode must be a cluster node other than the primary ${primaryId}; ${originNode} is not.`, { originNode, primaryId });
    }
    const storage = cluster.storageOf(primaryId);
    const current = storage.getRow(input.tableName, input.rowKey);
    const needsRow = conflictType === 'UPDATE_CONFLICT' || conflictType === 'DELETE_CONFLICT';
    if (needsRow !== (current !== undefined)) {
      throw new DomainError(
        'CONFLICT',
        needsRow
          ? `${conflictType} needs an existing row: ${input.tableName}/${input.rowKey} does not exist on the primary.`
          : `${conflictType} needs a free key: ${input.tableName}/${input.rowKey} already exists on the primary.`,
        { tableName: input.tableName, rowKey: input.rowKey, conflictType },
      );
    }
    const nowMs = clock.now();
    const base: RowVersion = current
      ? { row: current.row, version: current.meta.version, updatedAtMs: current.meta.updatedAtMs, originNodeId: current.meta.originNodeId }
      : { row: null, version: 0, updatedAtMs: nowMs, originNodeId: primaryId };

    // The local write, through the WAL like any other.
    const stamp = (row: RowValue | null | undefined, nodeId: string): RowValue => row ?? { ...(base.row ?? {}), simulated: nodeId };
    const localRow = conflictType === 'DELETE_CONFLICT' ? null : stamp(input.localData, primaryId);
    const writes: RowWrite[] = localRow === null ? [{ op: 'delete', table: input.tableName, key: input.rowKey }] : [{ op: 'put', table: input.tableName, key: input.rowKey, row: localRow }];
    cluster.commit(writes);
    // A key taken by a row that has lived here (been updated since its insert) is a uniqueness violation, not a concurrent insert.
    if (conflictType === 'UNIQUENESS_VIOLATION') cluster.commit(writes);
    const written = storage.getRow(input.tableName, input.rowKey);
    const local: RowVersion = written
      ? { row: written.row, version: written.meta.version, updatedAtMs: written.meta.updatedAtMs, originNodeId: written.meta.originNodeId }
      : { row: null, version: base.version + 1, updatedAtMs: nowMs, originNodeId: primaryId };

    const remoteChange: RemoteChange = {
      kind: current ? 'UPDATE' : 'INSERT',
      baseVersion: base.version,
      row: stamp(input.remoteData, originNode),
      updatedAtMs: nowMs + (input.remoteDelayMs ?? 1),
      originNodeId: originNode,
    };
    const detected = detectConflict(local, remoteChange);
    assert(detected === conflictType, `simulated ${conflictType} was detected as ${detected}`);
    const conflict: ConflictRecord = {
      conflictId: `conflict-${this.nextNumber++}`,
      database: CONFLICT_DATABASE,
      tableName: input.tableName,
      rowKey: input.rowKey,
      conflictType: detected,
      originNode,
      targetNode: primaryId,
      detectedAtMs: nowMs,
      base,
      local,
      remote: { row: remoteChange.row, version: base.version + 1, updatedAtMs: remoteChange.updatedAtMs, originNodeId: originNode },
      resolutionStrategy: null,
      winner: null,
      resolved: false,
      resolvedAtMs: null,
      resolvedData: null,
      resolvedLsn: null,
      resolvedBy: null,
    };
    this.conflicts.set(conflict.conflictId, conflict);
    this.persist(conflict);
    this.prune();
    this.deps.bus?.publish('conflict_detected', 'replication.conflicts', conflictPayload(conflict));
    return { ...conflict };
  }

  /**
   * Resolves a conflict with a strategy and writes the result on the primary.
   * @throws NOT_FOUND; CONFLICT when it is resolved already, the primary is down, or the row
   *   changed since the conflict (the resolution would overwrite a newer write); UNPROCESSABLE
   *   when CUSTOM has no value.
   */
  resolve(conflictId: string, strategy: ResolutionStrategy, options: { customValue?: RowValue | null; resolvedBy: string }): ConflictRecord {
    const conflict = this.require(conflictId);
    const { cluster, clock } = this.deps;
    if (conflict.resolved) {
      throw new DomainError('CONFLICT', `${conflictId} was resolved already, with ${conflict.resolutionStrategy}.`, { conflictId, resolutionStrategy: conflict.resolutionStrategy });
    }
    const primaryId = cluster.primary();
    if (!cluster.writable()) throw new DomainError('CONFLICT', `The primary ${primaryId} cannot take writes; fail over first.`, { primaryId });
    const current = cluster.storageOf(primaryId).getRow(conflict.tableName, conflict.rowKey);
    const unchanged = conflict.local.row === null ? current === undefined : current?.meta.version === conflict.local.version;
    if (!unchanged) {
      throw new DomainError('CONFLICT', `${conflict.tableName}/${conflict.rowKey} changed since ${conflictId} was detected; resolving it now would overwrite that write.`, {
        conflictId,
        reason: 'ROW_CHANGED',
      });
    }
    const sitePriority = [...cluster.nodeIds()].sort(naturalCompare);
    const resolution = resolveConflict(
      strategy,
      { base: conflict.base, local: conflict.local, remote: conflict.remote },
      { sitePriority, ...(options.customValue !== undefined ? { customRow: options.customValue } : {}) },
    );
    let resolvedLsn = cluster.currentLsn();
    if (resolution.row !== null) resolvedLsn = cluster.commit([{ op: 'put', table: conflict.tableName, key: conflict.rowKey, row: resolution.row }]).endLsn;
    else if (current !== undefined) resolvedLsn = cluster.commit([{ op: 'delete', table: conflict.tableName, key: conflict.rowKey }]).endLsn;
    Object.assign(conflict, {
      resolutionStrategy: strategy,
      winner: resolution.outcome,
      resolved: true,
      resolvedAtMs: clock.now(),
      resolvedData: resolution.row,
      resolvedLsn,
      resolvedBy: options.resolvedBy,
    });
    this.persist(conflict);
    this.deps.bus?.publish('conflict_resolved', 'replication.conflicts', conflictPayload(conflict));
    return { ...conflict };
  }

  private defaultOrigin(primaryId: string): string {
    const origin = [...this.deps.cluster.nodeIds()].sort(naturalCompare).find((nodeId) => nodeId !== primaryId);
    if (origin === undefined) throw new DomainError('CONFLICT', 'A conflict needs a second site, and the cluster has only its primary.', { primaryId });
    return origin;
  }

  private require(conflictId: string): ConflictRecord {
    const conflict = this.conflicts.get(conflictId);
    if (!conflict) throw new DomainError('NOT_FOUND', `No conflict ${conflictId} exists.`, { resource: 'replication.conflict', id: conflictId });
    return conflict;
  }

  private persist(conflict: ConflictRecord): void {
    this.deps.journal.put(REPLICATION_CONFLICT_RECORD, conflict.conflictId, conflict);
    this.deps.journal.put(REPLICATION_CONFLICT_COUNTER_RECORD, 'next', this.nextNumber);
  }

  private prune(): void {
    if (this.conflicts.size <= CONFLICTS_KEPT) return;
    for (const conflict of this.conflicts.values()) {
      if (this.conflicts.size <= CONFLICTS_KEPT) break;
      if (!conflict.resolved) continue;
      this.conflicts.delete(conflict.conflictId);
      this.deps.journal.delete(REPLICATION_CONFLICT_RECORD, conflict.conflictId);
    }
  }
}

/** The `conflict_detected` / `conflict_resolved` payload. */
export function conflictPayload(conflict: ConflictRecord) {
  return {
    conflictId: conflict.conflictId,
    conflictType: conflict.conflictType,
    database: conflict.database,
    tableName: conflict.tableName,
    rowKey: conflict.rowKey,
    originNode: conflict.originNode,
    targetNode: conflict.targetNode,
    resolved: conflict.resolved,
    resolutionStrategy: conflict.resolutionStrategy,
    winner: conflict.winner,
    resolvedLsn: conflict.resolvedLsn === null ? null : formatLsn(conflict.resolvedLsn),
  };
}
