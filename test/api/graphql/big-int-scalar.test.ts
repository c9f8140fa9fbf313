import { Kind, parseValue, type ValueNode } from 'graphql';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { BigIntResolver } from '../../../src/api/graphql/big-int-scalar.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('BigInt scalar', () => {
  test('parses without a console warning: safe integers become numbers, larger ones bigints', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(BigIntResolver.parseValue(42)).toBe(42);
    expect(BigIntResolver.parseValue('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(BigIntResolver.parseValue('9007199254740993')).toBe(9007199254740993n);
    expect(BigIntResolver.parseLiteral(parseValue('0'), {})).toBe(0);
    expect(BigIntResolver.parseLiteral(parseValue('-17'), {})).toBe(-17);
    expect(warn).not.toHaveBeenCalled();
  });

  test('refuses what is not a whole number, as graphql-scalars does', () => {
    expect(() => BigIntResolver.parseValue(1.5)).toThrow(/BigInt cannot represent value: 1.5|Cannot convert 1.5 to a BigInt/);
    expect(() => BigIntResolver.parseLiteral(parseValue('true'), {})).toThrow('BigInt cannot represent value: true');
    const list: ValueNode = { kind: Kind.LIST, values: [] };
    expect(() => BigIntResolver.parseLiteral(list, {})).toThrow('BigInt cannot represent non-integer value: []');
  });

  test('serializes as graphql-scalars does: numbers below 2^53 stay numbers (JSON numbers)', () => {
    expect(BigIntResolver.serialize(12)).toBe(12);
    expect(BigIntResolver.serialize(12n)).toBe(12);
    expect(BigIntResolver.serialize('12')).toBe(12);
    expect(JSON.stringify({ cursor: BigIntResolver.serialize(Number.MAX_SAFE_INTEGER) })).toBe(`{"cursor":${Number.MAX_SAFE_INTEGER}}`);
    expect(() => BigIntResolver.serialize(1.5)).toThrow('BigInt cannot represent non-integer value: 1.5');
  });

  test('keeps the name and description the SDL and GraphiQL show', () => {
    expect(BigIntResolver.name).toBe('BigInt');
    expect(BigIntResolver.description).toMatch(/non-fractional signed whole numeric values/);
  });
});
