/**
 * SWIM's properties over many seeds, each run a random group on virtual time:
 * - completeness: every crashed member is declared dead by every live member, within the bound;
 * - accuracy: on a loss-free network, with crashes, recoveries, joins and leaves around it, no live
 *   member is ever suspected or declared dead in its current incarnation, and a leave is never
 *   turned into a death;
 * - convergence: after random crashes, partitions and loss heal, every live member holds every
 *   other alive at its own incarnation; throughout, each observer's changes follow the precedence
 *   rules and the group's counts match the members' views.
 *
 * 30 seeds by default; `SEEDS=200` runs more, and a failure prints the command replaying its seed:
 *   SEED=17 npx vitest run test/engines/membership/random-simulation.test.ts
 */
import { describe, expect, it } from 'vitest';
import { SeededRng, type FaultSpec } from '../../../src/engines/runtime/index.js';
import { suspicionTimeouts, type MemberState, type MembershipChange } from '../../../src/engines/membership/index.js';
import { describeChange, disagreements, memberId, metadataOf, startGroup, type SwimHarness } from './harness.js';

const TEST_FILE = 'test/engines/membership/random-simulation.test.ts';
const PERIOD_MS = 1000;
const onlySeed = process.env.SEED;
const seedCount = Number(process.env.SEEDS ?? 30);
const SEEDS = onlySeed === undefined ? Array.from({ length: seedCount }, (_, index) => index + 1) : [Number(onlySeed)];

function replayCommand(seed: number): string {
  return `SEED=${seed} npx vitest run ${TEST_FILE}`;
}

/** Fails with the replay command, what was done, and the last changes. */
function failRun(seed: number, harness: SwimHarness, problem: string, log: readonly string[]): never {
  return expect.fail(
    [
      `seed ${seed}, at +${harness.elapsedMs()} ms: ${problem}`,
      `  replay: ${replayCommand(seed)}`,
      `  last actions: ${log.slice(-8).join(' | ') || '(none)'}`,
      '  last changes:',
      ...harness.changes.slice(-12).map((change) => `    ${describeChange(change)}`),
    ].join('\n'),
  );
}

const RUNNING = new Set(['joining', 'active', 'leaving', 'join-failed']);

function isRunning(harness: SwimHarness, id: string): boolean {
  return RUNNING.has(harness.group.member(id).lifecycle);
}

/** Which (observer, subject) edges an observer's view may take, and what incarnation each needs. */
const ALLOWED: Record<string, (previous: number, next: number) => boolean> = {
  '-->alive': () => true,
  'alive->suspect': (previous, next) => next >= previous,
  'alive->dead': (previous, next) => next >= previous,
  'alive->left': (previous, next) => next >= previous,
  'suspect->alive': (previous, next) => next > previous,
  'suspect->dead': (previous, next) => next >= previous,
  'suspect->left': (previous, next) => next >= previous,
  'dead->alive': (previous, next) => next > previous,
  'dead->left': (previous, next) => next >= previous,
  'left->alive': (previous, next) => next > previous,
  'left->dead': (previous, next) => next > previous,
  'dead->-': () => true,
  'left->-': () => true,
};

/** Checks every change against what the observer last told, and the group's counts against the views. */
class ViewChecker {
  /** observer -> subject -> last told state and incarnation. */
  private readonly told = new Map<string, Map<string, { state: MemberState; incarnation: number }>>();
  private seen = 0;
  readonly edges = new Map<string, number>();

  constructor(
    private readonly seed: number,
    private readonly harness: SwimHarness,
    private readonly log: string[],
  ) {
    // A bootstrapped group starts with full views, told by no change.
    for (const member of harness.group.members()) {
      for (const observer of harness.group.memberState(member.memberId).observers) {
        if (observer.state === null || observer.incarnation === null) continue;
        this.viewsOf(observer.observerId).set(member.memberId, { state: observer.state, incarnation: observer.incarnation });
      }
    }
  }

  private viewsOf(observerId: string): Map<string, { state: MemberState; incarnation: number }> {
    let views = this.told.get(observerId);
    if (views === undefined) {
      views = new Map();
      this.told.set(observerId, views);
    }
    return views;
  }

  /** The observer's view was wiped (crash) or started over (rejoin): what it told no longer holds. */
  forget(observerId: string): void {
    this.told.delete(observerId);
  }

  check(): void {
    const { harness } = this;
    // Changes first: a member may still observe something in the very tick it stops.
    for (; this.seen < harness.changes.length; this.seen += 1) this.checkChange(harness.changes[this.seen] as MembershipChange);
    for (const member of harness.group.members()) if (!RUNNING.has(member.lifecycle)) this.forget(member.memberId);
    this.checkCounts();
  }

  private checkChange(change: MembershipChange): void {
    if (change.kind === 'refuted') return;
    const views = this.viewsOf(change.observerId);
    const told = views.get(change.memberId);
    if ((told?.state ?? null) !== change.previousState) {
      this.fail(`${describeChange(change)}: the observer last told ${told?.state ?? 'nothing'}`);
    }
    const edge = `${change.previousState ?? '-'}->${change.state ?? '-'}`;
    const allowed = ALLOWED[edge];
    if (allowed === undefined || !allowed(told?.incarnation ?? 0, change.incarnation)) {
      this.fail(`${describeChange(change)}: ${edge} is not allowed after incarnation ${told?.incarnation ?? '-'}`);
    }
    this.edges.set(edge, (this.edges.get(edge) ?? 0) + 1);
    if (change.state === null) views.delete(change.memberId);
    else views.set(change.memberId, { state: change.state, incarnation: change.incarnation });
  }

  /** The group's incremental observer counts equal a fresh tally of every live member's belief. */
  private checkCounts(): void {
    for (const member of this.harness.group.members()) {
      const state = this.harness.group.memberState(member.memberId);
      const tally = { alive: 0, suspect: 0, dead: 0, left: 0, unaware: 0 };
      for (const observer of state.observers) tally[observer.state ?? 'unaware'] += 1;
      if (JSON.stringify(tally) !== JSON.stringify(member.observers)) {
        this.fail(`counts of ${member.memberId} are ${JSON.stringify(member.observers)}, the views say ${JSON.stringify(tally)}`);
      }
    }
  }

  private fail(problem: string): never {
    return failRun(this.seed, this.harness, problem, this.log);
  }
}

function randomChaosFault(rng: SeededRng, ids: readonly string[]): FaultSpec {
  const kind = rng.pick(['crash', 'partition', 'loss'] as const);
  const shuffled = rng.shuffle(ids);
  switch (kind) {
    case 'crash':
      return { type: 'crash', nodes: shuffled.slice(0, rng.int(1, 3)) };
    case 'partition': {
      const cut = rng.int(1, ids.length);
      return { type: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] };
    }
    case 'loss':
      return { type: 'loss', nodes: shuffled.slice(0, 1), rate: rng.pick([0.3, 0.5, 0.8, 1]) };
  }
}

/** Completeness: crash up to a minority; every live member must hold each of them dead within the bound. */
function completenessRun(seed: number): { detectionMs: number[] } {
  const rng = new SeededRng(seed).fork('completeness');
  const n = rng.int(5, 13);
  const harness = startGroup({ seed, members: n });
  const log: string[] = [];
  const checker = new ViewChecker(seed, harness, log);
  const ids = Array.from({ length: n }, (_, index) => memberId(index + 1));
  const victims = rng.shuffle(ids).slice(0, rng.int(1, Math.floor((n - 1) / 2) + 1));
  const crashAtMs = new Map(victims.map((id) => [id, rng.int(1, 10) * 500] as const));
  const { maxMs } = suspicionTimeouts(harness.config, n);
  // Probed within two rounds of the round-robin, then the slowest suspicion, then dissemination.
  const boundMs = 2 * (n - 1) * PERIOD_MS + maxMs + 10 * PERIOD_MS;
  const detectedAtMs = new Map<string, number>();
  const endMs = 5000 + boundMs + PERIOD_MS;
  while (harness.elapsedMs() < endMs) {
    for (const [id, atMs] of crashAtMs) {
      if (atMs === harness.elapsedMs()) {
        harness.inject({ type: 'crash', nodes: [id] });
        log.push(`+${atMs} crash ${id}`);
      }
    }
    harness.advance(500);
    checker.check();
    const live = ids.filter((id) => !crashAtMs.has(id));
    for (const [victim, atMs] of crashAtMs) {
      if (detectedAtMs.has(victim) || harness.elapsedMs() <= atMs) continue;
      if (live.every((id) => harness.belief(id, victim) === 'dead')) detectedAtMs.set(victim, harness.elapsedMs() - atMs);
      else if (harness.elapsedMs() - atMs > boundMs) failRun(seed, harness, `${victim} not dead everywhere ${boundMs} ms after its crash`, log);
    }
    // Accuracy on the way: no live member is ever suspected or declared dead (the network loses nothing).
    const wrong = harness.changes.find((change) => (change.state === 'suspect' || change.state === 'dead') && live.includes(change.memberId));
    if (wrong !== undefined) failRun(seed, harness, `live ${wrong.memberId} was suspected: ${describeChange(wrong)}`, log);
  }
  if (detectedAtMs.size !== victims.length) failRun(seed, harness, 'not every crash was detected', log);
  return { detectionMs: [...detectedAtMs.values()] };
}

/**
 * Accuracy: a loss-free network (some extra latency, well under the ping timeout) with crashes,
 * recoveries, joins and leaves. No running member may be suspected or declared dead in its current
 * incarnation; a member that left must never be suspected or declared dead in its leaving incarnation.
 */
function accuracyRun(seed: number): { actions: number } {
  const rng = new SeededRng(seed).fork('accuracy');
  const n = rng.int(6, 11);
  const harness = startGroup({ seed, members: n, linkDefaults: { latencyMs: 5, jitterMs: 20 } });
  const log: string[] = [];
  const checker = new ViewChecker(seed, harness, log);
  /** Incarnation each member started its current life with. */
  const lifeStart = new Map<string, number>();
  const leftAt = new Map<string, number>();
  const crashes = new Map<string, string>();
  let nextId = n + 1;
  let actions = 0;
  harness.group.onChange((change) => {
    if (change.state !== 'suspect' && change.state !== 'dead') return;
    // A straggler that probes a member just gone, before hearing of the leave, may suspect it for a
    // moment (the leave then overrides the suspicion); it must never turn the leave into a death.
    const left = leftAt.get(change.memberId);
    if (left !== undefined && change.incarnation >= left && change.state === 'dead') {
      failRun(seed, harness, `a member that left was declared dead: ${describeChange(change)}`, log);
    }
    if (!isRunning(harness, change.memberId)) return;
    if (change.incarnation >= (lifeStart.get(change.memberId) ?? 0)) failRun(seed, harness, `live member wrongly ${change.state}: ${describeChange(change)}`, log);
  });
  harness.inject({ type: 'latency', nodes: [memberId(1)], ms: 40 });
  for (let stepMs = 0; stepMs < 90_000; stepMs += PERIOD_MS) {
    if (stepMs % 3000 === 0 && stepMs < 75_000) {
      actions += 1;
      const members = harness.group.members();
      const active = members.filter((member) => member.lifecycle === 'active').map((member) => member.memberId);
      const action = rng.pick(['crash', 'recover', 'join', 'leave'] as const);
      if (action === 'crash' && active.length > 3) {
        const victim = rng.pick(active);
        crashes.set(victim, harness.inject({ type: 'crash', nodes: [victim] }));
        checker.forget(victim);
        log.push(`+${stepMs} crash ${victim}`);
      } else if (action === 'recover' && crashes.size > 0) {
        const [victim, fault] = rng.pick([...crashes]);
        crashes.delete(victim);
        harness.heal(fault);
        lifeStart.set(victim, harness.group.gossipOf(victim).incarnation);
        log.push(`+${stepMs} recover ${victim}`);
      } else if (action === 'join') {
        const id = memberId(nextId++);
        harness.group.join({ memberId: id, metadata: metadataOf(id), ...(rng.chance(0.5) && active.length > 0 ? { seedId: rng.pick(active) } : {}) });
        lifeStart.set(id, harness.group.gossipOf(id).incarnation);
        log.push(`+${stepMs} join ${id}`);
      } else if (action === 'leave' && active.length > 3) {
        const id = rng.pick(active);
        harness.group.leave(id);
        leftAt.set(id, harness.group.gossipOf(id).incarnation);
        log.push(`+${stepMs} leave ${id}`);
      }
    }
    harness.advance(PERIOD_MS);
    checker.check();
  }
  // Every leave ended as a leave, for every running member that still knows the member.
  for (const [id, incarnation] of leftAt) {
    if (harness.group.member(id).lifecycle !== 'left') continue;
    for (const observer of harness.group.memberState(id).observers) {
      if (observer.state !== null && !(observer.state === 'left' && observer.incarnation === incarnation)) {
        failRun(seed, harness, `${observer.observerId} holds ${id}, which left, as ${observer.state}@${observer.incarnation}`, log);
      }
    }
  }
  return { actions };
}

/** Convergence: 40 s of random crash, partition and loss faults, then everything heals. */
function convergenceRun(seed: number): { convergedMs: number; edges: Map<string, number> } {
  const rng = new SeededRng(seed).fork('convergence');
  const n = rng.int(5, 11);
  const harness = startGroup({ seed, members: n });
  const log: string[] = [];
  const checker = new ViewChecker(seed, harness, log);
  const ids = Array.from({ length: n }, (_, index) => memberId(index + 1));
  const active: string[] = [];
  let nextChaosMs = rng.int(1000, 4000);
  for (let elapsedMs = 0; elapsedMs < 40_000; elapsedMs += 500) {
    if (elapsedMs >= nextChaosMs) {
      nextChaosMs = elapsedMs + rng.int(1000, 5000);
      if (active.length >= 3 || (active.length > 0 && rng.chance(0.4))) {
        const fault = active.splice(rng.int(0, active.length), 1)[0] as string;
        harness.heal(fault);
        log.push(`+${elapsedMs} heal ${fault}`);
      } else {
        const spec = randomChaosFault(rng, ids);
        active.push(harness.inject(spec));
        log.push(`+${elapsedMs} ${active.at(-1)} ${JSON.stringify(spec)}`);
      }
    }
    harness.advance(500);
    checker.check();
  }
  harness.runtime.faults.healAll();
  log.push('+40000 heal all');
  const healedAtMs = harness.elapsedMs();
  // Slowest path seen: a suspicion left over from the chaos runs its full maxMs (24 s for 8 members),
  // then the refutation spreads; reconnect pings (every 5 s) bring back members held dead.
  const boundMs = 60_000;
  const convergedAt = harness.runUntil(() => {
    checker.check();
    return disagreements(harness).length === 0 && harness.running().length === n;
  }, boundMs, 500);
  if (convergedAt === undefined) failRun(seed, harness, `views did not converge ${boundMs} ms after healing: ${disagreements(harness).slice(0, 6).join('; ')}`, log);
  const states = harness.group.members().map((member) => `${member.memberId}=${member.state}`);
  if (states.some((entry) => !entry.endsWith('=alive'))) failRun(seed, harness, `group view after convergence: ${states.join(', ')}`, log);
  return { convergedMs: (convergedAt ?? 0) - healedAtMs, edges: checker.edges };
}

describe('SWIM properties over random seeds', () => {
  const convergence = new Map<number, { convergedMs: number; edges: Map<string, number> }>();

  it.each(SEEDS)('seed %i: every crashed member is declared dead by every live member (completeness)', (seed) => {
    const { detectionMs } = completenessRun(seed);
    expect(detectionMs.length, replayCommand(seed)).toBeGreaterThan(0);
  });

  it.each(SEEDS)('seed %i: no live member is suspected or declared dead on a loss-free network (accuracy)', (seed) => {
    expect(accuracyRun(seed).actions, replayCommand(seed)).toBeGreaterThan(20);
  });

  it.each(SEEDS)('seed %i: views converge after crashes, partitions and loss heal (convergence)', (seed) => {
    const report = convergenceRun(seed);
    convergence.set(seed, report);
    expect(report.convergedMs, replayCommand(seed)).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(onlySeed !== undefined)('the chaos exercised suspicion, death, refutation and return from the dead', () => {
    expect(convergence.size).toBe(SEEDS.length);
    const total = (edge: string) => [...convergence.values()].reduce((sum, report) => sum + (report.edges.get(edge) ?? 0), 0);
    for (const edge of ['alive->suspect', 'suspect->alive', 'suspect->dead', 'dead->alive']) expect(total(edge), edge).toBeGreaterThan(0);
  });
});
