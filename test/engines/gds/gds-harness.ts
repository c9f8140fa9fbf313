import type { Datacenter } from '../../../src/engines/geo/datacenters.js';
import type { NodeStatus } from '../../../src/engines/cluster/node-health.js';
import { GdsEngine, type ServiceRecord } from '../../../src/engines/gds/gds-engine.js';
import { DEFAULT_GDS_TIMINGS } from '../../../src/engines/gds/gds-config.js';
import { VirtualClock } from '../../../src/engines/runtime/clock.js';

/** An engine over fake datacenters and nodes whose status a test sets, on a virtual clock. */
export function gdsHarness(datacenters: Record<string, string[]>, restored: ServiceRecord[] = []) {
  const clock = new VirtualClock(0);
  const status = new Map<string, NodeStatus>();
  const dcs: Datacenter[] = Object.entries(datacenters).map(([datacenterId, nodeIds], index) => ({
    datacenterId,
    name: datacenterId,
    region: `region-${index}`,
    location: { latitude: index * 10, longitude: index * 10, city: datacenterId },
    nodeIds,
    createdAtMs: 0,
  }));
  for (const nodeIds of Object.values(datacenters)) for (const nodeId of nodeIds) status.set(nodeId, 'HEALTHY');
  const persisted = new Map<string, ServiceRecord>();
  const engine = new GdsEngine(
    {
      clock,
      datacenters: { list: () => dcs, has: (id) => dcs.some((dc) => dc.datacenterId === id), get: (id) => dcs.find((dc) => dc.datacenterId === id)! },
      nodes: { has: (id) => status.has(id), get: (id) => ({ status: status.get(id)!, lastHeartbeatMs: 0, address: `${id}:7000` }) },
      replication: { writeRoleOf: () => 'STANDALONE', listReplicas: () => [] },
      // Every pair 10 ms apart, per region index distance.
      probes: { latencyMs: (a, b) => (a === b ? 1 : 10 * Math.abs(dcs.findIndex((dc) => dc.datacenterId === a) - dcs.findIndex((dc) => dc.datacenterId === b))), matrix: () => [] },
      persist: (name, record) => (record === null ? persisted.delete(name) : persisted.set(name, structuredClone(record))),
      timings: DEFAULT_GDS_TIMINGS,
    },
    restored,
  );
  return {
    clock,
    engine,
    persisted,
    setStatus(nodeId: string, next: NodeStatus) {
      status.set(nodeId, next);
      engine.evaluate();
    },
  };
}
