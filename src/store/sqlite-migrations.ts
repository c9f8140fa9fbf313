import type SqliteDatabase from 'better-sqlite3';

/** One forward step of the SQLite schema. */
export interface SqliteMigration {
  /** Schema version after this step; versions are consecutive from 1. */
  version: number;
  sql: string;
}

/** Key in `store_meta` holding the highest event cursor ever committed, so pruning never lets a cursor be reused. */
export const EVENT_CURSOR_HIGH_WATER_KEY = 'event_cursor_high_water';

/**
 * The schema history. Append new steps; never edit a released one. Statements use
 * `IF NOT EXISTS` so a step is harmless to re-run on a database created by hand.
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE IF NOT EXISTS records (
        kind  TEXT NOT NULL,
        id    TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;

      CREATE TABLE IF NOT EXISTS events (
        cursor  INTEGER PRIMARY KEY,
        id      TEXT NOT NULL UNIQUE,
        type    TEXT NOT NULL,
        time    TEXT NOT NULL,
        source  TEXT NOT NULL,
        payload TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS events_by_type ON events (type, cursor);

      CREATE TABLE IF NOT EXISTS store_meta (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];

/** Latest schema version this build knows. */
export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

/**
 * Brings the schema up to {@link SQLITE_SCHEMA_VERSION}, recording progress in `PRAGMA user_version`.
 * All pending steps run in one transaction, so a crash mid-migration leaves the old version intact.
 * @throws when the database was written by a newer build (its version is unknown here).
 */
export function migrateSqliteSchema(db: SqliteDatabase.Database): void {
  const currentVersion = db.pragma('user_version', { simple: true }) as number;
  if (currentVersion > SQLITE_SCHEMA_VERSION) {
    throw new Error(
      `database schema version ${currentVersion} is newer than this build supports (${SQLITE_SCHEMA_VERSION})`,
    );
  }
  const applyPending = db.transaction(() => {
    for (const migration of SQLITE_MIGRATIONS) {
      if (migration.version <= currentVersion) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  applyPending.immediate();
}
