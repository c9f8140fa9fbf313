/**
 * A Raft membership change commits through the log, so without quorum it is refused with 503
 * NO_QUORUM (and Retry-After) and the configuration stays as it was. REST and GraphQL.
 */
import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { codesOf, graphql } from '../../support/graphql.js';
import { lastAuditEntry } from '../../support/audit.js';
import { healFault, loseQuorum } from '../../support/cluster-faults.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

async function configuration(): Promise<{ nodeId: string; suffrage: string }[]> {
  const response = await fixture.server.http.get('/api/v1/cluster/raft/members').set(asAdmin);
  return response.body.data.members.map(({ nodeId, suffrage }: { nodeId: string; suffrage: string }) => ({ nodeId, suffrage }));
}

describe('Raft membership without quorum', () => {
  test('adding and removing members answer 503 NO_QUORUM, even forced, and the configuration stays', async () => {
    // node-6 joins the cluster as a learner, then leaves the Raft configuration: a node to add back.
    expect((await fixture.server.http.post('/api/v1/cluster/nodes').set(asAdmin).send({ nodeId: 'node-6', address: 'node-6.cluster.local:7000', role: 'READ_ONLY' })).status).toBe(201);
    await fixture.server.advance(2000);
    expect((await fixture.server.http.delete('/api/v1/cluster/raft/members/node-6').set(asAdmin)).status).toBe(202);
    await fixture.server.advance(2000);

    const { faultId, survivors } = await loseQuorum(fixture.server);
    const before = await configuration();
    expect(before.map((member) => member.nodeId)).not.toContain('node-6');

    const add = await fixture.server.http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-6', autoPromote: false });
    expect(add.status).toBe(503);
    expectContract('addRaftMember', add);
    expect(add.headers['retry-after']).toBe('1');
    expect(add.body.error).toMatchObject({
      code: 'NO_QUORUM',
      message: 'The cluster has no quorum (2 of 5 voters are up and 3 are needed), so adding node-6 to the Raft configuration could not commit; retry once quorum returns.',
      details: { reason: 'NO_QUORUM', voters: 5, availableVoters: 2, quorumSize: 3, retryAfterSeconds: 1 },
    });
    const remove = await fixture.server.http.delete(`/api/v1/cluster/raft/members/${survivors[1]}?force=true`).set(asAdmin);
    expect(remove.status).toBe(503);
    expectContract('removeRaftMember', remove);
    expect(remove.body.error.code).toBe('NO_QUORUM');

    expect(codesOf(await graphql(fixture.server, 'mutation { addRaftMember(nodeId: "node-6", autoPromote: false) { voters } }'))).toEqual(['NO_QUORUM']);
    expect(codesOf(await graphql(fixture.server, `mutation { removeRaftMember(nodeId: "${survivors[1]}", force: true) { voters } }`))).toEqual(['NO_QUORUM']);

    expect(await configuration()).toEqual(before);
    expect(await lastAuditEntry(fixture.server, 'addRaftMember')).toMatchObject({ outcome: 'FAILURE', errorCode: 'NO_QUORUM', target: 'raft.member/node-6' });
    expect(await lastAuditEntry(fixture.server, 'removeRaftMember')).toMatchObject({ outcome: 'FAILURE', errorCode: 'NO_QUORUM' });

    // Quorum back: the same addition is accepted.
    await healFault(fixture.server, faultId);
    await fixture.server.advance(5000);
    const accepted = await fixture.server.http.post('/api/v1/cluster/raft/members/add').set(asAdmin).send({ nodeId: 'node-6', autoPromote: false });
    expect(accepted.status).toBe(202);
    expectContract('addRaftMember', accepted);
  });
});
