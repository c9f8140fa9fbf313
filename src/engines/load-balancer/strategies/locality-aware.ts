import { assert } from '../../runtime/domain-error.js';
import type { BackendCandidate } from '../balancing-strategy.js';
import { LeastLatencyStrategy } from './least-latency.js';

/**
 * LOCALITY_AWARE: only the candidates of the nearest locality (the lowest `localityRank`: the
 * client's own region when it has one), then the least expected wait among them (LEAST_LATENCY's
 * score). Not one of the load balancer's own strategies: its backends carry no locality. Global
 * data services use it, ranking regions by their measured latency from the client.
 */
export class LocalityAwareStrategy {
  readonly name = 'LOCALITY_AWARE' as const;
  private readonly nearest = new LeastLatencyStrategy();

  pick(candidates: readonly BackendCandidate[]): BackendCandidate {
    assert(candidates.length > 0, 'there is a candidate');
    const rank = Math.min(...candidates.map((candidate) => candidate.localityRank ?? 0));
    return this.nearest.pick(candidates.filter((candidate) => (candidate.localityRank ?? 0) === rank));
  }

  forget(backendId: string): void {
    this.nearest.forget(backendId);
  }
}
