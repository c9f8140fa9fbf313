/**
 * MIT 6.5840 Lab 3C (persistence, Figure 8, unreliable networks, churn), on virtual time with
 * fixed seeds. A crash drops the RaftNode and its state machine; a restart rebuilds both from the
 * node's disk, exactly like the lab's crash1/start1 with its Persister.
 */
import { describe, expect, it } from 'vitest';
import { ELECTION_TIMEOUT_MS, RaftHarness, type BackgroundJob } from './harness.js';

function nextOf(cfg: RaftHarness, id: string, steps: number): string {
  return cfg.ids[(cfg.ids.indexOf(id) + steps) % cfg.ids.length] as string;
}

/** The lab's sleep in Figure 8: mostly short, sometimes up to half an election timeout. */
function figure8Pause(cfg: RaftHarness): number {
  return cfg.rng.int(0, 1000) < 100 ? cfg.rng.int(0, ELECTION_TIMEOUT_MS / 2) : cfg.rng.int(0, 13);
}

describe('MIT 3C: persistence', () => {
  it('persist 1: state survives crashes of every server, of the leader, of a follower', () => {
    const servers = 3;
    const cfg = new RaftHarness({ servers, seed: 321 });
    cfg.one('11', servers, true);
    // Crash and restart all.
    for (const id of cfg.ids) cfg.reboot(id);
    for (const id of cfg.ids) cfg.connect(id);
    cfg.one('12', servers, true);
    const leader1 = cfg.checkOneLeader();
    cfg.reboot(leader1);
    cfg.connect(leader1);
    cfg.one('13', servers, true);
    const leader2 = cfg.checkOneLeader();
    cfg.disconnect(leader2);
    const index14 = cfg.one('14', servers - 1, true);
    cfg.reboot(leader2);
    cfg.connect(leader2);
    // Wait for leader2 to join before killing another.
    cfg.wait(index14, servers, -1);
    const i3 = nextOf(cfg, cfg.checkOneLeader(), 1);
    cfg.disconnect(i3);
    cfg.one('15', servers - 1, true);
    cfg.reboot(i3);
    cfg.connect(i3);
    cfg.one('16', servers, true);
    cfg.end();
  });

  it('persist 2: more nodes crash and return, five rounds', () => {
    const servers = 5;
    const cfg = new RaftHarness({ servers, seed: 322 });
    let command = 11;
    for (let iteration = 0; iteration < 5; iteration += 1) {
      cfg.one(`${command++}`, servers, true);
      const leader1 = cfg.checkOneLeader();
      cfg.disconnect(nextOf(cfg, leader1, 1));
      cfg.disconnect(nextOf(cfg, leader1, 2));
      cfg.one(`${command++}`, servers - 2, true);
      for (const steps of [0, 3, 4]) cfg.disconnect(nextOf(cfg, leader1, steps));
      cfg.reboot(nextOf(cfg, leader1, 1));
      cfg.reboot(nextOf(cfg, leader1, 2));
      cfg.connect(nextOf(cfg, leader1, 1));
      cfg.connect(nextOf(cfg, leader1, 2));
      cfg.advance(ELECTION_TIMEOUT_MS);
      cfg.reboot(nextOf(cfg, leader1, 3));
      cfg.connect(nextOf(cfg, leader1, 3));
      cfg.one(`${command++}`, servers - 2, true);
      cfg.connect(nextOf(cfg, leader1, 4));
      cfg.connect(nextOf(cfg, leader1, 0));
    }
    cfg.one('1000', servers, true);
    cfg.end();
  });

  it('persist 3: a partitioned leader and one follower crash; the log survives through the third', () => {
    const servers = 3;
    const cfg = new RaftHarness({ servers, seed: 323 });
    cfg.one('101', 3, true);
    const leader = cfg.checkOneLeader();
    cfg.disconnect(nextOf(cfg, leader, 2));
    cfg.one('102', 2, true);
    cfg.crash(nextOf(cfg, leader, 0));
    cfg.crash(nextOf(cfg, leader, 1));
    cfg.connect(nextOf(cfg, leader, 2));
    cfg.start(nextOf(cfg, leader, 0));
    cfg.connect(nextOf(cfg, leader, 0));
    cfg.one('103', 2, true);
    cfg.start(nextOf(cfg, leader, 1));
    cfg.connect(nextOf(cfg, leader, 1));
    cfg.one('104', servers, true);
    cfg.end();
  });

  it('figure 8: leaders crash right after appending; only current-term counting commits', () => {
    const servers = 5;
    const cfg = new RaftHarness({ servers, seed: 324 });
    cfg.one(`${cfg.rng.int(0, 1_000_000)}`, 1, true);
    let up = servers;
    for (let iteration = 0; iteration < 1000; iteration += 1) {
      let leader: string | undefined;
      for (const id of cfg.ids) {
        if (cfg.isRunning(id) && cfg.startCommand(id, `${cfg.rng.int(0, 1_000_000)}`).isLeader) leader = id;
      }
      cfg.advance(figure8Pause(cfg));
      if (leader !== undefined) {
        cfg.crash(leader);
        up -= 1;
      }
      if (up < 3) {
        const id = cfg.rng.pick(cfg.ids);
        if (!cfg.isRunning(id)) {
          cfg.start(id);
          cfg.connect(id);
          up += 1;
        }
      }
    }
    for (const id of cfg.ids) {
      if (!cfg.isRunning(id)) {
        cfg.start(id);
        cfg.connect(id);
      }
    }
    cfg.one(`${cfg.rng.int(0, 1_000_000)}`, servers, true);
    // Many leaders were elected and crashed right after appending.
    expect(cfg.checker.counters.elections).toBeGreaterThan(30);
    cfg.end();
  });

  it('unreliable agree: concurrent clients commit through loss and reordering', () => {
    const servers = 5;
    const cfg = new RaftHarness({ servers, seed: 325, unreliable: true });
    const jobs: BackgroundJob[] = [];
    for (let iteration = 1; iteration < 50; iteration += 1) {
      for (let client = 0; client < 4; client += 1) jobs.push(cfg.oneInBackground(`${100 * iteration + client}`, 1));
      cfg.one(`${iteration}`, 1, true);
    }
    cfg.setUnreliable(false);
    expect(cfg.waitFor(() => jobs.every((job) => job.done || job.failure !== undefined), 20_000)).toBe(true);
    expect(jobs.filter((job) => job.failure !== undefined).map((job) => job.failure)).toEqual([]);
    cfg.one('100', servers, true);
    cfg.end();
  });

  it('figure 8 unreliable: leaders cut off after appending, over a lossy reordering network', () => {
    const servers = 5;
    const cfg = new RaftHarness({ servers, seed: 326, unreliable: true });
    cfg.one(`${cfg.rng.int(0, 10_000)}`, 1, true);
    let up = servers;
    for (let iteration = 0; iteration < 1000; iteration += 1) {
      if (iteration === 200) cfg.setLongReordering(true);
      let leader: string | undefined;
      for (const id of cfg.ids) {
        if (cfg.startCommand(id, `${cfg.rng.int(0, 10_000)}`).isLeader && cfg.isConnected(id)) leader = id;
      }
      cfg.advance(figure8Pause(cfg));
      if (leader !== undefined && cfg.rng.int(0, 1000) < ELECTION_TIMEOUT_MS / 2) {
        cfg.disconnect(leader);
        up -= 1;
      }
      if (up < 3) {
        const id = cfg.rng.pick(cfg.ids);
        if (!cfg.isConnected(id)) {
          cfg.connect(id);
          up += 1;
        }
      }
    }
    for (const id of cfg.ids) if (!cfg.isConnected(id)) cfg.connect(id);
    cfg.one(`${cfg.rng.int(0, 10_000)}`, servers, true);
    cfg.end();
  });

  for (const unreliable of [false, true]) {
    it(`${unreliable ? 'unreliable' : 'reliable'} churn: clients keep proposing while servers crash, restart and disconnect`, () => {
      const servers = 5;
      const cfg = new RaftHarness({ servers, seed: unreliable ? 328 : 327, unreliable });
      const clock = cfg.runtime.clock;
      let stop = false;
      const committedValues: string[] = [];
      let clientProposals = 0;
      // Three clients as timer loops on the virtual clock (the lab's goroutines).
      for (let client = 0; client < 3; client += 1) {
        const loop = (): void => {
          if (stop) return;
          const value = `c${client}-${cfg.rng.int(0, 1_000_000_000)}`;
          let index = -1;
          for (const id of cfg.ids) {
            const started = cfg.startCommand(id, value);
            if (started.isLeader) index = started.index;
          }
          if (index === -1) {
            clock.after(79 + client * 17, loop);
            return;
          }
          clientProposals += 1;
          // Maybe the leader commits our value, maybe not; do not wait forever.
          const delaysMs = [10, 20, 50, 100, 200];
          const check = (attempt: number): void => {
            const { count, command } = cfg.nCommitted(index);
            if (count > 0) {
              if (command === value) committedValues.push(value);
              clock.after(0, loop);
              return;
            }
            const delayMs = delaysMs[attempt];
            if (delayMs === undefined) clock.after(0, loop);
            else clock.after(delayMs, () => check(attempt + 1));
          };
          check(0);
        };
        clock.after(0, loop);
      }

      for (let iteration = 0; iteration < 20; iteration += 1) {
        if (cfg.rng.int(0, 1000) < 200) cfg.disconnect(cfg.rng.pick(cfg.ids));
        if (cfg.rng.int(0, 1000) < 500) {
          const id = cfg.rng.pick(cfg.ids);
          if (!cfg.isRunning(id)) cfg.start(id);
          cfg.connect(id);
        }
        if (cfg.rng.int(0, 1000) < 200) {
          const id = cfg.rng.pick(cfg.ids);
          if (cfg.isRunning(id)) cfg.crash(id);
        }
        // Often enough that peers rarely settle, rarely enough that they often keep up.
        cfg.advance((ELECTION_TIMEOUT_MS * 7) / 10);
      }
      cfg.advance(ELECTION_TIMEOUT_MS);
      cfg.setUnreliable(false);
      for (const id of cfg.ids) {
        if (!cfg.isRunning(id)) cfg.start(id);
        cfg.connect(id);
      }
      stop = true;
      cfg.advance(ELECTION_TIMEOUT_MS);
      const lastIndex = cfg.one(`${cfg.rng.int(0, 1_000_000)}`, servers, true);
      // Every server applied everything up to lastIndex, in order; every value a client saw committed is there.
      for (const id of cfg.ids) expect(cfg.machines.get(id)?.lastIndex ?? 0).toBeGreaterThanOrEqual(lastIndex);
      const really = new Set(cfg.machines.get('s0')?.commands.values());
      for (const value of committedValues) expect(really.has(value), `value ${value} was committed but is missing`).toBe(true);
      expect(clientProposals).toBeGreaterThan(10);
      expect(committedValues.length).toBeGreaterThan(0);
      cfg.end();
    });
  }
});
