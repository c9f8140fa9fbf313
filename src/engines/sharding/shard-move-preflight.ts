/**
 * The pre-flight check before a rebalance executes or a migration task starts (README, "Rebalance
 * and migration workflows"): what would block or slow each move. The service answers 409 with the
 * list unless the caller forces it. Pure: the caller measures what it needs.
 */

export type PreflightCode = 'TARGET_DOWN' | 'SOURCE_DOWN' | 'TARGET_LAGGING' | 'SHARD_MOVING' | 'LOW_FREE_CAPACITY' | 'SHARD_NOT_ACTIVE' | 'SHARD_NOT_ON_SOURCE';

export interface PreflightFinding {
  code: PreflightCode;
  shardId: string;
  nodeId: string | null;
  message: string;
}

/** What the check needs to know of one planned move. */
export interface PreflightMoveInput {
  shardId: string;
  sourceNodeId: string;
  targetNodeId: string;
  bytes: number;
  /** Why the source/target cannot be read or written now, or null. */
  sourceProblem: string | null;
  targetProblem: string | null;
  /** Bytes the target's standbys are behind (0 for a standalone node). */
  targetLagBytes: number;
  /** The move (or migration task) already moving the shard, if any. */
  movingIn: string | null;
  /** Bytes the target stores now, plus the bytes of moves already heading to it. */
  targetUsedBytes: number;
  shardStatus: string;
  primaryNodeId: string | null;
}

export interface PreflightLimits {
  maxTargetLagBytes: number;
  nodeCapacityBytes: number;
}

export function preflightMove(move: PreflightMoveInput, limits: PreflightLimits): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const add = (code: PreflightCode, nodeId: string | null, message: string) => findings.push({ code, shardId: move.shardId, nodeId, message });
  if (move.movingIn !== null) add('SHARD_MOVING', null, `Shard ${move.shardId} is already being moved by ${move.movingIn}.`);
  if (move.shardStatus !== 'ACTIVE') add('SHARD_NOT_ACTIVE', null, `Shard ${move.shardId} is ${move.shardStatus}; only an ACTIVE shard can be moved.`);
  if (move.primaryNodeId !== move.sourceNodeId) add('SHARD_NOT_ON_SOURCE', move.sourceNodeId, `Shard ${move.shardId} is on ${move.primaryNodeId ?? 'no node'}, not ${move.sourceNodeId}.`);
  if (move.sourceProblem !== null) add('SOURCE_DOWN', move.sourceNodeId, `The source ${move.sourceNodeId} cannot be read: ${move.sourceProblem}.`);
  if (move.targetProblem !== null) add('TARGET_DOWN', move.targetNodeId, `The target ${move.targetNodeId} cannot take writes: ${move.targetProblem}.`);
  if (move.targetLagBytes > limits.maxTargetLagBytes) {
    add('TARGET_LAGGING', move.targetNodeId, `The target ${move.targetNodeId}'s standbys are ${move.targetLagBytes} bytes behind (more than maxTargetLagBytes ${limits.maxTargetLagBytes}).`);
  }
  if (move.targetUsedBytes + move.bytes > limits.nodeCapacityBytes) {
    add(
      'LOW_FREE_CAPACITY',
      move.targetNodeId,
      `The target ${move.targetNodeId} holds ${move.targetUsedBytes} bytes; with ${move.bytes} more it would exceed its budget of ${limits.nodeCapacityBytes} bytes (nodeCapacityBytes).`,
    );
  }
  return findings;
}
