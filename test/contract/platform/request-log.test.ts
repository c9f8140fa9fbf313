import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

/** Every line the server logged, parsed. */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: 'info' }, sink) });
});
afterAll(() => server?.close());

test('the request log names /graphql and the GraphQL operation, REST calls their operation', async () => {
  const named = await server.http
    .post('/graphql')
    .set({ 'X-API-Key': ADMIN_KEY })
    .send({ query: 'query Nodes { clusterNodes(limit: 1) { nodeId } }' });
  expect(named.status).toBe(200);
  const anonymous = await server.http.post('/graphql').set({ 'X-API-Key': ADMIN_KEY }).send({ query: 'mutation { advanceClock(ms: 10) { nowMs } }' });
  expect(anonymous.status).toBe(200);
  const rest = await server.http.get('/api/v1/cluster/nodes?limit=1').set({ 'X-API-Key': ADMIN_KEY });
  expect(rest.status).toBe(200);

  const requests = lines.filter((line) => line.requestId !== undefined);
  expect(requests.map(({ method, path, operationId, graphqlOperation }) => ({ method, path, operationId, graphqlOperation }))).toEqual([
    { method: 'POST', path: '/graphql', operationId: 'graphql', graphqlOperation: 'query Nodes' },
    { method: 'POST', path: '/graphql', operationId: 'graphql', graphqlOperation: 'mutation (anonymous)' },
    { method: 'GET', path: '/api/v1/cluster/nodes', operationId: 'listClusterNodes', graphqlOperation: undefined },
  ]);
});
