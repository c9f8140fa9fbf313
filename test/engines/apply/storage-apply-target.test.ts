import { afterEach, describe, expect, it } from 'vitest';
import { ApplyEngine } from '../../../src/engines/apply/apply-engine.js';
import { StorageApplyTarget } from '../../../src/engines/apply/storage-apply-target.js';
import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import { startEngineWorld, type EngineWorld } from '../runtime/engine-world.js';
import { makeWorkload } from './apply-harness.js';

let world: EngineWorld<object> | undefined;
afterEach(async () => world?.close());

describe('StorageApplyTarget: the direct path into a node', () => {
  it('writes a standalone node; a crashed node is a transient error, retried until it is back; a standby is permanent', async () => {
    world = await startEngineWorld<object>({ seed: 3 });
    const replication = ReplicationCluster.bootstrap({ runtime: world.runtime }, { nodeIds: ['node-1', 'node-2', 'node-3'], replicaIds: ['node-2'] });
    const engine = new ApplyEngine({ clock: world.runtime.clock, persistence: { saveConfig: () => {}, saveApplier: () => {}, deleteApplier: () => {} } });
    engine.configure({ retryInitialBackoffMs: 200, retryMaxBackoffMs: 200, maxRetries: 50 });
    const transactions = makeWorkload({ transactions: 20, dependentShare: 0.2, seed: 9 });
    const applier = engine.applierFor('sub-1', new StorageApplyTarget(replication, 'node-3'));

    const crash = world.fault({ type: 'crash', nodes: ['node-3'] });
    applier.enqueue(transactions);
    await world.advance(1000);
    expect(applier.status()).toMatchObject({ state: 'RUNNING', lastError: { reason: 'node-3 is down', permanent: false } });
    expect(applier.status().retryingTransactions).toBeGreaterThan(0);
    world.heal(crash);
    await world.advance(1000);
    expect(applier.status()).toMatchObject({ queuedTransactions: 0, checkpointLsn: transactions.at(-1)!.endLsn });
    const storage = replication.storageOf('node-3');
    const expected = new Map<string, unknown>();
    for (const tx of transactions) for (const change of tx.changes) expected.set(change.key, change.row);
    for (const [key, row] of expected) expect(storage.getRow('accounts', key)?.row).toEqual(row);

    const standby = engine.applierFor('sub-2', new StorageApplyTarget(replication, 'node-2'));
    standby.enqueue(transactions.slice(0, 1));
    await world.advance(100);
    expect(standby.state()).toBe('ABENDED');
    expect(standby.status().lastError?.reason).toMatch(/hot standby/);
    engine.close();
    replication.close();
  });
});
