import { ClusterHealth } from '../engines/health/cluster-health.js';
import { ClusterHealthService } from '../services/health/cluster-health-service.js';
import { clusterHealthHandlers } from '../api/rest/handlers/health/cluster-health.js';
import { clusterHealthResolvers } from '../api/graphql/resolvers/health/cluster-health.js';
import { healthMetrics } from '../services/health/health-metrics.js';
import type { DomainModule } from './domain-module.js';

/**
 * The cluster's health: state, quorum margin, issues and their history. Listed after consensus
 * and failover: it hears of each change once they have handled it (leader_elected comes first).
 * Its open issues are the alert engine's `health` source.
 */
export const healthModule: DomainModule = {
  name: 'health',
  async assemble({ store, runtime, bus, journal, runner, shared }) {
    const consensus = shared('consensus');
    const alerts = shared('alerts').source('health');
    const clusterHealth = await ClusterHealth.load(store, { clock: runtime.clock, nodes: shared('nodes'), consensus, bus, journal, alerts });
    return {
      shares: { clusterHealth },
      services: { clusterHealth: new ClusterHealthService({ health: clusterHealth, consensus, runner }) },
      restHandlers: [clusterHealthHandlers],
      resolvers: [clusterHealthResolvers],
      metrics: [healthMetrics(clusterHealth)],
    };
  },
};
