/**
 * Rebalances (/api/v1/advanced-replication/sharding/rebalance and the seeds' aliases) and
 * migration tasks (/api/v1/cluster/migration and its aliases) over REST and GraphQL, on one
 * server: the table `orders` (4 shards in its own group) is created while node-1 is the only
 * writable node, so all its shards start there; node-2 and node-3 are then detached from the
 * physical group (standalone, writable) and the moves spread the shards. node-4 stays a standby.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { lastAuditEntry } from '../../support/audit.js';
import { expectContract } from '../../support/contract.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';
import { graphqlWsClient, listenOnLoopback, subscribe } from '../../support/socket.js';
import { useTestServer } from '../../support/test-server.js';
import { asAdmin, detachReplica } from '../../support/transactions.js';

const fixture = useTestServer({ nodes: 4 });
const http = () => fixture.server.http;
const sharding = () => fixture.server.platform.engines.sharding;
const REBALANCE = '/api/v1/advanced-replication/sharding/rebalance';
const TASKS = '/api/v1/cluster/migration/tasks';

/** Advances the clock until the workflow at `path` leaves RUNNING (a bound keeps a bug from hanging the test). */
async function runToEnd(path: string): Promise<{ state: string }> {
  for (let step = 0; step < 60; step += 1) {
    const progress = (await http().get(path).set(asAdmin)).body.data;
    if (progress.state !== 'RUNNING') return progress;
    await fixture.server.advance(500);
  }
  throw new Error(`${path} still RUNNING`);
}

beforeAll(async () => {
  sharding().createTable({
    tableName: 'orders',
    columns: [
      { name: 'id', type: 'INTEGER' },
      { name: 'customer', type: 'STRING' },
    ],
    shardKeyColumns: ['id'],
    strategy: { type: 'HASH', numShards: 4, hashFunction: 'MURMUR3' },
  });
  sharding().writeRows('orders', Array.from({ length: 200 }, (_, id) => ({ id, customer: `c${id % 9}` })));
  await detachReplica(fixture.server, 'node-2');
  await detachReplica(fixture.server, 'node-3');
});

describe('rebalance', () => {
  test('plan (and its aliases), execute (202), progress, pause, resume, status, to COMPLETED with every row in place', async () => {
    const planned = await http().post(`${REBALANCE}/plan`).set(asAdmin).send({ strategy: 'by_shard_count', tables: ['orders'] });
    expectContract('planShardRebalance', planned);
    expect(planned.status).toBe(201);
    const plan = planned.body.data;
    expect(plan).toMatchObject({ planId: 'rebalance-1', state: 'PLANNED', strategy: 'by_shard_count', threshold: 0, balanced: true });
    expect(plan.moves.map((move: { sourceNodeId: string; targetNodeId: string }) => `${move.sourceNodeId}->${move.targetNodeId}`)).toEqual(['node-1->node-2', 'node-1->node-3']);
    expect(plan.nodesAfter.map((load: { shards: number }) => load.shards)).toEqual([2, 1, 1]);
    expect(await lastAuditEntry(fixture.server, 'planShardRebalance')).toMatchObject({ outcome: 'SUCCESS', target: 'sharding.rebalance/rebalance-1' });
    const viaAlias = await http().post('/api/v1/sharding/rebalance/plan').set(asAdmin).send({ strategy: 'by_disk_size' });
    expectContract('planShardRebalanceAlias', viaAlias);
    expect(viaAlias.body.data).toMatchObject({ planId: 'rebalance-2', strategy: 'by_disk_size', threshold: 0.1 });
    const viaReplication = await http().post('/api/v1/replication/sharding/rebalance').set(asAdmin).send({});
    expectContract('planShardRebalanceReplicationAlias', viaReplication);
    expect(viaReplication.status).toBe(201);

    const executed = await http().post(`${REBALANCE}/execute`).set(asAdmin).send({ planId: plan.planId });
    expectContract('executeShardRebalance', executed);
    expect(executed.status).toBe(202);
    expect(executed.headers.location).toBe(`${REBALANCE}/rebalance-1/progress`);
    expect(executed.body.data).toMatchObject({ id: 'rebalance-1', kind: 'REBALANCE', state: 'RUNNING', phase: 'COPY', movesTotal: 2, currentMoveIndex: 0 });
    expect(executed.body.data.currentMove).toMatchObject({ shardId: plan.moves[0].shardId, sourceNodeId: 'node-1', targetNodeId: 'node-2' });

    const paused = await http().post(`${REBALANCE}/rebalance-1/pause`).set(asAdmin);
    expectContract('pauseShardRebalance', paused);
    expect(paused.body.data).toMatchObject({ state: 'PAUSED', phase: 'PAUSED', estimatedCompletionAt: null });
    const resumed = await http().post(`${REBALANCE}/rebalance-1/resume`).set(asAdmin);
    expectContract('resumeShardRebalance', resumed);
    expect(resumed.body.data.state).toBe('RUNNING');
    const status = await http().get('/api/v1/sharding/rebalance/status?planId=rebalance-1').set(asAdmin);
    expectContract('getShardRebalanceStatus', status);
    expect(status.body.data.id).toBe('rebalance-1');

    const done = await runToEnd(`${REBALANCE}/rebalance-1/progress`);
    expect(done).toMatchObject({ state: 'COMPLETED', movesCompleted: 2, percentComplete: 100, rowsRemaining: 0 });
    const progress = await http().get(`${REBALANCE}/rebalance-1/progress`).set(asAdmin);
    expectContract('getShardRebalanceProgress', progress);
    const shards = sharding().shardsOf('orders');
    expect(shards.map((shard) => shard.primaryNodeId).sort()).toEqual(['node-1', 'node-1', 'node-2', 'node-3']);
    expect(shards.every((shard) => shard.state === 'ACTIVE')).toBe(true);
    expect(shards.reduce((rows, shard) => rows + shard.rowCount, 0)).toBe(200);

    // The events: started, progress, completed, on the bus.
    const events = await http().get('/api/v1/events?types=rebalance_started,rebalance_progress,rebalance_completed').set(asAdmin);
    const types = events.body.data.map((event: { type: string }) => event.type);
    expect(types[0]).toBe('rebalance_started');
    expect(types.at(-1)).toBe('rebalance_completed');
    expect(types).toContain('rebalance_progress');
  });

  test('pre-flight, state and input refusals: 409 with findings unless force, 404, 400, 403', async () => {
    // rebalance-2 was planned before the moves: its shards are not where it thinks.
    const stale = await http().post('/api/v1/sharding/rebalance/execute').set(asAdmin).send({ planId: 'rebalance-2' });
    expectContract('executeShardRebalanceAlias', stale);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.findings.map((finding: { code: string }) => finding.code)).toContain('SHARD_NOT_ON_SOURCE');
    const cancelled = await http().post(`${REBALANCE}/rebalance-2/cancel`).set(asAdmin);
    expectContract('cancelShardRebalance', cancelled);
    expect(cancelled.body.data.state).toBe('CANCELLED');
    const again = await http().post(`${REBALANCE}/rebalance-2/cancel`).set(asAdmin);
    expectContract('cancelShardRebalance', again);
    expect(again.status).toBe(409);
    const unknown = await http().get(`${REBALANCE}/rebalance-99/progress`).set(asAdmin);
    expectContract('getShardRebalanceProgress', unknown);
    expect(unknown.status).toBe(404);
    const badThreshold = await http().post(`${REBALANCE}/plan`).set(asAdmin).send({ threshold: 2 });
    expectContract('planShardRebalance', badThreshold);
    expect(badThreshold.status).toBe(400);
    const unknownTable = await http().post(`${REBALANCE}/plan`).set(asAdmin).send({ tables: ['nope'] });
    expectContract('planShardRebalance', unknownTable);
    expect(unknownTable.status).toBe(404);
    const viewer = await http().post(`${REBALANCE}/execute`).set('X-API-Key', fixture.viewerKey).send({ planId: 'rebalance-3' });
    expectContract('executeShardRebalance', viewer);
    expect(viewer.status).toBe(403);
  });
});

describe('migration tasks', () => {
  test('create (and the alias), list, get, start (202), pause, resume, progress, statistics, delete', async () => {
    const shard = sharding().shardsOf('orders').find((candidate) => candidate.primaryNodeId === 'node-2')!;
    const created = await http().post(TASKS).set(asAdmin).send({ shardId: shard.shardId, targetNodeId: 'node-3' });
    expectContract('createMigrationTask', created);
    expect(created.status).toBe(201);
    const taskId = created.body.data.taskId;
    expect(created.body.data).toMatchObject({ state: 'PLANNED', targetNodeId: 'node-3', keyRange: null, moves: [{ shardId: shard.shardId, sourceNodeId: 'node-2', targetNodeId: 'node-3' }] });
    const byRange = await http().post('/api/v1/cluster/migration').set(asAdmin).send({ keyRange: { table: 'orders', fromKey: null, toKey: null }, targetNodeId: 'node-1' });
    expectContract('createMigrationTaskAlias', byRange);
    expect(byRange.status).toBe(201);
    expect(byRange.body.data.moves.length).toBe(2);

    const list = await http().get(`${TASKS}?state=PLANNED&fields=state`).set(asAdmin);
    expectContract('listMigrationTasks', list, { sparse: true });
    expect(list.body.data.map((task: { taskId: string }) => task.taskId)).toEqual([taskId, byRange.body.data.taskId]);
    const got = await http().get(`${TASKS}/${taskId}`).set(asAdmin);
    expectContract('getMigrationTask', got);
    const alias = await http().get(`/api/v1/cluster/migration/${taskId}`).set(asAdmin);
    expectContract('getMigrationTaskAlias', alias);
    expect(alias.body.data).toEqual(got.body.data);

    const started = await http().post(`${TASKS}/${taskId}/start`).set(asAdmin).send({});
    expectContract('startMigrationTask', started);
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`${TASKS}/${taskId}/progress`);
    const paused = await http().post(`${TASKS}/${taskId}/pause`).set(asAdmin);
    expectContract('pauseMigrationTask', paused);
    expect(paused.body.data.state).toBe('PAUSED');
    const resumed = await http().post(`${TASKS}/${taskId}/resume`).set(asAdmin);
    expectContract('resumeMigrationTask', resumed);
    expect((await runToEnd(`${TASKS}/${taskId}/progress`)).state).toBe('COMPLETED');
    const progress = await http().get(`${TASKS}/${taskId}/progress`).set(asAdmin);
    expectContract('getMigrationTaskProgress', progress);
    expect(sharding().shardOf('orders', shard.shardNumber).primaryNodeId).toBe('node-3');

    const statistics = await http().get('/api/v1/cluster/migration/statistics').set(asAdmin);
    expectContract('getMigrationStatistics', statistics);
    expect(statistics.body.data).toMatchObject({ movesCompleted: 3, rowsCopied: expect.any(Number) });
    expect(statistics.body.data.rebalancesByState.COMPLETED).toBe(1);
    const metrics = await http().get('/api/v1/metrics/prometheus').set(asAdmin);
    expect(metrics.text).toContain('rustydb_shard_moves_finished_total{outcome="completed"} 3');

    // A running task deleted is cancelled: routing stays, the target's copy goes.
    const other = byRange.body.data.taskId;
    await http().post(`${TASKS}/${other}/start`).set(asAdmin).send({});
    const removed = await http().delete(`${TASKS}/${other}`).set(asAdmin);
    expectContract('deleteMigrationTask', removed);
    expect(removed.status).toBe(200);
    const gone = await http().get(`${TASKS}/${other}`).set(asAdmin);
    expectContract('getMigrationTask', gone);
    expect(gone.status).toBe(404);
    expect(sharding().shardsOf('orders').every((shard) => shard.state === 'ACTIVE')).toBe(true);
    expect(await lastAuditEntry(fixture.server, 'deleteMigrationTask')).toMatchObject({ outcome: 'SUCCESS', target: `cluster.migrationTask/${other}` });
  });

  test('a standby target fails pre-flight (409, force overrides nothing it cannot do); neither shard nor range is 422', async () => {
    const shard = sharding().shardsOf('orders')[0]!;
    const refused = await http().post(TASKS).set(asAdmin).send({ shardId: shard.shardId, targetNodeId: 'node-4', start: true });
    expectContract('createMigrationTask', refused);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.findings.map((finding: { code: string }) => finding.code)).toEqual(['TARGET_DOWN']);
    const neither = await http().post(TASKS).set(asAdmin).send({ targetNodeId: 'node-3' });
    expectContract('createMigrationTask', neither);
    expect(neither.status).toBe(422);
    const viewer = await http().post(TASKS).set('X-API-Key', fixture.viewerKey).send({ shardId: shard.shardId, targetNodeId: 'node-3' });
    expectContract('createMigrationTask', viewer);
    expect(viewer.status).toBe(403);
  });
});

describe('the coordinator\'s assign', () => {
  test('moves a shard that holds a sharded table through the same workflow, as a migration task', async () => {
    // A table's group shard (events-shard-N): the coordinator's assign runs the move workflow.
    sharding().createTable({ tableName: 'events', columns: [{ name: 'id', type: 'INTEGER' }], shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: 16, hashFunction: 'MURMUR3' } });
    const writable = ['node-1', 'node-2', 'node-3'];
    const shard = sharding().shardsOf('events').find((candidate) => writable.includes(candidate.primaryNodeId ?? ''))!;
    const target = writable.find((nodeId) => nodeId !== shard.primaryNodeId)!;
    const assigned = await http().post(`/api/v1/cluster/coordinator/shards/${shard.shardId}/assign`).set(asAdmin).send({ nodeId: target });
    expectContract('assignShard', assigned);
    expect(assigned.status).toBe(202);
    expect(assigned.body.data).toMatchObject({ shardId: shard.shardId, group: 'events', state: 'REBALANCING' });
    const tasks = (await http().get(`${TASKS}?state=RUNNING`).set(asAdmin)).body.data;
    expect(tasks.map((task: { moves: { shardId: string }[] }) => task.moves[0]!.shardId)).toEqual([shard.shardId]);
    await runToEnd(`${TASKS}/${tasks[0].taskId}/progress`);
    expect(sharding().shardOf('events', shard.shardNumber)).toMatchObject({ primaryNodeId: target, state: 'ACTIVE' });
  });
});

describe('GraphQL twins', () => {
  test('rebalanceShards, planShardRebalance, executeRebalance, shardRebalance and the migration fields answer as REST does', async () => {
    const STATUS = 'id kind state phase movesTotal movesCompleted percentComplete estimatedCompletionAt currentMove { moveId phase sourceNodeId targetNodeId }';
    const ranged = dataOf(
      await graphql<{ rebalanceShards: { planId: string; moves: unknown[] } }>(fixture.server, `mutation { rebalanceShards(table: "orders", fromShard: "orders_1", toShard: "4") { planId state moves { shardId } } }`),
    ).rebalanceShards;
    expect(ranged.planId).toMatch(/^rebalance-/);
    const plan = dataOf(await graphql<{ planShardRebalance: { planId: string } }>(fixture.server, `mutation { planShardRebalance(input: { strategy: by_shard_count }) { planId strategy balanced } }`)).planShardRebalance;
    const executed = dataOf(await graphql<{ executeRebalance: { state: string } }>(fixture.server, `mutation ($id: ID!) { executeRebalance(planId: $id) { ${STATUS} } }`, { id: plan.planId })).executeRebalance;
    expect(['RUNNING', 'COMPLETED']).toContain(executed.state);
    const read = dataOf(await graphql<{ shardRebalance: { id: string } }>(fixture.server, `query ($id: ID) { shardRebalance(planId: $id) { ${STATUS} } }`, { id: plan.planId })).shardRebalance;
    const rest = (await http().get(`${REBALANCE}/${plan.planId}/progress`).set(asAdmin)).body.data;
    expect(read).toMatchObject({ id: rest.id, state: rest.state, movesTotal: rest.movesTotal });
    const badShard = await graphql(fixture.server, `mutation { rebalanceShards(table: "orders", fromShard: "items_1", toShard: "2") { planId } }`);
    expect(codesOf(badShard)).toEqual(['UNPROCESSABLE']);
    const noTask = await graphql(fixture.server, `query { migrationTask(taskId: "migration-99") { taskId } }`);
    expect(codesOf(noTask)).toEqual(['NOT_FOUND']);
    const statistics = dataOf(await graphql<{ migrationStatistics: { movesStarted: number } }>(fixture.server, `query { migrationStatistics { movesStarted movesCompleted tasksByState { COMPLETED } } }`));
    expect(statistics.migrationStatistics.movesStarted).toBeGreaterThanOrEqual(3);
    const tasks = dataOf(await graphql<{ migrationTasks: { total: number } }>(fixture.server, `query { migrationTasks(state: COMPLETED) { total items { taskId state } } }`));
    expect(tasks.migrationTasks.total).toBe(2);
  });
});

describe('GraphQL subscriptions', () => {
  test("shardRebalanceProgress(planId) and migrationProgress(taskId) replay a finished workflow's progress from a cursor, filtered to it", async () => {
    const { wsUrl } = await listenOnLoopback(fixture.server);
    const client = graphqlWsClient(wsUrl, asAdmin);
    try {
      const fields = 'cursor type status { id kind state movesCompleted movesTotal }';
      const rebalance = subscribe<{ shardRebalanceProgress: { type: string; status: { id: string; state: string } } }>(client, {
        query: `subscription { shardRebalanceProgress(planId: "rebalance-1", resumeFrom: 0) { ${fields} } }`,
      });
      const seen: { type: string; status: { id: string; state: string } }[] = [];
      while (seen.at(-1)?.type !== 'rebalance_completed') seen.push((await rebalance.results.next()).data!.shardRebalanceProgress);
      expect(seen[0]).toMatchObject({ type: 'rebalance_started', status: { id: 'rebalance-1' } });
      expect(seen.every((event) => event.status.id === 'rebalance-1')).toBe(true);
      expect(seen.at(-1)!.status).toMatchObject({ state: 'COMPLETED', movesCompleted: 2, movesTotal: 2 });
      rebalance.unsubscribe();

      const tasks = (await http().get(TASKS).set(asAdmin)).body.data as { taskId: string; state: string }[];
      const done = tasks.find((task) => task.state === 'COMPLETED')!;
      const migration = subscribe<{ migrationProgress: { type: string; status: { id: string; kind: string } } }>(client, {
        query: `subscription { migrationProgress(taskId: "${done.taskId}", resumeFrom: 0) { ${fields} } }`,
      });
      const first = (await migration.results.next()).data!.migrationProgress;
      expect(first).toMatchObject({ type: 'migration_started', status: { id: done.taskId, kind: 'MIGRATION' } });
      migration.unsubscribe();
    } finally {
      await client.dispose();
    }
  });
});
