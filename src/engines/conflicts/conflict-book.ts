/**
 * The conflict book: every group conflict recorded with both versions and their clocks, resolved
 * by its strategy on arrival or later through the group's applier, persisted through the journal
 * and bounded (README, "The conflict record and the book").
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { VirtualClock } from '../runtime/index.js';
import { DomainError, assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { countConflict, emptyHistory, type ConflictHistoryState } from './conflict-history.js';
import {
  conflictTypeOf,
  type ConflictRecord,
  type ConflictRow,
  type ConflictStatus,
  type ConflictStrategy,
  type ConflictType,
  type ConflictingWrites,
  type GroupKind,
  type Resolution,
  type ResolutionContext,
} from './conflict-record.js';
import { MAX_COUNTED_TABLES, OTHER_TABLES, validateConflictsConfig, type ConflictsConfig } from './conflicts-config.js';
import type { CrdtType } from './crdts/crdt-types.js';
import { resolveConflict } from './strategies.js';
import { compareClocks } from './vector-clock.js';

export const CONFLICT_RECORD_KIND = 'conflicts.record';
export const CONFLICT_BOOK_KIND = 'conflicts.book';

/** What a group engine reports when it detects a conflict. */
export interface RecordConflictInput extends ConflictingWrites {
  readonly groupKind: GroupKind;
  readonly groupId: string;
  readonly tableName: string;
  readonly rowKey: string;
  /** Default: from the versions (`conflictTypeOf`). */
  readonly conflictType?: ConflictType;
  readonly strategy: ConflictStrategy;
  readonly context?: ResolutionContext;
}

/**
 * Writes a resolution to every site of the record's group (registered by the group's engine).
 * Throws a DomainError when it cannot (the record then stays as it was).
 */
export type ConflictApplier = (record: ConflictRecord, resolution: Resolution) => { readonly appliedSiteIds: readonly string[] };

/** A column declared as a CRDT in a group. */
export interface CrdtColumnUse {
  readonly groupKind: GroupKind;
  readonly groupId: string;
  readonly tableName: string;
  readonly column: string;
  readonly crdtType: CrdtType;
}

/** Where CRDT columns are declared (mm's groups fill it). */
export interface CrdtColumnSource {
  crdtColumns(): readonly CrdtColumnUse[];
}

export interface ConflictFilter {
  groupKind?: GroupKind;
  groupId?: string;
  tableName?: string;
  status?: ConflictStatus;
  strategy?: ConflictStrategy;
}

/** Cumulative counts: they survive the pruning of old records. */
export interface ConflictTotals {
  readonly recorded: number;
  readonly resolvedOnArrival: number;
  readonly resolvedLater: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly byStrategy: Readonly<Record<string, number>>;
  readonly byTable: Readonly<Record<string, number>>;
}

export type ConflictBookChange = { readonly kind: 'recorded' | 'resolved'; readonly record: ConflictRecord };

interface BookState {
  nextNumber: number;
  totals: ConflictTotals;
  history: ConflictHistoryState;
}

export interface ConflictBookDeps {
  clock: VirtualClock;
  journal: Journal;
  config?: Partial<ConflictsConfig>;
}

const EMPTY_TOTALS: ConflictTotals = { recorded: 0, resolvedOnArrival: 0, resolvedLater: 0, byType: {}, byStrategy: {}, byTable: {} };

export class ConflictBook {
  readonly config: ConflictsConfig;
  private readonly records = new Map<string, ConflictRecord>();
  private state: BookState;
  private readonly appliers = new Map<GroupKind, ConflictApplier>();
  private readonly columnSources = new Set<CrdtColumnSource>();
  private readonly observers = new Set<(change: ConflictBookChange) => void>();

  constructor(
    private readonly deps: ConflictBookDeps,
    restored: { records: readonly ConflictRecord[]; state: BookState | undefined } = { records: [], state: undefined },
  ) {
    this.config = validateConflictsConfig(deps.config);
    const records = [...restored.records].sort((a, b) => naturalCompare(a.conflictId, b.conflictId));
    for (const record of records) this.records.set(record.conflictId, record);
    this.state = restored.state ?? { nextNumber: 1, totals: EMPTY_TOTALS, history: emptyHistory(this.config.windowMs, deps.clock.now()) };
    // A window length changed by configuration starts a new history: old counts are of another window.
    if (this.state.history.windowMs !== this.config.windowMs) this.state = { ...this.state, history: emptyHistory(this.config.windowMs, deps.clock.now()) };
    if (restored.state === undefined) this.persistState();
  }

  static async load(store: Store, deps: ConflictBookDeps): Promise<ConflictBook> {
    const records = (await store.list<ConflictRecord>(CONFLICT_RECORD_KIND)).map((record) => record.value);
    const state = await store.get<BookState>(CONFLICT_BOOK_KIND, 'current');
    return new ConflictBook(deps, { records, state });
  }

  /**
   * Records a conflict and settles it with its strategy (pure): the returned record's
   * `resolvedRow` (or `siblings`) is what the caller writes to its sites.
   * @throws UNPROCESSABLE when the versions are not concurrent (their clocks are ordered).
   */
  record(input: RecordConflictInput): ConflictRecord {
    const order = compareClocks(input.local.clock, input.remote.clock);
    if (order !== 'CONCURRENT') {
      throw new DomainError('UNPROCESSABLE', `The versions are not concurrent: the local clock is ${order} the remote one, so one saw the other.`, { order });
    }
    const context = input.context ?? {};
    const resolution = resolveConflict(input, input.strategy, context);
    const nowMs = this.deps.clock.now();
    const conflictType = input.conflictType ?? conflictTypeOf(input);
    const record: ConflictRecord = {
      conflictId: `group-conflict-${this.state.nextNumber}`,
      groupKind: input.groupKind,
      groupId: input.groupId,
      tableName: input.tableName,
      rowKey: input.rowKey,
      conflictType,
      ...(input.base !== undefined ? { base: input.base } : {}),
      local: input.local,
      remote: input.remote,
      detectedAtMs: nowMs,
      strategy: input.strategy,
      context,
      status: resolution.status,
      winner: resolution.winner,
      resolvedRow: resolution.row,
      siblings: resolution.siblings,
      reason: resolution.reason,
      resolvedAtMs: resolution.status === 'RESOLVED' ? nowMs : null,
      resolvedBy: resolution.status === 'RESOLVED' ? 'strategy' : null,
      appliedSiteIds: [],
    };
    const { totals } = this.state;
    this.state = {
      nextNumber: this.state.nextNumber + 1,
      totals: {
        ...totals,
        recorded: totals.recorded + 1,
        resolvedOnArrival: totals.resolvedOnArrival + (resolution.status === 'RESOLVED' ? 1 : 0),
        byType: plusOne(totals.byType, conflictType),
        byStrategy: plusOne(totals.byStrategy, input.strategy),
        byTable: plusOne(totals.byTable, input.tableName in totals.byTable || Object.keys(totals.byTable).length < MAX_COUNTED_TABLES ? input.tableName : OTHER_TABLES),
      },
      history: countConflict(this.state.history, nowMs, input.tableName, input.rowKey),
    };
    this.records.set(record.conflictId, record);
    this.deps.journal.put(CONFLICT_RECORD_KIND, record.conflictId, record);
    this.prune();
    this.persistState();
    this.notify({ kind: 'recorded', record });
    return record;
  }

  /** Conflicts, newest first. */
  list(filter: ConflictFilter = {}): ConflictRecord[] {
    return [...this.records.values()]
      .reverse()
      .filter(
        (record) =>
          (filter.groupKind === undefined || record.groupKind === filter.groupKind) &&
          (filter.groupId === undefined || record.groupId === filter.groupId) &&
          (filter.tableName === undefined || record.tableName === filter.tableName) &&
          (filter.status === undefined || record.status === filter.status) &&
          (filter.strategy === undefined || record.strategy === filter.strategy),
      );
  }

  has(conflictId: string): boolean {
    return this.records.has(conflictId);
  }

  /** @throws NOT_FOUND. */
  get(conflictId: string): ConflictRecord {
    const record = this.records.get(conflictId);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No conflict ${conflictId} is in the conflict book.`, { resource: 'conflict', id: conflictId });
    return record;
  }

  /**
   * Resolves a PENDING or SIBLINGS conflict with a strategy and has the group's applier write the
   * result to every site; the record changes only once the applier succeeded.
   * @throws NOT_FOUND; CONFLICT when it is RESOLVED already, MULTI_VALUE would keep the siblings it
   *   has, or no applier is registered for its group kind (or the applier refuses); UNPROCESSABLE
   *   when CUSTOM has no row.
   */
  resolve(conflictId: string, strategy: ConflictStrategy, options: { customRow?: ConflictRow | null; resolvedBy: string }): ConflictRecord {
    const record = this.get(conflictId);
    if (record.status === 'RESOLVED') {
      throw new DomainError('CONFLICT', `${conflictId} was resolved already (${record.winner} by ${record.strategy}).`, { conflictId, status: record.status, strategy: record.strategy });
    }
    if (record.status === 'SIBLINGS' && strategy === 'MULTI_VALUE') {
      throw new DomainError('CONFLICT', `${conflictId} keeps its siblings already; choose a strategy that picks a version.`, { conflictId, status: record.status });
    }
    const context: ResolutionContext = { ...record.context, ...(options.customRow !== undefined ? { customRow: options.customRow } : {}) };
    const resolution = resolveConflict(record, strategy, context);
    if (resolution.status === 'PENDING') {
      throw new DomainError('UNPROCESSABLE', 'The CUSTOM strategy needs the row to keep (customRow; null deletes the row).', { conflictId, strategy });
    }
    const applier = this.appliers.get(record.groupKind);
    if (applier === undefined) {
      throw new DomainError('CONFLICT', `Nothing can write the resolution of ${record.groupKind} conflicts: no ${record.groupKind} engine registered its applier.`, { conflictId, groupKind: record.groupKind });
    }
    const { appliedSiteIds } = applier(record, resolution);
    const nowMs = this.deps.clock.now();
    const resolved: ConflictRecord = {
      ...record,
      strategy,
      context,
      status: resolution.status,
      winner: resolution.winner,
      resolvedRow: resolution.row,
      siblings: resolution.siblings,
      reason: resolution.reason,
      resolvedAtMs: resolution.status === 'RESOLVED' ? nowMs : null,
      resolvedBy: options.resolvedBy,
      appliedSiteIds: [...appliedSiteIds],
    };
    this.records.set(conflictId, resolved);
    if (resolution.status === 'RESOLVED') this.state = { ...this.state, totals: { ...this.state.totals, resolvedLater: this.state.totals.resolvedLater + 1 } };
    this.deps.journal.put(CONFLICT_RECORD_KIND, conflictId, resolved);
    this.persistState();
    this.notify({ kind: 'resolved', record: resolved });
    return resolved;
  }

  /** Registers the applier of a group kind (one per kind: a second replaces the first, as after a restart of that engine). */
  onResolve(groupKind: GroupKind, applier: ConflictApplier): () => void {
    this.appliers.set(groupKind, applier);
    return () => {
      if (this.appliers.get(groupKind) === applier) this.appliers.delete(groupKind);
    };
  }

  /** Adds a source of CRDT column declarations (mm's groups). */
  useCrdtColumns(source: CrdtColumnSource): () => void {
    this.columnSources.add(source);
    return () => this.columnSources.delete(source);
  }

  /** Every CRDT column declared by a source, and those recorded conflicts were merged with. */
  crdtColumns(): CrdtColumnUse[] {
    const uses = new Map<string, CrdtColumnUse>();
    const add = (use: CrdtColumnUse) => uses.set(`${use.groupKind}\u0000${use.groupId}\u0000${use.tableName}\u0000${use.column}`, use);
    for (const record of this.records.values()) {
      for (const [column, crdtType] of Object.entries(record.context.columnCrdts ?? {})) {
        add({ groupKind: record.groupKind, groupId: record.groupId, tableName: record.tableName, column, crdtType });
      }
    }
    // Declarations win over what old records used.
    for (const source of this.columnSources) for (const use of source.crdtColumns()) add(use);
    return [...uses.values()];
  }

  /** Follows records and resolutions (for events and streams). */
  observe(observer: (change: ConflictBookChange) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  totals(): ConflictTotals {
    return this.state.totals;
  }

  history(): ConflictHistoryState {
    return this.state.history;
  }

  /** Drops the oldest records beyond the capacity: resolved ones first, then the oldest open ones. */
  private prune(): void {
    const excess = this.records.size - this.config.capacity;
    if (excess <= 0) return;
    const oldestFirst = [...this.records.values()];
    const victims = [...oldestFirst.filter((record) => record.status === 'RESOLVED'), ...oldestFirst.filter((record) => record.status !== 'RESOLVED')].slice(0, excess);
    for (const victim of victims) {
      this.records.delete(victim.conflictId);
      this.deps.journal.delete(CONFLICT_RECORD_KIND, victim.conflictId);
    }
    assert(this.records.size <= this.config.capacity, 'conflict book over its capacity after pruning');
  }

  private persistState(): void {
    this.deps.journal.put(CONFLICT_BOOK_KIND, 'current', this.state);
  }

  private notify(change: ConflictBookChange): void {
    for (const observer of this.observers) observer(change);
  }
}

function plusOne(counts: Readonly<Record<string, number>>, key: string): Record<string, number> {
  return { ...counts, [key]: (counts[key] ?? 0) + 1 };
}
