import type { ClusterState, NodeRole, QuorumView } from '../cluster/quorum.js';
import type { NodeStatus } from '../cluster/node-health.js';

/** How bad an issue is, from the seed's `IssueSeverity`. */
export type IssueSeverity = 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** The kinds of issue the monitor detects. Each is derived from one observation, never guessed. */
export type HealthIssueType =
  | 'QUORUM_LOST'
  | 'NO_LEADER'
  | 'NO_FAILURE_TOLERANCE'
  | 'NODE_DOWN'
  | 'NODE_SUSPECTED'
  | 'NODE_RECOVERING';

/** The part of the cluster an issue concerns. */
export type HealthComponent = 'QUORUM' | 'CONSENSUS' | 'NODE';

/** Which component each kind of issue concerns. */
export const COMPONENT_OF_ISSUE: Readonly<Record<HealthIssueType, HealthComponent>> = Object.freeze({
  QUORUM_LOST: 'QUORUM',
  NO_FAILURE_TOLERANCE: 'QUORUM',
  NO_LEADER: 'CONSENSUS',
  NODE_DOWN: 'NODE',
  NODE_SUSPECTED: 'NODE',
  NODE_RECOVERING: 'NODE',
});

/** What the cluster looks like at one instant: the input of health evaluation. */
export interface HealthObservation {
  nowMs: number;
  state: ClusterState;
  quorum: QuorumView;
  nodes: readonly { nodeId: string; role: NodeRole; status: NodeStatus }[];
  /** The consensus leader, or null while there is none. */
  leaderId: string | null;
}

/** An issue as detected in one observation. `key` identifies it across observations. */
export interface DetectedIssue {
  key: string;
  type: HealthIssueType;
  severity: IssueSeverity;
  component: HealthComponent;
  /** The node a NODE issue is about; null for cluster-wide issues. */
  nodeId: string | null;
  message: string;
  affectedNodes: string[];
}

/**
 * Every issue present in `observation`. Node issues are one per node, so that one node coming
 * back resolves its own issue and not its neighbours'.
 */
export function detectIssues(observation: HealthObservation): DetectedIssue[] {
  const issues: DetectedIssue[] = [];
  const { quorum } = observation;
  const starting = observation.state === 'INITIALIZING' || observation.state === 'FORMING';
  if (!quorum.hasQuorum && !starting && quorum.voters > 0) {
    issues.push({
      key: 'QUORUM_LOST',
      type: 'QUORUM_LOST',
      severity: 'CRITICAL',
      component: COMPONENT_OF_ISSUE.QUORUM_LOST,
      nodeId: null,
      message: `Quorum lost: ${quorum.availableVoters} of ${quorum.voters} voters available, ${quorum.quorumSize} needed. Writes are refused.`,
      affectedNodes: unavailableNodes(observation),
    });
  }
  if (observation.leaderId === null && !starting) {
    issues.push({
      key: 'NO_LEADER',
      type: 'NO_LEADER',
      severity: quorum.hasQuorum ? 'ERROR' : 'CRITICAL',
      component: COMPONENT_OF_ISSUE.NO_LEADER,
      nodeId: null,
      message: quorum.hasQuorum ? 'No consensus leader: an election is under way.' : 'No consensus leader, and no quorum to elect one.',
      affectedNodes: [],
    });
  }
  if (quorum.hasQuorum && quorum.failureTolerance === 0 && quorum.voters > 1) {
    issues.push({
      key: 'NO_FAILURE_TOLERANCE',
      type: 'NO_FAILURE_TOLERANCE',
      severity: 'WARNING',
      component: COMPONENT_OF_ISSUE.NO_FAILURE_TOLERANCE,
      nodeId: null,
      message: `No failure tolerance: one more voter failure loses quorum (${quorum.availableVoters} of ${quorum.voters} voters available, ${quorum.quorumSize} needed).`,
      affectedNodes: unavailableNodes(observation),
    });
  }
  for (const node of observation.nodes) {
    const nodeIssue = NODE_ISSUES[node.status];
    if (!nodeIssue) continue;
    issues.push({
      key: `${nodeIssue.type}:${node.nodeId}`,
      type: nodeIssue.type,
      severity: node.nodeId === observation.leaderId && nodeIssue.type !== 'NODE_RECOVERING' ? 'CRITICAL' : nodeIssue.severity,
      component: COMPONENT_OF_ISSUE[nodeIssue.type],
      nodeId: node.nodeId,
      message: `${node.nodeId} ${nodeIssue.description}.`,
      affectedNodes: [node.nodeId],
    });
  }
  return issues;
}

const NODE_ISSUES: Partial<Record<NodeStatus, { type: HealthIssueType; severity: IssueSeverity; description: string }>> = {
  DOWN: { type: 'NODE_DOWN', severity: 'ERROR', description: 'is down: no heartbeat within the failure timeout' },
  SUSPECTED: { type: 'NODE_SUSPECTED', severity: 'WARNING', description: 'is suspected: heartbeats are late' },
  RECOVERING: { type: 'NODE_RECOVERING', severity: 'INFO', description: 'is recovering after being down' },
};

function unavailableNodes(observation: HealthObservation): string[] {
  return observation.nodes.filter((node) => node.status === 'DOWN' || node.status === 'SUSPECTED').map((node) => node.nodeId);
}
