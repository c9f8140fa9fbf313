/**
 * /api/v1/advanced-replication/multi-master and the group conflicts of /api/v1/geo-replication
 * over REST, the seeds' variant paths answering as their primaries do, the GraphQL twins and
 * multiMasterConvergence. Four nodes: node-1 the primary; node-3 and node-4 are taken out of the
 * replicas first, so three nodes take writes; node-2 stays a standby (refused as a site).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { closeAllStreams, graphqlWsClient, listenOnLoopback, nextFeedOpened, subscribe } from '../../support/socket.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 4 });
const http = () => fixture.server.http;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const M = '/api/v1/advanced-replication/multi-master';
/** Cluster time moves through the API, which also delivers the events of what happened. */
const advance = async (ms: number) => expect((await http().post('/api/v1/simulation/advance').set(asAdmin).send({ ms })).status).toBe(200);

beforeAll(async () => {
  for (const nodeId of ['node-3', 'node-4']) expect((await http().delete(`/api/v1/replication/replicas/${nodeId}`).set(asAdmin)).status).toBe(200);
});
afterAll(() => closeAllStreams());

describe('groups and sites', () => {
  test('create (and its aliases), refuse a standby (409), bad quorums (422), a taken table (409); get, list, update, delete', async () => {
    const standby = await http().post(`${M}/groups`).set(asAdmin).send({ name: 'x', tables: ['x'], sites: [{ nodeId: 'node-1' }, { nodeId: 'node-2' }] });
    expectContract('createMultiMasterGroup', standby);
    expect(standby.status).toBe(409);
    expect(standby.body.error.details).toMatchObject({ nodeId: 'node-2', role: 'STANDBY' });

    const badQuorum = await http().post(`${M}/groups`).set(asAdmin).send({ name: 'x', tables: ['x'], sites: [{ nodeId: 'node-1' }], writeQuorum: 2 });
    expectContract('createMultiMasterGroup', badQuorum);
    expect(badQuorum.status).toBe(422);
    expect((await http().get(`${M}/groups`).set(asAdmin)).body.data).toEqual([]);

    const created = await http()
      .post(`${M}/groups`)
      .set(asAdmin)
      .send({ groupId: 'orders-mm', name: 'Orders', tables: ['orders'], sites: [{ nodeId: 'node-1' }, { nodeId: 'node-3' }], writeQuorum: 1, readQuorum: 1 });
    expectContract('createMultiMasterGroup', created);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ groupId: 'orders-mm', conflictStrategy: 'LAST_WRITER_WINS', converged: true });
    expect(created.body.data.sites.map((site: { siteId: string; writeRole: string }) => [site.siteId, site.writeRole])).toEqual([['node-1', 'PRIMARY'], ['node-3', 'STANDALONE']]);
    expect(await lastAuditEntry(fixture.server, 'createMultiMasterGroup')).toMatchObject({ outcome: 'SUCCESS', target: 'multi-master.group/orders-mm' });

    const taken = await http().post('/api/v1/replication/multi-master/groups').set(asAdmin).send({ name: 'y', tables: ['orders'], sites: [{ nodeId: 'node-4' }] });
    expectContract('createMultiMasterGroupAlias', taken);
    expect(taken.status).toBe(409);
    const viaGroups = await http().post('/api/v1/replication/groups').set(asAdmin).send({ groupId: 'scratch', name: 'Scratch', tables: ['scratch'], sites: [{ nodeId: 'node-4' }] });
    expectContract('createReplicationGroupAlias', viaGroups);
    expect(viaGroups.status).toBe(201);

    const list = await http().get(`${M}/groups`).set(asAdmin);
    expectContract('listMultiMasterGroups', list);
    expect(list.body.data.map((group: { groupId: string }) => group.groupId)).toEqual(['orders-mm', 'scratch']);
    expectContract('listMultiMasterGroupsAlias', await http().get('/api/v1/replication/multi-master/groups?limit=1').set(asAdmin));
    expectContract('listReplicationGroupsAlias', await http().get('/api/v1/replication/groups').set(asAdmin));

    const got = await http().get(`${M}/groups/orders-mm`).set(asAdmin);
    expectContract('getMultiMasterGroup', got);
    expect(got.body.data.tables).toEqual(['orders']);
    expectContract('getMultiMasterGroupAlias', await http().get('/api/v1/replication/multi-master/groups/orders-mm').set(asAdmin));
    const missing = await http().get('/api/v1/replication/groups/none').set(asAdmin);
    expectContract('getReplicationGroupAlias', missing);
    expect(missing.status).toBe(404);

    const updated = await http().put(`${M}/groups/orders-mm`).set(asAdmin).send({ conflictStrategy: 'SITE_PRIORITY' });
    expectContract('updateMultiMasterGroup', updated);
    expect(updated.body.data.conflictStrategy).toBe('SITE_PRIORITY');
    const tooMany = await http().put(`${M}/groups/orders-mm`).set(asAdmin).send({ readQuorum: 3 });
    expectContract('updateMultiMasterGroup', tooMany);
    expect(tooMany.status).toBe(422);
    expect((await http().put(`${M}/groups/orders-mm`).set(asAdmin).send({ conflictStrategy: 'LAST_WRITER_WINS' })).status).toBe(200);

    const viewer = await http().delete(`${M}/groups/scratch`).set({ 'X-API-Key': fixture.viewerKey });
    expectContract('deleteMultiMasterGroup', viewer);
    expect(viewer.status).toBe(403);
    const deleted = await http().delete('/api/v1/replication/groups/scratch').set(asAdmin);
    expectContract('deleteReplicationGroupAlias', deleted);
    expect(deleted.body.data).toEqual({ id: 'scratch', deleted: true });
    expectContract('deleteMultiMasterGroupAlias', await http().delete('/api/v1/replication/multi-master/groups/scratch').set(asAdmin));
    expectContract('deleteMultiMasterGroup', await http().delete(`${M}/groups/scratch`).set(asAdmin));
  });

  test('add a site (it gets the data by anti-entropy), remove one, list sites', async () => {
    const added = await http().post(`${M}/groups/orders-mm/sites`).set(asAdmin).send({ nodeId: 'node-4', priority: 3 });
    expectContract('addMultiMasterSite', added);
    expect(added.status).toBe(201);
    expect(added.body.data.sites).toHaveLength(3);
    const again = await http().post('/api/v1/replication/multi-master/groups/orders-mm/sites').set(asAdmin).send({ nodeId: 'node-4' });
    expectContract('addMultiMasterSiteAlias', again);
    expect(again.status).toBe(409);

    const sites = await http().get(`${M}/sites?groupId=orders-mm`).set(asAdmin);
    expectContract('listMultiMasterSites', sites);
    expect(sites.body.data.map((site: { siteId: string }) => site.siteId)).toEqual(['node-1', 'node-3', 'node-4']);

    const removed = await http().delete(`${M}/groups/orders-mm/sites/node-4`).set(asAdmin);
    expectContract('removeMultiMasterSite', removed);
    expect(removed.body.data.sites).toHaveLength(2);
    const gone = await http().delete('/api/v1/replication/multi-master/groups/orders-mm/sites/node-4').set(asAdmin);
    expectContract('removeMultiMasterSiteAlias', gone);
    expect(gone.status).toBe(404);
  });
});

describe('replicate, conflicts, quorum and convergence', () => {
  test('writes replicate both ways; concurrent writes are one conflict; it is resolved by hand everywhere', async () => {
    const write = (siteId: string, total: number) =>
      http().post(`${M}/replicate`).set(asAdmin).send({ groupId: 'orders-mm', mode: 'WRITE', siteId, writes: [{ op: 'put', table: 'orders', key: 'o-1', row: { total } }] });
    expect((await http().put(`${M}/groups/orders-mm`).set(asAdmin).send({ conflictStrategy: 'CUSTOM' })).status).toBe(200);
    // Partitioned, the two sites cannot see each other's writes: both are concurrent.
    const partition = await http().post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'partition', groups: [['node-1'], ['node-3']] });
    expect(partition.status).toBe(201);
    const first = await write('node-1', 10);
    expectContract('replicateMultiMaster', first);
    expect(first.status).toBe(200);
    expect(first.body.data.write).toMatchObject({ state: 'COMMITTED', acknowledgedBy: ['node-1'], versions: [{ table: 'orders', key: 'o-1', clock: { 'node-1': 1 } }] });
    const outside = await http().post(`${M}/replicate`).set(asAdmin).send({ groupId: 'orders-mm', mode: 'WRITE', siteId: 'node-1', writes: [{ op: 'put', table: 'other', key: 'k', row: {} }] });
    expectContract('replicateMultiMaster', outside);
    expect(outside.status).toBe(422);
    await advance(10);
    expect(await write('node-3', 20)).toMatchObject({ status: 200 });
    await advance(500);
    expect((await http().delete(`/api/v1/simulation/faults/${partition.body.data.id}`).set(asAdmin)).status).toBe(200);
    await advance(1000);

    const conflicts = await http().get('/api/v1/geo-replication/conflicts?groupId=orders-mm').set(asAdmin);
    expectContract('listGeoReplicationConflicts', conflicts);
    expect(conflicts.body.data).toHaveLength(1);
    const [conflict] = conflicts.body.data;
    // CUSTOM waits for a row; meanwhile the later write is in place at both sites.
    expect(conflict).toMatchObject({ table: 'orders', key: 'o-1', strategy: 'CUSTOM', status: 'PENDING', winner: null, resolvedRow: null });
    expect([conflict.local.siteId, conflict.remote.siteId].sort()).toEqual(['node-1', 'node-3']);

    const read = await http().post(`${M}/replicate`).set(asAdmin).send({ groupId: 'orders-mm', mode: 'READ', siteId: 'node-1', rows: [{ table: 'orders', key: 'o-1' }] });
    expectContract('replicateMultiMaster', read);
    expect(read.body.data.read.rows[0].row).toEqual({ total: 20 });

    const resolved = await http().post('/api/v1/geo-replication/conflicts/resolve').set(asAdmin).send({ conflictId: conflict.conflictId, value: { total: 30 } });
    expectContract('resolveGeoReplicationConflict', resolved);
    expect(resolved.body.data).toMatchObject({ status: 'RESOLVED', winner: 'CUSTOM', resolvedRow: { total: 30 } });
    const again = await http().post('/api/v1/geo-replication/conflicts/resolve').set(asAdmin).send({ conflictId: conflict.conflictId, value: { total: 31 } });
    expectContract('resolveGeoReplicationConflict', again);
    expect(again.status).toBe(409);
    const unknown = await http().post('/api/v1/geo-replication/conflicts/resolve').set(asAdmin).send({ conflictId: 'group-conflict-none' });
    expectContract('resolveGeoReplicationConflict', unknown);
    expect(unknown.status).toBe(404);
    await advance(500);
    for (const nodeId of ['node-1', 'node-3']) expect(fixture.server.platform.engines.replication.cluster.storageOf(nodeId).getRow('orders', 'o-1')?.row).toEqual({ total: 30 });

    expect((await http().put(`${M}/groups/orders-mm`).set(asAdmin).send({ conflictStrategy: 'LAST_WRITER_WINS' })).status).toBe(200);
    const push = await http().post(`${M}/replicate`).set(asAdmin).send({ groupId: 'orders-mm', mode: 'PUSH' });
    expectContract('replicateMultiMaster', push);
    expect(push.body.data.push).toEqual({ changesSent: 0 });
    const antiEntropy = await http().post(`${M}/replicate`).set(asAdmin).send({ groupId: 'orders-mm', mode: 'ANTI_ENTROPY' });
    expectContract('replicateMultiMaster', antiEntropy);
    expect(antiEntropy.body.data.antiEntropy.pairs).toEqual([{ siteA: 'node-1', siteB: 'node-3', rangesCompared: 16, rangesDescended: 0, keysRepaired: 0 }]);
  });

  test('a quorum write that cannot be acknowledged fails with 503 and writes nothing; quorum status says why', async () => {
    expect((await http().put(`${M}/groups/orders-mm`).set(asAdmin).send({ writeQuorum: 2 })).status).toBe(200);
    const fault = await http().post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'partition', groups: [['node-1'], ['node-3']] });
    expect(fault.status).toBe(201);
    const status = await http().get(`${M}/quorum-status?groupId=orders-mm`).set(asAdmin);
    expectContract('getMultiMasterQuorumStatus', status);
    expect(status.body.data[0]).toMatchObject({ reachableSites: 1, writeQuorumReachable: false, readQuorumReachable: true });

    const pending = http().post(`${M}/replicate`).set(asAdmin).send({ groupId: 'orders-mm', mode: 'WRITE', siteId: 'node-1', writes: [{ op: 'put', table: 'orders', key: 'o-2', row: { total: 1 } }] });
    const answer = await pending;
    // The clock is manual here: the write waits (202), then fails at its timeout on the cluster clock.
    expectContract('replicateMultiMaster', answer);
    expect(answer.status).toBe(202);
    await advance(3000);
    expect(fixture.server.platform.engines.replication.cluster.storageOf('node-1').getRow('orders', 'o-2')).toBeUndefined();
    const statistics = await http().get(`${M}/statistics`).set(asAdmin);
    expectContract('getMultiMasterStatistics', statistics);
    expect(statistics.body.data.perGroup[0].counters).toMatchObject({ writesFailed: 1, conflictsDetected: 2 });
    expectContract('getMultiMasterStatisticsAlias', await http().get('/api/v1/replication/multi-master/stats').set(asAdmin));
    expect((await http().delete(`/api/v1/simulation/faults/${fault.body.data.id}`).set(asAdmin)).status).toBe(200);
    expect((await http().put(`${M}/groups/orders-mm`).set(asAdmin).send({ writeQuorum: 1 })).status).toBe(200);
  });

  test('convergence reports agreement and how long it took; multiMasterConvergence streams it', async () => {
    const { wsUrl } = await listenOnLoopback(fixture.server);
    const client = graphqlWsClient(wsUrl, asAdmin);
    try {
      const opened = nextFeedOpened(fixture.server);
      const stream = subscribe<{ multiMasterConvergence: { convergence: { groupId: string; converged: boolean; lastConvergenceMs: number | null } } }>(client, {
        query: 'subscription { multiMasterConvergence { cursor time convergence { groupId converged lastConvergenceMs } } }',
      });
      await opened;
      await http().post(`${M}/replicate`).set(asAdmin).send({ groupId: 'orders-mm', mode: 'WRITE', siteId: 'node-3', writes: [{ op: 'delete', table: 'orders', key: 'o-1' }] });
      await advance(300);
      const diverged = (await stream.results.next()).data!.multiMasterConvergence.convergence;
      expect(diverged).toMatchObject({ groupId: 'orders-mm', converged: false });
      const converged = (await stream.results.next()).data!.multiMasterConvergence.convergence;
      expect(converged.converged).toBe(true);
      expect(converged.lastConvergenceMs).toBeGreaterThan(0);
      stream.unsubscribe();
    } finally {
      await client.dispose();
    }
    const report = await http().get(`${M}/convergence`).set(asAdmin);
    expectContract('getMultiMasterConvergence', report);
    expect(report.body.data[0]).toMatchObject({ groupId: 'orders-mm', converged: true });
    expect(report.body.data[0].agreement[0].siteIds).toEqual(['node-1', 'node-3']);
    expectContract('getMultiMasterConvergenceAlias', await http().get('/api/v1/replication/multi-master/convergence?groupId=orders-mm').set(asAdmin));
    const unknown = await http().get(`${M}/convergence?groupId=none`).set(asAdmin);
    expectContract('getMultiMasterConvergence', unknown);
    expect(unknown.status).toBe(404);
  });
});

describe('GraphQL twins', () => {
  test('queries and mutations answer as REST does', async () => {
    const groups = dataOf(await graphql<{ multiMasterGroups: { groupId: string; sites: { siteId: string }[] }[] }>(fixture.server, 'query { multiMasterGroups { groupId sites { siteId dataHash } } }'));
    expect(groups.multiMasterGroups.map((group) => group.groupId)).toEqual(['orders-mm']);
    expect(dataOf(await graphql<{ multiMasterGroup: null }>(fixture.server, 'query { multiMasterGroup(id: "none") { groupId } }')).multiMasterGroup).toBeNull();

    const created = await graphql<{ createReplicationGroup: { groupId: string; conflictStrategy: string } }>(
      fixture.server,
      'mutation($input: ReplicationGroupInput!) { createReplicationGroup(input: $input) { groupId conflictStrategy writeQuorum } }',
      { input: { groupId: 'likes-mm', name: 'Likes', tables: ['likes'], sites: [{ nodeId: 'node-3' }, { nodeId: 'node-4' }], conflictStrategy: 'CRDT_PER_COLUMN', columnCrdts: { likes: 'PN_COUNTER' }, writeQuorum: 1, readQuorum: 1 } },
    );
    expect(dataOf(created).createReplicationGroup).toMatchObject({ groupId: 'likes-mm', conflictStrategy: 'CRDT_PER_COLUMN' });
    const standby = await graphql(fixture.server, 'mutation { addSiteToGroup(groupId: "likes-mm", site: { nodeId: "node-2" }) { groupId } }');
    expect(codesOf(standby)).toEqual(['CONFLICT']);
    const added = await graphql<{ addSiteToGroup: { sites: unknown[] } }>(fixture.server, 'mutation { addSiteToGroup(groupId: "likes-mm", site: { nodeId: "node-1" }) { sites { siteId } } }');
    expect(dataOf(added).addSiteToGroup.sites).toHaveLength(3);
    expect(dataOf(await graphql<{ removeSiteFromGroup: boolean }>(fixture.server, 'mutation { removeSiteFromGroup(groupId: "likes-mm", siteId: "node-1") }')).removeSiteFromGroup).toBe(true);
    const updated = await graphql<{ updateReplicationGroup: { name: string } }>(fixture.server, 'mutation { updateReplicationGroup(id: "likes-mm", input: { name: "Likes everywhere" }) { name } }');
    expect(dataOf(updated).updateReplicationGroup.name).toBe('Likes everywhere');

    const replicate = (siteId: string, likes: number) =>
      graphql<{ replicateMultiMaster: { write: { state: string } } }>(
        fixture.server,
        'mutation($input: ReplicateMultiMasterInput!) { replicateMultiMaster(input: $input) { mode write { state dot: versions { dot } } } }',
        { input: { groupId: 'likes-mm', mode: 'WRITE', siteId, writes: [{ op: 'put', table: 'likes', key: 'post-1', row: { likes } }] } },
      );
    expect(dataOf(await replicate('node-3', 2)).replicateMultiMaster.write.state).toBe('COMMITTED');
    expect(dataOf(await replicate('node-4', 3)).replicateMultiMaster.write.state).toBe('COMMITTED');
    await advance(500);
    // Concurrent +2 and +3 on a PN-counter column: 5 at both sites.
    for (const nodeId of ['node-3', 'node-4']) expect(fixture.server.platform.engines.replication.cluster.storageOf(nodeId).getRow('likes', 'post-1')?.row).toEqual({ likes: 5 });

    const reads = dataOf(
      await graphql<{ multiMasterSites: unknown[]; multiMasterQuorumStatus: { writeQuorumReachable: boolean }[]; multiMasterConvergenceStatus: { converged: boolean }[]; multiMasterStatistics: { groups: number } }>(
        fixture.server,
        'query { multiMasterSites(groupId: "likes-mm") { siteId rowCount } multiMasterQuorumStatus(groupId: "likes-mm") { writeQuorumReachable } multiMasterConvergenceStatus(groupId: "likes-mm") { converged p99ConvergenceMs } multiMasterStatistics { groups totals { writesCommitted } } }',
      ),
    );
    expect(reads.multiMasterSites).toHaveLength(2);
    expect(reads.multiMasterQuorumStatus[0]!.writeQuorumReachable).toBe(true);
    expect(reads.multiMasterConvergenceStatus[0]!.converged).toBe(true);
    expect(reads.multiMasterStatistics.groups).toBe(2);

    const conflicts = dataOf(await graphql<{ geoReplicationConflicts: { conflictId: string; strategy: string }[] }>(fixture.server, 'query { geoReplicationConflicts(groupId: "likes-mm") { conflictId strategy reason } }'));
    expect(conflicts.geoReplicationConflicts).toHaveLength(1);
    expect(conflicts.geoReplicationConflicts[0]!.strategy).toBe('CRDT_PER_COLUMN');
    const resolved = await graphql<{ resolveGeoReplicationConflict: { status: string } }>(fixture.server, 'mutation($input: ResolveMultiMasterConflictInput!) { resolveGeoReplicationConflict(input: $input) { status resolvedRow } }', {
      input: { conflictId: conflicts.geoReplicationConflicts[0]!.conflictId, strategy: 'LAST_WRITER_WINS' },
    });
    // Merged on arrival, it is RESOLVED already.
    expect(codesOf(resolved)).toEqual(['CONFLICT']);
    expect(dataOf(await graphql<{ deleteReplicationGroup: boolean }>(fixture.server, 'mutation { deleteReplicationGroup(id: "likes-mm") }')).deleteReplicationGroup).toBe(true);
  });
});
