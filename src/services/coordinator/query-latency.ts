import type { QueryPlan } from '../../engines/coordinator/query-planner.js';
import type { FaultSet, LinkDefaults } from '../../engines/runtime/index.js';

/**
 * How long a distributed query's plan takes on the simulated network, without sending anything:
 * routed requests hold their load-balancer connection that long, so the load balancer's latency
 * figures (and LEAST_LATENCY) follow the network's links and the latency faults in force.
 *
 * A one-way hop costs the link's latency plus its full jitter (the slowest delivery the link
 * allows, so the figure is an upper bound and needs no random draw) plus the extra latency of
 * any `latency` fault touching either end. A phase lasts as long as its slowest round trip from
 * the coordinator; phases run one after another. Work on the coordinator's own node (local
 * tasks, merging, acknowledging) crosses no link and costs nothing here.
 */
export class QueryLatency {
  constructor(
    private readonly link: LinkDefaults,
    private readonly faults: FaultSet,
  ) {}

  /** Simulated duration of `plan` run from `coordinatorNodeId`, in whole milliseconds. */
  ofPlan(plan: QueryPlan, coordinatorNodeId: string): number {
    let totalMs = 0;
    for (const phase of plan.phases) {
      let slowestMs = 0;
      for (const step of phase.steps) slowestMs = Math.max(slowestMs, this.roundTripMs(coordinatorNodeId, step.nodeId));
      totalMs += slowestMs;
    }
    return totalMs;
  }

  roundTripMs(from: string, to: string): number {
    return from === to ? 0 : this.oneWayMs(from, to) + this.oneWayMs(to, from);
  }

  private oneWayMs(from: string, to: string): number {
    return this.link.latencyMs + this.link.jitterMs + this.faults.extraLatencyMs(from, to);
  }
}
