import type { NodeStatus } from '../cluster/node-health.js';

/** Why a node cannot take leadership (or be faulted by a drill), in a stable word. */
export type TargetRefusalReason = 'TARGET_NOT_VOTER' | 'TARGET_DOWN' | 'TARGET_UNREACHABLE';

/** What the engines know of a target node now. */
export interface TargetFacts {
  nodeId: string;
  /** The failure detector's status. */
  status: NodeStatus;
  /** In the voting configuration. */
  voter: boolean;
  /** Its Raft node runs (not crashed). */
  running: boolean;
  /**
   * Whether it can win the votes it needs: with a leader, whether the leader can reach it (a
   * transfer is a message from the leader); without one, whether it reaches a quorum of voters.
   */
  reachable: boolean;
}

export interface TargetRefusal {
  reason: TargetRefusalReason;
  message: string;
}

/**
 * Why `target` cannot lead, or null when it can: Raft hands leadership only to a voter of the
 * configuration that runs and hears from the leader (TimeoutNow), as Patroni refuses a
 * switchover to a member that is not running or not healthy. With `mustVote` false only the
 * node's health counts (a drill faults any node that is up).
 */
export function targetRefusal(target: TargetFacts, options: { mustVote: boolean }): TargetRefusal | null {
  const { nodeId, status } = target;
  if (options.mustVote && !target.voter) {
    return { reason: 'TARGET_NOT_VOTER', message: `${nodeId} does not vote in consensus (a learner or READ_ONLY node), so it cannot lead.` };
  }
  if (!target.running || status === 'DOWN') {
    return { reason: 'TARGET_DOWN', message: `${nodeId} is down (status ${status}${target.running ? '' : ', crashed'}).` };
  }
  if (status === 'SUSPECTED') {
    return { reason: 'TARGET_UNREACHABLE', message: `${nodeId} is SUSPECTED: the failure detector has stopped hearing from it.` };
  }
  if (options.mustVote && !target.reachable) {
    return { reason: 'TARGET_UNREACHABLE', message: `${nodeId} runs but is cut off from the voters it needs (a network partition), so it cannot be elected.` };
  }
  return null;
}
