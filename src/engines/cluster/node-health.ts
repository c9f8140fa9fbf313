import type { ClusterConfig } from './cluster-config.js';

/**
 * The failure detector's view of one node, as an explicit state machine:
 *
 *   INITIALIZING --heartbeat--> HEALTHY --silence >= suspect--> SUSPECTED --silence >= failure--> DOWN
 *   SUSPECTED --heartbeat--> HEALTHY            (unless it is still recovering: then RECOVERING)
 *   DOWN --heartbeat--> RECOVERING --recoveryHeartbeats in a row--> HEALTHY
 *   RECOVERING --silence >= suspect--> SUSPECTED (the count starts again: the beats must come in a row)
 */
export type NodeStatus = 'INITIALIZING' | 'HEALTHY' | 'SUSPECTED' | 'DOWN' | 'RECOVERING';

export interface NodeHealth {
  status: NodeStatus;
  /** Cluster time of the last heartbeat received, or null before the first. */
  lastHeartbeatMs: number | null;
  /**
   * Heartbeats received in a row while recovering from DOWN (drives RECOVERING → HEALTHY); null
   * when the node is not recovering.
   */
  heartbeatsSinceDown: number | null;
}

export const initialNodeHealth: Readonly<NodeHealth> = Object.freeze({
  status: 'INITIALIZING',
  lastHeartbeatMs: null,
  heartbeatsSinceDown: null,
});

type HealthConfig = Pick<ClusterConfig, 'suspectTimeoutMs' | 'failureTimeoutMs' | 'recoveryHeartbeats'>;

/** The health after a heartbeat arrives at `nowMs`. */
export function onHeartbeat(health: NodeHealth, nowMs: number, config: HealthConfig): NodeHealth {
  if (health.heartbeatsSinceDown === null) return { status: 'HEALTHY', lastHeartbeatMs: nowMs, heartbeatsSinceDown: null };
  const heartbeatsSinceDown = health.heartbeatsSinceDown + 1;
  return heartbeatsSinceDown >= config.recoveryHeartbeats
    ? { status: 'HEALTHY', lastHeartbeatMs: nowMs, heartbeatsSinceDown: null }
    : { status: 'RECOVERING', lastHeartbeatMs: nowMs, heartbeatsSinceDown };
}

/**
 * The health once `nowMs` is reached with no new heartbeat. A node that never sent one stays
 * INITIALIZING: it has not started yet, so silence says nothing about it.
 */
export function onSilence(health: NodeHealth, nowMs: number, config: HealthConfig): NodeHealth {
  if (health.lastHeartbeatMs === null) return health;
  const silenceMs = nowMs - health.lastHeartbeatMs;
  if (silenceMs >= config.failureTimeoutMs) {
    return health.status === 'DOWN' ? health : { ...health, status: 'DOWN', heartbeatsSinceDown: 0 };
  }
  if (silenceMs >= config.suspectTimeoutMs && health.status !== 'DOWN' && health.status !== 'SUSPECTED') {
    // A recovering node keeps recovering, but its run of heartbeats is broken.
    return { ...health, status: 'SUSPECTED', heartbeatsSinceDown: health.heartbeatsSinceDown === null ? null : 0 };
  }
  return health;
}

/** Heartbeat intervals that passed since the last heartbeat (0 before the first). */
export function missedHeartbeats(health: NodeHealth, nowMs: number, heartbeatIntervalMs: number): number {
  if (health.lastHeartbeatMs === null) return 0;
  return Math.max(0, Math.floor((nowMs - health.lastHeartbeatMs) / heartbeatIntervalMs));
}

/** Whether the node counts towards quorum. */
export function isAvailable(status: NodeStatus): boolean {
  return status === 'HEALTHY' || status === 'RECOVERING';
}
