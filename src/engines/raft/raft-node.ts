/**
 * One Raft peer as a pure state machine, after etcd's `raft` package: no clock, no I/O, no
 * randomness of its own. The host drives it with {@link RaftNode.tick} (logical time) and
 * {@link RaftNode.step} (a message from a peer), calls the operations (propose, change membership,
 * transfer leadership, snapshot), and carries out the I/O each {@link Ready} asks for.
 *
 * Rules implemented (Raft paper §5, dissertation §3-4, §6.2, §9.6; etcd for the details):
 * - Elections with randomized timeouts in [electionTimeout, 2·electionTimeout), the up-to-date
 *   check, votes persisted before they are sent; optional pre-vote; CheckQuorum and the leader
 *   lease (vote requests ignored while a leader was heard from within the election timeout).
 * - Replication with the consistency check and fast backtracking by conflict term, PROBE /
 *   REPLICATE / SNAPSHOT flow control; commit by a majority of voters and only for an entry of the
 *   leader's term (Figure 8); the new leader appends an empty entry.
 * - Membership: one server at a time, taking effect when the entry is appended (dissertation
 *   §4.1), reverting if that entry is truncated; a change only after the leader has committed in
 *   its term, and only one uncommitted at a time; a removed leader steps down when its removal
 *   commits, handing over to its most up-to-date voter.
 * - Leadership transfer (TimeoutNow) with proposals refused meanwhile and an abort after an
 *   election timeout; snapshots and log compaction, InstallSnapshot for lagging followers.
 */
import { assert, DomainError } from '../runtime/domain-error.js';
import {
  applyConfChange,
  createConfiguration,
  describeConfChange,
  isLearner,
  isMember,
  isVoter,
  quorumSize,
  type ConfChange,
  type Configuration,
} from './configuration.js';
import {
  createEntry,
  EMPTY_DURABLE_STATE,
  hardStatesEqual,
  isEmptyDurableState,
  type DurableState,
  type Entry,
  type EntryType,
  type HardState,
  type ProposalInput,
  type Snapshot,
} from './log-entry.js';
import {
  RAFT_MESSAGE_TYPES,
  type AppendRequest,
  type AppendResponse,
  type Heartbeat,
  type RaftMessage,
  type SnapshotRequest,
  type VoteRequest,
} from './messages.js';
import { Progress, type ProgressState } from './progress.js';
import { validateRaftConfig, type RaftConfig, type ValidRaftConfig } from './raft-config.js';
import { membershipChangeRefused, NotLeaderError, proposalBacklogFull, transferInProgress, unknownNode } from './raft-errors.js';
import { RaftLog } from './raft-log.js';
import { stateOfRole, type RaftRole, type RaftState, type Ready, type SoftState } from './ready.js';

/** Role changes allowed by the becomeX functions; anything else is a bug. */
const ALLOWED_TRANSITIONS: Readonly<Record<RaftRole, readonly RaftRole[]>> = Object.freeze({
  FOLLOWER: ['FOLLOWER', 'PRE_CANDIDATE', 'CANDIDATE'],
  PRE_CANDIDATE: ['FOLLOWER', 'PRE_CANDIDATE', 'CANDIDATE'],
  CANDIDATE: ['FOLLOWER', 'PRE_CANDIDATE', 'CANDIDATE', 'LEADER'],
  LEADER: ['FOLLOWER'],
});

type CampaignKind = 'PRE_ELECTION' | 'ELECTION' | 'TRANSFER';
type VoteResult = 'WON' | 'LOST' | 'PENDING';

/** Where an accepted proposal landed in the leader's log. It is committed once a majority holds it. */
export interface ProposalResult {
  readonly index: number;
  readonly term: number;
}

export interface TransferResult {
  /** The node leadership is going to. */
  readonly transfereeId: string;
  /** False when nothing was started: the target already leads, or the same transfer is under way. */
  readonly started: boolean;
}

/** A leader's view of one peer (itself included). */
export interface PeerProgress {
  readonly nodeId: string;
  readonly matchIndex: number;
  readonly nextIndex: number;
  readonly state: ProgressState;
  readonly recentActive: boolean;
  readonly isLearner: boolean;
  readonly inflightAppends: number;
  readonly pendingSnapshotIndex: number;
  /** Ticks since the leader last heard from the peer (0 for the leader itself). */
  readonly silentTicks: number;
}

/** Why a node answered a vote request as it did (the API's VoteDenialReason, short of UNREACHABLE). */
export type VoteVerdict = 'GRANTED' | 'STALE_TERM' | 'ALREADY_VOTED' | 'LOG_NOT_UP_TO_DATE' | 'LEADER_ACTIVE';

/** The last vote request a node handled and its verdict. */
export interface VoteDecision {
  readonly candidateId: string;
  /** The term the request was for (current + 1 for a pre-vote). */
  readonly term: number;
  readonly preVote: boolean;
  readonly verdict: VoteVerdict;
}

/** Everything a node can tell about itself. */
export interface RaftStatus {
  readonly id: string;
  readonly role: RaftRole;
  /** `role` in the paper's three states (PRE_CANDIDATE shows as CANDIDATE). */
  readonly state: RaftState;
  readonly currentTerm: number;
  readonly votedFor: string | null;
  readonly leaderId: string | null;
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** Entries retained after the snapshot. */
  readonly logSize: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly lastLogTerm: number;
  readonly snapshotIndex: number;
  readonly snapshotTerm: number;
  /** The configuration in force (the latest in the log, committed or not). */
  readonly configuration: Configuration;
  /** Index of the entry that set it (the snapshot index if the log holds no config entry). */
  readonly configurationIndex: number;
  readonly configurationCommitted: boolean;
  readonly leadTransferee: string | null;
  /** Votes granted (its own included) in this node's latest campaign: the one it won as leader, the one under way as (pre-)candidate; 0 for a follower. */
  readonly votesReceived: number;
  /** Who granted those votes, sorted. */
  readonly votersGranted: readonly string[];
  readonly electionElapsedTicks: number;
  readonly randomizedElectionTimeoutTicks: number;
  /** Per-peer replication state, on a leader only; sorted by node id. */
  readonly progress: readonly PeerProgress[] | null;
}

/** Settings that may change while a node runs (timing and limits only: none affects safety). */
export type RaftNodeRuntimeSettings = Partial<Omit<RaftConfig, 'id' | 'random' | 'bootstrapVoters' | 'bootstrapLearners'>>;

export class RaftNode {
  readonly id: string;
  private config: ValidRaftConfig;
  /** The configuration as given (before defaults), so that updates merge over it. */
  private configInput: RaftConfig;
  private readonly log: RaftLog;
  private term: number;
  private vote: string | null;
  private role: RaftRole = 'FOLLOWER';
  private leaderId: string | null = null;
  /** Ticks since the last valid leader contact (follower), or since the last quorum check (leader). */
  private electionElapsedTicks = 0;
  private heartbeatElapsedTicks = 0;
  private randomizedElectionTimeoutTicks = 0;
  /** Votes received in the current (pre-)campaign. */
  private readonly votes = new Map<string, boolean>();
  /** Leader only: voters that granted the election it won (the tally is cleared on becoming leader). */
  private votersWon: readonly string[] = [];
  private lastVoteDecision: VoteDecision | undefined;
  /** Leader only: one entry per member, plus this node. */
  private readonly progress = new Map<string, Progress>();
  private leadTransferee: string | null = null;
  /** Leader only: index of the empty entry that opened this term; a commit at or past it means the leader has committed in its term. */
  private termStartIndex = 0;
  private messages: RaftMessage[] = [];
  private previousSoftState: SoftState;
  private previousHardState: HardState;
  private outstandingReady: Ready | undefined;
  /** Elections this node started as a candidate (not pre-votes), since it started. */
  private electionsStartedCount = 0;

  /**
   * @param config - see {@link RaftConfig}; validated here.
   * @param restored - what the node's disk holds (empty for a node that never ran).
   */
  constructor(config: RaftConfig, restored: DurableState = EMPTY_DURABLE_STATE) {
    this.config = validateRaftConfig(config);
    this.configInput = { ...config };
    this.id = this.config.id;
    const bootstrapping = isEmptyDurableState(restored) && this.config.bootstrapVoters.length > 0;
    if (bootstrapping) {
      // Every bootstrapping node writes the same entry 1, committed by fiat: the founding configuration.
      const configuration = createConfiguration(this.config.bootstrapVoters, this.config.bootstrapLearners);
      const command = `bootstrap voters=${configuration.voters.join(',')}${configuration.learners.length > 0 ? ` learners=${configuration.learners.join(',')}` : ''}`;
      const entry = createEntry({ index: 1, term: 1, type: 'config', command, configuration });
      this.log = new RaftLog(restored.snapshot, [entry], 1, 0);
      this.term = 1;
      this.vote = null;
      // The previous hard state is the empty one, so the first Ready persists term 1 and commit 1.
      this.previousHardState = restored.hardState;
    } else {
      const lastIndex = restored.snapshot.metadata.index + restored.entries.length;
      this.log = new RaftLog(restored.snapshot, restored.entries, restored.hardState.commit, lastIndex);
      this.term = restored.hardState.term;
      this.vote = restored.hardState.vote;
      this.previousHardState = restored.hardState;
      assert(this.term >= this.log.lastTerm(), `restored term ${this.term} is at least the last log term ${this.log.lastTerm()}`);
    }
    this.resetRandomizedElectionTimeout();
    this.previousSoftState = this.softState();
  }

  // ---------------------------------------------------------------- driving

  /** Advances logical time by one tick. */
  tick(): void {
    if (this.role === 'LEADER') this.tickHeartbeat();
    else this.tickElection();
  }

  /**
   * Handles a message from a peer. Messages addressed to another node, or from this node, are
   * programmer errors.
   */
  step(message: RaftMessage): void {
    assert(message.to === this.id, `message for ${message.to} stepped into ${this.id}`);
    assert(message.from !== this.id && typeof message.from === 'string' && message.from.length > 0, 'message comes from another node');
    assert(RAFT_MESSAGE_TYPES.includes(message.type), `known message type ${String(message.type)}`);
    assert(Number.isSafeInteger(message.term) && message.term >= 0, 'message term is a non-negative integer');

    if (message.term > this.term) {
      if ((message.type === 'MsgVote' || message.type === 'MsgPreVote') && !message.transfer && this.inLease(message.type)) {
        // Leader lease: we heard from a leader within the election timeout, so a candidate is
        // most likely a partitioned or removed node; neither bump the term nor answer.
        this.noteVoteDecision(message, 'LEADER_ACTIVE');
        return;
      }
      if (message.type === 'MsgPreVote') {
        // A pre-vote never changes our term.
      } else if (message.type === 'MsgPreVoteResp' && !message.reject) {
        // Granted for the term we would campaign in; the term moves only if we win.
      } else {
        const fromLeader = message.type === 'MsgApp' || message.type === 'MsgHeartbeat' || message.type === 'MsgSnap';
        this.becomeFollower(message.term, fromLeader ? message.from : null);
      }
    } else if (message.term < this.term) {
      if (message.type === 'MsgHeartbeat' || message.type === 'MsgApp' || message.type === 'MsgSnap') {
        // A stale leader: tell it our term so it steps down (the paper's reply to any stale
        // AppendEntries). etcd answers only under CheckQuorum or pre-vote and otherwise relies on
        // our vote requests reaching the leader's group; they do not when our configuration is
        // stale and names none of its members, which would strand us for good.
        this.send({ type: 'MsgAppResp', to: message.from, term: this.term, reject: true, index: 0, conflictTerm: 0, conflictIndex: 0 });
      } else if (message.type === 'MsgPreVote') {
        this.send({ type: 'MsgPreVoteResp', to: message.from, term: this.term, reject: true });
      }
      if (message.type === 'MsgVote' || message.type === 'MsgPreVote') this.noteVoteDecision(message, 'STALE_TERM');
      return;
    }

    if (message.type === 'MsgVote' || message.type === 'MsgPreVote') {
      this.handleVoteRequest(message);
      return;
    }
    switch (this.role) {
      case 'FOLLOWER':
        this.stepFollower(message);
        return;
      case 'PRE_CANDIDATE':
      case 'CANDIDATE':
        this.stepCandidate(message);
        return;
      case 'LEADER':
        this.stepLeader(message);
        return;
    }
  }

  /** Whether {@link RaftNode.ready} has anything for the host. */
  hasReady(): boolean {
    return (
      this.messages.length > 0 ||
      this.log.lastIndex() > this.log.lastStableIndex() ||
      this.log.pendingSnapshot() !== undefined ||
      this.log.hasNextCommittedEntries() ||
      !softStatesEqual(this.softState(), this.previousSoftState) ||
      !hardStatesEqual(this.hardState(), this.previousHardState)
    );
  }

  /** Collects the pending I/O; see {@link Ready} for the host's duties. Call {@link RaftNode.advance} after. */
  ready(): Ready {
    assert(this.outstandingReady === undefined, 'the previous Ready was advanced before asking for another');
    const softState = this.softState();
    const hardState = this.hardState();
    const snapshot = this.log.pendingSnapshot();
    const ready: Ready = {
      ...(softStatesEqual(softState, this.previousSoftState) ? {} : { softState }),
      ...(hardStatesEqual(hardState, this.previousHardState) ? {} : { hardState }),
      ...(snapshot === undefined ? {} : { snapshot }),
      entries: this.log.unstableEntries(),
      messages: this.messages,
      committedEntries: this.log.nextCommittedEntries(this.config.maxCommittedEntriesPerReady),
    };
    this.messages = [];
    this.outstandingReady = ready;
    return ready;
  }

  /** The host has persisted, sent and applied everything in `ready`. */
  advance(ready: Ready): void {
    assert(ready === this.outstandingReady, 'advance() is given the outstanding Ready');
    this.outstandingReady = undefined;
    if (ready.softState !== undefined) this.previousSoftState = ready.softState;
    if (ready.hardState !== undefined) this.previousHardState = ready.hardState;
    if (ready.snapshot !== undefined) this.log.snapshotApplied(ready.snapshot);
    const lastEntry = ready.entries[ready.entries.length - 1];
    if (lastEntry !== undefined) this.log.stableTo(lastEntry.index, lastEntry.term);
    const lastCommitted = ready.committedEntries[ready.committedEntries.length - 1];
    if (lastCommitted !== undefined) this.log.appliedTo(lastCommitted.index);
    if (this.role === 'LEADER' && lastEntry !== undefined) {
      // The leader acknowledges its own entries only once they are durable, like any follower.
      this.progress.get(this.id)?.maybeUpdate(this.log.lastStableIndex());
      this.maybeCommit();
    }
  }

  // ---------------------------------------------------------------- operations

  /**
   * Starts an election now, whatever the election timer says. A forced campaign skips pre-vote
   * and the other voters' leader lease, like a leadership transfer: it deposes a live leader.
   * @returns false when this node already leads.
   * @throws UNPROCESSABLE when this node is not a voter of its configuration.
   */
  campaign(options: { force?: boolean } = {}): boolean {
    if (this.role === 'LEADER') return false;
    if (!this.promotable()) {
      throw new DomainError('UNPROCESSABLE', `Node ${this.id} is not a voter of its configuration and cannot campaign.`, { nodeId: this.id });
    }
    this.electionElapsedTicks = 0;
    this.startCampaign(options.force === true ? 'TRANSFER' : this.config.preVote ? 'PRE_ELECTION' : 'ELECTION');
    return true;
  }

  /**
   * Becomes a candidate for exactly `term` and votes for itself, but sends no RequestVote: the
   * host delivers them itself (the API's `POST raft/vote` addressed to every voter) and steps the
   * answers back in, where a quorum makes this node leader as in any election.
   * @throws CONFLICT when this node leads, or `term` is not above its current term (a candidate
   *   only campaigns for a new term); UNPROCESSABLE when it is not a voter of its configuration.
   */
  campaignInTerm(term: number): void {
    if (this.role === 'LEADER') {
      throw new DomainError('CONFLICT', `Node ${this.id} already leads term ${this.term}.`, { reason: 'ALREADY_LEADER', nodeId: this.id, term: this.term });
    }
    if (!this.promotable()) {
      throw new DomainError('UNPROCESSABLE', `Node ${this.id} is not a voter of its configuration and cannot campaign.`, { nodeId: this.id });
    }
    if (!Number.isSafeInteger(term) || term <= this.term) {
      throw new DomainError('CONFLICT', `Node ${this.id} is already in term ${this.term}; a campaign needs a later term than that (asked ${term}).`, {
        reason: 'STALE_TERM',
        nodeId: this.id,
        currentTerm: this.term,
        term,
      });
    }
    this.becomeCandidate(term);
    // A single-voter group wins at once.
    if (this.poll(this.id, true) === 'WON') this.becomeLeader();
  }

  /**
   * Changes timing, election safeguards or limits while running (timing only affects liveness).
   * A new inflight window applies to followers tracked from then on.
   * @throws UNPROCESSABLE for a bad combination; nothing changes then.
   */
  updateSettings(settings: RaftNodeRuntimeSettings): void {
    const input = { ...this.configInput, ...definedSettings(settings) };
    const config = validateRaftConfig(input);
    const timeoutChanged = config.electionTimeoutTicks !== this.config.electionTimeoutTicks;
    this.config = config;
    this.configInput = input;
    if (timeoutChanged) this.resetRandomizedElectionTimeout();
  }

  /**
   * Appends a client command to the leader's log and starts replicating it.
   * @throws NotLeaderError (CONFLICT, details.leaderId) on a non-leader; CONFLICT during a
   *   leadership transfer or with too many uncommitted entries; UNPROCESSABLE for a bad command.
   */
  propose(input: ProposalInput): ProposalResult {
    this.assertAcceptsProposals();
    validateProposal(input, this.config.maxCommandBytes);
    this.assertBacklogRoom();
    const entry = this.appendEntry('normal', input.command, input);
    this.bcastAppend();
    return { index: entry.index, term: entry.term };
  }

  /**
   * Proposes one membership change; it takes effect as soon as it is appended.
   * @throws NotLeaderError on a non-leader; CONFLICT while a change is uncommitted or before the
   *   leader has committed an entry of its term; NOT_FOUND / CONFLICT / UNPROCESSABLE from the
   *   change itself (see applyConfChange).
   */
  proposeConfChange(change: ConfChange, input: Omit<ProposalInput, 'command'> = {}): ProposalResult {
    this.assertAcceptsProposals();
    if (this.log.committed < this.termStartIndex) {
      throw membershipChangeRefused(
        this.id,
        'LEADER_NOT_READY',
        `it has not yet committed an entry of its term ${this.term} (commit index ${this.log.committed}, term starts at ${this.termStartIndex})`,
      );
    }
    const pendingIndex = this.log.lastConfigIndex();
    if (pendingIndex > this.log.committed) {
      throw membershipChangeRefused(this.id, 'CHANGE_PENDING', `the change at index ${pendingIndex} is not committed yet`, pendingIndex);
    }
    const configuration = applyConfChange(this.log.configuration(), change);
    validateProposal({ command: '', ...input }, this.config.maxCommandBytes);
    this.assertBacklogRoom();
    const entry = this.appendEntry('config', describeConfChange(change), input, configuration, change);
    this.bcastAppend();
    return { index: entry.index, term: entry.term };
  }

  /**
   * Hands leadership to `targetId`, or without a target to the voter with the most of the log.
   * The leader first brings the target up to date, then sends it TimeoutNow; proposals are
   * refused meanwhile, and the attempt is abandoned after an election timeout.
   * @throws NotLeaderError on a non-leader; NOT_FOUND for an unknown target; UNPROCESSABLE for a
   *   learner target or when there is no other voter.
   */
  transferLeadership(targetId?: string): TransferResult {
    if (this.role !== 'LEADER') throw new NotLeaderError(this.id, this.leaderId);
    const configuration = this.log.configuration();
    const target = targetId ?? this.bestTransferTarget();
    if (target === undefined) {
      throw new DomainError('UNPROCESSABLE', `Leader ${this.id} has no other voter to transfer leadership to.`, { leaderId: this.id });
    }
    if (target === this.id) return { transfereeId: this.id, started: false };
    if (!isMember(configuration, target)) throw unknownNode(target);
    if (isLearner(configuration, target)) {
      throw new DomainError('UNPROCESSABLE', `Node ${target} is a learner; only a voter can lead.`, { nodeId: target });
    }
    if (this.leadTransferee === target) return { transfereeId: target, started: false };
    this.abortLeaderTransfer();
    // The transfer must finish within one election timeout, counted from now.
    this.electionElapsedTicks = 0;
    this.leadTransferee = target;
    const progress = this.mustProgress(target);
    if (progress.matchIndex === this.log.lastIndex()) this.sendTimeoutNow(target);
    else this.sendAppend(target);
    return { transfereeId: target, started: true };
  }

  /**
   * Records a snapshot of the state machine at `index` (at most the last applied index) and
   * compacts the log through it. The host persists the returned snapshot.
   * @throws CONFLICT when the log is already compacted there; UNPROCESSABLE past the applied index.
   */
  createSnapshot(index: number, data: string): Snapshot {
    if (!Number.isSafeInteger(index) || index < 1) {
      throw new DomainError('UNPROCESSABLE', `A snapshot index must be a positive integer, got ${index}.`, { index });
    }
    if (typeof data !== 'string') throw new DomainError('UNPROCESSABLE', 'Snapshot data must be a string.', {});
    if (index <= this.log.snapshotIndex()) {
      throw new DomainError('CONFLICT', `Node ${this.id} already has a snapshot at index ${this.log.snapshotIndex()} (asked ${index}).`, {
        nodeId: this.id,
        snapshotIndex: this.log.snapshotIndex(),
      });
    }
    if (index > this.log.applied) {
      throw new DomainError('UNPROCESSABLE', `Node ${this.id} has applied only up to ${this.log.applied}; cannot snapshot at ${index}.`, {
        nodeId: this.id,
        lastApplied: this.log.applied,
      });
    }
    const term = this.log.term(index);
    assert(term !== undefined, `the log holds the snapshot index ${index}`);
    const snapshot: Snapshot = Object.freeze({
      metadata: Object.freeze({ index, term, configuration: this.log.configurationAt(index) }),
      data,
    });
    this.log.compact(snapshot);
    return snapshot;
  }

  // ---------------------------------------------------------------- reads

  status(): RaftStatus {
    const configuration = this.log.configuration();
    const votersGranted = this.role === 'LEADER' ? this.votersWon : this.role === 'FOLLOWER' ? [] : this.grantedVoters();
    const configurationIndex = this.log.lastConfigIndex();
    return {
      id: this.id,
      role: this.role,
      state: stateOfRole(this.role),
      currentTerm: this.term,
      votedFor: this.vote,
      leaderId: this.leaderId,
      commitIndex: this.log.committed,
      lastApplied: this.log.applied,
      logSize: this.log.size(),
      firstIndex: this.log.firstIndex(),
      lastIndex: this.log.lastIndex(),
      lastLogTerm: this.log.lastTerm(),
      snapshotIndex: this.log.snapshotIndex(),
      snapshotTerm: this.log.snapshotTerm(),
      configuration,
      configurationIndex,
      configurationCommitted: configurationIndex <= this.log.committed,
      leadTransferee: this.leadTransferee,
      votesReceived: votersGranted.length,
      votersGranted,
      electionElapsedTicks: this.electionElapsedTicks,
      randomizedElectionTimeoutTicks: this.randomizedElectionTimeoutTicks,
      progress: this.role === 'LEADER' ? this.peerProgress() : null,
    };
  }

  /** Elections this node started as a candidate in a new term (a pre-vote is not one), since it started. */
  get electionsStarted(): number {
    return this.electionsStartedCount;
  }

  get currentRole(): RaftRole {
    return this.role;
  }

  get currentTerm(): number {
    return this.term;
  }

  get knownLeaderId(): string | null {
    return this.leaderId;
  }

  /** The configuration in force, the index of the entry that set it, and whether that entry is committed. */
  membership(): { configuration: Configuration; index: number; committed: boolean } {
    const index = this.log.lastConfigIndex();
    return { configuration: this.log.configuration(), index, committed: index <= this.log.committed };
  }

  /** A leader's progress for one peer; undefined on a non-leader or for an untracked peer. */
  progressOf(nodeId: string): PeerProgress | undefined {
    if (this.role !== 'LEADER') return undefined;
    const progress = this.progress.get(nodeId);
    if (progress === undefined) return undefined;
    return toPeerProgress(nodeId, progress);
  }

  get lastIndex(): number {
    return this.log.lastIndex();
  }

  get commitIndex(): number {
    return this.log.committed;
  }

  get lastApplied(): number {
    return this.log.applied;
  }

  /** Retained entries from `fromIndex` (clamped to the first retained index), at most `maxCount`. */
  readEntries(fromIndex: number, maxCount: number): Entry[] {
    assert(Number.isSafeInteger(maxCount) && maxCount >= 0, 'maxCount is a non-negative integer');
    const from = Math.max(fromIndex, this.log.firstIndex());
    if (from > this.log.lastIndex()) return [];
    return this.log.entriesFrom(from, maxCount);
  }

  /** The last vote request handled and why it was answered as it was (for the API's vote reasons). */
  lastVote(): VoteDecision | undefined {
    return this.lastVoteDecision;
  }

  /** Term of the entry at `index`, if the log still holds it (or it is the snapshot's last entry). */
  termAt(index: number): number | undefined {
    return this.log.term(index);
  }

  /** The latest snapshot (index 0 when none). */
  latestSnapshot(): Snapshot {
    return this.log.latestSnapshot();
  }

  // ---------------------------------------------------------------- role changes

  private becomeFollower(term: number, leaderId: string | null): void {
    this.transition('FOLLOWER');
    this.reset(term);
    this.role = 'FOLLOWER';
    this.leaderId = leaderId;
  }

  private becomePreCandidate(): void {
    this.transition('PRE_CANDIDATE');
    // A pre-candidate changes neither term nor vote: that is the point of pre-vote.
    this.votes.clear();
    this.leaderId = null;
    this.electionElapsedTicks = 0;
    this.resetRandomizedElectionTimeout();
    this.role = 'PRE_CANDIDATE';
  }

  private becomeCandidate(term = this.term + 1): void {
    this.transition('CANDIDATE');
    this.electionsStartedCount += 1;
    this.reset(term);
    this.vote = this.id;
    this.role = 'CANDIDATE';
  }

  private becomeLeader(): void {
    this.transition('LEADER');
    const votersWon = this.grantedVoters();
    this.reset(this.term);
    this.votersWon = votersWon;
    this.role = 'LEADER';
    this.leaderId = this.id;
    const nextIndex = this.log.lastIndex() + 1;
    const configuration = this.log.configuration();
    for (const nodeId of [...configuration.voters, ...configuration.learners]) {
      this.progress.set(nodeId, new Progress(nextIndex, this.config.maxInflightAppends, isLearner(configuration, nodeId), false));
    }
    const own = this.mustProgress(this.id);
    own.recentActive = true;
    own.matchIndex = this.log.lastStableIndex();
    own.becomeReplicate();
    own.nextIndex = nextIndex;
    // Entries of earlier terms commit only once an entry of this term does (Figure 8): append one now.
    this.termStartIndex = nextIndex;
    this.appendEntry('empty', '', {});
    this.bcastAppend();
  }

  private transition(to: RaftRole): void {
    if (!ALLOWED_TRANSITIONS[this.role].includes(to)) {
      throw new Error(`invalid transition [${roleName(this.role)} -> ${roleName(to)}]`);
    }
  }

  private reset(term: number): void {
    if (term !== this.term) {
      assert(term > this.term, `term moves forward (${this.term} -> ${term})`);
      this.term = term;
      this.vote = null;
    }
    this.leaderId = null;
    this.electionElapsedTicks = 0;
    this.heartbeatElapsedTicks = 0;
    this.resetRandomizedElectionTimeout();
    this.leadTransferee = null;
    this.votes.clear();
    this.progress.clear();
    this.termStartIndex = 0;
    this.votersWon = [];
  }

  private resetRandomizedElectionTimeout(): void {
    const base = this.config.electionTimeoutTicks;
    const drawn = this.config.randomInt(base, 2 * base);
    assert(Number.isSafeInteger(drawn) && drawn >= base && drawn < 2 * base, `random source drew ${drawn} within [${base}, ${2 * base})`);
    this.randomizedElectionTimeoutTicks = drawn;
  }

  // ---------------------------------------------------------------- ticks

  private tickElection(): void {
    this.electionElapsedTicks += 1;
    // Without autoElection the timer still runs: it dates the last leader contact for the lease.
    if (this.config.autoElection && this.promotable() && this.electionElapsedTicks >= this.randomizedElectionTimeoutTicks) {
      this.electionElapsedTicks = 0;
      this.startCampaign(this.config.preVote ? 'PRE_ELECTION' : 'ELECTION');
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsedTicks += 1;
    this.electionElapsedTicks += 1;
    if (this.electionElapsedTicks >= this.config.electionTimeoutTicks) {
      this.electionElapsedTicks = 0;
      if (this.config.checkQuorum) {
        if (!this.quorumActive()) {
          this.becomeFollower(this.term, null);
          return;
        }
        for (const [nodeId, progress] of this.progress) if (nodeId !== this.id) progress.recentActive = false;
      }
      // A transfer that has not completed within an election timeout is abandoned.
      this.abortLeaderTransfer();
    }
    for (const [nodeId, progress] of this.progress) if (nodeId !== this.id) progress.silentTicks += 1;
    for (const progress of this.progress.values()) {
      if (progress.state !== 'SNAPSHOT') continue;
      progress.snapshotElapsedTicks += 1;
      // The simulated network drops messages silently: presume a snapshot unacknowledged for an
      // election timeout lost, and probe again (which resends it if still needed).
      if (progress.snapshotElapsedTicks >= this.config.electionTimeoutTicks) progress.snapshotFailed();
    }
    if (this.heartbeatElapsedTicks >= this.config.heartbeatIntervalTicks) {
      this.heartbeatElapsedTicks = 0;
      this.bcastHeartbeat();
    } else {
      this.sendCommitNotices();
    }
  }

  // ---------------------------------------------------------------- elections

  /** A voter of its own configuration, not waiting for a snapshot to be installed. */
  private promotable(): boolean {
    return isVoter(this.log.configuration(), this.id) && this.log.pendingSnapshot() === undefined;
  }

  private inLease(type: 'MsgVote' | 'MsgPreVote'): boolean {
    const heardFromLeader = this.leaderId !== null && this.electionElapsedTicks < this.config.electionTimeoutTicks;
    // Pre-votes are refused while a leader is known (dissertation §9.6); real votes only under
    // CheckQuorum, whose step-down keeps the lease honest (etcd's rule).
    return heardFromLeader && (this.config.checkQuorum || type === 'MsgPreVote');
  }

  private startCampaign(kind: CampaignKind): void {
    assert(this.promotable(), `${this.id} campaigns only as a voter`);
    let voteTerm: number;
    let type: 'MsgVote' | 'MsgPreVote';
    if (kind === 'PRE_ELECTION') {
      this.becomePreCandidate();
      voteTerm = this.term + 1;
      type = 'MsgPreVote';
    } else {
      this.becomeCandidate();
      voteTerm = this.term;
      type = 'MsgVote';
    }
    if (this.poll(this.id, true) === 'WON') {
      // A single-voter group wins at once.
      if (kind === 'PRE_ELECTION') this.startCampaign('ELECTION');
      else this.becomeLeader();
      return;
    }
    const lastLogIndex = this.log.lastIndex();
    const lastLogTerm = this.log.lastTerm();
    for (const voter of this.log.configuration().voters) {
      if (voter === this.id) continue;
      this.send({ type, to: voter, term: voteTerm, lastLogIndex, lastLogTerm, transfer: kind === 'TRANSFER' });
    }
  }

  private poll(from: string, granted: boolean): VoteResult {
    const configuration = this.log.configuration();
    if (isVoter(configuration, from) && !this.votes.has(from)) this.votes.set(from, granted);
    let grants = 0;
    let rejections = 0;
    for (const [voter, vote] of this.votes) {
      if (!isVoter(configuration, voter)) continue;
      if (vote) grants += 1;
      else rejections += 1;
    }
    const quorum = quorumSize(configuration);
    if (grants >= quorum) return 'WON';
    if (rejections > configuration.voters.length - quorum) return 'LOST';
    return 'PENDING';
  }

  private grantedVoters(): string[] {
    return [...this.votes].filter(([, granted]) => granted).map(([voter]) => voter).sort();
  }

  private handleVoteRequest(message: VoteRequest): void {
    const responseType = message.type === 'MsgVote' ? 'MsgVoteResp' : 'MsgPreVoteResp';
    const canVote =
      this.vote === message.from ||
      (this.vote === null && this.leaderId === null) ||
      (message.type === 'MsgPreVote' && message.term > this.term);
    // Any node answers, learners included: a learner may have been promoted without knowing it yet.
    if (canVote && this.log.isUpToDate(message.lastLogIndex, message.lastLogTerm)) {
      // Answer with the request's term: a pre-candidate ignores answers from terms below its own.
      this.send({ type: responseType, to: message.from, term: message.term, reject: false });
      if (message.type === 'MsgVote') {
        this.electionElapsedTicks = 0;
        this.vote = message.from;
      }
      this.noteVoteDecision(message, 'GRANTED');
    } else {
      this.send({ type: responseType, to: message.from, term: this.term, reject: true });
      // Cannot vote: another vote in this term, or (not having voted) a leader already known in it.
      const verdict = !canVote ? (this.vote !== null ? 'ALREADY_VOTED' : 'LEADER_ACTIVE') : 'LOG_NOT_UP_TO_DATE';
      this.noteVoteDecision(message, verdict);
    }
  }

  private noteVoteDecision(message: VoteRequest, verdict: VoteVerdict): void {
    this.lastVoteDecision = { candidateId: message.from, term: message.term, preVote: message.type === 'MsgPreVote', verdict };
  }

  // ---------------------------------------------------------------- per-role steps

  private stepFollower(message: RaftMessage): void {
    switch (message.type) {
      case 'MsgApp':
      case 'MsgHeartbeat':
      case 'MsgSnap':
        this.electionElapsedTicks = 0;
        this.leaderId = message.from;
        this.handleFromLeader(message);
        return;
      case 'MsgTimeoutNow':
        if (this.promotable()) this.startCampaign('TRANSFER');
        return;
      default:
        // Responses addressed to an earlier role of ours.
        return;
    }
  }

  private stepCandidate(message: RaftMessage): void {
    switch (message.type) {
      case 'MsgApp':
      case 'MsgHeartbeat':
      case 'MsgSnap':
        // A leader exists in our term (message.term === this.term here).
        this.becomeFollower(message.term, message.from);
        this.handleFromLeader(message);
        return;
      case 'MsgPreVoteResp':
        // Count only answers for the term this pre-campaign is for.
        if (this.role === 'PRE_CANDIDATE' && (message.reject || message.term === this.term + 1)) {
          this.tally(message.from, !message.reject);
        }
        return;
      case 'MsgVoteResp':
        if (this.role === 'CANDIDATE') this.tally(message.from, !message.reject);
        return;
      default:
        return;
    }
  }

  private tally(from: string, granted: boolean): void {
    const result = this.poll(from, granted);
    if (result === 'WON') {
      if (this.role === 'PRE_CANDIDATE') this.startCampaign('ELECTION');
      else this.becomeLeader();
    } else if (result === 'LOST') {
      this.becomeFollower(this.term, null);
    }
  }

  private stepLeader(message: RaftMessage): void {
    // Only the leader of a term sends these in that term; receiving one means two leaders.
    assert(
      message.type !== 'MsgApp' && message.type !== 'MsgHeartbeat' && message.type !== 'MsgSnap',
      `${this.id} leads term ${this.term} and received ${message.type} from ${message.from} in the same term`,
    );
    const progress = this.progress.get(message.from);
    if (progress === undefined) return;
    progress.silentTicks = 0;
    switch (message.type) {
      case 'MsgAppResp':
        progress.recentActive = true;
        if (message.reject) this.handleAppendRejection(message, progress);
        else this.handleAppendSuccess(message, progress);
        return;
      case 'MsgHeartbeatResp':
        progress.recentActive = true;
        progress.probeSent = false;
        // Also sends an empty probe to a follower whose inflight window is full, in case every
        // message that filled it was lost.
        if (progress.matchIndex < this.log.lastIndex() || progress.state === 'PROBE') this.sendAppend(message.from);
        return;
      default:
        return;
    }
  }

  private handleAppendRejection(message: AppendResponse, progress: Progress): void {
    let hintNextIndex = message.conflictIndex;
    if (message.conflictTerm > 0) {
      // Skip the follower's whole conflicting term, or jump to just after our own last entry of it.
      const lastOfTerm = this.log.lastIndexOfTerm(message.conflictTerm, message.index);
      if (lastOfTerm !== undefined) hintNextIndex = lastOfTerm + 1;
    }
    if (!progress.maybeDecrTo(message.index, hintNextIndex - 1)) return;
    if (progress.state === 'REPLICATE') {
      const nextIndex = progress.nextIndex;
      progress.becomeProbe();
      progress.nextIndex = nextIndex;
    }
    this.sendAppend(message.from);
  }

  private handleAppendSuccess(message: AppendResponse, progress: Progress): void {
    const reprobed = progress.matchIndex === message.index && progress.state === 'PROBE';
    if (!progress.maybeUpdate(message.index) && !reprobed) return;
    if (progress.state === 'PROBE') {
      progress.becomeReplicate();
    } else if (progress.state === 'SNAPSHOT' && progress.matchIndex + 1 >= this.log.firstIndex()) {
      // The follower can be caught up from the log again.
      progress.becomeProbe();
      progress.becomeReplicate();
    } else if (progress.state === 'REPLICATE') {
      progress.inflights.freeLE(message.index);
    }
    this.maybeCommit();
    if (this.role !== 'LEADER') return;
    // The window may have opened for several messages at once.
    while (this.sendAppend(message.from, false)) {
      // keep sending while there are entries and room
    }
    if (message.from === this.leadTransferee && progress.matchIndex === this.log.lastIndex()) this.sendTimeoutNow(message.from);
  }

  private handleFromLeader(message: AppendRequest | Heartbeat | SnapshotRequest): void {
    switch (message.type) {
      case 'MsgApp':
        this.handleAppendEntries(message);
        return;
      case 'MsgHeartbeat':
        this.log.commitTo(message.leaderCommit);
        this.send({ type: 'MsgHeartbeatResp', to: message.from, term: this.term });
        return;
      case 'MsgSnap':
        this.handleSnapshot(message);
        return;
    }
  }

  private handleAppendEntries(message: AppendRequest): void {
    if (message.prevLogIndex < this.log.committed) {
      // Old or duplicated: everything up to our commit index matches the leader's log anyway.
      this.sendAppendResponse(message.from, this.log.committed);
      return;
    }
    const lastIndex = this.log.maybeAppend(message.prevLogIndex, message.prevLogTerm, message.leaderCommit, message.entries);
    if (lastIndex !== undefined) {
      this.sendAppendResponse(message.from, lastIndex);
      return;
    }
    let conflictTerm = 0;
    let conflictIndex = this.log.lastIndex() + 1;
    if (message.prevLogIndex <= this.log.lastIndex()) {
      conflictTerm = this.log.term(message.prevLogIndex) ?? 0;
      conflictIndex = this.log.firstIndexOfTerm(conflictTerm, message.prevLogIndex);
    }
    this.send({ type: 'MsgAppResp', to: message.from, term: this.term, reject: true, index: message.prevLogIndex, conflictTerm, conflictIndex });
  }

  private handleSnapshot(message: SnapshotRequest): void {
    const { index, term } = message.snapshot.metadata;
    if (index <= this.log.committed) {
      this.sendAppendResponse(message.from, this.log.committed);
    } else if (this.log.matchTerm(index, term)) {
      // We already hold the snapshot's last entry: only the commit index moves.
      this.log.commitTo(index);
      this.sendAppendResponse(message.from, this.log.committed);
    } else {
      this.log.restore(message.snapshot);
      this.sendAppendResponse(message.from, this.log.lastIndex());
    }
  }

  private sendAppendResponse(to: string, index: number): void {
    this.send({ type: 'MsgAppResp', to, term: this.term, reject: false, index, conflictTerm: 0, conflictIndex: 0 });
  }

  // ---------------------------------------------------------------- leader replication

  private appendEntry(type: EntryType, command: string, input: Omit<ProposalInput, 'command'>, configuration?: Configuration, confChange?: ConfChange): Entry {
    const entry = createEntry({
      index: this.log.lastIndex() + 1,
      term: this.term,
      type,
      command,
      clientId: input.clientId,
      requestId: input.requestId,
      timestampMs: input.timestampMs,
      configuration,
      confChange,
    });
    this.log.append([entry]);
    if (type === 'config') this.syncProgressWithConfiguration();
    return entry;
  }

  /** The leader follows a configuration as soon as it appends it. */
  private syncProgressWithConfiguration(): void {
    const configuration = this.log.configuration();
    const nextIndex = this.log.lastIndex() + 1;
    for (const nodeId of [...configuration.voters, ...configuration.learners]) {
      const existing = this.progress.get(nodeId);
      if (existing === undefined) {
        // A newcomer counts as active for its first quorum check, so adding it cannot depose us.
        this.progress.set(nodeId, new Progress(nextIndex, this.config.maxInflightAppends, isLearner(configuration, nodeId), true));
      } else {
        existing.isLearner = isLearner(configuration, nodeId);
      }
    }
    for (const nodeId of [...this.progress.keys()]) {
      // The leader keeps its own progress while it is being removed: it still replicates the change.
      if (nodeId !== this.id && !isMember(configuration, nodeId)) this.progress.delete(nodeId);
    }
    if (this.leadTransferee !== null && !isVoter(configuration, this.leadTransferee)) this.abortLeaderTransfer();
  }

  private bcastAppend(): void {
    for (const nodeId of this.progress.keys()) if (nodeId !== this.id) this.sendAppend(nodeId);
  }

  private bcastHeartbeat(): void {
    for (const [nodeId, progress] of this.progress) {
      if (nodeId === this.id) continue;
      const leaderCommit = Math.min(progress.matchIndex, this.log.committed);
      this.send({ type: 'MsgHeartbeat', to: nodeId, term: this.term, leaderCommit });
      progress.commitSent = Math.max(progress.commitSent, leaderCommit);
    }
  }

  /**
   * Between heartbeats, tells followers about a commit index they have not been sent yet. Done
   * on the tick rather than on every acknowledgement, so a burst of commits costs one notice.
   */
  private sendCommitNotices(): void {
    for (const [nodeId, progress] of this.progress) {
      if (nodeId === this.id) continue;
      const leaderCommit = Math.min(progress.matchIndex, this.log.committed);
      if (leaderCommit <= progress.commitSent) continue;
      this.send({ type: 'MsgHeartbeat', to: nodeId, term: this.term, leaderCommit });
      progress.commitSent = leaderCommit;
    }
  }

  /**
   * Sends the follower its next entries (or a snapshot if they are compacted away).
   * @param sendIfEmpty - also send an entry-less append (a probe or commit carrier).
   * @returns whether a message was sent.
   */
  private sendAppend(to: string, sendIfEmpty = true): boolean {
    const progress = this.mustProgress(to);
    if (progress.isPaused()) return false;
    const prevLogIndex = progress.nextIndex - 1;
    const prevLogTerm = this.log.term(prevLogIndex);
    if (prevLogTerm === undefined) return this.sendSnapshot(to, progress);
    // With a full window only an empty probe goes out, so that lost messages cannot stall replication.
    const windowFull = progress.state === 'REPLICATE' && progress.inflights.full();
    const entries = windowFull || progress.nextIndex > this.log.lastIndex() ? [] : this.log.entriesFrom(progress.nextIndex, this.config.maxEntriesPerAppend);
    if (entries.length === 0 && !sendIfEmpty) return false;
    this.send({ type: 'MsgApp', to, term: this.term, prevLogIndex, prevLogTerm, entries, leaderCommit: this.log.committed });
    progress.commitSent = Math.max(progress.commitSent, Math.min(this.log.committed, prevLogIndex + entries.length));
    progress.sentEntries(entries.length);
    return true;
  }

  private sendSnapshot(to: string, progress: Progress): boolean {
    // A snapshot is large: only send it to a follower that answered recently.
    if (!progress.recentActive) return false;
    const snapshot = this.log.latestSnapshot();
    assert(snapshot.metadata.index > 0, 'a leader missing the entries a follower needs has a snapshot');
    progress.becomeSnapshot(snapshot.metadata.index);
    this.send({ type: 'MsgSnap', to, term: this.term, snapshot });
    return true;
  }

  private sendTimeoutNow(to: string): void {
    this.send({ type: 'MsgTimeoutNow', to, term: this.term });
  }

  private maybeCommit(): boolean {
    const configuration = this.log.configuration();
    const matches = configuration.voters.map((voter) => this.progress.get(voter)?.matchIndex ?? 0).sort((a, b) => b - a);
    const quorumIndex = matches[quorumSize(configuration) - 1] ?? 0;
    // Figure 8: counting replicas commits only entries of the current term.
    if (quorumIndex <= this.log.committed || this.log.term(quorumIndex) !== this.term) return false;
    this.log.commitTo(quorumIndex);
    if (!isVoter(configuration, this.id) && this.log.committed >= this.log.lastConfigIndex()) this.stepDownAfterRemoval();
    return true;
  }

  /** Our removal has committed: pass on the commit index, hand over to the best voter, and step down. */
  private stepDownAfterRemoval(): void {
    this.bcastAppend();
    const successor = this.bestTransferTarget();
    if (successor !== undefined && this.mustProgress(successor).matchIndex === this.log.lastIndex()) this.sendTimeoutNow(successor);
    this.becomeFollower(this.term, null);
  }

  private quorumActive(): boolean {
    const configuration = this.log.configuration();
    let active = 0;
    for (const voter of configuration.voters) {
      if (voter === this.id || this.progress.get(voter)?.recentActive === true) active += 1;
    }
    return active >= quorumSize(configuration);
  }

  /** The other voter holding the most of our log; active ones first, then by id for determinism. */
  private bestTransferTarget(): string | undefined {
    let best: { nodeId: string; progress: Progress } | undefined;
    for (const voter of this.log.configuration().voters) {
      if (voter === this.id) continue;
      const progress = this.progress.get(voter);
      if (progress === undefined) continue;
      const better =
        best === undefined ||
        progress.matchIndex > best.progress.matchIndex ||
        (progress.matchIndex === best.progress.matchIndex && progress.recentActive && !best.progress.recentActive);
      if (better) best = { nodeId: voter, progress };
    }
    return best?.nodeId;
  }

  private abortLeaderTransfer(): void {
    this.leadTransferee = null;
  }

  private assertAcceptsProposals(): void {
    if (this.role !== 'LEADER') throw new NotLeaderError(this.id, this.leaderId);
    if (!isMember(this.log.configuration(), this.id)) {
      throw new NotLeaderError(this.id, null, 'it is leaving the configuration and steps down once that commits');
    }
    if (this.leadTransferee !== null) throw transferInProgress(this.id, this.leadTransferee);
  }

  private assertBacklogRoom(): void {
    const uncommitted = this.log.lastIndex() - this.log.committed;
    if (uncommitted >= this.config.maxUncommittedEntries) throw proposalBacklogFull(this.id, uncommitted, this.config.maxUncommittedEntries);
  }

  private mustProgress(nodeId: string): Progress {
    const progress = this.progress.get(nodeId);
    assert(progress !== undefined, `leader ${this.id} tracks ${nodeId}`);
    return progress;
  }

  private peerProgress(): PeerProgress[] {
    return [...this.progress.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([nodeId, progress]) => toPeerProgress(nodeId, progress));
  }

  // ---------------------------------------------------------------- plumbing

  private send(message: DistributiveOmit<RaftMessage, 'from'>): void {
    this.messages.push({ ...message, from: this.id } as RaftMessage);
  }

  private softState(): SoftState {
    return { role: this.role, leaderId: this.leaderId, term: this.term };
  }

  private hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The settings actually given (an explicit undefined does not erase a value). */
function definedSettings(settings: RaftNodeRuntimeSettings): RaftNodeRuntimeSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as RaftNodeRuntimeSettings;
}

function toPeerProgress(nodeId: string, progress: Progress): PeerProgress {
  return {
    nodeId,
    matchIndex: progress.matchIndex,
    nextIndex: progress.nextIndex,
    state: progress.state,
    recentActive: progress.recentActive,
    isLearner: progress.isLearner,
    inflightAppends: progress.inflights.count,
    pendingSnapshotIndex: progress.pendingSnapshotIndex,
    silentTicks: progress.silentTicks,
  };
}

function softStatesEqual(a: SoftState, b: SoftState): boolean {
  return a.role === b.role && a.leaderId === b.leaderId && a.term === b.term;
}

function roleName(role: RaftRole): string {
  return role.toLowerCase().replace('_', '-');
}

/** Rejects proposal fields the outside world got wrong. */
function validateProposal(input: ProposalInput, maxCommandBytes: number): void {
  const problems: string[] = [];
  if (typeof input.command !== 'string') problems.push('command must be a string');
  else if (Buffer.byteLength(input.command, 'utf8') > maxCommandBytes) problems.push(`command must be at most ${maxCommandBytes} bytes`);
  if (input.clientId !== undefined && (typeof input.clientId !== 'string' || input.clientId.length === 0)) problems.push('clientId must be a non-empty string');
  if (input.requestId !== undefined && (!Number.isSafeInteger(input.requestId) || input.requestId < 0)) problems.push('requestId must be a non-negative integer');
  if (input.timestampMs !== undefined && !Number.isFinite(input.timestampMs)) problems.push('timestampMs must be a finite number');
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid proposal: ${problems.join('; ')}.`, { problems });
}

/**
 * The answer to a RequestVote among a Ready's messages, as the API's `POST raft/vote` reports it.
 * A request ignored under the leader lease has no answer: it was not granted.
 */
export function voteAnswerFrom(messages: readonly RaftMessage[], candidateId: string, currentTerm: number): { term: number; voteGranted: boolean } {
  for (const message of messages) {
    if ((message.type === 'MsgVoteResp' || message.type === 'MsgPreVoteResp') && message.to === candidateId) {
      return { term: message.term, voteGranted: !message.reject };
    }
  }
  return { term: currentTerm, voteGranted: false };
}
