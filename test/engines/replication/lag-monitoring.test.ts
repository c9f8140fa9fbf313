import { describe, expect, test } from 'vitest';
import { AlertBook } from '../../../src/engines/alerts/alert-book.js';
import { LagAlertRules, MAX_ALERT_RULES, type AlertRuleInput } from '../../../src/engines/replication/lag-alerts.js';
import { LagHistory, percentile, type LagSample } from '../../../src/engines/replication/lag-history.js';

function sample(atMs: number, lagBytes: number, replayLagMs = 0): LagSample {
  return { atMs, lagBytes, writeLagMs: 0, flushLagMs: 0, replayLagMs };
}

describe('LagHistory', () => {
  test('keeps the newest samples per standby up to its capacity, oldest first', () => {
    const history = new LagHistory(3);
    for (let second = 1; second <= 5; second++) history.record('node-2', sample(second * 1000, second));
    history.record('node-3', sample(1000, 42));
    expect(history.samples('node-2').map((kept) => kept.lagBytes)).toEqual([3, 4, 5]);
    expect(history.samples('node-3')).toHaveLength(1);
    expect(history.samples('node-9')).toEqual([]);
  });

  test('answers a time window, bounds included', () => {
    const history = new LagHistory(10);
    for (let second = 1; second <= 5; second++) history.record('node-2', sample(second * 1000, second));
    expect(history.samples('node-2', { fromMs: 2000, toMs: 4000 }).map((kept) => kept.atMs)).toEqual([2000, 3000, 4000]);
  });

  test('forgets a removed standby', () => {
    const history = new LagHistory(10);
    history.record('node-2', sample(1, 1));
    history.forget('node-2');
    expect(history.replicaIds()).toEqual([]);
  });

  test('refuses a capacity that is not a positive integer', () => {
    expect(() => new LagHistory(0)).toThrow(RangeError);
  });
});

test('percentile is the nearest-rank value, null for no values', () => {
  const values = Array.from({ length: 100 }, (_, index) => index + 1);
  expect(percentile(values, 99)).toBe(99);
  expect(percentile(values, 50)).toBe(50);
  expect(percentile([7], 99)).toBe(7);
  expect(percentile([], 99)).toBeNull();
});

describe('LagAlertRules', () => {
  const rule: AlertRuleInput = { name: 'lag over 1 KiB', metric: 'LAG_BYTES', threshold: 1024, forMs: 2000, severity: 'WARNING', replicaId: null };

  /** The rules evaluated over one standby's sample, the way the monitor feeds the alert engine. */
  function observe(book: AlertBook, rules: LagAlertRules, replicaId: string, lag: LagSample) {
    return book.evaluate('replication', rules.breaches(replicaId, lag), lag.atMs).transitions.map((transition) => ({ to: transition.to, alert: rules.lagAlertOf(transition.alert) }));
  }

  function current(book: AlertBook, rules: LagAlertRules) {
    return book.openAlerts().map((alert) => rules.lagAlertOf(alert));
  }

  test('a breach is pending, fires once held for forMs, and resolves when the lag falls back', () => {
    const rules = new LagAlertRules();
    const book = new AlertBook();
    rules.addRule(rule, 0, 'key-1');
    expect(observe(book, rules, 'node-2', sample(1000, 4096))).toMatchObject([{ to: 'PENDING' }]);
    expect(current(book, rules)[0]).toMatchObject({ state: 'PENDING', replicaId: 'node-2', value: 4096 });
    expect(observe(book, rules, 'node-2', sample(2000, 8192))).toEqual([]);
    const fired = observe(book, rules, 'node-2', sample(3000, 2048));
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ to: 'FIRING', alert: { state: 'FIRING', firedAtMs: 3000, peakValue: 8192, breachStartedAtMs: 1000, message: 'node-2: lag 2048 bytes > 1024 bytes for 2000 ms' } });
    const resolved = observe(book, rules, 'node-2', sample(4000, 1024));
    expect(resolved[0]).toMatchObject({ to: 'RESOLVED', alert: { state: 'RESOLVED', resolvedAtMs: 4000, value: 2048 } });
  });

  test('a breach shorter than forMs never fires and leaves no alert', () => {
    const rules = new LagAlertRules();
    const book = new AlertBook();
    rules.addRule(rule, 0, 'key-1');
    observe(book, rules, 'node-2', sample(1000, 4096));
    expect(observe(book, rules, 'node-2', sample(2000, 0))).toEqual([]);
    expect(book.openAlerts()).toEqual([]);
    expect(book.resolvedAlerts()).toEqual([]);
  });

  test('a rule for one standby ignores the others; each standby has its own alert', () => {
    const rules = new LagAlertRules();
    rules.addRule({ ...rule, forMs: 0, replicaId: 'node-3' }, 0, 'key-1');
    rules.addRule({ ...rule, forMs: 0, metric: 'REPLAY_LAG_MS', threshold: 500 }, 0, 'key-1');
    expect(rules.breaches('node-2', sample(1000, 4096, 600)).map((breach) => breach.labels.rule)).toEqual(['rule-2']);
    expect(rules.breaches('node-3', sample(1000, 4096, 600)).map((breach) => breach.labels.rule)).toEqual(['rule-1', 'rule-2']);
    const book = new AlertBook();
    book.evaluate('replication', [...rules.breaches('node-2', sample(1000, 4096, 600)), ...rules.breaches('node-3', sample(1000, 4096, 600))], 1000);
    expect(book.openAlerts().filter((alert) => alert.state === 'FIRING')).toHaveLength(3);
  });

  test('an invalid rule lists every bad field and adds nothing', () => {
    const rules = new LagAlertRules();
    expect(() => rules.addRule({ ...rule, name: ' ', threshold: -1, forMs: 1.5 }, 0, 'key-1')).toThrow(/name.*threshold.*forMs/);
    expect(rules.rules()).toEqual([]);
  });

  test(`at most ${MAX_ALERT_RULES} rules are kept`, () => {
    const rules = new LagAlertRules();
    for (let threshold = 0; threshold < MAX_ALERT_RULES; threshold++) rules.addRule({ ...rule, threshold }, 0, 'key-1');
    expect(() => rules.addRule(rule, 0, 'key-1')).toThrow(/At most 100 alert rules/);
    expect(rules.rules()).toHaveLength(MAX_ALERT_RULES);
  });

  test('its state restores rules and the id counter', () => {
    const rules = new LagAlertRules();
    rules.addRule({ ...rule, forMs: 0 }, 0, 'key-1');
    const restored = new LagAlertRules(structuredClone(rules.state()));
    expect(restored.rules()).toEqual(rules.rules());
    expect(restored.addRule(rule, 3000, 'key-1').ruleId).toBe('rule-2');
  });
});
