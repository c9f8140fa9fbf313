/**
 * A participant or coordinator named by a member of the physical group is the group's writable
 * role, not a node: after a failover the promoted standby, which replayed the PREPARE records and
 * the coordinator's log, finishes what the old primary had prepared or decided, as PostgreSQL
 * under Patroni does (the prepared transaction survives on the promoted standby and is committed
 * there). node-1 is the primary, node-4 its standby, node-2 and node-3 stand alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TransactionStep } from '../../../src/engines/transactions/two-phase-commit.js';
import { locksEverywhere, preparedEverywhere, rowOn, startTransactions, type TransactionsHarness } from './harness.js';

let harness: TransactionsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CONFIG = { decisionTimeoutMs: 200, decisionRetryMs: 50 };

async function start(onStep?: (step: TransactionStep) => void): Promise<TransactionsHarness> {
  harness = await startTransactions({ replicaIds: ['node-4'], config: CONFIG, ...(onStep ? { onStep } : {}) });
  await harness.advance(100);
  return harness;
}

function transfer(started: TransactionsHarness, nodeIds: readonly string[], coordinatorNodeId?: string): string {
  return started.engine.begin({
    participants: nodeIds.map((nodeId) => ({ nodeId, writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { on: nodeId } }] })),
    ...(coordinatorNodeId === undefined ? {} : { coordinatorNodeId }),
  }).transactionId;
}

/** Nothing prepared or locked on a node that can write, nothing in doubt, no coordinator log left. */
function expectNothingLeft(started: TransactionsHarness): void {
  expect(started.engine.listInDoubt()).toEqual([]);
  for (const nodeId of ['node-2', 'node-3', 'node-4']) {
    expect(started.cluster.storageOf(nodeId).twoPhaseCount(), `prepared on ${nodeId}`).toBe(0);
    expect(started.cluster.storageOf(nodeId).lockCount(), `locks on ${nodeId}`).toBe(0);
    expect(started.cluster.storageOf(nodeId).tableImage('pg_dist_transaction'), `log on ${nodeId}`).toEqual([]);
  }
}

describe('after a failover', () => {
  it("sends the coordinator's COMMIT to the promoted primary, which commits what the old primary prepared", async () => {
    const { engine, cluster } = await start();
    const id = transfer(harness as TransactionsHarness, ['node-1', 'node-2'], 'node-3');
    engine.prepare(id);
    await harness?.advance(50);
    expect(cluster.storageOf('node-4').preparedTransaction(id)?.status).toBe('PREPARED');

    harness?.crash('node-1');
    expect(cluster.failover({ targetReplicaId: 'node-4' }).newPrimaryId).toBe('node-4');
    engine.commit(id);
    await harness?.advance(300);

    const view = engine.get(id);
    expect(view.state).toBe('COMMITTED');
    expect(view.participants.map((participant) => [participant.nodeId, participant.state])).toEqual([
      ['node-1', 'COMMITTED'],
      ['node-2', 'COMMITTED'],
    ]);
    expect(rowOn(harness as TransactionsHarness, 'node-4', 'accounts', 'a1')).toEqual({ on: 'node-1' });
    expect(rowOn(harness as TransactionsHarness, 'node-2', 'accounts', 'a1')).toEqual({ on: 'node-2' });
    expectNothingLeft(harness as TransactionsHarness);
    // The new primary takes ordinary writes on the row again.
    expect(cluster.put('accounts', 'a1', { on: 'after' }).lsn).toBeGreaterThan(0);
  });

  it("takes over the coordinator's role too: the promoted primary re-sends the COMMIT its replayed log holds, then forgets it", async () => {
    const holder: { crashed: boolean } = { crashed: false };
    const { engine, cluster } = await start((step) => {
      // The coordinator (the primary, by default) logged COMMIT and goes down before any Decision leaves it.
      if (holder.crashed || step.kind !== 'send' || step.what !== 'Decision') return;
      holder.crashed = true;
      harness?.crash('node-1');
    });
    const id = transfer(harness as TransactionsHarness, ['node-1', 'node-2']);
    expect(engine.get(id).coordinatorNodeId).toBe('node-1');
    engine.commit(id);
    await harness?.advance(50);
    expect(holder.crashed).toBe(true);
    expect(cluster.storageOf('node-4').getRow('pg_dist_transaction', id)).toBeDefined();

    cluster.failover({ targetReplicaId: 'node-4' });
    await harness?.advance(300);

    expect(engine.get(id)).toMatchObject({ state: 'COMMITTED', decision: 'COMMIT' });
    expect(rowOn(harness as TransactionsHarness, 'node-4', 'accounts', 'a1')).toEqual({ on: 'node-1' });
    expect(rowOn(harness as TransactionsHarness, 'node-2', 'accounts', 'a1')).toEqual({ on: 'node-2' });
    expectNothingLeft(harness as TransactionsHarness);
  });

  it('presumes abort for what the crashed primary coordinated without a logged decision, on the promoted primary and its peers', async () => {
    const { engine, cluster } = await start();
    const id = transfer(harness as TransactionsHarness, ['node-1', 'node-2']);
    engine.prepare(id);
    // Still ACTIVE when the primary crashes: its work on node-2 holds a lock for an hour unless the takeover drops it.
    const active = engine.begin({ participants: [{ nodeId: 'node-2', writes: [{ op: 'put', table: 'orders', key: 'o1', row: {} }] }, { nodeId: 'node-3' }], timeoutMs: 3_600_000 }).transactionId;
    await harness?.advance(50);
    expect(engine.get(id).state).toBe('PREPARED');
    expect(engine.get(active).state).toBe('ACTIVE');

    harness?.crash('node-1');
    cluster.failover({ targetReplicaId: 'node-4' });
    await harness?.advance(300);

    expect(engine.get(active).state).toBe('ABORTED');
    expect(cluster.storageOf('node-2').lockOwner('orders', 'o1')).toBeUndefined();
    expect(engine.get(id)).toMatchObject({ state: 'ABORTED', decision: 'ABORT' });
    expect(engine.get(id).reason).toContain('node-4 took over the coordinator node-1');
    expect(rowOn(harness as TransactionsHarness, 'node-4', 'accounts', 'a1')).toBeUndefined();
    expect(rowOn(harness as TransactionsHarness, 'node-2', 'accounts', 'a1')).toBeUndefined();
    expectNothingLeft(harness as TransactionsHarness);

    // The old primary comes back as a standby of node-4: it follows the new timeline and holds nothing.
    harness?.runtime.faults.healAll();
    await harness?.advance(1000);
    expect(cluster.writeRoleOf('node-1')).toBe('STANDBY');
    expect(engine.get(id).state).toBe('ABORTED');
    expect(locksEverywhere(harness as TransactionsHarness)).toBe(0);
    expect(preparedEverywhere(harness as TransactionsHarness)).toBe(0);
  });
});
