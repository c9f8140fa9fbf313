/**
 * What the engine measures: outcome counters, votes, lock waits and phase latencies on the cluster
 * clock (percentiles over the most recent `latencySamples`). Counters are durable; the latency
 * windows are memory only and start empty at a server start, which `latencySinceMs` tells (as
 * PostgreSQL's `stats_reset` does): storing up to 4 × latencySamples numbers with every journaled
 * change would cost the hot path more than a restart costs the percentiles.
 */
import { LatencyWindow } from '../load-balancer/latency-window.js';
import type { HeuristicOutcome } from './transaction-state.js';

export interface TransactionCounters {
  begun: number;
  committed: number;
  /** Committed in one phase (one participant), among `committed`. */
  committedOnePhase: number;
  aborted: number;
  votesYes: number;
  votesNo: number;
  heuristicCommit: number;
  heuristicRollback: number;
  heuristicMixed: number;
  heuristicHazard: number;
  forgotten: number;
  /** Writes that waited for a row lock. */
  lockWaits: number;
  /** Of those, the ones that gave up at the lock timeout. */
  lockWaitTimeouts: number;
}

export interface XaCounters {
  started: number;
  prepared: number;
  committed: number;
  committedOnePhase: number;
  rolledBack: number;
  timedOut: number;
  /** PREPARED branches found in the nodes' storage at a server start. */
  recovered: number;
}

export function emptyTransactionCounters(): TransactionCounters {
  return {
    begun: 0, committed: 0, committedOnePhase: 0, aborted: 0, votesYes: 0, votesNo: 0,
    heuristicCommit: 0, heuristicRollback: 0, heuristicMixed: 0, heuristicHazard: 0, forgotten: 0, lockWaits: 0, lockWaitTimeouts: 0,
  };
}

export function emptyXaCounters(): XaCounters {
  return { started: 0, prepared: 0, committed: 0, committedOnePhase: 0, rolledBack: 0, timedOut: 0, recovered: 0 };
}

/** Percentiles of one latency, in cluster milliseconds; null before the first sample. */
export interface LatencyPercentiles {
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export type Phase = 'prepare' | 'commit' | 'total' | 'lockWait';

export class TransactionStatistics {
  private readonly windows: Record<Phase, LatencyWindow>;

  constructor(
    readonly counters: TransactionCounters,
    readonly xa: XaCounters,
    latencySamples: number,
    /** Cluster time the latency windows began (the engine's start). */
    readonly latencySinceMs: number,
  ) {
    this.windows = {
      prepare: new LatencyWindow(latencySamples),
      commit: new LatencyWindow(latencySamples),
      total: new LatencyWindow(latencySamples),
      lockWait: new LatencyWindow(latencySamples),
    };
  }

  record(phase: Phase, latencyMs: number): void {
    this.windows[phase].add(Math.max(0, latencyMs));
  }

  countHeuristic(outcome: HeuristicOutcome): void {
    const field = ({ HEURISTIC_COMMIT: 'heuristicCommit', HEURISTIC_ROLLBACK: 'heuristicRollback', HEURISTIC_MIXED: 'heuristicMixed', HEURISTIC_HAZARD: 'heuristicHazard' } as const)[outcome];
    this.counters[field] += 1;
  }

  latency(phase: Phase): LatencyPercentiles {
    const window = this.windows[phase];
    return { samples: window.count, p50Ms: window.percentile(50), p95Ms: window.percentile(95), p99Ms: window.percentile(99), maxMs: window.percentile(100) };
  }
}
