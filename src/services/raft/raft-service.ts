import { RAFT_TICK_MS, type ClusterConsensus } from '../../engines/cluster/cluster-consensus.js';
import type { ClusterNodes, ClusterNodeView } from '../../engines/cluster/cluster-nodes.js';
import { removalEndangersQuorum, type MemberHealth } from '../../engines/cluster/quorum.js';
import { assert, DomainError } from '../../engines/runtime/domain-error.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import { isLearner, isMember, isVoter, quorumSize, type ConfChangeType, type Configuration } from '../../engines/raft/configuration.js';
import type { Entry, EntryType } from '../../engines/raft/log-entry.js';
import { MAX_ENTRY_PAGE, type MemberStatus, type PendingChange, type RaftGroup } from '../../engines/raft/raft-group.js';
import type { RaftStatus } from '../../engines/raft/raft-node.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

type RaftNodeState = RaftStatus['state'];
type Suffrage = 'VOTER' | 'LEARNER';
type RaftEntryType = 'COMMAND' | 'CONFIG_CHANGE' | 'NO_OP';
type RaftConfigChangeType = 'ADD_LEARNER' | 'PROMOTE' | 'REMOVE';
type VoteReason = 'GRANTED' | 'STALE_TERM' | 'ALREADY_VOTED' | 'LOG_NOT_UP_TO_DATE' | 'LEADER_ACTIVE' | 'UNREACHABLE';

/** One node's consensus state (the contract's RaftState). */
export interface RaftStateView {
  nodeId: string;
  state: RaftNodeState;
  suffrage: Suffrage;
  currentTerm: number;
  votedFor: string | null;
  leader: string | null;
  commitIndex: number;
  lastApplied: number;
  lastLogIndex: number;
  lastLogTerm: number;
  logSize: number;
  snapshotIndex: number;
  snapshotTerm: number;
  votesReceived: string[];
  electionTimeoutMs: number;
  electionElapsedMs: number;
  lastLeaderContact: string | null;
}

export interface RaftLeaderView {
  leaderId: string | null;
  address: string | null;
  term: number;
  leaderSince: string | null;
  electionInProgress: boolean;
  commitIndex: number;
  lastLogIndex: number;
  votersInContact: number;
  voters: number;
  quorumSize: number;
}

export interface RaftVoteRequest {
  candidateId: string;
  term: number;
  lastLogIndex?: number;
  lastLogTerm?: number;
  nodeId?: string;
}

export interface RaftVote {
  nodeId: string;
  term: number | null;
  voteGranted: boolean;
  reason: VoteReason;
}

export interface RaftVoteResult {
  term: number;
  voteGranted: boolean;
  votesGranted: number;
  quorumSize: number;
  votes: RaftVote[];
}

export interface RaftLogSummary {
  nodeId: string;
  firstIndex: number;
  lastIndex: number;
  lastLogTerm: number;
  commitIndex: number;
  lastApplied: number;
  snapshotIndex: number;
  snapshotTerm: number;
  logSize: number;
  sizeBytes: number;
  uncommittedEntries: number;
}

export interface RaftLogEntry {
  index: number;
  term: number;
  type: RaftEntryType;
  command: string;
  timestamp: string | null;
  clientId: string | null;
  requestId: number | null;
  committed: boolean;
}

export const RAFT_LOG_ENTRY_FIELDS: readonly (keyof RaftLogEntry)[] = ['index', 'term', 'type', 'command', 'timestamp', 'clientId', 'requestId', 'committed'];

export interface RaftLogEntryQuery {
  nodeId?: string;
  fromIndex?: number;
  toIndex?: number;
  term?: number;
  type?: RaftEntryType;
  clientId?: string;
  sortBy?: 'index' | 'term' | 'timestamp';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface RaftEntryInput {
  command: string;
  clientId?: string;
  requestId?: number;
}

export interface AppendEntriesResult {
  leaderId: string;
  term: number;
  commitIndex: number;
  lastIndex: number;
  entries: { index: number; term: number; committed: boolean; duplicate: boolean }[];
}

export interface NodeSnapshotView {
  nodeId: string;
  lastIncludedIndex: number;
  lastIncludedTerm: number;
  sizeBytes: number;
  entriesCompacted: number;
}

export interface SnapshotInfo {
  createdAt: string;
  nodeIds: string[];
  snapshots: NodeSnapshotView[];
  totalEntriesCompacted: number;
}

export interface RaftMemberView {
  nodeId: string;
  suffrage: Suffrage;
  state: RaftNodeState | null;
  isLeader: boolean;
  matchIndex: number | null;
  nextIndex: number | null;
  progressState: 'PROBE' | 'REPLICATE' | 'SNAPSHOT' | null;
  lagEntries: number | null;
  caughtUp: boolean;
  recentActive: boolean;
  lastContact: string | null;
}

export interface RaftPendingChangeView {
  type: RaftConfigChangeType;
  nodeId: string;
  index: number;
  proposedAt: string;
  autoPromote: boolean;
}

export interface RaftMembership {
  leaderId: string | null;
  term: number;
  configIndex: number;
  voters: number;
  learners: number;
  quorumSize: number;
  pendingChange: RaftPendingChangeView | null;
  members: RaftMemberView[];
}

export interface RaftServiceDeps {
  consensus: ClusterConsensus;
  nodes: ClusterNodes;
  clock: VirtualClock;
  runner: OperationRunner;
}

const ENTRY_TYPES: Readonly<Record<EntryType, RaftEntryType>> = { normal: 'COMMAND', config: 'CONFIG_CHANGE', empty: 'NO_OP' };
/** The group proposes addLearner, promoteLearner and removeNode only; addVoter exists in the engine for other hosts. */
const CHANGE_TYPES: Readonly<Record<ConfChangeType, RaftConfigChangeType | null>> = {
  addLearner: 'ADD_LEARNER',
  promoteLearner: 'PROMOTE',
  removeNode: 'REMOVE',
  addVoter: null,
};
/** The contract's longest `command` text. */
const MAX_COMMAND_CHARS = 4096;

/** A running leader of the highest term any running node has seen, with its status. */
interface ElectedLeader {
  id: string;
  sinceMs: number;
  raft: RaftStatus;
}

/** Every node's status once, for the reads of one request. */
interface GroupView {
  statuses: readonly MemberStatus[];
  byId: ReadonlyMap<string, MemberStatus>;
  leader: ElectedLeader | null;
  /** The configuration in force: the leader's, or without one the newest any running node holds. */
  configuration: { configuration: Configuration; index: number } | null;
  /** The highest term any running node has seen (0 when none runs). */
  term: number;
}

/**
 * Raft consensus as the API shows it: node state, the leader, RequestVote, the replicated log,
 * snapshots and the voting configuration, all read from (and applied to) the Raft group the
 * cluster's nodes run. Terms and indexes are the engine's; ticks become ms with RAFT_TICK_MS.
 */
export class RaftService {
  constructor(private readonly deps: RaftServiceDeps) {}

  private get group(): RaftGroup {
    return this.deps.consensus.group;
  }

  getState(context: OperationContext, nodeId: string | undefined): RaftStateView {
    return this.deps.runner.read(context, 'getRaftState', () => {
      const view = this.view();
      let status: MemberStatus | undefined;
      if (nodeId !== undefined) status = view.byId.get(this.requireGroupMember(nodeId));
      else status = view.leader ? view.byId.get(view.leader.id) : this.runningVoterWithHighest(view, (raft) => raft.currentTerm);
      if (status === undefined) throw noRunningVoter();
      return this.toStateView(status, view);
    });
  }

  getLeader(context: OperationContext): RaftLeaderView {
    return this.deps.runner.read(context, 'getRaftLeader', () => {
      const view = this.view();
      const leader = view.leader;
      const running = view.statuses.flatMap((status) => (status.raft ? [status.raft] : []));
      const voters = view.configuration?.configuration.voters.length ?? 0;
      return {
        leaderId: leader?.id ?? null,
        address: leader && this.deps.nodes.has(leader.id) ? this.deps.nodes.get(leader.id).address : null,
        term: view.term,
        leaderSince: leader ? isoTime(leader.sinceMs) : null,
        electionInProgress: running.some((raft) => raft.state === 'CANDIDATE'),
        commitIndex: leader ? leader.raft.commitIndex : Math.max(0, ...running.map((raft) => raft.commitIndex)),
        lastLogIndex: leader?.raft.lastIndex ?? 0,
        votersInContact: leader ? this.votersInContact(leader) : 0,
        voters,
        quorumSize: voters === 0 ? 0 : quorumOfVoters(voters),
      };
    });
  }

  requestVote(context: OperationContext, request: RaftVoteRequest): Promise<RaftVoteResult> {
    return this.deps.runner.run(context, 'requestRaftVote', `raft.vote/${request.candidateId}`, () => {
      const { candidateId, nodeId } = request;
      this.requireClusterNode(candidateId);
      if (nodeId !== undefined) this.requireClusterNode(nodeId);
      const view = this.view();
      const configuration = view.configuration?.configuration ?? { voters: [], learners: [] };
      if (!isVoter(configuration, candidateId)) throw notVoter(candidateId, configuration, 'be a candidate');
      if (nodeId === candidateId) throw new DomainError('UNPROCESSABLE', `nodeId must name another voter than the candidate ${candidateId}.`, { nodeId, candidateId });
      if (nodeId !== undefined && !isVoter(configuration, nodeId)) throw notVoter(nodeId, configuration, 'vote');
      const candidate = view.byId.get(candidateId)?.raft;
      if (!candidate) {
        throw new DomainError('CONFLICT', `${candidateId} is crashed and cannot campaign.`, { reason: 'NODE_DOWN', nodeId: candidateId });
      }
      // Without a stated log position the candidate sends its own, as a real campaign does.
      const message = {
        term: request.term,
        lastLogIndex: request.lastLogIndex ?? candidate.lastIndex,
        lastLogTerm: request.lastLogTerm ?? candidate.lastLogTerm,
      };
      const quorum = quorumSize(configuration);
      if (nodeId !== undefined) {
        if (!this.group.canExchange(candidateId, nodeId)) {
          return { term: request.term, voteGranted: false, votesGranted: 0, quorumSize: quorum, votes: [unreachable(nodeId)] };
        }
        const answer = this.group.requestVote(nodeId, { candidateId, ...message });
        return {
          term: answer.term,
          voteGranted: answer.voteGranted,
          votesGranted: answer.voteGranted ? 1 : 0,
          quorumSize: quorum,
          votes: [{ nodeId, term: answer.term, voteGranted: answer.voteGranted, reason: answer.reason }],
        };
      }
      const outcome = this.group.campaignWithVotes(candidateId, message);
      const votes = outcome.answers
        .map(({ voterId, answer }): RaftVote => (answer === null ? unreachable(voterId) : { nodeId: voterId, term: answer.term, voteGranted: answer.voteGranted, reason: answer.reason }))
        .sort((a, b) => naturalCompare(a.nodeId, b.nodeId));
      const answeredTerms = votes.flatMap((vote) => (vote.term === null ? [] : [vote.term]));
      return {
        term: answeredTerms.length === 0 ? request.term : Math.max(...answeredTerms),
        voteGranted: outcome.won,
        // The candidate's own vote: it voted for itself when it moved to the term.
        votesGranted: 1 + votes.filter((vote) => vote.voteGranted).length,
        quorumSize: quorum,
        votes,
      };
    });
  }

  getLog(context: OperationContext, nodeId: string | undefined): RaftLogSummary {
    return this.deps.runner.read(context, 'getRaftLog', () => {
      const view = this.view();
      const status = nodeId === undefined ? this.defaultLogNode(view) : view.byId.get(this.requireGroupMember(nodeId));
      assert(status !== undefined, 'the log node has a status');
      const raft = status.raft;
      if (raft === null) {
        throw new DomainError('CONFLICT', `${status.nodeId} is crashed; its apply position is rebuilt when it restarts. List its entries from its disk with GET /api/v1/cluster/raft/log/entries.`, {
          reason: 'NODE_DOWN',
          nodeId: status.nodeId,
        });
      }
      return {
        nodeId: status.nodeId,
        firstIndex: raft.logSize === 0 ? 0 : raft.firstIndex,
        lastIndex: raft.lastIndex,
        lastLogTerm: raft.lastLogTerm,
        commitIndex: raft.commitIndex,
        lastApplied: raft.lastApplied,
        snapshotIndex: raft.snapshotIndex,
        snapshotTerm: raft.snapshotTerm,
        logSize: raft.logSize,
        sizeBytes: status.disk.sizeBytes,
        uncommittedEntries: raft.lastIndex - raft.commitIndex,
      };
    });
  }

  listLogEntries(context: OperationContext, query: RaftLogEntryQuery): Page<Partial<RaftLogEntry>> {
    return this.deps.runner.read(context, 'listRaftLogEntries', () => {
      if (query.fromIndex !== undefined && query.toIndex !== undefined && query.fromIndex > query.toIndex) {
        throw new DomainError('UNPROCESSABLE', `fromIndex (${query.fromIndex}) is greater than toIndex (${query.toIndex}).`, { fromIndex: query.fromIndex, toIndex: query.toIndex });
      }
      const view = this.view();
      const status = query.nodeId === undefined ? this.defaultLogNode(view) : view.byId.get(this.requireGroupMember(query.nodeId));
      assert(status !== undefined, 'the log node has a status');
      // A crashed node's entries are read from its disk; they are committed up to the commit index it persisted.
      const commitIndex = status.raft?.commitIndex ?? status.disk.hardState.commit;
      const entries = this.readEntries(status, query.fromIndex ?? status.disk.firstIndex, query.toIndex ?? status.disk.lastIndex).map((entry) => toLogEntry(entry, commitIndex));
      // Disk order is index order: sort only for another field or descending.
      const sortBy = query.sortBy ?? 'index';
      const order = query.order ?? 'asc';
      const byIndex = sortBy === 'index';
      const page = pageOf(byIndex && order === 'desc' ? entries.reverse() : entries, {
        filters: { term: query.term, type: query.type, clientId: query.clientId },
        sortBy: byIndex ? undefined : sortBy,
        order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'index', RAFT_LOG_ENTRY_FIELDS) };
    });
  }

  appendEntries(context: OperationContext, entries: readonly RaftEntryInput[]): Promise<AppendEntriesResult> {
    return this.deps.runner.run(context, 'appendRaftEntries', 'raft.log', () => {
      const keys = entries.map(requestKeyOf);
      const firstWithKey = new Map<string, number>();
      keys.forEach((key, position) => {
        if (key === null) return;
        const earlier = firstWithKey.get(key);
        if (earlier !== undefined) {
          const { clientId, requestId } = entries[position] as RaftEntryInput;
          throw new DomainError('UNPROCESSABLE', `Entries ${earlier + 1} and ${position + 1} both carry clientId ${clientId}, requestId ${requestId}.`, { entries: [earlier, position] });
        }
        firstWithKey.set(key, position);
      });
      const view = this.view();
      const leader = view.leader;
      if (leader === null) {
        throw new DomainError('CONFLICT', 'No Raft leader: an election is under way; retry after a leader is elected.', { reason: 'NO_LEADER' });
      }
      const voters = leader.raft.configuration.voters.length;
      const inContact = this.votersInContact(leader);
      if (inContact < quorumOfVoters(voters)) {
        throw new DomainError(
          'CONFLICT',
          `Leader ${leader.id} has heard from only ${inContact} of ${voters} voters within the election timeout (${quorumOfVoters(voters)} needed); it could not commit.`,
          { reason: 'NO_QUORUM_CONTACT', leaderId: leader.id, votersInContact: inContact, quorumSize: quorumOfVoters(voters) },
        );
      }
      const inLog = firstWithKey.size > 0 ? this.requestsInLog(view.byId.get(leader.id) as MemberStatus) : new Map<string, { index: number; term: number }>();
      const placed: { index: number; term: number; duplicate: boolean }[] = [];
      for (const [position, entry] of entries.entries()) {
        const key = keys[position] ?? null;
        const earlier = key === null ? undefined : inLog.get(key);
        if (earlier !== undefined) {
          placed.push({ ...earlier, duplicate: true });
          continue;
        }
        try {
          const proposal = this.group.proposeTo(leader.id, {
            command: entry.command,
            ...(entry.clientId === undefined ? {} : { clientId: entry.clientId }),
            ...(entry.requestId === undefined ? {} : { requestId: entry.requestId }),
            timestampMs: this.deps.clock.now(),
          });
          placed.push({ index: proposal.index, term: proposal.term, duplicate: false });
        } catch (error) {
          throw position === 0 || !(error instanceof DomainError) ? error : partiallyAppended(error, placed);
        }
      }
      const raft = this.group.status(leader.id).raft as RaftStatus;
      return {
        leaderId: leader.id,
        term: raft.currentTerm,
        commitIndex: raft.commitIndex,
        lastIndex: raft.lastIndex,
        entries: placed.map((entry) => ({ ...entry, committed: this.group.entryOutcome(entry.index, entry.term) === 'COMMITTED' })),
      };
    });
  }

  createSnapshot(context: OperationContext, nodeId: string | undefined): Promise<SnapshotInfo> {
    return this.deps.runner.run(context, 'createRaftSnapshot', `raft.snapshot/${nodeId ?? '(every running member)'}`, () => {
      const createdAtMs = this.deps.clock.now();
      const before = new Map(this.group.statuses().map((status) => [status.nodeId, status]));
      let taken;
      if (nodeId !== undefined) {
        const status = before.get(nodeId);
        if (status === undefined) {
          this.requireClusterNode(nodeId);
          throw new DomainError('CONFLICT', `${nodeId} is not a member of the Raft configuration; only a member has a log to compact.`, { reason: 'NOT_A_MEMBER', nodeId });
        }
        if (status.raft === null) {
          throw new DomainError('CONFLICT', `${nodeId} is crashed; a snapshot needs a running node.`, { reason: 'NODE_DOWN', nodeId });
        }
        if (status.raft.lastApplied <= status.raft.snapshotIndex) {
          throw new DomainError('CONFLICT', `${nodeId} has applied nothing since its snapshot at index ${status.raft.snapshotIndex}.`, {
            reason: 'NOTHING_TO_SNAPSHOT',
            nodeId,
            snapshotIndex: status.raft.snapshotIndex,
          });
        }
        taken = [this.group.takeSnapshot(nodeId)];
      } else {
        if (![...before.values()].some((status) => status.running)) {
          throw new DomainError('CONFLICT', 'No Raft member is running; a snapshot needs a running node.', { reason: 'NO_RUNNING_MEMBER' });
        }
        taken = this.group.takeSnapshots();
      }
      const snapshots = taken
        .map((snapshot): NodeSnapshotView => ({
          nodeId: snapshot.nodeId,
          lastIncludedIndex: snapshot.index,
          lastIncludedTerm: snapshot.term,
          sizeBytes: snapshot.sizeBytes,
          // What the disk dropped, counted rather than computed: the disk is the truth.
          entriesCompacted: (before.get(snapshot.nodeId)?.disk.entryCount ?? 0) - this.group.status(snapshot.nodeId).disk.entryCount,
        }))
        .sort((a, b) => naturalCompare(a.nodeId, b.nodeId));
      return {
        createdAt: isoTime(createdAtMs),
        nodeIds: snapshots.map((snapshot) => snapshot.nodeId),
        snapshots,
        totalEntriesCompacted: snapshots.reduce((sum, snapshot) => sum + snapshot.entriesCompacted, 0),
      };
    });
  }

  listMembers(context: OperationContext): RaftMembership {
    return this.deps.runner.read(context, 'listRaftMembers', () => this.membership());
  }

  /** Node ids of the configuration in force, voters and learners, in node-id order (GraphQL `raftMembers`). */
  memberIds(context: OperationContext): string[] {
    return this.deps.runner.read(context, 'listRaftMembers', () => {
      const configuration = this.view().configuration?.configuration;
      return configuration ? [...configuration.voters, ...configuration.learners].sort(naturalCompare) : [];
    });
  }

  addMember(context: OperationContext, request: { nodeId: string; autoPromote?: boolean }): Promise<RaftMembership> {
    const { nodeId } = request;
    return this.deps.runner.run(context, 'addRaftMember', `raft.member/${nodeId}`, () => {
      const node = this.requireClusterNode(nodeId);
      const autoPromote = request.autoPromote ?? true;
      const configuration = this.view().configuration?.configuration;
      if (configuration && isMember(configuration, nodeId)) {
        throw new DomainError('CONFLICT', `${nodeId} is already a member of the Raft configuration (${isVoter(configuration, nodeId) ? 'VOTER' : 'LEARNER'}).`, {
          reason: 'ALREADY_MEMBER',
          nodeId,
        });
      }
      if (this.group.nodeIds().includes(nodeId)) {
        // Removed from the configuration, but its removal has not been applied yet (the node still runs).
        throw new DomainError('CONFLICT', `${nodeId} is still leaving the Raft group; retry once its removal is committed.`, { reason: 'REMOVAL_PENDING', nodeId });
      }
      if (autoPromote && node.role === 'READ_ONLY') {
        throw new DomainError('UNPROCESSABLE', `${nodeId} is READ_ONLY and cannot be promoted to voter; send autoPromote false.`, { nodeId, role: node.role });
      }
      this.refuseWhilePending(this.group.pendingChange(), nodeId);
      this.deps.consensus.addMember(nodeId, { learnerOnly: !autoPromote });
      return this.membership();
    });
  }

  removeMember(context: OperationContext, nodeId: string, force: boolean): Promise<RaftMembership> {
    return this.deps.runner.run(context, 'removeRaftMember', `raft.member/${nodeId}`, () => {
      const configuration = this.view().configuration?.configuration;
      if (!configuration || !isMember(configuration, nodeId)) {
        throw new DomainError('NOT_FOUND', `${nodeId} is not a member of the Raft configuration.`, { resource: 'raft.member', id: nodeId });
      }
      const voter = isVoter(configuration, nodeId);
      if (voter && configuration.voters.length === 1) {
        throw new DomainError('UNPROCESSABLE', `${nodeId} is the last voter; a configuration needs at least one.`, { nodeId });
      }
      const pending = this.group.pendingChange();
      // Removing the learner that waits for its promotion is how a stuck addition is undone.
      if (!(pending !== null && pending.index === 0 && pending.nodeId === nodeId)) this.refuseWhilePending(pending, nodeId);
      if (voter) {
        const healths = this.memberHealths(configuration);
        const removed = healths.find((health) => health.nodeId === nodeId) as MemberHealth;
        const impact = removalEndangersQuorum(healths, removed, this.deps.nodes.getConfig().minQuorumSize);
        if (impact.endangers && !force) {
          const { after } = impact;
          throw new DomainError(
            'CONFLICT',
            `Removing voter ${nodeId} leaves failure tolerance ${after.failureTolerance} (${after.quorumSize} of ${after.voters} voters needed)` +
              `${after.hasQuorum ? '' : ' and no quorum'}; send force=true to remove it anyway.`,
            {
              reason: 'QUORUM_AT_RISK',
              nodeId,
              failureToleranceBefore: impact.before.failureTolerance,
              failureToleranceAfter: after.failureTolerance,
              hasQuorumAfter: after.hasQuorum,
            },
          );
        }
      }
      this.deps.consensus.removeMember(nodeId);
      return this.membership();
    });
  }

  // ---------------------------------------------------------------- internals

  private view(): GroupView {
    const statuses = this.group.statuses();
    const byId = new Map(statuses.map((status) => [status.nodeId, status]));
    let term = 0;
    for (const status of statuses) if (status.raft && status.raft.currentTerm > term) term = status.raft.currentTerm;
    const current = this.group.currentLeader();
    const leaderRaft = current ? byId.get(current.leaderId)?.raft : undefined;
    // A leader deposed by a higher term it has not heard of yet leads nothing any more.
    const leader =
      current && leaderRaft && leaderRaft.state === 'LEADER' && leaderRaft.currentTerm === term ? { id: current.leaderId, sinceMs: current.sinceMs, raft: leaderRaft } : null;
    let configuration: GroupView['configuration'] = leader ? { configuration: leader.raft.configuration, index: leader.raft.configurationIndex } : null;
    if (configuration === null) {
      for (const status of statuses) {
        const raft = status.raft;
        if (raft && (configuration === null || raft.configurationIndex > configuration.index)) configuration = { configuration: raft.configuration, index: raft.configurationIndex };
      }
    }
    return { statuses, byId, leader, configuration, term };
  }

  private electionTimeoutMs(): number {
    const ticks = this.group.settings().electionTimeoutTicks;
    return ticks === undefined ? this.deps.nodes.getConfig().electionTimeoutMs : ticks * RAFT_TICK_MS;
  }

  /** Voters, the leader included, the leader heard from within the last election timeout. */
  private votersInContact(leader: ElectedLeader): number {
    const nowMs = this.deps.clock.now();
    const timeoutMs = this.electionTimeoutMs();
    return leader.raft.configuration.voters.filter((voterId) => {
      if (voterId === leader.id) return true;
      const heardMs = this.group.lastHeardFromMs(leader.id, voterId);
      return heardMs !== null && nowMs - heardMs < timeoutMs;
    }).length;
  }

  /** The running voter (of the configuration in force) with the highest `key`, ties to the lowest node id. */
  private runningVoterWithHighest(view: GroupView, key: (raft: RaftStatus) => number): MemberStatus | undefined {
    const configuration = view.configuration?.configuration;
    let best: MemberStatus | undefined;
    for (const status of view.statuses) {
      if (!status.raft || !configuration || !isVoter(configuration, status.nodeId)) continue;
      const better = best === undefined || key(status.raft) > key(best.raft as RaftStatus) || (key(status.raft) === key(best.raft as RaftStatus) && naturalCompare(status.nodeId, best.nodeId) < 0);
      if (better) best = status;
    }
    return best;
  }

  /** The leader's log, or without a leader the running voter's that has committed the most. */
  private defaultLogNode(view: GroupView): MemberStatus {
    const status = view.leader ? view.byId.get(view.leader.id) : this.runningVoterWithHighest(view, (raft) => raft.commitIndex);
    if (status === undefined) throw noRunningVoter();
    return status;
  }

  /** The id of a node of the Raft group; NOT_FOUND naming a cluster node outside it, or no cluster node at all. */
  private requireGroupMember(nodeId: string): string {
    if (this.group.nodeIds().includes(nodeId)) return nodeId;
    this.requireClusterNode(nodeId);
    throw new DomainError('NOT_FOUND', `${nodeId} is not a member of the Raft group.`, { resource: 'raft.member', id: nodeId });
  }

  private requireClusterNode(nodeId: string): ClusterNodeView {
    return this.deps.nodes.get(nodeId);
  }

  private toStateView(status: MemberStatus, view: GroupView): RaftStateView {
    const raft = status.raft;
    if (raft === null) {
      throw new DomainError('CONFLICT', `${status.nodeId} is crashed; its Raft state lives in memory and is rebuilt from its disk when it restarts.`, {
        reason: 'NODE_DOWN',
        nodeId: status.nodeId,
      });
    }
    return {
      nodeId: status.nodeId,
      state: raft.state,
      suffrage: this.suffrageOf(status.nodeId, raft.configuration, view),
      currentTerm: raft.currentTerm,
      votedFor: raft.votedFor,
      leader: raft.leaderId,
      commitIndex: raft.commitIndex,
      lastApplied: raft.lastApplied,
      lastLogIndex: raft.lastIndex,
      lastLogTerm: raft.lastLogTerm,
      logSize: raft.logSize,
      snapshotIndex: raft.snapshotIndex,
      snapshotTerm: raft.snapshotTerm,
      votesReceived: raft.state === 'CANDIDATE' ? [...raft.votersGranted].sort(naturalCompare) : [],
      electionTimeoutMs: raft.randomizedElectionTimeoutTicks * RAFT_TICK_MS,
      // On a leader the counter times the quorum check, not an election.
      electionElapsedMs: raft.state === 'LEADER' ? 0 : raft.electionElapsedTicks * RAFT_TICK_MS,
      lastLeaderContact: status.lastLeaderContactMs === null ? null : isoTime(status.lastLeaderContactMs),
    };
  }

  /**
   * As the node's own configuration says; a node that joined and has not received the log yet
   * knows no configuration, so the one in force tells. A node named by neither does not vote.
   */
  private suffrageOf(nodeId: string, own: Configuration, view: GroupView): Suffrage {
    const configuration = isMember(own, nodeId) ? own : view.configuration?.configuration;
    return configuration && isVoter(configuration, nodeId) ? 'VOTER' : 'LEARNER';
  }

  /** Entries of a node's disk with indexes in [fromIndex, toIndex], read a page at a time. */
  private readEntries(status: MemberStatus, fromIndex: number, toIndex: number): Entry[] {
    const first = Math.max(fromIndex, status.disk.firstIndex);
    const last = Math.min(toIndex, status.disk.lastIndex);
    const entries: Entry[] = [];
    for (let offset = first - status.disk.firstIndex; offset <= last - status.disk.firstIndex; offset += MAX_ENTRY_PAGE) {
      const limit = Math.min(MAX_ENTRY_PAGE, last - status.disk.firstIndex - offset + 1);
      entries.push(...this.group.readEntries(status.nodeId, { offset, limit }).entries);
    }
    return entries;
  }

  /** (clientId, requestId) of every command the leader's log still holds, with where it sits. */
  private requestsInLog(leader: MemberStatus): Map<string, { index: number; term: number }> {
    const found = new Map<string, { index: number; term: number }>();
    for (const entry of this.readEntries(leader, leader.disk.firstIndex, leader.disk.lastIndex)) {
      const key = entry.type === 'normal' ? requestKeyOf(entry) : null;
      if (key !== null && !found.has(key)) found.set(key, { index: entry.index, term: entry.term });
    }
    return found;
  }

  private membership(): RaftMembership {
    const view = this.view();
    const configuration = view.configuration?.configuration ?? { voters: [], learners: [] };
    const leader = view.leader;
    const progress = new Map((leader?.raft.progress ?? []).map((peer) => [peer.nodeId, peer]));
    const leaderLastIndex = leader?.raft.lastIndex ?? 0;
    const marginEntries = this.group.catchUpMarginEntries();
    const nowMs = this.deps.clock.now();
    const timeoutMs = this.electionTimeoutMs();
    const members = [...configuration.voters, ...configuration.learners].sort(naturalCompare).map((nodeId): RaftMemberView => {
      const isLeader = nodeId === leader?.id;
      const peer = leader ? progress.get(nodeId) : undefined;
      // The leader's own entry: what it stores is its whole log.
      const matchIndex = peer === undefined ? null : isLeader ? leaderLastIndex : peer.matchIndex;
      const heardMs = leader && !isLeader ? this.group.lastHeardFromMs(leader.id, nodeId) : null;
      return {
        nodeId,
        suffrage: isVoter(configuration, nodeId) ? 'VOTER' : 'LEARNER',
        state: view.byId.get(nodeId)?.raft?.state ?? null,
        isLeader,
        matchIndex,
        nextIndex: peer?.nextIndex ?? null,
        progressState: peer?.state ?? null,
        lagEntries: matchIndex === null ? null : Math.max(0, leaderLastIndex - matchIndex),
        caughtUp: matchIndex !== null && matchIndex + marginEntries >= leaderLastIndex,
        recentActive: isLeader || (heardMs !== null && nowMs - heardMs < timeoutMs),
        lastContact: heardMs === null ? null : isoTime(heardMs),
      };
    });
    const voters = configuration.voters.length;
    return {
      leaderId: leader?.id ?? null,
      term: view.term,
      configIndex: view.configuration?.index ?? 0,
      voters,
      learners: configuration.learners.length,
      quorumSize: voters === 0 ? 0 : quorumOfVoters(voters),
      pendingChange: leader ? toPendingChange(this.group.pendingChange()) : null,
      members,
    };
  }

  /** Each member of the configuration with its cluster node's health (a member no longer in the cluster counts as DOWN). */
  private memberHealths(configuration: Configuration): (MemberHealth & { nodeId: string })[] {
    const views = new Map(this.deps.nodes.list().map((node) => [node.nodeId, node]));
    return [...configuration.voters, ...configuration.learners].map((nodeId) => {
      const node = views.get(nodeId);
      return { nodeId, role: node?.role ?? 'FOLLOWER', status: node?.status ?? 'DOWN', voter: isVoter(configuration, nodeId) };
    });
  }

  private refuseWhilePending(pending: PendingChange | null, nodeId: string): void {
    if (pending === null) return;
    const change = toPendingChange(pending) as RaftPendingChangeView;
    const where = change.index === 0 ? 'waiting for the learner to catch up' : `at index ${change.index}`;
    throw new DomainError('CONFLICT', `A configuration change is pending (${change.type} ${change.nodeId} ${where}); retry when it is committed.`, {
      reason: 'CHANGE_PENDING',
      nodeId,
      pendingChange: change,
    });
  }
}

function quorumOfVoters(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

function noRunningVoter(): DomainError {
  return new DomainError('CONFLICT', 'No Raft leader is elected and no voter is running; name a node to read.', { reason: 'NO_RUNNING_VOTER' });
}

function notVoter(nodeId: string, configuration: Configuration, what: string): DomainError {
  const standing = isLearner(configuration, nodeId) ? 'is a learner' : 'is not a member of the Raft configuration';
  return new DomainError('UNPROCESSABLE', `${nodeId} ${standing} and cannot ${what}.`, { nodeId });
}

function unreachable(nodeId: string): RaftVote {
  return { nodeId, term: null, voteGranted: false, reason: 'UNREACHABLE' };
}

function requestKeyOf(entry: { clientId?: string | undefined; requestId?: number | undefined }): string | null {
  return entry.clientId === undefined || entry.requestId === undefined ? null : JSON.stringify([entry.clientId, entry.requestId]);
}

/** A batch refused part-way: say which entries the leader had appended already (they stay in its log). */
function partiallyAppended(error: DomainError, placed: readonly { index: number; term: number; duplicate: boolean }[]): DomainError {
  return new DomainError(error.code, `${error.message} The ${placed.length} entries before it were placed already.`, {
    ...error.details,
    placed: placed.map((entry) => ({ ...entry })),
  });
}

function toLogEntry(entry: Entry, commitIndex: number): RaftLogEntry {
  return {
    index: entry.index,
    term: entry.term,
    type: ENTRY_TYPES[entry.type],
    command: commandOf(entry),
    timestamp: entry.timestampMs === undefined ? null : isoTime(entry.timestampMs),
    clientId: entry.clientId ?? null,
    requestId: entry.requestId ?? null,
    committed: entry.index <= commitIndex,
  };
}

/** The contract's words for a configuration entry: `ADD_LEARNER node-6`, or the founding configuration. */
function commandOf(entry: Entry): string {
  if (entry.type !== 'config') return entry.command;
  const change = entry.confChange;
  if (change !== undefined) return `${CHANGE_TYPES[change.type] ?? 'ADD_VOTER'} ${change.nodeId}`;
  const voters = entry.configuration?.voters ?? [];
  const learners = entry.configuration?.learners ?? [];
  const listed = `BOOTSTRAP voters=${voters.join(',')}${learners.length > 0 ? ` learners=${learners.join(',')}` : ''}`;
  // A large founding configuration does not fit the contract's command text: count instead.
  return listed.length <= MAX_COMMAND_CHARS ? listed : `BOOTSTRAP ${voters.length} voters, ${learners.length} learners`;
}

function toPendingChange(pending: PendingChange | null): RaftPendingChangeView | null {
  if (pending === null) return null;
  const type = CHANGE_TYPES[pending.type];
  assert(type !== null, `the Raft group proposed no ${pending.type}`);
  return { type, nodeId: pending.nodeId, index: pending.index, proposedAt: isoTime(pending.proposedAtMs), autoPromote: type === 'ADD_LEARNER' && pending.autoPromote };
}
