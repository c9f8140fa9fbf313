/** The contract every load-balancing strategy keeps, run against each; then what sets each apart. */
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES, type BackendCandidate, type BalancingStrategy, type StrategyName } from '../../../src/engines/load-balancer/balancing-strategy.js';
import { createStrategy } from '../../../src/engines/load-balancer/strategies/create-strategy.js';

function candidate(backendId: string, fields: Partial<BackendCandidate> = {}): BackendCandidate {
  return { backendId, weight: 1, activeConnections: 0, latencyEwmaMs: null, ...fields };
}

const trio = [candidate('backend-1'), candidate('backend-2'), candidate('backend-3')];

/** Ids picked in `count` picks over the same candidates (each connection released at once). */
function picks(strategy: BalancingStrategy, candidates: readonly BackendCandidate[], count: number): string[] {
  return Array.from({ length: count }, () => strategy.pick(candidates).backendId);
}

function tally(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

describe.each(STRATEGY_NAMES)('%s keeps the strategy contract', (name: StrategyName) => {
  it('names itself', () => {
    expect(createStrategy(name).name).toBe(name);
  });

  it('picks one of the candidates it is given', () => {
    const strategy = createStrategy(name);
    const candidates = [candidate('backend-2', { weight: 3, activeConnections: 4, latencyEwmaMs: 12 }), candidate('backend-7', { latencyEwmaMs: 3 })];
    for (let round = 0; round < 50; round += 1) expect(candidates).toContain(strategy.pick(candidates));
  });

  it('is deterministic: two fresh instances make the same picks', () => {
    const candidates = [candidate('backend-1', { weight: 2, latencyEwmaMs: 5 }), candidate('backend-2', { latencyEwmaMs: 5 }), candidate('backend-3', { weight: 3 })];
    expect(picks(createStrategy(name), candidates, 40)).toEqual(picks(createStrategy(name), candidates, 40));
  });

  it('always picks a lone candidate', () => {
    expect(new Set(picks(createStrategy(name), [candidate('backend-5')], 10))).toEqual(new Set(['backend-5']));
  });

  it('shares evenly among equal, idle backends: each in turn', () => {
    expect(tally(picks(createStrategy(name), trio, 30))).toEqual({ 'backend-1': 10, 'backend-2': 10, 'backend-3': 10 });
    expect(new Set(picks(createStrategy(name), trio, 3)).size).toBe(3);
  });

  it('copes with candidates leaving and joining between picks', () => {
    const strategy = createStrategy(name);
    picks(strategy, trio, 4);
    const changed = [candidate('backend-1'), candidate('backend-4')];
    const later = picks(strategy, changed, 10);
    expect(later.every((id) => id === 'backend-1' || id === 'backend-4')).toBe(true);
    expect(new Set(later).size).toBe(2);
    strategy.forget('backend-2');
    strategy.forget('never-seen');
    expect(trio).toContain(strategy.pick(trio));
  });
});

describe('ROUND_ROBIN', () => {
  it('takes turns in backend-id order and resumes after the last one picked when the set changes', () => {
    const strategy = createStrategy('ROUND_ROBIN');
    expect(picks(strategy, trio, 4)).toEqual(['backend-1', 'backend-2', 'backend-3', 'backend-1']);
    // backend-2 is gone: the turn passes to the next id after backend-1.
    expect(picks(strategy, [trio[0]!, trio[2]!], 2)).toEqual(['backend-3', 'backend-1']);
  });

  it('ignores weights, load and latency', () => {
    const strategy = createStrategy('ROUND_ROBIN');
    const uneven = [candidate('backend-1', { weight: 9, activeConnections: 50, latencyEwmaMs: 900 }), candidate('backend-2')];
    expect(picks(strategy, uneven, 4)).toEqual(['backend-1', 'backend-2', 'backend-1', 'backend-2']);
  });
});

describe('LEAST_CONNECTIONS', () => {
  it('picks the backend with the fewest active connections', () => {
    const strategy = createStrategy('LEAST_CONNECTIONS');
    const loads = [candidate('backend-1', { activeConnections: 3 }), candidate('backend-2', { activeConnections: 1 }), candidate('backend-3', { activeConnections: 2 })];
    expect(strategy.pick(loads).backendId).toBe('backend-2');
  });

  it('evens out load when connections stay open', () => {
    const strategy = createStrategy('LEAST_CONNECTIONS');
    const active: Record<string, number> = { 'backend-1': 5, 'backend-2': 0, 'backend-3': 2 };
    for (let round = 0; round < 9; round += 1) {
      const chosen = strategy.pick(Object.entries(active).map(([id, activeConnections]) => candidate(id, { activeConnections })));
      active[chosen.backendId]! += 1;
    }
    expect(active).toEqual({ 'backend-1': 6, 'backend-2': 5, 'backend-3': 5 });
  });
});

describe('WEIGHTED (smooth weighted round-robin)', () => {
  it('gives nginx\'s sequence for weights 5, 1, 1', () => {
    const strategy = createStrategy('WEIGHTED');
    const weighted = [candidate('a', { weight: 5 }), candidate('b', { weight: 1 }), candidate('c', { weight: 1 })];
    expect(picks(strategy, weighted, 14).join(' ')).toBe('a a b a c a a a a b a c a a');
  });

  it('picks in proportion to weight over every full cycle', () => {
    const strategy = createStrategy('WEIGHTED');
    const weighted = [candidate('backend-1', { weight: 3 }), candidate('backend-2', { weight: 2 }), candidate('backend-3', { weight: 1 })];
    expect(tally(picks(strategy, weighted, 60))).toEqual({ 'backend-1': 30, 'backend-2': 20, 'backend-3': 10 });
  });
});

describe('LEAST_LATENCY', () => {
  it('prefers the backend with the lowest latency EWMA', () => {
    const strategy = createStrategy('LEAST_LATENCY');
    const measured = [candidate('backend-1', { latencyEwmaMs: 40 }), candidate('backend-2', { latencyEwmaMs: 8 }), candidate('backend-3', { latencyEwmaMs: 20 })];
    expect(picks(strategy, measured, 3)).toEqual(['backend-2', 'backend-2', 'backend-2']);
  });

  it('weighs latency by queued work: EWMA × (active + 1)', () => {
    const strategy = createStrategy('LEAST_LATENCY');
    // 10 × 3 = 30 against 25 × 1 = 25: the slower but idle backend wins.
    const loaded = [candidate('backend-1', { latencyEwmaMs: 10, activeConnections: 2 }), candidate('backend-2', { latencyEwmaMs: 25 })];
    expect(strategy.pick(loaded).backendId).toBe('backend-2');
  });

  it('tries an unmeasured backend as if it were as fast as the best measured one', () => {
    const strategy = createStrategy('LEAST_LATENCY');
    const mixed = [candidate('backend-1', { latencyEwmaMs: 10 }), candidate('backend-2', { latencyEwmaMs: 30 }), candidate('backend-3')];
    // backend-1 and backend-3 tie at 10: backend-1 first (id order), then backend-3, picked less recently.
    expect(picks(strategy, mixed, 2)).toEqual(['backend-1', 'backend-3']);
  });

  it('breaks a score tie by fewer active connections', () => {
    const strategy = createStrategy('LEAST_LATENCY');
    // 10 × 2 = 20 and 20 × 1 = 20: equal scores, backend-2 has fewer connections.
    expect(strategy.pick([candidate('backend-1', { latencyEwmaMs: 10, activeConnections: 1 }), candidate('backend-2', { latencyEwmaMs: 20 })]).backendId).toBe('backend-2');
  });
});
