import { describe, expect, test } from 'vitest';
import type { RouteDecision } from '../../../src/engines/gds/service-routing.js';
import type { ServiceView } from '../../../src/engines/gds/gds-engine.js';
import { gdsHarness } from './gds-harness.js';

const POLICY = { autoFailover: true, timeoutMs: 1000, maxRetries: 2, priorityOrder: ['dc-b'], failback: true };

function register(h: ReturnType<typeof gdsHarness>, overrides: Record<string, unknown> = {}) {
  return h.engine.register(
    {
      name: 'sales',
      locality: 'LOCAL_ONLY',
      regionFailover: true,
      loadBalancing: 'ROUND_ROBIN',
      failoverPolicy: POLICY,
      regions: [
        { regionId: 'dc-a', preferred: ['a1'], available: ['a2'] },
        { regionId: 'dc-b', preferred: ['b1'] },
        { regionId: 'dc-c', preferred: ['c1'] },
      ],
      ...overrides,
    },
    false,
  ) as ServiceView;
}

describe('failover by policy on the cluster clock', () => {
  test('an instance failure moves to the available instance, a region outage to the priority region, and recovery fails back', () => {
    const h = gdsHarness({ 'dc-a': ['a1', 'a2'], 'dc-b': ['b1'], 'dc-c': ['c1'] });
    expect(register(h).state).toBe('ACTIVE');
    expect((h.engine.route('sales', { regionId: 'dc-a' }) as RouteDecision).instanceId).toBe('a1');

    h.clock.advance(1000);
    h.setStatus('a1', 'DOWN');
    expect(h.engine.get('sales').state).toBe('FAILING_OVER');
    h.clock.advance(200);
    const afterInstance = h.engine.get('sales');
    expect(afterInstance.state).toBe('DEGRADED');
    expect(afterInstance.failovers[0]).toMatchObject({ kind: 'INSTANCE', status: 'COMPLETED', fromInstanceId: 'a1', toInstanceId: 'a2', startedAtMs: 1000, endedAtMs: 1200 });
    expect(afterInstance.failovers[0]!.steps.map((step) => [step.step, step.atMs])).toEqual([['DETECTED', 1000], ['TARGET_CHOSEN', 1000], ['RELOCATED', 1200]]);
    expect(h.engine.route('sales', { regionId: 'dc-a' }).instanceId).toBe('a2');

    // Region outage: dc-a has no healthy instance; policy's priorityOrder names dc-b first (dc-c is as near).
    h.clock.advance(800);
    h.setStatus('a2', 'DOWN');
    h.clock.advance(200);
    const afterRegion = h.engine.get('sales');
    expect(afterRegion.failovers[1]).toMatchObject({ kind: 'REGION', status: 'COMPLETED', fromInstanceId: 'a2', toInstanceId: 'b1', toRegionId: 'dc-b', startedAtMs: 2000, endedAtMs: 2200 });
    const routed = h.engine.route('sales', { regionId: 'dc-a' });
    expect(routed).toMatchObject({ instanceId: 'b1', leftClientRegion: true });
    expect(routed.candidates.find((candidate) => candidate.instanceId === 'a1')!.excludedBy).toBe('HEALTH');
    expect(routed.candidates.find((candidate) => candidate.instanceId === 'c1')!.excludedBy).toBeNull();

    // a1 comes back: the policy fails back to it.
    h.clock.advance(800);
    h.setStatus('a1', 'HEALTHY');
    const afterFailback = h.engine.get('sales');
    expect(afterFailback.failovers[2]).toMatchObject({ kind: 'FAILBACK', toInstanceId: 'a1', startedAtMs: 3000 });
    expect(afterFailback.state).toBe('ACTIVE');
    expect(h.engine.route('sales', { regionId: 'dc-a' }).instanceId).toBe('a1');
    expect(h.persisted.get('sales')!.failovers).toHaveLength(3);
  });

  test('LOCAL_ONLY without region failover retries every timeoutMs, then gives up: FAILED, and clients of the region are routed nowhere', () => {
    const h = gdsHarness({ 'dc-a': ['a1'], 'dc-b': ['b1'] });
    register(h, { regionFailover: false, regions: [{ regionId: 'dc-a', preferred: ['a1'] }, { regionId: 'dc-b', preferred: ['b1'] }] });
    h.setStatus('a1', 'DOWN');
    h.clock.advance(2000);
    const failover = h.engine.get('sales').failovers[0]!;
    expect(failover).toMatchObject({ status: 'FAILED', attempts: 3, startedAtMs: 0, endedAtMs: 2000 });
    expect(failover.steps.map((step) => [step.step, step.atMs])).toEqual([['DETECTED', 0], ['RETRY', 0], ['RETRY', 1000], ['FAILED', 2000]]);
    h.clock.advance(5000);
    expect(h.engine.get('sales').failovers).toHaveLength(1);
    const routed = h.engine.route('sales', { regionId: 'dc-a' });
    expect(routed.instanceId).toBeNull();
    expect(routed.candidates.find((candidate) => candidate.instanceId === 'b1')!.excludedBy).toBe('LOCALITY');
  });

  test('a failover in flight when the server stopped resumes from the store', () => {
    const h = gdsHarness({ 'dc-a': ['a1', 'a2'], 'dc-b': ['b1'], 'dc-c': ['c1'] });
    register(h);
    h.setStatus('a1', 'DOWN');
    const stored = structuredClone(h.persisted.get('sales')!);
    expect(stored.failovers[0]!.status).toBe('IN_PROGRESS');
    const restarted = gdsHarness({ 'dc-a': ['a1', 'a2'], 'dc-b': ['b1'], 'dc-c': ['c1'] }, [stored]);
    restarted.setStatus('a1', 'DOWN');
    restarted.clock.advance(200);
    expect(restarted.engine.get('sales').failovers[0]).toMatchObject({ status: 'COMPLETED', toInstanceId: 'a2' });
  });

  test("Oracle's rules answer 422 naming the rule", () => {
    const h = gdsHarness({ 'dc-a': ['a1', 'a2'], 'dc-b': ['b1'] });
    const rule = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return (error as { details?: { rule?: string } }).details?.rule;
      }
      return null;
    };
    expect(rule(() => h.engine.register({ name: 's1', locality: 'ANYWHERE', regionFailover: true }, false))).toBe('ORA-45520');
    expect(rule(() => h.engine.register({ name: 's2', locality: 'LOCAL_ONLY', regions: [{ regionId: 'dc-a', available: ['a1'] }] }, false))).toBe('ORA-45512');
    expect(rule(() => h.engine.register({ name: 's3', regions: [{ regionId: 'dc-a', preferred: ['a1'], available: ['a1'] }] }, false))).toBe('PREFERRED_AND_AVAILABLE');
    expect(rule(() => h.engine.register({ name: 's4', regions: [{ regionId: 'dc-a', preferred: ['b1'] }] }, false))).toBe('INSTANCE_OUTSIDE_REGION');
    expect(h.engine.list()).toEqual([]);
  });
});
