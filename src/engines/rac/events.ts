/**
 * Events the RAC engine publishes on the platform's bus. Each payload names the instances it
 * concerns in `nodeId` or `nodeIds`, so the bus's resource filter finds them.
 *
 * cache_fusion_transfer is sampled: at most one event per block per `transferEventIntervalMs`
 * (RacConfig); `suppressed` counts the transfers of that block since its previous event, so a
 * busy workload does not flood the event log while every transfer is still counted in the stats.
 */
import type { EnqueueMode } from './ges.js';
import type { PhaseStamp, RecoveryReason } from './instance-recovery.js';

export interface CacheFusionTransferPayload {
  blockId: string;
  /** The instance that received the block. */
  nodeId: string;
  nodeIds: string[];
  from: string;
  to: string;
  master: string;
  mode: 'S' | 'X';
  way: 2 | 3;
  bytes: number;
  latencyMs: number;
  /** Transfers of this block not published since the previous event. */
  suppressed: number;
}

export interface LockEventPayload {
  lockId: string;
  resourceId: string;
  nodeId: string;
  mode: EnqueueMode;
}

export interface LockGrantedPayload extends LockEventPayload {
  waitedMs: number;
}

export interface LockReleasedPayload extends LockEventPayload {
  reason: string;
}

export interface LockConversionPayload extends LockEventPayload {
  from: EnqueueMode;
  to: EnqueueMode;
}

export interface ResourceRemasteredPayload {
  resourceId: string;
  nodeIds: string[];
  from: string;
  to: string;
  /** affinity, manual, rebalance, rejoin. */
  reason: string;
  latencyMs: number;
}

export interface RecoveryStartedPayload {
  recoveryId: string;
  nodeId: string;
  nodeIds: string[];
  reason: RecoveryReason;
}

export interface RecoveryCompletedPayload extends RecoveryStartedPayload {
  recoveringInstanceId: string | null;
  durationMs: number;
  phases: PhaseStamp[];
  blocksRecovered: number;
  redoRecordsApplied: number;
  redoBytesApplied: number;
  locksReleased: number;
  resourcesRemastered: number;
}

export interface ParallelQueryStartedPayload {
  queryId: string;
  nodeIds: string[];
  text: string;
  dop: number;
  granules: number;
}

export interface ParallelQueryCompletedPayload extends ParallelQueryStartedPayload {
  status: 'COMPLETED' | 'FAILED';
  durationMs: number;
  resultRows: number;
  blocksRead: number;
  error: string | null;
}

export interface RacEventMap {
  [type: string]: unknown;
  cache_fusion_transfer: CacheFusionTransferPayload;
  lock_granted: LockGrantedPayload;
  lock_released: LockReleasedPayload;
  lock_conversion: LockConversionPayload;
  resource_remastered: ResourceRemasteredPayload;
  instance_recovery_started: RecoveryStartedPayload;
  instance_recovery_completed: RecoveryCompletedPayload;
  parallel_query_started: ParallelQueryStartedPayload;
  parallel_query_completed: ParallelQueryCompletedPayload;
}

export const RAC_EVENT_TYPES: readonly (keyof RacEventMap & string)[] = Object.freeze([
  'cache_fusion_transfer',
  'lock_granted',
  'lock_released',
  'lock_conversion',
  'resource_remastered',
  'instance_recovery_started',
  'instance_recovery_completed',
  'parallel_query_started',
  'parallel_query_completed',
]);

/** Publishes RAC events (the platform's EventBus satisfies it). */
export interface RacEventPublisher {
  publish<K extends keyof RacEventMap & string>(type: K, source: string, payload: RacEventMap[K]): unknown;
}
