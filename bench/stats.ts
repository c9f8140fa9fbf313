/** Small numeric helpers and the report's formatting. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "PASS" when `ratio` meets `target` (ratios where higher is better). */
export function verdictAtLeast(ratio: number, target: number): string {
  return ratio >= target ? 'PASS' : 'BELOW TARGET';
}

/** "PASS" when `ratio` stays at or under `limit` (ratios where lower is better, such as time). */
export function verdictAtMost(ratio: number, limit: number): string {
  return ratio <= limit ? 'PASS' : 'BELOW TARGET';
}

export function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** Right-aligned columns, so rounds line up under each other. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[index] ?? 10))).join('  ');
}
