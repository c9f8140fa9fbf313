import type { NodeStatus } from './node-health.js';
import type { ClusterConfig } from './cluster-config.js';
import type { ClusterState } from './quorum.js';

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

/** Payload of `leader_elected`. */
export interface LeaderElectedPayload {
  leaderId: string;
  term: number;
  previousLeaderId: string | null;
  votesReceived: number;
  voters: number;
  electionDurationMs: number;
}

/** Payload of `failover_initiated`. */
export interface FailoverInitiatedPayload {
  failoverId: string;
  kind: 'AUTOMATIC' | 'MANUAL' | 'SWITCHOVER' | 'DRILL';
  reason: string;
  initiatedBy: string;
  previousLeaderId: string | null;
  previousTerm: number;
  targetNodeId: string | null;
}

/** Payload of `failover_completed`, whether the failover completed or failed. */
export interface FailoverCompletedPayload {
  failoverId: string;
  kind: FailoverInitiatedPayload['kind'];
  status: 'COMPLETED' | 'FAILED';
  previousLeaderId: string | null;
  previousTerm: number;
  newLeaderId: string | null;
  newTerm: number | null;
  durationMs: number;
}

/** Payload of `quorum_lost` and `quorum_restored`. */
export interface QuorumPayload {
  hasQuorum: boolean;
  voters: number;
  healthyVoters: number;
  quorumSize: number;
  failureTolerance: number;
  unavailableNodeIds: string[];
}

/** Payload of `health_issue_detected` and `health_issue_resolved`. */
export interface HealthIssuePayload {
  issueId: string;
  type: string;
  severity: string;
  component: string;
  nodeId: string | null;
  message: string;
  affectedNodes: string[];
  detectedAt: string;
  resolvedAt: string | null;
}

/** Payload of `cluster_state_changed`. */
export interface ClusterStatePayload {
  previousState: ClusterState | null;
  state: ClusterState;
  hasQuorum: boolean;
  failureTolerance: number;
  leaderId: string | null;
}

/** Events the cluster engines emit, by type. */
export interface ClusterEventMap {
  [type: string]: unknown;
  node_joined: NodeMembershipPayload;
  node_left: NodeMembershipPayload;
  node_health_change: NodeHealthPayload;
  cluster_config_changed: { changedFields: (keyof ClusterConfig)[] };
  leader_elected: LeaderElectedPayload;
  failover_initiated: FailoverInitiatedPayload;
  failover_completed: FailoverCompletedPayload;
  quorum_lost: QuorumPayload;
  quorum_restored: QuorumPayload;
  health_issue_detected: HealthIssuePayload;
  health_issue_resolved: HealthIssuePayload;
  cluster_state_changed: ClusterStatePayload;
}
