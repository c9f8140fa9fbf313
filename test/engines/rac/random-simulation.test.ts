/**
 * Seeded chaos for Cache Fusion: for each seed, 5 instances run a skewed read/write workload for
 * 15 s of cluster time with random crashes, restarts, partitions and message loss. After every
 * 20 ms step: at most one X holder per block, S holders only while no X holder, every cached copy
 * at the last committed version, and every committed write readable from any other instance.
 * Then faults heal, recoveries finish, and no committed change is lost. A second run gives every
 * instance a buffer cache smaller than the database, so blocks age out through their masters
 * all along (least recently used first), under the same faults.
 *
 * A failure prints the command that replays its seed alone:
 *   SEED=17 npx vitest run test/engines/rac/random-simulation.test.ts
 */
import { describe, expect, it } from 'vitest';
import { SeededRng, type FaultSpec } from '../../../src/engines/runtime/index.js';
import type { WriteResult } from '../../../src/engines/rac/gcs.js';
import { RacWorkload } from '../../../src/engines/rac/rac-workload.js';
import { INSTANCE_IDS, startRac } from './harness.js';

const TEST_FILE = 'test/engines/rac/random-simulation.test.ts';
const CHAOS_MS = 15_000;
const STEP_MS = 20;
const onlySeed = process.env.SEED;
const SEEDS = onlySeed === undefined ? Array.from({ length: 20 }, (_, index) => index + 1) : [Number(onlySeed)];

function randomFault(rng: SeededRng): FaultSpec {
  const kind = rng.pick(['crash', 'crash', 'partition', 'loss'] as const);
  const shuffled = rng.shuffle(INSTANCE_IDS);
  switch (kind) {
    case 'crash':
      return { type: 'crash', nodes: shuffled.slice(0, 1) };
    case 'partition': {
      const cut = rng.int(1, 3);
      return { type: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] };
    }
    case 'loss':
      return { type: 'loss', nodes: shuffled.slice(0, 2), rate: 0.3 };
  }
}

async function runSeed(seed: number, bufferCacheBlocks?: number): Promise<{ writes: number; recoveries: number; transfers: number; evictions: number }> {
  const config = { heartbeatIntervalMs: 200, missedHeartbeatsToEvict: 3, affinityMinAccesses: 10, ...(bufferCacheBlocks === undefined ? {} : { bufferCacheBlocks }) };
  const harness = await startRac({ seed, config, linkDefaults: { latencyMs: 1, jitterMs: 2 } });
  const { cluster, runtime } = harness;
  const rng = new SeededRng(seed).fork('chaos');
  const log: string[] = [];
  const committed: WriteResult[] = [];
  const target = cluster.workloadTarget();
  const workload = new RacWorkload(runtime.clock, runtime.rng.fork('rac.workload'), {
    ...target,
    write: (instanceId, blockId, change) => {
      const handle = target.write(instanceId, blockId, change) as ReturnType<typeof cluster.write>;
      handle.onSettled((outcome) => {
        if (outcome.status === 'DONE') committed.push(outcome.result);
      });
      return handle;
    },
  });
  workload.set({ ratePerSecond: 300, readRatio: 0.6, skew: 0.7 });
  const active: string[] = [];
  const fail = (problem: string): never =>
    expect.fail([`seed ${seed}, at ${new Date(runtime.clock.now()).toISOString()}: ${problem}`, `  replay: SEED=${seed} npx vitest run ${TEST_FILE}`, `  log: ${log.slice(-8).join(' | ')}`].join('\n'));
  /** Every committed write is in the last committed version of its block (unless a later write to the same row replaced it). */
  const checkDurability = (): void => {
    const latest = new Map<string, WriteResult>();
    for (const write of committed) {
      const key = `${write.blockId}#${write.rowIndex}`;
      const previous = latest.get(key);
      if (previous === undefined || previous.scn < write.scn) latest.set(key, write);
    }
    for (const write of latest.values()) {
      const image = cluster.storage.committedImage(write.blockId);
      if (JSON.stringify(image.rows[write.rowIndex]) !== JSON.stringify(write.row)) fail(`committed write SCN ${write.scn} to ${write.blockId} row ${write.rowIndex} is lost`);
    }
  };
  let nextFaultAt = runtime.clock.now() + 500;
  const end = runtime.clock.now() + CHAOS_MS;
  while (runtime.clock.now() < end) {
    if (runtime.clock.now() >= nextFaultAt) {
      nextFaultAt = runtime.clock.now() + rng.int(300, 1500);
      if (active.length > 0 && (active.length >= 2 || rng.chance(0.5))) {
        const id = active.splice(rng.int(0, active.length), 1)[0]!;
        harness.heal(id);
        log.push(`heal ${id}`);
      } else {
        const spec = randomFault(rng);
        active.push(harness.fault(spec));
        log.push(`${spec.type} ${JSON.stringify(spec.nodes ?? spec.groups)}`);
      }
    }
    await harness.advance(STEP_MS);
    for (const problem of cluster.coherenceProblems()) fail(problem);
  }
  for (const id of active) harness.heal(id);
  workload.stop();
  await harness.advance(5_000);
  for (const problem of cluster.coherenceProblems()) fail(problem);
  checkDurability();
  if (cluster.activeRecoveryView() !== null) fail('a recovery is still running after the faults healed');
  if (cluster.pendingRecoveries().length > 0) fail(`instances still await recovery: ${cluster.pendingRecoveries().join(', ')}`);
  // Every instance is back, and a read anywhere sees the last committed version of every block.
  if (cluster.runningInstances().length !== INSTANCE_IDS.length) fail(`instances not back: ${JSON.stringify(cluster.instanceViews().map((view) => [view.instanceId, view.status]))}`);
  const reads = cluster.storage.blockIds().map((blockId) => ({ blockId, handle: cluster.read(rng.pick(INSTANCE_IDS), blockId) }));
  await harness.advance(1_000);
  for (const { blockId, handle } of reads) {
    if (handle.status !== 'DONE') fail(`final read of ${blockId} ${handle.status}: ${handle.reason}`);
    if (JSON.stringify(handle.result!.rows) !== JSON.stringify(cluster.storage.committedImage(blockId).rows)) fail(`final read of ${blockId} is not the last committed version`);
  }
  // No lock of a dead instance remains: the directory lists only running holders.
  for (const blockId of cluster.storage.blockIds()) {
    for (const holder of Object.keys(cluster.blockStatus(blockId).directory)) if (!cluster.isRunning(holder)) fail(`${blockId} lists ${holder} as a holder`);
  }
  // Once every release has settled, no cache holds more than its size.
  const capacity = cluster.racConfig().bufferCacheBlocks;
  for (const instanceId of INSTANCE_IDS) {
    const held = cluster.gcs.cacheOf(instanceId).size();
    if (held > capacity) fail(`${instanceId} holds ${held} blocks, more than its ${capacity}`);
  }
  const stats = cluster.clusterStatistics();
  await harness.close();
  return { writes: committed.length, recoveries: cluster.recoveryHistory().length, transfers: stats.gcs.twoWayTransfers + stats.gcs.threeWayTransfers, evictions: stats.gcs.bufferEvictions };
}

describe('RAC under seeded chaos', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: coherent after every step, nothing committed lost`, async () => {
      const outcome = await runSeed(seed);
      expect(outcome.writes).toBeGreaterThan(100);
      expect(outcome.transfers).toBeGreaterThan(50);
      expect(outcome.recoveries).toBeGreaterThan(0);
    });
  }
});

describe('RAC under seeded chaos, with buffer caches of 6 blocks for a database of 16', () => {
  for (const seed of SEEDS.slice(0, 10)) {
    it(`seed ${seed}: blocks age out, coherent after every step, nothing committed lost`, async () => {
      const outcome = await runSeed(seed, 6);
      expect(outcome.writes).toBeGreaterThan(100);
      expect(outcome.evictions).toBeGreaterThan(100);
    });
  }
});
