import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { healFault, injectFault, leaderId } from '../../support/cluster-faults.js';
import { ADMIN_KEY, startTestServer, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5, warmUpMs: 2000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const http = () => fixture.server.http;

/** GET a role probe, anonymously as a load balancer would, and check the answer against the contract. */
async function probe(nodeId: string, role: string, query = '') {
  const response = await http().get(`/api/v1/cluster/nodes/${nodeId}/probes/${role}${query}`);
  expectContract('getNodeRoleProbe', response);
  return response;
}

async function statusOf(nodeId: string, role: string, query = ''): Promise<number> {
  return (await probe(nodeId, role, query)).status;
}

describe('role probes', () => {
  test('the replication primary passes primary and read-only and fails replica; a standby the reverse, with its lag', async () => {
    const primary = await probe('node-1', 'primary');
    expect(primary.status).toBe(200);
    expect(primary.body).toMatchObject({ success: true, data: { nodeId: 'node-1', probe: 'primary', passed: true, running: true, replicationRole: 'PRIMARY', lagBytes: null, lagMs: null, reason: null } });
    expect(await statusOf('node-1', 'read-only')).toBe(200);
    const primaryAsReplica = await probe('node-1', 'replica');
    expect(primaryAsReplica.status).toBe(503);
    expect(primaryAsReplica.body.success).toBe(false);
    expect(primaryAsReplica.body.data.reason).toContain('primary');

    const standby = await probe('node-2', 'replica');
    expect(standby.status).toBe(200);
    expect(standby.body.data).toMatchObject({ replicationRole: 'STANDBY', passed: true, reason: null });
    // The same instant of the cluster clock as the replication API's own view of the standby.
    const replica = (await http().get('/api/v1/replication/replicas/node-2').set(asAdmin)).body.data;
    expect(standby.body.data).toMatchObject({ lagBytes: replica.lagBytes, lagMs: replica.replayLagMs });
    expect(await statusOf('node-2', 'read-only')).toBe(200);
    const standbyAsPrimary = await probe('node-2', 'primary');
    expect(standbyAsPrimary.status).toBe(503);
    expect(standbyAsPrimary.body.data.reason).toBe('node-2 is not the replication primary (its role is STANDBY).');
  });

  test('only the Raft leader passes leader', async () => {
    const leader = await leaderId(fixture.server);
    const answers = await Promise.all(['node-1', 'node-2', 'node-3', 'node-4', 'node-5'].map(async (nodeId) => [nodeId, (await probe(nodeId, 'leader')).body.data] as const));
    for (const [nodeId, data] of answers) {
      expect(data.passed).toBe(nodeId === leader);
      expect(data.leader).toBe(nodeId === leader);
    }
  });

  test('HEAD answers the status and headers of GET with no body, on 200 and on 503', async () => {
    for (const role of ['primary', 'replica']) {
      const get = await http().get(`/api/v1/cluster/nodes/node-1/probes/${role}`);
      const head = await http().head(`/api/v1/cluster/nodes/node-1/probes/${role}`);
      expect(head.status).toBe(get.status);
      expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
      expect(head.text ?? '').toBe('');
    }
    expect((await http().head('/api/v1/cluster/nodes/node-1/probes/replica')).status).toBe(503);
  });

  test('are public and show nothing but roles and lag', async () => {
    const response = await probe('node-2', 'replica');
    expect(Object.keys(response.body.data).sort()).toEqual(['lagBytes', 'lagMs', 'leader', 'nodeId', 'passed', 'probe', 'reason', 'replicationRole', 'running']);
  });

  test('an unknown node is 404; a role or bound outside the contract is 400 naming it', async () => {
    const unknown = await probe('node-9', 'primary');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const badRole = await probe('node-1', 'master');
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.details.errors[0]).toMatchObject({ location: 'path/role', allowedValues: ['primary', 'replica', 'leader', 'read-only'] });
    const negative = await probe('node-2', 'replica', '?maxLagBytes=-1');
    expect(negative.status).toBe(400);
    expect(negative.body.error.details.errors[0].location).toBe('query/maxLagBytes');
    const notNumber = await probe('node-2', 'replica', '?maxLagMs=soon');
    expect(notNumber.status).toBe(400);
  });

  test('lag bounds take a paused standby out of rotation as its replay lag grows; resuming brings it back', async () => {
    const paused = await http().post('/api/v1/replication/replicas/node-3/pause').set(asAdmin);
    expect(paused.status).toBe(200);
    await fixture.server.advance(5000);
    const unbounded = await probe('node-3', 'replica');
    // Paused replay still streams: without a bound the standby serves reads.
    expect(unbounded.status).toBe(200);
    const { lagBytes, lagMs } = unbounded.body.data;
    expect(lagBytes).toBeGreaterThan(0);
    expect(lagMs).toBeGreaterThan(1000);

    const byBytes = await probe('node-3', 'replica', `?maxLagBytes=${lagBytes - 1}`);
    expect(byBytes.status).toBe(503);
    expect(byBytes.body.data.reason).toBe(`node-3 replays ${lagBytes} bytes behind the primary, more than maxLagBytes ${lagBytes - 1}.`);
    expect(await statusOf('node-3', 'replica', `?maxLagBytes=${lagBytes}`)).toBe(200);
    const byMs = await probe('node-3', 'replica', '?maxLagMs=1000');
    expect(byMs.status).toBe(503);
    expect(byMs.body.data.reason).toContain('maxLagMs 1000');
    expect(await statusOf('node-3', 'read-only', '?maxLagMs=1000')).toBe(503);
    // The primary has no lag to bound: primary and read-only ignore the bounds there.
    expect(await statusOf('node-1', 'read-only', '?maxLagBytes=0&maxLagMs=0')).toBe(200);
    expect(await statusOf('node-1', 'primary', '?maxLagBytes=0')).toBe(200);

    expect((await http().post('/api/v1/replication/replicas/node-3/resume').set(asAdmin)).status).toBe(200);
    await fixture.server.advance(2000);
    expect(await statusOf('node-3', 'replica', '?maxLagMs=1000')).toBe(200);
  });

  test('a crashed node fails every probe, saying it is down; healed, it passes again', async () => {
    const faultId = await injectFault(fixture.server, { type: 'crash', nodes: ['node-4'] });
    const down = await probe('node-4', 'replica');
    expect(down.status).toBe(503);
    expect(down.body.data).toMatchObject({ running: false, passed: false, reason: 'node-4 is down (crashed).' });
    expect(await statusOf('node-4', 'read-only')).toBe(503);
    await healFault(fixture.server, faultId);
    await fixture.server.advance(3000);
    expect(await statusOf('node-4', 'replica')).toBe(200);
  });

  test('through a failover: the old primary turns 503 on primary and the new one 200', async () => {
    expect(await statusOf('node-1', 'primary')).toBe(200);
    expect(await statusOf('node-2', 'primary')).toBe(503);
    const failover = await http().post('/api/v1/replication/failover').set(asAdmin).send({ targetReplicaId: 'node-2', reason: 'probe drill' });
    expect(failover.status).toBe(200);
    expect(failover.body.data).toMatchObject({ previousPrimaryId: 'node-1', newPrimaryId: 'node-2' });

    const oldPrimary = await probe('node-1', 'primary');
    expect(oldPrimary.status).toBe(503);
    expect(oldPrimary.body.data.replicationRole).toBe('STANDBY');
    const newPrimary = await probe('node-2', 'primary');
    expect(newPrimary.status).toBe(200);
    expect(newPrimary.body.data).toMatchObject({ replicationRole: 'PRIMARY', lagBytes: null });
    expect(await statusOf('node-2', 'replica')).toBe(503);
    // The demoted primary re-copies from the new one, then streams and serves reads.
    await fixture.server.advance(3000);
    expect(await statusOf('node-1', 'replica')).toBe(200);
  });
});

describe('the GraphQL twin', () => {
  test('answers without credentials, like REST, with the same facts', async () => {
    const query = 'query ($nodeId: ID!, $role: NodeProbeRole!, $maxLagBytes: BigInt) { nodeRoleProbe(nodeId: $nodeId, role: $role, maxLagBytes: $maxLagBytes) { nodeId probe passed running replicationRole leader lagBytes lagMs reason } }';
    const primaryId = fixture.server.platform.engines.replication.cluster.primary();
    const answer = dataOf(await graphql<{ nodeRoleProbe: Record<string, unknown> }>(fixture.server, query, { nodeId: primaryId, role: 'READ_ONLY' }, 'anonymous'));
    const rest = (await probe(primaryId, 'read-only')).body.data;
    expect(answer.nodeRoleProbe).toEqual({ ...rest, probe: 'READ_ONLY' });
    const standby = dataOf(await graphql<{ nodeRoleProbe: { passed: boolean; replicationRole: string } }>(fixture.server, query, { nodeId: primaryId, role: 'REPLICA' }, 'anonymous'));
    expect(standby.nodeRoleProbe).toMatchObject({ passed: false, replicationRole: 'PRIMARY' });
  });

  test('an unknown node is NOT_FOUND and a negative bound VALIDATION_FAILED', async () => {
    const query = 'query ($nodeId: ID!, $maxLagBytes: BigInt) { nodeRoleProbe(nodeId: $nodeId, role: REPLICA, maxLagBytes: $maxLagBytes) { passed } }';
    expect(codesOf(await graphql(fixture.server, query, { nodeId: 'node-9' }, 'anonymous'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(fixture.server, query, { nodeId: 'node-2', maxLagBytes: -1 }, 'anonymous'))).toEqual(['VALIDATION_FAILED']);
  });
});

test('probes are limited per client address, like every request without a key', async () => {
  // 1 request per second per key: an address gets 2, bursts of 4.
  const server = await startTestServer({ nodes: 1, rateLimitPerKeyPerSecond: 1 });
  try {
    const statuses: number[] = [];
    let limited;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await server.http.get('/api/v1/cluster/nodes/node-1/probes/primary');
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expectContract('getNodeRoleProbe', limited!);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  } finally {
    await server.close();
  }
});
