import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseQueryText } from '../../../src/engines/query/query-text.js';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

let server: TestServer;
let viewerKey: string;
const asAdmin = { 'X-API-Key': ADMIN_KEY };

beforeAll(async () => {
  server = await startTestServer({ nodes: 4 });
  viewerKey = await server.keyFor('CLUSTER_VIEWER');
  server.platform.engines.rac.workload.set({ ratePerSecond: 0 });
  await server.advance(1000);
});
afterAll(() => server.close());

const RECOVERY_FIELDS = 'recoveryId failedInstance recoveringInstance trigger phase phases { phase startedAt completedAt } startedAt completedAt durationMs redoRecordsApplied redoBytesApplied redoBytesTotal blocksRecovered resourcesRemastered locksReleased error';
const JOB_FIELDS = `queryId status startedAt completedAt durationMs rowsScanned blocksRead cacheFusionTransfers error result { columns rows rowCount }
  plan { queryId query table aggregates { function column alias } groupBy where { column value } requestedDop dop adaptiveReduced coordinatorInstance instances
    granules { granuleId instanceId firstBlock lastBlock blocks rowsScanned status } plannedAt }`;

describe('instance recovery over GraphQL', () => {
  test('status, config, initiate and history match REST', async () => {
    const status = dataOf(await graphql<{ racRecoveryStatus: unknown[] }>(server, '{ racRecoveryStatus { instanceId status needsRecovery recoveryId recoveryPhase recoveringInstance recoveryStartedAt recoveryCompletedAt } }'));
    expect(status.racRecoveryStatus).toEqual((await server.http.get('/api/v1/rac/recovery/status').set(asAdmin)).body.data);

    const config = { autoRecovery: false, redoApplyBytesPerSecond: 4096, remasterResourcesPerSecond: 500, historyLimit: 5 };
    const input = `{ autoRecovery: false, redoApplyBytesPerSecond: 4096, remasterResourcesPerSecond: 500, historyLimit: 5 }`;
    const updated = dataOf(await graphql<{ updateRacRecoveryConfig: unknown }>(server, `mutation { updateRacRecoveryConfig(input: ${input}) { autoRecovery redoApplyBytesPerSecond remasterResourcesPerSecond historyLimit } }`));
    expect(updated.updateRacRecoveryConfig).toEqual(config);
    const invalid = await graphql(server, 'mutation { updateRacRecoveryConfig(input: { autoRecovery: true, redoApplyBytesPerSecond: 0, remasterResourcesPerSecond: 0, historyLimit: 0 }) { historyLimit } }');
    expect(codesOf(invalid)).toEqual(['VALIDATION_FAILED']);
    expect((invalid.errors![0]!.extensions!.details as { errors: unknown[] }).errors).toHaveLength(3);
    const forbidden = await graphql(server, `mutation { updateRacRecoveryConfig(input: ${input}) { historyLimit } }`, {}, { apiKey: viewerKey });
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
    expect(dataOf(await graphql<{ racRecoveryConfig: unknown }>(server, '{ racRecoveryConfig { autoRecovery redoApplyBytesPerSecond remasterResourcesPerSecond historyLimit } }')).racRecoveryConfig).toEqual(config);

    expect(codesOf(await graphql(server, 'mutation { initiateRacRecovery(instanceId: "node-2") { recoveryId } }'))).toEqual(['CONFLICT']);
    expect((await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-2'] })).status).toBe(201);
    await server.advance(50);
    expect(codesOf(await graphql(server, 'mutation { initiateRacRecovery(instanceId: "node-2", recoveringInstance: "node-2") { recoveryId } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(server, 'mutation { initiateRacRecovery(instanceId: "node-9") { recoveryId } }'))).toEqual(['NOT_FOUND']);
    const started = dataOf(await graphql<{ initiateRacRecovery: { recoveryId: string; failedInstance: string; recoveringInstance: string; trigger: string } }>(
      server,
      'mutation { initiateRacRecovery(instanceId: "node-2", recoveringInstance: "node-3") { recoveryId failedInstance recoveringInstance trigger } }',
    ));
    expect(started.initiateRacRecovery).toEqual({ recoveryId: 'recovery-1', failedInstance: 'node-2', recoveringInstance: 'node-3', trigger: 'MANUAL' });
    const active = dataOf(await graphql<{ racActiveRecoveries: { recoveryId: string }[] }>(server, '{ racActiveRecoveries { recoveryId } }'));
    expect(active.racActiveRecoveries).toEqual([{ recoveryId: 'recovery-1' }]);
    await server.advance(2000);
    const history = dataOf(await graphql<{ racRecoveryHistory: unknown[] }>(server, `{ racRecoveryHistory(trigger: MANUAL) { ${RECOVERY_FIELDS} } }`));
    expect(history.racRecoveryHistory).toEqual((await server.http.get('/api/v1/rac/recovery/history?trigger=MANUAL').set(asAdmin)).body.data);
    expect(history.racRecoveryHistory).toHaveLength(1);
    expect(dataOf(await graphql<{ racActiveRecoveries: unknown[] }>(server, '{ racActiveRecoveries { recoveryId } }')).racActiveRecoveries).toEqual([]);
  });
});

describe('parallel query over GraphQL', () => {
  test('executeParallelQuery starts a job; parallelQueryStatus follows it to a result equal to the serial evaluation', async () => {
    const text = 'SELECT product, COUNT(*) AS n, MAX(amount) FROM sales GROUP BY product';
    const started = dataOf(await graphql<{ executeParallelQuery: { queryId: string; status: string; plan: { dop: number } } }>(
      server,
      'mutation ($query: String!) { executeParallelQuery(query: $query, dop: 2) { queryId status plan { dop } } }',
      { query: text },
    ));
    expect(started.executeParallelQuery).toMatchObject({ status: 'RUNNING', plan: { dop: 2 } });
    const { queryId } = started.executeParallelQuery;
    const running = dataOf(await graphql<{ activeParallelQueries: { queryId: string }[] }>(server, '{ activeParallelQueries { queryId } }'));
    expect(running.activeParallelQueries).toEqual([{ queryId }]);
    await server.advance(1000);
    const job = dataOf(await graphql<{ parallelQueryStatus: { status: string; result: { rows: unknown[] } } }>(server, `{ parallelQueryStatus(queryId: "${queryId}") { ${JOB_FIELDS} } }`));
    expect(job.parallelQueryStatus.status).toBe('COMPLETED');
    expect(job.parallelQueryStatus.result.rows).toEqual(server.platform.engines.rac.cluster.evaluateCommitted(parseQueryText(text)).rows);
    expect(job.parallelQueryStatus).toEqual((await server.http.get(`/api/v1/rac/parallel-query/status?queryId=${queryId}`).set(asAdmin)).body.data);
    expect(dataOf(await graphql<{ parallelQueryStatus: unknown }>(server, '{ parallelQueryStatus(queryId: "pq-99") { queryId } }')).parallelQueryStatus).toBeNull();

    const plans = dataOf(await graphql<{ parallelQueryPlans: { queryId: string; table: string }[] }>(server, '{ parallelQueryPlans(table: "sales", sortBy: queryId, order: ASC) { queryId table } }'));
    expect(plans.parallelQueryPlans).toEqual([{ queryId, table: 'sales' }]);
    const statistics = dataOf(await graphql<{ parallelQueryStatistics: unknown }>(
      server,
      '{ parallelQueryStatistics { totalQueries completedQueries failedQueries activeQueries avgDop avgDurationMs totalGranules rowsScanned blocksRead adaptiveReductions queriesByAggregate { COUNT SUM MIN MAX AVG } config { maxDop adaptive granuleBlocks } } }',
    ));
    expect(statistics.parallelQueryStatistics).toEqual((await server.http.get('/api/v1/rac/parallel-query/statistics').set(asAdmin)).body.data);
  });

  test('bad queries and configs are refused with the REST codes', async () => {
    expect(codesOf(await graphql(server, 'mutation { executeParallelQuery(query: "SELECT COUNT(*) FROM orders") { queryId } }'))).toEqual(['NOT_FOUND']);
    expect(codesOf(await graphql(server, 'mutation { executeParallelQuery(query: "SELECT COUNT(*) FROM sales WHERE") { queryId } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql(server, 'mutation { executeParallelQuery(query: "", dop: 0) { queryId } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql(server, 'mutation { executeParallelQuery(query: "SELECT COUNT(*) FROM sales") { queryId } }', {}, { apiKey: viewerKey }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await graphql(server, 'mutation { updateParallelQueryConfig(input: { maxDop: 0, adaptive: true, granuleBlocks: 4 }) { maxDop } }'))).toEqual(['VALIDATION_FAILED']);
    const updated = dataOf(await graphql<{ updateParallelQueryConfig: unknown }>(server, 'mutation { updateParallelQueryConfig(input: { maxDop: 3, adaptive: false, granuleBlocks: 2 }) { maxDop adaptive granuleBlocks } }'));
    expect(updated.updateParallelQueryConfig).toEqual({ maxDop: 3, adaptive: false, granuleBlocks: 2 });
    expect(codesOf(await graphql(server, 'mutation { executeParallelQuery(query: "SELECT COUNT(*) FROM sales", dop: 4) { queryId } }'))).toEqual(['UNPROCESSABLE']);
  });
});
