import type { BusEvent, EventBus, EventFilter } from '../../engines/runtime/event-bus.js';

/** Events a slow consumer may have queued before its feed is closed. */
export const MAX_QUEUED_EVENTS = 10_000;
/** Stored events replayed per read while resuming. */
const REPLAY_PAGE_SIZE = 500;

export class FeedOverflowError extends Error {
  constructor() {
    super(`The client fell more than ${MAX_QUEUED_EVENTS} events behind; reconnect with resumeFrom to continue.`);
    this.name = 'FeedOverflowError';
  }
}

/**
 * A live view of the event bus as an async iterator: stored events after `resumeFrom` first,
 * then live ones, with no gap and no duplicate (it fails rather than skip pruned events). It
 * subscribes before replaying, so an event committed during the replay is queued and later
 * skipped if the replay already yielded it.
 */
export class EventFeed implements AsyncIterableIterator<BusEvent> {
  private readonly queue: BusEvent[] = [];
  private waiting: ((result: IteratorResult<BusEvent>) => void) | null = null;
  private failWaiting: ((error: Error) => void) | null = null;
  private lastCursor: number;
  private replaying = true;
  private closed = false;
  private failure: Error | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly bus: EventBus<object>,
    private readonly filter: EventFilter,
    resumeFrom: number | undefined,
    /** Throws when events after the cursor are no longer stored (pruned while the replay ran). */
    private readonly assertResumable: (afterCursor: number) => void = () => undefined,
  ) {
    this.lastCursor = resumeFrom ?? 0;
    this.unsubscribe = bus.subscribe(filter, (event) => this.push(event));
    if (resumeFrom === undefined) this.replaying = false;
    else void this.replay(resumeFrom);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<BusEvent> {
    return this;
  }

  next(): Promise<IteratorResult<BusEvent>> {
    if (this.failure) return Promise.reject(this.failure);
    const ready = this.replaying ? undefined : this.takeNext();
    if (ready) return Promise.resolve({ value: ready, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<BusEvent>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.settle({ value: undefined, done: true });
  }

  private async replay(afterCursor: number): Promise<void> {
    try {
      let cursor = afterCursor;
      for (;;) {
        const page = await this.bus.readAfter(cursor, REPLAY_PAGE_SIZE, this.filter);
        // A prune between pages would make this page start past a gap: fail rather than skip.
        this.assertResumable(cursor);
        if (page.length === 0) break;
        this.queue.push(...page);
        cursor = page[page.length - 1]!.cursor;
        if (page.length < REPLAY_PAGE_SIZE) break;
      }
      // Live events that arrived during the replay are merged behind the stored ones.
      this.queue.sort((a, b) => a.cursor - b.cursor);
      this.replaying = false;
      this.wake();
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private push(event: BusEvent): void {
    if (this.closed) return;
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.fail(new FeedOverflowError());
      return;
    }
    this.queue.push(event);
    if (!this.replaying) this.wake();
  }

  /** Next event in cursor order, skipping any the replay and the live feed both delivered. */
  private takeNext(): BusEvent | undefined {
    while (this.queue.length > 0) {
      const event = this.queue.shift()!;
      if (event.cursor <= this.lastCursor) continue;
      this.lastCursor = event.cursor;
      return event;
    }
    return undefined;
  }

  private wake(): void {
    if (!this.waiting) return;
    const event = this.takeNext();
    if (event) this.settle({ value: event, done: false });
  }

  private settle(result: IteratorResult<BusEvent>): void {
    const resolve = this.waiting;
    this.waiting = null;
    this.failWaiting = null;
    resolve?.(result);
  }

  private fail(error: Error): void {
    this.failure = error;
    const reject = this.failWaiting;
    this.waiting = null;
    this.failWaiting = null;
    this.closed = true;
    this.unsubscribe();
    reject?.(error);
  }
}
