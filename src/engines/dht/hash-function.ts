/**
 * The hash functions that place keys and vnodes on the ring. One interface, several
 * implementations, one shared test suite (test/engines/dht/hash-function-suite.ts).
 */
import { fnv1a32 } from './fnv1a.js';
import { murmur3x86_32 } from './murmur3.js';

/** 32-bit hashes only: a ring token is an unsigned 32-bit integer. */
export type HashFunctionName = 'MURMUR3' | 'FNV1A';

export const HASH_FUNCTION_NAMES: readonly HashFunctionName[] = Object.freeze(['MURMUR3', 'FNV1A']);

/** Number of distinct tokens: the hash space is [0, 2^32). */
export const HASH_SPACE_SIZE = 0x1_0000_0000;

export interface HashFunction {
  readonly name: HashFunctionName;
  /** An unsigned 32-bit integer in [0, 2^32). */
  hashBytes(bytes: Uint8Array): number;
}

const utf8 = new TextEncoder();

/** The token of a string key: the hash of its UTF-8 bytes. */
export function tokenOf(hashFunction: HashFunction, key: string): number {
  return hashFunction.hashBytes(utf8.encode(key));
}

/** MurmurHash3 x86_32 with a fixed seed. */
export function murmur3HashFunction(seed = 0): HashFunction {
  return { name: 'MURMUR3', hashBytes: (bytes) => murmur3x86_32(bytes, seed) };
}

/** FNV-1a, 32-bit (it has no seed: the offset basis is fixed by the algorithm). */
export const fnv1aHashFunction: HashFunction = Object.freeze({ name: 'FNV1A', hashBytes: fnv1a32 });

/** The implementation for a name; `seed` only matters to MurmurHash3. */
export function hashFunctionNamed(name: HashFunctionName, seed = 0): HashFunction {
  switch (name) {
    case 'MURMUR3':
      return murmur3HashFunction(seed);
    case 'FNV1A':
      return fnv1aHashFunction;
  }
}
