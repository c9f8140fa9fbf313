/**
 * MIT 6.5840 Lab 3D (log compaction), on virtual time with fixed seeds. Every node snapshots its
 * state machine each SNAPSHOT_INTERVAL applied entries (the lab's applierSnap), so logs stay
 * short and lagging followers must be caught up with InstallSnapshot.
 */
import { describe, expect, it } from 'vitest';
import type { RaftMessage } from '../../../src/engines/raft/index.js';
import { RaftHarness } from './harness.js';

const SNAPSHOT_INTERVAL = 10;
/** Retained entries a node may hold: the lab bounds the persisted state size instead. */
const MAX_LOG_ENTRIES = 4 * SNAPSHOT_INTERVAL;

function nextOf(cfg: RaftHarness, id: string, steps: number): string {
  return cfg.ids[(cfg.ids.indexOf(id) + steps) % cfg.ids.length] as string;
}

function randomCommand(cfg: RaftHarness): string {
  return `${cfg.rng.int(0, 1_000_000_000)}`;
}

/** Counts messages of one type the group sends. */
function countMessages(cfg: RaftHarness, type: RaftMessage['type']): () => number {
  const network = cfg.runtime.network<RaftMessage>('raft');
  const send = network.send.bind(network);
  let count = 0;
  network.send = (from, to, message) => {
    if (message.type === type) count += 1;
    send(from, to, message);
  };
  return () => count;
}

function snapshotScenario(options: { seed: number; disconnect: boolean; reliable: boolean; crash: boolean }): RaftHarness {
  const servers = 3;
  const cfg = new RaftHarness({ servers, seed: options.seed, unreliable: !options.reliable, snapshotThresholdEntries: SNAPSHOT_INTERVAL });
  cfg.one(randomCommand(cfg), servers, true);
  let leader1 = cfg.checkOneLeader();
  for (let iteration = 0; iteration < 30; iteration += 1) {
    let victim = nextOf(cfg, leader1, 1);
    let sender = leader1;
    if (iteration % 3 === 1) {
      sender = nextOf(cfg, leader1, 1);
      victim = leader1;
    }
    if (options.disconnect) {
      cfg.disconnect(victim);
      cfg.one(randomCommand(cfg), servers - 1, true);
    }
    if (options.crash) {
      cfg.crash(victim);
      cfg.one(randomCommand(cfg), servers - 1, true);
    }
    // Perhaps enough to get a snapshot.
    const count = SNAPSHOT_INTERVAL / 2 + cfg.rng.int(0, SNAPSHOT_INTERVAL);
    for (let proposal = 0; proposal < count; proposal += 1) cfg.startCommand(sender, randomCommand(cfg));
    // Without failures, make sure all followers caught up so no InstallSnapshot is needed.
    cfg.one(randomCommand(cfg), options.disconnect || options.crash ? servers - 1 : servers, true);
    for (const id of cfg.ids) expect(cfg.logSize(id), `${id} log size`).toBeLessThanOrEqual(MAX_LOG_ENTRIES);
    if (options.disconnect) {
      // Reconnect a follower that may be behind and need a snapshot to catch up.
      cfg.connect(victim);
      cfg.one(randomCommand(cfg), servers, true);
      leader1 = cfg.checkOneLeader();
    }
    if (options.crash) {
      cfg.start(victim);
      cfg.connect(victim);
      cfg.one(randomCommand(cfg), servers, true);
      leader1 = cfg.checkOneLeader();
    }
  }
  return cfg;
}

describe('MIT 3D: snapshots', () => {
  it('snapshot basic: logs stay short while everyone keeps up', () => {
    const cfg = snapshotScenario({ seed: 341, disconnect: false, reliable: true, crash: false });
    expect(cfg.checker.counters.snapshotsInstalled).toBe(0);
    cfg.end();
  });

  it('snapshot install: a reconnected follower is caught up with InstallSnapshot', () => {
    const cfg = snapshotScenario({ seed: 342, disconnect: true, reliable: true, crash: false });
    expect(cfg.checker.counters.snapshotsInstalled).toBeGreaterThan(0);
    cfg.end();
  });

  it('snapshot install unreliable: the same over a lossy network', () => {
    const cfg = snapshotScenario({ seed: 343, disconnect: true, reliable: false, crash: false });
    expect(cfg.checker.counters.snapshotsInstalled).toBeGreaterThan(0);
    cfg.end();
  });

  it('snapshot install crash: crashed followers restart from their snapshot and catch up', () => {
    const cfg = snapshotScenario({ seed: 344, disconnect: false, reliable: true, crash: true });
    cfg.end();
  });

  it('snapshot install uncrash: the same over a lossy network', () => {
    const cfg = snapshotScenario({ seed: 345, disconnect: false, reliable: false, crash: true });
    cfg.end();
  });

  it('snapshot all crash: every server crashes after snapshots; indexes keep growing', () => {
    const servers = 3;
    const cfg = new RaftHarness({ servers, seed: 346, snapshotThresholdEntries: SNAPSHOT_INTERVAL });
    cfg.one(randomCommand(cfg), servers, true);
    for (let iteration = 0; iteration < 5; iteration += 1) {
      const count = SNAPSHOT_INTERVAL / 2 + cfg.rng.int(0, SNAPSHOT_INTERVAL);
      for (let proposal = 0; proposal < count; proposal += 1) cfg.one(randomCommand(cfg), servers, true);
      const index1 = cfg.one(randomCommand(cfg), servers, true);
      for (const id of cfg.ids) cfg.crash(id);
      for (const id of cfg.ids) {
        cfg.start(id);
        cfg.connect(id);
      }
      const index2 = cfg.one(randomCommand(cfg), servers, true);
      expect(index2).toBeGreaterThan(index1);
    }
    cfg.end();
  });

  it('snapshot init: a restart from a snapshot, then a second restart, loses nothing', () => {
    const servers = 3;
    const cfg = new RaftHarness({ servers, seed: 347, snapshotThresholdEntries: SNAPSHOT_INTERVAL });
    cfg.one(randomCommand(cfg), servers, true);
    // Enough operations to make a snapshot.
    for (let proposal = 0; proposal < SNAPSHOT_INTERVAL + 1; proposal += 1) cfg.one(randomCommand(cfg), servers, true);
    for (const id of cfg.ids) expect(cfg.group.status(id).disk.snapshotIndex).toBeGreaterThan(0);
    for (let round = 0; round < 2; round += 1) {
      for (const id of cfg.ids) cfg.crash(id);
      for (const id of cfg.ids) {
        cfg.start(id);
        cfg.connect(id);
      }
      // One operation, to get something written back to the disks before the next crash.
      cfg.one(randomCommand(cfg), servers, true);
    }
    cfg.end();
  });
});

describe('snapshots: explicit scenarios', () => {
  it('a follower that missed compacted entries gets the leader snapshot and the same state', () => {
    const servers = 3;
    const cfg = new RaftHarness({ servers, seed: 348 });
    const snapshots = countMessages(cfg, 'MsgSnap');
    cfg.one('first', servers, true);
    const leader = cfg.checkOneLeader();
    const lagging = nextOf(cfg, leader, 1);
    cfg.disconnect(lagging);
    for (let command = 0; command < 100; command += 1) cfg.one(`while-away-${command}`, servers - 1, true);
    // Compact the leader's log past everything the lagging follower holds.
    const taken = cfg.group.takeSnapshot(leader);
    expect(taken.index).toBeGreaterThan(100);
    expect(cfg.group.status(leader).disk.entryCount).toBe(0);
    expect(cfg.group.status(lagging).disk.lastIndex).toBeLessThan(taken.index);

    cfg.connect(lagging);
    const index = cfg.one('after-rejoin', servers, true);
    expect(snapshots()).toBeGreaterThan(0);
    const laggingStatus = cfg.group.status(lagging);
    expect(laggingStatus.disk.snapshotIndex).toBe(taken.index);
    expect(laggingStatus.raft?.lastApplied).toBeGreaterThanOrEqual(index);
    // The restored state machine holds the commands it never saw as entries.
    const restored = cfg.machines.get(lagging)?.commands;
    const reference = cfg.machines.get(leader)?.commands;
    expect(restored?.get(index)).toBe('after-rejoin');
    expect([...(restored?.entries() ?? [])]).toEqual([...(reference?.entries() ?? [])]);
    cfg.end();
  });

  it('a snapshot lost on the network is sent again after an election timeout', () => {
    const servers = 3;
    const cfg = new RaftHarness({ servers, seed: 349 });
    cfg.one('first', servers, true);
    const leader = cfg.checkOneLeader();
    const lagging = nextOf(cfg, leader, 1);
    cfg.disconnect(lagging);
    for (let command = 0; command < 30; command += 1) cfg.one(`c${command}`, servers - 1, true);
    cfg.group.takeSnapshot(leader);
    // Drop the first InstallSnapshot on the floor.
    const network = cfg.runtime.network<RaftMessage>('raft');
    const send = network.send.bind(network);
    let dropped = 0;
    let sent = 0;
    network.send = (from, to, message) => {
      if (message.type === 'MsgSnap') {
        sent += 1;
        if (dropped === 0) {
          dropped += 1;
          return;
        }
      }
      send(from, to, message);
    };
    cfg.connect(lagging);
    cfg.one('after-rejoin', servers, true);
    expect(dropped).toBe(1);
    expect(sent).toBeGreaterThanOrEqual(2);
    cfg.end();
  });

  it('a node restarts from its own snapshot plus the log after it', () => {
    const servers = 3;
    const cfg = new RaftHarness({ servers, seed: 350 });
    for (let command = 0; command < 20; command += 1) cfg.one(`c${command}`, servers, true);
    const node = 's0';
    const taken = cfg.group.takeSnapshot(node);
    for (let command = 20; command < 25; command += 1) cfg.one(`c${command}`, servers, true);
    const before = [...(cfg.machines.get(node)?.commands.entries() ?? [])];
    const disk = cfg.group.status(node).disk;
    expect(disk.snapshotIndex).toBe(taken.index);
    expect(disk.entryCount).toBe(disk.lastIndex - taken.index);
    cfg.crash(node);
    cfg.start(node);
    // The state machine is rebuilt before the node even talks to anyone.
    expect([...(cfg.machines.get(node)?.commands.entries() ?? [])]).toEqual(before);
    cfg.connect(node);
    cfg.one('after-restart', servers, true);
    cfg.end();
  });
});
