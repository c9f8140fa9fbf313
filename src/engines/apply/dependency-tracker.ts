/**
 * Dependency calculation between unfinished transactions, on the rows they write (GoldenGate's
 * parallel Replicat computes it on key columns): a transaction waits for the latest earlier
 * unfinished writer of each of its rows. A change naming no row (TRUNCATE, DDL) is a barrier on
 * its table: it waits for every earlier unfinished transaction on the table, and every later one
 * on the table waits for it. Transactions must be added in commit order.
 */
import type { DecodedChange } from '../replication/logical-decoding.js';
import type { Lsn } from '../replication/lsn.js';

const ROW_OPS: ReadonlySet<string> = new Set(['insert', 'update', 'delete']);

/** True for a change that writes one row; anything else (truncate, DDL) covers its whole table. */
export function isRowChange(change: Pick<DecodedChange, 'op'>): boolean {
  return ROW_OPS.has(change.op);
}

export class DependencyTracker {
  /** `table\0key` → the latest unfinished transaction writing that row. */
  private readonly lastRowWriter = new Map<string, Lsn>();
  /** table → every unfinished transaction touching it. */
  private readonly tableUsers = new Map<string, Set<Lsn>>();
  /** table → the latest unfinished barrier (truncate, DDL) on it. */
  private readonly tableBarrier = new Map<string, Lsn>();

  /** Registers an unfinished transaction; answers the earlier unfinished ones it must wait for. */
  add(commitLsn: Lsn, changes: readonly DecodedChange[]): Lsn[] {
    const dependsOn = new Set<Lsn>();
    for (const change of changes) {
      const users = this.usersOf(change.table);
      if (isRowChange(change)) {
        const row = rowId(change.table, change.key);
        const writer = this.lastRowWriter.get(row);
        if (writer !== undefined) dependsOn.add(writer);
        const barrier = this.tableBarrier.get(change.table);
        if (barrier !== undefined) dependsOn.add(barrier);
        this.lastRowWriter.set(row, commitLsn);
      } else {
        for (const user of users) dependsOn.add(user);
        this.tableBarrier.set(change.table, commitLsn);
      }
      users.add(commitLsn);
    }
    dependsOn.delete(commitLsn);
    return [...dependsOn];
  }

  /** Forgets a finished transaction (applied, skipped or discarded). */
  finish(commitLsn: Lsn, changes: readonly DecodedChange[]): void {
    for (const change of changes) {
      if (isRowChange(change)) {
        const row = rowId(change.table, change.key);
        if (this.lastRowWriter.get(row) === commitLsn) this.lastRowWriter.delete(row);
      } else if (this.tableBarrier.get(change.table) === commitLsn) {
        this.tableBarrier.delete(change.table);
      }
      const users = this.tableUsers.get(change.table);
      users?.delete(commitLsn);
      if (users?.size === 0) this.tableUsers.delete(change.table);
    }
  }

  private usersOf(table: string): Set<Lsn> {
    let users = this.tableUsers.get(table);
    if (users === undefined) {
      users = new Set();
      this.tableUsers.set(table, users);
    }
    return users;
  }
}

function rowId(table: string, key: string): string {
  return `${table}\u0000${key}`;
}
