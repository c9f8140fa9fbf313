import pg from 'pg';
import { assertEventTime, type EncodedEvent, type EncodedRecord, type Store, type StoreBatch, type StoredEvent, type StoredRecord } from './port.js';
import { EVENT_CURSOR_HIGH_WATER_KEY, migratePostgresSchema } from './postgres-migrations.js';

/** Schema used when none is given. */
export const POSTGRES_DEFAULT_SCHEMA = 'public';

/** PostgreSQL truncates longer identifiers silently, so two long schema names could end up one schema. */
const MAX_SCHEMA_NAME_BYTES = 63;

/** Connections per store: writes are serialised anyway, so a few serve reads alongside one writer. */
const MAX_POOL_CLIENTS = 4;
/** Waiting for a connection (new or from the pool) longer than this fails the call. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Idle connections are closed after this, so a quiet server holds none. */
const IDLE_CLIENT_TIMEOUT_MS = 30_000;
/** Server-side bound on one statement; every statement here is a bounded, indexed read or write. */
const STATEMENT_TIMEOUT_MS = 30_000;
/** Bound on waiting for the events table lock another writer holds. */
const LOCK_TIMEOUT_MS = 10_000;
/** A transaction left idle this long (a stuck caller) is ended by the server, releasing its locks. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

interface EventRow {
  /** bigint arrives as text: pg leaves it to us to choose a lossless conversion. */
  cursor: string;
  id: string;
  type: string;
  time: string;
  source: string;
  /** Already decoded: pg parses `json` columns. */
  payload: unknown;
}

/**
 * A {@link Store} in a PostgreSQL schema, for deployments that keep state off the API host.
 *
 * Table layout (in the schema given at open, `public` by default; migrated at open by
 * `postgres-migrations.ts`, whose `schema_version` table records the version):
 * - `records (kind, id, value)`, primary key `(kind, id)`. `kind` and `id` use `COLLATE "C"`:
 *   the port orders ids by code point, and the primary key index then already yields that order
 *   for `list`, whatever the database's default collation.
 * - `events (cursor, id, type, time, source, payload)`: `cursor` bigint primary key (the read
 *   path is "after cursor, ascending"), `id` unique, and an index on `(type, cursor)` for reads
 *   filtered by type.
 * - `store_meta (key, value)`: one row, the highest cursor ever committed, raised before pruning
 *   deletes events so {@link lastEventCursor} never goes back.
 *
 * Values and payloads are `json`, not `jsonb`: `json` keeps the text as written (key order,
 * `\u0000`, lone surrogate escapes) and so round-trips exactly like the SQLite adapter, where
 * `jsonb` would reorder keys and refuse some strings. `time` is text for the same reason: the
 * ISO-8601 string comes back as it was given. The store never queries inside a value.
 *
 * Commits that carry events, and pruning, take an EXCLUSIVE lock on `events` (readers are not
 * blocked): the cursor check reads the last cursor and then writes after it, which two concurrent
 * writers, in this process or another, must not interleave. Durability follows the server's
 * `synchronous_commit` (on by default): with it off, an answered commit can be lost in a crash.
 */
export class PostgresStore implements Store {
  private readonly tables;
  private closing: Promise<void> | undefined;

  /**
   * Connects to `connectionString`, creates `schema` when missing and migrates it.
   * @param connectionString a `postgres://` or `postgresql://` URL, or anything else pg accepts.
   * @param schema where the tables live; stores on separate schemas of one database are independent.
   */
  static async open(connectionString: string, schema: string = POSTGRES_DEFAULT_SCHEMA): Promise<PostgresStore> {
    if (connectionString === '') throw new TypeError('PostgresStore.open needs a connection string');
    assertSchemaName(schema);
    const pool = new pg.Pool({
      connectionString,
      max: MAX_POOL_CLIENTS,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: IDLE_CLIENT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      lock_timeout: LOCK_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      application_name: 'rustydb-api',
    });
    // An idle connection the server dropped (restart, terminate) is discarded by the pool and the
    // next call opens a new one; without a listener the 'error' event would crash the process.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, schema);
    try {
      await store.inTransaction((client) => migratePostgresSchema(client, schema));
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  private constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    const quoted = pg.escapeIdentifier(schema);
    this.tables = { records: `${quoted}.records`, events: `${quoted}.events`, meta: `${quoted}.store_meta` };
  }

  async list<T>(kind: string): Promise<StoredRecord<T>[]> {
    this.assertOpen();
    const result = await this.pool.query<{ id: string; value: T }>(
      `SELECT id, value FROM ${this.tables.records} WHERE kind = $1 ORDER BY id`,
      [kind],
    );
    return result.rows.map((row) => ({ kind, id: row.id, value: row.value }));
  }

  async get<T>(kind: string, id: string): Promise<T | undefined> {
    this.assertOpen();
    const result = await this.pool.query<{ value: T }>(
      `SELECT value FROM ${this.tables.records} WHERE kind = $1 AND id = $2`,
      [kind, id],
    );
    return result.rows[0]?.value;
  }

  async commit(batch: StoreBatch): Promise<void> {
    this.assertOpen();
    const puts = lastPutPerKey(batch.puts);
    const { deletes, events } = batch;
    if (puts.length === 0 && deletes.length === 0 && events.length === 0) return;

    // Each part is one statement over arrays (unnest), so a commit costs the same few round trips
    // whatever its size.
    await this.inTransaction(async (client) => {
      if (events.length > 0) {
        await client.query(`LOCK TABLE ${this.tables.events} IN EXCLUSIVE MODE`);
        assertCursorsFollow(events, await this.readLastEventCursor(client));
      }
      if (deletes.length > 0) {
        await client.query(
          `DELETE FROM ${this.tables.records} AS record
           USING unnest($1::text[], $2::text[]) AS doomed (kind, id)
           WHERE record.kind = doomed.kind AND record.id = doomed.id`,
          [deletes.map((key) => key.kind), deletes.map((key) => key.id)],
        );
      }
      if (puts.length > 0) {
        await client.query(
          `INSERT INTO ${this.tables.records} (kind, id, value)
           SELECT * FROM unnest($1::text[], $2::text[], $3::json[])
           ON CONFLICT (kind, id) DO UPDATE SET value = excluded.value`,
          [puts.map((put) => put.kind), puts.map((put) => put.id), puts.map((put) => put.valueJson)],
        );
      }
      if (events.length > 0) {
        await client.query(
          `INSERT INTO ${this.tables.events} (cursor, id, type, time, source, payload)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::json[])`,
          [
            events.map((event) => event.cursor),
            events.map((event) => event.id),
            events.map((event) => event.type),
            events.map((event) => event.time),
            events.map((event) => event.source),
            events.map((event) => event.payloadJson),
          ],
        );
      }
    });
  }

  async readEvents(afterCursor: number, limit: number, types?: readonly string[]): Promise<StoredEvent[]> {
    this.assertOpen();
    if (!Number.isFinite(afterCursor)) throw new RangeError(`afterCursor must be a finite number, got ${afterCursor}`);
    assertCount(limit, 'limit');
    if (limit === 0) return [];
    // Cursors are positive safe integers, so this bound selects the same events and always fits a bigint.
    const afterWholeCursor = Math.min(Math.max(Math.floor(afterCursor), 0), Number.MAX_SAFE_INTEGER);
    const columns = 'cursor, id, type, time, source, payload';
    const result =
      types === undefined || types.length === 0
        ? await this.pool.query<EventRow>(
            `SELECT ${columns} FROM ${this.tables.events} WHERE cursor > $1 ORDER BY cursor LIMIT $2`,
            [afterWholeCursor, limit],
          )
        : await this.pool.query<EventRow>(
            `SELECT ${columns} FROM ${this.tables.events}
             WHERE cursor > $1 AND type = ANY ($2::text[]) ORDER BY cursor LIMIT $3`,
            [afterWholeCursor, [...types], limit],
          );
    return result.rows.map(decodeEvent);
  }

  async lastEventCursor(): Promise<number> {
    this.assertOpen();
    return this.readLastEventCursor(this.pool);
  }

  async pruneEvents(keepLast: number, olderThan?: string): Promise<number> {
    this.assertOpen();
    assertCount(keepLast, 'keepLast');
    assertEventTime(olderThan, 'olderThan');
    return this.inTransaction(async (client) => {
      await client.query(`LOCK TABLE ${this.tables.events} IN EXCLUSIVE MODE`);
      const boundary = await client.query<{ cursor: string }>(
        `SELECT cursor FROM ${this.tables.events} ORDER BY cursor DESC LIMIT 1 OFFSET $1`,
        [keepLast],
      );
      let boundaryCursor = Number(boundary.rows[0]?.cursor ?? 0);
      if (olderThan !== undefined) {
        // The head of the history in cursor order, up to the first event young enough: it reads
        // only what pruning removes. "C" compares the ISO text byte by byte, which is time order.
        const firstKept = await client.query<{ cursor: string }>(
          `SELECT cursor FROM ${this.tables.events} WHERE time COLLATE "C" >= $1 ORDER BY cursor LIMIT 1`,
          [olderThan],
        );
        const firstKeptCursor = firstKept.rows[0]?.cursor;
        boundaryCursor = Math.max(boundaryCursor, firstKeptCursor === undefined ? Number.MAX_SAFE_INTEGER : Number(firstKeptCursor) - 1);
      }
      if (boundaryCursor === 0) return 0;
      // Remember the newest cursor before it can be deleted, so lastEventCursor never goes back.
      await client.query(
        `INSERT INTO ${this.tables.meta} AS meta (key, value)
         SELECT $1, max(cursor) FROM ${this.tables.events}
         ON CONFLICT (key) DO UPDATE SET value = greatest(meta.value, excluded.value)`,
        [EVENT_CURSOR_HIGH_WATER_KEY],
      );
      const deleted = await client.query(`DELETE FROM ${this.tables.events} WHERE cursor <= $1`, [boundaryCursor]);
      return deleted.rowCount ?? 0;
    });
  }

  async close(): Promise<void> {
    // The pool waits for checked-out connections to come back before it resolves.
    this.closing ??= this.pool.end();
    await this.closing;
  }

  private async readLastEventCursor(queryable: pg.Pool | pg.PoolClient): Promise<number> {
    const result = await queryable.query<{ cursor: string }>(
      `SELECT greatest(
         (SELECT max(cursor) FROM ${this.tables.events}),
         (SELECT value FROM ${this.tables.meta} WHERE key = $1),
         0) AS cursor`,
      [EVENT_CURSOR_HIGH_WATER_KEY],
    );
    return cursorFromText(result.rows[0]?.cursor ?? '0');
  }

  /** Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no pool listener: a connection lost mid-transaction would emit an
    // unhandled 'error'. Its queries reject anyway; the connection is then destroyed, not reused.
    let connectionError: Error | undefined;
    const noteConnectionError = (error: Error): void => {
      connectionError = error;
    };
    client.on('error', noteConnectionError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // After a failed COMMIT the server has already rolled back; ROLLBACK then only warns.
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        connectionError ??= rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.removeListener('error', noteConnectionError);
      client.release(connectionError);
    }
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new Error('PostgresStore is closed');
  }
}

function assertSchemaName(schema: string): void {
  const bytes = Buffer.byteLength(schema, 'utf8');
  if (bytes === 0 || bytes > MAX_SCHEMA_NAME_BYTES || schema.includes('\u0000')) {
    throw new RangeError(`schema name must be 1 to ${MAX_SCHEMA_NAME_BYTES} bytes without NUL, got "${schema}"`);
  }
}

/** A batch may put one key twice; the later put wins, as if applied in order. One INSERT cannot update a row twice. */
function lastPutPerKey(puts: readonly EncodedRecord[]): EncodedRecord[] {
  const byKey = new Map<string, EncodedRecord>();
  for (const put of puts) {
    byKey.set(JSON.stringify([put.kind, put.id]), put);
  }
  return [...byKey.values()];
}

function assertCursorsFollow(events: readonly EncodedEvent[], lastCursor: number): void {
  let previousCursor = lastCursor;
  for (const event of events) {
    if (!Number.isSafeInteger(event.cursor) || event.cursor <= previousCursor) {
      throw new RangeError(`event cursor ${event.cursor} does not follow cursor ${previousCursor}`);
    }
    previousCursor = event.cursor;
  }
}

function decodeEvent(row: EventRow): StoredEvent {
  return {
    cursor: cursorFromText(row.cursor),
    id: row.id,
    type: row.type,
    time: row.time,
    source: row.source,
    payload: row.payload,
  };
}

/** Cursors are committed as safe integers; anything else in the table was written by someone else. */
function cursorFromText(text: string): number {
  const cursor = Number(text);
  if (!Number.isSafeInteger(cursor)) throw new RangeError(`stored event cursor ${text} is not a safe integer`);
  return cursor;
}

function assertCount(count: number, name: string): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${name} must be a non-negative integer, got ${count}`);
}
