import { describe, expect, it } from 'vitest';
import { overrides, type MemberState } from '../../../src/engines/membership/index.js';

type Row = [current: `${MemberState}@${number}`, next: `${MemberState}@${number}`, overrides: boolean];

function parse(text: string): { state: MemberState; incarnation: number } {
  const [state, incarnation] = text.split('@');
  return { state: state as MemberState, incarnation: Number(incarnation) };
}

describe('SWIM precedence of updates about a member (§4.2)', () => {
  it.each<Row>([
    // alive(i) overrides anything at a lower incarnation: refutation, or back from the dead, or a rejoin.
    ['alive@1', 'alive@2', true],
    ['alive@2', 'alive@2', false],
    ['suspect@1', 'alive@2', true],
    ['suspect@2', 'alive@2', false],
    ['dead@1', 'alive@2', true],
    ['dead@2', 'alive@2', false],
    ['left@1', 'alive@2', true],
    // suspect(i) overrides alive(j <= i) and suspect(j < i), never dead or left.
    ['alive@2', 'suspect@2', true],
    ['alive@1', 'suspect@2', true],
    ['alive@3', 'suspect@2', false],
    ['suspect@1', 'suspect@2', true],
    ['suspect@2', 'suspect@2', false],
    ['dead@1', 'suspect@2', false],
    ['left@1', 'suspect@2', false],
    // dead(i) overrides alive and suspect at j <= i; a refutation of a higher incarnation stands.
    ['alive@2', 'dead@2', true],
    ['suspect@2', 'dead@2', true],
    ['alive@3', 'dead@2', false],
    ['suspect@3', 'dead@2', false],
    ['dead@2', 'dead@2', false],
    ['dead@1', 'dead@2', true],
    ['left@2', 'dead@2', false],
    ['left@1', 'dead@2', true],
    // left(i): the member's own word beats a failure verdict of the same incarnation.
    ['alive@2', 'left@2', true],
    ['suspect@2', 'left@2', true],
    ['dead@2', 'left@2', true],
    ['left@2', 'left@2', false],
    ['alive@3', 'left@2', false],
  ])('%s then %s: overrides = %s', (current, next, expected) => {
    expect(overrides(parse(current), parse(next))).toBe(expected);
  });
});
