/**
 * The cluster-wide subscriptions over graphql-ws and SSE: a follower crashes (suspected, then
 * down), two more follow and quorum is lost, all heal. Each subscription is opened before the
 * change it must deliver; cluster time moves only when a test advances it.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterHealthEvent, NodeStatusEvent, QuorumEvent } from '../../../generated/graphql/resolvers-types.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { errorCodes, graphqlWsClient, listenOnLoopback, nextFeedOpened, sseSubscribe, subscribe, type Subscription } from '../../support/socket.js';

let server: TestServer;
let httpUrl: string;
let admin: Client;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
/** The follower crashed first, then the two crashed with it to lose quorum. */
const FIRST = 'node-4';
let others: string[] = [];

type HealthChange = { clusterHealthChanges: Pick<ClusterHealthEvent, 'cursor' | 'type' | 'previousState'> & { health: { state: string; hasQuorum: boolean }; issue: { id: string; type: string; nodeId: string | null; resolved: boolean; resolvedAt: string | null } | null } };
type IssueDetected = { healthIssueDetected: { id: string; type: string; severity: string; component: string; nodeId: string | null; resolved: boolean; updatedAt: string; detectedAt: string } };
type QuorumChange = { quorumChanges: Pick<QuorumEvent, 'cursor' | 'type' | 'hasQuorum' | 'voters' | 'healthyVoters' | 'quorumSize' | 'failureTolerance' | 'unavailableNodeIds'> };
type StateChanged = { clusterStateChanged: { state: string; hasQuorum: boolean; failureTolerance: number } };
type NodeChanged = { clusterNodeStatusChanged: { nodeId: string; status: string } };
type TopologyChanged = { clusterTopologyChanged: { suspectedNodes: number; downNodes: number; hasQuorum: boolean } };
type NodeChanges = { nodeStatusChanges: Pick<NodeStatusEvent, 'type' | 'nodeId' | 'previousStatus' | 'status'> & { node: { nodeId: string; status: string } | null } };

interface Feeds {
  health: Subscription<HealthChange>;
  issues: Subscription<IssueDetected>;
  quorum: Subscription<QuorumChange>;
  state: Subscription<StateChanged>;
  nodes: Subscription<NodeChanged>;
  topology: Subscription<TopologyChanged>;
  first: Subscription<NodeChanges>;
}
let feeds: Feeds;

/** Subscribes and waits until the server's feed is open, so no later event can be missed. */
async function opened<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Subscription<Data>> {
  const open = nextFeedOpened(server);
  const subscription = subscribe<Data>(admin, { query, variables });
  await open;
  return subscription;
}

async function crash(nodeId: string): Promise<void> {
  expect((await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [nodeId] })).status).toBe(201);
}

async function storedCursor(type: string): Promise<number[]> {
  const response = await server.http.get(`/api/v1/events?after=0&limit=1000&types=${type}`).set(asAdmin);
  return (response.body.data as { cursor: number }[]).map((event) => event.cursor);
}

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  await server.advance(3000);
  ({ httpUrl } = await listenOnLoopback(server));
  admin = graphqlWsClient(`ws://${new URL(httpUrl).host}`, { 'X-API-Key': ADMIN_KEY });
  feeds = {
    health: await opened<HealthChange>('subscription { clusterHealthChanges { cursor type previousState health { state hasQuorum } issue { id type nodeId resolved resolvedAt } } }'),
    issues: await opened<IssueDetected>('subscription { healthIssueDetected { id type severity component nodeId resolved updatedAt detectedAt } }'),
    quorum: await opened<QuorumChange>('subscription { quorumChanges { cursor type hasQuorum voters healthyVoters quorumSize failureTolerance unavailableNodeIds } }'),
    state: await opened<StateChanged>('subscription { clusterStateChanged { state hasQuorum failureTolerance } }'),
    nodes: await opened<NodeChanged>('subscription { clusterNodeStatusChanged { nodeId status } }'),
    topology: await opened<TopologyChanged>('subscription { clusterTopologyChanged { suspectedNodes downNodes hasQuorum } }'),
    first: await opened<NodeChanges>('subscription ($id: ID) { nodeStatusChanges(nodeId: $id) { type nodeId previousStatus status node { nodeId status } } }', { id: FIRST }),
  };
});
afterAll(async () => {
  await admin?.dispose();
  await server.close();
});

describe('a follower crashes', () => {
  test(`${FIRST} suspected: its status, the topology, the issue, the state and the health change are delivered`, async () => {
    const leader = (await server.http.get('/api/v1/cluster/status').set(asAdmin)).body.data.leaderId;
    expect(leader).not.toBe(FIRST);
    await crash(FIRST);
    await server.advance(2000);

    expect((await feeds.first.results.next()).data).toEqual({
      nodeStatusChanges: { type: 'node_health_change', nodeId: FIRST, previousStatus: 'HEALTHY', status: 'SUSPECTED', node: { nodeId: FIRST, status: 'SUSPECTED' } },
    });
    expect((await feeds.nodes.results.next()).data).toEqual({ clusterNodeStatusChanged: { nodeId: FIRST, status: 'SUSPECTED' } });
    expect((await feeds.topology.results.next()).data).toEqual({ clusterTopologyChanged: { suspectedNodes: 1, downNodes: 0, hasQuorum: true } });
    expect((await feeds.state.results.next()).data).toEqual({ clusterStateChanged: { state: 'DEGRADED', hasQuorum: true, failureTolerance: 1 } });

    const issue = (await feeds.issues.results.next()).data!.healthIssueDetected;
    expect(issue).toMatchObject({ type: 'NODE_SUSPECTED', severity: 'WARNING', component: 'NODE', nodeId: FIRST, resolved: false });
    expect(issue.updatedAt).toBe(issue.detectedAt);
    const listed = (await server.http.get(`/api/v1/cluster/health/issues?nodeId=${FIRST}`).set(asAdmin)).body.data[0];
    expect(listed).toMatchObject({ id: issue.id, detectedAt: issue.detectedAt });

    const stateChange = (await feeds.health.results.next()).data!.clusterHealthChanges;
    expect(stateChange).toMatchObject({ type: 'cluster_state_changed', previousState: 'OPERATIONAL', health: { state: 'DEGRADED' }, issue: null });
    expect((await feeds.health.results.next()).data!.clusterHealthChanges).toMatchObject({ type: 'health_issue_detected', previousState: null, issue: { id: issue.id, resolved: false } });
    expect(await storedCursor('cluster_state_changed')).toContain(stateChange.cursor);
  });

  test(`${FIRST} down: the suspicion resolves and NODE_DOWN opens`, async () => {
    await server.advance(4000);
    expect((await feeds.first.results.next()).data!.nodeStatusChanges).toMatchObject({ previousStatus: 'SUSPECTED', status: 'DOWN' });
    const resolved = await feeds.health.results.until((result) => result.data?.clusterHealthChanges?.type === 'health_issue_resolved', 'health_issue_resolved');
    expect(resolved.match.data!.clusterHealthChanges.issue).toMatchObject({ type: 'NODE_SUSPECTED', nodeId: FIRST, resolved: true });
    expect(resolved.match.data!.clusterHealthChanges.issue!.resolvedAt).not.toBeNull();
    expect((await feeds.issues.results.next()).data!.healthIssueDetected).toMatchObject({ type: 'NODE_DOWN', severity: 'ERROR', nodeId: FIRST });
  });
});

describe('quorum', () => {
  test('two more crashes: quorumChanges delivers quorum_lost, naming the three unavailable voters', async () => {
    const leader = (await server.http.get('/api/v1/cluster/status').set(asAdmin)).body.data.leaderId as string;
    others = ['node-5', 'node-3', 'node-1', 'node-2'].filter((nodeId) => nodeId !== leader).slice(0, 2);
    for (const nodeId of others) await crash(nodeId);
    await server.advance(2000);
    const lost = (await feeds.quorum.results.next()).data!.quorumChanges;
    expect(lost).toMatchObject({ type: 'quorum_lost', hasQuorum: false, voters: 5, healthyVoters: 2, quorumSize: 3, failureTolerance: 0 });
    expect(lost.unavailableNodeIds).toEqual([FIRST, ...others].sort());
    expect(await storedCursor('quorum_lost')).toEqual([lost.cursor]);
    const stopped = await feeds.state.results.until((result) => result.data?.clusterStateChanged.state === 'STOPPED', 'STOPPED');
    expect(stopped.match.data!.clusterStateChanged).toEqual({ state: 'STOPPED', hasQuorum: false, failureTolerance: 0 });
  });

  test('healing all three: quorum_restored, and every issue resolved', async () => {
    const faults = (await server.http.get('/api/v1/simulation/faults').set(asAdmin)).body.data as { id: string }[];
    for (const fault of faults) await server.http.delete(`/api/v1/simulation/faults/${fault.id}`).set(asAdmin);
    await server.advance(3000);
    const restored = (await feeds.quorum.results.next()).data!.quorumChanges;
    expect(restored).toMatchObject({ type: 'quorum_restored', hasQuorum: true, quorumSize: 3 });
    expect(await storedCursor('quorum_restored')).toEqual([restored.cursor]);
    const operational = await feeds.state.results.until((result) => result.data?.clusterStateChanged.state === 'OPERATIONAL', 'OPERATIONAL');
    expect(operational.match.data!.clusterStateChanged).toEqual({ state: 'OPERATIONAL', hasQuorum: true, failureTolerance: 2 });
    const open = (await server.http.get('/api/v1/cluster/health/issues?resolved=false').set(asAdmin)).body.pagination.total;
    expect(open).toBe(0);
  });
});

describe('over SSE and without credentials', () => {
  test('nodeStatusChanges(nodeId) over SSE follows one node, and only it', async () => {
    const open = nextFeedOpened(server);
    const sse = await sseSubscribe<NodeChanges>(httpUrl, { query: 'subscription { nodeStatusChanges(nodeId: "node-6") { type nodeId status node { nodeId } } }' }, asAdmin);
    await open;
    try {
      expect((await server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: '10.0.0.6:7000' })).status).toBe(201);
      expect((await sse.results.next()).data).toEqual({ nodeStatusChanges: { type: 'node_joined', nodeId: 'node-6', status: 'INITIALIZING', node: { nodeId: 'node-6' } } });
      await server.advance(600);
      expect((await sse.results.next()).data).toEqual({ nodeStatusChanges: { type: 'node_health_change', nodeId: 'node-6', status: 'HEALTHY', node: { nodeId: 'node-6' } } });
      expect((await server.http.delete('/api/v1/cluster/nodes/node-6?force=true').set(asAdmin)).status).toBe(200);
      // Once it has left, the event names it but there is no node to show.
      expect((await sse.results.next()).data).toEqual({ nodeStatusChanges: { type: 'node_left', nodeId: 'node-6', status: null, node: null } });
    } finally {
      sse.abort();
    }
  });

  test('without a key, each subscription ends with an UNAUTHENTICATED error', async () => {
    const anonymous = graphqlWsClient(`ws://${new URL(httpUrl).host}`, {});
    try {
      for (const field of ['quorumChanges { type }', 'clusterHealthChanges { type }', 'healthIssueDetected { id }', 'clusterStateChanged { state }', 'clusterNodeStatusChanged { nodeId }', 'clusterTopologyChanged { totalNodes }', 'nodeStatusChanges { type }']) {
        const refused = subscribe<unknown>(anonymous, { query: `subscription { ${field} }` });
        expect(errorCodes(await refused.results.next()), field).toEqual(['UNAUTHENTICATED']);
      }
    } finally {
      await anonymous.dispose();
    }
  });
});
