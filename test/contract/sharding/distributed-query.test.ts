/**
 * Distributed queries over a sharded table whose shards live on two writable nodes: explain,
 * execute (and its sharding alias), the kept plans, statistics, the GraphQL twins and the
 * progress on /api/v1/ws/query; every answer and frame checked against the contract.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateSerially } from '../../../src/engines/query/aggregation.js';
import { parseQueryText } from '../../../src/engines/query/query-text.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { closeAllStreams, listenOnLoopback, openStream } from '../../support/socket.js';
import { expectFrameInContract } from '../../support/stream-contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { detachReplica } from '../../support/transactions.js';

let server: TestServer;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const Q = '/api/v1/cluster/query';
const COLUMNS = ['order_id', 'customer_id', 'region', 'amount'];
const ROWS = Array.from({ length: 60 }, (_, index) => ({ order_id: index + 1, customer_id: index % 12, region: ['eu', 'us', 'apac'][index % 3]!, amount: (index * 37) % 101 }));
const GROUPED = 'SELECT region, COUNT(*) AS orders, SUM(amount) AS revenue, AVG(amount) AS mean FROM orders WHERE amount >= 10 GROUP BY region ORDER BY revenue DESC LIMIT 2';
const TOP = "SELECT order_id, amount FROM orders WHERE region IN ('eu', 'us') ORDER BY amount DESC, order_id LIMIT 3";

const serial = (text: string) => {
  const { columns, rows } = evaluateSerially(parseQueryText(text, () => COLUMNS), ROWS);
  return { columns, rows, rowCount: rows.length };
};

/** Advances the clock until the kept plan has ended; returns it. */
async function ended(queryId: string) {
  for (let step = 0; step < 20; step += 1) {
    const response = await server.http.get(`${Q}/plans/${queryId}`).set(asAdmin);
    expectContract('getDistributedQueryPlan', response);
    if (response.body.data.status !== 'RUNNING') return response.body.data;
    await server.advance(5);
  }
  throw new Error(`${queryId} still RUNNING`);
}

beforeAll(async () => {
  server = await startTestServer({ nodes: 3 });
  // The workload writes `orders` too, through routing, once it is a sharded table: stopped, so the rows are these.
  server.platform.engines.replication.workload.set({ ratePerSecond: 0 });
  await server.advance(1000);
  // node-3 leaves the physical group, so it takes writes: the table's shards spread over node-1 and node-3.
  await detachReplica(server, 'node-3');
  const { sharding } = server.platform.engines;
  sharding.createTable({
    tableName: 'orders',
    columns: [
      { name: 'order_id', type: 'INTEGER' },
      { name: 'customer_id', type: 'INTEGER' },
      { name: 'region', type: 'STRING' },
      { name: 'amount', type: 'INTEGER' },
    ],
    shardKeyColumns: ['customer_id'],
    primaryKeyColumns: ['customer_id', 'order_id'],
    strategy: { type: 'HASH', numShards: 4, hashFunction: 'MURMUR3' },
  });
  sharding.writeRows('orders', ROWS);
  await server.advance(100);
});
afterAll(async () => {
  await closeAllStreams();
  await server.close();
});

describe('distributed query', () => {
  test('explain shows the fragments on the shards nodes, their SQL and estimates, without running anything', async () => {
    const response = await server.http.post(`${Q}/explain`).set(asAdmin).send({ query: GROUPED, coordinatorNodeId: 'node-1' });
    expectContract('explainDistributedQuery', response);
    expect(response.status).toBe(200);
    const plan = response.body.data;
    const shards = server.platform.engines.sharding.shardsOf('orders');
    expect(plan).toMatchObject({ table: 'orders', kind: 'SCATTER_GATHER', complete: true, coordinatorNodeId: 'node-1', topNPerShard: false, estimatedRows: ROWS.length });
    expect(plan.fragments.map((fragment: { nodeId: string }) => fragment.nodeId)).toEqual(shards.map((shard) => shard.primaryNodeId));
    expect(new Set(plan.nodesContacted)).toEqual(new Set(['node-1', 'node-3']));
    for (const fragment of plan.fragments) {
      expect(fragment.sql).toBe(`SELECT region, COUNT(*), SUM(amount), COUNT(amount) FROM ${fragment.shardName} WHERE amount >= 10 GROUP BY region`);
      // DEFAULT_LINK: 1 ms latency and 1 ms jitter each way; a scan of under 1000 rows takes 1 ms.
      expect(fragment.estimatedMs).toBe((fragment.nodeId === 'node-1' ? 0 : 4) + 1);
    }
    expect(plan.merge).toBe('Merge 4 partial aggregates grouped by region at the coordinator (AVG as SUM / COUNT), then order by revenue DESC, keep the first 2.');
    const stats = await server.http.get(`${Q}/statistics`).set(asAdmin);
    expect(stats.body.data.queriesStarted).toBe(0);
  });

  test('execute runs the fragments on the cluster clock (202, then the kept plan), equal to a serial evaluation', async () => {
    const started = await server.http.post(`${Q}/execute-parallel`).set(asAdmin).send({ query: GROUPED, coordinatorNodeId: 'node-1' });
    expectContract('executeDistributedQuery', started);
    expect(started.status).toBe(202);
    const { queryId } = started.body.data;
    expect(started.headers.location).toBe(`${Q}/plans/${queryId}`);
    expect(started.body.data).toMatchObject({ status: 'RUNNING', result: null, rowsScanned: 0 });
    const done = await ended(queryId);
    expect(done).toMatchObject({ status: 'COMPLETED', rowsScanned: ROWS.length, durationMs: 5, result: serial(GROUPED) });
    for (const fragment of done.fragments) expect(fragment).toMatchObject({ status: 'COMPLETED', networkMs: fragment.nodeId === 'node-1' ? 0 : 4, scanMs: 1 });

    // The sharding module's path is the same operation: a top n per shard this time.
    const alias = await server.http.post('/api/v1/advanced-replication/sharding/query/execute').set(asAdmin).send({ query: TOP });
    expectContract('executeShardedQuery', alias);
    expect(alias.status).toBe(202);
    expect(await ended(alias.body.data.queryId)).toMatchObject({ status: 'COMPLETED', topNPerShard: true, result: serial(TOP) });

    // On a clock that runs on its own the answer waits for the end: 200 with the result, no Location.
    expect((await server.http.put('/api/v1/simulation/clock').set(asAdmin).send({ mode: 'realtime' })).status).toBe(200);
    try {
      const waited = await server.http.post(`${Q}/execute-parallel`).set(asAdmin).send({ query: TOP });
      expectContract('executeDistributedQuery', waited);
      expect(waited.status).toBe(200);
      expect(waited.headers.location).toBeUndefined();
      expect(waited.body.data).toMatchObject({ status: 'COMPLETED', result: serial(TOP) });
    } finally {
      expect((await server.http.put('/api/v1/simulation/clock').set(asAdmin).send({ mode: 'manual' })).status).toBe(200);
    }

    const listed = await server.http.get(`${Q}/plans?fields=status,kind&limit=1`).set(asAdmin);
    expectContract('listDistributedQueryPlans', listed, { sparse: true });
    expect(listed.body).toMatchObject({ data: [{ status: 'COMPLETED', kind: 'SCATTER_GATHER' }], pagination: { total: 3 } });
    const statistics = await server.http.get(`${Q}/statistics`).set(asAdmin);
    expectContract('getDistributedQueryStatistics', statistics);
    expect(statistics.body.data).toMatchObject({ queriesStarted: 3, queriesCompleted: 3, scatterGatherQueries: 3, rowsScanned: 3 * ROWS.length, keptPlans: 3, latency: { samples: 3, maxMs: 5 } });
    // The same counts, as Prometheus scrapes them.
    const scraped = (await server.http.get('/api/v1/metrics/prometheus').set(asAdmin)).text;
    expect(scraped).toContain('rustydb_sharding_queries_total{outcome="completed"} 3');
    expect(scraped).toContain(`rustydb_sharding_query_rows_scanned_total ${3 * ROWS.length}`);
    expect(scraped).toContain('rustydb_sharding_query_duration_seconds{quantile="1"} 0.005');
  });

  test('refuses bad input, unknown ids and roles, and a shard no node serves', async () => {
    const syntax = await server.http.post(`${Q}/execute-parallel`).set(asAdmin).send({ query: 'SELECT COUNT(*) FROM orders WHERE amount => 3' });
    expectContract('executeDistributedQuery', syntax);
    expect(syntax.status).toBe(422);
    expect(syntax.body.error.details).toMatchObject({ position: 43, expected: "a literal (a 'quoted string', a number, TRUE or FALSE)" });
    const unknownTable = await server.http.post(`${Q}/explain`).set(asAdmin).send({ query: 'SELECT COUNT(*) FROM carts' });
    expectContract('explainDistributedQuery', unknownTable);
    expect(unknownTable.status).toBe(404);
    const empty = await server.http.post(`${Q}/explain`).set(asAdmin).send({});
    expectContract('explainDistributedQuery', empty);
    expect(empty.status).toBe(400);
    const unknownPlan = await server.http.get(`${Q}/plans/dq-999`).set(asAdmin);
    expectContract('getDistributedQueryPlan', unknownPlan);
    expect(unknownPlan.status).toBe(404);
    const viewer = { 'X-API-Key': await server.keyFor('CLUSTER_VIEWER') };
    const forbidden = await server.http.post(`${Q}/execute-parallel`).set(viewer).send({ query: GROUPED });
    expectContract('executeDistributedQuery', forbidden);
    expect(forbidden.status).toBe(403);

    const { sharding } = server.platform.engines;
    sharding.setShardState('orders', 2, 'OFFLINE', 'OPERATOR');
    try {
      const offline = await server.http.post(`${Q}/execute-parallel`).set(asAdmin).send({ query: 'SELECT COUNT(*) FROM orders' });
      expectContract('executeDistributedQuery', offline);
      expect(offline.status).toBe(409);
      expect(offline.body.error.message).toBe('No node can answer for orders_2 (it is OFFLINE); the query would miss their rows.');
    } finally {
      sharding.setShardState('orders', 2, 'ACTIVE', 'OPERATOR');
    }
  });

  test('the GraphQL twins answer as REST does, and /api/v1/ws/query follows the query to its result', async () => {
    const { wsUrl } = await listenOnLoopback(server);
    const stream = await openStream(`${wsUrl}/api/v1/ws/query?apiKey=${ADMIN_KEY}`);
    stream.send({ type: 'config', progressIntervalMs: 10 });
    await stream.frames.until((frame) => (frame as { type: string }).type === 'config_ack', 'config_ack');
    const executed = dataOf(
      await graphql<{ executeDistributedQuery: { queryId: string; status: string; kind: string } }>(server, 'mutation ($q: String!) { executeDistributedQuery(query: $q) { queryId status kind } }', { q: TOP }),
    ).executeDistributedQuery;
    expect(executed).toMatchObject({ status: 'RUNNING', kind: 'SCATTER_GATHER' });
    const ending = stream.frames.until((frame) => (frame as { type: string }).type === 'query_completed', 'query_completed');
    await server.advance(10);
    const { match: completed, skipped } = await ending;
    expect(skipped[0]).toMatchObject({ type: 'query_progress', query: { queryId: executed.queryId, status: 'RUNNING', progress: { unit: 'FRAGMENT', done: 0, total: 4 } } });
    const reads = dataOf(
      await graphql<{ distributedQueryPlan: { status: string; result: unknown }; explainDistributedQuery: { kind: string }; distributedQueryStatistics: { queriesStarted: number } }>(
        server,
        `query ($id: ID!, $q: String!) { distributedQueryPlan(id: $id) { status result { columns rows rowCount } } explainDistributedQuery(query: $q) { kind } distributedQueryStatistics { queriesStarted } }`,
        { id: executed.queryId, q: "SELECT COUNT(*) FROM orders WHERE customer_id = 7" },
      ),
    );
    expect(reads).toMatchObject({ distributedQueryPlan: { status: 'COMPLETED', result: serial(TOP) }, explainDistributedQuery: { kind: 'SINGLE_SHARD' }, distributedQueryStatistics: { queriesStarted: 4 } });
    expect(completed).toMatchObject({ query: { queryId: executed.queryId, kind: 'DISTRIBUTED', status: 'COMPLETED', progress: { unit: 'FRAGMENT', done: 4, total: 4, percent: 100 }, result: serial(TOP) } });
    for (const frame of stream.frames.received) expectFrameInContract(frame);
    expect(codesOf(await graphql(server, '{ distributedQueryPlan(id: "dq-999") { status } explainDistributedQuery(query: "SELECT") { kind } }'))).toEqual(['UNPROCESSABLE']);
  });
});
