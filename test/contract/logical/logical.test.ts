/**
 * /api/v1/advanced-replication/logical over REST, the seeds' variant paths answering as their
 * primaries do, and the GraphQL twins. Three nodes: node-1 the primary, node-2 its standby, and
 * node-3 taken out of the replicas first (STANDALONE: writable), the subscriptions' target.
 */
import { describe, expect, test } from 'vitest';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { parseLsn } from '../../../src/engines/replication/lsn.js';

const fixture = useTestServer({ nodes: 3 });
const http = () => fixture.server.http;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const L = '/api/v1/advanced-replication/logical';
const cluster = () => fixture.server.platform.engines.replication.cluster;
const lsnOf = (text: string) => parseLsn(text);

const PUBLICATION = {
  name: 'eu_customers',
  tables: [{ table: 'customers', rowFilter: "region = 'eu'", columns: ['name', 'card', 'region'], masks: [{ column: 'card', kind: 'PARTIAL', keepLast: 4 }] }],
};

describe('logical replication', () => {
  test('publications: create (and aliases), refuse bad filters (422), get, list, change, drop', async () => {
    expect((await http().delete('/api/v1/replication/replicas/node-3').set(asAdmin)).status).toBe(200);
    cluster().put('customers', 'c1', { name: 'Ada', card: '4111111111111111', region: 'eu' });
    cluster().put('customers', 'c2', { name: 'Bob', card: '5500000000000004', region: 'us' });

    const created = await http().post(`${L}/publications`).set(asAdmin).send(PUBLICATION);
    expectContract('createLogicalPublication', created);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: 'eu_customers', nodeId: 'node-1', allTables: false, publish: ['insert', 'update', 'delete', 'truncate'], subscriptionCount: 0 });
    expect(await lastAuditEntry(fixture.server, 'createLogicalPublication')).toMatchObject({ outcome: 'SUCCESS', target: 'logical.publication/eu_customers' });

    const badFilter = await http()
      .post(`${L}/publications`)
      .set(asAdmin)
      .send({ name: 'bad', tables: [{ table: 'customers', rowFilter: "region = 'eu' AND", columns: ['phone'] }] });
    expectContract('createLogicalPublication', badFilter);
    expect(badFilter.status).toBe(422);
    expect(badFilter.body.error.details.problems).toHaveLength(2);
    const taken = await http().post(`${L}/publications`).set(asAdmin).send(PUBLICATION);
    expectContract('createLogicalPublication', taken);
    expect(taken.status).toBe(409);
    const onStandby = await http().post('/api/v1/replication/logical/publications').set(asAdmin).send({ name: 'standby_pub', nodeId: 'node-2', allTables: true });
    expectContract('createLogicalPublicationAlias', onStandby);
    expect(onStandby.status).toBe(409);
    expect(onStandby.body.error.details.role).toBe('STANDBY');

    const all = await http().post('/api/v1/replication/publications').set(asAdmin).send({ name: 'everything', allTables: true, publish: ['insert', 'update'] });
    expectContract('createLogicalPublicationReplicationAlias', all);
    expect(all.status).toBe(201);

    const list = await http().get(`${L}/publications?sort_by=name`).set(asAdmin);
    expectContract('listLogicalPublications', list);
    expect(list.body.data.map((publication: { name: string }) => publication.name)).toEqual(['eu_customers', 'everything']);
    const alias = await http().get('/api/v1/replication/logical/publications').set(asAdmin);
    expectContract('listLogicalPublicationsAlias', alias);
    expect(alias.body.pagination.total).toBe(2);
    const replicationAlias = await http().get('/api/v1/replication/publications?nodeId=node-1').set(asAdmin);
    expectContract('listLogicalPublicationsReplicationAlias', replicationAlias);
    expect(replicationAlias.body.pagination.total).toBe(2);
    const got = await http().get(`${L}/publications/eu_customers`).set(asAdmin);
    expectContract('getLogicalPublication', got);
    expect(got.body.data.tables[0]).toMatchObject({ table: 'customers', rowFilter: "region = 'eu'" });
    const gotAlias = await http().get('/api/v1/replication/logical/publications/eu_customers').set(asAdmin);
    expectContract('getLogicalPublicationAlias', gotAlias);
    const missing = await http().get(`${L}/publications/nope`).set(asAdmin);
    expectContract('getLogicalPublication', missing);
    expect(missing.status).toBe(404);

    const changed = await http().put(`${L}/publications/everything`).set(asAdmin).send({ allTables: true, publish: ['insert', 'update', 'delete'] });
    expectContract('updateLogicalPublication', changed);
    expect(changed.body.data.publish).toEqual(['insert', 'update', 'delete']);
    const badChange = await http().put(`${L}/publications/everything`).set(asAdmin).send({ tables: [{ table: 'customers', columns: ['phone'] }] });
    expectContract('updateLogicalPublication', badChange);
    expect(badChange.status).toBe(422);

    const dropped = await http().delete(`${L}/publications/everything`).set(asAdmin);
    expectContract('dropLogicalPublication', dropped);
    expect(dropped.body.data).toEqual({ id: 'everything', deleted: true });
    await http().post(`${L}/publications`).set(asAdmin).send({ name: 'scratch', tables: [{ table: 'scratch' }] });
    const droppedAlias = await http().delete('/api/v1/replication/logical/publications/scratch').set(asAdmin);
    expectContract('dropLogicalPublicationAlias', droppedAlias);
    expect(droppedAlias.status).toBe(200);

    const viewer = await http().post(`${L}/publications`).set('X-API-Key', fixture.viewerKey).send({ name: 'x', allTables: true });
    expectContract('createLogicalPublication', viewer);
    expect(viewer.status).toBe(403);
  });

  test('subscriptions: masked, filtered rows arrive on the writable node; lag moves; disable, enable, skip, drop', async () => {
    const toStandby = await http().post(`${L}/subscriptions`).set(asAdmin).send({ name: 'to_standby', publication: 'eu_customers', targetNodeId: 'node-2' });
    expectContract('createLogicalSubscription', toStandby);
    expect(toStandby.status).toBe(409);
    expect(toStandby.body.error.details.role).toBe('STANDBY');

    const created = await http().post(`${L}/subscriptions`).set(asAdmin).send({ name: 'eu_copy', publication: 'eu_customers', targetNodeId: 'node-3', origin: 'none' });
    expectContract('createLogicalSubscription', created);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ slotName: 'sub_eu_copy', tables: [{ table: 'customers', state: 'READY', copiedRows: 1 }] });
    expect(cluster().storageOf('node-3').getRow('customers', 'c1')?.row).toEqual({ name: 'Ada', card: '************1111', region: 'eu' });
    expect(cluster().storageOf('node-3').getRow('customers', 'c2')).toBeUndefined();

    cluster().put('customers', 'c3', { name: 'Cy', card: '340000000000009', region: 'eu' });
    const behind = await http().get(`${L}/subscriptions/eu_copy`).set(asAdmin);
    expectContract('getLogicalSubscription', behind);
    expect(behind.body.data.lagBytes).toBeGreaterThan(0);
    await fixture.server.advance(200);
    const caughtUp = await http().get('/api/v1/replication/logical/subscriptions/eu_copy').set(asAdmin);
    expectContract('getLogicalSubscriptionAlias', caughtUp);
    // The checkpoint (and the slot's confirmedFlushLsn with it) moved on; the running workload keeps lagBytes moving.
    expect(lsnOf(caughtUp.body.data.checkpointLsn)).toBeGreaterThan(lsnOf(behind.body.data.checkpointLsn));
    expect(caughtUp.body.data.slot.confirmedFlushLsn).toBe(caughtUp.body.data.checkpointLsn);
    expect(cluster().storageOf('node-3').getRow('customers', 'c3')?.row).toEqual({ name: 'Cy', card: '***********0009', region: 'eu' });

    const list = await http().get(`${L}/subscriptions?publication=eu_customers&sort_by=lagBytes`).set(asAdmin);
    expectContract('listLogicalSubscriptions', list);
    expect(list.body.data.map((subscription: { name: string }) => subscription.name)).toEqual(['eu_copy']);
    const listAlias = await http().get('/api/v1/replication/logical/subscriptions').set(asAdmin);
    expectContract('listLogicalSubscriptionsAlias', listAlias);
    expect(listAlias.body.pagination.total).toBe(1);
    const listReplicationAlias = await http().get('/api/v1/replication/subscriptions?targetNodeId=node-2').set(asAdmin);
    expectContract('listLogicalSubscriptionsReplicationAlias', listReplicationAlias);
    expect(listReplicationAlias.body.pagination.total).toBe(0);

    const disabled = await http().post(`${L}/subscriptions/eu_copy/disable`).set(asAdmin);
    expectContract('disableLogicalSubscription', disabled);
    expect(disabled.body.data).toMatchObject({ enabled: false, status: 'DISABLED' });
    const enabled = await http().post(`${L}/subscriptions/eu_copy/enable`).set(asAdmin);
    expectContract('enableLogicalSubscription', enabled);
    expect(enabled.body.data.enabled).toBe(true);
    const disabledAlias = await http().put('/api/v1/replication/logical/subscriptions/eu_copy/disable').set(asAdmin);
    expectContract('disableLogicalSubscriptionAlias', disabledAlias);
    const enabledAlias = await http().put('/api/v1/replication/logical/subscriptions/eu_copy/enable').set(asAdmin);
    expectContract('enableLogicalSubscriptionAlias', enabledAlias);
    expect(enabledAlias.body.data.enabled).toBe(true);

    // A conflict stops apply: node-3 already holds c4.
    cluster().commitOn('node-3', [{ op: 'put', table: 'customers', key: 'c4', row: { local: true } }]);
    cluster().put('customers', 'c4', { name: 'Di', card: '6011000000000004', region: 'eu' });
    await fixture.server.advance(200);
    const stuck = await http().get(`${L}/subscriptions/eu_copy`).set(asAdmin);
    expect(stuck.body.data.status).toBe('ERROR');
    expect(stuck.body.data.lastError.conflict).toBe('insert_exists');
    const preview = await http().put(`${L}/subscriptions/eu_copy`).set(asAdmin).send({ skip: { lsn: stuck.body.data.lastError.commitLsn, dryRun: true } });
    expectContract('updateLogicalSubscription', preview);
    expect(preview.body.data.skipResult.changes.map((change: { key: string }) => change.key)).toEqual(['c4']);
    expect(preview.body.data.status).toBe('ERROR');
    const wrongLsn = await http().put(`${L}/subscriptions/eu_copy`).set(asAdmin).send({ skip: { lsn: '0/1' } });
    expectContract('updateLogicalSubscription', wrongLsn);
    expect(wrongLsn.status).toBe(409);
    const skipped = await http().put(`${L}/subscriptions/eu_copy`).set(asAdmin).send({ skip: { lsn: stuck.body.data.lastError.commitLsn }, disableOnError: true });
    expectContract('updateLogicalSubscription', skipped);
    expect(skipped.body.data).toMatchObject({ disableOnError: true, lastError: null });
    expect(await lastAuditEntry(fixture.server, 'updateLogicalSubscription')).toMatchObject({ outcome: 'SUCCESS', target: `logical.subscription/eu_copy/skip/${stuck.body.data.lastError.commitLsn}` });
    const badChange = await http().put(`${L}/subscriptions/eu_copy`).set(asAdmin).send({ origin: 'some' });
    expectContract('updateLogicalSubscription', badChange);
    expect(badChange.status).toBe(400);

    const changes = await http().get(`${L}/changes?table=customers&publication=eu_customers&limit=10`).set(asAdmin);
    expectContract('getLogicalChanges', changes);
    expect(changes.body.data.changes.map((change: { key: string }) => change.key)).toEqual(['c1', 'c3', 'c4']);
    expect(changes.body.data.changes[0].row.card).toBe('************1111');
    const statistics = await http().get(`${L}/statistics`).set(asAdmin);
    expectContract('getLogicalStatistics', statistics);
    expect(statistics.body.data).toMatchObject({ publications: 1, subscriptions: 1, conflicts: { insert_exists: 1 } });

    const inUse = await http().delete(`${L}/publications/eu_customers`).set(asAdmin);
    expectContract('dropLogicalPublication', inUse);
    expect(inUse.status).toBe(409);
    const dropped = await http().delete(`${L}/subscriptions/eu_copy`).set(asAdmin);
    expectContract('dropLogicalSubscription', dropped);
    expect(cluster().listSlots().map((slot) => slot.slotName)).not.toContain('sub_eu_copy');

    const viaAlias = await http().post('/api/v1/replication/logical/subscriptions').set(asAdmin).send({ name: 'copy2', publication: 'eu_customers', targetNodeId: 'node-3', copyData: false });
    expectContract('createLogicalSubscriptionAlias', viaAlias);
    expect(viaAlias.status).toBe(201);
    const droppedAlias = await http().delete('/api/v1/replication/logical/subscriptions/copy2').set(asAdmin);
    expectContract('dropLogicalSubscriptionAlias', droppedAlias);
    const viaReplication = await http().post('/api/v1/replication/subscriptions').set(asAdmin).send({ name: 'copy3', publication: 'nope', targetNodeId: 'node-3' });
    expectContract('createLogicalSubscriptionReplicationAlias', viaReplication);
    expect(viaReplication.status).toBe(404);
    const missing = await http().delete(`${L}/subscriptions/nope`).set(asAdmin);
    expectContract('dropLogicalSubscription', missing);
    expect(missing.status).toBe(404);
  });

  test('GraphQL twins: the seed\'s four fields and the rest', async () => {
    const server = fixture.server;
    const created = dataOf(
      await graphql<{ createPublication: { name: string; tables: { rowFilter: string | null }[] } }>(
        server,
        'mutation($input: PublicationInput!) { createPublication(input: $input) { name tables { rowFilter masks { kind keepLast } } } }',
        { input: { name: 'gql_pub', tables: [{ table: 'customers', rowFilter: "region = 'eu'", masks: [{ column: 'card', kind: 'REDACT' }] }] } },
      ),
    );
    expect(created.createPublication).toMatchObject({ name: 'gql_pub', tables: [{ rowFilter: "region = 'eu'" }] });
    const subscribed = dataOf(
      await graphql<{ createSubscription: { name: string; status: string; slotName: string } }>(
        server,
        'mutation($input: SubscriptionInput!) { createSubscription(input: $input) { name status slotName conflictResolution { insert_exists } } }',
        { input: { name: 'gql_sub', publication: 'gql_pub', targetNodeId: 'node-3', conflictResolution: { insert_exists: 'APPLY_REMOTE' } } },
      ),
    );
    expect(subscribed.createSubscription).toMatchObject({ name: 'gql_sub', slotName: 'sub_gql_sub' });
    const read = dataOf(
      await graphql<{ logicalPublications: { name: string }[]; logicalSubscriptions: { name: string; lagBytes: number }[]; logicalPublication: { name: string } | null; logicalSubscription: { name: string } | null }>(
        server,
        '{ logicalPublications { name } logicalSubscriptions { name lagBytes counters { conflicts { insert_exists } } } logicalPublication(name: "gql_pub") { name } logicalSubscription(name: "nope") { name } }',
      ),
    );
    expect(read.logicalPublications.map((publication) => publication.name)).toContain('gql_pub');
    expect(read.logicalSubscriptions.map((subscription) => subscription.name)).toEqual(['gql_sub']);
    expect(read.logicalSubscription).toBeNull();
    const more = dataOf(
      await graphql<{ logicalChanges: { changes: unknown[] }; logicalStatistics: { subscriptions: number } }>(
        server,
        '{ logicalChanges(table: "customers", limit: 5) { nodeId changes { key op row } nextLsn } logicalStatistics { subscriptions decodedChanges } }',
      ),
    );
    expect(more.logicalStatistics.subscriptions).toBe(1);
    expect(more.logicalChanges.changes.length).toBeGreaterThan(0);
    const toggled = dataOf(
      await graphql<{ disableSubscription: { enabled: boolean }; enableSubscription: { enabled: boolean }; updateSubscription: { origin: string }; updatePublication: { publish: string[] } }>(
        server,
        'mutation { disableSubscription(name: "gql_sub") { enabled } enableSubscription(name: "gql_sub") { enabled } updateSubscription(name: "gql_sub", input: { origin: none }) { origin } updatePublication(name: "gql_pub", input: { tables: [{ table: "customers" }], publish: [insert] }) { publish } }',
      ),
    );
    expect(toggled).toEqual({ disableSubscription: { enabled: false }, enableSubscription: { enabled: true }, updateSubscription: { origin: 'none' }, updatePublication: { publish: ['insert'] } });
    const forbidden = await graphql(server, 'mutation { dropSubscription(name: "gql_sub") }', {}, { apiKey: fixture.viewerKey });
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
    const dropped = dataOf(await graphql<{ dropSubscription: boolean; dropPublication: boolean }>(server, 'mutation { dropSubscription(name: "gql_sub") dropPublication(name: "gql_pub") }'));
    expect(dropped).toEqual({ dropSubscription: true, dropPublication: true });
  });
});
