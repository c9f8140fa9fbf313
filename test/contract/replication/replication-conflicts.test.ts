import { describe, expect, test } from 'vitest';
import { formatLsn } from '../../../src/engines/replication/lsn.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 3 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const CONFLICTS = '/api/v1/replication/conflicts';
const SIMULATE = '/api/v1/replication/conflicts/simulate';
const RESOLVE = '/api/v1/replication/resolve-conflict';

function engine() {
  return fixture.server.platform.engines.replication;
}

/** A table the workload does not write, so the rows move only by these tests. */
const TABLE = 'ledger';

describe('replication conflicts', () => {
  let conflictId: string;

  test('simulate makes two real writes to one row: the local one is on the primary, the conflict is listed unresolved', async () => {
    engine().cluster.put(TABLE, 'acct-42', { balance: 100, tags: ['vip'] });
    const response = await fixture.server.http
      .post(SIMULATE)
      .set(asAdmin)
      .send({ tableName: TABLE, rowKey: 'acct-42', localData: { balance: 120, tags: ['vip', 'gold'] }, remoteData: { balance: 90, tags: [] }, originNode: 'node-3' });
    expect(response.status).toBe(201);
    expectContract('simulateReplicationConflict', response);
    conflictId = response.body.data.conflictId;
    expect(response.body.data).toMatchObject({
      database: 'rustydb',
      tableName: TABLE,
      rowKey: 'acct-42',
      conflictType: 'UPDATE_CONFLICT',
      originNode: 'node-3',
      targetNode: 'node-1',
      localData: { balance: 120, tags: ['vip', 'gold'] },
      remoteData: { balance: 90, tags: [] },
      baseVersion: 1,
      localVersion: 2,
      remoteVersion: 2,
      resolutionStrategy: null,
      resolved: false,
      resolvedAt: null,
      resolvedData: null,
      resolvedLsn: null,
    });
    expect(Date.parse(response.body.data.remoteUpdatedAt) - Date.parse(response.body.data.localUpdatedAt)).toBe(1);
    // The row keeps the local write until the conflict is resolved.
    expect(engine().cluster.storageOf('node-1').getRow(TABLE, 'acct-42')?.row).toEqual({ balance: 120, tags: ['vip', 'gold'] });

    const unresolved = await fixture.server.http.get(`${CONFLICTS}?resolved=false`).set(asAdmin);
    expectContract('listReplicationConflicts', unresolved);
    expect(unresolved.body.data.map((each: { conflictId: string }) => each.conflictId)).toEqual([conflictId]);
  });

  test('refuses CUSTOM without customValue and customValue with another strategy (422), an unknown id (404), a bad body (400) and a viewer (403)', async () => {
    const cases = [
      { body: { conflictId, strategy: 'CUSTOM' }, status: 422 },
      { body: { conflictId, strategy: 'CRDT_COUNTER', customValue: { balance: 1 } }, status: 422 },
      { body: { conflictId: 'conflict-99', strategy: 'CRDT_COUNTER' }, status: 404 },
      { body: { conflictId, strategy: 'MAJORITY_WINS' }, status: 400 },
    ];
    for (const { body, status } of cases) {
      const response = await fixture.server.http.post(RESOLVE).set(asAdmin).send(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expectContract('resolveReplicationConflict', response);
    }
    const forbidden = await fixture.server.http.post(RESOLVE).set({ 'X-API-Key': fixture.viewerKey }).send({ conflictId, strategy: 'CRDT_COUNTER' });
    expect(forbidden.status).toBe(403);
    expectContract('resolveReplicationConflict', forbidden);
    expect(engine().conflicts.get(conflictId).resolved).toBe(false);
  });

  test('CRDT_COUNTER writes base + both deltas through the WAL; the standbys get it; a second resolve is a conflict (409)', async () => {
    const response = await fixture.server.http.post(RESOLVE).set(asAdmin).send({ conflictId, strategy: 'CRDT_COUNTER' });
    expect(response.status).toBe(200);
    expectContract('resolveReplicationConflict', response);
    const resolution = response.body.data;
    // balance 100 → local 120, remote 90: 100 + 20 − 10; tags are not a counter and go to the later write.
    expect(resolution).toMatchObject({ conflictId, strategy: 'CRDT_COUNTER', winner: 'MERGED', resolvedData: { balance: 110, tags: [] } });
    expect(resolution.conflict).toMatchObject({ resolved: true, resolutionStrategy: 'CRDT_COUNTER', resolvedData: { balance: 110, tags: [] }, resolvedLsn: resolution.resolvedLsn });
    expect(resolution.resolvedLsn).toBe(formatLsn(engine().cluster.storageOf('node-1').walRecords().find((record) => record.change.changes.some((change) => change.table === TABLE && change.op !== 'delete' && change.row['balance'] === 110))!.endLsn));
    expect(engine().cluster.storageOf('node-1').getRow(TABLE, 'acct-42')?.row).toEqual({ balance: 110, tags: [] });
    await fixture.server.advance(500);
    expect(engine().cluster.storageOf('node-2').getRow(TABLE, 'acct-42')?.row).toEqual({ balance: 110, tags: [] });

    const again = await fixture.server.http.post(RESOLVE).set(asAdmin).send({ conflictId, strategy: 'LAST_WRITER_WINS' });
    expect(again.status).toBe(409);
    expectContract('resolveReplicationConflict', again);
    const resolved = await fixture.server.http.get(`${CONFLICTS}?resolved=true`).set(asAdmin);
    expectContract('listReplicationConflicts', resolved);
    expect(resolved.body.data).toMatchObject([{ conflictId, resolved: true, resolutionStrategy: 'CRDT_COUNTER' }]);
    expect((await fixture.server.http.get(`${CONFLICTS}?resolved=false`).set(asAdmin)).body.data).toEqual([]);
  });

  test('an earlier remote write loses LAST_WRITER_WINS; CUSTOM null deletes the row', async () => {
    const insert = await fixture.server.http.post(SIMULATE).set(asAdmin).send({ tableName: TABLE, rowKey: 'acct-7', conflictType: 'INSERT_CONFLICT', localData: { balance: 5 }, remoteData: { balance: 6 }, remoteDelayMs: -50 });
    expect(insert.status).toBe(201);
    expectContract('simulateReplicationConflict', insert);
    expect(insert.body.data).toMatchObject({ conflictType: 'INSERT_CONFLICT', originNode: 'node-2', baseVersion: 0 });
    const lww = await fixture.server.http.post(RESOLVE).set(asAdmin).send({ conflictId: insert.body.data.conflictId, strategy: 'LAST_WRITER_WINS' });
    expect(lww.body.data).toMatchObject({ winner: 'LOCAL', resolvedData: { balance: 5 } });

    const update = await fixture.server.http.post(SIMULATE).set(asAdmin).send({ tableName: TABLE, rowKey: 'acct-7' });
    expect(update.status).toBe(201);
    const custom = await fixture.server.http.post(RESOLVE).set(asAdmin).send({ conflictId: update.body.data.conflictId, strategy: 'CUSTOM', customValue: null });
    expect(custom.status).toBe(200);
    expectContract('resolveReplicationConflict', custom);
    expect(custom.body.data).toMatchObject({ winner: 'CUSTOM', resolvedData: null });
    expect(engine().cluster.storageOf('node-1').getRow(TABLE, 'acct-7')).toBeUndefined();

    const newestFirst = await fixture.server.http.get(`${CONFLICTS}?tableName=${TABLE}&fields=rowKey`).set(asAdmin);
    expectContract('listReplicationConflicts', newestFirst, { sparse: true });
    expect(newestFirst.body.data).toEqual([
      { conflictId: update.body.data.conflictId, rowKey: 'acct-7' },
      { conflictId: insert.body.data.conflictId, rowKey: 'acct-7' },
      { conflictId, rowKey: 'acct-42' },
    ]);
    const inserts = await fixture.server.http.get(`${CONFLICTS}?conflictType=INSERT_CONFLICT&order=asc&sort_by=conflictId`).set(asAdmin);
    expect(inserts.body.data.map((each: { conflictId: string }) => each.conflictId)).toEqual([insert.body.data.conflictId]);
  });

  test('simulate refuses an unknown origin (404), the primary as origin (422), a row that does not fit the type (409), a bad body (400) and a viewer (403)', async () => {
    const before = engine().conflicts.list().length;
    const cases = [
      { body: { tableName: TABLE, rowKey: 'acct-42', originNode: 'node-9' }, status: 404 },
      { body: { tableName: TABLE, rowKey: 'acct-42', originNode: 'node-1' }, status: 422 },
      { body: { tableName: TABLE, rowKey: 'no-such-row', conflictType: 'UPDATE_CONFLICT' }, status: 409 },
      { body: { tableName: 'Bad Table', rowKey: 'acct-42' }, status: 400 },
    ];
    for (const { body, status } of cases) {
      const response = await fixture.server.http.post(SIMULATE).set(asAdmin).send(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expectContract('simulateReplicationConflict', response);
    }
    const forbidden = await fixture.server.http.post(SIMULATE).set({ 'X-API-Key': fixture.viewerKey }).send({ tableName: TABLE, rowKey: 'acct-42' });
    expect(forbidden.status).toBe(403);
    expectContract('simulateReplicationConflict', forbidden);
    expect(engine().conflicts.list()).toHaveLength(before);
  });
});
