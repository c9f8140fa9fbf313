/**
 * A switchover, failover or drill that could not come true is refused before anything changes:
 * a target that is down, cut off or not a voter (409 with the reason), a cluster without quorum
 * (503 NO_QUORUM). REST and GraphQL, every REST answer checked against the contract.
 */
import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { codesOf, graphql } from '../../support/graphql.js';
import { lastAuditEntry } from '../../support/audit.js';
import { healFault, injectFault, leaderId, loseQuorum } from '../../support/cluster-faults.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

async function historyTotal(): Promise<number> {
  const response = await fixture.server.http.get('/api/v1/cluster/failover/history').set(asAdmin);
  return response.body.pagination.total as number;
}

async function switchover(targetNodeId: string, mode?: 'SWITCHOVER' | 'FAILOVER') {
  const response = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ targetNodeId, ...(mode ? { mode } : {}) });
  expectContract('triggerFailover', response);
  return response;
}

function graphqlSwitchover(targetNodeId: string) {
  return graphql(fixture.server, 'mutation($target: ID!) { triggerFailover(input: { targetNodeId: $target }) { failoverId } }', { target: targetNodeId });
}

describe('a target that could not lead', () => {
  test('a switchover to a crashed node answers 409 TARGET_DOWN with its status, and changes nothing', async () => {
    const leader = await leaderId(fixture.server);
    const target = leader === 'node-3' ? 'node-4' : 'node-3';
    const faultId = await injectFault(fixture.server, { type: 'crash', nodes: [target] });
    await fixture.server.advance(6000);
    const node = await fixture.server.http.get(`/api/v1/cluster/nodes/${target}`).set(asAdmin);
    expect(node.body.data.status).toBe('DOWN');
    const failovers = await historyTotal();

    const refused = await switchover(target);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'CONFLICT',
      message: `${target} is down (status DOWN, crashed).`,
      details: { reason: 'TARGET_DOWN', nodeId: target, status: 'DOWN', voter: true, running: false, leaderId: leader },
    });
    const overGraphql = await graphqlSwitchover(target);
    expect(codesOf(overGraphql)).toEqual(['CONFLICT']);
    expect(overGraphql.errors?.[0]?.extensions?.details).toMatchObject({ reason: 'TARGET_DOWN', status: 'DOWN' });

    expect(await leaderId(fixture.server)).toBe(leader);
    expect(await historyTotal()).toBe(failovers);
    expect(await lastAuditEntry(fixture.server, 'triggerFailover')).toMatchObject({ outcome: 'FAILURE', errorCode: 'CONFLICT', target: `cluster.failover/${target}` });

    // A drill on it would measure nothing: refused the same way, and no fault is added.
    const drill = await fixture.server.http.post('/api/v1/cluster/failover/test').set(asAdmin).send({ targetNodeId: target });
    expect(drill.status).toBe(409);
    expectContract('testFailover', drill);
    expect(drill.body.error.details).toMatchObject({ reason: 'TARGET_DOWN', nodeId: target, status: 'DOWN' });
    const drillOverGraphql = await graphql(fixture.server, 'mutation($target: ID!) { testFailover(input: { targetNodeId: $target }) { drillId } }', { target });
    expect(codesOf(drillOverGraphql)).toEqual(['CONFLICT']);
    const faults = await fixture.server.http.get('/api/v1/simulation/faults').set(asAdmin);
    expect(faults.body.data.map((fault: { id: string }) => fault.id)).toEqual([faultId]);

    await healFault(fixture.server, faultId);
    await fixture.server.advance(3000);
  });

  test('a switchover to a node a partition cuts off from the leader answers 409 TARGET_UNREACHABLE', async () => {
    const leader = await leaderId(fixture.server);
    const target = leader === 'node-2' ? 'node-5' : 'node-2';
    const others = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'].filter((nodeId) => nodeId !== target);
    const faultId = await injectFault(fixture.server, { type: 'partition', groups: [[target], others] });
    const failovers = await historyTotal();

    const refused = await switchover(target, 'SWITCHOVER');
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: 'TARGET_UNREACHABLE', nodeId: target, running: true, leaderId: leader });
    expect(codesOf(await graphqlSwitchover(target))).toEqual(['CONFLICT']);
    expect(await leaderId(fixture.server)).toBe(leader);
    expect(await historyTotal()).toBe(failovers);

    await healFault(fixture.server, faultId);
    await fixture.server.advance(3000);
  });

  test('a switchover to a READ_ONLY node (a learner) answers 409 TARGET_NOT_VOTER', async () => {
    const added = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: 'node-6.cluster.local:7000', role: 'READ_ONLY' });
    expect(added.status).toBe(201);
    await fixture.server.advance(2000);
    const leader = await leaderId(fixture.server);
    const refused = await switchover('node-6');
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: 'TARGET_NOT_VOTER', nodeId: 'node-6', voter: false, status: 'HEALTHY' });
    expect(codesOf(await graphqlSwitchover('node-6'))).toEqual(['CONFLICT']);
    expect(await leaderId(fixture.server)).toBe(leader);
  });
});

describe('without quorum', () => {
  test('a failover, a switchover and a drill answer 503 NO_QUORUM with Retry-After, and change nothing', async () => {
    const { faultId, survivors } = await loseQuorum(fixture.server);
    const failovers = await historyTotal();
    const follower = survivors[1]!;

    const refused = await switchover(follower, 'FAILOVER');
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.error).toMatchObject({ code: 'NO_QUORUM', details: { reason: 'NO_QUORUM', hasQuorum: false, voters: 5, quorumSize: 3, availableVoters: 2 } });
    const any = await fixture.server.http.post('/api/v1/cluster/failover').set(asAdmin).send({});
    expect(any.status).toBe(503);
    expectContract('triggerFailover', any);
    const drill = await fixture.server.http.post('/api/v1/cluster/failover/test').set(asAdmin).send({ targetNodeId: follower });
    expect(drill.status).toBe(503);
    expectContract('testFailover', drill);

    expect(codesOf(await graphqlSwitchover(follower))).toEqual(['NO_QUORUM']);
    const drillOverGraphql = await graphql(fixture.server, 'mutation($target: ID!) { testFailover(input: { targetNodeId: $target }) { drillId } }', { target: follower });
    expect(codesOf(drillOverGraphql)).toEqual(['NO_QUORUM']);
    expect(await historyTotal()).toBe(failovers);
    expect(await lastAuditEntry(fixture.server, 'testFailover')).toMatchObject({ outcome: 'FAILURE', errorCode: 'NO_QUORUM' });

    await healFault(fixture.server, faultId);
    await fixture.server.advance(5000);
  });
});
