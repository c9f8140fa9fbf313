/**
 * The GraphQL twins of the distributed transaction and XA operations: each answers as its REST
 * twin does, and refuses as it does (codes in `extensions.code`).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { healFault, injectFault } from '../../support/cluster-faults.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { useTestServer } from '../../support/test-server.js';
import { advanceUntil, asAdmin, detachReplica, DTX, XA } from '../../support/transactions.js';

const fixture = useTestServer({ nodes: 5 });
const rest = async (path: string) => (await fixture.server.http.get(path).set(asAdmin)).body.data;

const TRANSACTION = `transactionId state coordinatorNodeId onePhase decision reason contradictsDecision prepareTimeoutMs lockTimeoutMs timeoutMs
  begunAt preparedAt decidedAt finishedAt inDoubtSince forgottenAt durationMs
  participants { nodeId reachable state vote reason writeCount locksHeld lockWait { table key heldBy waitingSince timeoutAt } prepareLsn xmin preparedAt finishedAt acknowledged }`;
const XA_TRANSACTION = `xid formatId gtrid gtridHex bqual bqualHex resourceManager nodeId state onePhase writeCount locksHeld
  lockWait { table key heldBy waitingSince timeoutAt } prepareLsn reason timeoutMs timeoutAt startedAt updatedAt preparedAt finishedAt`;

beforeAll(async () => {
  await detachReplica(fixture.server, 'node-3');
  await detachReplica(fixture.server, 'node-4');
});

describe('two-phase commit over GraphQL', () => {
  test('begin, prepare, commit and the reads answer as their REST twins', async () => {
    const begun = dataOf(
      await graphql<{ beginDistributedTransaction: { transactionId: string; state: string; participants: { nodeId: string; writeCount: number }[] } }>(
        fixture.server,
        `mutation ($input: BeginDistributedTransactionInput!) { beginDistributedTransaction(input: $input) { ${TRANSACTION} } }`,
        {
          input: {
            participants: [
              { nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'g-1', row: { balance: 1 } }] },
              { nodeId: 'node-3', writes: [{ op: 'put', table: 'accounts', key: 'g-2', row: { balance: 2 } }, { op: 'put', table: 'accounts', key: 'g-3', row: { balance: 3 } }] },
            ],
            lockTimeoutMs: 500,
          },
        },
      ),
    ).beginDistributedTransaction;
    const id = begun.transactionId;
    expect(begun.state).toBe('ACTIVE');
    expect(begun.participants.map((participant) => participant.writeCount)).toEqual([1, 2]);

    const prepared = dataOf(await graphql<{ prepareDistributedTransaction: { state: string } }>(fixture.server, `mutation { prepareDistributedTransaction(id: "${id}") { state } }`));
    expect(prepared.prepareDistributedTransaction.state).toBe('PREPARING');
    await advanceUntil(fixture.server, id, ['PREPARED']);
    const reads = dataOf(
      await graphql<{ distributedTransaction: Record<string, unknown>; distributedTransactions: { transactionId: string }[]; unknown: null }>(
        fixture.server,
        `{ distributedTransaction(id: "${id}") { ${TRANSACTION} }
           distributedTransactions(state: PREPARED, participantNodeId: "node-3", sortBy: transactionId, order: ASC, limit: 5) { transactionId }
           unknown: distributedTransaction(id: "dtx-999999") { transactionId } }`,
      ),
    );
    expect(reads.distributedTransaction).toEqual(await rest(`${DTX}/${id}/status`));
    expect(reads.distributedTransactions.map((transaction) => transaction.transactionId)).toEqual([id]);
    expect(reads.unknown).toBeNull();

    const committed = dataOf(
      await graphql<{ commitDistributedTransaction: { transactionId: string; committed: boolean; decision: string; onePhase: boolean; transaction: { state: string } } }>(
        fixture.server,
        `mutation { commitDistributedTransaction(id: "${id}") { transactionId committed decision onePhase transaction { state } } }`,
      ),
    );
    expect(committed.commitDistributedTransaction).toEqual({ transactionId: id, committed: true, decision: 'COMMIT', onePhase: false, transaction: { state: 'COMMITTING' } });
    await advanceUntil(fixture.server, id, ['COMMITTED']);

    const statistics = dataOf(
      await graphql<{ distributedTransactionStatistics: Record<string, unknown> }>(
        fixture.server,
        `{ distributedTransactionStatistics { begun active prepared inDoubt committed onePhaseCommits aborted
             heuristic { commit rollback mixed hazard forgotten } votes { yes no } lockWaits { waits timedOut }
             prepareLatency { samples p50Ms p95Ms p99Ms maxMs } commitLatency { samples p50Ms p95Ms p99Ms maxMs }
             totalLatency { samples p50Ms p95Ms p99Ms maxMs } lockWaitLatency { samples p50Ms p95Ms p99Ms maxMs } latencySince } }`,
      ),
    );
    expect(statistics.distributedTransactionStatistics).toEqual(await rest(`${DTX}/statistics`));
  });

  test('rollback; refusals: unknown id, illegal state, a bad input, a viewer', async () => {
    const begin = dataOf(
      await graphql<{ beginDistributedTransaction: { transactionId: string } }>(fixture.server, 'mutation { beginDistributedTransaction(input: { participants: [{ nodeId: "node-4" }] }) { transactionId } }'),
    );
    const id = begin.beginDistributedTransaction.transactionId;
    const rolledBack = dataOf(await graphql<{ rollbackDistributedTransaction: { state: string; decision: string } }>(fixture.server, `mutation { rollbackDistributedTransaction(id: "${id}") { state decision } }`));
    expect(rolledBack.rollbackDistributedTransaction.decision).toBe('ABORT');
    await advanceUntil(fixture.server, id, ['ABORTED']);

    expect(codesOf(await graphql(fixture.server, 'mutation { commitDistributedTransaction(id: "dtx-999999") { committed } }'))).toEqual(['NOT_FOUND']);
    const illegal = await graphql(fixture.server, `mutation { prepareDistributedTransaction(id: "${id}") { state } }`);
    expect(codesOf(illegal)).toEqual(['CONFLICT']);
    expect(illegal.errors?.[0]?.extensions?.details).toMatchObject({ reason: 'ILLEGAL_STATE', state: 'ABORTED' });
    expect(codesOf(await graphql(fixture.server, 'mutation { beginDistributedTransaction(input: { participants: [] }) { transactionId } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(fixture.server, 'mutation { beginDistributedTransaction(input: { participants: [{ nodeId: "node-9" }] }) { transactionId } }'))).toEqual(['NOT_FOUND']);
    const standby = await graphql(fixture.server, 'mutation { beginDistributedTransaction(input: { participants: [{ nodeId: "node-2" }] }) { transactionId } }');
    expect(codesOf(standby)).toEqual(['CONFLICT']);
    expect(standby.errors?.[0]?.extensions?.details).toMatchObject({ reason: 'HOT_STANDBY' });
    expect(codesOf(await graphql(fixture.server, 'mutation { beginDistributedTransaction(input: { participants: [{ nodeId: "node-1" }, { nodeId: "node-1" }] }) { transactionId } }'))).toEqual(['UNPROCESSABLE']);
    const viewer = { apiKey: fixture.viewerKey };
    expect(codesOf(await graphql(fixture.server, 'mutation { beginDistributedTransaction(input: { participants: [{ nodeId: "node-1" }] }) { transactionId } }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql(fixture.server, `mutation { rollbackDistributedTransaction(id: "${id}") { state } }`, {}, viewer))).toEqual(['FORBIDDEN']);
    expect(dataOf(await graphql<{ distributedTransactions: unknown[] }>(fixture.server, '{ distributedTransactions(limit: 1) { transactionId } }', {}, viewer)).distributedTransactions).toHaveLength(1);
  });

  test('in doubt: inDoubtTransactions, a dry run and a heuristic resolution, then forgetting it', async () => {
    const begin = await fixture.server.http
      .post(`${DTX}/begin`)
      .set(asAdmin)
      .send({ participants: [{ nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'g-doubt', row: { balance: 9 } }] }, { nodeId: 'node-3' }], coordinatorNodeId: 'node-4' });
    const id = begin.body.data.transactionId as string;
    await fixture.server.http.post(`${DTX}/${id}/prepare`).set(asAdmin);
    await advanceUntil(fixture.server, id, ['PREPARED']);
    const crash = await injectFault(fixture.server, { type: 'crash', nodes: ['node-4'] });
    await advanceUntil(fixture.server, id, ['IN_DOUBT']);

    const listed = dataOf(
      await graphql<{ inDoubtTransactions: Record<string, unknown>[] }>(
        fixture.server,
        `{ inDoubtTransactions(coordinatorNodeId: "node-4", sortBy: ageMs, order: DESC) { transactionId ageMs inDoubtMs coordinatorNodeId coordinatorReachable coordinatorLog locks { nodeId table key } oldestXmin transaction { ${TRANSACTION} } } }`,
      ),
    );
    expect(listed.inDoubtTransactions).toEqual(await rest(`${DTX}/in-doubt?coordinatorNodeId=node-4&sort_by=ageMs`));
    expect(listed.inDoubtTransactions[0]).toMatchObject({ transactionId: id, coordinatorReachable: false, locks: [{ nodeId: 'node-1', table: 'accounts', key: 'g-doubt' }] });

    const RESOLUTION = `transactionId outcome dryRun coordinatorLog contradictsCoordinator resultingState
      participants { nodeId state action reason locksReleased { table key } rowsWritten } transaction { state }`;
    const preview = dataOf(
      await graphql<{ resolveInDoubtTransaction: { dryRun: boolean; resultingState: string; participants: { nodeId: string; action: string; rowsWritten: number }[] } }>(
        fixture.server,
        `mutation { resolveInDoubtTransaction(id: "${id}", outcome: COMMIT, nodeIds: ["node-1"], dryRun: true) { ${RESOLUTION} } }`,
      ),
    );
    expect(preview.resolveInDoubtTransaction).toMatchObject({ dryRun: true, resultingState: 'HEURISTIC_COMMIT' });
    expect(preview.resolveInDoubtTransaction.participants.map((participant) => [participant.nodeId, participant.action, participant.rowsWritten])).toEqual([
      ['node-1', 'COMMIT_PREPARED', 1],
      ['node-3', 'NONE', 0],
    ]);
    expect(codesOf(await graphql(fixture.server, `mutation { resolveInDoubtTransaction(id: "${id}", outcome: COMMIT, nodeIds: ["node-5"]) { dryRun } }`))).toEqual(['UNPROCESSABLE']);
    const resolved = dataOf(
      await graphql<{ resolveInDoubtTransaction: { dryRun: boolean; resultingState: string; transaction: { state: string } } }>(
        fixture.server,
        `mutation { resolveInDoubtTransaction(id: "${id}", outcome: COMMIT) { ${RESOLUTION} } }`,
      ),
    );
    expect(resolved.resolveInDoubtTransaction).toMatchObject({ dryRun: false, transaction: { state: 'HEURISTIC_COMMIT' } });

    // The coordinator comes back with no COMMIT logged (abort presumed): the commit by hand contradicts it.
    await healFault(fixture.server, crash);
    await fixture.server.advance(1000);
    const after = await rest(`${DTX}/${id}/status`);
    expect(after).toMatchObject({ decision: 'ABORT', contradictsDecision: true });
    const forgotten = dataOf(await graphql<{ forgetHeuristicTransaction: { state: string; forgottenAt: string } }>(fixture.server, `mutation { forgetHeuristicTransaction(id: "${id}") { state forgottenAt } }`));
    expect(forgotten.forgetHeuristicTransaction).toMatchObject({ state: after.state, forgottenAt: expect.any(String) });
    const twice = await graphql(fixture.server, `mutation { forgetHeuristicTransaction(id: "${id}") { state } }`);
    expect(codesOf(twice)).toEqual(['CONFLICT']);
    expect(twice.errors?.[0]?.extensions?.details).toMatchObject({ reason: 'ALREADY_FORGOTTEN' });
  });
});

describe('XA over GraphQL', () => {
  test('resource managers, and an XA transaction through start, end, prepare, recover and commit, as REST shows it', async () => {
    const registered = dataOf(
      await graphql<{ registerXaResourceManager: Record<string, unknown> }>(
        fixture.server,
        'mutation { registerXaResourceManager(input: { name: "orders_rm", nodeId: "node-3" }) { name nodeId registeredAt liveTransactions preparedTransactions } }',
      ),
    );
    expect(registered.registerXaResourceManager).toMatchObject({ name: 'orders_rm', nodeId: 'node-3', liveTransactions: 0 });
    expect(codesOf(await graphql(fixture.server, 'mutation { registerXaResourceManager(input: { name: "standby_rm", nodeId: "node-2" }) { name } }'))).toEqual(['CONFLICT']);
    expect(codesOf(await graphql(fixture.server, 'mutation { registerXaResourceManager(input: { name: "-bad", nodeId: "node-1" }) { name } }'))).toEqual(['VALIDATION_FAILED']);

    const xid = "'gql-1','b1',1";
    const started = dataOf(
      await graphql<{ startXaTransaction: { xid: string; state: string } }>(
        fixture.server,
        `mutation ($input: XaStartInput!) { startXaTransaction(input: $input) { ${XA_TRANSACTION} } }`,
        { input: { xid: 'gql-1,b1', resourceManager: 'orders_rm', writes: [{ op: 'put', table: 'orders', key: 'gql-1', row: { total: 1 } }] } },
      ),
    );
    expect(started.startXaTransaction).toMatchObject({ xid, state: 'ACTIVE' });
    await fixture.server.advance(20);
    expect(dataOf(await graphql<{ endXaTransaction: { state: string } }>(fixture.server, `mutation { endXaTransaction(xid: "${xid}") { state } }`)).endXaTransaction.state).toBe('IDLE');
    expect(dataOf(await graphql<{ prepareXaTransaction: { state: string } }>(fixture.server, 'mutation { prepareXaTransaction(xid: "gql-1,b1") { state } }')).prepareXaTransaction.state).toBe('PREPARED');

    const reads = dataOf(
      await graphql<Record<string, unknown>>(
        fixture.server,
        `{ xaRecover(resourceManager: "orders_rm") { formatId gtridLength bqualLength data xid resourceManager nodeId preparedAt }
           xaTransaction(xid: "gql-1,b1") { ${XA_TRANSACTION} }
           unknown: xaTransaction(xid: "nobody") { xid }
           xaTransactions(state: PREPARED, gtrid: "gql-1", sortBy: xid, order: ASC) { xid }
           xaResourceManagers(nodeId: "node-3", sortBy: name) { name nodeId registeredAt liveTransactions preparedTransactions } }`,
      ),
    );
    expect(reads['xaRecover']).toEqual(await rest(`${XA}/recover?resourceManager=orders_rm`));
    expect(reads['xaTransaction']).toEqual(await rest(`${XA}/gql-1,b1/status`));
    expect(reads['unknown']).toBeNull();
    expect(reads['xaTransactions']).toEqual([{ xid }]);
    expect(reads['xaResourceManagers']).toEqual(await rest(`${XA}/resource-managers?nodeId=node-3`));
    expect(codesOf(await graphql(fixture.server, 'mutation { deleteXaResourceManager(name: "orders_rm") }'))).toEqual(['CONFLICT']);

    const committed = dataOf(await graphql<{ commitXaTransaction: { state: string; onePhase: boolean } }>(fixture.server, `mutation { commitXaTransaction(xid: "${xid}") { state onePhase } }`));
    expect(committed.commitXaTransaction).toEqual({ state: 'COMMITTED', onePhase: false });

    const statistics = dataOf(
      await graphql<{ xaStatistics: Record<string, unknown> }>(
        fixture.server,
        '{ xaStatistics { resourceManagers byState { ACTIVE IDLE PREPARED COMMITTED ROLLED_BACK ROLLBACK_ONLY } started prepared committed onePhaseCommits rolledBack timedOut recovered } }',
      ),
    );
    expect(statistics.xaStatistics).toEqual(await rest(`${XA}/statistics`));
    expect(dataOf(await graphql<{ deleteXaResourceManager: boolean }>(fixture.server, 'mutation { deleteXaResourceManager(name: "orders_rm") }')).deleteXaResourceManager).toBe(true);
  });

  test('one phase, rollback, and the XA errors: XAER_PROTO, XAER_NOTA, XAER_INVAL, a viewer', async () => {
    await graphql(fixture.server, 'mutation { registerXaResourceManager(input: { name: "billing_rm", nodeId: "node-1" }) { name } }');
    await graphql(fixture.server, 'mutation { startXaTransaction(input: { xid: "gql-2", resourceManager: "billing_rm" }) { xid } }');
    const proto = await graphql(fixture.server, 'mutation { commitXaTransaction(xid: "gql-2", onePhase: true) { state } }');
    expect(codesOf(proto)).toEqual(['CONFLICT']);
    expect(proto.errors?.[0]?.extensions?.details).toMatchObject({ xaError: 'XAER_PROTO', state: 'ACTIVE' });
    await graphql(fixture.server, 'mutation { endXaTransaction(xid: "gql-2") { state } }');
    const onePhase = dataOf(await graphql<{ commitXaTransaction: { state: string; onePhase: boolean } }>(fixture.server, 'mutation { commitXaTransaction(xid: "gql-2", onePhase: true) { state onePhase } }'));
    expect(onePhase.commitXaTransaction).toEqual({ state: 'COMMITTED', onePhase: true });

    await graphql(fixture.server, 'mutation { startXaTransaction(input: { xid: "gql-3", resourceManager: "billing_rm" }) { xid } }');
    await graphql(fixture.server, 'mutation { endXaTransaction(xid: "gql-3") { state } }');
    const rolledBack = dataOf(await graphql<{ rollbackXaTransaction: { state: string } }>(fixture.server, 'mutation { rollbackXaTransaction(xid: "gql-3") { state } }'));
    expect(rolledBack.rollbackXaTransaction.state).toBe('ROLLED_BACK');

    const unknown = await graphql(fixture.server, 'mutation { prepareXaTransaction(xid: "nobody") { state } }');
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.extensions?.details).toMatchObject({ xaError: 'XAER_NOTA' });
    const invalid = await graphql(fixture.server, 'mutation { endXaTransaction(xid: "gql-9,b1,9999999999") { state } }');
    expect(codesOf(invalid)).toEqual(['UNPROCESSABLE']);
    expect(invalid.errors?.[0]?.extensions?.details).toMatchObject({ xaError: 'XAER_INVAL' });
    expect(codesOf(await graphql(fixture.server, 'mutation { rollbackXaTransaction(xid: "a b") { state } }'))).toEqual(['VALIDATION_FAILED']);
    const viewer = { apiKey: fixture.viewerKey };
    expect(codesOf(await graphql(fixture.server, 'mutation { startXaTransaction(input: { xid: "gql-4", resourceManager: "billing_rm" }) { xid } }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql(fixture.server, 'mutation { deleteXaResourceManager(name: "billing_rm") }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect(dataOf(await graphql<{ xaStatistics: { committed: number } }>(fixture.server, '{ xaStatistics { committed } }', {}, viewer)).xaStatistics.committed).toBe(2);
  });
});
