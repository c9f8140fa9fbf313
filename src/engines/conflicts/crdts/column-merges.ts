/**
 * Three-way merges of one column that two sites changed from a common base, as CRDT merges: the
 * base and each side's change become two replicas of the column's CRDT, which are merged. Used by
 * the CRDT_PER_COLUMN strategy here and by replication's CRDT_COUNTER and CRDT_SET, so each merge
 * has one implementation.
 */
import { EMPTY_PN_COUNTER, pnCounterAdd, pnCounterMerge, pnCounterValue } from './counters.js';
import type { CrdtType } from './crdt-types.js';
import { canonicalJson, type JsonValue } from './json-value.js';
import {
  EMPTY_OR_SET,
  EMPTY_TWO_PHASE_SET,
  gSetHas,
  gSetMerge,
  gSetOf,
  orSetAdd,
  orSetMerge,
  orSetRemove,
  orSetValue,
  twoPhaseSetAdd,
  twoPhaseSetMerge,
  twoPhaseSetRemove,
  twoPhaseSetValue,
  type GSet,
} from './sets.js';

// The three contributions are replicas of their own, so two sides written by one site still add up.
const BASE = 'base';
const LOCAL = 'local';
const REMOTE = 'remote';

/**
 * The counter both sides' changes make: the base plus each side's delta (a PN-Counter with the
 * base, local and remote as its replicas). Undefined when a value is not a number, or a G-Counter
 * went down (no G-Counter merge exists for it).
 */
export function mergeCounterColumn(
  crdtType: 'G_COUNTER' | 'PN_COUNTER',
  base: JsonValue | undefined,
  local: JsonValue,
  remote: JsonValue,
): number | undefined {
  if (typeof local !== 'number' || typeof remote !== 'number') return undefined;
  const start = typeof base === 'number' ? base : 0;
  const localDelta = local - start;
  const remoteDelta = remote - start;
  if (crdtType === 'G_COUNTER' && (localDelta < 0 || remoteDelta < 0)) return undefined;
  const origin = pnCounterAdd(EMPTY_PN_COUNTER, BASE, start);
  const merged = pnCounterMerge(pnCounterAdd(origin, LOCAL, localDelta), pnCounterAdd(origin, REMOTE, remoteDelta));
  return pnCounterValue(merged);
}

/**
 * The set both sides' changes make, as the set CRDT merges them: a G-Set keeps every element
 * either side had; a 2P-Set and an OR-Set drop what either side removed from the base and keep
 * both sides' additions. Kept in a stable order: the base's, then the additions of `local`, then
 * those of `remote` (the caller chooses which side comes first). Undefined when a value is not an array.
 */
export function mergeSetColumn(
  crdtType: 'G_SET' | 'TWO_PHASE_SET' | 'OR_SET',
  base: JsonValue | undefined,
  local: JsonValue,
  remote: JsonValue,
): JsonValue[] | undefined {
  if (!Array.isArray(local) || !Array.isArray(remote)) return undefined;
  const before: readonly JsonValue[] = Array.isArray(base) ? base : [];
  const localElements = local as readonly JsonValue[];
  const remoteElements = remote as readonly JsonValue[];
  let members: GSet;
  switch (crdtType) {
    case 'G_SET':
      members = gSetMerge(gSetOf([...before, ...localElements]), gSetOf([...before, ...remoteElements]));
      break;
    case 'TWO_PHASE_SET': {
      const origin = before.reduce(twoPhaseSetAdd, EMPTY_TWO_PHASE_SET);
      const side = (elements: readonly JsonValue[]) => {
        const kept = gSetOf(elements);
        const removed = before.filter((element) => !gSetHas(kept, element)).reduce(twoPhaseSetRemove, origin);
        return elements.reduce(twoPhaseSetAdd, removed);
      };
      members = twoPhaseSetValue(twoPhaseSetMerge(side(localElements), side(remoteElements)));
      break;
    }
    case 'OR_SET': {
      const origin = before.reduce((set, element) => orSetAdd(set, element, BASE), EMPTY_OR_SET);
      const side = (elements: readonly JsonValue[], siteId: string) => {
        const kept = gSetOf(elements);
        const removed = before.filter((element) => !gSetHas(kept, element)).reduce(orSetRemove, origin);
        return elements.filter((element) => !gSetHas(before, element)).reduce((set, element) => orSetAdd(set, element, siteId), removed);
      };
      members = orSetValue(orSetMerge(side(localElements, LOCAL), side(remoteElements, REMOTE)));
      break;
    }
  }
  const result: JsonValue[] = [];
  const seen = new Set<string>();
  for (const element of [...before, ...localElements, ...remoteElements]) {
    const text = canonicalJson(element);
    if (seen.has(text) || !gSetHas(members, element)) continue;
    seen.add(text);
    result.push(element);
  }
  return result;
}

/** Whether a CRDT type merges numbers, arrays, or any value (a register). */
export function columnKind(crdtType: CrdtType): 'COUNTER' | 'SET' | 'REGISTER' {
  if (crdtType === 'G_COUNTER' || crdtType === 'PN_COUNTER') return 'COUNTER';
  if (crdtType === 'LWW_REGISTER') return 'REGISTER';
  return 'SET';
}
