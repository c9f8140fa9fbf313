import { ALERT_SEVERITIES, type AlertSeverity } from '../alerts/alert.js';
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

export type ReplicationErrorCode = 'WAL_REMOVED' | 'SLOT_INVALIDATED' | 'STANDBY_TIMEOUT' | 'COMMIT_TIMED_OUT' | 'PRIMARY_DOWN' | 'SNAPSHOT_FAILED' | 'RESTORE_FAILED';

/** How urgent a replication event is, for the streams' severity filter: the alert model's severities. */
export type EventSeverity = AlertSeverity;
/** Least urgent first. */
export const EVENT_SEVERITIES: readonly EventSeverity[] = ALERT_SEVERITIES;

export { atLeastAsSevere } from '../alerts/alert.js';

/** The replication event types, as the replication streams and subscriptions carry them. */
export const REPLICATION_EVENT_TYPES: readonly string[] = Object.freeze([
  'replication_lag_alert',
  'replica_status_change',
  'replication_error',
  'wal_position_update',
  'slot_created',
  'slot_dropped',
  'conflict_detected',
  'conflict_resolved',
]);

/** What each error means for the operator: a degraded stream warns, lost WAL or a lost primary is critical. */
const SEVERITY_OF_ERROR: Readonly<Record<ReplicationErrorCode, EventSeverity>> = Object.freeze({
  STANDBY_TIMEOUT: 'WARNING',
  COMMIT_TIMED_OUT: 'WARNING',
  SNAPSHOT_FAILED: 'WARNING',
  SLOT_INVALIDATED: 'CRITICAL',
  WAL_REMOVED: 'CRITICAL',
  PRIMARY_DOWN: 'CRITICAL',
  RESTORE_FAILED: 'CRITICAL',
});

/** A replication event's severity: an alert's is its rule's, an error's follows its code, the rest are INFO. */
export function severityOfReplicationEvent(type: string, payload: unknown): EventSeverity {
  const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as { severity?: unknown; code?: unknown };
  if (type === 'replication_lag_alert' && EVENT_SEVERITIES.includes(fields.severity as EventSeverity)) return fields.severity as EventSeverity;
  if (type === 'replication_error') return SEVERITY_OF_ERROR[fields.code as ReplicationErrorCode] ?? 'WARNING';
  return 'INFO';
}

/** Payload of `replication_error`. */
export interface ReplicationErrorPayload {
  replicaId: string | null;
  nodeId: string | null;
  code: ReplicationErrorCode;
  message: string;
  /** The slot concerned (SLOT_INVALIDATED). */
  slotName?: string;
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
