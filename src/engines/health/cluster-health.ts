import type { ClusterConsensus } from '../cluster/cluster-consensus.js';
import { compareNodeIds, type ClusterNodes, type ClusterNodeView, type ClusterSummary } from '../cluster/cluster-nodes.js';
import type { AlertCondition } from '../alerts/alert.js';
import type { AlertSource } from '../alerts/alert-engine.js';
import type { ClusterEventMap, HealthIssuePayload, QuorumPayload } from '../cluster/events.js';
import type { NodeStatus } from '../cluster/node-health.js';
import type { NodeRole } from '../cluster/quorum.js';
import { assert } from '../runtime/domain-error.js';
import type { EventBus } from '../runtime/event-bus.js';
import type { VirtualClock } from '../runtime/index.js';
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { EMPTY_HEALTH_STATE, HealthMonitor, type HealthChange, type HealthIssue, type HealthMonitorState, type HealthSample } from './health-monitor.js';
import type { HealthObservation } from './issue-detection.js';

/** Persisted record kind of the cluster's health (one record, id `current`). */
export const CLUSTER_HEALTH_RECORD = 'cluster.health';

/** What the event bus names as the source of health events. */
export const HEALTH_EVENT_SOURCE = 'cluster.health';

/** What survives a restart: the monitor's issues and samples, and a quorum loss not yet announced as restored. */
export interface StoredClusterHealth {
  monitor: HealthMonitorState;
  /** `quorum_lost` was published and `quorum_restored` not yet. */
  quorumLost: boolean;
}

export const EMPTY_CLUSTER_HEALTH: Readonly<StoredClusterHealth> = Object.freeze({ monitor: EMPTY_HEALTH_STATE, quorumLost: false });

export interface ClusterHealthDeps {
  clock: VirtualClock;
  nodes: ClusterNodes;
  consensus: ClusterConsensus;
  bus: EventBus<ClusterEventMap>;
  journal: Journal;
  /** The alert engine's `health` source: every open issue is an alert there. */
  alerts: AlertSource;
}

/** The consensus leader as the health monitor reports it. */
export interface HealthLeader {
  leaderId: string | null;
  /** The highest Raft term a running node has seen (the durable terms when none runs). */
  term: number;
  /** Cluster time the leader was elected; null without a leader. */
  leaderSinceMs: number | null;
}

/** One consistent reading of the cluster's health, at `nowMs`. */
export interface HealthReading {
  nowMs: number;
  summary: ClusterSummary;
  /** Every node, in node-id order. */
  nodes: readonly ClusterNodeView[];
  leader: HealthLeader;
  /** Open issues, oldest first. */
  openIssues: readonly HealthIssue[];
  /** When the cluster entered `summary.state`. */
  stateSinceMs: number;
}

/**
 * The cluster's health, kept current: every membership change, node health change, leader
 * change and consensus configuration change is observed synchronously (in the unit of work that
 * made it) and fed to the {@link HealthMonitor}, whose issues and samples are journaled with that
 * change. Each observation that opens or resolves an issue, changes the cluster state, or loses
 * or restores quorum is published on the bus. Open issues are the conditions of the alert
 * engine's `health` source: each fires an alert at once, resolved with the issue.
 */
export class ClusterHealth {
  /** The health as the store left it, observed again at once: the cluster may have changed while the server was down. */
  static async load(store: Store, deps: ClusterHealthDeps): Promise<ClusterHealth> {
    return new ClusterHealth(deps, (await store.get<StoredClusterHealth>(CLUSTER_HEALTH_RECORD, 'current')) ?? EMPTY_CLUSTER_HEALTH);
  }

  private readonly monitor: HealthMonitor;
  private quorumLost: boolean;
  /**
   * Each node's status as the observers reported it, in node-id order. Observations read this
   * rather than building the node views: a thousand nodes answering their first heartbeat are a
   * thousand observations, and views of every node for each made that quadratic.
   */
  private nodeStatuses = new Map<string, { nodeId: string; role: NodeRole; status: NodeStatus }>();
  /** Until the first observation of this start. */
  private restarting = true;

  constructor(
    private readonly deps: ClusterHealthDeps,
    restored: StoredClusterHealth = EMPTY_CLUSTER_HEALTH,
  ) {
    this.monitor = new HealthMonitor(restored.monitor);
    this.quorumLost = restored.quorumLost;
    for (const node of deps.nodes.list()) this.nodeStatuses.set(node.nodeId, { nodeId: node.nodeId, role: node.role, status: node.status });
    deps.nodes.observe({
      nodeJoined: (spec) => {
        this.nodeJoined(spec.nodeId, spec.role, deps.nodes.get(spec.nodeId).status);
        this.evaluate();
      },
      nodeLeft: (spec) => {
        this.nodeStatuses.delete(spec.nodeId);
        this.evaluate();
      },
      healthChanged: (nodeId, _previousStatus, status) => {
        const node = this.nodeStatuses.get(nodeId);
        assert(node, `health change of ${nodeId}, which never joined`);
        node.status = status;
        this.evaluate();
      },
      // minQuorumSize changes the quorum.
      configChanged: () => this.evaluate(),
    });
    deps.consensus.onLeaderChange(() => this.evaluate());
    deps.consensus.group.observe({
      // Quorum counts the voters of the newest Raft configuration: a configuration entry, a
      // snapshot, or a node starting or stopping may change who they are.
      onReady: (_nodeId, ready) => {
        if (ready.snapshot !== undefined || ready.entries.some((entry) => entry.type === 'config')) this.evaluate();
      },
      onLifecycle: () => this.evaluate(),
    });
    this.evaluate();
  }

  /** The health now: the cluster's counts and quorum, the leader, and the monitor's open issues. */
  reading(): HealthReading {
    const nowMs = this.observationTimeMs();
    return {
      nowMs,
      summary: this.deps.nodes.summary(),
      nodes: this.deps.nodes.list(),
      leader: this.leader(),
      openIssues: this.monitor.openIssues(),
      stateSinceMs: this.monitor.stateSinceMs() ?? nowMs,
    };
  }

  leader(): HealthLeader {
    const group = this.deps.consensus.group;
    const current = group.currentLeader();
    // Roles are cheap to read; full statuses (with the disks) only when no node runs.
    let terms = group.nodeIds().flatMap((nodeId) => group.roleOf(nodeId)?.term ?? []);
    if (terms.length === 0) terms = group.statuses().map((status) => status.disk.hardState.term);
    return { leaderId: current?.leaderId ?? null, term: terms.reduce((highest, term) => Math.max(highest, term), 0), leaderSinceMs: current?.sinceMs ?? null };
  }

  /** Open issues, then resolved ones, newest detection first. */
  issues(): HealthIssue[] {
    return this.monitor.allIssues();
  }

  openIssues(): readonly HealthIssue[] {
    return this.monitor.openIssues();
  }

  /** The state history, oldest first. */
  samples(): readonly HealthSample[] {
    return this.monitor.samples();
  }

  private nodeJoined(nodeId: string, role: NodeRole, status: NodeStatus): void {
    const lastNodeId = [...this.nodeStatuses.keys()].at(-1);
    this.nodeStatuses.set(nodeId, { nodeId, role, status });
    if (lastNodeId !== undefined && compareNodeIds(nodeId, lastNodeId) < 0) {
      this.nodeStatuses = new Map([...this.nodeStatuses].sort(([a], [b]) => compareNodeIds(a, b)));
    }
  }

  private evaluate(): void {
    const summary = this.deps.nodes.summary();
    const firstOfThisStart = this.restarting;
    const observation: HealthObservation = {
      nowMs: this.restarting ? this.restartTimeMs() : this.observationTimeMs(),
      state: summary.state,
      quorum: summary,
      nodes: [...this.nodeStatuses.values()],
      leaderId: this.deps.consensus.group.currentLeader()?.leaderId ?? null,
    };
    this.restarting = false;
    const change = this.monitor.observe(observation);
    this.announce(change, observation);
    // The alerts follow the open issues; the first observation of a start reconciles them with what the store held.
    if (firstOfThisStart || change.opened.length > 0 || change.resolved.length > 0 || change.updated.length > 0) {
      this.deps.alerts.evaluate(this.monitor.openIssues().map(alertConditionOf), observation.nowMs);
    }
    if (change.opened.length > 0 || change.resolved.length > 0 || change.updated.length > 0 || change.sample !== null) this.persist();
  }

  /** Publishes what one observation changed: the state, the quorum, then each issue resolved and opened. */
  private announce(change: HealthChange, observation: HealthObservation): void {
    const { bus } = this.deps;
    const { quorum } = observation;
    if (change.previousState !== change.state) {
      bus.publish('cluster_state_changed', HEALTH_EVENT_SOURCE, {
        previousState: change.previousState,
        state: change.state,
        hasQuorum: quorum.hasQuorum,
        failureTolerance: quorum.failureTolerance,
        leaderId: observation.leaderId,
      });
    }
    // Lost once the QUORUM_LOST issue opens (a cluster still forming never had quorum to lose),
    // restored at the first observation with quorum after that, however the issue ended.
    if (!this.quorumLost && change.opened.some((issue) => issue.type === 'QUORUM_LOST')) {
      this.quorumLost = true;
      bus.publish('quorum_lost', HEALTH_EVENT_SOURCE, this.quorumPayload(observation));
    } else if (this.quorumLost && quorum.hasQuorum) {
      this.quorumLost = false;
      bus.publish('quorum_restored', HEALTH_EVENT_SOURCE, this.quorumPayload(observation));
    }
    for (const issue of change.resolved) bus.publish('health_issue_resolved', HEALTH_EVENT_SOURCE, issuePayload(issue));
    for (const issue of change.opened) bus.publish('health_issue_detected', HEALTH_EVENT_SOURCE, issuePayload(issue));
  }

  private quorumPayload(observation: HealthObservation): QuorumPayload {
    const voters = new Set(this.deps.consensus.voterIds());
    const { quorum } = observation;
    return {
      hasQuorum: quorum.hasQuorum,
      voters: quorum.voters,
      healthyVoters: quorum.availableVoters,
      quorumSize: quorum.quorumSize,
      failureTolerance: quorum.failureTolerance,
      unavailableNodeIds: observation.nodes
        .filter((node) => voters.has(node.nodeId) && (node.status === 'SUSPECTED' || node.status === 'DOWN'))
        .map((node) => node.nodeId),
    };
  }

  /**
   * The clock, or the newest sample's time if that is later: a server that stopped without
   * saving its clock resumes slightly behind the health it journaled, and history never runs
   * backwards.
   */
  private observationTimeMs(): number {
    return Math.max(this.deps.clock.now(), this.monitor.samples().at(-1)?.atMs ?? -Infinity);
  }

  /**
   * The time of the first observation after a start: a new instant even when the clock resumes at
   * the newest journaled sample, so that it is recorded after that sample rather than merged
   * into it (the monitor makes one sample of the changes at one instant).
   */
  private restartTimeMs(): number {
    const lastMs = this.monitor.samples().at(-1)?.atMs;
    return lastMs === undefined ? this.deps.clock.now() : Math.max(this.deps.clock.now(), lastMs + 1);
  }

  private persist(): void {
    const stored: StoredClusterHealth = { monitor: this.monitor.snapshot(), quorumLost: this.quorumLost };
    this.deps.journal.put(CLUSTER_HEALTH_RECORD, 'current', stored);
  }
}

/** An open issue as an alert condition: named by its type, one per node for node issues, firing at once. */
function alertConditionOf(issue: HealthIssue): AlertCondition {
  return {
    name: issue.type,
    labels: issue.nodeId === null ? { component: issue.component } : { component: issue.component, node: issue.nodeId },
    severity: issue.severity,
    annotations: { summary: issue.message, issueId: issue.id },
    value: null,
    forMs: 0,
  };
}

function issuePayload(issue: HealthIssue): HealthIssuePayload {
  return {
    issueId: issue.id,
    type: issue.type,
    severity: issue.severity,
    component: issue.component,
    nodeId: issue.nodeId,
    message: issue.message,
    affectedNodes: [...issue.affectedNodes],
    detectedAt: new Date(issue.detectedAtMs).toISOString(),
    resolvedAt: issue.resolvedAtMs === null ? null : new Date(issue.resolvedAtMs).toISOString(),
  };
}
