import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AuditApi,
  AuthApi,
  ClusterApi,
  Configuration,
  FailoverApi,
  FailoverTestResultStatusEnum,
  FaultType,
  NodeStatus,
  ResponseError,
  Role,
  SimulationApi,
  type AuditEntry,
  type ClusterNode,
} from '../../generated/client/index.js';
import { CLUSTER_FORMED_MS, E2E_ADMIN_KEY, startServerProcess, stopServerProcess, type ServerProcess } from './server-process.js';

/**
 * End to end: a real server process on a SQLite file, driven over HTTP by the generated
 * typescript-fetch client, then killed without warning and restarted on the same data dir.
 */

const ADDED_NODE_ADDRESS = 'e2e-added.cluster.local:7000';
const RENAMED_CLUSTER = 'rustydb-e2e';
/** Heartbeats come every 500 ms of cluster time (default config): a second is two of them. */
const FIRST_HEARTBEAT_MS = 1000;
/** Past failureTimeoutMs (5000 ms) of silence: a crashed node is DOWN. */
const PAST_FAILURE_TIMEOUT_MS = 6000;
/** recoveryHeartbeats (3) × 500 ms, with room: a healed node is HEALTHY again. */
const PAST_RECOVERY_MS = 2000;
/** Mutations of the scenario before the kill, as the audit log names them. */
const EXPECTED_MUTATIONS = ['addClusterNode', 'advanceClock', 'updateClusterConfig', 'injectFault', 'healFault', 'createApiKey'];

/** The generated API classes, all on one configuration (base URL and API key). */
function clientFor(baseUrl: string, apiKey: string) {
  const configuration = new Configuration({ basePath: baseUrl, apiKey });
  return {
    cluster: new ClusterApi(configuration),
    simulation: new SimulationApi(configuration),
    audit: new AuditApi(configuration),
    auth: new AuthApi(configuration),
    failover: new FailoverApi(configuration),
  };
}
type Client = ReturnType<typeof clientFor>;

/** The ResponseError a client call rejects with; fails the test when it resolves or fails otherwise. */
async function responseErrorOf(call: Promise<unknown>): Promise<ResponseError> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ResponseError);
  return outcome as ResponseError;
}

async function advance(client: Client, ms: number): Promise<void> {
  await client.simulation.advanceClock({ advanceRequest: { ms } });
}

async function nodeStatus(client: Client, nodeId: string): Promise<NodeStatus> {
  return (await client.cluster.getClusterNode({ id: nodeId })).data.status;
}

async function allAuditEntries(client: Client): Promise<AuditEntry[]> {
  return (await client.audit.listAuditEntries({ limit: 1000 })).data;
}

let dataDir: string;
let server: ServerProcess;
let admin: Client;
/** What the scenario changed, checked again after the restart. */
let addedNode: ClusterNode;
let auditBeforeKill: AuditEntry[];
let viewerKeyId: string;
let drillFailoverId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rustydb-e2e-'));
  server = await startServerProcess({ dataDir, adminKey: E2E_ADMIN_KEY });
  admin = clientFor(server.baseUrl, E2E_ADMIN_KEY);
});

afterAll(async () => {
  // A failed test can leave the process running; never leave it behind.
  if (server) await stopServerProcess(server, 'SIGKILL').catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a running server driven by the generated client', () => {
  test('lists the five initial nodes, which form a quorum', async () => {
    const listed = await admin.cluster.listClusterNodes({});
    expect(listed.pagination.total).toBe(5);
    expect(listed.data.map((node) => node.nodeId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5']);
    // A node joins consensus through the log: it can be added only once the cluster has quorum and a leader.
    await advance(admin, CLUSTER_FORMED_MS);
    expect((await admin.cluster.listClusterNodes({ role: 'LEADER' })).data).toHaveLength(1);
  });

  test('adds a node that turns HEALTHY once its first heartbeat arrives', async () => {
    const added = await admin.cluster.addClusterNode({ addNodeRequest: { address: ADDED_NODE_ADDRESS } });
    expect(added.data.status).toBe(NodeStatus.Initializing);
    addedNode = added.data;
    await advance(admin, FIRST_HEARTBEAT_MS);
    const readBack = await admin.cluster.getClusterNode({ id: addedNode.nodeId });
    expect(readBack.data).toMatchObject({ nodeId: addedNode.nodeId, address: ADDED_NODE_ADDRESS, status: NodeStatus.Healthy });
    expect(readBack.data.lastHeartbeat).toBeInstanceOf(Date);
  });

  test('updates the cluster config by reading it and writing it back changed', async () => {
    const current = (await admin.cluster.getClusterConfig()).data;
    const changed = { ...current, clusterName: RENAMED_CLUSTER, replicationFactor: current.replicationFactor + 1 };
    const updated = await admin.cluster.updateClusterConfig({ clusterConfig: changed });
    expect(updated.data).toEqual(changed);
    expect((await admin.cluster.getClusterConfig()).data).toEqual(changed);
  });

  test('a crash fault takes the node DOWN on the cluster clock, and healing brings it back', async () => {
    const fault = (await admin.simulation.injectFault({ faultRequest: { type: FaultType.Crash, nodes: new Set([addedNode.nodeId]) } })).data;
    expect(fault).toMatchObject({ type: FaultType.Crash, nodes: [addedNode.nodeId] });
    await advance(admin, PAST_FAILURE_TIMEOUT_MS);
    expect(await nodeStatus(admin, addedNode.nodeId)).toBe(NodeStatus.Down);

    await admin.simulation.healFault({ id: fault.id });
    await advance(admin, PAST_RECOVERY_MS);
    expect(await nodeStatus(admin, addedNode.nodeId)).toBe(NodeStatus.Healthy);
    expect((await admin.simulation.listFaults()).pagination.total).toBe(0);
  });

  test('a failover drill elects a new leader within the configured bound and heals', async () => {
    const drill = (await admin.failover.testFailover({ failoverTestRequest: { maxDurationMs: 5000 } })).data;
    expect(drill).toMatchObject({ status: FailoverTestResultStatusEnum.Passed, targetWasLeader: true, withinBound: true, healed: true });
    expect(drill.newLeaderId).not.toBe(drill.targetNodeId);
    expect(drill.totalTimeMs).toBeLessThanOrEqual(5000);
    drillFailoverId = drill.failoverId as string;
    expect((await admin.simulation.listFaults()).pagination.total).toBe(0);
  });

  test('a viewer key is refused a mutation with a 403 ResponseError', async () => {
    const viewerKey = (await admin.auth.createApiKey({ createApiKeyRequest: { name: 'e2e viewer', role: Role.ClusterViewer } })).data;
    viewerKeyId = viewerKey.id;
    const viewer = clientFor(server.baseUrl, viewerKey.secret);
    expect((await viewer.cluster.listClusterNodes({})).pagination.total).toBe(6); // reads are allowed

    const refused = await responseErrorOf(viewer.cluster.addClusterNode({ addNodeRequest: { address: 'e2e-refused.cluster.local:7000' } }));
    expect(refused.response.status).toBe(403);
    const body = (await refused.response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('FORBIDDEN');
  });

  test('the audit log lists every mutation, the refused one included', async () => {
    auditBeforeKill = await allAuditEntries(admin);
    expect(auditBeforeKill.map((entry) => entry.operationId)).toEqual(expect.arrayContaining(EXPECTED_MUTATIONS));
    const added = auditBeforeKill.find((entry) => entry.operationId === 'addClusterNode');
    expect(added).toMatchObject({ outcome: 'SUCCESS', actorRole: Role.ClusterAdmin });
    const configChange = auditBeforeKill.find((entry) => entry.operationId === 'updateClusterConfig');
    expect(configChange).toMatchObject({ outcome: 'SUCCESS', target: 'cluster.config' });
    const refused = auditBeforeKill.find((entry) => entry.actorKeyId === viewerKeyId);
    expect(refused).toMatchObject({ operationId: 'addClusterNode', outcome: 'FAILURE', errorCode: 'FORBIDDEN', actorRole: Role.ClusterViewer });
  });
});

describe('durability and shutdown', () => {
  test('after SIGKILL, a new process on the same data dir has every change', async () => {
    const killed = await stopServerProcess(server, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    server = await startServerProcess({ dataDir, adminKey: E2E_ADMIN_KEY });
    admin = clientFor(server.baseUrl, E2E_ADMIN_KEY);
    const restored = (await admin.cluster.getClusterNode({ id: addedNode.nodeId })).data;
    expect(restored).toMatchObject({ nodeId: addedNode.nodeId, address: ADDED_NODE_ADDRESS });
    expect((await admin.cluster.listClusterNodes({})).pagination.total).toBe(6);
    expect((await admin.cluster.getClusterConfig()).data.clusterName).toBe(RENAMED_CLUSTER);
    // Entry for entry, including ids and times: nothing lost, nothing rewritten.
    const auditAfterRestart = await allAuditEntries(admin);
    expect(auditAfterRestart.slice(0, auditBeforeKill.length)).toEqual(auditBeforeKill);
    const drill = (await admin.failover.listFailoverHistory({ failoverId: drillFailoverId })).data;
    expect(drill).toMatchObject([{ failoverId: drillFailoverId, kind: 'DRILL', status: 'COMPLETED' }]);
  }, 30_000);

  test('SIGTERM shuts the server down cleanly with exit code 0', async () => {
    const exit = await stopServerProcess(server, 'SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
