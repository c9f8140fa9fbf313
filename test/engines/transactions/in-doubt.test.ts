/**
 * 2PC's blocking window, visible and resolvable: with the coordinator down after PREPARE the
 * transaction is IN_DOUBT (listed with age, votes, locks and xmin), a dry run shows what a
 * resolution would do, an operator's heuristic decision is recorded as such, and becomes
 * HEURISTIC_MIXED or HEURISTIC_HAZARD when the coordinator later decides otherwise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TransactionStep } from '../../../src/engines/transactions/two-phase-commit.js';
import { domainErrorFrom, locksEverywhere, preparedEverywhere, rowOn, startTransactions, type TransactionsHarness } from './harness.js';

let harness: TransactionsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CONFIG = { decisionTimeoutMs: 200, decisionRetryMs: 50 };

/** A harness whose coordinator node-1 crashes at the first step `when` matches. */
async function crashingCoordinator(when: (step: TransactionStep) => boolean): Promise<{ harness: TransactionsHarness; crashFault: () => string | null }> {
  const holder: { harness?: TransactionsHarness; fault: string | null } = { fault: null };
  const started = await startTransactions({
    config: CONFIG,
    onStep: (step) => {
      if (holder.fault === null && holder.harness !== undefined && when(step)) holder.fault = holder.harness.crash('node-1');
    },
  });
  holder.harness = started;
  return { harness: started, crashFault: () => holder.fault };
}

function transfer(engine: TransactionsHarness['engine'], nodeIds: readonly string[]): string {
  return engine.begin({ participants: nodeIds.map((nodeId) => ({ nodeId, writes: [{ op: 'put', table: 'accounts', key: 'a1', row: { on: nodeId } }] })) }).transactionId;
}

describe('the blocking window', () => {
  it('lists a transaction whose coordinator is down after PREPARE as IN_DOUBT, with age, votes, locks and xmin, and keeps it blocked', async () => {
    // The coordinator logs COMMIT, then crashes before telling anyone.
    const setup = await crashingCoordinator((step) => step.kind === 'send' && step.what === 'Decision');
    harness = setup.harness;
    const { engine } = harness;
    const id = transfer(engine, ['node-2', 'node-3', 'node-4']);
    engine.commit(id);
    await harness.advance(30);
    expect(setup.crashFault()).not.toBeNull();
    await harness.advance(1000);
    const view = engine.get(id);
    expect(view.state).toBe('IN_DOUBT');
    expect(view.participants.map((participant) => [participant.state, participant.vote])).toEqual([
      ['IN_DOUBT', 'YES'],
      ['IN_DOUBT', 'YES'],
      ['IN_DOUBT', 'YES'],
    ]);
    const [listed] = engine.listInDoubt();
    expect(listed?.transactionId).toBe(id);
    expect(listed?.coordinatorReachable).toBe(false);
    expect(listed?.coordinatorLog).toBe('COMMIT');
    expect(listed?.ageMs).toBeGreaterThanOrEqual(1000);
    expect(listed?.inDoubtForMs).toBeGreaterThan(0);
    expect(listed?.locks).toEqual([
      { nodeId: 'node-2', table: 'accounts', key: 'a1' },
      { nodeId: 'node-3', table: 'accounts', key: 'a1' },
      { nodeId: 'node-4', table: 'accounts', key: 'a1' },
    ]);
    expect(listed?.xminPinned).toBe(Math.min(...view.participants.map((participant) => participant.xminPinned as number)));
    expect(harness.events.some((event) => event.type === 'distributed_transaction_in_doubt' && (event.payload as { transactionId: string }).transactionId === id)).toBe(true);
    // Every participant voted YES, so no peer knows: cooperative termination cannot end it.
    await harness.advance(5000);
    expect(engine.get(id).state).toBe('IN_DOUBT');
    expect(rowOn(harness, 'node-2', 'accounts', 'a1')).toBeUndefined();
    // The coordinator comes back, re-sends its logged COMMIT, and forgets.
    harness.heal(setup.crashFault() as string);
    await harness.advance(200);
    expect(engine.get(id).state).toBe('COMMITTED');
    expect(rowOn(harness, 'node-4', 'accounts', 'a1')).toEqual({ on: 'node-4' });
    expect(harness.cluster.storageOf('node-1').tableImage('pg_dist_transaction')).toEqual([]);
    expect(engine.listInDoubt()).toEqual([]);
  });

  it('ends the window by cooperative termination when a participant had not voted: it aborts on its own and tells its prepared peers', async () => {
    harness = await startTransactions({ config: CONFIG });
    const { engine } = harness;
    const id = transfer(engine, ['node-2', 'node-3']);
    await harness.advance(10);
    // node-3 did its writes but is cut off before it hears Prepare; node-2 prepares; then the coordinator crashes.
    const partition = harness.fault({ type: 'partition', groups: [['node-3'], ['node-1', 'node-2', 'node-4']] });
    engine.prepare(id);
    await harness.advance(10);
    expect(engine.get(id).participants.map((participant) => participant.state)).toEqual(['PREPARED', 'ACTIVE']);
    harness.crash('node-1');
    harness.heal(partition);
    await harness.advance(1000);
    const view = engine.get(id);
    expect(view.state).toBe('ABORTED');
    expect(view.participants[1]?.reason).toContain('aborted');
    expect(locksEverywhere(harness)).toBe(0);
  });

  it('records an operator\'s heuristic decision, shows it first as a dry run, and reclassifies it when the coordinator later decides otherwise', async () => {
    // The coordinator crashes before logging its decision: when it returns, abort is presumed.
    const setup = await crashingCoordinator((step) => step.kind === 'log' && step.what === 'LOG COMMIT');
    harness = setup.harness;
    const { engine } = harness;
    const id = transfer(engine, ['node-2', 'node-3', 'node-4']);
    engine.commit(id);
    await harness.advance(1000);
    expect(engine.get(id).state).toBe('IN_DOUBT');
    expect(engine.getInDoubt(id).coordinatorLog).toBeNull();

    const dryRun = engine.resolve(id, { outcome: 'COMMIT', nodeIds: ['node-2', 'node-3'], dryRun: true });
    expect(dryRun.participants.map((participant) => [participant.nodeId, participant.action, participant.locksReleased.length, participant.rowsWritten])).toEqual([
      ['node-2', 'COMMIT_PREPARED', 1, 1],
      ['node-3', 'COMMIT_PREPARED', 1, 1],
      ['node-4', 'NONE', 0, 0],
    ]);
    expect(dryRun.contradictsCoordinator).toBe(true);
    expect(dryRun.resultingState).toBe('HEURISTIC_COMMIT');
    // A dry run changes nothing.
    expect(engine.get(id).state).toBe('IN_DOUBT');
    expect(rowOn(harness, 'node-2', 'accounts', 'a1')).toBeUndefined();

    const resolved = engine.resolve(id, { outcome: 'COMMIT', nodeIds: ['node-2', 'node-3'] });
    expect(resolved.transaction.state).toBe('HEURISTIC_COMMIT');
    expect(resolved.transaction.participants.map((participant) => participant.state)).toEqual(['HEURISTIC_COMMIT', 'HEURISTIC_COMMIT', 'IN_DOUBT']);
    expect(rowOn(harness, 'node-2', 'accounts', 'a1')).toEqual({ on: 'node-2' });
    expect(harness.cluster.storageOf('node-2').preparedTransaction(id)?.status).toBe('HEURISTIC_COMMIT');
    // A peer never cites a heuristic outcome: node-4 stays in doubt.
    await harness.advance(1000);
    expect(engine.get(id).participants[2]?.state).toBe('IN_DOUBT');

    // The coordinator returns without a COMMIT in its log: ABORT, which contradicts the operator.
    harness.heal(setup.crashFault() as string);
    await harness.advance(300);
    const after = engine.get(id);
    expect(after.decision).toBe('ABORT');
    expect(after.participants.map((participant) => participant.state)).toEqual(['HEURISTIC_COMMIT', 'HEURISTIC_COMMIT', 'ABORTED']);
    expect(after.state).toBe('HEURISTIC_MIXED');
    expect(after.contradictsDecision).toBe(true);
    const heuristicEvents = harness.events.filter((event) => event.type === 'distributed_transaction_heuristic').map((event) => (event.payload as { state: string }).state);
    expect(heuristicEvents).toEqual(['HEURISTIC_COMMIT', 'HEURISTIC_MIXED']);
    expect(engine.statistics().counters).toMatchObject({ heuristicCommit: 1, heuristicMixed: 1 });

    // Forgetting clears the heuristic entries (FORGET records) and moves it to the history.
    const forgotten = engine.forget(id);
    expect(forgotten.state).toBe('HEURISTIC_MIXED');
    expect(preparedEverywhere(harness)).toBe(0);
    expect(engine.list({ state: 'HEURISTIC_MIXED' })[0]?.finishedAtMs).not.toBeNull();
    await harness.journal.flush();
    expect(harness.events.some((event) => event.type === 'distributed_transaction_forgotten')).toBe(true);
    expect(domainErrorFrom(() => engine.forget(id)).code).toBe('CONFLICT');
  });

  it('is HEURISTIC_HAZARD while a participant that must apply the contradicting decision is down, and HEURISTIC_MIXED once it has', async () => {
    const setup = await crashingCoordinator((step) => step.kind === 'log' && step.what === 'LOG COMMIT');
    harness = setup.harness;
    const { engine } = harness;
    const id = transfer(engine, ['node-2', 'node-3']);
    engine.commit(id);
    await harness.advance(1000);
    engine.resolve(id, { outcome: 'COMMIT', nodeIds: ['node-2'] });
    const node3 = harness.crash('node-3');
    harness.heal(setup.crashFault() as string);
    await harness.advance(300);
    expect(engine.get(id)).toMatchObject({ state: 'HEURISTIC_HAZARD', decision: 'ABORT', contradictsDecision: true });
    harness.heal(node3);
    await harness.advance(500);
    expect(engine.get(id).state).toBe('HEURISTIC_MIXED');
    expect(rowOn(harness, 'node-3', 'accounts', 'a1')).toBeUndefined();
    expect(rowOn(harness, 'node-2', 'accounts', 'a1')).toEqual({ on: 'node-2' });
  });

  it('keeps a uniform heuristic outcome that agrees with the decision, and refuses resolutions that make no sense', async () => {
    const setup = await crashingCoordinator((step) => step.kind === 'log' && step.what === 'LOG COMMIT');
    harness = setup.harness;
    const { engine } = harness;
    const id = transfer(engine, ['node-2', 'node-3']);
    expect(domainErrorFrom(() => engine.resolve(id, { outcome: 'ROLLBACK' })).code).toBe('CONFLICT');
    engine.commit(id);
    await harness.advance(1000);
    expect(domainErrorFrom(() => engine.resolve(id, { outcome: 'MAYBE' as 'COMMIT' })).code).toBe('UNPROCESSABLE');
    expect(domainErrorFrom(() => engine.resolve(id, { outcome: 'ROLLBACK', nodeIds: ['node-9'] })).code).toBe('UNPROCESSABLE');
    expect(domainErrorFrom(() => engine.resolve('dtx-404', { outcome: 'ROLLBACK' })).code).toBe('NOT_FOUND');
    engine.resolve(id, { outcome: 'ROLLBACK' });
    expect(engine.get(id).state).toBe('HEURISTIC_ROLLBACK');
    expect(locksEverywhere(harness)).toBe(0);
    harness.heal(setup.crashFault() as string);
    await harness.advance(300);
    expect(engine.get(id)).toMatchObject({ state: 'HEURISTIC_ROLLBACK', decision: 'ABORT', contradictsDecision: false });
  });
});
