/**
 * The contract's shapes of datacenters, geo streams, vector clocks and statistics
 * (spec/openapi/components/geo.yaml), and the pure mappers from the geo engine's views to them:
 * cluster epoch milliseconds become ISO times, LSNs PostgreSQL's `X/Y`.
 */
import { formatLsn } from '../../engines/replication/lsn.js';
import type { ConsistencyForecast as EngineForecast, ConsistencyLevel } from '../../engines/geo/consistency.js';
import type { GeoLocation } from '../../engines/geo/datacenters.js';
import type { GeoStreamView, StreamState } from '../../engines/geo/geo-streams.js';
import type { WanLink as EngineWanLink } from '../../engines/geo/wan-links.js';
import { isoTime } from '../platform/iso-time.js';

export interface WanLink extends EngineWanLink {
  datacenterIds: string[];
}

export interface DatacenterNode {
  nodeId: string;
  writeRole: 'PRIMARY' | 'STANDBY' | 'STANDALONE' | 'UNKNOWN';
  running: boolean;
}

export interface Datacenter {
  datacenterId: string;
  name: string;
  region: string;
  location: GeoLocation;
  nodeIds: string[];
  nodes: DatacenterNode[];
  writableNodeId: string | null;
  links: WanLink[];
  createdAt: string;
}

export interface ConsistencyForecast extends EngineForecast {
  failedDatacenterIds: string[];
}

export interface GeoStream {
  streamId: string;
  sourceDatacenterId: string;
  targetDatacenterId: string;
  sourceNodeId: string;
  targetNodeId: string;
  consistencyLevel: ConsistencyLevel;
  levelHistory: { fromLsn: string; level: ConsistencyLevel; changedAt: string }[];
  state: StreamState;
  stateReason: string | null;
  sourceLsn: string;
  appliedLsn: string;
  confirmedLsn: string;
  acknowledgedLsn: string;
  lagBytes: number;
  lagOperations: number;
  lagMs: number;
  unacknowledgedOperations: number;
  waitingFor: string[];
  batchesShipped: number;
  transactionsApplied: number;
  operationsApplied: number;
  rawBytes: number;
  compressedBytes: number;
  compressionRatio: number | null;
  compressionCpuMicrosPerMegabyte: number | null;
  retransmits: number;
  applyErrors: number;
  skippedDeletes: number;
  lastAppliedAt: string | null;
  lastAckLatencyMs: number | null;
  maxAckLatencyMs: number | null;
  lastError: string | null;
  forecasts: ConsistencyForecast[];
  createdAt: string;
}

export interface DatacenterVectorClock {
  datacenterId: string;
  entries: { datacenterId: string; position: number; lsn: string }[];
  session: { covered: boolean; missing: { datacenterId: string; sessionPosition: number; position: number }[] } | null;
}

export interface GeoReplicationStatistics {
  datacenterCount: number;
  streamCount: number;
  streamsByState: Record<StreamState, number>;
  rawBytes: number;
  compressedBytes: number;
  compressionRatio: number | null;
  compressionCpuMicrosPerMegabyte: number | null;
  operationsApplied: number;
  retransmits: number;
  applyErrors: number;
  maxLagMs: number;
  lagMatrix: { sourceDatacenterId: string; targetDatacenterId: string; streamId: string | null; lagMs: number | null; lagOperations: number | null }[];
  links: WanLink[];
}

/** raw / compressed, to two decimals; null before any byte. */
export function compressionRatioOf(rawBytes: number, compressedBytes: number): number | null {
  return compressedBytes === 0 ? null : Math.round((rawBytes / compressedBytes) * 100) / 100;
}

/** CPU µs per MB (10^6 bytes) of raw input; null before any byte. */
export function cpuPerMegabyteOf(cpuMicros: number, rawBytes: number): number | null {
  return rawBytes === 0 ? null : Math.round((cpuMicros / rawBytes) * 1_000_000);
}

export function geoStreamOf(view: GeoStreamView, forecasts: ConsistencyForecast[]): GeoStream {
  const { counters } = view;
  return {
    streamId: view.streamId,
    sourceDatacenterId: view.sourceDatacenterId,
    targetDatacenterId: view.targetDatacenterId,
    sourceNodeId: view.sourceNodeId,
    targetNodeId: view.targetNodeId,
    consistencyLevel: view.consistencyLevel,
    levelHistory: view.levelHistory.map((change) => ({ fromLsn: formatLsn(change.fromLsn), level: change.level, changedAt: isoTime(change.changedAtMs) })),
    state: view.state,
    stateReason: view.stateReason,
    sourceLsn: formatLsn(view.sourceLsn),
    appliedLsn: formatLsn(view.appliedLsn),
    confirmedLsn: formatLsn(view.confirmedLsn),
    acknowledgedLsn: formatLsn(view.acknowledgedLsn),
    lagBytes: view.lagBytes,
    lagOperations: view.lagOperations,
    lagMs: view.lagMs,
    unacknowledgedOperations: view.unacknowledgedOperations,
    waitingFor: view.waitingFor,
    batchesShipped: counters.batchesShipped,
    transactionsApplied: counters.transactionsApplied,
    operationsApplied: counters.operationsApplied,
    rawBytes: counters.rawBytes,
    compressedBytes: counters.compressedBytes,
    compressionRatio: compressionRatioOf(counters.rawBytes, counters.compressedBytes),
    compressionCpuMicrosPerMegabyte: cpuPerMegabyteOf(counters.compressionCpuMicros, counters.rawBytes),
    retransmits: counters.retransmits,
    applyErrors: counters.applyErrors,
    skippedDeletes: counters.skippedDeletes,
    lastAppliedAt: counters.lastAppliedAtMs === null ? null : isoTime(counters.lastAppliedAtMs),
    lastAckLatencyMs: counters.lastAckLatencyMs,
    maxAckLatencyMs: counters.maxAckLatencyMs,
    lastError: counters.lastError,
    forecasts,
    createdAt: isoTime(view.createdAtMs),
  };
}
