import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterConfig, ClusterInfo, ClusterNode, ClusterTopology, Event } from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000); // first heartbeats arrive: every node HEALTHY
});
afterAll(() => server.close());

const NODE_FIELDS = `
  nodeId name address role status priority region zone services
  capacity { cpuCores totalMemoryGb availableMemoryGb storageCapacityGb networkBandwidthMbps }
  uptimeSeconds lastHeartbeat missedHeartbeats joinedAt`;
const CONFIG_FIELDS = `
  clusterName replicationFactor minQuorumSize heartbeatIntervalMs suspectTimeoutMs failureTimeoutMs
  recoveryHeartbeats electionTimeoutMs autoFailover geoReplication`;
const TOPOLOGY_FIELDS = `
  clusterName state members totalNodes healthyNodes suspectedNodes downNodes voters quorumSize hasQuorum
  failureTolerance regions { region zones { zone nodeIds } }`;

type NodeStatusOnly = Pick<ClusterNode, 'nodeId' | 'status'>;

describe('cluster', () => {
  test('describes the cluster from the engines: state, quorum, members and config', async () => {
    const response = await graphql<{ cluster: ClusterInfo }>(
      server,
      `{ cluster { clusterId name state quorumSize hasQuorum failureTolerance leader { nodeId } nodes { nodeId status } config { ${CONFIG_FIELDS} } createdAt updatedAt } }`,
    );
    expect(response.status).toBe(200);
    const { cluster } = dataOf(response);
    expect(cluster).toMatchObject({ clusterId: 'rustydb', name: 'rustydb', state: 'OPERATIONAL', quorumSize: 3, hasQuorum: true, failureTolerance: 2, leader: null });
    expect(cluster.nodes).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5'].map((nodeId) => ({ nodeId, status: 'HEALTHY' })));
    const restConfig = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    expect(cluster.config).toEqual(restConfig.body.data);
  });

  test('needs a key', async () => {
    const response = await graphql<{ cluster: ClusterInfo | null }>(server, '{ cluster { name } }', {}, 'anonymous');
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toEqual({ cluster: null });
  });
});

describe('clusterNodes', () => {
  test('lists the same nodes, field for field, as GET /api/v1/cluster/nodes', async () => {
    const response = await graphql<{ clusterNodes: ClusterNode[] }>(server, `{ clusterNodes { ${NODE_FIELDS} } }`, {}, { apiKey: viewerKey });
    const rest = await server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expectContract('listClusterNodes', rest);
    expect(dataOf(response).clusterNodes).toEqual(rest.body.data);
    expect(dataOf(response).clusterNodes.map((node) => node.status)).toEqual(Array(5).fill('HEALTHY'));
  });

  test('pages, sorts and filters like REST', async () => {
    const paged = await graphql<{ clusterNodes: NodeStatusOnly[] }>(server, '{ clusterNodes(sortBy: nodeId, order: DESC, limit: 2, offset: 1) { nodeId status } }');
    expect(dataOf(paged).clusterNodes).toEqual([
      { nodeId: 'node-4', status: 'HEALTHY' },
      { nodeId: 'node-3', status: 'HEALTHY' },
    ]);
    const down = await graphql<{ clusterNodes: NodeStatusOnly[] }>(server, '{ clusterNodes(status: DOWN) { nodeId } }');
    expect(dataOf(down).clusterNodes).toEqual([]);
  });

  test('rejects an unknown enum value before running anything', async () => {
    const response = await graphql<unknown>(server, '{ clusterNodes(status: ASLEEP) { nodeId } }');
    expect(response.data).toBeUndefined();
    expect(codesOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('clusterNode', () => {
  test('returns the node REST returns', async () => {
    const response = await graphql<{ clusterNode: ClusterNode | null }>(server, `query ($id: ID!) { clusterNode(nodeId: $id) { ${NODE_FIELDS} } }`, { id: 'node-2' });
    const rest = await server.http.get('/api/v1/cluster/nodes/node-2').set(asAdmin);
    expect(dataOf(response).clusterNode).toEqual(rest.body.data);
  });

  test('is null, without an error, for an unknown node', async () => {
    const response = await graphql<{ clusterNode: ClusterNode | null }>(server, '{ clusterNode(nodeId: "node-99") { nodeId } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ clusterNode: null });
  });
});

describe('addClusterNode', () => {
  test('adds a node that is INITIALIZING, then HEALTHY after its first heartbeat', async () => {
    const added = await graphql<{ addClusterNode: ClusterNode }>(
      server,
      `mutation ($input: AddNodeInput!) { addClusterNode(input: $input) { ${NODE_FIELDS} } }`,
      { input: { nodeId: 'node-10', address: '10.0.0.10:7000', region: 'us-east-1', zone: 'us-east-1b', role: 'WITNESS' } },
    );
    expect(dataOf(added).addClusterNode).toMatchObject({ nodeId: 'node-10', status: 'INITIALIZING', role: 'WITNESS', lastHeartbeat: null, services: ['storage', 'query'] });

    const before = await graphql<{ clusterNode: NodeStatusOnly }>(server, '{ clusterNode(nodeId: "node-10") { nodeId status } }');
    expect(dataOf(before).clusterNode).toEqual({ nodeId: 'node-10', status: 'INITIALIZING' });
    await server.advance(600);
    const after = await graphql<{ clusterNode: ClusterNode }>(server, '{ clusterNode(nodeId: "node-10") { nodeId status lastHeartbeat } }');
    expect(dataOf(after).clusterNode).toMatchObject({ nodeId: 'node-10', status: 'HEALTHY' });
    expect(dataOf(after).clusterNode.lastHeartbeat).not.toBeNull();

    const joined = await graphql<{ events: { events: Event[] } }>(server, '{ events(types: ["node_joined"], resourceId: "node-10") { events { type payload } } }');
    expect(dataOf(joined).events.events).toEqual([
      { type: 'node_joined', payload: { nodeId: 'node-10', address: '10.0.0.10:7000', role: 'WITNESS', region: 'us-east-1', zone: 'us-east-1b' } },
    ]);
  });

  test('a duplicate address is a CONFLICT naming the node that has it, and changes nothing', async () => {
    const response = await graphql<{ addClusterNode: ClusterNode | null }>(server, 'mutation { addClusterNode(input: { address: "10.0.0.10:7000" }) { nodeId } }');
    expect(response.data).toBeNull();
    expect(codesOf(response)).toEqual(['CONFLICT']);
    expect(response.errors?.[0]).toMatchObject({ path: ['addClusterNode'], extensions: { details: { nodeId: 'node-10', address: '10.0.0.10:7000' } } });
    const rest = await server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expect(rest.body.pagination.total).toBe(6);
  });

  test('capacity with more memory available than installed is UNPROCESSABLE', async () => {
    const capacity = { cpuCores: 4, totalMemoryGb: 8, availableMemoryGb: 16, storageCapacityGb: 100, networkBandwidthMbps: 1000 };
    const response = await graphql<unknown>(server, 'mutation ($capacity: NodeCapacityInput) { addClusterNode(input: { address: "10.0.0.11:7000", capacity: $capacity }) { nodeId } }', { capacity });
    expect(codesOf(response)).toEqual(['UNPROCESSABLE']);
  });

  test('input the schema cannot hold never reaches the engines', async () => {
    const missingAddress = await graphql<unknown>(server, 'mutation { addClusterNode(input: { nodeId: "node-11" }) { nodeId } }');
    expect(codesOf(missingAddress)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const leaderRole = await graphql<unknown>(server, 'mutation ($input: AddNodeInput!) { addClusterNode(input: $input) { nodeId } }', { input: { address: '10.0.0.11:7000', role: 'LEADER' } });
    expect(leaderRole.data).toBeUndefined();
    expect(leaderRole.errors?.[0]?.message).toContain('Value "LEADER" does not exist in "MemberRole" enum');
    const rest = await server.http.get('/api/v1/cluster/nodes').set(asAdmin);
    expect(rest.body.pagination.total).toBe(6);
  });

  test('is FORBIDDEN to a viewer and UNAUTHENTICATED without a key', async () => {
    const mutation = 'mutation { addClusterNode(input: { address: "10.0.0.12:7000" }) { nodeId } }';
    expect(codesOf(await graphql<unknown>(server, mutation, {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql<unknown>(server, mutation, {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql<unknown>(server, mutation, {}, { apiKey: 'rdb_not_a_key' }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('removeClusterNode', () => {
  test('removes a node: it is gone from GraphQL and REST, and node_left is emitted', async () => {
    const removed = await graphql<{ removeClusterNode: boolean }>(server, 'mutation { removeClusterNode(nodeId: "node-10") }');
    expect(dataOf(removed)).toEqual({ removeClusterNode: true });
    const gone = await graphql<{ clusterNode: ClusterNode | null }>(server, '{ clusterNode(nodeId: "node-10") { nodeId } }');
    expect(dataOf(gone)).toEqual({ clusterNode: null });
    const rest = await server.http.get('/api/v1/cluster/nodes/node-10').set(asAdmin);
    expect(rest.status).toBe(404);
    const left = await graphql<{ events: { events: Event[] } }>(server, '{ events(types: ["node_left"]) { events { payload } } }');
    expect(dataOf(left).events.events.map((event) => event.payload)).toEqual([expect.objectContaining({ nodeId: 'node-10' })]);
  });

  test('an unknown node is NOT_FOUND; a viewer is FORBIDDEN', async () => {
    expect(codesOf(await graphql<unknown>(server, 'mutation { removeClusterNode(nodeId: "node-10") }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql<unknown>(server, 'mutation { removeClusterNode(nodeId: "node-1") }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('refuses to take the last margin of failure tolerance unless forced', async () => {
    const small = await startTestServer({ nodes: 3 });
    try {
      await small.advance(1000);
      const refused = await graphql<unknown>(small, 'mutation { removeClusterNode(nodeId: "node-1") }');
      expect(codesOf(refused)).toEqual(['CONFLICT']);
      expect(refused.errors?.[0]?.extensions?.details).toMatchObject({ nodeId: 'node-1', after: { failureTolerance: 0 } });
      const forced = await graphql<{ removeClusterNode: boolean }>(small, 'mutation { removeClusterNode(nodeId: "node-1", force: true) }');
      expect(dataOf(forced)).toEqual({ removeClusterNode: true });
      const topology = await graphql<{ clusterTopology: ClusterTopology }>(small, '{ clusterTopology { members } }');
      expect(dataOf(topology).clusterTopology.members).toEqual(['node-2', 'node-3']);
    } finally {
      await small.close();
    }
  });
});

describe('clusterTopology and clusterConfig', () => {
  test('clusterTopology equals GET /api/v1/cluster/topology', async () => {
    const response = await graphql<{ clusterTopology: ClusterTopology }>(server, `{ clusterTopology { ${TOPOLOGY_FIELDS} } }`, {}, { apiKey: viewerKey });
    const rest = await server.http.get('/api/v1/cluster/topology').set(asAdmin);
    expectContract('getClusterTopology', rest);
    expect(dataOf(response).clusterTopology).toEqual(rest.body.data);
    expect(dataOf(response).clusterTopology).toMatchObject({ totalNodes: 5, voters: 5, quorumSize: 3, hasQuorum: true, failureTolerance: 2, state: 'OPERATIONAL' });
  });

  test('clusterConfig equals GET /api/v1/cluster/config', async () => {
    const response = await graphql<{ clusterConfig: ClusterConfig }>(server, `{ clusterConfig { ${CONFIG_FIELDS} } }`, {}, { apiKey: viewerKey });
    const rest = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    expectContract('getClusterConfig', rest);
    expect(dataOf(response).clusterConfig).toEqual(rest.body.data);
  });
});

describe('updateClusterConfig', () => {
  test('changes the named settings, keeps the others, and answers with the cluster', async () => {
    const before = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    const response = await graphql<{ updateClusterConfig: ClusterInfo }>(
      server,
      `mutation { updateClusterConfig(config: { heartbeatIntervalMs: 250, suspectTimeoutMs: 1000 }) { name state updatedAt config { ${CONFIG_FIELDS} } } }`,
    );
    const { updateClusterConfig } = dataOf(response);
    expect(updateClusterConfig.config).toEqual({ ...before.body.data, heartbeatIntervalMs: 250, suspectTimeoutMs: 1000 });
    expect(updateClusterConfig.state).toBe('OPERATIONAL');
    const clock = await graphql<{ clock: { now: string } }>(server, '{ clock { now } }');
    expect(updateClusterConfig.updatedAt).toBe(dataOf(clock).clock.now);

    const rest = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    expect(rest.body.data).toEqual(updateClusterConfig.config);
    const changed = await graphql<{ events: { events: Event[] } }>(server, '{ events(types: ["cluster_config_changed"]) { events { payload } } }');
    expect(dataOf(changed).events.events.at(-1)?.payload).toEqual({ changedFields: ['heartbeatIntervalMs', 'suspectTimeoutMs'] });
  });

  test('inconsistent timeouts are UNPROCESSABLE, listing the problem, and keep the old values', async () => {
    const before = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    const response = await graphql<unknown>(server, 'mutation { updateClusterConfig(config: { suspectTimeoutMs: 9000 }) { name } }');
    expect(codesOf(response)).toEqual(['UNPROCESSABLE']);
    expect(response.errors?.[0]?.extensions?.details).toEqual({ problems: ['suspectTimeoutMs must be shorter than failureTimeoutMs'] });
    const after = await server.http.get('/api/v1/cluster/config').set(asAdmin);
    expect(after.body.data).toEqual(before.body.data);
  });

  test('is FORBIDDEN to a viewer', async () => {
    const response = await graphql<unknown>(server, 'mutation { updateClusterConfig(config: { autoFailover: false }) { name } }', {}, { apiKey: viewerKey });
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
  });
});

describe('malformed documents', () => {
  test('a syntax error is reported by the parser, and nothing runs', async () => {
    const response = await graphql<unknown>(server, 'mutation { removeClusterNode(nodeId: "node-1" }');
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(codesOf(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(response.errors?.[0]?.message).toMatch(/^Syntax Error/);
    const rest = await server.http.get('/api/v1/cluster/nodes/node-1').set(asAdmin);
    expect(rest.status).toBe(200);
  });

  test('an unknown field fails validation, suggesting the right one', async () => {
    const response = await graphql<unknown>(server, '{ clusterNodes { nodeId color } }');
    expect(response.data).toBeUndefined();
    expect(codesOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).toContain('Cannot query field "color" on type "ClusterNode"');
  });
});

describe('GraphQL inputs meet the same contract checks as REST', () => {
  test('addClusterNode refuses a node id and an address that REST rejects with 400', async () => {
    const scratch = await startTestServer({ nodes: 3 });
    try {
      const rest = await scratch.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'NODE_X', address: 'no port' });
      expect(rest.status).toBe(400);
      const response = await graphql<unknown>(scratch, 'mutation { addClusterNode(input: { nodeId: "NODE_X", address: "no port" }) { nodeId } }');
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
    } finally {
      await scratch.close();
    }
  });

  test('updateClusterConfig with heartbeatIntervalMs 0 must be refused and leave the config as it was', async () => {
    const scratch = await startTestServer({ nodes: 3 });
    try {
      await scratch.advance(1000);
      const response = await graphql<unknown>(scratch, 'mutation { updateClusterConfig(config: { heartbeatIntervalMs: 0 }) { name } }');
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
      const config = await scratch.http.get('/api/v1/cluster/config').set(asAdmin);
      expect(config.body.data.heartbeatIntervalMs).toBe(500);
    } finally {
      await scratch.close();
    }
  });
});
