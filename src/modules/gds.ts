import { GDS_SERVICE_RECORD, GdsEngine, type ServiceRecord } from '../engines/gds/gds-engine.js';
import { DEFAULT_GDS_TIMINGS } from '../engines/gds/gds-config.js';
import { LatencyProbes, type ProbeMessage } from '../engines/gds/latency-probes.js';
import { GdsService } from '../services/gds/gds-service.js';
import { gdsHandlers } from '../api/rest/handlers/gds/gds.js';
import { gdsResolvers } from '../api/graphql/resolvers/gds/gds.js';
import type { DomainModule } from './domain-module.js';

/**
 * Global data services: services over the geo engine's datacenters (after geo), instances that
 * are cluster nodes with health from the failure detector and lag from replication, the load
 * balancer's strategies, and latency probes over a network attached to geo's WAN links.
 */
export const gdsModule: DomainModule = {
  name: 'gds',
  async assemble({ store, runtime, journal, runner, shared }) {
    const geo = shared('geo');
    const nodes = shared('nodes');
    const replication = shared('replication').cluster;
    const network = runtime.network<ProbeMessage>('gds');
    const stopFollowingLinks = geo.links.attach(network);
    const isLive = (nodeId: string) => nodes.has(nodeId) && ['HEALTHY', 'RECOVERING'].includes(nodes.get(nodeId).status);
    const probes = new LatencyProbes({
      clock: runtime.clock,
      network,
      datacenters: () => geo.datacenters.list(),
      isLive,
      probeIntervalMs: DEFAULT_GDS_TIMINGS.probeIntervalMs,
      probeTimeoutMs: DEFAULT_GDS_TIMINGS.probeTimeoutMs,
    });
    const engine = new GdsEngine(
      {
        clock: runtime.clock,
        datacenters: geo.datacenters,
        nodes,
        replication,
        probes,
        persist: (name, record) => (record === null ? journal.delete(GDS_SERVICE_RECORD, name) : journal.put(GDS_SERVICE_RECORD, name, record)),
        timings: DEFAULT_GDS_TIMINGS,
      },
      (await store.list<ServiceRecord>(GDS_SERVICE_RECORD)).map((record) => record.value),
    );
    const stopUsing = geo.datacenterUsers.register((datacenterId) => engine.usersOf(datacenterId));
    const stopObserving = nodes.observe({ healthChanged: () => engine.evaluate(), nodeLeft: () => engine.evaluate() });
    probes.start();
    engine.start();
    return {
      shares: { gds: engine },
      services: { gds: new GdsService(engine, { runner, datacenterIds: () => geo.datacenters.list().map((dc) => dc.datacenterId) }) },
      restHandlers: [gdsHandlers],
      resolvers: [gdsResolvers],
      close: () => {
        stopObserving();
        stopUsing();
        engine.close();
        probes.close();
        stopFollowingLinks();
      },
    };
  },
};
