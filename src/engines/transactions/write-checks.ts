/**
 * The checks a distributed transaction's writes get before anything is sent: a list, bounded, and
 * not aimed at system catalogs (`pg_*`: the coordinators' log lives there). The storage checks
 * each write's shape and the rows it needs (`NodeStorage.planWrites`). Pure.
 */
import { MAX_CHANGES_PER_TRANSACTION } from '../replication/node-storage.js';
import { SYSTEM_CATALOG_PREFIX } from '../replication/logical-decoding.js';
import type { RowChange, RowWrite } from '../replication/wal-record.js';
import { DomainError } from '../runtime/domain-error.js';

/** @throws DomainError UNPROCESSABLE naming `where` and every problem. */
export function checkWrites(writes: unknown, where: string): readonly RowWrite[] {
  if (!Array.isArray(writes)) throw new DomainError('UNPROCESSABLE', `${where} must be a list of writes.`, { field: where });
  if (writes.length > MAX_CHANGES_PER_TRANSACTION) {
    throw new DomainError('UNPROCESSABLE', `${where} holds ${writes.length} writes; at most ${MAX_CHANGES_PER_TRANSACTION} are allowed.`, { field: where, limit: MAX_CHANGES_PER_TRANSACTION });
  }
  const problems: string[] = [];
  writes.forEach((write: unknown, index) => {
    const table = typeof write === 'object' && write !== null ? (write as { table?: unknown }).table : undefined;
    if (typeof table === 'string' && table.startsWith(SYSTEM_CATALOG_PREFIX)) problems.push(`${where}[${index}].table ${table} is reserved for system catalogs (${SYSTEM_CATALOG_PREFIX}*)`);
  });
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid writes: ${problems.join('; ')}.`, { problems });
  return writes as RowWrite[];
}

/** The writes that make `changes` (a prepared transaction's, read back from a node's two-phase state). */
export function writesOfChanges(changes: readonly RowChange[]): RowWrite[] {
  return changes.map((change) => (change.op === 'delete' ? { op: 'delete', table: change.table, key: change.key } : { op: 'put', table: change.table, key: change.key, row: change.row }));
}
