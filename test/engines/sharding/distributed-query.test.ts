/** Distributed query execution: equal to a serial evaluation over every layout, on the cluster clock, bounded history and measured statistics. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSerially } from '../../../src/engines/query/aggregation.js';
import type { QueryRow } from '../../../src/engines/query/select-query.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { VirtualClock } from '../../../src/engines/runtime/index.js';
import { validateDistributedQueryConfig } from '../../../src/engines/sharding/distributed-query-config.js';
import { DistributedQueryExecutor, type DistributedQueryDeps } from '../../../src/engines/sharding/distributed-query.js';
import { explainSelect, type PlannedShard } from '../../../src/engines/sharding/shard-query-plan.js';
import { ShardRouter } from '../../../src/engines/sharding/shard-router.js';
import { validateShardedTable, type ShardingStrategyInput } from '../../../src/engines/sharding/sharded-table.js';

const COLUMNS = [
  { name: 'id', type: 'INTEGER' as const },
  { name: 'region', type: 'STRING' as const },
  { name: 'amount', type: 'INTEGER' as const },
  { name: 'flag', type: 'BOOLEAN' as const },
];
const REGIONS = ['eu', 'us', 'apac', 'latam'];

const strategies: fc.Arbitrary<{ key: string; strategy: ShardingStrategyInput }> = fc.oneof(
  fc.record({ key: fc.constant('id'), strategy: fc.record({ type: fc.constant('HASH' as const), numShards: fc.integer({ min: 1, max: 5 }), hashFunction: fc.constantFrom('DEFAULT' as const, 'CONSISTENT' as const, 'FNV' as const) }) }),
  fc.constant<{ key: string; strategy: ShardingStrategyInput }>({ key: 'id', strategy: { type: 'RANGE', ranges: [{ lowerBound: null, upperBound: 10 }, { lowerBound: 10, upperBound: 25 }, { lowerBound: 25, upperBound: null }] } }),
  fc.constant<{ key: string; strategy: ShardingStrategyInput }>({ key: 'region', strategy: { type: 'LIST', lists: [{ values: ['eu'] }, { values: ['us', 'apac'] }], defaultShard: true } }),
);

const rowsOf = fc.array(
  fc.record({
    id: fc.integer({ min: -5, max: 40 }),
    region: fc.constantFrom(...REGIONS),
    amount: fc.option(fc.integer({ min: -100, max: 1000 }), { nil: null }),
    flag: fc.option(fc.boolean(), { nil: null }),
  }),
  { maxLength: 60 },
);

const conditions = fc.constantFrom(
  'id = 7',
  'id IN (1, 12, 30)',
  'id < 12',
  'id >= 25',
  'amount > 100',
  'amount <= 0',
  "region = 'eu'",
  "region <> 'us'",
  "region IN ('apac', 'eu')",
  'flag = TRUE',
  'amount <> 5',
);
const whereOf = fc.uniqueArray(conditions, { maxLength: 3 }).map((list) => (list.length === 0 ? '' : ` WHERE ${list.join(' AND ')}`));
const limitOf = fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }).map((limit) => (limit === undefined ? '' : ` LIMIT ${limit}`));
const directed = (column: string) => fc.constantFrom(column, `${column} DESC`, `${column} ASC`);

const AGGREGATES = ['COUNT(*) AS n', 'SUM(amount) AS total', 'MIN(amount) AS low', 'MAX(region) AS last_region', 'AVG(amount) AS mean', 'COUNT(flag) AS flagged'];
const aggregateQuery = fc
  .record({
    groupBy: fc.uniqueArray(fc.constantFrom('region', 'flag', 'id'), { maxLength: 2 }),
    aggregates: fc.uniqueArray(fc.constantFrom(...AGGREGATES), { minLength: 1, maxLength: 3 }),
    where: whereOf,
    limit: limitOf,
  })
  .chain(({ groupBy, aggregates, where, limit }) => {
    const results = [...groupBy, ...aggregates.map((item) => item.split(' AS ')[1]!)];
    return fc.uniqueArray(fc.constantFrom(...results), { maxLength: 2 }).chain((ordered) =>
      fc.tuple(...ordered.map(directed)).map((terms) => {
        const items = [...groupBy, ...aggregates].join(', ');
        const grouping = groupBy.length === 0 ? '' : ` GROUP BY ${groupBy.join(', ')}`;
        const order = terms.length === 0 ? '' : ` ORDER BY ${terms.join(', ')}`;
        return `SELECT ${items} FROM orders${where}${grouping}${order}${limit}`;
      }),
    );
  });
const rowQuery = fc
  .record({ columns: fc.oneof(fc.constant(['*']), fc.uniqueArray(fc.constantFrom('id', 'region', 'amount', 'flag'), { minLength: 1, maxLength: 4 })), where: whereOf, limit: limitOf })
  .chain(({ columns, where, limit }) => {
    const orderable = columns[0] === '*' ? ['id', 'region', 'amount', 'flag'] : columns;
    return fc.uniqueArray(fc.constantFrom(...orderable), { maxLength: 2 }).chain((ordered) =>
      fc.tuple(...ordered.map(directed)).map((terms) => `SELECT ${columns.join(', ')} FROM orders${where}${terms.length === 0 ? '' : ` ORDER BY ${terms.join(', ')}`}${limit}`),
    );
  });

/** A cluster of `nodes` nodes where shard i lives on `placement[i]`; rows stored per shard. */
function cluster(router: ShardRouter, rows: readonly QueryRow[], placement: readonly number[], options: { down?: string[] } = {}) {
  const stored = Array.from({ length: router.shardCount }, () => [] as QueryRow[]);
  for (const row of rows) stored[router.routeKey(row).shardIndex]!.push(row);
  const shards: PlannedShard[] = stored.map((shardRows, index) => ({
    shardId: `orders-shard-${index + 1}`,
    servingNodeId: `node-${placement[index % placement.length]}`,
    status: 'ACTIVE',
    statistics: { rowCount: shardRows.length, sizeBytes: JSON.stringify(shardRows).length },
  }));
  const clock = new VirtualClock(Date.UTC(2026, 10, 21, 10, 30));
  const deps: DistributedQueryDeps = {
    clock,
    roundTripMs: (from, to) => (from === to ? 0 : options.down?.includes(to) ? null : 4),
    readRows: (fragment) => stored[fragment.shardIndex]!,
  };
  return { shards, clock, deps };
}

function routerOf(key: string, strategy: ShardingStrategyInput): ShardRouter {
  return new ShardRouter(validateShardedTable({ tableName: 'orders', columns: COLUMNS, shardKeyColumns: [key], strategy }));
}

describe('distributed query execution', () => {
  it('equals the serial evaluation over all rows, for random rows, layouts and queries', () => {
    fc.assert(
      fc.property(strategies, rowsOf, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 3 }), fc.oneof(aggregateQuery, rowQuery), ({ key, strategy }, rows, placement, coordinator, text) => {
        const router = routerOf(key, strategy);
        const { shards, clock, deps } = cluster(router, rows, placement);
        const executor = new DistributedQueryExecutor(deps, validateDistributedQueryConfig());
        const plan = explainSelect(text, router, shards, `node-${coordinator}`);
        const execution = executor.execute(plan, `node-${coordinator}`);
        clock.advance(100);
        expect(execution.status).toBe('COMPLETED');
        expect(execution.result).toEqual(evaluateSerially(plan.query, rows));
        expect(execution.rowsScanned).toBe(plan.fragments.reduce((sum, fragment) => sum + fragment.estimatedRows, 0));
      }),
      { numRuns: 300, seed: 1414 },
    );
  });

  it('runs fragments on the cluster clock (round trip plus scan), keeps actuals, and sends each shard top n', () => {
    const router = routerOf('id', { type: 'HASH', numShards: 3 });
    const rows = Array.from({ length: 2500 }, (_, id) => ({ id, region: REGIONS[id % 4]!, amount: id % 97, flag: id % 2 === 0 }));
    const { shards, clock, deps } = cluster(router, rows, [1, 2, 3]);
    const executor = new DistributedQueryExecutor(deps, validateDistributedQueryConfig({ scanRowsPerMs: 100 }));
    const plan = explainSelect('SELECT id, amount FROM orders WHERE amount > 90 ORDER BY amount DESC, id LIMIT 4', router, shards, 'node-1');
    expect(plan).toMatchObject({ kind: 'SCATTER_GATHER', topNPerShard: true });
    expect(plan.merge).toBe("Merge 3 shards' top 4 rows in order by amount DESC, id ASC, keep the first 4 at the coordinator.");
    expect(plan.fragments[0]!.sql).toBe('SELECT id, amount FROM orders_1 WHERE amount > 90 ORDER BY amount DESC, id LIMIT 4');
    const execution = executor.execute(plan, 'node-1');
    expect(execution).toMatchObject({ queryId: 'dq-1', status: 'RUNNING' });
    const slowest = Math.max(...execution.fragments.map((fragment) => fragment.networkMs + fragment.scanMs));
    clock.advance(slowest - 1);
    expect(execution.status).toBe('RUNNING');
    expect(execution.fragments.filter((fragment) => fragment.status === 'COMPLETED').length).toBeGreaterThan(0);
    clock.advance(1);
    expect(execution).toMatchObject({ status: 'COMPLETED', durationMs: slowest, rowsScanned: 2500 });
    for (const fragment of execution.fragments) {
      expect(fragment.networkMs).toBe(fragment.nodeId === 'node-1' ? 0 : 4);
      expect(fragment.scanMs).toBe(Math.ceil(fragment.rowsScanned / 100));
      expect(fragment.elapsedMs).toBe(fragment.networkMs + fragment.scanMs);
      expect(fragment.rowsReturned).toBe(4);
    }
    expect(execution.result).toEqual(evaluateSerially(plan.query, rows));
    expect(execution.result!.rows.map((row) => row.amount)).toEqual([96, 96, 96, 96]);
  });

  it('lets each shard finish and top its groups when the GROUP BY holds the whole shard key', () => {
    const router = routerOf('region', { type: 'LIST', lists: [{ values: ['eu'] }, { values: ['us', 'apac'] }], defaultShard: true });
    const rows = Array.from({ length: 40 }, (_, id) => ({ id, region: REGIONS[id % 4]!, amount: id, flag: null }));
    const { shards, clock, deps } = cluster(router, rows, [1, 2]);
    const executor = new DistributedQueryExecutor(deps, validateDistributedQueryConfig());
    const plan = explainSelect('SELECT region, AVG(amount) AS mean FROM orders GROUP BY region ORDER BY mean DESC LIMIT 1', router, shards, 'node-1');
    expect(plan).toMatchObject({ kind: 'SCATTER_GATHER', groupsOnOneShard: true, topNPerShard: true });
    expect(plan.fragments[1]!.sql).toBe('SELECT region, AVG(amount) AS mean FROM orders_2 GROUP BY region ORDER BY mean DESC LIMIT 1');
    expect(plan.merge).toBe("Merge 3 shards' top 1 groups (each on one shard: grouped by the whole shard key) in order by mean DESC, keep the first 1 at the coordinator.");
    const execution = executor.execute(plan, 'node-1');
    clock.advance(10);
    expect(execution.fragments.map((fragment) => fragment.rowsReturned)).toEqual([1, 1, 1]);
    expect(execution.result).toEqual({ columns: ['region', 'mean'], rows: [{ region: 'latam', mean: 21 }] });
    expect(execution.result).toEqual(evaluateSerially(plan.query, rows));
  });

  it('fails a query whose fragment node cannot be reached or read, refuses an incomplete plan, and bounds results and history', () => {
    const router = routerOf('id', { type: 'HASH', numShards: 2 });
    const rows = Array.from({ length: 20 }, (_, id) => ({ id, region: 'eu', amount: id, flag: null }));
    const { shards, clock, deps } = cluster(router, rows, [1, 2], { down: ['node-2'] });
    const executor = new DistributedQueryExecutor(deps, validateDistributedQueryConfig({ maxKeptPlans: 2, maxResultRows: 5 }));
    const failed = executor.execute(explainSelect('SELECT COUNT(*) FROM orders', router, shards, 'node-1'), 'node-1');
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Fragment orders_2 failed: node-2 cannot be reached from the coordinator node-1.', result: null });

    const unreadable = new DistributedQueryExecutor({ ...deps, roundTripMs: () => 4, readRows: () => { throw new DomainError('CONFLICT', 'node-1 is down.'); } }, validateDistributedQueryConfig());
    const broken = unreadable.execute(explainSelect('SELECT COUNT(*) FROM orders', router, shards, 'node-1'), 'node-1');
    clock.advance(10);
    expect(broken).toMatchObject({ status: 'FAILED', durationMs: 4 });
    expect(broken.fragments.map((fragment) => fragment.status)).toEqual(['FAILED', 'FAILED']);

    const offline = shards.map((shard, index) => (index === 1 ? { ...shard, status: 'OFFLINE' as const } : shard));
    expect(() => executor.execute(explainSelect('SELECT COUNT(*) FROM orders', router, offline, 'node-1'), 'node-1')).toThrow('No node can answer for orders_2 (it is OFFLINE)');

    const single = (id: number) => explainSelect(`SELECT * FROM orders WHERE id = ${id}`, router, shards, 'node-1');
    const local = [...Array(20).keys()].find((id) => single(id).fragments[0]!.nodeId === 'node-1')!;
    const pinned = executor.execute(single(local), 'node-1');
    clock.advance(1);
    // On the coordinator's own node: no network, 1 ms to scan its shard.
    expect(pinned).toMatchObject({ status: 'COMPLETED', durationMs: 1, result: { rows: [{ id: local, region: 'eu', amount: local, flag: null }] } });
    const tooMany = executor.execute(explainSelect(`SELECT id FROM orders WHERE id IN (${[...Array(20).keys()].filter((id) => single(id).fragments[0]!.nodeId === 'node-1').join(', ')})`, router, shards, 'node-1'), 'node-1');
    clock.advance(1);
    expect(tooMany).toMatchObject({ status: 'FAILED', error: 'Row count exceeded 5 (maxResultRows); add a LIMIT or a narrower WHERE.' });
    expect(executor.list().map((execution) => execution.queryId)).toEqual(['dq-3', 'dq-2']);
    expect(executor.statistics()).toMatchObject({
      queriesStarted: 3,
      queriesCompleted: 1,
      queriesFailed: 2,
      queriesRunning: 0,
      singleShardQueries: 2,
      scatterGatherQueries: 1,
      singleShardPercent: 66.7,
      latency: { samples: 3, p50Ms: 1, maxMs: 1, meanMs: 0.7 },
    });
  });
});
