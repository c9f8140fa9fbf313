/**
 * What the outside world can get wrong when talking to a Raft node or group. All are
 * DomainErrors, so the API maps them to 404/409/422 through the error catalogue.
 */
import { DomainError } from '../runtime/domain-error.js';

/**
 * The node asked is not the leader (or is a leader on its way out). `leaderId` names the leader
 * the node knows of, so an API can answer "not the leader, leader is X"; null when none is known.
 */
export class NotLeaderError extends DomainError {
  readonly leaderId: string | null;

  constructor(nodeId: string, leaderId: string | null, reason?: string) {
    const known = leaderId === null ? 'no leader is known' : `the leader is ${leaderId}`;
    super('CONFLICT', `Node ${nodeId} is not the Raft leader; ${reason ?? known}.`, { reason: 'NOT_LEADER', nodeId, leaderId });
    this.leaderId = leaderId;
  }
}

/** Proposals wait while the leader hands over leadership. */
export function transferInProgress(leaderId: string, transfereeId: string): DomainError {
  return new DomainError('CONFLICT', `Leadership is being transferred from ${leaderId} to ${transfereeId}; retry once it completes.`, {
    reason: 'LEADER_TRANSFER_IN_PROGRESS',
    leaderId,
    transfereeId,
  });
}

/** The leader holds its limit of uncommitted entries; a slow or partitioned majority is the usual cause. */
export function proposalBacklogFull(leaderId: string, uncommittedEntries: number, maxUncommittedEntries: number): DomainError {
  return new DomainError('CONFLICT', `Leader ${leaderId} already holds ${uncommittedEntries} uncommitted entries (limit ${maxUncommittedEntries}).`, {
    reason: 'PROPOSAL_BACKLOG_FULL',
    leaderId,
    uncommittedEntries,
    maxUncommittedEntries,
  });
}

/** A membership change cannot start now: one is pending, or the leader has not committed in its term. */
export function membershipChangeRefused(leaderId: string, reason: 'CHANGE_PENDING' | 'LEADER_NOT_READY', detail: string, pendingIndex?: number): DomainError {
  return new DomainError('CONFLICT', `Membership change refused by leader ${leaderId}: ${detail}.`, {
    reason,
    leaderId,
    ...(pendingIndex === undefined ? {} : { pendingIndex }),
  });
}

/** An unknown node id was named. */
export function unknownNode(nodeId: string): DomainError {
  return new DomainError('NOT_FOUND', `Node ${nodeId} is not part of the Raft group.`, { nodeId });
}

/** No node of the group is leader right now (an election is under way, or no quorum is up). */
export function noLeader(): DomainError {
  return new DomainError('CONFLICT', 'The Raft group has no leader right now; retry after the election.', { reason: 'NO_LEADER', leaderId: null });
}

/** The node is crashed (by the host or a crash fault) and cannot serve the request. */
export function nodeDown(nodeId: string): DomainError {
  return new DomainError('CONFLICT', `Node ${nodeId} is down.`, { reason: 'NODE_DOWN', nodeId });
}
