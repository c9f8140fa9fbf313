/** `<prefix>-N` with N one past the highest number in use among `ids` (`dc-3`, `stream-12`). */
export function nextNumberedId(prefix: string, ids: Iterable<string>): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  let highest = 0;
  for (const id of ids) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${highest + 1}`;
}
