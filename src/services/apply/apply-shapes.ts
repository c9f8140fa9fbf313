/** The apply engine's views as the contract shapes them (spec/openapi/components/apply.yaml): LSNs as X/Y text, instants as ISO text. */
import type { ApplyConfig } from '../../engines/apply/apply-config.js';
import type { ApplyStatistics } from '../../engines/apply/apply-engine.js';
import type { ApplierError, ApplierStatusView, ApplyTransactionView } from '../../engines/apply/applier.js';
import type { ApplierState, ApplyTransactionStatus, CheckpointRecord, CheckpointTrigger, PermanentErrorPolicy } from '../../engines/apply/apply-types.js';
import { formatLsn } from '../../engines/replication/lsn.js';
import { isoTime } from '../platform/iso-time.js';

export type { ApplyConfig };

export interface ApplierStatus {
  subscriptionId: string;
  targetNodeId: string;
  state: ApplierState;
  applyParallelism: number;
  onPermanentError: PermanentErrorPolicy;
  busyWorkers: number;
  queuedTransactions: number;
  readyTransactions: number;
  applyingTransactions: number;
  retryingTransactions: number;
  checkpointLsn: string;
  appliedAboveCheckpoint: number;
  lastReceivedEndLsn: string | null;
  lagMs: number;
  lagBytes: number;
  lagTransactions: number;
  lastAppliedAt: string | null;
  lastError: { lsn: string; xid: number; reason: string; permanent: boolean; at: string } | null;
  createdAt: string;
}

export interface ApplyTransaction {
  subscriptionId: string;
  xid: number;
  lsn: string;
  commitLsn: string;
  commitTime: string;
  origin: string | null;
  changeCount: number;
  bytes: number;
  status: ApplyTransactionStatus;
  attempts: number;
  waitingOn: number;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  reason: string | null;
}

export interface ApplyCheckpoint {
  subscriptionId: string;
  checkpointLsn: string;
  appliedAboveCheckpoint: number;
  trigger: CheckpointTrigger;
  takenAt: string;
}

export type ApplyStatisticsShape = Omit<ApplyStatistics, 'firstAppliedAtMs' | 'lastAppliedAtMs' | 'batchTransactions'> & {
  firstAppliedAt: string | null;
  lastAppliedAt: string | null;
};

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));

function errorOf(error: ApplierError | null): ApplierStatus['lastError'] {
  return error === null ? null : { lsn: formatLsn(error.lsn), xid: error.xid, reason: error.reason, permanent: error.permanent, at: isoTime(error.atMs) };
}

export function applierStatusOf(view: ApplierStatusView, onPermanentError: PermanentErrorPolicy): ApplierStatus {
  return {
    subscriptionId: view.subscriptionId,
    targetNodeId: view.targetNodeId,
    state: view.state,
    applyParallelism: view.applyParallelism,
    onPermanentError,
    busyWorkers: view.busyWorkers,
    queuedTransactions: view.queuedTransactions,
    readyTransactions: view.readyTransactions,
    applyingTransactions: view.applyingTransactions,
    retryingTransactions: view.retryingTransactions,
    checkpointLsn: formatLsn(view.checkpointLsn),
    appliedAboveCheckpoint: view.appliedAboveCheckpoint,
    lastReceivedEndLsn: view.lastReceivedEndLsn === null ? null : formatLsn(view.lastReceivedEndLsn),
    lagMs: Math.round(view.lagMs),
    lagBytes: view.lagBytes,
    lagTransactions: view.lagTransactions,
    lastAppliedAt: isoOrNull(view.lastAppliedAtMs),
    lastError: errorOf(view.lastError),
    createdAt: isoTime(view.createdAtMs),
  };
}

export function applyTransactionOf(view: ApplyTransactionView): ApplyTransaction {
  return {
    subscriptionId: view.subscriptionId,
    xid: view.xid,
    lsn: formatLsn(view.lsn),
    commitLsn: formatLsn(view.commitLsn),
    commitTime: isoTime(view.commitTimeMs),
    origin: view.origin,
    changeCount: view.changeCount,
    bytes: view.bytes,
    status: view.status,
    attempts: view.attempts,
    waitingOn: view.waitingOn,
    enqueuedAt: isoTime(view.enqueuedAtMs),
    startedAt: isoOrNull(view.startedAtMs),
    finishedAt: isoOrNull(view.finishedAtMs),
    reason: view.reason,
  };
}

export function applyCheckpointOf(record: CheckpointRecord): ApplyCheckpoint {
  return {
    subscriptionId: record.subscriptionId,
    checkpointLsn: formatLsn(record.checkpointLsn),
    appliedAboveCheckpoint: record.appliedAboveCount,
    trigger: record.trigger,
    takenAt: isoTime(record.takenAtMs),
  };
}

export function applyStatisticsOf(statistics: ApplyStatistics): ApplyStatisticsShape {
  const { firstAppliedAtMs, lastAppliedAtMs, batchTransactions: _batched, ...counters } = statistics;
  return { ...counters, firstAppliedAt: isoOrNull(firstAppliedAtMs), lastAppliedAt: isoOrNull(lastAppliedAtMs) };
}
