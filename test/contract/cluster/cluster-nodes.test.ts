import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

let server: TestServer;
let viewerKey: string;

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000); // first heartbeats arrive: every node HEALTHY
});
afterAll(() => server.close());

const asAdmin = { 'X-API-Key': ADMIN_KEY };

describe('listClusterNodes', () => {
  test('lists every node, healthy after its first heartbeat', async () => {
    const response = await server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listClusterNodes', response);
    expect(response.body.pagination.total).toBe(5);
    expect(response.body.data.map((node: { status: string }) => node.status)).toEqual(Array(5).fill('HEALTHY'));
    expect(response.body.data[0].lastHeartbeat).not.toBeNull();
  });

  test('pages, sorts and selects fields', async () => {
    const response = await server.http.get('/api/v1/cluster/nodes?limit=2&offset=1&sort_by=nodeId&order=desc&fields=status').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listClusterNodes', response, { sparse: true });
    expect(response.body.data).toEqual([
      { nodeId: 'node-4', status: 'HEALTHY' },
      { nodeId: 'node-3', status: 'HEALTHY' },
    ]);
    expect(response.body.pagination).toEqual({ total: 5, limit: 2, offset: 1, hasMore: true });
  });

  test('filters by status', async () => {
    const response = await server.http.get('/api/v1/cluster/nodes?status=DOWN').set(asAdmin);
    expectContract('listClusterNodes', response);
    expect(response.body.pagination.total).toBe(0);
  });

  test('rejects a bad limit and an unknown field, listing the problem', async () => {
    const badLimit = await server.http.get('/api/v1/cluster/nodes?limit=0').set(asAdmin);
    expect(badLimit.status).toBe(400);
    expectContract('listClusterNodes', badLimit);
    expect(badLimit.body.error.details.errors[0].location).toBe('query/limit');
    const unknownField = await server.http.get('/api/v1/cluster/nodes?fields=nodeId,color').set(asAdmin);
    expect(unknownField.status).toBe(422);
    expectContract('listClusterNodes', unknownField);
  });

  test('needs a key', async () => {
    const response = await server.http.get('/api/v1/cluster/nodes');
    expect(response.status).toBe(401);
    expectContract('listClusterNodes', response);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('addClusterNode', () => {
  test('adds a node that becomes healthy on the cluster clock', async () => {
    const response = await server.http
      .post('/api/v1/cluster/nodes')
      .set(asAdmin)
      .send({ nodeId: 'node-10', address: '10.0.0.10:7000', region: 'us-east-1', zone: 'us-east-1b', role: 'WITNESS' });
    expect(response.status).toBe(201);
    expectContract('addClusterNode', response);
    expect(response.body.data).toMatchObject({ nodeId: 'node-10', status: 'INITIALIZING', role: 'WITNESS', lastHeartbeat: null });
    await server.advance(600);
    const after = await server.http.get('/api/v1/cluster/nodes/node-10').set(asAdmin);
    expect(after.body.data.status).toBe('HEALTHY');
  });

  test('rejects a duplicate address with 409 and changes nothing', async () => {
    const response = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ address: '10.0.0.10:7000' });
    expect(response.status).toBe(409);
    expectContract('addClusterNode', response);
    const list = await server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expect(list.body.pagination.total).toBe(6);
  });

  test('rejects a malformed body listing every failing field', async () => {
    const response = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ address: 'no port', priority: -1, color: 'red' });
    expect(response.status).toBe(400);
    expectContract('addClusterNode', response);
    const locations = response.body.error.details.errors.map((error: { location: string }) => error.location).sort();
    expect(locations).toEqual(['body/address', 'body/color', 'body/priority']);
  });

  test('rejects capacity whose available memory exceeds the total with 422', async () => {
    const capacity = { cpuCores: 4, totalMemoryGb: 8, availableMemoryGb: 16, storageCapacityGb: 100, networkBandwidthMbps: 1000 };
    const response = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ address: '10.0.0.11:7000', capacity });
    expect(response.status).toBe(422);
    expectContract('addClusterNode', response);
  });

  test('is forbidden to a viewer', async () => {
    const response = await server.http.post('/api/v1/cluster/nodes').set('X-API-Key', viewerKey).send({ address: '10.0.0.12:7000' });
    expect(response.status).toBe(403);
    expectContract('addClusterNode', response);
  });

  test('rejects malformed JSON with 400', async () => {
    const response = await server.http.post('/api/v1/cluster/nodes').set(asAdmin).set('Content-Type', 'application/json').send('{"address":');
    expect(response.status).toBe(400);
    expectContract('addClusterNode', response);
  });
});

describe('getClusterNode', () => {
  test('returns one node', async () => {
    const response = await server.http.get('/api/v1/cluster/nodes/node-2').set('X-API-Key', viewerKey);
    expect(response.status).toBe(200);
    expectContract('getClusterNode', response);
    expect(response.body.data.nodeId).toBe('node-2');
  });

  test('answers 404 for an unknown id', async () => {
    const response = await server.http.get('/api/v1/cluster/nodes/node-99').set(asAdmin);
    expect(response.status).toBe(404);
    expectContract('getClusterNode', response);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  test('answers 400 for an id the contract cannot hold', async () => {
    const response = await server.http.get('/api/v1/cluster/nodes/NODE_1').set(asAdmin);
    expect(response.status).toBe(400);
    expectContract('getClusterNode', response);
  });
});

describe('removeClusterNode', () => {
  test('refuses to take the last margin of failure tolerance without force', async () => {
    // Three healthy voters: tolerance 1; removing one leaves tolerance 0.
    const small = await startTestServer({ nodes: 3 });
    try {
      await small.advance(1000);
      const refused = await small.http.delete('/api/v1/cluster/nodes/node-1').set(asAdmin);
      expect(refused.status).toBe(409);
      expectContract('removeClusterNode', refused);
      expect(refused.body.error.details.after.failureTolerance).toBe(0);
      const forced = await small.http.delete('/api/v1/cluster/nodes/node-1?force=true').set(asAdmin);
      expect(forced.status).toBe(200);
      expectContract('removeClusterNode', forced);
    } finally {
      await small.close();
    }
  });

  test('removes a node and emits node_left', async () => {
    const response = await server.http.delete('/api/v1/cluster/nodes/node-10').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('removeClusterNode', response);
    expect(response.body.data).toEqual({ id: 'node-10', deleted: true });
    const events = await server.http.get('/api/v1/events?types=node_left').set(asAdmin);
    expect(events.body.data.at(-1).payload.nodeId).toBe('node-10');
    const gone = await server.http.delete('/api/v1/cluster/nodes/node-10').set(asAdmin);
    expect(gone.status).toBe(404);
    expectContract('removeClusterNode', gone);
  });

  test('is forbidden to a viewer', async () => {
    const response = await server.http.delete('/api/v1/cluster/nodes/node-1').set('X-API-Key', viewerKey);
    expect(response.status).toBe(403);
    expectContract('removeClusterNode', response);
  });
});

describe('getClusterTopology', () => {
  test('reports quorum, tolerance and placement', async () => {
    const response = await server.http.get('/api/v1/cluster/topology').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('getClusterTopology', response);
    expect(response.body.data).toMatchObject({ totalNodes: 5, voters: 5, quorumSize: 3, hasQuorum: true, failureTolerance: 2, state: 'OPERATIONAL' });
  });

  test('needs a key', async () => {
    const response = await server.http.get('/api/v1/cluster/topology');
    expect(response.status).toBe(401);
    expectContract('getClusterTopology', response);
  });
});

describe('getClusterConfig and updateClusterConfig', () => {
  test('reads and replaces the configuration', async () => {
    const current = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    expect(current.status).toBe(200);
    expectContract('getClusterConfig', current);
    const next = { ...current.body.data, heartbeatIntervalMs: 250, suspectTimeoutMs: 1000 };
    const updated = await server.http.put('/api/v1/cluster/config').set(asAdmin).send(next);
    expect(updated.status).toBe(200);
    expectContract('updateClusterConfig', updated);
    expect(updated.body.data.heartbeatIntervalMs).toBe(250);
  });

  test('rejects inconsistent timeouts with 422 and keeps the old values', async () => {
    const current = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    const response = await server.http.put('/api/v1/cluster/config').set(asAdmin).send({ ...current.body.data, suspectTimeoutMs: 9000 });
    expect(response.status).toBe(422);
    expectContract('updateClusterConfig', response);
    const after = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    expect(after.body.data).toEqual(current.body.data);
  });

  test('rejects a partial body with 400', async () => {
    const response = await server.http.put('/api/v1/cluster/config').set(asAdmin).send({ heartbeatIntervalMs: 100 });
    expect(response.status).toBe(400);
    expectContract('updateClusterConfig', response);
  });

  test('is forbidden to a viewer', async () => {
    const response = await server.http.get('/api/v1/cluster/config').set('X-API-Key', viewerKey);
    expect(response.status).toBe(200);
    const refused = await server.http.put('/api/v1/cluster/config').set('X-API-Key', viewerKey).send(response.body.data);
    expect(refused.status).toBe(403);
    expectContract('updateClusterConfig', refused);
    expectContract('getClusterConfig', response);
  });
});
