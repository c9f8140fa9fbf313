import { DomainError } from '../../engines/runtime/domain-error.js';
import type { ConflictRecord, SimulateConflictInput } from '../../engines/replication/conflict-log.js';
import type { ConflictType, ResolutionOutcome, ResolutionStrategy } from '../../engines/replication/conflict-resolution.js';
import { formatLsn } from '../../engines/replication/lsn.js';
import type { RowValue } from '../../engines/replication/wal-record.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { ReplicationServiceDeps } from './replication-service.js';

type Row = Record<string, unknown>;

/** A conflict as the API shows it (the contract's ReplicationConflict). */
export interface ReplicationConflictView {
  conflictId: string;
  database: string;
  tableName: string;
  rowKey: string;
  conflictType: ConflictType;
  originNode: string;
  targetNode: string;
  detectedAt: string;
  localData: Row | null;
  remoteData: Row | null;
  baseVersion: number;
  localVersion: number;
  remoteVersion: number;
  localUpdatedAt: string;
  remoteUpdatedAt: string;
  resolutionStrategy: ResolutionStrategy | null;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedData: Row | null;
  resolvedLsn: string | null;
}

export const REPLICATION_CONFLICT_FIELDS: readonly (keyof ReplicationConflictView)[] = [
  'conflictId', 'database', 'tableName', 'rowKey', 'conflictType', 'originNode', 'targetNode', 'detectedAt', 'localData', 'remoteData',
  'baseVersion', 'localVersion', 'remoteVersion', 'localUpdatedAt', 'remoteUpdatedAt', 'resolutionStrategy', 'resolved', 'resolvedAt',
  'resolvedData', 'resolvedLsn',
];

/** The outcome of resolving a conflict (the contract's ConflictResolution). */
export interface ConflictResolutionView {
  conflictId: string;
  strategy: ResolutionStrategy;
  winner: ResolutionOutcome;
  resolvedData: Row | null;
  resolvedLsn: string;
  resolvedAt: string;
  conflict: ReplicationConflictView;
}

export interface ReplicationConflictQuery {
  resolved?: boolean;
  conflictType?: ConflictType;
  tableName?: string;
  sortBy?: 'detectedAt' | 'resolvedAt' | 'conflictId' | 'tableName';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface SimulateConflictRequest {
  tableName: string;
  rowKey: string;
  conflictType?: ConflictType;
  localData?: Row;
  remoteData?: Row;
  originNode?: string;
  remoteDelayMs?: number;
}

export interface ResolveConflictRequest {
  conflictId: string;
  strategy: ResolutionStrategy;
  /** CUSTOM only: the row to write; null deletes it. */
  customValue?: Row | null;
}

/** The API view of a conflict record. Exported for the replication dashboard. */
export function conflictViewOf(conflict: ConflictRecord): ReplicationConflictView {
  return {
    conflictId: conflict.conflictId,
    database: conflict.database,
    tableName: conflict.tableName,
    rowKey: conflict.rowKey,
    conflictType: conflict.conflictType,
    originNode: conflict.originNode,
    targetNode: conflict.targetNode,
    detectedAt: isoTime(conflict.detectedAtMs),
    localData: conflict.local.row,
    remoteData: conflict.remote.row,
    baseVersion: conflict.base.version,
    localVersion: conflict.local.version,
    remoteVersion: conflict.remote.version,
    localUpdatedAt: isoTime(conflict.local.updatedAtMs),
    remoteUpdatedAt: isoTime(conflict.remote.updatedAtMs),
    resolutionStrategy: conflict.resolutionStrategy,
    resolved: conflict.resolved,
    resolvedAt: conflict.resolvedAtMs === null ? null : isoTime(conflict.resolvedAtMs),
    resolvedData: conflict.resolvedData,
    resolvedLsn: conflict.resolvedLsn === null ? null : formatLsn(conflict.resolvedLsn),
  };
}

/** Replication conflicts: list, simulate and resolve. */
export class ReplicationConflictService {
  constructor(private readonly deps: ReplicationServiceDeps) {}

  list(context: OperationContext, query: ReplicationConflictQuery): Page<Partial<ReplicationConflictView>> {
    return this.deps.runner.read(context, 'listReplicationConflicts', () => {
      const order = query.order ?? 'desc';
      // The log lists newest first; the sort is stable, so conflicts of the same instant keep that order when descending.
      const newestFirst = this.deps.engine.conflicts.list().map(conflictViewOf);
      const page = pageOf(order === 'desc' ? newestFirst : newestFirst.reverse(), {
        filters: { resolved: query.resolved, conflictType: query.conflictType, tableName: query.tableName },
        sortBy: query.sortBy ?? 'detectedAt',
        order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'conflictId', REPLICATION_CONFLICT_FIELDS) };
    });
  }

  /**
   * Makes two real conflicting writes to one row.
   * @throws NOT_FOUND (originNode names no node), UNPROCESSABLE (originNode is the primary), CONFLICT (no primary, row presence).
   */
  simulate(context: OperationContext, request: SimulateConflictRequest): Promise<ReplicationConflictView> {
    return this.deps.runner.run(context, 'simulateReplicationConflict', `replication.conflict/${request.tableName}/${request.rowKey}`, () => {
      const { cluster, conflicts } = this.deps.engine;
      if (request.originNode !== undefined && !cluster.nodeIds().includes(request.originNode)) {
        throw new DomainError('NOT_FOUND', `No cluster node has id "${request.originNode}".`, { resource: 'cluster.node', id: request.originNode });
      }
      if (request.originNode === cluster.primary()) {
        throw new DomainError('UNPROCESSABLE', `originNode ${request.originNode} is the primary; a conflict needs a second site.`, { field: 'originNode' });
      }
      const input: SimulateConflictInput = {
        tableName: request.tableName,
        rowKey: request.rowKey,
        ...(request.conflictType === undefined ? {} : { conflictType: request.conflictType }),
        // The contract validated these as JSON objects; rows are JSON objects.
        ...(request.localData === undefined ? {} : { localData: request.localData as RowValue }),
        ...(request.remoteData === undefined ? {} : { remoteData: request.remoteData as RowValue }),
        ...(request.originNode === undefined ? {} : { originNode: request.originNode }),
        ...(request.remoteDelayMs === undefined ? {} : { remoteDelayMs: request.remoteDelayMs }),
      };
      return conflictViewOf(conflicts.simulate(input));
    });
  }

  /**
   * Resolves a conflict and writes the winner through the WAL.
   * @throws NOT_FOUND; CONFLICT (resolved already, no primary, row changed since); UNPROCESSABLE
   *   (CUSTOM without customValue, or customValue with another strategy).
   */
  resolve(context: OperationContext, request: ResolveConflictRequest): Promise<ConflictResolutionView> {
    return this.deps.runner.run(context, 'resolveReplicationConflict', `replication.conflict/${request.conflictId}`, () => {
      const { conflicts } = this.deps.engine;
      // An unknown id is 404 before the request's shape is judged.
      conflicts.get(request.conflictId);
      if (request.strategy === 'CUSTOM' && request.customValue === undefined) {
        throw new DomainError('UNPROCESSABLE', 'CUSTOM needs customValue (null deletes the row).', { field: 'customValue' });
      }
      if (request.strategy !== 'CUSTOM' && request.customValue !== undefined) {
        throw new DomainError('UNPROCESSABLE', `customValue is only for the CUSTOM strategy, not ${request.strategy}.`, { field: 'customValue', strategy: request.strategy });
      }
      const resolved = conflicts.resolve(request.conflictId, request.strategy, {
        ...(request.customValue === undefined ? {} : { customValue: request.customValue as RowValue | null }),
        resolvedBy: context.caller.keyId,
      });
      const conflict = conflictViewOf(resolved);
      return {
        conflictId: conflict.conflictId,
        strategy: request.strategy,
        winner: resolved.winner as ResolutionOutcome,
        resolvedData: conflict.resolvedData,
        resolvedLsn: conflict.resolvedLsn as string,
        resolvedAt: conflict.resolvedAt as string,
        conflict,
      };
    });
  }

  /** Unresolved conflicts now (for the dashboard). */
  /** A conflict as it stands now, or null when it is gone from the kept history. */
  find(context: OperationContext, conflictId: string): ReplicationConflictView | null {
    return this.deps.runner.read(context, 'listReplicationConflicts', () => {
      const { conflicts } = this.deps.engine;
      return conflicts.has(conflictId) ? conflictViewOf(conflicts.get(conflictId)) : null;
    });
  }

  unresolvedCount(): number {
    return this.deps.engine.conflicts.list().filter((conflict) => !conflict.resolved).length;
  }
}
