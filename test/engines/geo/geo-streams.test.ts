import { describe, expect, it } from 'vitest';
import { GeoEngine } from '../../../src/engines/geo/geo-engine.js';
import { GeoChannelSource } from '../../../src/engines/geo/geo-channels.js';
import { codeOf, FRANKFURT, geoWorld, LONDON, NEW_YORK } from './geo-harness.js';

/** nyc (node-1, the primary), lon (node-3, standalone), fra (node-4, standalone). */
function threeDatacenters(seed = 7) {
  const world = geoWorld(['node-1', 'node-2', 'node-3', 'node-4'], seed);
  world.geo.createDatacenter({ datacenterId: 'nyc', name: 'NYC', region: 'us-east', location: NEW_YORK, nodeIds: ['node-1', 'node-2'] });
  world.geo.createDatacenter({ datacenterId: 'lon', name: 'London', region: 'eu-west', location: LONDON, nodeIds: ['node-3'] });
  world.geo.createDatacenter({ datacenterId: 'fra', name: 'Frankfurt', region: 'eu-west', location: FRANKFURT, nodeIds: ['node-4'] });
  const write = (key: string, value: number) => world.replication.commitOn('node-1', [{ op: 'put', table: 'orders', key, row: { value } }]);
  return { ...world, write };
}

describe('geo streams', () => {
  it('ships the source WAL, compressed, to the target, and a partition grows lag that healing drains', () => {
    const { geo, runtime, replication, write } = threeDatacenters();
    const stream = geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'lon' });
    expect(stream).toMatchObject({ sourceNodeId: 'node-1', targetNodeId: 'node-3', consistencyLevel: 'Local', state: 'STREAMING' });
    for (let i = 0; i < 20; i += 1) write(`k${i}`, i);
    runtime.clock.advance(1000);
    expect(replication.storageOf('node-3').getRow('orders', 'k19')?.row).toEqual({ value: 19 });
    const shipped = geo.streams.get(stream.streamId);
    expect(shipped).toMatchObject({ lagOperations: 0, lagMs: 0, lagBytes: 0 });
    expect(shipped.counters.operationsApplied).toBe(20);
    expect(shipped.counters.compressedBytes).toBeGreaterThan(0);
    expect(shipped.counters.rawBytes).toBeGreaterThan(shipped.counters.compressedBytes);

    runtime.faults.inject({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3', 'node-4']] }, 'wan-cut', runtime.clock.now());
    for (let i = 0; i < 10; i += 1) {
      write(`p${i}`, i);
      runtime.clock.advance(100);
    }
    const cut = geo.streams.get(stream.streamId);
    expect(cut.state).toBe('DISCONNECTED');
    expect(new GeoChannelSource(geo.streams).channels()).toEqual([
      expect.objectContaining({ channelId: 'geo-stream-1', kind: 'GEO', state: 'DISCONNECTED', lagOperations: 10, source: { nodeId: 'node-1', datacenterId: 'nyc' }, target: { nodeId: 'node-3', datacenterId: 'lon' } }),
    ]);
    expect(cut.lagOperations).toBe(10);
    expect(cut.lagMs).toBeGreaterThanOrEqual(900);
    runtime.clock.advance(2000);
    expect(geo.streams.get(stream.streamId).lagMs).toBeGreaterThan(cut.lagMs);

    runtime.faults.heal('wan-cut');
    runtime.clock.advance(3000);
    const healed = geo.streams.get(stream.streamId);
    expect(healed).toMatchObject({ state: 'STREAMING', lagOperations: 0, lagMs: 0 });
    expect(healed.counters.retransmits).toBeGreaterThan(0);
    expect(replication.storageOf('node-3').getRow('orders', 'p9')?.row).toEqual({ value: 9 });
  });

  it('acknowledges each write at the level it was written under; a change of level applies to later writes', () => {
    const { geo, runtime, write } = threeDatacenters();
    const toLondon = geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'lon', consistencyLevel: 'Strong' });
    write('a', 1);
    runtime.clock.advance(1000);
    // Strong needs every datacenter; Frankfurt gets no stream from nyc, so the write waits for it.
    expect(geo.streams.get(toLondon.streamId)).toMatchObject({ unacknowledgedOperations: 1, waitingFor: ['fra'] });
    geo.streams.setLevel(toLondon.streamId, 'Global');
    write('b', 2);
    runtime.clock.advance(1000);
    // The Strong write still waits; the Global one behind it waits in order.
    expect(geo.streams.get(toLondon.streamId).unacknowledgedOperations).toBe(2);
    geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'fra' });
    runtime.clock.advance(1000);
    const after = geo.streams.get(toLondon.streamId);
    expect(after.unacknowledgedOperations).toBe(0);
    expect(after.levelHistory.map((change) => change.level)).toEqual(['Strong', 'Global']);
  });

  it('refuses a stream that would close a cycle, one from a datacenter of standbys, and a used datacenter delete', () => {
    const { geo } = threeDatacenters();
    geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'lon' });
    geo.streams.create({ sourceDatacenterId: 'lon', targetDatacenterId: 'fra' });
    expect(codeOf(() => geo.streams.create({ sourceDatacenterId: 'fra', targetDatacenterId: 'nyc' }))).toBe('CONFLICT');
    expect(codeOf(() => geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'nyc' }))).toBe('UNPROCESSABLE');
    expect(codeOf(() => geo.deleteDatacenter('lon'))).toBe('CONFLICT');
  });

  it('keeps vector clocks per datacenter, and a restart resumes from the persisted positions', () => {
    const { geo, runtime, write, deps, restoreFromPersisted, replication } = threeDatacenters(11);
    const stream = geo.streams.create({ sourceDatacenterId: 'nyc', targetDatacenterId: 'lon' });
    geo.streams.create({ sourceDatacenterId: 'lon', targetDatacenterId: 'fra' });
    write('a', 1);
    runtime.clock.advance(1000);
    const nycClock = geo.streams.clockOf('nyc');
    const lonClock = geo.streams.clockOf('lon');
    expect(lonClock['nyc']).toBe(nycClock['nyc']);
    expect(geo.streams.clockOf('fra')['nyc']).toBe(nycClock['nyc']);
    geo.close();
    write('b', 2);
    const again = new GeoEngine(deps, restoreFromPersisted());
    expect(again.streams.get(stream.streamId).appliedLsn).toBe(nycClock['nyc']);
    runtime.clock.advance(1000);
    expect(replication.storageOf('node-4').getRow('orders', 'b')?.row).toEqual({ value: 2 });
    expect(again.streams.get(stream.streamId).lagOperations).toBe(0);
  });
});
