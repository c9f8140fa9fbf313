/** Parallel query: plans over running instances, results equal to a serial evaluation, also with an instance down. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ParallelQuery } from '../../../src/engines/rac/parallel-query.js';
import { domainErrorFrom, startRac, type RacHarness } from './harness.js';

let harness: RacHarness;
afterEach(async () => {
  await harness?.close();
});

const QUERIES: ParallelQuery[] = [
  { table: 'sales', aggregates: [{ fn: 'COUNT' }, { fn: 'SUM', column: 'amount' }] },
  { table: 'sales', aggregates: [{ fn: 'AVG', column: 'amount' }, { fn: 'MIN', column: 'quantity' }, { fn: 'MAX', column: 'quantity' }], groupBy: ['region'] },
  { table: 'sales', aggregates: [{ fn: 'SUM', column: 'quantity' }, { fn: 'COUNT' }], groupBy: ['region', 'product'], where: { column: 'region', value: 'EAST' } },
  { table: 'sales', aggregates: [{ fn: 'MAX', column: 'product' }], where: { column: 'product', value: 'P99' } },
];

async function runAll(h: RacHarness): Promise<void> {
  for (const query of QUERIES) {
    const handle = h.cluster.executeQuery(query);
    await h.advance(200);
    expect(handle.run.status).toBe('COMPLETED');
    expect(handle.run.result).toEqual(h.cluster.evaluateCommitted(query));
  }
}

describe('parallel query', () => {
  it('equals a serial evaluation, after writes spread over the caches', async () => {
    harness = await startRac({ parallelQuery: { maxDop: 4, granuleBlocks: 2 } });
    const { cluster } = harness;
    const ids = cluster.instanceIds();
    cluster.storage.blockIds().forEach((blockId, index) => cluster.write(ids[index % ids.length]!, blockId, { rowIndex: index % 4, values: { amount: 100 * index, region: 'EAST' } }));
    await harness.advance(100);
    const plan = cluster.explain(QUERIES[1]!);
    expect(plan.dop).toBe(4);
    expect(plan.granules).toHaveLength(8);
    expect(new Set(plan.granules.map((granule) => granule.instanceId)).size).toBe(4);
    await runAll(harness);
    const stats = cluster.parallelQueryStats();
    expect(stats.completed).toBe(QUERIES.length);
    expect(stats.blocksRead).toBe(QUERIES.length * 16);
    expect(cluster.queryPlans()).toHaveLength(QUERIES.length);
    expect(harness.events.filter((event) => event.type === 'parallel_query_completed')).toHaveLength(QUERIES.length);
  });

  it('plans only on running instances and still equals the serial result with one down', async () => {
    harness = await startRac({ parallelQuery: { maxDop: 8 } });
    const { cluster } = harness;
    cluster.write('node-3', cluster.storage.blockIds()[2]!, { rowIndex: 0, values: { amount: 77777 } });
    await harness.advance(20);
    harness.fault({ type: 'crash', nodes: ['node-3'] });
    await harness.advance(500);
    expect(cluster.explain(QUERIES[0]!).instances).not.toContain('node-3');
    await runAll(harness);
  });

  it('moves the granules of a slave that crashes mid-query', async () => {
    harness = await startRac({ parallelQuery: { maxDop: 5, granuleBlocks: 1 } });
    const { cluster } = harness;
    const handle = cluster.executeQuery(QUERIES[1]!);
    harness.fault({ type: 'crash', nodes: [handle.run.plan.instances[0]!] });
    await harness.advance(1_000);
    expect(handle.run.status).toBe('COMPLETED');
    expect(handle.run.reassignedGranules).toBeGreaterThan(0);
    expect(handle.run.result).toEqual(cluster.evaluateCommitted(QUERIES[1]!));
  });

  it('rejects senseless queries and configs', async () => {
    harness = await startRac();
    const { cluster } = harness;
    expect(domainErrorFrom(() => cluster.executeQuery({ table: 'sales', aggregates: [{ fn: 'SUM' }], groupBy: ['colour'] })).details?.problems).toHaveLength(2);
    expect(domainErrorFrom(() => cluster.executeQuery({ table: 'nope', aggregates: [{ fn: 'COUNT' }] })).code).toBe('NOT_FOUND');
    expect(domainErrorFrom(() => cluster.setParallelQueryConfig({ maxDop: 0, adaptive: 1 as unknown as boolean })).details?.problems).toHaveLength(2);
    expect(cluster.parallelQueryStats().executed).toBe(0);
  });
});
