import { describe, expect, it } from 'vitest';
import { type Fault, FaultSet, type FaultSpec, FaultSpecError } from '../../../src/engines/runtime/faults.js';

const NOW_MS = Date.UTC(2030, 0, 1);

describe('FaultSet', () => {
  it('starts healthy', () => {
    const faults = new FaultSet();
    expect(faults.list()).toEqual([]);
    expect(faults.isCrashed('n1')).toBe(false);
    expect(faults.canReach('n1', 'n2')).toBe(true);
    expect(faults.extraLatencyMs('n1', 'n2')).toBe(0);
    expect(faults.lossRate('n1', 'n2')).toBe(0);
  });

  it('crash makes a node unreachable in both directions until healed', () => {
    const faults = new FaultSet();
    const fault = faults.inject({ type: 'crash', nodes: ['n2'] }, 'f1', NOW_MS);
    expect(fault).toEqual({ type: 'crash', nodes: ['n2'], id: 'f1', createdAtMs: NOW_MS });
    expect(faults.isCrashed('n2')).toBe(true);
    expect(faults.isCrashed('n1')).toBe(false);
    expect(faults.canReach('n1', 'n2')).toBe(false);
    expect(faults.canReach('n2', 'n1')).toBe(false);
    expect(faults.canReach('n1', 'n3')).toBe(true);
    expect(faults.isPartitioned('n1', 'n2')).toBe(false);

    expect(faults.heal('f1')).toEqual(fault);
    expect(faults.isCrashed('n2')).toBe(false);
    expect(faults.canReach('n1', 'n2')).toBe(true);
    expect(faults.heal('f1')).toBeUndefined();
  });

  it('partition separates groups and leaves unnamed nodes alone', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'partition', groups: [['n1', 'n2'], ['n3'], ['n4']] }, 'p1', NOW_MS);
    expect(faults.canReach('n1', 'n2')).toBe(true);
    expect(faults.canReach('n1', 'n3')).toBe(false);
    expect(faults.canReach('n3', 'n1')).toBe(false);
    expect(faults.canReach('n3', 'n4')).toBe(false);
    expect(faults.isPartitioned('n2', 'n4')).toBe(true);
    // n5 is not named, so it still reaches everyone.
    expect(faults.canReach('n5', 'n1')).toBe(true);
    expect(faults.canReach('n3', 'n5')).toBe(true);
    expect(faults.canReach('n3', 'n3')).toBe(true);
  });

  it('overlapping partitions each apply', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'partition', groups: [['n1'], ['n2']] }, 'p1', NOW_MS);
    faults.inject({ type: 'partition', groups: [['n2'], ['n3']] }, 'p2', NOW_MS);
    expect(faults.canReach('n1', 'n2')).toBe(false);
    expect(faults.canReach('n2', 'n3')).toBe(false);
    expect(faults.canReach('n1', 'n3')).toBe(true);
    faults.heal('p1');
    expect(faults.canReach('n1', 'n2')).toBe(true);
    expect(faults.canReach('n2', 'n3')).toBe(false);
  });

  it('latency adds up over faults naming either endpoint, each counted once', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'latency', nodes: ['n1'], ms: 50 }, 'l1', NOW_MS);
    faults.inject({ type: 'latency', nodes: ['n2'], ms: 20 }, 'l2', NOW_MS);
    faults.inject({ type: 'latency', nodes: ['n1', 'n2'], ms: 5 }, 'l3', NOW_MS);
    expect(faults.extraLatencyMs('n1', 'n2')).toBe(75);
    expect(faults.extraLatencyMs('n2', 'n1')).toBe(75);
    expect(faults.extraLatencyMs('n1', 'n3')).toBe(55);
    expect(faults.extraLatencyMs('n3', 'n4')).toBe(0);
    expect(faults.extraLatencyMs('n1', 'n1')).toBe(55);
    expect(faults.canReach('n1', 'n2')).toBe(true);
  });

  it('loss combines as independent drops: 1 - prod(1 - rate)', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'loss', nodes: ['n1'], rate: 0.5 }, 'x1', NOW_MS);
    faults.inject({ type: 'loss', nodes: ['n2'], rate: 0.2 }, 'x2', NOW_MS);
    faults.inject({ type: 'loss', nodes: ['n1', 'n2', 'n2'], rate: 0.1 }, 'x3', NOW_MS);
    expect(faults.lossRate('n1', 'n2')).toBeCloseTo(1 - 0.5 * 0.8 * 0.9, 12);
    expect(faults.lossRate('n2', 'n3')).toBeCloseTo(1 - 0.8 * 0.9, 12);
    expect(faults.lossRate('n3', 'n4')).toBe(0);
    faults.inject({ type: 'loss', nodes: ['n4'], rate: 1 }, 'x4', NOW_MS);
    expect(faults.lossRate('n3', 'n4')).toBe(1);
  });

  it('lists in creation order and hands out copies', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'loss', nodes: ['n1'], rate: 0.1 }, 'b', NOW_MS);
    faults.inject({ type: 'crash', nodes: ['n2'] }, 'a', NOW_MS + 1);
    faults.inject({ type: 'partition', groups: [['n3'], ['n4']] }, 'c', NOW_MS + 2);
    const listed = faults.list();
    expect(listed.map((fault) => fault.id)).toEqual(['b', 'a', 'c']);

    listed[1]?.nodes?.push('n9');
    listed[2]?.groups?.[0]?.push('n4');
    expect(faults.isCrashed('n9')).toBe(false);
    expect(faults.list()[2]?.groups).toEqual([['n3'], ['n4']]);
  });

  it('does not keep references to the caller’s spec', () => {
    const faults = new FaultSet();
    const spec: FaultSpec = { type: 'crash', nodes: ['n1'] };
    faults.inject(spec, 'f1', NOW_MS);
    spec.nodes?.push('n2');
    expect(faults.isCrashed('n2')).toBe(false);
  });

  it('healAll removes everything', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'crash', nodes: ['n1'] }, 'f1', NOW_MS);
    faults.inject({ type: 'crash', nodes: ['n2'] }, 'f2', NOW_MS);
    expect(faults.healAll().map((fault) => fault.id)).toEqual(['f1', 'f2']);
    expect(faults.list()).toEqual([]);
    expect(faults.isCrashed('n1')).toBe(false);
  });

  it('restore replaces the set with persisted faults, keeping ids, times and order', () => {
    const before = new FaultSet();
    before.inject({ type: 'latency', nodes: ['n1'], ms: 30 }, 'z', NOW_MS);
    before.inject({ type: 'crash', nodes: ['n3'] }, 'a', NOW_MS + 5);
    const persisted: Fault[] = JSON.parse(JSON.stringify(before.list())) as Fault[];

    const after = new FaultSet();
    after.inject({ type: 'crash', nodes: ['n9'] }, 'stale', NOW_MS);
    after.restore(persisted);
    expect(after.list()).toEqual(before.list());
    expect(after.isCrashed('n3')).toBe(true);
    expect(after.isCrashed('n9')).toBe(false);
    expect(after.extraLatencyMs('n1', 'n2')).toBe(30);
  });

  it('restore is all-or-nothing', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'crash', nodes: ['n1'] }, 'f1', NOW_MS);
    const good: Fault = { type: 'crash', nodes: ['n2'], id: 'g', createdAtMs: NOW_MS };
    const bad: Fault = { type: 'loss', nodes: ['n3'], rate: 2, id: 'b', createdAtMs: NOW_MS };
    expect(() => faults.restore([good, bad])).toThrow(FaultSpecError);
    expect(() => faults.restore([good, { ...good }])).toThrow(/already exists/);
    expect(faults.list().map((fault) => fault.id)).toEqual(['f1']);
  });

  it('notifies listeners on every change until they unsubscribe', () => {
    const faults = new FaultSet();
    const seen: string[][] = [];
    const unsubscribe = faults.onChange((list) => seen.push(list.map((fault) => fault.id)));
    faults.inject({ type: 'crash', nodes: ['n1'] }, 'f1', NOW_MS);
    faults.inject({ type: 'crash', nodes: ['n2'] }, 'f2', NOW_MS);
    faults.heal('f1');
    faults.heal('missing');
    faults.restore([{ type: 'crash', nodes: ['n3'], id: 'r', createdAtMs: NOW_MS }]);
    unsubscribe();
    faults.heal('r');
    expect(seen).toEqual([['f1'], ['f1', 'f2'], ['f2'], ['r']]);
  });

  it('gives each subscription of the same listener its own unsubscribe', () => {
    const faults = new FaultSet();
    let calls = 0;
    const listener = (): void => {
      calls += 1;
    };
    const first = faults.onChange(listener);
    faults.onChange(listener);
    first();
    faults.inject({ type: 'crash', nodes: ['n1'] }, 'f1', NOW_MS);
    expect(calls).toBe(1);
  });

  it('rejects duplicate or empty ids as programmer errors', () => {
    const faults = new FaultSet();
    faults.inject({ type: 'crash', nodes: ['n1'] }, 'f1', NOW_MS);
    expect(() => faults.inject({ type: 'crash', nodes: ['n2'] }, 'f1', NOW_MS)).toThrow(/already exists/);
    expect(() => faults.inject({ type: 'crash', nodes: ['n2'] }, '', NOW_MS)).toThrow(/non-empty/);
    expect(faults.list()).toHaveLength(1);
  });

  describe('validation', () => {
    const cases: [string, FaultSpec, RegExp][] = [
      ['unknown type', { type: 'meteor' as FaultSpec['type'] }, /unknown fault type "meteor"/],
      ['crash without nodes', { type: 'crash' }, /crash fault needs a non-empty "nodes"/],
      ['crash with empty nodes', { type: 'crash', nodes: [] }, /crash fault needs a non-empty "nodes"/],
      ['crash with an empty node id', { type: 'crash', nodes: [''] }, /non-empty node id/],
      ['crash with ms', { type: 'crash', nodes: ['n1'], ms: 10 }, /crash fault does not take "ms"/],
      ['partition without groups', { type: 'partition' }, /at least 2 groups/],
      ['partition with one group', { type: 'partition', groups: [['n1', 'n2']] }, /at least 2 groups/],
      ['partition with an empty group', { type: 'partition', groups: [['n1'], []] }, /group 1 must be a non-empty/],
      ['partition with overlapping groups', { type: 'partition', groups: [['n1', 'n2'], ['n2']] }, /disjoint: node "n2"/],
      ['partition with nodes', { type: 'partition', groups: [['n1'], ['n2']], nodes: ['n3'] }, /does not take "nodes"/],
      ['latency without nodes', { type: 'latency', ms: 10 }, /latency fault needs a non-empty "nodes"/],
      ['latency without ms', { type: 'latency', nodes: ['n1'] }, /latency fault needs "ms" > 0/],
      ['latency with zero ms', { type: 'latency', nodes: ['n1'], ms: 0 }, /"ms" > 0/],
      ['latency with infinite ms', { type: 'latency', nodes: ['n1'], ms: Infinity }, /"ms" > 0/],
      ['loss without nodes', { type: 'loss', rate: 0.5 }, /loss fault needs a non-empty "nodes"/],
      ['loss with zero rate', { type: 'loss', nodes: ['n1'], rate: 0 }, /0 < rate <= 1/],
      ['loss with rate above 1', { type: 'loss', nodes: ['n1'], rate: 1.5 }, /0 < rate <= 1/],
      ['loss with rate NaN', { type: 'loss', nodes: ['n1'], rate: Number.NaN }, /0 < rate <= 1/],
      ['loss with ms', { type: 'loss', nodes: ['n1'], rate: 0.5, ms: 3 }, /loss fault does not take "ms"/],
    ];

    it.each(cases)('rejects %s', (_name, spec, message) => {
      const faults = new FaultSet();
      let notified = false;
      faults.onChange(() => (notified = true));
      const attempt = (): Fault => faults.inject(spec, 'f1', NOW_MS);
      expect(attempt).toThrow(FaultSpecError);
      expect(attempt).toThrow(message);
      expect(faults.list()).toEqual([]);
      expect(notified).toBe(false);
    });

    it('names the error class', () => {
      const error = new FaultSpecError('x');
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('FaultSpecError');
    });
  });
});
