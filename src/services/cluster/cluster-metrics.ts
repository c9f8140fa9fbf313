import { Gauge } from 'prom-client';
import { readGauge, type MetricsCollector } from '../platform/metrics-service.js';
import type { ClusterService } from './cluster-service.js';

/** Nodes by status, quorum and the control plane's heartbeats. */
export function clusterMetrics(cluster: ClusterService): MetricsCollector {
  return (registry) => {
    new Gauge({
      name: 'rustydb_cluster_nodes',
      help: 'Cluster nodes by status.',
      labelNames: ['status'],
      registers: [registry],
      collect() {
        const summary = cluster.summary();
        this.set({ status: 'healthy' }, summary.healthyNodes);
        this.set({ status: 'suspected' }, summary.suspectedNodes);
        this.set({ status: 'down' }, summary.downNodes);
        this.set({ status: 'initializing' }, summary.totalNodes - summary.healthyNodes - summary.suspectedNodes - summary.downNodes);
      },
    });
    readGauge(registry, 'rustydb_cluster_has_quorum', '1 when the cluster has quorum.', () => (cluster.summary().hasQuorum ? 1 : 0));
    readGauge(registry, 'rustydb_cluster_failure_tolerance', 'Voters that can still fail before quorum is lost.', () => cluster.summary().failureTolerance);
    readGauge(registry, 'rustydb_cluster_heartbeats_received', 'Heartbeats received by the control plane.', () => cluster.summary().heartbeatsReceived);
  };
}
