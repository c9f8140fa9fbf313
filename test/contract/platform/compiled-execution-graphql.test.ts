import { describe, expect, test } from 'vitest';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { useTestServer } from '../../support/test-server.js';

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
    const rest = await fixture.server.http.get('/api/v1/cluster/nodes').set('X-API-Key', 'rdb_test_admin_0123456789abcdef0123456789abcdef');
    expect(response.clusterNodes).toEqual(rest.body.data.map(({ nodeId, joinedAt, lastHeartbeat }: Record<string, unknown>) => ({ nodeId, joinedAt, lastHeartbeat })));
    expect(response.clusterNodes[0]?.joinedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
