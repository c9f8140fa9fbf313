import type { ConflictBook } from '../../engines/conflicts/conflict-book.js';
import type { ConflictRow, ConflictStatus, ConflictStrategy, GroupKind } from '../../engines/conflicts/conflict-record.js';
import { CONFLICT_STRATEGIES } from '../../engines/conflicts/conflict-record.js';
import { CRDT_TYPES, CRDT_TYPE_INFO, type CrdtType, type CrdtTypeInfo } from '../../engines/conflicts/crdts/crdt-types.js';
import { STRATEGY_INFO, type StrategyInfo } from '../../engines/conflicts/strategies.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import {
  conflictExplanationView,
  conflictPredictionsView,
  groupConflictView,
  type ConflictExplanationView,
  type ConflictPredictionsView,
  type GroupConflictView,
} from './conflict-views.js';

/** The laws every CRDT merge keeps (test/engines/conflicts/crdt-laws.test.ts checks each). */
const CRDT_LAWS = ['commutative', 'associative', 'idempotent', 'converges under any delivery order with duplicates'];

export interface CrdtTypeView extends Omit<CrdtTypeInfo, 'operations'> {
  operations: string[];
  laws: string[];
  usedBy: { groupKind: GroupKind; groupId: string; tableName: string; column: string }[];
}

export interface StrategyView extends Omit<StrategyInfo, 'guarantees' | 'needs'> {
  guarantees: string[];
  needs: string[];
  conflictsRecorded: number;
}

export interface ResolveGroupConflictRequest {
  conflictId: string;
  strategy: ConflictStrategy;
  /** CUSTOM only: the row to write; null deletes it. */
  customRow?: ConflictRow | null;
}

export interface CountView {
  key: string;
  conflicts: number;
}

export interface ConflictStatisticsView {
  recorded: number;
  resolvedOnArrival: number;
  resolvedLater: number;
  open: number;
  kept: number;
  capacity: number;
  byType: CountView[];
  byStrategy: CountView[];
  byStatus: CountView[];
  byTable: CountView[];
}

export interface ConflictsServiceDeps {
  conflicts: ConflictBook;
  runner: OperationRunner;
}

/**
 * /api/v1/advanced-replication/conflicts: the CRDT and strategy catalogues (with where CRDTs are
 * used and how often each strategy settled a conflict), resolving a recorded conflict through its
 * group's applier (audited), statistics and predictions.
 */
export class ConflictsService {
  constructor(private readonly deps: ConflictsServiceDeps) {}

  crdts(context: OperationContext): { crdts: CrdtTypeView[]; total: number } {
    return this.deps.runner.read(context, 'listConflictCrdts', () => {
      const uses = this.deps.conflicts.crdtColumns();
      const crdts = CRDT_TYPES.map((crdtType: CrdtType) => ({
        ...CRDT_TYPE_INFO[crdtType],
        operations: [...CRDT_TYPE_INFO[crdtType].operations],
        laws: [...CRDT_LAWS],
        usedBy: uses.filter((use) => use.crdtType === crdtType).map(({ groupKind, groupId, tableName, column }) => ({ groupKind, groupId, tableName, column })),
      }));
      return { crdts, total: crdts.length };
    });
  }

  strategies(context: OperationContext): { strategies: StrategyView[]; total: number } {
    return this.deps.runner.read(context, 'listConflictStrategies', () => {
      const { byStrategy } = this.deps.conflicts.totals();
      const strategies = CONFLICT_STRATEGIES.map((strategy) => ({
        ...STRATEGY_INFO[strategy],
        guarantees: [...STRATEGY_INFO[strategy].guarantees],
        needs: [...STRATEGY_INFO[strategy].needs],
        conflictsRecorded: byStrategy[strategy] ?? 0,
      }));
      return { strategies, total: strategies.length };
    });
  }

  /** @throws NOT_FOUND; CONFLICT (resolved already, siblings again, no applier or it refused); UNPROCESSABLE (CUSTOM without a row). */
  resolve(context: OperationContext, request: ResolveGroupConflictRequest): Promise<{ conflict: GroupConflictView; explanation: ConflictExplanationView }> {
    return this.deps.runner.run(context, 'resolveGroupConflict', `conflict/${request.conflictId}`, () => {
      const { conflicts } = this.deps;
      const resolved = conflicts.resolve(request.conflictId, request.strategy, {
        ...(request.customRow !== undefined ? { customRow: request.customRow } : {}),
        resolvedBy: context.caller.keyId,
      });
      return { conflict: groupConflictView(resolved), explanation: conflictExplanationView(conflicts.explain(resolved.conflictId)) };
    });
  }

  statistics(context: OperationContext): ConflictStatisticsView {
    return this.deps.runner.read(context, 'getConflictStatistics', () => {
      const { conflicts } = this.deps;
      const totals = conflicts.totals();
      const kept = conflicts.list();
      const byStatus = new Map<ConflictStatus, number>();
      for (const record of kept) byStatus.set(record.status, (byStatus.get(record.status) ?? 0) + 1);
      return {
        recorded: totals.recorded,
        resolvedOnArrival: totals.resolvedOnArrival,
        resolvedLater: totals.resolvedLater,
        open: kept.length - (byStatus.get('RESOLVED') ?? 0),
        kept: kept.length,
        capacity: conflicts.config.capacity,
        byType: countsOf(totals.byType),
        byStrategy: countsOf(totals.byStrategy),
        byStatus: countsOf(Object.fromEntries(byStatus)),
        byTable: countsOf(totals.byTable),
      };
    });
  }

  predictions(context: OperationContext, filter: { tableName?: string }): ConflictPredictionsView {
    return this.deps.runner.read(context, 'getConflictPredictions', () => conflictPredictionsView(this.deps.conflicts.predictions(filter)));
  }

  /**
   * A recorded conflict explained; null when the book has no such conflict. GraphQL only (no REST
   * operation of its own): readable by the roles that read the strategies it replays.
   */
  explanation(context: OperationContext, conflictId: string): ConflictExplanationView | null {
    return this.deps.runner.read(context, 'listConflictStrategies', () =>
      this.deps.conflicts.has(conflictId) ? conflictExplanationView(this.deps.conflicts.explain(conflictId)) : null,
    );
  }
}

/** Counts as a list, most first, then by key. */
function countsOf(counts: Readonly<Record<string, number>>): CountView[] {
  return Object.entries(counts)
    .map(([key, conflicts]) => ({ key, conflicts }))
    .sort((a, b) => b.conflicts - a.conflicts || a.key.localeCompare(b.key));
}
