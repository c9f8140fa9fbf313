/** The contract every ring hash function keeps, run against each implementation. */
import { describe, expect, it } from 'vitest';
import {
  HASH_SPACE_SIZE,
  fnv1aHashFunction,
  hashFunctionNamed,
  murmur3HashFunction,
  tokenOf,
  type HashFunction,
} from '../../../src/engines/dht/hash-function.js';

const implementations: [string, HashFunction][] = [
  ['MurmurHash3, seed 0', murmur3HashFunction(0)],
  ['MurmurHash3, seed 0x9747b28c', murmur3HashFunction(0x9747b28c)],
  ['FNV-1a', fnv1aHashFunction],
];

describe.each(implementations)('%s', (_name, hashFunction) => {
  const keys = Array.from({ length: 4096 }, (_, index) => `key-${index}`);

  it('gives the same token for the same key, every time', () => {
    for (const key of keys.slice(0, 100)) expect(tokenOf(hashFunction, key)).toBe(tokenOf(hashFunction, key));
  });

  it('gives unsigned 32-bit tokens', () => {
    for (const key of ['', 'a', 'ππ', '\u{1F600}', 'x'.repeat(1000), ...keys]) {
      const token = tokenOf(hashFunction, key);
      expect(Number.isInteger(token) && token >= 0 && token < HASH_SPACE_SIZE).toBe(true);
    }
  });

  it('hashes UTF-8 bytes: a string and its encoding agree', () => {
    expect(tokenOf(hashFunction, 'Grüße, π')).toBe(hashFunction.hashBytes(Buffer.from('Grüße, π', 'utf8')));
  });

  it('has no collisions among a few thousand similar keys', () => {
    expect(new Set(keys.map((key) => tokenOf(hashFunction, key))).size).toBe(keys.length);
  });

  it('spreads similar keys over the whole space (each eighth gets 7% to 18%)', () => {
    const eighths = new Array<number>(8).fill(0);
    for (const key of keys) eighths[Math.floor(tokenOf(hashFunction, key) / (HASH_SPACE_SIZE / 8))]! += 1;
    for (const count of eighths) {
      expect(count / keys.length).toBeGreaterThan(0.07);
      expect(count / keys.length).toBeLessThan(0.18);
    }
  });
});

describe('hashFunctionNamed', () => {
  it('finds each implementation by name; the seed only changes MurmurHash3', () => {
    expect(hashFunctionNamed('MURMUR3').name).toBe('MURMUR3');
    expect(hashFunctionNamed('FNV1A').name).toBe('FNV1A');
    expect(tokenOf(hashFunctionNamed('MURMUR3', 1), 'k')).not.toBe(tokenOf(hashFunctionNamed('MURMUR3', 2), 'k'));
    expect(tokenOf(hashFunctionNamed('FNV1A', 1), 'k')).toBe(tokenOf(hashFunctionNamed('FNV1A', 2), 'k'));
  });
});
