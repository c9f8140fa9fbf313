import { assert } from '../../runtime/domain-error.js';
import type { BackendCandidate, BalancingStrategy } from '../balancing-strategy.js';
import { PickRecency } from './pick-recency.js';

/** The backend with the fewest active connections; ties go to the least recently picked. */
export class LeastConnectionsStrategy implements BalancingStrategy {
  readonly name = 'LEAST_CONNECTIONS' as const;
  private readonly recency = new PickRecency();

  pick(candidates: readonly BackendCandidate[]): BackendCandidate {
    assert(candidates.length > 0, 'there is a candidate');
    let best = candidates[0]!;
    for (const candidate of candidates.slice(1)) {
      const fewer = candidate.activeConnections - best.activeConnections;
      if (fewer < 0 || (fewer === 0 && this.recency.lastPickOf(candidate.backendId) < this.recency.lastPickOf(best.backendId))) best = candidate;
    }
    this.recency.record(best.backendId);
    return best;
  }

  forget(backendId: string): void {
    this.recency.forget(backendId);
  }
}
