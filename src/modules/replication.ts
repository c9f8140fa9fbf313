import { ReplicationEngine } from '../engines/replication/replication-engine.js';
import { ReplicationService } from '../services/replication/replication-service.js';
import { ReplicationSlotService } from '../services/replication/replication-slot-service.js';
import { ReplicationSnapshotService } from '../services/replication/replication-snapshot-service.js';
import { ReplicationConflictService } from '../services/replication/replication-conflict-service.js';
import { ReplicationMonitorService } from '../services/replication/replication-monitor-service.js';
import { ReplicationDashboardService } from '../services/replication/replication-dashboard-service.js';
import { replicationHandlers } from '../api/rest/handlers/replication/replication.js';
import { replicationSlotHandlers } from '../api/rest/handlers/replication/replication-slots.js';
import { replicationSnapshotHandlers } from '../api/rest/handlers/replication/replication-snapshots.js';
import { replicationConflictHandlers } from '../api/rest/handlers/replication/replication-conflicts.js';
import { replicationMonitorHandlers } from '../api/rest/handlers/replication/replication-monitor.js';
import { replicationResolvers } from '../api/graphql/resolvers/replication/replication.js';
import { replicationSlotResolvers } from '../api/graphql/resolvers/replication/replication-slots.js';
import { replicationSnapshotResolvers } from '../api/graphql/resolvers/replication/replication-snapshots.js';
import { replicationConflictResolvers } from '../api/graphql/resolvers/replication/replication-conflicts.js';
import { replicationMonitorResolvers } from '../api/graphql/resolvers/replication/replication-monitor.js';
import { replicationSubscriptionResolvers } from '../api/graphql/resolvers/replication/replication-subscriptions.js';
import { replicationStreams } from '../api/ws/streams/replication.js';
import { replicationMetrics } from '../services/replication/replication-metrics.js';
import type { DomainModule } from './domain-module.js';

/**
 * Physical WAL streaming over the cluster's nodes, the lowest id the primary at the first start.
 * Listed after RAC: the simulation has one workload, and its rate drives RAC's block operations too.
 */
export const replicationModule: DomainModule = {
  name: 'replication',
  async assemble({ store, runtime, bus, journal, runner, shared }) {
    const nodes = shared('nodes');
    const rac = shared('rac');
    const alerts = shared('alerts').source('replication');
    const replication = await ReplicationEngine.load(store, { runtime, journal, bus, alerts, nodeIds: nodes.list().map((node) => node.nodeId) });
    const deps = {
      engine: replication,
      nodes,
      clock: runtime.clock,
      runner,
      onWorkloadRate: (ratePerSecond: number) => rac.workload.set({ ratePerSecond }),
    };
    const service = new ReplicationService(deps);
    return {
      shares: { replication },
      services: {
        replication: service,
        replicationSlots: new ReplicationSlotService(deps),
        replicationSnapshots: new ReplicationSnapshotService(deps),
        replicationConflicts: new ReplicationConflictService(deps),
        replicationMonitor: new ReplicationMonitorService(deps),
        replicationDashboard: new ReplicationDashboardService(deps, service),
      },
      restHandlers: [replicationHandlers, replicationSlotHandlers, replicationSnapshotHandlers, replicationConflictHandlers, replicationMonitorHandlers],
      resolvers: [
        replicationResolvers,
        replicationSlotResolvers,
        replicationSnapshotResolvers,
        replicationConflictResolvers,
        replicationMonitorResolvers,
        replicationSubscriptionResolvers,
      ],
      streams: replicationStreams,
      metrics: [replicationMetrics(replication)],
      close: () => replication.close(),
    };
  },
};
