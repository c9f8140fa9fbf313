import { ReplicationMonitoring } from '../engines/replication-monitoring/replication-monitoring.js';
import type { DomainModule } from './domain-module.js';

/**
 * Replication monitoring across every channel. Listed right after replication, whose WAL senders
 * are the physical channels, whose monitor's samples drive the sampling and whose one rule book
 * keeps the channel rules; before geo, multi-master and logical, which register their channel
 * sources into `replicationMonitoring` when they assemble.
 */
export const replicationMonitoringModule: DomainModule = {
  name: 'replication-monitoring',
  async assemble({ shared }) {
    const replication = shared('replication');
    const replicationMonitoring = new ReplicationMonitoring({ cluster: replication.cluster, monitor: replication.monitor });
    return {
      shares: { replicationMonitoring },
    };
  },
};
