import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import type { NodeRole } from '../../engines/cluster/quorum.js';
import type { ClusterConsensus } from '../../engines/cluster/cluster-consensus.js';
import { FAILOVER_RATE_WINDOW_MS } from '../../engines/failover/failover-config.js';
import type { ClusterFailover, FailoverRequest, FailoverSettings } from '../../engines/failover/cluster-failover.js';
import type { FailoverKind, FailoverRecord, FailoverStatus, FailoverStep } from '../../engines/failover/failover-tracker.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import type { DrillOutcome, DrillRequest, FailoverDrill } from './failover-drill.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

/** A failover as the API shows it (the contract's FailoverResult). */
export interface FailoverResult {
  failoverId: string;
  kind: FailoverKind;
  status: FailoverStatus;
  reason: string;
  initiatedBy: string;
  previousLeaderId: string | null;
  previousTerm: number;
  targetNodeId: string | null;
  newLeaderId: string | null;
  newTerm: number | null;
  initiatedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  timeline: { at: string; step: FailoverStep['step']; nodeId: string | null; term: number | null; detail: string }[];
}

export const FAILOVER_RESULT_FIELDS: readonly (keyof FailoverResult)[] = [
  'failoverId', 'kind', 'status', 'reason', 'initiatedBy', 'previousLeaderId', 'previousTerm', 'targetNodeId',
  'newLeaderId', 'newTerm', 'initiatedAt', 'completedAt', 'durationMs', 'timeline',
];

export interface SuspectedNode {
  nodeId: string;
  status: 'SUSPECTED' | 'DOWN';
  role: NodeRole;
  isLeader: boolean;
  isVoter: boolean;
  lastHeartbeat: string | null;
  missedHeartbeats: number;
  silenceMs: number;
  suspectedSince: string;
  downAt: string;
  failoverTriggered: boolean;
}

export interface FailoverHistoryQuery {
  failoverId?: string;
  kind?: FailoverKind;
  status?: FailoverStatus;
  nodeId?: string;
  since?: string;
  until?: string;
  sortBy?: 'initiatedAt' | 'durationMs' | 'failoverId';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface FailoverServiceDeps {
  failover: ClusterFailover;
  drill: FailoverDrill;
  nodes: ClusterNodes;
  consensus: ClusterConsensus;
  clock: VirtualClock;
  runner: OperationRunner;
}

/** Failover operations: manual failover and switchover, settings, history, suspects, drills, statistics. */
export class FailoverService {
  constructor(private readonly deps: FailoverServiceDeps) {}

  trigger(context: OperationContext, request: FailoverRequest): Promise<FailoverResult> {
    return this.deps.runner.run(context, 'triggerFailover', `cluster.failover/${request.targetNodeId ?? '(best voter)'}`, () =>
      toFailoverResult(this.deps.failover.trigger(request, context.caller.keyId)),
    );
  }

  getSettings(context: OperationContext): FailoverSettings {
    return this.deps.runner.read(context, 'getFailoverConfig', () => this.deps.failover.settings());
  }

  updateSettings(context: OperationContext, settings: FailoverSettings): Promise<FailoverSettings> {
    return this.deps.runner.run(context, 'updateFailoverConfig', 'cluster.failover.config', () => this.deps.failover.updateSettings(settings));
  }

  /** Changes the named settings and keeps the rest (GraphQL). */
  changeSettings(context: OperationContext, changes: Partial<FailoverSettings>): Promise<FailoverSettings> {
    return this.deps.runner.run(context, 'updateFailoverConfig', 'cluster.failover.config', () =>
      this.deps.failover.updateSettings({ ...this.deps.failover.settings(), ...changes }),
    );
  }

  history(context: OperationContext, query: FailoverHistoryQuery): Page<Partial<FailoverResult>> {
    return this.deps.runner.read(context, 'listFailoverHistory', () => {
      const sinceMs = query.since === undefined ? -Infinity : Date.parse(query.since);
      const untilMs = query.until === undefined ? Infinity : Date.parse(query.until);
      const records = this.deps.failover
        .history()
        .filter((record) => query.nodeId === undefined || [record.previousLeaderId, record.newLeaderId, record.targetNodeId].includes(query.nodeId))
        .filter((record) => record.initiatedAtMs >= sinceMs && record.initiatedAtMs < untilMs)
        .map(toFailoverResult);
      // History is newest first; sort only when asked for another order.
      const sortBy = query.sortBy ?? 'initiatedAt';
      const ordered = sortBy === 'initiatedAt' && (query.order ?? 'desc') === 'desc' ? records : undefined;
      const page = pageOf(ordered ?? records, {
        filters: { failoverId: query.failoverId, kind: query.kind, status: query.status },
        sortBy: ordered ? undefined : sortBy,
        order: query.order ?? 'desc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'failoverId', FAILOVER_RESULT_FIELDS) };
    });
  }

  suspectedNodes(context: OperationContext, query: { status?: 'SUSPECTED' | 'DOWN'; limit?: number; offset?: number }): Page<SuspectedNode> {
    return this.deps.runner.read(context, 'listSuspectedNodes', () => {
      const nowMs = this.deps.clock.now();
      const config = this.deps.nodes.getConfig();
      const leader = this.deps.failover.leader();
      const lastLeaderId = this.deps.consensus.group.currentLeader()?.leaderId ?? leader?.leaderId ?? null;
      const voters = new Set(this.deps.consensus.voterIds());
      const current = this.deps.failover.current();
      const suspects = this.deps.nodes
        .list()
        .filter((node) => node.status === 'SUSPECTED' || node.status === 'DOWN')
        .map((node): SuspectedNode => {
          const silenceFromMs = node.lastHeartbeatMs ?? node.joinedAtMs;
          const isLeader = node.nodeId === lastLeaderId || node.nodeId === current?.previousLeaderId;
          return {
            nodeId: node.nodeId,
            status: node.status as 'SUSPECTED' | 'DOWN',
            role: node.role,
            isLeader,
            isVoter: voters.has(node.nodeId),
            lastHeartbeat: node.lastHeartbeatMs === null ? null : isoTime(node.lastHeartbeatMs),
            missedHeartbeats: node.missedHeartbeats,
            silenceMs: nowMs - silenceFromMs,
            suspectedSince: isoTime(node.status === 'SUSPECTED' ? node.statusSinceMs : silenceFromMs + config.suspectTimeoutMs),
            downAt: isoTime(node.status === 'DOWN' ? node.statusSinceMs : silenceFromMs + config.failureTimeoutMs),
            failoverTriggered: isLeader && current !== undefined && current.previousLeaderId === node.nodeId,
          };
        });
      return pageOf(suspects, { filters: { status: query.status }, limit: query.limit, offset: query.offset });
    });
  }

  test(context: OperationContext, request: DrillRequest): Promise<FailoverTestResult> {
    return this.deps.runner.run(context, 'testFailover', `cluster.node/${request.targetNodeId ?? '(leader)'}`, async () =>
      toTestResult(await this.deps.drill.run(request, context.caller.keyId)),
    );
  }

  statistics(context: OperationContext) {
    return this.deps.runner.read(context, 'getFailoverStatistics', () => {
      const { lastFailoverAtMs, ...statistics } = this.deps.failover.statistics();
      const nowMs = this.deps.clock.now();
      return {
        ...statistics,
        lastFailoverAt: lastFailoverAtMs === null ? null : isoTime(lastFailoverAtMs),
        automaticFailoversLastHour: this.deps.failover
          .history()
          .filter((record) => record.kind === 'AUTOMATIC' && nowMs - record.initiatedAtMs < FAILOVER_RATE_WINDOW_MS).length,
      };
    });
  }
}

export interface FailoverTestResult {
  drillId: string;
  status: 'PASSED' | 'FAILED';
  faultType: DrillOutcome['faultType'];
  faultId: string;
  targetNodeId: string;
  targetWasLeader: boolean;
  previousLeaderId: string | null;
  previousTerm: number;
  newLeaderId: string | null;
  newTerm: number | null;
  failoverId: string | null;
  injectedAt: string;
  detectedAt: string | null;
  electedAt: string | null;
  healedAt: string | null;
  detectionTimeMs: number | null;
  electionTimeMs: number | null;
  totalTimeMs: number | null;
  maxDurationMs: number;
  withinBound: boolean;
  healed: boolean;
}

function toTestResult(outcome: DrillOutcome): FailoverTestResult {
  const recovered = outcome.targetWasLeader ? outcome.electedAtMs : outcome.detectedAtMs;
  const totalTimeMs = recovered === null ? null : recovered - outcome.injectedAtMs;
  const withinBound = totalTimeMs !== null && totalTimeMs <= outcome.maxDurationMs;
  const failover = outcome.failover;
  return {
    drillId: outcome.drillId,
    status: withinBound ? 'PASSED' : 'FAILED',
    faultType: outcome.faultType,
    faultId: outcome.faultId,
    targetNodeId: outcome.targetNodeId,
    targetWasLeader: outcome.targetWasLeader,
    previousLeaderId: outcome.previousLeaderId,
    previousTerm: outcome.previousTerm,
    newLeaderId: failover?.status === 'COMPLETED' ? failover.newLeaderId : null,
    newTerm: failover?.status === 'COMPLETED' ? failover.newTerm : null,
    failoverId: failover?.id ?? null,
    injectedAt: isoTime(outcome.injectedAtMs),
    detectedAt: outcome.detectedAtMs === null ? null : isoTime(outcome.detectedAtMs),
    electedAt: outcome.electedAtMs === null ? null : isoTime(outcome.electedAtMs),
    healedAt: outcome.healedAtMs === null ? null : isoTime(outcome.healedAtMs),
    detectionTimeMs: outcome.detectedAtMs === null ? null : outcome.detectedAtMs - outcome.injectedAtMs,
    electionTimeMs: outcome.electedAtMs === null || outcome.detectedAtMs === null ? null : outcome.electedAtMs - outcome.detectedAtMs,
    totalTimeMs,
    maxDurationMs: outcome.maxDurationMs,
    withinBound,
    healed: outcome.healedAtMs !== null,
  };
}

export function toFailoverResult(record: FailoverRecord): FailoverResult {
  return {
    failoverId: record.id,
    kind: record.kind,
    status: record.status,
    reason: record.reason,
    initiatedBy: record.initiatedBy,
    previousLeaderId: record.previousLeaderId,
    previousTerm: record.previousTerm,
    targetNodeId: record.targetNodeId,
    newLeaderId: record.newLeaderId,
    newTerm: record.newTerm,
    initiatedAt: isoTime(record.initiatedAtMs),
    completedAt: record.completedAtMs === null ? null : isoTime(record.completedAtMs),
    durationMs: record.durationMs,
    timeline: record.timeline.map((step) => ({ at: isoTime(step.atMs), step: step.step, nodeId: step.nodeId, term: step.term, detail: step.detail })),
  };
}
