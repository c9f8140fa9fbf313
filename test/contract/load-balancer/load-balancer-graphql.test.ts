import { describe, expect, test } from 'vitest';
import type {
  LoadBalancerBackend,
  LoadBalancerStatistics,
  LoadBalancerStrategyChange,
} from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

const BACKEND_FIELDS = `backendId address nodeId weight maxConnections health activeConnections requests completedRequests errors
  averageLatencyMs p99LatencyMs latencyEwmaMs lastSelectedAt`;

describe('load balancer', () => {
  test('loadBalancerBackends, loadBalancerBackend and loadBalancerStatistics equal their REST twins', async () => {
    const backends = await graphql<{ loadBalancerBackends: LoadBalancerBackend[] }>(fixture.server, `{ loadBalancerBackends { ${BACKEND_FIELDS} } }`, {}, { apiKey: fixture.viewerKey });
    const rest = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends').set(asAdmin);
    expectContract('listLoadBalancerBackends', rest);
    expect(dataOf(backends).loadBalancerBackends).toEqual(rest.body.data);

    const filtered = await graphql<{ loadBalancerBackends: LoadBalancerBackend[] }>(fixture.server, '{ loadBalancerBackends(nodeId: "node-2", health: HEALTHY) { backendId } }');
    expect(dataOf(filtered).loadBalancerBackends).toEqual([{ backendId: 'node-2' }]);

    const one = await graphql<{ loadBalancerBackend: LoadBalancerBackend | null }>(fixture.server, `{ loadBalancerBackend(backendId: "node-1") { ${BACKEND_FIELDS} } }`);
    expect(dataOf(one).loadBalancerBackend).toEqual(rest.body.data[0]);
    const unknown = await graphql<{ loadBalancerBackend: LoadBalancerBackend | null }>(fixture.server, '{ loadBalancerBackend(backendId: "backend-99") { backendId } }');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ loadBalancerBackend: null });

    const statistics = await graphql<{ loadBalancerStatistics: LoadBalancerStatistics }>(
      fixture.server,
      `{ loadBalancerStatistics { strategy totalBackends healthyBackends totalRequests rejectedRequests activeConnections completedRequests errors abortedConnections backends { ${BACKEND_FIELDS} } } }`,
    );
    const restStatistics = await fixture.server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin);
    expectContract('getLoadBalancerStatistics', restStatistics);
    expect(dataOf(statistics).loadBalancerStatistics).toEqual(restStatistics.body.data);
  });

  test('addLoadBalancerBackend, setLoadBalancerStrategy and removeLoadBalancerBackend change what REST shows', async () => {
    const added = await graphql<{ addLoadBalancerBackend: LoadBalancerBackend }>(
      fixture.server,
      `mutation ($input: AddBackendInput!) { addLoadBalancerBackend(input: $input) { ${BACKEND_FIELDS} } }`,
      { input: { backendId: 'node-4-pool', address: '10.0.0.84:6432', nodeId: 'node-4', weight: 5, health: 'DRAINING' } },
    );
    expect(dataOf(added).addLoadBalancerBackend).toMatchObject({ backendId: 'node-4-pool', nodeId: 'node-4', weight: 5, health: 'DRAINING' });
    const rest = await fixture.server.http.get('/api/v1/cluster/load-balancer/backends/node-4-pool').set(asAdmin);
    expectContract('getLoadBalancerBackend', rest);
    expect(rest.body.data).toEqual(dataOf(added).addLoadBalancerBackend);

    const changed = await graphql<{ setLoadBalancerStrategy: LoadBalancerStrategyChange }>(fixture.server, 'mutation { setLoadBalancerStrategy(strategy: WEIGHTED) { strategy previousStrategy changedAt } }');
    expect(dataOf(changed).setLoadBalancerStrategy).toMatchObject({ strategy: 'WEIGHTED', previousStrategy: 'ROUND_ROBIN' });
    const restStatistics = await fixture.server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin);
    expect(restStatistics.body.data.strategy).toBe('WEIGHTED');

    const removed = await graphql<{ removeLoadBalancerBackend: boolean }>(fixture.server, 'mutation { removeLoadBalancerBackend(backendId: "node-4-pool") }');
    expect(dataOf(removed)).toEqual({ removeLoadBalancerBackend: true });
    expect((await fixture.server.http.get('/api/v1/cluster/load-balancer/backends/node-4-pool').set(asAdmin)).status).toBe(404);
    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { removeLoadBalancerBackend(backendId: "node-4-pool") }'))).toEqual(['NOT_FOUND']);
  });

  test('mutations check the contract and the role', async () => {
    const malformed = await graphql<unknown>(fixture.server, 'mutation { addLoadBalancerBackend(input: { address: "no port", weight: 0 }) { backendId } }');
    expect(codesOf(malformed)).toEqual(['VALIDATION_FAILED']);
    const unknownNode = await graphql<unknown>(fixture.server, 'mutation { addLoadBalancerBackend(input: { address: "10.0.0.90:5432", nodeId: "node-99" }) { backendId } }');
    expect(codesOf(unknownNode)).toEqual(['NOT_FOUND']);
    const viewer = { apiKey: fixture.viewerKey };
    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { addLoadBalancerBackend(input: { address: "10.0.0.91:5432" }) { backendId } }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { setLoadBalancerStrategy(strategy: ROUND_ROBIN) { strategy } }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { removeLoadBalancerBackend(backendId: "node-1") }', {}, viewer))).toEqual(['FORBIDDEN']);
    const back = await graphql<{ setLoadBalancerStrategy: LoadBalancerStrategyChange }>(fixture.server, 'mutation { setLoadBalancerStrategy(strategy: ROUND_ROBIN) { strategy } }');
    expect(dataOf(back).setLoadBalancerStrategy.strategy).toBe('ROUND_ROBIN');
  });
});
