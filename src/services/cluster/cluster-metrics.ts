import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import type { NodeStatus } from '../../engines/cluster/node-health.js';
import type { ClusterState } from '../../engines/cluster/quorum.js';
import { countSeries, readCounter, readGauge, stateSeries, type MetricsCollector } from '../platform/metrics-service.js';

const CLUSTER_STATES: readonly ClusterState[] = ['INITIALIZING', 'FORMING', 'OPERATIONAL', 'DEGRADED', 'RECOVERING', 'SHUTTING_DOWN', 'STOPPED'];
const NODE_STATUSES: readonly NodeStatus[] = ['INITIALIZING', 'HEALTHY', 'SUSPECTED', 'DOWN', 'RECOVERING'];

/** Nodes and their status, quorum and the control plane's heartbeats, as the failure detector sees them. */
export function clusterMetrics(nodes: ClusterNodes): MetricsCollector {
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_cluster_nodes',
      help: 'Cluster nodes by status.',
      labelNames: ['status'],
      read: () => countSeries('status', NODE_STATUSES, nodes.list().map((node) => node.status)),
    });
    readGauge(registry, {
      name: 'rustydb_cluster_node_status',
      help: 'Each node\'s status as a state set: 1 for the status it is in, 0 for the others.',
      labelNames: ['node', 'status'],
      read: () => nodes.list().flatMap((node) => stateSeries('status', NODE_STATUSES, node.status, { node: node.nodeId })),
    });
    readGauge(registry, {
      name: 'rustydb_cluster_node_missed_heartbeats',
      help: 'Heartbeat intervals since the node\'s last heartbeat reached the control plane.',
      labelNames: ['node'],
      read: () => nodes.list().map((node) => [{ node: node.nodeId }, node.missedHeartbeats]),
    });
    readGauge(registry, {
      name: 'rustydb_cluster_state',
      help: 'The cluster\'s state as a state set: 1 for the state it is in, 0 for the others.',
      labelNames: ['state'],
      read: () => stateSeries('state', CLUSTER_STATES, nodes.summary().state),
    });
    readGauge(registry, { name: 'rustydb_cluster_has_quorum', help: '1 when the cluster has quorum.', read: () => (nodes.summary().hasQuorum ? 1 : 0) });
    readGauge(registry, { name: 'rustydb_cluster_failure_tolerance', help: 'Voters that can still fail before quorum is lost.', read: () => nodes.summary().failureTolerance });
    readCounter(registry, { name: 'rustydb_cluster_heartbeats_received_total', help: 'Heartbeats received by the control plane since the server started.', read: () => nodes.summary().heartbeatsReceived });
  };
}
