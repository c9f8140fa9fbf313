import { afterEach, beforeEach, expect, test } from 'vitest';
import { AUDIT_RECORD, AUDIT_RETENTION, AuditLog } from '../../../src/services/platform/audit-log.js';
import { Journal } from '../../../src/store/journal.js';
import { SQLITE_IN_MEMORY, SqliteStore } from '../../../src/store/sqlite-store.js';

let store: SqliteStore;

beforeEach(() => {
  store = SqliteStore.open(SQLITE_IN_MEMORY);
});
afterEach(async () => {
  await store.close();
});

test(`the audit log keeps the newest ${AUDIT_RETENTION} entries, in memory and in the store, and counts every one`, async () => {
  const journal = new Journal(store);
  const log = await AuditLog.load(store, journal, () => Date.parse('2030-01-01T00:00:00.000Z'));
  const caller = { keyId: 'key_0123abcd', role: 'CLUSTER_ADMIN' as const };
  const overflow = 25;
  for (let index = 0; index < AUDIT_RETENTION + overflow; index += 1) {
    log.record({ caller, operationId: 'advanceClock', target: 'simulation.clock', requestId: `req-${index}` });
    // Committed in batches, as requests commit them.
    if (index % 1000 === 0) await journal.flush();
  }
  await journal.flush();

  const page = log.list({ limit: 1 });
  expect(page.total).toBe(AUDIT_RETENTION);
  expect(page.items[0]!.id).toBe(overflow + 1);
  expect(log.recordedCount()).toBe(AUDIT_RETENTION + overflow);
  const stored = await store.list<{ id: number }>(AUDIT_RECORD);
  expect(stored).toHaveLength(AUDIT_RETENTION);
  expect(stored[0]!.value.id).toBe(overflow + 1);
  // A restart loads what the store kept.
  expect((await AuditLog.load(store, new Journal(store), Date.now)).list({ limit: 1 }).total).toBe(AUDIT_RETENTION);
});
