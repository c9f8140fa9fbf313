/**
 * The CRDT laws as fast-check properties: every merge is commutative, associative and idempotent,
 * and replicas that apply operations and then receive each other's states in any order, with
 * duplicates, converge to one state.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EMPTY_G_COUNTER,
  EMPTY_PN_COUNTER,
  gCounterIncrement,
  gCounterMerge,
  gCounterValue,
  pnCounterDecrement,
  pnCounterIncrement,
  pnCounterMerge,
  pnCounterValue,
  type GCounter,
  type PnCounter,
} from '../../../src/engines/conflicts/crdts/counters.js';
import { lwwAssign, lwwMerge, type LwwRegister } from '../../../src/engines/conflicts/crdts/lww-register.js';
import type { JsonValue } from '../../../src/engines/conflicts/crdts/json-value.js';
import {
  EMPTY_G_SET,
  EMPTY_OR_SET,
  EMPTY_TWO_PHASE_SET,
  gSetAdd,
  gSetMerge,
  orSetAdd,
  orSetHas,
  orSetMerge,
  orSetRemove,
  orSetValue,
  twoPhaseSetAdd,
  twoPhaseSetHas,
  twoPhaseSetMerge,
  twoPhaseSetRemove,
  type GSet,
  type OrSet,
  type TwoPhaseSet,
} from '../../../src/engines/conflicts/crdts/sets.js';

const SITES = ['site-1', 'site-2', 'site-3'] as const;
const RUNS = { numRuns: 40 };
const element = fc.oneof(fc.constantFrom<JsonValue>('a', 'b', 'c', 1, 2, { k: 1 }, ['x']), fc.constantFrom<JsonValue>({ k: 1, j: 2 }, { j: 2, k: 1 }));

/** One CRDT for the laws: how to build a replica's state from its operations, merge, and read. */
interface Crdt<S, Op> {
  name: string;
  empty: S;
  op: fc.Arbitrary<Op>;
  apply(state: S, op: Op, siteId: string): S;
  merge(a: S, b: S): S;
  value(state: S): unknown;
}

const lww: Crdt<LwwRegister | null, { value: JsonValue; timestampMs: number }> = {
  name: 'LWW-Register',
  empty: null,
  op: fc.record({ value: element, timestampMs: fc.integer({ min: 0, max: 5 }) }),
  apply: (state, op, siteId) => {
    const next = lwwAssign(op.value, op.timestampMs, siteId);
    return state === null ? next : lwwMerge(state, next);
  },
  merge: (a, b) => (a === null ? b : b === null ? a : lwwMerge(a, b)),
  value: (state) => state?.value,
};

const gCounter: Crdt<GCounter, number> = {
  name: 'G-Counter',
  empty: EMPTY_G_COUNTER,
  op: fc.integer({ min: 0, max: 10 }),
  apply: (state, by, siteId) => gCounterIncrement(state, siteId, by),
  merge: gCounterMerge,
  value: gCounterValue,
};

const pnCounter: Crdt<PnCounter, number> = {
  name: 'PN-Counter',
  empty: EMPTY_PN_COUNTER,
  op: fc.integer({ min: -10, max: 10 }),
  apply: (state, by, siteId) => (by >= 0 ? pnCounterIncrement(state, siteId, by) : pnCounterDecrement(state, siteId, -by)),
  merge: pnCounterMerge,
  value: pnCounterValue,
};

const gSet: Crdt<GSet, JsonValue> = { name: 'G-Set', empty: EMPTY_G_SET, op: element, apply: (state, value) => gSetAdd(state, value), merge: gSetMerge, value: (state) => state };

type SetOp = { kind: 'add' | 'remove'; value: JsonValue };
const setOp = fc.record({ kind: fc.constantFrom<'add' | 'remove'>('add', 'remove'), value: element });

const twoPhaseSet: Crdt<TwoPhaseSet, SetOp> = {
  name: '2P-Set',
  empty: EMPTY_TWO_PHASE_SET,
  op: setOp,
  apply: (state, op) => (op.kind === 'add' ? twoPhaseSetAdd(state, op.value) : twoPhaseSetRemove(state, op.value)),
  merge: twoPhaseSetMerge,
  value: (state) => state.added.filter((value) => twoPhaseSetHas(state, value)),
};

const orSet: Crdt<OrSet, SetOp> = {
  name: 'OR-Set',
  empty: EMPTY_OR_SET,
  op: setOp,
  apply: (state, op, siteId) => (op.kind === 'add' ? orSetAdd(state, op.value, siteId) : orSetRemove(state, op.value)),
  merge: orSetMerge,
  value: orSetValue,
};

/** States reachable by operations at the three sites, with the sites exchanging states between them. */
function reachableState<S, Op>(crdt: Crdt<S, Op>): fc.Arbitrary<S> {
  return fc.array(fc.tuple(fc.constantFrom(0, 1, 2), crdt.op, fc.boolean()), { maxLength: 12 }).map((steps) => {
    const replicas = SITES.map(() => crdt.empty);
    for (const [site, op, gossip] of steps) {
      replicas[site] = crdt.apply(replicas[site]!, op, SITES[site]!);
      if (gossip) replicas[(site + 1) % 3] = crdt.merge(replicas[(site + 1) % 3]!, replicas[site]!);
    }
    return replicas.reduce((a, b) => crdt.merge(a, b));
  });
}

function laws<S, Op>(crdt: Crdt<S, Op>): void {
  describe(crdt.name, () => {
    const state = reachableState(crdt);
    test('merge is commutative, associative and idempotent', () => {
      fc.assert(
        fc.property(state, state, state, (a, b, c) => {
          expect(crdt.merge(a, b)).toEqual(crdt.merge(b, a));
          expect(crdt.merge(crdt.merge(a, b), c)).toEqual(crdt.merge(a, crdt.merge(b, c)));
          expect(crdt.merge(a, a)).toEqual(a);
        }),
        { seed: 1501, ...RUNS },
      );
    });

    test('replicas converge under any delivery order, with duplicates', () => {
      const scenario = fc
        .array(fc.tuple(fc.constantFrom(0, 1, 2), crdt.op), { minLength: 1, maxLength: 10 })
        .chain((ops) => fc.tuple(fc.constant(ops), fc.array(fc.array(fc.integer({ min: 0, max: ops.length - 1 }), { maxLength: ops.length * 2 }), { minLength: 3, maxLength: 3 })));
      fc.assert(
        fc.property(scenario, ([ops, extraDeliveries]) => {
          // Each op happens at its site; its resulting state is a message every replica receives, in its own order, some twice.
          const origins = SITES.map(() => crdt.empty);
          const messages = ops.map(([site, op]) => (origins[site] = crdt.apply(origins[site]!, op, SITES[site]!)));
          const replicas = SITES.map((_, replica) => {
            const order = [...extraDeliveries[replica]!, ...messages.map((_, index) => messages.length - 1 - index)];
            return order.reduce((state, index) => crdt.merge(state, messages[index]!), crdt.empty);
          });
          expect(replicas[1]).toEqual(replicas[0]);
          expect(replicas[2]).toEqual(replicas[0]);
          expect(crdt.value(replicas[0]!)).toEqual(crdt.value(messages.reduce(crdt.merge, crdt.empty)));
        }),
        { seed: 1502, ...RUNS },
      );
    });
  });
}

laws(lww);
laws(gCounter);
laws(pnCounter);
laws(gSet);
laws(twoPhaseSet);
laws(orSet);

describe('the CRDTs mean what they say', () => {
  test('LWW ties are broken deterministically: same time, higher site id; same stamp, greater value', () => {
    const a = lwwAssign('x', 10, 'site-2');
    const b = lwwAssign('y', 10, 'site-10');
    expect(lwwMerge(a, b).value).toBe('y');
    expect(lwwMerge(b, a).value).toBe('y');
    const c = lwwAssign('z', 10, 'site-10');
    expect(lwwMerge(b, c)).toBe(lwwMerge(c, b));
    expect(lwwMerge(lwwAssign('late', 11, 'site-1'), b).value).toBe('late');
  });

  test('an OR-Set add concurrent with a remove survives; a 2P-Set removal is final', () => {
    const shared = orSetAdd(EMPTY_OR_SET, 'x', 'site-1');
    const removed = orSetRemove(shared, 'x');
    const readded = orSetAdd(shared, 'x', 'site-2');
    expect(orSetHas(orSetMerge(removed, readded), 'x')).toBe(true);
    expect(orSetHas(orSetMerge(removed, shared), 'x')).toBe(false);
    const twoPhase = twoPhaseSetRemove(twoPhaseSetAdd(EMPTY_TWO_PHASE_SET, 'x'), 'x');
    expect(twoPhaseSetHas(twoPhaseSetAdd(twoPhase, 'x'), 'x')).toBe(false);
  });

  test('a PN-Counter counts both sites; a G-Counter refuses to go down', () => {
    const left = pnCounterIncrement(EMPTY_PN_COUNTER, 'site-1', 5);
    const right = pnCounterDecrement(EMPTY_PN_COUNTER, 'site-2', 2);
    expect(pnCounterValue(pnCounterMerge(left, right))).toBe(3);
    expect(() => gCounterIncrement(EMPTY_G_COUNTER, 'site-1', -1)).toThrow(/only grows/);
  });
});
