import { afterEach, describe, expect, it } from 'vitest';
import { domainErrorFrom, rowOn, startTransactions, type TransactionsHarness } from './harness.js';

let harness: TransactionsHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('XA branches on resource managers', () => {
  it('runs a branch through START, END, PREPARE and COMMIT: invisible until committed, listed by recover while prepared', async () => {
    harness = await startTransactions();
    const { engine } = harness;
    expect(engine.registerResourceManager({ name: 'inventory', nodeId: 'node-2' })).toMatchObject({ name: 'inventory', nodeId: 'node-2', branches: 0 });
    const started = engine.xaStart({ xid: "'order-17','inventory',1", resourceManager: 'inventory', writes: [{ op: 'put', table: 'stock', key: 'sku-9', row: { reserved: 1 } }] });
    expect(started).toMatchObject({ xid: "'order-17','inventory',1", gtrid: 'order-17', bqual: 'inventory', formatId: 1, state: 'ACTIVE', locksHeld: 1 });
    engine.xaEnd("'order-17','inventory'");
    const prepared = engine.xaPrepare('order-17,inventory,1');
    expect(prepared.state).toBe('PREPARED');
    expect(prepared.prepareLsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(rowOn(harness, 'node-2', 'stock', 'sku-9')).toBeUndefined();
    expect(engine.xaRecover().map((branch) => branch.xid)).toEqual(["'order-17','inventory',1"]);
    // The PREPARE record carries the xid and the resource manager, so recovery needs nothing else.
    expect(harness.cluster.storageOf('node-2').preparedTransaction('xa:1:6f726465722d3137:696e76656e746f7279')?.xa).toEqual({ formatId: 1, gtridHex: '6f726465722d3137', bqualHex: '696e76656e746f7279', resourceManager: 'inventory' });
    const committed = engine.xaCommit({ gtrid: 'order-17', bqual: 'inventory' });
    expect(committed).toMatchObject({ state: 'COMMITTED', locksHeld: 0, onePhase: false });
    expect(rowOn(harness, 'node-2', 'stock', 'sku-9')).toEqual({ reserved: 1 });
    expect(engine.xaRecover()).toEqual([]);
    await harness.advance(1);
    const changes = harness.events.filter((event) => event.type === 'xa_branch_state_changed').map((event) => (event.payload as { to: string }).to);
    expect(changes).toEqual(['ACTIVE', 'IDLE', 'PREPARED', 'COMMITTED']);
    expect(engine.xaStatistics()).toMatchObject({ counters: { started: 1, prepared: 1, committed: 1 }, resourceManagers: 1 });
  });

  it('answers illegal statements with XAER_PROTO, unknown xids with XAER_NOTA, duplicates with XAER_DUPID', async () => {
    harness = await startTransactions();
    const { engine } = harness;
    engine.registerResourceManager({ name: 'billing', nodeId: 'node-3' });
    engine.xaStart({ xid: "'t1'", resourceManager: 'billing' });
    const proto = domainErrorFrom(() => engine.xaPrepare("'t1'"));
    expect(proto.code).toBe('CONFLICT');
    expect(proto.details).toMatchObject({ xaError: 'XAER_PROTO', state: 'ACTIVE', operation: 'prepare' });
    expect(domainErrorFrom(() => engine.xaCommit("'nobody'")).details?.xaError).toBe('XAER_NOTA');
    expect(domainErrorFrom(() => engine.xaCommit("'nobody'")).code).toBe('NOT_FOUND');
    // Uniqueness is gtrid + bqual, whatever the formatID.
    expect(domainErrorFrom(() => engine.xaStart({ xid: "'t1','',9", resourceManager: 'billing' })).details?.xaError).toBe('XAER_DUPID');
    engine.xaEnd("'t1'");
    expect(domainErrorFrom(() => engine.xaCommit("'t1'")).details?.xaError).toBe('XAER_PROTO');
    expect(engine.xaCommit("'t1'", { onePhase: true })).toMatchObject({ state: 'COMMITTED', onePhase: true });
    expect(domainErrorFrom(() => engine.xaRollback("'t1'")).details).toMatchObject({ xaError: 'XAER_PROTO', state: 'COMMITTED' });
  });

  it('rolls back ACTIVE and IDLE branches at their timeout, never a PREPARED one', async () => {
    harness = await startTransactions({ config: { xaTimeoutMs: 500 } });
    const { engine } = harness;
    engine.registerResourceManager({ name: 'rm', nodeId: 'node-2' });
    engine.xaStart({ xid: "'active'", resourceManager: 'rm', writes: [{ op: 'put', table: 't', key: 'a', row: {} }] });
    engine.xaStart({ xid: "'idle'", resourceManager: 'rm' });
    engine.xaEnd("'idle'");
    engine.xaStart({ xid: "'prepared'", resourceManager: 'rm', writes: [{ op: 'put', table: 't', key: 'p', row: {} }], timeoutMs: 100 });
    engine.xaEnd("'prepared'");
    engine.xaPrepare("'prepared'");
    await harness.advance(600);
    expect(engine.xaStatus("'active'")).toMatchObject({ state: 'ROLLED_BACK', locksHeld: 0 });
    expect(engine.xaStatus("'active'").reason).toContain('XA_RBTIMEOUT');
    expect(engine.xaStatus("'idle'").state).toBe('ROLLED_BACK');
    expect(engine.xaStatus("'prepared'")).toMatchObject({ state: 'PREPARED', timeoutAtMs: null, locksHeld: 1 });
    expect(engine.xaStatistics().counters.timedOut).toBe(2);
  });

  it('waits for a row lock: END is refused (XAER_RMFAIL) while a write waits, and the lock timeout makes the branch ROLLBACK_ONLY', async () => {
    harness = await startTransactions({ config: { lockTimeoutMs: 300 } });
    const { engine } = harness;
    engine.registerResourceManager({ name: 'rm', nodeId: 'node-2' });
    const write = [{ op: 'put' as const, table: 't', key: 'hot', row: { v: 1 } }];
    engine.xaStart({ xid: "'holder'", resourceManager: 'rm', writes: write });
    const waiter = engine.xaStart({ xid: "'waiter'", resourceManager: 'rm', writes: write });
    expect(waiter.waitingForLock).toMatchObject({ table: 't', key: 'hot', heldBy: 'xa:1:686f6c646572:' });
    expect(domainErrorFrom(() => engine.xaEnd("'waiter'")).details?.xaError).toBe('XAER_RMFAIL');
    await harness.advance(400);
    expect(engine.xaStatus("'waiter'")).toMatchObject({ state: 'ROLLBACK_ONLY', waitingForLock: null });
    expect(engine.xaStatus("'waiter'").reason).toContain('lock timeout');
    expect(engine.statistics().counters).toMatchObject({ lockWaits: 1, lockWaitTimeouts: 1 });
    // A released lock goes to the next waiter, in order.
    engine.xaStart({ xid: "'next'", resourceManager: 'rm', writes: write });
    engine.xaEnd("'holder'");
    engine.xaRollback("'holder'");
    expect(engine.xaStatus("'next'")).toMatchObject({ state: 'ACTIVE', waitingForLock: null, locksHeld: 1 });
  });

  it('keeps resource managers honest: no standby, no duplicate name, no removal while a branch lives', async () => {
    harness = await startTransactions({ replicaIds: ['node-4'] });
    const { engine } = harness;
    expect(domainErrorFrom(() => engine.registerResourceManager({ name: 'ro', nodeId: 'node-4' })).message).toContain('hot standby');
    expect(domainErrorFrom(() => engine.registerResourceManager({ name: 'x', nodeId: 'node-9' })).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => engine.registerResourceManager({ name: '9bad', nodeId: 'node-2' })).code).toBe('UNPROCESSABLE');
    engine.registerResourceManager({ name: 'rm', nodeId: 'node-2' });
    expect(domainErrorFrom(() => engine.registerResourceManager({ name: 'rm', nodeId: 'node-3' })).code).toBe('CONFLICT');
    engine.xaStart({ xid: "'live'", resourceManager: 'rm' });
    const refused = domainErrorFrom(() => engine.removeResourceManager('rm'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details).toMatchObject({ liveBranches: 1, xids: ["'live','',1"] });
    engine.xaEnd("'live'");
    engine.xaRollback("'live'");
    expect(engine.removeResourceManager('rm').name).toBe('rm');
    expect(engine.listResourceManagers()).toEqual([]);
    expect(domainErrorFrom(() => engine.xaStart({ xid: "'x'", resourceManager: 'rm' })).code).toBe('NOT_FOUND');
  });
});
