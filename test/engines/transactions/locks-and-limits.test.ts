import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRANSACTIONS_CONFIG, validateTransactionsConfig } from '../../../src/engines/transactions/transactions-config.js';
import { domainErrorFrom, locksEverywhere, rowOn, startTransactions, type TransactionsHarness } from './harness.js';

let harness: TransactionsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const HOT_ROW = [{ op: 'put' as const, table: 'accounts', key: 'hot', row: { v: 1 } }];

describe('lock waits', () => {
  it('queues a conflicting write until the holder finishes, then takes the lock', async () => {
    harness = await startTransactions();
    const { engine } = harness;
    const holder = engine.begin({ participants: [{ nodeId: 'node-2', writes: HOT_ROW }, { nodeId: 'node-3' }] }).transactionId;
    await harness.advance(5);
    const waiter = engine.begin({ participants: [{ nodeId: 'node-2', writes: [{ op: 'put', table: 'accounts', key: 'hot', row: { v: 2 } }] }, { nodeId: 'node-3' }], lockTimeoutMs: 5000 }).transactionId;
    engine.commit(waiter);
    await harness.advance(5);
    expect(engine.get(waiter).participants[0]?.waitingForLock).toMatchObject({ table: 'accounts', key: 'hot', heldBy: holder });
    expect(engine.get(waiter).state).toBe('PREPARING');
    engine.commit(holder);
    await harness.advance(50);
    expect(engine.get(holder).state).toBe('COMMITTED');
    expect(engine.get(waiter).state).toBe('COMMITTED');
    expect(rowOn(harness, 'node-2', 'accounts', 'hot')).toEqual({ v: 2 });
    const stats = engine.statistics();
    expect(stats.counters).toMatchObject({ lockWaits: 1, lockWaitTimeouts: 0 });
    expect(stats.lockWaitLatency.samples).toBe(1);
    expect(stats.lockWaitLatency.maxMs).toBeGreaterThan(0);
  });

  it('votes NO when the lock timeout passes, and at once with lockTimeoutMs 0 (NOWAIT)', async () => {
    harness = await startTransactions({ config: { lockTimeoutMs: 200 } });
    const { engine } = harness;
    const holder = engine.begin({ participants: [{ nodeId: 'node-2', writes: HOT_ROW }] }).transactionId;
    await harness.advance(5);
    const waiter = engine.begin({ participants: [{ nodeId: 'node-2', writes: HOT_ROW }, { nodeId: 'node-3' }] }).transactionId;
    engine.commit(waiter);
    await harness.advance(300);
    const aborted = engine.get(waiter);
    expect(aborted.state).toBe('ABORTED');
    expect(aborted.participants[0]).toMatchObject({ state: 'ABORTED', vote: 'NO' });
    expect(aborted.participants[0]?.reason).toContain('lock timeout after 200 ms on accounts/hot on node-2, held by dtx-1');
    expect(aborted.reason).toContain('lock timeout');
    const nowait = engine.begin({ participants: [{ nodeId: 'node-2', writes: HOT_ROW }, { nodeId: 'node-3' }], lockTimeoutMs: 0 }).transactionId;
    await harness.advance(10);
    expect(engine.get(nowait).state).toBe('ABORTED');
    expect(engine.get(nowait).participants[0]?.reason).toContain('(NOWAIT)');
    expect(engine.get(holder).state).toBe('ACTIVE');
    expect(engine.statistics().counters).toMatchObject({ lockWaits: 1, lockWaitTimeouts: 1, votesNo: 2 });
  });
});

describe('timeouts', () => {
  it('counts a participant that does not vote within prepareTimeoutMs as NO', async () => {
    harness = await startTransactions({ config: { prepareTimeoutMs: 400 } });
    const { engine } = harness;
    const id = engine.begin({ participants: [{ nodeId: 'node-2', writes: HOT_ROW }, { nodeId: 'node-3' }] }).transactionId;
    await harness.advance(10);
    const partition = harness.fault({ type: 'partition', groups: [['node-3'], ['node-1', 'node-2', 'node-4']] });
    engine.commit(id);
    await harness.advance(399);
    expect(engine.get(id).state).toBe('PREPARING');
    await harness.advance(50);
    const view = engine.get(id);
    // node-2 rolled back; node-3 still holds its tentative work until the ABORT reaches it.
    expect(view.state).toBe('ABORTING');
    expect(view.reason).toBe('no vote from node-3 within 400 ms (counted as NO)');
    expect(view.participants.map((participant) => participant.state)).toEqual(['ABORTED', 'ACTIVE']);
    harness.heal(partition);
    await harness.advance(200);
    expect(engine.get(id).state).toBe('ABORTED');
    expect(locksEverywhere(harness)).toBe(0);
  });

  it('rolls back a transaction left ACTIVE past its timeout', async () => {
    harness = await startTransactions();
    const { engine } = harness;
    const id = engine.begin({ participants: [{ nodeId: 'node-2', writes: HOT_ROW }], timeoutMs: 1000 }).transactionId;
    await harness.advance(999);
    expect(engine.get(id).state).toBe('ACTIVE');
    await harness.advance(20);
    expect(engine.get(id)).toMatchObject({ state: 'ABORTED', reason: 'still ACTIVE after its timeout of 1000 ms' });
    expect(locksEverywhere(harness)).toBe(0);
  });
});

describe('limits', () => {
  it('refuses more participants or open transactions than configured, with the limit in the error', async () => {
    harness = await startTransactions({ config: { maxParticipants: 2, maxActiveTransactions: 1 } });
    const { engine } = harness;
    const tooMany = domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-1' }, { nodeId: 'node-2' }, { nodeId: 'node-3' }] }));
    expect(tooMany.code).toBe('UNPROCESSABLE');
    expect(tooMany.message).toContain('1 to 2 participants (maxParticipants)');
    engine.begin({ participants: [{ nodeId: 'node-2' }] });
    const full = domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-3' }] }));
    expect(full.code).toBe('CONFLICT');
    expect(full.details).toMatchObject({ limit: 1, reason: 'LIMIT_REACHED' });
    expect(domainErrorFrom(() => engine.begin({ participants: [{ nodeId: 'node-3' }], lockTimeoutMs: -1 })).code).toBe('UNPROCESSABLE');
  });

  it('votes NO past max_prepared_transactions, where heuristic outcomes count until they are forgotten', async () => {
    const holder: { harness?: TransactionsHarness; fault?: string } = {};
    harness = await startTransactions({
      config: { maxPreparedTransactions: 1, decisionTimeoutMs: 100, decisionRetryMs: 50 },
      onStep: (step) => {
        if (step.what === 'LOG COMMIT' && step.transactionId === 'dtx-1' && holder.harness !== undefined) holder.fault = holder.harness.crash('node-1');
      },
    });
    holder.harness = harness;
    const { engine } = harness;
    const stuck = engine.begin({ participants: [{ nodeId: 'node-2', writes: HOT_ROW }, { nodeId: 'node-3' }] }).transactionId;
    engine.commit(stuck);
    await harness.advance(500);
    expect(engine.get(stuck).state).toBe('IN_DOUBT');
    engine.resolve(stuck, { outcome: 'ROLLBACK' });
    expect(harness.cluster.storageOf('node-2').twoPhaseCount()).toBe(1);
    const refused = engine.begin({ coordinatorNodeId: 'node-4', participants: [{ nodeId: 'node-2' }, { nodeId: 'node-4' }] }).transactionId;
    engine.commit(refused);
    await harness.advance(50);
    expect(engine.get(refused).participants[0]?.reason).toBe('max_prepared_transactions (1) reached on node-2');
    expect(engine.get(refused).state).toBe('ABORTED');
    harness.heal(holder.fault as string);
    await harness.advance(200);
    engine.forget(stuck);
    const accepted = engine.begin({ coordinatorNodeId: 'node-4', participants: [{ nodeId: 'node-2' }, { nodeId: 'node-4' }] }).transactionId;
    engine.commit(accepted);
    await harness.advance(50);
    expect(engine.get(accepted).state).toBe('COMMITTED');
  });

  it('validates the config: defaults filled, every bad field listed, nothing applied', async () => {
    expect(validateTransactionsConfig()).toEqual(DEFAULT_TRANSACTIONS_CONFIG);
    expect(validateTransactionsConfig({ lockTimeoutMs: 0 }).lockTimeoutMs).toBe(0);
    harness = await startTransactions();
    const error = domainErrorFrom(() => harness?.engine.configure({ maxParticipants: 0, prepareTimeoutMs: 1.5, color: 'blue' } as never));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details?.problems).toEqual(['maxParticipants must be a whole number between 1 and 256', 'prepareTimeoutMs must be a whole number between 1 and 3600000', 'color is not a transactions setting']);
    expect(harness.engine.getConfig()).toEqual(DEFAULT_TRANSACTIONS_CONFIG);
    expect(harness.engine.configure({ decisionRetryMs: 20 }).decisionRetryMs).toBe(20);
  });
});
