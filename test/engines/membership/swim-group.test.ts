/**
 * A SWIM group on the simulation runtime: scenarios with a fixed seed on virtual time, each a short
 * script of faults and the membership changes the group must show.
 */
import { describe, expect, it } from 'vitest';
import {
  SwimGroup,
  retransmitLimit,
  suspicionTimeouts,
  type MemberState,
  type MessageTrace,
  type PingReqMessage,
} from '../../../src/engines/membership/index.js';
import { SimulationRuntime } from '../../../src/engines/runtime/index.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { START_MS, describeChange, disagreements, memberId, metadataOf, startGroup, type SwimHarness } from './harness.js';

const PERIOD_MS = 1000;

function othersOf(harness: SwimHarness, excluded: string): string[] {
  return harness.running().filter((id) => id !== excluded);
}

function domainError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

/** The kinds of change each observer saw about `subject`, e.g. { 'node-1': 'suspect dead' }. */
function changesAbout(harness: SwimHarness, subject: string, from = 0): Record<string, string> {
  const byObserver: Record<string, string> = {};
  for (const change of harness.changes.slice(from)) {
    if (change.memberId !== subject || change.observerId === subject) continue;
    byObserver[change.observerId] = `${byObserver[change.observerId] ?? ''} ${change.kind}`.trim();
  }
  return byObserver;
}

describe('SWIM group: failure detection', () => {
  it('a crashed member is suspected, then declared dead by every live member within the bound', () => {
    const harness = startGroup({ seed: 1, members: 8 });
    harness.advance(5 * PERIOD_MS);
    const crashedAtMs = harness.elapsedMs();
    harness.inject({ type: 'crash', nodes: ['node-5'] });
    const periodsBefore = harness.group.gossipOf('node-5').counters.protocolPeriods;
    const others = othersOf(harness, 'node-5');
    const { maxMs } = suspicionTimeouts(harness.config, 8);
    // Someone probes it within two rounds of the round-robin; the slowest suspicion (no confirmations)
    // then runs maxMs; a few more periods spread the verdict.
    const boundMs = 2 * 7 * PERIOD_MS + maxMs + 5 * PERIOD_MS;
    const allDeadAt = harness.runUntil(() => others.every((id) => harness.belief(id, 'node-5') === 'dead'), boundMs);
    expect(allDeadAt, harness.transcript().join('\n')).toBeDefined();

    const about = harness.changes.filter((change) => change.memberId === 'node-5');
    const firstSuspect = about.find((change) => change.state === 'suspect');
    const firstDead = about.find((change) => change.state === 'dead');
    expect(firstSuspect?.source).toBe('probe');
    expect(firstDead?.source).toBe('timeout');
    // Suspected before declared dead, and the verdict waited at least the minimum suspicion timeout.
    expect((firstDead?.atMs ?? 0) - (firstSuspect?.atMs ?? 0)).toBeGreaterThanOrEqual(suspicionTimeouts(harness.config, 8).minMs);
    expect(harness.transcript().slice(0, 2)).toEqual([
      `+${(firstSuspect?.atMs ?? 0) - START_MS} ${firstSuspect?.observerId}: node-5 alive->suspect inc=0 (probe)`,
      expect.stringMatching(/^\+\d+ node-\d: node-5 alive->suspect inc=0 \((gossip|probe)\)$/),
    ]);
    // Every observer went alive -> suspect -> dead, or straight to dead when the verdict reached it first.
    for (const kinds of Object.values(changesAbout(harness, 'node-5'))) expect(['suspect dead', 'dead']).toContain(kinds);
    expect(Object.keys(changesAbout(harness, 'node-5')).sort()).toEqual([...others].sort());
    expect(harness.consensus.filter((change) => change.memberId === 'node-5').map((change) => change.state)).toEqual(['suspect', 'dead']);
    // The crashed member's process is not ticked.
    expect(harness.group.gossipOf('node-5').counters.protocolPeriods).toBe(periodsBefore);
    expect(harness.group.member('node-5')).toMatchObject({ state: 'dead', lifecycle: 'crashed', observers: { dead: 7, alive: 0, unaware: 0 } });
    expect(crashedAtMs).toBe(5000);
  });

  it('a member behind lossy links is suspected, refutes with a higher incarnation, and is never declared dead', () => {
    const harness = startGroup({ seed: 1, members: 8 });
    harness.advance(3 * PERIOD_MS);
    const loss = harness.inject({ type: 'loss', nodes: ['node-3'], rate: 0.3 });
    harness.advance(60 * PERIOD_MS);
    const about = harness.changes.filter((change) => change.memberId === 'node-3' && change.observerId !== 'node-3');
    expect(about.filter((change) => change.kind === 'suspect').length).toBeGreaterThan(0);
    expect(about.filter((change) => change.kind === 'alive').length).toBeGreaterThan(0);
    expect(about.filter((change) => change.state === 'dead')).toEqual([]);
    const refutations = harness.changes.filter((change) => change.kind === 'refuted' && change.memberId === 'node-3');
    expect(refutations.length).toBe(harness.group.gossipOf('node-3').counters.refutations);
    expect(harness.group.member('node-3').incarnation).toBeGreaterThanOrEqual(1);
    // Each refutation raised the incarnation.
    expect(refutations.map((change) => change.incarnation)).toEqual([...refutations.map((change) => change.incarnation)].sort((a, b) => a - b));
    harness.heal(loss);
    expect(harness.runUntil(() => disagreements(harness).length === 0, 30 * PERIOD_MS, 500), disagreements(harness).join('\n')).toBeDefined();
    expect(harness.group.member('node-3')).toMatchObject({ state: 'alive', incarnation: harness.group.gossipOf('node-3').incarnation });
  });

  it('indirect probing saves a member whose direct link to the prober is cut', () => {
    const harness = startGroup({ seed: 1, members: 8, traceMessages: true });
    // Only the link node-1 <-> node-2 is cut: a partition naming just those two.
    harness.inject({ type: 'partition', groups: [['node-1'], ['node-2']] });
    harness.advance(30 * PERIOD_MS);
    expect(harness.transcript()).toEqual([]);
    const pingReq = harness.messages.find(
      (trace): trace is MessageTrace & { message: PingReqMessage } => trace.from === 'node-1' && trace.message.type === 'ping-req' && trace.message.target === 'node-2',
    );
    expect(pingReq).toBeDefined();
    const { seq } = pingReq?.message ?? { seq: -1 };
    const helper = pingReq?.to as string;
    const chain = harness.messages
      .filter((trace) => trace.atMs >= (pingReq?.atMs ?? 0) - 300 && trace.atMs <= (pingReq?.atMs ?? 0) + 20)
      .filter(
        (trace) =>
          (trace.from === 'node-1' && trace.to === 'node-2' && trace.message.type === 'ping') ||
          (trace.from === 'node-1' && trace.to === helper && trace.message.type === 'ping-req') ||
          (trace.from === helper && trace.to === 'node-2' && trace.message.type === 'ping') ||
          (trace.from === 'node-2' && trace.to === helper && trace.message.type === 'ack') ||
          (trace.from === helper && trace.to === 'node-1' && trace.message.type === 'ack' && trace.message.seq === seq),
      )
      .map((trace) => `${trace.from} -> ${trace.to} ${trace.message.type}`);
    expect(chain).toEqual([
      'node-1 -> node-2 ping', // dropped by the cut link
      `node-1 -> ${helper} ping-req`,
      `${helper} -> node-2 ping`,
      `node-2 -> ${helper} ack`,
      `${helper} -> node-1 ack`,
    ]);
    const prober = harness.group.gossipOf('node-1').counters;
    expect(prober.indirectAcksReceived).toBeGreaterThan(0);
    expect(prober.probesFailed).toBe(0);
  });

  it('both sides of a partition declare each other dead, and views converge once it heals', () => {
    const harness = startGroup({ seed: 2, members: 8 });
    const sideA = ['node-1', 'node-2', 'node-3', 'node-4'];
    const sideB = ['node-5', 'node-6', 'node-7', 'node-8'];
    const partition = harness.inject({ type: 'partition', groups: [sideA, sideB] });
    const splitAt = harness.runUntil(
      () => sideA.every((a) => sideB.every((b) => harness.belief(a, b) === 'dead' && harness.belief(b, a) === 'dead')),
      60 * PERIOD_MS,
      500,
    );
    expect(splitAt).toBeDefined();
    // Within a side nothing changed.
    for (const side of [sideA, sideB]) expect(disagreements(harness, side)).toEqual([]);
    harness.advance(10 * PERIOD_MS);
    harness.heal(partition);
    const healedAt = harness.elapsedMs();
    // Reconnect pings find the other side; they refute; the refutations spread.
    const convergedAt = harness.runUntil(() => disagreements(harness).length === 0, 3 * harness.config.reconnectIntervalMs + 30 * PERIOD_MS, 500);
    expect(convergedAt, disagreements(harness).join('\n')).toBeDefined();
    expect(harness.group.members().map((member) => `${member.memberId}=${member.state}`)).toEqual(sideA.concat(sideB).map((id) => `${id}=alive`));
    // Everyone was declared dead by the other side, so everyone refuted.
    for (const id of [...sideA, ...sideB]) expect(harness.group.gossipOf(id).incarnation).toBeGreaterThanOrEqual(1);
    expect(convergedAt ?? 0).toBeGreaterThan(healedAt);
  });
});

describe('SWIM group: membership', () => {
  it('a join through a seed reaches all members within O(log n) protocol periods', () => {
    const n = 64;
    const harness = startGroup({ seed: 3, members: n });
    harness.advance(2 * PERIOD_MS);
    const joinedAtMs = harness.elapsedMs();
    const view = harness.group.join({ memberId: 'node-65', metadata: metadataOf('node-65'), seedId: 'node-1' });
    expect(view).toMatchObject({ memberId: 'node-65', lifecycle: 'joining', state: null });
    const everyoneKnowsAt = harness.runUntil(() => harness.group.member('node-65').observers.alive === n, 60 * PERIOD_MS, PERIOD_MS);
    expect(everyoneKnowsAt).toBeDefined();
    const periods = ((everyoneKnowsAt ?? 0) - joinedAtMs) / PERIOD_MS;
    expect(periods).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)));
    // The seed learnt it first, from the join itself; everyone else by gossip.
    const learnt = harness.changes.filter((change) => change.memberId === 'node-65' && change.kind === 'joined');
    expect(learnt[0]).toMatchObject({ observerId: 'node-1', source: 'sync' });
    expect(new Set(learnt.map((change) => change.observerId)).size).toBe(n);
    // The joiner learnt the whole member list from the seed, with metadata.
    expect(harness.group.gossipOf('node-65')).toMatchObject({ lifecycle: 'active', viewSize: n + 1 });
    expect(harness.group.memberState('node-7').observers.find((observer) => observer.observerId === 'node-65')?.state).toBe('alive');
  });

  it('a graceful leave is disseminated as left, never as a failure, and the member may join again', () => {
    const harness = startGroup({ seed: 1, members: 8 });
    harness.advance(2 * PERIOD_MS);
    const mark = harness.changes.length;
    expect(harness.group.leave('node-4')).toMatchObject({ lifecycle: 'leaving' });
    const allKnowAt = harness.runUntil(() => harness.group.member('node-4').observers.left === 7, 20 * PERIOD_MS);
    expect(allKnowAt).toBeDefined();
    harness.advance(40 * PERIOD_MS); // long past any suspicion timeout
    expect(harness.group.member('node-4')).toMatchObject({ state: 'left', lifecycle: 'left', observers: { left: 7, dead: 0, suspect: 0 } });
    for (const kinds of Object.values(changesAbout(harness, 'node-4', mark))) expect(kinds).toBe('left');
    expect(harness.group.gossipOf('node-4').counters.protocolPeriods).toBeLessThanOrEqual(2 + harness.config.leaveTimeoutMs / PERIOD_MS + 1);

    harness.group.join({ memberId: 'node-4', metadata: { ...metadataOf('node-4'), address: 'node-4.cluster.local:7947' } });
    expect(harness.runUntil(() => harness.group.member('node-4').observers.alive === 7, 20 * PERIOD_MS)).toBeDefined();
    expect(harness.group.member('node-4')).toMatchObject({ state: 'alive', lifecycle: 'active', incarnation: 1 });
    expect(harness.group.memberState('node-4').observers.every((observer) => observer.incarnation === 1)).toBe(true);
    expect(harness.changes.filter((change) => change.memberId === 'node-4' && change.kind === 'joined').length).toBe(7);
  });

  it('a crashed member rejoins on recovery with a higher incarnation', () => {
    const harness = startGroup({ seed: 4, members: 8 });
    harness.advance(2 * PERIOD_MS);
    const crash = harness.inject({ type: 'crash', nodes: ['node-2'] });
    expect(harness.runUntil(() => harness.group.member('node-2').observers.dead === 7, 60 * PERIOD_MS)).toBeDefined();
    const periodsWhileCrashed = harness.group.gossipOf('node-2').counters.protocolPeriods;
    harness.advance(5 * PERIOD_MS);
    expect(harness.group.gossipOf('node-2')).toMatchObject({ lifecycle: 'crashed', viewSize: 1, protocolPeriod: 0 });
    expect(harness.group.gossipOf('node-2').counters.protocolPeriods).toBe(periodsWhileCrashed);
    harness.heal(crash);
    expect(harness.group.gossipOf('node-2')).toMatchObject({ lifecycle: 'joining', incarnation: 1 });
    expect(harness.runUntil(() => disagreements(harness).length === 0, 20 * PERIOD_MS)).toBeDefined();
    expect(harness.group.member('node-2')).toMatchObject({ state: 'alive', incarnation: 1, lifecycle: 'active' });
    expect(harness.group.gossipOf('node-2').viewSize).toBe(8);
    // Back from the dead: each observer saw it come back alive.
    for (const kinds of Object.values(changesAbout(harness, 'node-2'))) expect(kinds).toMatch(/dead alive$/);
  });
});

/** The group's incremental observer counts agree with a recount of every live member's view. */
function expectCountsMatchViews(group: SwimGroup): void {
  for (const member of group.members()) {
    const tally = { alive: 0, suspect: 0, dead: 0, left: 0, unaware: 0 };
    for (const observer of group.memberState(member.memberId).observers) tally[observer.state ?? 'unaware'] += 1;
    expect(member.observers, member.memberId).toEqual(tally);
  }
}

describe('SWIM group: restored and removed members', () => {
  it('a member restored as left does not run, is held left by all, and may rejoin with a higher incarnation', () => {
    const runtime = new SimulationRuntime({ seed: 1, startMs: START_MS });
    const ids = ['node-1', 'node-2', 'node-3', 'node-4'];
    const group = new SwimGroup(runtime, { members: ids.map((id) => ({ memberId: id, metadata: metadataOf(id), left: id === 'node-3' })) });
    expect(group.member('node-3')).toMatchObject({ state: 'left', lifecycle: 'left', incarnation: 0, observers: { left: 3, unaware: 0 } });
    expect(group.member('node-1')).toMatchObject({ state: 'alive', observers: { alive: 2, unaware: 0 } });
    expect(group.memberState('node-3').self).toEqual({ lifecycle: 'left', incarnation: 0, state: 'left' });
    runtime.clock.advance(10 * PERIOD_MS);
    expect(group.gossipOf('node-3').counters.protocolPeriods).toBe(0);
    expect(group.gossip().members.filter((member) => member.memberId !== 'node-3').every((member) => member.viewSize === 4)).toBe(true);

    group.join({ memberId: 'node-3', metadata: metadataOf('node-3') });
    runtime.clock.advance(10 * PERIOD_MS);
    expect(group.member('node-3')).toMatchObject({ state: 'alive', lifecycle: 'active', incarnation: 1, observers: { alive: 3 } });
    expectCountsMatchViews(group);
  });

  it('a removed member leaves gracefully, then the group forgets it; re-added, it outbids its left with a higher incarnation', () => {
    const harness = startGroup({ seed: 5, members: 6 });
    harness.advance(2 * PERIOD_MS);
    const mark = harness.changes.length;
    harness.group.remove('node-5');
    expect(harness.group.member('node-5').lifecycle).toBe('leaving');
    expect(harness.runUntil(() => !harness.group.has('node-5'), 20 * PERIOD_MS)).toBeDefined();
    expect(domainError(() => harness.group.member('node-5')).code).toBe('NOT_FOUND');
    for (const kinds of Object.values(changesAbout(harness, 'node-5', mark))) expect(kinds).toBe('left');
    expect(harness.group.members().map((member) => member.memberId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-6']);

    harness.group.join({ memberId: 'node-5', metadata: metadataOf('node-5') });
    expect(harness.runUntil(() => harness.group.member('node-5').observers.alive === 5, 20 * PERIOD_MS)).toBeDefined();
    expect(harness.group.member('node-5')).toMatchObject({ state: 'alive', lifecycle: 'active' });
    expect(harness.group.member('node-5').incarnation).toBeGreaterThan(0);
    expectCountsMatchViews(harness.group);
  });

  it('a crashed member is removed at once, and the others find its going by probing', () => {
    const harness = startGroup({ seed: 6, members: 5 });
    harness.advance(2 * PERIOD_MS);
    harness.inject({ type: 'crash', nodes: ['node-2'] });
    harness.group.remove('node-2');
    expect(harness.group.has('node-2')).toBe(false);
    harness.advance(40 * PERIOD_MS);
    expect(Object.keys(changesAbout(harness, 'node-2')).sort()).toEqual(['node-1', 'node-3', 'node-4', 'node-5']);
    for (const kinds of Object.values(changesAbout(harness, 'node-2'))) expect(kinds).toMatch(/dead$/);
    expect(harness.group.members().every((member) => member.state === 'alive' && member.observers.alive === 3)).toBe(true);
  });

  it('a member removed while still leaving is replaced by a new life when it joins again', () => {
    const harness = startGroup({ seed: 7, members: 5 });
    harness.advance(2 * PERIOD_MS);
    harness.group.remove('node-4');
    harness.group.join({ memberId: 'node-4', metadata: metadataOf('node-4') });
    expect(harness.group.member('node-4').lifecycle).toBe('joining');
    expect(harness.runUntil(() => harness.group.member('node-4').state === 'alive' && harness.group.member('node-4').observers.alive === 4, 30 * PERIOD_MS)).toBeDefined();
    expectCountsMatchViews(harness.group);
  });
});

describe('SWIM group: following the faults', () => {
  it('a member crashed while leaving stays gone when the fault heals', () => {
    const harness = startGroup({ seed: 1, members: 6 });
    harness.advance(2 * PERIOD_MS);
    harness.group.leave('node-3');
    const crash = harness.inject({ type: 'crash', nodes: ['node-3'] });
    expect(harness.group.member('node-3').lifecycle).toBe('crashed');
    harness.advance(5 * PERIOD_MS);
    harness.heal(crash);
    expect(harness.group.member('node-3').lifecycle).toBe('left');
    expect(domainError(() => harness.group.leave('node-3')).code).toBe('CONFLICT');
  });

  it('a member already crashed when the group starts is not ticked, and joins when it recovers', () => {
    const runtime = new SimulationRuntime({ seed: 1, startMs: START_MS });
    runtime.faults.inject({ type: 'crash', nodes: ['b'] }, 'down', START_MS);
    const ids = ['a', 'b', 'c', 'd'];
    const group = new SwimGroup(runtime, { members: ids.map((id) => ({ memberId: id, metadata: metadataOf(id) })) });
    runtime.clock.advance(30 * PERIOD_MS);
    expect(group.gossipOf('b').counters.protocolPeriods).toBe(0);
    expect(group.member('b')).toMatchObject({ state: 'dead', lifecycle: 'crashed' });
    runtime.faults.heal('down');
    runtime.clock.advance(5 * PERIOD_MS);
    expect(group.member('b')).toMatchObject({ state: 'alive', lifecycle: 'active', incarnation: 1, observers: { alive: 3 } });
  });

  it('a joiner given no seed goes through active members of the group', () => {
    const harness = startGroup({ seed: 2, members: 5 });
    harness.inject({ type: 'crash', nodes: ['node-1', 'node-2'] });
    harness.group.join({ memberId: 'node-6', metadata: metadataOf('node-6') });
    const seeds = harness.group.gossipOf('node-6').join?.seeds ?? [];
    expect([...seeds].sort()).toEqual(['node-3', 'node-4', 'node-5']);
    expect(harness.runUntil(() => harness.group.member('node-6').observers.alive === 3, 10 * PERIOD_MS)).toBeDefined();
  });
});

describe('SWIM group: dissemination', () => {
  it('each member piggybacks one update at most λ·⌈log10(n+1)⌉ times', () => {
    const n = 16;
    const harness = startGroup({ seed: 5, members: n, traceMessages: true });
    harness.advance(2 * PERIOD_MS);
    harness.inject({ type: 'crash', nodes: ['node-9'] });
    harness.group.join({ memberId: 'node-17', metadata: metadataOf('node-17'), seedId: 'node-3' });
    harness.advance(60 * PERIOD_MS);
    const transmissions = new Map<string, number>();
    for (const { from, message } of harness.messages) {
      if (!('piggyback' in message)) continue;
      expect(message.piggyback.length).toBeLessThanOrEqual(harness.config.maxPiggybackEntries);
      expect(message.notices.length).toBeLessThanOrEqual(harness.config.maxPiggybackEntries);
      // Notices are replies meant for the receiver alone; dissemination is the piggyback.
      for (const update of message.piggyback) {
        const key = `${from} ${update.memberId} ${update.state}@${update.incarnation} by ${update.from}`;
        transmissions.set(key, (transmissions.get(key) ?? 0) + 1);
      }
    }
    const limit = retransmitLimit(harness.config, n + 1);
    expect(limit).toBe(8);
    const most = Math.max(...transmissions.values());
    expect(most).toBeLessThanOrEqual(limit);
    // Updates did spread: the join and the death were each retransmitted up to the limit by someone.
    expect([...transmissions].filter(([key, count]) => key.includes(' node-17 alive@0') && count === limit).length).toBeGreaterThan(0);
    expect([...transmissions].filter(([key, count]) => key.includes(' node-9 dead@0') && count === limit).length).toBeGreaterThan(0);
    // And once done, nothing is left to disseminate.
    expect(harness.group.gossip().members.every((member) => member.piggybackQueue.length === 0)).toBe(true);
  });
});

describe('SWIM group: reads for the API', () => {
  it('lists members with state, incarnation, metadata and how many members see them in each state', () => {
    const harness = startGroup({ seed: 1, members: 10 });
    const members = harness.group.members();
    expect(members.map((member) => member.memberId)).toEqual(Array.from({ length: 10 }, (_, index) => memberId(index + 1)));
    expect(members[1]).toEqual({
      memberId: 'node-2',
      metadata: metadataOf('node-2'),
      state: 'alive',
      incarnation: 0,
      lastStateChangeMs: START_MS,
      observers: { alive: 9, suspect: 0, dead: 0, left: 0, unaware: 0 },
      lifecycle: 'active',
    });
    harness.advance(3 * PERIOD_MS);
    harness.inject({ type: 'crash', nodes: ['node-10'] });
    harness.runUntil(() => harness.group.member('node-10').state === 'dead', 60 * PERIOD_MS);
    const dead = harness.group.member('node-10');
    const flip = harness.consensus.find((change) => change.memberId === 'node-10' && change.state === 'dead');
    expect(dead.lastStateChangeMs).toBe(flip?.atMs);
    // The counts behind the consensus are the members' real beliefs.
    const state = harness.group.memberState('node-10');
    expect(state.self).toEqual({ lifecycle: 'crashed', incarnation: 0, state: 'alive' });
    expect(state.observers.map((observer) => observer.observerId)).toEqual(Array.from({ length: 9 }, (_, index) => memberId(index + 1)));
    const tally: Record<MemberState, number> = { alive: 0, suspect: 0, dead: 0, left: 0 };
    for (const observer of state.observers) if (observer.state !== null) tally[observer.state] += 1;
    expect({ ...tally, unaware: 0 }).toEqual(dead.observers);
    const suspecting = state.observers.find((observer) => observer.state === 'suspect');
    if (suspecting !== undefined) {
      const { minMs } = suspicionTimeouts(harness.config, 10);
      expect(suspecting.suspicion?.deadlineMs).toBeGreaterThanOrEqual((suspecting.suspicion?.startedMs ?? 0) + minMs);
    }
  });

  it('shows the gossip state as it is: probes, pending piggybacks with remaining transmissions, counters', () => {
    const harness = startGroup({ seed: 1, members: 8 });
    harness.advance(PERIOD_MS + 5); // one period started, its pings acked
    harness.group.join({ memberId: 'node-9', metadata: metadataOf('node-9'), seedId: 'node-1' });
    harness.advance(10);
    const gossip = harness.group.gossip();
    expect(gossip).toMatchObject({ protocolPeriodMs: 1000, pingTimeoutMs: 300, protocolPeriod: 1, nextPeriodMs: START_MS + 2000, memberCount: 9 });
    const seed = gossip.members.find((member) => member.memberId === 'node-1');
    expect(seed?.probe).toMatchObject({ seq: 1, phase: 'acked', startedMs: START_MS + 1000 });
    // The seed is disseminating the joiner's alive, not yet sent.
    expect(seed?.piggybackQueue).toEqual([{ memberId: 'node-9', state: 'alive', incarnation: 0, from: 'node-9', transmissions: 0, remainingTransmissions: seed?.retransmitLimit }]);
    expect(seed?.counters).toMatchObject({ pingsSent: 1, pushPullsReceived: 1, pushPullsSent: 1 });
    expect(gossip.totals.pingsSent).toBe(gossip.members.reduce((sum, member) => sum + member.counters.pingsSent, 0));
    expect(gossip.totals.acksReceived).toBe(8);
    expect(harness.group.gossipOf('node-9')).toMatchObject({ lifecycle: 'active', join: null, viewSize: 9 });
  });

  it('rejects what the outside gets wrong with typed errors', () => {
    const harness = startGroup({ seed: 1, members: 3 });
    const { group } = harness;
    expect(domainError(() => group.join({ memberId: 'node-2', metadata: metadataOf('node-2') })).code).toBe('CONFLICT');
    expect(domainError(() => group.join({ memberId: 'node-9', metadata: metadataOf('node-9'), seedId: 'node-77' })).code).toBe('NOT_FOUND');
    expect(domainError(() => group.join({ memberId: 'node-9', metadata: metadataOf('node-9'), seedId: 'node-9' })).code).toBe('UNPROCESSABLE');
    expect(domainError(() => group.join({ memberId: 'node-9', metadata: { ...metadataOf('node-9'), address: '' } })).code).toBe('UNPROCESSABLE');
    expect(domainError(() => group.join({ memberId: '', metadata: metadataOf('node-9') })).code).toBe('UNPROCESSABLE');
    expect(domainError(() => group.leave('node-77')).code).toBe('NOT_FOUND');
    expect(domainError(() => group.member('node-77')).code).toBe('NOT_FOUND');
    harness.inject({ type: 'crash', nodes: ['node-3'] });
    expect(domainError(() => group.leave('node-3')).code).toBe('CONFLICT');
    expect(domainError(() => group.join({ memberId: 'node-9', metadata: metadataOf('node-9'), seedId: 'node-3' })).code).toBe('CONFLICT');
    group.leave('node-2');
    expect(domainError(() => group.leave('node-2')).code).toBe('CONFLICT');
    const runtime = new SimulationRuntime({ seed: 1, startMs: START_MS });
    const twice = [{ memberId: 'a', metadata: metadataOf('a') }, { memberId: 'a', metadata: metadataOf('a') }];
    expect(domainError(() => new SwimGroup(runtime, { members: twice })).code).toBe('CONFLICT');
    expect(domainError(() => new SwimGroup(runtime, { config: { pingTimeoutMs: 5000 } })).code).toBe('UNPROCESSABLE');
    // A full group refuses joiners.
    const small = new SwimGroup(new SimulationRuntime({ seed: 1, startMs: START_MS }), { config: { maxMembers: 2 }, members: twice.slice(0, 1).concat([{ memberId: 'b', metadata: metadataOf('b') }]) });
    expect(domainError(() => small.join({ memberId: 'c', metadata: metadataOf('c') })).code).toBe('CONFLICT');
  });

  it('stops its timer and listeners on stop()', () => {
    const harness = startGroup({ seed: 1, members: 4 });
    harness.advance(2 * PERIOD_MS);
    harness.group.stop();
    harness.advance(10 * PERIOD_MS);
    expect(harness.group.gossip().protocolPeriod).toBe(2);
    expect(harness.runtime.clock.pendingTimers()).toBe(0);
  });
});

describe('SWIM group: scale', () => {
  it('runs 1000 members at O(1) messages per member per protocol period and still finds a crash', () => {
    const n = 1000;
    const harness = startGroup({ seed: 1, members: n });
    harness.advance(10 * PERIOD_MS + 10); // ten periods, and the acks of the last one
    const sent = harness.runtime.network('swim').stats().sent;
    // A ping and its ack per member per period, plus staggered push-pulls; nothing grows with n.
    expect(sent).toBeGreaterThanOrEqual(2 * n * 10);
    expect(sent).toBeLessThanOrEqual(2.2 * n * 10);
    expect(harness.group.gossip().members.every((member) => member.protocolPeriod === 10)).toBe(true);
    harness.inject({ type: 'crash', nodes: ['node-500'] });
    expect(harness.runUntil(() => harness.group.member('node-500').state === 'suspect', 10 * PERIOD_MS, PERIOD_MS)).toBeDefined();
    expect(describeChange(harness.changes.find((change) => change.memberId === 'node-500') ?? harness.changes[0]!)).toMatch(/node-500 alive->suspect inc=0 \(probe\)$/);
  });
});
