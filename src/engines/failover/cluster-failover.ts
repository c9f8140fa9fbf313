import type { ClusterConsensus } from '../cluster/cluster-consensus.js';
import type { ClusterNodes } from '../cluster/cluster-nodes.js';
import type { ClusterEventMap } from '../cluster/events.js';
import { DomainError } from '../runtime/domain-error.js';
import type { LeaderChange, RoleChange } from '../raft/raft-group.js';
import type { EventBus } from '../runtime/event-bus.js';
import type { TimerId, VirtualClock } from '../runtime/index.js';
import type { Journal } from '../../store/journal.js';
import { FAILOVER_POLICY_RECORD, FAILOVER_RATE_WINDOW_MS, validateFailoverPolicy, type FailoverPolicy } from './failover-config.js';
import { FailoverTracker, type FailoverKind, type FailoverRecord, type FailoverTrackerState } from './failover-tracker.js';
import { targetRefusal, type TargetFacts } from './leadership-target.js';

export const FAILOVER_HISTORY_RECORD = 'cluster.failoverHistory';

/** Who starts AUTOMATIC failovers. */
export const FAILURE_DETECTOR = 'failure-detector';

/** The failover settings as operators see them: the policy plus the two cluster settings it shares. */
export interface FailoverSettings extends FailoverPolicy {
  autoFailover: boolean;
  /** The cluster's `electionTimeoutMs`. */
  detectionTimeoutMs: number;
}

export type FailoverMode = 'SWITCHOVER' | 'FAILOVER';

export interface FailoverRequest {
  targetNodeId?: string;
  mode?: FailoverMode;
  reason?: string;
  timeoutMs?: number;
}

export interface ClusterFailoverDeps {
  clock: VirtualClock;
  consensus: ClusterConsensus;
  nodes: ClusterNodes;
  bus: EventBus<ClusterEventMap>;
  journal: Journal;
}

/** The leader as last elected: who, in which term, since when. */
export interface LeaderOfRecord {
  leaderId: string;
  term: number;
  sinceMs: number;
}

/**
 * Failover of the consensus leader. Raft elects; this engine decides when elections may start
 * on their own (auto-failover, its hourly limit, split-brain prevention), asks for switchovers
 * and forced elections, and records every failover from initiation to a new leader:
 *
 * - AUTOMATIC starts when a voter campaigns for real (past its pre-vote, so a quorum has lost the
 *   leader) while no failover runs;
 * - MANUAL and SWITCHOVER start on request, DRILL when a drill faults the leader;
 * - each completes when a leader is elected in a later term, or fails at its timeout.
 */
export class ClusterFailover {
  private readonly tracker: FailoverTracker;
  private policy: FailoverPolicy;
  private expiryTimer: TimerId | null = null;
  private rateTimer: TimerId | null = null;
  private leaderOfRecord: LeaderOfRecord | null = null;
  /** Role changes caused by a requested failover while it is being started: replayed once it is recorded. */
  private deferredRoleChanges: RoleChange[] | null = null;

  constructor(
    private readonly deps: ClusterFailoverDeps,
    restored: { history: FailoverTrackerState; policy: FailoverPolicy },
  ) {
    this.tracker = new FailoverTracker(restored.history);
    this.policy = { ...restored.policy };
    const leader = deps.consensus.group.currentLeader();
    if (leader) this.leaderOfRecord = { leaderId: leader.leaderId, term: leader.term, sinceMs: deps.clock.now() };
    deps.consensus.group.observe({
      onRoleChange: (change) => this.roleChanged(change),
      onLeaderChange: (change) => this.leaderChanged(change),
    });
    deps.nodes.observe({ configChanged: () => this.applyToConsensus() });
    const current = this.tracker.current();
    if (current) this.scheduleExpiry(current);
    this.applyToConsensus();
  }

  settings(): FailoverSettings {
    const config = this.deps.nodes.getConfig();
    return { autoFailover: config.autoFailover, detectionTimeoutMs: config.electionTimeoutMs, ...this.policy };
  }

  /** Replaces every setting; the shared ones go to the cluster configuration. */
  updateSettings(settings: FailoverSettings): FailoverSettings {
    const config = this.deps.nodes.getConfig();
    const policy = validateFailoverPolicy(
      { failoverTimeoutMs: settings.failoverTimeoutMs, splitBrainPrevention: settings.splitBrainPrevention, maxFailoversPerHour: settings.maxFailoversPerHour },
      settings.detectionTimeoutMs,
    );
    // The cluster validates its own rules (the timeout against the heartbeat interval) first, so a refusal changes nothing.
    this.deps.nodes.replaceConfig({ ...config, autoFailover: settings.autoFailover, electionTimeoutMs: settings.detectionTimeoutMs });
    this.policy = policy;
    this.deps.journal.put(FAILOVER_POLICY_RECORD, 'current', this.policy);
    this.applyToConsensus();
    return this.settings();
  }

  leader(): LeaderOfRecord | null {
    const current = this.deps.consensus.group.currentLeader();
    return current && this.leaderOfRecord?.leaderId === current.leaderId ? { ...this.leaderOfRecord } : null;
  }

  current(): FailoverRecord | undefined {
    return this.tracker.current();
  }

  history(): FailoverRecord[] {
    return this.tracker.history();
  }

  statistics() {
    return this.tracker.statistics();
  }

  /**
   * A manual failover or switchover. SWITCHOVER needs a live leader and hands leadership over
   * (Raft leadership transfer); FAILOVER deposes the leader the same way when it runs, or starts
   * an election on the target (or the most up-to-date voter) when there is none. Refused before
   * anything changes when no quorum could elect a leader (NO_QUORUM) and when the target could
   * not lead (CONFLICT, see {@link targetRefusal}).
   */
  trigger(request: FailoverRequest, initiatedBy: string): FailoverRecord {
    this.refuseWhileInProgress();
    const group = this.deps.consensus.group;
    const leader = group.currentLeader();
    if (request.targetNodeId !== undefined) this.requireNode(request.targetNodeId);
    this.deps.consensus.requireQuorum('no new leader could be elected');
    if (request.targetNodeId !== undefined) this.refuseTarget(request.targetNodeId, { mustVote: true });
    const leaderHealthy = leader !== null && this.deps.nodes.get(leader.leaderId).status === 'HEALTHY';
    const mode = request.mode ?? (leaderHealthy ? 'SWITCHOVER' : 'FAILOVER');
    if (request.targetNodeId !== undefined && request.targetNodeId === leader?.leaderId) {
      throw new DomainError('UNPROCESSABLE', `${request.targetNodeId} already leads term ${leader.term}.`, { targetNodeId: request.targetNodeId });
    }
    if (mode === 'SWITCHOVER' && leader === null) {
      throw new DomainError('CONFLICT', 'A switchover needs a live leader, and there is none; use mode FAILOVER.', { mode });
    }
    const previous = { previousLeaderId: leader?.leaderId ?? this.leaderOfRecord?.leaderId ?? null, previousTerm: this.highestTerm() };
    // A forced campaign starts at once: its candidate belongs to this failover, not to an AUTOMATIC one.
    this.deferredRoleChanges = [];
    let caused: RoleChange[];
    try {
      if (leader !== null) group.transferLeadership(request.targetNodeId);
      else this.deps.consensus.campaign(request.targetNodeId ?? this.bestCandidate());
    } finally {
      caused = this.deferredRoleChanges;
      this.deferredRoleChanges = null;
    }
    const kind: FailoverKind = mode === 'SWITCHOVER' ? 'SWITCHOVER' : 'MANUAL';
    const reason = request.reason ?? (mode === 'SWITCHOVER' ? 'switchover requested' : 'failover requested');
    const record = this.begin({ kind, reason, initiatedBy, targetNodeId: request.targetNodeId ?? null, ...previous }, request.timeoutMs);
    for (const change of caused) this.roleChanged(change);
    return record;
  }

  /**
   * Refuses a drill on `nodeId` before it faults anything: while a failover runs, when the node
   * is not up (a drill on a dead node measures nothing), and, for a voter, when the cluster has no
   * quorum to elect with (NO_QUORUM) or faulting the node would lose it (failure tolerance 0).
   */
  requireDrillTarget(nodeId: string): void {
    this.refuseWhileInProgress();
    this.requireNode(nodeId);
    const facts = this.refuseTarget(nodeId, { mustVote: false });
    if (!facts.voter) return;
    this.deps.consensus.requireQuorum('a drill could measure no election');
    const { failureTolerance, quorumSize, availableVoters } = this.deps.nodes.summary();
    if (failureTolerance === 0) {
      throw new DomainError('CONFLICT', `Failure tolerance is 0 (${availableVoters} voters up, ${quorumSize} needed): faulting ${nodeId} would lose quorum.`, {
        reason: 'QUORUM_AT_RISK',
        nodeId,
        failureTolerance,
      });
    }
  }

  /** Opens the DRILL failover of a drill that faults the leader. */
  beginDrill(targetNodeId: string, reason: string, initiatedBy: string, timeoutMs: number): FailoverRecord {
    this.refuseWhileInProgress();
    const leader = this.deps.consensus.group.currentLeader();
    return this.begin(
      { kind: 'DRILL', reason, initiatedBy, targetNodeId, previousLeaderId: leader?.leaderId ?? null, previousTerm: this.highestTerm() },
      timeoutMs,
    );
  }

  private begin(start: Parameters<FailoverTracker['begin']>[0], timeoutMs = this.policy.failoverTimeoutMs): FailoverRecord {
    const record = this.tracker.begin(start, this.deps.clock.now(), timeoutMs);
    this.deps.bus.publish('failover_initiated', 'cluster.failover', {
      failoverId: record.id,
      kind: record.kind,
      reason: record.reason,
      initiatedBy: record.initiatedBy,
      previousLeaderId: record.previousLeaderId,
      previousTerm: record.previousTerm,
      targetNodeId: record.targetNodeId,
    });
    this.scheduleExpiry(record);
    this.persist();
    if (record.kind === 'AUTOMATIC') this.applyToConsensus();
    return record;
  }

  private roleChanged(change: RoleChange): void {
    if (change.role !== 'CANDIDATE') return;
    if (this.deferredRoleChanges) {
      this.deferredRoleChanges.push(change);
      return;
    }
    const current = this.tracker.current();
    const now = this.deps.clock.now();
    if (current) {
      this.tracker.note({ step: 'ELECTION_STARTED', nodeId: change.nodeId, term: change.term, detail: `${change.nodeId} campaigns` }, now);
      this.persist();
      return;
    }
    const lost = this.leaderOfRecord;
    // The first election of a cluster is not a failover; nor is a campaign for a term already led.
    if (lost === null || change.term <= lost.term) return;
    this.begin({
      kind: 'AUTOMATIC',
      reason: `leader ${lost.leaderId} unheard for the election timeout; ${change.nodeId} campaigns`,
      initiatedBy: FAILURE_DETECTOR,
      previousLeaderId: lost.leaderId,
      previousTerm: lost.term,
      targetNodeId: null,
    });
    this.tracker.note({ step: 'LEADER_LOST', nodeId: lost.leaderId, term: lost.term, detail: 'a quorum stopped hearing from it' }, now);
    this.tracker.note({ step: 'ELECTION_STARTED', nodeId: change.nodeId, term: change.term, detail: `${change.nodeId} campaigns` }, now);
    this.persist();
  }

  private leaderChanged(change: LeaderChange): void {
    const now = this.deps.clock.now();
    if (change.leaderId === null) {
      if (change.previousLeaderId !== null) {
        this.tracker.note({ step: 'LEADER_LOST', nodeId: change.previousLeaderId, term: change.term, detail: 'stepped down or stopped' }, now);
        this.persist();
      }
      return;
    }
    if (this.leaderOfRecord?.leaderId !== change.leaderId || this.leaderOfRecord.term !== change.term) {
      this.leaderOfRecord = { leaderId: change.leaderId, term: change.term, sinceMs: now };
    }
    const completed = this.tracker.leaderElected(change.leaderId, change.term, now);
    if (completed) this.finished(completed);
  }

  private scheduleExpiry(record: FailoverRecord): void {
    if (this.expiryTimer !== null) this.deps.clock.cancel(this.expiryTimer);
    const dueMs = record.initiatedAtMs + record.timeoutMs;
    this.expiryTimer = this.deps.clock.schedule(Math.max(dueMs, this.deps.clock.now()), () => {
      this.expiryTimer = null;
      const failed = this.tracker.expire(this.deps.clock.now());
      if (failed) this.finished(failed);
    });
  }

  private finished(record: FailoverRecord): void {
    if (this.expiryTimer !== null) this.deps.clock.cancel(this.expiryTimer);
    this.expiryTimer = null;
    this.deps.bus.publish('failover_completed', 'cluster.failover', {
      failoverId: record.id,
      kind: record.kind,
      status: record.status === 'COMPLETED' ? 'COMPLETED' : 'FAILED',
      previousLeaderId: record.previousLeaderId,
      previousTerm: record.previousTerm,
      newLeaderId: record.newLeaderId,
      newTerm: record.newTerm,
      durationMs: record.durationMs ?? 0,
    });
    this.persist();
    this.applyToConsensus();
  }

  /**
   * Tells consensus whether voters may start elections on their own (auto-failover, unless the
   * hourly limit is reached) and whether a cut-off leader steps down (split-brain prevention).
   */
  private applyToConsensus(): void {
    const config = this.deps.nodes.getConfig();
    const now = this.deps.clock.now();
    const recent = this.tracker.history().filter((record) => record.kind === 'AUTOMATIC' && now - record.initiatedAtMs < FAILOVER_RATE_WINDOW_MS);
    const limited = this.policy.maxFailoversPerHour > 0 && recent.length >= this.policy.maxFailoversPerHour;
    this.deps.consensus.setPolicy({
      electionTimeoutMs: config.electionTimeoutMs,
      autoElection: config.autoFailover && !limited,
      checkQuorum: this.policy.splitBrainPrevention === 'QUORUM',
    });
    if (this.rateTimer !== null) this.deps.clock.cancel(this.rateTimer);
    this.rateTimer = null;
    const oldest = recent.at(-1);
    if (limited && oldest) {
      this.rateTimer = this.deps.clock.schedule(oldest.initiatedAtMs + FAILOVER_RATE_WINDOW_MS, () => {
        this.rateTimer = null;
        this.applyToConsensus();
      });
    }
  }

  private refuseWhileInProgress(): void {
    const current = this.tracker.current();
    if (current) {
      throw new DomainError('CONFLICT', `Failover ${current.id} (${current.kind}) is still in progress; wait for it to end.`, { failoverId: current.id });
    }
  }

  private requireNode(nodeId: string): void {
    if (!this.deps.nodes.has(nodeId)) throw new DomainError('NOT_FOUND', `No cluster node "${nodeId}".`, { resource: 'cluster.node', id: nodeId });
  }

  /** Throws CONFLICT with the reason when {@link targetRefusal} refuses the node; returns its facts otherwise. */
  private refuseTarget(nodeId: string, options: { mustVote: boolean }): TargetFacts {
    const facts = this.targetFacts(nodeId);
    const refusal = targetRefusal(facts, options);
    if (refusal) {
      throw new DomainError('CONFLICT', refusal.message, {
        reason: refusal.reason,
        nodeId,
        status: facts.status,
        voter: facts.voter,
        running: facts.running,
        leaderId: this.deps.consensus.group.currentLeader()?.leaderId ?? null,
      });
    }
    return facts;
  }

  /** The target as the engines see it: health from the failure detector, vote and run state from consensus, reach from the runtime's faults. */
  private targetFacts(nodeId: string): TargetFacts {
    const { consensus, nodes } = this.deps;
    const group = consensus.group;
    const voters = consensus.voterIds();
    const running = group.nodeIds().includes(nodeId) && group.isRunning(nodeId);
    const leader = group.currentLeader();
    const reachable =
      leader !== null
        ? leader.leaderId === nodeId || group.canExchange(leader.leaderId, nodeId)
        : voters.filter((voterId) => voterId === nodeId || group.canExchange(nodeId, voterId)).length >= consensus.commitQuorum().quorumSize;
    return { nodeId, status: nodes.get(nodeId).status, voter: voters.includes(nodeId), running, reachable };
  }

  /** The running voter with the most up-to-date log; ties go to the higher priority, then the lower id. */
  private bestCandidate(): string {
    const candidates = this.deps.consensus
      .voterIds()
      .filter((nodeId) => this.deps.consensus.group.isRunning(nodeId))
      .map((nodeId) => ({ nodeId, raft: this.deps.consensus.group.status(nodeId).raft, priority: this.deps.nodes.has(nodeId) ? this.deps.nodes.get(nodeId).priority : 0 }))
      .sort(
        (a, b) =>
          (b.raft?.lastLogTerm ?? 0) - (a.raft?.lastLogTerm ?? 0) ||
          (b.raft?.lastIndex ?? 0) - (a.raft?.lastIndex ?? 0) ||
          b.priority - a.priority ||
          a.nodeId.localeCompare(b.nodeId),
      );
    const best = candidates[0];
    if (!best) throw new DomainError('CONFLICT', 'No voter is running: nobody can be elected.');
    return best.nodeId;
  }

  private highestTerm(): number {
    return Math.max(0, ...this.deps.consensus.group.statuses().map((status) => status.raft?.currentTerm ?? status.disk.hardState.term));
  }

  private persist(): void {
    this.deps.journal.put(FAILOVER_HISTORY_RECORD, 'current', this.tracker.snapshot());
  }
}
