/**
 * The RAC cluster hosted on the simulation runtime: instances over shared storage, the GCS and
 * GES, the GRD, the interconnect with heartbeats and split-brain resolution (the rule in
 * split-brain.ts), instance recovery, parallel query (run by the coordinator in
 * query-coordinator.ts) and the cluster lifecycle. Crashes come from the runtime's FaultSet (followed
 * as replication-cluster.ts follows them); partitions are found by heartbeats.
 */
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { SimulationRuntime, TimerId } from '../runtime/index.js';
import { applyRedo, copyImage, imageBytes, type BlockId, type BlockImage, type Row } from './block.js';
import { demoStorageState } from './demo-schema.js';
import { remasterReasonOf, resourceTypeOf, transferFactsOf, type EnqueueLockPayload, type InstanceRecoveryPayload, type RacEventPublisher } from './events.js';
import { BlockOpHandle, GlobalCacheService, hitRateOf, type BlockChange, type GcsCounters, type ReadResult, type TransferRecord, type WriteResult } from './gcs.js';
import { GlobalEnqueueService, type EnqueueLock, type EnqueueMode } from './ges.js';
import { GlobalResourceDirectory, type GrdCounters, type Placement } from './grd.js';
import { advanceRecovery, copyRecovery, durationAtRate, newRecovery, redoApplyMs, type InstanceRecovery, type RecoveryPhase, type RecoveryReason } from './instance-recovery.js';
import { Interconnect } from './interconnect.js';
import type { Envelope } from './messages.js';
import { validateQuery, type ParallelQuery, type QueryPlan } from './parallel-query.js';
import { evaluateSerially, type QueryResult } from '../query/aggregation.js';
import {
  applyParallelQueryConfig,
  applyRacConfig,
  applyRecoveryConfig,
  DEFAULT_PARALLEL_QUERY_CONFIG,
  DEFAULT_RAC_CONFIG,
  DEFAULT_RECOVERY_CONFIG,
  type ParallelQueryConfig,
  type RacConfig,
  type RecoveryConfig,
} from './rac-config.js';
import { emptyParallelQueryStats, type ParallelQueryStats, type RacJournal, type RacRestore, type StoredRacCluster } from './rac-records.js';
import type { RacWorkloadTarget } from './rac-workload.js';
import { QueryCoordinator, type QueryHandle, type QueryRun } from './query-coordinator.js';
import { SharedStorage, type StorageState } from './shared-storage.js';
import { splitBrainSurvivors } from './split-brain.js';

export type InstanceStatus = 'RUNNING' | 'DOWN' | 'EVICTED';
export type ClusterState = 'OPEN' | 'STOPPED';

export interface RacClusterDeps {
  runtime: SimulationRuntime;
  bus?: RacEventPublisher;
  records?: RacJournal;
}

export interface RacBootstrap {
  instanceIds: readonly string[];
  config?: Partial<RacConfig>;
  recovery?: Partial<RecoveryConfig>;
  parallelQuery?: Partial<ParallelQueryConfig>;
}

export interface InstanceView {
  instanceId: string;
  status: InstanceStatus;
  statusSinceMs: number;
  statusReason: string;
  /** Silent to some member for missedHeartbeatsToEvict intervals. */
  suspected: boolean;
  cachedBlocks: number;
  dirtyBlocks: number;
  pastImages: number;
  masteredResources: number;
  outstandingRequests: number;
  needsRecovery: boolean;
  counters: GcsCounters;
}

export interface RemasterRequest {
  /** One resource, or every resource when omitted. */
  resourceId?: string;
  /** Where to; omitted puts resources back at their hash placement. */
  targetNode?: string;
  /** Move resources with requests in flight too (after those finish). */
  force?: boolean;
}

export interface RemasterResult {
  scheduled: string[];
  skipped: { resourceId: string; reason: string }[];
  unchanged: number;
  targetNode: string | null;
}

export interface FlushOptions {
  /** Write dirty blocks back (default true). */
  writeDirty?: boolean;
  /** Give clean blocks up to N through their masters (default false). */
  invalidateClean?: boolean;
}

export interface FlushResult {
  instances: string[];
  blocksWritten: number;
  bytesWritten: number;
  pastImagesDiscarded: number;
  blocksInvalidated: number;
  scn: number;
}

interface InstanceState {
  readonly id: string;
  status: InstanceStatus;
  statusSinceMs: number;
  statusReason: string;
  /** from → when a heartbeat (or any envelope) from it last arrived here. */
  lastHeard: Map<string, number>;
}

const SOURCE = 'rac';

export class RacCluster {
  private readonly runtime: SimulationRuntime;
  readonly storage: SharedStorage;
  readonly grd: GlobalResourceDirectory;
  readonly gcs: GlobalCacheService;
  readonly ges: GlobalEnqueueService;
  private readonly interconnect: Interconnect;
  private readonly instances = new Map<string, InstanceState>();
  private readonly config: RacConfig;
  private recoveryConfigValue: RecoveryConfig;
  private readonly queries: QueryCoordinator;
  private readonly columns: Record<string, string[]>;
  private stateValue: ClusterState;
  private readonly needsRecovery = new Set<string>();
  /** Instances to recover next; `recoverer` is the survivor asked for by recovery/initiate. */
  private recoveryQueue: { instanceId: string; reason: RecoveryReason; recoverer?: string }[] = [];
  private activeRecovery: InstanceRecovery | null = null;
  private recoveryTimer: TimerId | null = null;
  private recoveryPlan = new Map<BlockId, { image: BlockImage; records: number; bytes: number }>();
  private readonly history: InstanceRecovery[];
  private nextRecoveryId: number;
  private readonly lastTransferEvent = new Map<BlockId, { atMs: number; suppressed: number }>();
  private heartbeatTimer: TimerId | null;
  private readonly checkpointTimer: TimerId;
  private readonly stopFollowingFaults: () => void;
  private splitBrainResolutions = 0;
  private evictions = 0;
  private lastSplitBrainAtMs: number | null = null;
  /** Heartbeat intervals in which a member heard nothing from another member. */
  private heartbeatFailures = 0;
  /** When the database was last opened (construction counts: a restart reopens it). */
  private openedAtMs: number;

  private constructor(
    private readonly deps: RacClusterDeps,
    init: {
      instanceIds: readonly string[];
      config: RacConfig;
      storage: StorageState;
      recoveryConfig: RecoveryConfig;
      pqConfig: ParallelQueryConfig;
      pqStats: ParallelQueryStats;
      columns: Record<string, string[]>;
      open: boolean;
      history: InstanceRecovery[];
      nextRecoveryId: number;
      nextQueryId: number;
    },
  ) {
    this.runtime = deps.runtime;
    this.config = init.config;
    this.recoveryConfigValue = init.recoveryConfig;
    this.columns = init.columns;
    this.stateValue = init.open ? 'OPEN' : 'STOPPED';
    this.history = init.history;
    this.nextRecoveryId = init.nextRecoveryId;
    const now = this.runtime.clock.now();
    this.openedAtMs = now;
    this.storage = new SharedStorage(init.storage, deps.records);
    this.grd = new GlobalResourceDirectory(this.config, (master) => deps.records?.masterChanged(master));
    const network = this.runtime.network<Envelope>('rac');
    this.gcs = new GlobalCacheService({
      clock: this.runtime.clock,
      storage: this.storage,
      grd: this.grd,
      isRunning: (id) => this.isRunning(id),
      send: (from, to, message, bytes) => this.interconnect.send(from, to, message, bytes),
      blockHeaderBytes: this.config.blockHeaderBytes,
      transferLogSize: this.config.transferLogSize,
      bufferCacheBlocks: this.config.bufferCacheBlocks,
      transferred: (transfer) => this.publishTransfer(transfer),
      remastered: (resourceId, from, to, latencyMs, reason) => this.publishRemaster(resourceId, from, to, latencyMs, reason),
    });
    this.ges = new GlobalEnqueueService({
      granted: (lock, waitedMs) => this.publishLock('lock_granted', lock, { fromMode: null, waitedMs, reason: 'REQUEST' }),
      // A release by a recovery frees a dead instance's lock; any other ends its transaction.
      released: (lock, reason) => this.publishLock('lock_released', lock, { fromMode: null, waitedMs: 0, reason: reason.includes('recover') ? 'RECOVERY' : 'COMMIT' }),
      converted: (lock, from) => this.publishLock('lock_conversion', lock, { fromMode: from, waitedMs: 0, reason: 'REQUEST' }),
    });
    this.interconnect = new Interconnect(
      network,
      this.runtime.clock,
      {
        isMember: (id) => this.isRunning(id),
        epoch: () => this.gcs.epoch(),
        scn: () => this.storage.currentScn(),
        observeScn: (scn) => this.storage.observeScn(scn),
        deliver: (to, from, message) => this.gcs.receive(to, from, message),
        heartbeat: (to, from) => this.instances.get(to)?.lastHeard.set(from, this.runtime.clock.now()),
      },
      this.config.retransmitMs,
    );
    this.queries = new QueryCoordinator(
      {
        clock: this.runtime.clock,
        storage: this.storage,
        gcs: this.gcs,
        runningInstances: () => this.runningInstances(),
        isRunning: (id) => this.isRunning(id),
        queryStarted: () => this.saveCluster(),
        bus: deps.bus,
        records: deps.records,
      },
      { config: init.pqConfig, stats: init.pqStats, nextQueryId: init.nextQueryId },
    );
    for (const instanceId of [...init.instanceIds].sort(naturalCompare)) {
      const crashed = this.runtime.faults.isCrashed(instanceId);
      this.instances.set(instanceId, { id: instanceId, status: crashed ? 'DOWN' : 'RUNNING', statusSinceMs: now, statusReason: crashed ? 'crashed' : 'started', lastHeard: new Map() });
      this.storage.ensureThread(instanceId);
      this.interconnect.attach(instanceId);
    }
    this.grd.setRingMembers(this.runningInstances());
    this.heartbeatTimer = this.runtime.clock.every(this.config.heartbeatIntervalMs, () => this.heartbeatTick());
    this.checkpointTimer = this.runtime.clock.every(this.config.checkpointIntervalMs, () => this.checkpoint());
    this.stopFollowingFaults = this.runtime.faults.onChange(() => this.followFaults());
  }

  /** DBWR: every running instance writes its dirty blocks back. @returns blocks written. */
  checkpoint(): number {
    let written = 0;
    for (const instanceId of this.runningInstances()) for (const [blockId] of this.gcs.cacheOf(instanceId).entries()) if (this.gcs.writeBack(instanceId, blockId)) written += 1;
    return written;
  }

  static bootstrap(deps: RacClusterDeps, boot: RacBootstrap): RacCluster {
    if (boot.instanceIds.length === 0 || new Set(boot.instanceIds).size !== boot.instanceIds.length) {
      throw new DomainError('UNPROCESSABLE', 'A RAC cluster needs distinct instance ids.', { instanceIds: [...boot.instanceIds] });
    }
    const config = applyRacConfig(DEFAULT_RAC_CONFIG, boot.config ?? {});
    const storage = demoStorageState(deps.runtime.rng.fork('rac.schema'), config.blocksPerTable, config.rowsPerBlock, boot.instanceIds);
    const pqConfig = applyParallelQueryConfig(DEFAULT_PARALLEL_QUERY_CONFIG, boot.parallelQuery ?? {});
    const pqStats = emptyParallelQueryStats();
    const cluster = new RacCluster(deps, {
      instanceIds: boot.instanceIds,
      config,
      storage,
      recoveryConfig: applyRecoveryConfig(DEFAULT_RECOVERY_CONFIG, boot.recovery ?? {}),
      pqConfig,
      pqStats,
      columns: { sales: ['id', 'region', 'product', 'amount', 'quantity'] },
      open: true,
      history: [],
      nextRecoveryId: 1,
      nextQueryId: 1,
    });
    cluster.storage.mirrorAll();
    deps.records?.recoveryConfigChanged(cluster.recoveryConfigValue);
    deps.records?.parallelQueryConfigChanged(pqConfig);
    deps.records?.parallelQueryStatsChanged(pqStats);
    cluster.saveCluster();
    return cluster;
  }

  /** A server restart: every instance lost its cache, so the database opens with crash recovery. */
  static restore(deps: RacClusterDeps, restored: RacRestore): RacCluster {
    const stored = restored.cluster;
    const cluster = new RacCluster(deps, {
      instanceIds: stored.instanceIds,
      // A setting stored before it existed takes its default.
      config: { ...DEFAULT_RAC_CONFIG, ...stored.config },
      storage: { scn: restored.scn, tables: stored.tables, blocks: restored.blocks, redo: restored.redo, threadCounters: stored.threadCounters },
      recoveryConfig: { ...DEFAULT_RECOVERY_CONFIG, ...restored.recoveryConfig },
      pqConfig: restored.parallelQueryConfig ?? { ...DEFAULT_PARALLEL_QUERY_CONFIG },
      // Counters stored before a field existed start it at zero.
      pqStats: { ...emptyParallelQueryStats(), ...restored.parallelQueryStats },
      columns: stored.columns,
      open: stored.open,
      history: restored.recoveryHistory,
      nextRecoveryId: stored.nextRecoveryId,
      nextQueryId: stored.nextQueryId,
    });
    cluster.grd.restore(restored.masters, stored.grdCounters);
    cluster.crashRecoverStorage();
    return cluster;
  }

  // ---- membership -----------------------------------------------------------------------------

  state(): ClusterState {
    return this.stateValue;
  }

  instanceIds(): string[] {
    return [...this.instances.keys()];
  }

  runningInstances(): string[] {
    return this.instanceIds().filter((id) => this.isRunning(id));
  }

  isRunning(instanceId: string): boolean {
    return this.stateValue === 'OPEN' && this.instances.get(instanceId)?.status === 'RUNNING';
  }

  instanceStatus(instanceId: string): InstanceStatus {
    return this.instanceOf(instanceId).status;
  }

  instanceViews(): InstanceView[] {
    const topology = new Map(this.grd.topology(this.instanceIds()).map((row) => [row.instanceId, row.resources]));
    return this.instanceIds().map((instanceId) => {
      const instance = this.instanceOf(instanceId);
      const cache = this.gcs.cacheOf(instanceId);
      return {
        instanceId,
        status: instance.status,
        statusSinceMs: instance.statusSinceMs,
        statusReason: instance.statusReason,
        suspected: this.isSuspected(instanceId),
        cachedBlocks: cache.size(),
        dirtyBlocks: cache.dirtyCount(),
        pastImages: cache.pastImageCount(),
        masteredResources: topology.get(instanceId) ?? 0,
        outstandingRequests: this.gcs.outstandingOf(instanceId),
        needsRecovery: this.needsRecovery.has(instanceId),
        counters: { ...this.gcs.countersOf(instanceId) },
      };
    });
  }

  // ---- cache fusion --------------------------------------------------------------------------

  read(instanceId: string, blockId: BlockId): BlockOpHandle<ReadResult> {
    this.assertOperable(instanceId, blockId);
    return this.gcs.read(instanceId, blockId);
  }

  write(instanceId: string, blockId: BlockId, change: BlockChange): BlockOpHandle<WriteResult> {
    this.assertOperable(instanceId, blockId);
    const values = change?.values;
    if (typeof values !== 'object' || values === null || Array.isArray(values) || Object.values(values).some((value) => value !== null && !['string', 'number', 'boolean'].includes(typeof value))) {
      throw new DomainError('UNPROCESSABLE', 'A change needs `values`: an object of string, number, boolean or null fields.', {});
    }
    if (change.rowIndex !== undefined && (!Number.isSafeInteger(change.rowIndex) || change.rowIndex < 0)) {
      throw new DomainError('UNPROCESSABLE', `rowIndex must be a whole number >= 0, got ${change.rowIndex}.`, { rowIndex: change.rowIndex });
    }
    return this.gcs.write(instanceId, blockId, change);
  }

  /**
   * Writes dirty blocks back (of one instance or all running ones) and, with `invalidateClean`,
   * gives every clean cached block up to N through its master (done on the clock).
   * @throws DomainError UNPROCESSABLE when neither is asked, NOT_FOUND, CONFLICT when stopped or the instance is not running.
   */
  flush(instanceId?: string, options: FlushOptions | boolean = {}): FlushResult {
    // A boolean is the older form: write back, and invalidate when true.
    const { writeDirty = true, invalidateClean = false } = typeof options === 'boolean' ? { invalidateClean: options } : options;
    if (!writeDirty && !invalidateClean) throw new DomainError('UNPROCESSABLE', 'flushDirty and invalidateClean are both false; a flush must do one of them.', {});
    this.assertOpen();
    if (instanceId !== undefined) this.instanceOf(instanceId);
    const targets = instanceId === undefined ? this.runningInstances() : [instanceId];
    if (instanceId !== undefined && !this.isRunning(instanceId)) throw new DomainError('CONFLICT', `Instance ${instanceId} is ${this.instanceOf(instanceId).status}.`, { instanceId });
    const discardedBefore = this.gcs.counters.pastImagesDiscarded;
    let written = 0;
    let bytes = 0;
    let invalidated = 0;
    for (const target of targets) {
      const cache = this.gcs.cacheOf(target);
      if (writeDirty) {
        for (const [blockId, cached] of cache.entries()) {
          const size = imageBytes(cached.image, this.config.blockHeaderBytes);
          if (!this.gcs.writeBack(target, blockId)) continue;
          written += 1;
          bytes += size;
        }
      }
      if (!invalidateClean) continue;
      for (const [blockId, cached] of cache.entries()) {
        if (cached.dirty) continue;
        this.gcs.release(target, blockId);
        invalidated += 1;
      }
    }
    return { instances: targets, blocksWritten: written, bytesWritten: bytes, pastImagesDiscarded: this.gcs.counters.pastImagesDiscarded - discardedBefore, blocksInvalidated: invalidated, scn: this.storage.currentScn() };
  }

  transfers(limit = 100): TransferRecord[] {
    return this.gcs.recentTransfers(limit);
  }

  /** Where a block is: its master, the directory's holders, every cached copy's mode and the disk SCN. */
  blockStatus(blockId: BlockId): { blockId: BlockId; masterId: string | null; directory: Record<string, 'S' | 'X'>; cached: Record<string, string>; pastImages: string[]; diskScn: number; queueDepth: number; recovering: boolean } {
    this.gcs.assertBlock(blockId);
    const pastImages = this.instanceIds().filter((id) => this.gcs.cacheOf(id).pastImageOf(blockId) !== undefined);
    return {
      blockId,
      masterId: this.grd.peekMaster(blockId)?.masterId ?? null,
      directory: this.gcs.holdersOf(blockId),
      cached: this.gcs.cachedModes(blockId),
      pastImages,
      diskScn: this.storage.diskScn(blockId),
      queueDepth: this.gcs.queueDepthOf(blockId),
      recovering: this.gcs.recoveringBlocks().includes(blockId),
    };
  }

  // ---- GRD -----------------------------------------------------------------------------------

  /**
   * Remasters one resource or all: to `targetNode`, or back to hash placement. Resources with
   * requests in flight are skipped unless `force` (then they move once those finish).
   */
  remaster(request: RemasterRequest, reason = 'manual'): RemasterResult {
    this.assertOpen();
    if (this.gcs.isFrozen()) throw new DomainError('CONFLICT', 'The GRD is frozen by an instance recovery.', {});
    const target = request.targetNode;
    if (target !== undefined) {
      this.instanceOf(target);
      if (!this.isRunning(target)) throw new DomainError('CONFLICT', `Instance ${target} is ${this.instanceOf(target).status}; resources move only to a running instance.`, { targetNode: target });
    }
    let resources: string[];
    if (request.resourceId !== undefined) {
      if (this.grd.peekMaster(request.resourceId) === undefined && !this.storage.hasBlock(request.resourceId)) {
        throw new DomainError('NOT_FOUND', `Resource ${request.resourceId} is not in the GRD.`, { resourceId: request.resourceId });
      }
      resources = [request.resourceId];
    } else {
      resources = this.grd.masterList().map((master) => master.resourceId);
    }
    const result: RemasterResult = { scheduled: [], skipped: [], unchanged: 0, targetNode: target ?? null };
    const placement: Placement = target === undefined ? 'HASH' : 'MANUAL';
    for (const resourceId of resources) {
      const to = target ?? this.grd.hashMaster(resourceId);
      const isBlock = this.storage.hasBlock(resourceId);
      if (isBlock && !this.gcs.isIdle(resourceId) && request.force !== true) {
        result.skipped.push({ resourceId, reason: 'requests in flight (use force)' });
        continue;
      }
      if (!isBlock) {
        const from = this.grd.masterOf(resourceId);
        if (from === to) {
          result.unchanged += 1;
          continue;
        }
        this.grd.setMaster(resourceId, to, placement);
        this.grd.countRemaster(resourceId, 0, this.runtime.clock.now(), placement);
        this.publishRemaster(resourceId, from, to, 0, reason);
        result.scheduled.push(resourceId);
        continue;
      }
      if (this.gcs.requestRemaster(resourceId, to, placement, reason)) result.scheduled.push(resourceId);
      else result.unchanged += 1;
    }
    if (request.resourceId !== undefined && result.skipped.length > 0) {
      throw new DomainError('CONFLICT', `Resource ${request.resourceId} has requests in flight; pass force to move it once they finish.`, { resourceId: request.resourceId });
    }
    this.saveCluster();
    return result;
  }

  /** Puts every resource back at its hash placement: an even spread over the running instances. */
  rebalance(): RemasterResult {
    const result = this.remaster({ force: true }, 'rebalance');
    this.grd.counters.loadBalances += 1;
    this.saveCluster();
    return result;
  }

  // ---- GES -----------------------------------------------------------------------------------

  requestLock(instanceId: string, resourceId: string, mode: EnqueueMode): EnqueueLock {
    this.assertRunning(instanceId);
    const lock = this.ges.request(resourceId, instanceId, mode, this.runtime.clock.now());
    this.grd.masterOf(resourceId);
    return lock;
  }

  convertLock(lockId: string, mode: EnqueueMode): EnqueueLock {
    this.assertOpen();
    return this.ges.convert(lockId, mode, this.runtime.clock.now());
  }

  releaseLock(lockId: string): EnqueueLock {
    this.assertOpen();
    return this.ges.release(lockId, this.runtime.clock.now());
  }

  // ---- interconnect --------------------------------------------------------------------------

  interconnectStats(): ReturnType<Interconnect['pairCounters']> {
    return this.interconnect.pairCounters().sort((a, b) => naturalCompare(a.from, b.from) || naturalCompare(a.to, b.to));
  }

  /** One-way latency from row to column instance, smoothed; null where nothing was exchanged. */
  latencyMatrix(): { instanceIds: string[]; latencyMs: (number | null)[][] } {
    const ids = this.instanceIds();
    return { instanceIds: ids, latencyMs: ids.map((from) => ids.map((to) => (from === to ? null : this.interconnect.latencyMs(from, to)))) };
  }

  /** When `listener` last heard each other instance (absent: never since it joined). */
  heardBy(listener: string): Record<string, number> {
    return Object.fromEntries(this.instanceOf(listener).lastHeard);
  }

  /** The network's counters of the interconnect (drops at send and on the wire alike). */
  interconnectNetworkStats(): ReturnType<Interconnect['networkStats']> {
    return this.interconnect.networkStats();
  }

  /** When the database was last opened, on the cluster clock. */
  openedAt(): number {
    return this.openedAtMs;
  }

  interconnectStatus(): {
    members: string[];
    suspected: string[];
    evicted: string[];
    down: string[];
    splitBrainResolutions: number;
    lastSplitBrainAtMs: number | null;
    evictions: number;
    heartbeatFailures: number;
    unackedMessages: number;
    heartbeatIntervalMs: number;
    epoch: number;
  } {
    const ids = this.instanceIds();
    return {
      members: this.runningInstances(),
      suspected: ids.filter((id) => this.isSuspected(id)),
      evicted: ids.filter((id) => this.instanceOf(id).status === 'EVICTED'),
      down: ids.filter((id) => this.instanceOf(id).status === 'DOWN'),
      splitBrainResolutions: this.splitBrainResolutions,
      lastSplitBrainAtMs: this.lastSplitBrainAtMs,
      evictions: this.evictions,
      heartbeatFailures: this.heartbeatFailures,
      unackedMessages: this.interconnect.unackedCount(),
      heartbeatIntervalMs: this.config.heartbeatIntervalMs,
      epoch: this.gcs.epoch(),
    };
  }

  racConfig(): RacConfig {
    return { ...this.config };
  }

  // ---- recovery ------------------------------------------------------------------------------

  recoveryConfig(): RecoveryConfig {
    return { ...this.recoveryConfigValue };
  }

  setRecoveryConfig(patch: Partial<RecoveryConfig>): RecoveryConfig {
    const wasAuto = this.recoveryConfigValue.autoRecovery;
    this.recoveryConfigValue = applyRecoveryConfig(this.recoveryConfigValue, patch);
    this.deps.records?.recoveryConfigChanged(this.recoveryConfigValue);
    while (this.history.length > this.recoveryConfigValue.maxHistory) this.deps.records?.recoveryForgotten(this.history.shift()!.recoveryId);
    if (!wasAuto && this.recoveryConfigValue.autoRecovery && this.stateValue === 'OPEN') {
      // Turning auto recovery on recovers every instance that waited for it.
      for (const instanceId of this.pendingRecoveries()) {
        if (this.activeRecovery?.instanceIds.includes(instanceId) === true) continue;
        this.recoveryQueue.push({ instanceId, reason: this.instanceOf(instanceId).status === 'EVICTED' ? 'EVICTION' : 'CRASH' });
      }
      this.maybeStartRecovery();
    }
    return this.recoveryConfig();
  }

  activeRecoveryView(): InstanceRecovery | null {
    return this.activeRecovery === null ? null : copyRecovery(this.activeRecovery);
  }

  recoveryHistory(): InstanceRecovery[] {
    return this.history.map(copyRecovery).reverse();
  }

  /** Instances that failed and await recovery. */
  pendingRecoveries(): string[] {
    return [...this.needsRecovery].sort(naturalCompare);
  }

  /**
   * Starts a recovery of a dead or evicted instance by hand.
   * @throws DomainError NOT_FOUND, CONFLICT when it is running, a recovery of it runs, or no survivor can run it.
   */
  initiateRecovery(instanceId: string, recoveringInstanceId?: string): InstanceRecovery {
    const instance = this.instanceOf(instanceId);
    if (recoveringInstanceId !== undefined) {
      this.instanceOf(recoveringInstanceId);
      if (recoveringInstanceId === instanceId) throw new DomainError('UNPROCESSABLE', `${instanceId} cannot recover itself; name a surviving instance.`, { field: 'recoveringInstance', instanceId });
    }
    this.assertOpen();
    if (instance.status === 'RUNNING') throw new DomainError('CONFLICT', `Instance ${instanceId} is running and a member; only a dead or evicted instance is recovered.`, { instanceId, status: instance.status });
    if (this.activeRecovery !== null) {
      const covers = this.activeRecovery.instanceIds.includes(instanceId);
      throw new DomainError('CONFLICT', covers ? `A recovery of ${instanceId} is already running (${this.activeRecovery.recoveryId}).` : `Recovery ${this.activeRecovery.recoveryId} is running; try again when it completes.`, { instanceId, recoveryId: this.activeRecovery.recoveryId });
    }
    if (!this.needsRecovery.has(instanceId)) throw new DomainError('CONFLICT', `Instance ${instanceId} is already recovered; it rejoins when its node is back.`, { instanceId, status: instance.status });
    if (this.runningInstances().length === 0) throw new DomainError('CONFLICT', 'No surviving instance can run the recovery.', { instanceId });
    if (recoveringInstanceId !== undefined && !this.isRunning(recoveringInstanceId)) {
      throw new DomainError('CONFLICT', `Instance ${recoveringInstanceId} is ${this.instanceOf(recoveringInstanceId).status}; only a running instance can recover another.`, { recoveringInstance: recoveringInstanceId, status: this.instanceOf(recoveringInstanceId).status });
    }
    this.recoveryQueue = this.recoveryQueue.filter((entry) => entry.instanceId !== instanceId);
    this.recoveryQueue.unshift({ instanceId, reason: 'MANUAL', ...(recoveringInstanceId === undefined ? {} : { recoverer: recoveringInstanceId }) });
    this.maybeStartRecovery();
    return copyRecovery(this.activeRecovery!);
  }

  // ---- parallel query ------------------------------------------------------------------------

  parallelQueryConfig(): ParallelQueryConfig {
    return this.queries.parallelQueryConfig();
  }

  setParallelQueryConfig(patch: Partial<ParallelQueryConfig>): ParallelQueryConfig {
    return this.queries.setParallelQueryConfig(patch);
  }

  parallelQueryStats(): ReturnType<QueryCoordinator['parallelQueryStats']> {
    return this.queries.parallelQueryStats();
  }

  queryPlans(): ReturnType<QueryCoordinator['queryPlans']> {
    return this.queries.queryPlans();
  }

  /** The recent queries, running or ended, newest first. */
  queryRuns(): QueryRun[] {
    return this.queries.queryRuns();
  }

  /** One recent query. @throws DomainError NOT_FOUND. */
  queryRun(queryId: string): QueryRun {
    return this.queries.queryRun(queryId);
  }

  /** The columns of a table. @throws DomainError NOT_FOUND for an unknown table. */
  tableColumns(table: string): string[] {
    return [...this.columnsOf(table)];
  }

  activeQueryRuns(): QueryRun[] {
    return this.queries.activeQueryRuns();
  }

  /** Validates and plans a query without running it. */
  explain(query: ParallelQuery): QueryPlan {
    this.assertOpen();
    return this.queries.explain(query, this.columnsOf(query.table));
  }

  /** Runs a query: slaves read their granules through Cache Fusion in S mode; settles on the clock. */
  executeQuery(query: ParallelQuery): QueryHandle {
    return this.queries.executeQuery(query, this.explain(query));
  }

  /** The query evaluated serially over the last committed data (disk plus redo): the reference. */
  evaluateCommitted(query: ParallelQuery): QueryResult {
    validateQuery(query, this.columnsOf(query.table));
    const rows: Row[] = [];
    for (const blockId of this.storage.blocksOf(query.table)) rows.push(...this.storage.committedImage(blockId).rows);
    return evaluateSerially(query, rows);
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** Opens the database on every running instance (caches empty), applying any redo not yet on disk. */
  start(): { state: ClusterState; instances: string[] } {
    if (this.stateValue === 'OPEN') throw new DomainError('CONFLICT', 'The RAC cluster is already open.', {});
    this.stateValue = 'OPEN';
    const now = this.runtime.clock.now();
    this.openedAtMs = now;
    // A fresh open: counters and the transfer log start from zero.
    this.gcs.resetCounters();
    this.interconnect.resetCounters();
    this.heartbeatFailures = 0;
    this.needsRecovery.clear();
    this.recoveryQueue = [];
    for (const instance of this.instances.values()) {
      const crashed = this.runtime.faults.isCrashed(instance.id);
      this.setStatus(instance, crashed ? 'DOWN' : 'RUNNING', crashed ? 'crashed' : 'cluster started');
      instance.lastHeard.clear();
      instance.statusSinceMs = now;
    }
    this.crashRecoverStorage();
    this.grd.setRingMembers(this.runningInstances());
    this.heartbeatTimer ??= this.runtime.clock.every(this.config.heartbeatIntervalMs, () => this.heartbeatTick());
    this.saveCluster();
    return { state: this.stateValue, instances: this.runningInstances() };
  }

  /** Closes the database: dirty blocks are written back first, then caches and the directory are dropped. */
  stop(): { state: ClusterState; blocksWritten: number } {
    this.assertOpen();
    const written = this.checkpoint();
    this.cancelRecovery();
    this.gcs.reset('the cluster was stopped');
    this.stateValue = 'STOPPED';
    if (this.heartbeatTimer !== null) this.runtime.clock.cancel(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.saveCluster();
    return { state: this.stateValue, blocksWritten: written };
  }

  clusterStatistics(): {
    state: ClusterState;
    instances: number;
    running: number;
    scn: number;
    gcs: GcsCounters & { hitRate: number | null; averageTransferLatencyMs: number | null };
    grd: GrdCounters & { resources: number; averageRemasterLatencyMs: number | null; pendingRemasters: number };
    ges: GlobalEnqueueService['counters'] & { resources: number; locks: number };
    redoThreads: ReturnType<SharedStorage['threadViews']>;
    diskReads: number;
    diskWrites: number;
  } {
    const gcs = this.gcs.counters;
    const transfers = gcs.twoWayTransfers + gcs.threeWayTransfers;
    return {
      state: this.stateValue,
      instances: this.instances.size,
      running: this.runningInstances().length,
      scn: this.storage.currentScn(),
      gcs: { ...gcs, hitRate: hitRateOf(gcs), averageTransferLatencyMs: transfers === 0 ? null : gcs.totalTransferLatencyMs / transfers },
      grd: {
        ...this.grd.counters,
        resources: this.grd.masterList().length,
        averageRemasterLatencyMs: this.grd.counters.remasters === 0 ? null : this.grd.counters.totalRemasterLatencyMs / this.grd.counters.remasters,
        pendingRemasters: this.gcs.pendingRemasters(),
      },
      ges: { ...this.ges.counters, resources: this.ges.resourceCount(), locks: this.ges.list().length },
      redoThreads: this.storage.threadViews(),
      diskReads: this.storage.diskReads,
      diskWrites: this.storage.diskWrites,
    };
  }

  workloadTarget(): RacWorkloadTarget {
    return {
      runningInstances: () => this.runningInstances(),
      allInstances: () => this.instanceIds(),
      blocks: () => (this.stateValue === 'OPEN' ? this.storage.blockIds() : []),
      read: (instanceId, blockId) => this.gcs.read(instanceId, blockId),
      write: (instanceId, blockId, change) => this.gcs.write(instanceId, blockId, change),
    };
  }

  /**
   * Violations of the coherence invariants over the caches of running instances: at most one X
   * holder per block, S holders only while no X holder, and every current copy at the last
   * committed version. Empty when coherent.
   */
  coherenceProblems(): string[] {
    const problems: string[] = [];
    for (const blockId of this.storage.blockIds()) {
      let exclusive = 0;
      let shared = 0;
      for (const instanceId of this.runningInstances()) {
        const cached = this.gcs.cacheOf(instanceId).get(blockId);
        if (cached === undefined) continue;
        if (cached.mode === 'X') exclusive += 1;
        else shared += 1;
        const committed = this.storage.committedImage(blockId);
        if (cached.image.scn !== committed.scn) problems.push(`${instanceId} holds ${blockId} at SCN ${cached.image.scn}, the last committed change is SCN ${committed.scn}`);
      }
      if (exclusive > 1) problems.push(`${blockId} has ${exclusive} X holders`);
      if (exclusive > 0 && shared > 0) problems.push(`${blockId} has S holders while an X holder exists`);
    }
    return problems;
  }

  close(): void {
    if (this.heartbeatTimer !== null) this.runtime.clock.cancel(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.runtime.clock.cancel(this.checkpointTimer);
    if (this.recoveryTimer !== null) this.runtime.clock.cancel(this.recoveryTimer);
    this.recoveryTimer = null;
    this.stopFollowingFaults();
    this.interconnect.close();
    for (const instanceId of this.instanceIds()) this.interconnect.detach(instanceId);
  }

  // ---- internals -----------------------------------------------------------------------------

  private columnsOf(table: string): string[] {
    this.storage.blocksOf(table);
    return this.columns[table] ?? [];
  }

  private instanceOf(instanceId: string): InstanceState {
    const instance = this.instances.get(instanceId);
    if (instance === undefined) throw new DomainError('NOT_FOUND', `Instance ${instanceId} is not in the RAC cluster (${this.instanceIds().join(', ')}).`, { instanceId });
    return instance;
  }

  private assertOpen(): void {
    if (this.stateValue !== 'OPEN') throw new DomainError('CONFLICT', 'The RAC cluster is stopped; start it first.', {});
  }

  private assertRunning(instanceId: string): void {
    this.assertOpen();
    const instance = this.instanceOf(instanceId);
    if (instance.status !== 'RUNNING') throw new DomainError('CONFLICT', `Instance ${instanceId} is ${instance.status}.`, { instanceId, status: instance.status });
  }

  private assertOperable(instanceId: string, blockId: BlockId): void {
    this.assertRunning(instanceId);
    this.gcs.assertBlock(blockId);
  }

  private setStatus(instance: InstanceState, status: InstanceStatus, reason: string): void {
    instance.status = status;
    instance.statusSinceMs = this.runtime.clock.now();
    instance.statusReason = reason;
  }

  /** Applies every redo record newer than its block's disk version (all caches are empty). */
  private crashRecoverStorage(): void {
    for (const blockId of this.storage.blockIds()) {
      const image = this.storage.committedImage(blockId);
      this.storage.writeDisk(image);
    }
  }

  private saveCluster(): void {
    const stored: StoredRacCluster = {
      instanceIds: this.instanceIds(),
      config: this.config,
      tables: Object.fromEntries(this.storage.tableNames().map((table) => [table, [...this.storage.blocksOf(table)]])),
      columns: this.columns,
      open: this.stateValue === 'OPEN',
      nextRecoveryId: this.nextRecoveryId,
      nextQueryId: this.queries.nextQueryId,
      threadCounters: this.storage.threadCounters(),
      grdCounters: { ...this.grd.counters },
    };
    this.deps.records?.clusterChanged(stored);
  }

  private publishRemaster(resourceId: string, from: string, to: string, latencyMs: number, reason: string): void {
    this.deps.bus?.publish('resource_remastered', SOURCE, {
      resourceId,
      resourceType: resourceTypeOf(resourceId),
      nodeIds: [from, to],
      fromInstance: from,
      toInstance: to,
      reason: remasterReasonOf(reason),
      latencyMs,
    });
  }

  private publishLock(type: 'lock_granted' | 'lock_released' | 'lock_conversion', lock: EnqueueLock, change: Pick<EnqueueLockPayload, 'fromMode' | 'waitedMs' | 'reason'>): void {
    this.deps.bus?.publish(type, SOURCE, {
      lockId: lock.lockId,
      resourceId: lock.resourceId,
      resourceType: resourceTypeOf(lock.resourceId) === 'TM' ? 'TM' : 'TX',
      nodeId: lock.instanceId,
      mode: lock.mode,
      waiters: this.ges.queueOf(lock.resourceId).filter((queued) => queued.status !== 'GRANTED').length,
      ...change,
    });
  }

  private publishTransfer(transfer: TransferRecord): void {
    const last = this.lastTransferEvent.get(transfer.blockId);
    if (last !== undefined && transfer.atMs - last.atMs < this.config.transferEventIntervalMs) {
      last.suppressed += 1;
      return;
    }
    this.lastTransferEvent.set(transfer.blockId, { atMs: transfer.atMs, suppressed: 0 });
    this.deps.bus?.publish('cache_fusion_transfer', SOURCE, {
      ...transferFactsOf(transfer),
      nodeIds: [...new Set([transfer.from, transfer.to, transfer.master])],
      suppressed: last?.suppressed ?? 0,
    });
  }

  private followFaults(): void {
    if (this.stateValue !== 'OPEN') return;
    for (const instance of this.instances.values()) {
      if (instance.status === 'RUNNING' && this.runtime.faults.isCrashed(instance.id)) this.fail(instance, 'DOWN', 'CRASH', 'crashed');
    }
  }

  /** An instance left the membership: its cache is lost, its operations fail, recovery follows. */
  private fail(instance: InstanceState, status: 'DOWN' | 'EVICTED', reason: RecoveryReason, statusReason: string): void {
    this.setStatus(instance, status, statusReason);
    this.gcs.loseCache(instance.id, `instance ${instance.id} ${status === 'DOWN' ? 'crashed' : 'was evicted'}`);
    this.grd.forgetInstance(instance.id);
    this.grd.setRingMembers(this.runningInstances());
    this.needsRecovery.add(instance.id);
    const active = this.activeRecovery;
    if (active !== null && (active.phase === 'DETECTED' || active.phase === 'FREEZE')) {
      // Not remastered yet: this recovery takes it along.
      if (!active.instanceIds.includes(instance.id)) active.instanceIds.push(instance.id);
      return;
    }
    if (this.recoveryConfigValue.autoRecovery) {
      this.recoveryQueue.push({ instanceId: instance.id, reason });
      this.maybeStartRecovery();
    }
  }

  private isSuspected(instanceId: string): boolean {
    const instance = this.instanceOf(instanceId);
    if (instance.status !== 'RUNNING') return false;
    const windowMs = this.config.missedHeartbeatsToEvict * this.config.heartbeatIntervalMs;
    const now = this.runtime.clock.now();
    return this.runningInstances().some((other) => other !== instanceId && now - this.heardAt(other, instanceId) > windowMs);
  }

  /** When `listener` last heard from `speaker` (membership start counts as heard). */
  private heardAt(listener: string, speaker: string): number {
    const instance = this.instanceOf(listener);
    return instance.lastHeard.get(speaker) ?? instance.statusSinceMs;
  }

  private heartbeatTick(): void {
    if (this.stateValue !== 'OPEN') return;
    const now = this.runtime.clock.now();
    const members = this.runningInstances();
    for (const listener of members) {
      for (const speaker of members) if (speaker !== listener && now - this.heardAt(listener, speaker) > this.config.heartbeatIntervalMs) this.heartbeatFailures += 1;
    }
    const alive = this.instanceIds().filter((id) => !this.runtime.faults.isCrashed(id));
    for (const from of alive) for (const to of this.instanceIds()) if (from !== to) this.interconnect.sendHeartbeat(from, to);
    this.resolveMembership();
    this.admitRejoiners();
  }

  private connected(a: string, b: string): boolean {
    const windowMs = this.config.missedHeartbeatsToEvict * this.config.heartbeatIntervalMs;
    const now = this.runtime.clock.now();
    return now - this.heardAt(a, b) <= windowMs && now - this.heardAt(b, a) <= windowMs;
  }

  /** Split-brain: the members that no longer form one side with the survivors are evicted (see split-brain.ts). */
  private resolveMembership(): void {
    const members = this.runningInstances();
    const survivors = splitBrainSurvivors(members, (a, b) => this.connected(a, b), this.config.quorumPercentage);
    if (survivors === null) return;
    this.splitBrainResolutions += 1;
    this.lastSplitBrainAtMs = this.runtime.clock.now();
    for (const id of members) {
      if (survivors.has(id)) continue;
      this.evictions += 1;
      this.fail(this.instanceOf(id), 'EVICTED', 'EVICTION', 'evicted by split-brain resolution');
    }
  }

  /** A dead or evicted instance that is up again, recovered, and hears every member rejoins (cache empty). */
  private admitRejoiners(): void {
    const members = this.runningInstances();
    for (const instance of this.instances.values()) {
      if (instance.status === 'RUNNING' || this.runtime.faults.isCrashed(instance.id)) continue;
      const lastMember = members.length === 0;
      if (this.needsRecovery.has(instance.id) && !lastMember) continue;
      if (this.activeRecovery?.instanceIds.includes(instance.id) === true) continue;
      if (!members.every((member) => this.connected(member, instance.id))) continue;
      this.setStatus(instance, 'RUNNING', 'rejoined');
      instance.lastHeard.clear();
      for (const member of members) this.instanceOf(member).lastHeard.set(instance.id, this.runtime.clock.now());
      members.push(instance.id);
      this.grd.setRingMembers(this.runningInstances());
      // Consistent hashing: the resources that hash to the newcomer move to it, nothing else.
      for (const master of this.grd.masterList()) {
        if (master.placement !== 'HASH' || this.grd.hashMaster(master.resourceId) !== instance.id) continue;
        if (this.storage.hasBlock(master.resourceId)) this.gcs.requestRemaster(master.resourceId, instance.id, 'HASH', 'rejoin');
        else this.grd.setMaster(master.resourceId, instance.id, 'HASH');
      }
      if (lastMember && this.recoveryConfigValue.autoRecovery) {
        for (const id of this.needsRecovery) this.recoveryQueue.push({ instanceId: id, reason: 'CRASH' });
        this.maybeStartRecovery();
      }
    }
  }

  private maybeStartRecovery(): void {
    if (this.activeRecovery !== null || this.runningInstances().length === 0) return;
    const queued = this.recoveryQueue.filter((entry) => this.instanceOf(entry.instanceId).status !== 'RUNNING' || this.needsRecovery.has(entry.instanceId));
    this.recoveryQueue = [];
    if (queued.length === 0) return;
    const ids = [...new Set(queued.map((entry) => entry.instanceId))];
    const recovery = newRecovery(`recovery-${this.nextRecoveryId++}`, ids, queued[0]!.reason, this.runtime.clock.now());
    const asked = queued[0]!.recoverer;
    recovery.recoveringInstanceId = asked !== undefined && this.isRunning(asked) ? asked : (this.runningInstances()[0] ?? null);
    this.activeRecovery = recovery;
    this.saveCluster();
    this.deps.bus?.publish('instance_recovery_started', SOURCE, recoveryPayload(recovery, 'DETECTED', null));
    this.enterPhase('FREEZE');
  }

  private enterPhase(phase: RecoveryPhase): void {
    const recovery = this.activeRecovery!;
    const now = this.runtime.clock.now();
    advanceRecovery(recovery, phase, now);
    const step = this.recoveryConfigValue.phaseStepMs;
    const next = (to: RecoveryPhase, delayMs: number): void => {
      this.recoveryTimer = this.runtime.clock.after(delayMs, () => {
        this.recoveryTimer = null;
        this.enterPhase(to);
      });
    };
    switch (phase) {
      case 'FREEZE':
        recovery.requestsAborted += this.gcs.freeze();
        next('REMASTER', step);
        return;
      case 'REMASTER':
        this.remasterAndPlan(recovery);
        next('REDO_APPLY', Math.max(step, durationAtRate(recovery.resourcesRemastered, this.recoveryConfigValue.remasterResourcesPerSecond)));
        return;
      case 'REDO_APPLY': {
        this.gcs.thaw();
        let bytes = 0;
        for (const plan of this.recoveryPlan.values()) bytes += plan.bytes;
        for (const plan of this.recoveryPlan.values()) recovery.redoRecordsTotal += plan.records;
        recovery.redoBytesTotal = bytes;
        next('LOCK_CLEANUP', redoApplyMs(bytes, this.recoveryConfigValue.redoApplyBytesPerSecond));
        return;
      }
      case 'LOCK_CLEANUP': {
        for (const [blockId, plan] of this.recoveryPlan) {
          this.storage.writeDisk(plan.image);
          this.gcs.discardPastImages(blockId);
          recovery.blocksRecovered += 1;
          recovery.redoRecordsApplied += plan.records;
          recovery.redoBytesApplied += plan.bytes;
        }
        const recovered = [...this.recoveryPlan.keys()];
        this.recoveryPlan = new Map();
        for (const id of recovery.instanceIds) {
          recovery.locksReleased += this.ges.releaseInstance(id, now, `instance ${id} recovered`);
          this.needsRecovery.delete(id);
        }
        this.gcs.releaseRecovered(recovered);
        next('COMPLETED', step);
        return;
      }
      case 'COMPLETED': {
        this.activeRecovery = null;
        this.history.push(recovery);
        this.deps.records?.recoveryCompleted(recovery);
        while (this.history.length > this.recoveryConfigValue.maxHistory) this.deps.records?.recoveryForgotten(this.history.shift()!.recoveryId);
        this.deps.bus?.publish('instance_recovery_completed', SOURCE, recoveryPayload(recovery, 'COMPLETED', now));
        this.maybeStartRecovery();
        return;
      }
      case 'DETECTED':
        return;
    }
  }

  /**
   * REMASTER: masters on departed instances move to their hash placement over the survivors; the
   * survivors' lock state rebuilds the directory; then each block whose newest version is not in
   * a survivor's cache is planned for redo apply: from the newest of disk, past images and
   * surviving copies, plus the redo after it (of every thread, merged in SCN order).
   */
  private remasterAndPlan(recovery: InstanceRecovery): void {
    const running = new Set(this.runningInstances());
    this.grd.setRingMembers([...running]);
    for (const master of this.grd.masterList()) {
      if (running.has(master.masterId) || running.size === 0) continue;
      this.grd.setMaster(master.resourceId, this.grd.hashMaster(master.resourceId), 'HASH');
      this.grd.resetAccesses(master.resourceId);
      recovery.resourcesRemastered += 1;
    }
    this.gcs.rebuildDirectory();
    for (const blockId of this.storage.blockIds()) {
      let base: BlockImage = this.storage.peekDisk(blockId) as BlockImage;
      let newestLive = -1;
      let liveDirty = false;
      for (const id of running) {
        const cache = this.gcs.cacheOf(id);
        const pastImage = cache.pastImageOf(blockId);
        if (pastImage !== undefined && pastImage.scn > base.scn) base = pastImage;
        const cached = cache.get(blockId);
        if (cached === undefined) continue;
        if (cached.image.scn > base.scn) base = cached.image;
        if (cached.image.scn > newestLive) newestLive = cached.image.scn;
        liveDirty ||= cached.dirty;
      }
      // Every thread's redo after the base, not only the failed instances': a change by an instance
      // that failed earlier (its past image lost with it) may sit between the base and their redo.
      const redo = this.storage.allRedoOf(blockId, base.scn);
      if (redo.length === 0 && newestLive === base.scn) {
        // A survivor holds the newest version; if no one owns writing it back, do it now.
        if (!liveDirty && base.scn > this.storage.diskScn(blockId)) {
          this.storage.writeDisk(base);
          this.gcs.discardPastImages(blockId);
        }
        continue;
      }
      if (redo.length === 0 && base.scn === this.storage.diskScn(blockId) && newestLive < 0) continue;
      const image = copyImage(base);
      let bytes = 0;
      for (const record of redo) {
        applyRedo(image, record);
        bytes += record.bytes;
      }
      // Surviving copies older than the recovered version are stale: drop them.
      for (const id of running) {
        const cached = this.gcs.cacheOf(id).get(blockId);
        if (cached !== undefined && cached.image.scn < image.scn) this.gcs.cacheOf(id).drop(blockId);
      }
      this.recoveryPlan.set(blockId, { image, records: redo.length, bytes });
    }
    this.gcs.rebuildDirectory();
    this.gcs.holdForRecovery(this.recoveryPlan.keys());
  }

  private cancelRecovery(): void {
    if (this.recoveryTimer !== null) this.runtime.clock.cancel(this.recoveryTimer);
    this.recoveryTimer = null;
    this.activeRecovery = null;
    this.recoveryPlan = new Map();
    this.recoveryQueue = [];
  }
}

/** A recovery as its events show it: when it starts (DETECTED) and when it ends. */
function recoveryPayload(recovery: InstanceRecovery, phase: InstanceRecoveryPayload['phase'], completedAtMs: number | null): InstanceRecoveryPayload {
  return {
    recoveryId: recovery.recoveryId,
    nodeId: recovery.instanceId,
    nodeIds: [...new Set([...recovery.instanceIds, ...(recovery.recoveringInstanceId === null ? [] : [recovery.recoveringInstanceId])])],
    failedInstance: recovery.instanceId,
    recoveringInstance: recovery.recoveringInstanceId,
    trigger: recovery.reason,
    phase,
    startedAt: new Date(recovery.startedAtMs).toISOString(),
    completedAt: completedAtMs === null ? null : new Date(completedAtMs).toISOString(),
    durationMs: completedAtMs === null ? null : completedAtMs - recovery.startedAtMs,
    redoBytesApplied: recovery.redoBytesApplied,
    blocksRecovered: recovery.blocksRecovered,
    resourcesRemastered: recovery.resourcesRemastered,
    locksReleased: recovery.locksReleased,
  };
}
