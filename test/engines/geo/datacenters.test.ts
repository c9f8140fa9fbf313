import { describe, expect, it } from 'vitest';
import { SimulationRuntime } from '../../../src/engines/runtime/index.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { GeoEngine } from '../../../src/engines/geo/geo-engine.js';
import { greatCircleKm, latencyFromDistanceMs } from '../../../src/engines/geo/wan-links.js';

const NEW_YORK = { latitude: 40.71, longitude: -74.01, city: 'New York' };
const LONDON = { latitude: 51.51, longitude: -0.13, city: 'London' };

function world(nodeIds = ['node-1', 'node-2', 'node-3', 'node-4']) {
  const runtime = new SimulationRuntime({ seed: 7, startMs: 0, linkDefaults: { latencyMs: 1, jitterMs: 0 } });
  const regions = new Map(nodeIds.map((id) => [id, 'local']));
  const persisted = new Map<string, unknown>();
  const nodes = {
    has: (id: string) => regions.has(id),
    get: (id: string) => ({ region: regions.get(id)! }),
    setRegion: (id: string, region: string) => regions.set(id, region),
  };
  const deps = {
    nodes,
    unplacedRegion: 'local',
    faults: runtime.faults,
    now: () => runtime.clock.now(),
    persist: (kind: string, id: string, value: unknown) => (value === null ? persisted.delete(`${kind}/${id}`) : persisted.set(`${kind}/${id}`, structuredClone(value))),
  };
  const geo = new GeoEngine(deps);
  return { runtime, regions, persisted, geo, deps };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('datacenters and WAN links', () => {
  it('places nodes by setting their region, refuses a node placed elsewhere, and gives regions back on delete', () => {
    const { geo, regions } = world();
    regions.set('node-4', 'eu-west');
    const east = geo.createDatacenter({ name: 'US East', region: 'us-east', location: NEW_YORK, nodeIds: ['node-1', 'node-2'] });
    expect(east.datacenterId).toBe('dc-1');
    expect(regions.get('node-1')).toBe('us-east');
    expect(codeOf(() => geo.createDatacenter({ name: 'x', region: 'us-west', location: LONDON, nodeIds: ['node-4'] }))).toBe('UNPROCESSABLE');
    expect(codeOf(() => geo.createDatacenter({ name: 'x', region: 'us-east', location: LONDON, nodeIds: ['node-2'] }))).toBe('CONFLICT');
    expect(codeOf(() => geo.createDatacenter({ name: 'x', region: 'eu-west', location: LONDON, nodeIds: ['node-9'] }))).toBe('NOT_FOUND');
    const stopUsing = geo.datacenterUsers.register((id) => (id === 'dc-1' ? [{ kind: 'multi-master group', id: 'g1' }] : []));
    expect(codeOf(() => geo.deleteDatacenter('dc-1'))).toBe('CONFLICT');
    stopUsing();
    geo.deleteDatacenter('dc-1');
    expect(regions.get('node-1')).toBe('local');
  });

  it('derives latency from the great-circle distance and lets a configured value win', () => {
    const { geo } = world();
    geo.createDatacenter({ datacenterId: 'nyc', name: 'NYC', region: 'us-east', location: NEW_YORK, nodeIds: ['node-1'] });
    geo.createDatacenter({ datacenterId: 'lon', name: 'London', region: 'eu-west', location: LONDON, nodeIds: ['node-3'] });
    const distanceKm = greatCircleKm(NEW_YORK, LONDON);
    expect(distanceKm).toBeGreaterThan(5500);
    expect(distanceKm).toBeLessThan(5650);
    const link = geo.links.linkBetween('nyc', 'lon');
    expect(link).toMatchObject({ latencyMs: latencyFromDistanceMs(distanceKm), basis: 'DISTANCE', partitioned: false });
    expect(link.latencyMs).toBe(Math.ceil(distanceKm / 200) + 2);
    expect(geo.links.configure('lon', 'nyc', { latencyMs: 40, lossRate: 0.1 })).toMatchObject({ latencyMs: 40, lossRate: 0.1, basis: 'CONFIGURED' });
    expect(codeOf(() => geo.links.configure('lon', 'nyc', { lossRate: 2 }))).toBe('UNPROCESSABLE');
  });

  it('makes an attached network feel the WAN, and a partition fault cuts the link', () => {
    const { geo, runtime } = world();
    const network = runtime.network<string>('test');
    const arrivals: { to: string; atMs: number }[] = [];
    for (const id of ['node-1', 'node-2', 'node-3']) network.attach(id, () => arrivals.push({ to: id, atMs: runtime.clock.now() }));
    geo.links.attach(network);
    geo.createDatacenter({ datacenterId: 'nyc', name: 'NYC', region: 'us-east', location: NEW_YORK, nodeIds: ['node-1', 'node-2'] });
    geo.createDatacenter({ datacenterId: 'lon', name: 'London', region: 'eu-west', location: LONDON, nodeIds: ['node-3'] });
    const latencyMs = geo.links.linkBetween('nyc', 'lon').latencyMs;
    network.send('node-1', 'node-2', 'same datacenter');
    network.send('node-1', 'node-3', 'across the Atlantic');
    runtime.clock.advance(1000);
    expect(arrivals).toEqual([{ to: 'node-2', atMs: 1 }, { to: 'node-3', atMs: latencyMs }]);
    runtime.faults.inject({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3']] }, 'p1', runtime.clock.now());
    expect(geo.links.linkBetween('nyc', 'lon').partitioned).toBe(true);
    geo.links.configure('nyc', 'lon', { partitioned: true });
    runtime.faults.heal('p1');
    network.send('node-3', 'node-1', 'cut on purpose');
    runtime.clock.advance(1000);
    expect(arrivals).toHaveLength(2);
    geo.links.configure('nyc', 'lon', { partitioned: false });
    geo.deleteDatacenter('lon');
    network.send('node-3', 'node-1', 'defaults again');
    const sentAtMs = runtime.clock.now();
    runtime.clock.advance(1000);
    expect(arrivals[2]).toEqual({ to: 'node-1', atMs: sentAtMs + 1 });
  });

  it('restores datacenters and links from what it persisted', () => {
    const { geo, persisted, deps } = world();
    geo.createDatacenter({ datacenterId: 'nyc', name: 'NYC', region: 'us-east', location: NEW_YORK, nodeIds: ['node-1'] });
    geo.createDatacenter({ datacenterId: 'lon', name: 'London', region: 'eu-west', location: LONDON, nodeIds: ['node-3'], wanLinks: [{ datacenterId: 'nyc', bandwidthBytesPerSecond: 1_000_000 }] });
    const records = (prefix: string) => [...persisted].filter(([key]) => key.startsWith(prefix)).map(([, value]) => value) as never[];
    const again = new GeoEngine(deps, { datacenters: records('geo.datacenter/'), links: records('geo.link/') });
    expect(again.datacenters.list()).toEqual(geo.datacenters.list());
    expect(again.links.linkBetween('nyc', 'lon')).toEqual(geo.links.linkBetween('nyc', 'lon'));
    expect(again.datacenters.datacenterOf('node-3')).toBe('lon');
  });
});
