import type { conflictPayload } from './conflict-log.js';
import type { alertPayload } from './replication-monitor.js';
import type { ReplicaState } from './replica-state.js';
import type { SlotType } from './slots.js';

/** Payload of `replica_status_change`: a replica moved between states (failover shows here too). */
export interface ReplicaStatusChangePayload {
  replicaId: string;
  /** Same as replicaId, so event filters by resource id find it. */
  nodeId: string;
  from: ReplicaState | null;
  to: ReplicaState;
  reason: string;
}

/** Payload of `replication_error`. */
export interface ReplicationErrorPayload {
  replicaId: string | null;
  nodeId: string | null;
  code: 'WAL_REMOVED' | 'SLOT_INVALIDATED' | 'STANDBY_TIMEOUT' | 'COMMIT_TIMED_OUT' | 'PRIMARY_DOWN';
  message: string;
}

/** Payload of `wal_position_update`: at most once per statusIntervalMs per replica. */
export interface WalPositionUpdatePayload {
  replicaId: string;
  nodeId: string;
  primaryId: string;
  timeline: number;
  /** The primary's current LSN, `X/Y`. */
  currentLsn: string;
  sentLsn: string;
  writeLsn: string;
  flushLsn: string;
  replayLsn: string;
  lagBytes: number;
}

/** Payload of `slot_created` and `slot_dropped`. */
export interface SlotEventPayload {
  slotName: string;
  slotType: SlotType;
  reason: string;
}

/** Events the replication engine emits, by type. */
export interface ReplicationEventMap {
  [type: string]: unknown;
  replica_status_change: ReplicaStatusChangePayload;
  replication_error: ReplicationErrorPayload;
  wal_position_update: WalPositionUpdatePayload;
  slot_created: SlotEventPayload;
  slot_dropped: SlotEventPayload;
  replication_lag_alert: ReturnType<typeof alertPayload>;
  conflict_detected: ReturnType<typeof conflictPayload>;
  conflict_resolved: ReturnType<typeof conflictPayload>;
}
