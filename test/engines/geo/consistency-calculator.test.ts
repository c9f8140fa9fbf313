import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONSISTENCY_LEVELS, forecastConsistency, type ConsistencyQuestion } from '../../../src/engines/geo/consistency.js';

const question = fc
  .record({
    level: fc.constantFrom(...CONSISTENCY_LEVELS),
    datacenters: fc.array(fc.record({ region: fc.constantFrom('us', 'eu', 'ap'), replicas: fc.integer({ min: 0, max: 3 }), latencyMs: fc.option(fc.integer({ min: 1, max: 200 })) }), { minLength: 1, maxLength: 6 }),
    failedMask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    extra: fc.nat(5),
  })
  .map(({ level, datacenters, failedMask, extra }) => {
    const named = datacenters.map((datacenter, index) => ({ ...datacenter, datacenterId: `dc-${index + 1}` }));
    const failed = named.filter((_, index) => failedMask[index]).map((datacenter) => datacenter.datacenterId);
    const base: ConsistencyQuestion = {
      level,
      writerDatacenterId: 'dc-1',
      datacenters: named.map(({ datacenterId, region, replicas }) => ({ datacenterId, region, replicas })),
      failedDatacenterIds: failed,
      latencyFromWriterMs: (id) => named.find((datacenter) => datacenter.datacenterId === id)?.latencyMs ?? null,
      shipIntervalMs: 100,
    };
    return { base, extraFailure: named[extra % named.length]!.datacenterId };
  });

describe('the consistency calculator', () => {
  it('Strong never takes a write with a failed datacenter', () => {
    fc.assert(
      fc.property(question, ({ base, extraFailure }) => {
        const forecast = forecastConsistency({ ...base, level: 'Strong', failedDatacenterIds: [...base.failedDatacenterIds, extraFailure] });
        expect(forecast.writesSucceed).toBe(false);
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  it('one more failure never turns a failed write or read into a success', () => {
    fc.assert(
      fc.property(question, ({ base, extraFailure }) => {
        const before = forecastConsistency(base);
        const after = forecastConsistency({ ...base, failedDatacenterIds: [...base.failedDatacenterIds, extraFailure] });
        if (!before.writesSucceed) expect(after.writesSucceed).toBe(false);
        if (!before.readsSucceed) expect(after.readsSucceed).toBe(false);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('quorum levels promise no staleness; Local names its worst case from the WAN latency', () => {
    const datacenters = [
      { datacenterId: 'nyc', region: 'us-east', replicas: 2 },
      { datacenterId: 'lon', region: 'eu-west', replicas: 1 },
      { datacenterId: 'fra', region: 'eu-west', replicas: 1 },
    ];
    const latency = (id: string) => ({ lon: 30, fra: 34 })[id as 'lon'] ?? 0;
    const ask = (level: ConsistencyQuestion['level'], failed: string[]) =>
      forecastConsistency({ level, writerDatacenterId: 'nyc', datacenters, failedDatacenterIds: failed, latencyFromWriterMs: latency, shipIntervalMs: 100 });
    expect(ask('Global', ['fra'])).toMatchObject({ writesSucceed: true, readsSucceed: true, worstCaseStalenessMs: 0 });
    expect(ask('Global', ['fra', 'lon'])).toMatchObject({ writesSucceed: false });
    expect(ask('Local', [])).toMatchObject({ writesSucceed: true, worstCaseStalenessMs: 134 });
    expect(ask('Local', ['nyc'])).toMatchObject({ writesSucceed: false, worstCaseStalenessMs: null });
  });
});
