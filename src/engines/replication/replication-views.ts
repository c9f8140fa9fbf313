/**
 * What the monitoring views show, built from explicit inputs: a replica as pg_stat_replication
 * shows it, its sync_state, a WAL sender's channel, and a slot as pg_replication_slots shows it.
 * Pure: the cluster gathers the positions and states and calls these.
 */
import type { ReplicationConfig } from './replication-config.js';
import type { ReplicaState } from './replica-state.js';
import type { Lsn } from './lsn.js';
import type { NodePositions } from './node-storage.js';
import { replicaSlotName, safeWalSizeBytesOf, walStatusOf, type ReplicationSlot, type WalStatus } from './slots.js';
import type { WalReceiver } from './wal-receiver.js';
import type { WalSender } from './wal-sender.js';

/** A replica as `pg_stat_replication` and the API show it. */
export interface ReplicaView {
  replicaId: string;
  state: ReplicaState;
  /** When it entered `state` (cluster ms; at a server restart, the restart), and why. */
  stateSinceMs: number;
  stateReason: string;
  /** When it last reported having flushed everything the primary had written (cluster ms; memory only); null if never. */
  caughtUpAtMs: number | null;
  syncState: 'sync' | 'potential' | 'quorum' | 'async';
  slotName: string;
  timeline: number;
  sentLsn: Lsn;
  writeLsn: Lsn;
  flushLsn: Lsn;
  replayLsn: Lsn;
  /** Primary's current LSN − replayLsn. */
  lagBytes: number;
  writeLagMs: number;
  flushLagMs: number;
  replayLagMs: number;
  replayPaused: boolean;
  lastStatusAtMs: number | null;
  addedAtMs: number;
  /** Base backup progress while STARTING. */
  baseBackup: { startedAtMs: number; endsAtMs: number; sizeBytes: number; lsn: Lsn } | null;
}

/** A WAL sender's stream to one standby (the monitoring API's channel). */
export interface ChannelView {
  replicaId: string;
  slotName: string;
  state: ReplicaState;
  sentLsn: Lsn;
  /** WAL bytes sent, resends included. */
  bytesSent: number;
  batchesSent: number;
  /** Batches sent again after the standby reported a gap. */
  resentBatches: number;
  /** Status messages received from the standby. */
  statusReports: number;
  /** When this sender started (the stream restarts after a failover or a reconnect). */
  startedAtMs: number;
  lastSentAtMs: number | null;
  lastStatusAtMs: number | null;
}

export interface SlotView extends ReplicationSlot {
  active: boolean;
  walStatus: WalStatus;
  safeWalSizeBytes: number | null;
}

/** A logical slot's consumer counts as attached this long after it last confirmed. */
const LOGICAL_ACTIVE_MS = 10_000;

/** What a replica's view needs of the cluster's record of it. */
export type ReplicaRecord = Pick<ReplicaView, 'replicaId' | 'state' | 'stateSinceMs' | 'stateReason' | 'caughtUpAtMs' | 'addedAtMs'> & { sender: WalSender | null };

/**
 * PostgreSQL's sync_state: `async` outside the synchronous modes or for a standby not named in
 * standbyNodes; `quorum` in SEMI_SYNCHRONOUS mode (any one may confirm); in SYNCHRONOUS mode
 * `sync` while its sender streams, else `potential`.
 */
export function syncStateOf(config: Pick<ReplicationConfig, 'mode' | 'standbyNodes'>, replicaId: string, sender: WalSender | null): ReplicaView['syncState'] {
  const mode = config.mode;
  if (mode === 'ASYNCHRONOUS') return 'async';
  const named = config.standbyNodes;
  const eligible = named.length === 0 || named.includes(replicaId);
  if (!eligible) return 'async';
  if (mode === 'SEMI_SYNCHRONOUS') return 'quorum';
  return sender?.state === 'STREAMING' ? 'sync' : 'potential';
}

/**
 * A replica's row: positions as its sender last heard them, or the standby's own while no
 * sender runs; lag as measured by the sender (0 without one).
 */
export function replicaViewOf(
  replica: ReplicaRecord,
  own: NodePositions,
  receiver: Pick<WalReceiver, 'replayPaused' | 'backup'>,
  measured: { syncState: ReplicaView['syncState']; lagBytes: number },
): ReplicaView {
  const sender = replica.sender;
  const backup = receiver.backup;
  return {
    replicaId: replica.replicaId,
    state: replica.state,
    stateSinceMs: replica.stateSinceMs,
    stateReason: replica.stateReason,
    caughtUpAtMs: replica.caughtUpAtMs,
    syncState: measured.syncState,
    slotName: replicaSlotName(replica.replicaId),
    timeline: own.timeline,
    sentLsn: sender?.sentLsn ?? own.writeLsn,
    writeLsn: sender?.writeLsn ?? own.writeLsn,
    flushLsn: sender?.flushLsn ?? own.flushLsn,
    replayLsn: sender?.replayLsn ?? own.replayLsn,
    lagBytes: measured.lagBytes,
    writeLagMs: sender?.writeLagMs ?? 0,
    flushLagMs: sender?.flushLagMs ?? 0,
    replayLagMs: sender?.replayLagMs ?? 0,
    replayPaused: receiver.replayPaused,
    lastStatusAtMs: sender?.lastHeardMs ?? null,
    addedAtMs: replica.addedAtMs,
    baseBackup: backup === null ? null : { startedAtMs: backup.startedAtMs, endsAtMs: backup.endsAtMs, sizeBytes: backup.sizeBytes, lsn: backup.lsn },
  };
}

/** A running WAL sender's stream to `replicaId`, with what it has carried. */
export function channelViewOf(replicaId: string, state: ReplicaState, sender: WalSender): ChannelView {
  return {
    replicaId,
    slotName: replicaSlotName(replicaId),
    state,
    sentLsn: sender.sentLsn,
    ...sender.counters,
    startedAtMs: sender.startedAtMs,
    lastSentAtMs: sender.lastSentAtMs,
    lastStatusAtMs: sender.counters.statusReports > 0 ? sender.lastHeardMs : null,
  };
}

/**
 * A slot as pg_replication_slots shows it. `replicaSender` is the sender of the replica the slot
 * belongs to (undefined for a slot of no current replica): a replica's slot is active while its
 * sender streams, any other while its consumer confirmed within LOGICAL_ACTIVE_MS.
 */
export function slotViewOf(
  slot: ReplicationSlot,
  replicaSender: WalSender | null | undefined,
  primary: NodePositions,
  config: Pick<ReplicationConfig, 'walSegmentBytes' | 'maxWalSegments' | 'walKeepSegments' | 'maxSlotWalKeepSegments'>,
  nowMs: number,
): SlotView {
  const active = replicaSender !== undefined
    ? replicaSender !== null && replicaSender.state === 'STREAMING'
    : slot.lastConsumedAtMs !== null && nowMs - slot.lastConsumedAtMs < LOGICAL_ACTIVE_MS;
  return {
    ...slot,
    active,
    walStatus: walStatusOf(slot, primary.writeLsn, primary.walStartLsn, config),
    safeWalSizeBytes: safeWalSizeBytesOf(slot, primary.writeLsn, config),
  };
}
