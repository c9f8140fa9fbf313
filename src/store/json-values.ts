/**
 * Encodes a record value or event payload for storage, as every adapter must: a value JSON cannot
 * carry (BigInt, a cycle, undefined, a function) is refused before anything is written.
 */
export function encodeJson(value: unknown, subject: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (cause) {
    throw new TypeError(`${subject} cannot be encoded as JSON`, { cause });
  }
  // JSON.stringify returns undefined for undefined, functions and symbols.
  if (json === undefined) throw new TypeError(`${subject} cannot be encoded as JSON`);
  return json;
}
