/**
 * Messages exchanged between Raft nodes. Local events (ticks, proposals, campaigns) are method
 * calls on RaftNode, so every message here crosses the network.
 */
import type { Entry, Snapshot } from './log-entry.js';

interface Envelope {
  readonly from: string;
  readonly to: string;
  /** Sender's term; for vote requests the term being campaigned for (current + 1 for a pre-vote). */
  readonly term: number;
}

/** RequestVote, real (MsgVote) or trial (MsgPreVote, which changes no term or vote). */
export interface VoteRequest extends Envelope {
  readonly type: 'MsgVote' | 'MsgPreVote';
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  /** Sent on a leadership transfer: voters skip the leader-lease check. */
  readonly transfer: boolean;
}

export interface VoteResponse extends Envelope {
  readonly type: 'MsgVoteResp' | 'MsgPreVoteResp';
  readonly reject: boolean;
}

/** AppendEntries. With no entries it still carries the commit index and probes the follower's log. */
export interface AppendRequest extends Envelope {
  readonly type: 'MsgApp';
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly Entry[];
  readonly leaderCommit: number;
}

/**
 * Answer to AppendEntries (and to InstallSnapshot).
 * - Accepted: `index` is the last index now known to match the leader's log.
 * - Rejected: `index` is the rejected prevLogIndex and the hint lets the leader skip a whole term
 *   per round trip: `conflictTerm` is the follower's term at prevLogIndex and `conflictIndex` the
 *   first index it holds for that term; when the follower's log is too short, `conflictTerm` is 0
 *   and `conflictIndex` is its last index + 1.
 */
export interface AppendResponse extends Envelope {
  readonly type: 'MsgAppResp';
  readonly reject: boolean;
  readonly index: number;
  readonly conflictTerm: number;
  readonly conflictIndex: number;
}

/** Leader liveness; carries min(follower's match, commit) so a follower never commits what it may not hold. */
export interface Heartbeat extends Envelope {
  readonly type: 'MsgHeartbeat';
  readonly leaderCommit: number;
}

export interface HeartbeatResponse extends Envelope {
  readonly type: 'MsgHeartbeatResp';
}

/** InstallSnapshot, sent whole (the simulated network has no size limit per message). */
export interface SnapshotRequest extends Envelope {
  readonly type: 'MsgSnap';
  readonly snapshot: Snapshot;
}

/** Leadership transfer: the target starts an election at once, skipping pre-vote. */
export interface TimeoutNow extends Envelope {
  readonly type: 'MsgTimeoutNow';
}

export type RaftMessage =
  | VoteRequest
  | VoteResponse
  | AppendRequest
  | AppendResponse
  | Heartbeat
  | HeartbeatResponse
  | SnapshotRequest
  | TimeoutNow;

export type RaftMessageType = RaftMessage['type'];

export const RAFT_MESSAGE_TYPES: readonly RaftMessageType[] = Object.freeze([
  'MsgVote',
  'MsgPreVote',
  'MsgVoteResp',
  'MsgPreVoteResp',
  'MsgApp',
  'MsgAppResp',
  'MsgHeartbeat',
  'MsgHeartbeatResp',
  'MsgSnap',
  'MsgTimeoutNow',
]);

/** One-line rendering for transcripts and failure reports. */
export function describeMessage(message: RaftMessage): string {
  const head = `${message.type} ${message.from}->${message.to} t${message.term}`;
  switch (message.type) {
    case 'MsgVote':
    case 'MsgPreVote':
      return `${head} last=${message.lastLogIndex}/t${message.lastLogTerm}${message.transfer ? ' transfer' : ''}`;
    case 'MsgVoteResp':
    case 'MsgPreVoteResp':
      return `${head} ${message.reject ? 'rejected' : 'granted'}`;
    case 'MsgApp':
      return `${head} prev=${message.prevLogIndex}/t${message.prevLogTerm} entries=${message.entries.length} commit=${message.leaderCommit}`;
    case 'MsgAppResp':
      return message.reject
        ? `${head} rejected index=${message.index} conflict=${message.conflictIndex}/t${message.conflictTerm}`
        : `${head} index=${message.index}`;
    case 'MsgHeartbeat':
      return `${head} commit=${message.leaderCommit}`;
    case 'MsgSnap':
      return `${head} snapshot=${message.snapshot.metadata.index}/t${message.snapshot.metadata.term}`;
    default:
      return head;
  }
}
