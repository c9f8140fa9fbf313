import type { TimerId, VirtualClock } from './clock.js';

/** How often a pacer issues what its rate owes. */
export const PACER_TICK_MS = 100;

/**
 * Calls `issue` `ratePerSecond` times per second of cluster time: every {@link PACER_TICK_MS} it
 * issues what the rate owes, carrying the fraction of an operation to the next tick so that low
 * rates are exact over time. A rate of 0 stops the timer and forgets the fraction.
 */
export class RatePacer {
  private timer: TimerId | null = null;
  /** Operations owed but not yet issued. */
  private owed = 0;
  private ratePerSecond = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly issue: () => void,
  ) {}

  setRate(ratePerSecond: number): void {
    this.ratePerSecond = ratePerSecond;
    if (ratePerSecond === 0) {
      this.stop();
      this.owed = 0;
      return;
    }
    if (this.timer === null) this.timer = this.clock.every(PACER_TICK_MS, () => this.tick());
  }

  stop(): void {
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = null;
  }

  private tick(): void {
    this.owed += (this.ratePerSecond * PACER_TICK_MS) / 1000;
    while (this.owed >= 1) {
      this.owed -= 1;
      this.issue();
    }
  }
}
