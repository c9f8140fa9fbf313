/**
 * MurmurHash3 x86_32 (Austin Appleby, SMHasher), over bytes, little-endian blocks.
 * Math.imul keeps every product modulo 2^32, as the reference's uint32_t arithmetic does.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Unsigned 32-bit MurmurHash3 x86_32 of `bytes`; `seed` is taken modulo 2^32. */
export function murmur3x86_32(bytes: Uint8Array, seed = 0): number {
  const length = bytes.length;
  const tailStart = length - (length & 3);
  let hash = seed | 0;

  for (let index = 0; index < tailStart; index += 4) {
    const block = bytes[index]! | (bytes[index + 1]! << 8) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 24);
    hash ^= scrambleBlock(block);
    hash = rotateLeft(hash, 13);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }

  // The 1 to 3 trailing bytes form one last, partial block (no rotate-and-add for it).
  let tail = 0;
  switch (length & 3) {
    case 3:
      tail ^= bytes[tailStart + 2]! << 16;
    // falls through
    case 2:
      tail ^= bytes[tailStart + 1]! << 8;
    // falls through
    case 1:
      tail ^= bytes[tailStart]!;
      hash ^= scrambleBlock(tail);
  }

  hash ^= length;
  return finalMix(hash) >>> 0;
}

function scrambleBlock(block: number): number {
  return Math.imul(rotateLeft(Math.imul(block, C1), 15), C2);
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** fmix32: forces every input bit to affect every output bit. */
function finalMix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash;
}
