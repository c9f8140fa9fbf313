/**
 * The engine on virtual time: writes replicate both ways and every site applies each once,
 * concurrent writes are conflicts resolved alike everywhere, quorum writes and reads count real
 * acknowledgements, and state comes back after a restart.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startMultiMaster, type MmHarness } from './mm-harness.js';

let harness: MmHarness;
afterEach(() => harness?.close());

const SITES = [{ nodeId: 'node-1' }, { nodeId: 'node-2' }, { nodeId: 'node-3' }];

function hashes(h: MmHarness, groupId: string): string[] {
  return h.engine.group(groupId).sites.map((site) => h.engine.dataHashOf(groupId, site.siteId));
}

describe('replication', () => {
  test('a write at one site reaches every site once, and is never shipped back', async () => {
    harness = startMultiMaster();
    const group = harness.engine.createGroup({ name: 'orders', tables: ['orders'], sites: SITES, writeQuorum: 1, readQuorum: 1 });
    const outcome = await harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 'orders', key: 'o1', row: { total: 10 } }]).settled;
    expect(outcome.state).toBe('COMMITTED');
    expect(harness.engine.convergence(group.groupId).converged).toBe(false);
    harness.advance(200);
    for (const nodeId of ['node-2', 'node-3']) expect(harness.replication.storageOf(nodeId).getRow('orders', 'o1')?.row).toEqual({ total: 10 });
    expect(new Set(hashes(harness, group.groupId)).size).toBe(1);
    const counters = harness.engine.counters(group.groupId);
    // Two peers received the one change; nobody shipped it again.
    expect(counters.changesApplied).toBe(2);
    expect(counters.changesShipped).toBe(2);
    harness.advance(2000);
    expect(harness.engine.counters(group.groupId).changesShipped).toBe(2);
    const report = harness.engine.convergence(group.groupId);
    expect(report.converged).toBe(true);
    expect(report.lastConvergenceMs).toBeGreaterThan(0);
  });

  test('concurrent writes are one conflict, resolved alike everywhere (last writer wins)', async () => {
    harness = startMultiMaster();
    const group = harness.engine.createGroup({ name: 'g', tables: ['t'], sites: SITES, writeQuorum: 1, readQuorum: 1 });
    await harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 't', key: 'k', row: { v: 'one' } }]).settled;
    harness.advance(1);
    await harness.engine.write(group.groupId, 'node-3', [{ op: 'put', table: 't', key: 'k', row: { v: 'three' } }]).settled;
    harness.advance(500);
    for (const nodeId of ['node-1', 'node-2', 'node-3']) expect(harness.replication.storageOf(nodeId).getRow('t', 'k')?.row).toEqual({ v: 'three' });
    expect(new Set(hashes(harness, group.groupId)).size).toBe(1);
    expect(harness.conflicts.size).toBe(1);
    const [conflict] = [...harness.conflicts.values()];
    expect(conflict!.winnerSiteId).toBe('node-3');
    expect(conflict!.versions.map((version) => version.siteId).sort()).toEqual(['node-1', 'node-3']);
  });

  test('MULTI_VALUE keeps both as siblings until a write that saw them', async () => {
    harness = startMultiMaster();
    const group = harness.engine.createGroup({ name: 'g', tables: ['t'], sites: SITES, writeQuorum: 1, readQuorum: 1, conflictStrategy: 'MULTI_VALUE' });
    await harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 't', key: 'k', row: { v: 1 } }]).settled;
    await harness.engine.write(group.groupId, 'node-2', [{ op: 'put', table: 't', key: 'k', row: { v: 2 } }]).settled;
    harness.advance(500);
    expect(harness.engine.versionAt(group.groupId, 'node-3', 't', 'k')!.siblings).toHaveLength(2);
    await harness.engine.write(group.groupId, 'node-3', [{ op: 'put', table: 't', key: 'k', row: { v: 3 } }]).settled;
    harness.advance(500);
    for (const siteId of ['node-1', 'node-2', 'node-3']) expect(harness.engine.versionAt(group.groupId, siteId, 't', 'k')).toMatchObject({ siblings: [], row: { v: 3 } });
  });

  test('CRDT_PER_COLUMN counters add concurrent increments', async () => {
    harness = startMultiMaster();
    const group = harness.engine.createGroup({ name: 'g', tables: ['t'], sites: SITES, writeQuorum: 1, readQuorum: 1, conflictStrategy: 'CRDT_PER_COLUMN', columnCrdts: { likes: 'PN_COUNTER' } });
    await harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 't', key: 'k', row: { likes: 5 } }]).settled;
    harness.advance(300);
    await harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 't', key: 'k', row: { likes: 7 } }]).settled;
    await harness.engine.write(group.groupId, 'node-2', [{ op: 'put', table: 't', key: 'k', row: { likes: 4 } }]).settled;
    harness.advance(500);
    // +5, then +2 at node-1 and -1 at node-2, concurrently: 6 everywhere.
    for (const nodeId of ['node-1', 'node-2', 'node-3']) expect(harness.replication.storageOf(nodeId).getRow('t', 'k')?.row).toEqual({ likes: 6 });
  });
});

describe('quorum', () => {
  test('a write that cannot reach its quorum fails, and no site keeps it', async () => {
    harness = startMultiMaster();
    const group = harness.engine.createGroup({ name: 'g', tables: ['t'], sites: SITES, writeQuorum: 2, readQuorum: 2 });
    harness.runtime.faults.inject({ type: 'partition', groups: [['node-1'], ['node-2', 'node-3']] }, 'p', harness.runtime.clock.now());
    const pending = harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 't', key: 'k', row: { v: 1 } }]);
    expect(pending.outcome().state).toBe('PENDING');
    harness.advance(harness.engine.config.quorumTimeoutMs + 10);
    const outcome = await pending.settled;
    expect(outcome).toMatchObject({ state: 'FAILED', acknowledgedBy: ['node-1'] });
    harness.runtime.faults.healAll();
    harness.advance(1000);
    for (const nodeId of ['node-1', 'node-2', 'node-3']) expect(harness.replication.storageOf(nodeId).getRow('t', 'k')).toBeUndefined();
    expect(harness.engine.quorumStatus(group.groupId)).toMatchObject({ reachableSites: 3, writeQuorumReachable: true });
  });

  test('a write acknowledged by its quorum survives the coordinator crashing, and a quorum read returns it', async () => {
    harness = startMultiMaster();
    const group = harness.engine.createGroup({ name: 'g', tables: ['t'], sites: SITES, writeQuorum: 2, readQuorum: 2 });
    harness.runtime.faults.inject({ type: 'partition', groups: [['node-1', 'node-2'], ['node-3']] }, 'p', harness.runtime.clock.now());
    expect(harness.engine.quorumStatus(group.groupId)).toMatchObject({ reachableSites: 2, writeQuorumReachable: true });
    const pending = harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 't', key: 'k', row: { v: 1 } }]);
    harness.advance(50);
    const outcome = await pending.settled;
    expect(outcome.state).toBe('COMMITTED');
    expect(outcome.acknowledgedBy).toEqual(['node-1', 'node-2']);
    harness.runtime.faults.inject({ type: 'crash', nodes: ['node-1'] }, 'c', harness.runtime.clock.now());
    harness.runtime.faults.heal('p');
    harness.advance(1000);
    const read = harness.engine.read(group.groupId, 'node-3', [{ table: 't', key: 'k' }]);
    harness.advance(100);
    expect((await read.settled).rows[0]?.row).toEqual({ v: 1 });
    harness.runtime.faults.healAll();
    harness.advance(1000);
    expect(new Set(hashes(harness, group.groupId)).size).toBe(1);
  });
});

describe('state', () => {
  test('the catalog, the rows and their clocks come back after a restart, and replication resumes', async () => {
    harness = startMultiMaster();
    const group = harness.engine.createGroup({ name: 'g', tables: ['t'], sites: SITES, writeQuorum: 1, readQuorum: 1 });
    harness.runtime.faults.inject({ type: 'crash', nodes: ['node-3'] }, 'c', harness.runtime.clock.now());
    await harness.engine.write(group.groupId, 'node-1', [{ op: 'put', table: 't', key: 'k', row: { v: 1 } }]).settled;
    harness.advance(300);
    const clock = harness.engine.versionAt(group.groupId, 'node-2', 't', 'k')!.clock;
    harness.restart();
    expect(harness.engine.group(group.groupId).tables).toEqual(['t']);
    expect(harness.engine.versionAt(group.groupId, 'node-2', 't', 'k')!.clock).toEqual(clock);
    harness.runtime.faults.healAll();
    harness.advance(1500);
    expect(harness.replication.storageOf('node-3').getRow('t', 'k')?.row).toEqual({ v: 1 });
    expect(new Set(hashes(harness, group.groupId)).size).toBe(1);
  });
});
