import { describe, expect, test } from 'vitest';
import type {
  ClusterShard,
  DhtNode,
  DhtRingEntry,
  DhtRouteResult,
  DhtStatistics,
  DistributedQueryPlan,
  ExecutionStrategyChange,
  LoadBalancerBackend,
  LoadBalancerConnection,
  LoadBalancerStatistics,
  LoadBalancerStrategyChange,
} from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

const DHT_NODE_FIELDS = 'nodeId weight vnodeCount ownedTokenCount ownershipPercent routedKeys';
const SPREAD_FIELDS = 'meanLoadFactor variance standardDeviation maxOverMean minOverMean';
const DHT_STATISTICS_FIELDS = `hashFunction hashSeed vnodesPerNode nodeCount vnodeCount hashSpaceSize routedKeys
  nodes { nodeId weight vnodeCount ownershipPercent routedKeys routedKeyPercent }
  ownershipSpread { ${SPREAD_FIELDS} } routedKeySpread { ${SPREAD_FIELDS} }`;
const BACKEND_FIELDS = `backendId address nodeId weight maxConnections health activeConnections requests completedRequests errors
  averageLatencyMs p99LatencyMs latencyEwmaMs lastSelectedAt`;
const CONNECTION_FIELDS = 'connectionId backendId state openedAt closedAt latencyMs outcome';
const SHARD_FIELDS = 'shardId startToken endToken state primaryNodeId replicaNodeIds pendingMoves { role fromNodeId toNodeId startedAt completesAt } lastMovedAt';
const PLAN_FIELDS = `strategy queryType sql coordinatorNodeId totalShards targetShardIds prunedShards nodeIds remoteRequests
  phases { phase name description tasks { nodeId shardIds copyRole local } }`;

describe('DHT', () => {
  test('dhtNodes, dhtRing and dhtStatistics equal their REST twins', async () => {
    const nodes = await graphql<{ dhtNodes: DhtNode[] }>(fixture.server, `{ dhtNodes { ${DHT_NODE_FIELDS} } }`, {}, { apiKey: fixture.viewerKey });
    const restNodes = await fixture.server.http.get('/api/v1/cluster/dht/nodes').set(asAdmin);
    expectContract('listDhtNodes', restNodes);
    expect(dataOf(nodes).dhtNodes).toEqual(restNodes.body.data);

    const ring = await graphql<{ dhtRing: DhtRingEntry[] }>(fixture.server, '{ dhtRing(nodeId: "node-3", fromToken: 1000000000, limit: 5, offset: 1) { token nodeId vnodeIndex rangeSize } }');
    const restRing = await fixture.server.http.get('/api/v1/cluster/dht/ring?nodeId=node-3&fromToken=1000000000&limit=5&offset=1').set(asAdmin);
    expectContract('getDhtRing', restRing);
    expect(dataOf(ring).dhtRing).toEqual(restRing.body.data);

    const sorted = await graphql<{ dhtNodes: DhtNode[] }>(fixture.server, '{ dhtNodes(sortBy: ownershipPercent, order: DESC, limit: 1) { nodeId } }');
    const restSorted = await fixture.server.http.get('/api/v1/cluster/dht/nodes?sort_by=ownershipPercent&order=desc&limit=1').set(asAdmin);
    expect(dataOf(sorted).dhtNodes).toEqual([{ nodeId: restSorted.body.data[0].nodeId }]);

    const statistics = await graphql<{ dhtStatistics: DhtStatistics }>(fixture.server, `{ dhtStatistics { ${DHT_STATISTICS_FIELDS} } }`);
    const restStatistics = await fixture.server.http.get('/api/v1/cluster/dht/statistics').set(asAdmin);
    expectContract('getDhtStatistics', restStatistics);
    expect(dataOf(statistics).dhtStatistics).toEqual(restStatistics.body.data);
  });

  test('routeDhtKey routes like REST, for a viewer too; a token beyond 32 bits or both key and keys are refused', async () => {
    const routed = await graphql<{ routeDhtKey: DhtRouteResult }>(
      fixture.server,
      '{ routeDhtKey(keys: ["user:42", "user:43"], replicas: 2) { hashFunction routes { key token nodeId vnodeIndex vnodeToken preferenceList } } }',
      {},
      { apiKey: fixture.viewerKey },
    );
    const rest = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ keys: ['user:42', 'user:43'], replicas: 2 });
    expectContract('routeDhtKey', rest);
    expect(dataOf(routed).routeDhtKey).toEqual(rest.body.data);

    expect(codesOf(await graphql<unknown>(fixture.server, '{ routeDhtKey(key: "a", keys: ["b"]) { hashFunction } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql<unknown>(fixture.server, '{ routeDhtKey(keys: [], replicas: 0) { hashFunction } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql<unknown>(fixture.server, '{ dhtRing(fromToken: 4294967296) { token } }'))).toEqual(['VALIDATION_FAILED']);
  });
});

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

describe('coordinator', () => {
  test('shards equals GET /api/v1/cluster/coordinator/shards, filters included', async () => {
    const shards = await graphql<{ shards: ClusterShard[] }>(fixture.server, `{ shards { ${SHARD_FIELDS} } }`, {}, { apiKey: fixture.viewerKey });
    const rest = await fixture.server.http.get('/api/v1/cluster/coordinator/shards').set(asAdmin);
    expectContract('listShards', rest);
    expect(dataOf(shards).shards).toEqual(rest.body.data);
    const ofNode = await graphql<{ shards: ClusterShard[] }>(fixture.server, '{ shards(nodeId: "node-2", role: REPLICA, order: DESC) { shardId } }');
    const restOfNode = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?nodeId=node-2&role=REPLICA&order=desc').set(asAdmin);
    expect(dataOf(ofNode).shards).toEqual(restOfNode.body.data.map((each: { shardId: string }) => ({ shardId: each.shardId })));
    expect(codesOf(await graphql<unknown>(fixture.server, '{ shards(role: PRIMARY) { shardId } }'))).toEqual(['UNPROCESSABLE']);
  });

  test('assignShard promotes a replica; setExecutionStrategy switches the strategy', async () => {
    const rest = await fixture.server.http.get('/api/v1/cluster/coordinator/shards').set(asAdmin);
    const shard7 = rest.body.data.find((each: { shardId: string }) => each.shardId === 'shard-7');
    const replica = shard7.replicaNodeIds[0];
    const assigned = await graphql<{ assignShard: ClusterShard }>(fixture.server, `mutation ($nodeId: ID!) { assignShard(shardId: "shard-7", nodeId: $nodeId) { ${SHARD_FIELDS} } }`, { nodeId: replica });
    expect(dataOf(assigned).assignShard).toMatchObject({ shardId: 'shard-7', state: 'ACTIVE', primaryNodeId: replica });
    const after = await fixture.server.http.get('/api/v1/cluster/coordinator/shards?nodeId=' + replica + '&role=PRIMARY').set(asAdmin);
    expect(after.body.data.map((each: { shardId: string }) => each.shardId)).toContain('shard-7');

    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { assignShard(shardId: "shard-70", nodeId: "node-1") { shardId } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { assignShard(shardId: "Shard 7", nodeId: "node-1") { shardId } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql<unknown>(fixture.server, `mutation { assignShard(shardId: "shard-7", nodeId: "${replica}") { shardId } }`))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { assignShard(shardId: "shard-7", nodeId: "node-1") { shardId } }', {}, { apiKey: fixture.viewerKey }))).toEqual(['FORBIDDEN']);

    const changed = await graphql<{ setExecutionStrategy: ExecutionStrategyChange }>(fixture.server, 'mutation { setExecutionStrategy(strategy: LOCAL_FIRST) { strategy previousStrategy description changedAt } }');
    expect(dataOf(changed).setExecutionStrategy).toMatchObject({ strategy: 'LOCAL_FIRST', previousStrategy: 'SCATTER_GATHER' });
    const back = await graphql<{ setExecutionStrategy: ExecutionStrategyChange }>(fixture.server, 'mutation { setExecutionStrategy(strategy: SCATTER_GATHER) { strategy } }');
    expect(dataOf(back).setExecutionStrategy.strategy).toBe('SCATTER_GATHER');
    expect(codesOf(await graphql<unknown>(fixture.server, 'mutation { setExecutionStrategy(strategy: ROUTED) { strategy } }', {}, { apiKey: fixture.viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('distributeQuery plans like REST and is routed through the load balancer', async () => {
    const input = { sql: 'SELECT sum(amount) FROM payments WHERE account_id = $1', shardKeys: ['account:42'], strategy: 'ROUTED' };
    const before = await fixture.server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin);
    const planned = await graphql<{ distributeQuery: DistributedQueryPlan }>(
      fixture.server,
      `query ($input: DistributeQueryInput!) { distributeQuery(input: $input) { ${PLAN_FIELDS} } }`,
      { input },
      { apiKey: fixture.viewerKey },
    );
    const plan = dataOf(planned).distributeQuery;
    const after = await fixture.server.http.get('/api/v1/cluster/load-balancer/statistics').set(asAdmin);
    expect(after.body.data.totalRequests).toBe(before.body.data.totalRequests + 1);
    const backendOf = (stats: { backends: { backendId: string; requests: number }[] }) => stats.backends.find((each) => each.backendId === plan.coordinatorNodeId)!.requests;
    expect(backendOf(after.body.data)).toBe(backendOf(before.body.data) + 1);

    // With the coordinator REST's query went through, the plans are the same.
    const rest = await fixture.server.http.post('/api/v1/cluster/coordinator/distribute-query').set(asAdmin).send({ ...input, coordinatorNodeId: plan.coordinatorNodeId });
    expectContract('distributeQuery', rest);
    expect(plan).toEqual(rest.body.data);

    await fixture.server.advance(100);
    const connections = await graphql<{ loadBalancerConnections: LoadBalancerConnection[] }>(fixture.server, `{ loadBalancerConnections(limit: 1) { ${CONNECTION_FIELDS} } }`);
    const restConnections = await fixture.server.http.get('/api/v1/cluster/load-balancer/connections?limit=1').set(asAdmin);
    expectContract('listLoadBalancerConnections', restConnections);
    expect(dataOf(connections).loadBalancerConnections).toEqual(restConnections.body.data);
    expect(restConnections.body.data[0]).toMatchObject({ backendId: plan.coordinatorNodeId, state: 'CLOSED', outcome: 'SUCCESS' });

    expect(codesOf(await graphql<unknown>(fixture.server, '{ distributeQuery(input: { sql: "SELECT 1", strategy: ROUTED }) { strategy } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql<unknown>(fixture.server, '{ distributeQuery(input: { sql: "" }) { strategy } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql<unknown>(fixture.server, '{ distributeQuery(input: { sql: "SELECT 1", coordinatorNodeId: "node-99" }) { strategy } }'))).toEqual(['NOT_FOUND']);
  });
});
