import type { RacEngine } from '../../engines/rac/rac-engine.js';
import { readCounter, readGauge, secondsOf, type MetricsCollector } from '../platform/metrics-service.js';

/**
 * Cache Fusion, the enqueue service, the directory and the interconnect, from the RAC cluster's
 * counters. They start from zero at each open of the database: Prometheus sees a counter reset.
 */
export function racMetrics(engine: RacEngine): MetricsCollector {
  const { cluster } = engine;
  const gcs = () => cluster.clusterStatistics().gcs;
  const interconnectSum = (pick: (pair: ReturnType<typeof cluster.interconnectStats>[number]) => number) => () => cluster.interconnectStats().reduce((total, pair) => total + pick(pair), 0);
  return (registry) => {
    readGauge(registry, { name: 'rustydb_rac_instances_running', help: 'RAC instances running.', read: () => cluster.runningInstances().length });
    readCounter(registry, {
      name: 'rustydb_rac_cache_fusion_transfers_total',
      help: 'Cache Fusion block transfers by kind: 2-way (the holder ships to the requester), 3-way (through the master), downgrade (an exclusive holder keeps a shared copy).',
      labelNames: ['kind'],
      read: () => {
        const counters = gcs();
        return [
          [{ kind: '2-way' }, counters.twoWayTransfers],
          [{ kind: '3-way' }, counters.threeWayTransfers],
          [{ kind: 'downgrade' }, counters.downgrades],
        ];
      },
    });
    readCounter(registry, { name: 'rustydb_rac_cache_fusion_transfer_seconds_total', help: 'Time block transfers took, summed (divide by the 2-way and 3-way transfers for the mean).', read: () => secondsOf(gcs().totalTransferLatencyMs) });
    readGauge(registry, {
      name: 'rustydb_rac_block_transfer_latency_seconds',
      help: 'Mean time from a block request to its transfer since the database opened (0 before any).',
      read: () => secondsOf(gcs().averageTransferLatencyMs ?? 0),
    });
    readCounter(registry, { name: 'rustydb_rac_block_requests_total', help: 'Global Cache Service block requests.', read: () => gcs().requests });
    readCounter(registry, { name: 'rustydb_rac_block_request_failures_total', help: 'Block requests that failed.', read: () => gcs().failedRequests });
    readCounter(registry, { name: 'rustydb_rac_shipped_bytes_total', help: 'Block bytes Cache Fusion shipped between instances.', read: () => gcs().bytesShipped });
    readCounter(registry, { name: 'rustydb_rac_ges_waits_total', help: 'Global enqueue requests that had to wait.', read: () => cluster.clusterStatistics().ges.waits });
    readCounter(registry, { name: 'rustydb_rac_ges_wait_seconds_total', help: 'Time global enqueue requests waited, summed.', read: () => secondsOf(cluster.clusterStatistics().ges.totalWaitMs) });
    readCounter(registry, { name: 'rustydb_rac_remasters_total', help: 'Resources the directory remastered to another instance.', read: () => cluster.clusterStatistics().grd.remasters });
    readGauge(registry, {
      // A gauge: the recovery history keeps its latest records only.
      name: 'rustydb_rac_instance_recoveries',
      help: 'Instance recoveries in the kept history, the running one included.',
      read: () => cluster.recoveryHistory().length + (cluster.activeRecoveryView() === null ? 0 : 1),
    });
    readGauge(registry, { name: 'rustydb_rac_instance_recovery_running', help: '1 while an instance recovery runs.', read: () => (cluster.activeRecoveryView() === null ? 0 : 1) });
    readCounter(registry, { name: 'rustydb_rac_interconnect_sent_bytes_total', help: 'Bytes the instances sent over the interconnect.', read: interconnectSum((pair) => pair.bytesSent) });
    readCounter(registry, { name: 'rustydb_rac_interconnect_received_bytes_total', help: 'Bytes the instances received over the interconnect.', read: interconnectSum((pair) => pair.bytesReceived) });
  };
}
