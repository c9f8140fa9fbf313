/**
 * Replication conflicts, as pure functions: how two concurrent writes to one row are told apart
 * from an ordinary change (detection), and which row results from each resolution strategy.
 * The engine records the conflict and writes the resolved row through the WAL.
 */
import { mergeCounterColumn, mergeRowColumns, mergeSetColumn } from '../conflicts/crdts/column-merges.js';
import { compareStamps } from '../conflicts/crdts/lww-register.js';
import { DomainError } from '../runtime/domain-error.js';

import type { FieldValue, RowValue } from './wal-record.js';

export type { FieldValue };

/** A row's columns. */
export type RowImage = RowValue;

/** One side's version of a row: `row` null means the row is absent (never inserted, or deleted). */
export interface RowVersion {
  readonly row: RowImage | null;
  /** Incremented by every write of the row; 0 while it never existed. */
  readonly version: number;
  /** Cluster time of the write that made this version. */
  readonly updatedAtMs: number;
  /** The node that made the write. */
  readonly originNodeId: string;
}

export type ConflictType = 'UPDATE_CONFLICT' | 'DELETE_CONFLICT' | 'UNIQUENESS_VIOLATION' | 'INSERT_CONFLICT';

export type ChangeKind = 'INSERT' | 'UPDATE' | 'DELETE';

/** A change arriving from another site, with the version of the row it was made on. */
export interface RemoteChange {
  readonly kind: ChangeKind;
  /** The version the remote site changed (0: the row did not exist there). */
  readonly baseVersion: number;
  /** The row after the change; null for a DELETE. */
  readonly row: RowImage | null;
  readonly updatedAtMs: number;
  readonly originNodeId: string;
}

/**
 * Whether applying `remote` over the local row would overwrite a write the remote site never saw.
 * @param local - the row as it is here now.
 * @returns the conflict's type, or null when the remote change applies cleanly (it was made on
 *   the local version, or it inserts a key that is free here).
 */
export function detectConflict(local: RowVersion, remote: RemoteChange): ConflictType | null {
  if (remote.kind === 'INSERT') {
    if (local.row === null) return null;
    // Both sides created the key without seeing each other; an older local row is a key taken before.
    return local.version === 1 ? 'INSERT_CONFLICT' : 'UNIQUENESS_VIOLATION';
  }
  if (local.version === remote.baseVersion) return null;
  if (remote.kind === 'DELETE' || local.row === null) return 'DELETE_CONFLICT';
  return 'UPDATE_CONFLICT';
}

export type ResolutionStrategy =
  | 'LAST_WRITER_WINS'
  | 'FIRST_WRITER_WINS'
  | 'SITE_PRIORITY'
  | 'CUSTOM'
  | 'CRDT_LWW'
  | 'CRDT_COUNTER'
  | 'CRDT_SET';

export const RESOLUTION_STRATEGIES: readonly ResolutionStrategy[] = Object.freeze([
  'LAST_WRITER_WINS',
  'FIRST_WRITER_WINS',
  'SITE_PRIORITY',
  'CUSTOM',
  'CRDT_LWW',
  'CRDT_COUNTER',
  'CRDT_SET',
]);

/** The two versions in conflict, and the version both started from. */
export interface ConflictingVersions {
  /** The row both sides changed; `row` null when it did not exist before. */
  readonly base: RowVersion;
  readonly local: RowVersion;
  readonly remote: RowVersion;
}

export interface ResolutionOptions {
  /** SITE_PRIORITY: node ids, highest priority first. */
  readonly sitePriority?: readonly string[];
  /** CUSTOM: the row to keep (null deletes it). */
  readonly customRow?: RowImage | null;
}

/** Which version the resolution kept: one side whole, a merge of both, or the operator's row. */
export type ResolutionOutcome = 'LOCAL' | 'REMOTE' | 'MERGED' | 'CUSTOM';

export interface Resolution {
  readonly outcome: ResolutionOutcome;
  /** The row to write; null deletes it. */
  readonly row: RowImage | null;
}

/**
 * The row a strategy makes of two conflicting versions.
 * @throws UNPROCESSABLE when CUSTOM has no `customRow`, or SITE_PRIORITY no `sitePriority`.
 */
export function resolveConflict(strategy: ResolutionStrategy, versions: ConflictingVersions, options: ResolutionOptions = {}): Resolution {
  const { local, remote } = versions;
  switch (strategy) {
    case 'LAST_WRITER_WINS':
      return keep(lastWriter(local, remote) === local ? 'LOCAL' : 'REMOTE', versions);
    case 'FIRST_WRITER_WINS':
      return keep(lastWriter(local, remote) === local ? 'REMOTE' : 'LOCAL', versions);
    case 'SITE_PRIORITY':
      return keep(bySitePriority(local, remote, options.sitePriority), versions);
    case 'CUSTOM':
      if (options.customRow === undefined) {
        throw new DomainError('UNPROCESSABLE', 'The CUSTOM strategy needs the row to keep (customValue; null deletes the row).', { strategy });
      }
      return { outcome: 'CUSTOM', row: options.customRow };
    case 'CRDT_LWW':
      return mergeFields(versions, () => undefined);
    case 'CRDT_COUNTER':
      return mergeFields(versions, counterMerge);
    case 'CRDT_SET':
      return mergeFields(versions, setMerge);
  }
}

function keep(side: 'LOCAL' | 'REMOTE', versions: ConflictingVersions): Resolution {
  return { outcome: side, row: side === 'LOCAL' ? versions.local.row : versions.remote.row };
}

/** The later write; at the same instant the higher node id wins, so every site picks the same one (the conflicts engine's LWW order). */
function lastWriter(a: RowVersion, b: RowVersion): RowVersion {
  return compareStamps({ timestampMs: a.updatedAtMs, siteId: a.originNodeId }, { timestampMs: b.updatedAtMs, siteId: b.originNodeId }) >= 0 ? a : b;
}

function bySitePriority(local: RowVersion, remote: RowVersion, priority: readonly string[] | undefined): 'LOCAL' | 'REMOTE' {
  if (priority === undefined || priority.length === 0) {
    throw new DomainError('UNPROCESSABLE', 'The SITE_PRIORITY strategy needs the sites in priority order (sitePriority).', { strategy: 'SITE_PRIORITY' });
  }
  const rank = (nodeId: string) => {
    const index = priority.indexOf(nodeId);
    return index === -1 ? priority.length : index;
  };
  const localRank = rank(local.originNodeId);
  const remoteRank = rank(remote.originNodeId);
  // Two unlisted (or equal) sites fall back to the later write.
  if (localRank === remoteRank) return lastWriter(local, remote) === local ? 'LOCAL' : 'REMOTE';
  return localRank < remoteRank ? 'LOCAL' : 'REMOTE';
}

/** A field merge for fields both sides changed; undefined leaves the field to the later writer. */
type FieldMerge = (base: FieldValue | undefined, local: FieldValue, remote: FieldValue) => FieldValue | undefined;

/**
 * A three-way merge field by field (the conflicts engine's `mergeRowColumns`): a field only one
 * side changed takes that side's value; a field both changed goes to `merge`, else to the later
 * writer (an LWW register per field). A delete against an update is settled for the whole row by
 * the later writer: a row has no fields to merge.
 */
function mergeFields(versions: ConflictingVersions, merge: FieldMerge): Resolution {
  const { base, local, remote } = versions;
  if (local.row === null || remote.row === null) return keep(lastWriter(local, remote) === local ? 'LOCAL' : 'REMOTE', versions);
  const later = lastWriter(local, remote) === local ? local.row : remote.row;
  const fields = [...new Set([...Object.keys(local.row), ...Object.keys(remote.row)])];
  return { outcome: 'MERGED', row: mergeRowColumns(fields, base.row ?? {}, local.row, remote.row, later, (_field, before, localValue, remoteValue) => merge(before, localValue, remoteValue)) };
}

/** A PN-counter over numbers: both sides' increments (and decrements) count (the conflicts engine's merge). */
function counterMerge(base: FieldValue | undefined, local: FieldValue, remote: FieldValue): FieldValue | undefined {
  return mergeCounterColumn('PN_COUNTER', base, local, remote);
}

/** Arrays as a 2P-Set: what either side added is in, what either side removed is out (the conflicts engine's merge). */
function setMerge(base: FieldValue | undefined, local: FieldValue, remote: FieldValue): FieldValue | undefined {
  return mergeSetColumn('TWO_PHASE_SET', base, local, remote);
}

/** Structural equality of JSON values (object key order does not matter). */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as readonly FieldValue[];
    return a.length === other.length && a.every((element, index) => sameValue(element, other[index]));
  }
  const left = a as Record<string, FieldValue>;
  const right = b as Record<string, FieldValue>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}
