/**
 * Makes the virtual clock follow wall time while the server runs, optionally
 * faster or slower. Tests do not need it: they advance the clock directly.
 *
 * This is the only part of the runtime that reads the wall clock, and only to
 * decide how far to advance; engines still see virtual time alone.
 */
import type { VirtualClock } from './clock.js';

/** Settings for {@link RealtimeDriver}. */
export interface RealtimeDriverOptions {
  /** Wall-clock interval between ticks, in ms; > 0. */
  tickMs: number;
  /** Virtual ms per wall ms: 1 is real time, 0 pauses, 10 runs ten times faster. */
  speed: number;
  /** Wall clock in epoch ms; injectable for tests. Default `Date.now`. */
  wallNow?: () => number;
  /**
   * Receives errors thrown while ticking from the interval (a timer callback or
   * `onTick` failing). Without it the error is rethrown, which in Node crashes the
   * process: loud rather than a silently frozen clock. Direct `tickOnce` calls
   * always throw to their caller.
   */
  onError?: (error: unknown) => void;
}

/** Advances a {@link VirtualClock} from a wall-clock interval. */
export class RealtimeDriver {
  private readonly tickMs: number;
  private readonly wallNow: () => number;
  private readonly onError: ((error: unknown) => void) | undefined;
  private currentSpeed: number;
  private lastWallMs: number;
  /**
   * Virtual ms owed but not yet applied: the fraction left after advancing in
   * whole ms (so speeds like 1.5 do not drift) plus time banked by setSpeed/stop.
   */
  private owedVirtualMs = 0;
  private interval: ReturnType<typeof setInterval> | undefined;
  /** False after stop() until start(); before the first start, manual ticks count wall time. */
  private wallTimeCounts = true;

  /**
   * @param clock - the clock to drive.
   * @param options - see {@link RealtimeDriverOptions}.
   * @param onTick - runs after each advance (the server flushes persistence there).
   */
  constructor(
    private readonly clock: VirtualClock,
    options: RealtimeDriverOptions,
    private readonly onTick?: () => void,
  ) {
    if (!Number.isFinite(options.tickMs) || options.tickMs <= 0) {
      throw new Error(`RealtimeDriver: tickMs must be > 0, got ${options.tickMs}`);
    }
    assertSpeed(options.speed);
    this.tickMs = options.tickMs;
    this.currentSpeed = options.speed;
    this.wallNow = options.wallNow ?? Date.now;
    this.onError = options.onError;
    this.lastWallMs = this.readWall();
  }

  /** True between {@link RealtimeDriver.start} and {@link RealtimeDriver.stop}. */
  get running(): boolean {
    return this.interval !== undefined;
  }

  /** Current virtual ms per wall ms. */
  get speed(): number {
    return this.currentSpeed;
  }

  /**
   * Starts ticking every `tickMs` of wall time. Idempotent. Wall time spent
   * stopped is not replayed: virtual time resumes from where it stopped.
   */
  start(): void {
    if (this.interval !== undefined) return;
    this.lastWallMs = this.readWall();
    this.wallTimeCounts = true;
    // unref: the driver must never be what keeps the process alive.
    this.interval = setInterval(() => this.tickFromInterval(), this.tickMs).unref();
  }

  /**
   * Stops ticking. Idempotent. Wall time up to now is banked for the next tick;
   * wall time from now until {@link RealtimeDriver.start} does not count, even
   * for a manual {@link RealtimeDriver.tickOnce}.
   */
  stop(): void {
    if (this.interval === undefined) return;
    clearInterval(this.interval);
    this.interval = undefined;
    this.bankElapsed();
    this.wallTimeCounts = false;
  }

  /**
   * Changes the speed. Wall time elapsed since the last tick is banked at the old
   * speed (and applied on the next tick), so the change only affects time from now on.
   * @param speed - >= 0; 0 pauses.
   */
  setSpeed(speed: number): void {
    assertSpeed(speed);
    this.bankElapsed();
    this.currentSpeed = speed;
  }

  /**
   * Advances the clock by (wall time since the last tick) × speed, in whole
   * virtual ms (the remainder carries to the next tick), then calls `onTick`.
   * A wall clock stepping backwards counts as no time passing.
   */
  tickOnce(): void {
    this.bankElapsed();
    const advanceMs = Math.floor(this.owedVirtualMs);
    this.owedVirtualMs -= advanceMs;
    this.clock.advance(advanceMs);
    this.onTick?.();
  }

  private tickFromInterval(): void {
    try {
      this.tickOnce();
    } catch (error) {
      if (this.onError === undefined) throw error;
      this.onError(error);
    }
  }

  /** Converts wall time elapsed since the last reference point into owed virtual time. */
  private bankElapsed(): void {
    const wallMs = this.readWall();
    // A backward step (NTP correction) counts as zero, and time resumes from the new reading.
    const elapsedMs = Math.max(0, wallMs - this.lastWallMs);
    this.lastWallMs = wallMs;
    if (this.wallTimeCounts) this.owedVirtualMs += elapsedMs * this.currentSpeed;
  }

  private readWall(): number {
    const wallMs = this.wallNow();
    if (!Number.isFinite(wallMs)) throw new Error(`RealtimeDriver: wallNow() returned ${wallMs}`);
    return wallMs;
  }
}

function assertSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < 0) throw new Error(`RealtimeDriver: speed must be >= 0, got ${speed}`);
}
