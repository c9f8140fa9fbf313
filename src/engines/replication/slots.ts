/**
 * Replication slots and WAL retention as pure rules: a slot's walStatus, how much WAL it can
 * still lose before invalidation, and the oldest LSN a checkpoint must keep.
 */
import { DomainError } from '../runtime/domain-error.js';
import { segmentOf, segmentStartLsn, type Lsn } from './lsn.js';
import type { ReplicationConfig } from './replication-config.js';

export type SlotType = 'PHYSICAL' | 'LOGICAL';
export type WalStatus = 'reserved' | 'extended' | 'unreserved' | 'lost';
export const LOGICAL_PLUGINS = ['pgoutput'] as const;
export type LogicalPlugin = (typeof LOGICAL_PLUGINS)[number];

/** Prefix of the physical slot each replica streams through (as Patroni names them). */
export const REPLICA_SLOT_PREFIX = 'replica_';

export interface ReplicationSlot {
  slotName: string;
  slotType: SlotType;
  /** Output plugin of a logical slot; null for physical. */
  plugin: LogicalPlugin | null;
  /** Database a logical slot decodes; null for physical. */
  database: string | null;
  /** Oldest WAL the slot needs. */
  restartLsn: Lsn;
  /** Logical: what the consumer confirmed; null for physical. */
  confirmedFlushLsn: Lsn | null;
  /** The replica streaming through it (replica slots), else null. */
  replicaId: string | null;
  /** Set once the slot lost its WAL: it holds nothing back any more. */
  invalidationReason: 'wal_removed' | null;
  createdAtMs: number;
  /** When a consumer last confirmed (logical slots), for `active`. */
  lastConsumedAtMs: number | null;
  /** A logical slot on a standalone node decodes that node's WAL; absent (or null) for the primary's. */
  nodeId?: string | null;
}

/** What creating a slot needs. */
export interface CreateSlotInput {
  slotName: string;
  slotType: SlotType;
  plugin?: string | null;
  database?: string | null;
}

const SLOT_NAME = /^[a-z0-9_]{1,63}$/;

/** The name of the physical slot of a replica. */
export function replicaSlotName(nodeId: string): string {
  return `${REPLICA_SLOT_PREFIX}${nodeId}`;
}

/**
 * Checks an operator's slot request: every problem at once.
 * @throws DomainError UNPROCESSABLE listing the problems.
 */
export function validateCreateSlot(input: CreateSlotInput): { slotName: string; slotType: SlotType; plugin: LogicalPlugin | null; database: string | null } {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null) throw new DomainError('UNPROCESSABLE', 'A slot needs slotName and slotType.');
  if (typeof input.slotName !== 'string' || !SLOT_NAME.test(input.slotName)) {
    problems.push('slotName must be 1 to 63 lower-case letters, digits or underscores');
  } else if (input.slotName.startsWith(REPLICA_SLOT_PREFIX)) {
    problems.push(`slotName must not start with ${REPLICA_SLOT_PREFIX}: those are the replicas' own slots`);
  }
  if (input.slotType !== 'PHYSICAL' && input.slotType !== 'LOGICAL') problems.push('slotType must be PHYSICAL or LOGICAL');
  if (input.slotType === 'LOGICAL') {
    if (!LOGICAL_PLUGINS.includes(input.plugin as LogicalPlugin)) problems.push(`a logical slot needs plugin ${LOGICAL_PLUGINS.join(' or ')}`);
    if (typeof input.database !== 'string' || input.database.length === 0 || input.database.length > 63) problems.push('a logical slot needs a database name (1 to 63 characters)');
  }
  if (input.slotType === 'PHYSICAL' && ((input.plugin ?? null) !== null || (input.database ?? null) !== null)) {
    problems.push('a physical slot takes no plugin and no database');
  }
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid replication slot: ${problems.join('; ')}.`, { problems });
  return {
    slotName: input.slotName,
    slotType: input.slotType,
    plugin: input.slotType === 'LOGICAL' ? (input.plugin as LogicalPlugin) : null,
    database: input.slotType === 'LOGICAL' ? (input.database as string) : null,
  };
}

type RetentionConfig = Pick<ReplicationConfig, 'walSegmentBytes' | 'maxWalSegments' | 'walKeepSegments' | 'maxSlotWalKeepSegments'>;

/**
 * PostgreSQL's wal_status: `reserved` within maxWalSegments of the current segment; `extended`
 * beyond it but within walKeepSegments or maxSlotWalKeepSegments (null: no limit); `unreserved`
 * beyond both while its WAL still exists; `lost` once its WAL is gone or it was invalidated.
 */
export function walStatusOf(slot: Pick<ReplicationSlot, 'restartLsn' | 'invalidationReason'>, currentLsn: Lsn, walStartLsn: Lsn, config: RetentionConfig): WalStatus {
  if (slot.invalidationReason !== null || slot.restartLsn < walStartLsn) return 'lost';
  const behind = segmentOf(currentLsn, config.walSegmentBytes) - segmentOf(slot.restartLsn, config.walSegmentBytes);
  if (behind <= config.maxWalSegments) return 'reserved';
  if (config.maxSlotWalKeepSegments === null) return 'extended';
  return behind <= Math.max(config.walKeepSegments, config.maxSlotWalKeepSegments) ? 'extended' : 'unreserved';
}

/**
 * pg_replication_slots.safe_wal_size: bytes the current LSN may still advance before the
 * slot's restartLsn falls out of what maxSlotWalKeepSegments keeps; null when unlimited or lost.
 */
export function safeWalSizeBytesOf(slot: Pick<ReplicationSlot, 'restartLsn' | 'invalidationReason'>, currentLsn: Lsn, config: RetentionConfig): number | null {
  if (slot.invalidationReason !== null || config.maxSlotWalKeepSegments === null) return null;
  const keep = Math.max(config.walKeepSegments, config.maxSlotWalKeepSegments);
  // The slot is kept while segmentOf(current) - segmentOf(restart) <= keep.
  const lastKeptLsn = segmentStartLsn(segmentOf(slot.restartLsn, config.walSegmentBytes) + keep + 1, config.walSegmentBytes) - 1;
  return Math.max(0, lastKeptLsn - currentLsn);
}

/**
 * The oldest LSN a checkpoint keeps: the start of the oldest segment any claim holds —
 * walKeepSegments behind the current segment, each valid slot (capped by
 * maxSlotWalKeepSegments), the first segment not yet archived while archiving is on, and each
 * pinned LSN without a cap (the PREPARE records of prepared transactions).
 */
export function checkpointKeepLsn(
  currentLsn: Lsn,
  slotRestartLsns: readonly Lsn[],
  firstUnarchivedLsn: Lsn | null,
  config: RetentionConfig,
  pinnedLsns: readonly Lsn[] = [],
): Lsn {
  const segmentBytes = config.walSegmentBytes;
  const currentSegment = segmentOf(currentLsn, segmentBytes);
  let keepSegment = Math.max(0, currentSegment - config.walKeepSegments);
  const slotFloor = config.maxSlotWalKeepSegments === null ? 0 : Math.max(0, currentSegment - Math.max(config.walKeepSegments, config.maxSlotWalKeepSegments));
  for (const restartLsn of slotRestartLsns) keepSegment = Math.min(keepSegment, Math.max(slotFloor, segmentOf(restartLsn, segmentBytes)));
  if (firstUnarchivedLsn !== null) keepSegment = Math.min(keepSegment, segmentOf(firstUnarchivedLsn, segmentBytes));
  for (const pinned of pinnedLsns) keepSegment = Math.min(keepSegment, segmentOf(pinned, segmentBytes));
  return segmentStartLsn(keepSegment, segmentBytes);
}
