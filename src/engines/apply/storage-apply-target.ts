/**
 * The direct path into a node's storage: an {@link ApplyTarget} that commits each transaction's
 * changes as one local transaction on a writable node (`ReplicationCluster.commitOn`). Tests and
 * benches feed appliers through it; logical subscriptions bring their own target (with the origin
 * and apply-conflict detection). A node that is down is TRANSIENT (it may come back); a standby,
 * or a change the storage refuses (a delete of a missing row), is PERMANENT.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { RowWrite } from '../replication/wal-record.js';
import type { ApplyOutcome, ApplyTarget, DecodedTransaction } from './apply-types.js';
import { isRowChange } from './dependency-tracker.js';

export class StorageApplyTarget implements ApplyTarget {
  constructor(
    private readonly replication: ReplicationCluster,
    readonly nodeId: string,
  ) {}

  apply(transaction: DecodedTransaction): ApplyOutcome {
    if (!this.replication.isRunning(this.nodeId)) return { status: 'TRANSIENT', reason: `${this.nodeId} is down` };
    const problem = this.replication.whyNotWritable(this.nodeId);
    if (problem !== null) return { status: 'PERMANENT', reason: problem };
    const writes: RowWrite[] = [];
    for (const change of transaction.changes) {
      if (!isRowChange(change)) return { status: 'PERMANENT', reason: `${change.op} on ${change.table} is not applied by the direct storage target` };
      writes.push(change.op === 'delete' ? { op: 'delete', table: change.table, key: change.key } : { op: 'put', table: change.table, key: change.key, row: change.row ?? {} });
    }
    if (writes.length === 0) return { status: 'APPLIED' };
    try {
      this.replication.commitOn(this.nodeId, writes);
      return { status: 'APPLIED' };
    } catch (error) {
      if (error instanceof DomainError) return { status: 'PERMANENT', reason: error.message };
      throw error;
    }
  }
}
