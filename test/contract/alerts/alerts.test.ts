/**
 * The one alert model over REST and GraphQL: a follower crashes (health alerts) and a standby's
 * replay is paused under a rule of our own (a replication alert), then both recover. Every REST
 * answer is validated against the contract; GraphQL answers are compared with REST's.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Alert as GraphQLAlert } from '../../../generated/graphql/resolvers-types.js';
import type { AlertResource } from '../../../src/engines/alerts/events.js';
import { expectContract, expectSchema } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { errorCodes, graphqlWsClient, listenOnLoopback, nextFeedOpened, subscribe, type Subscription } from '../../support/socket.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';

/** An alert as REST (and the event bus) shows it. */
type RestAlert = AlertResource;

const asAdmin = { 'X-API-Key': ADMIN_KEY };
const ALERT_FIELDS = 'id source name state severity labels { name value } annotations { name value } summary value peakValue forMs activeAt startsAt endsAt';
let server: TestServer;
let viewerKey: string;
let ws: Client;
let follower: string;
let crashId: string;
/** The newest event before the crash. */
let beforeCrash: number;
type SystemAlerts = { systemAlerts: GraphQLAlert };
type AlertsStream = { alertsStream: GraphQLAlert };
let errorsOfHealth: Subscription<SystemAlerts>;
let everything: Subscription<AlertsStream>;

async function listAlerts(query = ''): Promise<RestAlert[]> {
  const response = await server.http.get(`/api/v1/alerts${query}`).set('X-API-Key', viewerKey);
  expect(response.status).toBe(200);
  expectContract('listAlerts', response);
  return response.body.data as RestAlert[];
}

async function alertHistory(query = ''): Promise<RestAlert[]> {
  const response = await server.http.get(`/api/v1/alerts/history${query}`).set('X-API-Key', viewerKey);
  expect(response.status).toBe(200);
  expectContract('listAlertHistory', response);
  return response.body.data as RestAlert[];
}

/** A GraphQL alert in REST's shape: label and annotation lists back to maps. */
function restShapeOf(alert: GraphQLAlert): RestAlert {
  const { labels, annotations, summary, ...rest } = alert;
  expect(summary).toBe(annotations.find((annotation) => annotation.name === 'summary')?.value);
  return {
    ...(rest as Omit<RestAlert, 'labels' | 'annotations'>),
    labels: Object.fromEntries(labels.map((label) => [label.name, label.value])),
    annotations: { summary, ...Object.fromEntries(annotations.map((annotation) => [annotation.name, annotation.value])) },
  };
}

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(3000);
  const { wsUrl } = await listenOnLoopback(server);
  ws = graphqlWsClient(wsUrl, { 'X-API-Key': ADMIN_KEY });
  const opened = nextFeedOpened(server);
  errorsOfHealth = subscribe<SystemAlerts>(ws, { query: `subscription { systemAlerts(minSeverity: ERROR, sources: ["health"]) { ${ALERT_FIELDS} } }` });
  await opened;
  const openedToo = nextFeedOpened(server);
  everything = subscribe<AlertsStream>(ws, { query: `subscription { alertsStream { ${ALERT_FIELDS} } }` });
  await openedToo;
});
afterAll(async () => {
  await ws?.dispose();
  await server.close();
});

describe('health issues are alerts of the health source', () => {
  test('a crashed follower fires NODE_SUSPECTED, then NODE_DOWN as the suspicion resolves', async () => {
    const leader = server.platform.engines.consensus.group.currentLeader()!.leaderId;
    follower = ['node-5', 'node-4'].find((nodeId) => nodeId !== leader)!;
    beforeCrash = server.platform.services.events.lastCursor();
    const crash = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [follower] });
    expect(crash.status).toBe(201);
    crashId = crash.body.data.id;
    await server.advance(6000);

    const firing = await listAlerts('?source=health&state=FIRING');
    expect(firing).toHaveLength(1);
    const down = firing[0]!;
    expect(down).toMatchObject({
      source: 'health',
      name: 'NODE_DOWN',
      severity: 'ERROR',
      labels: { alertname: 'NODE_DOWN', source: 'health', severity: 'ERROR', component: 'NODE', node: follower },
      value: null,
      forMs: 0,
      endsAt: null,
    });
    expect(down.startsAt).toBe(down.activeAt);
    const issue = (await server.http.get(`/api/v1/cluster/health/issues?nodeId=${follower}&resolved=false`).set(asAdmin)).body.data[0];
    expect(down.annotations).toEqual({ summary: issue.message, issueId: issue.id });
    expect(down.activeAt).toBe(issue.detectedAt);

    const resolved = await alertHistory('?source=health');
    expect(resolved[0]).toMatchObject({ name: 'NODE_SUSPECTED', state: 'RESOLVED', severity: 'WARNING', labels: { node: follower }, endsAt: down.activeAt });
    expect(await listAlerts('?severity=WARNING&source=health')).toEqual([]);
  });

  test('systemAlerts(minSeverity: ERROR, sources: ["health"]) delivered NODE_DOWN only; alertsStream delivered every transition', async () => {
    const [down] = await listAlerts('?source=health');
    expect(restShapeOf((await errorsOfHealth.results.next()).data!.systemAlerts)).toEqual(down);
    const streamed = (await everything.results.take(3)).map((result) => restShapeOf(result.data!.alertsStream));
    expect(streamed.map((alert) => `${alert.state} ${alert.name}`)).toEqual(['FIRING NODE_SUSPECTED', 'RESOLVED NODE_SUSPECTED', 'FIRING NODE_DOWN']);
    expect(streamed[2]).toEqual(down);
    // The same alerts are on the event bus, each an EventEnvelope the contract allows.
    const events = (await server.http.get(`/api/v1/events?after=${beforeCrash}&types=alert_fired,alert_resolved&limit=1000`).set(asAdmin)).body.data;
    for (const event of events) expectSchema('EventEnvelope', event);
    expect(events.map((event: { type: string; payload: RestAlert }) => `${event.type} ${event.payload.name}`)).toEqual(['alert_fired NODE_SUSPECTED', 'alert_resolved NODE_SUSPECTED', 'alert_fired NODE_DOWN']);
  });
});

describe("replication's lag rules are alerts of the replication source", () => {
  let ruleId: string;

  test('a paused standby breaches a rule of our own: PENDING, then FIRING once held for forMs, in both lists', async () => {
    const rule = await server.http.post('/api/v1/replication/monitor/alerts').set(asAdmin).send({ name: 'replay lag over 300 ms', metric: 'REPLAY_LAG_MS', threshold: 300, forMs: 2000, severity: 'ERROR', replicaId: 'node-3' });
    expectContract('createReplicationAlertRule', rule);
    expect(rule.status).toBe(201);
    ruleId = rule.body.data.ruleId;
    expect((await server.http.post('/api/v1/replication/replicas/node-3/pause').set(asAdmin)).status).toBe(200);
    await server.advance(1500);
    const [pending] = (await listAlerts('?source=replication')).filter((alert) => alert.labels.rule === ruleId);
    expect(pending).toMatchObject({ state: 'PENDING', severity: 'ERROR', name: 'replay lag over 300 ms', labels: { replica: 'node-3', metric: 'REPLAY_LAG_MS' }, forMs: 2000, startsAt: null });
    expect(pending!.value).toBeGreaterThan(300);

    await server.advance(3000);
    const [firing] = await listAlerts(`?source=replication&state=FIRING&severity=ERROR`);
    expect(firing).toMatchObject({ id: pending!.id, state: 'FIRING', activeAt: pending!.activeAt });
    expect(Date.parse(firing!.startsAt!) - Date.parse(firing!.activeAt)).toBeGreaterThanOrEqual(2000);
    expect(firing!.peakValue).toBeGreaterThanOrEqual(firing!.value!);
    expect(firing!.annotations.summary).toBe(`node-3: replay lag ${firing!.value} ms > 300 ms for 2000 ms`);

    // Replication's own list is a view of the same alert.
    const own = await server.http.get(`/api/v1/replication/monitor/alerts?ruleId=${ruleId}`).set(asAdmin);
    expectContract('listReplicationAlerts', own);
    expect(own.body.data).toEqual([
      expect.objectContaining({ alertId: firing!.id, state: 'FIRING', severity: 'ERROR', value: firing!.value, peakValue: firing!.peakValue, breachStartedAt: firing!.activeAt, firedAt: firing!.startsAt, message: firing!.annotations.summary }),
    ]);
  });

  test('resuming resolves it: the history has it, replication lists it RESOLVED, and the rule has no replica firing', async () => {
    expect((await server.http.post('/api/v1/replication/replicas/node-3/resume').set(asAdmin)).status).toBe(200);
    await server.advance(3000);
    expect((await listAlerts('?source=replication')).filter((alert) => alert.labels.rule === ruleId)).toEqual([]);
    const [resolved] = (await alertHistory('?source=replication')).filter((alert) => alert.labels.rule === ruleId);
    expect(resolved).toMatchObject({ state: 'RESOLVED', severity: 'ERROR' });
    const own = await server.http.get(`/api/v1/replication/monitor/alerts?ruleId=${ruleId}&state=RESOLVED`).set(asAdmin);
    expect(own.body.data.map((alert: { alertId: string; resolvedAt: string }) => [alert.alertId, alert.resolvedAt])).toEqual([[resolved!.id, resolved!.endsAt]]);
    const dashboard = await server.http.get('/api/v1/replication/monitor/dashboard').set(asAdmin);
    expectContract('getReplicationDashboard', dashboard);
    expect(dashboard.body.data.alertRules.find((rule: { ruleId: string }) => rule.ruleId === ruleId)).toMatchObject({ pendingReplicaIds: [], firingReplicaIds: [] });
  });

  test('the health alerts resolve when the follower comes back', async () => {
    expect((await server.http.delete(`/api/v1/simulation/faults/${crashId}`).set(asAdmin)).status).toBe(200);
    await server.advance(5000);
    expect(await listAlerts('?source=health')).toEqual([]);
    expect((await alertHistory('?source=health')).map((alert) => alert.name)).toEqual(expect.arrayContaining(['NODE_DOWN', 'NODE_RECOVERING', 'NODE_SUSPECTED']));
  });
});

describe('GraphQL twins', () => {
  test('alerts and alertHistory answer what GET /api/v1/alerts and /history answer', async () => {
    const history = await alertHistory('?limit=1000');
    const viaGraphQL = dataOf(await graphql<{ alertHistory: GraphQLAlert[] }>(server, `{ alertHistory(limit: 1000) { ${ALERT_FIELDS} } }`, {}, { apiKey: viewerKey }));
    expect(viaGraphQL.alertHistory.map(restShapeOf)).toEqual(history);
    const health = dataOf(await graphql<{ alertHistory: GraphQLAlert[] }>(server, `{ alertHistory(source: "health", severity: ERROR) { ${ALERT_FIELDS} } }`));
    expect(health.alertHistory.map(restShapeOf)).toEqual(await alertHistory('?source=health&severity=ERROR'));
    expect(health.alertHistory.map((alert) => alert.name)).toContain('NODE_DOWN');
    expect(health.alertHistory.every((alert) => alert.source === 'health' && alert.severity === 'ERROR')).toBe(true);
    const open = dataOf(await graphql<{ alerts: GraphQLAlert[] }>(server, `{ alerts(state: FIRING) { ${ALERT_FIELDS} } }`));
    expect(open.alerts.map(restShapeOf)).toEqual(await listAlerts('?state=FIRING'));
  });

  test('bad filters are refused like REST refuses them', async () => {
    const resolvedState = await graphql<unknown>(server, '{ alerts(state: RESOLVED) { id } }');
    expect(codesOf(resolvedState)).toEqual(['VALIDATION_FAILED']);
    expect(resolvedState.errors?.[0]?.extensions?.details).toMatchObject({ errors: [{ location: 'input/state', allowedValues: ['PENDING', 'FIRING'] }] });
    expect(codesOf(await graphql<unknown>(server, '{ alertHistory(source: "gossip") { id } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql<unknown>(server, '{ alerts { id } }', {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
    const refused = subscribe<SystemAlerts>(ws, { query: 'subscription { systemAlerts(sources: ["gossip"]) { id } }' });
    expect(errorCodes(await refused.results.next())).toEqual(['VALIDATION_FAILED']);
  });
});

describe('REST refusals', () => {
  test('a resolved state, an unknown source or severity answer 400; no key answers 401', async () => {
    for (const query of ['?state=RESOLVED', '?source=gossip', '?severity=LOUD']) {
      const response = await server.http.get(`/api/v1/alerts${query}`).set(asAdmin);
      expect(response.status, query).toBe(400);
      expectContract('listAlerts', response);
      expect(response.body.error.details.errors[0].allowedValues).toBeDefined();
    }
    const history = await server.http.get('/api/v1/alerts/history?limit=0').set(asAdmin);
    expect(history.status).toBe(400);
    expectContract('listAlertHistory', history);
    const anonymous = await server.http.get('/api/v1/alerts');
    expect(anonymous.status).toBe(401);
    expectContract('listAlerts', anonymous);
  });
});
