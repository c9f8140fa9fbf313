/**
 * /api/v1/advanced-replication/sharding tables, shards, rows, routing, analysis and statistics
 * over REST, the seeds' variant paths (/api/v1/sharding/…, /api/v1/replication/sharding/…)
 * answering as their primaries do, the GraphQL twins, and /api/v1/ws/cluster/sharding. Three
 * nodes: node-1 is the primary (the one writable node), node-2 and node-3 its standbys.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { closeAllStreams, graphqlWsClient, isEventOfType, listenOnLoopback, nextFeedOpened, openStream, subscribe } from '../../support/socket.js';
import { configureStream, expectFramesInContract, payloadOf } from '../../support/stream-contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 3 });
const http = () => fixture.server.http;
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const S = '/api/v1/advanced-replication/sharding';

const ORDERS = {
  tableName: 'orders',
  columns: [
    { name: 'customer_id', type: 'INTEGER' },
    { name: 'order_id', type: 'INTEGER' },
    { name: 'total', type: 'NUMBER' },
  ],
  shardKeyColumns: ['customer_id'],
  primaryKeyColumns: ['customer_id', 'order_id'],
  strategy: { type: 'HASH', numShards: 4 },
};
const EVENTS = {
  tableName: 'events',
  columns: [
    { name: 'day', type: 'STRING' },
    { name: 'kind', type: 'STRING' },
  ],
  shardKeyColumns: ['day'],
  strategy: {
    type: 'RANGE',
    ranges: [
      { lowerBound: null, upperBound: '2026-07-01' },
      { lowerBound: '2026-07-01', upperBound: '2027-01-01' },
      { lowerBound: '2027-01-01', upperBound: null },
    ],
  },
};
const REGIONS = {
  tableName: 'regions',
  columns: [{ name: 'region', type: 'STRING' }],
  shardKeyColumns: ['region'],
  strategy: { type: 'LIST', lists: [{ values: ['eu', 'uk'] }, { values: ['us'] }] },
};
/** 40 orders of customers 1 to 20. */
const orderRows = Array.from({ length: 40 }, (_, index) => ({ customer_id: (index % 20) + 1, order_id: Math.floor(index / 20) + 1, total: index * 2.5 }));

afterAll(() => closeAllStreams());

describe('sharded tables', () => {
  test('create (and its two aliases), refuse a bad definition with every problem (422) and a taken name (409)', async () => {
    const created = await http().post(`${S}/tables`).set(asAdmin).send(ORDERS);
    expectContract('createShardedTable', created);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ tableName: 'orders', shardGroup: 'orders', shardCount: 4, primaryKeyColumns: ['customer_id', 'order_id'], rowCount: 0 });
    expect(created.body.data.strategy).toEqual({ type: 'HASH', numShards: 4, hashFunction: 'DEFAULT', keyColumns: ['customer_id'] });
    expect(created.body.data.shards.map((shard: { id: string; status: string; primaryNodeId: string }) => [shard.id, shard.status, shard.primaryNodeId])).toEqual(
      [1, 2, 3, 4].map((number) => [`orders-shard-${number}`, 'ACTIVE', 'node-1']),
    );
    expect(await lastAuditEntry(fixture.server, 'createShardedTable')).toMatchObject({ outcome: 'SUCCESS', target: 'sharding.table/orders' });

    const viaAlias = await http().post('/api/v1/sharding/tables').set(asAdmin).send(EVENTS);
    expectContract('createShardedTableAlias', viaAlias);
    expect(viaAlias.status).toBe(201);
    const viaReplication = await http().post('/api/v1/replication/sharding/tables').set(asAdmin).send(REGIONS);
    expectContract('createShardedTableReplicationAlias', viaReplication);
    expect(viaReplication.status).toBe(201);
    expect(viaReplication.body.data.strategy).toMatchObject({ type: 'LIST', defaultShard: false });

    const bad = await http()
      .post(`${S}/tables`)
      .set(asAdmin)
      .send({ ...EVENTS, tableName: 'bad_events', shardKeyColumns: ['day'], strategy: { type: 'RANGE', ranges: [{ lowerBound: null, upperBound: '2026-07-01' }, { lowerBound: '2026-06-01', upperBound: null }] } });
    expectContract('createShardedTable', bad);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems).toEqual([expect.stringContaining("overlaps strategy.ranges[0] [-∞, '2026-07-01') on ['2026-06-01', '2026-07-01')")]);
    const twoProblems = await http()
      .post(`${S}/tables`)
      .set(asAdmin)
      .send({ ...REGIONS, tableName: 'bad_regions', shardKeyColumns: ['country'], strategy: { type: 'LIST', lists: [{ values: ['eu', 'us'] }, { values: ['us'] }] } });
    expectContract('createShardedTable', twoProblems);
    expect(twoProblems.status).toBe(422);
    expect(twoProblems.body.error.details.problems.length).toBeGreaterThanOrEqual(1);
    expect(twoProblems.body.error.details.problems[0]).toContain('key column "country" is not a column of bad_regions');

    const taken = await http().post(`${S}/tables`).set(asAdmin).send(ORDERS);
    expectContract('createShardedTable', taken);
    expect(taken.status).toBe(409);
    expect(taken.body.error.details.reason).toBe('ALREADY_EXISTS');
  });

  test('list, filter, sparse fields, get, alter, and the aliases answering the same', async () => {
    const list = await http().get(`${S}/tables`).set(asAdmin);
    expectContract('listShardedTables', list);
    expect(list.body.data.map((table: { tableName: string }) => table.tableName)).toEqual(['events', 'orders', 'regions']);
    const alias = await http().get('/api/v1/sharding/tables').set(asAdmin);
    expectContract('listShardedTablesAlias', alias);
    expect(alias.body.data).toEqual(list.body.data);
    const ranged = await http().get(`${S}/tables?strategy=RANGE&fields=shardCount`).set(asAdmin);
    expectContract('listShardedTables', ranged, { sparse: true });
    expect(ranged.body.data).toEqual([{ tableName: 'events', shardCount: 3 }]);

    const one = await http().get(`${S}/tables/events`).set(asAdmin);
    expectContract('getShardedTable', one);
    expect(one.body.data.shards.map((shard: { metadata: { bounds: { range: unknown }[] } }) => shard.metadata.bounds[0]!.range)).toEqual(EVENTS.strategy.ranges);
    const oneAlias = await http().get('/api/v1/sharding/tables/events').set(asAdmin);
    expectContract('getShardedTableAlias', oneAlias);
    expect(oneAlias.body.data).toEqual(one.body.data);
    const unknown = await http().get(`${S}/tables/invoices`).set(asAdmin);
    expectContract('getShardedTable', unknown);
    expect(unknown.status).toBe(404);

    const altered = await http().put(`${S}/tables/orders`).set(asAdmin).send({ addColumns: [{ name: 'paid', type: 'BOOLEAN' }] });
    expectContract('updateShardedTable', altered);
    expect(altered.status).toBe(200);
    expect(altered.body.data.columns.at(-1)).toEqual({ name: 'paid', type: 'BOOLEAN' });
    const again = await http().put(`${S}/tables/orders`).set(asAdmin).send({ addColumns: [{ name: 'paid', type: 'BOOLEAN' }] });
    expectContract('updateShardedTable', again);
    expect(again.status).toBe(422);
  });
});

describe('rows and routes', () => {
  test('rows are written by key to their shards, counted from storage, and read per shard', async () => {
    const written = await http().post(`${S}/tables/orders/rows`).set(asAdmin).send({ rows: orderRows });
    expectContract('writeShardedRows', written);
    expect(written.status).toBe(200);
    expect(written.body.data.rowsWritten).toBe(40);
    expect(written.body.data.shards.reduce((sum: number, shard: { rows: number }) => sum + shard.rows, 0)).toBe(40);
    expect(written.body.data.shards.every((shard: { nodeId: string }) => shard.nodeId === 'node-1')).toBe(true);

    const shards = await http().get(`${S}/tables/orders/shards`).set(asAdmin);
    expectContract('listTableShards', shards);
    const counts = shards.body.data.map((shard: { rowCount: number }) => shard.rowCount);
    expect(counts.reduce((sum: number, count: number) => sum + count, 0)).toBe(40);
    expect(counts).toEqual(written.body.data.shards.map((shard: { rows: number }) => shard.rows));
    const alias = await http().get('/api/v1/sharding/tables/orders/shards?sort_by=rowCount&order=desc&limit=1').set(asAdmin);
    expectContract('listTableShardsAlias', alias);
    expect(alias.body.data[0].rowCount).toBe(Math.max(...counts));

    const shard = await http().get(`${S}/tables/orders/shards/orders-shard-3`).set(asAdmin);
    expectContract('getTableShard', shard);
    expect(shard.body.data).toMatchObject({ id: 'orders-shard-3', name: 'orders_3', shardNumber: 3, rowCount: counts[2], replicaNodeIds: ['node-2', 'node-3'] });
    const missing = await http().get(`${S}/tables/orders/shards/orders-shard-9`).set(asAdmin);
    expectContract('getTableShard', missing);
    expect(missing.status).toBe(404);

    const rows = await http().get(`${S}/tables/orders/shards/orders_3/rows?limit=2`).set(asAdmin);
    expectContract('listShardRows', rows);
    expect(rows.body.pagination).toMatchObject({ total: counts[2], limit: 2 });
    expect(rows.body.data).toHaveLength(2);

    const mistyped = await http().post(`${S}/tables/orders/rows`).set(asAdmin).send({ rows: [{ customer_id: '7', order_id: 1 }] });
    expectContract('writeShardedRows', mistyped);
    expect(mistyped.status).toBe(422);
    expect(mistyped.body.error.details.problems[0]).toContain('rows[0].customer_id');
  });

  test('a key routes to its one shard and node with the hash and token range; a predicate prunes with the reason', async () => {
    const key = await http().post(`${S}/query/route`).set(asAdmin).send({ table: 'orders', key: { customer_id: 42 }, operation: 'WRITE' });
    expectContract('routeShardQuery', key);
    expect(key.body.data).toMatchObject({ mode: 'KEY', singleShard: true, scatter: false });
    expect(key.body.data.key.reasons).toEqual([
      { strategy: 'HASH', keyColumns: ['customer_id'], keyText: '42', hashFunction: 'DEFAULT', hashValue: 3159925814, bucket: 2, tokenRange: { startToken: 2147483648, endToken: 3221225471 }, vnodeToken: null },
    ]);
    expect(key.body.data.shards).toEqual([
      { shardId: 'orders-shard-3', shardName: 'orders_3', shardNumber: 3, status: 'ACTIVE', nodeId: 'node-1', primaryNodeId: 'node-1', replicaNodeIds: ['node-2', 'node-3'], served: true, unservedReason: null },
    ]);

    const predicate = await http()
      .post(`${S}/query/route`)
      .set(asAdmin)
      .send({ table: 'orders', conditions: [{ column: 'customer_id', op: 'IN', values: [42, 7] }, { column: 'total', op: 'GT', value: 100 }] });
    expectContract('routeShardQuery', predicate);
    expect(predicate.body.data.levels[0]).toMatchObject({ buckets: [0, 2], pruned: true, why: '2 keys hashed with DEFAULT: 42 → 3159925814, 7 → 602572328' });
    expect(predicate.body.data.shards.map((shard: { shardNumber: number }) => shard.shardNumber)).toEqual([1, 3]);
    expect(predicate.body.data.unusedConditions).toEqual([{ column: 'total', op: 'GT', value: 100 }]);

    const range = await http().post(`${S}/query/route`).set(asAdmin).send({ table: 'events', key: { day: '2026-11-21' } });
    expectContract('routeShardQuery', range);
    expect(range.body.data.key.reasons[0]).toMatchObject({ strategy: 'RANGE', rangeIndex: 1, range: { lowerBound: '2026-07-01', upperBound: '2027-01-01' } });

    const both = await http().post(`${S}/query/route`).set(asAdmin).send({ table: 'orders', key: { customer_id: 1 }, conditions: [] });
    expectContract('routeShardQuery', both);
    expect(both.status).toBe(422);
    const noList = await http().post(`${S}/query/route`).set(asAdmin).send({ table: 'regions', key: { region: 'jp' } });
    expectContract('routeShardQuery', noList);
    expect(noList.status).toBe(422);
  });

  test('a READ_ONLY shard refuses writes (409, nothing written) and still serves reads', async () => {
    const readOnly = await http().put(`${S}/tables/orders/shards/orders-shard-3/status`).set(asAdmin).send({ status: 'READ_ONLY', reason: 'maintenance' });
    expectContract('setShardStatus', readOnly);
    expect(readOnly.body.data.status).toBe('READ_ONLY');
    expect(await lastAuditEntry(fixture.server, 'setShardStatus')).toMatchObject({ outcome: 'SUCCESS', target: 'sharding.shard/orders/orders-shard-3' });
    const changes = await http().get('/api/v1/events?types=shard_state_changed&resourceId=node-1').set(asAdmin);
    expectContract('listEvents', changes);
    expect(changes.body.data.at(-1).payload).toEqual({ tableNames: ['orders'], shardId: 'orders-shard-3', from: 'ACTIVE', to: 'READ_ONLY', actor: 'OPERATOR', nodeIds: ['node-1'] });

    const before = (await http().get(`${S}/tables/orders`).set(asAdmin)).body.data.rowCount;
    const refused = await http().post(`${S}/tables/orders/rows`).set(asAdmin).send({ rows: [{ customer_id: 1, order_id: 9 }, { customer_id: 42, order_id: 1 }] });
    expectContract('writeShardedRows', refused);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: 'SHARD_NOT_WRITABLE', state: 'READ_ONLY' });
    expect((await http().get(`${S}/tables/orders`).set(asAdmin)).body.data.rowCount).toBe(before);

    const reads = await http().get(`${S}/tables/orders/shards/orders-shard-3/rows`).set(asAdmin);
    expectContract('listShardRows', reads);
    expect(reads.status).toBe(200);
    const route = await http().post(`${S}/query/route`).set(asAdmin).send({ table: 'orders', key: { customer_id: 42 }, operation: 'WRITE' });
    expect(route.body.data.shards[0]).toMatchObject({ served: false, unservedReason: 'the shard is READ_ONLY: it takes no writes' });

    const viewer = await http().put(`${S}/tables/orders/shards/orders-shard-3/status`).set('X-API-Key', fixture.viewerKey).send({ status: 'ACTIVE' });
    expectContract('setShardStatus', viewer);
    expect(viewer.status).toBe(403);
    const active = await http().put(`${S}/tables/orders/shards/orders-shard-3/status`).set(asAdmin).send({ status: 'ACTIVE' });
    expectContract('setShardStatus', active);
    expect(active.body.data.status).toBe('ACTIVE');
  });
});

describe('shards added, analysis, statistics, drops', () => {
  test('a RANGE table splits its last range (201); a DEFAULT-hashed table cannot take a shard (422)', async () => {
    const added = await http().post(`${S}/tables/events/shards`).set(asAdmin).send({ splitAt: '2027-07-01' });
    expectContract('addShard', added);
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ shardNumber: 4, name: 'events_4', status: 'ACTIVE' });
    expect(added.body.data.metadata.bounds[0].range).toEqual({ lowerBound: '2027-07-01', upperBound: null });
    const refused = await http().post(`${S}/tables/orders/shards`).set(asAdmin).send({});
    expectContract('addShard', refused);
    expect(refused.status).toBe(422);
  });

  test('analyze-key measures the stored rows; statistics and their aliases agree', async () => {
    const analysis = await http().get(`${S}/analyze-key?table=orders&keyColumns=customer_id&shardCount=4`).set(asAdmin);
    expectContract('analyzeShardKey', analysis);
    expect(analysis.body.data).toMatchObject({ table: 'orders', rowsAnalyzed: 40, cardinality: 20, rowsWithoutKey: 0 });
    expect(analysis.body.data.rowsPerShard.reduce((sum: number, count: number) => sum + count, 0)).toBe(40);
    const unknownColumn = await http().get(`${S}/analyze-key?table=orders&keyColumns=country`).set(asAdmin);
    expectContract('analyzeShardKey', unknownColumn);
    expect(unknownColumn.status).toBe(422);

    const statistics = await http().get(`${S}/statistics`).set(asAdmin);
    expectContract('getShardingStatistics', statistics);
    expect(statistics.body.data).toMatchObject({ tables: 3, shards: 4 + 4 + 2, rowCount: 40 });
    expect(statistics.body.data.nodes[0]).toMatchObject({ nodeId: 'node-1', primaryShards: 10, rowCount: 40 });
    const viaReplication = await http().get('/api/v1/replication/sharding/statistics').set(asAdmin);
    expectContract('getShardingStatisticsReplicationAlias', viaReplication);
    expect(viaReplication.body.data).toEqual(statistics.body.data);
    const ofOrders = await http().get('/api/v1/sharding/tables/orders/stats').set(asAdmin);
    expectContract('getShardedTableStatisticsAlias', ofOrders);
    expect(ofOrders.body.data.tableStatistics).toEqual([statistics.body.data.tableStatistics.find((table: { tableName: string }) => table.tableName === 'orders')]);
  });

  test('drop (and its alias) removes the table and its rows', async () => {
    const viaAlias = await http().delete('/api/v1/sharding/tables/events').set(asAdmin);
    expectContract('dropShardedTableAlias', viaAlias);
    expect(viaAlias.body.data).toEqual({ id: 'events', deleted: true });
    const dropped = await http().delete(`${S}/tables/regions`).set(asAdmin);
    expectContract('dropShardedTable', dropped);
    expect(dropped.status).toBe(200);
    const gone = await http().delete(`${S}/tables/regions`).set(asAdmin);
    expectContract('dropShardedTable', gone);
    expect(gone.status).toBe(404);
  });
});

describe('GraphQL twins', () => {
  test('create, add a shard, write, route with the reason, read and drop', async () => {
    const created = dataOf(
      await graphql<{ createShardedTable: { tableName: string; strategy: { __typename: string; lists: { values: unknown[] }[] }; shards: { id: string; server: string }[] } }>(
        fixture.server,
        `mutation($input: ShardedTableInput!) { createShardedTable(input: $input) {
           tableName strategy { __typename ... on ListSharding { lists { values } } } shards { id server } } }`,
        { input: { tableName: 'teams', columns: [{ name: 'league', type: 'STRING' }], shardKeyColumns: ['league'], strategy: { type: 'LIST', lists: [{ values: ['nba'] }, { values: ['nhl'] }] } } },
      ),
    ).createShardedTable;
    expect(created.strategy).toEqual({ __typename: 'ListSharding', lists: [{ values: ['nba'] }, { values: ['nhl'] }] });
    expect(created.shards.map((shard) => shard.server)).toEqual(['node-1', 'node-1']);

    const added = dataOf(await graphql<{ addShard: { shardNumber: number } }>(fixture.server, 'mutation($shard: ShardInput!) { addShard(table: "teams", shard: $shard) { shardNumber } }', { shard: { values: ['mlb'] } })).addShard;
    expect(added.shardNumber).toBe(3);
    const written = dataOf(
      await graphql<{ writeShardedRows: { rowsWritten: number } }>(fixture.server, 'mutation($rows: [JSON!]!) { writeShardedRows(table: "teams", rows: $rows) { rowsWritten } }', { rows: [{ league: 'mlb' }] }),
    ).writeShardedRows;
    expect(written.rowsWritten).toBe(1);

    const reads = dataOf(
      await graphql<{
        shardedTables: { tableName: string }[];
        shardedTable: { shardCount: number; rowCount: number } | null;
        tableShards: { id: string; status: string }[];
        tableShard: { name: string } | null;
        shardRows: unknown[];
        shardRoute: { shards: { shardNumber: number; nodeId: string }[]; key: { reasons: { __typename: string; listIndex: number }[] } };
        analyzeShardKey: { cardinality: number };
        shardingStatistics: { tables: number };
      }>(
        fixture.server,
        `query($route: ShardRouteInput!) { shardedTables { tableName } shardedTable(table: "teams") { shardCount rowCount } tableShards(table: "teams") { id status }
           tableShard(table: "teams", id: "teams_3") { name } shardRows(table: "teams", id: "teams_3")
           shardRoute(input: $route) { shards { shardNumber nodeId } key { reasons { __typename ... on ListRouteReason { listIndex } } } }
           analyzeShardKey(table: "teams", keyColumns: ["league"]) { cardinality } shardingStatistics(table: "teams") { tables } }`,
        { route: { table: 'teams', key: { league: 'mlb' } } },
      ),
    );
    expect(reads.shardedTables.map((table) => table.tableName)).toEqual(['orders', 'teams']);
    expect(reads.shardedTable).toEqual({ shardCount: 3, rowCount: 1 });
    expect(reads.tableShard).toEqual({ name: 'teams_3' });
    expect(reads.shardRows).toEqual([{ league: 'mlb' }]);
    expect(reads.shardRoute.shards).toEqual([{ shardNumber: 3, nodeId: 'node-1' }]);
    expect(reads.shardRoute.key.reasons).toEqual([{ __typename: 'ListRouteReason', listIndex: 2 }]);
    expect(reads.analyzeShardKey.cardinality).toBe(1);
    expect(reads.shardingStatistics.tables).toBe(1);

    const readOnly = dataOf(
      await graphql<{ setShardStatus: { status: string } }>(fixture.server, 'mutation { setShardStatus(table: "teams", id: "teams_1", status: READ_ONLY) { status } }'),
    ).setShardStatus;
    expect(readOnly.status).toBe('READ_ONLY');
    const refused = await graphql(fixture.server, 'mutation($rows: [JSON!]!) { writeShardedRows(table: "teams", rows: $rows) { rowsWritten } }', { rows: [{ league: 'nba' }] });
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    const altered = dataOf(await graphql<{ updateShardedTable: { schemaName: string } }>(fixture.server, 'mutation { updateShardedTable(table: "teams", input: { schemaName: "sports" }) { schemaName } }'));
    expect(altered.updateShardedTable.schemaName).toBe('sports');
    expect(dataOf(await graphql<{ dropShardedTable: boolean }>(fixture.server, 'mutation { dropShardedTable(table: "teams") }')).dropShardedTable).toBe(true);
    expect(dataOf(await graphql<{ shardedTable: null }>(fixture.server, '{ shardedTable(table: "teams") { tableName } }')).shardedTable).toBeNull();
  });
});

describe('/api/v1/ws/cluster/sharding', () => {
  test('a plain GET answers 426; a socket and shardingEvents filtered to one table carry its shard_added and shard_removed', async () => {
    const plain = await http().get('/api/v1/ws/cluster/sharding').set(asAdmin);
    expect(plain.status).toBe(426);
    expectContract('streamShardingEvents', plain);

    const { wsUrl, httpUrl } = await listenOnLoopback(fixture.server);
    const stream = await openStream(`${wsUrl}/api/v1/ws/cluster/sharding?apiKey=${ADMIN_KEY}`);
    await configureStream(stream, { tables: ['ledger'] });
    const client = graphqlWsClient(`ws://${new URL(httpUrl).host}`, { 'X-API-Key': ADMIN_KEY });
    const opened = nextFeedOpened(fixture.server);
    const subscription = subscribe<{ shardingEvents: { type: string; payload: { tableName: string } } }>(client, {
      query: 'subscription { shardingEvents(tables: ["ledger"], eventTypes: ["shard_added"]) { type payload } }',
    });
    await opened;
    await http().post(`${S}/tables`).set(asAdmin).send({ ...REGIONS, tableName: 'other' });
    await http().post(`${S}/tables`).set(asAdmin).send({ ...REGIONS, tableName: 'ledger' });
    await http().delete(`${S}/tables/ledger`).set(asAdmin);
    const { match: added } = await stream.frames.until(isEventOfType('shard_added'), 'shard_added of ledger');
    // ledger has other's layout, so it is colocated on other's group.
    expect(payloadOf(added)).toMatchObject({ tableName: 'ledger', shardId: 'other-shard-1', shardNumber: 1, storageTable: 'ledger_1', nodeIds: ['node-1'] });
    const { match: removed } = await stream.frames.until(isEventOfType('shard_removed'), 'shard_removed of ledger');
    expect(payloadOf(removed)).toMatchObject({ tableName: 'ledger', rowsDeleted: 0 });
    expectFramesInContract([stream]);
    const viaGraphql = (await subscription.results.next()).data!.shardingEvents;
    expect(viaGraphql).toMatchObject({ type: 'shard_added', payload: { tableName: 'ledger', storageTable: 'ledger_1' } });
    subscription.unsubscribe();
    await client.dispose();
  });
});
