/**
 * The conflict explainer (README, "The explainer"): a recorded conflict's two versions and how
 * their clocks relate, why its winner won, and what every other strategy would have chosen,
 * replayed with the pure strategies.
 */
import { canonicalJson } from './crdts/json-value.js';
import { CONFLICT_STRATEGIES, type ConflictRecord, type ConflictStatus, type ConflictStrategy, type ConflictVersion, type ConflictWinner, type ConflictRow } from './conflict-record.js';
import { resolveConflict } from './strategies.js';
import { compareClocks, type ClockOrder } from './vector-clock.js';

export interface StrategyReplay {
  readonly strategy: ConflictStrategy;
  readonly status: ConflictStatus;
  readonly winner: ConflictWinner | null;
  readonly row: ConflictRow | null;
  readonly siblings: readonly ConflictVersion[];
  readonly reason: string;
  /** Whether it ends where the recorded resolution did (same status and row). */
  readonly agreesWithRecorded: boolean;
}

export interface ConflictExplanation {
  readonly conflictId: string;
  /** How the local clock relates to the remote one (CONCURRENT for every recorded conflict). */
  readonly clockOrder: ClockOrder;
  /** What each side had seen that the other had not, read from the clocks. */
  readonly clocks: string;
  readonly strategy: ConflictStrategy;
  readonly status: ConflictStatus;
  readonly winner: ConflictWinner | null;
  /** Why the winner won. */
  readonly why: string;
  /** The conflict replayed under each other strategy, in the order of `CONFLICT_STRATEGIES`. */
  readonly alternatives: readonly StrategyReplay[];
}

export function explainConflict(record: ConflictRecord): ConflictExplanation {
  const clockOrder = compareClocks(record.local.clock, record.remote.clock);
  const alternatives = CONFLICT_STRATEGIES.filter((strategy) => strategy !== record.strategy).map((strategy): StrategyReplay => {
    const replay = resolveConflict(record, strategy, record.context);
    return {
      strategy,
      status: replay.status,
      winner: replay.winner,
      row: replay.row,
      siblings: replay.siblings,
      reason: replay.reason,
      agreesWithRecorded: replay.status === record.status && rowText(replay.row) === rowText(record.resolvedRow),
    };
  });
  return {
    conflictId: record.conflictId,
    clockOrder,
    clocks: describeClocks(record.local, record.remote, clockOrder),
    strategy: record.strategy,
    status: record.status,
    winner: record.winner,
    why: record.reason,
    alternatives,
  };
}

/** "site-1 had seen 2 writes of site-1 that site-2 had not; site-2 had seen …": the concurrency, in words. */
function describeClocks(local: ConflictVersion, remote: ConflictVersion, order: ClockOrder): string {
  const ahead = (a: ConflictVersion, b: ConflictVersion) =>
    Object.entries(a.clock)
      .filter(([siteId, counter]) => counter > (b.clock[siteId] ?? 0))
      .map(([siteId, counter]) => `${counter - (b.clock[siteId] ?? 0)} of ${siteId}`);
  const localAhead = ahead(local, remote);
  const remoteAhead = ahead(remote, local);
  const part = (side: ConflictVersion, other: ConflictVersion, writes: string[]) =>
    writes.length === 0 ? `${side.siteId} had seen nothing ${other.siteId} had not` : `${side.siteId} had seen ${writes.join(', ')} write(s) that ${other.siteId} had not`;
  return `${order}: ${part(local, remote, localAhead)}; ${part(remote, local, remoteAhead)}.`;
}

function rowText(row: ConflictRow | null): string {
  return row === null ? 'null' : canonicalJson(row);
}
