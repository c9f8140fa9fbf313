import { assert } from '../../runtime/domain-error.js';
import type { BackendCandidate, BalancingStrategy } from '../balancing-strategy.js';

/**
 * Smooth weighted round-robin, as nginx's upstream module does it: on each pick every candidate's
 * current weight grows by its weight, the highest current weight wins, and the winner gives back
 * the sum of the weights. Weights {5, 1, 1} give a a b a c a a: proportional, and interleaved
 * rather than in bursts. Ties go to the first in backend-id order.
 */
export class WeightedRoundRobinStrategy implements BalancingStrategy {
  readonly name = 'WEIGHTED' as const;
  private readonly currentWeights = new Map<string, number>();

  pick(candidates: readonly BackendCandidate[]): BackendCandidate {
    assert(candidates.length > 0, 'there is a candidate');
    let totalWeight = 0;
    let best: BackendCandidate | null = null;
    let bestWeight = Number.NEGATIVE_INFINITY;
    for (const candidate of candidates) {
      const current = (this.currentWeights.get(candidate.backendId) ?? 0) + candidate.weight;
      this.currentWeights.set(candidate.backendId, current);
      totalWeight += candidate.weight;
      if (current > bestWeight) {
        best = candidate;
        bestWeight = current;
      }
    }
    assert(best !== null, 'a candidate won');
    this.currentWeights.set(best.backendId, bestWeight - totalWeight);
    return best;
  }

  forget(backendId: string): void {
    this.currentWeights.delete(backendId);
  }
}
