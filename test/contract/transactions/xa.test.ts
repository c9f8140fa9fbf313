/**
 * /api/v1/advanced-replication/xa over REST, and the seeds' variant paths (/api/v1/xa/…,
 * /api/v1/replication/xa/…) answering as their primaries do. node-1 is the primary and node-3 is
 * detached from the physical group; node-2 stays a hot standby.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { useTestServer } from '../../support/test-server.js';
import { asAdmin, detachReplica, XA } from '../../support/transactions.js';

const fixture = useTestServer({ nodes: 5 });
const http = () => fixture.server.http;
const storage = (nodeId: string) => fixture.server.platform.engines.replication.cluster.storageOf(nodeId);
const order = (key: string) => [{ op: 'put', table: 'orders', key, row: { customer: 'ada', total: 99.5 } }];
/** Path form of an xid: as answers show it, which curl and supertest send as they are. */
const at = (xid: string, action: string) => `${XA}/${encodeURI(xid)}/${action}`;

beforeAll(async () => {
  await detachReplica(fixture.server, 'node-3');
});

describe('resource managers', () => {
  test('register (201), list, and the /api/v1/xa/resource-managers alias answering the same', async () => {
    const registered = await http().post(`${XA}/resource-managers`).set(asAdmin).send({ name: 'orders_rm', nodeId: 'node-3' });
    expectContract('registerXaResourceManager', registered);
    expect(registered.status).toBe(201);
    expect(registered.body.data).toMatchObject({ name: 'orders_rm', nodeId: 'node-3', liveTransactions: 0, preparedTransactions: 0 });
    expect(await lastAuditEntry(fixture.server, 'registerXaResourceManager')).toMatchObject({ outcome: 'SUCCESS', target: 'transactions.xaResourceManager/orders_rm' });
    const viaAlias = await http().post('/api/v1/xa/resource-managers').set(asAdmin).send({ name: 'billing_rm', nodeId: 'node-1' });
    expectContract('registerXaResourceManagerAlias', viaAlias);
    expect(viaAlias.status).toBe(201);
    expect(viaAlias.body.data).toMatchObject({ name: 'billing_rm', nodeId: 'node-1' });

    const list = await http().get(`${XA}/resource-managers`).set(asAdmin);
    expectContract('listXaResourceManagers', list);
    expect(list.body.data.map((manager: { name: string }) => manager.name)).toEqual(['billing_rm', 'orders_rm']);
    const alias = await http().get('/api/v1/xa/resource-managers').set(asAdmin);
    expectContract('listXaResourceManagersAlias', alias);
    expect(alias.body.data).toEqual(list.body.data);
    const onNode3 = await http().get(`${XA}/resource-managers?nodeId=node-3&fields=nodeId`).set(asAdmin);
    expectContract('listXaResourceManagers', onNode3, { sparse: true });
    expect(onNode3.body.data).toEqual([{ name: 'orders_rm', nodeId: 'node-3' }]);
    const badField = await http().get(`${XA}/resource-managers?fields=size`).set(asAdmin);
    expectContract('listXaResourceManagers', badField);
    expect(badField.status).toBe(422);
  });

  test('a taken name, a hot standby (409), a stranger node (404), a bad name (400) and a viewer (403) are refused', async () => {
    const cases: [object, number, string | undefined][] = [
      [{ name: 'orders_rm', nodeId: 'node-1' }, 409, 'ALREADY_REGISTERED'],
      [{ name: 'standby_rm', nodeId: 'node-2' }, 409, 'HOT_STANDBY'],
      [{ name: 'nowhere_rm', nodeId: 'node-9' }, 404, undefined],
      [{ name: '9lives', nodeId: 'node-1' }, 400, undefined],
      [{ name: 'no_node' }, 400, undefined],
    ];
    for (const [body, status, reason] of cases) {
      const response = await http().post(`${XA}/resource-managers`).set(asAdmin).send(body);
      expectContract('registerXaResourceManager', response);
      expect(response.status, JSON.stringify(body)).toBe(status);
      if (reason) expect(response.body.error.details.reason).toBe(reason);
    }
    const viewer = await http().post(`${XA}/resource-managers`).set({ 'X-API-Key': fixture.viewerKey }).send({ name: 'viewer_rm', nodeId: 'node-1' });
    expectContract('registerXaResourceManager', viewer);
    expect(viewer.status).toBe(403);
    const missing = await http().delete(`${XA}/resource-managers/stock_rm`).set(asAdmin);
    expectContract('deleteXaResourceManager', missing);
    expect(missing.status).toBe(404);
  });
});

describe('an XA transaction', () => {
  test('start (201), end, prepare (listed by recover), commit: ACTIVE → IDLE → PREPARED → COMMITTED, the row visible', async () => {
    const xid = "'order-42','b1',1";
    const started = await http().post(`${XA}/start`).set(asAdmin).send({ xid, resourceManager: 'orders_rm', writes: order('order-42'), timeoutMs: 30000 });
    expectContract('startXaTransaction', started);
    expect(started.status).toBe(201);
    expect(started.body.data).toMatchObject({ xid, formatId: 1, gtrid: 'order-42', gtridHex: '6f726465722d3432', bqual: 'b1', bqualHex: '6231', resourceManager: 'orders_rm', nodeId: 'node-3', state: 'ACTIVE', writeCount: 1, timeoutMs: 30000 });
    expect(Date.parse(started.body.data.timeoutAt) - Date.parse(started.body.data.startedAt)).toBe(30000);
    expect(await lastAuditEntry(fixture.server, 'startXaTransaction')).toMatchObject({ outcome: 'SUCCESS', target: `transactions.xa/${xid}` });
    await fixture.server.advance(20);

    const ended = await http().post(at(xid, 'end')).set(asAdmin);
    expectContract('endXaTransaction', ended);
    expect(ended.status).toBe(200);
    expect(ended.body.data).toMatchObject({ state: 'IDLE', locksHeld: 1 });

    const prepared = await http().post(at(xid, 'prepare')).set(asAdmin);
    expectContract('prepareXaTransaction', prepared);
    expect(prepared.body.data).toMatchObject({ state: 'PREPARED', timeoutAt: null, prepareLsn: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/), preparedAt: expect.any(String) });
    expect(storage('node-3').getRow('orders', 'order-42')).toBeUndefined();

    const recover = await http().get(`${XA}/recover`).set(asAdmin);
    expectContract('recoverXaTransactions', recover);
    expect(recover.body.data).toEqual([
      { formatId: 1, gtridLength: 8, bqualLength: 2, data: '0x6f726465722d34326231', xid, resourceManager: 'orders_rm', nodeId: 'node-3', preparedAt: prepared.body.data.preparedAt },
    ]);
    const recovery = await http().get('/api/v1/xa/recovery').set(asAdmin);
    expectContract('recoverXaTransactionsAlias', recovery);
    expect(recovery.body.data).toEqual(recover.body.data);
    const ofBilling = await http().get(`${XA}/recover?resourceManager=billing_rm`).set(asAdmin);
    expect(ofBilling.body.data).toEqual([]);
    const busy = await http().delete(`${XA}/resource-managers/orders_rm`).set(asAdmin);
    expectContract('deleteXaResourceManager', busy);
    expect(busy.status).toBe(409);
    expect(busy.body.error.details).toMatchObject({ reason: 'HAS_BRANCHES', liveBranches: 1, xids: [xid] });

    const committed = await http().post(at(xid, 'commit')).set(asAdmin).send({ onePhase: false });
    expectContract('commitXaTransaction', committed);
    expect(committed.body.data).toMatchObject({ state: 'COMMITTED', onePhase: false, locksHeld: 0, finishedAt: expect.any(String) });
    expect(storage('node-3').getRow('orders', 'order-42')?.row).toEqual({ customer: 'ada', total: 99.5 });

    const status = await http().get(at(xid, 'status')).set(asAdmin);
    expectContract('getXaTransactionStatus', status);
    expect(status.body.data.state).toBe('COMMITTED');
    const bare = await http().get(`${XA}/order-42,b1/status`).set(asAdmin);
    expectContract('getXaTransactionStatus', bare);
    expect(bare.body.data).toEqual(status.body.data);
    const alias = await http().get(`/api/v1/xa/transactions/${encodeURI(xid)}`).set(asAdmin);
    expectContract('getXaTransactionStatusAlias', alias);
    expect(alias.body.data).toEqual(status.body.data);
  });

  test('through the /api/v1/xa/transactions aliases: start, end and commit in one phase, never listed by recover', async () => {
    const started = await http().post('/api/v1/xa/transactions/start').set(asAdmin).send({ xid: 'order-43,b1', resourceManager: 'orders_rm', writes: order('order-43') });
    expectContract('startXaTransactionAlias', started);
    expect(started.status).toBe(201);
    const xid = started.body.data.xid as string;
    expect(xid).toBe("'order-43','b1',1");
    await fixture.server.advance(20);
    const ended = await http().post(`/api/v1/xa/transactions/order-43,b1/end`).set(asAdmin);
    expectContract('endXaTransactionAlias', ended);
    expect(ended.body.data.state).toBe('IDLE');
    const committed = await http().post(`/api/v1/xa/transactions/order-43,b1/commit`).set(asAdmin).send({ onePhase: true });
    expectContract('commitXaTransactionAlias', committed);
    expect(committed.body.data).toMatchObject({ state: 'COMMITTED', onePhase: true, prepareLsn: null });
    expect(storage('node-3').getRow('orders', 'order-43')).toBeDefined();
  });

  test('the aliases for prepare and rollback, and /api/v1/replication/xa/{start,prepare,commit} with the xid in the body (a binary xid)', async () => {
    const viaPath = await http().post('/api/v1/xa/transactions/start').set(asAdmin).send({ xid: 'order-44', resourceManager: 'billing_rm', writes: [{ op: 'put', table: 'invoices', key: 'inv-44', row: { total: 1 } }] });
    expect(viaPath.status).toBe(201);
    await fixture.server.advance(20);
    await http().post('/api/v1/xa/transactions/order-44/end').set(asAdmin);
    const prepared = await http().post('/api/v1/xa/transactions/order-44/prepare').set(asAdmin);
    expectContract('prepareXaTransactionAlias', prepared);
    expect(prepared.body.data.state).toBe('PREPARED');
    const rolledBack = await http().post('/api/v1/xa/transactions/order-44/rollback').set(asAdmin);
    expectContract('rollbackXaTransactionAlias', rolledBack);
    expect(rolledBack.body.data).toMatchObject({ state: 'ROLLED_BACK', locksHeld: 0 });
    expect(storage('node-1').getRow('invoices', 'inv-44')).toBeUndefined();

    const binary = "X'0a1b2c3d4e5f',X'01',131077";
    const started = await http().post('/api/v1/replication/xa/start').set(asAdmin).send({ xid: binary, resourceManager: 'billing_rm', writes: [{ op: 'put', table: 'invoices', key: 'inv-7', row: { total: 7 } }] });
    expectContract('startXaTransactionReplicationAlias', started);
    expect(started.status).toBe(201);
    expect(started.body.data).toMatchObject({ xid: "X'0A1B2C3D4E5F',X'01',131077", formatId: 131077, gtrid: null, gtridHex: '0a1b2c3d4e5f', bqual: null, bqualHex: '01' });
    await fixture.server.advance(20);
    await http().post(`${XA}/${encodeURI(binary)}/end`).set(asAdmin);
    const prepare = await http().post('/api/v1/replication/xa/prepare').set(asAdmin).send({ xid: binary });
    expectContract('prepareXaTransactionReplicationAlias', prepare);
    expect(prepare.body.data.state).toBe('PREPARED');
    const recovered = (await http().get(`${XA}/recover?resourceManager=billing_rm`).set(asAdmin)).body.data;
    expect(recovered).toEqual([expect.objectContaining({ formatId: 131077, gtridLength: 6, bqualLength: 1, data: '0x0a1b2c3d4e5f01' })]);
    const commit = await http().post('/api/v1/replication/xa/commit').set(asAdmin).send({ xid: binary });
    expectContract('commitXaTransactionReplicationAlias', commit);
    expect(commit.body.data).toMatchObject({ state: 'COMMITTED', onePhase: false });
    expect(storage('node-1').getRow('invoices', 'inv-7')?.row).toEqual({ total: 7 });
  });

  test('a write that waits for a lock in vain makes the transaction ROLLBACK_ONLY; it can only roll back', async () => {
    const holder = "'holder'";
    await http().post(`${XA}/start`).set(asAdmin).send({ xid: holder, resourceManager: 'orders_rm', writes: order('hot') });
    await fixture.server.advance(20);
    const waiter = "'waiter'";
    await http().post(`${XA}/start`).set(asAdmin).send({ xid: waiter, resourceManager: 'orders_rm', writes: order('hot') });
    await fixture.server.advance(20);
    const waiting = await http().get(at(waiter, 'status')).set(asAdmin);
    expectContract('getXaTransactionStatus', waiting);
    expect(waiting.body.data.lockWait).toMatchObject({ table: 'orders', key: 'hot', heldBy: "'holder','',1" });
    const endWhileWaiting = await http().post(at(waiter, 'end')).set(asAdmin);
    expectContract('endXaTransaction', endWhileWaiting);
    expect(endWhileWaiting.status).toBe(409);
    expect(endWhileWaiting.body.error.details).toMatchObject({ xaError: 'XAER_RMFAIL', reason: 'XAER_RMFAIL' });

    await fixture.server.advance(1500);
    const failed = await http().get(at(waiter, 'status')).set(asAdmin);
    expect(failed.body.data).toMatchObject({ state: 'ROLLBACK_ONLY', lockWait: null, reason: expect.stringContaining('XA_RBROLLBACK') });
    const prepare = await http().post(at(waiter, 'prepare')).set(asAdmin);
    expectContract('prepareXaTransaction', prepare);
    expect(prepare.status).toBe(409);
    expect(prepare.body.error.details).toMatchObject({ xaError: 'XAER_PROTO', reason: 'XAER_PROTO', state: 'ROLLBACK_ONLY', operation: 'prepare' });
    const rollback = await http().post(at(waiter, 'rollback')).set(asAdmin);
    expectContract('rollbackXaTransaction', rollback);
    expect(rollback.body.data.state).toBe('ROLLED_BACK');
    await http().post(at(holder, 'end')).set(asAdmin);
    await http().post(at(holder, 'rollback')).set(asAdmin);
  });

  test('illegal moves are 409 XAER_PROTO, a taken xid 409 XAER_DUPID, an unknown xid 404 XAER_NOTA, an unreadable one 422 XAER_INVAL or 400, a viewer 403', async () => {
    const xid = "'order-45','b1',1";
    await http().post(`${XA}/start`).set(asAdmin).send({ xid, resourceManager: 'orders_rm', writes: order('order-45') });
    await fixture.server.advance(20);
    const duplicate = await http().post(`${XA}/start`).set(asAdmin).send({ xid: 'order-45,b1,7', resourceManager: 'billing_rm' });
    expectContract('startXaTransaction', duplicate);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details).toMatchObject({ xaError: 'XAER_DUPID', reason: 'XAER_DUPID', state: 'ACTIVE' });
    expect(await lastAuditEntry(fixture.server, 'startXaTransaction')).toMatchObject({ outcome: 'FAILURE', errorCode: 'CONFLICT', target: "transactions.xa/'order-45','b1',7" });

    const illegal: [string, string, string][] = [
      ['prepareXaTransaction', 'prepare', 'ACTIVE'],
      ['rollbackXaTransaction', 'rollback', 'ACTIVE'],
      ['commitXaTransaction', 'commit', 'ACTIVE'],
    ];
    for (const [operationId, action, state] of illegal) {
      const response = await http().post(at(xid, action)).set(asAdmin);
      expectContract(operationId, response);
      expect(response.status).toBe(409);
      expect(response.body.error.details).toMatchObject({ xaError: 'XAER_PROTO', state });
    }
    await http().post(at(xid, 'end')).set(asAdmin);
    const twoPhaseFromIdle = await http().post(at(xid, 'commit')).set(asAdmin);
    expectContract('commitXaTransaction', twoPhaseFromIdle);
    expect(twoPhaseFromIdle.status).toBe(409);
    expect(twoPhaseFromIdle.body.error.details).toMatchObject({ xaError: 'XAER_PROTO', state: 'IDLE', operation: 'commit' });
    const endTwice = await http().post(at(xid, 'end')).set(asAdmin);
    expectContract('endXaTransaction', endTwice);
    expect(endTwice.status).toBe(409);

    for (const [operationId, method, action] of [
      ['getXaTransactionStatus', 'get', 'status'],
      ['endXaTransaction', 'post', 'end'],
      ['prepareXaTransaction', 'post', 'prepare'],
      ['commitXaTransaction', 'post', 'commit'],
      ['rollbackXaTransaction', 'post', 'rollback'],
    ] as const) {
      const unknown = await http()[method](at("'order-9','b1',1", action)).set(asAdmin);
      expectContract(operationId, unknown);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.details).toMatchObject({ xaError: 'XAER_NOTA', reason: 'XAER_NOTA', xid: "'order-9','b1',1" });
      const unreadable = await http()[method](at("'order-9','b1',9999999999", action)).set(asAdmin);
      expectContract(operationId, unreadable);
      expect(unreadable.status).toBe(422);
      expect(unreadable.body.error.details.xaError).toBe('XAER_INVAL');
      const malformed = await http()[method](at('order 9', action)).set(asAdmin);
      expectContract(operationId, malformed);
      expect(malformed.status).toBe(400);
    }
    const unknownAlias = await http().get(`/api/v1/xa/transactions/order-9`).set(asAdmin);
    expectContract('getXaTransactionStatusAlias', unknownAlias);
    expect(unknownAlias.status).toBe(404);
    const unknownBody = await http().post('/api/v1/replication/xa/prepare').set(asAdmin).send({ xid: 'order-9' });
    expectContract('prepareXaTransactionReplicationAlias', unknownBody);
    expect(unknownBody.status).toBe(404);
    const noXid = await http().post('/api/v1/replication/xa/commit').set(asAdmin).send({ onePhase: true });
    expectContract('commitXaTransactionReplicationAlias', noXid);
    expect(noXid.status).toBe(400);

    const startUnknownManager = await http().post(`${XA}/start`).set(asAdmin).send({ xid: 'order-46', resourceManager: 'stock_rm' });
    expectContract('startXaTransaction', startUnknownManager);
    expect(startUnknownManager.status).toBe(404);
    const putWithoutRow = await http().post(`${XA}/start`).set(asAdmin).send({ xid: 'order-46', resourceManager: 'orders_rm', writes: [{ op: 'put', table: 'orders', key: 'k' }] });
    expectContract('startXaTransaction', putWithoutRow);
    expect(putWithoutRow.status).toBe(422);

    const viewer = { 'X-API-Key': fixture.viewerKey };
    for (const [operationId, path] of [
      ['startXaTransaction', `${XA}/start`],
      ['endXaTransaction', at(xid, 'end')],
      ['prepareXaTransaction', at(xid, 'prepare')],
      ['commitXaTransaction', at(xid, 'commit')],
      ['rollbackXaTransaction', at(xid, 'rollback')],
    ] as const) {
      const refused = await http().post(path).set(viewer).send(operationId === 'startXaTransaction' ? { xid: 'v', resourceManager: 'orders_rm' } : {});
      expectContract(operationId, refused);
      expect(refused.status).toBe(403);
    }
    const deleteByViewer = await http().delete(`${XA}/resource-managers/orders_rm`).set(viewer);
    expectContract('deleteXaResourceManager', deleteByViewer);
    expect(deleteByViewer.status).toBe(403);
    const readByViewer = await http().get(at(xid, 'status')).set(viewer);
    expect(readByViewer.status).toBe(200);
    await http().post(at(xid, 'rollback')).set(asAdmin);
  });

  test('a resource manager without live transactions is deleted (200); its node\'s data stays', async () => {
    await http().post(`${XA}/resource-managers`).set(asAdmin).send({ name: 'spare_rm', nodeId: 'node-3' });
    const deleted = await http().delete(`${XA}/resource-managers/spare_rm`).set(asAdmin);
    expectContract('deleteXaResourceManager', deleted);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ id: 'spare_rm', deleted: true });
    expect(await lastAuditEntry(fixture.server, 'deleteXaResourceManager')).toMatchObject({ outcome: 'SUCCESS', target: 'transactions.xaResourceManager/spare_rm' });
    expect(storage('node-3').getRow('orders', 'order-42')).toBeDefined();
  });
});

describe('lists and statistics', () => {
  test('the list filters by state, resource manager, node and gtrid in any notation, sorts, keeps the fields asked for; the alias answers the same', async () => {
    const all = await http().get(`${XA}/transactions`).set(asAdmin);
    expectContract('listXaTransactions', all);
    expect(all.body.data.length).toBeGreaterThanOrEqual(7);
    const startedAt = all.body.data.map((transaction: { startedAt: string }) => transaction.startedAt);
    expect([...startedAt].sort().reverse()).toEqual(startedAt);
    const alias = await http().get('/api/v1/xa/transactions').set(asAdmin);
    expectContract('listXaTransactionsAlias', alias);
    expect(alias.body.data).toEqual(all.body.data);

    const committed = await http().get(`${XA}/transactions?state=COMMITTED&resourceManager=orders_rm&nodeId=node-3&sort_by=xid&order=asc`).set(asAdmin);
    expectContract('listXaTransactions', committed);
    expect(committed.body.data.map((transaction: { xid: string }) => transaction.xid)).toEqual(["'order-42','b1',1", "'order-43','b1',1"]);
    for (const gtrid of ['order-42', "'order-42'", "X'6f726465722d3432'"]) {
      const branches = await http().get(`${XA}/transactions?gtrid=${encodeURIComponent(gtrid)}`).set(asAdmin);
      expectContract('listXaTransactions', branches);
      expect(branches.body.data.map((transaction: { xid: string }) => transaction.xid)).toEqual(["'order-42','b1',1"]);
    }
    const sparse = await http().get(`${XA}/transactions?fields=state&limit=1`).set(asAdmin);
    expectContract('listXaTransactions', sparse, { sparse: true });
    expect(Object.keys(sparse.body.data[0]).sort()).toEqual(['state', 'xid']);
    const badGtrid = await http().get(`${XA}/transactions?gtrid=${encodeURIComponent('a b')}`).set(asAdmin);
    expectContract('listXaTransactions', badGtrid);
    expect(badGtrid.status).toBe(400);
  });

  test('statistics count starts, prepares, commits (one-phase among them) and rollbacks, with the kept transactions by state', async () => {
    const response = await http().get(`${XA}/statistics`).set(asAdmin);
    expectContract('getXaStatistics', response);
    expect(response.body.data).toEqual({
      resourceManagers: 2,
      byState: { ACTIVE: 0, IDLE: 0, PREPARED: 0, COMMITTED: 3, ROLLED_BACK: 4, ROLLBACK_ONLY: 0 },
      started: 7,
      prepared: 3,
      committed: 3,
      onePhaseCommits: 1,
      rolledBack: 4,
      timedOut: 0,
      recovered: 0,
    });
  });
});
