import { encodeEvent, encodeJson } from './json-values.js';
import type { EncodedEvent, JsonText, RecordKey, Store, StoreBatch, StoredEvent } from './port.js';

/** Called after a batch is durable. Must not mutate the batch: other listeners receive the same objects. */
export type CommitListener = (batch: StoreBatch) => void;

/** Optional behaviour of a {@link Journal}. */
export interface JournalOptions {
  /**
   * Receives what a commit listener threw. The commit is already durable, so the error must not
   * fail `flush()`; by default it is re-thrown from a microtask so it surfaces as uncaught rather than vanishing.
   */
  onListenerError?: (error: unknown) => void;
}

/** The last change of a record: its new value's JSON text, or null for a delete (no wrapper object: puts are the hot path). */
type RecordChange = JsonText | null;

/** Pending record changes, kind -> id -> last change. */
type RecordChanges = Map<string, Map<string, RecordChange>>;

/**
 * Collects what a unit of work changed and commits it to the {@link Store} as one atomic batch,
 * so the store always holds a consistent cut of the whole in-process cluster.
 *
 * Values and event payloads are snapshotted when recorded, as the JSON text the store writes
 * (`encodeJson`): later in-memory mutation cannot change what is written, and a value JSON cannot
 * carry is refused at once rather than failing its whole batch at commit. The encoding cannot wait
 * for the commit, even for a key put many times a batch: callers may mutate a value after the put.
 */
export class Journal {
  private changes: RecordChanges = new Map();
  private events: EncodedEvent[] = [];
  /** The commit currently running against the store. */
  private inFlight: Promise<void> | undefined;
  /** The commit that starts once {@link inFlight} settles; every flush() arriving meanwhile shares it. */
  private queued: Promise<void> | undefined;
  private readonly listeners = new Set<{ listener: CommitListener }>();
  private readonly onListenerError: (error: unknown) => void;

  constructor(
    private readonly store: Store,
    options: JournalOptions = {},
  ) {
    this.onListenerError = options.onListenerError ?? rethrowUncaught;
  }

  /**
   * Records the new value of a record. The last put per key wins within a batch; a put after a delete re-creates the record.
   * @throws TypeError when JSON cannot carry the value; nothing is recorded then.
   */
  put(kind: string, id: string, value: unknown): void {
    if (value === undefined) throw new TypeError(`value of ${kind}/${id} is undefined; use delete() to remove a record`);
    this.recordChange(kind, id, encodeJson(value, `value of ${kind}/${id}`));
  }

  /**
   * {@link put} for a value already encoded, so that one encoding can serve several records
   * holding the same immutable value.
   */
  putEncoded(kind: string, id: string, valueJson: JsonText): void {
    this.recordChange(kind, id, valueJson);
  }

  /** Records the removal of a record, replacing any put of the same key in this batch. */
  delete(kind: string, id: string): void {
    this.recordChange(kind, id, null);
  }

  /**
   * Records an event. Events are committed in the order recorded.
   * @throws TypeError when JSON cannot carry the payload; nothing is recorded then.
   */
  event(event: StoredEvent): void {
    this.events.push(encodeEvent(event));
  }

  /** True while anything recorded is not yet known to be durable (unflushed, or its commit still running). */
  get pending(): boolean {
    return this.hasUnflushed() || this.inFlight !== undefined;
  }

  /**
   * Commits everything pending as one batch. When the promise resolves, everything recorded
   * before the call is durable and commit listeners have run. Concurrent callers are serialized:
   * a call made while a commit runs waits for it, then shares one follow-up commit with every
   * other caller that arrived meanwhile.
   *
   * On store failure the promise rejects and the batch stays pending (merged under anything
   * recorded since), so the next flush retries it; the store applies nothing of a failed batch.
   */
  flush(): Promise<void> {
    if (this.queued !== undefined) return this.queued;
    if (this.inFlight === undefined) return this.startCommit();
    const queued = this.inFlight
      .then(ignore, ignore)
      .then(() => {
        this.queued = undefined;
        return this.startCommit();
      });
    this.queued = queued;
    return queued;
  }

  /** Registers a listener called after each successful commit. Returns a function that unregisters it. */
  onCommitted(listener: CommitListener): () => void {
    const registration = { listener };
    this.listeners.add(registration);
    return () => {
      this.listeners.delete(registration);
    };
  }

  private recordChange(kind: string, id: string, change: RecordChange): void {
    let changesOfKind = this.changes.get(kind);
    if (changesOfKind === undefined) {
      changesOfKind = new Map();
      this.changes.set(kind, changesOfKind);
    }
    changesOfKind.set(id, change);
  }

  private hasUnflushed(): boolean {
    return this.changes.size > 0 || this.events.length > 0;
  }

  private startCommit(): Promise<void> {
    if (!this.hasUnflushed()) return Promise.resolve();
    const commit = this.commitUnflushed().finally(() => {
      if (this.inFlight === commit) this.inFlight = undefined;
    });
    this.inFlight = commit;
    return commit;
  }

  private async commitUnflushed(): Promise<void> {
    const batch = this.takeUnflushed();
    try {
      await this.store.commit(batch);
    } catch (error) {
      this.restoreUnflushed(batch);
      throw error;
    }
    this.notifyCommitted(batch);
  }

  private takeUnflushed(): StoreBatch {
    const batch: StoreBatch = { puts: [], deletes: [], events: this.events };
    for (const [kind, changesOfKind] of this.changes) {
      for (const [id, change] of changesOfKind) {
        if (change === null) batch.deletes.push({ kind, id });
        else batch.puts.push({ kind, id, valueJson: change });
      }
    }
    this.changes = new Map();
    this.events = [];
    return batch;
  }

  /** Puts a failed batch back under whatever was recorded while it was in flight (newer changes win). */
  private restoreUnflushed(failed: StoreBatch): void {
    const restoreIfNotNewer = (key: RecordKey, change: RecordChange): void => {
      if (this.changes.get(key.kind)?.has(key.id) !== true) this.recordChange(key.kind, key.id, change);
    };
    for (const key of failed.deletes) restoreIfNotNewer(key, null);
    for (const record of failed.puts) restoreIfNotNewer(record, record.valueJson);
    this.events = [...failed.events, ...this.events];
  }

  private notifyCommitted(batch: StoreBatch): void {
    for (const registration of [...this.listeners]) {
      // A listener may unregister another one while we iterate the snapshot.
      if (!this.listeners.has(registration)) continue;
      try {
        registration.listener(batch);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}

function ignore(): void {}

function rethrowUncaught(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
