/**
 * Runs a group of SWIM members on a SimulationRuntime: one shared protocol-period timer ticks every
 * running member (and once more at the ping timeout), messages travel over `runtime.network('swim')`
 * where faults drop them, and the runtime's FaultSet decides which processes run: a crashed member
 * is not ticked, and on recovery it rejoins with a higher incarnation.
 *
 * The host also keeps, incrementally, how many live members hold each member alive, suspect, dead
 * or left, so the group-wide view (the consensus) costs O(1) per change and O(n) per listing.
 * Everything read here is derived from the members' real protocol state.
 */
import { DomainError, assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { FaultSet, SeededRng, SimNetwork, SimulationRuntime, TimerId, VirtualClock } from '../runtime/index.js';
import { MAX_METADATA_LENGTH, validateSwimConfig, type SwimConfig } from './swim-config.js';
import type { MemberMetadata, MemberState, SwimMessage } from './swim-messages.js';
import {
  SwimMember,
  isRunning,
  memberUpdate,
  type Lifecycle,
  type MemberGossipState,
  type MembershipChange,
  type SuspicionView,
  type SwimCounters,
  zeroCounters,
} from './swim-member.js';

/** Name of the runtime network the group uses unless told otherwise. */
export const SWIM_NETWORK = 'swim';
/** Longest member id accepted. */
export const MAX_MEMBER_ID_LENGTH = 128;

export interface SwimMemberSpec {
  memberId: string;
  metadata: MemberMetadata;
}

/** A member present from the start. */
export interface BootstrapMemberSpec extends SwimMemberSpec {
  /**
   * It had left the group gracefully before this start (a restart restoring an operator's
   * decision): it does not run, and every other member holds it left until it rejoins. Default false.
   */
  left?: boolean;
}

export interface SwimGroupOptions {
  /** Protocol settings; missing fields take their defaults (see validateSwimConfig). */
  config?: Partial<SwimConfig>;
  /** Members present from the start, each knowing all the others (a static bootstrap list). */
  members?: readonly BootstrapMemberSpec[];
  /** Runtime network to use. Default {@link SWIM_NETWORK}. */
  networkName?: string;
}

export interface JoinRequest extends SwimMemberSpec {
  /** Member to join through. Default: up to maxJoinSeeds active members, tried in turn. */
  seedId?: string;
}

/** How many live members (the member itself excluded) hold a member in each state, or do not know it. */
export interface ObserverCounts {
  alive: number;
  suspect: number;
  dead: number;
  left: number;
  unaware: number;
}

/** A member as the group sees it. */
export interface GroupMemberView {
  memberId: string;
  metadata: MemberMetadata;
  /**
   * The state most live members hold it in (ties go to the graver state); null while no live member
   * knows it (a joiner not yet heard of, or one everybody forgot).
   */
  state: MemberState | null;
  /** Highest incarnation of it any member has seen, itself included. */
  incarnation: number;
  /** When `state` last changed. */
  lastStateChangeMs: number;
  observers: ObserverCounts;
  /** Its own process: joining, active, leaving, left, crashed or join-failed. */
  lifecycle: Lifecycle;
}

/** One live member's belief about another; nulls when it does not know it. */
export interface ObserverBelief {
  observerId: string;
  state: MemberState | null;
  incarnation: number | null;
  lastStateChangeMs: number | null;
  suspicion: SuspicionView | null;
}

export interface MemberStateView {
  member: GroupMemberView;
  /** What the member holds about itself. */
  self: { lifecycle: Lifecycle; incarnation: number; state: MemberState };
  /** Every other live member's belief, in member-id order. */
  observers: ObserverBelief[];
}

export interface GroupGossipView {
  protocolPeriodMs: number;
  pingTimeoutMs: number;
  /** Protocol periods the group's timer has run. */
  protocolPeriod: number;
  nextPeriodMs: number;
  /** Members the group holds, whatever their lifecycle. */
  memberCount: number;
  /** Counters summed over every member. */
  totals: SwimCounters;
  members: MemberGossipState[];
}

/** The group-wide state of a member changed (a consensus flip, not one observer's change). */
export interface ConsensusChange {
  memberId: string;
  previousState: MemberState | null;
  state: MemberState | null;
  incarnation: number;
  atMs: number;
  observers: ObserverCounts;
}

/** A message as it leaves its sender (it may still be dropped by the network). */
export interface MessageTrace {
  atMs: number;
  from: string;
  to: string;
  message: SwimMessage;
}

interface Hosted {
  readonly memberId: string;
  metadata: MemberMetadata;
  readonly member: SwimMember;
  /** Whether its view counts in the observer counts: true while its process runs. */
  observing: boolean;
  /** Whom to rejoin through on recovery, remembered at the crash (like serf's snapshot). */
  rejoinSeeds: string[];
  /** Crashed while leaving: on recovery it stays gone. */
  leavingWhenCrashed: boolean;
  /** Taken out of the group ({@link SwimGroup.remove}): dropped from the host once it has left. */
  removing: boolean;
  /** As a subject: how many observing members hold it in each state. */
  counts: Record<MemberState, number>;
  consensus: MemberState | null;
  consensusSinceMs: number;
  maxIncarnation: number;
}

/** Ties of the consensus go to the graver state. */
const CONSENSUS_ORDER: readonly MemberState[] = ['left', 'dead', 'suspect', 'alive'];

export class SwimGroup {
  readonly config: SwimConfig;
  private readonly clock: VirtualClock;
  private readonly faults: FaultSet;
  private readonly network: SimNetwork<SwimMessage>;
  private readonly rng: SeededRng;
  private readonly hosted = new Map<string, Hosted>();
  private observingCount = 0;
  private protocolPeriod = 0;
  private nextPeriodMs: number;
  private readonly periodTimer: TimerId;
  private pingTimeoutTimer: TimerId | null = null;
  private readonly unsubscribeFaults: () => void;
  private readonly changeListeners = new Set<(change: MembershipChange) => void>();
  private readonly consensusListeners = new Set<(change: ConsensusChange) => void>();
  private readonly messageListeners = new Set<(trace: MessageTrace) => void>();
  private stopped = false;

  /** @throws DomainError UNPROCESSABLE for a bad config, member id or metadata; CONFLICT for duplicate ids. */
  constructor(runtime: SimulationRuntime, options: SwimGroupOptions = {}) {
    this.config = validateSwimConfig(options.config);
    const networkName = options.networkName ?? SWIM_NETWORK;
    this.clock = runtime.clock;
    this.faults = runtime.faults;
    this.network = runtime.network<SwimMessage>(networkName);
    this.rng = runtime.rng.fork(`swim:${networkName}`);
    const nowMs = this.clock.now();
    this.nextPeriodMs = nowMs + this.config.protocolPeriodMs;

    const specs = (options.members ?? []).map((spec) => ({
      memberId: validateMemberId(spec.memberId),
      metadata: validateMetadata(spec.metadata),
      left: spec.left === true,
    }));
    if (specs.length > this.config.maxMembers) {
      throw new DomainError('UNPROCESSABLE', `A SWIM group holds at most ${this.config.maxMembers} members; ${specs.length} were given.`);
    }
    const seen = new Set<string>();
    for (const { memberId } of specs) {
      if (seen.has(memberId)) throw new DomainError('CONFLICT', `Member "${memberId}" is listed twice.`, { memberId });
      seen.add(memberId);
    }
    // One shared record per member: every view starts with the same frozen alive (or left) statements.
    const records = specs.map(({ memberId, metadata, left }) => memberUpdate(memberId, left ? 'left' : 'alive', 0, metadata, memberId));
    const runningCount = specs.filter((spec) => !spec.left).length;
    for (const [index, { memberId, metadata, left }] of specs.entries()) {
      const rng = this.rng.fork(`member:${memberId}`);
      if (left) {
        const hosted = this.host(new SwimMember({ memberId, metadata, config: this.config, rng, nowMs, left: true }), metadata);
        hosted.counts.left = runningCount;
        hosted.consensus = runningCount > 0 ? 'left' : null;
        continue;
      }
      const peers = records.filter((_, peerIndex) => peerIndex !== index);
      const hosted = this.host(new SwimMember({ memberId, metadata, config: this.config, rng, nowMs, peers }), metadata);
      hosted.counts.alive = runningCount - 1;
      hosted.consensus = runningCount > 1 ? 'alive' : null;
    }

    this.periodTimer = this.clock.every(this.config.protocolPeriodMs, () => this.onProtocolPeriod());
    this.unsubscribeFaults = this.faults.onChange(() => this.followFaults());
    this.followFaults();
  }

  // ---------------------------------------------------------------- operations

  /**
   * Starts a member that joins through a seed: it asks the seed for the member list (push-pull) and
   * the seed disseminates its alive. A member that left (or whose join failed) may join again, with
   * a higher incarnation. With no seed given and no active member, it starts the group alone.
   * @throws DomainError UNPROCESSABLE (bad id or metadata, seed is itself), NOT_FOUND (unknown seed),
   *   CONFLICT (already a member, seed not active, group full).
   */
  join(request: JoinRequest): GroupMemberView {
    this.assertNotStopped();
    const memberId = validateMemberId(request.memberId);
    const metadata = validateMetadata(request.metadata);
    let existing = this.hosted.get(memberId);
    if (existing?.removing === true) {
      // Its earlier self is still announcing its leave: that life ends now, and the new one starts
      // afresh (it outbids the left statement about it by refuting it with a higher incarnation).
      this.drop(existing);
      existing = undefined;
    }
    if (existing !== undefined && existing.member.lifecycle !== 'left' && existing.member.lifecycle !== 'join-failed') {
      throw new DomainError('CONFLICT', `Member "${memberId}" is already in the group (${existing.member.lifecycle}).`, {
        memberId,
        lifecycle: existing.member.lifecycle,
      });
    }
    const seeds = this.seedsFor(memberId, request.seedId);
    const nowMs = this.clock.now();
    let hosted: Hosted;
    const rejoining = existing;
    if (rejoining === undefined) {
      if (this.hosted.size >= this.config.maxMembers && !this.evictForgottenMember()) {
        throw new DomainError('CONFLICT', `The SWIM group already has the maximum of ${this.config.maxMembers} members.`);
      }
      const member = new SwimMember({ memberId, metadata, config: this.config, rng: this.rng.fork(`member:${memberId}`), nowMs, seeds });
      hosted = this.host(member, metadata);
      this.countBeliefsAbout(hosted);
    } else {
      hosted = rejoining;
      hosted.metadata = metadata;
      if (rejoining.member.lifecycle === 'join-failed') this.stopObserving(hosted);
      hosted.member.rejoin(nowMs, seeds, metadata);
      this.network.attach(memberId, (from, message) => this.deliver(hosted, from, message));
      this.startObserving(hosted);
    }
    hosted.member.tick(nowMs); // sends the first join request now rather than at the next period
    this.flush(hosted);
    if (this.faults.isCrashed(memberId)) this.crashMember(hosted);
    return this.member(memberId);
  }

  /**
   * Graceful leave: the member gossips that it left and stops once that has spread (see leaveTimeoutMs).
   * @throws DomainError NOT_FOUND, or CONFLICT when it is already leaving, left or crashed.
   */
  leave(memberId: string): GroupMemberView {
    this.assertNotStopped();
    const hosted = this.hostedMember(memberId);
    const lifecycle = hosted.member.lifecycle;
    if (lifecycle === 'leaving' || lifecycle === 'left' || lifecycle === 'crashed') {
      throw new DomainError(
        'CONFLICT',
        lifecycle === 'crashed' ? `Member "${memberId}" is crashed and cannot leave gracefully.` : `Member "${memberId}" is already ${lifecycle}.`,
        { memberId, lifecycle },
      );
    }
    hosted.member.leave(this.clock.now());
    this.flush(hosted);
    return this.member(memberId);
  }

  /**
   * Takes a member out of the group for good (its node left the cluster). An active member leaves
   * gracefully first, so that nobody mistakes its going for a failure, and is dropped once it has
   * left; one that cannot announce anything (crashed, or not yet joined) is dropped at once, and the
   * others find out by probing it. The others forget it after deadRetentionMs, as any left member.
   * @throws DomainError NOT_FOUND.
   */
  remove(memberId: string): void {
    this.assertNotStopped();
    const hosted = this.hostedMember(memberId);
    hosted.removing = true;
    const lifecycle = hosted.member.lifecycle;
    if (lifecycle === 'active') {
      hosted.member.leave(this.clock.now());
      this.flush(hosted);
    } else if (lifecycle !== 'leaving') {
      this.drop(hosted);
    }
  }

  /** Cancels the timers and detaches from the network and the faults. Idempotent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clock.cancel(this.periodTimer);
    if (this.pingTimeoutTimer !== null) this.clock.cancel(this.pingTimeoutTimer);
    this.unsubscribeFaults();
    for (const memberId of this.hosted.keys()) this.network.detach(memberId);
  }

  // ---------------------------------------------------------------- observers

  /** Every change in every live member's view, with the observer's id. @returns unsubscribe. */
  onChange(listener: (change: MembershipChange) => void): () => void {
    return subscribe(this.changeListeners, listener);
  }

  /** Changes of the group-wide (consensus) state of a member. @returns unsubscribe. */
  onConsensusChange(listener: (change: ConsensusChange) => void): () => void {
    return subscribe(this.consensusListeners, listener);
  }

  /** Every message sent, for transcripts and tracing. @returns unsubscribe. */
  onMessage(listener: (trace: MessageTrace) => void): () => void {
    return subscribe(this.messageListeners, listener);
  }

  // ---------------------------------------------------------------- reads

  has(memberId: string): boolean {
    return this.hosted.has(memberId);
  }

  /** Every member, in member-id order (node-2 before node-10). */
  members(): GroupMemberView[] {
    return [...this.hosted.values()].sort((a, b) => naturalCompare(a.memberId, b.memberId)).map((hosted) => this.view(hosted));
  }

  /** @throws DomainError NOT_FOUND. */
  member(memberId: string): GroupMemberView {
    return this.view(this.hostedMember(memberId));
  }

  /** A member's state as the group sees it and as each live member sees it. @throws DomainError NOT_FOUND. */
  memberState(memberId: string): MemberStateView {
    const hosted = this.hostedMember(memberId);
    const self = hosted.member.beliefAbout(memberId);
    assert(self !== undefined, 'a member always knows itself');
    const observers: ObserverBelief[] = [];
    for (const observer of this.sortedHosted()) {
      if (observer === hosted || !observer.observing) continue;
      const belief = observer.member.beliefAbout(memberId);
      observers.push({
        observerId: observer.memberId,
        state: belief?.state ?? null,
        incarnation: belief?.incarnation ?? null,
        lastStateChangeMs: belief?.lastStateChangeMs ?? null,
        suspicion: belief?.suspicion ?? null,
      });
    }
    return { member: this.view(hosted), self: { lifecycle: hosted.member.lifecycle, incarnation: hosted.member.incarnation, state: self.state }, observers };
  }

  /** What one member's protocol is doing now. @throws DomainError NOT_FOUND. */
  gossipOf(memberId: string): MemberGossipState {
    return this.hostedMember(memberId).member.gossipState();
  }

  /** The gossip state of every member, as it is now. */
  gossip(): GroupGossipView {
    const members = this.sortedHosted().map((hosted) => hosted.member.gossipState());
    return {
      protocolPeriodMs: this.config.protocolPeriodMs,
      pingTimeoutMs: this.config.pingTimeoutMs,
      protocolPeriod: this.protocolPeriod,
      nextPeriodMs: this.nextPeriodMs,
      memberCount: members.length,
      totals: sumCounters(members.map((member) => member.counters)),
      members,
    };
  }

  // ---------------------------------------------------------------- protocol period

  private onProtocolPeriod(): void {
    this.protocolPeriod += 1;
    const nowMs = this.clock.now();
    this.nextPeriodMs = nowMs + this.config.protocolPeriodMs;
    this.tickRunning(nowMs);
    // The same shared timer drives the ping timeout: one more pass, pingTimeoutMs into the period.
    this.pingTimeoutTimer = this.clock.after(this.config.pingTimeoutMs, () => {
      this.pingTimeoutTimer = null;
      this.tickRunning(this.clock.now());
    });
  }

  private tickRunning(nowMs: number): void {
    for (const hosted of this.hosted.values()) {
      if (!isRunning(hosted.member.lifecycle)) continue;
      hosted.member.tick(nowMs);
      this.flush(hosted);
    }
  }

  private deliver(hosted: Hosted, from: string, message: SwimMessage): void {
    if (!isRunning(hosted.member.lifecycle)) return;
    hosted.member.receive(from, message, this.clock.now());
    this.flush(hosted);
  }

  /** Sends what the member produced, accounts for its changes, and notices it left. */
  private flush(hosted: Hosted): void {
    const { messages, changes } = hosted.member.ready();
    const atMs = this.clock.now();
    for (const { to, message } of messages) {
      for (const listener of this.messageListeners) listener({ atMs, from: hosted.memberId, to, message });
      this.network.send(hosted.memberId, to, message);
    }
    for (const change of changes) this.recordChange(change);
    if (hosted.member.lifecycle === 'left') {
      if (hosted.observing) this.stopObserving(hosted);
      this.network.detach(hosted.memberId);
      if (hosted.removing) this.hosted.delete(hosted.memberId);
    }
  }

  // ---------------------------------------------------------------- faults

  private followFaults(): void {
    if (this.stopped) return;
    const nowMs = this.clock.now();
    for (const hosted of this.hosted.values()) {
      const crashed = this.faults.isCrashed(hosted.memberId);
      const lifecycle = hosted.member.lifecycle;
      if (crashed && isRunning(lifecycle)) this.crashMember(hosted);
      else if (!crashed && lifecycle === 'crashed') this.recoverMember(hosted, nowMs);
    }
  }

  private crashMember(hosted: Hosted): void {
    if (hosted.removing) {
      // It was leaving the group for good: its process ending finishes that.
      this.drop(hosted);
      return;
    }
    const { member } = hosted;
    hosted.rejoinSeeds = this.rng.shuffle(member.reachablePeers()).slice(0, this.config.maxJoinSeeds);
    hosted.leavingWhenCrashed = member.lifecycle === 'leaving';
    this.stopObserving(hosted);
    member.crash();
  }

  private recoverMember(hosted: Hosted, nowMs: number): void {
    if (hosted.leavingWhenCrashed) {
      hosted.member.abandon();
      this.network.detach(hosted.memberId);
      return;
    }
    // Remembering no reachable peer, it falls back on the group's directory, like a configured seed list.
    const seeds = hosted.rejoinSeeds.length > 0 ? hosted.rejoinSeeds : this.seedsFor(hosted.memberId, undefined);
    hosted.member.rejoin(nowMs, seeds);
    this.startObserving(hosted);
    hosted.member.tick(nowMs);
    this.flush(hosted);
  }

  // ---------------------------------------------------------------- accounting

  private host(member: SwimMember, metadata: MemberMetadata): Hosted {
    const hosted: Hosted = {
      memberId: member.memberId,
      metadata,
      member,
      observing: false,
      rejoinSeeds: [],
      leavingWhenCrashed: false,
      removing: false,
      counts: { alive: 0, suspect: 0, dead: 0, left: 0 },
      consensus: null,
      consensusSinceMs: this.clock.now(),
      maxIncarnation: member.incarnation,
    };
    this.hosted.set(member.memberId, hosted);
    // A member restored as left has no process: nothing to deliver to, no view that counts.
    if (!isRunning(member.lifecycle)) return hosted;
    this.network.attach(member.memberId, (from, message) => this.deliver(hosted, from, message));
    this.startObserving(hosted);
    return hosted;
  }

  private startObserving(hosted: Hosted): void {
    assert(!hosted.observing, `${hosted.memberId} already observing`);
    hosted.observing = true;
    this.observingCount += 1;
    hosted.maxIncarnation = Math.max(hosted.maxIncarnation, hosted.member.incarnation);
    // A new life knows only itself (bootstrap counts are set by the constructor): nothing to add.
  }

  /** Its process stopped (crash or leave): what it believed no longer counts. */
  private stopObserving(hosted: Hosted): void {
    assert(hosted.observing, `${hosted.memberId} not observing`);
    hosted.observing = false;
    this.observingCount -= 1;
    const atMs = this.clock.now();
    for (const [memberId, state] of hosted.member.beliefStates()) {
      const subject = this.hosted.get(memberId);
      if (subject === undefined) continue;
      subject.counts[state] -= 1;
      this.updateConsensus(subject, atMs);
    }
  }

  private recordChange(change: MembershipChange): void {
    const subject = this.hosted.get(change.memberId);
    if (subject !== undefined) {
      subject.maxIncarnation = Math.max(subject.maxIncarnation, change.incarnation);
      if (change.memberId !== change.observerId) {
        if (change.previousState !== null) subject.counts[change.previousState] -= 1;
        if (change.state !== null) subject.counts[change.state] += 1;
        this.updateConsensus(subject, change.atMs);
      }
    }
    for (const listener of this.changeListeners) listener(change);
  }

  private updateConsensus(subject: Hosted, atMs: number): void {
    const next = consensusOf(subject.counts);
    if (next === subject.consensus) return;
    const previousState = subject.consensus;
    subject.consensus = next;
    subject.consensusSinceMs = atMs;
    if (this.consensusListeners.size === 0) return;
    const change: ConsensusChange = { memberId: subject.memberId, previousState, state: next, incarnation: subject.maxIncarnation, atMs, observers: this.countsOf(subject) };
    for (const listener of this.consensusListeners) listener(change);
  }

  private countsOf(hosted: Hosted): ObserverCounts {
    const { alive, suspect, dead, left } = hosted.counts;
    const others = this.observingCount - (hosted.observing ? 1 : 0);
    return { alive, suspect, dead, left, unaware: others - alive - suspect - dead - left };
  }

  /**
   * Counts what the live members already hold about a member new to the host: a member removed and
   * added again is still remembered (left, or dead) by the others until they forget it.
   */
  private countBeliefsAbout(subject: Hosted): void {
    for (const observer of this.hosted.values()) {
      if (observer === subject || !observer.observing) continue;
      const belief = observer.member.beliefAbout(subject.memberId);
      if (belief === undefined) continue;
      subject.counts[belief.state] += 1;
      subject.maxIncarnation = Math.max(subject.maxIncarnation, belief.incarnation);
    }
    subject.consensus = consensusOf(subject.counts);
  }

  /** Forgets a member now: what it believed stops counting, and messages to it are lost. */
  private drop(hosted: Hosted): void {
    if (hosted.observing) this.stopObserving(hosted);
    this.network.detach(hosted.memberId);
    this.hosted.delete(hosted.memberId);
  }

  /** Frees a slot held by a member that left and that no live member remembers. */
  private evictForgottenMember(): boolean {
    for (const hosted of this.hosted.values()) {
      const { alive, suspect, dead, left } = hosted.counts;
      if (hosted.member.lifecycle === 'left' && alive + suspect + dead + left === 0) {
        this.network.detach(hosted.memberId);
        this.hosted.delete(hosted.memberId);
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- helpers of the operations

  private seedsFor(memberId: string, seedId: string | undefined): string[] {
    if (seedId !== undefined) {
      if (seedId === memberId) throw new DomainError('UNPROCESSABLE', `Member "${memberId}" cannot join through itself.`, { memberId });
      const seed = this.hosted.get(seedId);
      if (seed === undefined) throw new DomainError('NOT_FOUND', `No member has id "${seedId}".`, { resource: 'swim.member', id: seedId });
      if (seed.member.lifecycle !== 'active') {
        throw new DomainError('CONFLICT', `Seed "${seedId}" is ${seed.member.lifecycle}; join through an active member.`, {
          seedId,
          lifecycle: seed.member.lifecycle,
        });
      }
      return [seedId];
    }
    const active: string[] = [];
    for (const hosted of this.hosted.values()) if (hosted.memberId !== memberId && hosted.member.lifecycle === 'active') active.push(hosted.memberId);
    return this.rng.shuffle(active).slice(0, this.config.maxJoinSeeds);
  }

  private hostedMember(memberId: string): Hosted {
    const hosted = this.hosted.get(memberId);
    if (hosted === undefined) throw new DomainError('NOT_FOUND', `No member has id "${memberId}".`, { resource: 'swim.member', id: memberId });
    return hosted;
  }

  private sortedHosted(): Hosted[] {
    return [...this.hosted.values()].sort((a, b) => naturalCompare(a.memberId, b.memberId));
  }

  private view(hosted: Hosted): GroupMemberView {
    return {
      memberId: hosted.memberId,
      metadata: hosted.metadata,
      state: hosted.consensus,
      incarnation: hosted.maxIncarnation,
      lastStateChangeMs: hosted.consensusSinceMs,
      observers: this.countsOf(hosted),
      lifecycle: hosted.member.lifecycle,
    };
  }

  private assertNotStopped(): void {
    assert(!this.stopped, 'SwimGroup used after stop()');
  }
}

/** The state most observers hold a member in; ties go to the graver state; null when nobody knows it. */
function consensusOf(counts: Readonly<Record<MemberState, number>>): MemberState | null {
  let consensus: MemberState | null = null;
  for (const state of CONSENSUS_ORDER) if (counts[state] > 0 && (consensus === null || counts[state] > counts[consensus])) consensus = state;
  return consensus;
}

function subscribe<T>(listeners: Set<(value: T) => void>, listener: (value: T) => void): () => void {
  // Wrapped so the same function subscribed twice gets two independent subscriptions.
  const subscription = (value: T): void => listener(value);
  listeners.add(subscription);
  return () => {
    listeners.delete(subscription);
  };
}

function validateMemberId(memberId: unknown): string {
  if (typeof memberId !== 'string' || memberId.length === 0 || memberId.length > MAX_MEMBER_ID_LENGTH) {
    throw new DomainError('UNPROCESSABLE', `A member id must be a string of 1 to ${MAX_MEMBER_ID_LENGTH} characters.`, { memberId });
  }
  return memberId;
}

/** A frozen copy with only the known fields; every field a string, the address non-empty. */
export function validateMetadata(metadata: MemberMetadata): MemberMetadata {
  const problems: string[] = [];
  const fields = ['address', 'region', 'zone', 'role'] as const;
  if (typeof metadata !== 'object' || metadata === null) {
    throw new DomainError('UNPROCESSABLE', 'Member metadata must be an object with address, region, zone and role.');
  }
  for (const field of fields) {
    const value: unknown = metadata[field];
    if (typeof value !== 'string' || value.length > MAX_METADATA_LENGTH) problems.push(`${field} must be a string of at most ${MAX_METADATA_LENGTH} characters`);
  }
  if (metadata.address === '') problems.push('address must not be empty');
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid member metadata: ${problems.join('; ')}.`, { problems });
  return Object.freeze({ address: metadata.address, region: metadata.region, zone: metadata.zone, role: metadata.role });
}

function sumCounters(all: readonly SwimCounters[]): SwimCounters {
  const total = zeroCounters();
  for (const counters of all) {
    for (const key of Object.keys(total) as (keyof SwimCounters)[]) total[key] += counters[key];
  }
  return total;
}
