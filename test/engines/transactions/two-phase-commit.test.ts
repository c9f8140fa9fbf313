import { afterEach, describe, expect, it } from 'vitest';
import { domainErrorFrom, locksEverywhere, preparedEverywhere, rowOn, startTransactions, type TransactionsHarness } from './harness.js';

let harness: TransactionsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('two-phase commit', () => {
  it('commits across three participants: tentative and invisible, prepared and locked, then applied everywhere', async () => {
    harness = await startTransactions();
    const { engine } = harness;
    const begun = engine.begin({
      participants: [
        { nodeId: 'node-1', writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { balance: 90 } }] },
        { nodeId: 'node-2', writes: [{ op: 'put', table: 'accounts', key: 'a2', row: { balance: 110 } }] },
        { nodeId: 'node-3', writes: [{ op: 'put', table: 'ledger', key: 'e1', row: { amount: 10 } }] },
      ],
    });
    expect(begun.state).toBe('ACTIVE');
    expect(begun.coordinatorNodeId).toBe('node-1');
    await harness.advance(10);
    expect(engine.get(begun.transactionId).participants.map((participant) => participant.locksHeld)).toEqual([1, 1, 1]);
    expect(rowOn(harness, 'node-2', 'accounts', 'a2')).toBeUndefined();
    engine.prepare(begun.transactionId);
    await harness.advance(10);
    const prepared = engine.get(begun.transactionId);
    expect(prepared.state).toBe('PREPARED');
    expect(prepared.participants.map((participant) => participant.vote)).toEqual(['YES', 'YES', 'YES']);
    expect(prepared.participants.every((participant) => participant.prepareLsn !== null && participant.xminPinned !== null)).toBe(true);
    expect(rowOn(harness, 'node-2', 'accounts', 'a2')).toBeUndefined();
    expect(preparedEverywhere(harness)).toBe(3);
    engine.commit(begun.transactionId);
    await harness.advance(20);
    const committed = engine.get(begun.transactionId);
    expect(committed.state).toBe('COMMITTED');
    expect(committed.decision).toBe('COMMIT');
    expect(rowOn(harness, 'node-2', 'accounts', 'a2')).toEqual({ balance: 110 });
    expect(rowOn(harness, 'node-3', 'ledger', 'e1')).toEqual({ amount: 10 });
    expect(locksEverywhere(harness)).toBe(0);
    expect(preparedEverywhere(harness)).toBe(0);
    // The coordinator forgot: its log row is gone once every participant acknowledged.
    expect(harness.cluster.storageOf('node-1').getRow('pg_dist_transaction', begun.transactionId)).toBeUndefined();
    const types = harness.events.map((event) => event.type).filter((type) => type.startsWith('distributed_transaction'));
    expect(types).toEqual(['distributed_transaction_begun', 'distributed_transaction_prepared', 'distributed_transaction_prepared', 'distributed_transaction_prepared', 'distributed_transaction_committed']);
    const stats = engine.statistics();
    expect(stats.counters).toMatchObject({ committed: 1, aborted: 0, votesYes: 3, votesNo: 0 });
    expect(stats.prepareLatency.samples).toBe(1);
    expect(stats.commitLatency.p99Ms).toBeGreaterThan(0);
  });

  it('commits a single participant in one phase: no PREPARE record, no coordinator log', async () => {
    harness = await startTransactions();
    const { engine, cluster } = harness;
    const walBefore = cluster.storageOf('node-2').walRecordCount();
    const begun = engine.begin({ participants: [{ nodeId: 'node-2', writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { balance: 5 } }] }] });
    engine.commit(begun.transactionId);
    await harness.advance(20);
    const committed = engine.get(begun.transactionId);
    expect(committed.state).toBe('COMMITTED');
    expect(committed.onePhase).toBe(true);
    const records = cluster.storageOf('node-2').walRecords().slice(walBefore);
    expect(records).toHaveLength(1);
    expect(records[0]?.change.twoPhase).toBeUndefined();
    expect(cluster.storageOf('node-1').tableImage('pg_dist_transaction')).toEqual([]);
    expect(engine.statistics().counters.committedOnePhase).toBe(1);
  });

  it('answers settled() once a commit is decided and done, and answers commit again idempotently', async () => {
    harness = await startTransactions();
    const { engine } = harness;
    const id = engine.begin({ participants: [{ nodeId: 'node-2', writes: [{ op: 'put', table: 'accounts', key: 'a1', row: {} }] }, { nodeId: 'node-3' }] }).transactionId;
    const committing = engine.commit(id);
    expect(committing.state).toBe('PREPARING');
    let settled: string | null = null;
    void engine.settled(id).then((view) => {
      settled = view.state;
    });
    await harness.advance(1);
    expect(settled).toBeNull();
    await harness.advance(30);
    expect(settled).toBe('COMMITTED');
    expect(engine.commit(id).state).toBe('COMMITTED');
    expect(domainErrorFrom(() => engine.rollback(id)).code).toBe('CONFLICT');
    expect(domainErrorFrom(() => engine.prepare(id)).code).toBe('CONFLICT');
    expect(domainErrorFrom(() => engine.get('dtx-99')).code).toBe('NOT_FOUND');
    expect(engine.list({ state: 'COMMITTED', nodeId: 'node-3' }).map((view) => view.transactionId)).toEqual([id]);
    expect(engine.list({ nodeId: 'node-4' })).toEqual([]);
  });

  it('refuses a hot standby as participant, unknown nodes, repeated nodes and bad writes, changing nothing', async () => {
    harness = await startTransactions({ replicaIds: ['node-4'] });
    const { engine } = harness;
    const standby = domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-1' }, { nodeId: 'node-4' }] }));
    expect(standby.code).toBe('CONFLICT');
    expect(standby.message).toContain('hot standby');
    expect(standby.message).toContain('cannot take writes or execute PREPARE TRANSACTION');
    expect(domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-9' }] })).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-2' }, { nodeId: 'node-2' }] })).code).toBe('UNPROCESSABLE');
    expect(domainErrorFrom(() => engine.begin({ participants: [] })).code).toBe('UNPROCESSABLE');
    expect(domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-2', writes: [{ op: 'delete', table: 'accounts', key: 'missing' }] }] })).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-2', writes: [{ op: 'put', table: 'pg_dist_transaction', key: 'x', row: {} }] }] })).code).toBe('UNPROCESSABLE');
    expect(engine.list()).toEqual([]);
  });
});
