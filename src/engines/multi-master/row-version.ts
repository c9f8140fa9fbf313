/**
 * A row's version in a multi-master group, and the pure functions that make one from a write and
 * combine two concurrent ones. Every combination is deterministic, commutative and associative
 * (README, "Strategies"), so sites that see versions in different orders store the same result.
 */
import type { FieldValue, RowValue } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';
import { compareClocks, incrementClock, mergeClocks, type ClockOrder, type VectorClock } from './stand-in-vector-clock.js';

export type { VectorClock, ClockOrder };
export { compareClocks };

export const CONFLICT_STRATEGIES = ['LAST_WRITER_WINS', 'SITE_PRIORITY', 'CUSTOM', 'MULTI_VALUE', 'CRDT'] as const;
export type ConflictStrategy = (typeof CONFLICT_STRATEGIES)[number];

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
  /** SITE_PRIORITY: a site's priority, lower first. */
  readonly priorityOf: (siteId: string) => number;
  /** CRDT: the CRDT of each CRDT column. */
  readonly columnCrdts: Readonly<Record<string, ColumnCrdt>>;
}

/** The version a write at `siteId` makes over the site's current version `previous`. */
export function versionOfWrite(previous: RowVersion | undefined, siteId: string, row: RowValue | null, atMs: number, policy: ResolutionPolicy): RowVersion {
  const clock = incrementClock(previous?.clock ?? {}, siteId);
  const dot = `${siteId}:${clock[siteId]}`;
  if (policy.strategy !== 'CRDT' || Object.keys(policy.columnCrdts).length === 0) return { clock, dot, originSiteId: siteId, atMs, row, siblings: [], crdt: null };
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
    case 'CRDT': {
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

/** The version a strategy prefers of two concurrent ones, and why. */
function pick(local: RowVersion, incoming: RowVersion, policy: ResolutionPolicy): { version: RowVersion; reason: string } {
  if (policy.strategy === 'SITE_PRIORITY') {
    const [a, b] = [policy.priorityOf(local.originSiteId), policy.priorityOf(incoming.originSiteId)];
    if (a !== b) {
      const version = a < b ? local : incoming;
      return { version, reason: `SITE_PRIORITY: ${version.originSiteId} (priority ${Math.min(a, b)}) outranks priority ${Math.max(a, b)}` };
    }
  }
  const version = laterWrite(incoming, local) ? incoming : local;
  const other = version === local ? incoming : local;
  const why = version.atMs === other.atMs ? `same time ${version.atMs}, site ${version.originSiteId} breaks the tie` : `written at ${version.atMs} after ${other.atMs}`;
  const prefix = policy.strategy === 'CUSTOM' ? 'CUSTOM: until a value is given, the last writer is in place' : 'LAST_WRITER_WINS';
  return { version, reason: `${prefix}: ${version.dot} ${why}` };
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

// ---------------------------------------------------------------- CRDT columns (stand-in until the conflicts engine's CRDTs are on main)

function emptyState(type: ColumnCrdt): CrdtState {
  return type === 'G_SET' ? { members: [] } : { p: {}, n: {} };
}

function writeState(type: ColumnCrdt, state: CrdtState, siteId: string, value: FieldValue, column: string): CrdtState {
  if (type === 'LWW_REGISTER') return state;
  if (type === 'G_SET') {
    if (!Array.isArray(value)) throw new DomainError('UNPROCESSABLE', `Column ${column} is a G_SET: write an array of its members.`, { column });
    return { members: union((state as { members: readonly FieldValue[] }).members, value) };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DomainError('UNPROCESSABLE', `Column ${column} is a ${type}: write a number.`, { column });
  const counter = state as { p: Record<string, number>; n: Record<string, number> };
  const delta = value - (valueOf(state) as number);
  if (delta < 0 && type === 'G_COUNTER') throw new DomainError('UNPROCESSABLE', `Column ${column} is a G_COUNTER: it only grows (it is ${valueOf(state)}).`, { column });
  if (delta >= 0) return { p: { ...counter.p, [siteId]: (counter.p[siteId] ?? 0) + delta }, n: counter.n };
  return { p: counter.p, n: { ...counter.n, [siteId]: (counter.n[siteId] ?? 0) - delta } };
}

function mergeState(type: ColumnCrdt, a: CrdtState, b: CrdtState): CrdtState {
  if (type === 'LWW_REGISTER') return a;
  if (type === 'G_SET') return { members: union((a as { members: readonly FieldValue[] }).members, (b as { members: readonly FieldValue[] }).members) };
  const [x, y] = [a as { p: Record<string, number>; n: Record<string, number> }, b as { p: Record<string, number>; n: Record<string, number> }];
  return { p: maxEach(x.p, y.p), n: maxEach(x.n, y.n) };
}

function valueOf(state: CrdtState): FieldValue {
  if ('members' in state) return state.members;
  const sum = (entries: Readonly<Record<string, number>>) => Object.values(entries).reduce((total, count) => total + count, 0);
  return sum(state.p) - sum(state.n);
}

function maxEach(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const merged: Record<string, number> = { ...a };
  for (const [site, count] of Object.entries(b)) merged[site] = Math.max(merged[site] ?? 0, count);
  return Object.fromEntries(Object.entries(merged).sort(([p], [q]) => (p < q ? -1 : 1)));
}

function union(a: readonly FieldValue[], b: readonly FieldValue[]): FieldValue[] {
  const byText = new Map<string, FieldValue>();
  for (const member of [...a, ...b]) byText.set(JSON.stringify(member), member);
  return [...byText.entries()].sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)).map(([, member]) => member);
}

function sortedEntries<T>(record: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
