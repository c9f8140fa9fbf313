import { NodeProbeService } from '../services/cluster/node-probe-service.js';
import { nodeProbeHandlers } from '../api/rest/handlers/cluster/node-probes.js';
import { nodeProbeResolvers } from '../api/graphql/resolvers/cluster/node-probes.js';
import type { DomainModule } from './domain-module.js';

/**
 * Each node's role probes for load balancers: whether it is the replication primary, a streaming
 * standby within a lag bound, or the Raft leader. Its own module because it reads replication
 * and consensus, so it is listed after both.
 */
export const nodeProbesModule: DomainModule = {
  name: 'cluster',
  assemble({ runtime, shared }) {
    const nodeProbes = new NodeProbeService({
      nodes: shared('nodes'),
      replication: shared('replication').cluster,
      consensus: shared('consensus'),
      faults: runtime.faults,
    });
    return {
      services: { nodeProbes },
      restHandlers: [nodeProbeHandlers],
      resolvers: [nodeProbeResolvers],
    };
  },
};
