import { DEFAULT_REGION } from '../engines/cluster/cluster-nodes.js';
import type { DatacenterRecord } from '../engines/geo/datacenters.js';
import { DATACENTER_RECORD, GeoEngine, STREAM_RECORD, WAN_LINK_RECORD } from '../engines/geo/geo-engine.js';
import type { GeoMessage, GeoStreamRecord } from '../engines/geo/geo-streams.js';
import { GeoChannelSource } from '../engines/geo/geo-channels.js';
import type { WanLinkRecord } from '../engines/geo/wan-links.js';
import { GeoReplicationService } from '../services/geo/geo-service.js';
import { geoMetrics } from '../services/geo/geo-metrics.js';
import { geoReplicationHandlers } from '../api/rest/handlers/geo/geo-replication.js';
import { geoReplicationResolvers } from '../api/graphql/resolvers/geo/geo-replication.js';
import type { DomainModule } from './domain-module.js';

/**
 * Geo-replication: datacenters over the cluster's nodes (their region set through the cluster
 * engine, its one owner), the WAN links between them and the networks that feel them. Listed
 * after cluster and replication; shares `geo` with multi-master, monitoring and later GDS.
 */
export const geoModule: DomainModule = {
  name: 'geo',
  async assemble({ store, runtime, journal, runner, shared }) {
    const nodes = shared('nodes');
    const replication = shared('replication').cluster;
    const geo = new GeoEngine(
      {
        nodes,
        unplacedRegion: DEFAULT_REGION,
        faults: runtime.faults,
        clock: runtime.clock,
        replication,
        network: runtime.network<GeoMessage>('geo'),
        cpuMicros: () => {
          const usage = process.cpuUsage();
          return usage.user + usage.system;
        },
        persist: (kind, id, value) => (value === null ? journal.delete(kind, id) : journal.put(kind, id, value)),
      },
      {
        datacenters: (await store.list<DatacenterRecord>(DATACENTER_RECORD)).map((record) => record.value),
        links: (await store.list<WanLinkRecord>(WAN_LINK_RECORD)).map((record) => record.value),
        streams: (await store.list<GeoStreamRecord>(STREAM_RECORD)).map((record) => record.value),
      },
    );
    // A node that leaves the cluster leaves its datacenter; one removed while the server was down too.
    for (const datacenter of geo.datacenters.list()) for (const nodeId of datacenter.nodeIds) if (!nodes.has(nodeId)) geo.datacenters.nodeLeft(nodeId);
    shared('replicationMonitoring').register(new GeoChannelSource(geo.streams));
    const stopObserving = nodes.observe({ nodeLeft: (spec) => geo.datacenters.nodeLeft(spec.nodeId) });
    return {
      shares: { geo },
      services: { geoReplication: new GeoReplicationService({ geo, replication, runner }) },
      restHandlers: [geoReplicationHandlers],
      resolvers: [geoReplicationResolvers],
      metrics: [geoMetrics(geo.streams)],
      close: () => {
        stopObserving();
        geo.close();
      },
    };
  },
};
