/**
 * A replica's state as operators see it, as an explicit state machine: the host derives the
 * state a replica should be in from the facts ({@link deriveReplicaState}) and moves it there
 * with {@link transitionReplica}, which refuses an edge the design does not have.
 */

export type ReplicaState =
  | 'STARTING'
  | 'STREAMING'
  | 'CATCHING_UP'
  | 'PAUSED'
  | 'WAITING'
  | 'DISCONNECTED'
  | 'NEEDS_RESYNC'
  | 'REJOINING'
  | 'PROMOTED'
  | 'REMOVED';

/** States in which a replica receives WAL (or would, when its sender may run). */
const LIVE: readonly ReplicaState[] = ['STREAMING', 'CATCHING_UP', 'PAUSED', 'WAITING', 'DISCONNECTED'];

const EDGES: Readonly<Record<ReplicaState, readonly ReplicaState[]>> = {
  STARTING: [...LIVE, 'NEEDS_RESYNC', 'REMOVED'],
  STREAMING: [...LIVE, 'STARTING', 'NEEDS_RESYNC', 'PROMOTED', 'REMOVED'],
  CATCHING_UP: [...LIVE, 'STARTING', 'NEEDS_RESYNC', 'PROMOTED', 'REMOVED'],
  PAUSED: [...LIVE, 'STARTING', 'NEEDS_RESYNC', 'PROMOTED', 'REMOVED'],
  WAITING: [...LIVE, 'STARTING', 'NEEDS_RESYNC', 'PROMOTED', 'REMOVED'],
  DISCONNECTED: [...LIVE, 'STARTING', 'NEEDS_RESYNC', 'PROMOTED', 'REMOVED'],
  NEEDS_RESYNC: ['STARTING', 'REMOVED'],
  REJOINING: ['STARTING', 'REMOVED'],
  PROMOTED: [],
  REMOVED: [],
};

/** Initial states of a replica record: a new replica copies; a demoted primary rejoins. */
const INITIAL: readonly ReplicaState[] = ['STARTING', 'REJOINING'];

/**
 * The state after moving `from` to `to`.
 * @throws Error on an edge the state machine does not have (a programmer error).
 */
export function transitionReplica(from: ReplicaState | null, to: ReplicaState): ReplicaState {
  const allowed = from === null ? INITIAL : EDGES[from];
  if (from !== to && !allowed.includes(to)) throw new Error(`invalid replica transition [${from ?? 'none'} -> ${to}]`);
  return to;
}

/** What the host knows about a replica, from which its state follows. */
export interface ReplicaFacts {
  removed: boolean;
  /** A demoted primary not yet re-copied (crashed, or waiting for the new primary). */
  rejoining: boolean;
  /** Base backup in progress (or about to start). */
  copying: boolean;
  needsResync: boolean;
  /** Its WAL sender waits for a free slot under maxWalSenders. */
  waiting: boolean;
  /** The sender has heard from it within replicationTimeoutSecs, and it runs. */
  connected: boolean;
  replayPaused: boolean;
  lagBytes: number;
  catchUpThresholdBytes: number;
}

/** The state the facts call for, by precedence. */
export function deriveReplicaState(facts: ReplicaFacts): ReplicaState {
  if (facts.removed) return 'REMOVED';
  if (facts.rejoining) return 'REJOINING';
  if (facts.needsResync) return 'NEEDS_RESYNC';
  if (facts.copying) return 'STARTING';
  if (facts.waiting) return 'WAITING';
  if (!facts.connected) return 'DISCONNECTED';
  if (facts.replayPaused) return 'PAUSED';
  return facts.lagBytes > facts.catchUpThresholdBytes ? 'CATCHING_UP' : 'STREAMING';
}
