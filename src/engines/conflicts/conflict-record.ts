/** A conflict between two concurrent writes of one row, as the book keeps it. */
import type { ConflictType } from '../replication/conflict-resolution.js';
import type { RowValue } from '../replication/wal-record.js';
import type { CrdtType } from './crdts/crdt-types.js';
import type { VectorClock } from './vector-clock.js';

export type { ConflictType };

/** A row's columns; null in a version means the row is deleted (or was never there). */
export type ConflictRow = RowValue;

/** One side's write. */
export interface ConflictVersion {
  /** The group site that made the write. */
  readonly siteId: string;
  /** The node the site runs on. */
  readonly nodeId: string;
  readonly clock: VectorClock;
  /** Cluster time of the write. */
  readonly writtenAtMs: number;
  readonly row: ConflictRow | null;
}

/** Two concurrent writes and, when known, the row both were made on. */
export interface ConflictingWrites {
  /** The version both started from; null when the row did not exist; undefined when unknown. */
  readonly base?: ConflictRow | null;
  /** The version already at the detecting site. */
  readonly local: ConflictVersion;
  /** The version that arrived from another site. */
  readonly remote: ConflictVersion;
}

export type ConflictStrategy = 'LAST_WRITER_WINS' | 'SITE_PRIORITY' | 'CUSTOM' | 'MULTI_VALUE' | 'CRDT_PER_COLUMN';

export const CONFLICT_STRATEGIES: readonly ConflictStrategy[] = Object.freeze(['LAST_WRITER_WINS', 'SITE_PRIORITY', 'CUSTOM', 'MULTI_VALUE', 'CRDT_PER_COLUMN']);

/** What a strategy needs besides the writes. */
export interface ResolutionContext {
  /** SITE_PRIORITY: site ids, highest priority first. */
  readonly sitePriority?: readonly string[];
  /** CUSTOM: the row to keep; null deletes the row. */
  readonly customRow?: ConflictRow | null;
  /** CRDT_PER_COLUMN: each column's CRDT; a column not named is an LWW register. */
  readonly columnCrdts?: Readonly<Record<string, CrdtType>>;
}

/** Which version a resolution kept: one side, a merge, the operator's row, or both (siblings). */
export type ConflictWinner = 'LOCAL' | 'REMOTE' | 'MERGED' | 'CUSTOM' | 'SIBLINGS';

/** `RESOLVED` is final; `PENDING` waits for a row (CUSTOM); `SIBLINGS` keeps both (MULTI_VALUE). */
export type ConflictStatus = 'RESOLVED' | 'PENDING' | 'SIBLINGS';

export interface Resolution {
  readonly status: ConflictStatus;
  /** Null while PENDING. */
  readonly winner: ConflictWinner | null;
  /** The row to write (null deletes it); for SIBLINGS, the version readers get until one is chosen; null while PENDING. */
  readonly row: ConflictRow | null;
  /** Both versions, for SIBLINGS; empty otherwise. */
  readonly siblings: readonly ConflictVersion[];
  /** Why this result: the rule and the fact that decided it. */
  readonly reason: string;
}

/** The kind of group a conflict comes from; each kind registers the applier that writes resolutions. */
export type GroupKind = 'MULTI_MASTER';

export interface ConflictRecord extends ConflictingWrites {
  readonly conflictId: string;
  readonly groupKind: GroupKind;
  readonly groupId: string;
  readonly tableName: string;
  readonly rowKey: string;
  readonly conflictType: ConflictType;
  readonly detectedAtMs: number;
  readonly strategy: ConflictStrategy;
  readonly context: ResolutionContext;
  readonly status: ConflictStatus;
  readonly winner: ConflictWinner | null;
  readonly resolvedRow: ConflictRow | null;
  readonly siblings: readonly ConflictVersion[];
  readonly reason: string;
  readonly resolvedAtMs: number | null;
  /** Who resolved it: `strategy` when settled on arrival, else the caller's key or user. */
  readonly resolvedBy: string | null;
  /** Sites the applier wrote the resolution to (empty when settled on arrival: the group wrote it). */
  readonly appliedSiteIds: readonly string[];
}

/** A conflict's type from its versions: a delete on either side, two inserts, or two updates. */
export function conflictTypeOf(writes: ConflictingWrites): ConflictType {
  if (writes.local.row === null || writes.remote.row === null) return 'DELETE_CONFLICT';
  if (writes.base === null) return 'INSERT_CONFLICT';
  return 'UPDATE_CONFLICT';
}
