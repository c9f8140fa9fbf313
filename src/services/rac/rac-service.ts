import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import { hitRateOf, type TransferRecord } from '../../engines/rac/gcs.js';
import { microsecondsOf, transferFactsOf, type TransferFacts } from '../../engines/rac/events.js';
import type { RacCluster, RemasterResult as EngineRemasterResult } from '../../engines/rac/rac-cluster.js';
import type { RacEngine } from '../../engines/rac/rac-engine.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

/** What every RAC service reads from: the engine, the cluster's nodes, the clock and the operation runner. */
export interface RacServiceDeps {
  engine: RacEngine;
  nodes: ClusterNodes;
  clock: VirtualClock;
  runner: OperationRunner;
}

// ================================================================ views (the contract's schemas)

export type RacClusterState = 'OPERATIONAL' | 'DEGRADED' | 'RECOVERING' | 'STOPPED';
export type RacInstanceStatus = 'OPEN' | 'CLOSED' | 'FAILED' | 'EVICTED';

/** RUNNING → OPEN, DOWN → FAILED, EVICTED → EVICTED; every instance is CLOSED while the database is stopped. */
export function racInstanceStatusOf(databaseOpen: boolean, status: 'RUNNING' | 'DOWN' | 'EVICTED'): RacInstanceStatus {
  if (!databaseOpen) return 'CLOSED';
  return status === 'RUNNING' ? 'OPEN' : status === 'DOWN' ? 'FAILED' : 'EVICTED';
}
export type ResourceType = 'BLOCK' | 'TX' | 'TM';

/** One instance's buffer cache (the contract's BufferCacheStats). */
export interface BufferCacheStats {
  instanceId: string;
  status: RacInstanceStatus;
  capacityBlocks: number;
  usedBlocks: number;
  dirtyBlocks: number;
  pastImages: number;
  hits: number;
  misses: number;
  transfersIn: number;
  hitRatio: number | null;
  evictions: number;
}

/** The buffer caches the engines keep: RAC's, one per instance (the contract's BufferPoolStats). */
export interface BufferPoolStats {
  capacityBlocks: number;
  usedBlocks: number;
  hits: number;
  misses: number;
  hitRatio: number | null;
  evictions: number;
  caches: BufferCacheStats[];
}

export interface RacConfigView {
  clusterName: string;
  autoLoadBalance: boolean;
  quorumPercentage: number;
  /** Percent (the engine keeps a share 0..1). */
  affinityThreshold: number;
  affinityMinAccesses: number;
  affinityWindow: number;
  heartbeatIntervalMs: number;
  missedHeartbeatsToEvict: number;
  blocksPerTable: number;
  rowsPerBlock: number;
  blockHeaderBytes: number;
  transferLogSize: number;
  checkpointIntervalMs: number;
}

export interface RacInstanceSummary {
  instanceId: string;
  status: RacInstanceStatus;
  statusSince: string;
}

export interface RacClusterStatus {
  clusterName: string;
  state: RacClusterState;
  openedAt: string | null;
  scn: number;
  totalInstances: number;
  openInstances: number;
  failedInstances: number;
  evictedInstances: number;
  recoveriesInProgress: number;
  instances: RacInstanceSummary[];
  config: RacConfigView;
}

export interface RacInstance {
  instanceId: string;
  nodeId: string;
  status: RacInstanceStatus;
  statusSince: string;
  cachedBlocks: number;
  sharedBlocks: number;
  exclusiveBlocks: number;
  dirtyBlocks: number;
  pastImages: number;
  masteredResources: number;
  enqueueLocksHeld: number;
  redoRecords: number;
  lastScn: number;
  lastHeartbeatAt: string | null;
}

export const RAC_INSTANCE_FIELDS: readonly (keyof RacInstance)[] = [
  'instanceId', 'nodeId', 'status', 'statusSince', 'cachedBlocks', 'sharedBlocks', 'exclusiveBlocks', 'dirtyBlocks', 'pastImages',
  'masteredResources', 'enqueueLocksHeld', 'redoRecords', 'lastScn', 'lastHeartbeatAt',
];

export interface RacInstanceQuery {
  status?: RacInstanceStatus;
  sortBy?: 'instanceId' | 'status' | 'cachedBlocks' | 'dirtyBlocks' | 'masteredResources' | 'redoRecords';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface CacheFusionStats {
  totalRequests: number;
  successfulGrants: number;
  failedRequests: number;
  cacheHits: number;
  cacheMisses: number;
  twoWayTransfers: number;
  threeWayTransfers: number;
  bytesTransferred: number;
  avgTransferLatencyUs: number;
  writeBacks: number;
  downgrades: number;
  hitRatePercent: number;
}

export interface GrdStats {
  totalResources: number;
  resourcesPerMaster: Record<string, number>;
  totalRemasters: number;
  avgRemasterLatencyMs: number;
  affinityUpdates: number;
  loadBalances: number;
}

export interface InterconnectPairStats {
  fromInstance: string;
  toInstance: string;
  messages: number;
  bytes: number;
  failedSends: number;
}

export interface InterconnectStats {
  messagesSent: number;
  messagesReceived: number;
  bytesSent: number;
  bytesReceived: number;
  avgMessageLatencyUs: number;
  failedSends: number;
  heartbeatFailures: number;
  avgThroughputMbps: number;
  pairs: InterconnectPairStats[];
}

export interface RacStatistics {
  totalNodes: number;
  activeNodes: number;
  failedNodes: number;
  uptimeSeconds: number;
  totalTransactions: number;
  totalQueries: number;
  cacheFusion: CacheFusionStats;
  grd: GrdStats;
  interconnect: InterconnectStats;
}

export interface RacStopResult {
  state: RacClusterState;
  blocksWritten: number;
  closedInstances: string[];
  stoppedAt: string;
}

export interface RebalanceResult {
  remasteredResources: number;
  resourcesPerMaster: Record<string, number>;
  imbalanceBefore: number;
  imbalanceAfter: number;
  durationMs: number;
  rebalancedAt: string;
}

export interface CacheFusionInstanceStatus {
  instanceId: string;
  status: RacInstanceStatus;
  cachedBlocks: number;
  sharedBlocks: number;
  exclusiveBlocks: number;
  dirtyBlocks: number;
  pastImages: number;
  requestsQueued: number;
}

export interface CacheFusionStatus {
  state: RacClusterState;
  instances: CacheFusionInstanceStatus[];
  blocksCached: number;
  dirtyBlocks: number;
  pastImages: number;
  requestsInFlight: number;
  requestsQueued: number;
  enqueues: { granted: number; waiting: number; converting: number };
  hitRatePercent: number;
  lastTransferAt: string | null;
}

export type CacheFusionTransfer = TransferFacts & {
  tableName: string;
  requestedAt: string;
  completedAt: string;
};

export const TRANSFER_FIELDS: readonly (keyof CacheFusionTransfer)[] = [
  'transferId', 'blockId', 'tableName', 'fromInstance', 'toInstance', 'masterInstance', 'mode', 'way', 'bytes', 'latencyUs', 'scn',
  'pastImageKept', 'requestedAt', 'completedAt',
];

export interface TransferQuery {
  instanceId?: string;
  blockId?: string;
  mode?: 'S' | 'X';
  way?: 'TWO_WAY' | 'THREE_WAY';
  sortBy?: 'completedAt' | 'latencyUs' | 'bytes' | 'blockId';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface FlushRequest {
  flushDirty?: boolean;
  invalidateClean?: boolean;
  instanceId?: string;
}

export interface FlushResultView {
  blocksWritten: number;
  bytesWritten: number;
  pastImagesDiscarded: number;
  blocksInvalidated: number;
  instanceIds: string[];
  scn: number;
  flushedAt: string;
}

export interface GrdMasterShare {
  instanceId: string;
  status: RacInstanceStatus;
  resources: number;
  blockResources: number;
  enqueueResources: number;
  sharePercent: number;
}

export interface GrdTopology {
  totalResources: number;
  frozenResources: number;
  masters: GrdMasterShare[];
  remasteredResources: number;
  affinityThreshold: number;
  statistics: GrdStats;
}

export interface GrdResource {
  resourceId: string;
  resourceType: ResourceType;
  masterInstance: string;
  hashMaster: string;
  frozen: boolean;
  holders: { instanceId: string; mode: 'S' | 'X' }[];
  waiting: number;
  accesses: number;
  accessesByInstance: Record<string, number>;
  remasterCount: number;
  lastRemasteredAt: string | null;
}

export const GRD_RESOURCE_FIELDS: readonly (keyof GrdResource)[] = [
  'resourceId', 'resourceType', 'masterInstance', 'hashMaster', 'frozen', 'holders', 'waiting', 'accesses', 'accessesByInstance',
  'remasterCount', 'lastRemasteredAt',
];

export interface GrdResourceQuery {
  masterInstance?: string;
  resourceType?: ResourceType;
  frozen?: boolean;
  sortBy?: 'resourceId' | 'accesses' | 'remasterCount' | 'waiting';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface GrdAffinity {
  resourceId: string;
  resourceType: ResourceType;
  masterInstance: string;
  instanceId: string;
  affinityPercent: number;
  accesses: number;
  totalAccesses: number;
  aboveThreshold: boolean;
}

export const GRD_AFFINITY_FIELDS: readonly (keyof GrdAffinity)[] = [
  'resourceId', 'resourceType', 'masterInstance', 'instanceId', 'affinityPercent', 'accesses', 'totalAccesses', 'aboveThreshold',
];

export interface GrdAffinityQuery {
  instanceId?: string;
  aboveThreshold?: boolean;
  sortBy?: 'affinityPercent' | 'accesses' | 'resourceId';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface RemasterRequest {
  resourceId?: string;
  targetNode?: string;
  force?: boolean;
}

export interface RemasterResultView {
  remasteredResources: number;
  skippedResources: number;
  unchangedResources: number;
  moves: { resourceId: string; fromInstance: string; toInstance: string }[];
  durationMs: number;
  remasteredAt: string;
}

export interface InterconnectInstanceStatus {
  instanceId: string;
  status: RacInstanceStatus;
  reachable: string[];
  lastHeartbeatAt: string | null;
  missedHeartbeats: number;
  suspected: boolean;
}

export interface InterconnectStatus {
  state: 'HEALTHY' | 'DEGRADED' | 'PARTITIONED';
  heartbeatIntervalMs: number;
  missedHeartbeatsToEvict: number;
  quorumPercentage: number;
  splitBrainDetected: boolean;
  lastSplitBrainAt: string | null;
  evictedInstances: string[];
  instances: InterconnectInstanceStatus[];
}

export interface InterconnectLatencyPair {
  fromInstance: string;
  toInstance: string;
  avgLatencyUs: number | null;
  minLatencyUs: number | null;
  maxLatencyUs: number | null;
  samples: number;
}

export interface InterconnectLatency {
  instanceIds: string[];
  matrixUs: (number | null)[][];
  pairs: InterconnectLatencyPair[];
}

/** The contract lists at most this many moves of a remaster. */
const MAX_MOVES = 100;

// ================================================================ pure mappers

const percent = (share: number): number => Math.round(share * 10_000) / 100;

export function resourceTypeOf(resourceId: string): ResourceType {
  if (resourceId.startsWith('TX:')) return 'TX';
  if (resourceId.startsWith('TM:')) return 'TM';
  return 'BLOCK';
}

/** Most minus fewest of the counts (0 for none). */
function imbalanceOf(counts: readonly number[]): number {
  return counts.length === 0 ? 0 : Math.max(...counts) - Math.min(...counts);
}

// ================================================================ the service

/** The RAC database and its instances, Cache Fusion, the Global Resource Directory and the interconnect. */
export class RacService {
  constructor(private readonly deps: RacServiceDeps) {}

  private get cluster(): RacCluster {
    return this.deps.engine.cluster;
  }

  // ---- cluster -------------------------------------------------------------------------------

  getClusterStatus(context: OperationContext): RacClusterStatus {
    return this.deps.runner.read(context, 'getRacClusterStatus', () => this.clusterStatus());
  }

  clusterStatus(): RacClusterStatus {
    const cluster = this.cluster;
    const open = cluster.state() === 'OPEN';
    const instances = cluster.instanceViews().map((view) => ({ instanceId: view.instanceId, status: this.statusOf(view.status), statusSince: isoTime(view.statusSinceMs) }));
    const count = (status: RacInstanceStatus) => instances.filter((instance) => instance.status === status).length;
    return {
      clusterName: this.deps.nodes.getConfig().clusterName,
      state: this.clusterState(),
      openedAt: open ? isoTime(cluster.openedAt()) : null,
      scn: cluster.storage.currentScn(),
      totalInstances: instances.length,
      openInstances: count('OPEN'),
      failedInstances: count('FAILED'),
      evictedInstances: count('EVICTED'),
      recoveriesInProgress: cluster.activeRecoveryView() === null ? 0 : 1,
      instances,
      config: this.configView(),
    };
  }

  listInstances(context: OperationContext, query: RacInstanceQuery): Page<Partial<RacInstance>> {
    return this.deps.runner.read(context, 'listRacInstances', () => {
      const page = pageOf(this.instances(), { filters: { status: query.status }, sortBy: query.sortBy ?? 'instanceId', order: query.order, limit: query.limit, offset: query.offset });
      return { ...page, items: selectFields(page.items, query.fields, 'instanceId', RAC_INSTANCE_FIELDS) };
    });
  }

  instances(): RacInstance[] {
    const cluster = this.cluster;
    const threads = new Map(cluster.storage.threadViews().map((thread) => [thread.instanceId, thread]));
    const locks = cluster.ges.list().filter((lock) => lock.status !== 'WAITING');
    return cluster.instanceViews().map((view) => {
      const modes = this.modeCounts(view.instanceId);
      const thread = threads.get(view.instanceId);
      const lastHeard = this.lastHeardFrom(view.instanceId);
      return {
        instanceId: view.instanceId,
        nodeId: view.instanceId,
        status: this.statusOf(view.status),
        statusSince: isoTime(view.statusSinceMs),
        cachedBlocks: view.cachedBlocks,
        sharedBlocks: modes.S,
        exclusiveBlocks: modes.X,
        dirtyBlocks: view.dirtyBlocks,
        pastImages: view.pastImages,
        masteredResources: view.masteredResources,
        enqueueLocksHeld: locks.filter((lock) => lock.instanceId === view.instanceId).length,
        redoRecords: thread?.recordsWritten ?? 0,
        lastScn: thread?.lastScn ?? 0,
        lastHeartbeatAt: lastHeard === null ? null : isoTime(lastHeard),
      };
    });
  }

  /**
   * The instances' buffer caches, measured: size, blocks held, hits, misses and blocks aged out
   * (counted since the database opened), with the totals over every instance.
   */
  bufferPool(context: OperationContext): BufferPoolStats {
    return this.deps.runner.read(context, 'listRacInstances', () => {
      const capacityBlocks = this.cluster.racConfig().bufferCacheBlocks;
      const caches = this.cluster.instanceViews().map((view): BufferCacheStats => {
        const { cacheHits: hits, cacheMisses: misses, twoWayTransfers, threeWayTransfers, bufferEvictions: evictions } = view.counters;
        return {
          instanceId: view.instanceId,
          status: this.statusOf(view.status),
          capacityBlocks,
          usedBlocks: view.cachedBlocks,
          dirtyBlocks: view.dirtyBlocks,
          pastImages: view.pastImages,
          hits,
          misses,
          transfersIn: twoWayTransfers + threeWayTransfers,
          hitRatio: hitRateOf(view.counters),
          evictions,
        };
      });
      const sum = (field: 'capacityBlocks' | 'usedBlocks' | 'hits' | 'misses' | 'evictions') => caches.reduce((total, cache) => total + cache[field], 0);
      return {
        capacityBlocks: sum('capacityBlocks'),
        usedBlocks: sum('usedBlocks'),
        hits: sum('hits'),
        misses: sum('misses'),
        hitRatio: hitRateOf({ cacheHits: sum('hits'), cacheMisses: sum('misses') }),
        evictions: sum('evictions'),
        caches,
      };
    });
  }

  getStatistics(context: OperationContext): RacStatistics {
    return this.deps.runner.read(context, 'getRacClusterStatistics', () => this.statistics());
  }

  statistics(): RacStatistics {
    const cluster = this.cluster;
    const statistics = cluster.clusterStatistics();
    const statuses = cluster.instanceViews().map((view) => this.statusOf(view.status));
    const open = cluster.state() === 'OPEN';
    return {
      totalNodes: statuses.length,
      activeNodes: statuses.filter((status) => status === 'OPEN').length,
      failedNodes: statuses.filter((status) => status === 'FAILED' || status === 'EVICTED').length,
      uptimeSeconds: open ? Math.floor((this.deps.clock.now() - cluster.openedAt()) / 1000) : 0,
      totalTransactions: statistics.redoThreads.reduce((sum, thread) => sum + thread.recordsWritten, 0),
      totalQueries: statistics.gcs.readsServed + cluster.parallelQueryStats().executed,
      cacheFusion: this.cacheFusionStats(),
      grd: this.grdStats(),
      interconnect: this.interconnectStats(),
    };
  }

  start(context: OperationContext): Promise<RacClusterStatus> {
    return this.deps.runner.run(context, 'startRacCluster', 'rac.cluster', () => {
      this.cluster.start();
      return this.clusterStatus();
    });
  }

  stop(context: OperationContext): Promise<RacStopResult> {
    return this.deps.runner.run(context, 'stopRacCluster', 'rac.cluster', () => {
      const closing = this.cluster.runningInstances();
      const stopped = this.cluster.stop();
      return { state: this.clusterState(), blocksWritten: stopped.blocksWritten, closedInstances: closing, stoppedAt: isoTime(this.deps.clock.now()) };
    });
  }

  rebalance(context: OperationContext): Promise<RebalanceResult> {
    return this.deps.runner.run(context, 'rebalanceRacCluster', 'rac.grd', () => {
      const cluster = this.cluster;
      if (cluster.state() !== 'OPEN') throw new DomainError('CONFLICT', 'The RAC database is stopped; start it first.', {});
      const recovery = cluster.activeRecoveryView();
      if (recovery !== null) throw new DomainError('CONFLICT', 'An instance recovery is running; rebalance after it completes.', { recoveryId: recovery.recoveryId });
      const running = cluster.runningInstances();
      const before = this.mastersBy(running, (master) => master.masterId);
      const startedMs = this.deps.clock.now();
      const result = cluster.rebalance();
      // Block moves complete on the clock: count each resource where it is headed (its hash placement).
      const after = this.mastersBy(running, (master) => cluster.grd.hashMaster(master.resourceId));
      return {
        remasteredResources: result.scheduled.length,
        resourcesPerMaster: after,
        imbalanceBefore: imbalanceOf(Object.values(before)),
        imbalanceAfter: imbalanceOf(Object.values(after)),
        // The decision is synchronous on the cluster clock; the moves are reported by their events.
        durationMs: this.deps.clock.now() - startedMs,
        rebalancedAt: isoTime(this.deps.clock.now()),
      };
    });
  }

  // ---- cache fusion --------------------------------------------------------------------------

  getCacheFusionStatus(context: OperationContext): CacheFusionStatus {
    return this.deps.runner.read(context, 'getCacheFusionStatus', () => {
      const cluster = this.cluster;
      const queues = cluster.gcs.requestQueues();
      const instances = cluster.instanceViews().map((view) => {
        const modes = this.modeCounts(view.instanceId);
        return {
          instanceId: view.instanceId,
          status: this.statusOf(view.status),
          cachedBlocks: view.cachedBlocks,
          sharedBlocks: modes.S,
          exclusiveBlocks: modes.X,
          dirtyBlocks: view.dirtyBlocks,
          pastImages: view.pastImages,
          requestsQueued: queues.queuedByMaster[view.instanceId] ?? 0,
        };
      });
      const cached = new Set<string>();
      for (const instanceId of cluster.instanceIds()) for (const [blockId] of cluster.gcs.cacheOf(instanceId).entries()) cached.add(blockId);
      const locks = cluster.ges.list();
      const last = cluster.transfers(1)[0];
      return {
        state: this.clusterState(),
        instances,
        blocksCached: cached.size,
        dirtyBlocks: instances.reduce((sum, instance) => sum + instance.dirtyBlocks, 0),
        pastImages: instances.reduce((sum, instance) => sum + instance.pastImages, 0),
        requestsInFlight: queues.inFlight,
        requestsQueued: queues.queued,
        enqueues: {
          granted: locks.filter((lock) => lock.status === 'GRANTED').length,
          waiting: locks.filter((lock) => lock.status === 'WAITING').length,
          converting: locks.filter((lock) => lock.status === 'CONVERTING').length,
        },
        hitRatePercent: this.cacheFusionStats().hitRatePercent,
        lastTransferAt: last === undefined ? null : isoTime(last.atMs),
      };
    });
  }

  /** Bound to getCacheFusionStatistics and its alias. */
  getCacheFusionStatistics(context: OperationContext, operationId: 'getCacheFusionStatistics' | 'getCacheFusionStatisticsAlias' = 'getCacheFusionStatistics'): CacheFusionStats {
    return this.deps.runner.read(context, operationId, () => this.cacheFusionStats());
  }

  cacheFusionStats(): CacheFusionStats {
    const gcs = this.cluster.clusterStatistics().gcs;
    return {
      totalRequests: gcs.requests,
      successfulGrants: gcs.grants,
      failedRequests: gcs.failedRequests,
      cacheHits: gcs.cacheHits,
      cacheMisses: gcs.cacheMisses,
      twoWayTransfers: gcs.twoWayTransfers,
      threeWayTransfers: gcs.threeWayTransfers,
      bytesTransferred: gcs.bytesShipped,
      avgTransferLatencyUs: gcs.averageTransferLatencyMs === null ? 0 : microsecondsOf(gcs.averageTransferLatencyMs),
      writeBacks: gcs.writeBacks,
      downgrades: gcs.downgrades,
      hitRatePercent: gcs.hitRate === null ? 0 : percent(gcs.hitRate),
    };
  }

  listTransfers(context: OperationContext, query: TransferQuery): Page<Partial<CacheFusionTransfer>> {
    return this.deps.runner.read(context, 'listCacheFusionTransfers', () => {
      const tableOf = this.tableOfBlocks();
      const all = this.cluster
        .transfers(this.cluster.racConfig().transferLogSize)
        .filter((transfer) => query.instanceId === undefined || transfer.from === query.instanceId || transfer.to === query.instanceId)
        .map((transfer) => this.transferOf(transfer, tableOf));
      const page = pageOf(all, {
        filters: { blockId: query.blockId, mode: query.mode, way: query.way },
        // Ties keep the log's order (newest first), and transfer ids grow with time.
        sortBy: query.sortBy ?? 'completedAt',
        order: query.order ?? 'desc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'transferId', TRANSFER_FIELDS) };
    });
  }

  flush(context: OperationContext, request: FlushRequest): Promise<FlushResultView> {
    return this.deps.runner.run(context, 'flushCacheFusion', `rac.cache/${request.instanceId ?? '(every open instance)'}`, () => {
      const result = this.cluster.flush(request.instanceId, { writeDirty: request.flushDirty ?? true, invalidateClean: request.invalidateClean ?? false });
      return {
        blocksWritten: result.blocksWritten,
        bytesWritten: result.bytesWritten,
        pastImagesDiscarded: result.pastImagesDiscarded,
        blocksInvalidated: result.blocksInvalidated,
        instanceIds: result.instances,
        scn: result.scn,
        flushedAt: isoTime(this.deps.clock.now()),
      };
    });
  }

  // ---- GRD -----------------------------------------------------------------------------------

  getGrdTopology(context: OperationContext): GrdTopology {
    return this.deps.runner.read(context, 'getGrdTopology', () => this.grdTopology());
  }

  grdTopology(): GrdTopology {
    const cluster = this.cluster;
    const masters = cluster.grd.masterList();
    const statuses = new Map(cluster.instanceViews().map((view) => [view.instanceId, this.statusOf(view.status)]));
    const rows = cluster.instanceIds().map((instanceId) => {
      const mine = masters.filter((master) => master.masterId === instanceId);
      const blocks = mine.filter((master) => resourceTypeOf(master.resourceId) === 'BLOCK').length;
      return {
        instanceId,
        status: statuses.get(instanceId)!,
        resources: mine.length,
        blockResources: blocks,
        enqueueResources: mine.length - blocks,
        sharePercent: masters.length === 0 ? 0 : percent(mine.length / masters.length),
      };
    });
    return {
      totalResources: masters.length,
      frozenResources: masters.filter((master) => this.isFrozen(master.resourceId)).length,
      masters: rows,
      remasteredResources: this.hasRing() ? masters.filter((master) => master.masterId !== cluster.grd.hashMaster(master.resourceId)).length : 0,
      affinityThreshold: percent(cluster.racConfig().affinityThreshold),
      statistics: this.grdStats(),
    };
  }

  grdStats(): GrdStats {
    const statistics = this.cluster.clusterStatistics().grd;
    const resourcesPerMaster: Record<string, number> = {};
    for (const row of this.cluster.grd.topology(this.cluster.instanceIds())) resourcesPerMaster[row.instanceId] = row.resources;
    return {
      totalResources: statistics.resources,
      resourcesPerMaster,
      totalRemasters: statistics.remasters,
      avgRemasterLatencyMs: statistics.averageRemasterLatencyMs === null ? 0 : Math.round(statistics.averageRemasterLatencyMs),
      affinityUpdates: statistics.affinityRemasters,
      loadBalances: statistics.loadBalances,
    };
  }

  listResources(context: OperationContext, query: GrdResourceQuery): Page<Partial<GrdResource>> {
    return this.deps.runner.read(context, 'listGrdResources', () => {
      const all = this.cluster.grd.masterList().sort((a, b) => naturalCompare(a.resourceId, b.resourceId)).map((master) => this.resourceOf(master.resourceId, master.masterId));
      const page = pageOf(all, {
        filters: { masterInstance: query.masterInstance, resourceType: query.resourceType, frozen: query.frozen },
        sortBy: query.sortBy ?? 'resourceId',
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'resourceId', GRD_RESOURCE_FIELDS) };
    });
  }

  listAffinity(context: OperationContext, query: GrdAffinityQuery): Page<Partial<GrdAffinity>> {
    return this.deps.runner.read(context, 'listGrdAffinity', () => {
      const config = this.cluster.racConfig();
      const all = this.cluster.grd.affinities(Number.MAX_SAFE_INTEGER).map((view) => ({
        resourceId: view.resourceId,
        resourceType: resourceTypeOf(view.resourceId),
        masterInstance: view.masterId,
        instanceId: view.instanceId,
        affinityPercent: percent(view.affinity),
        accesses: view.accesses,
        totalAccesses: view.totalAccesses,
        // The engine's rule (GlobalResourceDirectory.recordAccess): share at or past the threshold over enough accesses.
        aboveThreshold: view.totalAccesses >= config.affinityMinAccesses && view.affinity >= config.affinityThreshold,
      }));
      const page = pageOf(all, {
        filters: { instanceId: query.instanceId, aboveThreshold: query.aboveThreshold },
        sortBy: query.sortBy ?? 'affinityPercent',
        order: query.order ?? 'desc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'resourceId', GRD_AFFINITY_FIELDS) };
    });
  }

  remaster(context: OperationContext, request: RemasterRequest): Promise<RemasterResultView> {
    const target = `rac.grd/${request.resourceId ?? '(every resource)'}`;
    return this.deps.runner.run(context, 'remasterGrdResources', target, () => {
      const cluster = this.cluster;
      if (request.resourceId !== undefined && cluster.state() === 'OPEN') this.assertResource(request.resourceId);
      const from = new Map(cluster.grd.masterList().map((master) => [master.resourceId, master.masterId]));
      const startedMs = this.deps.clock.now();
      const result = cluster.remaster(request);
      return this.remasterResultOf(result, from, startedMs);
    });
  }

  // ---- interconnect --------------------------------------------------------------------------

  getInterconnectStatus(context: OperationContext): InterconnectStatus {
    return this.deps.runner.read(context, 'getInterconnectStatus', () => {
      const cluster = this.cluster;
      const config = cluster.racConfig();
      const status = cluster.interconnectStatus();
      const now = this.deps.clock.now();
      const windowMs = config.missedHeartbeatsToEvict * config.heartbeatIntervalMs;
      const instances = cluster.instanceViews().map((view) => {
        const heard = cluster.heardBy(view.instanceId);
        const lastHeard = this.lastHeardFrom(view.instanceId);
        return {
          instanceId: view.instanceId,
          status: this.statusOf(view.status),
          reachable: Object.entries(heard)
            .filter(([, atMs]) => now - atMs <= windowMs)
            .map(([id]) => id)
            .sort(naturalCompare),
          lastHeartbeatAt: lastHeard === null ? null : isoTime(lastHeard),
          missedHeartbeats: lastHeard === null ? 0 : Math.floor((now - lastHeard) / config.heartbeatIntervalMs),
          suspected: view.suspected,
        };
      });
      const state = status.evicted.length > 0 ? 'PARTITIONED' : status.suspected.length > 0 ? 'DEGRADED' : 'HEALTHY';
      return {
        state,
        heartbeatIntervalMs: config.heartbeatIntervalMs,
        missedHeartbeatsToEvict: config.missedHeartbeatsToEvict,
        quorumPercentage: config.quorumPercentage,
        splitBrainDetected: status.evicted.length > 0,
        lastSplitBrainAt: status.lastSplitBrainAtMs === null ? null : isoTime(status.lastSplitBrainAtMs),
        evictedInstances: status.evicted,
        instances,
      };
    });
  }

  getInterconnectStatistics(context: OperationContext): InterconnectStats {
    return this.deps.runner.read(context, 'getInterconnectStatistics', () => this.interconnectStats());
  }

  interconnectStats(): InterconnectStats {
    const cluster = this.cluster;
    const pairs = cluster.interconnectStats();
    const sum = (pick: (pair: (typeof pairs)[number]) => number) => pairs.reduce((total, pair) => total + pick(pair), 0);
    const received = sum((pair) => pair.messagesReceived);
    const bytesReceived = sum((pair) => pair.bytesReceived);
    const seconds = (this.deps.clock.now() - cluster.openedAt()) / 1000;
    return {
      messagesSent: sum((pair) => pair.messagesSent),
      messagesReceived: received,
      bytesSent: sum((pair) => pair.bytesSent),
      bytesReceived,
      avgMessageLatencyUs: received === 0 ? 0 : microsecondsOf(sum((pair) => pair.totalLatencyMs) / received),
      // Refused at send plus lost on the wire (the pairs count only the former).
      failedSends: cluster.interconnectNetworkStats().dropped,
      heartbeatFailures: cluster.interconnectStatus().heartbeatFailures,
      avgThroughputMbps: cluster.state() !== 'OPEN' || seconds <= 0 ? 0 : Math.round(((bytesReceived * 8) / 1e6 / seconds) * 10_000) / 10_000,
      pairs: pairs.map((pair) => ({ fromInstance: pair.from, toInstance: pair.to, messages: pair.messagesSent, bytes: pair.bytesSent, failedSends: pair.failedSends })),
    };
  }

  getInterconnectLatency(context: OperationContext): InterconnectLatency {
    return this.deps.runner.read(context, 'getInterconnectLatency', () => {
      const cluster = this.cluster;
      const matrix = cluster.latencyMatrix();
      const counters = new Map(cluster.interconnectStats().map((pair) => [`${pair.from}>${pair.to}`, pair]));
      const pairs: InterconnectLatencyPair[] = [];
      for (const [i, from] of matrix.instanceIds.entries()) {
        for (const [j, to] of matrix.instanceIds.entries()) {
          if (i === j) continue;
          const pair = counters.get(`${from}>${to}`);
          const avg = matrix.latencyMs[i]![j] ?? null;
          pairs.push({
            fromInstance: from,
            toInstance: to,
            avgLatencyUs: avg === null ? null : microsecondsOf(avg),
            minLatencyUs: pair?.minLatencyMs == null ? null : microsecondsOf(pair.minLatencyMs),
            maxLatencyUs: pair?.maxLatencyMs == null ? null : microsecondsOf(pair.maxLatencyMs),
            samples: pair?.messagesReceived ?? 0,
          });
        }
      }
      return { instanceIds: matrix.instanceIds, matrixUs: matrix.latencyMs.map((row) => row.map((ms) => (ms === null ? null : microsecondsOf(ms)))), pairs };
    });
  }

  // ---- internals -----------------------------------------------------------------------------

  private statusOf(status: 'RUNNING' | 'DOWN' | 'EVICTED'): RacInstanceStatus {
    return racInstanceStatusOf(this.cluster.state() === 'OPEN', status);
  }

  private clusterState(): RacClusterState {
    const cluster = this.cluster;
    if (cluster.state() !== 'OPEN') return 'STOPPED';
    if (cluster.activeRecoveryView() !== null) return 'RECOVERING';
    return cluster.instanceIds().some((id) => cluster.instanceStatus(id) !== 'RUNNING') ? 'DEGRADED' : 'OPERATIONAL';
  }

  private configView(): RacConfigView {
    const config = this.cluster.racConfig();
    return {
      clusterName: this.deps.nodes.getConfig().clusterName,
      // The engine evaluates affinity at every access its master serves: dynamic remastering has no off switch.
      autoLoadBalance: true,
      quorumPercentage: config.quorumPercentage,
      affinityThreshold: percent(config.affinityThreshold),
      affinityMinAccesses: config.affinityMinAccesses,
      affinityWindow: config.affinityWindow,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      missedHeartbeatsToEvict: config.missedHeartbeatsToEvict,
      blocksPerTable: config.blocksPerTable,
      rowsPerBlock: config.rowsPerBlock,
      blockHeaderBytes: config.blockHeaderBytes,
      transferLogSize: config.transferLogSize,
      checkpointIntervalMs: config.checkpointIntervalMs,
    };
  }

  private modeCounts(instanceId: string): { S: number; X: number } {
    const counts = { S: 0, X: 0 };
    for (const [, cached] of this.cluster.gcs.cacheOf(instanceId).entries()) counts[cached.mode] += 1;
    return counts;
  }

  /** When another instance last heard `instanceId`'s heartbeat (or any message), or null. */
  private lastHeardFrom(instanceId: string): number | null {
    let last: number | null = null;
    for (const listener of this.cluster.instanceIds()) {
      if (listener === instanceId) continue;
      const atMs = this.cluster.heardBy(listener)[instanceId];
      if (atMs !== undefined && (last === null || atMs > last)) last = atMs;
    }
    return last;
  }

  private tableOfBlocks(): Map<string, string> {
    const tables = new Map<string, string>();
    for (const table of this.cluster.storage.tableNames()) for (const blockId of this.cluster.storage.blocksOf(table)) tables.set(blockId, table);
    return tables;
  }

  private transferOf(transfer: TransferRecord, tableOf: ReadonlyMap<string, string>): CacheFusionTransfer {
    return {
      ...transferFactsOf(transfer),
      tableName: tableOf.get(transfer.blockId) ?? '',
      // The latency is measured from the request, so the request time is exact.
      requestedAt: isoTime(transfer.atMs - transfer.latencyMs),
      completedAt: isoTime(transfer.atMs),
    };
  }

  private hasRing(): boolean {
    return this.cluster.grd.ringMembers().length > 0;
  }

  private isFrozen(resourceId: string): boolean {
    const gcs = this.cluster.gcs;
    return gcs.isFrozen() || gcs.recoveringBlocks().includes(resourceId);
  }

  private resourceOf(resourceId: string, masterId: string): GrdResource {
    const cluster = this.cluster;
    const type = resourceTypeOf(resourceId);
    const holders =
      type === 'BLOCK'
        ? Object.entries(cluster.gcs.holdersOf(resourceId)).map(([instanceId, mode]) => ({ instanceId, mode }))
        : cluster.ges.list({ resourceId }).filter((lock) => lock.status !== 'WAITING').map((lock) => ({ instanceId: lock.instanceId, mode: lock.mode }));
    const waiting = type === 'BLOCK' ? cluster.gcs.queueDepthOf(resourceId) : cluster.ges.list({ resourceId }).filter((lock) => lock.status !== 'GRANTED').length;
    const accesses = cluster.grd.accessCounts(resourceId);
    const history = cluster.grd.remasterHistory(resourceId);
    return {
      resourceId,
      resourceType: type,
      masterInstance: masterId,
      hashMaster: this.hasRing() ? cluster.grd.hashMaster(resourceId) : masterId,
      frozen: this.isFrozen(resourceId),
      holders: holders.sort((a, b) => naturalCompare(a.instanceId, b.instanceId)),
      waiting,
      accesses: accesses.total,
      accessesByInstance: accesses.byInstance,
      remasterCount: history?.remasters ?? 0,
      lastRemasteredAt: history === null ? null : isoTime(history.lastRemasteredAtMs),
    };
  }

  /** NOT_FOUND in the contract's words for a resource id the GRD and the storage do not know. */
  private assertResource(resourceId: string): void {
    if (this.cluster.grd.peekMaster(resourceId) !== undefined || this.cluster.storage.hasBlock(resourceId)) return;
    throw new DomainError('NOT_FOUND', `No GRD resource has id "${resourceId}".`, { resource: 'rac.grdResource', id: resourceId });
  }

  private remasterResultOf(result: EngineRemasterResult, from: ReadonlyMap<string, string>, startedMs: number): RemasterResultView {
    const moves = [...result.scheduled]
      .sort(naturalCompare)
      .slice(0, MAX_MOVES)
      .map((resourceId) => ({ resourceId, fromInstance: from.get(resourceId) ?? this.cluster.grd.masterOf(resourceId), toInstance: result.targetNode ?? this.cluster.grd.hashMaster(resourceId) }));
    return {
      remasteredResources: result.scheduled.length,
      skippedResources: result.skipped.length,
      unchangedResources: result.unchanged,
      moves,
      durationMs: this.deps.clock.now() - startedMs,
      remasteredAt: isoTime(this.deps.clock.now()),
    };
  }

  /** Resources per running instance, placed by `masterOf`. */
  private mastersBy(running: readonly string[], masterOf: (master: { resourceId: string; masterId: string }) => string): Record<string, number> {
    const counts: Record<string, number> = Object.fromEntries(running.map((id) => [id, 0]));
    for (const master of this.cluster.grd.masterList()) {
      const id = masterOf(master);
      if (id in counts) counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  }
}
