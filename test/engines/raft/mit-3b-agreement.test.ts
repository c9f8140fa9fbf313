/**
 * MIT 6.5840 Lab 3B (log replication), on virtual time with fixed seeds.
 * Our logs start with the bootstrap configuration (index 1) and each leader's empty entry, so
 * where the lab expects commands at 1, 2, 3 we expect consecutive indexes after those.
 */
import { describe, expect, it } from 'vitest';
import { ELECTION_TIMEOUT_MS, RaftHarness } from './harness.js';

function nextOf(cfg: RaftHarness, id: string, steps: number): string {
  return cfg.ids[(cfg.ids.indexOf(id) + steps) % cfg.ids.length] as string;
}

describe('MIT 3B: agreement', () => {
  it('basic agree: commands commit on every server at consecutive indexes', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 311 });
    let previous = -1;
    for (let round = 1; round <= 3; round += 1) {
      const command = `cmd-${round * 100}`;
      const index = cfg.one(command, 3, false);
      if (previous !== -1) expect(index).toBe(previous + 1);
      // Nothing else had claimed that index before.
      expect(cfg.nCommitted(index).command).toBe(command);
      previous = index;
    }
    cfg.end();
  });

  it('follower failure: progress with one follower gone, none with both', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 312 });
    cfg.one('101', 3, false);
    const leader1 = cfg.checkOneLeader();
    cfg.disconnect(nextOf(cfg, leader1, 1));
    cfg.one('102', 2, false);
    cfg.advance(ELECTION_TIMEOUT_MS);
    cfg.one('103', 2, false);
    const leader2 = cfg.checkOneLeader();
    cfg.disconnect(nextOf(cfg, leader2, 1));
    cfg.disconnect(nextOf(cfg, leader2, 2));
    const started = cfg.startCommand(leader2, '104');
    expect(started.isLeader).toBe(true);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    expect(cfg.nCommitted(started.index).count).toBe(0);
    cfg.end();
  });

  it('leader failure: a new leader commits; with no majority nothing commits', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 313 });
    cfg.one('101', 3, false);
    const leader1 = cfg.checkOneLeader();
    cfg.disconnect(leader1);
    cfg.one('102', 2, false);
    cfg.advance(ELECTION_TIMEOUT_MS);
    cfg.one('103', 2, false);
    const leader2 = cfg.checkOneLeader();
    cfg.disconnect(leader2);
    let lastIndex = -1;
    for (const id of cfg.ids) lastIndex = Math.max(lastIndex, cfg.startCommand(id, '104').index);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    if (lastIndex !== -1) expect(cfg.nCommitted(lastIndex).count).toBe(0);
    for (const id of cfg.ids) expect(cfg.machines.get(id)?.commands.has(lastIndex) ?? false).toBe(false);
    cfg.end();
  });

  it('fail agree: agreement despite a disconnected follower, which then catches up', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 314 });
    cfg.one('101', 3, false);
    const leader = cfg.checkOneLeader();
    const follower = nextOf(cfg, leader, 1);
    cfg.disconnect(follower);
    cfg.one('102', 2, false);
    cfg.one('103', 2, false);
    cfg.advance(ELECTION_TIMEOUT_MS);
    cfg.one('104', 2, false);
    cfg.one('105', 2, false);
    cfg.connect(follower);
    // The follower rejoins; everyone must agree again, retrying while it may have disrupted things.
    cfg.one('106', 3, true);
    cfg.advance(ELECTION_TIMEOUT_MS);
    cfg.one('107', 3, true);
    cfg.end();
  });

  it('fail no agree: no agreement when too many followers disconnect', () => {
    const cfg = new RaftHarness({ servers: 5, seed: 315 });
    cfg.one('10', 5, false);
    const leader = cfg.checkOneLeader();
    for (const steps of [1, 2, 3]) cfg.disconnect(nextOf(cfg, leader, steps));
    const started = cfg.startCommand(leader, '20');
    expect(started.isLeader).toBe(true);
    cfg.advance(2 * ELECTION_TIMEOUT_MS);
    expect(cfg.nCommitted(started.index).count).toBe(0);
    for (const steps of [1, 2, 3]) cfg.connect(nextOf(cfg, leader, steps));
    // The disconnected majority may have elected a leader; the uncommitted 20 may be overwritten.
    const leader2 = cfg.checkOneLeader();
    const again = cfg.startCommand(leader2, '30');
    expect(again.isLeader).toBe(true);
    expect(again.index).toBeGreaterThanOrEqual(started.index);
    expect(again.index).toBeLessThanOrEqual(started.index + 3);
    cfg.one('1000', 5, true);
    cfg.end();
  });

  it('concurrent starts: five commands started back to back all commit', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 316 });
    let success = false;
    for (let attempt = 0; attempt < 5 && !success; attempt += 1) {
      if (attempt > 0) cfg.advance(3000);
      const leader = cfg.checkOneLeader();
      const first = cfg.startCommand(leader, '1');
      if (!first.isLeader) continue;
      const indexes: number[] = [];
      let termChanged = false;
      for (let client = 0; client < 5; client += 1) {
        const started = cfg.startCommand(leader, `${100 + client}`);
        if (!started.isLeader || started.term !== first.term) {
          termChanged = true;
          break;
        }
        indexes.push(started.index);
      }
      if (termChanged) continue;
      const committed: string[] = [];
      for (const index of indexes) {
        const command = cfg.wait(index, 3, first.term);
        if (command === undefined) {
          termChanged = true;
          break;
        }
        committed.push(command);
      }
      if (termChanged) continue;
      expect(committed.sort()).toEqual(['100', '101', '102', '103', '104']);
      success = true;
    }
    expect(success).toBe(true);
    cfg.end();
  });

  it('rejoin of a partitioned leader with uncommitted entries', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 317 });
    cfg.one('101', 3, true);
    const leader1 = cfg.checkOneLeader();
    cfg.disconnect(leader1);
    // The old leader appends entries nobody will ever commit.
    for (const command of ['102', '103', '104']) cfg.startCommand(leader1, command);
    // A new leader commits at the same index.
    cfg.one('103', 2, true);
    const leader2 = cfg.checkOneLeader();
    cfg.disconnect(leader2);
    // The old leader returns: its conflicting suffix is overwritten.
    cfg.connect(leader1);
    cfg.one('104', 2, true);
    cfg.connect(leader2);
    cfg.one('105', 3, true);
    cfg.end();
  });

  it('backup: leaders back up quickly over incorrect follower logs (50-entry batches)', () => {
    const cfg = new RaftHarness({ servers: 5, seed: 318 });
    const random = () => `${cfg.rng.int(0, 1_000_000)}`;
    cfg.one(random(), 5, true);
    // Put the leader and one follower in a partition.
    const leader1 = cfg.checkOneLeader();
    for (const steps of [2, 3, 4]) cfg.disconnect(nextOf(cfg, leader1, steps));
    // Lots of commands that will not commit.
    for (let count = 0; count < 50; count += 1) cfg.startCommand(leader1, random());
    cfg.advance(ELECTION_TIMEOUT_MS / 2);
    cfg.disconnect(leader1);
    cfg.disconnect(nextOf(cfg, leader1, 1));
    // Allow the other partition to recover and commit lots of commands.
    for (const steps of [2, 3, 4]) cfg.connect(nextOf(cfg, leader1, steps));
    for (let count = 0; count < 50; count += 1) cfg.one(random(), 3, true);
    // Now another partitioned leader and one follower.
    const leader2 = cfg.checkOneLeader();
    let other = nextOf(cfg, leader1, 2);
    if (leader2 === other) other = nextOf(cfg, leader2, 1);
    cfg.disconnect(other);
    // Lots more commands that will not commit.
    for (let count = 0; count < 50; count += 1) cfg.startCommand(leader2, random());
    cfg.advance(ELECTION_TIMEOUT_MS / 2);
    // Bring the original leader back to life.
    for (const id of cfg.ids) cfg.disconnect(id);
    cfg.connect(leader1);
    cfg.connect(nextOf(cfg, leader1, 1));
    cfg.connect(other);
    // Lots of commands that commit.
    for (let count = 0; count < 50; count += 1) cfg.one(random(), 3, true);
    // Now everyone.
    for (const id of cfg.ids) cfg.connect(id);
    cfg.one(random(), 5, true);
    cfg.end();
  });

  it('count: elections and agreement use a bounded number of messages', () => {
    const cfg = new RaftHarness({ servers: 3, seed: 319 });
    const leader = cfg.checkOneLeader();
    const electionMessages = cfg.messagesSent();
    // The lab allows 30 RPCs (60 messages: a request and its answer each) for the election,
    // counted once checkOneLeader has returned (its wait includes some heartbeats).
    expect(electionMessages).toBeGreaterThan(0);
    expect(electionMessages).toBeLessThanOrEqual(60);

    let success = false;
    for (let attempt = 0; attempt < 5 && !success; attempt += 1) {
      if (attempt > 0) cfg.advance(3000);
      const current = cfg.checkOneLeader();
      const before = cfg.messagesSent();
      const iterations = 10;
      const first = cfg.startCommand(current, '1');
      if (!first.isLeader) continue;
      const commands: string[] = [];
      let termChanged = false;
      for (let step = 1; step < iterations + 2; step += 1) {
        const command = `${cfg.rng.int(0, 1_000_000)}`;
        commands.push(command);
        const started = cfg.startCommand(current, command);
        if (started.term !== first.term) {
          termChanged = true;
          break;
        }
        expect(started.index).toBe(first.index + step);
      }
      for (let step = 1; step < iterations + 1 && !termChanged; step += 1) {
        const command = cfg.wait(first.index + step, 3, first.term);
        if (command === undefined) termChanged = true;
        else expect(command).toBe(commands[step - 1]);
      }
      if (termChanged) continue;
      // The lab's bound: (iterations + 1 + 3) * 3 RPCs, i.e. twice that in messages.
      expect(cfg.messagesSent() - before).toBeLessThanOrEqual((iterations + 1 + 3) * 3 * 2);
      success = true;
    }
    expect(success).toBe(true);
    expect(leader).toBeDefined();

    cfg.advance(ELECTION_TIMEOUT_MS);
    const idleStart = cfg.messagesSent();
    cfg.advance(ELECTION_TIMEOUT_MS);
    // One idle second: heartbeats only (lab bound 3 * 20 RPCs).
    expect(cfg.messagesSent() - idleStart).toBeLessThanOrEqual(3 * 20 * 2);
    cfg.end();
  });
});
