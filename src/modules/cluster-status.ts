import { ClusterStatusService, CommittedExecutionStrategy } from '../services/cluster/cluster-status-service.js';
import { clusterStatusHandlers } from '../api/rest/handlers/cluster/cluster-status.js';
import { clusterStatusResolvers } from '../api/graphql/resolvers/cluster/cluster-status.js';
import type { DomainModule } from './domain-module.js';

/**
 * The cluster domain's overview: the cluster and each clustering subsystem at a glance. Its own
 * module because it reads every subsystem, so it is listed after all of them.
 */
export const clusterStatusModule: DomainModule = {
  name: 'cluster',
  async assemble({ store, journal, runner, shared, service }) {
    const clusterStatus = new ClusterStatusService({
      health: shared('clusterHealth'),
      nodes: shared('nodes'),
      consensus: shared('consensus'),
      failoverEngine: shared('failover'),
      failover: service('failover'),
      membership: service('membership'),
      dht: service('dht'),
      loadBalancer: service('loadBalancer'),
      coordinator: service('coordinator'),
      executionStrategy: await CommittedExecutionStrategy.load(store, journal),
      runner,
    });
    return {
      services: { clusterStatus },
      restHandlers: [clusterStatusHandlers],
      resolvers: [clusterStatusResolvers],
    };
  },
};
