/**
 * Grow-only, two-phase and observed-remove sets (Shapiro et al., §3.3.1, §3.3.2 and §3.3.5).
 * Elements are JSON values kept in canonical order without duplicates, so equal sets are equal JSON.
 */
import { canonicalJson, compareJson, type JsonValue } from './json-value.js';

export type GSet<T extends JsonValue = JsonValue> = readonly T[];

export interface TwoPhaseSet<T extends JsonValue = JsonValue> {
  readonly added: GSet<T>;
  /** Removed for good: an element removed once can never come back. */
  readonly removed: GSet<T>;
}

/** One add of an element, told apart from every other add by its tag `<siteId>:<n>`. */
export interface OrSetEntry<T extends JsonValue = JsonValue> {
  readonly element: T;
  readonly tag: string;
}

export interface OrSet<T extends JsonValue = JsonValue> {
  readonly entries: readonly OrSetEntry<T>[];
  /** Tags a remove observed (tombstones). */
  readonly removedTags: readonly string[];
}

export const EMPTY_G_SET: GSet = Object.freeze([]);
export const EMPTY_TWO_PHASE_SET: TwoPhaseSet = Object.freeze({ added: EMPTY_G_SET, removed: EMPTY_G_SET });
export const EMPTY_OR_SET: OrSet = Object.freeze({ entries: Object.freeze([]), removedTags: Object.freeze([]) });

export function gSetOf<T extends JsonValue>(elements: readonly T[]): GSet<T> {
  const byText = new Map<string, T>();
  // Kept in canonical form (object keys sorted), so equal sets are equal JSON whichever replica's copy came first.
  for (const element of elements) {
    const text = canonicalJson(element);
    byText.set(text, JSON.parse(text) as T);
  }
  return Object.freeze([...byText.values()].sort(compareJson));
}

export function gSetAdd<T extends JsonValue>(set: GSet<T>, element: T): GSet<T> {
  return gSetHas(set, element) ? set : gSetOf([...set, element]);
}

export function gSetHas<T extends JsonValue>(set: GSet<T>, element: T): boolean {
  const text = canonicalJson(element);
  return set.some((candidate) => canonicalJson(candidate) === text);
}

export function gSetMerge<T extends JsonValue>(a: GSet<T>, b: GSet<T>): GSet<T> {
  return gSetOf([...a, ...b]);
}

export function twoPhaseSetAdd<T extends JsonValue>(set: TwoPhaseSet<T>, element: T): TwoPhaseSet<T> {
  return Object.freeze({ added: gSetAdd(set.added, element), removed: set.removed });
}

/** Removes a present element for good; removing an absent one changes nothing (its precondition). */
export function twoPhaseSetRemove<T extends JsonValue>(set: TwoPhaseSet<T>, element: T): TwoPhaseSet<T> {
  if (!twoPhaseSetHas(set, element)) return set;
  return Object.freeze({ added: set.added, removed: gSetAdd(set.removed, element) });
}

export function twoPhaseSetHas<T extends JsonValue>(set: TwoPhaseSet<T>, element: T): boolean {
  return gSetHas(set.added, element) && !gSetHas(set.removed, element);
}

export function twoPhaseSetValue<T extends JsonValue>(set: TwoPhaseSet<T>): GSet<T> {
  return set.added.filter((element) => !gSetHas(set.removed, element));
}

export function twoPhaseSetMerge<T extends JsonValue>(a: TwoPhaseSet<T>, b: TwoPhaseSet<T>): TwoPhaseSet<T> {
  return Object.freeze({ added: gSetMerge(a.added, b.added), removed: gSetMerge(a.removed, b.removed) });
}

/** Adds with a tag new to this replica: the site's next number after every tag of it the state holds. */
export function orSetAdd<T extends JsonValue>(set: OrSet<T>, element: T, siteId: string): OrSet<T> {
  const prefix = `${siteId}:`;
  let last = 0;
  for (const tag of [...set.entries.map((entry) => entry.tag), ...set.removedTags]) {
    if (tag.startsWith(prefix)) last = Math.max(last, Number(tag.slice(prefix.length)));
  }
  return orSetOf([...set.entries, { element, tag: `${prefix}${last + 1}` }], set.removedTags);
}

/** Removes the adds of the element this replica observed; a concurrent add elsewhere survives. */
export function orSetRemove<T extends JsonValue>(set: OrSet<T>, element: T): OrSet<T> {
  const text = canonicalJson(element);
  const observed = set.entries.filter((entry) => canonicalJson(entry.element) === text).map((entry) => entry.tag);
  if (observed.length === 0) return set;
  return orSetOf(set.entries, [...set.removedTags, ...observed]);
}

export function orSetValue<T extends JsonValue>(set: OrSet<T>): GSet<T> {
  const removed = new Set(set.removedTags);
  return gSetOf(set.entries.filter((entry) => !removed.has(entry.tag)).map((entry) => entry.element));
}

export function orSetHas<T extends JsonValue>(set: OrSet<T>, element: T): boolean {
  return gSetHas(orSetValue(set), element);
}

export function orSetMerge<T extends JsonValue>(a: OrSet<T>, b: OrSet<T>): OrSet<T> {
  return orSetOf([...a.entries, ...b.entries], [...a.removedTags, ...b.removedTags]);
}

/** Entries by tag (a tag names one add), tombstones deduplicated, both in code-unit order. */
function orSetOf<T extends JsonValue>(entries: readonly OrSetEntry<T>[], removedTags: readonly string[]): OrSet<T> {
  const byTag = new Map<string, OrSetEntry<T>>();
  for (const entry of entries) {
    // A tag names one add; should two ever meet with different elements, both replicas keep the same one.
    const kept = byTag.get(entry.tag);
    if (kept === undefined || compareJson(entry.element, kept.element) > 0) byTag.set(entry.tag, entry);
  }
  const ordered = [...byTag.values()]
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    .map((entry) => Object.freeze({ element: JSON.parse(canonicalJson(entry.element)) as T, tag: entry.tag }));
  return Object.freeze({ entries: Object.freeze(ordered), removedTags: Object.freeze([...new Set(removedTags)].sort()) });
}
