import type { EventBus } from '../runtime/event-bus.js';
import type { SimulationRuntime, TimerId } from '../runtime/index.js';
import { RaftGroup, type GroupProposal, type LeaderChange, type RaftNodeSettings, type RoleChange } from '../raft/raft-group.js';
import type { DurableState } from '../raft/log-entry.js';
import type { Journal } from '../../store/journal.js';
import type { ClusterConfig } from './cluster-config.js';
import type { ClusterNodes } from './cluster-nodes.js';
import type { ClusterEventMap } from './events.js';
import type { Store } from '../../store/port.js';
import { loadRaftDisks, RaftDiskJournal } from './raft-records.js';
import { DomainError } from '../runtime/domain-error.js';

/** Virtual ms per Raft tick. The election timeout and the Raft heartbeat are whole ticks. */
export const RAFT_TICK_MS = 50;
/** Raft heartbeats per election timeout: often enough that one lost heartbeat never starts an election. */
const HEARTBEATS_PER_ELECTION_TIMEOUT = 5;
/** How long a refused membership change waits before it is proposed again. */
const RECONCILE_RETRY_MS = 2 * RAFT_TICK_MS;
/**
 * Most nodes that vote. More voters make every commit and election wait for more answers and
 * split votes at scale; etcd and Consul recommend 3, 5 or 7. Further nodes are learners: they
 * replicate the log and can be promoted, but do not vote.
 */
export const MAX_CONSENSUS_VOTERS = 7;
/** Persisted queue of membership changes still to propose. */
export const RAFT_MEMBERSHIP_QUEUE_RECORD = 'raft.membershipQueue';

/** How elections run; see {@link ClusterConsensus.setPolicy}. */
export interface ConsensusPolicy {
  electionTimeoutMs: number;
  autoElection: boolean;
  checkQuorum: boolean;
}

/**
 * Whether an entry proposed now can commit: Raft commits once a quorum of voters holds it, so
 * the voters must be up (as the failure detector sees them) and, when there is a leader, reachable
 * from it (crashes and partitions of the runtime's faults).
 */
export interface CommitQuorum {
  /** Voters of the configuration among the cluster's nodes. */
  voters: number;
  /** Voters needed: a majority, raised to the cluster's `minQuorumSize`. */
  quorumSize: number;
  /** Voters the failure detector counts as up (HEALTHY or RECOVERING). */
  availableVoters: number;
  /** Voters running and not partitioned from the leader, the leader included; null without a leader. */
  reachableVoters: number | null;
  leaderId: string | null;
  hasQuorum: boolean;
}

/** A membership change the cluster wants consensus to make once it can (one at a time, with a leader). */
export interface QueuedMembershipChange {
  change: 'add' | 'remove';
  nodeId: string;
  /** Added as a learner that stays one (READ_ONLY nodes do not vote). */
  learnerOnly: boolean;
}

export interface ClusterConsensusDeps {
  runtime: SimulationRuntime;
  nodes: ClusterNodes;
  journal: Journal;
  bus: EventBus<ClusterEventMap>;
}

export interface ClusterConsensusRestore {
  /** Raft disks saved in the store; empty at the first start. */
  disks: Record<string, DurableState>;
  pendingPromotions: string[];
  queue: QueuedMembershipChange[];
}

/** Raft settings derived from the cluster configuration (timeouts in ms become ticks). */
export function raftSettingsOf(config: Pick<ClusterConfig, 'electionTimeoutMs'>): RaftNodeSettings {
  const electionTimeoutTicks = Math.max(2, Math.round(config.electionTimeoutMs / RAFT_TICK_MS));
  return {
    electionTimeoutTicks,
    heartbeatIntervalTicks: Math.max(1, Math.floor(electionTimeoutTicks / HEARTBEATS_PER_ELECTION_TIMEOUT)),
    checkQuorum: true,
    preVote: true,
  };
}

/**
 * Consensus among the cluster's nodes: every cluster node runs a Raft node (READ_ONLY nodes as
 * learners). Cluster membership changes become Raft membership changes, proposed one at a time
 * whenever a leader can take one; Raft roles show on the nodes (LEADER, CANDIDATE); each new
 * leader is announced with `leader_elected`.
 */
export class ClusterConsensus {
  /** Consensus as the store left it (or bootstrapped from the cluster's nodes at the first start). */
  static async load(store: Store, deps: ClusterConsensusDeps): Promise<ClusterConsensus> {
    const saved = await store.get<{ queue: QueuedMembershipChange[]; pendingPromotions: string[] }>(RAFT_MEMBERSHIP_QUEUE_RECORD, 'current');
    return new ClusterConsensus(deps, deps.nodes.getConfig(), {
      disks: await loadRaftDisks(store),
      pendingPromotions: saved?.pendingPromotions ?? [],
      queue: saved?.queue ?? [],
    });
  }

  readonly group: RaftGroup;
  private readonly diskJournal: RaftDiskJournal;
  private queue: QueuedMembershipChange[];
  private reconcileTimer: TimerId | null = null;
  /** When each node last started campaigning (became a pre-candidate or candidate), for election durations. */
  private readonly campaignStartedMs = new Map<string, number>();
  private readonly leaderObservers = new Set<(change: LeaderChange) => void>();
  private voters: ReadonlySet<string> | null = null;
  /**
   * The last leader announced. The group reports a crashed leader as "no leader" first, so the
   * next election's own previousLeaderId is null; `leader_elected` names the lost leader instead
   * (null only when none is known, as after a server restart).
   */
  private lastLeaderId: string | null = null;

  constructor(
    private readonly deps: ClusterConsensusDeps,
    config: ClusterConfig,
    restored: ClusterConsensusRestore,
  ) {
    const firstStart = Object.keys(restored.disks).length === 0;
    this.diskJournal = new RaftDiskJournal(deps.journal, restored.disks);
    const specs = deps.nodes.list();
    this.queue = [...restored.queue];
    const founders = specs.filter((node) => node.role !== 'READ_ONLY').slice(0, MAX_CONSENSUS_VOTERS).map((node) => node.nodeId);
    this.group = new RaftGroup({
      runtime: deps.runtime,
      ...(firstStart
        ? { nodeIds: founders, learnerIds: specs.map((node) => node.nodeId).filter((nodeId) => !founders.includes(nodeId)) }
        : { disks: restored.disks, pendingPromotions: restored.pendingPromotions }),
      tickIntervalMs: RAFT_TICK_MS,
      node: raftSettingsOf(config),
      onDiskChange: this.diskJournal.record,
      observer: {
        onReady: (_nodeId, ready) => {
          if (ready.snapshot !== undefined || ready.entries.some((entry) => entry.type === 'config')) this.configurationMayHaveChanged();
        },
        onLifecycle: () => this.configurationMayHaveChanged(),
        onRoleChange: (change) => this.roleChanged(change),
        onLeaderChange: (change) => this.leaderChanged(change),
        onApply: (nodeId, applied) => {
          // A committed configuration frees the leader for the next change, and may have promoted a learner.
          if (applied.kind === 'entry' && applied.entry.type === 'config' && nodeId === this.group?.currentLeader()?.leaderId) {
            this.persistQueue();
            this.scheduleReconcile();
          }
        },
      },
    });
    deps.nodes.followConsensus({
      roleOf: (nodeId) => this.clusterRoleOf(nodeId),
      isVoter: (nodeId) => this.voterSet().has(nodeId),
      requireQuorum: (consequence) => this.requireQuorum(consequence),
    });
    deps.nodes.observe({
      nodeJoined: (spec) => this.enqueue({ change: 'add', nodeId: spec.nodeId, learnerOnly: spec.role === 'READ_ONLY' || this.votingSeatsTaken() >= MAX_CONSENSUS_VOTERS }),
      nodeLeft: (spec) => this.enqueue({ change: 'remove', nodeId: spec.nodeId, learnerOnly: false }),
    });
    this.scheduleReconcile();
  }

  /** Tells `listener` of every change of the group's leader; returns a function that stops it. */
  onLeaderChange(listener: (change: LeaderChange) => void): () => void {
    this.leaderObservers.add(listener);
    return () => this.leaderObservers.delete(listener);
  }

  /**
   * How elections run, from the cluster and failover settings: the election timeout, whether
   * voters campaign on their own when the leader goes silent (auto-failover), and whether a
   * leader cut off from a quorum steps down (CheckQuorum, split-brain prevention).
   */
  setPolicy(policy: ConsensusPolicy): void {
    this.group.updateSettings({ ...raftSettingsOf(policy), checkQuorum: policy.checkQuorum, autoElection: policy.autoElection });
  }

  /** Starts an election on a voter now, whatever its timers say (a forced failover). */
  campaign(nodeId: string): void {
    this.group.campaign(nodeId);
  }

  /**
   * An operator's Raft membership change (`POST/DELETE /api/v1/cluster/raft/members`). It
   * supersedes whatever the queue still holds for that node: otherwise a queued addition would
   * put back a member just removed by hand. The queue and the learners awaiting promotion are
   * persisted with the change, so a restart neither replays the dropped item nor forgets the promotion.
   */
  addMember(nodeId: string, options: { learnerOnly: boolean }): GroupProposal {
    this.requireQuorum(`adding ${nodeId} to the Raft configuration could not commit`);
    const proposal = this.group.addMember(nodeId, options);
    this.forgetQueued(nodeId);
    return proposal;
  }

  /** See {@link addMember}: removes a member by hand, dropping what the queue held for the node. */
  removeMember(nodeId: string): GroupProposal {
    this.requireQuorum(`removing ${nodeId} from the Raft configuration could not commit`);
    const proposal = this.group.removeMember(nodeId);
    this.forgetQueued(nodeId);
    return proposal;
  }

  /** See {@link CommitQuorum}. */
  commitQuorum(): CommitQuorum {
    const summary = this.deps.nodes.summary();
    const leader = this.group.currentLeader();
    const reachableVoters =
      leader === null ? null : this.voterIds().filter((nodeId) => nodeId === leader.leaderId || this.group.canExchange(leader.leaderId, nodeId)).length;
    return {
      voters: summary.voters,
      quorumSize: summary.quorumSize,
      availableVoters: summary.availableVoters,
      reachableVoters,
      leaderId: leader?.leaderId ?? null,
      hasQuorum: summary.hasQuorum && (reachableVoters === null || reachableVoters >= summary.quorumSize),
    };
  }

  /**
   * Refuses with NO_QUORUM when an entry proposed now could not commit (`consequence` says what
   * that costs, in words), rather than accept one that stays uncommitted until quorum returns. The retry
   * hint is one election timeout: the soonest a leader can commit once enough voters are back.
   */
  requireQuorum(consequence: string): void {
    const quorum = this.commitQuorum();
    if (quorum.hasQuorum) return;
    const why =
      quorum.availableVoters < quorum.quorumSize
        ? `${quorum.availableVoters} of ${quorum.voters} voters are up and ${quorum.quorumSize} are needed`
        : `leader ${quorum.leaderId} reaches ${quorum.reachableVoters} of ${quorum.voters} voters and ${quorum.quorumSize} are needed`;
    const retryAfterSeconds = Math.max(1, Math.ceil(this.deps.nodes.getConfig().electionTimeoutMs / 1000));
    throw new DomainError('NO_QUORUM', `The cluster has no quorum (${why}), so ${consequence}; retry once quorum returns.`, {
      reason: 'NO_QUORUM',
      ...quorum,
      retryAfterSeconds,
    });
  }

  private forgetQueued(nodeId: string): void {
    this.queue = this.queue.filter((queued) => queued.nodeId !== nodeId);
    this.persistQueue();
  }

  /** The voters of the newest configuration any running node holds (committed or not). */
  voterIds(): readonly string[] {
    return [...this.voterSet()];
  }

  /** {@link voterIds} as a set, kept until a configuration entry or a snapshot is written, or a node starts or stops. */
  private voterSet(): ReadonlySet<string> {
    if (this.voters === null) {
      let newest: { index: number; voters: readonly string[] } | null = null;
      for (const status of this.group.statuses()) {
        const raft = status.raft;
        if (raft && (newest === null || raft.configurationIndex > newest.index)) newest = { index: raft.configurationIndex, voters: raft.configuration.voters };
      }
      this.voters = new Set(newest?.voters ?? []);
    }
    return this.voters;
  }

  private configurationMayHaveChanged(): void {
    this.voters = null;
    this.deps.nodes.consensusChanged();
  }

  /** Voters now, plus learners on their way to a vote (promotion pending or queued). */
  private votingSeatsTaken(): number {
    const queued = this.queue.filter((change) => change.change === 'add' && !change.learnerOnly).length;
    return this.voterSet().size + this.group.pendingPromotionIds().length + queued;
  }

  /** Membership changes waiting for a leader that can take them, oldest first. */
  queuedChanges(): readonly QueuedMembershipChange[] {
    return this.queue;
  }

  close(): void {
    if (this.reconcileTimer !== null) this.deps.runtime.clock.cancel(this.reconcileTimer);
    this.group.close();
  }

  private clusterRoleOf(nodeId: string): 'LEADER' | 'CANDIDATE' | null {
    if (!this.group.nodeIds().includes(nodeId)) return null;
    const role = this.group.roleOf(nodeId)?.role;
    if (role === 'LEADER') return 'LEADER';
    return role === 'CANDIDATE' || role === 'PRE_CANDIDATE' ? 'CANDIDATE' : null;
  }

  private roleChanged(change: RoleChange): void {
    if ((change.role === 'PRE_CANDIDATE' || change.role === 'CANDIDATE') && !this.campaignStartedMs.has(change.nodeId)) {
      this.campaignStartedMs.set(change.nodeId, change.atMs);
    }
    if (change.role !== 'PRE_CANDIDATE' && change.role !== 'CANDIDATE' && change.role !== 'LEADER') this.campaignStartedMs.delete(change.nodeId);
    this.deps.nodes.consensusChanged();
  }

  private leaderChanged(change: LeaderChange): void {
    this.deps.nodes.consensusChanged();
    if (change.leaderId !== null) {
      const campaignStartedMs = this.campaignStartedMs.get(change.leaderId) ?? change.atMs;
      this.campaignStartedMs.delete(change.leaderId);
      const status = this.group.leaderStatus();
      this.deps.bus.publish('leader_elected', 'cluster.consensus', {
        leaderId: change.leaderId,
        term: change.term,
        previousLeaderId: change.previousLeaderId ?? this.lastLeaderId,
        votesReceived: status?.votesReceived ?? 1,
        voters: status?.configuration.voters.length ?? 1,
        electionDurationMs: change.atMs - campaignStartedMs,
      });
      this.lastLeaderId = change.leaderId;
      this.scheduleReconcile();
    }
    for (const listener of this.leaderObservers) listener(change);
  }

  private enqueue(change: QueuedMembershipChange): void {
    // A remove cancels an add still waiting for the same node, and the other way round.
    this.queue = [...this.queue.filter((queued) => queued.nodeId !== change.nodeId), change];
    this.persistQueue();
    this.scheduleReconcile();
  }

  /** Reconciles after `delayMs` (by default on the next timer turn, never inside a Raft callback). */
  private scheduleReconcile(delayMs = 0): void {
    if (this.reconcileTimer !== null || this.queue.length === 0) return;
    this.reconcileTimer = this.deps.runtime.clock.after(delayMs, () => {
      this.reconcileTimer = null;
      this.reconcile();
    });
  }

  /**
   * Proposes the oldest queued change if the leader can take it now. Without a leader it waits
   * for the next one; a refusal (a change pending, nothing committed yet in the leader's term) is
   * retried a few ticks later.
   */
  private reconcile(): void {
    const next = this.queue[0];
    if (next === undefined || this.group.currentLeader() === null) return;
    const isMember = this.group.nodeIds().includes(next.nodeId);
    try {
      if (next.change === 'add' && !isMember) this.group.addMember(next.nodeId, { learnerOnly: next.learnerOnly });
      if (next.change === 'remove' && isMember) this.group.removeMember(next.nodeId);
    } catch (error) {
      if ((error as { code?: string }).code !== 'CONFLICT') throw error;
      this.scheduleReconcile(RECONCILE_RETRY_MS);
      return;
    }
    this.queue = this.queue.slice(1);
    this.persistQueue();
    this.scheduleReconcile();
  }

  private persistQueue(): void {
    this.deps.journal.put(RAFT_MEMBERSHIP_QUEUE_RECORD, 'current', { queue: this.queue, pendingPromotions: this.group?.pendingPromotionIds() ?? [] });
  }
}

