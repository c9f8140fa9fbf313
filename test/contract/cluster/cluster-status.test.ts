/**
 * /api/v1/cluster/status and /api/v1/clustering/status over REST: each against the contract, and
 * each figure against the operation family that owns it, on a 5-node server with a manual clock
 * and a fixed seed. The scenarios run in file order.
 */
import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

/** Long enough for the first election (election timeout 1 s, randomized up to 2 s, plus pre-vote). */
const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

async function get(path: string) {
  const response = await fixture.server.http.get(path).set(asAdmin);
  expect(response.status, path).toBe(200);
  return response.body.data;
}

async function clusterStatus() {
  const response = await fixture.server.http.get('/api/v1/cluster/status').set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getClusterStatus', response);
  return response.body.data;
}

async function clusteringStatus() {
  const response = await fixture.server.http.get('/api/v1/clustering/status').set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getClusteringStatus', response);
  return response.body.data;
}

/** Advances the clock a heartbeat interval at a time until `done` holds; fails past `limitMs`. */
async function advanceUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, limitMs: number): Promise<T> {
  for (let elapsedMs = 0; elapsedMs <= limitMs; elapsedMs += 500) {
    const value = await read();
    if (done(value)) return value;
    await fixture.server.advance(500);
  }
  throw new Error(`still not done after ${limitMs} ms of cluster time`);
}

describe('getClusterStatus', () => {
  test('a healthy cluster: OPERATIONAL since its nodes answered, the leader and term, quorum with tolerance 2', async () => {
    const status = await clusterStatus();
    const detail = await get('/api/v1/cluster/health/detailed');
    const leader = (await get('/api/v1/cluster/nodes?role=LEADER'))[0].nodeId;
    expect(status).toEqual({
      clusterName: 'rustydb',
      state: 'OPERATIONAL',
      stateSince: detail.stateSince,
      leaderId: leader,
      term: detail.leader.term,
      hasQuorum: true,
      quorumSize: 3,
      voters: 5,
      healthyVoters: 5,
      failureTolerance: 2,
      totalNodes: 5,
      healthyNodes: 5,
      suspectedNodes: 0,
      downNodes: 0,
      failoverInProgress: false,
      lastFailoverAt: (await get('/api/v1/cluster/failover/statistics')).lastFailoverAt,
      openIssues: 0,
      clusterTime: new Date(fixture.server.platform.runtime.clock.now()).toISOString(),
    });
  });

  test('a switchover shows while it runs, and as the last failover once done', async () => {
    const leader = (await clusterStatus()).leaderId as string;
    const target = leader === 'node-3' ? 'node-4' : 'node-3';
    const started = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ targetNodeId: target });
    expect(started.status).toBe(202);
    const during = await clusterStatus();
    expect(during.failoverInProgress).toBe(true);
    expect(during.lastFailoverAt).toBe(started.body.data.initiatedAt);
    expect((await clusteringStatus()).failover).toMatchObject({ inProgress: true, currentFailoverId: started.body.data.failoverId, lastFailoverAt: started.body.data.initiatedAt });
    await fixture.server.advance(500);
    const after = await clusterStatus();
    expect(after).toMatchObject({ failoverInProgress: false, leaderId: target, lastFailoverAt: started.body.data.initiatedAt });
    expect(after.term).toBeGreaterThan(during.term);
  });

  test('a suspected node degrades the status and opens an issue', async () => {
    const leader = (await clusterStatus()).leaderId as string;
    const victim = leader === 'node-5' ? 'node-1' : 'node-5';
    const fault = await fixture.server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [victim] });
    const degraded = await advanceUntil(clusterStatus, (status) => status.state === 'DEGRADED', 3000);
    expect(degraded).toMatchObject({ hasQuorum: true, healthyVoters: 4, failureTolerance: 1, suspectedNodes: 1, openIssues: 1 });
    expect(degraded.stateSince).toBe((await get('/api/v1/cluster/health/issues?resolved=false'))[0].detectedAt);
    const clustering = await clusteringStatus();
    expect(clustering.state).toBe('DEGRADED');
    expect(clustering.nodes).toEqual({ total: 5, healthy: 4, suspected: 1, down: 0, recovering: 0 });
    await fixture.server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
    await advanceUntil(clusterStatus, (status) => status.state === 'OPERATIONAL', 3000);
  });

  test('a caller without credentials is refused (401)', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/status');
    expect(response.status).toBe(401);
    expectContract('getClusterStatus', response);
  });
});

describe('getClusteringStatus', () => {
  test('each section agrees with the operations that own it', async () => {
    const clustering = await clusteringStatus();
    const members = await get('/api/v1/cluster/members');
    const gossip = await get('/api/v1/cluster/members/gossip?limit=1');
    const dht = await get('/api/v1/cluster/dht/statistics');
    const balancer = await get('/api/v1/cluster/load-balancer/statistics');
    const shards = await get('/api/v1/cluster/coordinator/shards?limit=1000');
    const failover = await get('/api/v1/cluster/failover/statistics');
    const config = await get('/api/v1/cluster/failover/config');
    const status = await clusterStatus();
    expect(clustering).toMatchObject({ clusterName: 'rustydb', state: 'OPERATIONAL', clusterTime: status.clusterTime });
    expect(clustering.nodes).toEqual({ total: 5, healthy: 5, suspected: 0, down: 0, recovering: 0 });
    expect(clustering.consensus).toMatchObject({ leaderId: status.leaderId, term: status.term, voters: 5, learners: 0, quorumSize: 3, hasQuorum: true, configChangePending: false });
    expect(clustering.consensus.commitIndex).toBeGreaterThan(0);
    expect(clustering.membership).toEqual({ members: members.length, alive: 5, suspect: 0, dead: 0, left: 0, protocolPeriod: gossip.protocolPeriod });
    expect(clustering.failover).toEqual({
      autoFailover: config.autoFailover,
      inProgress: false,
      currentFailoverId: null,
      lastFailoverAt: failover.lastFailoverAt,
      automaticFailoversLastHour: failover.automaticFailoversLastHour,
    });
    expect(clustering.dht).toEqual({ nodes: dht.nodeCount, vnodes: dht.vnodeCount, hashFunction: dht.hashFunction, vnodesPerNode: dht.vnodesPerNode });
    expect(clustering.loadBalancer).toEqual({ strategy: balancer.strategy, backends: balancer.totalBackends, healthyBackends: balancer.healthyBackends, activeConnections: balancer.activeConnections });
    const count = (state: string) => shards.filter((shard: { state: string }) => shard.state === state).length;
    expect(clustering.coordinator).toEqual({
      executionStrategy: 'SCATTER_GATHER',
      shards: shards.length,
      active: count('ACTIVE'),
      moving: count('MOVING'),
      underReplicated: count('UNDER_REPLICATED'),
      unassigned: count('UNASSIGNED'),
    });
  });

  test('follows strategy changes of the coordinator and the load balancer', async () => {
    expect((await fixture.server.http.put('/api/v1/cluster/coordinator/execution-strategy').set(asAdmin).send({ strategy: 'BROADCAST' })).status).toBe(200);
    expect((await fixture.server.http.put('/api/v1/cluster/load-balancer/strategy').set(asAdmin).send({ strategy: 'LEAST_CONNECTIONS' })).status).toBe(200);
    const clustering = await clusteringStatus();
    expect(clustering.coordinator.executionStrategy).toBe('BROADCAST');
    expect(clustering.loadBalancer.strategy).toBe('LEAST_CONNECTIONS');
  });

  test('a node added shows everywhere, its consensus membership pending until the leader takes it', async () => {
    expect((await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: '10.0.0.6:7000' })).status).toBe(201);
    const joining = await clusteringStatus();
    expect(joining.nodes.total).toBe(6);
    expect(joining.consensus.configChangePending).toBe(true);
    expect(joining.dht.nodes).toBe(6);
    const settled = await advanceUntil(clusteringStatus, (status) => !status.consensus.configChangePending && status.nodes.healthy === 6, 5000);
    expect(settled.consensus).toMatchObject({ voters: 6, learners: 0, quorumSize: 4 });
    expect(settled.membership.members).toBe(6);
    expect((await clusterStatus())).toMatchObject({ voters: 6, quorumSize: 4, failureTolerance: 2, totalNodes: 6 });
  });

  test('a viewer may read it; without credentials it is refused (401)', async () => {
    const viewer = await fixture.server.http.get('/api/v1/clustering/status').set({ 'X-API-Key': fixture.viewerKey });
    expect(viewer.status).toBe(200);
    expectContract('getClusteringStatus', viewer);
    const anonymous = await fixture.server.http.get('/api/v1/clustering/status');
    expect(anonymous.status).toBe(401);
    expectContract('getClusteringStatus', anonymous);
  });
});
