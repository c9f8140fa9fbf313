import { assert } from '../../runtime/domain-error.js';
import { naturalCompare } from '../../runtime/natural-order.js';
import type { BackendCandidate, BalancingStrategy } from '../balancing-strategy.js';

/**
 * Each backend in turn. It remembers the id it picked last, not a position, so a backend that
 * leaves or joins the candidates does not make the turn skip or repeat another one.
 */
export class RoundRobinStrategy implements BalancingStrategy {
  readonly name = 'ROUND_ROBIN' as const;
  private lastBackendId: string | null = null;

  pick(candidates: readonly BackendCandidate[]): BackendCandidate {
    assert(candidates.length > 0, 'there is a candidate');
    const last = this.lastBackendId;
    const next = (last === null ? undefined : candidates.find((candidate) => naturalCompare(candidate.backendId, last) > 0)) ?? candidates[0]!;
    this.lastBackendId = next.backendId;
    return next;
  }

  forget(_backendId: string): void {
    // The remembered id only orders the turn; it need not still exist.
  }
}
