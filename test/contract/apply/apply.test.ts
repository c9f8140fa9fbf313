/**
 * /api/v1/advanced-replication/apply over REST and GraphQL. Until logical subscriptions exist,
 * the appliers are made beneath the API (test/support/apply.ts): node-3 is detached from the
 * physical group (a writable node) and takes the primary's transactions, decoded from its WAL.
 */
import { describe, expect, test } from 'vitest';
import { formatLsn } from '../../../src/engines/replication/lsn.js';
import { APPLY, asAdmin, commitOnPrimary, detachReplica, directApplier } from '../../support/apply.js';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 4 });
const http = () => fixture.server.http;
const orders = (count: number, from = 0) => Array.from({ length: count }, (_, index) => [{ op: 'put' as const, table: 'orders', key: `o${from + index}`, row: { total: from + index } }]);

describe('before any subscription', () => {
  test('status, transactions and checkpoints are honestly empty; statistics count nothing; POST checkpoints records none', async () => {
    for (const [operationId, path] of [
      ['listApplierStatus', 'status'],
      ['listApplyTransactions', 'transactions'],
      ['listApplyCheckpoints', 'checkpoints'],
    ] as const) {
      const response = await http().get(`${APPLY}/${path}`).set(asAdmin);
      expectContract(operationId, response);
      expect(response.body.data).toEqual([]);
    }
    const statistics = await http().get(`${APPLY}/statistics`).set(asAdmin);
    expectContract('getApplyStatistics', statistics);
    expect(statistics.body.data).toMatchObject({ appliers: 0, transactionsApplied: 0, firstAppliedAt: null });
    const none = await http().post(`${APPLY}/checkpoints`).set(asAdmin);
    expectContract('takeApplyCheckpoint', none);
    expect(none.status).toBe(201);
    expect(none.body.data).toEqual([]);
  });
});

describe('config', () => {
  test('read, change (audited), a bad combination (422 with the field), out of range (400), a viewer (403)', async () => {
    const read = await http().get(`${APPLY}/config`).set(asAdmin);
    expectContract('getApplyConfig', read);
    expect(read.body.data).toMatchObject({ applyParallelism: 4, onPermanentError: 'ABEND' });

    const changed = await http().put(`${APPLY}/config`).set(asAdmin).send({ applyParallelism: 8, batchMaxTransactions: 5 });
    expectContract('updateApplyConfig', changed);
    expect(changed.body.data).toMatchObject({ applyParallelism: 8, batchMaxTransactions: 5, onPermanentError: 'ABEND' });
    expect(await lastAuditEntry(fixture.server, 'updateApplyConfig')).toMatchObject({ outcome: 'SUCCESS', target: 'apply.config' });

    const nonsense = await http().put(`${APPLY}/config`).set(asAdmin).send({ retryInitialBackoffMs: 5000, retryMaxBackoffMs: 1000 });
    expectContract('updateApplyConfig', nonsense);
    expect(nonsense.status).toBe(422);
    expect(nonsense.body.error.details).toMatchObject({ field: 'retryMaxBackoffMs' });
    const outOfRange = await http().put(`${APPLY}/config`).set(asAdmin).send({ applyParallelism: 0 });
    expectContract('updateApplyConfig', outOfRange);
    expect(outOfRange.status).toBe(400);
    const viewer = await http().put(`${APPLY}/config`).set({ 'X-API-Key': fixture.viewerKey }).send({ applyParallelism: 2 });
    expectContract('updateApplyConfig', viewer);
    expect(viewer.status).toBe(403);
    expect((await http().get(`${APPLY}/config`).set(asAdmin)).body.data.applyParallelism).toBe(8);
  });
});

describe('an applier at work', () => {
  test('status with lag, transactions in flight then applied, checkpoints on demand, statistics measured; rows arrive on node-3', async () => {
    const server = fixture.server;
    await detachReplica(server, 'node-3');
    const transactions = commitOnPrimary(server, orders(40));
    const applier = directApplier(server, 'orders_to_node3', 'node-3', transactions[0]!.lsn);
    applier.enqueue(transactions);

    const running = await http().get(`${APPLY}/status`).set(asAdmin);
    expectContract('listApplierStatus', running);
    expect(running.body.data).toHaveLength(1);
    expect(running.body.data[0]).toMatchObject({ subscriptionId: 'orders_to_node3', targetNodeId: 'node-3', state: 'RUNNING', applyParallelism: 8, lagTransactions: 40 });
    expect(running.body.data[0].lagBytes).toBeGreaterThan(0);
    const inFlight = await http().get(`${APPLY}/transactions?status=APPLYING`).set(asAdmin);
    expectContract('listApplyTransactions', inFlight);
    expect(inFlight.body.data.length).toBe(40);

    await server.advance(100);
    const done = await http().get(`${APPLY}/status?state=RUNNING`).set(asAdmin);
    expectContract('listApplierStatus', done);
    expect(done.body.data[0]).toMatchObject({ lagTransactions: 0, lagBytes: 0, lagMs: 0, checkpointLsn: formatEnd(transactions) });
    const storage = server.platform.engines.replication.cluster.storageOf('node-3');
    expect(storage.getRow('orders', 'o39')?.row).toEqual({ total: 39 });

    const applied = await http().get(`${APPLY}/transactions?subscriptionId=orders_to_node3&limit=5`).set(asAdmin);
    expectContract('listApplyTransactions', applied);
    expect(applied.body.pagination.total).toBe(40);
    expect(applied.body.data[0]).toMatchObject({ status: 'APPLIED', attempts: 1, origin: null, changeCount: 1 });

    const taken = await http().post(`${APPLY}/checkpoints`).set(asAdmin).send({ subscriptionId: 'orders_to_node3' });
    expectContract('takeApplyCheckpoint', taken);
    expect(taken.status).toBe(201);
    expect(taken.body.data).toEqual([expect.objectContaining({ subscriptionId: 'orders_to_node3', checkpointLsn: formatEnd(transactions), trigger: 'MANUAL' })]);
    expect(await lastAuditEntry(server, 'takeApplyCheckpoint')).toMatchObject({ outcome: 'SUCCESS', target: 'apply.checkpoint/orders_to_node3' });
    const list = await http().get(`${APPLY}/checkpoints?trigger=MANUAL`).set(asAdmin);
    expectContract('listApplyCheckpoints', list);
    expect(list.body.data).toHaveLength(1);
    const unknown = await http().post(`${APPLY}/checkpoints`).set(asAdmin).send({ subscriptionId: 'nope' });
    expectContract('takeApplyCheckpoint', unknown);
    expect(unknown.status).toBe(404);
    const viewer = await http().post(`${APPLY}/checkpoints`).set({ 'X-API-Key': fixture.viewerKey }).send({});
    expectContract('takeApplyCheckpoint', viewer);
    expect(viewer.status).toBe(403);

    const statistics = await http().get(`${APPLY}/statistics?subscriptionId=orders_to_node3`).set(asAdmin);
    expectContract('getApplyStatistics', statistics);
    // 40 independent transactions, batches of at most 5, 8 workers: 8 batches of 5 at once.
    expect(statistics.body.data).toMatchObject({ appliers: 1, transactionsApplied: 40, changesApplied: 40, batchesApplied: 8, averageBatchTransactions: 5, averageBusyWorkers: 8 });
    const metrics = await http().get('/api/v1/metrics/prometheus').set(asAdmin);
    expect(metrics.text).toContain('rustydb_apply_transactions_applied_total{subscription="orders_to_node3"} 40');
    expect(metrics.text).toContain('rustydb_apply_appliers{state="RUNNING"} 1');
    const noApplier = await http().get(`${APPLY}/statistics?subscriptionId=nope`).set(asAdmin);
    expectContract('getApplyStatistics', noApplier);
    expect(noApplier.status).toBe(404);
  });

  test('a permanent error ABENDs the applier: status shows it and the failed transaction', async () => {
    const server = fixture.server;
    // A delete of a row node-3 never had: the storage refuses it.
    const [missing] = commitOnPrimary(server, [[{ op: 'put', table: 'orders', key: 'ghost', row: { total: 0 } }]]);
    const ghost = { ...missing!, changes: missing!.changes.map((change) => ({ ...change, op: 'delete' as const, row: null })) };
    const applier = directApplier(server, 'ghosts_to_node3', 'node-3', ghost.lsn);
    applier.enqueue([ghost]);
    await server.advance(50);
    const abended = await http().get(`${APPLY}/status?state=ABENDED`).set(asAdmin);
    expectContract('listApplierStatus', abended);
    expect(abended.body.data).toEqual([expect.objectContaining({ subscriptionId: 'ghosts_to_node3', lastError: expect.objectContaining({ permanent: true }) })]);
    const failed = await http().get(`${APPLY}/transactions?status=FAILED`).set(asAdmin);
    expectContract('listApplyTransactions', failed);
    expect(failed.body.data).toEqual([expect.objectContaining({ subscriptionId: 'ghosts_to_node3', status: 'FAILED', reason: expect.stringMatching(/ghost/) })]);
  });
});

describe('GraphQL twins', () => {
  test('queries and mutations answer as REST does', async () => {
    const server = fixture.server;
    const read = dataOf(
      await graphql<{ applyConfig: { applyParallelism: number }; applyStatus: { subscriptionId: string; state: string }[]; applyCheckpoints: unknown[]; applyTransactions: unknown[]; applyStatistics: { appliers: number; transactionsApplied: number } }>(
        server,
        `{ applyConfig { applyParallelism } applyStatus { subscriptionId state checkpointLsn lastError { reason } }
           applyCheckpoints(subscriptionId: "orders_to_node3") { checkpointLsn trigger }
           applyTransactions(status: FAILED) { lsn status reason }
           applyStatistics { appliers transactionsApplied averageBusyWorkers firstAppliedAt } }`,
      ),
    );
    expect(read.applyConfig.applyParallelism).toBe(8);
    expect(read.applyStatus.map((applier) => [applier.subscriptionId, applier.state])).toEqual([
      ['ghosts_to_node3', 'ABENDED'],
      ['orders_to_node3', 'RUNNING'],
    ]);
    expect(read.applyCheckpoints).toHaveLength(1);
    expect(read.applyTransactions).toHaveLength(1);
    expect(read.applyStatistics).toMatchObject({ appliers: 2, transactionsApplied: 40 });

    const changed = dataOf(await graphql<{ updateApplyConfig: { onPermanentError: string } }>(server, 'mutation { updateApplyConfig(config: { onPermanentError: SKIP }) { onPermanentError } }'));
    expect(changed.updateApplyConfig.onPermanentError).toBe('SKIP');
    const refused = await graphql(server, 'mutation { updateApplyConfig(config: { retryInitialBackoffMs: 5000, retryMaxBackoffMs: 10 }) { onPermanentError } }');
    expect(codesOf(refused)).toEqual(['UNPROCESSABLE']);
    const taken = dataOf(await graphql<{ takeApplyCheckpoint: { subscriptionId: string }[] }>(server, 'mutation { takeApplyCheckpoint { subscriptionId trigger } }'));
    expect(taken.takeApplyCheckpoint.map((checkpoint) => checkpoint.subscriptionId)).toEqual(['ghosts_to_node3', 'orders_to_node3']);
    const viewer = await graphql(server, 'mutation { takeApplyCheckpoint { subscriptionId } }', {}, { apiKey: fixture.viewerKey });
    expect(codesOf(viewer)).toEqual(['FORBIDDEN']);
  });
});

function formatEnd(transactions: readonly { commitLsn: number }[]): string {
  return formatLsn(transactions.at(-1)!.commitLsn);
}
