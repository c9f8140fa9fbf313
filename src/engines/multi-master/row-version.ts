/**
 * A row's version in a multi-master group, and the pure functions that make one from a write and
 * combine two concurrent ones. Every combination is deterministic, commutative and associative
 * (README, "Strategies"), so sites that see versions in different orders store the same result.
 */
import type { FieldValue, RowValue } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';
import { compareClocks, incrementClock, mergeClocks, type ClockOrder, type VectorClock } from '../conflicts/vector-clock.js';
import type { ConflictStrategy } from '../conflicts/conflict-record.js';
import { resolveConflict } from '../conflicts/strategies.js';
import { EMPTY_G_COUNTER, pnCounterAdd, pnCounterMerge, pnCounterValue, type GCounter, type PnCounter } from '../conflicts/crdts/counters.js';
import { EMPTY_G_SET, gSetMerge, gSetOf, type GSet } from '../conflicts/crdts/sets.js';
import type { JsonValue } from '../conflicts/crdts/json-value.js';

export type { VectorClock, ClockOrder };
export { compareClocks };

export { CONFLICT_STRATEGIES, type ConflictStrategy } from '../conflicts/conflict-record.js';

export const COLUMN_CRDTS = ['LWW_REGISTER', 'G_COUNTER', 'PN_COUNTER', 'G_SET'] as const;
export type ColumnCrdt = (typeof COLUMN_CRDTS)[number];

/** A column's CRDT state: per-site increments and decrements of a counter, or a grow-only set's members. */
export type CrdtState = { readonly p: Readonly<Record<string, number>>; readonly n: Readonly<Record<string, number>> } | { readonly members: readonly FieldValue[] };

/** One of the concurrent versions MULTI_VALUE keeps (Riak's siblings). */
export interface Sibling {
  readonly row: RowValue | null;
  readonly dot: string;
  readonly originSiteId: string;
  readonly atMs: number;
}

export interface RowVersion {
  /** Which writes of each site this version has seen. */
  readonly clock: VectorClock;
  /** The write that made the shown value: `site:counter`. */
  readonly dot: string;
  /** The site of that write. */
  readonly originSiteId: string;
  /** Cluster time of that write. */
  readonly atMs: number;
  /** The row; null once deleted (a tombstone, so an older write cannot bring it back). */
  readonly row: RowValue | null;
  /** MULTI_VALUE: every concurrent version kept, the shown one included, by dot; otherwise empty. */
  readonly siblings: readonly Sibling[];
  /** CRDT: each CRDT column's state; null for other strategies. */
  readonly crdt: Readonly<Record<string, CrdtState>> | null;
}

/** What a group's resolution needs to know besides the two versions. */
export interface ResolutionPolicy {
  readonly strategy: ConflictStrategy;
  /** SITE_PRIORITY: site ids, highest priority first. */
  readonly sitePriority: readonly string[];
  /** CRDT: the CRDT of each CRDT column. */
  readonly columnCrdts: Readonly<Record<string, ColumnCrdt>>;
}

/** The version a write at `siteId` makes over the site's current version `previous`. */
export function versionOfWrite(previous: RowVersion | undefined, siteId: string, row: RowValue | null, atMs: number, policy: ResolutionPolicy): RowVersion {
  const clock = incrementClock(previous?.clock ?? {}, siteId);
  const dot = `${siteId}:${clock[siteId]}`;
  if (policy.strategy !== 'CRDT_PER_COLUMN' || Object.keys(policy.columnCrdts).length === 0) return { clock, dot, originSiteId: siteId, atMs, row, siblings: [], crdt: null };
  const crdt: Record<string, CrdtState> = {};
  let shown: Record<string, FieldValue> | null = row === null ? null : { ...row };
  for (const [column, type] of sortedEntries(policy.columnCrdts)) {
    const before = previous?.crdt?.[column] ?? emptyState(type);
    const state = row === null || !(column in row) ? before : writeState(type, before, siteId, row[column]!, column);
    crdt[column] = state;
    if (shown !== null && type !== 'LWW_REGISTER') shown[column] = valueOf(state);
  }
  return { clock, dot, originSiteId: siteId, atMs, row: shown, siblings: [], crdt };
}

/** How `incoming` relates to `local` and, when concurrent, the version both sites store. */
export function combine(local: RowVersion, incoming: RowVersion, policy: ResolutionPolicy): { order: ClockOrder; stored: RowVersion; winner: 'LOCAL' | 'INCOMING' | 'MERGED'; reason: string } {
  const order = compareClocks(incoming.clock, local.clock);
  if (order === 'AFTER') return { order, stored: incoming, winner: 'INCOMING', reason: 'the incoming version has seen the local one' };
  if (order === 'BEFORE' || order === 'EQUAL') return { order, stored: local, winner: 'LOCAL', reason: 'the local version has seen the incoming one' };
  const clock = mergeClocks(local.clock, incoming.clock);
  const first = pick(local, incoming, policy);
  const winner = first.version === local ? 'LOCAL' : 'INCOMING';
  switch (policy.strategy) {
    case 'MULTI_VALUE': {
      const siblings = mergeSiblings(local, incoming);
      const shown = siblings.reduce((best, sibling) => (laterWrite(sibling, best) ? sibling : best));
      return { order, stored: { clock, dot: shown.dot, originSiteId: shown.originSiteId, atMs: shown.atMs, row: shown.row, siblings, crdt: null }, winner: 'MERGED', reason: `MULTI_VALUE keeps ${siblings.length} siblings (allow_mult); the latest is shown` };
    }
    case 'CRDT_PER_COLUMN': {
      const crdt: Record<string, CrdtState> = {};
      const base = first.version;
      let row: Record<string, FieldValue> | null = base.row === null ? null : { ...base.row };
      for (const [column, type] of sortedEntries(policy.columnCrdts)) {
        const state = mergeState(type, local.crdt?.[column] ?? emptyState(type), incoming.crdt?.[column] ?? emptyState(type));
        crdt[column] = state;
        if (row !== null && type !== 'LWW_REGISTER') row[column] = valueOf(state);
      }
      return { order, stored: { clock, dot: base.dot, originSiteId: base.originSiteId, atMs: base.atMs, row, siblings: [], crdt }, winner: 'MERGED', reason: `CRDT columns merged (${Object.keys(crdt).join(', ') || 'none'}); other columns from ${base.dot}, the later write` };
    }
    default:
      return { order, stored: { ...first.version, clock, siblings: [] }, winner, reason: first.reason };
  }
}

/**
 * The version a strategy prefers of two concurrent ones, and why: the conflicts engine's pure
 * LAST_WRITER_WINS or SITE_PRIORITY (CUSTOM keeps the last writer in place until a row is given;
 * MULTI_VALUE and CRDT_PER_COLUMN show the last writer's other columns).
 */
function pick(local: RowVersion, incoming: RowVersion, policy: ResolutionPolicy): { version: RowVersion; reason: string } {
  const side = (version: RowVersion) => ({ siteId: version.originSiteId, nodeId: version.originSiteId, clock: version.clock, writtenAtMs: version.atMs, row: version.row });
  const rule = policy.strategy === 'SITE_PRIORITY' ? 'SITE_PRIORITY' : 'LAST_WRITER_WINS';
  const resolution = resolveConflict({ local: side(local), remote: side(incoming) }, rule, { sitePriority: policy.sitePriority });
  // The pure rule ties on equal time and site by row; the dot settles what it leaves equal.
  const version = resolution.winner === 'REMOTE' ? incoming : resolution.winner === 'LOCAL' ? local : laterWrite(incoming, local) ? incoming : local;
  const prefix = policy.strategy === 'CUSTOM' ? 'CUSTOM: until a row is given, the last writer is in place. ' : '';
  return { version, reason: `${prefix}${resolution.reason}` };
}

/** The later write by cluster time, ties to the higher site id, then the higher dot: a total order. */
function laterWrite(a: { atMs: number; originSiteId: string; dot: string }, b: { atMs: number; originSiteId: string; dot: string }): boolean {
  if (a.atMs !== b.atMs) return a.atMs > b.atMs;
  if (a.originSiteId !== b.originSiteId) return a.originSiteId > b.originSiteId;
  return a.dot > b.dot;
}

function siblingsOf(version: RowVersion): readonly Sibling[] {
  return version.siblings.length > 0 ? version.siblings : [{ row: version.row, dot: version.dot, originSiteId: version.originSiteId, atMs: version.atMs }];
}

/** Dotted version vectors' rule: a sibling stays unless the other side has seen its write and dropped it. */
function mergeSiblings(a: RowVersion, b: RowVersion): Sibling[] {
  const kept = new Map<string, Sibling>();
  const keep = (mine: readonly Sibling[], theirs: readonly Sibling[], theirClock: VectorClock) => {
    const theirDots = new Set(theirs.map((sibling) => sibling.dot));
    for (const sibling of mine) if (theirDots.has(sibling.dot) || !covers(theirClock, sibling.dot)) kept.set(sibling.dot, sibling);
  };
  keep(siblingsOf(a), siblingsOf(b), b.clock);
  keep(siblingsOf(b), siblingsOf(a), a.clock);
  return [...kept.values()].sort((x, y) => (x.dot < y.dot ? -1 : x.dot > y.dot ? 1 : 0));
}

function covers(clock: VectorClock, dot: string): boolean {
  const at = dot.lastIndexOf(':');
  return (clock[dot.slice(0, at)] ?? 0) >= Number(dot.slice(at + 1));
}

// ---------------------------------------------------------------- CRDT columns: state-based, the conflicts engine's CRDTs

function emptyState(type: ColumnCrdt): CrdtState {
  if (type === 'G_SET') return { members: EMPTY_G_SET };
  return { p: EMPTY_G_COUNTER, n: EMPTY_G_COUNTER };
}

function counterOf(state: CrdtState): PnCounter {
  const counter = state as { p: GCounter; n: GCounter };
  return { increments: counter.p, decrements: counter.n };
}

function stateOfCounter(counter: PnCounter): CrdtState {
  return { p: sortedRecord(counter.increments), n: sortedRecord(counter.decrements) };
}

function writeState(type: ColumnCrdt, state: CrdtState, siteId: string, value: FieldValue, column: string): CrdtState {
  if (type === 'LWW_REGISTER') return state;
  if (type === 'G_SET') {
    if (!Array.isArray(value)) throw new DomainError('UNPROCESSABLE', `Column ${column} is a G_SET: write an array of its members.`, { column });
    return { members: gSetMerge((state as { members: GSet }).members, gSetOf(value as JsonValue[])) };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DomainError('UNPROCESSABLE', `Column ${column} is a ${type}: write a number.`, { column });
  // The written value minus what the site sees is the site's increment (or decrement).
  const delta = value - pnCounterValue(counterOf(state));
  if (delta < 0 && type === 'G_COUNTER') throw new DomainError('UNPROCESSABLE', `Column ${column} is a G_COUNTER: it only grows (it is ${pnCounterValue(counterOf(state))}).`, { column });
  return stateOfCounter(pnCounterAdd(counterOf(state), siteId, delta));
}

function mergeState(type: ColumnCrdt, a: CrdtState, b: CrdtState): CrdtState {
  if (type === 'LWW_REGISTER') return a;
  if (type === 'G_SET') return { members: gSetMerge((a as { members: GSet }).members, (b as { members: GSet }).members) };
  return stateOfCounter(pnCounterMerge(counterOf(a), counterOf(b)));
}

function valueOf(state: CrdtState): FieldValue {
  if ('members' in state) return state.members as FieldValue;
  return pnCounterValue(counterOf(state));
}

function sortedRecord(record: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([p], [q]) => (p < q ? -1 : 1)));
}

function sortedEntries<T>(record: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
