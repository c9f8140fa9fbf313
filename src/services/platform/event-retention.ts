import { DomainError } from '../../engines/runtime/domain-error.js';
import type { TimerId, VirtualClock } from '../../engines/runtime/clock.js';
import type { Journal } from '../../store/journal.js';
import type { Store, StoreBatch } from '../../store/port.js';

/** How much of the event log the store keeps; both bounds hold, whichever removes more wins. */
export interface EventLogLimits {
  /** Most events kept (RUSTYDB_EVENT_LOG_MAX_EVENTS). */
  maxEvents: number;
  /** Oldest event kept, in cluster-time milliseconds (RUSTYDB_EVENT_LOG_MAX_AGE_HOURS). */
  maxAgeMs: number;
}

const HOUR_MS = 3_600_000;

/**
 * 100,000 events: about 4 hours of the default workload (~7 events a second), some 25 MB of
 * SQLite, and a full replay a resuming client can hold in memory. 7 days: a quiet cluster keeps
 * a week, enough to resume after a long weekend.
 */
export const DEFAULT_EVENT_LOG_LIMITS: Readonly<EventLogLimits> = Object.freeze({ maxEvents: 100_000, maxAgeMs: 7 * 24 * HOUR_MS });

/** Where the log stands: what it keeps and what pruning removed since the server started. */
export interface EventLogStats {
  /** Events in the store now. */
  keptEvents: number;
  /** Highest cursor pruned: resuming from an older cursor would skip events. 0 while nothing was. */
  prunedThroughCursor: number;
  /** Events removed by pruning since the server started. */
  prunedEvents: number;
  /** Prunes run since the server started. */
  prunes: number;
}

export interface EventRetentionDeps {
  store: Store;
  journal: Journal;
  clock: VirtualClock;
  reportError: (what: string, error: unknown) => void;
}

/**
 * Keeps the store's event log within {@link EventLogLimits}. Never per event: a prune runs once
 * the log reaches `maxEvents` and takes it down to 1% below (so the next runs after another 1%
 * arrives), and a timer on the cluster clock prunes what outlived `maxAgeMs`, checked every
 * hundredth of the age (at most hourly). Cursors are never reused, so "pruned through N" is one
 * number: resuming from a cursor below it would skip events, and is refused as CURSOR_EXPIRED.
 */
export class EventRetention {
  static async load(deps: EventRetentionDeps, limits: EventLogLimits): Promise<EventRetention> {
    // Cursors are consecutive from 1, so everything below the oldest stored event was pruned
    // (all of them when the store holds none).
    const oldest = (await deps.store.readEvents(0, 1))[0];
    const lastCursor = await deps.store.lastEventCursor();
    return new EventRetention(deps, limits, {
      lastCursor,
      prunedThroughCursor: oldest === undefined ? lastCursor : oldest.cursor - 1,
      oldestTimeMs: oldest === undefined ? null : Date.parse(oldest.time),
    });
  }

  private lastCursor: number;
  private prunedThroughCursor: number;
  /** Time of the oldest event kept; null while none is. */
  private oldestTimeMs: number | null;
  private prunedEvents = 0;
  private prunes = 0;
  /** The prune running, if any; another request meanwhile runs once it is done. */
  private running: Promise<void> | null = null;
  private requestedAgain = false;
  private readonly timer: TimerId;
  private readonly stopListening: () => void;
  private stopped = false;

  private constructor(
    private readonly deps: EventRetentionDeps,
    readonly limits: EventLogLimits,
    state: { lastCursor: number; prunedThroughCursor: number; oldestTimeMs: number | null },
  ) {
    if (!Number.isSafeInteger(limits.maxEvents) || limits.maxEvents < 1) throw new RangeError(`maxEvents must be a positive integer, got ${limits.maxEvents}`);
    if (!Number.isSafeInteger(limits.maxAgeMs) || limits.maxAgeMs < 1) throw new RangeError(`maxAgeMs must be a positive integer, got ${limits.maxAgeMs}`);
    this.lastCursor = state.lastCursor;
    this.prunedThroughCursor = state.prunedThroughCursor;
    this.oldestTimeMs = state.oldestTimeMs;
    this.stopListening = deps.journal.onCommitted((batch) => this.committed(batch));
    const checkEveryMs = Math.min(HOUR_MS, Math.max(1000, Math.floor(limits.maxAgeMs / 100)));
    this.timer = deps.clock.every(checkEveryMs, () => {
      if (this.oldestTimeMs !== null && this.oldestTimeMs < this.ageCutoffMs()) this.request();
    });
  }

  stats(): EventLogStats {
    return { keptEvents: this.keptEvents(), prunedThroughCursor: this.prunedThroughCursor, prunedEvents: this.prunedEvents, prunes: this.prunes };
  }

  /**
   * Throws CONFLICT (`details.reason` CURSOR_EXPIRED, with the oldest cursor still available)
   * when events after `afterCursor` have been pruned: resuming there would silently skip them.
   */
  assertResumable(afterCursor: number): void {
    const prunedThrough = this.prunedThroughCursor;
    if (afterCursor >= prunedThrough) return;
    const hours = Math.round((this.limits.maxAgeMs / HOUR_MS) * 100) / 100;
    throw new DomainError(
      'CONFLICT',
      `Events up to cursor ${prunedThrough} have been pruned from the event log (it keeps ${this.limits.maxEvents} events and ${hours} hours), ` +
        `so resuming from cursor ${afterCursor} would skip events. The oldest event still available is ${prunedThrough + 1}: ` +
        `resume from ${prunedThrough} to receive everything kept.`,
      { reason: 'CURSOR_EXPIRED', resumeFrom: afterCursor, oldestAvailableCursor: prunedThrough + 1 },
    );
  }

  /** Resolves once no prune is running (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  /** Stops pruning and waits for a prune in progress; before the store closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.deps.clock.cancel(this.timer);
    this.stopListening();
    await this.idle();
  }

  private keptEvents(): number {
    return this.lastCursor - this.prunedThroughCursor;
  }

  private ageCutoffMs(): number {
    return this.deps.clock.now() - this.limits.maxAgeMs;
  }

  private committed(batch: StoreBatch): void {
    const last = batch.events.at(-1);
    if (last === undefined) return;
    if (this.oldestTimeMs === null) this.oldestTimeMs = Date.parse(batch.events[0]!.time);
    this.lastCursor = Math.max(this.lastCursor, last.cursor);
    if (this.keptEvents() >= this.limits.maxEvents) this.request();
  }

  private request(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.requestedAgain = true;
      return;
    }
    this.running = this.pruneUntilSettled().finally(() => {
      this.running = null;
    });
  }

  private async pruneUntilSettled(): Promise<void> {
    do {
      this.requestedAgain = false;
      try {
        await this.prune();
      } catch (error) {
        // The log stays as it was; the next commit or timer asks again.
        this.deps.reportError('event log prune failed; will retry', error);
        return;
      }
    } while (this.requestedAgain && !this.stopped);
  }

  private async prune(): Promise<void> {
    const { store } = this.deps;
    const keepLast = this.limits.maxEvents - Math.max(1, Math.floor(this.limits.maxEvents / 100));
    const removed = await store.pruneEvents(Math.max(0, keepLast), new Date(this.ageCutoffMs()).toISOString());
    const oldest = (await store.readEvents(0, 1))[0];
    // With none left, every committed cursor counts as pruned: a commit that raced the read is
    // then refused as expired rather than skipped, the safe side.
    this.prunedThroughCursor = Math.max(this.prunedThroughCursor, oldest === undefined ? this.lastCursor : oldest.cursor - 1);
    this.oldestTimeMs = oldest === undefined ? null : Date.parse(oldest.time);
    this.prunedEvents += removed;
    this.prunes += 1;
  }
}
