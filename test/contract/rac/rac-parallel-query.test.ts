import { describe, expect, test } from 'vitest';
import { parseQueryText } from '../../../src/engines/query/query-text.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 4 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const PQ = '/api/v1/rac/parallel-query';
const GROUPED = "SELECT region, SUM(amount) AS total, COUNT(*), AVG(quantity) FROM sales WHERE product = 'P03' GROUP BY region";

function rac() {
  return fixture.server.platform.engines.rac;
}

/** Advances the clock until the query is no longer RUNNING; returns its last status. */
async function settled(location: string) {
  for (let step = 0; step < 100; step += 1) {
    const response = await fixture.server.http.get(location).set(asAdmin);
    expectContract('getParallelQueryStatus', response);
    expect(response.status).toBe(200);
    if (response.body.data.status !== 'RUNNING') return response.body.data;
    await fixture.server.advance(5);
  }
  throw new Error(`${location} still RUNNING`);
}

describe('parallel query', () => {
  test('a query starts RUNNING (202, Location), completes on the clock, and equals a serial evaluation', async () => {
    // No writes while it runs, so the serial evaluation of the committed data is the reference.
    rac().workload.set({ ratePerSecond: 0 });
    await fixture.server.advance(100);
    const started = await fixture.server.http.post(`${PQ}/execute`).set(asAdmin).send({ query: GROUPED, dop: 3 });
    expectContract('executeParallelQuery', started);
    expect(started.status).toBe(202);
    const queryId = started.body.data.queryId as string;
    expect(queryId).toMatch(/^pq-[1-9][0-9]*$/);
    expect(started.headers.location).toBe(`${PQ}/status?queryId=${queryId}`);
    const { data } = started.body;
    expect(data).toMatchObject({ status: 'RUNNING', completedAt: null, durationMs: null, result: null, error: null, rowsScanned: 0, blocksRead: 0 });
    expect(data.plan).toMatchObject({
      queryId,
      query: GROUPED,
      table: 'sales',
      aggregates: [
        { function: 'SUM', column: 'amount', alias: 'total' },
        { function: 'COUNT', column: null, alias: 'count(*)' },
        { function: 'AVG', column: 'quantity', alias: 'avg(quantity)' },
      ],
      groupBy: ['region'],
      where: [{ column: 'product', value: 'P03' }],
      requestedDop: 3,
      dop: 3,
      adaptiveReduced: false,
    });
    expect(data.plan.instances).toHaveLength(3);
    expect(data.plan.instances).toContain(data.plan.coordinatorInstance);
    // The granules cover every block of the table once, in block order.
    const blocks = rac().cluster.storage.blocksOf('sales');
    expect(data.plan.granules.reduce((sum: number, granule: { blocks: number }) => sum + granule.blocks, 0)).toBe(blocks.length);
    expect(data.plan.granules[0].firstBlock).toBe(blocks[0]);
    expect(data.plan.granules.at(-1).lastBlock).toBe(blocks.at(-1));

    const done = await settled(started.headers.location as string);
    expect(done.status).toBe('COMPLETED');
    expect(done.durationMs).toBeGreaterThan(0);
    expect(done.blocksRead).toBe(blocks.length);
    expect(done.plan.granules.every((granule: { status: string }) => granule.status === 'COMPLETED')).toBe(true);
    expect(done.plan.granules.reduce((sum: number, granule: { rowsScanned: number }) => sum + granule.rowsScanned, 0)).toBe(done.rowsScanned);
    const serial = rac().cluster.evaluateCommitted(parseQueryText(GROUPED));
    expect(done.result).toEqual({ columns: ['region', 'total', 'count(*)', 'avg(quantity)'], rows: serial.rows, rowCount: serial.rows.length });
    expect(done.result.rowCount).toBe(4);
    expect(done.rowsScanned).toBe(blocks.length * rac().cluster.racConfig().rowsPerBlock);

    // Without queryId: the most recent query.
    const latest = await fixture.server.http.get(`${PQ}/status`).set(asAdmin);
    expectContract('getParallelQueryStatus', latest);
    expect(latest.body.data.queryId).toBe(queryId);
  });

  test('the alias answers as execute does; the statistics count both', async () => {
    const before = (await fixture.server.http.get(`${PQ}/statistics`).set(asAdmin)).body.data;
    const started = await fixture.server.http.post('/api/v1/rac/parallel-query').set(asAdmin).send({ query: 'SELECT MIN(amount), MAX(amount) FROM sales' });
    expectContract('executeParallelQueryAlias', started);
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`${PQ}/status?queryId=${started.body.data.queryId}`);
    const config = rac().cluster.parallelQueryConfig();
    expect(started.body.data.plan.requestedDop).toBe(config.maxDop);
    expect(started.body.data.plan.aggregates.map((aggregate: { alias: string }) => aggregate.alias)).toEqual(['min(amount)', 'max(amount)']);

    const active = await fixture.server.http.get(`${PQ}/active`).set(asAdmin);
    expectContract('listActiveParallelQueries', active);
    expect(active.body.data.map((query: { queryId: string }) => query.queryId)).toEqual([started.body.data.queryId]);

    const done = await settled(started.headers.location as string);
    expect(done.result.rows).toEqual(rac().cluster.evaluateCommitted(parseQueryText('SELECT MIN(amount), MAX(amount) FROM sales')).rows);
    const idle = await fixture.server.http.get(`${PQ}/active`).set(asAdmin);
    expect(idle.body.data).toEqual([]);

    const statistics = await fixture.server.http.get(`${PQ}/statistics`).set(asAdmin);
    expectContract('getParallelQueryStatistics', statistics);
    const stats = statistics.body.data;
    expect(stats.totalQueries).toBe(before.totalQueries + 1);
    expect(stats.completedQueries).toBe(before.completedQueries + 1);
    expect(stats.activeQueries).toBe(0);
    expect(stats.queriesByAggregate.MIN).toBe(before.queriesByAggregate.MIN + 1);
    expect(stats.queriesByAggregate.MAX).toBe(before.queriesByAggregate.MAX + 1);
    expect(stats.queriesByAggregate.SUM).toBe(before.queriesByAggregate.SUM);
    expect(stats.blocksRead).toBe(before.blocksRead + done.blocksRead);
    expect(stats.rowsScanned).toBe(before.rowsScanned + done.rowsScanned);
    expect(stats.config).toEqual({ maxDop: config.maxDop, adaptive: config.adaptive, granuleBlocks: config.granuleBlocks });
    const alias = await fixture.server.http.get(`${PQ}/stats`).set(asAdmin);
    expectContract('getParallelQueryStatisticsAlias', alias);
    expect(alias.body.data).toEqual(stats);
  });

  test('plans list newest first, filter by table, sort, and keep only the fields asked for', async () => {
    const plans = await fixture.server.http.get(`${PQ}/plans`).set(asAdmin);
    expectContract('listParallelQueryPlans', plans);
    const ids = plans.body.data.map((plan: { queryId: string }) => plan.queryId);
    expect(ids).toEqual(['pq-2', 'pq-1']);
    expect(plans.body.pagination).toEqual({ total: 2, limit: 50, offset: 0, hasMore: false });
    const ascending = await fixture.server.http.get(`${PQ}/plans?sort_by=queryId&order=asc&limit=1&fields=dop,table`).set(asAdmin);
    expectContract('listParallelQueryPlans', ascending, { sparse: true });
    expect(ascending.body.data).toEqual([{ queryId: 'pq-1', dop: 3, table: 'sales' }]);
    expect(ascending.body.pagination.hasMore).toBe(true);
    const none = await fixture.server.http.get(`${PQ}/plans?table=orders`).set(asAdmin);
    expectContract('listParallelQueryPlans', none);
    expect(none.body.data).toEqual([]);
    const badField = await fixture.server.http.get(`${PQ}/plans?fields=price`).set(asAdmin);
    expectContract('listParallelQueryPlans', badField);
    expect(badField.status).toBe(422);
    const badSort = await fixture.server.http.get(`${PQ}/plans?sort_by=price`).set(asAdmin);
    expectContract('listParallelQueryPlans', badSort);
    expect(badSort.status).toBe(400);
    const badPage = await fixture.server.http.get(`${PQ}/active?limit=0`).set(asAdmin);
    expectContract('listActiveParallelQueries', badPage);
    expect(badPage.status).toBe(400);
  });

  test('bad queries are refused with what is wrong, and start nothing', async () => {
    const total = rac().cluster.parallelQueryStats().executed;
    const post = (body: object) => fixture.server.http.post(`${PQ}/execute`).set(asAdmin).send(body);

    const missing = await post({ dop: 2 });
    expectContract('executeParallelQuery', missing);
    expect(missing.status).toBe(400);
    const zeroDop = await post({ query: 'SELECT COUNT(*) FROM sales', dop: 0 });
    expectContract('executeParallelQuery', zeroDop);
    expect(zeroDop.status).toBe(400);

    const syntax = await post({ query: 'SELECT COUNT(*) FROM sales WHERE amount > 3' });
    expectContract('executeParallelQuery', syntax);
    expect(syntax.status).toBe(422);
    expect(syntax.body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { field: 'query', position: 41 } });

    const column = await post({ query: 'SELECT SUM(price) FROM sales' });
    expectContract('executeParallelQuery', column);
    expect(column.status).toBe(422);
    expect(column.body.error.details).toMatchObject({ field: 'query', column: 'price' });

    const ungrouped = await post({ query: 'SELECT region, COUNT(*) FROM sales' });
    expectContract('executeParallelQuery', ungrouped);
    expect(ungrouped.status).toBe(422);

    const table = await post({ query: 'SELECT COUNT(*) FROM orders' });
    expectContract('executeParallelQuery', table);
    expect(table.status).toBe(404);
    expect(table.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'No table "orders"; the tables are sales.', details: { resource: 'rac.table', id: 'orders' } });

    const maxDop = rac().cluster.parallelQueryConfig().maxDop;
    const tooWide = await post({ query: 'SELECT COUNT(*) FROM sales', dop: maxDop + 1 });
    expectContract('executeParallelQuery', tooWide);
    expect(tooWide.status).toBe(422);
    expect(tooWide.body.error.details).toEqual({ field: 'dop', dop: maxDop + 1, maxDop });

    const viewer = await fixture.server.http.post(`${PQ}/execute`).set('X-API-Key', fixture.viewerKey).send({ query: 'SELECT COUNT(*) FROM sales' });
    expectContract('executeParallelQuery', viewer);
    expect(viewer.status).toBe(403);

    rac().cluster.stop();
    const stopped = await post({ query: 'SELECT COUNT(*) FROM sales' });
    expectContract('executeParallelQuery', stopped);
    expect(stopped.status).toBe(409);
    const stoppedAlias = await fixture.server.http.post('/api/v1/rac/parallel-query').set(asAdmin).send({ query: 'SELECT COUNT(*) FROM sales' });
    expectContract('executeParallelQueryAlias', stoppedAlias);
    expect(stoppedAlias.status).toBe(409);
    rac().cluster.start();
    expect(rac().cluster.parallelQueryStats().executed).toBe(total);

    const unknown = await fixture.server.http.get(`${PQ}/status?queryId=pq-99`).set(asAdmin);
    expectContract('getParallelQueryStatus', unknown);
    expect(unknown.status).toBe(404);
    const malformed = await fixture.server.http.get(`${PQ}/status?queryId=query-1`).set(asAdmin);
    expectContract('getParallelQueryStatus', malformed);
    expect(malformed.status).toBe(400);
  });

  test('the config is replaced whole, applies to the next plan, and bad values are listed', async () => {
    const put = (body: object, key = ADMIN_KEY) => fixture.server.http.put(`${PQ}/config`).set('X-API-Key', key).send(body);
    const bad = await put({ maxDop: 0, adaptive: 'yes', granuleBlocks: 0 });
    expectContract('updateParallelQueryConfig', bad);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual(['body/adaptive', 'body/granuleBlocks', 'body/maxDop']);
    const partial = await put({ maxDop: 2 });
    expectContract('updateParallelQueryConfig', partial);
    expect(partial.status).toBe(400);
    const viewer = await put({ maxDop: 2, adaptive: false, granuleBlocks: 8 }, fixture.viewerKey);
    expectContract('updateParallelQueryConfig', viewer);
    expect(viewer.status).toBe(403);

    const updated = await put({ maxDop: 2, adaptive: false, granuleBlocks: 8 });
    expectContract('updateParallelQueryConfig', updated);
    expect(updated.status).toBe(200);
    expect(updated.body.data).toEqual({ maxDop: 2, adaptive: false, granuleBlocks: 8 });
    const started = await fixture.server.http.post(`${PQ}/execute`).set(asAdmin).send({ query: 'SELECT COUNT(*) FROM sales' });
    expect(started.body.data.plan.dop).toBe(2);
    expect(started.body.data.plan.granules[0].blocks).toBe(8);
    const done = await settled(started.headers.location as string);
    expect(done.result.rows).toEqual([{ 'count(*)': rac().cluster.evaluateCommitted(parseQueryText('SELECT COUNT(*) FROM sales')).rows[0]!['count(*)'] }]);
  });
});
