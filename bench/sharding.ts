import { ClusterCoordinator } from '../src/engines/coordinator/cluster-coordinator.js';
import type { RowWrite } from '../src/engines/replication/wal-record.js';
import { ShardMover } from '../src/engines/sharding/shard-mover.js';
import { ShardingMovePort } from '../src/engines/sharding/shard-move-port.js';
import { ShardMoveJournal } from '../src/engines/sharding/shard-move-records.js';
import { ShardingCluster } from '../src/engines/sharding/sharding-cluster.js';
import { journaledCluster } from './journaled-cluster.js';

/** What one rebalance copy measured. */
export interface RebalanceCopyMeasurement {
  rows: number;
  /** Rows a migration moved (copy, catch-up, verify, switch, clean-up) per second of this process's CPU. */
  movedRowsPerCpuSecond: number;
  /** The same rows committed straight to a node (`commitOn` in batches of the copy's size): the write path's own cost. */
  baselineRowsPerCpuSecond: number;
  /** Cluster time the move took, ms (the copy throttle decides it). */
  clusterMs: number;
}

export interface RebalanceCopySettings {
  /** The copy throttle, bytes per second of cluster time: high, so the CPU, not the throttle, is measured. */
  copyRateBytesPerSecond: number;
  /** Cluster ms per tick; the journal is committed after each, as the server's driver does. */
  tickMs: number;
}

const NODE_IDS = ['node-1', 'node-2', 'node-3'];

/**
 * One shard of a sharded table holding `rows` rows moved from node-1 to node-2 by a migration
 * task, as the server assembles the engines (node storage and the mover's records mirrored into
 * SQLite in memory through the journal). The baseline, in the same run, commits the same rows to
 * node-3 in batches of the copy's size: the ratio says what the workflow adds to plain writes
 * (reading the source, replaying its WAL, two verifications, the clean-up's deletes).
 */
export async function measureRebalanceCopy(rows: number, settings: RebalanceCopySettings): Promise<RebalanceCopyMeasurement> {
  const { store, journal, runtime, bus, replication } = await journaledCluster(NODE_IDS);
  const coordinator = new ClusterCoordinator({ shardCount: 4, replicationFactor: 1, shardMoveDurationMs: 0 }, NODE_IDS.map((nodeId) => ({ nodeId })));
  const sharding = new ShardingCluster({ coordinator, replication, clock: runtime.clock, changed: () => undefined });
  // One shard, on node-1 (the only group shard), so every row is in it.
  sharding.createTable({ tableName: 'bench', columns: [{ name: 'id', type: 'INTEGER' }, { name: 'payload', type: 'STRING' }], shardKeyColumns: ['id'], strategy: { type: 'RANGE', ranges: [{ lowerBound: null, upperBound: null }] } });
  const shard = sharding.shardsOf('bench')[0]!;
  const source = shard.primaryNodeId!;
  const target = NODE_IDS.find((nodeId) => nodeId !== source)!;
  const baselineNode = NODE_IDS.find((nodeId) => nodeId !== source && nodeId !== target)!;
  const payload = 'x'.repeat(64);
  for (let start = 0; start < rows; start += 5000) {
    sharding.writeRows('bench', Array.from({ length: Math.min(5000, rows - start) }, (_, index) => ({ id: start + index, payload })));
  }
  await journal.flush();

  const mover = new ShardMover(new ShardingMovePort(sharding, coordinator, replication), { copyRateBytesPerSecond: settings.copyRateBytesPerSecond, maxBatchesPerTick: 10_000 }, new ShardMoveJournal(journal));
  const batchRows = mover.getConfig().copyBatchRows;
  const startedMs = runtime.clock.now();
  let cpuBefore = process.cpuUsage();
  const task = mover.createMigration({ shardId: shard.shardId, targetNodeId: target }, runtime.clock.now());
  mover.start(task.id, {}, runtime.clock.now());
  while (mover.sequence(task.id).state === 'RUNNING') {
    runtime.clock.advance(settings.tickMs);
    mover.tick(runtime.clock.now());
    await journal.flush();
  }
  let cpu = process.cpuUsage(cpuBefore);
  const movedCpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (mover.sequence(task.id).state !== 'COMPLETED') throw new Error(`the move ended ${mover.sequence(task.id).state}`);
  const clusterMs = runtime.clock.now() - startedMs;

  const image = replication.storageOf(target).tableImage(shard.storageTable);
  if (image.length !== rows) throw new Error(`the target holds ${image.length} rows, not ${rows}`);
  cpuBefore = process.cpuUsage();
  for (let start = 0; start < image.length; start += batchRows) {
    const writes: RowWrite[] = image.slice(start, start + batchRows).map((stored) => ({ op: 'put', table: 'baseline', key: stored.key, row: stored.row }));
    replication.commitOn(baselineNode, writes);
    await journal.flush();
  }
  cpu = process.cpuUsage(cpuBefore);
  const baselineCpuSeconds = (cpu.user + cpu.system) / 1e6;

  replication.close();
  await journal.flush();
  bus.close();
  await store.close();
  return { rows, movedRowsPerCpuSecond: rows / movedCpuSeconds, baselineRowsPerCpuSecond: rows / baselineCpuSeconds, clusterMs };
}
