import type { ClusterNodes, ClusterNodeView } from '../../engines/cluster/cluster-nodes.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import type { CommitCounters } from '../../engines/replication/commit-tracker.js';
import { formatLsn, segmentOf, WAL_START_LSN, walSegmentName, type Lsn } from '../../engines/replication/lsn.js';
import type { ReplicaState } from '../../engines/replication/replica-state.js';
import type { ReplicaView } from '../../engines/replication/replication-views.js';
import { applyConfigPatch, type ReplicationConfig as EngineConfig, type ReplicationMode } from '../../engines/replication/replication-config.js';
import type { ReplicationEngine } from '../../engines/replication/replication-engine.js';
import type { WorkloadMix, WorkloadSettings } from '../../engines/replication/workload.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

/** What every replication service reads from: the engine, the cluster's nodes, the clock and the operation runner. */
export interface ReplicationServiceDeps {
  engine: ReplicationEngine;
  nodes: ClusterNodes;
  clock: VirtualClock;
  runner: OperationRunner;
  /** Hears a new workload rate (the RAC engine's block operations follow it). */
  onWorkloadRate?: (ratePerSecond: number) => void;
}

// ================================================================ views (the contract's schemas)

/** The contract's ReplicationConfig: the engine's operator settings (without its simulation timings) plus the monitor's sampling interval. */
export type ReplicationConfigView = Omit<EngineConfig, 'archiveCommand' | 'walSegmentBytes' | 'flushDelayMs' | 'maxBatchBytes' | 'baseBackupBytesPerSecond'> & {
  /** Null when none is set (the engine's empty text). */
  archiveCommand: string | null;
  lagSampleIntervalMs: number;
};

export type ReplicationConfigChanges = Partial<ReplicationConfigView>;

export type ReplicationState = 'STREAMING' | 'CATCHING_UP' | 'DEGRADED' | 'STOPPED';

export interface ReplicaStateCounts {
  total: number;
  starting: number;
  streaming: number;
  catchingUp: number;
  waiting: number;
  paused: number;
  disconnected: number;
  needsResync: number;
}

export interface CommitCountsView {
  acknowledged: number;
  waiting: number;
  timedOut: number;
}

/** The contract's ReplicationStatus. */
export interface ReplicationStatus {
  mode: ReplicationMode;
  state: ReplicationState;
  healthy: boolean;
  lagMs: number;
  bytesBehind: number;
  lastSync: string | null;
  primaryNodeId: string | null;
  timeline: number;
  currentLsn: string;
  currentWalSegment: string;
  walSegmentBytes: number;
  syncStandbys: string[];
  replicas: ReplicaStateCounts;
  commits: CommitCountsView;
}

/** The contract's ReplicaLag: one row of pg_stat_replication. */
export interface ReplicaLag {
  replicaId: string;
  state: ReplicaState;
  syncState: ReplicaView['syncState'];
  sentLsn: string;
  writeLsn: string;
  flushLsn: string;
  replayLsn: string;
  lagBytes: number;
  writeLagMs: number;
  flushLagMs: number;
  replayLagMs: number;
  lastStatusAt: string | null;
}

export interface ReplicationLagReport {
  primaryNodeId: string | null;
  timeline: number;
  currentLsn: string;
  maxLagBytes: number;
  maxReplayLagMs: number;
  replicas: ReplicaLag[];
}

export interface BaseBackupProgress {
  startLsn: string;
  totalBytes: number;
  copiedBytes: number;
  percent: number;
  startedAt: string;
  completedAt: string | null;
}

/** The contract's Replica. */
export interface Replica extends Omit<ReplicaLag, never> {
  nodeId: string;
  stateSince: string;
  stateReason: string | null;
  slotName: string;
  timeline: number;
  addedAt: string;
  baseBackup: BaseBackupProgress | null;
}

export const REPLICA_FIELDS: readonly (keyof Replica)[] = [
  'replicaId', 'nodeId', 'state', 'stateSince', 'stateReason', 'syncState', 'slotName', 'timeline', 'sentLsn', 'writeLsn', 'flushLsn',
  'replayLsn', 'lagBytes', 'writeLagMs', 'flushLagMs', 'replayLagMs', 'lastStatusAt', 'addedAt', 'baseBackup',
];

export interface ReplicaQuery {
  state?: ReplicaState;
  syncState?: ReplicaView['syncState'];
  sortBy?: 'replicaId' | 'state' | 'lagBytes' | 'replayLagMs' | 'flushLsn' | 'addedAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface ClusterReplicationNode {
  nodeId: string;
  nodeStatus: ClusterNodeView['status'];
  role: 'PRIMARY' | 'STANDBY' | 'NONE';
  replicaState: ReplicaState | null;
  syncState: ReplicaView['syncState'] | null;
  writeLsn: string | null;
  flushLsn: string | null;
  replayLsn: string | null;
  lagBytes: number | null;
}

export interface ClusterReplication {
  mode: ReplicationMode;
  state: ReplicationState;
  healthy: boolean;
  primaryNodeId: string | null;
  timeline: number;
  currentLsn: string;
  nodes: ClusterReplicationNode[];
}

export interface ReplicationFailoverRequest {
  targetReplicaId?: string;
  reason?: string;
}

export interface ReplicationFailoverResult {
  previousPrimaryId: string | null;
  newPrimaryId: string;
  previousTimeline: number;
  newTimeline: number;
  switchLsn: string;
  lostBytes: number;
  lostCommits: number;
  followingReplicaIds: string[];
  oldPrimaryRejoined: boolean;
  reason: string;
  promotedAt: string;
}

export interface WorkloadView {
  ratePerSecond: number;
  tables: string[];
  keySpace: number;
  mix: WorkloadMix;
  running: boolean;
  writes: { inserts: number; updates: number; deletes: number; total: number };
  walBytes: number;
  lastLsn: string | null;
  lastWriteAt: string | null;
}

// ================================================================ pure mappers (shared with the dashboard)

/** What {@link replicationStatusOf} reads: one consistent look at the engine. */
export interface ReplicationStatusInput {
  config: Pick<EngineConfig, 'mode' | 'standbyNodes' | 'walSegmentBytes'>;
  primaryNodeId: string;
  primaryRunning: boolean;
  timeline: number;
  currentLsn: Lsn;
  replicas: readonly ReplicaView[];
  commits: CommitCounters;
  /** When a standby last reported having flushed everything the primary had written (cluster ms), or null. */
  lastSyncMs: number | null;
}

/** Replica states whose standby receives WAL from the primary now. */
const RECEIVING: readonly ReplicaState[] = ['STREAMING', 'CATCHING_UP', 'PAUSED'];

/**
 * The contract's ReplicationStatus from one look at the engine (pure). The overall state:
 * STOPPED when the primary is down or no replica receives WAL, DEGRADED when a replica is
 * DISCONNECTED or NEEDS_RESYNC, CATCHING_UP while one copies, waits or catches up, else
 * STREAMING. Healthy: the primary is up, no replica is lost, and in a synchronous mode the
 * standbys a commit needs are streaming.
 */
export function replicationStatusOf(input: ReplicationStatusInput): ReplicationStatus {
  const { replicas, config } = input;
  const count = (...states: ReplicaState[]) => replicas.filter((replica) => states.includes(replica.state)).length;
  const lost = count('DISCONNECTED', 'NEEDS_RESYNC');
  const receiving = count(...RECEIVING);
  let state: ReplicationState;
  if (!input.primaryRunning || receiving === 0) state = 'STOPPED';
  else if (lost > 0) state = 'DEGRADED';
  else if (count('STARTING', 'CATCHING_UP', 'WAITING', 'REJOINING') > 0) state = 'CATCHING_UP';
  else state = 'STREAMING';
  const syncStandbys = replicas.filter((replica) => replica.syncState === 'sync' || replica.syncState === 'quorum').map((replica) => replica.replicaId);
  return {
    mode: config.mode,
    state,
    healthy: input.primaryRunning && lost === 0 && commitsCanBeAcknowledged(config, replicas),
    lagMs: Math.max(0, ...replicas.map((replica) => replica.replayLagMs)),
    bytesBehind: Math.max(0, ...replicas.map((replica) => replica.lagBytes)),
    lastSync: input.lastSyncMs === null ? null : isoTime(input.lastSyncMs),
    primaryNodeId: input.primaryRunning ? input.primaryNodeId : null,
    timeline: input.timeline,
    currentLsn: formatLsn(input.currentLsn),
    currentWalSegment: walSegmentName(input.timeline, segmentOf(input.currentLsn, config.walSegmentBytes), config.walSegmentBytes),
    walSegmentBytes: config.walSegmentBytes,
    syncStandbys,
    replicas: {
      total: replicas.length,
      starting: count('STARTING'),
      streaming: count('STREAMING'),
      catchingUp: count('CATCHING_UP'),
      waiting: count('WAITING'),
      paused: count('PAUSED'),
      disconnected: count('DISCONNECTED'),
      needsResync: count('NEEDS_RESYNC'),
    },
    commits: { acknowledged: input.commits.acknowledged, waiting: input.commits.waiting, timedOut: input.commits.timedOut },
  };
}

/** Whether a commit made now could be acknowledged by the mode's rule with the standbys as they stream. */
function commitsCanBeAcknowledged(config: Pick<EngineConfig, 'mode' | 'standbyNodes'>, replicas: readonly ReplicaView[]): boolean {
  if (config.mode === 'ASYNCHRONOUS') return true;
  const streaming = (replica: ReplicaView) => RECEIVING.includes(replica.state);
  if (config.mode === 'SEMI_SYNCHRONOUS') return replicas.some((replica) => replica.syncState === 'quorum' && streaming(replica));
  // SYNCHRONOUS: every named standby (or, with none named, at least one replica) streams.
  if (config.standbyNodes.length === 0) return replicas.some((replica) => replica.syncState === 'sync');
  return config.standbyNodes.every((nodeId) => replicas.some((replica) => replica.replicaId === nodeId && replica.syncState === 'sync'));
}

/** One standby's pg_stat_replication row (the contract's ReplicaLag), from the engine's view (pure). */
export function replicaLagOf(view: ReplicaView): ReplicaLag {
  return {
    replicaId: view.replicaId,
    state: view.state,
    syncState: view.syncState,
    sentLsn: formatLsn(view.sentLsn),
    writeLsn: formatLsn(view.writeLsn),
    flushLsn: formatLsn(view.flushLsn),
    replayLsn: formatLsn(view.replayLsn),
    lagBytes: view.lagBytes,
    writeLagMs: view.writeLagMs,
    flushLagMs: view.flushLagMs,
    replayLagMs: view.replayLagMs,
    lastStatusAt: view.lastStatusAtMs === null ? null : isoTime(view.lastStatusAtMs),
  };
}

/** The engine config and the sampling interval as the contract's ReplicationConfig (archiveCommand '' is null). */
export function replicationConfigOf(config: EngineConfig, lagSampleIntervalMs: number): ReplicationConfigView {
  return {
    mode: config.mode,
    standbyNodes: [...config.standbyNodes],
    replicationTimeoutSecs: config.replicationTimeoutSecs,
    maxWalSenders: config.maxWalSenders,
    walKeepSegments: config.walKeepSegments,
    maxWalSegments: config.maxWalSegments,
    maxSlotWalKeepSegments: config.maxSlotWalKeepSegments,
    archiveMode: config.archiveMode,
    archiveCommand: config.archiveCommand === '' ? null : config.archiveCommand,
    checkpointIntervalMs: config.checkpointIntervalMs,
    statusIntervalMs: config.statusIntervalMs,
    catchUpThresholdBytes: config.catchUpThresholdBytes,
    lagSampleIntervalMs,
  };
}

/** Base backup progress at `nowMs`: bytes copy at a constant rate from start to end. */
function baseBackupOf(backup: NonNullable<ReplicaView['baseBackup']>, nowMs: number): BaseBackupProgress {
  const span = backup.endsAtMs - backup.startedAtMs;
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, (nowMs - backup.startedAtMs) / span));
  const copiedBytes = Math.floor(backup.sizeBytes * fraction);
  return {
    startLsn: formatLsn(backup.lsn),
    totalBytes: backup.sizeBytes,
    copiedBytes,
    percent: backup.sizeBytes === 0 ? 100 : Math.round((copiedBytes / backup.sizeBytes) * 10_000) / 100,
    startedAt: isoTime(backup.startedAtMs),
    completedAt: null,
  };
}

// ================================================================ the service

const CONFIG_TARGET = 'replication.config';

/** Replication as a whole: configuration, status, statistics, lag, replicas, failover and the write workload. */
export class ReplicationService {
  /** When this service (and the engine, loaded just before it) started counting, on the cluster clock. */
  private readonly startedAtMs: number;

  constructor(private readonly deps: ReplicationServiceDeps) {
    this.startedAtMs = deps.clock.now();
  }

  // ---------------------------------------------------------------- configuration

  getConfig(context: OperationContext): ReplicationConfigView {
    return this.deps.runner.read(context, 'getReplicationConfig', () => this.configView());
  }

  /** PUT: every field replaced (the contract's body has them all). */
  updateConfig(context: OperationContext, config: ReplicationConfigView): Promise<ReplicationConfigView> {
    return this.deps.runner.run(context, 'updateReplicationConfig', CONFIG_TARGET, () => this.applyConfig(config));
  }

  /** POST configure (and GraphQL): the named fields change, the others keep their values. */
  configure(context: OperationContext, changes: ReplicationConfigChanges): Promise<ReplicationConfigView> {
    return this.deps.runner.run(context, 'configureReplication', CONFIG_TARGET, () => this.applyConfig({ ...this.configView(), ...changes }));
  }

  private configView(): ReplicationConfigView {
    const { cluster, monitor } = this.deps.engine;
    return replicationConfigOf(cluster.getConfig(), monitor.lagSampleIntervalMs);
  }

  /**
   * Checks the whole configuration (the engine's rules plus the contract's: standbys must be
   * cluster nodes other than the primary, slots may keep at least maxWalSegments), then applies
   * it. Everything is checked before anything changes.
   */
  private applyConfig(next: ReplicationConfigView): ReplicationConfigView {
    const { cluster, monitor } = this.deps.engine;
    this.refuseWhileRestoring('change the configuration');
    const primary = cluster.primary();
    for (const nodeId of next.standbyNodes) {
      if (nodeId === primary) {
        throw new DomainError('UNPROCESSABLE', `standbyNodes names ${nodeId}, the primary; a primary cannot be its own standby.`, { field: 'standbyNodes', nodeId });
      }
      if (!this.deps.nodes.has(nodeId)) throw new DomainError('UNPROCESSABLE', `standbyNodes names ${nodeId}, which is not a cluster node.`, { field: 'standbyNodes', nodeId });
    }
    if (next.archiveMode && next.archiveCommand === null) {
      throw new DomainError('UNPROCESSABLE', 'archiveMode is on but archiveCommand is null.', { field: 'archiveCommand' });
    }
    if (next.maxSlotWalKeepSegments !== null && next.maxSlotWalKeepSegments < next.maxWalSegments) {
      throw new DomainError('UNPROCESSABLE', `maxSlotWalKeepSegments (${next.maxSlotWalKeepSegments}) is below maxWalSegments (${next.maxWalSegments}).`, {
        field: 'maxSlotWalKeepSegments',
      });
    }
    const { lagSampleIntervalMs, archiveCommand, ...engineFields } = next;
    const patch = { ...engineFields, standbyNodes: [...next.standbyNodes], archiveCommand: archiveCommand ?? '' };
    const before = cluster.getConfig();
    // Dry run: the engine's own checks, before the monitor or the cluster change.
    applyConfigPatch(before, patch);
    if (!Number.isSafeInteger(lagSampleIntervalMs) || lagSampleIntervalMs < 100 || lagSampleIntervalMs > 3_600_000) {
      throw new DomainError('UNPROCESSABLE', `lagSampleIntervalMs must be an integer from 100 to 3600000, got ${lagSampleIntervalMs}.`, { field: 'lagSampleIntervalMs' });
    }
    cluster.configure(patch);
    monitor.setLagSampleInterval(lagSampleIntervalMs);
    return this.configView();
  }

  private refuseWhileRestoring(what: string): void {
    const restoring = this.deps.engine.snapshots.catalog.restoreHistory().find((restore) => restore.status === 'IN_PROGRESS');
    if (restoring !== undefined) {
      throw new DomainError('CONFLICT', `A snapshot restore is in progress; ${what} after it ends.`, { restoreId: restoring.restoreId });
    }
  }

  // ---------------------------------------------------------------- status, statistics, lag

  getStatus(context: OperationContext): ReplicationStatus {
    return this.deps.runner.read(context, 'getReplicationStatus', () => this.status());
  }

  /** The status now, without a role check: for views that embed it (the dashboard). */
  status(): ReplicationStatus {
    const { cluster } = this.deps.engine;
    const replicas = cluster.listReplicas();
    const primaryNodeId = cluster.primary();
    return replicationStatusOf({
      config: cluster.getConfig(),
      primaryNodeId,
      primaryRunning: cluster.isRunning(primaryNodeId),
      timeline: cluster.timeline(),
      currentLsn: cluster.currentLsn(),
      replicas,
      commits: cluster.commitCounters(),
      lastSyncMs: this.lastSyncMs(replicas),
    });
  }

  /**
   * When a standby last had everything the primary had written: now-ish (its last report) for
   * a standby flushed up to the current LSN, else the newest lag sample in which a standby had
   * replayed up to the primary's LSN of the moment.
   */
  /** When a standby last reported having flushed everything the primary had written. */
  private lastSyncMs(replicas: readonly ReplicaView[]): number | null {
    const times = replicas.map((replica) => replica.caughtUpAtMs).filter((atMs) => atMs !== null);
    return times.length === 0 ? null : Math.max(...times);
  }

  getStatistics(context: OperationContext) {
    return this.deps.runner.read(context, 'getReplicationStatistics', () => {
      const { cluster, conflicts, snapshots } = this.deps.engine;
      const config = cluster.getConfig();
      const currentLsn = cluster.currentLsn();
      const timeline = cluster.timeline();
      const primary = cluster.storageOf(cluster.primary());
      const walStartLsn = primary.positions().walStartLsn;
      const segmentBytes = config.walSegmentBytes;
      const firstSegment = segmentOf(WAL_START_LSN, segmentBytes);
      const oldestSegment = segmentOf(walStartLsn, segmentBytes);
      const currentSegment = segmentOf(currentLsn, segmentBytes);
      const oldestRead = primary.readWal(walStartLsn, { maxRecords: 1 });
      const oldestRecord = oldestRead.gone ? undefined : oldestRead.records[0];
      const commits = cluster.commitCounters();
      const channels = cluster.listChannels();
      const slots = cluster.listSlots();
      const conflictRecords = conflicts.list();
      const snapshotList = snapshots.catalog.list();
      const checkpoints = cluster.checkpointStats();
      const waits = cluster.commitWaits();
      return {
        since: isoTime(this.startedAtMs),
        timeline,
        currentLsn: formatLsn(currentLsn),
        walRecords: commits.total,
        walBytes: Math.max(0, currentLsn - WAL_START_LSN),
        walSegments: {
          current: walSegmentName(timeline, currentSegment, segmentBytes),
          retained: currentSegment - oldestSegment + 1,
          removed: Math.max(0, oldestSegment - firstSegment),
          archived: cluster.archivedSegments().length,
          oldestRetained: oldestRecord === undefined ? null : walSegmentName(oldestRecord.timeline, oldestSegment, segmentBytes),
        },
        checkpoints: checkpoints.count,
        lastCheckpointAt: checkpoints.lastAtMs === null ? null : isoTime(checkpoints.lastAtMs),
        commits: { acknowledged: commits.acknowledged, waiting: commits.waiting, timedOut: commits.timedOut },
        commitWaitMs: { average: waits.averageMs === null ? null : Math.round(waits.averageMs), p95: waits.p95Ms, max: waits.maxMs },
        walSent: {
          bytes: channels.reduce((sum, channel) => sum + channel.bytesSent, 0),
          batches: channels.reduce((sum, channel) => sum + channel.batchesSent, 0),
          resentBatches: channels.reduce((sum, channel) => sum + channel.resentBatches, 0),
        },
        failovers: cluster.timelineHistory().length,
        slots: {
          total: slots.length,
          physical: slots.filter((slot) => slot.slotType === 'PHYSICAL').length,
          logical: slots.filter((slot) => slot.slotType === 'LOGICAL').length,
          active: slots.filter((slot) => slot.active).length,
          lost: slots.filter((slot) => slot.walStatus === 'lost').length,
        },
        conflicts: {
          detected: conflictRecords.length,
          resolved: conflictRecords.filter((conflict) => conflict.resolved).length,
          unresolved: conflictRecords.filter((conflict) => !conflict.resolved).length,
        },
        snapshots: {
          completed: snapshotList.filter((snapshot) => snapshot.status === 'COMPLETED').length,
          inProgress: snapshotList.filter((snapshot) => snapshot.status === 'IN_PROGRESS').length,
          failed: snapshotList.filter((snapshot) => snapshot.status === 'FAILED').length,
        },
      };
    });
  }

  getLag(context: OperationContext, replicaId?: string): ReplicationLagReport {
    return this.deps.runner.read(context, 'getReplicationLag', () => {
      const { cluster } = this.deps.engine;
      const views = replicaId === undefined ? cluster.listReplicas() : [this.replicaView(replicaId)];
      const rows = views.map(replicaLagOf);
      const primaryNodeId = cluster.primary();
      return {
        primaryNodeId: cluster.isRunning(primaryNodeId) ? primaryNodeId : null,
        timeline: cluster.timeline(),
        currentLsn: formatLsn(cluster.currentLsn()),
        maxLagBytes: Math.max(0, ...rows.map((row) => row.lagBytes)),
        maxReplayLagMs: Math.max(0, ...rows.map((row) => row.replayLagMs)),
        replicas: rows,
      };
    });
  }

  getClusterReplication(context: OperationContext): ClusterReplication {
    return this.deps.runner.read(context, 'getClusterReplication', () => {
      const { cluster } = this.deps.engine;
      const status = this.status();
      const primaryId = cluster.primary();
      const replicas = new Map(cluster.listReplicas().map((replica) => [replica.replicaId, replica]));
      const primaryPositions = cluster.storageOf(primaryId).positions();
      const nodes = [...this.deps.nodes.list()]
        .map((node): ClusterReplicationNode => {
          const replica = replicas.get(node.nodeId);
          if (node.nodeId === primaryId) {
            return {
              nodeId: node.nodeId,
              nodeStatus: node.status,
              role: 'PRIMARY',
              replicaState: null,
              syncState: null,
              writeLsn: formatLsn(primaryPositions.writeLsn),
              flushLsn: formatLsn(primaryPositions.flushLsn),
              replayLsn: formatLsn(primaryPositions.replayLsn),
              lagBytes: null,
            };
          }
          if (replica !== undefined) {
            return {
              nodeId: node.nodeId,
              nodeStatus: node.status,
              role: 'STANDBY',
              replicaState: replica.state,
              syncState: replica.syncState,
              writeLsn: formatLsn(replica.writeLsn),
              flushLsn: formatLsn(replica.flushLsn),
              replayLsn: formatLsn(replica.replayLsn),
              lagBytes: replica.lagBytes,
            };
          }
          return { nodeId: node.nodeId, nodeStatus: node.status, role: 'NONE', replicaState: null, syncState: null, writeLsn: null, flushLsn: null, replayLsn: null, lagBytes: null };
        });
      return {
        mode: status.mode,
        state: status.state,
        healthy: status.healthy,
        primaryNodeId: status.primaryNodeId,
        timeline: status.timeline,
        currentLsn: status.currentLsn,
        nodes: nodes.sort((a, b) => naturalCompare(a.nodeId, b.nodeId)),
      };
    });
  }

  // ---------------------------------------------------------------- replicas

  listReplicas(context: OperationContext, query: ReplicaQuery): Page<Partial<Replica>> {
    return this.deps.runner.read(context, 'listReplicas', () => {
      const nowMs = this.deps.clock.now();
      let views = this.deps.engine.cluster.listReplicas();
      const sortBy = query.sortBy ?? 'replicaId';
      // LSN text does not sort as the positions do: sort flushLsn on the numbers.
      if (sortBy === 'flushLsn') {
        const direction = (query.order ?? 'asc') === 'asc' ? 1 : -1;
        views = [...views].sort((a, b) => direction * (a.flushLsn - b.flushLsn));
      }
      const page = pageOf(
        views.map((view) => this.replicaOf(view, nowMs)),
        {
          filters: { state: query.state, syncState: query.syncState },
          sortBy: sortBy === 'flushLsn' ? undefined : sortBy,
          order: query.order,
          limit: query.limit,
          offset: query.offset,
        },
      );
      return { ...page, items: selectFields(page.items, query.fields, 'replicaId', REPLICA_FIELDS) };
    });
  }

  getReplica(context: OperationContext, replicaId: string): Replica {
    return this.deps.runner.read(context, 'getReplica', () => this.replicaOf(this.replicaView(replicaId), this.deps.clock.now()));
  }

  /**
   * Makes a cluster node a standby.
   * @throws NOT_FOUND (not a cluster node), UNPROCESSABLE (the primary), CONFLICT (already a replica, down, no primary).
   */
  addReplica(context: OperationContext, nodeId: string): Promise<Replica> {
    return this.deps.runner.run(context, 'addReplica', `replication.replica/${nodeId}`, () => {
      const { cluster } = this.deps.engine;
      if (!this.deps.nodes.has(nodeId)) throw new DomainError('NOT_FOUND', `No cluster node has id "${nodeId}".`, { resource: 'cluster.node', id: nodeId });
      const primaryId = cluster.primary();
      if (nodeId === primaryId) throw new DomainError('UNPROCESSABLE', `${nodeId} is the primary; a primary cannot replicate itself.`, { nodeId });
      if (cluster.listReplicas().some((replica) => replica.replicaId === nodeId)) {
        throw new DomainError('CONFLICT', `${nodeId} is already a replica of ${primaryId}.`, { replicaId: nodeId });
      }
      const node = this.deps.nodes.get(nodeId);
      const knownDown = cluster.nodeIds().includes(nodeId) && !cluster.isRunning(nodeId);
      if (node.status === 'DOWN' || knownDown) throw new DomainError('CONFLICT', `${nodeId} is not running; add it once it is back.`, { nodeId, nodeStatus: node.status });
      if (!cluster.isRunning(primaryId)) throw new DomainError('CONFLICT', `The primary ${primaryId} is down: there is nothing to copy from.`, { primaryId });
      return this.replicaOf(cluster.addReplica(nodeId), this.deps.clock.now());
    });
  }

  removeReplica(context: OperationContext, replicaId: string): Promise<Replica> {
    return this.deps.runner.run(context, 'removeReplica', `replication.replica/${replicaId}`, () => {
      const nowMs = this.deps.clock.now();
      // The engine's view is the replica before removal; the answer shows it REMOVED, as of now.
      const view = this.deps.engine.cluster.removeReplica(replicaId);
      return this.replicaOf({ ...view, stateSinceMs: nowMs, stateReason: `removed by ${context.caller.keyId}` }, nowMs);
    });
  }

  /** @throws CONFLICT unless the replica replays now (already paused, or STARTING, DISCONNECTED, NEEDS_RESYNC, REJOINING). */
  pauseReplica(context: OperationContext, replicaId: string): Promise<Replica> {
    return this.deps.runner.run(context, 'pauseReplica', `replication.replica/${replicaId}`, () => {
      const { cluster } = this.deps.engine;
      const current = cluster.getReplica(replicaId);
      if (current.state === 'PAUSED' || current.replayPaused) throw new DomainError('CONFLICT', `${replicaId} is already PAUSED.`, { replicaId, state: current.state });
      if (!RECEIVING.includes(current.state) && current.state !== 'WAITING') {
        throw new DomainError('CONFLICT', `${replicaId} is ${current.state}: it is not replaying, so there is nothing to pause.`, { replicaId, state: current.state });
      }
      return this.replicaOf(cluster.pauseReplica(replicaId), this.deps.clock.now());
    });
  }

  /** @throws CONFLICT unless the replica is paused. */
  resumeReplica(context: OperationContext, replicaId: string): Promise<Replica> {
    return this.deps.runner.run(context, 'resumeReplica', `replication.replica/${replicaId}`, () => {
      const { cluster } = this.deps.engine;
      const current = cluster.getReplica(replicaId);
      if (!current.replayPaused) {
        throw new DomainError('CONFLICT', `${replicaId} is ${current.state}; only a PAUSED replica can be resumed.`, { replicaId, state: current.state });
      }
      return this.replicaOf(cluster.resumeReplica(replicaId), this.deps.clock.now());
    });
  }

  // ---------------------------------------------------------------- failover

  triggerFailover(context: OperationContext, request: ReplicationFailoverRequest): Promise<ReplicationFailoverResult> {
    return this.deps.runner.run(context, 'triggerReplicationFailover', `replication.failover/${request.targetReplicaId ?? '(most caught-up standby)'}`, () => {
      const { cluster } = this.deps.engine;
      this.refuseWhileRestoring('fail over');
      const reason = request.reason ?? 'failover requested';
      const result = cluster.failover({ targetReplicaId: request.targetReplicaId, reason });
      const after = cluster.listReplicas();
      const oldPrimary = after.find((replica) => replica.replicaId === result.previousPrimaryId);
      return {
        previousPrimaryId: result.previousPrimaryId,
        newPrimaryId: result.newPrimaryId,
        previousTimeline: result.previousTimeline,
        newTimeline: result.timeline,
        switchLsn: formatLsn(result.switchLsn),
        lostBytes: result.lostBytes,
        lostCommits: result.lostCommits,
        followingReplicaIds: after.filter((replica) => replica.replicaId !== result.previousPrimaryId).map((replica) => replica.replicaId),
        oldPrimaryRejoined: oldPrimary !== undefined && oldPrimary.state !== 'REJOINING',
        reason,
        promotedAt: isoTime(result.atMs),
      };
    });
  }

  // ---------------------------------------------------------------- workload

  getWorkload(context: OperationContext): WorkloadView {
    return this.deps.runner.read(context, 'getWorkload', () => this.workloadView());
  }

  setWorkload(context: OperationContext, settings: WorkloadSettings): Promise<WorkloadView> {
    return this.deps.runner.run(context, 'setWorkload', 'simulation.workload', () => {
      this.deps.engine.workload.set(settings);
      // The simulation has one workload: the same rate drives the other engines' operations.
      this.deps.onWorkloadRate?.(settings.ratePerSecond);
      return this.workloadView();
    });
  }

  /** The workload's settings and what it has written since the engine started. */
  private workloadView(): WorkloadView {
    const { workload, cluster } = this.deps.engine;
    const settings = workload.settings();
    const counters = workload.counters;
    return {
      ratePerSecond: settings.ratePerSecond,
      tables: settings.tables,
      keySpace: settings.keySpace,
      mix: settings.mix,
      running: settings.ratePerSecond > 0 && cluster.writable(),
      writes: { inserts: counters.inserts, updates: counters.updates, deletes: counters.deletes, total: counters.issued },
      walBytes: counters.walBytes,
      lastLsn: counters.lastLsn === null ? null : formatLsn(counters.lastLsn),
      lastWriteAt: counters.lastWriteAtMs === null ? null : isoTime(counters.lastWriteAtMs),
    };
  }

  // ---------------------------------------------------------------- replica views

  /** @throws NOT_FOUND in the contract's words. */
  private replicaView(replicaId: string): ReplicaView {
    const replica = this.deps.engine.cluster.listReplicas().find((view) => view.replicaId === replicaId);
    if (replica === undefined) throw new DomainError('NOT_FOUND', `No replica has id "${replicaId}".`, { resource: 'replication.replica', id: replicaId });
    return replica;
  }

  private replicaOf(view: ReplicaView, nowMs: number): Replica {
    return {
      ...replicaLagOf(view),
      nodeId: view.replicaId,
      stateSince: isoTime(view.stateSinceMs),
      stateReason: view.stateReason,
      slotName: view.slotName,
      timeline: view.timeline,
      addedAt: isoTime(view.addedAtMs),
      baseBackup: view.baseBackup === null ? null : baseBackupOf(view.baseBackup, nowMs),
    };
  }
}
