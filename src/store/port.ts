/**
 * The storage port: the narrow, asynchronous contract every durable store adapter
 * (embedded SQLite, PostgreSQL) implements. Engines keep the live state in
 * memory; the store only makes it durable, so the port offers whole-record reads and
 * atomic batch writes rather than queries.
 *
 * Every adapter must pass the shared suite in `test/store/store-suite.ts`.
 */

/** Identifies one stored record. */
export interface RecordKey {
  /** Record family, dotted by domain, e.g. `'cluster.node'`, `'auth.apiKey'`. */
  kind: string;
  /** Identifier, unique within its kind. */
  id: string;
}

/** A record with its value, as the store reads it back. */
export interface StoredRecord<T = unknown> extends RecordKey {
  value: T;
}

declare const jsonTextBrand: unique symbol;

/**
 * JSON text as `encodeJson` (json-values.ts) writes it. Stores write it as it is and parse it on read, so
 * the brand keeps any other string from reaching them.
 */
export type JsonText = string & { readonly [jsonTextBrand]: true };

/** A record to write, its value already encoded: what the journal snapshotted when it was put. */
export interface EncodedRecord extends RecordKey {
  valueJson: JsonText;
}

/** One entry of the durable event history. */
export interface StoredEvent {
  /** Position in the history: a positive integer, strictly increasing across commits, starting at 1. */
  cursor: number;
  /** Unique across the history. */
  id: string;
  type: string;
  /** ISO-8601 timestamp. */
  time: string;
  source: string;
  /** JSON-encodable payload. */
  payload: unknown;
}

/** An event to write, its payload already encoded. */
export interface EncodedEvent extends Omit<StoredEvent, 'payload'> {
  payloadJson: JsonText;
}

/**
 * Everything one unit of work changed. A store applies it atomically.
 * Deletes are applied before puts, so a key present in both ends up put; of two puts of one key,
 * the later wins. Values and payloads arrive encoded and are written byte for byte.
 * Events must have cursors strictly increasing within the batch and above {@link Store.lastEventCursor}.
 */
export interface StoreBatch {
  puts: EncodedRecord[];
  deletes: RecordKey[];
  events: EncodedEvent[];
}

/** A durable store of records and an event history. All methods reject after {@link Store.close}. */
export interface Store {
  /** All records of a kind, ordered by id in code-point order (binary collation). */
  list<T>(kind: string): Promise<StoredRecord<T>[]>;
  /** One record's value, or `undefined` when absent. */
  get<T>(kind: string, id: string): Promise<T | undefined>;
  /**
   * Applies a batch atomically: when the promise resolves the batch is durable; when it rejects
   * nothing of it was applied. Rejects when an event cursor does not increase or an event id is
   * already used.
   */
  commit(batch: StoreBatch): Promise<void>;
  /**
   * Up to `limit` events with `cursor > afterCursor`, ascending by cursor.
   * `types`, when given and non-empty, keeps only events of those types; empty or absent means all.
   */
  readEvents(afterCursor: number, limit: number, types?: readonly string[]): Promise<StoredEvent[]>;
  /** Highest cursor ever committed, including pruned events (so cursors are never reused); 0 when none. */
  lastEventCursor(): Promise<number>;
  /**
   * Bounds the history: removes all but the newest `keepLast` events and, when `olderThan` is
   * given (a time as events carry it, see {@link assertEventTime}), the events at its head whose
   * time is before it. Event times follow cursors, so those are every older event; an older
   * event after a newer one would be kept, never a newer one removed. Resolves to the number
   * removed.
   */
  pruneEvents(keepLast: number, olderThan?: string): Promise<number>;
  /** Releases the store. Idempotent. */
  close(): Promise<void>;
}

/**
 * Refuses a time that is not an event time as the bus writes them: ISO-8601 in UTC with
 * milliseconds (`Date.prototype.toISOString`), the form in which text order is time order.
 * @throws RangeError naming `name`.
 */
export function assertEventTime(text: string | undefined, name: string): void {
  if (text === undefined) return;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms) || new Date(ms).toISOString() !== text) throw new RangeError(`${name} must be an ISO-8601 UTC time with milliseconds, got ${text}`);
}
