/**
 * The cluster's health over REST (/api/v1/cluster/health/*): every operation against the
 * contract, then a transcript on one 5-node server with a manual clock and a fixed seed — a
 * node crashes, two more follow and quorum is lost, all heal — and a restart on a store file.
 * The scenarios run in file order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectContract, expectSchema } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, useTestServer, type TestServer } from '../../support/test-server.js';
import { closeAllStreams, isEventOfType, listenOnLoopback, openStream, type StreamSocket } from '../../support/socket.js';

/** Long enough for the first election (election timeout 1 s, randomized up to 2 s, plus pre-vote). */
const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];

interface Issue {
  id: string;
  type: string;
  severity: string;
  component: string;
  nodeId: string | null;
  message: string;
  affectedNodes: string[];
  detectedAt: string;
  updatedAt: string;
  resolved: boolean;
  resolvedAt: string | null;
}

interface Health {
  state: string;
  isHealthy: boolean;
  hasQuorum: boolean;
  quorumSize: number;
  voters: number;
  healthyVoters: number;
  failureTolerance: number;
  leaderId: string | null;
  totalNodes: number;
  healthyNodes: number;
  suspectedNodes: number;
  downNodes: number;
  activeRecoveries: number;
  issues: Issue[];
  checkedAt: string;
}

interface NodeDetail {
  nodeId: string;
  role: string;
  status: string;
  isVoter: boolean;
  isLeader: boolean;
  raftState: string | null;
  lagEntries: number | null;
  silenceMs: number;
  openIssueIds: string[];
}

interface Detailed {
  summary: Health;
  checks: { name: string; outcome: string; message: string }[];
  leader: { leaderId: string | null; term: number; leaderSince: string | null };
  stateSince: string;
  nodes: NodeDetail[];
}

interface Sample {
  at: string;
  state: string;
  hasQuorum: boolean;
  failureTolerance: number;
  downNodes: number;
  suspectedNodes: number;
  leaderId: string | null;
  openIssues: number;
}

async function health(server: TestServer = fixture.server): Promise<Health> {
  const response = await server.http.get('/api/v1/cluster/health').set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getClusterHealth', response);
  return response.body.data as Health;
}

async function detailed(server: TestServer = fixture.server): Promise<Detailed> {
  const response = await server.http.get('/api/v1/cluster/health/detailed').set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('getDetailedClusterHealth', response);
  return response.body.data as Detailed;
}

async function issues(query = '', server: TestServer = fixture.server): Promise<{ data: Issue[]; pagination: { total: number } }> {
  const response = await server.http.get(`/api/v1/cluster/health/issues${query}`).set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('listHealthIssues', response);
  return response.body;
}

async function history(query = '', server: TestServer = fixture.server): Promise<Sample[]> {
  const response = await server.http.get(`/api/v1/cluster/health/history${query}`).set(asAdmin);
  expect(response.status).toBe(200);
  expectContract('listHealthHistory', response);
  return response.body.data as Sample[];
}

async function leaderId(server: TestServer = fixture.server): Promise<string> {
  const response = await server.http.get('/api/v1/cluster/nodes?role=LEADER').set(asAdmin);
  expect(response.body.data).toHaveLength(1);
  return response.body.data[0].nodeId as string;
}

async function crash(nodeId: string, server: TestServer = fixture.server): Promise<string> {
  const response = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [nodeId] });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
}

async function heal(faultId: string, server: TestServer = fixture.server): Promise<void> {
  expect((await server.http.delete(`/api/v1/simulation/faults/${faultId}`).set(asAdmin)).status).toBe(200);
}

/** Advances the clock a heartbeat interval at a time until `done` holds; fails past `limitMs`. */
async function advanceUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, limitMs: number, server: TestServer = fixture.server): Promise<T> {
  for (let elapsedMs = 0; elapsedMs <= limitMs; elapsedMs += 500) {
    const value = await read();
    if (done(value)) return value;
    await server.advance(500);
  }
  throw new Error(`still not done after ${limitMs} ms of cluster time`);
}

async function events(types: string, server: TestServer = fixture.server): Promise<{ cursor: number; type: string; source: string; payload: Record<string, unknown> }[]> {
  const response = await server.http.get(`/api/v1/events?after=0&limit=1000&types=${types}`).set(asAdmin);
  expect(response.status).toBe(200);
  return response.body.data;
}

function typesOf(list: Issue[]): string[] {
  return list.map((issue) => `${issue.type}${issue.nodeId ? ` ${issue.nodeId}` : ''}`);
}

let wsUrl: string;
beforeAll(async () => {
  ({ wsUrl } = await listenOnLoopback(fixture.server));
});
afterAll(() => closeAllStreams());

describe('a healthy cluster', () => {
  test('getClusterHealth: OPERATIONAL with a leader, quorum 3 of 5 and failure tolerance 2, no issue', async () => {
    const leader = await leaderId();
    expect(await health()).toEqual({
      state: 'OPERATIONAL',
      isHealthy: true,
      hasQuorum: true,
      quorumSize: 3,
      voters: 5,
      healthyVoters: 5,
      failureTolerance: 2,
      leaderId: leader,
      totalNodes: 5,
      healthyNodes: 5,
      suspectedNodes: 0,
      downNodes: 0,
      activeRecoveries: 0,
      issues: [],
      checkedAt: new Date(fixture.server.platform.runtime.clock.now()).toISOString(),
    });
  });

  test('getDetailedClusterHealth: every check passes; the leader leads its term; every node votes and follows it', async () => {
    const leader = await leaderId();
    const detail = await detailed();
    expect(detail.checks).toEqual([
      { name: 'QUORUM', outcome: 'PASS', message: '5 of 5 voters healthy, 3 needed.' },
      { name: 'FAILURE_TOLERANCE', outcome: 'PASS', message: '5 of 5 voters healthy, 3 needed; 2 more may fail.' },
      { name: 'LEADER', outcome: 'PASS', message: `${leader} leads term ${detail.leader.term}.` },
      { name: 'NODES', outcome: 'PASS', message: 'Every node is healthy.' },
    ]);
    expect(detail.leader.leaderId).toBe(leader);
    expect(detail.leader.term).toBeGreaterThanOrEqual(1);
    expect(Date.parse(detail.leader.leaderSince!)).toBeLessThanOrEqual(fixture.server.platform.runtime.clock.now());
    expect(detail.nodes.map((node) => node.nodeId)).toEqual(NODE_IDS);
    for (const node of detail.nodes) {
      expect(node).toMatchObject({ status: 'HEALTHY', isVoter: true, isLeader: node.nodeId === leader, raftState: node.nodeId === leader ? 'LEADER' : 'FOLLOWER', openIssueIds: [] });
      expect(node.lagEntries).toBe(0);
      expect(node.silenceMs).toBeLessThan(1000);
    }
    // The cluster became OPERATIONAL when its nodes first answered, before the clock moved on.
    expect(Date.parse(detail.stateSince)).toBeLessThan(fixture.server.platform.runtime.clock.now());
  });

  test('the history starts with the cluster forming, oldest first on request and newest first by default', async () => {
    const oldestFirst = await history('?order=asc');
    expect(oldestFirst[0]).toMatchObject({ state: 'INITIALIZING', hasQuorum: false, leaderId: null });
    expect(oldestFirst.at(-1)).toMatchObject({ state: 'OPERATIONAL', failureTolerance: 2, openIssues: 0 });
    expect(await history()).toEqual([...oldestFirst].reverse());
    const times = oldestFirst.map((sample) => Date.parse(sample.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
  });

  test('the first observation announced the state: cluster_state_changed from null', async () => {
    const changes = await events('cluster_state_changed');
    for (const event of changes) expectSchema('ClusterStatePayload', event.payload);
    expect(changes[0]).toMatchObject({ source: 'cluster.health', payload: { previousState: null, state: 'INITIALIZING' } });
    expect(changes.at(-1)!.payload).toMatchObject({ state: 'OPERATIONAL', hasQuorum: true });
  });

  test('a caller without credentials is refused (401) by every operation', async () => {
    for (const [operationId, path] of [
      ['getClusterHealth', '/api/v1/cluster/health'],
      ['getDetailedClusterHealth', '/api/v1/cluster/health/detailed'],
      ['listHealthIssues', '/api/v1/cluster/health/issues'],
      ['listHealthHistory', '/api/v1/cluster/health/history'],
    ] as const) {
      const response = await fixture.server.http.get(path);
      expect(response.status).toBe(401);
      expectContract(operationId, response);
    }
  });

  test('a viewer reads health (every role may)', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/health/detailed').set({ 'X-API-Key': fixture.viewerKey });
    expect(response.status).toBe(200);
    expectContract('getDetailedClusterHealth', response);
  });
});

describe('one node crashes', () => {
  let suspectedIssueId: string;

  test('node-4 is first suspected: DEGRADED, failure tolerance 1, a NODE_SUSPECTED warning', async () => {
    expect(await leaderId()).not.toBe('node-4');
    await crash('node-4');
    const degraded = await advanceUntil(health, (current) => current.state === 'DEGRADED', 3000);
    expect(degraded).toMatchObject({ isHealthy: false, hasQuorum: true, healthyVoters: 4, failureTolerance: 1, suspectedNodes: 1, downNodes: 0 });
    expect(degraded.issues).toHaveLength(1);
    expect(degraded.issues[0]).toMatchObject({
      type: 'NODE_SUSPECTED',
      severity: 'WARNING',
      component: 'NODE',
      nodeId: 'node-4',
      affectedNodes: ['node-4'],
      resolved: false,
      resolvedAt: null,
    });
    expect(degraded.issues[0]!.detectedAt).toBe(degraded.issues[0]!.updatedAt);
    suspectedIssueId = degraded.issues[0]!.id;
  });

  test('the detail shows node-4 silent, out of consensus and named by the issue', async () => {
    const detail = await detailed();
    expect(detail.checks.map((check) => [check.name, check.outcome])).toEqual([
      ['QUORUM', 'PASS'],
      ['FAILURE_TOLERANCE', 'PASS'],
      ['LEADER', 'PASS'],
      ['NODES', 'WARN'],
    ]);
    expect(detail.checks[3]!.message).toBe('1 node suspected.');
    const node4 = detail.nodes.find((node) => node.nodeId === 'node-4')!;
    expect(node4).toMatchObject({ status: 'SUSPECTED', raftState: null, lagEntries: null, openIssueIds: [suspectedIssueId] });
    expect(node4.silenceMs).toBeGreaterThanOrEqual(1500);
    expect(detail.stateSince).toBe(detail.summary.issues[0]!.detectedAt);
  });

  test('then node-4 is down: the suspicion is resolved and a NODE_DOWN error opens', async () => {
    const down = await advanceUntil(health, (current) => current.downNodes === 1, 5000);
    expect(down).toMatchObject({ state: 'DEGRADED', failureTolerance: 1, suspectedNodes: 0 });
    expect(typesOf(down.issues)).toEqual(['NODE_DOWN node-4']);
    expect(down.issues[0]!.severity).toBe('ERROR');
    const aboutNode4 = await issues('?nodeId=node-4');
    expect(aboutNode4.data.map((issue) => [issue.type, issue.resolved])).toEqual([
      ['NODE_DOWN', false],
      ['NODE_SUSPECTED', true],
    ]);
    const suspicion = aboutNode4.data[1]!;
    expect(suspicion.id).toBe(suspectedIssueId);
    expect(suspicion.resolvedAt).toBe(down.issues[0]!.detectedAt);
    expect((await detailed()).checks[3]).toEqual({ name: 'NODES', outcome: 'FAIL', message: '1 node down.' });
  });

  test('each opened and resolved issue is an event with the issue as the list shows it', async () => {
    const detected = await events('health_issue_detected');
    const resolved = await events('health_issue_resolved');
    for (const event of [...detected, ...resolved]) expectSchema('HealthIssuePayload', event.payload);
    expect(detected.at(-1)!.payload).toMatchObject({ type: 'NODE_DOWN', nodeId: 'node-4', resolvedAt: null });
    const suspicion = (await issues(`?nodeId=node-4&type=NODE_SUSPECTED`)).data[0]!;
    expect(resolved.at(-1)!.payload).toEqual({
      issueId: suspicion.id,
      type: suspicion.type,
      severity: suspicion.severity,
      component: suspicion.component,
      nodeId: suspicion.nodeId,
      message: suspicion.message,
      affectedNodes: suspicion.affectedNodes,
      detectedAt: suspicion.detectedAt,
      resolvedAt: suspicion.resolvedAt,
    });
  });
});

describe('three nodes crash', () => {
  let stream: StreamSocket;
  /** The two crashed after node-4. */
  let others: string[] = [];

  test('two more crashes lose quorum: STOPPED, QUORUM_LOST critical naming the three, then no leader', async () => {
    stream = await openStream(`${wsUrl}/api/v1/ws/cluster/nodes?apiKey=${ADMIN_KEY}`);
    const leader = await leaderId();
    others = ['node-5', 'node-3', 'node-1', 'node-2'].filter((nodeId) => nodeId !== leader).slice(0, 2);
    for (const nodeId of others) await crash(nodeId);
    const lost = await advanceUntil(health, (current) => !current.hasQuorum, 3000);
    expect(lost).toMatchObject({ state: 'STOPPED', isHealthy: false, failureTolerance: 0, healthyVoters: 2, quorumSize: 3 });
    const quorumLost = lost.issues.find((issue) => issue.type === 'QUORUM_LOST')!;
    expect(quorumLost).toMatchObject({ severity: 'CRITICAL', component: 'QUORUM', nodeId: null, affectedNodes: ['node-4', ...others].sort() });
    // Most severe first.
    expect(lost.issues[0]!.severity).toBe('CRITICAL');
    const leaderless = await advanceUntil(health, (current) => current.leaderId === null, 3000);
    expect(leaderless.issues.find((issue) => issue.type === 'NO_LEADER')).toMatchObject({ severity: 'CRITICAL', component: 'CONSENSUS' });
    expect((await detailed()).checks.map((check) => check.outcome)).toEqual(['FAIL', 'FAIL', 'FAIL', expect.stringMatching(/WARN|FAIL/)]);
  });

  test('quorum_lost is on the bus and on the nodes stream', async () => {
    const [lost] = await events('quorum_lost');
    expect(lost).toBeDefined();
    expectSchema('QuorumPayload', lost!.payload);
    expect(lost!.payload).toMatchObject({ hasQuorum: false, voters: 5, healthyVoters: 2, quorumSize: 3, failureTolerance: 0 });
    expect(lost!.payload.unavailableNodeIds).toEqual((await health()).issues.find((issue) => issue.type === 'QUORUM_LOST')!.affectedNodes);
    const { match } = await stream.frames.until(isEventOfType('quorum_lost'), 'quorum_lost');
    expectSchema('EventEnvelope', match);
    expect(match.cursor).toBe(lost!.cursor);
  });

  test('healing all three restores quorum, resolves every issue, and announces quorum_restored', async () => {
    const crashed = (await fixture.server.http.get('/api/v1/simulation/faults').set(asAdmin)).body.data as { id: string }[];
    for (const fault of crashed) await heal(fault.id);
    const restored = await advanceUntil(health, (current) => current.state === 'OPERATIONAL' && current.leaderId !== null, 6000);
    expect(restored).toMatchObject({ isHealthy: true, hasQuorum: true, failureTolerance: 2, issues: [] });
    const [event] = await events('quorum_restored');
    expectSchema('QuorumPayload', event!.payload);
    expect(event!.payload).toMatchObject({ hasQuorum: true, quorumSize: 3 });
    expect(event!.cursor).toBeGreaterThan((await events('quorum_lost'))[0]!.cursor);
    const { match } = await stream.frames.until(isEventOfType('quorum_restored'), 'quorum_restored');
    expect(match.cursor).toBe(event!.cursor);

    const all = await issues('?limit=1000');
    expect(all.data.every((issue) => issue.resolved && issue.resolvedAt !== null && issue.resolvedAt >= issue.detectedAt)).toBe(true);
    expect((await issues('?resolved=false')).pagination.total).toBe(0);
    // node-4, back from DOWN, recovers before it is healthy again; the two only suspected are healthy at their first heartbeat.
    expect(all.data.filter((issue) => issue.type === 'NODE_RECOVERING').map((issue) => issue.nodeId)).toEqual(['node-4']);
    for (const nodeId of others) {
      expect((await issues(`?nodeId=${nodeId}&component=NODE`)).data.map((issue) => issue.type)).toEqual(['NODE_SUSPECTED']);
    }
  });

  test('the history bounds each period in order: OPERATIONAL, DEGRADED, STOPPED, back to OPERATIONAL', async () => {
    const samples = await history('?order=asc&limit=1000');
    const states = samples.map((sample) => sample.state).filter((state, index, all) => state !== all[index - 1]);
    expect(states.slice(states.indexOf('OPERATIONAL'))).toEqual(['OPERATIONAL', 'DEGRADED', 'STOPPED', 'DEGRADED', 'RECOVERING', 'OPERATIONAL']);
    const stopped = await history('?state=STOPPED&order=asc');
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((sample) => !sample.hasQuorum && sample.failureTolerance === 0)).toBe(true);
    // The STOPPED period: from its first sample up to the sample that ended it.
    const firstStopped = stopped[0]!.at;
    const ended = samples[samples.findIndex((sample) => sample.at === stopped.at(-1)!.at) + 1]!.at;
    const window = await history(`?since=${firstStopped}&until=${ended}&order=asc`);
    expect(window).toEqual(samples.filter((sample) => sample.at >= firstStopped && sample.at < ended));
    expect(window.map((sample) => sample.state)).toEqual(stopped.map((sample) => sample.state));
    const page = await fixture.server.http.get('/api/v1/cluster/health/history?limit=2&offset=1').set(asAdmin);
    expectContract('listHealthHistory', page);
    expect(page.body.data).toEqual(samples.slice().reverse().slice(1, 3));
    expect(page.body.pagination).toEqual({ total: samples.length, limit: 2, offset: 1, hasMore: true });
  });
});

describe('listHealthIssues', () => {
  test('filters by severity, type, component, node, resolution and detection time', async () => {
    const critical = await issues('?severity=CRITICAL&limit=1000');
    // A resolved issue keeps its last severity: NO_LEADER is CRITICAL only if it ended without quorum.
    expect(critical.data.map((issue) => issue.type)).toContain('QUORUM_LOST');
    expect(critical.data.every((issue) => issue.severity === 'CRITICAL')).toBe(true);
    const quorum = await issues('?component=QUORUM&limit=1000');
    expect(new Set(quorum.data.map((issue) => issue.type))).toEqual(new Set(['QUORUM_LOST', 'NO_FAILURE_TOLERANCE']));
    const downs = await issues('?type=NODE_DOWN&limit=1000');
    expect(downs.data.map((issue) => issue.nodeId).sort()).toContain('node-4');
    const quorumLost = critical.data.find((issue) => issue.type === 'QUORUM_LOST')!;
    const since = await issues(`?since=${quorumLost.detectedAt}&limit=1000`);
    expect(since.data.every((issue) => issue.detectedAt >= quorumLost.detectedAt)).toBe(true);
    expect(since.data.map((issue) => issue.id)).toContain(quorumLost.id);
    expect((await issues('?resolved=true')).pagination.total).toBe((await issues()).pagination.total);
  });

  test('sorts newest first by default, by severity or id on request, and pages', async () => {
    const all = (await issues('?limit=1000')).data;
    const detected = all.map((issue) => issue.detectedAt);
    expect(detected).toEqual([...detected].sort().reverse());
    const bySeverity = (await issues('?sort_by=severity&order=desc&limit=1000')).data.map((issue) => issue.severity);
    const rank = ['INFO', 'WARNING', 'ERROR', 'CRITICAL'];
    expect(bySeverity.map((severity) => rank.indexOf(severity))).toEqual(bySeverity.map((severity) => rank.indexOf(severity)).sort((a, b) => b - a));
    const byId = (await issues('?sort_by=id&order=asc&limit=1000')).data.map((issue) => Number(issue.id.slice('issue-'.length)));
    expect(byId).toEqual([...byId].sort((a, b) => a - b));
    const page = await issues('?limit=2&offset=1');
    expect(page.data).toEqual(all.slice(1, 3));
    expect(page.pagination).toEqual({ total: all.length, limit: 2, offset: 1, hasMore: true });
  });

  test('selects fields (the id is always kept)', async () => {
    const response = await fixture.server.http.get('/api/v1/cluster/health/issues?fields=type,severity&limit=3').set(asAdmin);
    expect(response.status).toBe(200);
    expectContract('listHealthIssues', response, { sparse: true });
    for (const issue of response.body.data) expect(Object.keys(issue).sort()).toEqual(['id', 'severity', 'type']);
  });

  test('refuses what the contract rejects (400) and what makes no sense (422)', async () => {
    // A date-time parameter's format is part of the contract: `since=yesterday` is a 400.
    for (const query of ['severity=SEVERE', 'type=NODE_ON_FIRE', 'component=DISK', 'resolved=maybe', 'sort_by=color', 'order=sideways', 'limit=0', 'since=yesterday']) {
      const response = await fixture.server.http.get(`/api/v1/cluster/health/issues?${query}`).set(asAdmin);
      expect(response.status, query).toBe(400);
      expectContract('listHealthIssues', response);
    }
    const response = await fixture.server.http.get('/api/v1/cluster/health/issues?fields=colour').set(asAdmin);
    expect(response.status).toBe(422);
    expectContract('listHealthIssues', response);
  });
});

describe('listHealthHistory', () => {
  test('refuses what the contract rejects (400), a bound that is no date-time included', async () => {
    for (const query of ['state=ON_FIRE', 'order=sideways', 'limit=5000', 'offset=-1', 'until=soon']) {
      const response = await fixture.server.http.get(`/api/v1/cluster/health/history?${query}`).set(asAdmin);
      expect(response.status, query).toBe(400);
      expectContract('listHealthHistory', response);
    }
  });
});

describe('a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rustydb-health-'));
  const storePath = join(dataDir, 'rustydb.sqlite');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('keeps the resolved issues and the samples, and numbers new issues after them', async () => {
    const first = await startTestServer({ nodes: 5, storePath });
    let before: { issues: Issue[]; samples: Sample[] };
    try {
      await first.advance(3000);
      const faultId = await crash('node-4', first);
      await advanceUntil(() => health(first), (current) => current.downNodes === 1, 8000, first);
      await heal(faultId, first);
      await advanceUntil(() => health(first), (current) => current.state === 'OPERATIONAL', 5000, first);
      before = { issues: (await issues('?limit=1000', first)).data, samples: await history('?order=asc&limit=1000', first) };
      expect(before.issues.filter((issue) => issue.nodeId === 'node-4').map((issue) => issue.type)).toEqual(['NODE_RECOVERING', 'NODE_DOWN', 'NODE_SUSPECTED']);
      expect(before.issues.every((issue) => issue.resolved)).toBe(true);
    } finally {
      await first.close();
    }

    const second = await startTestServer({ nodes: 5, storePath });
    try {
      // Restarted nodes have not sent a heartbeat yet: the cluster starts over from INITIALIZING.
      const after = await history('?order=asc&limit=1000', second);
      expect(after.slice(0, before.samples.length)).toEqual(before.samples);
      expect(after[before.samples.length]).toMatchObject({ state: 'INITIALIZING' });
      expect((await issues('?limit=1000', second)).data).toEqual(before.issues);

      await second.advance(3000);
      expect(await health(second)).toMatchObject({ state: 'OPERATIONAL', failureTolerance: 2 });
      await crash('node-5', second);
      const suspected = await advanceUntil(() => health(second), (current) => current.suspectedNodes === 1, 3000, second);
      const highestBefore = Math.max(...before.issues.map((issue) => Number(issue.id.slice('issue-'.length))));
      const newest = suspected.issues.find((issue) => issue.nodeId === 'node-5')!;
      expect(Number(newest.id.slice('issue-'.length))).toBeGreaterThan(highestBefore);
    } finally {
      await second.close();
    }
  });
});
