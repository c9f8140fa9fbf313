import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/store/json-values.js';
import type { JsonText } from '../../src/store/port.js';
import { SQLITE_SCHEMA_VERSION } from '../../src/store/sqlite-migrations.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { batchOf, describeDurableStore, describeStore, eventAt } from './store-suite.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'rustydb-sqlite-store-'));
let databaseCount = 0;

/** A fresh database path inside the temp root (its directory does not exist yet). */
function freshDatabasePath(): string {
  databaseCount += 1;
  return join(tempRoot, `db-${databaseCount}`, 'state.sqlite');
}

afterAll(() => {
  rmSync(tempRoot, { recursive: true, force: true });
});

describeStore('SqliteStore in memory', () => SqliteStore.open(':memory:'));
describeStore('SqliteStore file', () => SqliteStore.open(freshDatabasePath()));
describeDurableStore('SqliteStore file', () => {
  const path = freshDatabasePath();
  return { open: () => SqliteStore.open(path) };
});

describe('SqliteStore file durability', () => {
  it('creates missing parent directories', async () => {
    const path = freshDatabasePath();
    expect(existsSync(join(path, '..'))).toBe(false);

    const store = SqliteStore.open(path);
    await store.close();

    expect(existsSync(path)).toBe(true);
  });

  it('uses WAL journaling and records the schema version, and reopening migrates nothing twice', async () => {
    const path = freshDatabasePath();
    await SqliteStore.open(path).close();
    await SqliteStore.open(path).close();

    const raw = new SqliteDatabase(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    } finally {
      raw.close();
    }
  });

  it('writes the JSON text a batch carries byte for byte', async () => {
    const path = freshDatabasePath();
    const store = SqliteStore.open(path);
    const spaced = '{ "b" : 2,  "a" : [1] }' as JsonText;
    await store.commit({ puts: [{ kind: 'shape', id: 'spaced', valueJson: spaced }], deletes: [], events: [{ ...encodeEvent(eventAt(1)), payloadJson: spaced }] });
    await store.close();

    const raw = new SqliteDatabase(path, { readonly: true });
    try {
      expect(raw.prepare('SELECT value FROM records').pluck().all()).toEqual([spaced]);
      expect(raw.prepare('SELECT payload FROM events').pluck().all()).toEqual([spaced]);
    } finally {
      raw.close();
    }
  });

  it('refuses a database written by a newer schema version', async () => {
    const path = freshDatabasePath();
    await SqliteStore.open(path).close();
    const raw = new SqliteDatabase(path);
    raw.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    raw.close();

    expect(() => SqliteStore.open(path)).toThrow(/newer/);
  });

  it('leaves nothing of a batch that failed midway, even after reopening', async () => {
    const path = freshDatabasePath();
    const store = SqliteStore.open(path);
    const failing = batchOf({
      puts: [{ kind: 'cluster.node', id: 'n1', value: 1 }],
      events: [eventAt(1), { ...eventAt(2), id: 'evt_1' }],
    });
    await expect(store.commit(failing)).rejects.toThrow(/UNIQUE/);
    await store.close();

    const reopened = SqliteStore.open(path);
    try {
      expect(await reopened.list('cluster.node')).toEqual([]);
      expect(await reopened.lastEventCursor()).toBe(0);
    } finally {
      await reopened.close();
    }
  });

  it('keeps committed state when the writing process is killed with SIGKILL', async () => {
    const path = freshDatabasePath();
    const fixture = fileURLToPath(new URL('./fixtures/commit-then-await-kill.ts', import.meta.url));
    const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, path], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    await outputLine(child, 'committed');
    child.kill('SIGKILL');
    const [exitCode, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];

    expect(exitCode).toBeNull();
    expect(signal).toBe('SIGKILL');
    // The process never checkpointed or closed: the commits live in the WAL and must be recovered from it.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    const reopened = SqliteStore.open(path);
    try {
      expect(await reopened.list('cluster.node')).toEqual([{ kind: 'cluster.node', id: 'n1', value: { state: 'stopped' } }]);
      expect((await reopened.readEvents(0, 10)).map((event) => event.type)).toEqual(['node.started', 'node.stopped']);
      expect(await reopened.lastEventCursor()).toBe(2);
    } finally {
      await reopened.close();
    }
  });
});

/** Resolves once `child` prints `line` on stdout; rejects if it exits first. */
function outputLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.split('\n').includes(line)) resolve();
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`child exited (${code ?? signal}) before printing "${line}": ${stderr}`));
    });
  });
}
