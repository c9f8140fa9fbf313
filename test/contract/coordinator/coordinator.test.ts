import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer, type TestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];
const DISTRIBUTE = '/api/v1/cluster/coordinator/distribute-query';

interface Shard {
  shardId: string;
  startToken: number;
  endToken: number;
  state: string;
  primaryNodeId: string | null;
  replicaNodeIds: string[];
  pendingMoves: { role: string; fromNodeId: string | null; toNodeId: string; startedAt: string; completesAt: string }[];
  lastMovedAt: string | null;
}

interface Task {
  nodeId: string;
  shardIds: string[];
  copyRole: string | null;
  local: boolean;
}

async function shards(server: TestServer = fixture.server): Promise<Shard[]> {
  const response = await server.http.get('/api/v1/cluster/coordinator/shards').set(asAdmin);
  expect(response.status).toBe(200);
  return response.body.data as Shard[];
}

async function shard(shardId: string, server: TestServer = fixture.server): Promise<Shard> {
  return (await shards(server)).find((each) => each.shardId === shardId)!;
}

async function totalRoutedRequests(server: TestServer = fixture.server): Promise<number> {
  return (await server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin)).body.data.totalRequests as number;
}

function holders(each: Shard): string[] {
  return [each.primaryNodeId!, ...each.replicaNodeIds];
}

describe('listShards', () => {
  test('cuts the token space into 16 shards, each with a primary and two replicas on distinct nodes', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/coordinator/shards').set('X-API-Key', fixture.viewerKey);
    expect(response.status).toBe(200);
    expectContract('listShards', response);
    const all: Shard[] = response.body.data;
    expect(all.map((each) => each.shardId)).toEqual(Array.from({ length: 16 }, (_, index) => `shard-${index + 1}`));
    expect(all[0]!.startToken).toBe(0);
    expect(all.at(-1)!.endToken).toBe(2 ** 32 - 1);
    all.slice(1).forEach((each, index) => expect(each.startToken).toBe(all[index]!.endToken + 1));
    for (const each of all) {
      expect(each).toMatchObject({ state: 'ACTIVE', pendingMoves: [], lastMovedAt: null });
      expect(new Set(holders(each)).size).toBe(3);
    }
    // Primaries are spread evenly: 16 over 5 nodes is 3 or 4 each.
    const primaries = NODE_IDS.map((nodeId) => all.filter((each) => each.primaryNodeId === nodeId).length);
    expect(Math.max(...primaries) - Math.min(...primaries)).toBeLessThanOrEqual(1);
  });

  test('filters by the copies a node holds, sorts, pages and selects fields', async () => {
    const primaries = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?nodeId=node-1&role=PRIMARY&fields=primaryNodeId').set(asAdmin);
    expectContract('listShards', primaries, { sparse: true });
    expect(primaries.body.data.length).toBeGreaterThan(0);
    for (const each of primaries.body.data) expect(each).toEqual({ shardId: each.shardId, primaryNodeId: 'node-1' });
    const replicas = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?nodeId=node-1&role=REPLICA').set(asAdmin);
    expectContract('listShards', replicas);
    for (const each of replicas.body.data) expect(each.replicaNodeIds).toContain('node-1');
    const any = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?nodeId=node-1').set(asAdmin);
    expect(any.body.pagination.total).toBe(primaries.body.pagination.total + replicas.body.pagination.total);

    const moving = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?state=MOVING').set(asAdmin);
    expectContract('listShards', moving);
    expect(moving.body.pagination.total).toBe(0);
    const sorted = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?sort_by=primaryNodeId&order=desc&limit=3&offset=0').set(asAdmin);
    expectContract('listShards', sorted);
    expect(sorted.body.data.map((each: Shard) => each.primaryNodeId)).toEqual(Array(3).fill('node-5'));
    const reversed = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?order=desc&limit=1').set(asAdmin);
    expect(reversed.body.data[0].shardId).toBe('shard-16');
  });

  test('wants nodeId with role (422), a known state and limit (400) and known fields (422)', async () => {
    const roleAlone = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?role=PRIMARY').set(asAdmin);
    expect(roleAlone.status).toBe(422);
    expectContract('listShards', roleAlone);
    const bad = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?state=LOST&limit=5000').set(asAdmin);
    expect(bad.status).toBe(400);
    expectContract('listShards', bad);
    expect(bad.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['query/limit', 'query/state']);
    const unknown = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?fields=color').set(asAdmin);
    expect(unknown.status).toBe(422);
    expectContract('listShards', unknown);
  });
});

describe('assignShard', () => {
  test('a replica made primary takes over at once, the former primary staying as a replica', async () => {
    const before = await shard('shard-1');
    const replica = before.replicaNodeIds[0]!;
    const response = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-1/assign').set(asAdmin).send({ nodeId: replica });
    expect(response.status).toBe(202);
    expectContract('assignShard', response);
    expect(response.body.data).toMatchObject({ shardId: 'shard-1', state: 'ACTIVE', primaryNodeId: replica, pendingMoves: [] });
    expect(response.body.data.replicaNodeIds).toContain(before.primaryNodeId);
  });

  test('a primary moved to a node without a copy is MOVING for the copy time, then ACTIVE', async () => {
    const before = await shard('shard-2');
    const target = NODE_IDS.find((nodeId) => !holders(before).includes(nodeId))!;
    const response = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-2/assign').set(asAdmin).send({ nodeId: target, role: 'PRIMARY' });
    expect(response.status).toBe(202);
    expectContract('assignShard', response);
    const moved: Shard = response.body.data;
    expect(moved).toMatchObject({ state: 'MOVING', primaryNodeId: target });
    expect(moved.pendingMoves).toEqual([{ role: 'PRIMARY', fromNodeId: before.primaryNodeId, toNodeId: target, startedAt: moved.lastMovedAt, completesAt: expect.any(String) }]);
    expect(Date.parse(moved.pendingMoves[0]!.completesAt) - Date.parse(moved.pendingMoves[0]!.startedAt)).toBe(5000);

    const again = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-2/assign').set(asAdmin).send({ nodeId: before.primaryNodeId });
    expect(again.status).toBe(409);
    expectContract('assignShard', again);

    await fixture.server.advance(4000);
    expect((await shard('shard-2')).state).toBe('MOVING');
    await fixture.server.advance(1000);
    const done = await shard('shard-2');
    expect(done).toMatchObject({ state: 'ACTIVE', primaryNodeId: target, pendingMoves: [] });
    expect(done.replicaNodeIds).toContain(before.primaryNodeId);
  });

  test('a replica added on a node replaces one, keeping three copies', async () => {
    const before = await shard('shard-3');
    const target = NODE_IDS.find((nodeId) => !holders(before).includes(nodeId))!;
    const response = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-3/assign').set(asAdmin).send({ nodeId: target, role: 'REPLICA' });
    expect(response.status).toBe(202);
    expectContract('assignShard', response);
    expect(response.body.data).toMatchObject({ state: 'MOVING', primaryNodeId: before.primaryNodeId });
    expect(response.body.data.replicaNodeIds).toHaveLength(2);
    expect(response.body.data.replicaNodeIds).toContain(target);
    expect(response.body.data.pendingMoves[0]).toMatchObject({ role: 'REPLICA', fromNodeId: before.primaryNodeId, toNodeId: target });
    await fixture.server.advance(5000);
    expect((await shard('shard-3')).state).toBe('ACTIVE');
  });

  test('a node that already holds the copy is refused (422)', async () => {
    const current = await shard('shard-4');
    const asPrimary = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-4/assign').set(asAdmin).send({ nodeId: current.primaryNodeId });
    expect(asPrimary.status).toBe(422);
    expectContract('assignShard', asPrimary);
    const asReplica = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-4/assign').set(asAdmin).send({ nodeId: current.replicaNodeIds[0], role: 'REPLICA' });
    expect(asReplica.status).toBe(422);
    expectContract('assignShard', asReplica);
  });

  test('an unknown shard or node is 404, a malformed body 400, a viewer 403', async () => {
    const unknownShard = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-40/assign').set(asAdmin).send({ nodeId: 'node-1' });
    expect(unknownShard.status).toBe(404);
    expectContract('assignShard', unknownShard);
    const unknownNode = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-4/assign').set(asAdmin).send({ nodeId: 'node-99' });
    expect(unknownNode.status).toBe(404);
    expectContract('assignShard', unknownNode);
    expect(unknownNode.body.error.details).toMatchObject({ resource: 'cluster.node', id: 'node-99' });
    const malformed = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-4/assign').set(asAdmin).send({ nodeId: 'Node 1', role: 'LEADER', color: 'red' });
    expect(malformed.status).toBe(400);
    expectContract('assignShard', malformed);
    const locations = malformed.body.error.details.errors.map((error: { location: string }) => error.location);
    expect(new Set(locations)).toEqual(new Set(['body/nodeId', 'body/role', 'body/color']));
    const refused = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/shard-4/assign').set('X-API-Key', fixture.viewerKey).send({ nodeId: 'node-1' });
    expect(refused.status).toBe(403);
    expectContract('assignShard', refused);
  });
});

describe('setExecutionStrategy', () => {
  test('switches the strategy queries are planned with', async () => {
    const response = await fixture.server.http.put('/api/v1/cluster/coordinator/execution-strategy').set(asAdmin).send({ strategy: 'ROUTED' });
    expect(response.status).toBe(200);
    expectContract('setExecutionStrategy', response);
    expect(response.body.data).toMatchObject({ strategy: 'ROUTED', previousStrategy: 'SCATTER_GATHER', description: expect.stringContaining('shard keys') });
    const plan = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT 1', shardKeys: ['account:42'] });
    expect(plan.body.data.strategy).toBe('ROUTED');
    const back = await fixture.server.http.put('/api/v1/cluster/coordinator/execution-strategy').set(asAdmin).send({ strategy: 'SCATTER_GATHER' });
    expect(back.body.data.previousStrategy).toBe('ROUTED');
  });

  test('rejects an unknown strategy (400) and a viewer (403)', async () => {
    const unknown = await fixture.server.http.put('/api/v1/cluster/coordinator/execution-strategy').set(asAdmin).send({ strategy: 'EVERYWHERE' });
    expect(unknown.status).toBe(400);
    expectContract('setExecutionStrategy', unknown);
    const refused = await fixture.server.http.put('/api/v1/cluster/coordinator/execution-strategy').set('X-API-Key', fixture.viewerKey).send({ strategy: 'BROADCAST' });
    expect(refused.status).toBe(403);
    expectContract('setExecutionStrategy', refused);
  });
});

describe('distributeQuery', () => {
  test('a routed query reaches only the shard owning its key, and is counted on the backend that took it', async () => {
    const statsBefore = (await fixture.server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin)).body.data;
    const response = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT sum(amount) FROM payments WHERE account_id = $1', shardKeys: ['account:42'], strategy: 'ROUTED' });
    expect(response.status).toBe(200);
    expectContract('distributeQuery', response);
    const plan = response.body.data;
    expect(plan).toMatchObject({ strategy: 'ROUTED', queryType: 'READ', totalShards: 16, prunedShards: 15 });

    // The owning shard is the one whose range holds the key's token (the DHT hashes keys the same way).
    const route = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ key: 'account:42' });
    const token = route.body.data.routes[0].token;
    const owning = (await shards()).find((each) => each.startToken <= token && token <= each.endToken)!;
    expect(plan.targetShardIds).toEqual([owning.shardId]);
    expect(plan.phases).toHaveLength(1);
    expect(plan.phases[0]).toMatchObject({ phase: 1, name: 'EXECUTE_REMOTE' });
    expect(plan.phases[0].tasks).toEqual([
      { nodeId: owning.primaryNodeId, shardIds: [owning.shardId], copyRole: 'PRIMARY', local: owning.primaryNodeId === plan.coordinatorNodeId },
    ]);

    const statsAfter = (await fixture.server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin)).body.data;
    expect(statsAfter.totalRequests).toBe(statsBefore.totalRequests + 1);
    const requestsOf = (stats: { backends: { backendId: string; requests: number }[] }) => Object.fromEntries(stats.backends.map((each) => [each.backendId, each.requests]));
    const expected = { ...requestsOf(statsBefore), [plan.coordinatorNodeId]: requestsOf(statsBefore)[plan.coordinatorNodeId]! + 1 };
    expect(requestsOf(statsAfter)).toEqual(expected);
    await fixture.server.advance(100);
  });

  test('scatter-gather reaches every shard once and merges at the coordinator', async () => {
    const response = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT count(*) FROM payments' });
    expectContract('distributeQuery', response);
    const plan = response.body.data;
    expect(plan).toMatchObject({ strategy: 'SCATTER_GATHER', prunedShards: 0 });
    expect(plan.targetShardIds).toHaveLength(16);
    expect(plan.phases.map((phase: { name: string }) => phase.name)).toEqual(['EXECUTE_REMOTE', 'MERGE']);
    const served = plan.phases[0].tasks.flatMap((task: Task) => task.shardIds).sort();
    expect(served).toEqual([...plan.targetShardIds].sort());
    expect(plan.phases[1].tasks).toEqual([{ nodeId: plan.coordinatorNodeId, shardIds: [], copyRole: null, local: true }]);
    expect(plan.nodeIds).toContain(plan.coordinatorNodeId);
    expect(plan.remoteRequests).toBe(plan.nodeIds.filter((nodeId: string) => nodeId !== plan.coordinatorNodeId).length);
    await fixture.server.advance(100);
  });

  test('with a coordinator named, local copies are read there first, and the load balancer is not involved', async () => {
    const before = await totalRoutedRequests();
    const response = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT count(*) FROM payments', strategy: 'LOCAL_FIRST', coordinatorNodeId: 'node-1' });
    expectContract('distributeQuery', response);
    const plan = response.body.data;
    expect(plan.coordinatorNodeId).toBe('node-1');
    expect(plan.phases.map((phase: { name: string }) => phase.name)).toEqual(['EXECUTE_LOCAL', 'EXECUTE_REMOTE', 'MERGE']);
    const local: Task[] = plan.phases[0].tasks;
    expect(local.every((task) => task.nodeId === 'node-1' && task.local)).toBe(true);
    const onNode1 = (await shards()).filter((each) => holders(each).includes('node-1')).map((each) => each.shardId).sort();
    expect(local.flatMap((task) => task.shardIds).sort()).toEqual(onNode1);
    expect(await totalRoutedRequests()).toBe(before);
  });

  test('a broadcast reaches every node once and waits for their acknowledgements; a write goes to primaries', async () => {
    const broadcast = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'ANALYZE payments', strategy: 'BROADCAST', coordinatorNodeId: 'node-2' });
    expectContract('distributeQuery', broadcast);
    expect(broadcast.body.data).toMatchObject({ targetShardIds: [], prunedShards: 0, nodeIds: NODE_IDS, remoteRequests: 4 });
    expect(broadcast.body.data.phases.map((phase: { name: string }) => phase.name)).toEqual(['EXECUTE_REMOTE', 'ACKNOWLEDGE']);
    expect(broadcast.body.data.phases[0].tasks.map((task: Task) => [task.nodeId, task.shardIds, task.copyRole, task.local])).toEqual(
      NODE_IDS.map((nodeId) => [nodeId, [], null, nodeId === 'node-2']),
    );

    const write = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'UPDATE payments SET amount = 0', queryType: 'WRITE', tokenRange: { startToken: 0, endToken: 536870911 }, strategy: 'ROUTED' });
    expectContract('distributeQuery', write);
    expect(write.body.data).toMatchObject({ queryType: 'WRITE', targetShardIds: ['shard-1', 'shard-2'], prunedShards: 14 });
    const tasks: Task[] = write.body.data.phases[0].tasks;
    expect(tasks.every((task) => task.copyRole === 'PRIMARY')).toBe(true);
    await fixture.server.advance(100);
  });

  test('is a lookup: a viewer may plan, and nothing is audited', async () => {
    const response = await fixture.server.http.post(DISTRIBUTE).set('X-API-Key', fixture.viewerKey).send({ sql: 'SELECT 1' });
    expect(response.status).toBe(200);
    expectContract('distributeQuery', response);
    const audit = await fixture.server.http.get('/api/v1/audit/entries?operationId=distributeQuery').set(asAdmin);
    expect(audit.body.pagination.total).toBe(0);
    await fixture.server.advance(100);
  });

  test('refuses a malformed body (400), a query it cannot route (422) and an unknown coordinator (404), routing nothing', async () => {
    const before = await totalRoutedRequests();
    const malformed = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: '', queryType: 'DELETE', color: 1 });
    expect(malformed.status).toBe(400);
    expectContract('distributeQuery', malformed);
    expect(malformed.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['body/color', 'body/queryType', 'body/sql']);
    const unrouted = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT 1', strategy: 'ROUTED' });
    expect(unrouted.status).toBe(422);
    expectContract('distributeQuery', unrouted);
    const both = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT 1', shardKeys: ['a'], tokenRange: { startToken: 0, endToken: 1 } });
    expect(both.status).toBe(422);
    expectContract('distributeQuery', both);
    const unknown = await fixture.server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT 1', coordinatorNodeId: 'node-99' });
    expect(unknown.status).toBe(404);
    expectContract('distributeQuery', unknown);
    expect(await totalRoutedRequests()).toBe(before);
  });
});

describe('shards follow the cluster', () => {
  test('a node added to the cluster receives copies over the copy time; removing it re-homes them', async () => {
    const added = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: '10.0.0.6:7000' });
    expect(added.status).toBe(201);
    const moving = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?nodeId=node-6').set(asAdmin);
    expectContract('listShards', moving);
    expect(moving.body.pagination.total).toBeGreaterThan(0);
    for (const each of moving.body.data as Shard[]) {
      expect(each.state).toBe('MOVING');
      expect(each.pendingMoves.map((move) => move.toNodeId)).toContain('node-6');
    }
    await fixture.server.advance(5000);
    const settled = await shards();
    expect(settled.every((each) => each.state === 'ACTIVE')).toBe(true);
    const onNode6 = settled.filter((each) => holders(each).includes('node-6')).length;
    expect(onNode6).toBe(moving.body.pagination.total);

    const removed = await fixture.server.http.delete('/api/v1/cluster/nodes/node-6').set(asAdmin);
    expect(removed.status).toBe(200);
    const after = await shards();
    expect(after.some((each) => holders(each).includes('node-6'))).toBe(false);
    for (const each of after) expect(new Set(holders(each)).size).toBe(3);
    await fixture.server.advance(5000);
    expect((await shards()).every((each) => each.state === 'ACTIVE')).toBe(true);
  });
});

describe('when a node is DOWN', () => {
  test('its shards are under-replicated, it takes no shard and coordinates nothing, and writes to its primaries fail', async () => {
    // The file's server, last but one: node-5 stays down for the table groups below, which do not mind.
    const { server } = fixture;
    await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-5'] });
    await server.advance(6000);
    expect((await server.http.get('/api/v1/cluster/nodes/node-5').set(asAdmin)).body.data.status).toBe('DOWN');

    const all = await shards(server);
    for (const each of all) expect(each.state).toBe(holders(each).includes('node-5') ? 'UNDER_REPLICATED' : 'ACTIVE');
    const underReplicated = await server.http.get('/api/v1/cluster/coordinator/shards?state=UNDER_REPLICATED').set(asAdmin);
    expectContract('listShards', underReplicated);
    expect(underReplicated.body.pagination.total).toBe(all.filter((each) => holders(each).includes('node-5')).length);

    const withoutNode5 = all.find((each) => !holders(each).includes('node-5'))!;
    const refused = await server.http.post(`/api/v1/cluster/coordinator/shards/${withoutNode5.shardId}/assign`).set(asAdmin).send({ nodeId: 'node-5' });
    expect(refused.status).toBe(409);
    expectContract('assignShard', refused);

    const downCoordinator = await server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT 1', coordinatorNodeId: 'node-5' });
    expect(downCoordinator.status).toBe(409);
    expectContract('distributeQuery', downCoordinator);

    // Reads still find a live copy of every shard.
    const read = await server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'SELECT count(*) FROM payments' });
    expect(read.status).toBe(200);
    expect(read.body.data.coordinatorNodeId).not.toBe('node-5');
    expect(read.body.data.nodeIds).not.toContain('node-5');

    // A write needs each shard's primary: those on node-5 are out of reach. The routed request fails as an ERROR.
    const primariesOnNode5 = all.filter((each) => each.primaryNodeId === 'node-5').map((each) => each.shardId);
    const write = await server.http.post(DISTRIBUTE).set(asAdmin).send({ sql: 'UPDATE payments SET amount = 0', queryType: 'WRITE' });
    expect(write.status).toBe(409);
    expectContract('distributeQuery', write);
    expect(write.body.error.details.unavailableShardIds).toEqual(primariesOnNode5);
    await server.advance(100);
    const failed = await server.http.get('/api/v1/cluster/load-balancer/connections?outcome=ERROR').set(asAdmin);
    expect(failed.body.pagination.total).toBe(1);
    expect((await server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin)).body.data.errors).toBe(1);
  });
});

describe('table groups', () => {
  test('every group is listed, the default group first, with its tables; any id answers; a failover re-points the demoted primary\'s shards', async () => {
    const { sharding, replication } = fixture.server.platform.engines;
    // The workload would write `orders` through routing too: it keeps to `accounts`, so the rows counted are these.
    replication.workload.set({ tables: ['accounts'] });
    const columns = [{ name: 'id', type: 'INTEGER' as const }];
    // orders and payments share a layout (DEFAULT hashing is MURMUR3): colocated. events is RANGE: no token range.
    sharding.createTable({ tableName: 'orders', columns, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 4, hashFunction: 'MURMUR3' } });
    sharding.createTable({ tableName: 'payments', columns, shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 4 } });
    sharding.createTable({ tableName: 'events', columns, shardKeyColumns: ['id'], strategy: { type: 'RANGE', ranges: [{ lowerBound: null, upperBound: 0 }, { lowerBound: 0, upperBound: null }] } });
    sharding.writeRows('orders', [{ id: 1 }, { id: 2 }, { id: 3 }]);
    const primary = replication.cluster.primary();

    const listed = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?limit=100').set('X-API-Key', fixture.viewerKey);
    expectContract('listShards', listed);
    const all: (Shard & { group: string; tables: string[] })[] = listed.body.data;
    expect(all.map((each) => each.shardId)).toEqual([
      ...Array.from({ length: 16 }, (_, index) => `shard-${index + 1}`),
      'events-shard-1', 'events-shard-2', 'orders-shard-1', 'orders-shard-2', 'orders-shard-3', 'orders-shard-4',
    ]);
    expect(all.slice(0, 16).every((each) => each.group === 'default' && each.tables.length === 0)).toBe(true);
    expect(all.slice(16, 18).map(({ group, tables, startToken, endToken }) => ({ group, tables, startToken, endToken }))).toEqual(Array(2).fill({ group: 'events', tables: ['events'], startToken: null, endToken: null }));
    const orders = all.slice(18);
    expect(orders.map((each) => [each.group, each.tables, each.state, each.primaryNodeId, each.startToken])).toEqual(
      [0, 1, 2, 3].map((index) => ['orders', ['orders', 'payments'], 'ACTIVE', primary, Math.ceil((index * 2 ** 32) / 4)]),
    );
    expect(orders[0]!.replicaNodeIds).toEqual(sharding.shardOf('orders', 1).replicaNodeIds);

    const ofGroup = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?group=orders&state=ACTIVE&sort_by=shardId&order=desc').set(asAdmin);
    expectContract('listShards', ofGroup);
    expect(ofGroup.body.data.map((each: Shard) => each.shardId)).toEqual(orders.map((each) => each.shardId).reverse());
    const one = await fixture.server.http.get('/api/v1/cluster/coordinator/shards/orders-shard-2').set(asAdmin);
    expectContract('getShard', one);
    expect(one.body.data).toEqual(orders[1]);
    const missing = await fixture.server.http.get('/api/v1/cluster/coordinator/shards/orders-shard-9').set(asAdmin);
    expect(missing.status).toBe(404);
    expectContract('getShard', missing);
    // A table group's primary moves only with its rows (the move workflow), never onto itself; its replicas are not assigned.
    const assigned = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/orders-shard-1/assign').set(asAdmin).send({ nodeId: primary });
    expect(assigned.status).toBe(422);
    expectContract('assignShard', assigned);
    const replica = await fixture.server.http.post('/api/v1/cluster/coordinator/shards/orders-shard-1/assign').set(asAdmin).send({ nodeId: primary, role: 'REPLICA' });
    expect(replica.status).toBe(409);
    expectContract('assignShard', replica);

    // A failover: the shards follow the new primary, which holds their rows by replication.
    await fixture.server.advance(1000);
    const failover = await fixture.server.http.post('/api/v1/replication/failover').set(asAdmin).send({});
    expect(failover.status).toBe(200);
    await fixture.server.advance(10);
    const after = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?group=orders').set(asAdmin);
    expectContract('listShards', after);
    expect(after.body.data.map((each: Shard) => [each.state, each.primaryNodeId])).toEqual(Array(4).fill(['ACTIVE', failover.body.data.newPrimaryId]));
    expect(sharding.shardsOf('orders').reduce((sum, each) => sum + each.rowCount, 0)).toBe(3);
  });
});
