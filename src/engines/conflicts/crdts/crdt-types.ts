/** The CRDT types a column can be declared as, with what each holds and guarantees. */

export type CrdtType = 'LWW_REGISTER' | 'G_COUNTER' | 'PN_COUNTER' | 'G_SET' | 'TWO_PHASE_SET' | 'OR_SET';

export const CRDT_TYPES: readonly CrdtType[] = Object.freeze(['LWW_REGISTER', 'G_COUNTER', 'PN_COUNTER', 'G_SET', 'TWO_PHASE_SET', 'OR_SET']);

export interface CrdtTypeInfo {
  readonly crdtType: CrdtType;
  readonly description: string;
  /** The column values it merges. */
  readonly columnValues: 'ANY' | 'NUMBER' | 'ARRAY';
  readonly operations: readonly string[];
  readonly merge: string;
}

export const CRDT_TYPE_INFO: Readonly<Record<CrdtType, CrdtTypeInfo>> = Object.freeze({
  LWW_REGISTER: {
    crdtType: 'LWW_REGISTER',
    description: 'One value; the later write wins (ties to the higher site id).',
    columnValues: 'ANY',
    operations: ['assign'],
    merge: 'Keeps the value with the later write time; at the same time the higher site id, then the greater value.',
  },
  G_COUNTER: {
    crdtType: 'G_COUNTER',
    description: 'A counter that only grows: each site counts its own increments.',
    columnValues: 'NUMBER',
    operations: ['increment'],
    merge: "Each site's count is the maximum of both; the value is their sum.",
  },
  PN_COUNTER: {
    crdtType: 'PN_COUNTER',
    description: 'A counter that goes up and down: a G-Counter of increments and one of decrements.',
    columnValues: 'NUMBER',
    operations: ['increment', 'decrement'],
    merge: 'Both G-Counters merged; the value is increments minus decrements.',
  },
  G_SET: {
    crdtType: 'G_SET',
    description: 'A set that only grows.',
    columnValues: 'ARRAY',
    operations: ['add'],
    merge: 'Union.',
  },
  TWO_PHASE_SET: {
    crdtType: 'TWO_PHASE_SET',
    description: 'A set whose removals are final: an added set and a removed set, both grow-only.',
    columnValues: 'ARRAY',
    operations: ['add', 'remove'],
    merge: 'Both sets merged by union; the value is added minus removed, so a removed element never comes back.',
  },
  OR_SET: {
    crdtType: 'OR_SET',
    description: 'An observed-remove set: each add is tagged, a remove removes the tags it saw, so an add concurrent with a remove wins.',
    columnValues: 'ARRAY',
    operations: ['add', 'remove'],
    merge: 'Union of tagged adds and of removed tags; the value is every element with a tag not removed.',
  },
});
