/** One collator for every comparison: `localeCompare` with options builds a new one per call. */
const numericCollator = new Intl.Collator('en', { numeric: true });

/** Orders strings with their numbers read as numbers: node-2 before node-10. */
export function naturalCompare(a: string, b: string): number {
  return numericCollator.compare(a, b);
}
