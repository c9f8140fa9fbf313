import { describe, expect, it } from 'vitest';
import {
  defaultSwimConfig,
  pushPullIntervalMs,
  retransmitLimit,
  suspicionTimeoutMs,
  suspicionTimeouts,
  validateSwimConfig,
} from '../../../src/engines/membership/index.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';

describe('SWIM config', () => {
  it('fills every missing field with its default', () => {
    expect(validateSwimConfig()).toEqual(defaultSwimConfig);
    expect(validateSwimConfig({ protocolPeriodMs: 500, pingTimeoutMs: undefined })).toEqual({ ...defaultSwimConfig, protocolPeriodMs: 500 });
  });

  it('lists every problem at once, as UNPROCESSABLE', () => {
    let error: unknown;
    try {
      validateSwimConfig({ protocolPeriodMs: 200, pingTimeoutMs: 200, indirectChecks: -1, maxPiggybackEntries: 0.5 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('UNPROCESSABLE');
    expect((error as DomainError).details?.problems).toEqual([
      'indirectChecks must be a whole number from 0 to 16',
      'maxPiggybackEntries must be a whole number from 1 to 64',
      'pingTimeoutMs must be shorter than protocolPeriodMs',
    ]);
  });

  it('retransmits each update λ·⌈log10(n+1)⌉ times', () => {
    const config = validateSwimConfig({ retransmitMult: 4 });
    expect([1, 8, 9, 10, 99, 100, 1000].map((n) => retransmitLimit(config, n))).toEqual([4, 4, 4, 8, 8, 12, 16]);
  });

  it('scales the suspicion timeout with log10(n) and expects suspicionMult - 2 confirmations', () => {
    const config = validateSwimConfig({ protocolPeriodMs: 1000, suspicionMult: 4, suspicionMaxTimeoutMult: 6 });
    expect(suspicionTimeouts(config, 8)).toEqual({ minMs: 4000, maxMs: 24_000, expectedConfirmations: 2 });
    expect(suspicionTimeouts(config, 1000)).toEqual({ minMs: 12_000, maxMs: 72_000, expectedConfirmations: 2 });
    // Too small a group to give two independent confirmations: the minimum applies at once.
    expect(suspicionTimeouts(config, 3)).toEqual({ minMs: 4000, maxMs: 24_000, expectedConfirmations: 0 });
    expect(suspicionTimeoutMs(suspicionTimeouts(config, 3), 0)).toBe(4000);
  });

  it('shortens the suspicion timeout logarithmically with each independent confirmation (Lifeguard)', () => {
    const bounds = suspicionTimeouts(validateSwimConfig(), 8);
    const timeouts = [0, 1, 2, 3].map((confirmations) => suspicionTimeoutMs(bounds, confirmations));
    expect(timeouts[0]).toBe(24_000);
    expect(timeouts[1]).toBe(Math.floor(24_000 - 20_000 * (Math.log(2) / Math.log(3))));
    expect(timeouts[2]).toBe(4000);
    expect(timeouts[3]).toBe(4000);
  });

  it('stretches the push-pull interval for groups over 32 members, and keeps 0 as disabled', () => {
    const config = validateSwimConfig({ pushPullIntervalMs: 30_000 });
    expect([32, 33, 64, 65, 1000].map((n) => pushPullIntervalMs(config, n))).toEqual([30_000, 60_000, 60_000, 90_000, 180_000]);
    expect(pushPullIntervalMs(validateSwimConfig({ pushPullIntervalMs: 0 }), 1000)).toBe(0);
  });
});
