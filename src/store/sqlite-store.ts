import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { decodeEvent } from './json-values.js';
import { assertEventTime, type EncodedEvent, type Store, type StoreBatch, type StoredEvent, type StoredRecord } from './port.js';
import { EVENT_CURSOR_HIGH_WATER_KEY, migrateSqliteSchema } from './sqlite-migrations.js';

/** Path that opens a private, non-durable database (tests, ephemeral runs). */
export const SQLITE_IN_MEMORY = ':memory:';

/**
 * The embedded default {@link Store}: one SQLite file (WAL mode) under the data directory.
 * better-sqlite3 is synchronous; the async surface exists so callers are already written
 * for network-backed adapters.
 */
export class SqliteStore implements Store {
  private readonly selectRecordsOfKind;
  private readonly selectRecordValue;
  private readonly upsertRecord;
  private readonly deleteRecord;
  private readonly insertEvent;
  private readonly selectEventsAfter;
  private readonly selectEventsOfTypesAfter;
  private readonly selectLastEventCursor;
  private readonly selectPruneBoundaryCursor;
  private readonly selectFirstCursorAtOrAfter;
  private readonly deleteEventsUpTo;
  private readonly raiseCursorHighWater;
  private readonly applyBatch;
  private readonly applyPrune;

  /**
   * Opens (creating if needed, with parent directories) the database at `path` and migrates its schema.
   * @param path file path, or `':memory:'` for a private non-durable database.
   */
  static open(path: string): SqliteStore {
    if (path === '') throw new TypeError('SqliteStore.open needs a file path or ":memory:"');
    const isFile = path !== SQLITE_IN_MEMORY;
    if (isFile) mkdirSync(dirname(path), { recursive: true });
    const db = new SqliteDatabase(path);
    try {
      if (isFile) configureDurableFile(db);
      migrateSqliteSchema(db);
      return new SqliteStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(private readonly db: SqliteDatabase.Database) {
    // Prepared once: statement compilation would otherwise dominate small commits.
    this.selectRecordsOfKind = db.prepare<[string], { id: string; value: string }>(
      'SELECT id, value FROM records WHERE kind = ? ORDER BY id',
    );
    this.selectRecordValue = db.prepare<[string, string], string>('SELECT value FROM records WHERE kind = ? AND id = ?').pluck();
    this.upsertRecord = db.prepare<[string, string, string]>(
      'INSERT INTO records (kind, id, value) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET value = excluded.value',
    );
    this.deleteRecord = db.prepare<[string, string]>('DELETE FROM records WHERE kind = ? AND id = ?');
    this.insertEvent = db.prepare<[number, string, string, string, string, string]>(
      'INSERT INTO events (cursor, id, type, time, source, payload) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Rows come out as encoded events: the payload is the text the batch carried.
    this.selectEventsAfter = db.prepare<[number, number], EncodedEvent>(
      'SELECT cursor, id, type, time, source, payload AS payloadJson FROM events WHERE cursor > ? ORDER BY cursor LIMIT ?',
    );
    // One statement for any type list: the list is bound as a JSON array and expanded by json_each.
    this.selectEventsOfTypesAfter = db.prepare<[number, string, number], EncodedEvent>(
      `SELECT cursor, id, type, time, source, payload AS payloadJson FROM events
       WHERE cursor > ? AND type IN (SELECT value FROM json_each(?))
       ORDER BY cursor LIMIT ?`,
    );
    this.selectLastEventCursor = db
      .prepare<[string], number>(
        `SELECT max(
           coalesce((SELECT max(cursor) FROM events), 0),
           coalesce((SELECT value FROM store_meta WHERE key = ?), 0))`,
      )
      .pluck();
    this.selectPruneBoundaryCursor = db
      .prepare<[number], number>('SELECT cursor FROM events ORDER BY cursor DESC LIMIT 1 OFFSET ?')
      .pluck();
    // Walks the head of the history in cursor order and stops at the first event young enough,
    // so it reads only what pruning removes (time has no index of its own).
    this.selectFirstCursorAtOrAfter = db.prepare<[string], number>('SELECT cursor FROM events WHERE time >= ? ORDER BY cursor LIMIT 1').pluck();
    this.deleteEventsUpTo = db.prepare<[number]>('DELETE FROM events WHERE cursor <= ?');
    this.raiseCursorHighWater = db.prepare<[string, number]>(
      'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)',
    );

    this.applyBatch = db.transaction((batch: StoreBatch) => {
      this.assertCursorsIncrease(batch.events);
      for (const key of batch.deletes) this.deleteRecord.run(key.kind, key.id);
      for (const record of batch.puts) this.upsertRecord.run(record.kind, record.id, record.valueJson);
      for (const event of batch.events) {
        this.insertEvent.run(event.cursor, event.id, event.type, event.time, event.source, event.payloadJson);
      }
    });
    this.applyPrune = db.transaction((keepLast: number, olderThan: string | undefined): number => {
      let boundaryCursor = this.selectPruneBoundaryCursor.get(keepLast) ?? 0;
      if (olderThan !== undefined) {
        const firstKept = this.selectFirstCursorAtOrAfter.get(olderThan);
        boundaryCursor = Math.max(boundaryCursor, firstKept === undefined ? Number.MAX_SAFE_INTEGER : firstKept - 1);
      }
      if (boundaryCursor === 0) return 0;
      // Remember the newest cursor before it can be deleted, so lastEventCursor never goes back.
      this.raiseCursorHighWater.run(EVENT_CURSOR_HIGH_WATER_KEY, this.readLastEventCursor());
      return this.deleteEventsUpTo.run(boundaryCursor).changes;
    });
  }

  async list<T>(kind: string): Promise<StoredRecord<T>[]> {
    this.assertOpen();
    return this.selectRecordsOfKind.all(kind).map((row) => ({ kind, id: row.id, value: JSON.parse(row.value) as T }));
  }

  async get<T>(kind: string, id: string): Promise<T | undefined> {
    this.assertOpen();
    const valueJson = this.selectRecordValue.get(kind, id);
    return valueJson === undefined ? undefined : (JSON.parse(valueJson) as T);
  }

  async commit(batch: StoreBatch): Promise<void> {
    this.assertOpen();
    // IMMEDIATE takes the write lock up front instead of upgrading a read lock mid-transaction.
    this.applyBatch.immediate(batch);
  }

  async readEvents(afterCursor: number, limit: number, types?: readonly string[]): Promise<StoredEvent[]> {
    this.assertOpen();
    if (!Number.isFinite(afterCursor)) throw new RangeError(`afterCursor must be a finite number, got ${afterCursor}`);
    assertCount(limit, 'limit');
    if (limit === 0) return [];
    const rows =
      types === undefined || types.length === 0
        ? this.selectEventsAfter.all(afterCursor, limit)
        : this.selectEventsOfTypesAfter.all(afterCursor, JSON.stringify(types), limit);
    return rows.map(decodeEvent);
  }

  async lastEventCursor(): Promise<number> {
    this.assertOpen();
    return this.readLastEventCursor();
  }

  async pruneEvents(keepLast: number, olderThan?: string): Promise<number> {
    this.assertOpen();
    assertCount(keepLast, 'keepLast');
    assertEventTime(olderThan, 'olderThan');
    return this.applyPrune.immediate(keepLast, olderThan);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private readLastEventCursor(): number {
    return this.selectLastEventCursor.get(EVENT_CURSOR_HIGH_WATER_KEY) ?? 0;
  }

  private assertCursorsIncrease(events: readonly EncodedEvent[]): void {
    let previousCursor = events.length === 0 ? 0 : this.readLastEventCursor();
    for (const event of events) {
      if (!Number.isSafeInteger(event.cursor) || event.cursor <= previousCursor) {
        throw new RangeError(`event cursor ${event.cursor} does not follow cursor ${previousCursor}`);
      }
      previousCursor = event.cursor;
    }
  }

  private assertOpen(): void {
    if (!this.db.open) throw new Error('SqliteStore is closed');
  }
}

/**
 * WAL lets readers run alongside the single writer and makes a commit one sequential append.
 * synchronous=FULL fsyncs the WAL on every commit. NORMAL would already survive SIGKILL (the
 * OS still holds the written pages), but not power loss or a kernel crash, where the last
 * commits could vanish after the request was answered; the rule is "persisted before
 * answered", so we pay the fsync.
 */
function configureDurableFile(db: SqliteDatabase.Database): void {
  const journalMode = db.pragma('journal_mode = WAL', { simple: true });
  if (journalMode !== 'wal') throw new Error(`SQLite refused WAL journal mode (got ${String(journalMode)})`);
  db.pragma('synchronous = FULL');
}

function assertCount(count: number, name: string): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${name} must be a non-negative integer, got ${count}`);
}
