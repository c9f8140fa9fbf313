/**
 * The replication engine hosted on the simulation runtime: one primary writes WAL, a WAL
 * sender per standby streams it over `runtime.network('replication')`, standbys write, flush and
 * replay it and report back. Commits wait by mode; slots and checkpoints govern retention;
 * failover promotes a standby onto a new timeline. Crashes and partitions come from the
 * runtime's FaultSet, as raft-group.ts follows them.
 */
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { SimNetwork, SimulationRuntime, TimerId } from '../runtime/index.js';
import { CommitHandle, CommitTracker, MAX_WAITING_COMMITS, type CommitCounters, type CommitWaitStats } from './commit-tracker.js';
import type { ReplicationEventMap } from './events.js';
import { LagSamples } from './lag-samples.js';
import { decodeChanges, type DecodedChange } from './logical-decoding.js';
import { formatLsn, segmentOf, WAL_START_LSN, type Lsn } from './lsn.js';
import type { ReplicationMessage, StandbyStatus, StatusReason, WalData } from './messages.js';
import { NodeStorage, type NodePositions, type PrepareMetadata, type StorageListener } from './node-storage.js';
import { deriveReplicaState, transitionReplica, type ReplicaState } from './replica-state.js';
import { applyConfigPatch, DEFAULT_REPLICATION_CONFIG, type ReplicationConfig, type ReplicationConfigPatch, type ReplicationMode } from './replication-config.js';
import type { ReplicationJournal, ReplicationRestore, StoredClusterState, TimelineHistoryEntry } from './replication-records.js';
import { channelViewOf, replicaViewOf, slotViewOf, syncStateOf, type ChannelView, type ReplicaView, type SlotView } from './replication-views.js';
import { checkpointKeepLsn, replicaSlotName, validateCreateSlot, type CreateSlotInput, type ReplicationSlot } from './slots.js';
import { WalArchive, type ArchivedSegment } from './wal-archive.js';
import type { RowValue, RowWrite, WalRecord } from './wal-record.js';
import { WalReceiver } from './wal-receiver.js';
import type { WorkloadTarget } from './workload.js';
import { SEND_WINDOW_BATCHES, WalSender } from './wal-sender.js';

/** Publishes replication events (the platform's EventBus satisfies it). */
export interface ReplicationEventPublisher {
  publish<K extends keyof ReplicationEventMap & string>(type: K, source: string, payload: ReplicationEventMap[K]): unknown;
}

export interface ReplicationClusterDeps {
  runtime: SimulationRuntime;
  bus?: ReplicationEventPublisher;
  /** Mirrors durable state into the platform's journal. */
  records?: ReplicationJournal;
  /** The node failover reachability is judged from. Default 'control-plane'. */
  controlPlaneId?: string;
}

export interface ReplicationBootstrap {
  /** The cluster's nodes; the first is the primary. */
  nodeIds: readonly string[];
  /** Nodes that start as replicas (default: every other node). */
  replicaIds?: readonly string[];
  config?: ReplicationConfigPatch;
}

export interface FailoverResult {
  previousPrimaryId: string;
  newPrimaryId: string;
  previousTimeline: number;
  timeline: number;
  switchLsn: Lsn;
  /** Bytes of WAL the old primary had past the switch LSN (lost to the new timeline). */
  lostBytes: number;
  /** Commits (WAL records) the old primary had past the switch LSN. */
  lostCommits: number;
  /** How many of those had been acknowledged in a synchronous mode (0 unless forced). */
  lostAcknowledgedSyncCommits: number;
  atMs: number;
}

export interface CheckpointResult {
  atMs: number;
  keepLsn: Lsn;
  removedRecords: number;
  removedBytes: number;
  invalidatedSlots: string[];
}

interface NodeState {
  readonly id: string;
  storage: NodeStorage;
  readonly receiver: WalReceiver;
  running: boolean;
}

interface Replica {
  readonly replicaId: string;
  state: ReplicaState;
  /** When it entered `state` (cluster ms), and why. */
  stateSinceMs: number;
  stateReason: string;
  /** When it last reported having flushed everything the primary had written; null if never. */
  caughtUpAtMs: number | null;
  addedAtMs: number;
  rejoining: boolean;
  copying: boolean;
  needsResync: boolean;
  sender: WalSender | null;
  lastPositionEventMs: number;
  lastPositionEventLsn: Lsn;
}

/** Largest page `consume` returns. */
export const MAX_CONSUME_RECORDS = 10_000;

/**
 * Where a node stands for writes: the physical group's PRIMARY, a STANDBY (hot standby: read
 * only), or STANDALONE (outside the physical group: never a replica, or removed from it).
 */
export type WriteRole = 'PRIMARY' | 'STANDBY' | 'STANDALONE';

/** Writes one record on a writable node's storage, with the time, timeline and xid the cluster gives it. */
type RecordWrite = (storage: NodeStorage, atMs: number, timeline: number, xid: number) => WalRecord;

export class ReplicationCluster {
  private config: ReplicationConfig;
  private checkpoints: { count: number; lastAtMs: number | null } = { count: 0, lastAtMs: null };
  private readonly nodes = new Map<string, NodeState>();
  private readonly replicas = new Map<string, Replica>();
  private readonly slots = new Map<string, ReplicationSlot>();
  private readonly history: TimelineHistoryEntry[] = [];
  private primaryId: string;
  private currentTimeline: number;
  private readonly commits: CommitTracker;
  private nextCommitId: number;
  /** Highest end LSN acknowledged in a synchronous mode on the current history. */
  private syncAckedLsn: Lsn;
  private readonly lagSamples = new LagSamples();
  private readonly archive: WalArchive;
  private readonly network: SimNetwork<ReplicationMessage>;
  private readonly controlPlaneId: string;
  private statusTimer: TimerId | null = null;
  private checkpointTimer: TimerId | null = null;
  private commitTimer: { id: TimerId; atMs: number } | null = null;
  private readonly stopFollowingFaults: () => void;
  private readonly storageListener: StorageListener | undefined;
  private closed = false;

  /** A new cluster: the first node is primary, the others (or `replicaIds`) become replicas by base backup. */
  static bootstrap(deps: ReplicationClusterDeps, bootstrap: ReplicationBootstrap): ReplicationCluster {
    const nodeIds = [...bootstrap.nodeIds];
    if (nodeIds.length === 0 || new Set(nodeIds).size !== nodeIds.length) throw new DomainError('UNPROCESSABLE', 'Replication needs at least one node, each named once.');
    const config = applyConfigPatch(DEFAULT_REPLICATION_CONFIG, bootstrap.config ?? {});
    const cluster = new ReplicationCluster(deps, config, {
      primaryId: nodeIds[0] as string,
      timeline: 1,
      nodeIds,
      replicas: [],
      counters: { total: 0, acknowledged: 0, waiting: 0, timedOut: 0 },
      nextCommitId: 1,
      syncAckedLsn: WAL_START_LSN,
      archive: { nextSegment: config.archiveMode ? segmentOf(WAL_START_LSN, config.walSegmentBytes) : null, archivedSegments: 0 },
    }, null);
    deps.records?.configChanged(config);
    for (const replicaId of bootstrap.replicaIds ?? nodeIds.slice(1)) cluster.addReplica(replicaId);
    cluster.persistCluster();
    return cluster;
  }

  /** The cluster as the store left it (see loadReplicationState). */
  static restore(deps: ReplicationClusterDeps, restored: ReplicationRestore): ReplicationCluster {
    return new ReplicationCluster(deps, restored.config, restored.cluster, restored);
  }

  private constructor(
    private readonly deps: ReplicationClusterDeps,
    config: ReplicationConfig,
    state: StoredClusterState,
    restored: ReplicationRestore | null,
  ) {
    this.config = config;
    this.controlPlaneId = deps.controlPlaneId ?? 'control-plane';
    this.storageListener = deps.records;
    this.primaryId = state.primaryId;
    this.currentTimeline = state.timeline;
    this.commits = new CommitTracker(state.counters);
    this.nextCommitId = state.nextCommitId;
    this.syncAckedLsn = state.syncAckedLsn;
    this.archive = new WalArchive(state.archive);
    this.network = deps.runtime.network<ReplicationMessage>('replication');
    for (const nodeId of state.nodeIds) {
      const saved = restored?.nodes[nodeId];
      const storage = saved === undefined
        ? new NodeStorage(nodeId, { lsn: WAL_START_LSN, timeline: 1 }, this.storageListener)
        : NodeStorage.restore(nodeId, saved, this.storageListener);
      this.attachNode(nodeId, storage);
    }
    for (const entry of restored?.history ?? []) this.history.push(entry);
    for (const slot of restored?.slots ?? []) this.slots.set(slot.slotName, { ...slot });
    for (const stored of state.replicas) {
      this.replicas.set(stored.replicaId, {
        replicaId: stored.replicaId,
        state: 'STARTING',
        stateSinceMs: deps.runtime.clock.now(),
        stateReason: 'server start',
        caughtUpAtMs: null,
        addedAtMs: stored.addedAtMs,
        rejoining: stored.rejoining,
        copying: stored.copying,
        needsResync: stored.needsResync,
        sender: null,
        lastPositionEventMs: Number.NEGATIVE_INFINITY,
        lastPositionEventLsn: -1,
      });
      const node = this.nodes.get(stored.replicaId);
      if (node !== undefined) node.receiver.replayPaused = stored.replayPaused;
    }
    // Whatever ran before a server restart: nodes that run now connect as after a restart.
    for (const node of this.nodes.values()) node.running = !deps.runtime.faults.isCrashed(node.id);
    for (const replica of this.replicas.values()) {
      replica.state = deriveReplicaState(this.factsOf(replica));
      if (this.nodeOf(replica.replicaId).running) this.connectStandby(replica, 'server start');
    }
    this.stopFollowingFaults = deps.runtime.faults.onChange(() => this.followFaults());
    this.armTimers();
  }

  // ================================================================ reading

  getConfig(): ReplicationConfig {
    return { ...this.config, standbyNodes: [...this.config.standbyNodes] };
  }

  primary(): string {
    return this.primaryId;
  }

  timeline(): number {
    return this.currentTimeline;
  }

  timelineHistory(): TimelineHistoryEntry[] {
    return this.history.map((entry) => ({ ...entry }));
  }

  nodeIds(): string[] {
    return [...this.nodes.keys()];
  }

  /** A node's storage (tables, WAL, positions), for reading. */
  storageOf(nodeId: string): NodeStorage {
    return this.nodeOf(nodeId).storage;
  }

  /** The primary's current LSN (end of its WAL). */
  currentLsn(): Lsn {
    return this.primaryStorage().positions().writeLsn;
  }

  isRunning(nodeId: string): boolean {
    return this.nodeOf(nodeId).running;
  }

  /** Whether the primary runs and can take writes. */
  writable(): boolean {
    return this.nodeOf(this.primaryId).running;
  }

  commitCounters(): CommitCounters {
    return { ...this.commits.counters };
  }

  /** How long acknowledged commits of a synchronous mode waited for their standbys (recent ones). */
  commitWaits(): CommitWaitStats {
    return this.commits.waitStats();
  }

  /** Checkpoints run since the engine started, and the last one's time. */
  checkpointStats(): { count: number; lastAtMs: number | null } {
    return { ...this.checkpoints };
  }

  /** Highest end LSN acknowledged by a synchronous-mode commit on the current history. */
  syncAcknowledgedLsn(): Lsn {
    return this.syncAckedLsn;
  }

  listReplicas(): ReplicaView[] {
    return [...this.replicas.values()].sort((a, b) => naturalCompare(a.replicaId, b.replicaId)).map((replica) => this.viewOf(replica));
  }

  /** The running WAL senders, one per streaming standby, with what each has carried. */
  listChannels(): ChannelView[] {
    const channels: ChannelView[] = [];
    for (const replica of [...this.replicas.values()].sort((a, b) => naturalCompare(a.replicaId, b.replicaId))) {
      if (replica.sender !== null) channels.push(channelViewOf(replica.replicaId, replica.state, replica.sender));
    }
    return channels;
  }

  /** @throws DomainError NOT_FOUND. */
  getReplica(replicaId: string): ReplicaView {
    return this.viewOf(this.replicaOf(replicaId));
  }

  listSlots(): SlotView[] {
    return [...this.slots.values()].sort((a, b) => (a.slotName < b.slotName ? -1 : 1)).map((slot) => this.slotView(slot));
  }

  /** @throws DomainError NOT_FOUND. */
  getSlot(slotName: string): SlotView {
    return this.slotView(this.slotOf(slotName));
  }

  archivedSegments(): readonly ArchivedSegment[] {
    return this.archive.archivedSegments();
  }

  // ================================================================ configuration

  /** Applies a validated patch; nothing changes on error. Timers follow the new intervals. */
  configure(patch: ReplicationConfigPatch): ReplicationConfig {
    const before = this.config;
    const next = applyConfigPatch(before, patch);
    this.config = next;
    this.deps.records?.configChanged(next);
    if (next.archiveMode && !before.archiveMode) this.archive.startAt(this.primaryStorage().positions().walStartLsn, next.walSegmentBytes);
    if (!next.archiveMode) this.archive.stop();
    if (next.statusIntervalMs !== before.statusIntervalMs || next.checkpointIntervalMs !== before.checkpointIntervalMs) this.armTimers();
    this.assignSenders();
    this.settleCommits();
    this.refreshAll('configuration changed');
    this.persistCluster();
    return this.getConfig();
  }

  // ================================================================ writes

  /**
   * A transaction on the primary: WAL-logged, flushed and applied there at once; the handle
   * settles by the mode in force (ASYNCHRONOUS at once).
   * @throws DomainError CONFLICT when the primary is down; UNPROCESSABLE / NOT_FOUND for bad writes.
   */
  commit(writes: readonly RowWrite[]): CommitHandle {
    return this.logOnPrimary((storage, atMs, timeline, xid) => storage.commitLocal(writes, atMs, timeline, xid)).handle;
  }

  /** Logs one record on the primary; the handle settles by the mode in force. */
  private logOnPrimary(write: RecordWrite): { record: WalRecord; handle: CommitHandle } {
    const primary = this.nodeOf(this.primaryId);
    if (!primary.running) throw new DomainError('CONFLICT', `The primary ${this.primaryId} is down: fail over to a standby first.`, { primaryId: this.primaryId });
    if (this.commits.waitingCount() >= MAX_WAITING_COMMITS) throw new DomainError('CONFLICT', 'Too many commits are waiting for standbys.', { waiting: this.commits.waitingCount() });
    const nowMs = this.now();
    const record = write(primary.storage, nowMs, this.currentTimeline, this.nextCommitId);
    this.lagSamples.record(record.endLsn, nowMs);
    const mode = this.config.mode;
    const handle = new CommitHandle(this.nextCommitId++, record.lsn, record.endLsn, mode, nowMs, nowMs + this.config.replicationTimeoutSecs * 1000);
    this.commits.add(handle, nowMs);
    this.archive.archiveCompleted(primary.storage, this.currentTimeline, this.config, nowMs);
    this.settleCommits();
    this.armCommitTimer();
    for (const replica of this.replicas.values()) this.pump(replica);
    this.persistCluster();
    return { record, handle };
  }

  // ================================================================ writes on any writable node (distributed transactions)

  /** @throws DomainError NOT_FOUND for a node replication does not know. */
  writeRoleOf(nodeId: string): WriteRole {
    this.nodeOf(nodeId);
    if (nodeId === this.primaryId) return 'PRIMARY';
    return this.replicas.has(nodeId) ? 'STANDBY' : 'STANDALONE';
  }

  /**
   * The node that takes `nodeId`'s writes now: `nodeId` itself when it is the primary or stands
   * alone; the primary when it is a standby. A participant named by a member of the physical group
   * is the group's writable role, which a failover moves (as Patroni moves its leader), not a node.
   */
  writerOf(nodeId: string): string {
    return this.writeRoleOf(nodeId) === 'STANDBY' ? this.primaryId : nodeId;
  }

  /**
   * Why `nodeId` cannot take a write now, or null when it can: a standby is in recovery (a hot
   * standby), a crashed node is down.
   */
  whyNotWritable(nodeId: string): string | null {
    const role = this.writeRoleOf(nodeId);
    if (role === 'STANDBY') return `${nodeId} is a hot standby (in recovery): it cannot take writes or execute PREPARE TRANSACTION; remove it from the replicas or use the primary ${this.primaryId}`;
    if (!this.nodeOf(nodeId).running) return `${nodeId} is down`;
    return null;
  }

  /**
   * A transaction on a writable node (the primary, through {@link commit}'s path, or a standalone
   * node). `owner` is the distributed transaction committing in one phase.
   * @throws DomainError CONFLICT (standby, down, locked row), UNPROCESSABLE / NOT_FOUND (bad writes).
   */
  commitOn(nodeId: string, writes: readonly RowWrite[], owner?: string): WalRecord {
    return this.logOn(nodeId, (storage, atMs, timeline, xid) => storage.commitLocal(writes, atMs, timeline, xid, owner));
  }

  /**
   * A transaction a logical subscription applies on a writable node: logged with its replication
   * origin and the origin's commit LSN (so decoding can filter it, as `origin = none` asks).
   * @throws as {@link commitOn}.
   */
  commitWithOrigin(nodeId: string, writes: readonly RowWrite[], origin: { origin: string; originLsn: Lsn }): WalRecord {
    return this.logOn(nodeId, (storage, atMs, timeline, xid) => storage.commitLocal(writes, atMs, timeline, xid, undefined, origin));
  }

  /** PREPARE TRANSACTION `gid` on a writable node. @throws as {@link commitOn}, and CONFLICT for a gid in use. */
  prepareOn(nodeId: string, gid: string, writes: readonly RowWrite[], metadata: PrepareMetadata): WalRecord {
    return this.logOn(nodeId, (storage, atMs, timeline, xid) => storage.prepareLocal(gid, writes, metadata, atMs, timeline, xid));
  }

  /** COMMIT PREPARED or ROLLBACK PREPARED `gid` on a writable node. @throws CONFLICT (standby, down), NOT_FOUND (not prepared). */
  finishPreparedOn(nodeId: string, gid: string, outcome: 'COMMIT' | 'ROLLBACK', heuristic = false): WalRecord {
    return this.logOn(nodeId, (storage, atMs, timeline, xid) => storage.finishPreparedLocal(gid, outcome, heuristic, atMs, timeline, xid));
  }

  /** Forgets a heuristic outcome on a writable node. @throws CONFLICT (standby, down), NOT_FOUND. */
  forgetHeuristicOn(nodeId: string, gid: string): WalRecord {
    return this.logOn(nodeId, (storage, atMs, timeline, xid) => storage.forgetHeuristicLocal(gid, atMs, timeline, xid));
  }

  private logOn(nodeId: string, write: RecordWrite): WalRecord {
    const problem = this.whyNotWritable(nodeId);
    if (problem !== null) throw new DomainError('CONFLICT', `Cannot write on ${nodeId}: ${problem}.`, { nodeId, role: this.writeRoleOf(nodeId) });
    if (nodeId === this.primaryId) return this.logOnPrimary(write).record;
    const storage = this.nodeOf(nodeId).storage;
    // A node that left the physical group ends its recovery on its first write, as pg_promote does.
    storage.flush();
    storage.replay();
    const record = write(storage, this.now(), storage.positions().timeline, this.nextCommitId);
    this.nextCommitId += 1;
    this.persistCluster();
    return record;
  }

  /** What a {@link Workload} writes through: this cluster's primary. */
  workloadTarget(): WorkloadTarget {
    return {
      writable: () => this.writable(),
      hasRow: (table, key) => this.primaryStorage().getRow(table, key) !== undefined,
      isLocked: (table, key) => this.primaryStorage().lockOwner(table, key) !== undefined,
      commit: (writes) => {
        const handle = this.commit(writes);
        return { lsn: handle.lsn, endLsn: handle.endLsn };
      },
    };
  }

  /** One row: insert or update. */
  put(table: string, key: string, row: RowValue): CommitHandle {
    return this.commit([{ op: 'put', table, key, row }]);
  }

  delete(table: string, key: string): CommitHandle {
    return this.commit([{ op: 'delete', table, key }]);
  }

  // ================================================================ replicas

  /**
   * Makes a node a replica: a base backup of the primary's tables at the current LSN (taking
   * sizeBytes / baseBackupBytesPerSecond of cluster time), then streaming from that LSN.
   * @throws DomainError CONFLICT for the primary or an existing replica; UNPROCESSABLE for a bad id.
   */
  addReplica(nodeId: string): ReplicaView {
    if (typeof nodeId !== 'string' || nodeId.length === 0 || nodeId.length > 128) throw new DomainError('UNPROCESSABLE', 'A replica needs a node id.');
    if (nodeId === this.primaryId) throw new DomainError('CONFLICT', `${nodeId} is the primary.`, { nodeId });
    if (this.replicas.has(nodeId)) throw new DomainError('CONFLICT', `${nodeId} is already a replica.`, { nodeId });
    const held = this.nodes.get(nodeId)?.storage.twoPhaseCount() ?? 0;
    if (held > 0) {
      // A base backup would replace its two-phase state with the primary's: its own prepared transactions would be lost.
      throw new DomainError('CONFLICT', `${nodeId} holds ${held} prepared transaction(s) or heuristic outcome(s) of its own: resolve them before it becomes a replica.`, { nodeId, prepared: held });
    }
    if (!this.nodes.has(nodeId)) {
      this.attachNode(nodeId, new NodeStorage(nodeId, { lsn: WAL_START_LSN, timeline: this.currentTimeline }, this.storageListener));
      this.nodeOf(nodeId).running = !this.deps.runtime.faults.isCrashed(nodeId);
    }
    const replica: Replica = {
      replicaId: nodeId,
      state: 'STARTING',
      stateSinceMs: this.now(),
      stateReason: 'replica added: base backup',
      caughtUpAtMs: null,
      addedAtMs: this.now(),
      rejoining: false,
      copying: true,
      needsResync: false,
      sender: null,
      lastPositionEventMs: Number.NEGATIVE_INFINITY,
      lastPositionEventLsn: -1,
    };
    this.replicas.set(nodeId, replica);
    this.publishStatus(replica, null, 'STARTING', 'replica added: base backup');
    if (this.nodeOf(nodeId).running) this.startBaseBackup(replica);
    this.persistCluster();
    return this.viewOf(replica);
  }

  /** Stops a replica's stream and drops its physical slot. @throws DomainError NOT_FOUND. */
  removeReplica(replicaId: string): ReplicaView {
    const replica = this.replicaOf(replicaId);
    const node = this.nodeOf(replicaId);
    this.stopSender(replica);
    this.cancelNodeTimers(node);
    node.receiver.backup = null;
    if (node.receiver.state === 'STREAMING' || node.receiver.state === 'COPYING') node.receiver.become('IDLE');
    const view = this.viewOf(replica);
    this.moveTo(replica, 'REMOVED', 'replica removed');
    this.replicas.delete(replicaId);
    this.dropSlotInternal(replicaSlotName(replicaId), 'replica removed');
    this.assignSenders();
    this.settleCommits();
    this.persistCluster();
    return { ...view, state: 'REMOVED' };
  }

  /** Pauses replay (pg_wal_replay_pause): WAL is still received and flushed. @throws NOT_FOUND, CONFLICT. */
  pauseReplica(replicaId: string): ReplicaView {
    const replica = this.replicaOf(replicaId);
    const node = this.nodeOf(replicaId);
    if (node.receiver.replayPaused) throw new DomainError('CONFLICT', `Replay on ${replicaId} is already paused.`, { replicaId });
    if (replica.rejoining || replica.needsResync) throw new DomainError('CONFLICT', `${replicaId} is ${replica.state}: nothing to pause.`, { replicaId, state: replica.state });
    node.receiver.replayPaused = true;
    this.refresh(replica, 'replay paused');
    this.persistCluster();
    return this.viewOf(replica);
  }

  /** Resumes replay; the backlog is applied at once. @throws NOT_FOUND, CONFLICT. */
  resumeReplica(replicaId: string): ReplicaView {
    const replica = this.replicaOf(replicaId);
    const node = this.nodeOf(replicaId);
    if (!node.receiver.replayPaused) throw new DomainError('CONFLICT', `Replay on ${replicaId} is not paused.`, { replicaId });
    node.receiver.replayPaused = false;
    if (node.running && node.receiver.state === 'STREAMING') {
      node.storage.replay();
      this.sendStatus(node, 'flush');
    }
    this.refresh(replica, 'replay resumed');
    this.persistCluster();
    return this.viewOf(replica);
  }

  /** Re-copies a replica whose WAL is gone (NEEDS_RESYNC). @throws NOT_FOUND, CONFLICT. */
  resyncReplica(replicaId: string): ReplicaView {
    const replica = this.replicaOf(replicaId);
    if (!replica.needsResync) throw new DomainError('CONFLICT', `${replicaId} is ${replica.state}, not NEEDS_RESYNC.`, { replicaId, state: replica.state });
    replica.needsResync = false;
    replica.copying = true;
    this.refresh(replica, 'resync: new base backup');
    if (this.nodeOf(replicaId).running) this.startBaseBackup(replica);
    this.persistCluster();
    return this.viewOf(replica);
  }

  // ================================================================ failover

  /**
   * Promotes the most caught-up running, reachable standby on the current timeline (highest
   * flushLsn, then lowest node id), or `targetReplicaId`. Refuses (CONFLICT) a promotion that would
   * lose a commit acknowledged in a synchronous mode, unless `force`.
   */
  failover(options: { targetReplicaId?: string; force?: boolean; reason?: string } = {}): FailoverResult {
    const candidates = [...this.replicas.values()].filter((replica) => this.promotable(replica) === null);
    let chosen: Replica | undefined;
    if (options.targetReplicaId !== undefined) {
      const target = this.replicaOf(options.targetReplicaId);
      const problem = this.promotable(target);
      if (problem !== null) throw new DomainError('CONFLICT', `${target.replicaId} cannot be promoted: ${problem}.`, { replicaId: target.replicaId, state: target.state });
      chosen = target;
    } else {
      chosen = candidates.sort((a, b) => this.flushOf(b) - this.flushOf(a) || naturalCompare(a.replicaId, b.replicaId))[0];
      if (chosen === undefined) throw new DomainError('CONFLICT', 'No standby can be promoted: none is running, reachable and on the current timeline.', { candidates: 0 });
    }
    const newNode = this.nodeOf(chosen.replicaId);
    const flushLsn = newNode.storage.positions().flushLsn;
    if (flushLsn < this.syncAckedLsn && options.force !== true) {
      throw new DomainError('CONFLICT', `Promoting ${chosen.replicaId} would lose commits acknowledged synchronously (it flushed ${formatLsn(flushLsn)}, acknowledged up to ${formatLsn(this.syncAckedLsn)}); pass force to accept the loss.`, {
        replicaId: chosen.replicaId,
        flushLsn: formatLsn(flushLsn),
        acknowledgedLsn: formatLsn(this.syncAckedLsn),
      });
    }
    const nowMs = this.now();
    const previousPrimaryId = this.primaryId;
    const previousTimeline = this.currentTimeline;
    const oldNode = this.nodeOf(previousPrimaryId);

    // The new primary: drop what it had not flushed, replay everything flushed (even if paused).
    this.cancelNodeTimers(newNode);
    newNode.storage.crash();
    newNode.storage.replay();
    const switchLsn = newNode.storage.positions().flushLsn;
    const timeline = previousTimeline + 1;
    newNode.storage.rewindTo(switchLsn, timeline);
    newNode.receiver.replayPaused = false;
    if (newNode.receiver.state !== 'IDLE') newNode.receiver.become('IDLE');

    // What the old primary had that the new one lacks.
    const oldPositions = oldNode.storage.positions();
    const tail = oldNode.storage.readWal(switchLsn);
    const lostRecords = tail.gone ? [] : tail.records;
    const lostBytes = Math.max(0, oldPositions.writeLsn - switchLsn);
    const lostAcknowledgedSyncCommits = this.syncAckedLsn > switchLsn ? lostRecords.filter((record) => record.endLsn <= this.syncAckedLsn).length : 0;

    // Waiting commits end: the old primary's confirmations no longer mean anything.
    this.commits.timeOut(nowMs, 'failover ended the wait', true);
    this.syncAckedLsn = Math.min(this.syncAckedLsn, switchLsn);
    for (const replica of this.replicas.values()) this.stopSender(replica);
    this.lagSamples.clear();

    const entry: TimelineHistoryEntry = { timeline: previousTimeline, switchLsn, previousPrimaryId, newPrimaryId: chosen.replicaId, atMs: nowMs, reason: options.reason ?? 'failover' };
    this.history.push(entry);
    this.deps.records?.timelineSwitched(entry);
    this.currentTimeline = timeline;
    this.primaryId = chosen.replicaId;

    this.moveTo(chosen, 'PROMOTED', `promoted to primary on timeline ${timeline}`);
    this.replicas.delete(chosen.replicaId);
    this.dropSlotInternal(replicaSlotName(chosen.replicaId), 'replica promoted');
    for (const slot of this.slots.values()) {
      if (!this.onPrimary(slot)) continue;
      // Slots follow the new primary (as failover slots do); nothing past the switch exists there.
      slot.restartLsn = Math.min(slot.restartLsn, switchLsn);
      if (slot.confirmedFlushLsn !== null) slot.confirmedFlushLsn = Math.min(slot.confirmedFlushLsn, switchLsn);
      this.deps.records?.slotChanged(slot);
    }
    if (this.config.archiveMode) this.archive.startAt(switchLsn, this.config.walSegmentBytes);

    // The old primary rejoins as a standby: at once if it runs, else when it restarts.
    const demoted: Replica = {
      replicaId: previousPrimaryId,
      state: 'REJOINING',
      stateSinceMs: nowMs,
      stateReason: `demoted: ${chosen.replicaId} promoted`,
      caughtUpAtMs: null,
      addedAtMs: nowMs,
      rejoining: true,
      copying: false,
      needsResync: false,
      sender: null,
      lastPositionEventMs: Number.NEGATIVE_INFINITY,
      lastPositionEventLsn: -1,
    };
    this.replicas.set(previousPrimaryId, demoted);
    this.publishStatus(demoted, null, 'REJOINING', `demoted: ${chosen.replicaId} promoted on timeline ${timeline}`);
    for (const replica of this.replicas.values()) {
      if (this.nodeOf(replica.replicaId).running) this.connectStandby(replica, `following ${chosen.replicaId} on timeline ${timeline}`);
      else this.refresh(replica, `primary changed to ${chosen.replicaId}`);
    }
    this.assignSenders();
    this.persistCluster();
    return {
      previousPrimaryId,
      newPrimaryId: chosen.replicaId,
      previousTimeline,
      timeline,
      switchLsn,
      lostBytes,
      lostCommits: lostRecords.length,
      lostAcknowledgedSyncCommits,
      atMs: nowMs,
    };
  }

  /** Why a replica cannot be promoted now, or null when it can. */
  private promotable(replica: Replica): string | null {
    const node = this.nodeOf(replica.replicaId);
    if (replica.rejoining || replica.copying || replica.needsResync) return `it is ${replica.state}`;
    if (!node.running) return 'it is down';
    if (!this.deps.runtime.faults.canReach(this.controlPlaneId, replica.replicaId)) return 'it is unreachable';
    if (node.storage.positions().timeline !== this.currentTimeline) return `it is on timeline ${node.storage.positions().timeline}, not ${this.currentTimeline}`;
    return null;
  }

  private flushOf(replica: Replica): Lsn {
    return this.nodeOf(replica.replicaId).storage.positions().flushLsn;
  }

  // ================================================================ slots

  /**
   * `nodeId` places a logical slot on a standalone node (its own WAL); by default a slot is the
   * physical group's, on the primary.
   * @throws DomainError UNPROCESSABLE (bad input), CONFLICT (name taken, a standby), NOT_FOUND (unknown node).
   */
  createSlot(input: CreateSlotInput, options: { nodeId?: string } = {}): SlotView {
    const valid = validateCreateSlot(input);
    if (this.slots.has(valid.slotName)) throw new DomainError('CONFLICT', `Replication slot ${valid.slotName} already exists.`, { slotName: valid.slotName });
    const nodeId = options.nodeId === undefined || this.writeRoleOf(options.nodeId) === 'PRIMARY' ? null : options.nodeId;
    if (nodeId !== null && this.writeRoleOf(nodeId) === 'STANDBY') throw new DomainError('CONFLICT', `${nodeId} is a standby: its slots are the primary's.`, { nodeId });
    const currentLsn = nodeId === null ? this.currentLsn() : this.nodeOf(nodeId).storage.positions().writeLsn;
    const slot: ReplicationSlot = {
      ...valid,
      ...(nodeId === null ? {} : { nodeId }),
      restartLsn: currentLsn,
      confirmedFlushLsn: valid.slotType === 'LOGICAL' ? currentLsn : null,
      replicaId: null,
      invalidationReason: null,
      createdAtMs: this.now(),
      lastConsumedAtMs: null,
    };
    this.putSlot(slot, 'created by operator');
    return this.slotView(slot);
  }

  /**
   * `consumerStopped`: the slot's own consumer drops it as it stops (DROP SUBSCRIPTION), so its
   * being active is no reason to refuse.
   * @throws DomainError NOT_FOUND; CONFLICT for a replica's own slot or an active slot.
   */
  dropSlot(slotName: string, options: { consumerStopped?: boolean } = {}): SlotView {
    const slot = this.slotOf(slotName);
    if (slot.replicaId !== null && this.replicas.has(slot.replicaId)) {
      throw new DomainError('CONFLICT', `${slotName} is the slot of replica ${slot.replicaId}: remove the replica instead.`, { slotName, replicaId: slot.replicaId });
    }
    const view = this.slotView(slot);
    if (view.active && options.consumerStopped !== true) throw new DomainError('CONFLICT', `Replication slot ${slotName} is active.`, { slotName });
    this.dropSlotInternal(slotName, 'dropped by operator');
    return view;
  }

  /**
   * Decodes up to `maxRecords` transactions past a logical slot's confirmedFlushLsn and confirms
   * them (the consumer's acknowledgement), advancing restartLsn with it.
   * @throws NOT_FOUND, UNPROCESSABLE (physical slot, bad count), CONFLICT (slot lost).
   */
  consume(slotName: string, maxRecords: number): DecodedChange[] {
    const slot = this.slotOf(slotName);
    if (slot.slotType !== 'LOGICAL') throw new DomainError('UNPROCESSABLE', `${slotName} is a physical slot: only logical slots decode changes.`, { slotName });
    if (!Number.isSafeInteger(maxRecords) || maxRecords < 1 || maxRecords > MAX_CONSUME_RECORDS) {
      throw new DomainError('UNPROCESSABLE', `maxRecords must be between 1 and ${MAX_CONSUME_RECORDS}.`, { maxRecords });
    }
    this.assertUsable(slot);
    const read = this.slotStorage(slot).readWal(slot.confirmedFlushLsn ?? slot.restartLsn, { maxRecords });
    if (read.gone) {
      this.invalidate(slot);
      throw new DomainError('CONFLICT', `The WAL of slot ${slotName} was removed.`, { slotName });
    }
    const changes = decodeChanges(read.records);
    const last = read.records[read.records.length - 1];
    if (last !== undefined) {
      slot.confirmedFlushLsn = last.endLsn;
      slot.restartLsn = last.endLsn;
    }
    slot.lastConsumedAtMs = this.now();
    this.deps.records?.slotChanged(slot);
    return changes;
  }

  /** Moves a slot forward to `lsn` (pg_replication_slot_advance). @throws NOT_FOUND, UNPROCESSABLE, CONFLICT. */
  advanceSlot(slotName: string, lsn: Lsn): SlotView {
    const slot = this.slotOf(slotName);
    this.assertUsable(slot);
    const current = slot.confirmedFlushLsn ?? slot.restartLsn;
    if (!Number.isSafeInteger(lsn) || lsn < current) throw new DomainError('UNPROCESSABLE', `Cannot move slot ${slotName} back: its position is ${formatLsn(current)}.`, { slotName });
    const currentLsn = this.slotStorage(slot).positions().writeLsn;
    if (lsn > currentLsn) throw new DomainError('UNPROCESSABLE', `Cannot advance slot ${slotName} past the current LSN ${formatLsn(currentLsn)}.`, { slotName });
    slot.restartLsn = lsn;
    if (slot.slotType === 'LOGICAL') slot.confirmedFlushLsn = lsn;
    this.deps.records?.slotChanged(slot);
    return this.slotView(slot);
  }

  /**
   * A logical consumer's feedback (a subscriber's flush position): the slot confirms up to `lsn`
   * and counts as active. A position at or behind the confirmed one changes nothing.
   * @throws NOT_FOUND, UNPROCESSABLE (physical slot, past the WAL), CONFLICT (slot lost).
   */
  confirmSlot(slotName: string, lsn: Lsn): SlotView {
    const slot = this.slotOf(slotName);
    if (slot.slotType !== 'LOGICAL') throw new DomainError('UNPROCESSABLE', `${slotName} is a physical slot.`, { slotName });
    this.assertUsable(slot);
    if (lsn > (slot.confirmedFlushLsn ?? slot.restartLsn)) this.advanceSlot(slotName, lsn);
    slot.lastConsumedAtMs = this.now();
    this.deps.records?.slotChanged(slot);
    return this.slotView(slot);
  }

  private assertUsable(slot: ReplicationSlot): void {
    if (slot.invalidationReason !== null) throw new DomainError('CONFLICT', `Replication slot ${slot.slotName} was invalidated (${slot.invalidationReason}).`, { slotName: slot.slotName });
  }

  private putSlot(slot: ReplicationSlot, reason: string): void {
    this.slots.set(slot.slotName, slot);
    this.deps.records?.slotChanged(slot);
    this.deps.bus?.publish('slot_created', 'replication', { slotName: slot.slotName, slotType: slot.slotType, reason });
  }

  private dropSlotInternal(slotName: string, reason: string): void {
    const slot = this.slots.get(slotName);
    if (slot === undefined) return;
    this.slots.delete(slotName);
    this.deps.records?.slotDropped(slotName);
    this.deps.bus?.publish('slot_dropped', 'replication', { slotName, slotType: slot.slotType, reason });
  }

  private slotView(slot: ReplicationSlot): SlotView {
    const replica = slot.replicaId === null ? undefined : this.replicas.get(slot.replicaId);
    return slotViewOf(slot, replica?.sender, this.slotStorage(slot).positions(), this.config, this.now());
  }

  /** The storage whose WAL a slot holds: its standalone node's, else the primary's. */
  private slotStorage(slot: ReplicationSlot): NodeStorage {
    return slot.nodeId === undefined || slot.nodeId === null ? this.primaryStorage() : this.nodeOf(slot.nodeId).storage;
  }

  /** Whether a slot is the physical group's (held on the primary) rather than a standalone node's. */
  private onPrimary(slot: ReplicationSlot): boolean {
    return slot.nodeId === undefined || slot.nodeId === null;
  }

  private invalidate(slot: ReplicationSlot): void {
    if (slot.invalidationReason !== null) return;
    slot.invalidationReason = 'wal_removed';
    this.deps.records?.slotChanged(slot);
    this.deps.bus?.publish('replication_error', 'replication', {
      replicaId: slot.replicaId,
      nodeId: slot.replicaId,
      code: 'SLOT_INVALIDATED',
      message: `Replication slot ${slot.slotName} lost its WAL (restart ${formatLsn(slot.restartLsn)}) and was invalidated.`,
      slotName: slot.slotName,
    });
  }

  // ================================================================ checkpoints

  /** Runs a checkpoint now on the primary (and a restartpoint on each running standby). */
  checkpoint(): CheckpointResult {
    const nowMs = this.now();
    const primary = this.nodeOf(this.primaryId);
    const positions = primary.storage.positions();
    const claims = [...this.slots.values()].filter((slot) => slot.invalidationReason === null && this.onPrimary(slot)).map((slot) => slot.restartLsn);
    const firstUnarchived = this.archive.firstUnarchivedLsn(this.config.walSegmentBytes);
    const keepLsn = checkpointKeepLsn(positions.writeLsn, claims, firstUnarchived, this.config, pinsOf(primary.storage));
    const removed = primary.running ? primary.storage.removeWalBefore(keepLsn) : [];
    const invalidatedSlots: string[] = [];
    const walStartLsn = primary.storage.positions().walStartLsn;
    for (const slot of this.slots.values()) {
      if (slot.invalidationReason === null && this.onPrimary(slot) && slot.restartLsn < walStartLsn) {
        this.invalidate(slot);
        invalidatedSlots.push(slot.slotName);
        const replica = slot.replicaId === null ? undefined : this.replicas.get(slot.replicaId);
        if (replica !== undefined && !replica.copying) this.markNeedsResync(replica, `its WAL from ${formatLsn(slot.restartLsn)} was removed`);
      }
    }
    // Standbys keep what the slots and walKeepSegments keep too, so a promoted one can serve the others.
    for (const replica of this.replicas.values()) {
      const node = this.nodeOf(replica.replicaId);
      if (!node.running || replica.copying) continue;
      const own = node.storage.positions();
      const standbyKeep = Math.min(checkpointKeepLsn(own.writeLsn, claims, null, this.config, pinsOf(node.storage)), own.replayLsn);
      node.storage.removeWalBefore(standbyKeep);
    }
    // Nodes outside the physical group (standalone participants) keep walKeepSegments and their prepared transactions' WAL.
    for (const node of this.nodes.values()) {
      if (node.id === this.primaryId || this.replicas.has(node.id) || !node.running) continue;
      const own = node.storage.positions();
      // A standalone node keeps what its own logical slots hold, too.
      const ownSlots = [...this.slots.values()].filter((slot) => slot.nodeId === node.id && slot.invalidationReason === null);
      node.storage.removeWalBefore(Math.min(checkpointKeepLsn(own.writeLsn, ownSlots.map((slot) => slot.restartLsn), null, this.config, pinsOf(node.storage)), own.replayLsn));
      const nodeWalStart = node.storage.positions().walStartLsn;
      for (const slot of ownSlots) {
        if (slot.restartLsn < nodeWalStart) {
          this.invalidate(slot);
          invalidatedSlots.push(slot.slotName);
        }
      }
    }
    this.checkpoints = { count: this.checkpoints.count + 1, lastAtMs: nowMs };
    return {
      atMs: nowMs,
      keepLsn,
      removedRecords: removed.length,
      removedBytes: removed.reduce((sum, record) => sum + (record.endLsn - record.lsn), 0),
      invalidatedSlots,
    };
  }

  // ================================================================ streaming

  /** Sends what the window allows from the sender's sentLsn. */
  private pump(replica: Replica): void {
    const sender = replica.sender;
    if (sender === null || sender.state !== 'STREAMING') return;
    const primary = this.nodeOf(this.primaryId);
    if (!primary.running) return;
    const storage = primary.storage;
    const windowBytes = SEND_WINDOW_BATCHES * this.config.maxBatchBytes;
    while (sender.sentLsn < storage.positions().writeLsn && sender.inFlightBytes() < windowBytes) {
      const read = storage.readWal(sender.sentLsn, { maxBytes: this.config.maxBatchBytes });
      if (read.gone || read.records.length === 0 || (read.records[0] as WalRecord).lsn !== sender.sentLsn) {
        this.markNeedsResync(replica, `the WAL it needs from ${formatLsn(sender.sentLsn)} is gone from ${this.primaryId}`);
        return;
      }
      const message: WalData = { type: 'WalData', timeline: this.currentTimeline, startLsn: sender.sentLsn, records: read.records };
      this.network.send(this.primaryId, replica.replicaId, message);
      sender.recordSent(message.startLsn, (read.records[read.records.length - 1] as WalRecord).endLsn, this.now());
    }
  }

  private deliver(nodeId: string, from: string, message: ReplicationMessage): void {
    if (this.closed) return;
    const node = this.nodes.get(nodeId);
    if (node === undefined || !node.running) return;
    if (message.type === 'WalData') this.onWalData(node, from, message);
    else this.onStandbyStatus(node, from, message);
  }

  private onWalData(node: NodeState, from: string, message: WalData): void {
    // Only the current primary's stream counts; a deposed primary's packets are stale.
    if (from !== this.primaryId || message.timeline !== this.currentTimeline || node.receiver.state !== 'STREAMING') return;
    const storage = node.storage;
    const writeLsn = storage.positions().writeLsn;
    let records = message.records;
    if (message.startLsn > writeLsn) {
      this.sendStatus(node, 'gap');
      return;
    }
    if (message.startLsn < writeLsn) {
      const overlap = records.findIndex((record) => record.lsn === writeLsn);
      if (overlap < 0) return;
      records = records.slice(overlap);
    }
    storage.receive(records);
    this.sendStatus(node, 'write');
    if (node.receiver.flushTimer === null) {
      node.receiver.flushTimer = this.deps.runtime.clock.after(this.config.flushDelayMs, () => {
        node.receiver.flushTimer = null;
        if (!node.running) return;
        storage.flush();
        if (!node.receiver.replayPaused) storage.replay();
        this.sendStatus(node, 'flush');
      });
    }
  }

  private onStandbyStatus(node: NodeState, from: string, status: StandbyStatus): void {
    if (node.id !== this.primaryId || status.timeline !== this.currentTimeline) return;
    const replica = this.replicas.get(from);
    const sender = replica?.sender;
    if (replica === undefined || sender === undefined || sender === null || sender.state === 'STOPPED') return;
    const nowMs = this.now();
    const wasDisconnected = sender.state === 'DISCONNECTED';
    const primaryLsn = node.storage.positions().writeLsn;
    sender.onStatus(status, nowMs, this.lagSamples, primaryLsn, this.config.statusIntervalMs);
    if (status.flushLsn >= primaryLsn) replica.caughtUpAtMs = nowMs;
    if (wasDisconnected) {
      sender.resendFromReported();
      sender.become('STREAMING');
      this.assignSenders();
    }
    const slot = this.slots.get(replicaSlotName(from));
    if (slot !== undefined && slot.invalidationReason === null && status.flushLsn > slot.restartLsn) {
      slot.restartLsn = status.flushLsn;
      this.deps.records?.slotChanged(slot);
    }
    this.settleCommits();
    this.refresh(replica, wasDisconnected ? 'standby heard again' : 'standby status');
    this.pump(replica);
  }

  private sendStatus(node: NodeState, reason: StatusReason): void {
    const positions = node.storage.positions();
    const status: StandbyStatus = {
      type: 'StandbyStatus',
      timeline: this.currentTimeline,
      writeLsn: positions.writeLsn,
      flushLsn: positions.flushLsn,
      replayLsn: positions.replayLsn,
      reason,
    };
    this.network.send(node.id, this.primaryId, status);
  }

  /**
   * Brings a running standby onto the current primary's history: rewinds WAL past the point
   * where its timeline forked (or re-copies when it replayed past it), then streams.
   */
  private connectStandby(replica: Replica, reason: string): void {
    const node = this.nodeOf(replica.replicaId);
    if (!node.running) return;
    this.stopSender(replica);
    if (replica.rejoining) {
      replica.rejoining = false;
      replica.copying = true;
    }
    if (replica.needsResync) {
      this.refresh(replica, reason);
      return;
    }
    if (!replica.copying) {
      const positions = node.storage.positions();
      const validUpTo = this.historyValidUpTo(positions.timeline);
      if (node.storage.replayedPast(validUpTo)) replica.copying = true;
      else if (positions.writeLsn > validUpTo || positions.timeline !== this.currentTimeline) node.storage.rewindTo(Math.min(validUpTo, positions.writeLsn), this.currentTimeline);
    }
    if (replica.copying) {
      this.refresh(replica, reason);
      this.startBaseBackup(replica);
      return;
    }
    this.startStreaming(replica, reason);
  }

  /** How far a node's WAL on `timeline` agrees with the current history. */
  private historyValidUpTo(timeline: number): Lsn {
    if (timeline >= this.currentTimeline) return Number.MAX_SAFE_INTEGER;
    const fork = this.history.find((entry) => entry.timeline === timeline) ?? this.history.find((entry) => entry.timeline > timeline);
    return fork?.switchLsn ?? Number.MAX_SAFE_INTEGER;
  }

  private startStreaming(replica: Replica, reason: string): void {
    const node = this.nodeOf(replica.replicaId);
    const positions = node.storage.positions();
    if (node.receiver.state !== 'STREAMING') node.receiver.become('STREAMING');
    const sender = new WalSender(replica.replicaId, positions, this.now());
    replica.sender = sender;
    if (!this.slots.has(replicaSlotName(replica.replicaId))) this.putReplicaSlot(replica.replicaId, positions.flushLsn);
    if (positions.writeLsn < this.primaryStorage().positions().walStartLsn) {
      this.markNeedsResync(replica, `the WAL it needs from ${formatLsn(positions.writeLsn)} is gone from ${this.primaryId}`);
      return;
    }
    this.assignSenders();
    this.refresh(replica, reason);
    this.pump(replica);
  }

  private putReplicaSlot(replicaId: string, restartLsn: Lsn): void {
    this.dropSlotInternal(replicaSlotName(replicaId), 'recreated for a new base backup');
    this.putSlot({
      slotName: replicaSlotName(replicaId),
      slotType: 'PHYSICAL',
      plugin: null,
      database: null,
      restartLsn,
      confirmedFlushLsn: null,
      replicaId,
      invalidationReason: null,
      createdAtMs: this.now(),
      lastConsumedAtMs: null,
    }, `slot of replica ${replicaId}`);
  }

  /** Starts (or restarts) a base backup of the primary's tables onto a replica. */
  private startBaseBackup(replica: Replica): void {
    const node = this.nodeOf(replica.replicaId);
    const primary = this.nodeOf(this.primaryId);
    if (!node.running || !primary.running || node.receiver.backupTimer !== null) return;
    if (!this.deps.runtime.faults.canReach(this.primaryId, replica.replicaId)) return;
    const image = primary.storage.copyTables();
    const twoPhase = primary.storage.copyTwoPhase();
    const lsn = primary.storage.positions().writeLsn;
    let sizeBytes = 0;
    for (const rows of image.values()) for (const stored of rows.values()) sizeBytes += Buffer.byteLength(JSON.stringify(stored.row)) + stored.key.length;
    const durationMs = Math.ceil((sizeBytes / this.config.baseBackupBytesPerSecond) * 1000);
    // The slot holds the WAL from the backup's LSN while the copy runs (pg_basebackup -C -S).
    this.putReplicaSlot(replica.replicaId, lsn);
    const nowMs = this.now();
    const fromNodeId = this.primaryId;
    const timeline = this.currentTimeline;
    if (node.receiver.state === 'STREAMING' || node.receiver.state === 'IDLE' || node.receiver.state === 'COPYING') node.receiver.become('COPYING');
    node.receiver.backup = { startedAtMs: nowMs, endsAtMs: nowMs + durationMs, lsn, sizeBytes, fromNodeId };
    node.receiver.backupTimer = this.deps.runtime.clock.after(durationMs, () => {
      node.receiver.backupTimer = null;
      node.receiver.backup = null;
      if (!this.replicas.has(replica.replicaId) || !replica.copying) return;
      // A crash, a partition or a new primary during the copy: start over later.
      if (!node.running || fromNodeId !== this.primaryId || timeline !== this.currentTimeline || !this.deps.runtime.faults.canReach(fromNodeId, replica.replicaId)) {
        if (node.running && node.receiver.state === 'COPYING') node.receiver.become('IDLE');
        return;
      }
      this.cancelNodeTimers(node);
      node.storage.installImage(image, lsn, timeline, twoPhase);
      replica.copying = false;
      this.startStreaming(replica, 'base backup done');
      this.persistCluster();
    });
  }

  private markNeedsResync(replica: Replica, why: string): void {
    if (replica.needsResync) return;
    replica.needsResync = true;
    this.stopSender(replica);
    const node = this.nodeOf(replica.replicaId);
    if (node.running && node.receiver.state === 'STREAMING') node.receiver.become('IDLE');
    this.deps.bus?.publish('replication_error', 'replication', { replicaId: replica.replicaId, nodeId: replica.replicaId, code: 'WAL_REMOVED', message: `${replica.replicaId} needs a resync: ${why}.` });
    this.refresh(replica, why);
    this.persistCluster();
  }

  private stopSender(replica: Replica): void {
    if (replica.sender !== null) replica.sender.become('STOPPED');
    replica.sender = null;
  }

  /** Lets at most maxWalSenders senders stream (by replica id), the others wait. */
  private assignSenders(): void {
    const senders = [...this.replicas.values()].filter((replica) => replica.sender !== null).sort((a, b) => naturalCompare(a.replicaId, b.replicaId));
    let streaming = senders.filter((replica) => replica.sender?.state === 'STREAMING' || replica.sender?.state === 'DISCONNECTED').length;
    for (const replica of senders) {
      const sender = replica.sender as WalSender;
      if (streaming > this.config.maxWalSenders && (sender.state === 'STREAMING' || sender.state === 'DISCONNECTED')) {
        sender.become('WAITING');
        streaming -= 1;
        this.refresh(replica, `over maxWalSenders (${this.config.maxWalSenders})`);
      }
    }
    for (const replica of senders) {
      const sender = replica.sender as WalSender;
      if (sender.state === 'WAITING' && streaming < this.config.maxWalSenders) {
        sender.lastHeardMs = this.now();
        sender.resendFromReported();
        sender.become('STREAMING');
        streaming += 1;
        this.refresh(replica, 'a WAL sender is free');
        this.pump(replica);
      } else if (sender.state === 'WAITING') {
        this.refresh(replica, `over maxWalSenders (${this.config.maxWalSenders})`);
      }
    }
  }

  // ================================================================ commits

  /** Acknowledges the waiting commits their mode's rule now confirms. */
  private settleCommits(): void {
    if (this.commits.waitingCount() === 0) return;
    let syncLsn: Lsn | undefined;
    let semiLsn: Lsn | undefined;
    const confirmedUpTo = (mode: ReplicationMode): Lsn => {
      if (mode === 'SYNCHRONOUS') return (syncLsn ??= this.synchronousFlushLsn());
      return (semiLsn ??= this.anyStandbyFlushLsn());
    };
    const done = this.commits.acknowledge((handle) => handle.mode === 'ASYNCHRONOUS' || handle.endLsn <= confirmedUpTo(handle.mode), this.now());
    for (const handle of done) this.syncAckedLsn = Math.max(this.syncAckedLsn, handle.endLsn);
    if (done.length > 0) this.armCommitTimer();
  }

  /** The standbys a SYNCHRONOUS commit waits for: the named ones, else every connected replica. */
  private synchronousStandbys(): string[] {
    if (this.config.standbyNodes.length > 0) return this.config.standbyNodes;
    return [...this.replicas.values()].filter((replica) => replica.sender?.state === 'STREAMING').map((replica) => replica.replicaId);
  }

  private synchronousFlushLsn(): Lsn {
    const required = this.synchronousStandbys();
    if (required.length === 0) return -1;
    let lsn = Number.MAX_SAFE_INTEGER;
    for (const replicaId of required) {
      const sender = this.replicas.get(replicaId)?.sender;
      if (sender === undefined || sender === null) return -1;
      lsn = Math.min(lsn, sender.flushLsn);
    }
    return lsn;
  }

  private anyStandbyFlushLsn(): Lsn {
    const named = this.config.standbyNodes;
    let lsn = -1;
    for (const replica of this.replicas.values()) {
      if (replica.sender === null || (named.length > 0 && !named.includes(replica.replicaId))) continue;
      lsn = Math.max(lsn, replica.sender.flushLsn);
    }
    return lsn;
  }

  private armCommitTimer(): void {
    const oldest = this.commits.oldest();
    if (oldest === undefined) {
      if (this.commitTimer !== null) this.deps.runtime.clock.cancel(this.commitTimer.id);
      this.commitTimer = null;
      return;
    }
    if (this.commitTimer !== null && this.commitTimer.atMs === oldest.deadlineMs) return;
    if (this.commitTimer !== null) this.deps.runtime.clock.cancel(this.commitTimer.id);
    const atMs = Math.max(oldest.deadlineMs, this.now());
    this.commitTimer = {
      atMs: oldest.deadlineMs,
      id: this.deps.runtime.clock.schedule(atMs, () => {
        this.commitTimer = null;
        const timedOut = this.commits.timeOut(this.now(), `no standby confirmed within ${this.config.replicationTimeoutSecs}s`);
        if (timedOut.length > 0) {
          this.deps.bus?.publish('replication_error', 'replication', {
            replicaId: null,
            nodeId: this.primaryId,
            code: 'COMMIT_TIMED_OUT',
            message: `${timedOut.length} commit(s) on ${this.primaryId} timed out waiting for standbys (committed locally, not confirmed replicated).`,
          });
          this.persistCluster();
        }
        this.armCommitTimer();
      }),
    };
  }

  // ================================================================ periodic work

  private armTimers(): void {
    const clock = this.deps.runtime.clock;
    if (this.statusTimer !== null) clock.cancel(this.statusTimer);
    if (this.checkpointTimer !== null) clock.cancel(this.checkpointTimer);
    this.statusTimer = clock.every(this.config.statusIntervalMs, () => this.statusTick());
    this.checkpointTimer = clock.every(this.config.checkpointIntervalMs, () => {
      if (this.nodeOf(this.primaryId).running) this.checkpoint();
    });
  }

  /** Every statusIntervalMs: standbys report, silent standbys disconnect, backups retry, events go out. */
  private statusTick(): void {
    const nowMs = this.now();
    const timeoutMs = this.config.replicationTimeoutSecs * 1000;
    for (const replica of this.replicas.values()) {
      const node = this.nodeOf(replica.replicaId);
      if (node.running && node.receiver.state === 'STREAMING') this.sendStatus(node, 'interval');
      const sender = replica.sender;
      if (sender !== null && sender.state === 'STREAMING' && nowMs - sender.lastHeardMs >= timeoutMs) {
        sender.become('DISCONNECTED');
        this.deps.bus?.publish('replication_error', 'replication', {
          replicaId: replica.replicaId,
          nodeId: replica.replicaId,
          code: 'STANDBY_TIMEOUT',
          message: `No status from ${replica.replicaId} for ${this.config.replicationTimeoutSecs}s.`,
        });
        this.refresh(replica, 'standby silent for replicationTimeoutSecs');
      }
      if (replica.copying && node.running && node.receiver.backupTimer === null) this.startBaseBackup(replica);
      if (replica.rejoining && node.running) this.connectStandby(replica, 'rejoining');
    }
    this.assignSenders();
    this.refreshAll('lag changed');
    this.publishPositions(nowMs);
  }

  private publishPositions(nowMs: number): void {
    const bus = this.deps.bus;
    if (bus === undefined) return;
    const currentLsn = this.currentLsn();
    for (const replica of this.replicas.values()) {
      const sender = replica.sender;
      if (sender === null) continue;
      const marker = sender.sentLsn + sender.replayLsn;
      if (marker === replica.lastPositionEventLsn || nowMs - replica.lastPositionEventMs < this.config.statusIntervalMs) continue;
      replica.lastPositionEventLsn = marker;
      replica.lastPositionEventMs = nowMs;
      bus.publish('wal_position_update', 'replication', {
        replicaId: replica.replicaId,
        nodeId: replica.replicaId,
        primaryId: this.primaryId,
        timeline: this.currentTimeline,
        currentLsn: formatLsn(currentLsn),
        sentLsn: formatLsn(sender.sentLsn),
        writeLsn: formatLsn(sender.writeLsn),
        flushLsn: formatLsn(sender.flushLsn),
        replayLsn: formatLsn(sender.replayLsn),
        lagBytes: Math.max(0, currentLsn - sender.replayLsn),
      });
    }
  }

  // ================================================================ crashes and restarts

  private followFaults(): void {
    if (this.closed) return;
    for (const node of this.nodes.values()) {
      const crashed = this.deps.runtime.faults.isCrashed(node.id);
      if (crashed && node.running) this.crashNode(node);
      else if (!crashed && !node.running) this.restartNode(node);
    }
  }

  private crashNode(node: NodeState): void {
    node.running = false;
    this.cancelNodeTimers(node);
    node.receiver.backup = null;
    node.storage.crash();
    node.receiver.become('DOWN');
    if (node.id === this.primaryId) {
      this.deps.bus?.publish('replication_error', 'replication', { replicaId: null, nodeId: node.id, code: 'PRIMARY_DOWN', message: `The primary ${node.id} is down.` });
    }
    const replica = this.replicas.get(node.id);
    if (replica !== undefined) this.refresh(replica, 'node crashed');
  }

  private restartNode(node: NodeState): void {
    node.running = true;
    node.receiver.become('IDLE');
    // Crash recovery replays the flushed WAL past replayLsn.
    node.storage.replay();
    const replica = this.replicas.get(node.id);
    if (replica !== undefined) this.connectStandby(replica, 'node restarted');
    this.persistCluster();
  }

  private cancelNodeTimers(node: NodeState): void {
    const clock = this.deps.runtime.clock;
    if (node.receiver.flushTimer !== null) clock.cancel(node.receiver.flushTimer);
    if (node.receiver.backupTimer !== null) clock.cancel(node.receiver.backupTimer);
    node.receiver.flushTimer = null;
    node.receiver.backupTimer = null;
  }

  // ================================================================ states and views

  private factsOf(replica: Replica) {
    const node = this.nodeOf(replica.replicaId);
    const sender = replica.sender;
    return {
      removed: false,
      rejoining: replica.rejoining,
      copying: replica.copying,
      needsResync: replica.needsResync,
      waiting: sender?.state === 'WAITING',
      connected: node.running && sender !== null && sender.state === 'STREAMING',
      replayPaused: node.receiver.replayPaused,
      lagBytes: this.lagBytesOf(replica),
      catchUpThresholdBytes: this.config.catchUpThresholdBytes,
    };
  }

  private lagBytesOf(replica: Replica): number {
    const replayLsn = replica.sender?.replayLsn ?? this.nodeOf(replica.replicaId).storage.positions().replayLsn;
    return Math.max(0, this.currentLsn() - replayLsn);
  }

  private refresh(replica: Replica, reason: string): void {
    if (!this.replicas.has(replica.replicaId)) return;
    this.moveTo(replica, deriveReplicaState(this.factsOf(replica)), reason);
  }

  private refreshAll(reason: string): void {
    for (const replica of this.replicas.values()) this.refresh(replica, reason);
  }

  private moveTo(replica: Replica, to: ReplicaState, reason: string): void {
    const from = replica.state;
    if (from === to) return;
    replica.state = transitionReplica(from, to);
    this.publishStatus(replica, from, to, reason);
  }

  private publishStatus(replica: Replica, from: ReplicaState | null, to: ReplicaState, reason: string): void {
    replica.stateSinceMs = this.now();
    replica.stateReason = reason;
    this.deps.bus?.publish('replica_status_change', 'replication', { replicaId: replica.replicaId, nodeId: replica.replicaId, from, to, reason });
  }

  private viewOf(replica: Replica): ReplicaView {
    const node = this.nodeOf(replica.replicaId);
    return replicaViewOf(replica, node.storage.positions(), node.receiver, {
      syncState: syncStateOf(this.config, replica.replicaId, replica.sender),
      lagBytes: this.lagBytesOf(replica),
    });
  }

  // ================================================================ plumbing

  /** Stops timers and detaches from the network and the faults. */
  close(): void {
    this.closed = true;
    const clock = this.deps.runtime.clock;
    if (this.statusTimer !== null) clock.cancel(this.statusTimer);
    if (this.checkpointTimer !== null) clock.cancel(this.checkpointTimer);
    if (this.commitTimer !== null) clock.cancel(this.commitTimer.id);
    for (const node of this.nodes.values()) {
      this.cancelNodeTimers(node);
      this.network.detach(node.id);
    }
    this.stopFollowingFaults();
  }

  private attachNode(nodeId: string, storage: NodeStorage): void {
    const node: NodeState = { id: nodeId, storage, receiver: new WalReceiver(nodeId), running: true };
    this.nodes.set(nodeId, node);
    this.network.attach(nodeId, (from, message) => this.deliver(nodeId, from, message));
  }

  private nodeOf(nodeId: string): NodeState {
    const node = this.nodes.get(nodeId);
    if (node === undefined) throw new DomainError('NOT_FOUND', `No replication node ${nodeId}.`, { nodeId });
    return node;
  }

  private replicaOf(replicaId: string): Replica {
    const replica = this.replicas.get(replicaId);
    if (replica === undefined) throw new DomainError('NOT_FOUND', `No replica ${replicaId}.`, { replicaId });
    return replica;
  }

  private slotOf(slotName: string): ReplicationSlot {
    const slot = this.slots.get(slotName);
    if (slot === undefined) throw new DomainError('NOT_FOUND', `No replication slot ${slotName}.`, { slotName });
    return slot;
  }

  private primaryStorage(): NodeStorage {
    return this.nodeOf(this.primaryId).storage;
  }

  private now(): number {
    return this.deps.runtime.clock.now();
  }

  private persistCluster(): void {
    const records = this.deps.records;
    if (records === undefined) return;
    records.clusterChanged({
      primaryId: this.primaryId,
      timeline: this.currentTimeline,
      nodeIds: [...this.nodes.keys()],
      replicas: [...this.replicas.values()].map((replica) => ({
        replicaId: replica.replicaId,
        addedAtMs: replica.addedAtMs,
        rejoining: replica.rejoining,
        copying: replica.copying,
        needsResync: replica.needsResync,
        replayPaused: this.nodeOf(replica.replicaId).receiver.replayPaused,
      })),
      counters: this.commits.counters,
      nextCommitId: this.nextCommitId,
      syncAckedLsn: this.syncAckedLsn,
      archive: this.archive.stored(),
    });
  }
}

/** What a prepared transaction keeps from checkpoints: its PREPARE record, while it is prepared. */
function pinsOf(storage: NodeStorage): Lsn[] {
  const oldest = storage.oldestPreparedLsn();
  return oldest === null ? [] : [oldest];
}

/** Positions are read-only views; re-exported for callers of {@link ReplicationCluster.storageOf}. */
export type { NodePositions };
