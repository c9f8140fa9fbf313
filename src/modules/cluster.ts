import { defaultClusterConfig, type ClusterConfig } from '../engines/cluster/cluster-config.js';
import { ClusterNodes, CONFIG_RECORD, META_RECORD, NODE_RECORD, type ClusterMeta, type HeartbeatMessage, type NodeSpec } from '../engines/cluster/cluster-nodes.js';
import { ClusterService } from '../services/cluster/cluster-service.js';
import { clusterMetrics } from '../services/cluster/cluster-metrics.js';
import { clusterHandlers } from '../api/rest/handlers/cluster/cluster.js';
import { clusterResolvers } from '../api/graphql/resolvers/cluster/cluster.js';
import { clusterNodeStream } from '../api/ws/streams/cluster.js';
import type { DomainModule } from './domain-module.js';

/**
 * The cluster's nodes: their specs, heartbeats to the control plane and health. Listed first:
 * every other domain runs on these nodes. The first start creates `initialNodes` of them.
 */
export const clusterModule: DomainModule = {
  name: 'cluster',
  async assemble({ store, runtime, bus, journal, runner, options }) {
    const meta = (await store.get<ClusterMeta>(META_RECORD, 'current')) ?? { createdAtMs: runtime.clock.now(), updatedAtMs: runtime.clock.now() };
    const storedConfig = await store.get<ClusterConfig>(CONFIG_RECORD, 'current');
    const config = storedConfig ?? { ...defaultClusterConfig };
    const nodes = new ClusterNodes(
      { clock: runtime.clock, network: runtime.network<HeartbeatMessage>('control'), faults: runtime.faults, bus, journal },
      config,
      meta,
    );
    if (storedConfig === undefined) {
      // The first start: the store holds no cluster yet.
      journal.put(CONFIG_RECORD, 'current', config);
      journal.put(META_RECORD, 'current', meta);
      for (let index = 1; index <= options.initialNodes; index += 1) nodes.add({ address: `node-${index}.cluster.local:7000` });
    } else {
      nodes.restore((await store.list<NodeSpec>(NODE_RECORD)).map((record) => record.value));
    }
    const cluster = new ClusterService(nodes, runner);
    return {
      shares: { nodes },
      services: { cluster },
      restHandlers: [clusterHandlers],
      resolvers: [clusterResolvers],
      streams: [clusterNodeStream],
      metrics: [clusterMetrics(nodes)],
    };
  },
};
