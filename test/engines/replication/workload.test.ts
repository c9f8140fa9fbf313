import { afterEach, describe, expect, it } from 'vitest';
import { Workload } from '../../../src/engines/replication/workload.js';
import { domainErrorFrom, expectTablesEqual, startReplication, type ReplicationHarness } from './harness.js';

let harness: ReplicationHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('workload', () => {
  it('writes at the rate on the cluster clock, settable while running, 0 stops it; standbys follow', async () => {
    harness = await startReplication();
    const { cluster, runtime } = harness;
    const workload = new Workload(runtime.clock, runtime.rng.fork('replication.workload'), cluster.workloadTarget());
    workload.set({ ratePerSecond: 50, keySpace: 20, mix: { insert: 1, update: 1, delete: 1 } });
    await harness.advance(2000);
    expect(workload.counters.issued).toBe(100);
    expect(workload.counters.deletes).toBeGreaterThan(0);
    expect(cluster.commitCounters().total).toBe(100);
    workload.set({ ratePerSecond: 5 });
    await harness.advance(1000);
    expect(workload.counters.issued).toBe(105);
    expect(domainErrorFrom(() => workload.set({ keySpace: 0, tables: [] })).code).toBe('UNPROCESSABLE');
    expect(workload.settings().keySpace).toBe(20);
    workload.set({ ratePerSecond: 0 });
    await harness.advance(1000);
    expect(workload.counters.issued).toBe(105);
    expectTablesEqual(cluster, ['node-2', 'node-3']);
    // Positions are published at most once per statusIntervalMs per replica.
    const updates = harness.events.filter((event) => event.type === 'wal_position_update' && (event.payload as { replicaId: string }).replicaId === 'node-2');
    const times = updates.map((event) => Date.parse(event.time));
    expect(updates.length).toBeGreaterThan(5);
    for (let index = 1; index < times.length; index += 1) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(100);
  });
});
