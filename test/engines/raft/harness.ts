/**
 * A Raft test harness in the spirit of MIT 6.5840's config.go, on virtual time: servers can be
 * disconnected (a partition fault isolating each of them), crashed and restarted from their
 * disks, and the network made unreliable (loss and reordering). Every Ready the group processes
 * goes through the InvariantChecker, so a scenario fails at the step that breaks a rule.
 *
 * Timing mirrors the lab: ticks of 10 ms, heartbeats every 100 ms, election timeouts drawn in
 * [300, 600) ms, and the lab's RaftElectionTimeout of 1 s for the scenario sleeps.
 */
import { expect } from 'vitest';
import { SeededRng, SimulationRuntime, type LinkDefaults } from '../../../src/engines/runtime/index.js';
import {
  DomainError,
} from '../../../src/engines/runtime/domain-error.js';
import {
  RaftGroup,
  type DiskChange,
  type Entry,
  type RaftGroupOptions,
  type RaftNodeSettings,
  type RaftStateMachine,
  type Snapshot,
} from '../../../src/engines/raft/index.js';
import { InvariantChecker } from './invariants.js';

export const START_MS = Date.UTC(2030, 0, 1);
/** The lab's RaftElectionTimeout: scenarios sleep in multiples of it. */
export const ELECTION_TIMEOUT_MS = 1000;
export const TICK_MS = 10;
export const LAB_NODE_SETTINGS: RaftNodeSettings = Object.freeze({ electionTimeoutTicks: 30, heartbeatIntervalTicks: 10 });
/** Reliable links: 1 ms + 0..1 ms, like the platform. */
export const RELIABLE_LINK: LinkDefaults = Object.freeze({ latencyMs: 1, jitterMs: 1 });
/** Unreliable: short random delays (the lab's 0..27 ms) and 10% loss. */
const UNRELIABLE_JITTER_MS = 27;
const UNRELIABLE_LOSS_RATE = 0.1;
/** Long reordering: delays spread over 0..400 ms, so messages routinely overtake each other by several heartbeats. */
const LONG_REORDERING_JITTER_MS = 400;

const PARTITION_FAULT = 'harness-disconnect';
const LOSS_FAULT = 'harness-loss';

/** The harness's replicated state: every command by index, like the lab's cfg.logs[i]. */
export class CommandLog implements RaftStateMachine {
  readonly commands = new Map<number, string>();
  lastIndex = 0;

  apply(entry: Entry): void {
    if (entry.index !== this.lastIndex + 1) throw new Error(`apply out of order: ${entry.index} after ${this.lastIndex}`);
    this.lastIndex = entry.index;
    if (entry.type === 'normal') this.commands.set(entry.index, entry.command);
  }

  restore(snapshot: Snapshot): void {
    const parsed = JSON.parse(snapshot.data) as { lastIndex: number; commands: [number, string][] };
    this.commands.clear();
    for (const [index, command] of parsed.commands) this.commands.set(index, command);
    this.lastIndex = parsed.lastIndex;
    if (this.lastIndex !== snapshot.metadata.index) throw new Error(`snapshot data at ${this.lastIndex} but metadata at ${snapshot.metadata.index}`);
  }

  snapshot(): string {
    return JSON.stringify({ lastIndex: this.lastIndex, commands: [...this.commands] });
  }
}

/** A client started with {@link RaftHarness.oneInBackground}. */
export interface BackgroundJob {
  done: boolean;
  failure: string | undefined;
}

export interface HarnessOptions {
  servers: number;
  seed: number;
  unreliable?: boolean;
  node?: RaftNodeSettings;
  /** Auto-snapshot threshold; default 0 (off), as in the lab's 3A-3C. */
  snapshotThresholdEntries?: number;
  /** Replay command printed with any failure. */
  replay?: string;
  group?: Partial<RaftGroupOptions>;
}

export class RaftHarness {
  readonly runtime: SimulationRuntime;
  readonly group: RaftGroup;
  readonly checker: InvariantChecker;
  readonly ids: string[];
  readonly rng: SeededRng;
  /** Latest state machine of each node (kept while the node is down, like the lab). */
  readonly machines = new Map<string, CommandLog>();
  /** Every disk change reported by the group, in order. */
  readonly diskChanges: { nodeId: string; change: DiskChange }[] = [];
  private readonly connected = new Map<string, boolean>();
  private unreliable = false;
  private longReordering = false;
  private readonly replay: string;

  constructor(options: HarnessOptions) {
    this.replay = options.replay ?? '';
    this.runtime = new SimulationRuntime({ seed: options.seed, startMs: START_MS, linkDefaults: RELIABLE_LINK });
    this.rng = new SeededRng(options.seed).fork('harness');
    this.ids = Array.from({ length: options.servers }, (_, index) => `s${index}`);
    for (const id of this.ids) this.connected.set(id, true);
    this.checker = new InvariantChecker(() => this.context());
    this.group = new RaftGroup({
      runtime: this.runtime,
      nodeIds: this.ids,
      tickIntervalMs: TICK_MS,
      node: options.node ?? LAB_NODE_SETTINGS,
      snapshotThresholdEntries: options.snapshotThresholdEntries ?? 0,
      createStateMachine: (nodeId) => {
        const machine = new CommandLog();
        this.machines.set(nodeId, machine);
        return machine;
      },
      onDiskChange: (nodeId, change) => {
        this.diskChanges.push({ nodeId, change });
        this.checker.onDiskChange(nodeId, change);
      },
      observer: this.checker.observer,
      ...options.group,
    });
    this.checker.attach(this.group);
    if (options.unreliable === true) this.setUnreliable(true);
  }

  // ------------------------------------------------------------ time

  advance(ms: number): void {
    this.runtime.clock.advance(ms);
  }

  elapsedMs(): number {
    return this.runtime.clock.now() - START_MS;
  }

  /** Advances in `stepMs` steps until `done()` or `timeoutMs`; returns whether it got done. */
  waitFor(done: () => boolean, timeoutMs: number, stepMs = 10): boolean {
    const deadline = this.elapsedMs() + timeoutMs;
    while (!done()) {
      if (this.elapsedMs() >= deadline) return false;
      this.advance(stepMs);
    }
    return true;
  }

  // ------------------------------------------------------------ connectivity

  isConnected(id: string): boolean {
    return this.connected.get(id) ?? true;
  }

  /** The initial servers plus any added since (removed ones stay listed: their applied state still counts). */
  allIds(): string[] {
    return [...new Set([...this.ids, ...this.group.nodeIds(), ...this.machines.keys()])];
  }

  disconnect(id: string): void {
    this.connected.set(id, false);
    this.applyPartition();
  }

  connect(id: string): void {
    this.connected.set(id, true);
    this.applyPartition();
  }

  /** Crashes a server: disconnected and its volatile state lost (lab: crash1). */
  crash(id: string): void {
    this.disconnect(id);
    this.group.crash(id);
  }

  /** Restarts a crashed server from its disk; still disconnected until connect() (lab: start1). */
  start(id: string): void {
    this.group.restart(id);
  }

  /** False for a crashed node, and for one removed from the group. */
  isRunning(id: string): boolean {
    return this.group.nodeIds().includes(id) && this.group.isRunning(id);
  }

  setUnreliable(unreliable: boolean): void {
    this.unreliable = unreliable;
    if (unreliable) {
      if (!this.runtime.faults.list().some((fault) => fault.id === LOSS_FAULT)) {
        this.runtime.faults.inject({ type: 'loss', nodes: this.ids, rate: UNRELIABLE_LOSS_RATE }, LOSS_FAULT, this.runtime.clock.now());
      }
    } else {
      this.runtime.faults.heal(LOSS_FAULT);
    }
    this.applyLinks();
  }

  setLongReordering(longReordering: boolean): void {
    this.longReordering = longReordering;
    this.applyLinks();
  }

  /** Messages sent on the Raft network so far (the lab counts RPCs; we count both directions). */
  messagesSent(): number {
    return this.runtime.network('raft').stats().sent;
  }

  // ------------------------------------------------------------ checks (lab names)

  /** One leader among the connected servers, waiting for an election if needed (lab: checkOneLeader). */
  checkOneLeader(): string {
    for (let iteration = 0; iteration < 10; iteration += 1) {
      this.advance(this.rng.int(450, 550));
      const leadersByTerm = new Map<number, string[]>();
      for (const id of this.allIds()) {
        if (!this.isConnected(id) || !this.isRunning(id)) continue;
        const live = this.group.roleOf(id);
        if (live?.role !== 'LEADER') continue;
        leadersByTerm.set(live.term, [...(leadersByTerm.get(live.term) ?? []), id]);
      }
      let lastTermWithLeader = -1;
      for (const [term, leaders] of leadersByTerm) {
        if (leaders.length > 1) this.fail(`term ${term} has ${leaders.length} (>1) leaders: ${leaders.join(', ')}`);
        lastTermWithLeader = Math.max(lastTermWithLeader, term);
      }
      const leaders = leadersByTerm.get(lastTermWithLeader);
      if (leaders !== undefined && leaders[0] !== undefined) return leaders[0];
    }
    return this.fail('expected one leader, got none');
  }

  /** All connected servers agree on the term (lab: checkTerms). */
  checkTerms(): number {
    let term = -1;
    for (const id of this.allIds()) {
      if (!this.isConnected(id) || !this.isRunning(id)) continue;
      const serverTerm = this.group.roleOf(id)?.term ?? -1;
      if (term === -1) term = serverTerm;
      else if (term !== serverTerm) this.fail(`servers disagree on term: ${term} vs ${serverTerm} (${id})`);
    }
    return term;
  }

  /** No connected server thinks it leads (lab: checkNoLeader). */
  checkNoLeader(): void {
    for (const id of this.allIds()) {
      if (this.isConnected(id) && this.isRunning(id) && this.group.roleOf(id)?.role === 'LEADER') {
        this.fail(`expected no leader among connected servers, but ${id} claims to be leader`);
      }
    }
  }

  /** How many servers have applied `index`, and what (lab: nCommitted). */
  nCommitted(index: number): { count: number; command: string | undefined } {
    let count = 0;
    let command: string | undefined;
    for (const id of this.allIds()) {
      const applied = this.machines.get(id)?.commands.get(index);
      if (applied === undefined) continue;
      if (count > 0 && applied !== command) this.fail(`committed values do not match: index ${index}, ${String(command)}, ${applied}`);
      count += 1;
      command = applied;
    }
    return { count, command };
  }

  /** Submits on a server, like the lab's Start: `isLeader` false when the server is not the leader. */
  startCommand(id: string, command: string): { index: number; term: number; isLeader: boolean } {
    if (!this.isRunning(id)) return { index: -1, term: -1, isLeader: false };
    try {
      const result = this.group.proposeTo(id, { command });
      return { index: result.index, term: result.term, isLeader: true };
    } catch (error) {
      if (error instanceof DomainError) return { index: -1, term: this.group.roleOf(id)?.term ?? -1, isLeader: false };
      throw error;
    }
  }

  /**
   * Agreement on one command by at least `expectedServers` (lab: one): tries each server until
   * one leads, waits up to 2 s for the commit, and retries for up to 10 s when `retry`.
   */
  one(command: string, expectedServers: number, retry: boolean): number {
    const startedMs = this.elapsedMs();
    let starts = 0;
    while (this.elapsedMs() - startedMs < 10_000) {
      let index = -1;
      const ids = this.allIds();
      for (let attempt = 0; attempt < ids.length; attempt += 1) {
        starts = (starts + 1) % ids.length;
        const id = ids[starts] as string;
        if (!this.isConnected(id)) continue;
        const started = this.startCommand(id, command);
        if (started.isLeader) {
          index = started.index;
          break;
        }
      }
      if (index !== -1) {
        const submittedMs = this.elapsedMs();
        while (this.elapsedMs() - submittedMs < 2_000) {
          const { count, command: applied } = this.nCommitted(index);
          if (count > 0 && count >= expectedServers && applied === command) return index;
          this.advance(20);
        }
        if (!retry) this.fail(`one(${command}) failed to reach agreement`);
      } else {
        this.advance(50);
      }
    }
    return this.fail(`one(${command}) failed to reach agreement`);
  }

  /**
   * The lab's `go cfg.one(...)`: the same retry logic, run as timers on the virtual clock so that
   * several clients proceed while the scenario advances time.
   */
  oneInBackground(command: string, expectedServers: number): BackgroundJob {
    const job: BackgroundJob = { done: false, failure: undefined };
    const clock = this.runtime.clock;
    const startedMs = this.elapsedMs();
    let starts = 0;
    const submit = (): void => {
      if (this.elapsedMs() - startedMs >= 10_000) {
        job.failure = `one(${command}) failed to reach agreement`;
        return;
      }
      let index = -1;
      const ids = this.allIds();
      for (let attempt = 0; attempt < ids.length && index === -1; attempt += 1) {
        starts = (starts + 1) % ids.length;
        const id = ids[starts] as string;
        if (!this.isConnected(id)) continue;
        const started = this.startCommand(id, command);
        if (started.isLeader) index = started.index;
      }
      if (index === -1) {
        clock.after(50, submit);
        return;
      }
      const submittedMs = this.elapsedMs();
      const poll = (): void => {
        const { count, command: applied } = this.nCommitted(index);
        if (count > 0 && count >= expectedServers && applied === command) {
          job.done = true;
          return;
        }
        if (this.elapsedMs() - submittedMs >= 2_000) submit();
        else clock.after(20, poll);
      };
      poll();
    };
    clock.after(0, submit);
    return job;
  }

  /** Crash-and-restart from disk (the lab's start1 on a live server); left disconnected. */
  reboot(id: string): void {
    if (this.isRunning(id)) this.crash(id);
    else this.disconnect(id);
    this.start(id);
  }

  /** Waits for `index` to be applied by `servers` servers, giving up if a server moves past `startTerm` (lab: wait). */
  wait(index: number, servers: number, startTerm: number): string | undefined {
    let pauseMs = 10;
    for (let iteration = 0; iteration < 30; iteration += 1) {
      const { count } = this.nCommitted(index);
      if (count >= servers) break;
      this.advance(pauseMs);
      if (pauseMs < 1000) pauseMs *= 2;
      if (startTerm > -1 && this.allIds().some((id) => this.isRunning(id) && (this.group.roleOf(id)?.term ?? -1) > startTerm)) return undefined;
    }
    const { count, command } = this.nCommitted(index);
    if (count < servers) this.fail(`only ${count} decided for index ${index}; wanted ${servers}`);
    return command;
  }

  /** Retained log size of a server (lab: the persisted state size check of 3D). */
  logSize(id: string): number {
    return this.group.status(id).disk.entryCount;
  }

  /** Final checks: the disk-change events rebuild every disk. */
  end(): void {
    this.checker.verifyMirrors();
    this.group.close();
  }

  fail(problem: string): never {
    return expect.fail(`${problem}\n${this.context()}`);
  }

  // ------------------------------------------------------------ internals

  private context(): string {
    const lines = [`  at +${this.elapsedMs()} ms virtual`];
    if (this.replay !== '') lines.push(`  replay: ${this.replay}`);
    for (const id of this.allIds()) {
      if (!this.group.nodeIds().includes(id)) continue;
      const status = this.group.status(id);
      const raft = status.raft;
      lines.push(
        `  ${id} ${this.isConnected(id) ? 'connected' : 'disconnected'} ${status.running ? 'running' : 'crashed'}` +
          (raft === null ? '' : ` ${raft.role} t${raft.currentTerm} commit=${raft.commitIndex} last=${raft.lastIndex}/t${raft.lastLogTerm} leader=${String(raft.leaderId)}`),
      );
    }
    return lines.join('\n');
  }

  /** Every disconnected server alone on its side of one partition fault. */
  private applyPartition(): void {
    const faults = this.runtime.faults;
    faults.heal(PARTITION_FAULT);
    const ids = this.allIds();
    const isolated = ids.filter((id) => !this.isConnected(id));
    if (isolated.length === 0) return;
    const connectedIds = ids.filter((id) => this.isConnected(id));
    const groups = [...(connectedIds.length > 0 ? [connectedIds] : []), ...isolated.map((id) => [id])];
    if (groups.length < 2) return;
    faults.inject({ type: 'partition', groups }, PARTITION_FAULT, this.runtime.clock.now());
  }

  private applyLinks(): void {
    const network = this.runtime.network('raft');
    const jitterMs = this.longReordering ? LONG_REORDERING_JITTER_MS : this.unreliable ? UNRELIABLE_JITTER_MS : RELIABLE_LINK.jitterMs;
    for (const from of this.ids) {
      for (const to of this.ids) if (from !== to) network.setLink(from, to, { latencyMs: RELIABLE_LINK.latencyMs, jitterMs });
    }
  }
}
