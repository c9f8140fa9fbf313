/**
 * Seeded chaos over a cascade of geo streams (nyc → lon → fra): writes and deletes on the source,
 * partitions between datacenters, link loss and crashes of the target nodes, then healing and
 * quiescence. After every step: positions never go back and never pass the source. At the end:
 * every datacenter holds exactly the source's rows, and each change was applied once.
 * Replay a failing seed with GEO_CHAOS_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../../src/engines/runtime/rng.js';
import { FRANKFURT, geoWorld, LONDON, NEW_YORK } from './geo-harness.js';

const SEEDS = process.env['GEO_CHAOS_SEED'] ? [Number(process.env['GEO_CHAOS_SEED'])] : [1, 2, 3, 4, 5, 6];
const STEPS = 150;

function rowsOf(world: ReturnType<typeof geoWorld>, nodeId: string) {
  return world.replication
    .storageOf(nodeId)
    .tableImage('accounts')
    .map((stored) => [stored.key, stored.row]);
}

describe('geo streams under seeded chaos', () => {
  it.each(SEEDS)('seed %i: every datacenter converges on the source rows once faults heal', (seed) => {
    const world = geoWorld(['node-1', 'node-2', 'node-3', 'node-4'], seed);
    const { geo, runtime, replication } = world;
    geo.createDatacenter({ datacenterId: 'nyc', name: 'NYC', region: 'us-east', location: NEW_YORK, nodeIds: ['node-1', 'node-2'] });
    geo.createDatacenter({ datacenterId: 'lon', name: 'London', region: 'eu-west', location: LONDON, nodeIds: ['node-3'] });
    geo.createDatacenter({ datacenterId: 'fra', name: 'Frankfurt', region: 'eu-west', location: FRANKFURT, nodeIds: ['node-4'] });
    const first = geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'lon', consistencyLevel: 'Global' });
    const second = geo.streams.create({ sourceDatacenterId: 'lon', targetDatacenterId: 'fra', consistencyLevel: 'Local' });
    const rng = new SeededRng(seed).fork('chaos');
    const faults: string[] = [];
    let sourceChanges = 0;
    const applied = new Map<string, number>();
    try {
      for (let step = 0; step < STEPS; step += 1) {
        const roll = rng.int(0, 100);
        const key = `a${rng.int(0, 15)}`;
        if (roll < 55) {
          replication.commitOn('node-1', [{ op: 'put', table: 'accounts', key, row: { balance: rng.int(0, 1000), step } }]);
          sourceChanges += 1;
        } else if (roll < 65 && replication.storageOf('node-1').getRow('accounts', key) !== undefined) {
          replication.commitOn('node-1', [{ op: 'delete', table: 'accounts', key }]);
          sourceChanges += 1;
        } else if (roll < 72) {
          faults.push(runtime.faults.inject({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3', 'node-4']] }, `p${step}`, runtime.clock.now()).id);
        } else if (roll < 77) {
          faults.push(runtime.faults.inject({ type: 'crash', nodes: [rng.int(0, 2) === 0 ? 'node-3' : 'node-4'] }, `c${step}`, runtime.clock.now()).id);
        } else if (roll < 82) {
          geo.links.configure('lon', 'fra', { lossRate: rng.int(0, 5) / 10 });
        } else if (roll < 90 && faults.length > 0) {
          runtime.faults.heal(faults.splice(rng.int(0, faults.length), 1)[0]!);
        }
        runtime.clock.advance(rng.int(1, 300));
        for (const stream of geo.streams.list()) {
          const source = replication.storageOf(stream.sourceNodeId).positions().writeLsn;
          expect(stream.appliedLsn, `seed ${seed} step ${step}: ${stream.streamId} applied past its source`).toBeLessThanOrEqual(source);
          expect(stream.appliedLsn, `seed ${seed} step ${step}: ${stream.streamId} went back`).toBeGreaterThanOrEqual(applied.get(stream.streamId) ?? 0);
          applied.set(stream.streamId, stream.appliedLsn);
        }
      }
      runtime.faults.healAll();
      geo.links.configure('lon', 'fra', { lossRate: 0 });
      runtime.clock.advance(30_000);
      const source = rowsOf(world, 'node-1');
      expect(rowsOf(world, 'node-3'), `seed ${seed}: London`).toEqual(source);
      expect(rowsOf(world, 'node-4'), `seed ${seed}: Frankfurt`).toEqual(source);
      const firstView = geo.streams.get(first.streamId);
      expect(firstView).toMatchObject({ lagOperations: 0, unacknowledgedOperations: 0, state: 'STREAMING' });
      expect(firstView.counters.operationsApplied, `seed ${seed}: each change applied once`).toBe(sourceChanges);
      expect(geo.streams.get(second.streamId).lagOperations).toBe(0);
    } finally {
      geo.close();
    }
  });
});
