import { describe, expect, test } from 'vitest';
import { targetRefusal, type TargetFacts } from '../../../src/engines/failover/leadership-target.js';

const up: TargetFacts = { nodeId: 'node-3', status: 'HEALTHY', voter: true, running: true, reachable: true };

describe('targetRefusal', () => {
  test('a running, reachable voter may lead, and so may one still RECOVERING', () => {
    expect(targetRefusal(up, { mustVote: true })).toBeNull();
    expect(targetRefusal({ ...up, status: 'RECOVERING' }, { mustVote: true })).toBeNull();
  });

  test.each([
    ['a learner', { voter: false }, 'TARGET_NOT_VOTER'],
    ['a crashed voter the detector still thinks HEALTHY', { running: false }, 'TARGET_DOWN'],
    ['a voter the detector found DOWN', { status: 'DOWN' }, 'TARGET_DOWN'],
    ['a SUSPECTED voter', { status: 'SUSPECTED' }, 'TARGET_UNREACHABLE'],
    ['a voter partitioned from the leader', { reachable: false }, 'TARGET_UNREACHABLE'],
    // Not voting is named first: it holds whatever the node's health.
    ['a crashed learner', { voter: false, running: false, status: 'DOWN' }, 'TARGET_NOT_VOTER'],
  ] as const)('refuses %s to lead', (_what, change, reason) => {
    expect(targetRefusal({ ...up, ...change }, { mustVote: true })?.reason).toBe(reason);
  });

  test('a drill target needs only to be up: learners and partitioned nodes pass, dead ones do not', () => {
    expect(targetRefusal({ ...up, voter: false }, { mustVote: false })).toBeNull();
    expect(targetRefusal({ ...up, reachable: false }, { mustVote: false })).toBeNull();
    expect(targetRefusal({ ...up, running: false }, { mustVote: false })?.reason).toBe('TARGET_DOWN');
    expect(targetRefusal({ ...up, status: 'SUSPECTED' }, { mustVote: false })?.reason).toBe('TARGET_UNREACHABLE');
  });

  test('the message names the node and its status', () => {
    expect(targetRefusal({ ...up, running: false, status: 'SUSPECTED' }, { mustVote: true })?.message).toBe('node-3 is down (status SUSPECTED, crashed).');
  });
});
