/**
 * Virtual time for the simulated cluster.
 *
 * Engines never read the wall clock: they schedule timers here and time only
 * moves when the owner calls {@link VirtualClock.advance}. That keeps runs
 * reproducible and lets tests cover hours of cluster life without sleeping.
 */
import { TimerQueue, type QueuedTimer } from './timer-queue.js';

/** Handle returned by the scheduling methods; pass it to {@link VirtualClock.cancel}. */
export type TimerId = number;

/** Tuning for {@link VirtualClock}. */
export interface VirtualClockOptions {
  /**
   * Upper bound on timers fired by a single `advance`/`advanceTo` call; exceeding
   * it throws. Catches runaway loops such as a callback re-arming itself with zero
   * delay, which would otherwise hang the process at one virtual instant.
   * Default {@link DEFAULT_MAX_TIMERS_PER_ADVANCE}.
   */
  maxTimersPerAdvance?: number;
}

/**
 * Default runaway bound. A 1000-node cluster ticking every 10 ms fires 1M timers
 * per virtual 10 s, so legitimate advances stay well below it, while a runaway
 * loop reaches it in roughly 2–3 s of real time (about 4M timers/s measured).
 */
export const DEFAULT_MAX_TIMERS_PER_ADVANCE = 10_000_000;

/**
 * A discrete-event clock. Timers fire in order of (dueMs, creation order);
 * inside a callback {@link VirtualClock.now} reads the timer's due time.
 *
 * Times are virtual epoch milliseconds, so `new Date(clock.now())` renders as a
 * plausible real date in API responses and logs.
 */
export class VirtualClock {
  private nowMs: number;
  private readonly queue = new TimerQueue();
  private readonly timersById = new Map<TimerId, QueuedTimer>();
  private nextTimerId: TimerId = 1;
  private nextSeq = 0;
  private advancing = false;
  private readonly maxTimersPerAdvance: number;

  /**
   * @param startMs - initial virtual time, as epoch milliseconds.
   * @param options - see {@link VirtualClockOptions}.
   */
  constructor(startMs: number, options: VirtualClockOptions = {}) {
    assertFinite(startMs, 'VirtualClock: startMs');
    const maxTimersPerAdvance = options.maxTimersPerAdvance ?? DEFAULT_MAX_TIMERS_PER_ADVANCE;
    if (!Number.isSafeInteger(maxTimersPerAdvance) || maxTimersPerAdvance < 1) {
      throw new Error(`VirtualClock: maxTimersPerAdvance must be a positive integer, got ${maxTimersPerAdvance}`);
    }
    this.nowMs = startMs;
    this.maxTimersPerAdvance = maxTimersPerAdvance;
  }

  /** Current virtual time in epoch milliseconds. */
  now(): number {
    return this.nowMs;
  }

  /**
   * Runs `callback` once at virtual time `atMs`.
   * @param atMs - absolute virtual epoch ms; must not be in the past.
   */
  schedule(atMs: number, callback: () => void): TimerId {
    assertFinite(atMs, 'VirtualClock.schedule: atMs');
    if (atMs < this.nowMs) {
      throw new Error(`VirtualClock.schedule: atMs ${atMs} is before now (${this.nowMs})`);
    }
    return this.enqueue(atMs, 0, callback);
  }

  /**
   * Runs `callback` once, `delayMs` after now.
   * @param delayMs - non-negative; 0 fires on the next `advance`, even `advance(0)`.
   */
  after(delayMs: number, callback: () => void): TimerId {
    assertFinite(delayMs, 'VirtualClock.after: delayMs');
    if (delayMs < 0) throw new Error(`VirtualClock.after: delayMs must be >= 0, got ${delayMs}`);
    return this.enqueue(this.nowMs + delayMs, 0, callback);
  }

  /**
   * Runs `callback` every `intervalMs`, first at now + intervalMs, until cancelled.
   * Each repetition is queued as a fresh timer (same id), so on a tie it fires
   * after timers created before that repetition was queued.
   * @param intervalMs - must be > 0 (a zero interval would never let time move).
   */
  every(intervalMs: number, callback: () => void): TimerId {
    assertFinite(intervalMs, 'VirtualClock.every: intervalMs');
    if (intervalMs <= 0) throw new Error(`VirtualClock.every: intervalMs must be > 0, got ${intervalMs}`);
    return this.enqueue(this.nowMs + intervalMs, intervalMs, callback);
  }

  /** Cancels a timer. Unknown, fired or already-cancelled ids are ignored. */
  cancel(id: TimerId): void {
    const timer = this.timersById.get(id);
    if (timer === undefined) return;
    this.timersById.delete(id);
    // A repeating timer cancelled from its own callback has already been re-queued.
    if (timer.heapIndex !== -1) this.queue.remove(timer);
  }

  /**
   * Moves virtual time forward by `ms`, firing every timer due up to and including
   * the new time, in (dueMs, creation order). Timers that callbacks schedule inside
   * the window fire too. If a callback throws, the error propagates and the clock
   * stays at that timer's due time.
   * @param ms - non-negative.
   * @returns how many timers fired.
   * @throws Error if more than `maxTimersPerAdvance` timers would fire, or if called
   *   from inside a timer callback.
   */
  advance(ms: number): number {
    assertFinite(ms, 'VirtualClock.advance: ms');
    if (ms < 0) throw new Error(`VirtualClock.advance: ms must be >= 0, got ${ms}`);
    return this.runUntil(this.nowMs + ms);
  }

  /**
   * Like {@link VirtualClock.advance} but to an absolute virtual time.
   * @param atMs - must not be in the past.
   * @returns how many timers fired.
   */
  advanceTo(atMs: number): number {
    assertFinite(atMs, 'VirtualClock.advanceTo: atMs');
    if (atMs < this.nowMs) {
      throw new Error(`VirtualClock.advanceTo: atMs ${atMs} is before now (${this.nowMs})`);
    }
    return this.runUntil(atMs);
  }

  /** Number of timers waiting to fire (a repeating timer counts once). */
  pendingTimers(): number {
    return this.timersById.size;
  }

  /**
   * Due time of the next timer, or undefined when none is pending. Lets a
   * simulation loop jump straight to the next event instead of stepping.
   */
  nextDueMs(): number | undefined {
    return this.queue.peek()?.dueMs;
  }

  private enqueue(dueMs: number, intervalMs: number, callback: () => void): TimerId {
    const timer: QueuedTimer = {
      id: this.nextTimerId++,
      dueMs,
      seq: this.nextSeq++,
      intervalMs,
      callback,
      heapIndex: -1,
    };
    this.timersById.set(timer.id, timer);
    this.queue.push(timer);
    return timer.id;
  }

  private runUntil(targetMs: number): number {
    // Re-entrant advancing would fire timers out of order relative to the outer loop.
    if (this.advancing) throw new Error('VirtualClock: advance/advanceTo called from inside a timer callback');
    this.advancing = true;
    let fired = 0;
    try {
      for (let timer = this.queue.peek(); timer !== undefined && timer.dueMs <= targetMs; timer = this.queue.peek()) {
        if (fired >= this.maxTimersPerAdvance) {
          throw new Error(
            `VirtualClock: more than ${this.maxTimersPerAdvance} timers would fire in one advance ` +
              `(bound reached at virtual time ${describeVirtualTime(timer.dueMs)}). Either a callback re-arms ` +
              'itself with zero delay (a runaway loop), or the window is too large for the bound: advance ' +
              'in smaller steps or raise maxTimersPerAdvance.',
          );
        }
        this.queue.pop();
        this.nowMs = timer.dueMs;
        if (timer.intervalMs > 0) {
          // Re-queue before the callback so that a throwing callback does not
          // silently kill a repeating timer, and so cancel() inside it works.
          timer.dueMs += timer.intervalMs;
          timer.seq = this.nextSeq++;
          this.queue.push(timer);
        } else {
          this.timersById.delete(timer.id);
        }
        fired += 1;
        timer.callback();
      }
      this.nowMs = targetMs;
      return fired;
    } finally {
      this.advancing = false;
    }
  }
}

function describeVirtualTime(atMs: number): string {
  const date = new Date(atMs);
  return Number.isNaN(date.getTime()) ? `${atMs} ms` : date.toISOString();
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new Error(`${what} must be a finite number, got ${value}`);
}
