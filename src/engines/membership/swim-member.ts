/**
 * One member of a SWIM group, as a pure state machine in the style of etcd raft: no clock, no
 * network, no randomness of its own. Inputs are {@link SwimMember.tick} (the protocol period and the
 * ping timeout), {@link SwimMember.receive} (a message) and lifecycle calls (leave, crash, rejoin);
 * the outputs, drained with {@link SwimMember.ready}, are the messages to send and the membership
 * changes this member observed. Time comes in as `nowMs`; randomness from an injected SeededRng.
 *
 * Failure detection (SWIM §3–4): each protocol period the member pings the next target of a shuffled
 * round-robin order; without an ack after pingTimeoutMs it asks `indirectChecks` members to ping the
 * target for it (ping-req); without any ack by the end of the period it suspects the target. A
 * suspicion becomes a death after a timeout that scales with log(n) and shrinks with independent
 * confirmations (Lifeguard). A member that hears itself suspected or declared dead refutes it by
 * raising its incarnation. Dissemination piggybacks every change on pings, ping-reqs and acks,
 * λ·log(n) times each; notices tell a receiver what it alone must hear (that it is suspected or held
 * dead, or the newer version of something stale it just said). A periodic push-pull exchanges full
 * state as anti-entropy, and reconnect pings to members held dead let a healed partition find itself.
 */
import { assert } from '../runtime/domain-error.js';
import type { SeededRng } from '../runtime/rng.js';
import { PiggybackQueue } from './piggyback-queue.js';
import {
  pushPullIntervalMs,
  retransmitLimit,
  suspicionTimeoutMs,
  suspicionTimeouts,
  type SuspicionTimeouts,
  type SwimConfig,
} from './swim-config.js';
import { overrides, type GossipPayload, type MemberMetadata, type MemberState, type MemberUpdate, type SwimMessage } from './swim-messages.js';

/**
 * The member's own life:
 *
 *   joining --join answered--> active --leave--> leaving --leave acknowledged / timeout--> left
 *   joining --attempts exhausted--> join-failed --answer after all / rejoin--> active / joining
 *   joining, join-failed --leave--> left
 *   any running state --crash--> crashed --recovery--> joining (or left, if it was leaving)
 *   left, crashed --rejoin--> joining
 */
export type Lifecycle = 'joining' | 'active' | 'leaving' | 'left' | 'crashed' | 'join-failed';

const LIFECYCLE_TRANSITIONS: Readonly<Record<Lifecycle, readonly Lifecycle[]>> = Object.freeze({
  joining: ['active', 'join-failed', 'left', 'crashed'],
  active: ['leaving', 'crashed'],
  leaving: ['left', 'crashed'],
  'join-failed': ['active', 'joining', 'left', 'crashed'],
  crashed: ['joining', 'left'],
  left: ['joining'],
});

/**
 * How one member's belief about another may move (a same-state edge is a higher incarnation).
 * `overrides` decides which statement wins; this table is the invariant it must keep:
 *
 *   alive <-> suspect, alive/suspect -> dead -> alive (refuted by a higher incarnation),
 *   anything -> left -> alive (a rejoin) or dead (a later life that failed)
 */
const VIEW_TRANSITIONS: Readonly<Record<MemberState, readonly MemberState[]>> = Object.freeze({
  alive: ['alive', 'suspect', 'dead', 'left'],
  suspect: ['suspect', 'alive', 'dead', 'left'],
  dead: ['dead', 'alive', 'left'],
  left: ['left', 'alive', 'dead'],
});

/** Lifecycles in which the member's process runs: it is ticked and receives messages. */
export function isRunning(lifecycle: Lifecycle): boolean {
  return lifecycle === 'joining' || lifecycle === 'active' || lifecycle === 'leaving' || lifecycle === 'join-failed';
}

/** Where the current probe stands: pinged directly, handed to ping-req helpers, or answered. */
export type ProbePhase = 'direct' | 'indirect' | 'acked';

/** What kind of change a member saw. `refuted` is about the member itself; `forgotten` is a reaped entry. */
export type ChangeKind = 'joined' | 'suspect' | 'alive' | 'dead' | 'left' | 'forgotten' | 'refuted';

/** What made the change: a piggybacked update, this member's own failed probe, an expired suspicion, a push-pull, itself. */
export type ChangeSource = 'gossip' | 'probe' | 'timeout' | 'sync' | 'self';

/** One change in one member's (the observer's) view of another member. */
export interface MembershipChange {
  observerId: string;
  memberId: string;
  kind: ChangeKind;
  /** null: the observer did not know the member before. */
  previousState: MemberState | null;
  /** null: the observer forgot the member. */
  state: MemberState | null;
  incarnation: number;
  atMs: number;
  source: ChangeSource;
}

export interface OutgoingMessage {
  to: string;
  message: SwimMessage;
}

/** What the host must do after feeding inputs: send these messages, publish these changes. */
export interface Ready {
  messages: OutgoingMessage[];
  changes: MembershipChange[];
}

/** Monotonic counters of one member, kept across crashes (the host's metrics of that member). */
export interface SwimCounters {
  protocolPeriods: number;
  pingsSent: number;
  pingsReceived: number;
  acksSent: number;
  acksReceived: number;
  pingReqsSent: number;
  pingReqsReceived: number;
  /** ping-reqs refused because maxPendingRelays indirect probes were already pending. */
  pingReqsDropped: number;
  /** Pings sent on behalf of another member's ping-req. */
  indirectPingsSent: number;
  /** Acks passed back to the member that asked for an indirect probe. */
  acksForwarded: number;
  /** Own probes answered only through a helper (the indirect probe saved the target). */
  indirectAcksReceived: number;
  /** Acks that matched no pending probe or relay (late, or answers to reconnect pings). */
  staleAcks: number;
  /** Own probes that ended without any ack. */
  probesFailed: number;
  /** Suspicions this member raised from its own failed probes. */
  suspicionsRaised: number;
  /** Independent confirmations added to suspicions this member holds. */
  suspicionConfirmations: number;
  /** Suspicions that expired here, making this member declare the suspect dead. */
  deathsDeclared: number;
  /** Times this member refuted a suspicion or death of itself by raising its incarnation. */
  refutations: number;
  /** Updates that changed this member's view (including new members). */
  updatesApplied: number;
  /** Stale statements heard that made this member gossip its newer one again. */
  staleUpdatesCorrected: number;
  /** Update transmissions piggybacked on outgoing messages. */
  piggybackedUpdatesSent: number;
  /** Updates evicted from the full piggyback queue before their retransmissions were done. */
  updatesDropped: number;
  /** New members not added because the view held maxMembers. */
  membersRejected: number;
  pushPullsSent: number;
  pushPullsReceived: number;
  reconnectPingsSent: number;
  joinAttempts: number;
}

/** One member's belief about another, for reads. */
export interface MemberBelief {
  memberId: string;
  state: MemberState;
  incarnation: number;
  metadata: MemberMetadata;
  /** When this member's view of it entered `state`. */
  lastStateChangeMs: number;
  suspicion: SuspicionView | null;
}

export interface SuspicionView {
  incarnation: number;
  startedMs: number;
  /** When the suspect will be declared dead unless refuted; moves earlier with confirmations. */
  deadlineMs: number;
  /** Distinct members that vouched for the suspicion, the first suspector included. */
  confirmations: number;
  suspectors: string[];
}

/** A pending piggybacked update, for the gossip read. */
export interface PiggybackView {
  memberId: string;
  state: MemberState;
  incarnation: number;
  from: string;
  transmissions: number;
  remainingTransmissions: number;
}

/** Everything this member is doing for the protocol right now ("the gossip state as it is"). */
export interface MemberGossipState {
  memberId: string;
  lifecycle: Lifecycle;
  incarnation: number;
  /** Protocol periods this life of the member has started (counters.protocolPeriods counts all lives). */
  protocolPeriod: number;
  nextPeriodMs: number;
  /** Entries in the view, the member itself and dead or left ones included (the n of the log n). */
  viewSize: number;
  retransmitLimit: number;
  suspicionTimeouts: SuspicionTimeouts;
  probe: { targetId: string; seq: number; phase: ProbePhase; startedMs: number; helpers: string[] } | null;
  /** Next sequence number this member will use. */
  nextSeq: number;
  piggybackQueue: PiggybackView[];
  suspicions: (SuspicionView & { memberId: string })[];
  /** Indirect probes this member is running for others. */
  pendingRelays: number;
  join: { seeds: string[]; attempts: number } | null;
  counters: SwimCounters;
}

export interface SwimMemberInit {
  memberId: string;
  metadata: MemberMetadata;
  /** A validated config (see validateSwimConfig). */
  config: SwimConfig;
  /** This member's own random stream (a fork): probe order, ping-req helpers, push-pull partners. */
  rng: SeededRng;
  nowMs: number;
  /** Starting incarnation. Default 0. */
  incarnation?: number;
  /** A static bootstrap list: these members are known alive from the start, without a join. */
  peers?: readonly MemberUpdate[];
  /** Members to join through, tried in turn. With neither peers nor seeds the member starts a group alone. */
  seeds?: readonly string[];
  /**
   * The member had left the group before this start (a restart restoring an operator's decision):
   * it starts `left`, holding itself left, and does nothing until it rejoins. Default false.
   */
  left?: boolean;
}

interface MemberEntry {
  record: MemberUpdate;
  sinceMs: number;
}

interface Suspicion {
  incarnation: number;
  startedMs: number;
  deadlineMs: number;
  bounds: SuspicionTimeouts;
  /** Bounded by expectedConfirmations + 1: more confirmations cannot shorten the timeout further. */
  suspectors: Set<string>;
}

interface Probe {
  targetId: string;
  seq: number;
  phase: ProbePhase;
  startedMs: number;
  indirectAtMs: number;
  helpers: string[];
}

/** An indirect probe run for `requesterId`, whose ack must go back with `requesterSeq`. */
interface Relay {
  requesterId: string;
  requesterSeq: number;
  targetId: string;
  expiresMs: number;
}

interface JoinState {
  seeds: string[];
  attempts: number;
  nextAttemptMs: number;
}

/** All counters at zero. */
export function zeroCounters(): SwimCounters {
  return {
    protocolPeriods: 0,
    pingsSent: 0,
    pingsReceived: 0,
    acksSent: 0,
    acksReceived: 0,
    pingReqsSent: 0,
    pingReqsReceived: 0,
    pingReqsDropped: 0,
    indirectPingsSent: 0,
    acksForwarded: 0,
    indirectAcksReceived: 0,
    staleAcks: 0,
    probesFailed: 0,
    suspicionsRaised: 0,
    suspicionConfirmations: 0,
    deathsDeclared: 0,
    refutations: 0,
    updatesApplied: 0,
    staleUpdatesCorrected: 0,
    piggybackedUpdatesSent: 0,
    updatesDropped: 0,
    membersRejected: 0,
    pushPullsSent: 0,
    pushPullsReceived: 0,
    reconnectPingsSent: 0,
    joinAttempts: 0,
  };
}

/** An immutable statement, safe to share between members and messages. */
export function memberUpdate(
  memberId: string,
  state: MemberState,
  incarnation: number,
  metadata: MemberMetadata,
  from: string,
): MemberUpdate {
  return Object.freeze({ memberId, state, incarnation, metadata, from });
}

export class SwimMember {
  readonly memberId: string;
  readonly counters: SwimCounters = zeroCounters();
  private metadata: MemberMetadata;
  private readonly config: SwimConfig;
  private readonly rng: SeededRng;
  private lifecycleState: Lifecycle;
  private ownIncarnation: number;
  private lastNowMs: number;
  /** The view, this member included. Insertion order keeps every iteration deterministic. */
  private readonly members = new Map<string, MemberEntry>();
  private readonly suspicions = new Map<string, Suspicion>();
  private readonly queue: PiggybackQueue;
  /** Randomized round-robin: a shuffled list walked once, then rebuilt from the view and reshuffled. */
  private probeOrder: string[] = [];
  private probeIndex = 0;
  private probe: Probe | null = null;
  private protocolPeriod = 0;
  private nextPeriodMs: number;
  private nextSeq = 1;
  private readonly relays = new Map<number, Relay>();
  /** Dead and left entries in the order they got there, for forgetting them and for reconnect pings. */
  private graveyard: { memberId: string; atMs: number }[] = [];
  private graveyardHead = 0;
  private nextPushPullMs: number;
  private nextReconnectMs: number;
  private joinState: JoinState | null = null;
  private leaveDeadlineMs = 0;
  /** Acked probes since the leave began: each acker received a message carrying the leave. */
  private leaveAcks = 0;
  private outbox: OutgoingMessage[] = [];
  private changes: MembershipChange[] = [];
  /** Newer versions of stale statements found in the message being handled, to send back to its sender. */
  private corrections: MemberUpdate[] = [];

  constructor(init: SwimMemberInit) {
    assert(init.memberId.length > 0, 'SwimMember: memberId must be non-empty');
    assert(Number.isFinite(init.nowMs), 'SwimMember: nowMs must be finite');
    this.memberId = init.memberId;
    this.metadata = init.metadata;
    this.config = init.config;
    this.rng = init.rng;
    this.ownIncarnation = init.incarnation ?? 0;
    assert(Number.isSafeInteger(this.ownIncarnation) && this.ownIncarnation >= 0, 'SwimMember: incarnation must be a non-negative integer');
    this.lastNowMs = init.nowMs;
    this.queue = new PiggybackQueue(init.config.maxQueuedUpdates);
    this.nextPeriodMs = init.nowMs;
    this.nextPushPullMs = init.nowMs;
    this.nextReconnectMs = init.nowMs;
    this.setSelf(init.nowMs);
    for (const peer of init.peers ?? []) {
      assert(peer.memberId !== this.memberId, 'SwimMember: peers must not include the member itself');
      assert(!this.members.has(peer.memberId), `SwimMember: peer ${peer.memberId} listed twice`);
      if (this.members.size >= this.config.maxMembers) break;
      this.members.set(peer.memberId, { record: peer, sinceMs: init.nowMs });
      if (peer.state === 'dead' || peer.state === 'left') this.graveyard.push({ memberId: peer.memberId, atMs: init.nowMs });
    }
    const seeds = init.seeds ?? [];
    if (init.left === true) {
      assert(seeds.length === 0, 'SwimMember: a member that starts left has no seeds');
      this.lifecycleState = 'left';
      this.setSelfRecord(memberUpdate(this.memberId, 'left', this.ownIncarnation, this.metadata, this.memberId));
    } else if (seeds.length > 0 && (init.peers ?? []).length === 0) {
      this.lifecycleState = 'joining';
      this.joinState = { seeds: [...seeds], attempts: 0, nextAttemptMs: init.nowMs };
    } else {
      this.lifecycleState = 'active';
      this.scheduleBackgroundWork(init.nowMs);
    }
  }

  get lifecycle(): Lifecycle {
    return this.lifecycleState;
  }

  get incarnation(): number {
    return this.ownIncarnation;
  }

  /** Drains what the inputs so far produced. */
  ready(): Ready {
    const ready = { messages: this.outbox, changes: this.changes };
    this.outbox = [];
    this.changes = [];
    return ready;
  }

  // ---------------------------------------------------------------- inputs

  /**
   * Advances the protocol to `nowMs`: starts a protocol period when one is due (ending the previous
   * probe, suspecting its target if nobody acked), sends the ping-reqs once the ping timeout passed,
   * expires suspicions, forgets old dead entries, retries a join. The host calls it at period
   * boundaries and at the ping timeout; calling it more often is harmless.
   */
  tick(nowMs: number): void {
    this.observeTime(nowMs, 'tick');
    switch (this.lifecycleState) {
      case 'joining':
        this.tickJoin(nowMs);
        return;
      case 'join-failed':
        return;
      case 'active':
      case 'leaving':
        break;
      default:
        throw new Error(`SwimMember ${this.memberId}: tick while ${this.lifecycleState}`);
    }
    this.expireSuspicions(nowMs);
    if (nowMs >= this.nextPeriodMs) {
      this.endProbe(nowMs);
      this.forgetExpired(nowMs);
      this.expireRelays(nowMs);
      if (this.lifecycleState === 'leaving' && this.leaveDone(nowMs)) {
        this.become('left');
        this.stopProtocol();
        return;
      }
      this.protocolPeriod += 1;
      this.counters.protocolPeriods += 1;
      this.nextPeriodMs = nowMs + this.config.protocolPeriodMs;
      this.startProbe(nowMs);
      this.maybePushPull(nowMs);
      this.maybeReconnect(nowMs);
    } else if (this.probe?.phase === 'direct' && nowMs >= this.probe.indirectAtMs) {
      this.sendPingReqs(this.probe);
    }
  }

  /** Handles one message from `from`. */
  receive(from: string, message: SwimMessage, nowMs: number): void {
    this.observeTime(nowMs, 'receive');
    assert(isRunning(this.lifecycleState), `SwimMember ${this.memberId}: message received while ${this.lifecycleState}`);
    switch (message.type) {
      case 'ping':
        this.applyGossip(message, nowMs);
        this.counters.pingsReceived += 1;
        // The ack goes straight back to the sender: it carries the corrections of what the ping said.
        this.send(from, { type: 'ack', seq: message.seq, ...this.gossipFor(from, this.corrections) });
        this.counters.acksSent += 1;
        return;
      case 'ping-req':
        this.applyGossip(message, nowMs);
        this.counters.pingReqsReceived += 1;
        this.relayProbe(from, message.seq, message.target, nowMs);
        return;
      case 'ack':
        this.applyGossip(message, nowMs);
        this.counters.acksReceived += 1;
        this.handleAck(from, message.seq);
        return;
      case 'push-pull':
        this.receivePushPull(from, message.reply, message.states, nowMs);
        return;
    }
  }

  /**
   * Graceful leave: an active member gossips its own `left` and keeps taking part until as many
   * members as an update's retransmissions acknowledged a message carrying it (or leaveTimeoutMs
   * passed); a member that never finished joining is simply gone.
   */
  leave(nowMs: number): void {
    this.observeTime(nowMs, 'leave');
    if (this.lifecycleState !== 'active') {
      this.become('left');
      this.stopProtocol();
      return;
    }
    this.become('leaving');
    const left = memberUpdate(this.memberId, 'left', this.ownIncarnation, this.metadata, this.memberId);
    this.setSelfRecord(left);
    this.disseminate(left);
    this.leaveDeadlineMs = nowMs + this.config.leaveTimeoutMs;
    this.leaveAcks = 0;
  }

  /** The process died: everything but the incarnation and the counters is lost. */
  crash(): void {
    this.become('crashed');
    this.dropVolatileState();
  }

  /** A crashed member that was leaving does not come back: it is simply gone. */
  abandon(): void {
    this.become('left');
  }

  /**
   * Starts a new life (after a crash, a leave or a failed join): a higher incarnation, an empty view,
   * and a join through `seeds` (none: start a group alone).
   */
  rejoin(nowMs: number, seeds: readonly string[], metadata: MemberMetadata = this.metadata): void {
    this.observeTime(nowMs, 'rejoin');
    this.become('joining');
    this.dropVolatileState();
    this.metadata = metadata;
    this.ownIncarnation += 1;
    this.setSelf(nowMs);
    this.joinState = { seeds: [...seeds], attempts: 0, nextAttemptMs: nowMs };
    if (seeds.length === 0) this.becomeActive(nowMs);
  }

  // ---------------------------------------------------------------- reads

  /** This member's view, itself included. */
  view(): MemberBelief[] {
    return [...this.members.keys()].map((memberId) => this.beliefAbout(memberId) as MemberBelief);
  }

  /** What this member believes about `memberId`, or undefined if it does not know it. */
  beliefAbout(memberId: string): MemberBelief | undefined {
    const entry = this.members.get(memberId);
    if (entry === undefined) return undefined;
    const { record } = entry;
    const suspicion = this.suspicions.get(memberId);
    return {
      memberId,
      state: record.state,
      incarnation: record.incarnation,
      metadata: record.metadata,
      lastStateChangeMs: entry.sinceMs,
      suspicion: suspicion === undefined ? null : suspicionView(suspicion),
    };
  }

  /** State of every entry but the member itself, cheaply (for the host's counts). */
  *beliefStates(): IterableIterator<[string, MemberState]> {
    for (const [memberId, entry] of this.members) if (memberId !== this.memberId) yield [memberId, entry.record.state];
  }

  /** Members this one holds alive or suspect, besides itself: whom to rejoin through after a crash. */
  reachablePeers(): string[] {
    const peers: string[] = [];
    for (const [memberId, entry] of this.members) if (this.isProbeable(memberId, entry)) peers.push(memberId);
    if (peers.length === 0 && this.joinState !== null) return [...this.joinState.seeds];
    return peers;
  }

  gossipState(): MemberGossipState {
    const limit = this.retransmitLimit();
    return {
      memberId: this.memberId,
      lifecycle: this.lifecycleState,
      incarnation: this.ownIncarnation,
      protocolPeriod: this.protocolPeriod,
      nextPeriodMs: this.nextPeriodMs,
      viewSize: this.members.size,
      retransmitLimit: limit,
      suspicionTimeouts: suspicionTimeouts(this.config, this.members.size),
      probe:
        this.probe === null
          ? null
          : { targetId: this.probe.targetId, seq: this.probe.seq, phase: this.probe.phase, startedMs: this.probe.startedMs, helpers: [...this.probe.helpers] },
      nextSeq: this.nextSeq,
      piggybackQueue: this.queue.entries().map(({ update, transmissions }) => ({
        memberId: update.memberId,
        state: update.state,
        incarnation: update.incarnation,
        from: update.from,
        transmissions,
        remainingTransmissions: Math.max(0, limit - transmissions),
      })),
      suspicions: [...this.suspicions].map(([memberId, suspicion]) => ({ memberId, ...suspicionView(suspicion) })),
      pendingRelays: this.relays.size,
      join: this.joinState === null ? null : { seeds: [...this.joinState.seeds], attempts: this.joinState.attempts },
      counters: { ...this.counters },
    };
  }

  // ---------------------------------------------------------------- lifecycle

  /** The one place the lifecycle changes; throws on a transition the diagram does not have. */
  private become(next: Lifecycle): void {
    const current = this.lifecycleState;
    if (!LIFECYCLE_TRANSITIONS[current].includes(next)) {
      throw new Error(`SwimMember ${this.memberId}: invalid lifecycle transition [${current} -> ${next}]`);
    }
    this.lifecycleState = next;
  }

  private becomeActive(nowMs: number): void {
    this.become('active');
    this.joinState = null;
    this.scheduleBackgroundWork(nowMs);
    // Its own alive spreads from it too, not only from the seed (memberlist's setAlive does the same).
    const self = this.members.get(this.memberId)?.record;
    if (self !== undefined) this.disseminate(self);
  }

  private scheduleBackgroundWork(nowMs: number): void {
    this.nextPeriodMs = nowMs;
    // Staggered, so that members started together do not all push-pull in the same period.
    const interval = pushPullIntervalMs(this.config, this.members.size);
    this.nextPushPullMs = nowMs + (interval > 0 ? this.rng.int(0, interval) + 1 : 0);
    this.nextReconnectMs = nowMs + this.config.reconnectIntervalMs;
  }

  private tickJoin(nowMs: number): void {
    const join = this.joinState;
    assert(join !== null && join.seeds.length > 0, 'joining member has seeds');
    if (nowMs < join.nextAttemptMs) return;
    if (join.attempts >= this.config.maxJoinAttempts) {
      this.become('join-failed');
      return;
    }
    const seed = join.seeds[join.attempts % join.seeds.length] as string;
    join.attempts += 1;
    join.nextAttemptMs = nowMs + this.config.protocolPeriodMs;
    this.counters.joinAttempts += 1;
    this.counters.pushPullsSent += 1;
    this.send(seed, { type: 'push-pull', join: true, reply: false, states: this.stateRecords() });
  }

  private leaveDone(nowMs: number): boolean {
    // Sends are not enough (a ping to a crashed member carries the leave nowhere): count acks.
    return this.leaveAcks >= this.retransmitLimit() || nowMs >= this.leaveDeadlineMs;
  }

  /**
   * A member that left stops all protocol work; its last view stays readable (frozen) until it
   * rejoins, so the host can account for what it believed.
   */
  private stopProtocol(): void {
    this.suspicions.clear();
    this.queue.clear();
    this.probe = null;
    this.relays.clear();
    this.joinState = null;
  }

  /** What a crash or a new life loses: the view, the queue, probes, suspicions, unsent messages. */
  private dropVolatileState(): void {
    const self = this.members.get(this.memberId);
    this.members.clear();
    if (self !== undefined) this.members.set(this.memberId, self);
    this.joinState = null;
    this.suspicions.clear();
    this.queue.clear();
    this.probeOrder = [];
    this.probeIndex = 0;
    this.probe = null;
    this.protocolPeriod = 0;
    this.relays.clear();
    this.graveyard = [];
    this.graveyardHead = 0;
    this.outbox = [];
  }

  private setSelf(nowMs: number): void {
    this.members.set(this.memberId, { record: memberUpdate(this.memberId, 'alive', this.ownIncarnation, this.metadata, this.memberId), sinceMs: nowMs });
  }

  private setSelfRecord(record: MemberUpdate): void {
    const self = this.members.get(this.memberId);
    assert(self !== undefined, 'the view holds the member itself');
    self.record = record;
  }

  // ---------------------------------------------------------------- failure detection

  private startProbe(nowMs: number): void {
    const targetId = this.nextProbeTarget();
    if (targetId === undefined) return;
    const probe: Probe = { targetId, seq: this.nextSeq++, phase: 'direct', startedMs: nowMs, indirectAtMs: nowMs + this.config.pingTimeoutMs, helpers: [] };
    this.probe = probe;
    this.send(targetId, { type: 'ping', seq: probe.seq, ...this.gossipFor(targetId) });
    this.counters.pingsSent += 1;
  }

  private sendPingReqs(probe: Probe): void {
    probe.phase = 'indirect';
    probe.helpers = this.randomAliveMembers(this.config.indirectChecks, probe.targetId);
    for (const helper of probe.helpers) {
      this.send(helper, { type: 'ping-req', seq: probe.seq, target: probe.targetId, ...this.gossipFor(helper) });
      this.counters.pingReqsSent += 1;
    }
  }

  /** End of the protocol period: no ack, direct or forwarded, means suspicion (SWIM §4.1). */
  private endProbe(nowMs: number): void {
    const probe = this.probe;
    this.probe = null;
    if (probe === null || probe.phase === 'acked') return;
    this.counters.probesFailed += 1;
    const entry = this.members.get(probe.targetId);
    if (entry === undefined || (entry.record.state !== 'alive' && entry.record.state !== 'suspect')) return;
    const { record } = entry;
    if (record.state === 'alive') this.counters.suspicionsRaised += 1;
    this.apply(memberUpdate(record.memberId, 'suspect', record.incarnation, record.metadata, this.memberId), nowMs, 'probe');
  }

  private relayProbe(requesterId: string, requesterSeq: number, targetId: string, nowMs: number): void {
    if (targetId === this.memberId) {
      // Asked to probe itself (the requester's view is odd): the answer is at hand.
      this.send(requesterId, { type: 'ack', seq: requesterSeq, ...this.gossipFor(requesterId) });
      this.counters.acksSent += 1;
      return;
    }
    if (this.relays.size >= this.config.maxPendingRelays) {
      this.counters.pingReqsDropped += 1;
      return;
    }
    const seq = this.nextSeq++;
    // The requester gives up at the end of its period, so the relay is useless after one period.
    this.relays.set(seq, { requesterId, requesterSeq, targetId, expiresMs: nowMs + this.config.protocolPeriodMs });
    this.send(targetId, { type: 'ping', seq, ...this.gossipFor(targetId) });
    this.counters.indirectPingsSent += 1;
  }

  private handleAck(from: string, seq: number): void {
    const probe = this.probe;
    if (probe !== null && probe.seq === seq) {
      if (probe.phase !== 'acked') {
        if (from !== probe.targetId) this.counters.indirectAcksReceived += 1;
        if (this.lifecycleState === 'leaving') this.leaveAcks += 1;
        probe.phase = 'acked';
      }
      return;
    }
    const relay = this.relays.get(seq);
    if (relay !== undefined && relay.targetId === from) {
      this.relays.delete(seq);
      this.send(relay.requesterId, { type: 'ack', seq: relay.requesterSeq, ...this.gossipFor(relay.requesterId) });
      this.counters.acksForwarded += 1;
      return;
    }
    this.counters.staleAcks += 1;
  }

  private expireRelays(nowMs: number): void {
    for (const [seq, relay] of this.relays) if (nowMs >= relay.expiresMs) this.relays.delete(seq);
  }

  private isProbeable(memberId: string, entry: MemberEntry | undefined): boolean {
    return memberId !== this.memberId && entry !== undefined && (entry.record.state === 'alive' || entry.record.state === 'suspect');
  }

  /** The next target of the round-robin, skipping entries that died or were forgotten since the shuffle. */
  private nextProbeTarget(): string | undefined {
    // One rebuild at most: a rebuilt order holds only probeable members.
    for (let rebuilt = false; ; ) {
      while (this.probeIndex < this.probeOrder.length) {
        const memberId = this.probeOrder[this.probeIndex++] as string;
        if (this.isProbeable(memberId, this.members.get(memberId))) return memberId;
      }
      if (rebuilt) return undefined;
      this.rebuildProbeOrder();
      rebuilt = true;
    }
  }

  private rebuildProbeOrder(): void {
    const probeable: string[] = [];
    for (const [memberId, entry] of this.members) if (this.isProbeable(memberId, entry)) probeable.push(memberId);
    this.probeOrder = this.rng.shuffle(probeable);
    this.probeIndex = 0;
  }

  /** A new or returning member goes to a random place in the rest of this round (memberlist), in O(1). */
  private insertIntoProbeOrder(memberId: string): void {
    // A member flapping within one round is inserted each time it returns; past this bound, start a new round.
    if (this.probeOrder.length >= 2 * this.config.maxMembers) {
      this.rebuildProbeOrder();
      return;
    }
    const at = this.rng.int(this.probeIndex, this.probeOrder.length + 1);
    if (at === this.probeOrder.length) {
      this.probeOrder.push(memberId);
      return;
    }
    this.probeOrder.push(this.probeOrder[at] as string);
    this.probeOrder[at] = memberId;
  }

  /** Up to `count` distinct members held alive, other than `excluded`, sampled from the probe order in O(count). */
  private randomAliveMembers(count: number, excluded?: string): string[] {
    const chosen: string[] = [];
    const order = this.probeOrder;
    if (order.length === 0 || count === 0) return chosen;
    for (let attempt = 0; attempt < count * 4 + 4 && chosen.length < count; attempt += 1) {
      const memberId = order[this.rng.int(0, order.length)] as string;
      if (memberId === excluded || memberId === this.memberId || chosen.includes(memberId)) continue;
      if (this.members.get(memberId)?.record.state === 'alive') chosen.push(memberId);
    }
    return chosen;
  }

  // ---------------------------------------------------------------- suspicion

  private startSuspicion(memberId: string, update: MemberUpdate, nowMs: number): void {
    const bounds = suspicionTimeouts(this.config, this.members.size);
    this.suspicions.set(memberId, {
      incarnation: update.incarnation,
      startedMs: nowMs,
      deadlineMs: nowMs + suspicionTimeoutMs(bounds, 0),
      bounds,
      suspectors: new Set([update.from]),
    });
  }

  /** Another member suspects the same incarnation: the suspicion is more likely true, so it expires sooner. */
  private confirmSuspicion(update: MemberUpdate): void {
    const suspicion = this.suspicions.get(update.memberId);
    if (suspicion === undefined || suspicion.incarnation !== update.incarnation) return;
    if (suspicion.suspectors.has(update.from) || suspicion.suspectors.size > suspicion.bounds.expectedConfirmations) return;
    suspicion.suspectors.add(update.from);
    suspicion.deadlineMs = suspicion.startedMs + suspicionTimeoutMs(suspicion.bounds, suspicion.suspectors.size - 1);
    this.counters.suspicionConfirmations += 1;
    // Passed on so the others hear of the independent suspector too (memberlist does the same).
    this.disseminate(update);
  }

  private expireSuspicions(nowMs: number): void {
    if (this.suspicions.size === 0) return;
    const expired: string[] = [];
    for (const [memberId, suspicion] of this.suspicions) if (nowMs >= suspicion.deadlineMs) expired.push(memberId);
    for (const memberId of expired) {
      const entry = this.members.get(memberId);
      assert(entry !== undefined && entry.record.state === 'suspect', `suspicion of ${memberId} without a suspect entry`);
      this.counters.deathsDeclared += 1;
      const { record } = entry;
      this.apply(memberUpdate(memberId, 'dead', record.incarnation, record.metadata, this.memberId), nowMs, 'timeout');
    }
  }

  // ---------------------------------------------------------------- dissemination

  /** Queues an update for piggybacking, counting what a full queue had to drop. */
  private disseminate(update: MemberUpdate): void {
    if (this.queue.enqueue(update)) this.counters.updatesDropped += 1;
  }

  /** Applies what a ping, ping-req or ack carries, collecting corrections for its sender. */
  private applyGossip(payload: GossipPayload, nowMs: number): void {
    this.corrections = [];
    for (const update of payload.notices) this.apply(update, nowMs, 'gossip');
    for (const update of payload.piggyback) this.apply(update, nowMs, 'gossip');
  }

  /** Applies one statement by the precedence rules; news is queued for dissemination. */
  private apply(update: MemberUpdate, nowMs: number, source: ChangeSource): void {
    if (update.memberId === this.memberId) {
      this.applyAboutSelf(update, nowMs);
      return;
    }
    const entry = this.members.get(update.memberId);
    // What a joiner learns from its seed is news to nobody else: it does not spread it.
    const spread = this.lifecycleState !== 'joining' && this.lifecycleState !== 'join-failed';
    if (entry === undefined) {
      // A stranger enters the view only by its own alive: a suspicion or death of an unknown member says nothing useful.
      if (update.state !== 'alive') return;
      if (this.members.size >= this.config.maxMembers) {
        this.counters.membersRejected += 1;
        return;
      }
      this.members.set(update.memberId, { record: update, sinceMs: nowMs });
      this.insertIntoProbeOrder(update.memberId);
      if (spread) this.disseminate(update);
      this.counters.updatesApplied += 1;
      this.emit(update.memberId, 'joined', null, 'alive', update.incarnation, nowMs, source);
      return;
    }
    const previous = entry.record;
    if (!overrides(previous, update)) {
      if (update.state === 'suspect' && previous.state === 'suspect' && update.incarnation === previous.incarnation) this.confirmSuspicion(update);
      else if (source === 'gossip' && overrides(update, previous)) this.correct(previous);
      return;
    }
    assert(VIEW_TRANSITIONS[previous.state].includes(update.state), `${this.memberId}: ${update.memberId} cannot go ${previous.state} -> ${update.state}`);
    entry.record = update;
    if (spread) this.disseminate(update);
    this.counters.updatesApplied += 1;
    if (previous.state === 'suspect' || update.state === 'suspect') this.suspicions.delete(update.memberId);
    if (update.state === 'suspect') this.startSuspicion(update.memberId, update, nowMs);
    if (previous.state === update.state) return;
    entry.sinceMs = nowMs;
    if (update.state === 'dead' || update.state === 'left') {
      this.graveyard.push({ memberId: update.memberId, atMs: nowMs });
    } else if (previous.state === 'dead' || previous.state === 'left') {
      this.insertIntoProbeOrder(update.memberId);
    }
    this.emit(update.memberId, changeKind(previous.state, update.state), previous.state, update.state, update.incarnation, nowMs, source);
  }

  /** Statements about this member: it is the authority on itself (SWIM §4.2). */
  private applyAboutSelf(update: MemberUpdate, nowMs: number): void {
    if (update.incarnation < this.ownIncarnation) {
      // About an older incarnation, already refuted: whoever still says it missed the refutation.
      this.correct(this.members.get(this.memberId)?.record as MemberUpdate);
      return;
    }
    // A leaving member lets its own `left` win rather than argue.
    if (this.lifecycleState === 'leaving') return;
    if (update.state === 'alive') {
      // Our own alive from a previous life, at an incarnation we no longer remember: outbid it.
      if (update.incarnation > this.ownIncarnation) this.refute(update.incarnation, nowMs);
      return;
    }
    this.refute(update.incarnation, nowMs);
  }

  /**
   * The sender of a message still says something older than what is held: the newer statement goes
   * back to it (in the ack of a ping). Without this, a member that missed a refutation or a leave
   * (a straggler, or an island after a partition) would keep its stale verdict until a push-pull,
   * and might turn it into a false death.
   */
  private correct(held: MemberUpdate): void {
    if (this.corrections.includes(held) || this.corrections.length >= this.config.maxPiggybackEntries) return;
    this.corrections.push(held);
    this.counters.staleUpdatesCorrected += 1;
  }

  private refute(heardIncarnation: number, nowMs: number): void {
    this.ownIncarnation = heardIncarnation + 1;
    const alive = memberUpdate(this.memberId, 'alive', this.ownIncarnation, this.metadata, this.memberId);
    this.setSelfRecord(alive);
    this.disseminate(alive);
    this.counters.refutations += 1;
    this.emit(this.memberId, 'refuted', 'alive', 'alive', this.ownIncarnation, nowMs, 'self');
  }

  /**
   * What a message to `to` carries. Piggyback: first this member's own news (its alive after a join
   * or refutation, its leave), then the least-sent updates, none about the receiver. Notices: `corrections`,
   * what this member holds about the receiver if that is not alive, even after the update stopped
   * being gossiped (the receiver is the one member that can refute it, which is how both sides of a
   * healed partition find each other again), and its own leave while leaving.
   */
  private gossipFor(to: string, corrections: readonly MemberUpdate[] = []): GossipPayload {
    const piggyback: MemberUpdate[] = [];
    this.queue.take(piggyback, this.config.maxPiggybackEntries, this.retransmitLimit(), to, this.memberId);
    this.counters.piggybackedUpdatesSent += piggyback.length;
    const notices = corrections.slice(0, this.config.maxPiggybackEntries - 2);
    const held = this.members.get(to)?.record;
    if (held !== undefined && held.state !== 'alive' && !piggyback.includes(held) && !notices.includes(held)) notices.push(held);
    // A leaving member says so in every message, until enough members acknowledged one.
    const self = this.members.get(this.memberId)?.record;
    if (this.lifecycleState === 'leaving' && self !== undefined && !piggyback.includes(self)) notices.push(self);
    return { piggyback, notices };
  }

  private retransmitLimit(): number {
    return retransmitLimit(this.config, this.members.size);
  }

  private stateRecords(): MemberUpdate[] {
    const records: MemberUpdate[] = [];
    for (const entry of this.members.values()) records.push(entry.record);
    return records;
  }

  private maybePushPull(nowMs: number): void {
    if (this.config.pushPullIntervalMs === 0 || nowMs < this.nextPushPullMs) return;
    this.nextPushPullMs = nowMs + pushPullIntervalMs(this.config, this.members.size);
    const [partner] = this.randomAliveMembers(1);
    if (partner === undefined) return;
    this.counters.pushPullsSent += 1;
    this.send(partner, { type: 'push-pull', join: false, reply: false, states: this.stateRecords() });
  }

  private receivePushPull(from: string, reply: boolean, states: readonly MemberUpdate[], nowMs: number): void {
    this.counters.pushPullsReceived += 1;
    for (const state of states) {
      // Someone else's verdict of death is only a reason to suspect (memberlist): it may be stale.
      const update = state.state === 'dead' && state.memberId !== this.memberId ? memberUpdate(state.memberId, 'suspect', state.incarnation, state.metadata, state.from) : state;
      this.apply(update, nowMs, 'sync');
    }
    if (!reply) {
      this.counters.pushPullsSent += 1;
      this.send(from, { type: 'push-pull', join: false, reply: true, states: this.stateRecords() });
    } else if (this.lifecycleState === 'joining' || this.lifecycleState === 'join-failed') {
      this.becomeActive(nowMs);
    }
  }

  private maybeReconnect(nowMs: number): void {
    if (this.config.reconnectIntervalMs === 0 || nowMs < this.nextReconnectMs) return;
    this.nextReconnectMs = nowMs + this.config.reconnectIntervalMs;
    const graveyard = this.graveyard;
    if (graveyard.length === this.graveyardHead) return;
    // A random dead (not left) member; the ping tells it it is held dead, so it refutes if it lives.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const grave = graveyard[this.rng.int(this.graveyardHead, graveyard.length)] as { memberId: string; atMs: number };
      const entry = this.members.get(grave.memberId);
      if (entry?.record.state !== 'dead' || entry.sinceMs !== grave.atMs) continue;
      this.counters.reconnectPingsSent += 1;
      this.send(grave.memberId, { type: 'ping', seq: this.nextSeq++, ...this.gossipFor(grave.memberId) });
      return;
    }
  }

  /** Forgets dead and left entries older than deadRetentionMs; the graveyard is in time order, so this is O(1) amortized. */
  private forgetExpired(nowMs: number): void {
    const graveyard = this.graveyard;
    while (this.graveyardHead < graveyard.length) {
      const grave = graveyard[this.graveyardHead] as { memberId: string; atMs: number };
      if (grave.atMs + this.config.deadRetentionMs > nowMs) break;
      this.graveyardHead += 1;
      const entry = this.members.get(grave.memberId);
      // Skip graves of members that came back (or died again later: a newer grave exists).
      if (entry === undefined || entry.sinceMs !== grave.atMs || (entry.record.state !== 'dead' && entry.record.state !== 'left')) continue;
      this.members.delete(grave.memberId);
      this.queue.remove(grave.memberId);
      this.emit(grave.memberId, 'forgotten', entry.record.state, null, entry.record.incarnation, nowMs, 'timeout');
    }
    if (this.graveyardHead > 1024 && this.graveyardHead * 2 > graveyard.length) {
      this.graveyard = graveyard.slice(this.graveyardHead);
      this.graveyardHead = 0;
    }
  }

  // ---------------------------------------------------------------- outputs

  private send(to: string, message: SwimMessage): void {
    assert(to !== this.memberId, `SwimMember ${this.memberId}: sending to itself`);
    this.outbox.push({ to, message });
  }

  private emit(
    memberId: string,
    kind: ChangeKind,
    previousState: MemberState | null,
    state: MemberState | null,
    incarnation: number,
    atMs: number,
    source: ChangeSource,
  ): void {
    this.changes.push({ observerId: this.memberId, memberId, kind, previousState, state, incarnation, atMs, source });
  }

  private observeTime(nowMs: number, what: string): void {
    assert(Number.isFinite(nowMs) && nowMs >= this.lastNowMs, `SwimMember ${this.memberId}.${what}: time went backwards (${nowMs} < ${this.lastNowMs})`);
    this.lastNowMs = nowMs;
  }
}

function changeKind(previous: MemberState, next: MemberState): ChangeKind {
  switch (next) {
    case 'alive':
      // Back from a leave is a new membership; back from suspicion or death is the same one refuted.
      return previous === 'left' ? 'joined' : 'alive';
    case 'suspect':
      return 'suspect';
    case 'dead':
      return 'dead';
    case 'left':
      return 'left';
  }
}

function suspicionView(suspicion: Suspicion): SuspicionView {
  return {
    incarnation: suspicion.incarnation,
    startedMs: suspicion.startedMs,
    deadlineMs: suspicion.deadlineMs,
    confirmations: suspicion.suspectors.size,
    suspectors: [...suspicion.suspectors],
  };
}
