/**
 * Values produced every `intervalMs` of wall time, as an async iterator a GraphQL subscription
 * (or a WebSocket stream) can serve. Node's timers drive it, not the cluster clock: the process's
 * figures are about wall time, and a manual cluster clock would never tick. A consumer slower than
 * the interval gets one value per `next()`, produced when it asks after the ticks it missed, so
 * nothing queues up. Closing it stops the timer at once.
 */
export class IntervalFeed<T> implements AsyncIterableIterator<T> {
  private readonly timer: ReturnType<typeof setInterval>;
  private ticked = false;
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;

  /**
   * @param produce - called at each tick a consumer waits for; what it returns is the value.
   * @param onClose - releases what the values were measured with.
   */
  constructor(
    intervalMs: number,
    private readonly produce: () => T,
    private readonly onClose: () => void = () => undefined,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    // A stream nobody reads must not keep the process alive.
    this.timer.unref?.();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    if (this.ticked) {
      this.ticked = false;
      return Promise.resolve({ value: this.produce(), done: false });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      clearInterval(this.timer);
      this.onClose();
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  private tick(): void {
    const waiting = this.waiting;
    if (waiting === null) {
      this.ticked = true;
      return;
    }
    this.waiting = null;
    waiting({ value: this.produce(), done: false });
  }
}
