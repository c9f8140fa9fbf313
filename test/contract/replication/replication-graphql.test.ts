import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterReplication, Replica, ReplicationConfig, ReplicationFailoverResult, ReplicationLagReport, ReplicationStatus, Workload } from '../../../generated/graphql/resolvers-types.js';
import { formatLsn } from '../../../src/engines/replication/lsn.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const CONFIG_FIELDS = 'mode standbyNodes replicationTimeoutSecs maxWalSenders walKeepSegments maxWalSegments maxSlotWalKeepSegments archiveMode archiveCommand checkpointIntervalMs statusIntervalMs catchUpThresholdBytes lagSampleIntervalMs';
const REPLICA_FIELDS = 'replicaId nodeId state syncState slotName timeline flushLsn replayLsn lagBytes replayLagMs';

beforeAll(async () => {
  server = await startTestServer({ nodes: 4 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(2000);
});
afterAll(() => server.close());

describe('replication over GraphQL', () => {
  test('replicationConfig matches REST; configureReplication changes only the named settings, null clears a nullable one', async () => {
    const read = dataOf(await graphql<{ replicationConfig: ReplicationConfig }>(server, `{ replicationConfig { ${CONFIG_FIELDS} } }`));
    const rest = await server.http.get('/api/v1/replication/config').set(asAdmin);
    expect(read.replicationConfig).toEqual(rest.body.data);
    const changed = dataOf(
      await graphql<{ configureReplication: ReplicationConfig }>(server, 'mutation { configureReplication(config: { mode: SEMI_SYNCHRONOUS, maxSlotWalKeepSegments: null }) { mode maxSlotWalKeepSegments walKeepSegments } }'),
    );
    expect(changed.configureReplication).toEqual({ mode: 'SEMI_SYNCHRONOUS', maxSlotWalKeepSegments: null, walKeepSegments: read.replicationConfig.walKeepSegments });
    expect(server.platform.engines.replication.cluster.getConfig()).toMatchObject({ mode: 'SEMI_SYNCHRONOUS', maxSlotWalKeepSegments: null });
  });

  test('configureReplication refuses what the contract refuses, and viewers', async () => {
    expect(codesOf(await graphql(server, 'mutation { configureReplication(config: { maxWalSenders: 0 }) { mode } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, 'mutation { configureReplication(config: {}) { mode } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, 'mutation { configureReplication(config: { standbyNodes: ["node-1"] }) { mode } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(server, 'mutation { configureReplication(config: { mode: ASYNCHRONOUS }) { mode } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(server.platform.engines.replication.cluster.getConfig().mode).toBe('SEMI_SYNCHRONOUS');
  });

  test('status, cluster view and lag read the engine', async () => {
    const data = dataOf(
      await graphql<{ replicationStatus: ReplicationStatus; clusterReplication: ClusterReplication; replicationLag: ReplicationLagReport }>(
        server,
        '{ replicationStatus { primaryNodeId currentLsn timeline replicas { total } } clusterReplication { nodes { nodeId role } } replicationLag { replicas { replicaId lagBytes } } }',
      ),
    );
    const cluster = server.platform.engines.replication.cluster;
    expect(data.replicationStatus).toEqual({ primaryNodeId: 'node-1', currentLsn: formatLsn(cluster.currentLsn()), timeline: cluster.timeline(), replicas: { total: 3 } });
    expect(data.clusterReplication.nodes.map((node) => node.role)).toEqual(['PRIMARY', 'STANDBY', 'STANDBY', 'STANDBY']);
    expect(data.replicationLag.replicas.map((row) => row.replicaId)).toEqual(['node-2', 'node-3', 'node-4']);
    const statistics = await graphql<{ replicationStatistics: { walRecords: number } }>(server, '{ replicationStatistics { walRecords slots { physical } } }');
    expect(Number(dataOf(statistics).replicationStatistics.walRecords)).toBe(cluster.commitCounters().total);
  });

  test('replicas, replica (null for a stranger), pause and resume', async () => {
    const list = dataOf(await graphql<{ replicas: Replica[] }>(server, `{ replicas(sortBy: replicaId, order: DESC, limit: 2) { ${REPLICA_FIELDS} } }`));
    expect(list.replicas.map((replica) => replica.replicaId)).toEqual(['node-4', 'node-3']);
    const missing = dataOf(await graphql<{ replica: Replica | null }>(server, '{ replica(id: "node-9") { replicaId } }'));
    expect(missing.replica).toBeNull();
    const paused = dataOf(await graphql<{ pauseReplica: Replica }>(server, 'mutation { pauseReplica(id: "node-2") { replicaId state } }'));
    expect(paused.pauseReplica).toEqual({ replicaId: 'node-2', state: 'PAUSED' });
    expect(codesOf(await graphql(server, 'mutation { pauseReplica(id: "node-2") { state } }'))).toEqual(['CONFLICT']);
    const resumed = dataOf(await graphql<{ resumeReplica: Replica }>(server, 'mutation { resumeReplica(id: "node-2") { state } }'));
    expect(resumed.resumeReplica.state).not.toBe('PAUSED');
    expect(codesOf(await graphql(server, 'mutation { removeReplica(id: "node-2") { state } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('removeReplica then addReplica; addReplica refuses a stranger', async () => {
    const removed = dataOf(await graphql<{ removeReplica: Replica }>(server, 'mutation { removeReplica(id: "node-4") { replicaId state } }'));
    expect(removed.removeReplica).toEqual({ replicaId: 'node-4', state: 'REMOVED' });
    expect(dataOf(await graphql<{ replica: Replica | null }>(server, '{ replica(id: "node-4") { replicaId } }')).replica).toBeNull();
    const added = dataOf(await graphql<{ addReplica: Replica }>(server, 'mutation { addReplica(input: { nodeId: "node-4" }) { replicaId state slotName } }'));
    expect(added.addReplica).toEqual({ replicaId: 'node-4', state: 'STARTING', slotName: 'replica_node-4' });
    expect(codesOf(await graphql(server, 'mutation { addReplica(input: { nodeId: "node-9" }) { state } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, 'mutation { addReplica(input: { nodeId: "Bad Id" }) { state } }'))).toEqual(['VALIDATION_FAILED']);
  });

  test('workload and setWorkload', async () => {
    const set = dataOf(
      await graphql<{ setWorkload: Workload }>(server, 'mutation { setWorkload(input: { ratePerSecond: 0, tables: ["orders"], keySpace: 10, mix: { insert: 1, update: 1, delete: 0 } }) { ratePerSecond running tables } }'),
    );
    expect(set.setWorkload).toEqual({ ratePerSecond: 0, running: false, tables: ['orders'] });
    expect(server.platform.engines.replication.workload.settings().tables).toEqual(['orders']);
    const zero = await graphql(server, 'mutation { setWorkload(input: { ratePerSecond: 1, tables: ["orders"], keySpace: 10, mix: { insert: 0, update: 0, delete: 0 } }) { running } }');
    expect(codesOf(zero)).toEqual(['UNPROCESSABLE']);
    const read = dataOf(await graphql<{ workload: Workload }>(server, '{ workload { keySpace writes { total } } }', {}, { apiKey: viewerKey }));
    expect(read.workload.keySpace).toBe(10);
  });

  test('triggerReplicationFailover promotes the most caught-up standby onto a new timeline', async () => {
    await server.advance(2000);
    const timeline = server.platform.engines.replication.cluster.timeline();
    const result = dataOf(
      await graphql<{ triggerReplicationFailover: ReplicationFailoverResult }>(server, 'mutation { triggerReplicationFailover { previousPrimaryId newPrimaryId newTimeline lostCommits reason } }'),
    );
    expect(result.triggerReplicationFailover).toMatchObject({ previousPrimaryId: 'node-1', newTimeline: timeline + 1, reason: 'failover requested' });
    expect(server.platform.engines.replication.cluster.primary()).toBe(result.triggerReplicationFailover.newPrimaryId);
    expect(codesOf(await graphql(server, 'mutation { triggerReplicationFailover(input: { targetReplicaId: "node-9" }) { newPrimaryId } }'))).toEqual(['NOT_FOUND']);
  });
});
