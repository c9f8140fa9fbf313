/**
 * Logical replication as the API shows it: LSNs as `X/Y`, times as ISO text, the engine's
 * views reshaped to the contract's schemas (spec/openapi/components/logical.yaml).
 */
import { formatLsn } from '../../engines/replication/lsn.js';
import type { DecodedChange } from '../../engines/replication/logical-decoding.js';
import type { ChangesPage, SkipResult, SubscriptionStatus, SubscriptionView } from '../../engines/logical/logical-replication.js';
import type { Publication as EnginePublication, PublishedTable } from '../../engines/logical/publication.js';
import type { ConflictResolution, SubscriptionCounters, SubscriptionTable } from '../../engines/logical/subscription.js';
import type { FieldValue, RowValue } from '../../engines/replication/wal-record.js';
import { isoTime } from '../platform/iso-time.js';
import type { WalStatus } from '../../engines/replication/slots.js';
import type { ConflictType } from '../../engines/logical/subscription.js';

export interface Publication {
  name: string;
  nodeId: string;
  allTables: boolean;
  tables: PublishedTable[];
  publish: EnginePublication['publish'];
  subscriptionCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface DecodedChangeShape {
  lsn: string;
  endLsn: string;
  xid: number;
  commitTime: string;
  timeline: number;
  op: DecodedChange['op'];
  table: string;
  key: string;
  row: RowValue | null;
  origin: string | null;
}

export interface SkipResultShape {
  lsn: string;
  commitLsn: string;
  xid: number;
  dryRun: boolean;
  changes: DecodedChangeShape[];
  truncated: boolean;
}

export interface Subscription {
  name: string;
  publication: string;
  sourceNodeId: string;
  targetNodeId: string;
  slotName: string;
  originName: string;
  enabled: boolean;
  status: SubscriptionStatus;
  origin: 'none' | 'any';
  copyData: boolean;
  disableOnError: boolean;
  conflictResolution: ConflictResolution;
  checkpointLsn: string;
  sourceLsn: string;
  lagBytes: number;
  lagMs: number;
  slot: { slotName: string; restartLsn: string; confirmedFlushLsn: string; walStatus: WalStatus; active: boolean } | null;
  slotLost: boolean;
  slotLostAt: string | null;
  tables: (Omit<SubscriptionTable, 'syncLsn'> & { syncLsn: string })[];
  counters: SubscriptionCounters;
  lastError: { lsn: string; commitLsn: string; xid: number; message: string; conflict: ConflictType | null; transient: boolean; at: string } | null;
  lastCommitTime: string | null;
  lastAppliedAt: string | null;
  createdAt: string;
  updatedAt: string;
  skipResult?: SkipResultShape | null;
}

export interface LogicalChanges {
  nodeId: string;
  changes: DecodedChangeShape[];
  fromLsn: string;
  nextLsn: string;
  hasMore: boolean;
  scannedTransactions: number;
}

export function publicationOf(publication: EnginePublication, subscriptionCount: number): Publication {
  return {
    name: publication.name,
    nodeId: publication.nodeId,
    allTables: publication.allTables,
    tables: publication.tables.map((table) => ({ ...table, masks: table.masks.map((mask) => ({ ...mask })) })),
    publish: [...publication.publish],
    subscriptionCount,
    createdAt: isoTime(publication.createdAtMs),
    updatedAt: isoTime(publication.updatedAtMs),
  };
}

export function decodedChangeOf(change: DecodedChange): DecodedChangeShape {
  return {
    lsn: formatLsn(change.lsn),
    endLsn: formatLsn(change.endLsn),
    xid: change.xid ?? 0,
    commitTime: isoTime(change.commitTimeMs),
    timeline: change.timeline,
    op: change.op,
    table: change.table,
    key: change.key,
    row: change.row,
    origin: change.origin ?? null,
  };
}

export function skipResultOf(result: SkipResult): SkipResultShape {
  return {
    lsn: formatLsn(result.lsn),
    commitLsn: formatLsn(result.commitLsn),
    xid: result.xid,
    dryRun: result.dryRun,
    changes: result.changes.map(decodedChangeOf),
    truncated: result.truncated,
  };
}

export function changesOf(page: ChangesPage): LogicalChanges {
  return {
    nodeId: page.nodeId,
    changes: page.changes.map(decodedChangeOf),
    fromLsn: formatLsn(page.fromLsn),
    nextLsn: formatLsn(page.nextLsn),
    hasMore: page.hasMore,
    scannedTransactions: page.scannedTransactions,
  };
}

export function subscriptionOf(view: SubscriptionView): Subscription {
  const slot = view.slot;
  return {
    name: view.name,
    publication: view.publication,
    sourceNodeId: view.sourceNodeId,
    targetNodeId: view.targetNodeId,
    slotName: view.slotName,
    originName: view.originName,
    enabled: view.enabled,
    status: view.status,
    origin: view.origin,
    copyData: view.copyData,
    disableOnError: view.disableOnError,
    conflictResolution: { ...view.conflictResolution },
    checkpointLsn: formatLsn(view.checkpointLsn),
    sourceLsn: formatLsn(view.sourceLsn),
    lagBytes: view.lagBytes,
    lagMs: view.lagMs,
    slot:
      slot === null
        ? null
        : { slotName: slot.slotName, restartLsn: formatLsn(slot.restartLsn), confirmedFlushLsn: formatLsn(slot.confirmedFlushLsn ?? slot.restartLsn), walStatus: slot.walStatus, active: slot.active },
    slotLost: view.status === 'SLOT_LOST',
    slotLostAt: view.slotLostAtMs === null ? null : isoTime(view.slotLostAtMs),
    tables: view.tables.map((table) => ({ ...table, syncLsn: formatLsn(table.syncLsn) })),
    counters: { ...view.counters, conflicts: { ...view.counters.conflicts } },
    lastError:
      view.lastError === null
        ? null
        : {
            lsn: formatLsn(view.lastError.lsn),
            commitLsn: formatLsn(view.lastError.commitLsn),
            xid: view.lastError.xid,
            message: view.lastError.message,
            conflict: view.lastError.conflict,
            transient: view.lastError.transient,
            at: isoTime(view.lastError.atMs),
          },
    lastCommitTime: view.lastCommitTimeMs === null ? null : isoTime(view.lastCommitTimeMs),
    lastAppliedAt: view.lastAppliedAtMs === null ? null : isoTime(view.lastAppliedAtMs),
    createdAt: isoTime(view.createdAtMs),
    updatedAt: isoTime(view.updatedAtMs),
  };
}

/** Re-exported for the surfaces that type a mask's constant. */
export type { FieldValue };
