import { afterEach, describe, expect, test } from 'vitest';
import { ConflictBook, type RecordConflictInput } from '../../../src/engines/conflicts/conflict-book.js';
import { VirtualClock } from '../../../src/engines/runtime/index.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';

let store: SqliteStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function conflictOn(rowKey: string, strategy: RecordConflictInput['strategy'] = 'LAST_WRITER_WINS', localAtMs = 1_000): RecordConflictInput {
  return {
    groupKind: 'MULTI_MASTER',
    groupId: 'mmg-1',
    tableName: 'accounts',
    rowKey,
    base: { balance: 100 },
    local: { siteId: 'site-1', nodeId: 'node-1', clock: { 'site-1': 2, 'site-2': 1 }, writtenAtMs: localAtMs, row: { balance: 150 } },
    remote: { siteId: 'site-2', nodeId: 'node-6', clock: { 'site-1': 1, 'site-2': 2 }, writtenAtMs: 1_500, row: { balance: 70 } },
    strategy,
    context: { columnCrdts: { balance: 'PN_COUNTER' } },
  };
}

async function open(config = {}) {
  store ??= SqliteStore.open(':memory:');
  const clock = new VirtualClock(Date.UTC(2026, 11, 8));
  const journal = new Journal(store);
  return { clock, journal, book: await ConflictBook.load(store, { clock, journal, config }) };
}

describe('ConflictBook', () => {
  test('records a conflict settled by its strategy, refuses versions that are not concurrent', async () => {
    const { book } = await open();
    const record = book.record(conflictOn('acct-1'));
    expect(record).toMatchObject({ conflictId: 'group-conflict-1', conflictType: 'UPDATE_CONFLICT', status: 'RESOLVED', winner: 'REMOTE', resolvedRow: { balance: 70 }, resolvedBy: 'strategy' });
    const ordered = { ...conflictOn('acct-2'), remote: { ...conflictOn('acct-2').remote, clock: { 'site-1': 2, 'site-2': 2 } } };
    expect(() => book.record(ordered)).toThrow(/not concurrent/);
    expect(book.list()).toHaveLength(1);
  });

  test('resolve goes through the applier, changes nothing when it fails, and is final', async () => {
    const { book } = await open();
    const pending = book.record(conflictOn('acct-1', 'CUSTOM'));
    expect(pending.status).toBe('PENDING');
    expect(() => book.resolve(pending.conflictId, 'LAST_WRITER_WINS', { resolvedBy: 'admin' })).toThrow(/no MULTI_MASTER engine registered/);
    const applied: unknown[] = [];
    book.onResolve('MULTI_MASTER', (record, resolution) => {
      if (resolution.row === null) throw new Error('refused');
      applied.push([record.conflictId, resolution.row]);
      return { appliedSiteIds: ['site-1', 'site-2'] };
    });
    expect(() => book.resolve(pending.conflictId, 'CUSTOM', { resolvedBy: 'admin' })).toThrow(/needs the row/);
    expect(() => book.resolve(pending.conflictId, 'CUSTOM', { customRow: null, resolvedBy: 'admin' })).toThrow(/refused/);
    expect(book.get(pending.conflictId).status).toBe('PENDING');
    const resolved = book.resolve(pending.conflictId, 'CRDT_PER_COLUMN', { resolvedBy: 'admin' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', winner: 'MERGED', resolvedRow: { balance: 120 }, appliedSiteIds: ['site-1', 'site-2'], resolvedBy: 'admin' });
    expect(applied).toEqual([[pending.conflictId, { balance: 120 }]]);
    expect(() => book.resolve(pending.conflictId, 'LAST_WRITER_WINS', { resolvedBy: 'admin' })).toThrow(/resolved already/);
  });

  test('is bounded (resolved records go first) and its totals outlive pruning', async () => {
    const { book } = await open({ capacity: 2 });
    const open1 = book.record(conflictOn('k-1', 'MULTI_VALUE'));
    book.record(conflictOn('k-2'));
    book.record(conflictOn('k-3'));
    expect(book.list().map((record) => record.conflictId)).toEqual(['group-conflict-3', open1.conflictId]);
    expect(book.totals()).toMatchObject({ recorded: 3, resolvedOnArrival: 2, byStrategy: { MULTI_VALUE: 1, LAST_WRITER_WINS: 2 }, byTable: { accounts: 3 } });
  });

  test('survives a restart: records, numbering, totals and history come back from the store', async () => {
    const first = await open();
    first.book.record(conflictOn('acct-1'));
    first.book.record(conflictOn('acct-2', 'MULTI_VALUE'));
    await first.journal.flush();
    const second = await open();
    expect(second.book.list().map((record) => [record.conflictId, record.status])).toEqual([
      ['group-conflict-2', 'SIBLINGS'],
      ['group-conflict-1', 'RESOLVED'],
    ]);
    expect(second.book.totals().recorded).toBe(2);
    expect(second.book.history()).toEqual(first.book.history());
    expect(second.book.record(conflictOn('acct-3')).conflictId).toBe('group-conflict-3');
  });
});
