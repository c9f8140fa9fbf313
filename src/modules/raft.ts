import { ClusterConsensus } from '../engines/cluster/cluster-consensus.js';
import { RaftService } from '../services/raft/raft-service.js';
import { raftMetrics } from '../services/raft/raft-metrics.js';
import { raftHandlers } from '../api/rest/handlers/raft/raft.js';
import { raftResolvers } from '../api/graphql/resolvers/raft/raft.js';
import type { DomainModule } from './domain-module.js';

/** Raft consensus over the cluster's nodes: term, vote and log restored from the store. */
export const raftModule: DomainModule = {
  name: 'raft',
  async assemble({ store, runtime, bus, journal, runner, shared }) {
    const nodes = shared('nodes');
    const consensus = await ClusterConsensus.load(store, { runtime, nodes, journal, bus });
    return {
      shares: { consensus },
      services: { raft: new RaftService({ consensus, nodes, clock: runtime.clock, runner }) },
      restHandlers: [raftHandlers],
      resolvers: [raftResolvers],
      metrics: [raftMetrics(consensus)],
      close: () => consensus.close(),
    };
  },
};
