/**
 * Hosts a group of RaftNodes on the simulation runtime: one clock timer ticks every node (so a
 * thousand nodes cost one timer), messages travel over `runtime.network('raft')` (which drops
 * what crashes and partitions forbid), each node's durable state lives on its own MemoryDisk
 * that survives crashes, and the runtime's crash faults crash and restart the nodes.
 *
 * The group carries out each Ready in the order the contract demands (persist, then send, then
 * apply), and offers the operations the API needs: propose through the leader, change
 * membership (learner first, promoted once caught up), transfer leadership, snapshot, read
 * status and logs, and answer a RequestVote delivered from outside.
 */
import { assert, DomainError } from '../runtime/domain-error.js';
import type { SimulationRuntime, SimNetwork, TimerId } from '../runtime/index.js';
import { isLearner, isVoter, type ConfChangeType } from './configuration.js';
import { EMPTY_DURABLE_STATE, type DurableState, type Entry, type HardState, type ProposalInput, type Snapshot } from './log-entry.js';
import { MemoryDisk, type DiskListener } from './memory-disk.js';
import type { RaftMessage } from './messages.js';
import { validateRaftConfig, type RaftConfig } from './raft-config.js';
import { nodeDown, noLeader, unknownNode } from './raft-errors.js';
import { ProposalTally, type ProposalCounts } from './proposal-tally.js';
import { RaftNode, voteAnswerFrom, type ProposalResult, type RaftStatus, type TransferResult, type VoteVerdict } from './raft-node.js';
import type { RaftRole, Ready } from './ready.js';
import { DigestStateMachine, type RaftStateMachine } from './state-machine.js';

/** Raft settings shared by every node of the group (ids, randomness and bootstrap are the group's). */
export type RaftNodeSettings = Omit<RaftConfig, 'id' | 'random' | 'bootstrapVoters' | 'bootstrapLearners'>;

export interface RaftGroupOptions {
  runtime: SimulationRuntime;
  /** Voters of a new cluster, bootstrapped together. Ignored when `disks` is given. */
  nodeIds?: readonly string[];
  /**
   * Learners of a new cluster, bootstrapped with the voters (read replicas, or nodes to promote
   * later). Large groups should be a few voters and many learners: every voter takes part in
   * every election, so hundreds of voters mostly split their votes. Ignored when `disks` is given.
   */
  learnerIds?: readonly string[];
  /** Disks saved before a server restart (see {@link RaftGroup.saveDisks}); the group is made of their nodes. */
  disks?: Readonly<Record<string, DurableState>>;
  /** Learners still to be promoted when caught up (see {@link RaftGroup.pendingPromotionIds}), after a server restart. */
  pendingPromotions?: readonly string[];
  /** Virtual ms per Raft tick. Default 10. */
  tickIntervalMs?: number;
  /** Raft settings of every node; ticks are `tickIntervalMs` long. */
  node?: RaftNodeSettings;
  /** Name of the runtime network carrying Raft messages. Default 'raft'. */
  networkName?: string;
  /** A learner is promoted once its matchIndex is within this many entries of the leader's last index. Default 10. */
  promotionLagEntries?: number;
  /** A node snapshots and compacts its log once it has applied this many entries past its last snapshot; 0 disables. Default 1000. */
  snapshotThresholdEntries?: number;
  /** Most nodes the group may hold. Default 2048. */
  maxNodes?: number;
  /** Builds the state machine of a node incarnation. Default: a {@link DigestStateMachine}. */
  createStateMachine?: (nodeId: string) => RaftStateMachine;
  /** Told about every durable change of every disk, to mirror them into the platform's journal. */
  onDiskChange?: DiskListener;
  /** Observers registered from the start (more can be added with {@link RaftGroup.observe}). */
  observer?: RaftGroupObserver;
}

/** Something a node applied: a committed entry, or a snapshot replacing its state. */
export type AppliedItem =
  | { readonly kind: 'entry'; readonly entry: Entry; readonly incarnation: number }
  | { readonly kind: 'snapshot'; readonly snapshot: Snapshot; readonly incarnation: number };

/** A node's role changed; `role` is null when the node crashed or left, `previousRole` null when it (re)started. */
export interface RoleChange {
  readonly nodeId: string;
  readonly previousRole: RaftRole | null;
  readonly role: RaftRole | null;
  readonly term: number;
  readonly leaderId: string | null;
  readonly atMs: number;
}

/** The group's leader changed: the running node that leads the highest term, or null when none does. */
export interface LeaderChange {
  readonly leaderId: string | null;
  readonly term: number;
  readonly previousLeaderId: string | null;
  readonly atMs: number;
}

export interface LifecycleEvent {
  readonly nodeId: string;
  readonly event: 'started' | 'crashed' | 'removed';
  readonly incarnation: number;
  readonly atMs: number;
}

export interface RaftGroupObserver {
  /** Committed entries in order, exactly once per node incarnation, and snapshots restored. */
  onApply?(nodeId: string, applied: AppliedItem): void;
  /** After each Ready was persisted, sent, applied and acknowledged. */
  onReady?(nodeId: string, ready: Ready): void;
  onRoleChange?(change: RoleChange): void;
  onLeaderChange?(change: LeaderChange): void;
  onLifecycle?(event: LifecycleEvent): void;
}

/** A node's durable state at a glance. */
export interface DiskSummary {
  readonly hardState: HardState;
  readonly snapshotIndex: number;
  readonly snapshotTerm: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly entryCount: number;
  /** Bytes of those entries (their commands, UTF-8). */
  readonly sizeBytes: number;
}

export interface MemberStatus {
  readonly nodeId: string;
  readonly running: boolean;
  /** When the node last heard from the leader of its current term (cluster ms); null on the leader, before any contact, or while down. */
  readonly lastLeaderContactMs: number | null;
  /** Starts of this node since the group was built (the first start is 1). */
  readonly incarnation: number;
  /** The live node's view; null while crashed. */
  readonly raft: RaftStatus | null;
  readonly disk: DiskSummary;
  /** Elections the node started as a candidate since the group was built (in this process), over its restarts. */
  readonly electionsStarted: number;
}

export interface GroupProposal extends ProposalResult {
  /** The leader that accepted it. */
  readonly leaderId: string;
}

/** Answer to a RequestVote delivered from outside. */
export interface VoteAnswer {
  /** The voter's term after handling the request (the request's term for a granted pre-vote). */
  readonly term: number;
  readonly voteGranted: boolean;
  readonly reason: VoteVerdict;
}

/**
 * The membership change under way: a config entry appended and not yet committed, or a learner
 * the group will promote once it has caught up (`index` 0 until its promotion is appended).
 */
export interface PendingChange {
  readonly type: ConfChangeType;
  readonly nodeId: string;
  readonly index: number;
  /** When the change was requested through the group (cluster ms). */
  readonly proposedAtMs: number;
  /** For addLearner: whether the group promotes the learner once caught up. */
  readonly autoPromote: boolean;
}

/** Where a proposal stands: committed, still pending, lost (another entry committed at its index), or compacted everywhere. */
export type EntryOutcome = 'COMMITTED' | 'PENDING' | 'LOST' | 'UNKNOWN';

export interface VoteRequestInput {
  candidateId: string;
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
  /** A pre-vote (changes no term or vote) instead of a real vote. Default false. */
  preVote?: boolean;
}

/** What a campaign delivered from outside got: each other voter's answer (null when unreachable) and whether the candidate won. */
export interface CampaignOutcome {
  readonly answers: readonly { readonly voterId: string; readonly answer: VoteAnswer | null }[];
  readonly won: boolean;
}

export interface EntryPage {
  readonly nodeId: string;
  /** Entries held on the node's disk after its snapshot. */
  readonly total: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly snapshotIndex: number;
  readonly entries: readonly Entry[];
}

export interface SnapshotTaken {
  readonly nodeId: string;
  readonly index: number;
  readonly term: number;
  readonly sizeBytes: number;
}

/** Largest page of log entries one read returns. */
export const MAX_ENTRY_PAGE = 1000;
/** Ready rounds per processing pass: each applies at most maxCommittedEntriesPerReady entries, so this bounds a pass, not correctness. */
const MAX_READY_ROUNDS = 100_000;

interface Member {
  readonly id: string;
  readonly disk: MemoryDisk;
  /** Whether this member founded the cluster (its first start writes the bootstrap configuration). */
  readonly bootstrap: boolean;
  node: RaftNode | undefined;
  stateMachine: RaftStateMachine | undefined;
  role: RaftRole | null;
  incarnation: number;
  /** Crashed by {@link RaftGroup.crash} (as opposed to a crash fault). */
  stoppedByHost: boolean;
  /** Inside processReady: a nested call (an observer acting on the group) leaves the work to the running loop. */
  processing: boolean;
  /** Last message from the leader of `term`, as delivered. */
  leaderContact: { term: number; atMs: number } | null;
  /** When this node last became leader (cluster ms), while it leads. */
  leaderSinceMs: number | null;
  /** When this incarnation last received a message from each peer (cluster ms): a leader's last contact with its followers. */
  heardFromMs: Map<string, number>;
  /** Elections the node's earlier incarnations started (since the group was built). */
  electionsBefore: number;
}

export class RaftGroup {
  private readonly runtime: SimulationRuntime;
  private readonly network: SimNetwork<RaftMessage>;
  private readonly members = new Map<string, Member>();
  private readonly observers = new Set<RaftGroupObserver>();
  private nodeSettings: RaftNodeSettings;
  private readonly bootstrapVoters: readonly string[];
  private readonly bootstrapLearners: readonly string[];
  private readonly tickIntervalMs: number;
  private readonly promotionLagEntries: number;
  private readonly snapshotThresholdEntries: number;
  private readonly maxNodes: number;
  private readonly createStateMachine: (nodeId: string) => RaftStateMachine;
  private readonly diskListener: DiskListener | undefined;
  /** Learners to promote once caught up, with when their addition was requested (cluster ms). */
  private readonly pendingPromotions = new Map<string, number>();
  /** Removals proposed through the group: the node is retired once its removal entry is applied. */
  private readonly pendingRemovals = new Map<string, ProposalResult>();
  /** Nodes created by addMember whose addition is not applied yet: retired if the addition is lost. */
  private readonly pendingAdditions = new Map<string, ProposalResult>();
  private readonly retiring = new Set<string>();
  /** Nested processReady calls in progress; retirements wait for the outermost to finish. */
  private processingDepth = 0;
  private leader: { id: string; term: number; sinceMs: number } | null = null;
  private readonly proposalTally = new ProposalTally();
  private voteCapture: { nodeId: string; candidateId: string; answers: RaftMessage[] } | undefined;
  private readonly timer: TimerId;
  private readonly stopFollowingFaults: () => void;
  private closed = false;

  constructor(options: RaftGroupOptions) {
    this.runtime = options.runtime;
    this.tickIntervalMs = options.tickIntervalMs ?? 10;
    this.promotionLagEntries = options.promotionLagEntries ?? 10;
    this.snapshotThresholdEntries = options.snapshotThresholdEntries ?? 1000;
    this.maxNodes = options.maxNodes ?? 2048;
    this.nodeSettings = { ...options.node };
    this.createStateMachine = options.createStateMachine ?? (() => new DigestStateMachine());
    this.diskListener = options.onDiskChange;
    if (options.observer !== undefined) this.observers.add(options.observer);

    const disks = options.disks;
    const voterIds = disks === undefined ? [...(options.nodeIds ?? [])] : [];
    const learnerIds = disks === undefined ? [...(options.learnerIds ?? [])] : [];
    const nodeIds = disks === undefined ? [...voterIds, ...learnerIds] : Object.keys(disks);
    this.validateOptions(options, nodeIds, voterIds);
    this.bootstrapVoters = voterIds;
    this.bootstrapLearners = learnerIds;
    for (const nodeId of nodeIds) {
      this.members.set(nodeId, this.createMember(nodeId, disks?.[nodeId] ?? EMPTY_DURABLE_STATE, disks === undefined));
    }
    for (const nodeId of options.pendingPromotions ?? []) if (this.members.has(nodeId)) this.pendingPromotions.set(nodeId, this.runtime.clock.now());

    this.network = this.runtime.network<RaftMessage>(options.networkName ?? 'raft');
    for (const member of this.members.values()) {
      if (!this.runtime.faults.isCrashed(member.id)) this.start(member);
    }
    this.stopFollowingFaults = this.runtime.faults.onChange(() => this.followFaults());
    this.timer = this.runtime.clock.every(this.tickIntervalMs, () => this.tickAll());
  }

  // ---------------------------------------------------------------- observation

  /** Adds an observer; returns a function that removes it. */
  observe(observer: RaftGroupObserver): () => void {
    const subscription = { ...observer };
    this.observers.add(subscription);
    return () => {
      this.observers.delete(subscription);
    };
  }

  // ---------------------------------------------------------------- client operations

  /**
   * Proposes a command through the current leader.
   * @returns where it landed; ask {@link RaftGroup.entryOutcome} later whether it committed.
   * @throws CONFLICT (reason NO_LEADER) when no leader is known; the leader's errors otherwise.
   */
  propose(input: ProposalInput): GroupProposal {
    return this.proposalTally.propose(() => this.proposeOn(this.requireLeader(), input));
  }

  /** Proposes on a given node (MIT's Start); a non-leader answers NotLeaderError naming the leader it knows. */
  proposeTo(nodeId: string, input: ProposalInput): GroupProposal {
    return this.proposalTally.propose(() => this.proposeOn(this.requireRunning(nodeId), input));
  }

  /** Proposals made through the group since it was built (in this process), refused and lost ones among them. */
  proposalCounts(): ProposalCounts {
    return this.proposalTally.counts();
  }

  /** Whether the entry a proposal returned (index, term) has committed, as far as any running node knows. */
  entryOutcome(index: number, term: number): EntryOutcome {
    let sawIndex = false;
    for (const member of this.runningMembers()) {
      const node = member.node as RaftNode;
      const heldTerm = node.termAt(index);
      if (heldTerm === undefined) {
        if (index > node.lastIndex) sawIndex = true;
        continue;
      }
      sawIndex = true;
      if (index > node.commitIndex) continue;
      // A committed entry is the same on every node: this one decides.
      return heldTerm === term ? 'COMMITTED' : 'LOST';
    }
    return sawIndex ? 'PENDING' : 'UNKNOWN';
  }

  // ---------------------------------------------------------------- membership

  /**
   * Adds a node: it joins as a learner (created here with an empty disk if new), and unless
   * `learnerOnly`, the group promotes it to voter once it has caught up with the leader.
   * @throws CONFLICT when no leader is known, a change is pending, the leader has not yet committed
   *   in its term, or the node is already a member; UNPROCESSABLE past the node limit.
   */
  addMember(nodeId: string, options: { learnerOnly?: boolean } = {}): GroupProposal {
    return this.proposalTally.propose(() => this.proposeAddition(nodeId, options));
  }

  private proposeAddition(nodeId: string, options: { learnerOnly?: boolean }): GroupProposal {
    if (typeof nodeId !== 'string' || nodeId.length === 0) throw new DomainError('UNPROCESSABLE', 'A node id must be a non-empty string.', { nodeId });
    if (!this.members.has(nodeId) && this.members.size >= this.maxNodes) {
      throw new DomainError('UNPROCESSABLE', `The Raft group already holds its limit of ${this.maxNodes} nodes.`, { maxNodes: this.maxNodes });
    }
    const leader = this.requireLeader();
    const node = leader.node as RaftNode;
    const result = node.proposeConfChange({ type: 'addLearner', nodeId }, { timestampMs: this.runtime.clock.now() });
    if (!this.members.has(nodeId)) {
      const member = this.createMember(nodeId, EMPTY_DURABLE_STATE, false);
      this.members.set(nodeId, member);
      this.pendingAdditions.set(nodeId, result);
      if (!this.runtime.faults.isCrashed(nodeId)) this.start(member);
    } else if (this.pendingAdditions.has(nodeId)) {
      // A retry after an addition that may have been lost: this proposal is the one to watch.
      this.pendingAdditions.set(nodeId, result);
    }
    // A re-addition cancels a retirement still waiting.
    this.pendingRemovals.delete(nodeId);
    this.retiring.delete(nodeId);
    if (options.learnerOnly !== true) this.pendingPromotions.set(nodeId, this.runtime.clock.now());
    this.processReady(leader);
    return { ...result, leaderId: leader.id };
  }

  /** Promotes a learner to voter now, caught up or not. */
  promoteMember(nodeId: string): GroupProposal {
    return this.proposalTally.propose(() => {
      const leader = this.requireLeader();
      const result = (leader.node as RaftNode).proposeConfChange({ type: 'promoteLearner', nodeId }, { timestampMs: this.runtime.clock.now() });
      this.pendingPromotions.delete(nodeId);
      this.processReady(leader);
      return { ...result, leaderId: leader.id };
    });
  }

  /**
   * Removes a member (voter or learner, the leader included: it steps down once the removal
   * commits). The node is shut down and its disk deleted once the removal is applied.
   */
  removeMember(nodeId: string): GroupProposal {
    return this.proposalTally.propose(() => {
      const leader = this.requireLeader();
      const result = (leader.node as RaftNode).proposeConfChange({ type: 'removeNode', nodeId }, { timestampMs: this.runtime.clock.now() });
      this.pendingPromotions.delete(nodeId);
      this.pendingRemovals.set(nodeId, result);
      this.processReady(leader);
      return { ...result, leaderId: leader.id };
    });
  }

  /** Learners the group will promote once caught up; save them with the disks. */
  pendingPromotionIds(): string[] {
    return [...this.pendingPromotions.keys()];
  }

  /** The membership change under way, as the leader sees it; null when none is (or there is no leader). */
  pendingChange(): PendingChange | null {
    const leader = this.leaderMember();
    if (leader === undefined) return null;
    const node = leader.node as RaftNode;
    const membership = node.membership();
    if (!membership.committed) {
      const entry = node.readEntries(membership.index, 1)[0];
      const change = entry?.confChange;
      if (entry !== undefined && change !== undefined) {
        return {
          type: change.type,
          nodeId: change.nodeId,
          index: entry.index,
          proposedAtMs: entry.timestampMs ?? this.runtime.clock.now(),
          autoPromote: change.type === 'addLearner' && this.pendingPromotions.has(change.nodeId),
        };
      }
    }
    for (const [nodeId, requestedAtMs] of this.pendingPromotions) {
      if (isLearner(membership.configuration, nodeId)) return { type: 'promoteLearner', nodeId, index: 0, proposedAtMs: requestedAtMs, autoPromote: false };
    }
    return null;
  }

  /**
   * Starts an election on a voter now, whatever its timers say (a manual failover). Forced by
   * default: it skips pre-vote and the others' leader lease, so it deposes a live leader; use
   * {@link RaftGroup.transferLeadership} to hand over gracefully instead.
   * @returns false when the node already leads.
   * @throws CONFLICT when the node is down; UNPROCESSABLE when it is not a voter.
   */
  campaign(nodeId: string, options: { force?: boolean } = {}): boolean {
    const member = this.requireRunning(nodeId);
    const started = (member.node as RaftNode).campaign({ force: options.force ?? true });
    this.processReady(member);
    return started;
  }

  /**
   * Changes the Raft settings of every node, running or not (restarts use them too): election
   * timeout, heartbeat interval, CheckQuorum, pre-vote, automatic elections, limits.
   * @returns the settings now in force.
   * @throws UNPROCESSABLE for a bad combination; nothing changes then.
   */
  updateSettings(settings: RaftNodeSettings): RaftNodeSettings {
    const merged: RaftNodeSettings = { ...this.nodeSettings, ...Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) };
    validateRaftConfig({ ...merged, id: 'settings', random: (minInclusive) => minInclusive });
    this.nodeSettings = merged;
    for (const member of this.runningMembers()) (member.node as RaftNode).updateSettings(merged);
    return { ...merged };
  }

  /** The Raft settings every node runs with. */
  settings(): RaftNodeSettings {
    return { ...this.nodeSettings };
  }

  /** Hands leadership to `targetId`, or to the most up-to-date voter. */
  transferLeadership(targetId?: string): TransferResult & { readonly leaderId: string } {
    if (targetId !== undefined && !this.members.has(targetId)) throw unknownNode(targetId);
    const leader = this.requireLeader();
    const result = (leader.node as RaftNode).transferLeadership(targetId);
    this.processReady(leader);
    return { ...result, leaderId: leader.id };
  }

  // ---------------------------------------------------------------- snapshots

  /**
   * Snapshots a node's state machine at its last applied index and compacts its log.
   * @throws CONFLICT when the node is down or has nothing new to snapshot.
   */
  takeSnapshot(nodeId: string): SnapshotTaken {
    return this.snapshotMember(this.requireRunning(nodeId));
  }

  /** Snapshots every running node that has applied something new; skips the others. */
  takeSnapshots(): SnapshotTaken[] {
    const taken: SnapshotTaken[] = [];
    for (const member of this.runningMembers()) {
      const node = member.node as RaftNode;
      if (node.lastApplied > node.latestSnapshot().metadata.index) taken.push(this.snapshotMember(member));
    }
    return taken;
  }

  // ---------------------------------------------------------------- reads

  nodeIds(): string[] {
    return [...this.members.keys()];
  }

  isRunning(nodeId: string): boolean {
    return this.requireMember(nodeId).node !== undefined;
  }

  /** The running node leading the highest term, if any, and since when it leads (cluster ms). */
  currentLeader(): { readonly leaderId: string; readonly term: number; readonly sinceMs: number } | null {
    return this.leader === null ? null : { leaderId: this.leader.id, term: this.leader.term, sinceMs: this.leader.sinceMs };
  }

  /** A node's role and term, cheaply; null while it is down. */
  roleOf(nodeId: string): { readonly role: RaftRole; readonly term: number; readonly leaderId: string | null } | null {
    const node = this.requireMember(nodeId).node;
    return node === undefined ? null : { role: node.currentRole, term: node.currentTerm, leaderId: node.knownLeaderId };
  }

  status(nodeId: string): MemberStatus {
    return this.memberStatus(this.requireMember(nodeId));
  }

  statuses(): MemberStatus[] {
    return [...this.members.values()].map((member) => this.memberStatus(member));
  }

  /**
   * When the running node `nodeId` last received a message from `peerId` (cluster ms), in its
   * current incarnation; null before any. On a leader: when it last heard from that follower.
   */
  lastHeardFromMs(nodeId: string, peerId: string): number | null {
    return this.requireMember(nodeId).heardFromMs.get(peerId) ?? null;
  }

  /** A learner counts as caught up (and is promoted) once its matchIndex is within this many entries of the leader's last index. */
  catchUpMarginEntries(): number {
    return this.promotionLagEntries;
  }

  /**
   * Whether two nodes can exchange messages now: both running, and no partition fault between
   * them in either direction (a RequestVote and its answer travel both ways).
   */
  canExchange(nodeId: string, peerId: string): boolean {
    const faults = this.runtime.faults;
    return (
      this.members.get(nodeId)?.node !== undefined &&
      this.members.get(peerId)?.node !== undefined &&
      !faults.isPartitioned(nodeId, peerId) &&
      !faults.isPartitioned(peerId, nodeId)
    );
  }

  /** The leader's own status (with per-peer progress), or null when there is no leader. */
  leaderStatus(): RaftStatus | null {
    const leader = this.leaderMember();
    return leader === undefined ? null : (leader.node as RaftNode).status();
  }

  /** A page of a node's durable log (its disk, readable even while the node is down). */
  readEntries(nodeId: string, page: { offset?: number; limit?: number } = {}): EntryPage {
    const member = this.requireMember(nodeId);
    const offset = page.offset ?? 0;
    const limit = page.limit ?? 100;
    if (!Number.isSafeInteger(offset) || offset < 0) throw new DomainError('UNPROCESSABLE', 'offset must be a non-negative integer.', { offset });
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_ENTRY_PAGE) {
      throw new DomainError('UNPROCESSABLE', `limit must be an integer in [1, ${MAX_ENTRY_PAGE}].`, { limit });
    }
    const disk = member.disk;
    return {
      nodeId,
      total: disk.entryCount(),
      firstIndex: disk.firstIndex(),
      lastIndex: disk.lastIndex(),
      snapshotIndex: disk.currentSnapshot().metadata.index,
      entries: disk.readEntries(offset, limit),
    };
  }

  /** Term a node holds at `index` (live log if running, else disk); undefined when compacted or absent. */
  termAt(nodeId: string, index: number): number | undefined {
    const member = this.requireMember(nodeId);
    if (member.node !== undefined) return member.node.termAt(index);
    const snapshot = member.disk.currentSnapshot().metadata;
    return index === snapshot.index ? snapshot.term : member.disk.entryAt(index)?.term;
  }

  /** Every node's disk, to save before a server restart and pass back as `disks`. */
  saveDisks(): Record<string, DurableState> {
    const saved: Record<string, DurableState> = {};
    for (const member of this.members.values()) saved[member.id] = member.disk.load();
    return saved;
  }

  // ---------------------------------------------------------------- votes from outside

  /**
   * Delivers a RequestVote from outside the group (the API's `POST raft/vote`) and answers by
   * the Raft rules: the node may step down or persist its vote as a result.
   */
  requestVote(nodeId: string, request: VoteRequestInput): VoteAnswer {
    return this.deliverVoteRequest(this.requireRunning(nodeId), request).answer;
  }

  /**
   * A campaign whose RequestVotes are delivered from outside (the API's `POST raft/vote` to every
   * voter): the candidate becomes CANDIDATE in `term` and votes for itself (persisted first),
   * each other voter of its configuration it can exchange messages with gets the RequestVote,
   * and each answer is stepped back into the candidate, which wins with a quorum as in any
   * election. The log position sent may understate the candidate's log but never overstate it:
   * votes won on a log it does not hold could elect a leader missing committed entries.
   * @returns every other voter's answer in configuration order (null: unreachable, never asked),
   *   the voters asked, and whether the candidate now leads `term`.
   * @throws CONFLICT when the candidate is down, leads already, or `term` is not above its own;
   *   UNPROCESSABLE when it is not a voter or the log position overstates its log.
   */
  campaignWithVotes(candidateId: string, request: { term: number; lastLogIndex: number; lastLogTerm: number }): CampaignOutcome {
    const candidate = this.requireRunning(candidateId);
    const node = candidate.node as RaftNode;
    const lastIndex = node.lastIndex;
    const lastTerm = node.termAt(lastIndex) ?? 0;
    if (request.lastLogTerm > lastTerm || (request.lastLogTerm === lastTerm && request.lastLogIndex > lastIndex)) {
      throw new DomainError(
        'UNPROCESSABLE',
        `A campaign by ${candidateId} cannot claim log position ${request.lastLogIndex} (term ${request.lastLogTerm}): its log ends at ${lastIndex} (term ${lastTerm}).`,
        { candidateId, lastLogIndex: lastIndex, lastLogTerm: lastTerm },
      );
    }
    node.campaignInTerm(request.term);
    this.processReady(candidate);
    const voterIds = node.membership().configuration.voters.filter((voterId) => voterId !== candidateId);
    const answers: { voterId: string; answer: VoteAnswer | null }[] = [];
    for (const voterId of voterIds) {
      const voter = this.members.get(voterId);
      if (voter?.node === undefined || !this.canExchange(candidateId, voterId)) {
        answers.push({ voterId, answer: null });
        continue;
      }
      const { answer, messages } = this.deliverVoteRequest(voter, { candidateId, ...request });
      answers.push({ voterId, answer });
      // The candidate hears each answer as it would from the network (unless an observer crashed it meanwhile).
      if (candidate.node !== node) continue;
      for (const message of messages) node.step(message);
      this.processReady(candidate);
    }
    const won = candidate.node === node && node.currentRole === 'LEADER' && node.currentTerm === request.term;
    return { answers, won };
  }

  /** Steps a RequestVote into a running node and returns its verdict, with the answer it sent (captured, not put on the network). */
  private deliverVoteRequest(member: Member, request: VoteRequestInput): { answer: VoteAnswer; messages: RaftMessage[] } {
    const nodeId = member.id;
    const problems: string[] = [];
    if (typeof request.candidateId !== 'string' || request.candidateId.length === 0) problems.push('candidateId must be a non-empty string');
    else if (request.candidateId === nodeId) problems.push('candidateId must differ from the voter');
    for (const field of ['term', 'lastLogIndex', 'lastLogTerm'] as const) {
      if (!Number.isSafeInteger(request[field]) || request[field] < 0) problems.push(`${field} must be a non-negative integer`);
    }
    if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid vote request: ${problems.join('; ')}.`, { problems });
    const node = member.node as RaftNode;
    const capture = { nodeId, candidateId: request.candidateId, answers: [] as RaftMessage[] };
    this.voteCapture = capture;
    try {
      node.step({
        type: request.preVote === true ? 'MsgPreVote' : 'MsgVote',
        from: request.candidateId,
        to: nodeId,
        term: request.term,
        lastLogIndex: request.lastLogIndex,
        lastLogTerm: request.lastLogTerm,
        transfer: false,
      });
      this.processReady(member);
    } finally {
      this.voteCapture = undefined;
    }
    const answer = voteAnswerFrom(capture.answers, request.candidateId, node.currentTerm);
    const decision = node.lastVote();
    const decided = decision !== undefined && decision.candidateId === request.candidateId && decision.term === request.term;
    assert(decided, `${nodeId} recorded its verdict on the vote request`);
    return { answer: { ...answer, reason: decision.verdict }, messages: capture.answers };
  }

  // ---------------------------------------------------------------- crashes

  /** Crashes a node: its volatile state is lost, its disk kept. Idempotent. */
  crash(nodeId: string): void {
    const member = this.requireMember(nodeId);
    member.stoppedByHost = true;
    if (member.node !== undefined) this.stop(member, 'crashed');
  }

  /**
   * Restarts a crashed node from its disk.
   * @throws CONFLICT while a crash fault still holds the node down.
   */
  restart(nodeId: string): void {
    const member = this.requireMember(nodeId);
    member.stoppedByHost = false;
    if (this.runtime.faults.isCrashed(nodeId)) {
      throw new DomainError('CONFLICT', `Node ${nodeId} is held down by a crash fault; heal the fault to restart it.`, { nodeId });
    }
    if (member.node === undefined) this.start(member);
  }

  /** Stops ticking and detaches every node. The disks stay readable. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.runtime.clock.cancel(this.timer);
    this.stopFollowingFaults();
    for (const member of this.members.values()) this.network.detach(member.id);
  }

  // ---------------------------------------------------------------- internals

  private validateOptions(options: RaftGroupOptions, nodeIds: readonly string[], voterIds: readonly string[]): void {
    const problems: string[] = [];
    if (!Number.isSafeInteger(this.tickIntervalMs) || this.tickIntervalMs < 1) problems.push('tickIntervalMs must be a positive integer');
    if (!Number.isSafeInteger(this.promotionLagEntries) || this.promotionLagEntries < 0) problems.push('promotionLagEntries must be a non-negative integer');
    if (!Number.isSafeInteger(this.snapshotThresholdEntries) || this.snapshotThresholdEntries < 0) {
      problems.push('snapshotThresholdEntries must be a non-negative integer');
    }
    if (!Number.isSafeInteger(this.maxNodes) || this.maxNodes < 1) problems.push('maxNodes must be a positive integer');
    if (options.disks === undefined ? voterIds.length === 0 : nodeIds.length === 0) {
      problems.push(options.disks === undefined ? 'nodeIds must name at least one voter' : 'disks must hold at least one node');
    }
    if (nodeIds.some((id) => typeof id !== 'string' || id.length === 0)) problems.push('node ids must be non-empty strings');
    if (new Set(nodeIds).size !== nodeIds.length) problems.push('node ids must be distinct');
    if (nodeIds.length > this.maxNodes) problems.push(`at most ${this.maxNodes} nodes`);
    if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid Raft group options: ${problems.join('; ')}.`, { problems });
    // Reject bad Raft settings now rather than at the first node start.
    validateRaftConfig({ ...this.nodeSettings, id: nodeIds[0] ?? 'node', random: (minInclusive) => minInclusive });
  }

  private createMember(nodeId: string, state: DurableState, bootstrap: boolean): Member {
    return {
      id: nodeId,
      disk: new MemoryDisk(nodeId, state, this.diskListener),
      bootstrap,
      node: undefined,
      stateMachine: undefined,
      role: null,
      incarnation: 0,
      stoppedByHost: false,
      processing: false,
      leaderContact: null,
      leaderSinceMs: null,
      heardFromMs: new Map(),
      electionsBefore: 0,
    };
  }

  private start(member: Member): void {
    assert(member.node === undefined, `${member.id} is not already running`);
    member.incarnation += 1;
    const node = new RaftNode(
      {
        ...this.nodeSettings,
        id: member.id,
        ...(member.bootstrap ? { bootstrapVoters: this.bootstrapVoters, bootstrapLearners: this.bootstrapLearners } : {}),
        // A fresh stream per incarnation: a restarted node does not replay its old timeouts.
        random: this.runtime.rng.fork(`raft:${member.id}:${member.incarnation}`),
      },
      member.disk.load(),
    );
    const stateMachine = this.createStateMachine(member.id);
    member.node = node;
    member.stateMachine = stateMachine;
    member.role = node.currentRole;
    this.network.attach(member.id, (_from, message) => this.deliver(member, node, message));
    this.emit((observer) => observer.onLifecycle?.({ nodeId: member.id, event: 'started', incarnation: member.incarnation, atMs: this.runtime.clock.now() }));
    this.emit((observer) =>
      observer.onRoleChange?.({ nodeId: member.id, previousRole: null, role: node.currentRole, term: node.currentTerm, leaderId: null, atMs: this.runtime.clock.now() }),
    );
    const snapshot = member.disk.currentSnapshot();
    if (snapshot.metadata.index > 0) {
      // The state machine is volatile: rebuild it from the snapshot, then from the log.
      stateMachine.restore(snapshot);
      this.emit((observer) => observer.onApply?.(member.id, { kind: 'snapshot', snapshot, incarnation: member.incarnation }));
    }
    this.processReady(member);
  }

  private stop(member: Member, event: 'crashed' | 'removed'): void {
    const node = member.node;
    assert(node !== undefined, `${member.id} is running when stopped`);
    this.network.detach(member.id);
    member.electionsBefore += node.electionsStarted;
    member.node = undefined;
    member.stateMachine = undefined;
    const previousRole = member.role;
    member.role = null;
    member.leaderSinceMs = null;
    member.leaderContact = null;
    // Volatile, like the node's own state: a restarted node has heard from nobody yet.
    member.heardFromMs = new Map();
    const atMs = this.runtime.clock.now();
    this.emit((observer) => observer.onRoleChange?.({ nodeId: member.id, previousRole, role: null, term: node.currentTerm, leaderId: null, atMs }));
    this.emit((observer) => observer.onLifecycle?.({ nodeId: member.id, event, incarnation: member.incarnation, atMs }));
    if (this.leader?.id === member.id) this.recomputeLeader();
  }

  private followFaults(): void {
    if (this.closed) return;
    for (const member of [...this.members.values()]) {
      const shouldRun = !member.stoppedByHost && !this.runtime.faults.isCrashed(member.id);
      if (shouldRun && member.node === undefined) this.start(member);
      else if (!shouldRun && member.node !== undefined) this.stop(member, 'crashed');
    }
  }

  private tickAll(): void {
    for (const member of [...this.members.values()]) {
      const node = member.node;
      if (node === undefined) continue;
      node.tick();
      this.processReady(member);
    }
    this.promoteCaughtUpLearners();
  }

  private deliver(member: Member, node: RaftNode, message: RaftMessage): void {
    // A message for an earlier incarnation is lost with it.
    if (member.node !== node) return;
    member.heardFromMs.set(message.from, this.runtime.clock.now());
    node.step(message);
    if ((message.type === 'MsgApp' || message.type === 'MsgHeartbeat' || message.type === 'MsgSnap') && node.knownLeaderId === message.from) {
      member.leaderContact = { term: node.currentTerm, atMs: this.runtime.clock.now() };
    }
    this.processReady(member);
  }

  /** Carries out every pending Ready of a node: persist, send, apply, acknowledge. */
  private processReady(member: Member): void {
    const node = member.node;
    // Re-entered from an observer while this node's loop runs: that loop picks the new work up.
    if (node === undefined || member.processing) return;
    member.processing = true;
    this.processingDepth += 1;
    try {
      for (let round = 0; member.node === node && node.hasReady(); round += 1) {
        assert(round < MAX_READY_ROUNDS, `${member.id} settles within ${MAX_READY_ROUNDS} Ready rounds`);
        this.carryOut(member, node, node.ready());
      }
    } finally {
      member.processing = false;
      this.processingDepth -= 1;
    }
    if (this.processingDepth === 0) this.retireRemoved();
  }

  private carryOut(member: Member, node: RaftNode, ready: Ready): void {
    const disk = member.disk;
    if (ready.snapshot !== undefined) disk.installSnapshot(ready.snapshot);
    disk.append(ready.entries);
    if (ready.hardState !== undefined) disk.setHardState(ready.hardState);
    for (const message of ready.messages) this.sendFrom(member, message);
    const stateMachine = member.stateMachine as RaftStateMachine;
    if (ready.snapshot !== undefined) {
      stateMachine.restore(ready.snapshot);
      const snapshot = ready.snapshot;
      this.emit((observer) => observer.onApply?.(member.id, { kind: 'snapshot', snapshot, incarnation: member.incarnation }));
    }
    for (const entry of ready.committedEntries) {
      stateMachine.apply(entry);
      this.proposalTally.settle(entry);
      this.emit((observer) => observer.onApply?.(member.id, { kind: 'entry', entry, incarnation: member.incarnation }));
      // Any entry can settle a pending change: the change itself, or whatever replaced it.
      if (this.pendingRemovals.size + this.pendingAdditions.size > 0) this.noteChangeSettled(entry);
    }
    // An observer may have crashed this node meanwhile: then its Ready dies with it.
    if (member.node !== node) return;
    node.advance(ready);
    if (ready.softState !== undefined) this.noteSoftState(member, node);
    this.emit((observer) => observer.onReady?.(member.id, ready));
    if (member.node === node) this.maybeAutoSnapshot(member, node);
  }

  private sendFrom(member: Member, message: RaftMessage): void {
    const capture = this.voteCapture;
    if (
      capture !== undefined &&
      capture.nodeId === member.id &&
      message.to === capture.candidateId &&
      (message.type === 'MsgVoteResp' || message.type === 'MsgPreVoteResp')
    ) {
      // The API call is the transport for this answer.
      capture.answers.push(message);
      return;
    }
    this.network.send(member.id, message.to, message);
  }

  private noteSoftState(member: Member, node: RaftNode): void {
    const role = node.currentRole;
    const previousRole = member.role;
    member.role = role;
    if (role === 'LEADER' && previousRole !== 'LEADER') member.leaderSinceMs = this.runtime.clock.now();
    if (role !== 'LEADER') member.leaderSinceMs = null;
    // Group state first, so observers told of the change already see it in currentLeader().
    const previousLeader = this.leader;
    if (role === 'LEADER') {
      if (this.leader === null || node.currentTerm >= this.leader.term) {
        if (this.leader?.id !== member.id || this.leader.term !== node.currentTerm) this.leader = { id: member.id, term: node.currentTerm, sinceMs: this.runtime.clock.now() };
      }
    } else if (this.leader?.id === member.id) {
      this.leader = this.highestTermLeader();
    }
    if (previousRole !== role) {
      const change: RoleChange = { nodeId: member.id, previousRole, role, term: node.currentTerm, leaderId: node.knownLeaderId, atMs: this.runtime.clock.now() };
      this.emit((observer) => observer.onRoleChange?.(change));
    }
    this.announceLeader(previousLeader);
  }

  private recomputeLeader(): void {
    const previousLeader = this.leader;
    this.leader = this.highestTermLeader();
    this.announceLeader(previousLeader);
  }

  /** The running leader of the highest term; it has led since its role changed, which the group saw then. */
  private highestTermLeader(): { id: string; term: number; sinceMs: number } | null {
    let best: { id: string; term: number; sinceMs: number } | null = null;
    for (const member of this.runningMembers()) {
      const node = member.node as RaftNode;
      if (node.currentRole === 'LEADER' && (best === null || node.currentTerm > best.term)) {
        best = { id: member.id, term: node.currentTerm, sinceMs: member.leaderSinceMs ?? this.runtime.clock.now() };
      }
    }
    return best;
  }

  private announceLeader(previous: { id: string; term: number; sinceMs: number } | null): void {
    const next = this.leader;
    if (previous?.id === next?.id && previous?.term === next?.term) return;
    const change: LeaderChange = {
      leaderId: next?.id ?? null,
      term: next?.term ?? previous?.term ?? 0,
      previousLeaderId: previous?.id ?? null,
      atMs: this.runtime.clock.now(),
    };
    this.emit((observer) => observer.onLeaderChange?.(change));
  }

  private noteChangeSettled(entry: Entry): void {
    for (const [nodeId, removal] of this.pendingRemovals) {
      if (entry.index !== removal.index) continue;
      this.pendingRemovals.delete(nodeId);
      // Another entry committed at that index: the removal was lost and the node stays.
      if (entry.term === removal.term) this.retiring.add(nodeId);
    }
    for (const [nodeId, addition] of this.pendingAdditions) {
      if (entry.index !== addition.index) continue;
      this.pendingAdditions.delete(nodeId);
      // Another entry committed at that index: the addition was lost; the node created for it goes.
      if (entry.term !== addition.term) {
        this.pendingPromotions.delete(nodeId);
        this.retiring.add(nodeId);
      }
    }
  }

  /** Shuts down and forgets nodes whose removal was applied (deferred so no Ready is cut short). */
  private retireRemoved(): void {
    for (const nodeId of [...this.retiring]) {
      this.retiring.delete(nodeId);
      const member = this.members.get(nodeId);
      if (member === undefined) continue;
      if (member.node !== undefined) this.stop(member, 'removed');
      else this.emit((observer) => observer.onLifecycle?.({ nodeId, event: 'removed', incarnation: member.incarnation, atMs: this.runtime.clock.now() }));
      this.members.delete(nodeId);
      this.pendingPromotions.delete(nodeId);
      this.diskListener?.(nodeId, { type: 'diskDeleted' });
    }
  }

  /** Proposes the promotion of one caught-up learner at a time; the leader refuses while a change is pending. */
  private promoteCaughtUpLearners(): void {
    if (this.pendingPromotions.size === 0) return;
    const leader = this.leaderMember();
    if (leader === undefined) return;
    const node = leader.node as RaftNode;
    const { configuration, committed } = node.membership();
    for (const nodeId of [...this.pendingPromotions.keys()]) {
      if (isVoter(configuration, nodeId)) {
        this.pendingPromotions.delete(nodeId);
        continue;
      }
      if (!committed || !isLearner(configuration, nodeId)) continue;
      const progress = node.progressOf(nodeId);
      if (progress === undefined || progress.matchIndex + this.promotionLagEntries < node.lastIndex) continue;
      try {
        this.proposalTally.appended(node.proposeConfChange({ type: 'promoteLearner', nodeId }, { timestampMs: this.runtime.clock.now() }));
      } catch (error) {
        // Not now (say, the leader has not committed in its term yet): the next tick retries.
        if (error instanceof DomainError) continue;
        throw error;
      }
      this.pendingPromotions.delete(nodeId);
      this.processReady(leader);
      return;
    }
  }

  private maybeAutoSnapshot(member: Member, node: RaftNode): void {
    if (this.snapshotThresholdEntries === 0) return;
    if (node.lastApplied - node.latestSnapshot().metadata.index >= this.snapshotThresholdEntries) this.snapshotMember(member);
  }

  private snapshotMember(member: Member): SnapshotTaken {
    const node = member.node as RaftNode;
    const stateMachine = member.stateMachine as RaftStateMachine;
    const snapshot = node.createSnapshot(node.lastApplied, stateMachine.snapshot());
    member.disk.compact(snapshot);
    return { nodeId: member.id, index: snapshot.metadata.index, term: snapshot.metadata.term, sizeBytes: Buffer.byteLength(snapshot.data, 'utf8') };
  }

  private proposeOn(member: Member, input: ProposalInput): GroupProposal {
    const result = (member.node as RaftNode).propose(input);
    this.processReady(member);
    return { ...result, leaderId: member.id };
  }

  private leaderMember(): Member | undefined {
    if (this.leader === null) return undefined;
    const member = this.members.get(this.leader.id);
    return member?.node?.currentRole === 'LEADER' ? member : undefined;
  }

  private requireLeader(): Member {
    const leader = this.leaderMember();
    if (leader === undefined) throw noLeader();
    return leader;
  }

  private requireMember(nodeId: string): Member {
    const member = this.members.get(nodeId);
    if (member === undefined) throw unknownNode(nodeId);
    return member;
  }

  private requireRunning(nodeId: string): Member {
    const member = this.requireMember(nodeId);
    if (member.node === undefined) throw nodeDown(nodeId);
    return member;
  }

  private *runningMembers(): Generator<Member> {
    for (const member of this.members.values()) if (member.node !== undefined) yield member;
  }

  private memberStatus(member: Member): MemberStatus {
    const disk = member.disk;
    const snapshot = disk.currentSnapshot().metadata;
    const node = member.node;
    const contact = member.leaderContact;
    const contactCurrent = node !== undefined && contact !== null && contact.term === node.currentTerm && node.currentRole !== 'LEADER';
    return {
      nodeId: member.id,
      running: node !== undefined,
      lastLeaderContactMs: contactCurrent ? contact.atMs : null,
      incarnation: member.incarnation,
      raft: member.node?.status() ?? null,
      electionsStarted: member.electionsBefore + (member.node?.electionsStarted ?? 0),
      disk: {
        hardState: disk.currentHardState(),
        snapshotIndex: snapshot.index,
        snapshotTerm: snapshot.term,
        firstIndex: disk.firstIndex(),
        lastIndex: disk.lastIndex(),
        entryCount: disk.entryCount(),
        sizeBytes: disk.sizeBytes(),
      },
    };
  }

  private emit(call: (observer: RaftGroupObserver) => void): void {
    for (const observer of [...this.observers]) call(observer);
  }
}
