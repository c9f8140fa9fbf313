/**
 * The move machinery bound to the cluster (README, "Rebalance and migration workflows"): shards,
 * placements and states through the sharding facade and the coordinator (one owner each), rows
 * and WAL through the replication engine's node storage. A group shard's tables are every
 * sharded table of its group; a move flips the placement of all of them at once.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { ClusterCoordinator } from '../coordinator/cluster-coordinator.js';
import type { NodeStorage } from '../replication/node-storage.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { RowWrite } from '../replication/wal-record.js';
import type { PlannedShard, RebalanceNodeInput } from './rebalance-plan.js';
import { rowBytes } from './shard-move-data.js';
import type { ShardMoverPort } from './shard-mover.js';
import type { ShardStatus } from './shard-state.js';
import { DEFAULT_SHARD_GROUP } from './shard-layout.js';
import type { ShardingCluster } from './sharding-cluster.js';

/** Where a group shard is: one of its tables (any: they share the placement) and its number. */
interface ShardAddress {
  tableName: string;
  shardNumber: number;
}

export class ShardingMovePort implements ShardMoverPort {
  constructor(
    private readonly sharding: ShardingCluster,
    private readonly coordinator: ClusterCoordinator,
    private readonly replication: ReplicationCluster,
  ) {}

  storageOf(nodeId: string): NodeStorage {
    return this.replication.storageOf(nodeId);
  }

  commitOn(nodeId: string, writes: readonly RowWrite[]): void {
    this.replication.commitOn(nodeId, writes);
  }

  whyUnavailable(nodeId: string): string | null {
    return this.replication.whyNotWritable(nodeId);
  }

  primaryOf(shardId: string): string | null {
    const address = this.address(shardId);
    return this.sharding.shardOf(address.tableName, address.shardNumber).primaryNodeId;
  }

  statusOf(shardId: string): ShardStatus {
    return this.coordinator.shardState(shardId);
  }

  setStatus(shardId: string, to: ShardStatus): void {
    const address = this.address(shardId);
    this.sharding.setShardState(address.tableName, address.shardNumber, to, 'WORKFLOW');
  }

  flipPrimary(shardId: string, fromNodeId: string, toNodeId: string): void {
    const address = this.address(shardId);
    if (this.sharding.shardOf(address.tableName, address.shardNumber).primaryNodeId !== fromNodeId) return;
    this.sharding.repointShard(address.tableName, address.shardNumber, toNodeId);
  }

  /** The group shards that hold sharded tables, with every table's part measured on the primary. */
  shards(): PlannedShard[] {
    const byId = new Map<string, PlannedShard>();
    for (const table of this.sharding.tables()) {
      for (const shard of this.sharding.shardsOf(table.tableName)) {
        const entry = byId.get(shard.shardId) ?? { shardId: shard.shardId, group: shard.group, primaryNodeId: shard.primaryNodeId, tables: [], rowCount: 0, sizeBytes: 0, moving: false };
        entry.tables.push(shard.storageTable);
        entry.rowCount += shard.rowCount;
        entry.sizeBytes += shard.sizeBytes;
        entry.moving ||= shard.state === 'REBALANCING';
        byId.set(shard.shardId, entry);
      }
    }
    return [...byId.values()];
  }

  nodes(): RebalanceNodeInput[] {
    return this.replication.nodeIds().map((nodeId) => ({ nodeId, writable: this.replication.whyNotWritable(nodeId) === null }));
  }

  lagBytesOf(nodeId: string): number {
    if (nodeId !== this.replication.primary()) return 0;
    return this.replication.listReplicas().reduce((most, replica) => Math.max(most, replica.lagBytes), 0);
  }

  usedBytesOf(nodeId: string): number {
    const storage = this.replication.storageOf(nodeId);
    let bytes = 0;
    for (const table of storage.tableNames()) for (const stored of storage.tableImage(table)) bytes += rowBytes(stored.row);
    return bytes;
  }

  /** `shard-N` is the default group's shard N, `<group>-shard-N` another group's; any table of the group names it. */
  private address(shardId: string): ShardAddress {
    const match = /^(?:(.+)-)?shard-([1-9][0-9]*)$/.exec(shardId);
    const group = match?.[1] ?? DEFAULT_SHARD_GROUP;
    const table = match === null ? undefined : this.sharding.tables().find((candidate) => candidate.group === group);
    if (table === undefined) throw new DomainError('NOT_FOUND', `No sharded table has a shard "${shardId}".`, { resource: 'sharding.shard', id: shardId });
    return { tableName: table.tableName, shardNumber: Number(match![2]) };
  }
}
