import { describe, expect, test } from 'vitest';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

/**
 * Queries and mutations run compiled (graphql-jit, see src/api/graphql/yoga.ts): what clients
 * see must not change with it. Subscriptions over graphql-ws and SSE, which stay on graphql-js,
 * are covered by subscriptions-graphql.test.ts and the domains' subscription tests.
 */
const fixture = useTestServer({ nodes: 3 });

describe('compiled execution', () => {
  test("an unexpected error in a resolver is masked: INTERNAL with a generic message at the field's path", async () => {
    const { services } = fixture.server.platform;
    const listNodes = services.cluster.listNodes;
    services.cluster.listNodes = () => {
      throw new Error('connection string postgres://admin:hunter2@db');
    };
    try {
      for (const [query, variables] of [
        ['{ clusterNodes { nodeId } }', {}],
        ['query ($limit: Int) { clusterNodes(limit: $limit) { nodeId } }', { limit: 2 }],
      ] as const) {
        const response = await graphql<{ clusterNodes: unknown }>(fixture.server, query, variables);
        expect(codesOf(response)).toEqual(['INTERNAL']);
        expect(JSON.stringify(response.errors)).not.toContain('hunter2');
        expect(response.errors?.[0]?.path).toEqual(['clusterNodes']);
        // clusterNodes is non-null, so its error nulls the whole answer, as graphql-js does.
        expect(response.data).toBeNull();
      }
    } finally {
      services.cluster.listNodes = listNodes;
    }
  });

  test('a service error keeps its code and words', async () => {
    const response = await graphql<unknown>(fixture.server, 'mutation { removeClusterNode(nodeId: "node-99") }');
    expect(codesOf(response)).toEqual(['NOT_FOUND']);
    expect(response.errors?.[0]?.message).toContain('node-99');
  });

  test('variables that do not fit their types are refused as graphql-js words it, naming the variable and the path', async () => {
    const response = await graphql<unknown>(fixture.server, 'query ($limit: Int) { clusterNodes(limit: $limit) { nodeId } }', { limit: 'many' });
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toContain('Variable "$limit" got invalid value "many"');
  });

  test('timestamps answer as the REST twin writes them, and null stays null', async () => {
    const response = dataOf(await graphql<{ clusterNodes: { nodeId: string; joinedAt: string; lastHeartbeat: string | null }[] }>(fixture.server, '{ clusterNodes { nodeId joinedAt lastHeartbeat } }'));
    const rest = await fixture.server.http.get('/api/v1/cluster/nodes').set('X-API-Key', ADMIN_KEY);
    expect(response.clusterNodes).toEqual(rest.body.data.map(({ nodeId, joinedAt, lastHeartbeat }: Record<string, unknown>) => ({ nodeId, joinedAt, lastHeartbeat })));
    expect(response.clusterNodes[0]?.joinedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

describe('the request body', () => {
  test('a body that is not JSON answers 400 BAD_REQUEST, one too large 413, as yoga answers them', async () => {
    const http = fixture.server.http;
    const malformed = await http.post('/graphql').set('X-API-Key', ADMIN_KEY).set('Content-Type', 'application/json').send('{ "query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    const huge = await http.post('/graphql').set('X-API-Key', ADMIN_KEY).set('Content-Type', 'application/json').send(JSON.stringify({ query: `{ __typename }${' '.repeat(1_100_000)}` }));
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  test('a JSON body, and a body yoga reads itself (application/graphql+json), both answer', async () => {
    const http = fixture.server.http;
    for (const type of ['application/json', 'application/graphql+json']) {
      const response = await http.post('/graphql').set('X-API-Key', ADMIN_KEY).set('Content-Type', type).send(JSON.stringify({ query: '{ clusterNodes(limit: 1) { nodeId } }' }));
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ data: { clusterNodes: [{ nodeId: 'node-1' }] } });
    }
  });
});
