import { ReplicationMonitoring } from '../engines/replication-monitoring/replication-monitoring.js';
import { ReplicationMonitoringService } from '../services/replication-monitoring/replication-monitoring-service.js';
import { replicationMonitoringHandlers } from '../api/rest/handlers/replication-monitoring/replication-monitoring.js';
import { replicationMonitoringResolvers } from '../api/graphql/resolvers/replication-monitoring/replication-monitoring.js';
import { replicationMonitoringMetrics } from '../services/replication-monitoring/replication-monitoring-metrics.js';
import type { DomainModule } from './domain-module.js';

/**
 * Replication monitoring across every channel. Listed right after replication, whose WAL senders
 * are the physical channels, whose monitor's samples drive the sampling and whose one rule book
 * keeps the channel rules; before geo, multi-master and logical, which register their channel
 * sources into `replicationMonitoring` when they assemble.
 */
export const replicationMonitoringModule: DomainModule = {
  name: 'replication-monitoring',
  async assemble({ runner, shared }) {
    const replication = shared('replication');
    const replicationMonitoring = new ReplicationMonitoring({ cluster: replication.cluster, monitor: replication.monitor });
    return {
      shares: { replicationMonitoring },
      services: { replicationMonitoring: new ReplicationMonitoringService({ monitoring: replicationMonitoring, runner }) },
      restHandlers: [replicationMonitoringHandlers],
      resolvers: [replicationMonitoringResolvers],
      metrics: [replicationMonitoringMetrics(replicationMonitoring)],
    };
  },
};
