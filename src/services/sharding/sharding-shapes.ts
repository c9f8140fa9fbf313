/**
 * The contract's shapes of sharded tables, shards, routes and statistics
 * (spec/openapi/components/sharding.yaml), and the pure mappers from the sharding engine's views to
 * them: cluster epoch milliseconds become ISO times, LSNs PostgreSQL's `X/Y`, a shard's storage
 * table its name, and a route's shards carry the node that would answer.
 */
import { formatLsn } from '../../engines/replication/lsn.js';
import type { KeyCondition, LevelReason, LevelSelection, PredicateRoute } from '../../engines/sharding/shard-router.js';
import type { LevelBounds } from '../../engines/sharding/shard-layout.js';
import { SHARD_STATUSES, acceptsWrites, servesReads, type ShardStatus } from '../../engines/sharding/shard-state.js';
import type { ColumnDefinition, ShardingStrategy } from '../../engines/sharding/sharded-table.js';
import type { RoutedKey, ShardedTableView, TableShardView, WriteResult } from '../../engines/sharding/sharding-cluster.js';
import { isoTime } from '../platform/iso-time.js';

export type ShardOperation = 'READ' | 'WRITE';

export interface Shard {
  id: string;
  name: string;
  shardNumber: number;
  tableName: string;
  shardGroup: string;
  status: ShardStatus;
  primaryNodeId: string | null;
  replicaNodeIds: string[];
  rowCount: number;
  sizeBytes: number;
  lastRebalance: string | null;
  metadata: { storageTable: string; bounds: LevelBounds[] };
}

export interface ShardedTable {
  tableName: string;
  schemaName: string;
  columns: ColumnDefinition[];
  shardKeyColumns: string[];
  primaryKeyColumns: string[];
  strategy: ShardingStrategy;
  shardGroup: string;
  shardCount: number;
  rowCount: number;
  sizeBytes: number;
  shards: Shard[];
  createdAt: string;
  updatedAt: string;
}

/** The fields of a sharded table a sparse fieldset may name. */
export const SHARDED_TABLE_FIELDS: readonly string[] = Object.freeze([
  'tableName',
  'schemaName',
  'columns',
  'shardKeyColumns',
  'primaryKeyColumns',
  'strategy',
  'shardGroup',
  'shardCount',
  'rowCount',
  'sizeBytes',
  'shards',
  'createdAt',
  'updatedAt',
]);

/** The fields of a shard a sparse fieldset may name. */
export const SHARD_FIELDS: readonly string[] = Object.freeze([
  'id',
  'name',
  'shardNumber',
  'tableName',
  'shardGroup',
  'status',
  'primaryNodeId',
  'replicaNodeIds',
  'rowCount',
  'sizeBytes',
  'lastRebalance',
  'metadata',
]);

export interface RoutedShard {
  shardId: string;
  shardName: string;
  shardNumber: number;
  status: ShardStatus;
  nodeId: string | null;
  primaryNodeId: string | null;
  replicaNodeIds: string[];
  served: boolean;
  unservedReason: string | null;
}

export interface ShardRoute {
  table: string;
  operation: ShardOperation;
  mode: 'KEY' | 'PREDICATE';
  key: { shardNumber: number; shardName: string; reasons: LevelReason[] } | null;
  levels: LevelSelection[];
  shards: RoutedShard[];
  singleShard: boolean;
  scatter: boolean;
  unusedConditions: KeyCondition[];
}

export type ShardStatusCounts = Record<ShardStatus, number>;

export interface ShardedTableStatistics {
  tableName: string;
  shardCount: number;
  rowCount: number;
  sizeBytes: number;
  minShardRows: number;
  maxShardRows: number;
  meanShardRows: number;
  skew: number;
  shardsByStatus: ShardStatusCounts;
}

export interface ShardNodeStatistics {
  nodeId: string;
  primaryShards: number;
  replicaShards: number;
  rowCount: number;
  sizeBytes: number;
}

export interface ShardingStatistics {
  tables: number;
  shards: number;
  rowCount: number;
  sizeBytes: number;
  shardsByStatus: ShardStatusCounts;
  tableStatistics: ShardedTableStatistics[];
  nodes: ShardNodeStatistics[];
}

export interface ShardedRowsWritten {
  table: string;
  rowsWritten: number;
  shards: { shardId: string; shardName: string; shardNumber: number; nodeId: string; rows: number; commits: number; lsn: string }[];
}

/** When a shard's placement last moved, as the coordinator keeps it (null if never). */
export type LastMovedAt = (shardId: string) => number | null;

export function shardOf(view: TableShardView, lastMovedAtMs: number | null): Shard {
  return {
    id: view.shardId,
    name: view.storageTable,
    shardNumber: view.shardNumber,
    tableName: view.tableName,
    shardGroup: view.group,
    status: view.state,
    primaryNodeId: view.primaryNodeId,
    replicaNodeIds: [...view.replicaNodeIds],
    rowCount: view.rowCount,
    sizeBytes: view.sizeBytes,
    lastRebalance: lastMovedAtMs === null ? null : isoTime(lastMovedAtMs),
    metadata: { storageTable: view.storageTable, bounds: view.bounds.levels },
  };
}

export function shardedTableOf(view: ShardedTableView, shards: readonly Shard[]): ShardedTable {
  const { definition } = view;
  return {
    tableName: definition.tableName,
    schemaName: definition.schemaName,
    columns: definition.columns.map((column) => ({ ...column })),
    shardKeyColumns: [...definition.shardKeyColumns],
    primaryKeyColumns: [...view.primaryKeyColumns],
    strategy: structuredClone(definition.strategy),
    shardGroup: view.group,
    shardCount: view.shardCount,
    rowCount: shards.reduce((sum, shard) => sum + shard.rowCount, 0),
    sizeBytes: shards.reduce((sum, shard) => sum + shard.sizeBytes, 0),
    shards: [...shards],
    createdAt: isoTime(view.createdAtMs),
    updatedAt: isoTime(view.updatedAtMs),
  };
}

/** What decides who answers for a shard: whether each node runs. */
export type NodeRuns = (nodeId: string) => boolean;

/**
 * A routed shard with the node that would answer: a WRITE needs the shard to take writes and its
 * primary to run; a READ needs a state that serves reads and the primary, or else a replica, up.
 */
export function routedShardOf(
  shard: { shardNumber: number; shardId: string; storageTable: string; state: ShardStatus; primaryNodeId: string | null; replicaNodeIds: string[] },
  operation: ShardOperation,
  runs: NodeRuns,
): RoutedShard {
  const base = {
    shardId: shard.shardId,
    shardName: shard.storageTable,
    shardNumber: shard.shardNumber,
    status: shard.state,
    primaryNodeId: shard.primaryNodeId,
    replicaNodeIds: [...shard.replicaNodeIds],
  };
  const primaryUp = shard.primaryNodeId !== null && runs(shard.primaryNodeId);
  if (operation === 'WRITE') {
    if (!acceptsWrites(shard.state)) return { ...base, nodeId: shard.primaryNodeId, served: false, unservedReason: `the shard is ${shard.state}: it takes no writes` };
    if (!primaryUp) return { ...base, nodeId: null, served: false, unservedReason: shard.primaryNodeId === null ? 'the shard has no primary node' : `its primary ${shard.primaryNodeId} is down` };
    return { ...base, nodeId: shard.primaryNodeId, served: true, unservedReason: null };
  }
  const nodeId = primaryUp ? shard.primaryNodeId : (shard.replicaNodeIds.find(runs) ?? null);
  if (!servesReads(shard.state)) return { ...base, nodeId, served: false, unservedReason: `the shard is ${shard.state}: it serves no reads` };
  if (nodeId === null) return { ...base, nodeId: null, served: false, unservedReason: 'no node holding it is up' };
  return { ...base, nodeId, served: true, unservedReason: null };
}

/** A key's route; it is a scatter only when the table has one shard (every shard is selected). */
export function keyRouteOf(table: string, shardCount: number, route: RoutedKey, operation: ShardOperation, runs: NodeRuns): ShardRoute {
  const shard = routedShardOf({ ...route, storageTable: route.shardName }, operation, runs);
  return {
    table,
    operation,
    mode: 'KEY',
    key: { shardNumber: route.shardNumber, shardName: route.shardName, reasons: route.reasons },
    levels: [],
    shards: [shard],
    singleShard: true,
    scatter: shardCount === 1,
    unusedConditions: [],
  };
}

export function predicateRouteOf(
  table: string,
  route: PredicateRoute & { shards: Parameters<typeof routedShardOf>[0][] },
  operation: ShardOperation,
  runs: NodeRuns,
): ShardRoute {
  return {
    table,
    operation,
    mode: 'PREDICATE',
    key: null,
    levels: route.levels,
    shards: route.shards.map((shard) => routedShardOf(shard, operation, runs)),
    singleShard: route.singleShard,
    scatter: route.scatter,
    unusedConditions: route.unusedConditions,
  };
}

export function rowsWrittenOf(result: WriteResult, shardIdOf: (shardNumber: number) => string): ShardedRowsWritten {
  return {
    table: result.tableName,
    rowsWritten: result.rowsWritten,
    shards: result.shards.map((shard) => ({
      shardId: shardIdOf(shard.shardNumber),
      shardName: shard.storageTable,
      shardNumber: shard.shardNumber,
      nodeId: shard.nodeId,
      rows: shard.rows,
      commits: shard.commits,
      lsn: formatLsn(shard.lastLsn),
    })),
  };
}

export function emptyStatusCounts(): ShardStatusCounts {
  return Object.fromEntries(SHARD_STATUSES.map((status) => [status, 0])) as ShardStatusCounts;
}

/** One table's spread of rows over its shards: the fullest over the mean (1 even, 0 with no rows). */
export function tableStatisticsOf(tableName: string, shards: readonly Shard[]): ShardedTableStatistics {
  const rows = shards.map((shard) => shard.rowCount);
  const rowCount = rows.reduce((sum, count) => sum + count, 0);
  const mean = shards.length === 0 ? 0 : rowCount / shards.length;
  const max = Math.max(0, ...rows);
  const shardsByStatus = emptyStatusCounts();
  for (const shard of shards) shardsByStatus[shard.status] += 1;
  return {
    tableName,
    shardCount: shards.length,
    rowCount,
    sizeBytes: shards.reduce((sum, shard) => sum + shard.sizeBytes, 0),
    minShardRows: rows.length === 0 ? 0 : Math.min(...rows),
    maxShardRows: max,
    meanShardRows: mean,
    skew: rowCount === 0 ? 0 : max / mean,
    shardsByStatus,
  };
}

/** Every table's statistics, summed, with what each node holds (primaries' rows on their node). */
export function shardingStatisticsOf(tables: readonly { tableName: string; shards: readonly Shard[] }[]): ShardingStatistics {
  const tableStatistics = tables.map(({ tableName, shards }) => tableStatisticsOf(tableName, shards));
  const shardsByStatus = emptyStatusCounts();
  for (const table of tableStatistics) for (const status of SHARD_STATUSES) shardsByStatus[status] += table.shardsByStatus[status];
  const nodes = new Map<string, ShardNodeStatistics>();
  const nodeOf = (nodeId: string) => {
    let node = nodes.get(nodeId);
    if (node === undefined) {
      node = { nodeId, primaryShards: 0, replicaShards: 0, rowCount: 0, sizeBytes: 0 };
      nodes.set(nodeId, node);
    }
    return node;
  };
  for (const { shards } of tables) {
    for (const shard of shards) {
      if (shard.primaryNodeId !== null) {
        const primary = nodeOf(shard.primaryNodeId);
        primary.primaryShards += 1;
        primary.rowCount += shard.rowCount;
        primary.sizeBytes += shard.sizeBytes;
      }
      for (const replica of shard.replicaNodeIds) nodeOf(replica).replicaShards += 1;
    }
  }
  return {
    tables: tableStatistics.length,
    shards: tableStatistics.reduce((sum, table) => sum + table.shardCount, 0),
    rowCount: tableStatistics.reduce((sum, table) => sum + table.rowCount, 0),
    sizeBytes: tableStatistics.reduce((sum, table) => sum + table.sizeBytes, 0),
    shardsByStatus,
    tableStatistics,
    nodes: [...nodes.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId, 'en', { numeric: true })),
  };
}
