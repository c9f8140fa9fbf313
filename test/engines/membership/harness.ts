/**
 * A SWIM group on a simulation runtime, with every membership change and consensus change recorded.
 * Time only moves through the harness (virtual clock, no sleeps); the same seed replays the same run.
 */
import { SimulationRuntime, type FaultSpec, type LinkDefaults } from '../../../src/engines/runtime/index.js';
import {
  SwimGroup,
  type ConsensusChange,
  type MemberMetadata,
  type MemberState,
  type MembershipChange,
  type MessageTrace,
  type SwimConfig,
} from '../../../src/engines/membership/index.js';

/** Virtual time at which every harness starts. */
export const START_MS = Date.UTC(2030, 0, 1);

export interface SwimHarnessOptions {
  seed?: number;
  /** Members bootstrapped at the start: node-1 … node-N. Default 8. */
  members?: number;
  config?: Partial<SwimConfig>;
  linkDefaults?: LinkDefaults;
  /** Record every message sent (costly for big groups). Default false. */
  traceMessages?: boolean;
}

export interface SwimHarness {
  runtime: SimulationRuntime;
  group: SwimGroup;
  config: SwimConfig;
  /** Every change seen by any member, in order. */
  changes: MembershipChange[];
  consensus: ConsensusChange[];
  messages: MessageTrace[];
  elapsedMs(): number;
  advance(ms: number): void;
  /**
   * Advances in steps of `stepMs` until `done()` holds; returns the elapsed time then, or undefined
   * if it still does not hold after `limitMs` more.
   */
  runUntil(done: () => boolean, limitMs: number, stepMs?: number): number | undefined;
  /** What `observerId` holds about `memberId` (undefined: does not know it). */
  belief(observerId: string, memberId: string): MemberState | undefined;
  incarnationSeenBy(observerId: string, memberId: string): number | undefined;
  /** Ids of the members whose process runs (joining, active, leaving). */
  running(): string[];
  inject(spec: FaultSpec): string;
  heal(faultId: string): void;
  /** Changes from index `from` on, as transcript lines. */
  transcript(from?: number): string[];
}

export function memberId(index: number): string {
  return `node-${index}`;
}

export function metadataOf(id: string): MemberMetadata {
  const number = Number(id.replace(/\D/g, '')) || 0;
  return { address: `${id}.cluster.local:7946`, region: 'eu-west', zone: `eu-west-${'abc'[number % 3]}`, role: number % 4 === 1 ? 'coordinator' : 'storage' };
}

export function startGroup(options: SwimHarnessOptions = {}): SwimHarness {
  const runtime = new SimulationRuntime({
    seed: options.seed ?? 1,
    startMs: START_MS,
    ...(options.linkDefaults === undefined ? {} : { linkDefaults: options.linkDefaults }),
  });
  const count = options.members ?? 8;
  const members = Array.from({ length: count }, (_, index) => ({ memberId: memberId(index + 1), metadata: metadataOf(memberId(index + 1)) }));
  const group = new SwimGroup(runtime, { config: options.config ?? {}, members });
  const changes: MembershipChange[] = [];
  const consensus: ConsensusChange[] = [];
  const messages: MessageTrace[] = [];
  group.onChange((change) => changes.push(change));
  group.onConsensusChange((change) => consensus.push(change));
  if (options.traceMessages === true) group.onMessage((trace) => messages.push(trace));
  let faults = 0;
  const elapsedMs = () => runtime.clock.now() - START_MS;
  return {
    runtime,
    group,
    config: group.config,
    changes,
    consensus,
    messages,
    elapsedMs,
    advance: (ms) => {
      runtime.clock.advance(ms);
    },
    runUntil(done, limitMs, stepMs = 100) {
      const endMs = elapsedMs() + limitMs;
      for (;;) {
        if (done()) return elapsedMs();
        if (elapsedMs() >= endMs) return undefined;
        runtime.clock.advance(Math.min(stepMs, endMs - elapsedMs()));
      }
    },
    belief: (observerId, subjectId) => beliefOf(group, observerId, subjectId)?.state,
    incarnationSeenBy: (observerId, subjectId) => beliefOf(group, observerId, subjectId)?.incarnation ?? undefined,
    running: () => group.members().filter((member) => ['joining', 'active', 'leaving', 'join-failed'].includes(member.lifecycle)).map((member) => member.memberId),
    inject(spec) {
      faults += 1;
      const id = `fault-${faults}`;
      runtime.faults.inject(spec, id, runtime.clock.now());
      return id;
    },
    heal(faultId) {
      runtime.faults.heal(faultId);
    },
    transcript: (from = 0) => changes.slice(from).map(describeChange),
  };
}

function beliefOf(group: SwimGroup, observerId: string, subjectId: string): { state: MemberState; incarnation: number } | undefined {
  const state = group.memberState(subjectId);
  if (observerId === subjectId) return { state: state.self.state, incarnation: state.self.incarnation };
  const belief = state.observers.find((observer) => observer.observerId === observerId);
  if (belief === undefined || belief.state === null || belief.incarnation === null) return undefined;
  return { state: belief.state, incarnation: belief.incarnation };
}

/** e.g. `+3000 node-2: node-5 alive->suspect inc=0 (probe)`. */
export function describeChange(change: MembershipChange): string {
  return `+${change.atMs - START_MS} ${change.observerId}: ${change.memberId} ${change.previousState ?? '-'}->${change.state ?? '-'} inc=${change.incarnation} (${change.source})`;
}

/** Every pair (observer, subject) of running members where the observer does not hold the subject alive at its own incarnation. */
export function disagreements(harness: SwimHarness, among: readonly string[] = harness.running()): string[] {
  const problems: string[] = [];
  for (const subject of among) {
    const state = harness.group.memberState(subject);
    for (const observer of state.observers) {
      if (!among.includes(observer.observerId)) continue;
      if (observer.state !== 'alive' || observer.incarnation !== state.self.incarnation) {
        problems.push(`${observer.observerId} holds ${subject} ${observer.state ?? 'unknown'}@${observer.incarnation ?? '-'} (self ${state.self.incarnation})`);
      }
    }
  }
  return problems;
}
