/**
 * Feeding the apply engine beneath the API until logical subscriptions exist: a detached
 * (writable) node as the target, and the primary's WAL decoded into transactions, one per record,
 * as a logical slot would deliver them.
 */
import type { Applier } from '../../src/engines/apply/applier.js';
import type { DecodedTransaction } from '../../src/engines/apply/apply-types.js';
import { StorageApplyTarget } from '../../src/engines/apply/storage-apply-target.js';
import { decodeChanges } from '../../src/engines/replication/logical-decoding.js';
import type { Lsn } from '../../src/engines/replication/lsn.js';
import type { RowWrite } from '../../src/engines/replication/wal-record.js';
import type { TestServer } from './test-server.js';

export { asAdmin, detachReplica } from './transactions.js';
export const APPLY = '/api/v1/advanced-replication/apply';

/** An applier writing to `nodeId`'s storage directly. */
export function directApplier(server: TestServer, subscriptionId: string, nodeId: string, startLsn?: Lsn): Applier {
  const { apply, replication } = server.platform.engines;
  return apply.applierFor(subscriptionId, new StorageApplyTarget(replication.cluster, nodeId), startLsn === undefined ? {} : { startLsn });
}

/** Commits `writes` on the primary, one transaction each, and answers them decoded from its WAL. */
export function commitOnPrimary(server: TestServer, writes: readonly RowWrite[][]): DecodedTransaction[] {
  const cluster = server.platform.engines.replication.cluster;
  const from = cluster.currentLsn();
  for (const transaction of writes) cluster.commit(transaction);
  return decodedFrom(server, from);
}

/** The primary's transactions from `fromLsn` on, decoded. */
export function decodedFrom(server: TestServer, fromLsn: Lsn): DecodedTransaction[] {
  const cluster = server.platform.engines.replication.cluster;
  const read = cluster.storageOf(cluster.primary()).readWal(fromLsn);
  if (read.gone) throw new Error(`WAL from ${fromLsn} was removed`);
  return read.records
    .map((record) => ({ xid: record.xid, lsn: record.lsn, commitLsn: record.endLsn, commitTimeMs: record.atMs, origin: null, changes: decodeChanges([record]) }))
    .filter((transaction) => transaction.changes.length > 0);
}
