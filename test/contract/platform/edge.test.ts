import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 3 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

/** The replication primary and the number of promotions so far: what a failover would change. */
async function replicationState(): Promise<{ primary: string; failovers: number }> {
  const status = await fixture.server.http.get('/api/v1/replication/status').set(asAdmin);
  expect(status.status).toBe(200);
  return { primary: status.body.data.primaryNodeId, failovers: status.body.data.timeline };
}

describe('content type', () => {
  test('a text/plain body is refused with 415 and runs nothing', async () => {
    const before = await replicationState();
    const response = await fixture.server.http
      .post('/api/v1/replication/failover')
      .set(asAdmin)
      .set('Content-Type', 'text/plain')
      .send('{"targetReplicaId":"NOPE!"}');
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expectContract('triggerReplicationFailover', response);
    expect(await replicationState()).toEqual(before);
  });

  test("curl -d's form-encoded body is refused too, and so is a body with no Content-Type", async () => {
    const form = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).type('form').send('address=10.0.0.9:7000');
    expect(form.status).toBe(415);
    expect(form.body.error.details).toEqual({ supportedMediaTypes: ['application/json'] });
    expectContract('addClusterNode', form);
    const untyped = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).set('Content-Length', '2').unset('Content-Type').send(Buffer.from('{}'));
    expect(untyped.status).toBe(415);
    const nodes = await fixture.server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expect(nodes.body.pagination.total).toBe(3);
  });

  test('application/json with a charset is read', async () => {
    const response = await fixture.server.http
      .post('/api/v1/cluster/nodes')
      .set(asAdmin)
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ address: 'bogus' }));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].location).toBe('body/address');
  });

  test('malformed JSON is 400, not 415', async () => {
    const response = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).set('Content-Type', 'application/json').send('{"address":');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expectContract('addClusterNode', response);
  });

  test('a body over 1 MiB is 413', async () => {
    const response = await fixture.server.http
      .post('/api/v1/cluster/nodes')
      .set(asAdmin)
      .send({ address: '10.0.0.9:7000', name: 'x'.repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: 1048576 } });
    expectContract('addClusterNode', response);
  });
});

describe('formats and numbers in parameters', () => {
  test.each([
    ['listFailoverHistory', '/api/v1/cluster/failover/history'],
    ['listReplicationLagSamples', '/api/v1/replication/monitor/lag'],
  ])('%s refuses since=yesterday', async (operationId, path) => {
    const response = await fixture.server.http.get(`${path}?since=yesterday`).set(asAdmin);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([{ location: 'query/since', message: 'must match format "date-time"', keyword: 'format' }]);
    expectContract(operationId, response);
    const dated = await fixture.server.http.get(`${path}?since=2026-01-01T00:00:00Z`).set(asAdmin);
    expect(dated.status).toBe(200);
  });

  test('a number that is not finite is refused', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/nodes?limit=1e400').set(asAdmin);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].location).toBe('query/limit');
    expectContract('listClusterNodes', response);
    const body = await fixture.server.http.post('/api/v1/simulation/advance').set(asAdmin).set('Content-Type', 'application/json').send('{"ms":1e400}');
    expect(body.status).toBe(400);
    expect(body.body.error.details.errors[0].location).toBe('body/ms');
  });
});

describe('path parameters', () => {
  const longId = 'n'.repeat(201);

  test('an id over 200 characters is 400 naming the field, after authentication', async () => {
    const anonymous = await fixture.server.http.get(`/api/v1/cluster/nodes/${longId}`);
    expect(anonymous.status).toBe(401);
    const response = await fixture.server.http.get(`/api/v1/cluster/nodes/${longId}`).set(asAdmin);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([{ location: 'path/id', message: 'must NOT have more than 200 characters', keyword: 'maxLength' }]);
    expectContract('getClusterNode', response);
  });
});

describe('methods and slashes', () => {
  test('a known path with a method it lacks is 405 with Allow, HEAD included', async () => {
    const response = await fixture.server.http.patch('/api/v1/cluster/nodes').set(asAdmin).send({});
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
    expect(response.body.error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', details: { allowedMethods: ['GET', 'HEAD', 'POST'] } });
    expectContract('listClusterNodes', response);
    const item = await fixture.server.http.post('/api/v1/cluster/nodes/node-1');
    expect(item.status).toBe(405);
    expect(item.headers.allow).toBe('DELETE, GET, HEAD');
  });

  test('an unknown path is still 404', async () => {
    const response = await fixture.server.http.patch('/api/v1/cluster/nowhere').set(asAdmin);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  test('a trailing slash is a 308 to the canonical path, query kept, nothing run', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/nodes/?limit=2').set(asAdmin);
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe('/api/v1/cluster/nodes?limit=2');
    const followed = await fixture.server.http.get(response.headers.location!).set(asAdmin);
    expect(followed.status).toBe(200);
    expect(followed.body.data).toHaveLength(2);
    const post = await fixture.server.http.post('/api/v1/cluster/nodes/').set(asAdmin).send({ address: '10.0.0.8:7000' });
    expect(post.status).toBe(308);
    const nodes = await fixture.server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expect(nodes.body.pagination.total).toBe(3);
  });
});

describe('enums', () => {
  test('a value outside an enum lists the allowed values', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/nodes?order=sideways').set(asAdmin);
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      { location: 'query/order', message: 'must be one of: asc, desc', keyword: 'enum', allowedValues: ['asc', 'desc'] },
    ]);
    expectContract('listClusterNodes', response);
  });
});

describe('CORS', () => {
  test('is off by default: no CORS headers, and OPTIONS is a method no path has', async () => {
    const response = await fixture.server.http.options('/api/v1/cluster/nodes').set('Origin', 'https://console.example.com').set('Access-Control-Request-Method', 'GET');
    expect(response.status).toBe(405);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('lets the listed origins call the API and answers their preflights', async () => {
    const server = await startTestServer({ nodes: 1, corsOrigins: ['https://console.example.com'] });
    try {
      const preflight = await server.http
        .options('/api/v1/cluster/nodes')
        .set('Origin', 'https://console.example.com')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'x-api-key, content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://console.example.com');
      expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD,POST,PUT,PATCH,DELETE');
      expect(preflight.headers['access-control-allow-headers']).toBe('X-API-Key,Authorization,Content-Type');
      const call = await server.http.get('/api/v1/cluster/nodes').set('Origin', 'https://console.example.com').set(asAdmin);
      expect(call.status).toBe(200);
      expect(call.headers['access-control-allow-origin']).toBe('https://console.example.com');
      const stranger = await server.http.get('/api/v1/cluster/nodes').set('Origin', 'https://evil.example.net').set(asAdmin);
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
