import { RAFT_TICK_MS } from '../../engines/cluster/cluster-consensus.js';
import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import type { ClusterFailover } from '../../engines/failover/cluster-failover.js';
import type { FailoverRecord } from '../../engines/failover/failover-tracker.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import type { ClockControl } from '../../engines/simulation/clock-control.js';
import type { FaultInjector } from '../../engines/simulation/fault-injector.js';
import type { Journal } from '../../store/journal.js';

export type DrillFaultType = 'crash' | 'partition';

export interface DrillRequest {
  faultType?: DrillFaultType;
  targetNodeId?: string;
  maxDurationMs?: number;
  heal?: boolean;
}

/** What a drill measured; times are cluster-clock ms, null when the moment never came. */
export interface DrillOutcome {
  drillId: string;
  faultType: DrillFaultType;
  faultId: string;
  targetNodeId: string;
  targetWasLeader: boolean;
  previousLeaderId: string | null;
  previousTerm: number;
  failover: FailoverRecord | null;
  injectedAtMs: number;
  detectedAtMs: number | null;
  electedAtMs: number | null;
  healedAtMs: number | null;
  maxDurationMs: number;
}

export const DRILL_COUNTER_RECORD = 'cluster.drillCounter';

export interface FailoverDrillDeps {
  clock: VirtualClock;
  clockControl: ClockControl;
  injector: FaultInjector;
  failover: ClusterFailover;
  nodes: ClusterNodes;
  journal: Journal;
}

/**
 * A failover drill: fault a node (the leader by default), wait on the cluster clock until the
 * cluster copes (a new leader, or the node detected DOWN) or the bound passes, heal, report.
 * On a manual clock the drill advances the clock itself, a Raft tick at a time; on a realtime
 * clock it waits for cluster time to pass.
 */
export class FailoverDrill {
  constructor(
    private readonly deps: FailoverDrillDeps,
    private lastDrillNumber: number,
  ) {}

  /** Drills started since the cluster was created (the number of the latest). */
  drillsRun(): number {
    return this.lastDrillNumber;
  }

  async run(request: DrillRequest, initiatedBy: string): Promise<DrillOutcome> {
    const { failover, nodes, injector, clock } = this.deps;
    const leader = failover.leader();
    const targetNodeId = request.targetNodeId ?? leader?.leaderId;
    if (targetNodeId === undefined) throw new DomainError('CONFLICT', 'There is no leader to fault; name a targetNodeId.');
    failover.requireDrillTarget(targetNodeId);
    const faultType = request.faultType ?? 'crash';
    const maxDurationMs = request.maxDurationMs ?? failover.settings().failoverTimeoutMs;
    const targetWasLeader = targetNodeId === leader?.leaderId;
    const drillId = `drill-${++this.lastDrillNumber}`;
    this.deps.journal.put(DRILL_COUNTER_RECORD, 'last', this.lastDrillNumber);

    const reason = `${drillId}: ${faultType} ${targetNodeId}`;
    const record = targetWasLeader ? failover.beginDrill(targetNodeId, reason, initiatedBy, maxDurationMs) : null;
    const others = nodes.list().map((node) => node.nodeId).filter((nodeId) => nodeId !== targetNodeId);
    const fault = injector.inject(faultType === 'crash' ? { type: 'crash', nodes: [targetNodeId] } : { type: 'partition', groups: [[targetNodeId], others] });
    const injectedAtMs = clock.now();
    const deadlineMs = injectedAtMs + maxDurationMs;

    const coped = () => (record ? record.status !== 'IN_PROGRESS' : nodes.get(targetNodeId).status === 'DOWN');
    await this.waitUntil(() => coped() || clock.now() >= deadlineMs);

    const healed = request.heal ?? true;
    if (healed) injector.heal(fault.id);
    const elected = record?.status === 'COMPLETED' ? record : null;
    const firstCampaign = record?.timeline.find((step) => step.step === 'ELECTION_STARTED');
    const targetDown = !record && nodes.get(targetNodeId).status === 'DOWN';
    return {
      drillId,
      faultType,
      faultId: fault.id,
      targetNodeId,
      targetWasLeader,
      previousLeaderId: leader?.leaderId ?? null,
      previousTerm: record?.previousTerm ?? leader?.term ?? 0,
      failover: record,
      injectedAtMs,
      detectedAtMs: record ? (firstCampaign?.atMs ?? null) : targetDown ? nodes.get(targetNodeId).statusSinceMs : null,
      electedAtMs: elected?.completedAtMs ?? null,
      healedAtMs: healed ? clock.now() : null,
      maxDurationMs,
    };
  }

  private async waitUntil(done: () => boolean): Promise<void> {
    const { clock, clockControl } = this.deps;
    if (clockControl.read().mode === 'manual') {
      while (!done()) clockControl.advance(RAFT_TICK_MS);
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = clock.every(RAFT_TICK_MS, () => {
        if (!done()) return;
        clock.cancel(timer);
        resolve();
      });
    });
  }
}
