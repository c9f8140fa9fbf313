import pg from 'pg';

/** One forward step of the PostgreSQL schema. */
export interface PostgresMigration {
  /** Schema version after this step; versions are consecutive from 1. */
  version: number;
  /** The step's statements for the given schema, passed already quoted as an identifier. */
  sql: (schema: string) => string;
}

/** Key in `store_meta` holding the highest event cursor ever committed, so pruning never lets a cursor be reused. */
export const EVENT_CURSOR_HIGH_WATER_KEY = 'event_cursor_high_water';

/**
 * The schema history. Append new steps; never edit a released one. Statements use
 * `IF NOT EXISTS` so a step is harmless to re-run on a schema created by hand.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    sql: (schema) => `
      CREATE TABLE IF NOT EXISTS ${schema}.records (
        kind  text COLLATE "C" NOT NULL,
        id    text COLLATE "C" NOT NULL,
        value json NOT NULL,
        PRIMARY KEY (kind, id)
      );

      CREATE TABLE IF NOT EXISTS ${schema}.events (
        cursor  bigint PRIMARY KEY CHECK (cursor > 0),
        id      text NOT NULL UNIQUE,
        type    text NOT NULL,
        time    text NOT NULL,
        source  text NOT NULL,
        payload json NOT NULL
      );
      CREATE INDEX IF NOT EXISTS events_by_type ON ${schema}.events (type, cursor);

      CREATE TABLE IF NOT EXISTS ${schema}.store_meta (
        key   text PRIMARY KEY,
        value bigint NOT NULL
      );
    `,
  },
];

/** Latest schema version this build knows. */
export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;

/**
 * Brings `schema` (created when missing) up to {@link POSTGRES_SCHEMA_VERSION}, recording progress in
 * its `schema_version` table. Runs inside the caller's transaction, so a failure mid-migration leaves
 * the old version intact.
 * @throws when the schema was written by a newer build (its version is unknown here).
 */
export async function migratePostgresSchema(client: pg.ClientBase, schema: string): Promise<void> {
  // Two processes opening one schema at once would otherwise race on CREATE ... IF NOT EXISTS,
  // which is not safe against concurrent creators. The lock ends with the transaction.
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rustydb.store:${schema}`]);
  const quoted = pg.escapeIdentifier(schema);
  // Checked first rather than CREATE SCHEMA IF NOT EXISTS: that one needs the CREATE privilege
  // on the database even when the schema exists, which a least-privilege role may lack.
  const existing = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (existing.rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${quoted}.schema_version (
       singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
       version   integer NOT NULL
     )`,
  );
  const recorded = await client.query<{ version: number }>(`SELECT version FROM ${quoted}.schema_version`);
  const currentVersion = recorded.rows[0]?.version ?? 0;
  if (currentVersion > POSTGRES_SCHEMA_VERSION) {
    throw new Error(
      `database schema version ${currentVersion} is newer than this build supports (${POSTGRES_SCHEMA_VERSION})`,
    );
  }
  for (const migration of POSTGRES_MIGRATIONS) {
    if (migration.version <= currentVersion) continue;
    await client.query(migration.sql(quoted));
  }
  if (currentVersion < POSTGRES_SCHEMA_VERSION) {
    await client.query(
      `INSERT INTO ${quoted}.schema_version (version) VALUES ($1)
       ON CONFLICT (singleton) DO UPDATE SET version = excluded.version`,
      [POSTGRES_SCHEMA_VERSION],
    );
  }
}
