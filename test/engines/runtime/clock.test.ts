import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/engines/runtime/clock.js';
import { SeededRng } from '../../../src/engines/runtime/rng.js';

const START_MS = Date.UTC(2030, 0, 1);

describe('VirtualClock', () => {
  it('starts at the given epoch ms and only moves when advanced', () => {
    const clock = new VirtualClock(START_MS);
    expect(clock.now()).toBe(START_MS);
    expect(new Date(clock.now()).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(clock.advance(250)).toBe(0);
    expect(clock.now()).toBe(START_MS + 250);
    expect(clock.advanceTo(START_MS + 1_000)).toBe(0);
    expect(clock.now()).toBe(START_MS + 1_000);
  });

  it('fires timers in due order, ties in creation order, with now() at the due time', () => {
    const clock = new VirtualClock(START_MS);
    const fired: string[] = [];
    const record = (label: string) => () => fired.push(`${label}@${clock.now() - START_MS}`);
    clock.after(30, record('c'));
    clock.after(10, record('a1'));
    clock.schedule(START_MS + 20, record('b'));
    clock.after(10, record('a2'));
    clock.after(10, record('a3'));
    expect(clock.advance(100)).toBe(5);
    expect(fired).toEqual(['a1@10', 'a2@10', 'a3@10', 'b@20', 'c@30']);
    expect(clock.now()).toBe(START_MS + 100);
  });

  it('fires timers exactly at the end of the window but not after it', () => {
    const clock = new VirtualClock(START_MS);
    const fired: number[] = [];
    clock.after(10, () => fired.push(10));
    clock.after(11, () => fired.push(11));
    expect(clock.advance(10)).toBe(1);
    expect(fired).toEqual([10]);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.advance(1)).toBe(1);
    expect(fired).toEqual([10, 11]);
  });

  it('fires timers scheduled by callbacks when they fall inside the window', () => {
    const clock = new VirtualClock(START_MS);
    const fired: string[] = [];
    clock.after(10, () => {
      fired.push(`outer@${clock.now() - START_MS}`);
      clock.after(5, () => fired.push(`inner@${clock.now() - START_MS}`));
      clock.after(0, () => fired.push(`zero@${clock.now() - START_MS}`));
      clock.after(500, () => fired.push('too-late'));
    });
    clock.after(12, () => fired.push(`other@${clock.now() - START_MS}`));
    expect(clock.advance(20)).toBe(4);
    expect(fired).toEqual(['outer@10', 'zero@10', 'other@12', 'inner@15']);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('fires zero-delay timers on advance(0)', () => {
    const clock = new VirtualClock(START_MS);
    let fired = 0;
    clock.after(0, () => (fired += 1));
    expect(clock.advance(0)).toBe(1);
    expect(fired).toBe(1);
    expect(clock.now()).toBe(START_MS);
  });

  it('cancel prevents firing and is idempotent', () => {
    const clock = new VirtualClock(START_MS);
    const fired: string[] = [];
    const a = clock.after(10, () => fired.push('a'));
    clock.after(10, () => fired.push('b'));
    clock.cancel(a);
    clock.cancel(a);
    clock.cancel(9_999);
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.advance(10)).toBe(1);
    expect(fired).toEqual(['b']);
    clock.cancel(a);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('lets a callback cancel a later timer due at the same instant', () => {
    const clock = new VirtualClock(START_MS);
    const fired: string[] = [];
    let victim = 0;
    clock.after(10, () => {
      fired.push('first');
      clock.cancel(victim);
    });
    victim = clock.after(10, () => fired.push('victim'));
    expect(clock.advance(10)).toBe(1);
    expect(fired).toEqual(['first']);
  });

  it('every() repeats at its interval until cancelled, even from its own callback', () => {
    const clock = new VirtualClock(START_MS);
    const ticksMs: number[] = [];
    const id = clock.every(100, () => {
      ticksMs.push(clock.now() - START_MS);
      if (ticksMs.length === 3) clock.cancel(id);
    });
    expect(clock.pendingTimers()).toBe(1);
    expect(clock.advance(250)).toBe(2);
    expect(ticksMs).toEqual([100, 200]);
    expect(clock.advance(1_000)).toBe(1);
    expect(ticksMs).toEqual([100, 200, 300]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('every() repetitions tie after timers created before the repetition was queued', () => {
    const clock = new VirtualClock(START_MS);
    const fired: string[] = [];
    clock.every(10, () => fired.push(`tick@${clock.now() - START_MS}`));
    clock.after(20, () => fired.push('once@20'));
    clock.advance(20);
    // The tick at 20 was queued when the tick at 10 fired, after once@20 was created.
    expect(fired).toEqual(['tick@10', 'once@20', 'tick@20']);
  });

  it('keeps a repeating timer alive when its callback throws', () => {
    const clock = new VirtualClock(START_MS);
    let calls = 0;
    clock.every(10, () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
    });
    expect(() => clock.advance(10)).toThrow('boom');
    expect(clock.now()).toBe(START_MS + 10);
    expect(clock.advance(10)).toBe(1);
    expect(calls).toBe(2);
  });

  it('leaves the clock at the failing timer when a callback throws mid-window', () => {
    const clock = new VirtualClock(START_MS);
    clock.after(5, () => {
      throw new Error('engine bug');
    });
    let later = false;
    clock.after(8, () => (later = true));
    expect(() => clock.advance(100)).toThrow('engine bug');
    expect(clock.now()).toBe(START_MS + 5);
    expect(later).toBe(false);
    expect(clock.advance(95)).toBe(1);
    expect(later).toBe(true);
  });

  it('reports the next due time', () => {
    const clock = new VirtualClock(START_MS);
    expect(clock.nextDueMs()).toBeUndefined();
    const id = clock.after(40, () => {});
    clock.after(70, () => {});
    expect(clock.nextDueMs()).toBe(START_MS + 40);
    clock.cancel(id);
    expect(clock.nextDueMs()).toBe(START_MS + 70);
  });

  it('rejects programmer errors with clear messages', () => {
    const clock = new VirtualClock(START_MS);
    clock.advance(100);
    expect(() => clock.schedule(START_MS + 99, () => {})).toThrow(/before now/);
    expect(() => clock.after(-1, () => {})).toThrow(/delayMs must be >= 0/);
    expect(() => clock.every(0, () => {})).toThrow(/intervalMs must be > 0/);
    expect(() => clock.every(-5, () => {})).toThrow(/intervalMs must be > 0/);
    expect(() => clock.advance(-1)).toThrow(/ms must be >= 0/);
    expect(() => clock.advance(Number.NaN)).toThrow(/finite/);
    expect(() => clock.advanceTo(START_MS)).toThrow(/before now/);
    expect(() => new VirtualClock(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => new VirtualClock(0, { maxTimersPerAdvance: 0 })).toThrow(/maxTimersPerAdvance/);
  });

  it('refuses to advance from inside a timer callback', () => {
    const clock = new VirtualClock(START_MS);
    clock.after(1, () => clock.advance(1));
    expect(() => clock.advance(1)).toThrow(/inside a timer callback/);
    // The guard is released afterwards.
    expect(clock.advance(1)).toBe(0);
  });

  it('throws a clear error when a zero-delay loop exceeds the per-advance bound', () => {
    const clock = new VirtualClock(START_MS, { maxTimersPerAdvance: 1_000 });
    const rearm = (): void => {
      clock.after(0, rearm);
    };
    clock.after(1, rearm);
    expect(() => clock.advance(10)).toThrow(/more than 1000 timers would fire in one advance/);
    expect(clock.now()).toBe(START_MS + 1);
  });

  it('allows exactly the bound, counted per advance call', () => {
    const clock = new VirtualClock(START_MS, { maxTimersPerAdvance: 10 });
    clock.every(1, () => {});
    expect(clock.advance(10)).toBe(10);
    expect(clock.advance(10)).toBe(10);
    expect(() => clock.advance(11)).toThrow(/more than 10 timers/);
  });

  it('orders thousands of timers with random cancellations like a sorted reference', () => {
    const rng = new SeededRng(7);
    const clock = new VirtualClock(START_MS);
    const created: { id: number; dueMs: number; order: number }[] = [];
    const fired: number[] = [];
    for (let order = 0; order < 5_000; order += 1) {
      const dueMs = START_MS + rng.int(0, 500);
      const id = clock.schedule(dueMs, () => fired.push(order));
      created.push({ id, dueMs, order });
    }
    const cancelled = new Set<number>();
    for (const timer of created) {
      if (rng.chance(0.3)) {
        clock.cancel(timer.id);
        cancelled.add(timer.order);
      }
    }
    expect(clock.pendingTimers()).toBe(5_000 - cancelled.size);
    const expected = created
      .filter((timer) => !cancelled.has(timer.order))
      .sort((a, b) => a.dueMs - b.dueMs || a.order - b.order)
      .map((timer) => timer.order);
    expect(clock.advance(500)).toBe(expected.length);
    expect(fired).toEqual(expected);
    expect(clock.pendingTimers()).toBe(0);
  });
});
