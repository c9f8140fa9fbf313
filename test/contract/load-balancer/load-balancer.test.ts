import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, useTestServer, type TestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

interface Plan {
  coordinatorNodeId: string;
  phases: { tasks: { nodeId: string; local: boolean }[] }[];
}

interface Backend {
  backendId: string;
  nodeId: string | null;
  health: string;
  requests: number;
  activeConnections: number;
}

/** Plans a query routed through the load balancer (no coordinator named). */
async function distribute(server: TestServer, body: Record<string, unknown> = { sql: 'SELECT count(*) FROM payments' }): Promise<Plan> {
  const response = await server.http.post('/api/v1/cluster/coordinator/distribute-query').set(asAdmin).send(body);
  expect(response.status).toBe(200);
  return response.body.data as Plan;
}

async function statistics(server: TestServer) {
  const response = await server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getLoadBalancerStatistics', response);
  return response.body.data as { strategy: string; totalRequests: number; activeConnections: number; completedRequests: number; abortedConnections: number; healthyBackends: number; backends: Backend[] };
}

async function backend(server: TestServer, backendId: string): Promise<Backend> {
  return (await server.http.get(`/api/v1/cluster/load-balancer/backends/${backendId}`).set(asAdmin)).body.data as Backend;
}

/** The model of the spec: per phase, the slowest round trip to a remote node; a hop is 1 ms + 1 ms jitter plus latency faults. */
function expectedLatencyMs(plan: Plan, slowNodeId?: string, extraMs = 0): number {
  const hopMs = (from: string, to: string) => 2 + (from === slowNodeId || to === slowNodeId ? extraMs : 0);
  return plan.phases.reduce(
    (total, phase) =>
      total + Math.max(0, ...phase.tasks.filter((task) => !task.local).map((task) => hopMs(plan.coordinatorNodeId, task.nodeId) + hopMs(task.nodeId, plan.coordinatorNodeId))),
    0,
  );
}

describe('listLoadBalancerBackends', () => {
  test('every cluster node has a backend of its own, HEALTHY once the node heartbeats', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends').set('X-API-Key', fixture.viewerKey);
    expect(response.status).toBe(200);
    expectContract('listLoadBalancerBackends', response);
    expect(response.body.data.map((each: Backend) => [each.backendId, each.nodeId, each.health])).toEqual(NODE_IDS.map((nodeId) => [nodeId, nodeId, 'HEALTHY']));
    expect(response.body.data[0]).toMatchObject({ address: 'node-1.cluster.local:7000', weight: 1, maxConnections: 100, requests: 0, averageLatencyMs: null, lastSelectedAt: null });
  });

  test('filters, sorts, pages and selects fields', async () => {
    const ofNode = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends?nodeId=node-3&fields=health').set(asAdmin);
    expectContract('listLoadBalancerBackends', ofNode, { sparse: true });
    expect(ofNode.body.data).toEqual([{ backendId: 'node-3', health: 'HEALTHY' }]);
    const unhealthy = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends?health=UNHEALTHY').set(asAdmin);
    expectContract('listLoadBalancerBackends', unhealthy);
    expect(unhealthy.body.pagination.total).toBe(0);
    const paged = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends?sort_by=backendId&order=desc&limit=2&offset=1').set(asAdmin);
    expectContract('listLoadBalancerBackends', paged);
    expect(paged.body.data.map((each: Backend) => each.backendId)).toEqual(['node-4', 'node-3']);
  });

  test('rejects a bad health and limit (400) and an unknown field (422)', async () => {
    const bad = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends?health=SLEEPY&limit=-1').set(asAdmin);
    expect(bad.status).toBe(400);
    expectContract('listLoadBalancerBackends', bad);
    expect(bad.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['query/health', 'query/limit']);
    const unknown = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends?fields=color').set(asAdmin);
    expect(unknown.status).toBe(422);
    expectContract('listLoadBalancerBackends', unknown);
  });
});

describe('routed requests', () => {
  const plans: Plan[] = [];

  test('each distributed query takes a connection, round robin, to the backend of the node that coordinates it', async () => {
    const before = await statistics(fixture.server);
    expect(before.strategy).toBe('ROUND_ROBIN');
    for (let index = 0; index < 5; index += 1) plans.push(await distribute(fixture.server));
    expect(plans.map((plan) => plan.coordinatorNodeId).sort()).toEqual(NODE_IDS);

    const after = await statistics(fixture.server);
    expect(after.totalRequests - before.totalRequests).toBe(5);
    expect(after.activeConnections).toBe(5);
    for (const each of after.backends) expect(each).toMatchObject({ requests: 1, activeConnections: 1 });

    const open = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?state=ACTIVE').set(asAdmin);
    expect(open.status).toBe(200);
    expectContract('listLoadBalancerConnections', open);
    // Newest first by default.
    expect(open.body.data.map((connection: { backendId: string }) => connection.backendId)).toEqual(plans.map((plan) => plan.coordinatorNodeId).reverse());
  });

  test('connections close after the plan’s latency in cluster time, as successes', async () => {
    await fixture.server.advance(100);
    const closed = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?state=CLOSED&order=asc').set(asAdmin);
    expectContract('listLoadBalancerConnections', closed);
    expect(closed.body.data.map((connection: { outcome: string }) => connection.outcome)).toEqual(Array(5).fill('SUCCESS'));
    expect(closed.body.data.map((connection: { latencyMs: number }) => connection.latencyMs)).toEqual(plans.map((plan) => expectedLatencyMs(plan)));
    for (const connection of closed.body.data) {
      expect(Date.parse(connection.closedAt) - Date.parse(connection.openedAt)).toBe(connection.latencyMs);
    }
    const after = await statistics(fixture.server);
    expect(after.activeConnections).toBe(0);
    expect(after.completedRequests).toBe(5);
    expect(after.backends.every((each) => each.activeConnections === 0)).toBe(true);
  });

  test('a latency fault on a node slows the queries that cross it', async () => {
    const fault = await fixture.server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'latency', nodes: ['node-3'], ms: 25 });
    expect(fault.status).toBe(201);
    const plan = await distribute(fixture.server, { sql: 'SELECT count(*) FROM payments', strategy: 'BROADCAST' });
    await fixture.server.advance(200);
    const newest = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?limit=1').set(asAdmin);
    expectContract('listLoadBalancerConnections', newest);
    expect(newest.body.data[0]).toMatchObject({ backendId: plan.coordinatorNodeId, state: 'CLOSED', latencyMs: expectedLatencyMs(plan, 'node-3', 25) });
    // A broadcast reaches every node, so some round trip crosses node-3 whoever coordinates: 2 hops of 2 + 25 ms.
    expect(newest.body.data[0].latencyMs).toBe(54);
    await fixture.server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
  });

  test('connections filter by backend and outcome, sort by latency, and select fields', async () => {
    const ofBackend = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?backendId=node-2&outcome=SUCCESS&fields=latencyMs').set(asAdmin);
    expectContract('listLoadBalancerConnections', ofBackend, { sparse: true });
    expect(ofBackend.body.data.length).toBeGreaterThanOrEqual(1);
    for (const connection of ofBackend.body.data) expect(Object.keys(connection).sort()).toEqual(['connectionId', 'latencyMs']);
    const byLatency = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?sort_by=latencyMs&order=desc&limit=1').set(asAdmin);
    expectContract('listLoadBalancerConnections', byLatency);
    expect(byLatency.body.data[0].latencyMs).toBe(54);
  });

  test('rejects a bad state (400) and an unknown field (422)', async () => {
    const bad = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?state=OPEN&sort_by=backendId').set(asAdmin);
    expect(bad.status).toBe(400);
    expectContract('listLoadBalancerConnections', bad);
    expect(bad.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['query/sort_by', 'query/state']);
    const unknown = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?fields=color').set(asAdmin);
    expect(unknown.status).toBe(422);
    expectContract('listLoadBalancerConnections', unknown);
  });
});

describe('setLoadBalancerStrategy and getLoadBalancerStatistics', () => {
  test('a new strategy shows in the statistics and picks the next backends', async () => {
    const changed = await fixture.server.http.put('/api/v1/cluster/load-balancer/strategy').set(asAdmin).send({ strategy: 'LEAST_CONNECTIONS' });
    expect(changed.status).toBe(200);
    expectContract('setLoadBalancerStrategy', changed);
    expect(changed.body.data).toMatchObject({ strategy: 'LEAST_CONNECTIONS', previousStrategy: 'ROUND_ROBIN' });
    expect((await statistics(fixture.server)).strategy).toBe('LEAST_CONNECTIONS');

    // With one connection held open on a backend, the least loaded others take the next ones.
    const held = await distribute(fixture.server);
    const next = await distribute(fixture.server);
    expect(next.coordinatorNodeId).not.toBe(held.coordinatorNodeId);
    await fixture.server.advance(100);

    const back = await fixture.server.http.put('/api/v1/cluster/load-balancer/strategy').set(asAdmin).send({ strategy: 'ROUND_ROBIN' });
    expect(back.body.data).toMatchObject({ strategy: 'ROUND_ROBIN', previousStrategy: 'LEAST_CONNECTIONS' });
  });

  test('rejects an unknown strategy (400) and a viewer (403)', async () => {
    const unknown = await fixture.server.http.put('/api/v1/cluster/load-balancer/strategy').set(asAdmin).send({ strategy: 'RANDOM' });
    expect(unknown.status).toBe(400);
    expectContract('setLoadBalancerStrategy', unknown);
    expect(unknown.body.error.details.errors[0].location).toBe('body/strategy');
    const refused = await fixture.server.http.put('/api/v1/cluster/load-balancer/strategy').set('X-API-Key', fixture.viewerKey).send({ strategy: 'WEIGHTED' });
    expect(refused.status).toBe(403);
    expectContract('setLoadBalancerStrategy', refused);
    expect((await statistics(fixture.server)).strategy).toBe('ROUND_ROBIN');
  });

  test('statistics need a key', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/load-balancer/statistics');
    expect(response.status).toBe(401);
    expectContract('getLoadBalancerStatistics', response);
  });
});

describe('addLoadBalancerBackend and getLoadBalancerBackend', () => {
  test('adds a backend outside the cluster, HEALTHY at once, with a generated id', async () => {
    const added = await fixture.server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ address: '10.0.0.50:5432', weight: 2 });
    expect(added.status).toBe(201);
    expectContract('addLoadBalancerBackend', added);
    expect(added.body.data).toMatchObject({ backendId: 'backend-1', nodeId: null, weight: 2, health: 'HEALTHY', requests: 0 });
    const fetched = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends/backend-1').set('X-API-Key', fixture.viewerKey);
    expect(fetched.status).toBe(200);
    expectContract('getLoadBalancerBackend', fetched);
    expect(fetched.body.data).toEqual(added.body.data);
  });

  test('adds a DRAINING backend in front of a node: it takes no connections', async () => {
    const added = await fixture.server.http
      .post('/api/v1/cluster/load-balancer/backends')
      .set(asAdmin)
      .send({ backendId: 'node-2-pool', address: '10.0.0.52:6432', nodeId: 'node-2', health: 'DRAINING' });
    expect(added.status).toBe(201);
    expectContract('addLoadBalancerBackend', added);
    expect(added.body.data).toMatchObject({ backendId: 'node-2-pool', nodeId: 'node-2', health: 'DRAINING' });
    for (let index = 0; index < 6; index += 1) await distribute(fixture.server);
    await fixture.server.advance(100);
    expect((await backend(fixture.server, 'node-2-pool')).requests).toBe(0);
    expect((await backend(fixture.server, 'backend-1')).requests).toBe(1);
  });

  test('refuses an unknown node (404), a taken address or id (409), a bad body (400) and a viewer (403)', async () => {
    const unknownNode = await fixture.server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ address: '10.0.0.60:5432', nodeId: 'node-99' });
    expect(unknownNode.status).toBe(404);
    expectContract('addLoadBalancerBackend', unknownNode);
    expect(unknownNode.body.error.details).toMatchObject({ resource: 'cluster.node', id: 'node-99' });
    const takenAddress = await fixture.server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ address: 'node-1.cluster.local:7000' });
    expect(takenAddress.status).toBe(409);
    expectContract('addLoadBalancerBackend', takenAddress);
    const takenId = await fixture.server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ backendId: 'node-3', address: '10.0.0.61:5432' });
    expect(takenId.status).toBe(409);
    expectContract('addLoadBalancerBackend', takenId);
    const malformed = await fixture.server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ address: 'no port', weight: 0, color: 'red' });
    expect(malformed.status).toBe(400);
    expectContract('addLoadBalancerBackend', malformed);
    expect(malformed.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['body/address', 'body/color', 'body/weight']);
    const refused = await fixture.server.http.post('/api/v1/cluster/load-balancer/backends').set('X-API-Key', fixture.viewerKey).send({ address: '10.0.0.62:5432' });
    expect(refused.status).toBe(403);
    expectContract('addLoadBalancerBackend', refused);
    const list = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends').set(asAdmin);
    expect(list.body.pagination.total).toBe(7);
  });

  test('answers 404 for an unknown backend and 400 for an id the contract cannot hold', async () => {
    const unknown = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends/backend-99').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('getLoadBalancerBackend', unknown);
    const malformed = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends/Backend_1').set(asAdmin);
    expect(malformed.status).toBe(400);
    expectContract('getLoadBalancerBackend', malformed);
  });
});

describe('removeLoadBalancerBackend', () => {
  test('refuses a backend with open connections unless forced, then aborts them', async () => {
    // Round robin reaches backend-1 within one turn of the healthy backends.
    for (let index = 0; index < 6 && (await backend(fixture.server, 'backend-1')).activeConnections === 0; index += 1) await distribute(fixture.server);
    expect((await backend(fixture.server, 'backend-1')).activeConnections).toBe(1);
    const abortedBefore = (await statistics(fixture.server)).abortedConnections;

    const refused = await fixture.server.http.delete('/api/v1/cluster/load-balancer/backends/backend-1').set(asAdmin);
    expect(refused.status).toBe(409);
    expectContract('removeLoadBalancerBackend', refused);
    expect(refused.body.error.details).toMatchObject({ activeConnections: 1 });

    const forced = await fixture.server.http.delete('/api/v1/cluster/load-balancer/backends/backend-1?force=true').set(asAdmin);
    expect(forced.status).toBe(200);
    expectContract('removeLoadBalancerBackend', forced);
    expect(forced.body.data).toEqual({ id: 'backend-1', deleted: true });
    const aborted = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?backendId=backend-1&outcome=ABORTED').set(asAdmin);
    expect(aborted.body.pagination.total).toBe(1);
    expect(aborted.body.data[0]).toMatchObject({ state: 'CLOSED', latencyMs: null });
    await fixture.server.advance(100);
    expect((await statistics(fixture.server)).abortedConnections).toBe(abortedBefore + 1);

    const gone = await fixture.server.http.delete('/api/v1/cluster/load-balancer/backends/backend-1').set(asAdmin);
    expect(gone.status).toBe(404);
    expectContract('removeLoadBalancerBackend', gone);
  });

  test('is forbidden to a viewer and validates the id', async () => {
    const refused = await fixture.server.http.delete('/api/v1/cluster/load-balancer/backends/node-2-pool').set('X-API-Key', fixture.viewerKey);
    expect(refused.status).toBe(403);
    expectContract('removeLoadBalancerBackend', refused);
    const malformed = await fixture.server.http.delete('/api/v1/cluster/load-balancer/backends/NODE_2?force=maybe').set(asAdmin);
    expect(malformed.status).toBe(400);
    expectContract('removeLoadBalancerBackend', malformed);
    expect(malformed.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['path/id', 'query/force']);
  });
});

describe('backends follow the cluster', () => {
  test('a node’s backend follows its health, and an operator’s DRAINING survives it', async () => {
    const server = await startTestServer({ nodes: 5 });
    try {
      await server.advance(1000);
      await server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ backendId: 'node-2-pool', address: '10.0.0.52:6432', nodeId: 'node-2', health: 'DRAINING' });
      const crash = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-2'] });
      await server.advance(2000);
      // SUSPECTED already takes no new connections.
      expect((await backend(server, 'node-2')).health).toBe('UNHEALTHY');
      await server.advance(4000);
      expect((await backend(server, 'node-2')).health).toBe('UNHEALTHY');
      expect((await backend(server, 'node-2-pool')).health).toBe('UNHEALTHY');
      const stats = await statistics(server);
      expect(stats.healthyBackends).toBe(4);
      const coordinators = [];
      for (let index = 0; index < 8; index += 1) coordinators.push((await distribute(server)).coordinatorNodeId);
      expect(coordinators).not.toContain('node-2');
      expect(new Set(coordinators)).toEqual(new Set(['node-1', 'node-3', 'node-4', 'node-5']));

      await server.http.delete(`/api/v1/simulation/faults/${crash.body.data.id}`).set(asAdmin);
      await server.advance(3000);
      expect((await backend(server, 'node-2')).health).toBe('HEALTHY');
      expect((await backend(server, 'node-2-pool')).health).toBe('DRAINING');
    } finally {
      await server.close();
    }
  });

  test('a node added to the cluster gets a backend, taking traffic after its first heartbeat; removing the node removes it', async () => {
    const added = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: '10.0.0.6:7000' });
    expect(added.status).toBe(201);
    const fresh = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends/node-6').set(asAdmin);
    expectContract('getLoadBalancerBackend', fresh);
    expect(fresh.body.data).toMatchObject({ backendId: 'node-6', address: '10.0.0.6:7000', nodeId: 'node-6', health: 'UNHEALTHY' });
    const pool = await fixture.server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ backendId: 'node-6-pool', address: '10.0.0.66:6432', nodeId: 'node-6' });
    expect(pool.body.data.health).toBe('UNHEALTHY');
    await fixture.server.advance(600);
    expect((await backend(fixture.server, 'node-6')).health).toBe('HEALTHY');
    expect((await backend(fixture.server, 'node-6-pool')).health).toBe('HEALTHY');

    const removed = await fixture.server.http.delete('/api/v1/cluster/nodes/node-6').set(asAdmin);
    expect(removed.status).toBe(200);
    const gone = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends/node-6').set(asAdmin);
    expect(gone.status).toBe(404);
    // An operator's backend in front of a node that left stays, UNHEALTHY: the operator decides.
    const byNode = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends?nodeId=node-6').set(asAdmin);
    expect(byNode.body.data.map((each: Backend) => [each.backendId, each.health])).toEqual([['node-6-pool', 'UNHEALTHY']]);
  });
});
