import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 3 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
});
afterAll(() => server.close());

describe('health probes (public)', () => {
  test('liveness, startup and readiness answer without a key', async () => {
    const liveness = await server.http.get('/api/v1/health/liveness');
    expectContract('getLiveness', liveness);
    const startup = await server.http.get('/api/v1/health/startup');
    expectContract('getStartup', startup);
    const readiness = await server.http.get('/api/v1/health/readiness');
    expectContract('getReadiness', readiness);
    for (const response of [liveness, startup, readiness]) {
      expect(response.status).toBe(200);
      expect(response.body.data.status).toBe('UP');
    }
    expect(readiness.body.data.checks.map((check: { name: string }) => check.name)).toEqual(['runtime', 'store']);
  });

  test('full health is DOWN (503) until the nodes have quorum, then UP', async () => {
    const forming = await server.http.get('/api/v1/health/full');
    expect(forming.status).toBe(503);
    expectContract('getFullHealth', forming);
    expect(forming.body.data.status).toBe('DOWN');
    expect(forming.body.data.checks.find((check: { name: string }) => check.name === 'cluster')).toMatchObject({ status: 'DOWN' });
    await server.advance(1000);
    const up = await server.http.get('/api/v1/health/full');
    expectContract('getFullHealth', up);
    expect(up.body.data.status).toBe('UP');
    expect(up.body.data.checks.map((check: { name: string }) => check.name)).toEqual(['runtime', 'store', 'cluster']);
  });
});

describe('metrics', () => {
  test('JSON metrics count requests per operation and read the cluster', async () => {
    await server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    const response = await server.http.get('/api/v1/metrics').set('X-API-Key', viewerKey);
    expect(response.status).toBe(200);
    expectContract('getMetrics', response);
    const listed = response.body.data.requests.byOperation.find((entry: { operationId: string }) => entry.operationId === 'listClusterNodes');
    expect(listed.requests).toBeGreaterThanOrEqual(1);
    expect(response.body.data.cluster).toMatchObject({ totalNodes: 3, healthyNodes: 3, hasQuorum: true });
    expect(response.body.data.runtime.network.delivered).toBeGreaterThan(0);
  });

  test('Prometheus metrics expose request counters and cluster gauges', async () => {
    const response = await server.http.get('/api/v1/metrics/prometheus').set(asAdmin);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('rustydb_cluster_has_quorum 1');
    expect(response.text).toMatch(/rustydb_http_requests_total\{operation="listClusterNodes",status="200"\} \d+/);
    expect(response.text).toContain('rustydb_cluster_nodes{status="healthy"} 3');
  });

  test('metrics need a key', async () => {
    const json = await server.http.get('/api/v1/metrics');
    expect(json.status).toBe(401);
    expectContract('getMetrics', json);
    const prometheus = await server.http.get('/api/v1/metrics/prometheus');
    expect(prometheus.status).toBe(401);
    expectContract('getPrometheusMetrics', prometheus);
  });
});

describe('API keys and tokens', () => {
  test('an admin creates a key whose secret is shown once and works at once', async () => {
    const created = await server.http.post('/api/v1/auth/api-keys').set(asAdmin).send({ name: 'grafana', role: 'CLUSTER_VIEWER', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expectContract('createApiKey', created);
    const { secret, id } = created.body.data;
    const used = await server.http.get('/api/v1/cluster/topology').set('X-API-Key', secret);
    expect(used.status).toBe(200);
    const listed = await server.http.get('/api/v1/auth/api-keys?role=CLUSTER_VIEWER').set(asAdmin);
    expect(listed.status).toBe(200);
    expectContract('listApiKeys', listed);
    const entry = listed.body.data.find((key: { id: string }) => key.id === id);
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty('secret');
    expect(entry.lastUsedAt).not.toBeNull();
  });

  test('a revoked key and its tokens stop working at once', async () => {
    const created = await server.http.post('/api/v1/auth/api-keys').set(asAdmin).send({ name: 'temp', role: 'DBA' });
    const token = await server.http.post('/api/v1/auth/tokens').set('X-API-Key', created.body.data.secret).send({ expiresInSeconds: 600 });
    expect(token.status).toBe(201);
    expectContract('createAccessToken', token);
    const bearer = { Authorization: `Bearer ${token.body.data.token}` };
    expect((await server.http.get('/api/v1/cluster/nodes').set(bearer)).status).toBe(200);
    const revoked = await server.http.delete(`/api/v1/auth/api-keys/${created.body.data.id}`).set(asAdmin);
    expect(revoked.status).toBe(200);
    expectContract('revokeApiKey', revoked);
    expect(revoked.body.data.revokedAt).not.toBeNull();
    expect((await server.http.get('/api/v1/cluster/nodes').set('X-API-Key', created.body.data.secret)).status).toBe(401);
    expect((await server.http.get('/api/v1/cluster/nodes').set(bearer)).status).toBe(401);
  });

  test('key management is for admins; bad requests change nothing', async () => {
    const viewerCreate = await server.http.post('/api/v1/auth/api-keys').set('X-API-Key', viewerKey).send({ name: 'x', role: 'CLUSTER_ADMIN' });
    expect(viewerCreate.status).toBe(403);
    expectContract('createApiKey', viewerCreate);
    const viewerList = await server.http.get('/api/v1/auth/api-keys').set('X-API-Key', viewerKey);
    expect(viewerList.status).toBe(403);
    expectContract('listApiKeys', viewerList);
    const badRole = await server.http.post('/api/v1/auth/api-keys').set(asAdmin).send({ name: 'x', role: 'ROOT' });
    expect(badRole.status).toBe(400);
    expectContract('createApiKey', badRole);
    const unknown = await server.http.delete('/api/v1/auth/api-keys/key_0123456789ab').set(asAdmin);
    expect(unknown.status).toBe(404);
    expectContract('revokeApiKey', unknown);
    const self = await server.platform.services.apiKeys.authenticate({ apiKey: ADMIN_KEY });
    const selfRevoke = await server.http.delete(`/api/v1/auth/api-keys/${self.keyId}`).set(asAdmin);
    expect(selfRevoke.status).toBe(409);
    expectContract('revokeApiKey', selfRevoke);
    const badToken = await server.http.get('/api/v1/cluster/nodes').set('Authorization', 'Bearer not.a.token');
    expect(badToken.status).toBe(401);
    const tokenTooLong = await server.http.post('/api/v1/auth/tokens').set(asAdmin).send({ expiresInSeconds: 10 ** 7 });
    expect(tokenTooLong.status).toBe(400);
    expectContract('createAccessToken', tokenTooLong);
    const tokenUnauthenticated = await server.http.post('/api/v1/auth/tokens');
    expect(tokenUnauthenticated.status).toBe(401);
    expectContract('createAccessToken', tokenUnauthenticated);
  });
});

describe('audit log', () => {
  test('records every mutation with who, what, on what and the outcome', async () => {
    await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-20', address: '10.0.0.20:7000' });
    await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-20', address: '10.0.0.21:7000' });
    const response = await server.http.get('/api/v1/audit/entries?operationId=addClusterNode').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listAuditEntries', response);
    const outcomes = response.body.data.map((entry: { outcome: string; errorCode?: string }) => [entry.outcome, entry.errorCode]);
    expect(outcomes).toEqual([['SUCCESS', undefined], ['FAILURE', 'CONFLICT']]);
    expect(response.body.data[0]).toMatchObject({ actorRole: 'CLUSTER_ADMIN', target: 'cluster.node/node-20' });
    await server.http.put('/api/v1/cluster/config').set(asAdmin).send({ heartbeatIntervalMs: 'fast' });
    const rejected = await server.http.get('/api/v1/audit/entries?operationId=updateClusterConfig').set(asAdmin);
    expect(rejected.body.data.at(-1)).toMatchObject({ outcome: 'FAILURE', errorCode: 'VALIDATION_FAILED', target: '/api/v1/cluster/config' });
    const newestFirst = await server.http.get('/api/v1/audit/entries?order=desc&limit=1').set(asAdmin);
    expect(newestFirst.body.data[0].id).toBe(newestFirst.body.pagination.total);
  });

  test('is readable by admins and DBAs only', async () => {
    const viewer = await server.http.get('/api/v1/audit/entries').set('X-API-Key', viewerKey);
    expect(viewer.status).toBe(403);
    expectContract('listAuditEntries', viewer);
    const badOutcome = await server.http.get('/api/v1/audit/entries?outcome=MAYBE').set(asAdmin);
    expect(badOutcome.status).toBe(400);
    expectContract('listAuditEntries', badOutcome);
  });
});

describe('event log', () => {
  test('pages through events by cursor', async () => {
    const first = await server.http.get('/api/v1/events?limit=3').set(asAdmin);
    expect(first.status).toBe(200);
    expectContract('listEvents', first);
    expect(first.body.data.map((event: { type: string }) => event.type)).toEqual(['node_joined', 'node_joined', 'node_joined']);
    const next = await server.http.get(`/api/v1/events?after=${first.body.nextCursor}&limit=3&types=node_health_change`).set(asAdmin);
    expectContract('listEvents', next);
    expect(next.body.data.every((event: { cursor: number; type: string }) => event.cursor > first.body.nextCursor && event.type === 'node_health_change')).toBe(true);
    const aboutNode = await server.http.get('/api/v1/events?resourceId=node-2').set(asAdmin);
    expect(aboutNode.body.data.every((event: { payload: { nodeId?: string } }) => event.payload.nodeId === 'node-2')).toBe(true);
  });

  test('rejects a malformed type list', async () => {
    const response = await server.http.get('/api/v1/events?types=Node-Joined').set(asAdmin);
    expect(response.status).toBe(400);
    expectContract('listEvents', response);
    const unauthenticated = await server.http.get('/api/v1/events');
    expect(unauthenticated.status).toBe(401);
    expectContract('listEvents', unauthenticated);
  });
});

describe('routing', () => {
  test('an unknown route answers 404 ROUTE_NOT_FOUND in the error envelope', async () => {
    const response = await server.http.get('/api/v1/cluster/nope').set(asAdmin);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ success: false, error: { code: 'ROUTE_NOT_FOUND' } });
  });

  test('API answers carry no ETag, so a conditional request never gets a 304 the contract does not list', async () => {
    const first = await server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBeUndefined();
    const again = await server.http.get('/api/v1/cluster/nodes').set(asAdmin).set('If-None-Match', '*');
    expect(again.status).toBe(200);
    expectContract('listClusterNodes', again);
  });

  test('HEAD answers with the headers of the GET and no body', async () => {
    const get = await server.http.get('/api/v1/health/liveness');
    const head = await server.http.head('/api/v1/health/liveness');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.text ?? '').toBe('');
  });

  test('the docs and the bundled contract are public', async () => {
    const json = await server.http.get('/openapi.json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toBe('3.0.3');
    const yaml = await server.http.get('/openapi.yaml');
    expect(yaml.text).toContain('openapi: 3.0.3');
    // Swagger UI shows one area of the contract at a time, the cluster's first, with links to the others.
    const docs = await server.http.get('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('data-contract="/openapi/cluster.json"');
    expect(docs.text).toContain('<a href="/docs/?area=rac">RAC</a>');
    const racPage = await server.http.get('/docs/?area=rac');
    expect(racPage.text).toContain('data-contract="/openapi/rac.json"');
    expect((await server.http.get('/docs/?area=nope')).status).toBe(404);
    const initializer = await server.http.get('/docs/swagger-initializer.js');
    expect(initializer.text).toContain('dataset.contract');
    const rac = await server.http.get('/openapi/rac.json');
    expect(rac.status).toBe(200);
    expect(Object.keys(rac.body.paths).every((path) => path.startsWith('/api/v1/rac/'))).toBe(true);
    expect(Object.keys(rac.body.paths)).toContain('/api/v1/rac/cluster/status');
    expect((await server.http.get('/openapi/nope.json')).status).toBe(404);
    const graphiql = await server.http.get('/graphql').set('Accept', 'text/html');
    expect(graphiql.status).toBe(200);
    expect(graphiql.text).toContain('<title>RustyDB GraphiQL</title>');
    // Everything the page needs is in it: no script or stylesheet from another host.
    expect(graphiql.text).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  });

  test.each(['/openapi.json', '/openapi.yaml', '/openapi/cluster.json', '/docs/swagger-ui-bundle.js'])('%s is served compressed, with a validator that answers 304', async (path) => {
    const plain = await server.http.get(path).set('Accept-Encoding', 'identity').buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const compressed = await server.http.get(path).set('Accept-Encoding', encoding).buffer(true).parse((response, done) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => done(null, bytes));
      });
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers.vary).toBe('Accept-Encoding');
      // supertest decodes the body; the header says what crossed the wire.
      expect(Number(compressed.headers['content-length'])).toBeLessThan((plain.body as Buffer).length / 3);
    }
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const revalidated = await server.http.get(path).set('If-None-Match', etag);
    expect(revalidated.status).toBe(304);
  });
});
