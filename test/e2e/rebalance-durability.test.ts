import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Configuration,
  HashShardingStrategyTypeEnum,
  RebalanceStrategy,
  ReplicationApi,
  ShardColumnType,
  ShardHashFunction,
  ShardingApi,
  ShardRebalancingApi,
  SimulationApi,
  type RebalancePlan,
  type WorkflowProgress,
} from '../../generated/client/index.js';
import { CLUSTER_FORMED_MS, E2E_ADMIN_KEY, startServerProcess, stopServerProcess, type ServerProcess } from './server-process.js';

/**
 * A rebalance across SIGKILL (issue 14: "a rebalance interrupted by kill -9 resumes after a
 * restart with every row intact"): a real server process on a SQLite file, driven by the
 * generated client. The table `orders` (HASH over 4 shards) is filled while node-1 is the only
 * writable node; node-2 and node-3 are detached (writable) and a rebalance moves two shards. The
 * process is killed while the first move copies, after rows were written to the moving shard;
 * restarted on the same data dir, the rebalance resumes and completes, every acknowledged row is
 * read back exactly once with its value, and the primaries are where the plan put them.
 */

const TABLE = 'orders';
const ROWS_BEFORE = 4000;
const ROWS_DURING = 400;
const BATCH_ROWS = 500;
/**
 * Padding that makes a shard about half a megabyte: at the default copy rate (1 MiB/s of cluster
 * time) a move's copy spans several ticks, so the kill lands in the middle of one.
 */
const PADDING = 'x'.repeat(400);
const MOVE_PHASES_BEFORE_SWITCH = ['COPY', 'CATCH_UP'];

function clientFor(baseUrl: string) {
  const configuration = new Configuration({ basePath: baseUrl, apiKey: E2E_ADMIN_KEY });
  return {
    sharding: new ShardingApi(configuration),
    rebalance: new ShardRebalancingApi(configuration),
    replication: new ReplicationApi(configuration),
    simulation: new SimulationApi(configuration),
  };
}
type Client = ReturnType<typeof clientFor>;

/** Row `id`'s value: `version` tells the first write from a rewrite during the move. */
const rowOf = (id: number, version: number) => ({ id, version, padding: PADDING });

async function writeRows(client: Client, rows: ReturnType<typeof rowOf>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await client.sharding.writeShardedRows({ table: TABLE, writeShardedRowsRequest: { rows: rows.slice(start, start + BATCH_ROWS) } });
  }
}

async function progressOf(client: Client, id: string): Promise<WorkflowProgress> {
  return (await client.rebalance.getShardRebalanceProgress({ id })).data;
}

/** The versions read for each id, over every page of every shard (a row read twice shows twice). */
async function readAllRows(client: Client): Promise<Map<number, number[]>> {
  const found = new Map<number, number[]>();
  const shards = (await client.sharding.listTableShards({ table: TABLE, limit: 100 })).data;
  for (const shard of shards) {
    for (let offset = 0; ; offset += 1000) {
      const page = await client.sharding.listShardRows({ table: TABLE, id: shard.id, limit: 1000, offset });
      for (const row of page.data) found.set(row.id, [...(found.get(row.id) ?? []), row.version]);
      if (!page.pagination.hasMore) break;
    }
  }
  return found;
}

let dataDir: string;
let server: ServerProcess;
let client: Client;
let plan: RebalancePlan;
/** The rebalance's copied rows when the process was killed. */
let rowsCopiedAtKill: number;
/** Every row acknowledged, by id: the version last written. */
const acknowledged = new Map<number, number>();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rustydb-e2e-rebalance-'));
  server = await startServerProcess({ dataDir, adminKey: E2E_ADMIN_KEY });
  client = clientFor(server.baseUrl);
  await client.simulation.advanceClock({ advanceRequest: { ms: CLUSTER_FORMED_MS } });
  // The workload would write `orders` through routing too: it keeps to `accounts`, so every row here is the test's.
  const { ratePerSecond, keySpace, mix } = (await client.simulation.getWorkload()).data;
  await client.simulation.setWorkload({ workloadSettings: { ratePerSecond, keySpace, mix, tables: new Set(['accounts']) } });
}, 60_000);

afterAll(async () => {
  if (server) await stopServerProcess(server, 'SIGKILL').catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a rebalance across SIGKILL', () => {
  test('before the kill: rows on node-1, a plan of two moves, the first one copying, more rows written to its shard', async () => {
    await client.sharding.createShardedTable({
      createShardedTableRequest: {
        tableName: TABLE,
        columns: [
          { name: 'id', type: ShardColumnType.Integer },
          { name: 'version', type: ShardColumnType.Integer },
          { name: 'padding', type: ShardColumnType.String },
        ],
        shardKeyColumns: ['id'],
        strategy: { type: HashShardingStrategyTypeEnum.Hash, numShards: 4, hashFunction: ShardHashFunction.Murmur3 },
      },
    });
    const first = Array.from({ length: ROWS_BEFORE }, (_, id) => rowOf(id, 1));
    await writeRows(client, first);
    for (const row of first) acknowledged.set(row.id, row.version);

    // Every node but the primary is a hot standby: detached, node-2 and node-3 take shards too.
    await client.replication.removeReplica({ id: 'node-2' });
    await client.replication.removeReplica({ id: 'node-3' });
    plan = (await client.rebalance.planShardRebalance({ rebalancePlanRequest: { strategy: RebalanceStrategy.ShardCount, tables: [TABLE] } })).data;
    expect(plan.moves.map((move) => `${move.sourceNodeId}->${move.targetNodeId}`)).toEqual(['node-1->node-2', 'node-1->node-3']);
    const executed = (await client.rebalance.executeShardRebalance({ executeRebalanceRequest: { planId: plan.planId } })).data;
    expect(executed).toMatchObject({ state: 'RUNNING', currentMoveIndex: 0 });

    // Part of the copy: the move is still before its switch, some rows on the target.
    await client.simulation.advanceClock({ advanceRequest: { ms: 200 } });
    const copying = await progressOf(client, plan.planId);
    expect(copying.currentMoveIndex).toBe(0);
    expect(MOVE_PHASES_BEFORE_SWITCH).toContain(copying.phase);
    expect(copying.rowsCopied).toBeGreaterThan(0);
    expect(copying.rowsCopied).toBeLessThan(copying.rowsTotal);

    // Rows written during the copy, new ones and rewrites (some of rows already copied), some on the moving shard.
    const movingShardId = plan.moves[0]!.shardId;
    const rowsBefore = (await client.sharding.getTableShard({ table: TABLE, id: movingShardId })).data.rowCount;
    const during = [
      ...Array.from({ length: ROWS_DURING }, (_, index) => rowOf(ROWS_BEFORE + index, 1)),
      ...Array.from({ length: ROWS_DURING }, (_, index) => rowOf(index, 2)),
    ];
    await writeRows(client, during);
    for (const row of during) acknowledged.set(row.id, row.version);
    const moving = (await client.sharding.getTableShard({ table: TABLE, id: movingShardId })).data;
    expect(moving.status).toBe('REBALANCING');
    expect(moving.rowCount).toBeGreaterThan(rowsBefore);
    const atKill = await progressOf(client, plan.planId);
    expect(MOVE_PHASES_BEFORE_SWITCH).toContain(atKill.phase);
    rowsCopiedAtKill = atKill.rowsCopied;
  }, 60_000);

  test('after SIGKILL and a restart on the same data dir: the rebalance completes, every row once with its last value, primaries as planned', async () => {
    const killed = await stopServerProcess(server, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    server = await startServerProcess({ dataDir, adminKey: E2E_ADMIN_KEY });
    client = clientFor(server.baseUrl);

    const resumed = await progressOf(client, plan.planId);
    expect(resumed).toMatchObject({ state: 'RUNNING', currentMoveIndex: 0 });
    expect(MOVE_PHASES_BEFORE_SWITCH).toContain(resumed.phase);
    // Resumed where it was, not started over.
    expect(resumed.rowsCopied).toBe(rowsCopiedAtKill);
    let progress = resumed;
    for (let step = 0; step < 100 && progress.state === 'RUNNING'; step += 1) {
      await client.simulation.advanceClock({ advanceRequest: { ms: 500 } });
      progress = await progressOf(client, plan.planId);
    }
    expect(progress).toMatchObject({ state: 'COMPLETED', movesCompleted: 2 });

    const rows = await readAllRows(client);
    const wrong = [...acknowledged].filter(([id, version]) => rows.get(id)?.length !== 1 || rows.get(id)![0] !== version);
    expect(wrong).toEqual([]);
    expect(rows.size).toBe(acknowledged.size);

    const shards = (await client.sharding.listTableShards({ table: TABLE, limit: 100 })).data;
    const plannedNodeOf = (shardId: string) => plan.moves.find((move) => move.shardId === shardId)?.targetNodeId ?? 'node-1';
    expect(shards.map((shard) => [shard.id, shard.primaryNodeId, shard.status])).toEqual(shards.map((shard) => [shard.id, plannedNodeOf(shard.id), 'ACTIVE']));
    expect(shards.reduce((total, shard) => total + shard.rowCount, 0)).toBe(acknowledged.size);
  }, 60_000);
});
