/**
 * A server restart restores the engine from the store: prepared transactions from the nodes'
 * two-phase state, in-doubt ones still in doubt, the coordinators' logs, XA branches, counters.
 * Tentative work was in memory only: it is gone, and presumed abort settles what it belonged to.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSACTIONS_TRANSACTION_RECORD } from '../../../src/engines/transactions/transactions-records.js';
import type { TransactionStep } from '../../../src/engines/transactions/two-phase-commit.js';
import { Journal } from '../../../src/store/journal.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { locksEverywhere, rowOn, startTransactions, type TransactionsHarness } from './harness.js';

const CONFIG = { decisionTimeoutMs: 200, decisionRetryMs: 50 };
const open: TransactionsHarness[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const harness of open.splice(0)) await harness.close();
  for (const store of stores.splice(0)) await store.close();
});

async function start(store: SqliteStore, options: { onStep?: (step: TransactionStep) => void; downAtStart?: string[] } = {}): Promise<TransactionsHarness> {
  const harness = await startTransactions({ store, config: CONFIG, ...options });
  open.push(harness);
  return harness;
}

/** Stops the first server (its journal flushed) and starts a second one on the same store. */
async function restart(first: TransactionsHarness, store: SqliteStore, options: { downAtStart?: string[] } = {}): Promise<TransactionsHarness> {
  await first.journal.flush();
  await first.close();
  open.splice(open.indexOf(first), 1);
  return start(store, options);
}

function newStore(): SqliteStore {
  const store = SqliteStore.open(':memory:');
  stores.push(store);
  return store;
}

function transfer(harness: TransactionsHarness, nodeIds: readonly string[]): string {
  return harness.engine.begin({ participants: nodeIds.map((nodeId) => ({ nodeId, writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { on: nodeId } }] })) }).transactionId;
}

describe('a server restart', () => {
  it('keeps an in-doubt transaction in doubt (prepared entries, locks, age) while its coordinator is still down, then presumed abort ends it', async () => {
    const store = newStore();
    const holder: { harness?: TransactionsHarness } = {};
    const first = await start(store, {
      onStep: (step) => {
        if (step.kind === 'log' && step.what === 'LOG COMMIT' && holder.harness !== undefined) holder.harness.crash('node-1');
      },
    });
    holder.harness = first;
    const id = transfer(first, ['node-2', 'node-3']);
    first.engine.commit(id);
    await first.advance(1000);
    expect(first.engine.get(id).state).toBe('IN_DOUBT');
    const before = first.engine.listInDoubt()[0];

    const second = await restart(first, store, { downAtStart: ['node-1'] });
    const after = second.engine.get(id);
    expect(after.state).toBe('IN_DOUBT');
    expect(after.participants.map((participant) => [participant.state, participant.vote, participant.prepareLsn])).toEqual(before?.participants.map((participant) => [participant.state, participant.vote, participant.prepareLsn]));
    expect(second.cluster.storageOf('node-2').preparedTransaction(id)?.status).toBe('PREPARED');
    expect(locksEverywhere(second)).toBe(2);
    await second.advance(1000);
    expect(second.engine.listInDoubt().map((listed) => [listed.transactionId, listed.locks.length, listed.coordinatorReachable])).toEqual([[id, 2, false]]);

    second.runtime.faults.healAll();
    await second.advance(300);
    expect(second.engine.get(id)).toMatchObject({ state: 'ABORTED', decision: 'ABORT' });
    expect(locksEverywhere(second)).toBe(0);
    expect(rowOn(second, 'node-2', 'accounts', 'a1')).toBeUndefined();
  });

  it('finishes a COMMIT its coordinator logged before the restart, and aborts what was only prepared or ACTIVE', async () => {
    const store = newStore();
    const holder: { harness?: TransactionsHarness; stopped: boolean } = { stopped: false };
    const first = await start(store, {
      // The coordinator goes down right after it logged COMMIT for the first transaction: no Decision left it.
      onStep: (step) => {
        if (step.kind !== 'send' || step.what !== 'Decision' || step.transactionId !== 'dtx-1' || holder.stopped) return;
        holder.stopped = true;
        holder.harness?.crash('node-1');
      },
    });
    holder.harness = first;
    const logged = transfer(first, ['node-2', 'node-3']);
    first.engine.commit(logged);
    await first.advance(20);
    expect(holder.stopped).toBe(true);
    expect(first.cluster.storageOf('node-1').getRow('pg_dist_transaction', logged)).toBeDefined();
    const prepared = first.engine.begin({ coordinatorNodeId: 'node-2', participants: [{ nodeId: 'node-3', writes: [{ op: 'put', table: 'orders', key: 'o1', row: {} }] }, { nodeId: 'node-4' }] }).transactionId;
    first.engine.prepare(prepared);
    const active = first.engine.begin({ coordinatorNodeId: 'node-2', participants: [{ nodeId: 'node-4', writes: [{ op: 'put', table: 'orders', key: 'o2', row: {} }] }] }).transactionId;
    await first.advance(20);
    expect(first.engine.get(prepared).state).toBe('PREPARED');
    const committedBefore = first.engine.statistics().counters.committed;
    expect(first.engine.statistics().prepareLatency.samples).toBe(2);

    const second = await restart(first, store);
    await second.advance(300);
    expect(second.engine.get(logged).state).toBe('COMMITTED');
    expect(rowOn(second, 'node-3', 'accounts', 'a1')).toEqual({ on: 'node-3' });
    expect(second.cluster.storageOf('node-1').tableImage('pg_dist_transaction')).toEqual([]);
    expect(second.engine.get(prepared)).toMatchObject({ state: 'ABORTED', decision: 'ABORT' });
    expect(second.engine.get(active).state).toBe('ABORTED');
    expect(second.engine.get(active).participants[0]?.reason).toContain('server restarted');
    expect(locksEverywhere(second)).toBe(0);
    expect(second.engine.statistics().counters.committed).toBe(committedBefore + 1);
    // The latency windows are not stored: they say they began with this server, and hold only what it measured.
    const latencies = second.engine.statistics();
    expect(latencies.latencySinceMs).toBe(second.runtime.clock.now() - 300);
    expect(latencies.prepareLatency.samples).toBe(0);
    expect(latencies.commitLatency.samples).toBe(1);
    // Ids continue where they were.
    expect(transfer(second, ['node-2'])).toBe('dtx-4');
  });

  it('rebuilds a prepared transaction the store lost track of from its PREPARE record', async () => {
    const store = newStore();
    const first = await start(store);
    const id = transfer(first, ['node-2', 'node-3']);
    first.engine.prepare(id);
    await first.advance(10);
    expect(first.engine.get(id).state).toBe('PREPARED');
    await first.journal.flush();
    const journal = new Journal(store);
    journal.delete(TRANSACTIONS_TRANSACTION_RECORD, id);
    await journal.flush();
    const second = await restart(first, store, { downAtStart: ['node-1'] });
    const rebuilt = second.engine.get(id);
    expect(rebuilt.state).toBe('IN_DOUBT');
    expect(rebuilt.coordinatorNodeId).toBe('node-1');
    expect(rebuilt.participants.map((participant) => [participant.nodeId, participant.state, participant.writes])).toEqual([
      ['node-2', 'PREPARED', 1],
      ['node-3', 'PREPARED', 1],
    ]);
  });

  it('keeps a PREPARED XA branch (recover lists it, commit works) and makes an ACTIVE one ROLLBACK_ONLY', async () => {
    const store = newStore();
    const first = await start(store);
    first.engine.registerResourceManager({ name: 'rm', nodeId: 'node-2' });
    first.engine.xaStart({ xid: "'kept'", resourceManager: 'rm', writes: [{ op: 'put', table: 't', key: 'k', row: { v: 1 } }] });
    first.engine.xaEnd("'kept'");
    first.engine.xaPrepare("'kept'");
    first.engine.xaStart({ xid: "'lost'", resourceManager: 'rm', writes: [{ op: 'put', table: 't', key: 'l', row: {} }] });
    const second = await restart(first, store);
    expect(second.engine.listResourceManagers().map((manager) => [manager.name, manager.branches, manager.prepared])).toEqual([['rm', 2, 1]]);
    expect(second.engine.xaRecover().map((branch) => branch.xid)).toEqual(["'kept','',1"]);
    expect(second.engine.xaStatus("'lost'").state).toBe('ROLLBACK_ONLY');
    second.engine.xaCommit("'kept'");
    expect(rowOn(second, 'node-2', 't', 'k')).toEqual({ v: 1 });
    expect(second.engine.xaRollback("'lost'").state).toBe('ROLLED_BACK');
  });
});
