/**
 * Logical decoding as a logical slot's pgoutput plugin does it: each WAL record (one
 * transaction) becomes its row changes, in order, stamped with the record's position, commit
 * time, timeline, xid and replication origin. A prepared transaction decodes at its COMMIT
 * PREPARED (which carries its changes), never at PREPARE or ROLLBACK PREPARED, as PostgreSQL
 * decodes without two_phase. System catalogs (`pg_*` tables, such as the coordinators'
 * pg_dist_transaction) are not decoded. The WAL holds row changes only (no TRUNCATE or DDL
 * record exists), so those are the only changes decoded.
 * Pure: the slot bookkeeping around it stays in the cluster.
 */
import type { Lsn } from './lsn.js';
import type { RowChange, RowValue, WalRecord } from './wal-record.js';

/** Tables whose names start so are system catalogs: kept, replicated, never decoded. */
export const SYSTEM_CATALOG_PREFIX = 'pg_';

/** A change decoded from a logical slot (pgoutput-like), one per row change. */
export interface DecodedChange {
  lsn: Lsn;
  endLsn: Lsn;
  commitTimeMs: number;
  timeline: number;
  op: RowChange['op'];
  table: string;
  key: string;
  /** The row written; null for a delete. */
  row: RowValue | null;
  /** The transaction's id (its WAL record's xid). */
  xid?: number;
  /** The replication origin the transaction was applied from; null for a local write. */
  origin?: string | null;
}

/**
 * One decoded transaction, BEGIN to COMMIT (pgoutput's Begin and Commit messages around its
 * changes): the WAL record's xid, where its commit ends (`commitLsn`, what a subscriber confirms),
 * its commit time and origin.
 */
export interface DecodedTransaction {
  xid: number;
  /** Where the transaction's record starts. */
  lsn: Lsn;
  /** Where it ends: the position a subscriber confirms once it has applied it. */
  commitLsn: Lsn;
  commitTimeMs: number;
  /** The replication origin of a transaction a subscription applied; null for a local write. */
  origin: string | null;
  changes: DecodedChange[];
}

/** The row changes of `records`, in WAL order. */
export function decodeChanges(records: readonly WalRecord[]): DecodedChange[] {
  return decodeTransactions(records).flatMap((transaction) => transaction.changes);
}

/**
 * The transactions of `records`, in commit order, each with its row changes. Records that decode
 * to no change (a PREPARE, a ROLLBACK PREPARED, writes to system catalogs only) yield a
 * transaction without changes, so a consumer can still confirm past them.
 */
export function decodeTransactions(records: readonly WalRecord[]): DecodedTransaction[] {
  const transactions: DecodedTransaction[] = [];
  for (const record of records) {
    const origin = record.change.origin ?? null;
    const changes: DecodedChange[] = [];
    for (const change of record.change.changes) {
      if (change.table.startsWith(SYSTEM_CATALOG_PREFIX)) continue;
      changes.push({
        lsn: record.lsn,
        endLsn: record.endLsn,
        commitTimeMs: record.atMs,
        timeline: record.timeline,
        op: change.op,
        table: change.table,
        key: change.key,
        row: change.op === 'delete' ? null : change.row,
        xid: record.xid,
        origin,
      });
    }
    transactions.push({ xid: record.xid, lsn: record.lsn, commitLsn: record.endLsn, commitTimeMs: record.atMs, origin, changes });
  }
  return transactions;
}
