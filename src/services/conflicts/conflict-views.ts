/**
 * Conflicts as the API shows them (the contract's GroupConflict, ConflictExplanation, ...): cluster
 * times as ISO strings. Exported for the multi-master service, which lists the same records.
 */
import type { ConflictExplanation, StrategyReplay } from '../../engines/conflicts/conflict-explainer.js';
import type { ConflictPredictions, SeriesPrediction } from '../../engines/conflicts/conflict-prediction.js';
import type { ConflictRecord, ConflictRow, ConflictVersion } from '../../engines/conflicts/conflict-record.js';
import type { CrdtType } from '../../engines/conflicts/crdts/crdt-types.js';
import { isoTime } from '../platform/iso-time.js';

export interface ConflictVersionView {
  siteId: string;
  nodeId: string;
  clock: Record<string, number>;
  writtenAt: string;
  row: ConflictRow | null;
}

export interface GroupConflictView extends Omit<ConflictRecord, 'local' | 'remote' | 'siblings' | 'detectedAtMs' | 'resolvedAtMs' | 'context' | 'appliedSiteIds'> {
  local: ConflictVersionView;
  remote: ConflictVersionView;
  siblings: ConflictVersionView[];
  detectedAt: string;
  resolvedAt: string | null;
  context: { sitePriority: string[]; columnCrdts: Record<string, CrdtType>; customRow?: ConflictRow | null };
  appliedSiteIds: string[];
}

export type StrategyReplayView = Omit<StrategyReplay, 'siblings'> & { siblings: ConflictVersionView[] };
export type ConflictExplanationView = Omit<ConflictExplanation, 'alternatives'> & { alternatives: StrategyReplayView[] };
export type SeriesPredictionView = Omit<SeriesPrediction, 'recentCounts'> & { recentCounts: number[] };
export type ConflictPredictionsView = Omit<ConflictPredictions, 'nextWindowStartMs' | 'tables' | 'keyRangeSeries'> & {
  nextWindowStart: string;
  tables: SeriesPredictionView[];
  keyRangeSeries: SeriesPredictionView[];
};

export function conflictVersionView(version: ConflictVersion): ConflictVersionView {
  return { siteId: version.siteId, nodeId: version.nodeId, clock: { ...version.clock }, writtenAt: isoTime(version.writtenAtMs), row: version.row };
}

export function groupConflictView(record: ConflictRecord): GroupConflictView {
  const { local, remote, siblings, detectedAtMs, resolvedAtMs, context, appliedSiteIds, ...rest } = record;
  return {
    ...rest,
    local: conflictVersionView(local),
    remote: conflictVersionView(remote),
    siblings: siblings.map(conflictVersionView),
    detectedAt: isoTime(detectedAtMs),
    resolvedAt: resolvedAtMs === null ? null : isoTime(resolvedAtMs),
    context: {
      sitePriority: [...(context.sitePriority ?? [])],
      columnCrdts: { ...(context.columnCrdts ?? {}) },
      ...(context.customRow !== undefined ? { customRow: context.customRow } : {}),
    },
    appliedSiteIds: [...appliedSiteIds],
  };
}

export function conflictExplanationView(explanation: ConflictExplanation): ConflictExplanationView {
  return { ...explanation, alternatives: explanation.alternatives.map((replay) => ({ ...replay, siblings: replay.siblings.map(conflictVersionView) })) };
}

export function conflictPredictionsView({ nextWindowStartMs, tables, keyRangeSeries, ...predictions }: ConflictPredictions): ConflictPredictionsView {
  const series = (prediction: SeriesPrediction) => ({ ...prediction, recentCounts: [...prediction.recentCounts] });
  return { ...predictions, nextWindowStart: isoTime(nextWindowStartMs), tables: tables.map(series), keyRangeSeries: keyRangeSeries.map(series) };
}
