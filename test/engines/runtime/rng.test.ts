import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../../src/engines/runtime/rng.js';

function floats(rng: SeededRng, count: number): number[] {
  return Array.from({ length: count }, () => rng.float());
}

describe('SeededRng', () => {
  it('replays the same sequence for the same seed', () => {
    const a = new SeededRng(42);
    const b = new SeededRng(42);
    expect(a.seed).toBe(42);
    expect(floats(a, 100)).toEqual(floats(b, 100));
    expect(a.int(0, 1_000_000)).toBe(b.int(0, 1_000_000));
    expect(a.shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(b.shuffle([1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('gives neighbouring seeds unrelated sequences', () => {
    const firstDraws = [1, 2, 3, 4].map((seed) => new SeededRng(seed).float());
    expect(new Set(firstDraws).size).toBe(4);
    // xoroshiro128+ seeded raw (no mixing, no warm-up) starts seeds 1..4 with nearly the same float.
    const spread = Math.max(...firstDraws) - Math.min(...firstDraws);
    expect(spread).toBeGreaterThan(0.1);
  });

  it('uses the high bits of seeds wider than 32 bits', () => {
    expect(floats(new SeededRng(2 ** 40 + 5), 5)).not.toEqual(floats(new SeededRng(5), 5));
  });

  it('float() stays in [0, 1) with a plausible mean', () => {
    const rng = new SeededRng(1);
    const values = floats(rng, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('int() covers [min, maxExclusive) and nothing else', () => {
    const rng = new SeededRng(3);
    const seen = new Set<number>();
    for (let draw = 0; draw < 2_000; draw += 1) seen.add(rng.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(rng.int(9, 10)).toBe(9);
  });

  it('chance() respects its probability and its extremes', () => {
    const rng = new SeededRng(11);
    let hits = 0;
    for (let draw = 0; draw < 20_000; draw += 1) if (rng.chance(0.25)) hits += 1;
    expect(hits / 20_000).toBeGreaterThan(0.23);
    expect(hits / 20_000).toBeLessThan(0.27);
    for (let draw = 0; draw < 100; draw += 1) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
  });

  it('chance() consumes one float whatever the probability', () => {
    const a = new SeededRng(5);
    const b = new SeededRng(5);
    a.chance(0);
    b.chance(0.7);
    expect(a.float()).toBe(b.float());
  });

  it('pick() and shuffle() use every element and do not mutate the input', () => {
    const rng = new SeededRng(8);
    const items = ['n1', 'n2', 'n3'] as const;
    const picked = new Set<string>();
    for (let draw = 0; draw < 200; draw += 1) picked.add(rng.pick(items));
    expect(picked).toEqual(new Set(items));

    const input = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const shuffled = rng.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(shuffled).not.toBe(input);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(shuffled).not.toEqual(input);
  });

  it('fork() is deterministic, label-dependent and does not consume the parent', () => {
    const parent = new SeededRng(99);
    const untouched = new SeededRng(99);
    const raft = parent.fork('raft');
    const raftAgain = new SeededRng(99).fork('raft');
    const gossip = parent.fork('gossip');

    expect(floats(raft, 20)).toEqual(floats(raftAgain, 20));
    expect(floats(parent.fork('raft'), 20)).not.toEqual(floats(gossip, 20));
    expect(floats(parent, 20)).toEqual(floats(untouched, 20));
    expect(floats(new SeededRng(100).fork('raft'), 20)).not.toEqual(floats(new SeededRng(99).fork('raft'), 20));
  });

  it('adding a consumer does not perturb another consumer’s stream', () => {
    const runA = new SeededRng(2024);
    const runB = new SeededRng(2024);
    const detectorA = runA.fork('failure-detector');
    const newcomer = runB.fork('replication');
    floats(newcomer, 50);
    const detectorB = runB.fork('failure-detector');
    expect(floats(detectorA, 20)).toEqual(floats(detectorB, 20));
  });

  it('rejects programmer errors', () => {
    const rng = new SeededRng(1);
    expect(() => new SeededRng(1.5)).toThrow(/safe integer/);
    expect(() => new SeededRng(Number.NaN)).toThrow(/safe integer/);
    expect(() => rng.int(5, 5)).toThrow(/empty range/);
    expect(() => rng.int(0, 2.5)).toThrow(/safe integers/);
    expect(() => rng.chance(1.1)).toThrow(/\[0, 1\]/);
    expect(() => rng.chance(Number.NaN)).toThrow(/\[0, 1\]/);
    expect(() => rng.pick([])).toThrow(/empty/);
  });
});
