/**
 * What the WAL holds: one record per transaction, carrying its row changes. Records are
 * immutable once written, so the WAL, WalData messages and the journal share them without copies.
 */
import type { Lsn } from './lsn.js';

/** A column's value: any JSON value (arrays serve as sets for the CRDT_SET conflict strategy). */
export type FieldValue = string | number | boolean | null | readonly FieldValue[] | { readonly [field: string]: FieldValue };

/** A row: a JSON object of columns. */
export type RowValue = Readonly<Record<string, FieldValue>>;

/** One row change as the WAL logs it (the primary decides insert or update from what it holds). */
export type RowChange =
  | { readonly op: 'insert' | 'update'; readonly table: string; readonly key: string; readonly row: RowValue }
  | { readonly op: 'delete'; readonly table: string; readonly key: string };

/** A write asked of the primary: a put (insert or update) or a delete of one row. */
export type RowWrite =
  | { op: 'put'; table: string; key: string; row: RowValue }
  | { op: 'delete'; table: string; key: string };

/** An XA branch's identity as a PREPARE record keeps it: parts in hex, so any bytes survive JSON. */
export interface XaIdentity {
  readonly formatId: number;
  readonly gtridHex: string;
  readonly bqualHex: string;
  /** The resource manager the branch ran on. */
  readonly resourceManager: string;
}

/**
 * The two-phase part of a record (PostgreSQL's PREPARE TRANSACTION, COMMIT PREPARED and
 * ROLLBACK PREPARED, plus XA's forget of a heuristic outcome). Absent on an ordinary commit.
 */
export type TwoPhaseChange =
  | {
      readonly kind: 'prepare';
      readonly gid: string;
      /** The changes COMMIT PREPARED will apply; nothing is applied at PREPARE. */
      readonly prepared: readonly RowChange[];
      readonly participants: readonly string[];
      /** The node whose log holds the decision; null for an XA branch (its TM is the API's caller). */
      readonly coordinatorNodeId: string | null;
      readonly xa: XaIdentity | null;
    }
  | { readonly kind: 'commit_prepared' | 'rollback_prepared'; readonly gid: string; readonly heuristic: boolean }
  | { readonly kind: 'forget'; readonly gid: string };

export type TwoPhaseKind = TwoPhaseChange['kind'];

/**
 * The payload of a record: the changes it applies, in order (a COMMIT PREPARED repeats its
 * transaction's prepared changes, so every reader of `changes` sees what a record applied).
 * Its JSON size sizes the record; an ordinary commit is exactly `{ changes }`.
 */
export interface WalChange {
  readonly changes: readonly RowChange[];
  readonly twoPhase?: TwoPhaseChange;
  /**
   * The replication origin of a transaction a logical subscription applied (PostgreSQL's
   * replorigin on the commit record): the subscription's origin name. Absent on local writes.
   */
  readonly origin?: string;
  /** The commit LSN on the origin's node of the transaction applied (replorigin_session_origin_lsn). */
  readonly originLsn?: Lsn;
}

export interface WalRecord {
  /** Where the record starts. */
  readonly lsn: Lsn;
  /** Where the next record starts: `lsn + 24 + JSON byte length of change`. */
  readonly endLsn: Lsn;
  /** Timeline the record was written on. */
  readonly timeline: number;
  /** The transaction's id: records are numbered from 1 in commit order, one each (2PC records too). */
  readonly xid: number;
  /** Cluster time of the commit. */
  readonly atMs: number;
  /** The primary that wrote it. */
  readonly originNodeId: string;
  readonly change: WalChange;
}

/** Row metadata kept next to each row. */
export interface RowMeta {
  /** 1 on insert, +1 per update. */
  readonly version: number;
  readonly updatedAtMs: number;
  readonly originNodeId: string;
  /** The replication origin of the last write (a logical subscription's); absent for a local write. */
  readonly origin?: string;
}

/** A row with its metadata, as a table image shows it. */
export interface StoredRow {
  readonly key: string;
  readonly row: RowValue;
  readonly meta: RowMeta;
}
