/**
 * What SWIM members say to each other, and the precedence of what they say about a member.
 * Updates are frozen and shared by reference between the members of one process: nobody mutates them.
 */

/** What one member believes about another. `left` is a graceful leave, distinct from a failure (`dead`). */
export type MemberState = 'alive' | 'suspect' | 'dead' | 'left';

export const MEMBER_STATES: readonly MemberState[] = ['alive', 'suspect', 'dead', 'left'];

/** Where a member can be found and what it is; gossiped with its alive messages. */
export interface MemberMetadata {
  /** host:port the member listens on. */
  address: string;
  region: string;
  zone: string;
  /** What the member does in the database (e.g. storage, coordinator). */
  role: string;
}

/**
 * One statement about a member: SWIM's alive / suspect / confirm (dead) messages, plus `left`.
 * Carried piggybacked on pings and acks, and in bulk by push-pull.
 */
export interface MemberUpdate {
  readonly memberId: string;
  readonly state: MemberState;
  /** The member's incarnation the statement is about; only the member itself raises it. */
  readonly incarnation: number;
  readonly metadata: MemberMetadata;
  /** Who asserts it: the suspector of a suspicion, the declarer of a death, the member itself for alive/left. */
  readonly from: string;
}

/**
 * What pings, ping-reqs and acks carry besides their own content:
 * - `piggyback`: dissemination, from the sender's queue; each update at most λ·log n times per sender;
 * - `notices`: statements meant for this receiver only: what the sender holds about the receiver when
 *   it is not alive (the receiver alone can refute it), and the newer versions of statements the
 *   receiver just sent that the sender knows to be stale. Replies, not dissemination.
 */
export interface GossipPayload {
  readonly piggyback: readonly MemberUpdate[];
  readonly notices: readonly MemberUpdate[];
}

/** Direct probe; the receiver answers with an ack of the same sequence number. */
export interface PingMessage extends GossipPayload {
  readonly type: 'ping';
  readonly seq: number;
}

/** Ask the receiver to probe `target` and forward its ack, carrying the requester's `seq`. */
export interface PingReqMessage extends GossipPayload {
  readonly type: 'ping-req';
  readonly seq: number;
  readonly target: string;
}

/** Answer to a ping (or, forwarded by a relay, to a ping-req) with the sequence number it answers. */
export interface AckMessage extends GossipPayload {
  readonly type: 'ack';
  readonly seq: number;
}

/**
 * Full state exchange (anti-entropy). `join` marks the request of a joining member; the receiver
 * of a request answers with its own state (`reply`).
 */
export interface PushPullMessage {
  readonly type: 'push-pull';
  readonly join: boolean;
  readonly reply: boolean;
  readonly states: readonly MemberUpdate[];
}

export type SwimMessage = PingMessage | PingReqMessage | AckMessage | PushPullMessage;

/** Order of the states at one incarnation: a later one overrides an earlier one (SWIM §4.2, plus `left`). */
const RANK: Record<MemberState, number> = { alive: 0, suspect: 1, dead: 2, left: 3 };

/**
 * Whether `next` overrides what is held (`current`), by SWIM's precedence rules:
 * - alive(i) overrides anything held at an incarnation below i (a refutation, or a rejoin);
 * - suspect(i) overrides alive(j) for i >= j and suspect(j) for i > j, never dead or left;
 * - dead(i) overrides alive and suspect at j <= i, and dead or left at j < i;
 * - left(i) overrides alive, suspect and dead at j <= i (the member's own word beats a failure guess).
 * Statements about an older incarnation never override, so stale gossip cannot undo a refutation.
 */
export function overrides(current: { state: MemberState; incarnation: number }, next: { state: MemberState; incarnation: number }): boolean {
  // A suspicion cannot bring back a member held dead or left: only the member's own alive can.
  if (next.state === 'suspect' && (current.state === 'dead' || current.state === 'left')) return false;
  if (next.incarnation !== current.incarnation) return next.incarnation > current.incarnation;
  return RANK[next.state] > RANK[current.state];
}
