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

/** The payload of a record: the changes of one transaction, in order. Its JSON size sizes the record. */
export interface WalChange {
  readonly changes: readonly RowChange[];
}

export interface WalRecord {
  /** Where the record starts. */
  readonly lsn: Lsn;
  /** Where the next record starts: `lsn + 24 + JSON byte length of change`. */
  readonly endLsn: Lsn;
  /** Timeline the record was written on. */
  readonly timeline: number;
  /** The transaction's id: commits are numbered from 1 in commit order, one record each. */
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
}

/** A row with its metadata, as a table image shows it. */
export interface StoredRow {
  readonly key: string;
  readonly row: RowValue;
  readonly meta: RowMeta;
}
