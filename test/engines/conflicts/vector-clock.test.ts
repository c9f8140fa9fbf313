import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareClocks, descends, incrementClock, isVectorClock, mergeClocks, type VectorClock } from '../../../src/engines/conflicts/vector-clock.js';

const clockArbitrary = fc.dictionary(fc.constantFrom('site-a', 'site-b', 'site-c', 'site-d'), fc.integer({ min: 1, max: 5 }), { maxKeys: 4 }) as fc.Arbitrary<VectorClock>;

describe('vector clocks', () => {
  test('a site that saw another write is AFTER it; two sites that did not see each other are CONCURRENT', () => {
    const first = incrementClock({}, 'site-a');
    const seen = incrementClock(mergeClocks({}, first), 'site-b');
    expect(compareClocks(first, seen)).toBe('BEFORE');
    expect(compareClocks(seen, first)).toBe('AFTER');
    const blind = incrementClock(first, 'site-c');
    expect(compareClocks(seen, blind)).toBe('CONCURRENT');
    expect(compareClocks(mergeClocks(seen, blind), blind)).toBe('AFTER');
    expect(compareClocks({ 'site-a': 1 }, { 'site-a': 1, 'site-b': 0 })).toBe('EQUAL');
  });

  test('clocks are stored sorted, frozen and without zero entries', () => {
    const clock = mergeClocks({ 'site-b': 2, 'site-z': 0 }, { 'site-a': 1 });
    expect(JSON.stringify(clock)).toBe('{"site-a":1,"site-b":2}');
    expect(Object.isFrozen(clock)).toBe(true);
    expect(isVectorClock(clock)).toBe(true);
    expect(isVectorClock({ 'site-a': -1 })).toBe(false);
    expect(isVectorClock({ 'site-a': 1.5 })).toBe(false);
  });

  test('merge is a join: commutative, associative, idempotent, and descends from both', () => {
    fc.assert(
      fc.property(clockArbitrary, clockArbitrary, clockArbitrary, (a, b, c) => {
        expect(mergeClocks(a, b)).toEqual(mergeClocks(b, a));
        expect(mergeClocks(mergeClocks(a, b), c)).toEqual(mergeClocks(a, mergeClocks(b, c)));
        expect(mergeClocks(a, a)).toEqual(mergeClocks(a, {}));
        expect(descends(mergeClocks(a, b), a) && descends(mergeClocks(a, b), b)).toBe(true);
      }),
      { seed: 15, numRuns: 200 },
    );
  });

  test('compare is antisymmetric: swapping the clocks swaps BEFORE and AFTER', () => {
    const mirror = { BEFORE: 'AFTER', AFTER: 'BEFORE', EQUAL: 'EQUAL', CONCURRENT: 'CONCURRENT' } as const;
    fc.assert(fc.property(clockArbitrary, clockArbitrary, (a, b) => compareClocks(b, a) === mirror[compareClocks(a, b)]), { seed: 16, numRuns: 200 });
  });
});
