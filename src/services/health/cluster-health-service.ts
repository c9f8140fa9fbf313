import type { ClusterConsensus } from '../../engines/cluster/cluster-consensus.js';
import type { ClusterNodeView } from '../../engines/cluster/cluster-nodes.js';
import type { NodeStatus } from '../../engines/cluster/node-health.js';
import type { ClusterState, NodeRole } from '../../engines/cluster/quorum.js';
import type { ClusterHealth, HealthReading } from '../../engines/health/cluster-health.js';
import type { HealthIssue, HealthSample } from '../../engines/health/health-monitor.js';
import type { HealthComponent, HealthIssueType, IssueSeverity } from '../../engines/health/issue-detection.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { stateOfRole, type RaftState } from '../../engines/raft/ready.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

/** A health issue as the API shows it (the contract's HealthIssue). */
export interface HealthIssueResource {
  id: string;
  type: HealthIssueType;
  severity: IssueSeverity;
  component: HealthComponent;
  nodeId: string | null;
  message: string;
  affectedNodes: string[];
  detectedAt: string;
  updatedAt: string;
  resolved: boolean;
  resolvedAt: string | null;
}

export const HEALTH_ISSUE_FIELDS: readonly (keyof HealthIssueResource)[] = [
  'id', 'type', 'severity', 'component', 'nodeId', 'message', 'affectedNodes', 'detectedAt', 'updatedAt', 'resolved', 'resolvedAt',
];

/** The cluster's health at a glance (the contract's ClusterHealth). */
export interface ClusterHealthSummary {
  state: ClusterState;
  isHealthy: boolean;
  hasQuorum: boolean;
  quorumSize: number;
  voters: number;
  healthyVoters: number;
  failureTolerance: number;
  leaderId: string | null;
  totalNodes: number;
  healthyNodes: number;
  suspectedNodes: number;
  downNodes: number;
  activeRecoveries: number;
  issues: HealthIssueResource[];
  checkedAt: string;
}

export type HealthCheckName = 'QUORUM' | 'FAILURE_TOLERANCE' | 'LEADER' | 'NODES';
export type HealthCheckOutcome = 'PASS' | 'WARN' | 'FAIL';

export interface ClusterHealthCheck {
  name: HealthCheckName;
  outcome: HealthCheckOutcome;
  message: string;
}

/** One node's health as the failure detector and consensus see it (the contract's NodeHealthDetail). */
export interface NodeHealthDetail {
  nodeId: string;
  role: NodeRole;
  status: NodeStatus;
  isVoter: boolean;
  isLeader: boolean;
  statusSince: string;
  lastHeartbeat: string | null;
  missedHeartbeats: number;
  silenceMs: number;
  uptimeSeconds: number;
  raftState: RaftState | null;
  lagEntries: number | null;
  openIssueIds: string[];
}

/** The contract's DetailedClusterHealth. */
export interface DetailedClusterHealth {
  summary: ClusterHealthSummary;
  checks: ClusterHealthCheck[];
  leader: { leaderId: string | null; term: number; leaderSince: string | null };
  stateSince: string;
  nodes: NodeHealthDetail[];
}

/** A sample of the state history (the contract's HealthSample). */
export interface HealthSampleResource {
  at: string;
  state: ClusterState;
  hasQuorum: boolean;
  failureTolerance: number;
  totalNodes: number;
  healthyNodes: number;
  suspectedNodes: number;
  downNodes: number;
  leaderId: string | null;
  openIssues: number;
}

export type HealthIssueSortField = 'detectedAt' | 'updatedAt' | 'resolvedAt' | 'severity' | 'id';

export interface HealthIssueQuery {
  severity?: IssueSeverity;
  type?: HealthIssueType;
  component?: HealthComponent;
  /** Issues whose affected nodes include it. */
  nodeId?: string;
  resolved?: boolean;
  /** ISO-8601: detected at or after. */
  since?: string;
  sortBy?: HealthIssueSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface HealthHistoryQuery {
  state?: ClusterState;
  /** ISO-8601: taken at or after. */
  since?: string;
  /** ISO-8601: taken before. */
  until?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface ClusterHealthServiceDeps {
  health: ClusterHealth;
  consensus: ClusterConsensus;
  runner: OperationRunner;
}

const SEVERITY_RANK: Readonly<Record<IssueSeverity, number>> = { INFO: 0, WARNING: 1, ERROR: 2, CRITICAL: 3 };

/**
 * The cluster's health (/api/v1/cluster/health): state, quorum margin, issues with their
 * lifetime and the state history, from the health monitor. Not the server's own probes
 * (those are {@link HealthService}).
 */
export class ClusterHealthService {
  constructor(private readonly deps: ClusterHealthServiceDeps) {}

  health(context: OperationContext): ClusterHealthSummary {
    return this.deps.runner.read(context, 'getClusterHealth', () => summaryOf(this.deps.health.reading()));
  }

  detailed(context: OperationContext): DetailedClusterHealth {
    return this.deps.runner.read(context, 'getDetailedClusterHealth', () => {
      const reading = this.deps.health.reading();
      const { leader } = reading;
      return {
        summary: summaryOf(reading),
        checks: checksOf(reading),
        leader: { leaderId: leader.leaderId, term: leader.term, leaderSince: leader.leaderSinceMs === null ? null : isoTime(leader.leaderSinceMs) },
        stateSince: isoTime(reading.stateSinceMs),
        nodes: this.nodeDetails(reading),
      };
    });
  }

  issues(context: OperationContext, query: HealthIssueQuery): Page<Partial<HealthIssueResource>> {
    return this.deps.runner.read(context, 'listHealthIssues', () => {
      const sinceMs = instantOf('since', query.since, -Infinity);
      const matching = this.deps.health
        .issues()
        .filter((issue) => issue.detectedAtMs >= sinceMs)
        .filter((issue) => query.nodeId === undefined || issue.affectedNodes.includes(query.nodeId))
        .filter((issue) => query.resolved === undefined || (issue.resolvedAtMs !== null) === query.resolved)
        .sort(issueOrder(query.sortBy ?? 'detectedAt', query.order ?? 'desc'))
        .map(toIssueResource);
      const page = pageOf(matching, { filters: { severity: query.severity, type: query.type, component: query.component }, limit: query.limit, offset: query.offset });
      return { ...page, items: selectFields(page.items, query.fields, 'id', HEALTH_ISSUE_FIELDS) };
    });
  }

  /** One issue by id, open or among the resolved ones still kept (subscriptions show an issue as it stands). */
  findIssue(context: OperationContext, issueId: string): HealthIssueResource | undefined {
    return this.deps.runner.read(context, 'listHealthIssues', () => {
      const issue = this.deps.health.issues().find((each) => each.id === issueId);
      return issue === undefined ? undefined : toIssueResource(issue);
    });
  }

  history(context: OperationContext, query: HealthHistoryQuery): Page<HealthSampleResource> {
    return this.deps.runner.read(context, 'listHealthHistory', () => {
      const sinceMs = instantOf('since', query.since, -Infinity);
      const untilMs = instantOf('until', query.until, Infinity);
      const samples = this.deps.health.samples().filter((sample) => sample.atMs >= sinceMs && sample.atMs < untilMs);
      const ordered = (query.order ?? 'desc') === 'desc' ? [...samples].reverse() : samples;
      return pageOf(ordered.map(toSampleResource), { filters: { state: query.state }, limit: query.limit, offset: query.offset });
    });
  }

  private nodeDetails(reading: HealthReading): NodeHealthDetail[] {
    const group = this.deps.consensus.group;
    const voters = new Set(this.deps.consensus.voterIds());
    const members = new Set(group.nodeIds());
    const leaderStatus = group.leaderStatus();
    const matchIndexOf = new Map((leaderStatus?.progress ?? []).map((peer) => [peer.nodeId, peer.matchIndex]));
    const issueIdsOf = new Map<string, string[]>();
    for (const issue of reading.openIssues) {
      for (const nodeId of issue.affectedNodes) issueIdsOf.set(nodeId, [...(issueIdsOf.get(nodeId) ?? []), issue.id]);
    }
    return reading.nodes.map((node): NodeHealthDetail => {
      // A node joins Raft a little after the cluster (its membership change waits for the leader).
      const raft = members.has(node.nodeId) ? group.roleOf(node.nodeId) : null;
      const matchIndex = matchIndexOf.get(node.nodeId);
      return {
        nodeId: node.nodeId,
        role: node.role,
        status: node.status,
        isVoter: voters.has(node.nodeId),
        isLeader: node.nodeId === reading.leader.leaderId,
        statusSince: isoTime(node.statusSinceMs),
        lastHeartbeat: node.lastHeartbeatMs === null ? null : isoTime(node.lastHeartbeatMs),
        missedHeartbeats: node.missedHeartbeats,
        silenceMs: silenceMsOf(node, reading.nowMs),
        uptimeSeconds: node.uptimeSeconds,
        raftState: raft === null ? null : stateOfRole(raft.role),
        lagEntries: raft === null || leaderStatus === null || matchIndex === undefined ? null : Math.max(0, leaderStatus.lastIndex - matchIndex),
        openIssueIds: issueIdsOf.get(node.nodeId) ?? [],
      };
    });
  }
}

/** The summary of a reading: counts, quorum, and the open issues most severe first, then oldest first. */
export function summaryOf(reading: HealthReading): ClusterHealthSummary {
  const { summary, leader } = reading;
  const issues = [...reading.openIssues].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.detectedAtMs - b.detectedAtMs || issueNumber(a) - issueNumber(b));
  const serious = issues.some((issue) => issue.severity === 'ERROR' || issue.severity === 'CRITICAL');
  return {
    state: summary.state,
    isHealthy: summary.state === 'OPERATIONAL' && leader.leaderId !== null && !serious,
    hasQuorum: summary.hasQuorum,
    quorumSize: summary.quorumSize,
    voters: summary.voters,
    healthyVoters: summary.availableVoters,
    failureTolerance: summary.failureTolerance,
    leaderId: leader.leaderId,
    totalNodes: summary.totalNodes,
    healthyNodes: summary.healthyNodes,
    suspectedNodes: summary.suspectedNodes,
    downNodes: summary.downNodes,
    activeRecoveries: reading.nodes.filter((node) => node.status === 'RECOVERING').length,
    issues: issues.map(toIssueResource),
    checkedAt: isoTime(reading.nowMs),
  };
}

/** The checks behind the summary, in the contract's order: QUORUM, FAILURE_TOLERANCE, LEADER, NODES. */
function checksOf(reading: HealthReading): ClusterHealthCheck[] {
  const { summary, leader } = reading;
  const voterCount = `${summary.availableVoters} of ${summary.voters} voters healthy, ${summary.quorumSize} needed`;
  const quorum: ClusterHealthCheck = summary.hasQuorum
    ? { name: 'QUORUM', outcome: 'PASS', message: `${voterCount}.` }
    : { name: 'QUORUM', outcome: 'FAIL', message: summary.voters === 0 ? 'No voters: quorum is impossible.' : `No quorum: ${voterCount}.` };
  let tolerance: ClusterHealthCheck;
  if (!summary.hasQuorum) tolerance = { name: 'FAILURE_TOLERANCE', outcome: 'FAIL', message: 'No quorum, so no failure tolerance.' };
  else if (summary.voters === 1) tolerance = { name: 'FAILURE_TOLERANCE', outcome: 'WARN', message: 'A single voter: no failure tolerance.' };
  else if (summary.failureTolerance === 0) tolerance = { name: 'FAILURE_TOLERANCE', outcome: 'WARN', message: 'No failure tolerance: one more voter failure loses quorum.' };
  else tolerance = { name: 'FAILURE_TOLERANCE', outcome: 'PASS', message: `${voterCount}; ${summary.failureTolerance} more may fail.` };
  const leaderCheck: ClusterHealthCheck =
    leader.leaderId !== null
      ? { name: 'LEADER', outcome: 'PASS', message: `${leader.leaderId} leads term ${leader.term}.` }
      : { name: 'LEADER', outcome: 'FAIL', message: summary.hasQuorum ? 'No leader: an election is under way.' : 'No leader, and no quorum to elect one.' };
  return [quorum, tolerance, leaderCheck, nodesCheck(reading.nodes)];
}

const NOT_HEALTHY: readonly Exclude<NodeStatus, 'HEALTHY'>[] = ['DOWN', 'SUSPECTED', 'RECOVERING', 'INITIALIZING'];

function nodesCheck(nodes: readonly ClusterNodeView[]): ClusterHealthCheck {
  const counts = NOT_HEALTHY.map((status) => ({ status, count: nodes.filter((node) => node.status === status).length })).filter(({ count }) => count > 0);
  if (counts.length === 0) return { name: 'NODES', outcome: 'PASS', message: nodes.length === 0 ? 'The cluster has no nodes.' : 'Every node is healthy.' };
  const message = `${counts.map(({ status, count }) => `${count} node${count === 1 ? '' : 's'} ${status.toLowerCase()}`).join(', ')}.`;
  return { name: 'NODES', outcome: counts.some(({ status }) => status === 'DOWN') ? 'FAIL' : 'WARN', message: message.charAt(0).toUpperCase() + message.slice(1) };
}

/**
 * Epoch ms of an ISO-8601 bound, or `unbounded` without one. The request validator does not
 * check `format: date-time`, so a bound that is no time is refused here rather than matching nothing.
 */
function instantOf(name: string, text: string | undefined, unbounded: number): number {
  if (text === undefined) return unbounded;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new DomainError('UNPROCESSABLE', `${name} must be an ISO-8601 date-time; got "${text}".`, { [name]: text });
  return ms;
}

/** Milliseconds since the node's last heartbeat, or since it joined if none arrived. */
function silenceMsOf(node: ClusterNodeView, nowMs: number): number {
  return Math.max(0, nowMs - (node.lastHeartbeatMs ?? node.joinedAtMs));
}

function issueNumber(issue: HealthIssue): number {
  return Number(issue.id.slice('issue-'.length));
}

/** Sorts by the field, ties by issue number in the same direction; open issues have no resolvedAt and sort as the oldest. */
function issueOrder(field: HealthIssueSortField, order: 'asc' | 'desc'): (a: HealthIssue, b: HealthIssue) => number {
  const direction = order === 'asc' ? 1 : -1;
  const key = (issue: HealthIssue): number => {
    switch (field) {
      case 'detectedAt':
        return issue.detectedAtMs;
      case 'updatedAt':
        return issue.updatedAtMs;
      case 'resolvedAt':
        return issue.resolvedAtMs ?? -Infinity;
      case 'severity':
        return SEVERITY_RANK[issue.severity];
      case 'id':
        return issueNumber(issue);
    }
  };
  return (a, b) => direction * (key(a) - key(b) || issueNumber(a) - issueNumber(b));
}

export function toIssueResource(issue: HealthIssue): HealthIssueResource {
  return {
    id: issue.id,
    type: issue.type,
    severity: issue.severity,
    component: issue.component,
    nodeId: issue.nodeId,
    message: issue.message,
    affectedNodes: [...issue.affectedNodes],
    detectedAt: isoTime(issue.detectedAtMs),
    updatedAt: isoTime(issue.updatedAtMs),
    resolved: issue.resolvedAtMs !== null,
    resolvedAt: issue.resolvedAtMs === null ? null : isoTime(issue.resolvedAtMs),
  };
}

function toSampleResource(sample: HealthSample): HealthSampleResource {
  return {
    at: isoTime(sample.atMs),
    state: sample.state,
    hasQuorum: sample.hasQuorum,
    failureTolerance: sample.failureTolerance,
    totalNodes: sample.totalNodes,
    healthyNodes: sample.healthyNodes,
    suspectedNodes: sample.suspectedNodes,
    downNodes: sample.downNodes,
    leaderId: sample.leaderId,
    openIssues: sample.openIssues,
  };
}
