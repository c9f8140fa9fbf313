import { DEFAULT_REGION } from '../engines/cluster/cluster-nodes.js';
import type { DatacenterRecord } from '../engines/geo/datacenters.js';
import { DATACENTER_RECORD, GeoEngine, WAN_LINK_RECORD } from '../engines/geo/geo-engine.js';
import type { WanLinkRecord } from '../engines/geo/wan-links.js';
import type { DomainModule } from './domain-module.js';

/**
 * Geo-replication: datacenters over the cluster's nodes (their region set through the cluster
 * engine, its one owner), the WAN links between them and the networks that feel them. Listed
 * after cluster and replication; shares `geo` with multi-master, monitoring and later GDS.
 */
export const geoModule: DomainModule = {
  name: 'geo',
  async assemble({ store, runtime, journal, shared }) {
    const nodes = shared('nodes');
    const geo = new GeoEngine(
      {
        nodes,
        unplacedRegion: DEFAULT_REGION,
        faults: runtime.faults,
        now: () => runtime.clock.now(),
        persist: (kind, id, value) => (value === null ? journal.delete(kind, id) : journal.put(kind, id, value)),
      },
      {
        datacenters: (await store.list<DatacenterRecord>(DATACENTER_RECORD)).map((record) => record.value),
        links: (await store.list<WanLinkRecord>(WAN_LINK_RECORD)).map((record) => record.value),
      },
    );
    // A node that leaves the cluster leaves its datacenter; one removed while the server was down too.
    for (const datacenter of geo.datacenters.list()) for (const nodeId of datacenter.nodeIds) if (!nodes.has(nodeId)) geo.datacenters.nodeLeft(nodeId);
    const stopObserving = nodes.observe({ nodeLeft: (spec) => geo.datacenters.nodeLeft(spec.nodeId) });
    return {
      shares: { geo },
      close: () => {
        stopObserving();
        geo.close();
      },
    };
  },
};
