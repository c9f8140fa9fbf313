/**
 * The alert state machine on its own: scripted transcripts, then a fast-check property that runs
 * random evaluations of two sources against a small reference model (fixed seed).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AlertBook } from '../../../src/engines/alerts/alert-book.js';
import { ALERT_SEVERITIES, type Alert, type AlertCondition, type AlertSeverity, type AlertSourceName } from '../../../src/engines/alerts/alert.js';

function condition(node: string, options: Partial<AlertCondition> = {}): AlertCondition {
  return { name: 'NODE_DOWN', labels: { node }, severity: 'ERROR', annotations: { summary: `${node} is down` }, value: null, forMs: 0, ...options };
}

/** `to name node` per transition, in order. */
function transcript(book: AlertBook, source: AlertSourceName, conditions: AlertCondition[], atMs: number): string[] {
  return book.evaluate(source, conditions, atMs).transitions.map(({ to, alert }) => `${to} ${alert.name} ${alert.labels.node ?? ''}`.trim());
}

describe('AlertBook', () => {
  test('a condition with forMs is pending, fires once held that long, and resolves when it is no longer reported', () => {
    const book = new AlertBook();
    const lag = (value: number) => condition('node-3', { name: 'LAG', value, forMs: 2000 });
    expect(transcript(book, 'replication', [lag(10)], 1000)).toEqual(['PENDING LAG node-3']);
    expect(transcript(book, 'replication', [lag(30)], 2999)).toEqual([]);
    expect(transcript(book, 'replication', [lag(20)], 3000)).toEqual(['FIRING LAG node-3']);
    expect(book.openAlerts()).toMatchObject([{ id: 'alert-1', state: 'FIRING', value: 20, peakValue: 30, activeAtMs: 1000, startsAtMs: 3000, endsAtMs: null }]);
    expect(transcript(book, 'replication', [], 4000)).toEqual(['RESOLVED LAG node-3']);
    expect(book.openAlerts()).toEqual([]);
    expect(book.resolvedAlerts('replication')).toMatchObject([{ id: 'alert-1', state: 'RESOLVED', value: 20, endsAtMs: 4000 }]);
    expect(book.transitionCounts('replication')).toEqual({ PENDING: 1, FIRING: 1, RESOLVED: 1 });
  });

  test('forMs 0 fires at the evaluation that opens it; a pending alert that clears is forgotten', () => {
    const book = new AlertBook();
    expect(transcript(book, 'health', [condition('node-2')], 0)).toEqual(['PENDING NODE_DOWN node-2', 'FIRING NODE_DOWN node-2']);
    expect(transcript(book, 'health', [condition('node-2'), condition('node-4', { forMs: 5000 })], 100)).toEqual(['PENDING NODE_DOWN node-4']);
    expect(transcript(book, 'health', [condition('node-2')], 200)).toEqual([]);
    expect(book.openAlerts().map((alert) => alert.labels.node)).toEqual(['node-2']);
    expect(book.resolvedAlerts()).toEqual([]);
  });

  test('severity is not identity: a rising severity updates the alert; other labels make another alert', () => {
    const book = new AlertBook();
    book.evaluate('health', [condition('node-1')], 0);
    expect(book.evaluate('health', [condition('node-1', { severity: 'CRITICAL', annotations: { summary: 'the leader is down' } })], 10)).toMatchObject({ transitions: [], written: [{ id: 'alert-1', severity: 'CRITICAL' }], removed: [] });
    expect(book.openAlerts()).toMatchObject([{ id: 'alert-1', severity: 'CRITICAL', labels: { severity: 'CRITICAL', alertname: 'NODE_DOWN', source: 'health', node: 'node-1' }, annotations: { summary: 'the leader is down' } }]);
    expect(book.evaluate('health', [condition('node-1', { severity: 'CRITICAL', annotations: { summary: 'the leader is down' } })], 20)).toEqual({ transitions: [], written: [], removed: [] });
    expect(transcript(book, 'health', [condition('node-1', { labels: { node: 'node-1', component: 'NODE' } })], 30)).toEqual([
      'RESOLVED NODE_DOWN node-1',
      'PENDING NODE_DOWN node-1',
      'FIRING NODE_DOWN node-1',
    ]);
  });

  test('sources are independent: one evaluating resolves nothing of another', () => {
    const book = new AlertBook();
    book.evaluate('health', [condition('node-1')], 0);
    book.evaluate('replication', [condition('node-1', { name: 'LAG' })], 0);
    expect(transcript(book, 'replication', [], 10)).toEqual(['RESOLVED LAG node-1']);
    expect(book.openAlerts().map((alert) => `${alert.source} ${alert.name}`)).toEqual(['health NODE_DOWN']);
  });

  test('time never runs backwards for a source', () => {
    const book = new AlertBook();
    book.evaluate('replication', [condition('node-3', { forMs: 1000 })], 5000);
    // A restart resumed the clock behind: the evaluation counts as happening at 5000.
    expect(transcript(book, 'replication', [], 4000)).toEqual([]);
    book.evaluate('replication', [condition('node-3', { forMs: 0 })], 4500);
    expect(book.openAlerts()).toMatchObject([{ activeAtMs: 5000, startsAtMs: 5000 }]);
  });

  test('the history keeps the newest resolved alerts of each source, up to the limit', () => {
    const book = new AlertBook(undefined, { maxResolvedPerSource: 2 });
    for (let step = 0; step < 5; step++) {
      book.evaluate('health', [condition(`node-${step}`)], step * 10);
      book.evaluate('health', [], step * 10 + 5);
    }
    book.evaluate('replication', [condition('node-9', { name: 'LAG' })], 100);
    book.evaluate('replication', [], 110);
    expect(book.resolvedAlerts('health').map((alert) => alert.labels.node)).toEqual(['node-4', 'node-3']);
    expect(book.resolvedAlerts().map((alert) => alert.id)).toEqual(['alert-6', 'alert-5', 'alert-4']);
  });

  test('a snapshot restores the alerts and the id counter', () => {
    const book = new AlertBook();
    book.evaluate('health', [condition('node-1')], 0);
    const restored = new AlertBook(book.persisted());
    expect(transcript(restored, 'health', [condition('node-2')], 10)).toEqual(['RESOLVED NODE_DOWN node-1', 'PENDING NODE_DOWN node-2', 'FIRING NODE_DOWN node-2']);
    expect(restored.openAlerts().map((alert) => alert.id)).toEqual(['alert-2']);
  });

  test('a source breaking the bounds is a programmer error', () => {
    const book = new AlertBook();
    const labels = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`l${index}`, 'x']));
    expect(() => book.evaluate('health', [condition('node-1', { labels })], 0)).toThrow(/at most 7 labels/);
    expect(() => book.evaluate('health', [condition('node-1', { labels: { severity: 'x' } })], 0)).toThrow(/not the engine's/);
    expect(() => book.evaluate('health', [condition('node-1'), condition('node-1')], 0)).toThrow(/once per evaluation/);
    expect(() => book.evaluate('health', [condition('node-1', { forMs: -1 })], 0)).toThrow(/forMs/);
  });
});

describe('AlertBook against a reference model (fast-check)', () => {
  /** Conditions a source may report: a small universe so they come and go often. */
  const KEYS = ['a', 'b', 'c'] as const;
  const FOR_MS: Record<(typeof KEYS)[number], number> = { a: 0, b: 1000, c: 2500 };
  const SOURCES: readonly AlertSourceName[] = ['health', 'replication'];
  const LIMIT = 3;

  interface Step {
    source: AlertSourceName;
    advanceMs: number;
    reported: { key: (typeof KEYS)[number]; severity: AlertSeverity; value: number }[];
  }

  const step: fc.Arbitrary<Step> = fc.record({
    source: fc.constantFrom(...SOURCES),
    advanceMs: fc.integer({ min: 0, max: 1500 }),
    reported: fc.uniqueArray(fc.record({ key: fc.constantFrom(...KEYS), severity: fc.constantFrom(...ALERT_SEVERITIES), value: fc.integer({ min: 0, max: 100 }) }), { selector: (each) => each.key }),
  });

  /** What the model remembers of one open alert. */
  interface ModelAlert {
    state: 'PENDING' | 'FIRING';
    activeAtMs: number;
    startsAtMs: number | null;
    peak: number;
  }

  test('pending fires only after its for duration, resolved only from firing, the history stays bounded, and what it writes rebuilds it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const book = new AlertBook(undefined, { maxResolvedPerSource: LIMIT });
        const model = new Map<string, ModelAlert>();
        const resolvedCount = new Map<AlertSourceName, number>();
        const resolvedSeen = new Map<string, Alert>();
        /** The records the engine would keep: every evaluation's writes and removals applied. */
        const stored = new Map<string, Alert>();
        let nowMs = 0;
        for (const { source, advanceMs, reported } of steps) {
          nowMs += advanceMs;
          const conditions = reported.map(({ key, severity, value }) => ({ name: key, labels: {}, severity, annotations: { summary: key }, value, forMs: FOR_MS[key] }));
          const { transitions, written, removed } = book.evaluate(source, conditions, nowMs);
          for (const alert of written) stored.set(alert.id, alert);
          for (const id of removed) stored.delete(id);

          // The reference model, one rule per transition.
          const expected: string[] = [];
          for (const { key, value } of reported) {
            const id = `${source}/${key}`;
            let alert = model.get(id);
            if (alert === undefined) {
              alert = { state: 'PENDING', activeAtMs: nowMs, startsAtMs: null, peak: value };
              model.set(id, alert);
              expected.push(`PENDING ${key}`);
            }
            alert.peak = Math.max(alert.peak, value);
            if (alert.state === 'PENDING' && nowMs - alert.activeAtMs >= FOR_MS[key]) {
              alert.state = 'FIRING';
              alert.startsAtMs = nowMs;
              expected.push(`FIRING ${key}`);
            }
          }
          for (const key of KEYS) {
            const id = `${source}/${key}`;
            const alert = model.get(id);
            if (alert === undefined || reported.some((each) => each.key === key)) continue;
            model.delete(id);
            if (alert.state === 'FIRING') {
              expected.push(`RESOLVED ${key}`);
              resolvedCount.set(source, (resolvedCount.get(source) ?? 0) + 1);
            }
          }
          const sortedTranscript = (lines: string[]) => [...lines].sort();
          expect(sortedTranscript(transitions.map(({ to, alert }) => `${to} ${alert.name}`))).toEqual(sortedTranscript(expected));

          for (const { to, alert } of transitions) {
            if (to === 'FIRING') expect(alert.startsAtMs! - alert.activeAtMs).toBeGreaterThanOrEqual(alert.forMs);
            if (to === 'RESOLVED') expect(alert.startsAtMs).not.toBeNull();
          }
          for (const alert of book.openAlerts()) {
            const modelled = model.get(`${alert.source}/${alert.name}`);
            expect(modelled, `${alert.source}/${alert.name} is open in the model`).toBeDefined();
            expect({ state: alert.state, activeAtMs: alert.activeAtMs, startsAtMs: alert.startsAtMs, peakValue: alert.peakValue }).toEqual({
              state: modelled!.state,
              activeAtMs: modelled!.activeAtMs,
              startsAtMs: modelled!.startsAtMs,
              peakValue: modelled!.peak,
            });
          }
          expect(book.openAlerts()).toHaveLength(model.size);
          // The records written so far are exactly the alerts the book keeps.
          expect(new Map(book.persisted().alerts.map((alert) => [alert.id, alert]))).toEqual(stored);
          for (const source of SOURCES) {
            const kept = book.resolvedAlerts(source);
            expect(kept).toHaveLength(Math.min(LIMIT, resolvedCount.get(source) ?? 0));
            // A resolved alert never changes again.
            for (const alert of kept) {
              expect(alert.state).toBe('RESOLVED');
              const seen = resolvedSeen.get(alert.id);
              if (seen) expect(alert).toEqual(seen);
              else resolvedSeen.set(alert.id, alert);
            }
          }
        }
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
