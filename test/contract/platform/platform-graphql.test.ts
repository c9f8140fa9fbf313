import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AccessToken, ApiKey, AuditEntry, CreatedApiKey, Event, EventPage, HealthReport, Metrics } from '../../../generated/graphql/resolvers-types.js';
import { expectContract, expectSchema } from '../../support/contract.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql, METRICS_SELECTION } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 5 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  await server.advance(1000);
});
afterAll(() => server.close());

const EVENT_FIELDS = 'cursor id type time source payload';
const KEY_FIELDS = 'id name role prefix createdAt createdBy expiresAt revokedAt lastUsedAt';

describe('apiVersion and _noop', () => {
  test('report the version and do nothing', async () => {
    expect(dataOf(await graphql<{ apiVersion: string }>(server, '{ apiVersion }'))).toEqual({ apiVersion: '0.1.0' });
    expect(dataOf(await graphql<{ _noop: boolean | null }>(server, 'mutation { _noop }'))).toEqual({ _noop: null });
  });
});

describe('health', () => {
  test('FULL runs every check and matches GET /api/v1/health/full', async () => {
    const response = await graphql<{ health: HealthReport }>(server, '{ health(probe: FULL) { status checks { name status message } startedAt uptimeSeconds version } }', {}, { apiKey: viewerKey });
    const { health } = dataOf(response);
    expect(health.status).toBe('UP');
    expect(health.checks.map((check) => [check.name, check.status])).toEqual([
      ['runtime', 'UP'],
      ['store', 'UP'],
      ['cluster', 'UP'],
    ]);
    expect(health.checks[2]?.message).toContain('5/5 nodes healthy, quorum 3, state OPERATIONAL');
    const rest = await server.http.get('/api/v1/health/full');
    expectContract('getFullHealth', rest);
    expect({ ...health, uptimeSeconds: 0 }).toEqual({ ...rest.body.data, uptimeSeconds: 0 });
  });

  test('each probe runs its own checks', async () => {
    const response = await graphql<Record<'liveness' | 'readiness' | 'startup', HealthReport>>(
      server,
      '{ liveness: health(probe: LIVENESS) { status checks { name } } readiness: health(probe: READINESS) { status checks { name } } startup: health(probe: STARTUP) { status checks { name } } }',
    );
    expect(dataOf(response)).toEqual({
      liveness: { status: 'UP', checks: [] },
      readiness: { status: 'UP', checks: [{ name: 'runtime' }, { name: 'store' }] },
      startup: { status: 'UP', checks: [{ name: 'runtime' }] },
    });
  });

  test('a node down makes the cluster check DEGRADED', async () => {
    const fault = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-5'] });
    expect(fault.status).toBe(201);
    await server.advance(6000);
    const degraded = await graphql<{ health: HealthReport }>(server, '{ health { status checks { name status message } } }');
    expect(dataOf(degraded).health.status).toBe('DEGRADED');
    expect(dataOf(degraded).health.checks.find((check) => check.name === 'cluster')).toMatchObject({ status: 'DEGRADED', message: expect.stringContaining('4/5 nodes healthy') });
    await server.http.delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin);
    await server.advance(2000);
    expect(dataOf(await graphql<{ health: HealthReport }>(server, '{ health { status } }')).health.status).toBe('UP');
  });
});

describe('metrics and prometheusMetrics', () => {
  test('metrics holds the engines figures GET /api/v1/metrics holds, every field typed', async () => {
    const response = await graphql<{ metrics: Metrics }>(server, `{ metrics { ${METRICS_SELECTION} } }`, {}, { apiKey: viewerKey });
    const { metrics } = dataOf(response);
    const rest = await server.http.get('/api/v1/metrics').set(asAdmin);
    expectContract('getMetrics', rest);
    // The same figures, so the same shape: the REST snapshot's schema holds the GraphQL one too.
    expectSchema('Metrics', metrics);
    expect(metrics.cluster).toEqual(rest.body.data.cluster);
    expect(metrics.runtime).toEqual(rest.body.data.runtime);
    expect(metrics.events).toEqual(rest.body.data.events);
    expect(metrics.cluster).toMatchObject({ totalNodes: 5, healthyNodes: 5, hasQuorum: true });
    expect(metrics.cluster.heartbeatsReceived).toBeGreaterThan(0);
    expect(metrics.runtime).toMatchObject({ clockMode: 'manual', activeFaults: 0 });
    expect(metrics.runtime.clockTime).toBe((await server.http.get('/api/v1/simulation/clock').set(asAdmin)).body.data.now);
    const newest = await server.http.get(`/api/v1/events?after=${metrics.events.lastCursor - 1}`).set(asAdmin);
    expect(newest.body.data.map((event: { cursor: number }) => event.cursor)).toEqual([metrics.events.lastCursor]);
  });

  test('prometheusMetrics is the Prometheus text of the cluster gauges', async () => {
    const response = await graphql<{ prometheusMetrics: string }>(server, '{ prometheusMetrics }', {}, { apiKey: viewerKey });
    const text = dataOf(response).prometheusMetrics;
    expect(text).toMatch(/^rustydb_cluster_has_quorum 1$/m);
    expect(text).toMatch(/^rustydb_cluster_nodes\{status="healthy"\} 5$/m);
    expect(text).toMatch(/^rustydb_simulation_active_faults 0$/m);
    expect(text).toContain('# TYPE rustydb_http_requests_total counter');
  });

  test('both need a key', async () => {
    expect(codesOf(await graphql<unknown>(server, '{ metrics { events { lastCursor } } }', {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await graphql<unknown>(server, '{ prometheusMetrics }', {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('API keys', () => {
  let dbaKey: CreatedApiKey;

  test('createApiKey shows the secret once, and the secret works with its role', async () => {
    const admin = dataOf(await graphql<{ apiKeys: ApiKey[] }>(server, '{ apiKeys(role: CLUSTER_ADMIN) { id } }')).apiKeys[0]!;
    const created = await graphql<{ createApiKey: CreatedApiKey }>(
      server,
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret key { ${KEY_FIELDS} } } }`,
      { input: { name: 'dba on call', role: 'DBA', expiresInDays: 1 } },
    );
    dbaKey = dataOf(created).createApiKey;
    expect(dbaKey.secret).toMatch(/^rdb_[0-9a-f]{40}$/);
    expect(dbaKey.key).toMatchObject({ name: 'dba on call', role: 'DBA', prefix: dbaKey.secret.slice(0, 8), createdBy: admin.id, revokedAt: null, lastUsedAt: null });
    // Both come from the wall clock, read twice (expiry first): a day apart, give or take a moment.
    const lifetimeMs = Date.parse(String(dbaKey.key.expiresAt)) - Date.parse(String(dbaKey.key.createdAt));
    expect(lifetimeMs).toBeGreaterThan(86_400_000 - 1000);
    expect(lifetimeMs).toBeLessThanOrEqual(86_400_000);

    const asDba = { apiKey: dbaKey.secret };
    expect(dataOf(await graphql<{ clusterConfig: { clusterName: string } }>(server, '{ clusterConfig { clusterName } }', {}, asDba))).toEqual({ clusterConfig: { clusterName: 'rustydb' } });
    expect(dataOf(await graphql<{ auditEntries: AuditEntry[] }>(server, '{ auditEntries(limit: 1) { id } }', {}, asDba)).auditEntries).toHaveLength(1);
    expect(codesOf(await graphql<unknown>(server, 'mutation { addClusterNode(input: { address: "10.0.0.20:7000" }) { nodeId } }', {}, asDba))).toEqual(['FORBIDDEN']);
    const rest = await server.http.get('/api/v1/cluster/topology').set('X-API-Key', dbaKey.secret);
    expect(rest.status).toBe(200);
  });

  test('apiKeys lists what GET /api/v1/auth/api-keys lists, never a secret', async () => {
    const listed = await graphql<{ apiKeys: ApiKey[] }>(server, `{ apiKeys { ${KEY_FIELDS} } }`);
    const rest = await server.http.get('/api/v1/auth/api-keys').set(asAdmin);
    expectContract('listApiKeys', rest);
    expect(dataOf(listed).apiKeys).toEqual(rest.body.data);
    expect(dataOf(listed).apiKeys.map((key) => key.role)).toEqual(['CLUSTER_ADMIN', 'CLUSTER_VIEWER', 'DBA']);
    const dbas = await graphql<{ apiKeys: ApiKey[] }>(server, '{ apiKeys(role: DBA) { id lastUsedAt } }');
    expect(dataOf(dbas).apiKeys).toEqual([{ id: dbaKey.key.id, lastUsedAt: expect.any(String) }]);
    expect(codesOf(await graphql<unknown>(server, '{ apiKeys { id } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });

  test('revokeApiKey stops the key at once; a key cannot revoke itself', async () => {
    const revoked = await graphql<{ revokeApiKey: ApiKey }>(server, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: dbaKey.key.id });
    expect(dataOf(revoked).revokeApiKey.id).toBe(dbaKey.key.id);
    expect(dataOf(revoked).revokeApiKey.revokedAt).not.toBeNull();
    const refused = await graphql<unknown>(server, '{ clusterConfig { clusterName } }', {}, { apiKey: dbaKey.secret });
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.message).toBe('The API key has been revoked or has expired.');
    const inactive = await graphql<{ apiKeys: ApiKey[] }>(server, '{ apiKeys(active: false) { id } }');
    expect(dataOf(inactive).apiKeys).toEqual([{ id: dbaKey.key.id }]);

    const admin = dataOf(await graphql<{ apiKeys: ApiKey[] }>(server, '{ apiKeys(role: CLUSTER_ADMIN) { id } }')).apiKeys[0]!;
    expect(codesOf(await graphql<unknown>(server, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: admin.id }))).toEqual(['CONFLICT']);
    expect(codesOf(await graphql<unknown>(server, 'mutation { revokeApiKey(id: "key_000000000000") { id } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql<unknown>(server, 'mutation { createApiKey(input: { name: "x", role: CLUSTER_ADMIN }) { secret } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });
});

describe('createAccessToken', () => {
  test('issues a bearer token with the key role that works on GraphQL and REST', async () => {
    const issued = await graphql<{ createAccessToken: AccessToken }>(server, 'mutation { createAccessToken(expiresInSeconds: 120) { token tokenType role expiresAt } }', {}, { apiKey: viewerKey });
    const token = dataOf(issued).createAccessToken;
    expect(token).toMatchObject({ tokenType: 'Bearer', role: 'CLUSTER_VIEWER' });
    expect(Date.parse(String(token.expiresAt)) - Date.now()).toBeGreaterThan(100_000);
    expect(Date.parse(String(token.expiresAt)) - Date.now()).toBeLessThanOrEqual(120_000);

    const asBearer = { bearer: token.token };
    const topology = await graphql<{ clusterTopology: { totalNodes: number } }>(server, '{ clusterTopology { totalNodes } }', {}, asBearer);
    expect(dataOf(topology)).toEqual({ clusterTopology: { totalNodes: 5 } });
    const rest = await server.http.get('/api/v1/cluster/topology').set('Authorization', `Bearer ${token.token}`);
    expect(rest.status).toBe(200);
    expect(codesOf(await graphql<unknown>(server, 'mutation { advanceClock(ms: 10) { now } }', {}, asBearer))).toEqual(['FORBIDDEN']);
  });

  test('a token of a revoked key, or a forged one, is UNAUTHENTICATED', async () => {
    const key = dataOf(await graphql<{ createApiKey: CreatedApiKey }>(server, 'mutation { createApiKey(input: { name: "short-lived", role: CLUSTER_VIEWER }) { secret key { id } } }')).createApiKey;
    const token = dataOf(await graphql<{ createAccessToken: AccessToken }>(server, 'mutation { createAccessToken { token } }', {}, { apiKey: key.secret })).createAccessToken.token;
    expect(dataOf(await graphql<{ apiVersion: string }>(server, '{ clusterConfig { clusterName } }', {}, { bearer: token }))).toBeDefined();
    await graphql<unknown>(server, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.key.id });
    expect(codesOf(await graphql<unknown>(server, '{ clusterConfig { clusterName } }', {}, { bearer: token }))).toEqual(['UNAUTHENTICATED']);
    const forged = `${token.slice(0, -4)}AAAA`;
    const refused = await graphql<unknown>(server, '{ clusterConfig { clusterName } }', {}, { bearer: forged });
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.message).toBe('The bearer token is not valid.');
  });
});

describe('auditEntries', () => {
  test('lists every mutation an operator made, in order, with its outcome, as REST does', async () => {
    const ops = dataOf(await graphql<{ createApiKey: CreatedApiKey }>(server, 'mutation { createApiKey(input: { name: "ops", role: CLUSTER_ADMIN }) { secret key { id } } }')).createApiKey;
    const asOps = { apiKey: ops.secret };
    await graphql<unknown>(server, 'mutation { addClusterNode(input: { nodeId: "node-20", address: "10.0.0.20:7000" }) { nodeId } }', {}, asOps);
    await graphql<unknown>(server, 'mutation { addClusterNode(input: { address: "10.0.0.20:7000" }) { nodeId } }', {}, asOps);
    await graphql<unknown>(server, 'mutation { updateClusterConfig(config: { geoReplication: true }) { name } }', {}, asOps);
    await graphql<unknown>(server, 'mutation { advanceClock(ms: 600) { now } }', {}, asOps);
    await graphql<unknown>(server, 'mutation { removeClusterNode(nodeId: "node-20") }', {}, asOps);

    const response = await graphql<{ auditEntries: AuditEntry[] }>(server, 'query ($id: String) { auditEntries(actorKeyId: $id) { id time actorKeyId actorRole operationId target outcome errorCode requestId } }', { id: ops.key.id });
    const entries = dataOf(response).auditEntries;
    expect(entries.map(({ operationId, target, outcome, errorCode }) => ({ operationId, target, outcome, errorCode }))).toEqual([
      { operationId: 'addClusterNode', target: 'cluster.node/node-20', outcome: 'SUCCESS', errorCode: null },
      { operationId: 'addClusterNode', target: 'cluster.node/(new)', outcome: 'FAILURE', errorCode: 'CONFLICT' },
      { operationId: 'updateClusterConfig', target: 'cluster.config', outcome: 'SUCCESS', errorCode: null },
      { operationId: 'advanceClock', target: 'simulation.clock', outcome: 'SUCCESS', errorCode: null },
      { operationId: 'removeClusterNode', target: 'cluster.node/node-20', outcome: 'SUCCESS', errorCode: null },
    ]);
    for (const entry of entries) expect(entry).toMatchObject({ actorKeyId: ops.key.id, actorRole: 'CLUSTER_ADMIN', requestId: expect.stringMatching(/^gql-/) });

    const rest = await server.http.get(`/api/v1/audit/entries?actorKeyId=${ops.key.id}`).set(asAdmin);
    expectContract('listAuditEntries', rest);
    // REST leaves out an absent errorCode; GraphQL answers null for it.
    expect(entries).toEqual(rest.body.data.map((entry: Record<string, unknown>) => ({ errorCode: null, ...entry })));

    const failures = await graphql<{ auditEntries: AuditEntry[] }>(server, 'query ($id: String) { auditEntries(actorKeyId: $id, outcome: FAILURE) { errorCode } }', { id: ops.key.id });
    expect(dataOf(failures).auditEntries).toEqual([{ errorCode: 'CONFLICT' }]);
    const newestFirst = await graphql<{ auditEntries: AuditEntry[] }>(server, 'query ($id: String) { auditEntries(actorKeyId: $id, order: DESC, limit: 2) { operationId } }', { id: ops.key.id });
    expect(dataOf(newestFirst).auditEntries).toEqual([{ operationId: 'removeClusterNode' }, { operationId: 'advanceClock' }]);
  });

  test('records a refused mutation too, and is not for viewers', async () => {
    const viewer = dataOf(await graphql<{ apiKeys: ApiKey[] }>(server, '{ apiKeys(role: CLUSTER_VIEWER, active: true) { id name } }')).apiKeys.find((key) => key.name === 'test CLUSTER_VIEWER')!;
    await graphql<unknown>(server, 'mutation { injectFault(input: { type: crash, nodes: ["node-1"] }) { id } }', {}, { apiKey: viewerKey });
    const entries = await graphql<{ auditEntries: AuditEntry[] }>(server, 'query ($id: String) { auditEntries(actorKeyId: $id) { operationId outcome errorCode } }', { id: viewer.id });
    expect(dataOf(entries).auditEntries.at(-1)).toEqual({ operationId: 'injectFault', outcome: 'FAILURE', errorCode: 'FORBIDDEN' });
    expect(codesOf(await graphql<unknown>(server, '{ auditEntries { id } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
  });
});

describe('events', () => {
  test('pages through the log with nextCursor, as GET /api/v1/events does', async () => {
    const first = await graphql<{ events: EventPage }>(server, `{ events(limit: 3) { nextCursor events { ${EVENT_FIELDS} } } }`, {}, { apiKey: viewerKey });
    const page1 = dataOf(first).events;
    expect(page1.events.map((event) => event.cursor)).toEqual([1, 2, 3]);
    expect(page1.nextCursor).toBe(3);
    expect(page1.events[0]).toMatchObject({ id: 'evt_1', type: 'node_joined', source: 'cluster.membership', payload: { nodeId: 'node-1' } });

    const second = await graphql<{ events: EventPage }>(server, `query ($after: BigInt) { events(after: $after, limit: 3) { nextCursor events { ${EVENT_FIELDS} } } }`, { after: page1.nextCursor });
    const page2 = dataOf(second).events;
    expect(page2.events.map((event) => event.cursor)).toEqual([4, 5, 6]);
    const rest = await server.http.get('/api/v1/events?after=3&limit=3').set(asAdmin);
    expectContract('listEvents', rest);
    expect(page2.events).toEqual(rest.body.data);
    expect(page2.nextCursor).toBe(rest.body.nextCursor);
  });

  test('filters by type and resource, and stays put at the end of the log', async () => {
    const joined = await graphql<{ events: EventPage }>(server, '{ events(types: ["node_joined"], limit: 100) { events { type payload } } }');
    expect(dataOf(joined).events.events.map((event) => (event.payload as { nodeId: string }).nodeId)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-20']);
    const aboutNode5 = await graphql<{ events: EventPage }>(server, '{ events(resourceId: "node-5", limit: 100) { events { type } } }');
    expect(new Set(dataOf(aboutNode5).events.events.map((event: Pick<Event, 'type'>) => event.type))).toEqual(
      // node-5 is a standby of replication and a RAC instance too: its replica's state and WAL positions,
      // its block transfers, remasters and recovery after the crash are about it.
      new Set([
        'node_joined',
        'node_health_change',
        'fault_injected',
        'fault_healed',
        'health_issue_detected',
        'health_issue_resolved',
        'replica_status_change',
        'wal_position_update',
        'cache_fusion_transfer',
        'resource_remastered',
        'instance_recovery_started',
        'instance_recovery_completed',
      ]),
    );

    const last = dataOf(await graphql<{ metrics: { events: { lastCursor: number } } }>(server, '{ metrics { events { lastCursor } } }')).metrics.events.lastCursor;
    const end = await graphql<{ events: EventPage }>(server, 'query ($after: BigInt) { events(after: $after) { nextCursor events { cursor } } }', { after: last });
    expect(dataOf(end).events).toEqual({ nextCursor: last, events: [] });
    expect(codesOf(await graphql<unknown>(server, '{ events { nextCursor } }', {}, 'anonymous'))).toEqual(['UNAUTHENTICATED']);
  });
});
