/**
 * Conflict-resolution strategies as pure functions (README, "Strategies"): two concurrent
 * versions of a row, a strategy and its context give the row to keep and why.
 */
import { columnKind, mergeCounterColumn, mergeSetColumn } from './crdts/column-merges.js';
import type { CrdtType } from './crdts/crdt-types.js';
import { canonicalJson, type JsonValue } from './crdts/json-value.js';
import { compareStamps } from './crdts/lww-register.js';
import type { ConflictRow, ConflictStrategy, ConflictVersion, ConflictingWrites, Resolution, ResolutionContext } from './conflict-record.js';

export interface StrategyInfo {
  readonly strategy: ConflictStrategy;
  readonly description: string;
  /** What every site can rely on after it. */
  readonly guarantees: readonly string[];
  /** Whether a write can be lost (overwritten without a trace in the row). */
  readonly losesWrites: boolean;
  /** What the strategy needs in its context. */
  readonly needs: readonly string[];
}

export const STRATEGY_INFO: Readonly<Record<ConflictStrategy, StrategyInfo>> = Object.freeze({
  LAST_WRITER_WINS: {
    strategy: 'LAST_WRITER_WINS',
    description: 'The version written later on the cluster clock wins; at the same time, the higher site id.',
    guarantees: ['Every site picks the same version (deterministic tie-break).', 'The row converges without an operator.'],
    losesWrites: true,
    needs: [],
  },
  SITE_PRIORITY: {
    strategy: 'SITE_PRIORITY',
    description: "The version of the site ranked first in the group's site priority wins; sites not ranked, or ranked equally, fall back to last writer wins.",
    guarantees: ['Every site picks the same version.', 'A designated site always prevails over the others.'],
    losesWrites: true,
    needs: ['sitePriority'],
  },
  CUSTOM: {
    strategy: 'CUSTOM',
    description: 'The row the operator gives replaces both versions (null deletes the row); until then the conflict is PENDING and the row keeps its local version.',
    guarantees: ['Nothing is decided without the operator.', 'The chosen row is written to every site.'],
    losesWrites: false,
    needs: ['customRow'],
  },
  MULTI_VALUE: {
    strategy: 'MULTI_VALUE',
    description: "Both versions are kept as siblings (Riak's allow_mult); readers get the last writer's version and the siblings until a resolution picks one.",
    guarantees: ['No write is lost.', 'Siblings are the same at every site.'],
    losesWrites: false,
    needs: [],
  },
  CRDT_PER_COLUMN: {
    strategy: 'CRDT_PER_COLUMN',
    description:
      'Column by column: a column only one side changed takes that change; a column both changed merges by its CRDT (counters add both deltas, sets merge additions and removals, registers keep the later write). A delete against an update goes to the later writer.',
    guarantees: ['Merge is commutative, associative and idempotent: every site converges to the same row.', 'No update of a counter or set column is lost.'],
    losesWrites: false,
    needs: ['columnCrdts'],
  },
});

/** The later write of two (the LWW rule): later time, then higher site id, then greater row. */
export function laterWrite(a: ConflictVersion, b: ConflictVersion): ConflictVersion {
  const order = compareStamps({ timestampMs: a.writtenAtMs, siteId: a.siteId }, { timestampMs: b.writtenAtMs, siteId: b.siteId }) || compareRows(a.row, b.row);
  return order >= 0 ? a : b;
}

/** Resolves two concurrent writes with a strategy. Pure; never throws for a missing context (see PENDING). */
export function resolveConflict(writes: ConflictingWrites, strategy: ConflictStrategy, context: ResolutionContext = {}): Resolution {
  switch (strategy) {
    case 'LAST_WRITER_WINS':
      return lastWriterWins(writes);
    case 'SITE_PRIORITY':
      return sitePriority(writes, context.sitePriority ?? []);
    case 'CUSTOM':
      if (context.customRow === undefined) {
        return { status: 'PENDING', winner: null, row: null, siblings: [], reason: 'CUSTOM waits for the row to keep (customRow); until then the local version stays.' };
      }
      return { status: 'RESOLVED', winner: 'CUSTOM', row: context.customRow, siblings: [], reason: context.customRow === null ? 'The operator chose to delete the row.' : 'The operator gave the row to keep.' };
    case 'MULTI_VALUE': {
      const later = laterWrite(writes.local, writes.remote);
      return {
        status: 'SIBLINGS',
        winner: 'SIBLINGS',
        row: later.row,
        siblings: [writes.local, writes.remote],
        reason: `Both versions are kept as siblings (${writes.local.siteId} and ${writes.remote.siteId}); readers get ${later.siteId}'s, the later write, until one is chosen.`,
      };
    }
    case 'CRDT_PER_COLUMN':
      return crdtPerColumn(writes, context.columnCrdts ?? {});
  }
}

function lastWriterWins({ local, remote }: ConflictingWrites): Resolution {
  const later = laterWrite(local, remote);
  const earlier = later === local ? remote : local;
  const why =
    later.writtenAtMs !== earlier.writtenAtMs
      ? `${later.siteId} wrote at ${later.writtenAtMs} ms, after ${earlier.siteId} at ${earlier.writtenAtMs} ms`
      : `both wrote at ${later.writtenAtMs} ms and ${later.siteId} is the higher site id`;
  return side(later === local ? 'LOCAL' : 'REMOTE', later, `Last writer wins: ${why}.`);
}

function sitePriority(writes: ConflictingWrites, priority: readonly string[]): Resolution {
  const { local, remote } = writes;
  const rank = (siteId: string) => {
    const index = priority.indexOf(siteId);
    return index === -1 ? priority.length : index;
  };
  const localRank = rank(local.siteId);
  const remoteRank = rank(remote.siteId);
  if (localRank === remoteRank) {
    const fallback = lastWriterWins(writes);
    const why = priority.length === 0 ? 'no site priority is set' : `${local.siteId} and ${remote.siteId} rank alike`;
    return { ...fallback, reason: `Site priority: ${why}, so the later write decides. ${fallback.reason}` };
  }
  const winner = localRank < remoteRank ? local : remote;
  const loser = winner === local ? remote : local;
  const position = (siteId: string) => (rank(siteId) < priority.length ? `#${rank(siteId) + 1}` : 'unranked');
  return side(winner === local ? 'LOCAL' : 'REMOTE', winner, `Site priority: ${winner.siteId} (${position(winner.siteId)}) ranks above ${loser.siteId} (${position(loser.siteId)}).`);
}

function crdtPerColumn(writes: ConflictingWrites, columnCrdts: Readonly<Record<string, CrdtType>>): Resolution {
  const { local, remote } = writes;
  const later = laterWrite(local, remote);
  if (local.row === null || remote.row === null) {
    const deleter = local.row === null ? local : remote;
    const resolution = side(later === local ? 'LOCAL' : 'REMOTE', later, '');
    return { ...resolution, reason: `CRDT per column: ${deleter.siteId} deleted the row, which has no columns to merge, so the later write decides (${later.siteId}).` };
  }
  const base: ConflictRow = writes.base ?? {};
  const laterRow = later === local ? local.row : remote.row;
  const merged: Record<string, JsonValue> = {};
  const notes: string[] = [];
  const columns = [...new Set([...Object.keys(local.row), ...Object.keys(remote.row)])].sort();
  for (const column of columns) {
    const before = base[column];
    const localValue = local.row[column];
    const remoteValue = remote.row[column];
    const localChanged = !sameJson(localValue, before);
    const remoteChanged = !sameJson(remoteValue, before);
    let value: JsonValue | undefined;
    if (localChanged && remoteChanged && !sameJson(localValue, remoteValue)) {
      const crdtType = columnCrdts[column] ?? 'LWW_REGISTER';
      // The earlier write's additions first, so both sites of a conflict build the same row.
      const [first, second] = later === local ? [remoteValue, localValue] : [localValue, remoteValue];
      value = mergeColumn(crdtType, before, first, second);
      if (value === undefined) {
        value = laterRow[column];
        notes.push(crdtType === 'LWW_REGISTER' ? `${column}: LWW register, ${later.siteId}'s later write` : `${column}: values do not fit ${crdtType}, ${later.siteId}'s later write`);
      } else {
        notes.push(`${column}: ${crdtType} merge`);
      }
    } else {
      value = localChanged ? localValue : remoteValue;
    }
    // A column one side dropped stays dropped.
    if (value !== undefined) merged[column] = value;
  }
  const reason = notes.length === 0 ? 'CRDT per column: no column was changed by both sides, so each side\'s changes are kept.' : `CRDT per column: ${notes.join('; ')}; other columns take the side that changed them.`;
  return { status: 'RESOLVED', winner: 'MERGED', row: merged, siblings: [], reason };
}

function mergeColumn(crdtType: CrdtType, before: JsonValue | undefined, first: JsonValue | undefined, second: JsonValue | undefined): JsonValue | undefined {
  if (first === undefined || second === undefined) return undefined;
  switch (columnKind(crdtType)) {
    case 'COUNTER':
      return mergeCounterColumn(crdtType as 'G_COUNTER' | 'PN_COUNTER', before, first, second);
    case 'SET':
      return mergeSetColumn(crdtType as 'G_SET' | 'TWO_PHASE_SET' | 'OR_SET', before, first, second);
    case 'REGISTER':
      return undefined;
  }
}

function side(winner: 'LOCAL' | 'REMOTE', version: ConflictVersion, reason: string): Resolution {
  return { status: 'RESOLVED', winner, row: version.row, siblings: [], reason };
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

function compareRows(a: ConflictRow | null, b: ConflictRow | null): number {
  const left = a === null ? '' : canonicalJson(a);
  const right = b === null ? '' : canonicalJson(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
