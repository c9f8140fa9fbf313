/**
 * /api/v1/cluster/transactions/distributed over REST: every operation, its success and the
 * failures that apply, each answer validated against the contract. node-1 is the primary; node-3
 * and node-4 are detached from the physical group so they take writes too; node-2 stays a hot
 * standby. The clock is manual: prepare and commit answer at once (202) unless the outcome is in.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { lastAuditEntry } from '../../support/audit.js';
import { healFault, injectFault } from '../../support/cluster-faults.js';
import { expectContract } from '../../support/contract.js';
import { useTestServer } from '../../support/test-server.js';
import { advanceUntil, asAdmin, begin, detachReplica, DTX, stateOf, transfer } from '../../support/transactions.js';

const fixture = useTestServer({ nodes: 5 });
const http = () => fixture.server.http;
const storage = (nodeId: string) => fixture.server.platform.engines.replication.cluster.storageOf(nodeId);

beforeAll(async () => {
  await detachReplica(fixture.server, 'node-3');
  await detachReplica(fixture.server, 'node-4');
});

describe('begin, prepare, commit', () => {
  test('a transaction over two nodes begins ACTIVE (201), prepares (202, then 200) and commits (200): the rows are on both nodes', async () => {
    const begun = await http().post(`${DTX}/begin`).set(asAdmin).send(transfer({ 'node-1': 'acct-1', 'node-3': 'acct-2' }, { prepareTimeoutMs: 2000, lockTimeoutMs: 500 }));
    expectContract('beginDistributedTransaction', begun);
    expect(begun.status).toBe(201);
    const id = begun.body.data.transactionId as string;
    expect(id).toMatch(/^dtx-\d+$/);
    expect(begun.body.data).toMatchObject({ state: 'ACTIVE', coordinatorNodeId: 'node-1', onePhase: false, decision: null, prepareTimeoutMs: 2000, lockTimeoutMs: 500, timeoutMs: 60000 });
    expect(begun.body.data.participants.map((participant: { nodeId: string; writeCount: number }) => [participant.nodeId, participant.writeCount])).toEqual([['node-1', 1], ['node-3', 1]]);
    expect(await lastAuditEntry(fixture.server, 'beginDistributedTransaction')).toMatchObject({ outcome: 'SUCCESS', target: `transactions.distributed/${id}` });

    const prepare = await http().post(`${DTX}/${id}/prepare`).set(asAdmin);
    expectContract('prepareDistributedTransaction', prepare);
    expect(prepare.status).toBe(202);
    expect(prepare.headers.location).toBe(`${DTX}/${id}/status`);
    expect(prepare.body.data.state).toBe('PREPARING');

    const prepared = await advanceUntil(fixture.server, id, ['PREPARED']);
    expect(prepared['participants']).toEqual([
      expect.objectContaining({ nodeId: 'node-1', state: 'PREPARED', vote: 'YES', locksHeld: 1, prepareLsn: expect.stringMatching(/^[0-9A-F]+\/[0-9A-F]+$/), xmin: expect.any(Number) }),
      expect.objectContaining({ nodeId: 'node-3', state: 'PREPARED', vote: 'YES', locksHeld: 1 }),
    ]);
    // The rows are locked and not visible until the decision.
    expect(storage('node-3').getRow('accounts', 'acct-2')).toBeUndefined();
    const again = await http().post(`${DTX}/${id}/prepare`).set(asAdmin);
    expectContract('prepareDistributedTransaction', again);
    expect(again.status).toBe(200);
    expect(again.body.data.state).toBe('PREPARED');

    // From PREPARED the decision is logged at once: 200, committed.
    const commit = await http().post(`${DTX}/${id}/commit`).set(asAdmin);
    expectContract('commitDistributedTransaction', commit);
    expect(commit.status).toBe(200);
    expect(commit.body.data).toMatchObject({ transactionId: id, committed: true, decision: 'COMMIT', onePhase: false, transaction: { state: 'COMMITTING', decision: 'COMMIT' } });
    expect(await lastAuditEntry(fixture.server, 'commitDistributedTransaction')).toMatchObject({ outcome: 'SUCCESS', target: `transactions.distributed/${id}` });
    const committed = await advanceUntil(fixture.server, id, ['COMMITTED']);
    expect(committed).toMatchObject({ decision: 'COMMIT', finishedAt: expect.any(String) });
    expect(storage('node-1').getRow('accounts', 'acct-1')?.row).toEqual({ owner: 'acct-1', balance: 100 });
    expect(storage('node-3').getRow('accounts', 'acct-2')?.row).toEqual({ owner: 'acct-2', balance: 101 });

    // Repeating a commit of a committed transaction answers 200 again.
    const repeated = await http().post(`${DTX}/${id}/commit`).set(asAdmin);
    expectContract('commitDistributedTransaction', repeated);
    expect(repeated.status).toBe(200);
    expect(repeated.body.data).toMatchObject({ committed: true, transaction: { state: 'COMMITTED' } });
  });

  test('commit from ACTIVE prepares first: 202 with decision null, then COMMITTED', async () => {
    const id = await begin(fixture.server, transfer({ 'node-3': 'acct-3', 'node-4': 'acct-4' }));
    const commit = await http().post(`${DTX}/${id}/commit`).set(asAdmin);
    expectContract('commitDistributedTransaction', commit);
    expect(commit.status).toBe(202);
    expect(commit.headers.location).toBe(`${DTX}/${id}/status`);
    expect(commit.body.data).toMatchObject({ committed: false, decision: null, transaction: { state: 'PREPARING' } });
    await advanceUntil(fixture.server, id, ['COMMITTED']);
    const status = await http().get(`${DTX}/${id}/status`).set(asAdmin);
    expectContract('getDistributedTransactionStatus', status);
    expect(status.body.data).toMatchObject({ state: 'COMMITTED', decision: 'COMMIT', preparedAt: expect.any(String), decidedAt: expect.any(String) });
  });

  test('one participant commits in one phase: no PREPARE, committed once its participant wrote it', async () => {
    const id = await begin(fixture.server, transfer({ 'node-4': 'acct-5' }));
    const commit = await http().post(`${DTX}/${id}/commit`).set(asAdmin);
    expectContract('commitDistributedTransaction', commit);
    expect(commit.status).toBe(202);
    expect(commit.body.data).toMatchObject({ committed: false, decision: null, onePhase: true, transaction: { state: 'COMMITTING', onePhase: true } });
    await advanceUntil(fixture.server, id, ['COMMITTED']);
    const repeated = await http().post(`${DTX}/${id}/commit`).set(asAdmin);
    expectContract('commitDistributedTransaction', repeated);
    expect(repeated.status).toBe(200);
    expect(repeated.body.data).toMatchObject({ committed: true, decision: 'COMMIT', onePhase: true });
    expect(repeated.body.data.transaction.participants[0]).toMatchObject({ state: 'COMMITTED', vote: null, prepareLsn: null });
    expect(storage('node-4').getRow('accounts', 'acct-5')?.row).toEqual({ owner: 'acct-5', balance: 100 });
  });

  test('on a clock that runs on its own, commit waits for the votes and answers 200 with the decision', async () => {
    const realtime = await http().put('/api/v1/simulation/clock').set(asAdmin).send({ mode: 'realtime' });
    expect(realtime.status).toBe(200);
    try {
      const id = await begin(fixture.server, transfer({ 'node-1': 'acct-6', 'node-4': 'acct-7' }));
      const commit = await http().post(`${DTX}/${id}/commit`).set(asAdmin);
      expectContract('commitDistributedTransaction', commit);
      expect(commit.status).toBe(200);
      expect(commit.body.data).toMatchObject({ committed: true, decision: 'COMMIT' });
      expect(commit.headers.location).toBeUndefined();
    } finally {
      expect((await http().put('/api/v1/simulation/clock').set(asAdmin).send({ mode: 'manual' })).status).toBe(200);
    }
  });

  test('rollback aborts an ACTIVE or PREPARED transaction; its writes are undone and its locks released; a repeat answers 200', async () => {
    const id = await begin(fixture.server, transfer({ 'node-1': 'acct-8', 'node-3': 'acct-9' }));
    await http().post(`${DTX}/${id}/prepare`).set(asAdmin);
    await advanceUntil(fixture.server, id, ['PREPARED']);
    const rollback = await http().post(`${DTX}/${id}/rollback`).set(asAdmin);
    expectContract('rollbackDistributedTransaction', rollback);
    expect(rollback.status).toBe(200);
    expect(rollback.body.data).toMatchObject({ decision: 'ABORT', reason: 'rolled back on request' });
    expect(['ABORTING', 'ABORTED']).toContain(rollback.body.data.state);
    expect(await lastAuditEntry(fixture.server, 'rollbackDistributedTransaction')).toMatchObject({ outcome: 'SUCCESS', target: `transactions.distributed/${id}` });
    await advanceUntil(fixture.server, id, ['ABORTED']);
    expect(storage('node-1').getRow('accounts', 'acct-8')).toBeUndefined();
    expect(storage('node-1').locksOf(id)).toEqual([]);
    const repeated = await http().post(`${DTX}/${id}/rollback`).set(asAdmin);
    expectContract('rollbackDistributedTransaction', repeated);
    expect(repeated.status).toBe(200);
    expect(repeated.body.data.state).toBe('ABORTED');
  });

  test('a write waiting for a lock shows the wait; with lockTimeoutMs 0 its participant votes NO at once and the transaction aborts', async () => {
    const holder = await begin(fixture.server, transfer({ 'node-3': 'hot-row' }));
    await fixture.server.advance(20);
    const waiter = await begin(fixture.server, transfer({ 'node-3': 'hot-row' }, { lockTimeoutMs: 5000 }));
    await fixture.server.advance(20);
    const waiting = await http().get(`${DTX}/${waiter}/status`).set(asAdmin);
    expectContract('getDistributedTransactionStatus', waiting);
    expect(waiting.body.data.participants[0].lockWait).toMatchObject({ table: 'accounts', key: 'hot-row', heldBy: holder });
    const { waitingSince, timeoutAt } = waiting.body.data.participants[0].lockWait as { waitingSince: string; timeoutAt: string };
    expect(Date.parse(timeoutAt) - Date.parse(waitingSince)).toBe(5000);
    await http().post(`${DTX}/${waiter}/rollback`).set(asAdmin);

    const nowait = await begin(fixture.server, transfer({ 'node-3': 'hot-row', 'node-4': 'cold-row' }, { lockTimeoutMs: 0 }));
    const commit = await http().post(`${DTX}/${nowait}/commit`).set(asAdmin);
    expect(commit.status).toBe(202);
    const aborted = await advanceUntil(fixture.server, nowait, ['ABORTED']);
    expect(aborted['decision']).toBe('ABORT');
    expect(aborted['reason']).toContain('node-3');
    await http().post(`${DTX}/${holder}/rollback`).set(asAdmin);
    await advanceUntil(fixture.server, holder, ['ABORTED']);
  });
});

describe('refusals', () => {
  test('a bad body is 400, a stranger node 404, a missing row to delete 404, nonsense 422: nothing begins, and each refusal is audited', async () => {
    const before = (await http().get(`${DTX}/statistics`).set(asAdmin)).body.data.begun as number;
    const post = (body: object) => http().post(`${DTX}/begin`).set(asAdmin).send(body);
    const cases: [object, number, string][] = [
      [{}, 400, 'VALIDATION_FAILED'],
      [{ participants: [] }, 400, 'VALIDATION_FAILED'],
      [{ participants: [{ nodeId: 'node-1', writes: [{ op: 'upsert', table: 't', key: 'k' }] }] }, 400, 'VALIDATION_FAILED'],
      [{ participants: [{ nodeId: 'node-9' }] }, 404, 'NOT_FOUND'],
      [{ participants: [{ nodeId: 'node-1' }], coordinatorNodeId: 'node-9' }, 404, 'NOT_FOUND'],
      [{ participants: [{ nodeId: 'node-1', writes: [{ op: 'delete', table: 'accounts', key: 'no-such-row' }] }] }, 404, 'NOT_FOUND'],
      [{ participants: [{ nodeId: 'node-1' }, { nodeId: 'node-1' }] }, 422, 'UNPROCESSABLE'],
      [{ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'k' }] }] }, 422, 'UNPROCESSABLE'],
      [{ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'pg_dist_transaction', key: 'k', row: {} }] }] }, 422, 'UNPROCESSABLE'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post(body);
      expectContract('beginDistributedTransaction', response);
      expect([response.status, response.body.error.code], JSON.stringify(body)).toEqual([status, code]);
      expect(await lastAuditEntry(fixture.server, 'beginDistributedTransaction')).toMatchObject({ outcome: 'FAILURE', errorCode: code });
    }
    const unknown = await post({ participants: [{ nodeId: 'node-9' }] });
    expect(unknown.body.error).toMatchObject({ message: 'No cluster node has id "node-9".', details: { resource: 'cluster.node', id: 'node-9' } });
    expect((await http().get(`${DTX}/statistics`).set(asAdmin)).body.data.begun).toBe(before);
  });

  test('a hot standby cannot take part (409 HOT_STANDBY), nor a crashed node (409 NODE_DOWN)', async () => {
    const standby = await http().post(`${DTX}/begin`).set(asAdmin).send(transfer({ 'node-1': 'acct-10', 'node-2': 'acct-11' }));
    expectContract('beginDistributedTransaction', standby);
    expect(standby.status).toBe(409);
    expect(standby.body.error.details).toMatchObject({ reason: 'HOT_STANDBY', nodeId: 'node-2', role: 'participant' });
    const asCoordinator = await http().post(`${DTX}/begin`).set(asAdmin).send({ participants: [{ nodeId: 'node-1' }], coordinatorNodeId: 'node-2' });
    expect(asCoordinator.status).toBe(409);
    expect(asCoordinator.body.error.details).toMatchObject({ reason: 'HOT_STANDBY', role: 'coordinator' });

    const crash = await injectFault(fixture.server, { type: 'crash', nodes: ['node-4'] });
    const down = await http().post(`${DTX}/begin`).set(asAdmin).send(transfer({ 'node-4': 'acct-12' }));
    expectContract('beginDistributedTransaction', down);
    expect(down.status).toBe(409);
    expect(down.body.error.details).toMatchObject({ reason: 'NODE_DOWN', nodeId: 'node-4' });
    await healFault(fixture.server, crash);
    await fixture.server.advance(1000);
  });

  test('a CLUSTER_VIEWER may read but not change (403, audited)', async () => {
    const viewer = { 'X-API-Key': fixture.viewerKey };
    const list = await http().get(DTX).set(viewer);
    expectContract('listDistributedTransactions', list);
    expect(list.status).toBe(200);
    const refused = await http().post(`${DTX}/begin`).set(viewer).send(transfer({ 'node-1': 'acct-13' }));
    expectContract('beginDistributedTransaction', refused);
    expect(refused.status).toBe(403);
    expect(await lastAuditEntry(fixture.server, 'beginDistributedTransaction')).toMatchObject({ outcome: 'FAILURE', errorCode: 'FORBIDDEN' });
    for (const [operationId, action] of [
      ['prepareDistributedTransaction', 'prepare'],
      ['commitDistributedTransaction', 'commit'],
      ['rollbackDistributedTransaction', 'rollback'],
      ['forgetHeuristicTransaction', 'forget'],
    ] as const) {
      const response = await http().post(`${DTX}/dtx-1/${action}`).set(viewer);
      expectContract(operationId, response);
      expect(response.status).toBe(403);
    }
    const resolve = await http().post(`${DTX}/dtx-1/resolve`).set(viewer).send({ outcome: 'COMMIT' });
    expectContract('resolveInDoubtTransaction', resolve);
    expect(resolve.status).toBe(403);
  });

  test('an unknown id is 404 on every operation, a malformed one 400', async () => {
    for (const [operationId, method, action] of [
      ['getDistributedTransactionStatus', 'get', 'status'],
      ['prepareDistributedTransaction', 'post', 'prepare'],
      ['commitDistributedTransaction', 'post', 'commit'],
      ['rollbackDistributedTransaction', 'post', 'rollback'],
      ['forgetHeuristicTransaction', 'post', 'forget'],
    ] as const) {
      const response = await http()[method](`${DTX}/dtx-999999/${action}`).set(asAdmin);
      expectContract(operationId, response);
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', details: { transactionId: 'dtx-999999' } });
      const malformed = await http()[method](`${DTX}/tx-1/${action}`).set(asAdmin);
      expectContract(operationId, malformed);
      expect(malformed.status).toBe(400);
    }
    const resolve = await http().post(`${DTX}/dtx-999999/resolve`).set(asAdmin).send({ outcome: 'COMMIT' });
    expectContract('resolveInDoubtTransaction', resolve);
    expect(resolve.status).toBe(404);
  });

  test('a move the state forbids is 409 ILLEGAL_STATE with the state: prepare a committed one, commit an aborted one, roll back a committing one', async () => {
    const committed = await begin(fixture.server, transfer({ 'node-1': 'acct-14', 'node-3': 'acct-15' }));
    await http().post(`${DTX}/${committed}/commit`).set(asAdmin);
    await advanceUntil(fixture.server, committed, ['COMMITTED']);
    const prepare = await http().post(`${DTX}/${committed}/prepare`).set(asAdmin);
    expectContract('prepareDistributedTransaction', prepare);
    expect(prepare.status).toBe(409);
    expect(prepare.body.error.details).toMatchObject({ reason: 'ILLEGAL_STATE', transactionId: committed, state: 'COMMITTED' });
    const rollback = await http().post(`${DTX}/${committed}/rollback`).set(asAdmin);
    expectContract('rollbackDistributedTransaction', rollback);
    expect(rollback.status).toBe(409);
    expect(rollback.body.error.details).toMatchObject({ reason: 'ILLEGAL_STATE', state: 'COMMITTED' });
    expect(await lastAuditEntry(fixture.server, 'rollbackDistributedTransaction')).toMatchObject({ outcome: 'FAILURE', errorCode: 'CONFLICT', target: `transactions.distributed/${committed}` });

    const aborted = await begin(fixture.server, transfer({ 'node-3': 'acct-16' }));
    await http().post(`${DTX}/${aborted}/rollback`).set(asAdmin);
    await advanceUntil(fixture.server, aborted, ['ABORTED']);
    const commit = await http().post(`${DTX}/${aborted}/commit`).set(asAdmin);
    expectContract('commitDistributedTransaction', commit);
    expect(commit.status).toBe(409);
    expect(commit.body.error.details).toMatchObject({ reason: 'ILLEGAL_STATE', state: 'ABORTED' });
    const forget = await http().post(`${DTX}/${aborted}/forget`).set(asAdmin);
    expectContract('forgetHeuristicTransaction', forget);
    expect(forget.status).toBe(409);
    expect(forget.body.error.details).toMatchObject({ reason: 'NOT_HEURISTIC', state: 'ABORTED' });
  });
});

describe('in doubt', () => {
  test('the coordinator down after PREPARE leaves it IN_DOUBT: listed with its locks and xmin, previewed, resolved by hand, forgotten', async () => {
    const id = await begin(fixture.server, { ...transfer({ 'node-1': 'doubt-1', 'node-3': 'doubt-2' }), coordinatorNodeId: 'node-4' });
    await http().post(`${DTX}/${id}/prepare`).set(asAdmin);
    await advanceUntil(fixture.server, id, ['PREPARED']);
    const early = await http().post(`${DTX}/${id}/resolve`).set(asAdmin).send({ outcome: 'ROLLBACK' });
    expectContract('resolveInDoubtTransaction', early);
    expect(early.status).toBe(409);
    expect(early.body.error.details).toMatchObject({ reason: 'NOT_IN_DOUBT', state: 'PREPARED' });

    const crash = await injectFault(fixture.server, { type: 'crash', nodes: ['node-4'] });
    await advanceUntil(fixture.server, id, ['IN_DOUBT']);
    await fixture.server.advance(1000);
    const list = await http().get(`${DTX}/in-doubt`).set(asAdmin);
    expectContract('listInDoubtTransactions', list);
    expect(list.status).toBe(200);
    const listed = list.body.data.find((entry: { transactionId: string }) => entry.transactionId === id);
    expect(listed).toMatchObject({
      coordinatorNodeId: 'node-4',
      coordinatorReachable: false,
      coordinatorLog: null,
      locks: [
        { nodeId: 'node-1', table: 'accounts', key: 'doubt-1' },
        { nodeId: 'node-3', table: 'accounts', key: 'doubt-2' },
      ],
      oldestXmin: expect.any(Number),
      transaction: { transactionId: id, state: 'IN_DOUBT', inDoubtSince: expect.any(String) },
    });
    expect(listed.inDoubtMs).toBeGreaterThanOrEqual(1000);
    expect(listed.ageMs).toBeGreaterThanOrEqual(listed.inDoubtMs);
    const byParticipant = await http().get(`${DTX}/in-doubt?participantNodeId=node-3&coordinatorNodeId=node-4&sort_by=transactionId&order=asc`).set(asAdmin);
    expectContract('listInDoubtTransactions', byParticipant);
    expect(byParticipant.body.data.map((entry: { transactionId: string }) => entry.transactionId)).toContain(id);
    const elsewhere = await http().get(`${DTX}/in-doubt?coordinatorNodeId=node-1`).set(asAdmin);
    expect(elsewhere.body.data).toEqual([]);

    // A dry run changes nothing.
    const preview = await http().post(`${DTX}/${id}/resolve`).set(asAdmin).send({ outcome: 'ROLLBACK', dryRun: true });
    expectContract('resolveInDoubtTransaction', preview);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({ transactionId: id, outcome: 'ROLLBACK', dryRun: true, coordinatorLog: null, contradictsCoordinator: false, resultingState: 'HEURISTIC_ROLLBACK' });
    // Each is prepared, in doubt once it has not heard from its coordinator for decisionTimeoutMs.
    const prepared = expect.stringMatching(/^(PREPARED|IN_DOUBT)$/);
    expect(preview.body.data.participants).toEqual([
      { nodeId: 'node-1', state: prepared, action: 'ROLLBACK_PREPARED', reason: null, locksReleased: [{ table: 'accounts', key: 'doubt-1' }], rowsWritten: 0 },
      { nodeId: 'node-3', state: prepared, action: 'ROLLBACK_PREPARED', reason: null, locksReleased: [{ table: 'accounts', key: 'doubt-2' }], rowsWritten: 0 },
    ]);
    expect(await stateOf(fixture.server, id)).toBe('IN_DOUBT');
    expect(await lastAuditEntry(fixture.server, 'resolveInDoubtTransaction')).toMatchObject({ outcome: 'SUCCESS', target: `transactions.distributed/${id}` });
    const stranger = await http().post(`${DTX}/${id}/resolve`).set(asAdmin).send({ outcome: 'ROLLBACK', nodeIds: ['node-2'] });
    expectContract('resolveInDoubtTransaction', stranger);
    expect(stranger.status).toBe(422);
    const badOutcome = await http().post(`${DTX}/${id}/resolve`).set(asAdmin).send({ outcome: 'MAYBE' });
    expectContract('resolveInDoubtTransaction', badOutcome);
    expect(badOutcome.status).toBe(400);

    const resolved = await http().post(`${DTX}/${id}/resolve`).set(asAdmin).send({ outcome: 'ROLLBACK' });
    expectContract('resolveInDoubtTransaction', resolved);
    expect(resolved.body.data).toMatchObject({ dryRun: false, resultingState: 'HEURISTIC_ROLLBACK', transaction: { state: 'HEURISTIC_ROLLBACK' } });
    expect(storage('node-1').locksOf(id)).toEqual([]);
    const statistics = await http().get(`${DTX}/statistics`).set(asAdmin);
    expectContract('getDistributedTransactionStatistics', statistics);
    expect(statistics.body.data.heuristic.rollback).toBeGreaterThanOrEqual(1);

    // The coordinator returns without a COMMIT in its log: abort is presumed, which agrees.
    await healFault(fixture.server, crash);
    await fixture.server.advance(1000);
    const after = await http().get(`${DTX}/${id}/status`).set(asAdmin);
    expect(after.body.data).toMatchObject({ state: 'HEURISTIC_ROLLBACK', contradictsDecision: false, forgottenAt: null });

    const forget = await http().post(`${DTX}/${id}/forget`).set(asAdmin);
    expectContract('forgetHeuristicTransaction', forget);
    expect(forget.status).toBe(200);
    expect(forget.body.data).toMatchObject({ state: 'HEURISTIC_ROLLBACK', forgottenAt: expect.any(String), finishedAt: expect.any(String) });
    expect(await lastAuditEntry(fixture.server, 'forgetHeuristicTransaction')).toMatchObject({ outcome: 'SUCCESS', target: `transactions.distributed/${id}` });
    const twice = await http().post(`${DTX}/${id}/forget`).set(asAdmin);
    expectContract('forgetHeuristicTransaction', twice);
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.reason).toBe('ALREADY_FORGOTTEN');
  });
});

describe('the coordinator down', () => {
  test('prepare, commit and rollback answer 409 COORDINATOR_DOWN and change nothing; its restart ends both by presumed abort', async () => {
    const active = await begin(fixture.server, { ...transfer({ 'node-1': 'down-1', 'node-4': 'down-2' }), coordinatorNodeId: 'node-3' });
    const prepared = await begin(fixture.server, { ...transfer({ 'node-1': 'down-3', 'node-4': 'down-4' }), coordinatorNodeId: 'node-3' });
    await http().post(`${DTX}/${prepared}/prepare`).set(asAdmin);
    await advanceUntil(fixture.server, prepared, ['PREPARED']);
    const crash = await injectFault(fixture.server, { type: 'crash', nodes: ['node-3'] });
    // Lost with the coordinator's memory, the active one will abort; the prepared one is in doubt.
    const before = await Promise.all([active, prepared].map((id) => http().get(`${DTX}/${id}/status`).set(asAdmin)));
    expect(before.map((response) => response.body.data.state)).toEqual(['ABORTING', 'IN_DOUBT']);
    const locksBefore = storage('node-1').lockCount() + storage('node-4').lockCount();

    for (const [id, state] of [[active, 'ABORTING'], [prepared, 'IN_DOUBT']] as const) {
      const prepare = await http().post(`${DTX}/${id}/prepare`).set(asAdmin);
      expectContract('prepareDistributedTransaction', prepare);
      expect(prepare.status).toBe(409);
      expect(prepare.body.error.details).toEqual({ reason: 'COORDINATOR_DOWN', transactionId: id, coordinatorNodeId: 'node-3', state });
      const commit = await http().post(`${DTX}/${id}/commit`).set(asAdmin);
      expectContract('commitDistributedTransaction', commit);
      expect(commit.status).toBe(409);
      expect(commit.body.error.details).toEqual({ reason: 'COORDINATOR_DOWN', transactionId: id, coordinatorNodeId: 'node-3', state });
      expect(commit.body.error.message).toContain('nothing changed');
      expect(await lastAuditEntry(fixture.server, 'commitDistributedTransaction')).toMatchObject({ outcome: 'FAILURE', errorCode: 'CONFLICT', target: `transactions.distributed/${id}` });
    }
    // Rolling back what is aborting already answers it as it is; an in-doubt one waits for its coordinator.
    const rollbackActive = await http().post(`${DTX}/${active}/rollback`).set(asAdmin);
    expectContract('rollbackDistributedTransaction', rollbackActive);
    expect(rollbackActive.status).toBe(200);
    expect(rollbackActive.body.data.state).toBe('ABORTING');
    const rollbackPrepared = await http().post(`${DTX}/${prepared}/rollback`).set(asAdmin);
    expectContract('rollbackDistributedTransaction', rollbackPrepared);
    expect(rollbackPrepared.status).toBe(409);
    expect(rollbackPrepared.body.error.details.reason).toBe('COORDINATOR_DOWN');

    // Nothing changed: the same views (the clock did not move), the same locks, no row visible.
    const after = await Promise.all([active, prepared].map((id) => http().get(`${DTX}/${id}/status`).set(asAdmin)));
    expect(after.map((response) => response.body.data)).toEqual(before.map((response) => response.body.data));
    expect(storage('node-1').lockCount() + storage('node-4').lockCount()).toBe(locksBefore);
    expect(storage('node-1').getRow('accounts', 'down-3')).toBeUndefined();

    await healFault(fixture.server, crash);
    for (const id of [active, prepared]) expect((await advanceUntil(fixture.server, id, ['ABORTED', 'COMMITTED']))['state']).toBe('ABORTED');
    expect(storage('node-1').getRow('accounts', 'down-3')).toBeUndefined();
    expect(storage('node-4').locksOf(prepared)).toEqual([]);
  });
});

describe('lists and statistics', () => {
  test('the list filters by state, coordinator and participant, sorts, pages and keeps only the fields asked for', async () => {
    const all = await http().get(DTX).set(asAdmin);
    expectContract('listDistributedTransactions', all);
    const ids = all.body.data.map((transaction: { transactionId: string }) => transaction.transactionId);
    expect(ids.length).toBeGreaterThan(5);
    // Newest first by default.
    const begunAt = all.body.data.map((transaction: { begunAt: string }) => transaction.begunAt);
    expect([...begunAt].sort().reverse()).toEqual(begunAt);

    const committed = await http().get(`${DTX}?state=COMMITTED&participantNodeId=node-4&sort_by=transactionId&order=asc`).set(asAdmin);
    expectContract('listDistributedTransactions', committed);
    expect(committed.body.data.length).toBeGreaterThan(0);
    for (const transaction of committed.body.data) {
      expect(transaction.state).toBe('COMMITTED');
      expect(transaction.participants.map((participant: { nodeId: string }) => participant.nodeId)).toContain('node-4');
    }
    const byCoordinator = await http().get(`${DTX}?coordinatorNodeId=node-4`).set(asAdmin);
    expect(byCoordinator.body.data.every((transaction: { coordinatorNodeId: string }) => transaction.coordinatorNodeId === 'node-4')).toBe(true);
    expect(byCoordinator.body.data.length).toBe(1);

    const sparse = await http().get(`${DTX}?fields=state,durationMs&limit=2&offset=1`).set(asAdmin);
    expectContract('listDistributedTransactions', sparse, { sparse: true });
    expect(sparse.body.data).toHaveLength(2);
    expect(Object.keys(sparse.body.data[0]).sort()).toEqual(['durationMs', 'state', 'transactionId']);
    expect(sparse.body.pagination).toMatchObject({ limit: 2, offset: 1, total: ids.length, hasMore: true });

    const badField = await http().get(`${DTX}?fields=price`).set(asAdmin);
    expectContract('listDistributedTransactions', badField);
    expect(badField.status).toBe(422);
    const badState = await http().get(`${DTX}?state=HALF_DONE`).set(asAdmin);
    expectContract('listDistributedTransactions', badState);
    expect(badState.status).toBe(400);
  });

  test('statistics count what the engine did: begun, committed (one-phase among them), aborted, votes, lock waits and latencies', async () => {
    const response = await http().get(`${DTX}/statistics`).set(asAdmin);
    expectContract('getDistributedTransactionStatistics', response);
    expect(response.status).toBe(200);
    const stats = response.body.data;
    const engine = fixture.server.platform.engines.transactions.statistics();
    expect(stats).toMatchObject({ begun: engine.counters.begun, committed: engine.counters.committed, aborted: engine.counters.aborted, onePhaseCommits: 1 });
    expect(stats.committed).toBeGreaterThanOrEqual(4);
    expect(stats.votes.yes).toBeGreaterThanOrEqual(8);
    expect(stats.votes.no).toBeGreaterThanOrEqual(1);
    expect(stats.lockWaits.waits).toBeGreaterThanOrEqual(1);
    expect(stats.prepareLatency.samples).toBeGreaterThan(0);
    expect(stats.prepareLatency.p50Ms).toBeGreaterThan(0);
    expect(stats.commitLatency.samples).toBeGreaterThan(0);
    expect(stats.totalLatency.maxMs).toBeGreaterThanOrEqual(stats.totalLatency.p99Ms);
    // The windows began with this server: no transaction here begun before it.
    expect(Date.parse(stats.latencySince)).toBe(engine.latencySinceMs);
    const oldest = await http().get(`${DTX}?sort_by=begunAt&order=asc&limit=1`).set(asAdmin);
    expect(Date.parse(stats.latencySince)).toBeLessThanOrEqual(Date.parse(oldest.body.data[0].begunAt));
    const viewer = await http().get(`${DTX}/statistics`).set({ 'X-API-Key': fixture.viewerKey });
    expect(viewer.status).toBe(200);
  });
});
