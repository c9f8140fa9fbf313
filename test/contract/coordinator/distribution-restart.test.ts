import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

const asAdmin = { 'X-API-Key': ADMIN_KEY };
const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-distribution-'));
const storePath = join(dataDir, 'rustydb.sqlite');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Shard {
  shardId: string;
  primaryNodeId: string;
  replicaNodeIds: string[];
  state: string;
  pendingMoves: unknown[];
}

/** What an operator decided about the backends: the fields that must survive a restart (counters are runtime observations). */
async function backendSpecs(server: TestServer) {
  const response = await server.http.get('/api/v1/cluster/load-balancer/backends').set(asAdmin);
  expectContract('listLoadBalancerBackends', response);
  return response.body.data.map(({ backendId, address, nodeId, weight, maxConnections }: Record<string, unknown>) => ({ backendId, address, nodeId, weight, maxConnections }));
}

async function get(server: TestServer, path: string) {
  const response = await server.http.get(path).set(asAdmin);
  expect(response.status).toBe(200);
  return response.body.data;
}

test('a restart keeps the backends, both strategies, shard assignments (a move in flight included), the ring, and sharded tables with their rows, states and placements', async () => {
  const first = await startTestServer({ nodes: 5, storePath });
  let before: { backends: unknown; shards: Shard[]; ring: unknown; movedTo: string; promoted: string; rows: unknown[][]; completedQuery: { queryId: string }; interruptedQueryId: string };
  try {
    await first.advance(1000);
    expect((await first.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ backendId: 'edge-proxy', address: '10.0.0.70:5432', weight: 3 })).status).toBe(201);
    expect((await first.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ backendId: 'node-3-pool', address: '10.0.0.73:6432', nodeId: 'node-3', health: 'DRAINING' })).status).toBe(201);
    // An operator may remove a node's own backend; the decision outlives the restart.
    expect((await first.http.delete('/api/v1/cluster/load-balancer/backends/node-4').set(asAdmin)).status).toBe(200);
    expect((await first.http.put('/api/v1/cluster/load-balancer/strategy').set(asAdmin).send({ strategy: 'LEAST_LATENCY' })).status).toBe(200);
    expect((await first.http.put('/api/v1/cluster/coordinator/execution-strategy').set(asAdmin).send({ strategy: 'BROADCAST' })).status).toBe(200);

    const shards: Shard[] = await get(first, '/api/v1/cluster/coordinator/shards');
    const shard6 = shards.find((each) => each.shardId === 'shard-6')!;
    const promoted = shard6.replicaNodeIds[0]!;
    expect((await first.http.post('/api/v1/cluster/coordinator/shards/shard-6/assign').set(asAdmin).send({ nodeId: promoted })).status).toBe(202);
    const shard5 = shards.find((each) => each.shardId === 'shard-5')!;
    const movedTo = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'].find((nodeId) => nodeId !== shard5.primaryNodeId && !shard5.replicaNodeIds.includes(nodeId))!;
    const moving = await first.http.post('/api/v1/cluster/coordinator/shards/shard-5/assign').set(asAdmin).send({ nodeId: movedTo });
    expect(moving.body.data.state).toBe('MOVING');

    // Sharded tables: the catalog, their groups' placements and states, and their rows on the nodes.
    const { sharding, replication } = first.platform.engines;
    // The workload would write `orders` through routing too: it keeps to `accounts`, so the rows are these.
    replication.workload.set({ tables: ['accounts'] });
    const columns = [{ name: 'id', type: 'INTEGER' as const }, { name: 'note', type: 'STRING' as const }];
    sharding.createTable({ tableName: 'orders', columns, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 4 } });
    sharding.createTable({ tableName: 'events', columns, shardKeyColumns: ['id'], strategy: { type: 'RANGE', ranges: [{ lowerBound: null, upperBound: 10 }, { lowerBound: 10, upperBound: null }] } });
    const rows = Array.from({ length: 20 }, (_, id) => ({ id, note: `row ${id}` }));
    sharding.writeRows('orders', rows);
    sharding.writeRows('events', rows);
    sharding.setShardState('events', 2, 'READ_ONLY', 'OPERATOR');
    const tableRows = () => ['orders', 'events'].map((table) => sharding.shardsOf(table).flatMap((each) => sharding.readShardRows(table, each.shardNumber).rows));

    // Distributed queries: one ends, one is still running when the server stops.
    const query = { query: 'SELECT COUNT(*) AS orders, SUM(id) AS ids FROM orders', coordinatorNodeId: 'node-1' };
    const completed = await first.http.post('/api/v1/cluster/query/execute-parallel').set(asAdmin).send(query);
    await first.advance(5);
    const interrupted = await first.http.post('/api/v1/cluster/query/execute-parallel').set(asAdmin).send(query);
    expect(interrupted.body.data.status).toBe('RUNNING');

    before = {
      completedQuery: await get(first, `/api/v1/cluster/query/plans/${completed.body.data.queryId}`),
      interruptedQueryId: interrupted.body.data.queryId,
      rows: tableRows(),
      backends: await backendSpecs(first),
      shards: await get(first, '/api/v1/cluster/coordinator/shards'),
      ring: await get(first, '/api/v1/cluster/dht/ring?limit=1000'),
      movedTo,
      promoted,
    };
  } finally {
    await first.close();
  }

  const second = await startTestServer({ nodes: 5, storePath });
  try {
    expect(await backendSpecs(second)).toEqual(before.backends);
    expect((await get(second, '/api/v1/cluster/load-balancer/statistics')).strategy).toBe('LEAST_LATENCY');
    expect(await get(second, '/api/v1/cluster/coordinator/shards')).toEqual(before.shards);
    expect(before.shards.filter((each) => each.shardId.includes('-shard-')).map((each) => each.state)).toEqual(['ACTIVE', 'READ_ONLY', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
    const { sharding } = second.platform.engines;
    expect(sharding.tables().map((table) => [table.tableName, table.group])).toEqual([['events', 'events'], ['orders', 'orders']]);
    expect(['orders', 'events'].map((table) => sharding.shardsOf(table).flatMap((each) => sharding.readShardRows(table, each.shardNumber).rows))).toEqual(before.rows);
    expect(before.rows.map((rows) => rows.length)).toEqual([20, 20]);
    expect(await get(second, '/api/v1/cluster/dht/ring?limit=1000')).toEqual(before.ring);
    // The kept plans and statistics: the ended query as it was, the running one FAILED, saying why.
    expect(before.completedQuery).toMatchObject({ status: 'COMPLETED', result: { rows: [{ orders: 20, ids: 190 }] } });
    const plans = await second.http.get('/api/v1/cluster/query/plans').set(asAdmin);
    expectContract('listDistributedQueryPlans', plans);
    expect(plans.body.data.map((each: { queryId: string; status: string }) => [each.queryId, each.status])).toEqual([
      [before.interruptedQueryId, 'FAILED'],
      [before.completedQuery.queryId, 'COMPLETED'],
    ]);
    expect(await get(second, `/api/v1/cluster/query/plans/${before.completedQuery.queryId}`)).toEqual(before.completedQuery);
    expect((await get(second, `/api/v1/cluster/query/plans/${before.interruptedQueryId}`)).error).toMatch(/restarted/);
    expect(await get(second, '/api/v1/cluster/query/statistics')).toMatchObject({ queriesStarted: 2, queriesCompleted: 1, queriesFailed: 1, queriesRunning: 0 });
    const plan = await second.http.post('/api/v1/cluster/coordinator/distribute-query').set(asAdmin).send({ sql: 'SELECT 1', coordinatorNodeId: 'node-1' });
    expect(plan.body.data.strategy).toBe('BROADCAST');

    // Until the restarted nodes heartbeat, only the backend outside the cluster takes connections.
    const healths = async () => Object.fromEntries(((await get(second, '/api/v1/cluster/load-balancer/backends')) as { backendId: string; health: string }[]).map((each) => [each.backendId, each.health]));
    expect(await healths()).toEqual({ 'edge-proxy': 'HEALTHY', 'node-1': 'UNHEALTHY', 'node-2': 'UNHEALTHY', 'node-3': 'UNHEALTHY', 'node-3-pool': 'UNHEALTHY', 'node-5': 'UNHEALTHY' });
    await second.advance(1000);
    expect(await healths()).toEqual({ 'edge-proxy': 'HEALTHY', 'node-1': 'HEALTHY', 'node-2': 'HEALTHY', 'node-3': 'HEALTHY', 'node-3-pool': 'DRAINING', 'node-5': 'HEALTHY' });

    // The copy in flight completes on the restarted cluster's clock.
    await second.advance(5000);
    const shards: Shard[] = await get(second, '/api/v1/cluster/coordinator/shards');
    expect(shards.find((each) => each.shardId === 'shard-5')).toMatchObject({ state: 'ACTIVE', primaryNodeId: before.movedTo, pendingMoves: [] });
    expect(shards.find((each) => each.shardId === 'shard-6')!.primaryNodeId).toBe(before.promoted);
  } finally {
    await second.close();
  }
});
