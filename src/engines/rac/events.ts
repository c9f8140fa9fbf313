/**
 * Events the RAC engine publishes on the platform's bus. Each payload names the instances it
 * concerns in `nodeId` or `nodeIds`, so the bus's resource filter finds them.
 *
 * cache_fusion_transfer is sampled: at most one event per block per `transferEventIntervalMs`
 * (RacConfig); `suppressed` counts the transfers of that block since its previous event, so a
 * busy workload does not flood the event log while every transfer is still counted in the stats.
 */
import type { TransferRecord } from './gcs.js';
import type { EnqueueMode } from './ges.js';
import type { RecoveryReason } from './instance-recovery.js';

export interface CacheFusionTransferPayload {
  transferId: string;
  blockId: string;
  /** Sender, receiver, then the master when it is a third instance. */
  nodeIds: string[];
  fromInstance: string;
  toInstance: string;
  masterInstance: string;
  mode: 'S' | 'X';
  way: 'TWO_WAY' | 'THREE_WAY';
  bytes: number;
  latencyUs: number;
  scn: number;
  pastImageKept: boolean;
  /** Transfers of this block not published since the previous event. */
  suppressed: number;
}

/** Cluster milliseconds as the contract's whole microseconds (latencies are `…Us`). */
export function microsecondsOf(ms: number): number {
  return Math.round(ms * 1000);
}

/** What a transfer was, as the API shows it in events and in the transfer log. */
export type TransferFacts = Omit<CacheFusionTransferPayload, 'nodeIds' | 'suppressed'>;

/** A transfer record in the contract's words: instance roles by name, the way spelled out, latency in µs. */
export function transferFactsOf(transfer: TransferRecord): TransferFacts {
  return {
    transferId: transfer.transferId,
    blockId: transfer.blockId,
    fromInstance: transfer.from,
    toInstance: transfer.to,
    masterInstance: transfer.master,
    mode: transfer.mode,
    way: transfer.way === 2 ? 'TWO_WAY' : 'THREE_WAY',
    bytes: transfer.bytes,
    latencyUs: microsecondsOf(transfer.latencyMs),
    scn: transfer.scn,
    pastImageKept: transfer.pastImageKept,
  };
}

export type EnqueueResourceType = 'TX' | 'TM';

/** Payload of lock_granted, lock_released and lock_conversion (the contract's EnqueueLockPayload). */
export interface EnqueueLockPayload {
  lockId: string;
  resourceId: string;
  resourceType: EnqueueResourceType;
  nodeId: string;
  mode: EnqueueMode;
  /** The mode before a conversion; null otherwise. */
  fromMode: EnqueueMode | null;
  waitedMs: number;
  /** Requests still queued for the resource. */
  waiters: number;
  reason: 'REQUEST' | 'COMMIT' | 'RECOVERY';
}

export type RemasterReason = 'AFFINITY' | 'MANUAL' | 'REBALANCE' | 'RECOVERY' | 'MEMBERSHIP';

export interface ResourceRemasteredPayload {
  resourceId: string;
  resourceType: 'BLOCK' | EnqueueResourceType;
  nodeIds: string[];
  fromInstance: string;
  toInstance: string;
  reason: RemasterReason;
  /** Cluster time the move took. */
  latencyMs: number;
}

/** Payload of instance_recovery_started (phase DETECTED) and instance_recovery_completed. */
export interface InstanceRecoveryPayload {
  recoveryId: string;
  nodeId: string;
  nodeIds: string[];
  failedInstance: string;
  recoveringInstance: string | null;
  trigger: RecoveryReason;
  phase: 'DETECTED' | 'COMPLETED' | 'FAILED';
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  redoBytesApplied: number;
  blocksRecovered: number;
  resourcesRemastered: number;
  locksReleased: number;
}

/** Payload of parallel_query_started (RUNNING) and parallel_query_completed. */
export interface ParallelQueryPayload {
  queryId: string;
  query: string;
  nodeIds: string[];
  dop: number;
  granules: number;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  durationMs: number | null;
  blocksRead: number;
  resultRows: number | null;
  error: string | null;
}

/** The resource type an id names: `file:block` is a block, `TX:…` a row enqueue, `TM:…` a table enqueue. */
export function resourceTypeOf(resourceId: string): 'BLOCK' | EnqueueResourceType {
  if (resourceId.startsWith('TX:')) return 'TX';
  if (resourceId.startsWith('TM:')) return 'TM';
  return 'BLOCK';
}

/** The engine's reasons for a move, in the contract's words (an instance coming back is a membership change). */
export function remasterReasonOf(reason: string): RemasterReason {
  switch (reason) {
    case 'affinity':
      return 'AFFINITY';
    case 'rebalance':
      return 'REBALANCE';
    case 'recovery':
      return 'RECOVERY';
    case 'rejoin':
      return 'MEMBERSHIP';
    default:
      return 'MANUAL';
  }
}

export interface RacEventMap {
  [type: string]: unknown;
  cache_fusion_transfer: CacheFusionTransferPayload;
  lock_granted: EnqueueLockPayload;
  lock_released: EnqueueLockPayload;
  lock_conversion: EnqueueLockPayload;
  resource_remastered: ResourceRemasteredPayload;
  instance_recovery_started: InstanceRecoveryPayload;
  instance_recovery_completed: InstanceRecoveryPayload;
  parallel_query_started: ParallelQueryPayload;
  parallel_query_completed: ParallelQueryPayload;
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
