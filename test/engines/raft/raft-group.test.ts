/**
 * RaftGroup features beyond the lab: PreVote, CheckQuorum, leadership transfer, RequestVote from
 * outside, crash faults from the runtime, the persistence listener and a restart from saved
 * disks, and the reads and errors the API layer relies on.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { SimulationRuntime } from '../../../src/engines/runtime/index.js';
import {
  DigestStateMachine,
  NotLeaderError,
  RaftGroup,
  type DurableState,
  type LeaderChange,
} from '../../../src/engines/raft/index.js';
import { CommandLog, ELECTION_TIMEOUT_MS, LAB_NODE_SETTINGS, RaftHarness, START_MS } from './harness.js';

function domainError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function followersOf(cfg: RaftHarness, leader: string): string[] {
  return cfg.ids.filter((id) => id !== leader);
}

describe('PreVote', () => {
  it('a partitioned node that rejoins does not disturb a stable leader', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 501 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const term = cfg.group.roleOf(leader)?.term;
    const wanderer = followersOf(cfg, leader)[0] as string;
    cfg.disconnect(wanderer);
    cfg.advance(5 * ELECTION_TIMEOUT_MS);
    // It campaigned the whole time, without raising its term.
    expect(cfg.group.roleOf(wanderer)).toMatchObject({ role: 'PRE_CANDIDATE', term });
    cfg.connect(wanderer);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    expect(cfg.group.currentLeader()).toMatchObject({ leaderId: leader, term });
    expect(cfg.group.roleOf(wanderer)).toMatchObject({ role: 'FOLLOWER', term, leaderId: leader });
    cfg.end();
  });

  it('without PreVote (nor CheckQuorum) the same rejoin forces a new election', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 502, node: { ...LAB_NODE_SETTINGS, preVote: false, checkQuorum: false } });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const term = cfg.group.roleOf(leader)?.term ?? 0;
    const wanderer = followersOf(cfg, leader)[0] as string;
    cfg.disconnect(wanderer);
    cfg.advance(5 * ELECTION_TIMEOUT_MS);
    expect(cfg.group.roleOf(wanderer)?.term).toBeGreaterThan(term + 3);
    cfg.connect(wanderer);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    expect(cfg.group.currentLeader()?.term).toBeGreaterThan(term);
    cfg.end();
  });
});

describe('CheckQuorum', () => {
  it('a leader cut off in a minority steps down within two election timeouts; the majority elects another', () => {
    const cfg = new RaftHarness({ servers: 5, seed: 503 });
    cfg.one('first', 5, true);
    const leader = cfg.checkOneLeader();
    const minority = [leader, followersOf(cfg, leader)[0] as string];
    const majority = cfg.ids.filter((id) => !minority.includes(id));
    cfg.runtime.faults.inject({ type: 'partition', groups: [minority, majority] }, 'split', cfg.runtime.clock.now());
    const cutAtMs = cfg.elapsedMs();
    expect(cfg.waitFor(() => cfg.group.roleOf(leader)?.role !== 'LEADER', 2 * ELECTION_TIMEOUT_MS)).toBe(true);
    // Election timeout 300 ms: the quorum check runs every 300 ms, so it notices within 600 ms.
    expect(cfg.elapsedMs() - cutAtMs).toBeLessThanOrEqual(600 + 10);
    cfg.advance(ELECTION_TIMEOUT_MS);
    const newLeader = cfg.group.currentLeader();
    expect(majority).toContain(newLeader?.leaderId);
    cfg.runtime.faults.heal('split');
    cfg.one('healed', 5, true);
    cfg.end();
  });

  it('without CheckQuorum the cut-off leader keeps believing it leads', () => {
    const cfg = new RaftHarness({ servers: 5, seed: 504, node: { ...LAB_NODE_SETTINGS, checkQuorum: false } });
    cfg.one('first', 5, true);
    const leader = cfg.checkOneLeader();
    const minority = [leader, followersOf(cfg, leader)[0] as string];
    cfg.runtime.faults.inject({ type: 'partition', groups: [minority, cfg.ids.filter((id) => !minority.includes(id))] }, 'split', cfg.runtime.clock.now());
    cfg.advance(5 * ELECTION_TIMEOUT_MS);
    expect(cfg.group.roleOf(leader)?.role).toBe('LEADER');
    cfg.end();
  });
});

describe('leadership transfer', () => {
  it('to a target: the target leads the next term within a few round trips', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 505 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const term = cfg.group.roleOf(leader)?.term ?? 0;
    const target = followersOf(cfg, leader)[1] as string;
    const changes: LeaderChange[] = [];
    cfg.group.observe({ onLeaderChange: (change) => changes.push(change) });
    const startedMs = cfg.runtime.clock.now();
    expect(cfg.group.transferLeadership(target)).toEqual({ transfereeId: target, started: true, leaderId: leader });
    // Proposals wait while the transfer runs.
    expect(domainError(() => cfg.group.propose({ command: 'during' })).details).toMatchObject({ reason: 'LEADER_TRANSFER_IN_PROGRESS' });
    cfg.advance(50);
    expect(cfg.group.currentLeader()).toMatchObject({ leaderId: target, term: term + 1 });
    const elected = changes.find((change) => change.leaderId === target);
    expect((elected?.atMs ?? Infinity) - startedMs).toBeLessThan(20);
    cfg.one('after', 3, true);
    cfg.end();
  });

  it('without a target: to the voter with the most of the log', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 506 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const [lagging, upToDate] = followersOf(cfg, leader) as [string, string];
    cfg.disconnect(lagging);
    cfg.one('second', 2, true);
    cfg.connect(lagging);
    // Transfer at once, before the lagging node catches up.
    expect(cfg.group.transferLeadership().transfereeId).toBe(upToDate);
    cfg.advance(100);
    expect(cfg.group.currentLeader()?.leaderId).toBe(upToDate);
    cfg.end();
  });

  it('aborted when the target is unreachable: the leader stays and takes proposals again', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 507 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const term = cfg.group.roleOf(leader)?.term;
    const target = followersOf(cfg, leader)[0] as string;
    cfg.disconnect(target);
    cfg.one('target-behind', 2, true);
    cfg.group.transferLeadership(target);
    expect(cfg.group.leaderStatus()?.leadTransferee).toBe(target);
    cfg.advance(ELECTION_TIMEOUT_MS / 2);
    expect(cfg.group.leaderStatus()?.leadTransferee).toBe(null);
    expect(cfg.group.currentLeader()).toMatchObject({ leaderId: leader, term });
    cfg.one('after-abort', 2, true);
    cfg.connect(target);
    cfg.end();
  });
});

describe('RequestVote from outside (POST raft/vote)', () => {
  it('answers by the Raft rules: stale terms, the leader lease, the up-to-date check, and persists the vote first', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 508 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const voter = followersOf(cfg, leader)[0] as string;
    const term = cfg.group.roleOf(voter)?.term ?? 0;
    const status = cfg.group.status(voter).raft;
    const upToDate = { lastLogIndex: status?.lastIndex ?? 0, lastLogTerm: status?.lastLogTerm ?? 0 };
    // A stale term: refused, with the voter's term.
    expect(cfg.group.requestVote(voter, { candidateId: 'outsider', term: term - 1, ...upToDate })).toEqual({ term, voteGranted: false, reason: 'STALE_TERM' });
    // A higher term while the voter hears from its leader: ignored under the lease.
    expect(cfg.group.requestVote(voter, { candidateId: 'outsider', term: term + 1, ...upToDate })).toEqual({ term, voteGranted: false, reason: 'LEADER_ACTIVE' });
    // The same term as the leader's: the voter has a leader in this term (it voted for it, here).
    expect(cfg.group.requestVote(voter, { candidateId: 'outsider', term, ...upToDate }).reason).toMatch(/ALREADY_VOTED|LEADER_ACTIVE/);
    // Leave the voter alone, leaderless: no lease any more.
    for (const id of followersOf(cfg, voter)) cfg.crash(id);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    const now = cfg.group.roleOf(voter)?.term ?? 0;
    // A pre-vote is granted but changes nothing.
    expect(cfg.group.requestVote(voter, { candidateId: 'outsider', term: now + 1, ...upToDate, preVote: true })).toEqual({ term: now + 1, voteGranted: true, reason: 'GRANTED' });
    expect(cfg.group.roleOf(voter)?.term).toBe(now);
    // A stale log: refused, though the term moves up.
    expect(cfg.group.requestVote(voter, { candidateId: 'outsider', term: now + 5, lastLogIndex: 1, lastLogTerm: 1 })).toEqual({
      term: now + 5,
      voteGranted: false,
      reason: 'LOG_NOT_UP_TO_DATE',
    });
    // Up to date: granted, and on disk before the answer was returned.
    expect(cfg.group.requestVote(voter, { candidateId: 'outsider', term: now + 6, ...upToDate })).toEqual({ term: now + 6, voteGranted: true, reason: 'GRANTED' });
    expect(cfg.group.status(voter).disk.hardState).toMatchObject({ term: now + 6, vote: 'outsider' });
    // Once per term.
    expect(cfg.group.requestVote(voter, { candidateId: 'another', term: now + 6, ...upToDate })).toMatchObject({ voteGranted: false, reason: 'ALREADY_VOTED' });
    expect(domainError(() => cfg.group.requestVote(voter, { candidateId: voter, term: 1, lastLogIndex: 0, lastLogTerm: 0 })).code).toBe('UNPROCESSABLE');
    cfg.end();
  });
});

describe('a campaign delivered from outside (POST raft/vote without a voter)', () => {
  it('moves the candidate to the term, asks every other voter, and a quorum of grants makes it leader', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 511 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    // Without CheckQuorum no lease keeps the followers from voting while their leader lives.
    cfg.group.updateSettings({ checkQuorum: false });
    const candidate = followersOf(cfg, leader)[0] as string;
    const status = cfg.group.status(candidate).raft;
    const term = (status?.currentTerm ?? 0) + 1;
    const position = { lastLogIndex: status?.lastIndex ?? 0, lastLogTerm: status?.lastLogTerm ?? 0 };
    // Votes won on a log the candidate does not hold could elect a leader missing committed entries.
    expect(domainError(() => cfg.group.campaignWithVotes(candidate, { term, ...position, lastLogIndex: position.lastLogIndex + 1 })).code).toBe('UNPROCESSABLE');
    expect(cfg.group.roleOf(candidate)?.term).toBe(term - 1);

    const outcome = cfg.group.campaignWithVotes(candidate, { term, ...position });
    expect(outcome.won).toBe(true);
    expect(outcome.answers).toEqual(followersOf(cfg, candidate).sort().map((voterId) => ({ voterId, answer: { term, voteGranted: true, reason: 'GRANTED' } })));
    expect(cfg.group.roleOf(candidate)).toMatchObject({ role: 'LEADER', term });
    expect(cfg.group.status(candidate).disk.hardState).toMatchObject({ term, vote: candidate });
    // A candidate campaigns only for a term it has not seen, and a leader not at all.
    expect(domainError(() => cfg.group.campaignWithVotes(leader, { term, ...position })).details).toMatchObject({ reason: 'STALE_TERM' });
    expect(domainError(() => cfg.group.campaignWithVotes(candidate, { term: term + 1, ...position })).details).toMatchObject({ reason: 'ALREADY_LEADER' });
    cfg.one('after the campaign', 3, true);
    cfg.end();
  });

  it('does not ask an unreachable voter; without a quorum the candidate stays a candidate and the cluster recovers', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 512 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const candidate = followersOf(cfg, leader)[0] as string;
    for (const id of followersOf(cfg, candidate)) cfg.crash(id);
    const status = cfg.group.status(candidate).raft;
    const term = (status?.currentTerm ?? 0) + 1;
    const outcome = cfg.group.campaignWithVotes(candidate, { term, lastLogIndex: status?.lastIndex ?? 0, lastLogTerm: status?.lastLogTerm ?? 0 });
    expect(outcome).toEqual({ won: false, answers: followersOf(cfg, candidate).sort().map((voterId) => ({ voterId, answer: null })) });
    expect(cfg.group.roleOf(candidate)).toMatchObject({ role: 'CANDIDATE', term });
    expect(cfg.group.canExchange(candidate, leader)).toBe(false);
    for (const id of followersOf(cfg, candidate)) {
      cfg.start(id);
      cfg.connect(id);
    }
    cfg.one('after the failed campaign', 3, true);
    cfg.end();
  });
});

describe('crash faults from the runtime', () => {
  it('a crash fault crashes the node; healing restarts it from disk; failover is observable', () => {
    const cfg = new RaftHarness({ servers: 5, seed: 509 });
    cfg.one('first', 5, true);
    const leader = cfg.checkOneLeader();
    const changes: LeaderChange[] = [];
    cfg.group.observe({ onLeaderChange: (change) => changes.push(change) });
    const crashedAtMs = cfg.runtime.clock.now();
    cfg.runtime.faults.inject({ type: 'crash', nodes: [leader] }, 'kill-leader', crashedAtMs);
    expect(cfg.group.status(leader).running).toBe(false);
    expect(changes[0]).toMatchObject({ leaderId: null, previousLeaderId: leader, atMs: crashedAtMs });
    expect(domainError(() => cfg.group.restart(leader)).code).toBe('CONFLICT');
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    const elected = changes.find((change) => change.leaderId !== null);
    expect(elected).toBeDefined();
    // Failover: election timeout (300-600 ms) plus a pre-vote and a vote round.
    expect((elected?.atMs ?? Infinity) - crashedAtMs).toBeLessThan(1_000);
    const index = cfg.one('during-crash', 4, true);
    cfg.runtime.faults.heal('kill-leader');
    expect(cfg.group.status(leader)).toMatchObject({ running: true, incarnation: 2 });
    cfg.advance(ELECTION_TIMEOUT_MS);
    expect(cfg.machines.get(leader)?.commands.get(index)).toBe('during-crash');
    cfg.end();
  });
});

describe('persistence and restart from saved disks', () => {
  it('every durable change is reported, and a server restart rebuilds the group from the disks', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 510, snapshotThresholdEntries: 8 });
    for (let command = 0; command < 20; command += 1) cfg.one(`c${command}`, 3, true);
    const types = new Set(cfg.diskChanges.map(({ change }) => change.type));
    for (const type of ['hardStateChanged', 'entriesAppended', 'logCompacted'] as const) expect(types.has(type)).toBe(true);
    // The change stream rebuilds each disk exactly (checked against the disks themselves).
    cfg.checker.verifyMirrors();
    const saved = JSON.parse(JSON.stringify(cfg.group.saveDisks())) as Record<string, DurableState>;
    const before = cfg.group.statuses().map((status) => [status.nodeId, status.raft?.commitIndex]);
    const commandsBefore = [...(cfg.machines.get('s0')?.commands.values() ?? [])];
    cfg.group.close();

    // A new process: new runtime, new group, the same disks.
    const runtime = new SimulationRuntime({ seed: 99, startMs: START_MS });
    const machines = new Map<string, CommandLog>();
    const restarted = new RaftGroup({
      runtime,
      disks: saved,
      tickIntervalMs: 10,
      node: LAB_NODE_SETTINGS,
      createStateMachine: (nodeId) => {
        const machine = new CommandLog();
        machines.set(nodeId, machine);
        return machine;
      },
    });
    expect(restarted.nodeIds()).toEqual(['s0', 's1', 's2']);
    // Committed state survives the restart and is re-applied before any election.
    expect(restarted.statuses().map((status) => [status.nodeId, status.raft?.commitIndex])).toEqual(before);
    runtime.clock.advance(2 * ELECTION_TIMEOUT_MS);
    const leader = restarted.currentLeader();
    expect(leader).not.toBeNull();
    const { index, term } = restarted.propose({ command: 'after-restart' });
    runtime.clock.advance(100);
    expect(restarted.entryOutcome(index, term)).toBe('COMMITTED');
    for (const machine of machines.values()) expect([...machine.commands.values()]).toEqual([...commandsBefore, 'after-restart']);
    restarted.close();
  });
});

describe('reads and errors for the API', () => {
  it('status, log pages, proposal outcomes and typed errors', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 511 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const follower = followersOf(cfg, leader)[0] as string;
    const proposal = cfg.group.propose({ command: 'SET k v', clientId: 'client-7', requestId: 42, timestampMs: START_MS + 5 });
    expect(proposal.leaderId).toBe(leader);
    expect(cfg.group.entryOutcome(proposal.index, proposal.term)).toBe('PENDING');
    cfg.advance(50);
    expect(cfg.group.entryOutcome(proposal.index, proposal.term)).toBe('COMMITTED');
    expect(cfg.group.entryOutcome(proposal.index, proposal.term + 1)).toBe('LOST');
    expect(cfg.group.entryOutcome(proposal.index + 100, proposal.term)).toBe('PENDING');

    const page = cfg.group.readEntries(follower, { offset: 1, limit: 2 });
    expect(page).toMatchObject({ nodeId: follower, total: 4, firstIndex: 1, lastIndex: 4, snapshotIndex: 0 });
    expect(page.entries.map((entry) => entry.index)).toEqual([2, 3]);
    expect(cfg.group.readEntries(follower, { offset: 3 }).entries[0]).toEqual({
      index: 4,
      term: proposal.term,
      type: 'normal',
      command: 'SET k v',
      clientId: 'client-7',
      requestId: 42,
      timestampMs: START_MS + 5,
    });
    expect(domainError(() => cfg.group.readEntries(follower, { limit: 1001 })).code).toBe('UNPROCESSABLE');

    const status = cfg.group.leaderStatus();
    expect(status).toMatchObject({ id: leader, role: 'LEADER', state: 'LEADER', commitIndex: 4, lastApplied: 4, logSize: 4, lastIndex: 4 });
    expect(status?.progress?.map((progress) => [progress.nodeId, progress.matchIndex, progress.state, progress.recentActive])).toEqual(
      cfg.ids.map((id) => [id, 4, 'REPLICATE', true]),
    );
    expect(cfg.group.status(follower).raft).toMatchObject({ state: 'FOLLOWER', leaderId: leader, progress: null });

    const notLeader = domainError(() => cfg.group.proposeTo(follower, { command: 'x' }));
    expect(notLeader).toBeInstanceOf(NotLeaderError);
    expect(notLeader.details).toMatchObject({ leaderId: leader });
    cfg.crash(follower);
    expect(domainError(() => cfg.group.proposeTo(follower, { command: 'x' })).details).toMatchObject({ reason: 'NODE_DOWN' });
    expect(cfg.group.status(follower)).toMatchObject({ running: false, raft: null, disk: { lastIndex: 4 } });
    // The crashed node's log is still readable from its disk.
    expect(cfg.group.readEntries(follower).total).toBe(4);
    for (const id of cfg.ids) if (cfg.isRunning(id)) cfg.crash(id);
    expect(cfg.group.currentLeader()).toBeNull();
    expect(domainError(() => cfg.group.propose({ command: 'x' })).details).toMatchObject({ reason: 'NO_LEADER', leaderId: null });
    cfg.end();
  });

  it('rejects bad group options, listing the problems', () => {
    const runtime = new SimulationRuntime({ seed: 1, startMs: START_MS });
    expect(domainError(() => new RaftGroup({ runtime, nodeIds: ['a', 'a'] })).details?.problems).toEqual(['node ids must be distinct']);
    expect(domainError(() => new RaftGroup({ runtime, nodeIds: [] })).code).toBe('UNPROCESSABLE');
    expect(domainError(() => new RaftGroup({ runtime, nodeIds: ['a'], node: { electionTimeoutTicks: 2, heartbeatIntervalTicks: 5 } })).code).toBe('UNPROCESSABLE');
    expect(domainError(() => new RaftGroup({ runtime, nodeIds: ['a'], tickIntervalMs: 0 })).code).toBe('UNPROCESSABLE');
  });
});

describe('the default state machine', () => {
  it('digests the command history: equal digests on every node, restored from snapshots', () => {
    const runtime = new SimulationRuntime({ seed: 7, startMs: START_MS });
    const machines = new Map<string, DigestStateMachine>();
    const group = new RaftGroup({
      runtime,
      nodeIds: ['a', 'b', 'c'],
      node: LAB_NODE_SETTINGS,
      snapshotThresholdEntries: 5,
      createStateMachine: (nodeId) => {
        const machine = new DigestStateMachine();
        machines.set(nodeId, machine);
        return machine;
      },
    });
    runtime.clock.advance(2 * ELECTION_TIMEOUT_MS);
    for (let command = 0; command < 12; command += 1) {
      group.propose({ command: `c${command}` });
      runtime.clock.advance(20);
    }
    runtime.clock.advance(200);
    group.crash('b');
    group.restart('b');
    const states = [...machines.values()].map((machine) => machine.current());
    expect(states.every((state) => state.commandCount === 12 && state.digest === states[0]?.digest)).toBe(true);
    group.close();
  });
});

describe('observers acting on the group', () => {
  it('may propose from inside an apply hook: the running Ready loop picks the work up', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 512 });
    const leader = cfg.checkOneLeader();
    cfg.group.observe({
      onApply: (nodeId, applied) => {
        if (nodeId === leader && applied.kind === 'entry' && applied.entry.command === 'ping') cfg.group.propose({ command: 'pong' });
      },
    });
    const ping = cfg.one('ping', 3, true);
    cfg.advance(100);
    expect(cfg.machines.get(leader)?.commands.get(ping + 1)).toBe('pong');
    expect(cfg.nCommitted(ping + 1)).toEqual({ count: 3, command: 'pong' });
    cfg.end();
  });
});

describe('reads the API composes its views from', () => {
  it('leader since, last leader contact, peer silence, voters granted, and the pending membership change', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 513 });
    cfg.one('first', 3, true);
    const leader = cfg.group.currentLeader();
    expect(leader).not.toBeNull();
    const leaderId = leader?.leaderId as string;
    expect(leader?.sinceMs).toBeLessThanOrEqual(cfg.runtime.clock.now());
    const leaderStatus = cfg.group.leaderStatus();
    expect(leaderStatus?.votersGranted).toContain(leaderId);
    expect(leaderStatus?.votersGranted.length).toBe(leaderStatus?.votesReceived);
    const follower = followersOf(cfg, leaderId)[0] as string;
    // Heartbeats every 100 ms: the follower heard from its leader within the last 100 ms.
    const contact = cfg.group.status(follower).lastLeaderContactMs;
    expect(cfg.runtime.clock.now() - (contact ?? -Infinity)).toBeLessThanOrEqual(100);
    expect(cfg.group.status(leaderId).lastLeaderContactMs).toBeNull();
    // A silent follower: the leader has not heard from it for a while.
    cfg.disconnect(follower);
    cfg.advance(250);
    const silence = cfg.group.leaderStatus()?.progress?.find((progress) => progress.nodeId === follower)?.silentTicks ?? 0;
    expect(silence).toBeGreaterThanOrEqual(20);
    cfg.connect(follower);
    cfg.advance(200);

    expect(cfg.group.pendingChange()).toBeNull();
    const requestedAtMs = cfg.runtime.clock.now();
    const added = cfg.group.addMember('s3');
    // Appended, not committed yet: the config entry carries the change and when it was asked.
    expect(cfg.group.pendingChange()).toEqual({ type: 'addLearner', nodeId: 's3', index: added.index, proposedAtMs: requestedAtMs, autoPromote: true });
    expect(cfg.group.readEntries(leaderId, { offset: added.index - 1, limit: 1 }).entries[0]).toMatchObject({
      type: 'config',
      command: 'addLearner s3',
      confChange: { type: 'addLearner', nodeId: 's3' },
      configuration: { voters: ['s0', 's1', 's2'], learners: ['s3'] },
    });
    expect(cfg.waitFor(() => cfg.group.leaderStatus()?.configuration.voters.includes('s3') === true, 5_000)).toBe(true);
    expect(cfg.waitFor(() => cfg.group.pendingChange() === null, 1_000)).toBe(true);
    cfg.end();
  });
});

describe('manual failover', () => {
  it('with automatic elections off, a dead leader is replaced only by a forced campaign', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 514 });
    cfg.one('first', 3, true);
    const settings = cfg.group.updateSettings({ autoElection: false });
    expect(settings).toMatchObject({ ...LAB_NODE_SETTINGS, autoElection: false });
    expect(domainError(() => cfg.group.updateSettings({ heartbeatIntervalTicks: 100 })).code).toBe('UNPROCESSABLE');
    expect(cfg.group.settings()).toEqual(settings);
    const leader = cfg.checkOneLeader();
    cfg.crash(leader);
    cfg.advance(5 * ELECTION_TIMEOUT_MS);
    expect(cfg.group.currentLeader()).toBeNull();
    const successor = followersOf(cfg, leader)[0] as string;
    expect(cfg.group.campaign(successor)).toBe(true);
    cfg.advance(20);
    expect(cfg.group.currentLeader()?.leaderId).toBe(successor);
    cfg.one('after-failover', 2, true);
    // A restarted node takes the group's current settings.
    cfg.start(leader);
    cfg.connect(leader);
    cfg.advance(ELECTION_TIMEOUT_MS);
    expect(cfg.group.currentLeader()?.leaderId).toBe(successor);
    expect(domainError(() => cfg.group.campaign('ghost')).code).toBe('NOT_FOUND');
    cfg.end();
  });
});
