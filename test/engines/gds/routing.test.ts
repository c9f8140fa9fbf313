import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { route, type InstanceFacts } from '../../../src/engines/gds/service-routing.js';
import { pickerFor } from '../../../src/engines/gds/gds-engine.js';
import { GDS_STRATEGIES, DEFAULT_FAILOVER_POLICY, type GlobalServiceSpec } from '../../../src/engines/gds/global-service.js';

const REGIONS = ['dc-1', 'dc-2', 'dc-3'];

const instanceArb = fc.record({
  regionId: fc.constantFrom(...REGIONS),
  healthy: fc.boolean(),
  role: fc.constantFrom('PRIMARY' as const, 'STANDBY' as const),
  lagMs: fc.integer({ min: 0, max: 2000 }),
  running: fc.boolean(),
  weight: fc.integer({ min: 1, max: 5 }),
});

const caseArb = fc.record({
  instances: fc.array(instanceArb, { minLength: 0, maxLength: 8 }),
  locality: fc.constantFrom('ANYWHERE' as const, 'LOCAL_ONLY' as const),
  regionFailover: fc.boolean(),
  lagToleranceMs: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
  databaseRole: fc.constantFrom('PRIMARY' as const, 'STANDBY' as const),
  loadBalancing: fc.constantFrom(...GDS_STRATEGIES),
  clientRegionId: fc.constantFrom(...REGIONS),
  routes: fc.integer({ min: 1, max: 4 }),
});

describe('routing laws', () => {
  test('never an unhealthy or excluded instance; LOCAL_ONLY leaves the region only by region failover; the lag bound holds', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const spec: GlobalServiceSpec = {
          name: 'svc',
          databaseRole: c.databaseRole,
          locality: c.locality,
          regionFailover: c.locality === 'LOCAL_ONLY' && c.regionFailover,
          lagToleranceMs: c.lagToleranceMs,
          loadBalancing: c.loadBalancing,
          failoverPolicy: DEFAULT_FAILOVER_POLICY,
          regions: [],
          adminState: 'STARTED',
          createdAtMs: 0,
          updatedAtMs: 0,
        };
        const instances: InstanceFacts[] = c.instances.map((instance, index) => ({ ...instance, instanceId: `node-${index + 1}`, activeConnections: 0 }));
        const picker = pickerFor(spec.loadBalancing);
        for (let turn = 0; turn < c.routes; turn += 1) {
          const decision = route({ spec, state: 'ACTIVE', instances, clientRegionId: c.clientRegionId, latencyMs: (a, b) => (a === b ? 1 : 40), picker });
          expect(decision.candidates).toHaveLength(instances.length);
          const eligible = decision.candidates.filter((candidate) => candidate.excludedBy === null);
          if (decision.instanceId === null) {
            expect(eligible).toEqual([]);
            continue;
          }
          const chosen = instances.find((instance) => instance.instanceId === decision.instanceId)!;
          expect(eligible.map((candidate) => candidate.instanceId)).toContain(chosen.instanceId);
          expect(chosen.healthy).toBe(true);
          expect(chosen.running).toBe(true);
          expect(spec.databaseRole === 'PRIMARY' ? chosen.role === 'PRIMARY' : chosen.role !== 'PRIMARY').toBe(true);
          if (spec.lagToleranceMs !== null) expect(chosen.lagMs).toBeLessThanOrEqual(spec.lagToleranceMs);
          if (spec.locality === 'LOCAL_ONLY' && chosen.regionId !== c.clientRegionId) {
            expect(spec.regionFailover).toBe(true);
            expect(decision.leftClientRegion).toBe(true);
            // Region failover only when the client's own region has nothing eligible.
            const local = instances.filter((instance) => instance.regionId === c.clientRegionId);
            for (const instance of local) {
              const candidate = decision.candidates.find((x) => x.instanceId === instance.instanceId)!;
              expect(candidate.excludedBy).not.toBeNull();
            }
          }
          if (spec.loadBalancing === 'LOCALITY_AWARE' && eligible.some((candidate) => candidate.regionId === c.clientRegionId)) expect(chosen.regionId).toBe(c.clientRegionId);
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  test('a stopped service routes nowhere, and every candidate names SERVICE_STOPPED', () => {
    const spec = { name: 'svc', databaseRole: 'PRIMARY', locality: 'ANYWHERE', regionFailover: false, lagToleranceMs: null, loadBalancing: 'ROUND_ROBIN', failoverPolicy: DEFAULT_FAILOVER_POLICY, regions: [], adminState: 'STOPPED', createdAtMs: 0, updatedAtMs: 0 } as GlobalServiceSpec;
    const decision = route({
      spec,
      state: 'STOPPED',
      instances: [{ instanceId: 'node-1', regionId: 'dc-1', healthy: true, role: 'PRIMARY', lagMs: 0, running: true, weight: 1, activeConnections: 0 }],
      clientRegionId: 'dc-1',
      latencyMs: () => 1,
      picker: pickerFor('ROUND_ROBIN'),
    });
    expect(decision.instanceId).toBeNull();
    expect(decision.candidates.map((candidate) => candidate.excludedBy)).toEqual(['SERVICE_STOPPED']);
  });
});
