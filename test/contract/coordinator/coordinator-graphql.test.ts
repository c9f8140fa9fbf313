import { describe, expect, test } from 'vitest';
import type {
  ClusterShard,
  DistributedQueryPlan,
  ExecutionStrategyChange,
  LoadBalancerConnection,
} from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

const CONNECTION_FIELDS = 'connectionId backendId state openedAt closedAt latencyMs outcome';
const SHARD_FIELDS = 'shardId group tables startToken endToken state primaryNodeId replicaNodeIds pendingMoves { role fromNodeId toNodeId startedAt completesAt } lastMovedAt';
const PLAN_FIELDS = `strategy queryType sql coordinatorNodeId totalShards targetShardIds prunedShards nodeIds remoteRequests
  phases { phase name description tasks { nodeId shardIds copyRole local } }`;

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
    const ofGroup = await graphql<{ shards: ClusterShard[] }>(fixture.server, '{ shards(group: "default", offset: 2, limit: 1) { shardId } }');
    expect(dataOf(ofGroup).shards).toEqual([{ shardId: 'shard-3' }]);
    const one = await graphql<{ clusterShard: ClusterShard }>(fixture.server, `{ clusterShard(shardId: "shard-3") { ${SHARD_FIELDS} } }`, {}, { apiKey: fixture.viewerKey });
    const restOne = await fixture.server.http.get('/api/v1/cluster/coordinator/shards/shard-3').set(asAdmin);
    expectContract('getShard', restOne);
    expect(dataOf(one).clusterShard).toEqual(restOne.body.data);
    expect(codesOf(await graphql<unknown>(fixture.server, '{ clusterShard(shardId: "orders-shard-1") { shardId } }'))).toEqual(['NOT_FOUND']);
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
