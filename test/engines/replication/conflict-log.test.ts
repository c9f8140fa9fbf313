import { afterEach, describe, expect, it } from 'vitest';
import { ConflictLog } from '../../../src/engines/replication/conflict-log.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { domainErrorFrom, expectTablesEqual, startReplication, type ReplicationHarness } from './harness.js';

let harness: ReplicationHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function withAccount(): Promise<{ h: ReplicationHarness; log: ConflictLog }> {
  const h = await startReplication();
  h.cluster.put('accounts', 'acct-1', { balance: 100, tags: ['a', 'b'] });
  await h.advance(100);
  return { h, log: await ConflictLog.load(h.store, { clock: h.runtime.clock, cluster: h.cluster, journal: h.journal }) };
}

describe('ConflictLog on a replicating cluster', () => {
  it('simulate makes a real local write, records both versions and holds the remote change', async () => {
    const { h, log } = await withAccount();
    harness = h;
    const conflict = log.simulate({ tableName: 'accounts', rowKey: 'acct-1', localData: { balance: 150, tags: ['a', 'b', 'c'] }, remoteData: { balance: 70, tags: ['b'] } });
    expect(conflict).toMatchObject({
      conflictId: 'conflict-1',
      conflictType: 'UPDATE_CONFLICT',
      originNode: 'node-2',
      targetNode: 'node-1',
      base: { version: 1, row: { balance: 100, tags: ['a', 'b'] } },
      local: { version: 2, row: { balance: 150, tags: ['a', 'b', 'c'] } },
      remote: { version: 2, row: { balance: 70, tags: ['b'] }, originNodeId: 'node-2' },
      resolved: false,
    });
    expect(h.cluster.storageOf('node-1').getRow('accounts', 'acct-1')?.row).toEqual({ balance: 150, tags: ['a', 'b', 'c'] });
  });

  it('resolve writes the merged row through the WAL and every standby gets it', async () => {
    const { h, log } = await withAccount();
    harness = h;
    const { conflictId } = log.simulate({ tableName: 'accounts', rowKey: 'acct-1', localData: { balance: 150, tags: ['a', 'b', 'c'] }, remoteData: { balance: 70, tags: ['b'] } });
    const resolved = log.resolve(conflictId, 'CRDT_COUNTER', { resolvedBy: 'key-1' });
    expect(resolved).toMatchObject({ resolved: true, winner: 'MERGED', resolvedData: { balance: 120, tags: ['b'] }, resolvedBy: 'key-1' });
    expect(resolved.resolvedLsn).toBe(h.cluster.currentLsn());
    await h.advance(200);
    expect(h.cluster.storageOf('node-2').getRow('accounts', 'acct-1')?.row).toEqual({ balance: 120, tags: ['b'] });
    expectTablesEqual(h.cluster, ['node-2', 'node-3']);
    expect(domainErrorFrom(() => log.resolve(conflictId, 'LAST_WRITER_WINS', { resolvedBy: 'key-1' })).code).toBe('CONFLICT');
  });

  it('each conflict type is made and detected as asked, and a deleting winner deletes the row', async () => {
    const { h, log } = await withAccount();
    harness = h;
    expect(log.simulate({ tableName: 'accounts', rowKey: 'acct-1', conflictType: 'DELETE_CONFLICT' })).toMatchObject({ conflictType: 'DELETE_CONFLICT', local: { row: null } });
    expect(log.simulate({ tableName: 'accounts', rowKey: 'new-1', conflictType: 'INSERT_CONFLICT' })).toMatchObject({ conflictType: 'INSERT_CONFLICT', local: { version: 1 } });
    expect(log.simulate({ tableName: 'accounts', rowKey: 'new-2', conflictType: 'UNIQUENESS_VIOLATION' })).toMatchObject({ conflictType: 'UNIQUENESS_VIOLATION', local: { version: 2 } });
    // The local delete came first, so FIRST_WRITER_WINS keeps it.
    const deletion = log.list().find((conflict) => conflict.conflictType === 'DELETE_CONFLICT');
    expect(log.resolve(deletion!.conflictId, 'FIRST_WRITER_WINS', { resolvedBy: 'key-1' })).toMatchObject({ winner: 'LOCAL', resolvedData: null });
    expect(h.cluster.storageOf('node-1').getRow('accounts', 'acct-1')).toBeUndefined();
  });

  it('refuses a row in the wrong state, an origin that is the primary, and a resolution over a newer write', async () => {
    const { h, log } = await withAccount();
    harness = h;
    expect(domainErrorFrom(() => log.simulate({ tableName: 'accounts', rowKey: 'missing' })).code).toBe('CONFLICT');
    expect(domainErrorFrom(() => log.simulate({ tableName: 'accounts', rowKey: 'acct-1', conflictType: 'INSERT_CONFLICT' })).code).toBe('CONFLICT');
    expect(domainErrorFrom(() => log.simulate({ tableName: 'accounts', rowKey: 'acct-1', originNode: 'node-1' })).code).toBe('UNPROCESSABLE');
    const lsnBefore = h.cluster.currentLsn();
    expect(domainErrorFrom(() => log.simulate({ tableName: 'accounts', rowKey: 'acct-1', originNode: 'node-9' })).code).toBe('UNPROCESSABLE');
    expect(h.cluster.currentLsn()).toBe(lsnBefore);
    const { conflictId } = log.simulate({ tableName: 'accounts', rowKey: 'acct-1' });
    h.cluster.put('accounts', 'acct-1', { balance: 1 });
    expect(domainErrorFrom(() => log.resolve(conflictId, 'LAST_WRITER_WINS', { resolvedBy: 'key-1' })).details).toMatchObject({ reason: 'ROW_CHANGED' });
    expect(log.get(conflictId).resolved).toBe(false);
  });

  it('conflicts survive a server restart', async () => {
    const store = SqliteStore.open(':memory:');
    harness = await startReplication({ store });
    harness.cluster.put('accounts', 'acct-1', { balance: 100 });
    let log = await ConflictLog.load(store, { clock: harness.runtime.clock, cluster: harness.cluster, journal: harness.journal });
    log.simulate({ tableName: 'accounts', rowKey: 'acct-1' });
    await harness.close();
    harness = await startReplication({ store });
    log = await ConflictLog.load(store, { clock: harness.runtime.clock, cluster: harness.cluster, journal: harness.journal });
    expect(log.list().map((conflict) => conflict.conflictId)).toEqual(['conflict-1']);
    expect(log.resolve('conflict-1', 'LAST_WRITER_WINS', { resolvedBy: 'key-1' })).toMatchObject({ winner: 'REMOTE' });
    expect(log.simulate({ tableName: 'accounts', rowKey: 'acct-1' }).conflictId).toBe('conflict-2');
    await harness.close();
    harness = undefined;
    await store.close();
  });
});
