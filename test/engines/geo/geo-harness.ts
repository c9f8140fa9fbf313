import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import { SimulationRuntime } from '../../../src/engines/runtime/index.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { GeoEngine, type GeoEngineDeps, type GeoRestore } from '../../../src/engines/geo/geo-engine.js';
import type { GeoMessage } from '../../../src/engines/geo/geo-streams.js';

export const NEW_YORK = { latitude: 40.71, longitude: -74.01, city: 'New York' };
export const LONDON = { latitude: 51.51, longitude: -0.13, city: 'London' };
export const FRANKFURT = { latitude: 50.11, longitude: 8.68, city: 'Frankfurt' };

/**
 * A geo world on virtual time: nodes with regions, a replication cluster whose first node is the
 * primary and the others standalone (writable), and the geo engine over them, persisting into a map.
 */
export function geoWorld(nodeIds = ['node-1', 'node-2', 'node-3', 'node-4'], seed = 7) {
  const runtime = new SimulationRuntime({ seed, startMs: 0, linkDefaults: { latencyMs: 1, jitterMs: 0 } });
  const replication = ReplicationCluster.bootstrap({ runtime }, { nodeIds, replicaIds: [] });
  const regions = new Map(nodeIds.map((id) => [id, 'local']));
  const persisted = new Map<string, unknown>();
  const deps: GeoEngineDeps = {
    nodes: {
      has: (id) => regions.has(id),
      get: (id) => ({ region: regions.get(id)! }),
      setRegion: (id, region) => regions.set(id, region),
    },
    unplacedRegion: 'local',
    faults: runtime.faults,
    clock: runtime.clock,
    replication,
    network: runtime.network<GeoMessage>('geo'),
    cpuMicros: () => 0,
    persist: (kind, id, value) => (value === null ? persisted.delete(`${kind}/${id}`) : persisted.set(`${kind}/${id}`, structuredClone(value))),
  };
  const geo = new GeoEngine(deps);
  const restoreFromPersisted = (): GeoRestore => {
    const records = (prefix: string) => [...persisted].filter(([key]) => key.startsWith(prefix)).map(([, value]) => structuredClone(value)) as never[];
    return { datacenters: records('geo.datacenter/'), links: records('geo.link/'), streams: records('geo.stream/') };
  };
  return { runtime, replication, regions, persisted, geo, deps, restoreFromPersisted };
}

export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}
