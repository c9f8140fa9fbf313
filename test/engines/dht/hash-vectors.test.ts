/**
 * Published test vectors, checked against our implementations.
 *
 * MurmurHash3 x86_32: the examples of the Wikipedia "MurmurHash" article and the byte-level
 * vectors Ian Boyd published for SMHasher's MurmurHash3_x86_32 (https://stackoverflow.com/a/31929528),
 * which exercise every tail length and the seed (0, 1, 0xffffffff, 0x9747b28c, 0x5082edee).
 *
 * FNV-1a 32-bit: the test suite of the FNV reference code by Landon Curt Noll
 * (http://www.isthe.com/chongo/src/fnv/test_fnv.c) and the vectors of RFC 9923 (formerly
 * draft-eastlake-fnv), including the ones with a trailing NUL byte.
 */
import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../../src/engines/dht/fnv1a.js';
import { murmur3x86_32 } from '../../../src/engines/dht/murmur3.js';

const utf8 = new TextEncoder();

describe('MurmurHash3 x86_32', () => {
  it.each<[string, number, number]>([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['00000000', 0, 0x2362f9de],
    ['000000', 0, 0x85f0b427],
    ['0000', 0, 0x30f4c306],
    ['00', 0, 0x514e28b7],
    ['21436587', 0, 0xf55b516b],
    ['21436587', 0x5082edee, 0x2362f9de],
    ['214365', 0, 0x7e4a8634],
    ['2143', 0, 0xa0f7b07a],
    ['21', 0, 0x72661cf4],
  ])('bytes %j with seed %i', (hex, seed, expected) => {
    expect(murmur3x86_32(Buffer.from(hex, 'hex'), seed)).toBe(expected);
  });

  it.each<[string, number, number]>([
    ['test', 0, 0xba6bd213],
    ['test', 0x9747b28c, 0x704b81dc],
    ['Hello, world!', 0, 0xc0363e43],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aa', 0x9747b28c, 0x5d211726],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['ab', 0x9747b28c, 0x74875592],
    ['abc', 0, 0xb3dd93fa],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', 0, 0xee925b90],
    // Multi-byte characters are hashed as their UTF-8 bytes (π is CF 80).
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
    ['a'.repeat(256), 0x9747b28c, 0x37405bdc],
  ])('%j with seed %i', (text, seed, expected) => {
    expect(murmur3x86_32(utf8.encode(text), seed)).toBe(expected);
  });
});

describe('FNV-1a 32-bit', () => {
  it.each<[string, number]>([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['b', 0xe70c2de5],
    ['c', 0xe60c2c52],
    ['d', 0xe10c2473],
    ['e', 0xe00c22e0],
    ['f', 0xe30c2799],
    ['fo', 0x6222e842],
    ['foo', 0xa9f37ed7],
    ['foob', 0x3f5076ef],
    ['fooba', 0x39aaa18a],
    ['foobar', 0xbf9cf968],
    ['\0', 0x050c5d1f],
    ['a\0', 0x2b24d044],
    ['foobar\0', 0x0c1c9eb8],
    ['ch', 0x5f299f4e],
    ['cho', 0xef8580f3],
    ['chon', 0xac297727],
    ['chong', 0x4546b9c0],
    ['chongo', 0xbd564e7d],
    ['chongo ', 0x6bdd5c67],
    ['chongo w', 0xdd77ed30],
    ['http://www.isthe.com/chongo/tech/math/prime/mersenne.html#largest', 0xd19701c3],
  ])('%j', (text, expected) => {
    expect(fnv1a32(utf8.encode(text))).toBe(expected);
  });
});
