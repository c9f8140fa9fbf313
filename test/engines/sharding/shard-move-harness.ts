/**
 * A replication cluster of writable nodes (node-1 the primary, the rest standalone) under a
 * small placement of group shards, as the move workflow sees them through its port. Rows are
 * real commits in node storage; the placement and shard states are this harness's. Engine tests
 * of the workflow run on it without the sharding catalog.
 */
import { ReplicationCluster } from '../../../src/engines/replication/replication-cluster.js';
import { SimulationRuntime } from '../../../src/engines/runtime/index.js';
import { transitionShard, type ShardStatus } from '../../../src/engines/sharding/shard-state.js';
import { rowBytes } from '../../../src/engines/sharding/shard-move-data.js';
import type { ShardMoverPort } from '../../../src/engines/sharding/shard-mover.js';
import type { PlannedShard } from '../../../src/engines/sharding/rebalance-plan.js';
import type { RowValue } from '../../../src/engines/replication/wal-record.js';

export const START_MS = Date.UTC(2030, 0, 1);

export interface HarnessShard {
  shardId: string;
  tables: string[];
  primaryNodeId: string;
}

export class MoveHarness implements ShardMoverPort {
  readonly runtime: SimulationRuntime;
  readonly cluster: ReplicationCluster;
  readonly primaries = new Map<string, string>();
  readonly statuses = new Map<string, ShardStatus>();
  readonly tablesOf = new Map<string, string[]>();
  /** Every row the test wrote and did not delete, per table: what must be there after any move. */
  readonly expected = new Map<string, Map<string, RowValue>>();
  private faultNumber = 0;

  constructor(shards: readonly HarnessShard[], nodeIds = ['node-1', 'node-2', 'node-3'], seed = 1) {
    this.runtime = new SimulationRuntime({ seed, startMs: START_MS });
    this.cluster = ReplicationCluster.bootstrap({ runtime: this.runtime }, { nodeIds, replicaIds: [], config: { statusIntervalMs: 100 } });
    for (const shard of shards) {
      this.primaries.set(shard.shardId, shard.primaryNodeId);
      this.statuses.set(shard.shardId, 'ACTIVE');
      this.tablesOf.set(shard.shardId, shard.tables);
      for (const table of shard.tables) this.expected.set(table, new Map());
    }
  }

  now(): number {
    return this.runtime.clock.now();
  }

  advance(ms: number): number {
    this.runtime.clock.advance(ms);
    return this.now();
  }

  crash(nodeId: string): string {
    const id = `fault-${++this.faultNumber}`;
    this.runtime.faults.inject({ type: 'crash', nodes: [nodeId] }, id, this.now());
    return id;
  }

  heal(id: string): void {
    this.runtime.faults.heal(id);
  }

  /** A write routed as shard-core routes it: to the shard's primary, refused unless the shard accepts writes. */
  write(shardId: string, table: string, key: string, row: RowValue | null): boolean {
    const status = this.statuses.get(shardId)!;
    const nodeId = this.primaries.get(shardId)!;
    if ((status !== 'ACTIVE' && status !== 'REBALANCING') || this.cluster.whyNotWritable(nodeId) !== null) return false;
    if (row === null) {
      if (this.cluster.storageOf(nodeId).getRow(table, key) === undefined) return false;
      this.cluster.commitOn(nodeId, [{ op: 'delete', table, key }]);
      this.expected.get(table)!.delete(key);
    } else {
      this.cluster.commitOn(nodeId, [{ op: 'put', table, key, row }]);
      this.expected.get(table)!.set(key, row);
    }
    return true;
  }

  /** Loads rows in batches (setup, not part of what is measured). */
  load(shardId: string, table: string, count: number, from = 0): void {
    const nodeId = this.primaries.get(shardId)!;
    for (let start = from; start < from + count; start += 1000) {
      const writes = [];
      for (let index = start; index < Math.min(from + count, start + 1000); index += 1) {
        const key = `k${String(index).padStart(7, '0')}`;
        const row = { id: index, name: `row ${index}`, amount: index % 97 };
        writes.push({ op: 'put' as const, table, key, row });
        this.expected.get(table)!.set(key, row);
      }
      this.cluster.commitOn(nodeId, writes);
    }
  }

  /** The rows of a table on the shard's primary, as key → row. */
  rowsServed(shardId: string, table: string): Map<string, RowValue> {
    return new Map(this.cluster.storageOf(this.primaries.get(shardId)!).tableImage(table).map((stored) => [stored.key, stored.row]));
  }

  /** Rows of the shard whose served value differs from the last written (lost, duplicated, stale or extra), as `table/key`; [] when all agree. */
  servedDifferences(shardId: string): string[] {
    const differences: string[] = [];
    for (const table of this.tablesOf.get(shardId)!) {
      const served = this.rowsServed(shardId, table);
      const expected = this.expected.get(table)!;
      for (const [key, row] of served) if (JSON.stringify(expected.get(key)) !== JSON.stringify(row)) differences.push(`${table}/${key}`);
      for (const key of expected.keys()) if (!served.has(key)) differences.push(`${table}/${key} missing`);
    }
    return differences;
  }

  // ---------------------------------------------------------------- the port

  storageOf(nodeId: string) {
    return this.cluster.storageOf(nodeId);
  }

  commitOn(nodeId: string, writes: Parameters<ReplicationCluster['commitOn']>[1]): void {
    this.cluster.commitOn(nodeId, writes);
  }

  whyUnavailable(nodeId: string): string | null {
    return this.cluster.whyNotWritable(nodeId);
  }

  primaryOf(shardId: string): string | null {
    return this.primaries.get(shardId) ?? null;
  }

  statusOf(shardId: string): ShardStatus {
    return this.statuses.get(shardId)!;
  }

  setStatus(shardId: string, to: ShardStatus): void {
    this.statuses.set(shardId, transitionShard(shardId, this.statuses.get(shardId)!, to, 'WORKFLOW'));
  }

  flipPrimary(shardId: string, fromNodeId: string, toNodeId: string): void {
    if (this.primaries.get(shardId) === fromNodeId) this.primaries.set(shardId, toNodeId);
  }

  shards(): PlannedShard[] {
    return [...this.primaries].map(([shardId, nodeId]) => {
      const storage = this.cluster.storageOf(nodeId);
      const tables = this.tablesOf.get(shardId)!;
      let rowCount = 0;
      let sizeBytes = 0;
      for (const table of tables) {
        for (const stored of storage.tableImage(table)) {
          rowCount += 1;
          sizeBytes += rowBytes(stored.row);
        }
      }
      return { shardId, group: 'default', primaryNodeId: nodeId, tables: [...tables], rowCount, sizeBytes, moving: false };
    });
  }

  nodes() {
    return this.cluster.nodeIds().map((nodeId) => ({ nodeId, writable: this.cluster.whyNotWritable(nodeId) === null }));
  }

  lagBytesOf(): number {
    return 0;
  }

  usedBytesOf(nodeId: string): number {
    const storage = this.cluster.storageOf(nodeId);
    let bytes = 0;
    for (const table of storage.tableNames()) for (const stored of storage.tableImage(table)) bytes += rowBytes(stored.row);
    return bytes;
  }
}
