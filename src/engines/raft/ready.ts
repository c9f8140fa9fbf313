/**
 * The I/O a RaftNode leaves to its host (etcd's Ready). The host must, in this order:
 * 1. persist `snapshot`, then `entries` (truncating the disk log from `entries[0].index` when it
 *    already holds that index: a conflicting suffix is being replaced), then `hardState`;
 * 2. only then send `messages` (a vote or an acknowledgement must never outrun the disk);
 * 3. apply `snapshot` (restore the state machine) and then `committedEntries`, in order;
 * 4. call `RaftNode.advance(ready)`.
 * Only one Ready is outstanding at a time.
 */
import type { Entry, HardState, Snapshot } from './log-entry.js';
import type { RaftMessage } from './messages.js';

/**
 * Roles of a node. PRE_CANDIDATE is the pre-vote phase: campaigning without having bumped the term.
 * APIs that speak the paper's three states use {@link RaftState} (see {@link stateOfRole}).
 */
export type RaftRole = 'FOLLOWER' | 'PRE_CANDIDATE' | 'CANDIDATE' | 'LEADER';

/** The three states of the Raft paper, as the API exposes them. */
export type RaftState = 'FOLLOWER' | 'CANDIDATE' | 'LEADER';

/** A pre-candidate is campaigning, so it shows as CANDIDATE (Raft dissertation §9.6 treats pre-vote as a candidate phase). */
export function stateOfRole(role: RaftRole): RaftState {
  return role === 'PRE_CANDIDATE' ? 'CANDIDATE' : role;
}

/** Volatile state worth telling observers about; not persisted. */
export interface SoftState {
  readonly role: RaftRole;
  readonly leaderId: string | null;
  /** Current term (duplicated from the hard state so observers see both together). */
  readonly term: number;
}

export interface Ready {
  /** Set when role, leader or term changed since the last Ready. */
  readonly softState?: SoftState;
  /** Set when term, vote or commit changed: persist before sending. */
  readonly hardState?: HardState;
  /** A snapshot received from the leader: persist (it replaces the log) and restore the state machine from it. */
  readonly snapshot?: Snapshot;
  /** Entries to persist; the first may overwrite (truncate) a suffix of the disk log. */
  readonly entries: readonly Entry[];
  /** Messages to send once the above is durable. */
  readonly messages: readonly RaftMessage[];
  /** Committed entries to apply, in order, after persisting. */
  readonly committedEntries: readonly Entry[];
}
