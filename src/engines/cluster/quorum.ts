import { isAvailable, type NodeStatus } from './node-health.js';

/** A node's part in the cluster. LEADER and CANDIDATE are set by consensus. */
export type NodeRole = 'LEADER' | 'FOLLOWER' | 'CANDIDATE' | 'COORDINATOR' | 'WITNESS' | 'READ_ONLY';

export type ClusterState =
  | 'INITIALIZING'
  | 'FORMING'
  | 'OPERATIONAL'
  | 'DEGRADED'
  | 'RECOVERING'
  | 'SHUTTING_DOWN'
  | 'STOPPED';

export interface MemberHealth {
  role: NodeRole;
  status: NodeStatus;
  /** Whether it votes; by default every role but READ_ONLY does (consensus may say otherwise: learners). */
  voter?: boolean;
}

export interface QuorumView {
  /** Members that vote: every role but READ_ONLY. */
  voters: number;
  /** Voters that are HEALTHY or RECOVERING. */
  availableVoters: number;
  /** Available voters needed: a majority of voters, raised to minQuorumSize where there are that many voters. */
  quorumSize: number;
  hasQuorum: boolean;
  /** How many more voters can fail before quorum is lost (0 without quorum). */
  failureTolerance: number;
}

/** Whether a member votes in quorum decisions. */
export function isVoter(role: NodeRole): boolean {
  return role !== 'READ_ONLY';
}

/** Quorum arithmetic over the members, as Consul's autopilot reports failure tolerance. */
export function quorumOf(members: readonly MemberHealth[], minQuorumSize: number): QuorumView {
  const voters = members.filter((member) => member.voter ?? isVoter(member.role));
  const availableVoters = voters.filter((member) => isAvailable(member.status)).length;
  const majority = voters.length === 0 ? 0 : Math.floor(voters.length / 2) + 1;
  const quorumSize = Math.max(majority, Math.min(minQuorumSize, voters.length));
  const hasQuorum = voters.length > 0 && availableVoters >= quorumSize;
  return {
    voters: voters.length,
    availableVoters,
    quorumSize,
    hasQuorum,
    failureTolerance: hasQuorum ? availableVoters - quorumSize : 0,
  };
}

/**
 * The cluster's condition from its members' health. `SHUTTING_DOWN` is set by the server, not
 * derived here.
 */
export function clusterStateOf(members: readonly MemberHealth[], quorum: QuorumView): ClusterState {
  if (members.length === 0 || members.every((member) => member.status === 'INITIALIZING')) return 'INITIALIZING';
  if (!quorum.hasQuorum) {
    return members.some((member) => member.status === 'INITIALIZING') ? 'FORMING' : 'STOPPED';
  }
  if (members.some((member) => member.status === 'SUSPECTED' || member.status === 'DOWN')) return 'DEGRADED';
  if (members.some((member) => member.status === 'RECOVERING')) return 'RECOVERING';
  return 'OPERATIONAL';
}

/**
 * Whether removing `removed` takes the cluster's last margin away: it loses quorum, or its
 * failure tolerance drops to zero from above. Removing an already-dead member never does.
 */
export function removalEndangersQuorum(
  members: readonly MemberHealth[],
  removed: MemberHealth,
  minQuorumSize: number,
): { endangers: boolean; before: QuorumView; after: QuorumView } {
  const before = quorumOf(members, minQuorumSize);
  const remaining = members.filter((member) => member !== removed);
  if (remaining.length !== members.length - 1) throw new Error('removalEndangersQuorum: `removed` must be one of `members`');
  const after = quorumOf(remaining, minQuorumSize);
  const losesQuorum = before.hasQuorum && !after.hasQuorum;
  const losesLastMargin = after.failureTolerance === 0 && before.failureTolerance > 0;
  return { endangers: losesQuorum || losesLastMargin, before, after };
}
