import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

/**
 * The audit target of every creating operation names the id it created (it used to read
 * `kind/(new)`). A server of its own: the creations here would disturb other files' event checks.
 */

let server: TestServer;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 3 });
  // A leader and quorum first: adding a node to a cluster without quorum answers 503 NO_QUORUM.
  await server.advance(3000);
});
afterAll(() => server.close());

describe('audit targets of creations', () => {
  test('a creation is audited with the id it created, and a failed one with the id it asked for', async () => {
    const created: { operationId: string; target: string }[] = [];
    const expectCreated = (operationId: string, response: { status: number; body: { data: Record<string, unknown> } }, kind: string, idField: string) => {
      expect(response.status, `${operationId}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
      const id = response.body.data[idField];
      expect(typeof id).toBe('string');
      created.push({ operationId, target: `${kind}/${String(id)}` });
    };
    expectCreated('addClusterNode', await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ address: '10.0.0.30:7000' }), 'cluster.node', 'nodeId');
    expectCreated(
      'addLoadBalancerBackend',
      await server.http.post('/api/v1/cluster/load-balancer/backends').set(asAdmin).send({ address: '10.0.0.31:5432' }),
      'cluster.loadBalancer.backend',
      'backendId',
    );
    expectCreated('createReplicationSnapshot', await server.http.post('/api/v1/replication/snapshots').set(asAdmin).send({}), 'replication.snapshot', 'snapshotId');
    expectCreated(
      'executeParallelQuery',
      await server.http.post('/api/v1/rac/parallel-query/execute').set(asAdmin).send({ query: 'SELECT region, SUM(amount) AS total FROM sales GROUP BY region' }),
      'rac.parallelQuery',
      'queryId',
    );
    expectCreated('createApiKey', await server.http.post('/api/v1/auth/api-keys').set(asAdmin).send({ name: 'audited', role: 'DBA' }), 'auth.apiKey', 'id');
    expectCreated('injectFault', await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-3'] }), 'simulation.fault', 'id');
    for (const { operationId, target } of created) {
      const entries = await server.http.get(`/api/v1/audit/entries?operationId=${operationId}&order=desc&limit=1`).set(asAdmin);
      expectContract('listAuditEntries', entries);
      expect(entries.body.data[0], operationId).toMatchObject({ operationId, outcome: 'SUCCESS', target });
    }
    expect(created.map((entry) => entry.target).filter((target) => target.includes('(new'))).toEqual([]);

    const refused = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-404'] });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const failed = await server.http.get('/api/v1/audit/entries?operationId=injectFault&order=desc&limit=1').set(asAdmin);
    expect(failed.body.data[0]).toMatchObject({ outcome: 'FAILURE', target: 'simulation.fault/(new crash)' });
  });
});
