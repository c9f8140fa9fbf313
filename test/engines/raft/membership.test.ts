/**
 * Membership changes through RaftGroup, one server at a time, with the invariants checked on
 * every Ready: add a learner and promote it once caught up, remove a follower, remove the
 * leader, and the two refusals that keep single-server changes safe.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import type { RoleChange } from '../../../src/engines/raft/index.js';
import { ELECTION_TIMEOUT_MS, RaftHarness } from './harness.js';

function domainError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function committedMembership(cfg: RaftHarness): { voters: readonly string[]; learners: readonly string[] } | undefined {
  const status = cfg.group.leaderStatus();
  return status !== null && status.configurationCommitted ? status.configuration : undefined;
}

describe('membership', () => {
  it('a new node joins as a learner, catches up, and is promoted to voter', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 401 });
    for (let command = 0; command < 30; command += 1) cfg.one(`before-${command}`, 3, true);
    const leader = cfg.group.currentLeader()?.leaderId;
    const added = cfg.group.addMember('s3');
    expect(added.leaderId).toBe(leader);
    // In force on the leader at once (appended), as a learner.
    expect(cfg.group.leaderStatus()?.configuration.learners).toEqual(['s3']);
    expect(cfg.group.pendingPromotionIds()).toEqual(['s3']);
    // While it is a learner it counts for nothing: commits still need 2 of the 3 voters.
    expect(cfg.waitFor(() => committedMembership(cfg)?.voters.includes('s3') === true, 5_000)).toBe(true);
    expect(committedMembership(cfg)).toEqual({ voters: ['s0', 's1', 's2', 's3'], learners: [] });
    expect(cfg.group.pendingPromotionIds()).toEqual([]);
    // The newcomer holds the whole history and now counts toward the majority (3 of 4).
    const index = cfg.one('after-join', 4, true);
    expect(cfg.machines.get('s3')?.commands.get(index)).toBe('after-join');
    expect(cfg.machines.get('s3')?.commands.size).toBe(cfg.machines.get('s0')?.commands.size);
    cfg.end();
  });

  it('a learner is not promoted while it lags; it neither votes nor counts toward commits', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 402 });
    cfg.one('first', 3, true);
    cfg.group.addMember('s3', { learnerOnly: true });
    cfg.advance(ELECTION_TIMEOUT_MS);
    expect(committedMembership(cfg)).toEqual({ voters: ['s0', 's1', 's2'], learners: ['s3'] });
    // A learner never campaigns, even cut off from everyone.
    const roles: RoleChange[] = [];
    cfg.group.observe({ onRoleChange: (change) => roles.push(change) });
    cfg.runtime.faults.inject({ type: 'partition', groups: [['s3'], ['s0', 's1', 's2']] }, 'cut-learner', cfg.runtime.clock.now());
    cfg.advance(5 * ELECTION_TIMEOUT_MS);
    expect(roles.filter((change) => change.nodeId === 's3')).toEqual([]);
    cfg.one('without-learner', 3, true);
    cfg.runtime.faults.heal('cut-learner');
    cfg.advance(ELECTION_TIMEOUT_MS);
    expect(cfg.group.status('s3').raft?.lastApplied).toBe(cfg.group.status('s0').raft?.lastApplied);
    // Promotion on demand.
    cfg.group.promoteMember('s3');
    expect(cfg.waitFor(() => committedMembership(cfg)?.voters.includes('s3') === true, 2_000)).toBe(true);
    cfg.end();
  });

  it('removing a follower: it is shut down and its disk deleted once the removal applies', () => {
    const cfg = new RaftHarness({ servers: 5, seed: 403 });
    cfg.one('first', 5, true);
    const leader = cfg.checkOneLeader();
    const victim = cfg.ids.find((id) => id !== leader) as string;
    cfg.group.removeMember(victim);
    const removedEvents: string[] = [];
    cfg.group.observe({ onLifecycle: (event) => event.event === 'removed' && removedEvents.push(event.nodeId) });
    expect(cfg.waitFor(() => !cfg.group.nodeIds().includes(victim), 2_000)).toBe(true);
    expect(removedEvents).toEqual([victim]);
    expect(committedMembership(cfg)?.voters).toEqual(cfg.ids.filter((id) => id !== victim));
    expect(cfg.diskChanges.filter(({ change }) => change.type === 'diskDeleted').map(({ nodeId }) => nodeId)).toEqual([victim]);
    // Four voters now: three make a majority.
    const survivors = cfg.ids.filter((id) => id !== victim);
    cfg.disconnect(survivors.find((id) => id !== leader) as string);
    cfg.one('four-voters-one-down', 3, true);
    cfg.end();
  });

  it('removing the leader: it steps down once the removal commits and the others elect a leader', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 404 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const changes: string[] = [];
    cfg.group.observe({ onLeaderChange: (change) => changes.push(`${String(change.previousLeaderId)}->${String(change.leaderId)}`) });
    cfg.group.removeMember(leader);
    // Leaving, it replicates the change but refuses proposals.
    expect(domainError(() => cfg.group.proposeTo(leader, { command: 'x' })).details).toMatchObject({ reason: 'NOT_LEADER' });
    expect(cfg.waitFor(() => !cfg.group.nodeIds().includes(leader), 2_000)).toBe(true);
    const newLeader = cfg.group.currentLeader();
    expect(newLeader).not.toBeNull();
    expect(newLeader?.leaderId).not.toBe(leader);
    expect(changes[0]?.startsWith(`${leader}->`)).toBe(true);
    expect(cfg.group.leaderStatus()?.configuration.voters).toEqual(cfg.ids.filter((id) => id !== leader));
    // Two voters: both needed.
    const remaining = cfg.ids.filter((id) => id !== leader);
    const index = cfg.one('after-removal', 2, true);
    for (const id of remaining) expect(cfg.machines.get(id)?.commands.get(index)).toBe('after-removal');
    cfg.end();
  });

  it('a second change is refused while one is pending', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 405 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    // Cut the leader off so its change cannot commit.
    for (const id of cfg.ids) if (id !== leader) cfg.disconnect(id);
    const pending = cfg.group.addMember('s3', { learnerOnly: true });
    const refused = domainError(() => cfg.group.addMember('s4', { learnerOnly: true }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details).toMatchObject({ reason: 'CHANGE_PENDING', pendingIndex: pending.index });
    expect(domainError(() => cfg.group.removeMember(cfg.ids.find((id) => id !== leader) as string)).details).toMatchObject({
      reason: 'CHANGE_PENDING',
    });
    cfg.end();
  });

  it('a change is refused before the new leader has committed an entry of its term', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 406 });
    const refusals: DomainError[] = [];
    cfg.group.observe({
      onRoleChange: (change) => {
        if (change.role !== 'LEADER') return;
        // Right at election, its empty entry is appended but not yet acknowledged by anyone.
        try {
          cfg.group.addMember('s3');
        } catch (error) {
          if (error instanceof DomainError) refusals.push(error);
          else throw error;
        }
      },
    });
    cfg.checkOneLeader();
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]?.details).toMatchObject({ reason: 'LEADER_NOT_READY' });
    // Once it has committed in its term, the same change goes through.
    cfg.one('first', 3, true);
    expect(cfg.group.addMember('s3', { learnerOnly: true }).index).toBeGreaterThan(0);
    cfg.end();
  });

  it('unknown members and repeated additions are refused with the right codes', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 407 });
    cfg.one('first', 3, true);
    expect(domainError(() => cfg.group.removeMember('ghost')).code).toBe('NOT_FOUND');
    expect(domainError(() => cfg.group.promoteMember('ghost')).code).toBe('NOT_FOUND');
    expect(domainError(() => cfg.group.addMember('s1')).code).toBe('CONFLICT');
    expect(domainError(() => cfg.group.status('ghost')).code).toBe('NOT_FOUND');
    expect(domainError(() => cfg.group.addMember('')).code).toBe('UNPROCESSABLE');
    cfg.end();
  });

  it('membership keeps working across crashes: the configuration is rebuilt from the log', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 408, snapshotThresholdEntries: 5 });
    cfg.one('first', 3, true);
    cfg.group.addMember('s3');
    expect(cfg.waitFor(() => committedMembership(cfg)?.voters.length === 4, 5_000)).toBe(true);
    for (let command = 0; command < 12; command += 1) cfg.one(`c${command}`, 4, true);
    // Every node restarts: some from snapshots that hold the configuration, some from log entries.
    for (const id of ['s0', 's1', 's2', 's3']) {
      cfg.group.crash(id);
      cfg.group.restart(id);
    }
    for (const id of ['s0', 's1', 's2', 's3']) {
      expect(cfg.group.status(id).raft?.configuration).toEqual({ voters: ['s0', 's1', 's2', 's3'], learners: [] });
    }
    cfg.one('after-restart', 4, true);
    cfg.end();
  });
});

describe('membership changes lost in a leader change', () => {
  it('a node added through a leader that is then deposed is retired when another entry takes its index', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 409 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const followers = cfg.ids.filter((id) => id !== leader);
    for (const id of followers) cfg.disconnect(id);
    // The deposed-to-be leader appends the addition; nobody can commit it.
    const addition = cfg.group.addMember('s3', { learnerOnly: true });
    expect(cfg.group.nodeIds()).toContain('s3');
    cfg.disconnect(leader);
    for (const id of followers) cfg.connect(id);
    // The others elect a leader whose empty entry takes the addition's index.
    cfg.one('second', 2, true);
    cfg.connect(leader);
    cfg.advance(ELECTION_TIMEOUT_MS);
    expect(cfg.group.entryOutcome(addition.index, addition.term)).toBe('LOST');
    expect(cfg.group.nodeIds()).not.toContain('s3');
    expect(cfg.group.leaderStatus()?.configuration).toEqual({ voters: ['s0', 's1', 's2'], learners: [] });
    cfg.one('third', 3, true);
    cfg.end();
  });

  it('a removal lost the same way leaves the node in place', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 410 });
    cfg.one('first', 3, true);
    const leader = cfg.checkOneLeader();
    const followers = cfg.ids.filter((id) => id !== leader);
    for (const id of followers) cfg.disconnect(id);
    const victim = followers[0] as string;
    const removal = cfg.group.removeMember(victim);
    cfg.disconnect(leader);
    for (const id of followers) cfg.connect(id);
    cfg.one('second', 2, true);
    cfg.connect(leader);
    cfg.advance(ELECTION_TIMEOUT_MS);
    expect(cfg.group.entryOutcome(removal.index, removal.term)).toBe('LOST');
    expect(cfg.group.nodeIds()).toContain(victim);
    cfg.one('third', 3, true);
    cfg.end();
  });
});
