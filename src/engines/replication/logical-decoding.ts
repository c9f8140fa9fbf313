/**
 * Logical decoding as a logical slot's pgoutput plugin does it: each WAL record (one
 * transaction) becomes its row changes, in order, stamped with the record's position, commit
 * time and timeline. A prepared transaction decodes at its COMMIT PREPARED (which carries its
 * changes), never at PREPARE or ROLLBACK PREPARED, as PostgreSQL decodes without two_phase.
 * System catalogs (`pg_*` tables, such as the coordinators' pg_dist_transaction) are not decoded.
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
}

/** The row changes of `records`, in WAL order. */
export function decodeChanges(records: readonly WalRecord[]): DecodedChange[] {
  const changes: DecodedChange[] = [];
  for (const record of records) {
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
      });
    }
  }
  return changes;
}
