/**
 * FNV-1a (Fowler/Noll/Vo), 32-bit: per byte, XOR it in, then multiply by the FNV prime.
 * Constants from RFC 9923 (formerly draft-eastlake-fnv) and http://www.isthe.com/chongo/tech/comp/fnv/.
 */

const FNV32_OFFSET_BASIS = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** Unsigned 32-bit FNV-1a of `bytes`. */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = FNV32_OFFSET_BASIS;
  for (let index = 0; index < bytes.length; index += 1) {
    hash ^= bytes[index]!;
    hash = Math.imul(hash, FNV32_PRIME);
  }
  return hash >>> 0;
}
