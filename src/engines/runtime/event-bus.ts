import type { Journal } from '../../store/journal.js';
import { decodeEvent } from '../../store/json-values.js';
import type { Store, StoreBatch } from '../../store/port.js';

/** An event of the cluster's durable history, as published and delivered. */
export interface BusEvent<T extends string = string, P = unknown> {
  /** Position in the history, strictly increasing from 1 and never reused, even across restarts. */
  cursor: number;
  /** `evt_${cursor}`. */
  id: string;
  type: T;
  /** ISO-8601 time of publication, from the bus clock. */
  time: string;
  /** What emitted the event, e.g. a node or engine name. */
  source: string;
  payload: P;
}

/**
 * Selects events. Both criteria must hold; an absent or empty list does not constrain.
 *
 * `resourceIds` matches when any of these top-level payload fields holds one of the ids:
 * the string fields `nodeId`, `replicaId`, `resourceId`, `id` and `tableName` (a sharded table), or any
 * string element of the array fields `nodeIds`, `affectedNodes` and `tableNames`. Nested fields are not searched; a non-object payload never matches.
 */
export interface EventFilter {
  types?: readonly string[];
  resourceIds?: readonly string[];
}

/** Construction options of an {@link EventBus}. */
export interface EventBusOptions {
  /** Cursor of the next published event: one above the store's {@link Store.lastEventCursor}. */
  nextCursor: number;
  /** Current time in epoch milliseconds (the simulation clock). */
  now: () => number;
  /** How many recent committed events are kept in memory to serve resumes; default {@link DEFAULT_RECENT_EVENT_LIMIT}. */
  recentLimit?: number;
}

/** Default size of the in-memory ring of recent committed events. */
export const DEFAULT_RECENT_EVENT_LIMIT = 1024;

/** Payload fields holding one resource id. */
const SINGLE_RESOURCE_FIELDS = ['nodeId', 'replicaId', 'resourceId', 'id', 'tableName'] as const;
/** Payload fields holding a list of resource ids. */
const RESOURCE_LIST_FIELDS = ['nodeIds', 'affectedNodes', 'tableNames'] as const;
/** Store page size while filtering by resource in memory, so sparse matches need few round trips. */
const RESOURCE_FILTER_PAGE_SIZE = 256;

interface CompiledFilter {
  types: ReadonlySet<string> | undefined;
  resourceIds: ReadonlySet<string> | undefined;
}

interface Subscription {
  filter: CompiledFilter;
  listener: (event: BusEvent) => void;
}

/**
 * The typed, persisted event bus. Publishing records the event into the {@link Journal}; it is
 * delivered to subscribers only once the journal has committed the batch that holds it, so no
 * client ever sees a cursor that a crash could roll back and reuse.
 *
 * One bus per store: the bus owns cursor assignment.
 *
 * @typeParam M maps each event type to its payload type.
 */
export class EventBus<M extends object> {
  private nextCursor: number;
  /** Highest cursor delivered from a committed batch (or already in the store at start). */
  private committedCursor: number;
  private readonly now: () => number;
  private readonly recentLimit: number;
  /** Committed events, ascending by cursor, the newest `recentLimit` (may briefly exceed it within one batch). */
  private readonly recent: BusEvent[] = [];
  private readonly subscriptions = new Set<Subscription>();
  private readonly stopListening: () => void;

  /** Creates a bus whose cursors continue after the newest event in `store`. */
  static async create<M extends object>(
    journal: Journal,
    store: Store,
    now: () => number,
    options: Pick<EventBusOptions, 'recentLimit'> = {},
  ): Promise<EventBus<M>> {
    const lastCursor = await store.lastEventCursor();
    return new EventBus<M>(journal, store, { ...options, nextCursor: lastCursor + 1, now });
  }

  constructor(
    private readonly journal: Journal,
    private readonly store: Store,
    options: EventBusOptions,
  ) {
    if (!Number.isSafeInteger(options.nextCursor) || options.nextCursor < 1) {
      throw new RangeError(`nextCursor must be a positive integer, got ${options.nextCursor}`);
    }
    const recentLimit = options.recentLimit ?? DEFAULT_RECENT_EVENT_LIMIT;
    assertCount(recentLimit, 'recentLimit');
    this.nextCursor = options.nextCursor;
    this.committedCursor = options.nextCursor - 1;
    this.now = options.now;
    this.recentLimit = recentLimit;
    this.stopListening = journal.onCommitted((batch) => this.deliverCommitted(batch));
  }

  /**
   * Assigns the next cursor, id and time, and records the event into the journal.
   * The event is not delivered until the journal commits it.
   * @throws when the payload cannot be snapshotted; no cursor is consumed then.
   */
  publish<K extends keyof M & string>(type: K, source: string, payload: M[K]): BusEvent<K, M[K]> {
    const cursor = this.nextCursor;
    const event: BusEvent<K, M[K]> = {
      cursor,
      id: `evt_${cursor}`,
      type,
      time: new Date(this.now()).toISOString(),
      source,
      payload,
    };
    this.journal.event(event);
    this.nextCursor = cursor + 1;
    return event;
  }

  /**
   * Delivers each committed event matching `filter` to `listener`, in cursor order.
   * Delivered events are deeply frozen: they are shared with other subscribers and resumes.
   * To resume without gaps, subscribe first, then {@link readAfter}, and drop duplicates by cursor.
   * A listener that throws does not stop delivery to others; the error is re-thrown to the journal,
   * which reports it through its `onListenerError`.
   * @returns a function that ends the subscription.
   */
  subscribe(filter: EventFilter, listener: (event: BusEvent) => void): () => void {
    const subscription: Subscription = { filter: compileFilter(filter), listener };
    this.subscriptions.add(subscription);
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  /**
   * Up to `limit` committed events with `cursor > afterCursor` matching `filter`, ascending.
   * Served from the in-memory ring of recent events when it covers the range, else from the store.
   */
  async readAfter(afterCursor: number, limit: number, filter: EventFilter = {}): Promise<BusEvent[]> {
    if (!Number.isFinite(afterCursor)) throw new RangeError(`afterCursor must be a finite number, got ${afterCursor}`);
    assertCount(limit, 'limit');
    const compiled = compileFilter(filter);
    if (limit === 0) return [];
    if (this.recentCovers(afterCursor)) return this.readRecent(afterCursor, limit, compiled);
    return this.readStored(afterCursor, limit, compiled);
  }

  /** Highest cursor known committed: delivered by this bus, or already in the store when it started; 0 when none. */
  lastCommittedCursor(): number {
    return this.committedCursor;
  }

  /** Whether `event` satisfies `filter` (see {@link EventFilter} for the rule). */
  matches(filter: EventFilter, event: BusEvent): boolean {
    return matchesCompiled(compileFilter(filter), event);
  }

  /** Detaches from the journal and drops all subscriptions. */
  close(): void {
    this.stopListening();
    this.subscriptions.clear();
  }

  private deliverCommitted(batch: StoreBatch): void {
    const listenerErrors: unknown[] = [];
    for (const encoded of batch.events) {
      // Decoded as a read from the store decodes it, so live and replayed events are alike.
      const event = freezeDeep(decodeEvent(encoded));
      this.recent.push(event);
      this.committedCursor = Math.max(this.committedCursor, event.cursor);
      for (const subscription of [...this.subscriptions]) {
        // A listener may end another subscription while we iterate the snapshot.
        if (!this.subscriptions.has(subscription) || !matchesCompiled(subscription.filter, event)) continue;
        try {
          subscription.listener(event);
        } catch (error) {
          listenerErrors.push(error);
        }
      }
    }
    const excess = this.recent.length - this.recentLimit;
    if (excess > 0) this.recent.splice(0, excess);
    if (listenerErrors.length === 1) throw listenerErrors[0];
    if (listenerErrors.length > 1) throw new AggregateError(listenerErrors, 'event subscribers failed');
  }

  /** True when every committed event after `afterCursor` is in the ring. */
  private recentCovers(afterCursor: number): boolean {
    if (afterCursor >= this.committedCursor) return true;
    const oldest = this.recent[0];
    return oldest !== undefined && oldest.cursor <= afterCursor + 1;
  }

  private readRecent(afterCursor: number, limit: number, filter: CompiledFilter): BusEvent[] {
    const found: BusEvent[] = [];
    for (let index = firstIndexAfter(this.recent, afterCursor); index < this.recent.length; index += 1) {
      const event = this.recent[index];
      if (event === undefined || !matchesCompiled(filter, event)) continue;
      found.push(event);
      if (found.length === limit) break;
    }
    return found;
  }

  private async readStored(afterCursor: number, limit: number, filter: CompiledFilter): Promise<BusEvent[]> {
    const types = filter.types === undefined ? undefined : [...filter.types];
    const pageSize = filter.resourceIds === undefined ? limit : Math.max(limit, RESOURCE_FILTER_PAGE_SIZE);
    const found: BusEvent[] = [];
    let pageAfter = afterCursor;
    for (;;) {
      const page = await this.store.readEvents(pageAfter, pageSize, types);
      for (const event of page) {
        if (!matchesCompiled(filter, event)) continue;
        found.push(event);
        if (found.length === limit) return found;
      }
      const last = page.at(-1);
      if (last === undefined || page.length < pageSize) return found;
      pageAfter = last.cursor;
    }
  }
}

function compileFilter(filter: EventFilter): CompiledFilter {
  return {
    types: filter.types === undefined || filter.types.length === 0 ? undefined : new Set(filter.types),
    resourceIds:
      filter.resourceIds === undefined || filter.resourceIds.length === 0 ? undefined : new Set(filter.resourceIds),
  };
}

function matchesCompiled(filter: CompiledFilter, event: BusEvent): boolean {
  if (filter.types !== undefined && !filter.types.has(event.type)) return false;
  return filter.resourceIds === undefined || referencesAnyResource(event.payload, filter.resourceIds);
}

function referencesAnyResource(payload: unknown, resourceIds: ReadonlySet<string>): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const fields = payload as Record<string, unknown>;
  for (const field of SINGLE_RESOURCE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && resourceIds.has(value)) return true;
  }
  for (const field of RESOURCE_LIST_FIELDS) {
    const value = fields[field];
    if (Array.isArray(value) && value.some((item) => typeof item === 'string' && resourceIds.has(item))) return true;
  }
  return false;
}

/** Index of the first event with `cursor > afterCursor` in an ascending list (binary search). */
function firstIndexAfter(events: readonly BusEvent[], afterCursor: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const event = events[middle];
    if (event !== undefined && event.cursor <= afterCursor) low = middle + 1;
    else high = middle;
  }
  return low;
}

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) freezeDeep(nested);
  }
  return value;
}

function assertCount(count: number, name: string): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${name} must be a non-negative integer, got ${count}`);
}
