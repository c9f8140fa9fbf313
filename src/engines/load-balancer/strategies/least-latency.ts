import { assert } from '../../runtime/domain-error.js';
import type { BackendCandidate, BalancingStrategy } from '../balancing-strategy.js';
import { PickRecency } from './pick-recency.js';

/**
 * The lowest expected wait: EWMA latency × (active connections + 1), the score of Finagle's and
 * Linkerd's EWMA balancers. A backend not measured yet is scored with the best measured EWMA, so
 * it gets tried (and measured) rather than starved. Ties go to fewer active connections, then to
 * the least recently picked.
 */
export class LeastLatencyStrategy implements BalancingStrategy {
  readonly name = 'LEAST_LATENCY' as const;
  private readonly recency = new PickRecency();

  pick(candidates: readonly BackendCandidate[]): BackendCandidate {
    assert(candidates.length > 0, 'there is a candidate');
    const measured = candidates.flatMap((candidate) => (candidate.latencyEwmaMs === null ? [] : [candidate.latencyEwmaMs]));
    // With nothing measured any positive estimate ranks alike: the score is then the load alone.
    const unmeasuredEstimateMs = measured.length > 0 ? Math.min(...measured) : 1;
    const scoreOf = (candidate: BackendCandidate) => (candidate.latencyEwmaMs ?? unmeasuredEstimateMs) * (candidate.activeConnections + 1);

    let best = candidates[0]!;
    let bestScore = scoreOf(best);
    for (const candidate of candidates.slice(1)) {
      const score = scoreOf(candidate);
      if (score < bestScore || (score === bestScore && this.winsTie(candidate, best))) {
        best = candidate;
        bestScore = score;
      }
    }
    this.recency.record(best.backendId);
    return best;
  }

  forget(backendId: string): void {
    this.recency.forget(backendId);
  }

  private winsTie(candidate: BackendCandidate, best: BackendCandidate): boolean {
    if (candidate.activeConnections !== best.activeConnections) return candidate.activeConnections < best.activeConnections;
    return this.recency.lastPickOf(candidate.backendId) < this.recency.lastPickOf(best.backendId);
  }
}
