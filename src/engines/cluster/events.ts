import type { NodeStatus } from './node-health.js';
import type { ClusterConfig } from './cluster-config.js';

/** Payload of `node_joined` and `node_left`. */
export interface NodeMembershipPayload {
  nodeId: string;
  address: string;
  role: string;
  region: string;
  zone: string;
}

/** Payload of `node_health_change`. */
export interface NodeHealthPayload {
  nodeId: string;
  previousStatus: NodeStatus;
  status: NodeStatus;
  missedHeartbeats: number;
}

/** Events the cluster engines emit, by type. */
export interface ClusterEventMap {
  [type: string]: unknown;
  node_joined: NodeMembershipPayload;
  node_left: NodeMembershipPayload;
  node_health_change: NodeHealthPayload;
  cluster_config_changed: { changedFields: (keyof ClusterConfig)[] };
}
