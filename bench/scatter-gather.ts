import { ClusterCoordinator } from '../src/engines/coordinator/cluster-coordinator.js';
import type { QueryRow } from '../src/engines/query/select-query.js';
import { ReplicationCluster } from '../src/engines/replication/replication-cluster.js';
import { DEFAULT_LINK, SimulationRuntime, VirtualClock } from '../src/engines/runtime/index.js';
import { validateDistributedQueryConfig } from '../src/engines/sharding/distributed-query-config.js';
import { DistributedQueryExecutor, type DistributedExecution } from '../src/engines/sharding/distributed-query.js';
import { explainSelect, type PlannedShard } from '../src/engines/sharding/shard-query-plan.js';
import { ShardingCluster } from '../src/engines/sharding/sharding-cluster.js';
import { QueryLatency } from '../src/services/coordinator/query-latency.js';

/** One turn: `queries` runs of one query over one table. */
export interface ScatterTurn {
  shards: number;
  query: string;
  round: number;
  /** The execution's `durationMs` (cluster clock: the slowest fragment's round trip + scan). */
  clusterMs: number;
  /** This process's CPU per query: plan (parse, route), every fragment's read, filter and partial result, and the merge. */
  cpuMicrosPerQuery: number;
  rowsScanned: number;
}

export interface ScatterSettings {
  /** Rows of every table, the same in each (so only the shard count differs). */
  rows: number;
  /** Shard counts; the first is the baseline. */
  shardCounts: number[];
  queriesPerTurn: number;
  rounds: number;
}

/** The two queries of issue 14: an aggregate (partials merged by the coordinator) and a top-n (each shard sends its own first n). */
export const SCATTER_QUERIES: Record<string, (table: string) => string> = {
  aggregate: (table) => `SELECT region, SUM(amount) AS total, COUNT(*) AS orders FROM ${table} GROUP BY region`,
  'top-n': (table) => `SELECT id, amount FROM ${table} ORDER BY amount DESC, id LIMIT 10`,
};

/** Four writable nodes hold the shards; node-5, node-1's standby, holds none and coordinates, so every fragment crosses the network. */
const WRITABLE_NODE_IDS = ['node-1', 'node-2', 'node-3', 'node-4'];
const COORDINATOR_NODE_ID = 'node-5';
const REGIONS = ['eu-west', 'eu-north', 'us-east', 'us-west', 'ap-south', 'ap-east', 'sa-east', 'af-south'];

/**
 * The same rows in a table of each shard count (`HASH` on `id`, spread over four standalone
 * nodes by the engine's placement), queried by the real executor as the distributed-query module
 * assembles it: rows read from node storage, the round trip from the simulated network's link
 * model (`QueryLatency` over `DEFAULT_LINK`). The executor has a clock of its own, so advancing it
 * fires only the query's timers (the replication cluster's would otherwise count as query CPU).
 * Turns rotate their order every round; the first round is a warm-up, not returned. The results of
 * every shard count are checked equal to the first's.
 */
export function measureScatterGather(settings: ScatterSettings): { turns: ScatterTurn[]; nodesUsed: Map<number, number> } {
  const runtime = new SimulationRuntime({ seed: 1, startMs: Date.UTC(2030, 0, 1) });
  const nodeIds = [...WRITABLE_NODE_IDS, COORDINATOR_NODE_ID];
  const replication = ReplicationCluster.bootstrap({ runtime }, { nodeIds, replicaIds: [COORDINATOR_NODE_ID] });
  const coordinator = new ClusterCoordinator({ shardCount: 4, replicationFactor: 1, shardMoveDurationMs: 0 }, nodeIds.map((nodeId) => ({ nodeId })));
  const sharding = new ShardingCluster({ coordinator, replication, clock: runtime.clock, changed: () => undefined });
  const rows = Array.from({ length: settings.rows }, (_, index) => ({ id: index, region: REGIONS[(index * 7) % REGIONS.length]!, amount: (index * 7919) % 10_000 }));
  const tables = settings.shardCounts.map((shards) => {
    const table = `orders_by_${shards}`;
    sharding.createTable({
      tableName: table,
      columns: [{ name: 'id', type: 'INTEGER' }, { name: 'region', type: 'STRING' }, { name: 'amount', type: 'INTEGER' }],
      shardKeyColumns: ['id'],
      strategy: { type: 'HASH', numShards: shards },
    });
    for (let start = 0; start < rows.length; start += 10_000) sharding.writeRows(table, rows.slice(start, start + 10_000));
    // Placement and statistics once per table: the bench times the query, not the shard listing.
    const planned = sharding.shardsOf(table).map((shard): PlannedShard => ({ shardId: shard.shardId, servingNodeId: shard.primaryNodeId, status: shard.state, statistics: { rowCount: shard.rowCount, sizeBytes: shard.sizeBytes } }));
    const nodes = new Set(planned.map((shard) => shard.servingNodeId));
    return { shards, table, router: sharding.router(table), planned, nodes: nodes.size };
  });

  const clock = new VirtualClock(runtime.clock.now());
  const latency = new QueryLatency(DEFAULT_LINK, runtime.faults);
  const executor = new DistributedQueryExecutor(
    {
      clock,
      roundTripMs: (from, to) => latency.roundTripMs(from, to),
      readRows: (fragment) => sharding.readShardTableOn(fragment.nodeId, fragment.shardName).map((stored) => stored.row as QueryRow),
    },
    validateDistributedQueryConfig(),
  );
  const runOnce = (text: string, target: (typeof tables)[number]): DistributedExecution => {
    const execution = executor.execute(explainSelect(text, target.router, target.planned, COORDINATOR_NODE_ID), COORDINATOR_NODE_ID);
    while (execution.status === 'RUNNING') clock.advance(1);
    if (execution.status !== 'COMPLETED') throw new Error(`${text} ended ${execution.status}: ${execution.error}`);
    return execution;
  };

  // Same rows, so every layout must answer alike: a bench over wrong answers measures nothing.
  for (const [name, query] of Object.entries(SCATTER_QUERIES)) {
    const expected = JSON.stringify(runOnce(query(tables[0]!.table), tables[0]!).result?.rows);
    for (const target of tables.slice(1)) {
      const answered = JSON.stringify(runOnce(query(target.table), target).result?.rows);
      if (answered !== expected) throw new Error(`the ${name} query over ${target.shards} shards answered ${answered}, over ${tables[0]!.shards}: ${expected}`);
    }
  }

  const turns: ScatterTurn[] = [];
  const order = tables.flatMap((target) => Object.keys(SCATTER_QUERIES).map((query) => ({ target, query })));
  for (let round = 0; round <= settings.rounds; round += 1) {
    const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
    for (const { target, query } of rotated) {
      const text = SCATTER_QUERIES[query]!(target.table);
      let execution: DistributedExecution | null = null;
      const before = process.cpuUsage();
      for (let index = 0; index < settings.queriesPerTurn; index += 1) execution = runOnce(text, target);
      const spent = process.cpuUsage(before);
      if (round === 0) continue;
      turns.push({
        shards: target.shards,
        query,
        round,
        clusterMs: execution!.durationMs!,
        cpuMicrosPerQuery: (spent.user + spent.system) / settings.queriesPerTurn,
        rowsScanned: execution!.rowsScanned,
      });
    }
  }
  replication.close();
  return { turns, nodesUsed: new Map(tables.map((target) => [target.shards, target.nodes])) };
}

/** The setup, for the heading. */
export function describeScatterLayout(settings: ScatterSettings): string {
  return `${settings.rows} rows per table, HASH on id over ${settings.shardCounts.join(', ')} shards, placed on ${WRITABLE_NODE_IDS.length} standalone nodes; coordinator ${COORDINATOR_NODE_ID} (a standby holding no shard)`;
}
