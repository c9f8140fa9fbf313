/**
 * Every cluster node added or removed becomes a Raft membership change, so without quorum both
 * answer 503 NO_QUORUM and the cluster keeps its nodes. REST and GraphQL.
 */
import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { codesOf, graphql } from '../../support/graphql.js';
import { lastAuditEntry } from '../../support/audit.js';
import { healFault, loseQuorum } from '../../support/cluster-faults.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

async function nodeIds(): Promise<string[]> {
  const response = await fixture.server.http.get('/api/v1/cluster/nodes').set(asAdmin);
  return response.body.data.map((node: { nodeId: string }) => node.nodeId);
}

describe('cluster nodes without quorum', () => {
  test('adding and removing nodes answer 503 NO_QUORUM, even forced, and the cluster keeps its nodes', async () => {
    const { faultId, crashed } = await loseQuorum(fixture.server);
    const before = await nodeIds();

    const add = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: 'node-6.cluster.local:7000' });
    expect(add.status).toBe(503);
    expectContract('addClusterNode', add);
    expect(add.headers['retry-after']).toBe('1');
    expect(add.body.error).toMatchObject({ code: 'NO_QUORUM', details: { reason: 'NO_QUORUM', hasQuorum: false } });
    expect(add.body.error.message).toContain('adding node-6 to the cluster could not commit in consensus');
    const remove = await fixture.server.http.delete(`/api/v1/cluster/nodes/${crashed[0]}?force=true`).set(asAdmin);
    expect(remove.status).toBe(503);
    expectContract('removeClusterNode', remove);

    expect(codesOf(await graphql(fixture.server, 'mutation { addClusterNode(input: { nodeId: "node-6", address: "node-6.cluster.local:7000" }) { nodeId } }'))).toEqual(['NO_QUORUM']);
    expect(codesOf(await graphql(fixture.server, `mutation { removeClusterNode(nodeId: "${crashed[0]}", force: true) }`))).toEqual(['NO_QUORUM']);

    expect(await nodeIds()).toEqual(before);
    expect(await lastAuditEntry(fixture.server, 'addClusterNode')).toMatchObject({ outcome: 'FAILURE', errorCode: 'NO_QUORUM', target: 'cluster.node/node-6' });
    expect(await lastAuditEntry(fixture.server, 'removeClusterNode')).toMatchObject({ outcome: 'FAILURE', errorCode: 'NO_QUORUM' });

    await healFault(fixture.server, faultId);
    await fixture.server.advance(5000);
    const accepted = await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: 'node-6.cluster.local:7000' });
    expect(accepted.status).toBe(201);
    expectContract('addClusterNode', accepted);
  });
});
