/**
 * The I/O-free SWIM member, driven by hand: the test is the network and the clock. Each scenario
 * reads as a transcript of the messages that went over the wire and the changes the members saw.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../../src/engines/runtime/index.js';
import {
  SwimMember,
  memberUpdate,
  validateSwimConfig,
  type MembershipChange,
  type SwimConfig,
  type SwimMessage,
} from '../../../src/engines/membership/index.js';
import { START_MS, metadataOf } from './harness.js';

const CONFIG = validateSwimConfig({ protocolPeriodMs: 1000, pingTimeoutMs: 200, pushPullIntervalMs: 0, reconnectIntervalMs: 0 });

interface Sent {
  from: string;
  to: string;
  message: SwimMessage;
}

/** A hand-driven wire: collects what members send, delivers it when told, and logs it as a transcript. */
class Wire {
  readonly members = new Map<string, SwimMember>();
  readonly pending: Sent[] = [];
  readonly log: string[] = [];
  readonly changes: MembershipChange[] = [];

  constructor(ids: readonly string[], config: SwimConfig = CONFIG, seed = 1) {
    const records = ids.map((id) => memberUpdate(id, 'alive', 0, metadataOf(id), id));
    for (const id of ids) {
      const peers = records.filter((record) => record.memberId !== id);
      this.members.set(id, new SwimMember({ memberId: id, metadata: metadataOf(id), config, rng: new SeededRng(seed).fork(id), nowMs: START_MS, peers }));
    }
  }

  add(member: SwimMember): void {
    this.members.set(member.memberId, member);
  }

  get(id: string): SwimMember {
    const member = this.members.get(id);
    if (member === undefined) throw new Error(`no member ${id}`);
    return member;
  }

  tick(id: string, elapsedMs: number): void {
    this.get(id).tick(START_MS + elapsedMs);
    this.collect(id);
  }

  /** Delivers everything pending (and what it causes) at `elapsedMs`, except what `drop` rejects. */
  deliver(elapsedMs: number, drop: (sent: Sent) => boolean = () => false): void {
    while (this.pending.length > 0) {
      const sent = this.pending.shift() as Sent;
      const dropped = drop(sent);
      this.log.push(`${describeSent(sent)}${dropped ? ' [dropped]' : ''}`);
      if (dropped) continue;
      this.get(sent.to).receive(sent.from, sent.message, START_MS + elapsedMs);
      this.collect(sent.to);
    }
  }

  private collect(id: string): void {
    const ready = this.get(id).ready();
    for (const { to, message } of ready.messages) this.pending.push({ from: id, to, message });
    this.changes.push(...ready.changes);
  }
}

function describeSent(sent: Sent): string {
  const { message } = sent;
  const statements = 'piggyback' in message ? [...message.piggyback, ...message.notices] : [];
  const piggyback = statements.length > 0 ? ` [${statements.map((update) => `${update.state} ${update.memberId}@${update.incarnation}`).join(', ')}]` : '';
  switch (message.type) {
    case 'ping':
      return `${sent.from} -> ${sent.to} ping #${message.seq}${piggyback}`;
    case 'ping-req':
      return `${sent.from} -> ${sent.to} ping-req #${message.seq} target=${message.target}${piggyback}`;
    case 'ack':
      return `${sent.from} -> ${sent.to} ack #${message.seq}${piggyback}`;
    case 'push-pull':
      return `${sent.from} -> ${sent.to} push-pull${message.join ? ' join' : ''}${message.reply ? ' reply' : ''} (${message.states.length} states)`;
  }
}

function changeLine(change: MembershipChange): string {
  return `+${change.atMs - START_MS} ${change.observerId}: ${change.memberId} ${change.previousState ?? '-'}->${change.state ?? '-'} @${change.incarnation} (${change.source})`;
}

describe('SWIM member: probing', () => {
  it('pings one target per period and is satisfied by its ack', () => {
    const wire = new Wire(['a', 'b', 'c']);
    wire.tick('a', 0);
    const target = wire.get('a').gossipState().probe?.targetId;
    expect(target === 'b' || target === 'c').toBe(true);
    wire.deliver(2);
    expect(wire.log).toEqual([`a -> ${target} ping #1`, `${target} -> a ack #1`]);
    expect(wire.get('a').gossipState().probe).toMatchObject({ targetId: target, seq: 1, phase: 'acked' });
    wire.tick('a', 200); // ping timeout: nothing to do
    wire.tick('a', 1000); // next period: no suspicion, next target of the round-robin
    expect(wire.changes).toEqual([]);
    expect(wire.get('a').gossipState().probe?.targetId).toBe(target === 'b' ? 'c' : 'b');
  });

  it('visits every member once per round, in a fresh random order each round', () => {
    const ids = ['a', ...Array.from({ length: 9 }, (_, index) => `m${index}`)];
    const wire = new Wire(ids);
    const targets: string[] = [];
    for (let period = 0; period < 18; period += 1) {
      wire.tick('a', period * 1000);
      targets.push(wire.get('a').gossipState().probe?.targetId ?? '?');
      wire.deliver(period * 1000 + 2);
    }
    const firstRound = targets.slice(0, 9);
    const secondRound = targets.slice(9);
    expect([...firstRound].sort()).toEqual(ids.slice(1));
    expect([...secondRound].sort()).toEqual(ids.slice(1));
    expect(secondRound).not.toEqual(firstRound);
  });

  it('asks others to probe indirectly when the direct ping gets no ack, and takes their forwarded ack', () => {
    const wire = new Wire(['a', 'b', 'c']);
    wire.tick('a', 0);
    const target = wire.get('a').gossipState().probe?.targetId as string;
    const helper = target === 'b' ? 'c' : 'b';
    // The direct link a <-> target is cut.
    const cut = (sent: Sent) => (sent.from === 'a' && sent.to === target) || (sent.from === target && sent.to === 'a');
    wire.deliver(2, cut);
    wire.tick('a', 200);
    expect(wire.get('a').gossipState().probe?.phase).toBe('indirect');
    wire.deliver(202, cut);
    expect(wire.log).toEqual([
      `a -> ${target} ping #1 [dropped]`,
      `a -> ${helper} ping-req #1 target=${target}`,
      `${helper} -> ${target} ping #1`,
      `${target} -> ${helper} ack #1`,
      `${helper} -> a ack #1`,
    ]);
    expect(wire.get('a').gossipState().probe?.phase).toBe('acked');
    expect(wire.get('a').counters.indirectAcksReceived).toBe(1);
    expect(wire.get(helper).counters.acksForwarded).toBe(1);
    wire.tick('a', 1000);
    expect(wire.changes).toEqual([]);
  });

  it('suspects a silent target at the end of the period, then declares it dead when the suspicion times out', () => {
    const wire = new Wire(['a', 'b', 'c']);
    wire.tick('a', 0);
    const target = wire.get('a').gossipState().probe?.targetId as string;
    const silent = (sent: Sent) => sent.to === target;
    wire.deliver(2, silent);
    wire.tick('a', 200);
    wire.deliver(202, silent);
    wire.tick('a', 1000);
    wire.deliver(1002, silent);
    // Three members are too few for independent confirmations: the minimum timeout, 4 periods, applies.
    const suspicion = wire.get('a').beliefAbout(target)?.suspicion;
    expect(suspicion).toMatchObject({ incarnation: 0, startedMs: START_MS + 1000, deadlineMs: START_MS + 5000, confirmations: 1, suspectors: ['a'] });
    for (let elapsedMs = 1200; elapsedMs < 5000; elapsedMs += 200) {
      wire.tick('a', elapsedMs);
      wire.deliver(elapsedMs + 2, silent);
    }
    expect(wire.get('a').beliefAbout(target)?.state).toBe('suspect');
    wire.tick('a', 5000);
    const other = target === 'b' ? 'c' : 'b';
    expect(wire.changes.map(changeLine)).toEqual([
      `+1000 a: ${target} alive->suspect @0 (probe)`,
      // The next ping carries the suspicion to the other member.
      `+1002 ${other}: ${target} alive->suspect @0 (gossip)`,
      `+5000 a: ${target} suspect->dead @0 (timeout)`,
    ]);
    // A suspect is still probed in the next rounds: a second failure confirms nothing new (same suspector).
    expect(wire.get('a').counters).toMatchObject({ probesFailed: 2, suspicionsRaised: 1, suspicionConfirmations: 0, deathsDeclared: 1 });
  });
});

describe('SWIM member: suspicion and refutation', () => {
  it('a suspected member refutes with a higher incarnation, which overrides the suspicion', () => {
    const wire = new Wire(['a', 'b', 'c']);
    const suspectB = memberUpdate('b', 'suspect', 0, metadataOf('b'), 'c');
    // a hears that c suspects b; then a's ping carries the suspicion to b, whose ack carries the refutation.
    wire.get('a').receive('c', { type: 'ack', seq: 99, piggyback: [suspectB], notices: [] }, START_MS + 10);
    wire.get('b').receive('a', { type: 'ping', seq: 7, piggyback: [suspectB], notices: [] }, START_MS + 11);
    expect(wire.get('b').incarnation).toBe(1);
    const ack = wire.get('b').ready().messages[0];
    expect(ack?.message).toMatchObject({ type: 'ack', seq: 7, piggyback: [{ memberId: 'b', state: 'alive', incarnation: 1 }], notices: [] });
    wire.get('a').receive('b', ack?.message as SwimMessage, START_MS + 12);
    wire.changes.push(...wire.get('a').ready().changes, ...wire.get('b').ready().changes);
    expect(wire.get('a').beliefAbout('b')).toMatchObject({ state: 'alive', incarnation: 1, suspicion: null });
    expect(wire.get('b').counters.refutations).toBe(1);
  });

  it('ignores statements about an incarnation it already refuted', () => {
    const member = new Wire(['a', 'b']).get('b');
    member.receive('a', { type: 'ping', seq: 1, piggyback: [memberUpdate('b', 'dead', 0, metadataOf('b'), 'a')], notices: [] }, START_MS);
    expect(member.incarnation).toBe(1);
    member.receive('a', { type: 'ping', seq: 2, piggyback: [memberUpdate('b', 'suspect', 0, metadataOf('b'), 'a')], notices: [] }, START_MS + 1);
    expect(member.incarnation).toBe(1);
    // The second ack tells the stale sender what it missed: b is alive at incarnation 1.
    const corrected = member.ready().messages.at(-1)?.message;
    expect(corrected).toMatchObject({ type: 'ack', seq: 2, notices: [{ memberId: 'b', state: 'alive', incarnation: 1 }] });
    expect(member.counters).toMatchObject({ refutations: 1, staleUpdatesCorrected: 1 });
  });

  it('counts each distinct suspector once, which brings the deadline forward', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const member = new Wire(ids).get('a');
    const suspectF = (from: string) => memberUpdate('f', 'suspect', 0, metadataOf('f'), from);
    member.receive('b', { type: 'ack', seq: 1, piggyback: [suspectF('b')], notices: [] }, START_MS);
    // n = 6: min 4 s, max 24 s, two confirmations expected.
    expect(member.beliefAbout('f')?.suspicion?.deadlineMs).toBe(START_MS + 24_000);
    member.receive('c', { type: 'ack', seq: 2, piggyback: [suspectF('c'), suspectF('b')], notices: [] }, START_MS + 100);
    const afterOne = member.beliefAbout('f')?.suspicion;
    expect(afterOne?.confirmations).toBe(2);
    expect(afterOne?.deadlineMs).toBeLessThan(START_MS + 24_000);
    member.receive('d', { type: 'ack', seq: 3, piggyback: [suspectF('d')], notices: [] }, START_MS + 200);
    expect(member.beliefAbout('f')?.suspicion).toMatchObject({ confirmations: 3, deadlineMs: START_MS + 4000 });
    expect(member.counters.suspicionConfirmations).toBe(2);
  });
});

describe('SWIM member: join, leave, lifecycle', () => {
  it('joins through a seed by push-pull: the seed learns it, it learns the group', () => {
    const wire = new Wire(['a', 'b', 'c']);
    const joiner = new SwimMember({ memberId: 'j', metadata: metadataOf('j'), config: CONFIG, rng: new SeededRng(1).fork('j'), nowMs: START_MS, seeds: ['a'] });
    wire.add(joiner);
    expect(joiner.lifecycle).toBe('joining');
    wire.tick('j', 0);
    wire.deliver(2);
    expect(wire.log).toEqual(['j -> a push-pull join (1 states)', 'a -> j push-pull reply (4 states)']);
    expect(joiner.lifecycle).toBe('active');
    expect(joiner.view().map((belief) => `${belief.memberId}:${belief.state}`).sort()).toEqual(['a:alive', 'b:alive', 'c:alive', 'j:alive']);
    expect(wire.changes.filter((change) => change.observerId === 'a').map(changeLine)).toEqual(['+2 a: j -->alive @0 (sync)']);
    // The seed now disseminates the joiner's alive on its pings to the others (not to the joiner).
    let ping: Sent | undefined;
    for (let period = 1; ping === undefined && period <= 3; period += 1) {
      wire.tick('a', period * 1000);
      ping = wire.pending.find((sent) => sent.message.type === 'ping' && sent.to !== 'j');
      wire.deliver(period * 1000 + 2);
    }
    expect(ping?.message).toMatchObject({ type: 'ping', piggyback: [{ memberId: 'j', state: 'alive' }] });
    // The joiner spreads its own alive too, and not the member list it was given.
    expect(joiner.gossipState().piggybackQueue.map((entry) => entry.memberId)).not.toContain('b');
  });

  it('gives up joining after maxJoinAttempts unanswered requests', () => {
    const config = validateSwimConfig({ ...CONFIG, maxJoinAttempts: 3 });
    const joiner = new SwimMember({ memberId: 'j', metadata: metadataOf('j'), config, rng: new SeededRng(1), nowMs: START_MS, seeds: ['a', 'b'] });
    const seedsTried: string[] = [];
    for (let period = 0; period <= 3; period += 1) {
      joiner.tick(START_MS + period * 1000);
      seedsTried.push(...joiner.ready().messages.map((sent) => sent.to));
    }
    expect(seedsTried).toEqual(['a', 'b', 'a']);
    expect(joiner.lifecycle).toBe('join-failed');
  });

  it('a leaving member gossips its own left, and stops once that was sent its retransmissions', () => {
    const wire = new Wire(['a', 'b', 'c']);
    wire.get('a').leave(START_MS);
    expect(wire.get('a').lifecycle).toBe('leaving');
    const limit = wire.get('a').gossipState().retransmitLimit;
    let period = 0;
    for (; wire.get('a').lifecycle === 'leaving' && period < 20; period += 1) {
      wire.tick('a', period * 1000);
      wire.deliver(period * 1000 + 2);
    }
    expect(wire.get('a').lifecycle).toBe('left');
    // One transmission per ping, and none to spare: it stopped in the period after the last one.
    expect(period).toBe(limit + 1);
    for (const id of ['b', 'c']) expect(wire.get(id).beliefAbout('a')?.state).toBe('left');
    expect(wire.changes.filter((change) => change.memberId === 'a').map((change) => change.kind)).toEqual(['left', 'left']);
  });

  it('changes its lifecycle only along the diagram, and throws on anything else', () => {
    const member = new Wire(['a', 'b']).get('a');
    member.crash();
    expect(() => member.crash()).toThrow('invalid lifecycle transition [crashed -> crashed]');
    expect(() => member.tick(START_MS + 1000)).toThrow('tick while crashed');
    member.rejoin(START_MS + 1000, ['b']);
    expect(member.lifecycle).toBe('joining');
    expect(member.incarnation).toBe(1);
    // The crash lost the view: only itself remains, alive in its new incarnation.
    expect(member.view().map((belief) => `${belief.memberId}:${belief.state}@${belief.incarnation}`)).toEqual(['a:alive@1']);
    expect(() => member.tick(START_MS + 500)).toThrow('time went backwards');
  });

  it('bounds its piggyback queue and counts what a full queue dropped', () => {
    const config = validateSwimConfig({ ...CONFIG, maxQueuedUpdates: 2 });
    const member = new Wire(['a', 'b'], config).get('a');
    const newcomers = ['x', 'y', 'z'].map((id) => memberUpdate(id, 'alive', 0, metadataOf(id), id));
    member.receive('b', { type: 'ack', seq: 1, piggyback: newcomers, notices: [] }, START_MS);
    expect(member.view().length).toBe(5);
    expect(member.gossipState().piggybackQueue.map((entry) => entry.memberId)).toEqual(['y', 'z']);
    expect(member.counters.updatesDropped).toBe(1);
  });

  it('forgets dead members after deadRetentionMs', () => {
    const config = validateSwimConfig({ ...CONFIG, deadRetentionMs: 10_000 });
    const wire = new Wire(['a', 'b', 'c'], config);
    const member = wire.get('a');
    member.receive('c', { type: 'ack', seq: 1, piggyback: [memberUpdate('b', 'dead', 0, metadataOf('b'), 'c')], notices: [] }, START_MS + 500);
    wire.tick('a', 10_000);
    wire.deliver(10_002);
    expect(member.beliefAbout('b')?.state).toBe('dead');
    wire.tick('a', 11_000);
    expect(member.beliefAbout('b')).toBeUndefined();
    expect(wire.changes.filter((change) => change.observerId === 'a').map(changeLine)).toEqual([
      '+500 a: b alive->dead @0 (gossip)',
      '+11000 a: b dead->- @0 (timeout)',
    ]);
  });
});
