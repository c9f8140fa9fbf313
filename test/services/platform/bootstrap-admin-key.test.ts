import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AccessError } from '../../../src/services/platform/access-errors.js';
import { API_KEY_RECORD, ApiKeys, type ApiKeyRecord } from '../../../src/services/platform/api-keys.js';
import type { OperationRunner } from '../../../src/services/platform/operation-runner.js';
import { Journal } from '../../../src/store/journal.js';
import { SQLITE_IN_MEMORY, SqliteStore } from '../../../src/store/sqlite-store.js';

/**
 * The bootstrap admin key across starts: each `start()` is a fresh ApiKeys.load on the same
 * in-memory store, as a restarted server would load it from its file.
 */

const GIVEN_ADMIN_KEY = 'rdb_given_admin_0123456789abcdef0123456789';
/** Load never runs an operation; the runner is only kept for later calls. */
const NO_RUNNER = {} as OperationRunner;

let store: SqliteStore;
let wallMs = Date.parse('2030-01-01T00:00:00Z');

beforeEach(async () => {
  store = await SqliteStore.open(SQLITE_IN_MEMORY);
});
afterEach(async () => {
  await store.close();
});

function start(givenAdminSecret?: string) {
  wallMs += 1000;
  return ApiKeys.load(store, new Journal(store), NO_RUNNER, () => wallMs, givenAdminSecret);
}

async function storedKeys(): Promise<ApiKeyRecord[]> {
  return (await store.list<ApiKeyRecord>(API_KEY_RECORD)).map((record) => record.value);
}

function expectRefused(apiKeys: ApiKeys, secret: string): void {
  expect(() => apiKeys.authenticateApiKey(secret)).toThrow(AccessError);
}

describe('the generated admin key', () => {
  test('the first start makes one, and it authenticates as CLUSTER_ADMIN', async () => {
    const { apiKeys, bootstrap } = await start();
    expect(bootstrap.createdAdminSecret).toMatch(/^rdb_[0-9a-f]{40}$/);
    expect(apiKeys.authenticateApiKey(bootstrap.createdAdminSecret as string).role).toBe('CLUSTER_ADMIN');
  });

  test('once shown, later starts keep it and print nothing', async () => {
    const first = await start();
    await first.bootstrap.markAdminSecretShown();
    const second = await start();
    expect(second.bootstrap.createdAdminSecret).toBeNull();
    expect(second.apiKeys.authenticateApiKey(first.bootstrap.createdAdminSecret as string).role).toBe('CLUSTER_ADMIN');
    expect(await storedKeys()).toHaveLength(1);
  });

  test('a start that never showed it (it failed before printing) leaves it to be replaced by a new one the next start shows', async () => {
    const failed = await start(); // e.g. the port was in use: no print, no mark
    const next = await start();
    expect(next.bootstrap.createdAdminSecret).not.toBeNull();
    expect(next.bootstrap.createdAdminSecret).not.toBe(failed.bootstrap.createdAdminSecret);
    expect(next.apiKeys.authenticateApiKey(next.bootstrap.createdAdminSecret as string).role).toBe('CLUSTER_ADMIN');
    // Nobody ever saw the old secret, so dropping it locks nobody out.
    expectRefused(next.apiKeys, failed.bootstrap.createdAdminSecret as string);
    const stored = await storedKeys();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.secretShownAtMs).toBeNull();
  });

  test('marking it shown is durable: the store says when', async () => {
    const { bootstrap } = await start();
    await bootstrap.markAdminSecretShown();
    expect((await storedKeys())[0]?.secretShownAtMs).toBe(wallMs);
  });

  test('a key stored before secretShownAtMs existed counts as shown and is kept', async () => {
    const { bootstrap } = await start();
    const journal = new Journal(store);
    const [record] = await storedKeys();
    const legacy: Partial<ApiKeyRecord> = { ...record };
    delete legacy.secretShownAtMs;
    journal.put(API_KEY_RECORD, record?.id as string, legacy);
    await journal.flush();
    const next = await start();
    expect(next.bootstrap.createdAdminSecret).toBeNull();
    expect(next.apiKeys.authenticateApiKey(bootstrap.createdAdminSecret as string).role).toBe('CLUSTER_ADMIN');
  });
});

describe('a key given through RUSTYDB_ADMIN_KEY', () => {
  test('is accepted, nothing is generated or printed, and later starts without it keep it', async () => {
    const first = await start(GIVEN_ADMIN_KEY);
    expect(first.bootstrap.createdAdminSecret).toBeNull();
    expect(first.apiKeys.authenticateApiKey(GIVEN_ADMIN_KEY).role).toBe('CLUSTER_ADMIN');
    const later = await start();
    expect(later.bootstrap.createdAdminSecret).toBeNull();
    expect(later.apiKeys.authenticateApiKey(GIVEN_ADMIN_KEY).role).toBe('CLUSTER_ADMIN');
    expect(await storedKeys()).toHaveLength(1);
  });

  test('replaces a generated key that was never shown, and is never replaced itself', async () => {
    const failed = await start();
    const given = await start(GIVEN_ADMIN_KEY);
    expect(given.bootstrap.createdAdminSecret).toBeNull();
    expectRefused(given.apiKeys, failed.bootstrap.createdAdminSecret as string);
    const stored = await storedKeys();
    expect(stored.map((record) => record.secretShownAtMs)).toEqual([undefined]);
    const after = await start();
    expect(after.apiKeys.authenticateApiKey(GIVEN_ADMIN_KEY).role).toBe('CLUSTER_ADMIN');
  });
});
