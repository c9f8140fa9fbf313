import type { ObserverCounts } from './swim-group.js';

/** A member state as events and the API name it (the engine's `alive` is `ALIVE`). */
export type MemberStateName = 'ALIVE' | 'SUSPECT' | 'DEAD' | 'LEFT';

/**
 * Payload of `member_state_changed`: the state most live members hold a member in changed (a
 * consensus flip of the gossip group, not one observer's change).
 */
export interface MemberStatePayload {
  memberId: string;
  /** null: no live member knew it. */
  previousState: MemberStateName | null;
  /** null: no live member knows it any more. */
  state: MemberStateName | null;
  /** Highest incarnation of it seen. */
  incarnation: number;
  /** How many live members hold it in each state now. */
  observers: ObserverCounts;
}

/** Events of gossip membership, by type. */
export interface MembershipEventMap {
  [type: string]: unknown;
  member_state_changed: MemberStatePayload;
}
