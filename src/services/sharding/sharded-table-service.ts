import { DomainError } from '../../engines/runtime/domain-error.js';
import { groupShardIdOf } from '../../engines/coordinator/shard-groups.js';
import { shardIdOf } from '../../engines/coordinator/shard-ranges.js';
import { DEFAULT_SHARD_GROUP } from '../../engines/sharding/shard-layout.js';
import { shardNameOf } from '../../engines/sharding/sharded-table.js';
import type { KeyValue } from '../../engines/sharding/shard-key.js';
import type { ShardStatus } from '../../engines/sharding/shard-state.js';
import type { ColumnDefinition } from '../../engines/sharding/sharded-table.js';
import type { AddShardInput, CreateTableInput, ShardingCluster, TableShardView } from '../../engines/sharding/sharding-cluster.js';
import type { RowValue } from '../../engines/replication/wal-record.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';
import {
  SHARD_FIELDS,
  SHARDED_TABLE_FIELDS,
  rowsWrittenOf,
  shardedTableOf,
  shardingStatisticsOf,
  shardOf,
  type LastMovedAt,
  type Shard,
  type ShardedRowsWritten,
  type ShardedTable,
  type ShardingStatistics,
} from './sharding-shapes.js';

export interface ShardingServiceDeps {
  sharding: ShardingCluster;
  runner: OperationRunner;
  /** When a shard's placement last moved (the coordinator's record). */
  lastMovedAt: LastMovedAt;
  /** Whether a node runs (not crashed), for the node a route names. */
  nodeRuns: (nodeId: string) => boolean;
}

export interface ShardedTableQuery {
  strategy?: 'HASH' | 'RANGE' | 'LIST' | 'COMPOSITE';
  shardGroup?: string;
  sortBy?: 'tableName' | 'createdAt' | 'shardCount' | 'rowCount' | 'sizeBytes';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface TableShardQuery {
  status?: ShardStatus;
  primaryNodeId?: string;
  sortBy?: 'shardNumber' | 'status' | 'rowCount' | 'sizeBytes';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface UpdateShardedTableRequest {
  addColumns?: ColumnDefinition[];
  schemaName?: string;
}

export interface AddShardRequest {
  splitAt?: KeyValue;
  values?: KeyValue[];
}

const TABLE_TARGET = 'sharding.table';
const SHARD_TARGET = 'sharding.shard';

/**
 * Sharded tables, their shards and rows, and statistics (/api/v1/advanced-replication/sharding
 * and its aliases), over the sharding engine's one catalog and the rows in node storage.
 */
export class ShardedTableService {
  constructor(private readonly deps: ShardingServiceDeps) {}

  // ---- tables --------------------------------------------------------------------------------

  list(context: OperationContext, query: ShardedTableQuery): Page<Partial<ShardedTable>> {
    return this.deps.runner.read(context, 'listShardedTables', () => {
      const tables = this.deps.sharding
        .tables()
        .filter((view) => query.strategy === undefined || view.definition.strategy.type === query.strategy)
        .filter((view) => query.shardGroup === undefined || view.group === query.shardGroup)
        .map((view) => this.tableOf(view.tableName));
      const page = pageOf(tables, { sortBy: query.sortBy ?? 'tableName', order: query.order, limit: query.limit, offset: query.offset });
      return { ...page, items: selectFields(page.items, query.fields, 'tableName', SHARDED_TABLE_FIELDS) };
    });
  }

  get(context: OperationContext, tableName: string): ShardedTable {
    return this.deps.runner.read(context, 'getShardedTable', () => this.tableOf(tableName));
  }

  create(context: OperationContext, input: CreateTableInput): Promise<ShardedTable> {
    return this.deps.runner.run(context, 'createShardedTable', creationOf<ShardedTable>(TABLE_TARGET, (table) => table.tableName, input?.tableName), () =>
      withReason(() => this.tableOf(this.deps.sharding.createTable(input).tableName), createConflictReason),
    );
  }

  update(context: OperationContext, tableName: string, request: UpdateShardedTableRequest): Promise<ShardedTable> {
    return this.deps.runner.run(context, 'updateShardedTable', `${TABLE_TARGET}/${tableName}`, () => {
      this.deps.sharding.alterTable(tableName, { addColumns: request.addColumns, schemaName: request.schemaName });
      return this.tableOf(tableName);
    });
  }

  drop(context: OperationContext, tableName: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, 'dropShardedTable', `${TABLE_TARGET}/${tableName}`, () =>
      withReason(
        () => {
          this.deps.sharding.dropTable(tableName);
          return { id: tableName, deleted: true as const };
        },
        (error) => ('state' in (error.details ?? {}) ? 'SHARD_BUSY' : 'NODE_NOT_WRITABLE'),
      ),
    );
  }

  // ---- shards --------------------------------------------------------------------------------

  listShards(context: OperationContext, tableName: string, query: TableShardQuery): Page<Partial<Shard>> {
    return this.deps.runner.read(context, 'listTableShards', () => {
      const page = pageOf(this.shardsOf(tableName), {
        filters: { status: query.status, primaryNodeId: query.primaryNodeId },
        sortBy: query.sortBy ?? 'shardNumber',
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'id', SHARD_FIELDS) };
    });
  }

  getShard(context: OperationContext, tableName: string, shardId: string): Shard {
    return this.deps.runner.read(context, 'getTableShard', () => this.shardApi(this.shardView(tableName, shardId)));
  }

  /** The strategy decides what the request must say (RANGE: splitAt; LIST: values; HASH: nothing). */
  addShard(context: OperationContext, tableName: string, request: AddShardRequest): Promise<Shard> {
    const creation = creationOf<Shard>(SHARD_TARGET, (shard) => shard.id, tableName);
    return this.deps.runner.run(context, 'addShard', creation, () => {
      const strategy = this.deps.sharding.table(tableName).definition.strategy.type;
      const input: AddShardInput =
        strategy === 'RANGE'
          ? { strategy, splitAt: request.splitAt as KeyValue }
          : strategy === 'LIST'
            ? { strategy, values: request.values as KeyValue[] }
            : ({ strategy } as AddShardInput);
      return withReason(
        () => this.shardApi(this.deps.sharding.addShard(tableName, input)),
        (error) => ('group' in (error.details ?? {}) ? 'COLOCATED' : 'state' in (error.details ?? {}) ? 'SHARD_BUSY' : 'NODE_NOT_WRITABLE'),
      );
    });
  }

  setShardStatus(context: OperationContext, tableName: string, shardId: string, status: ShardStatus): Promise<Shard> {
    return this.deps.runner.run(context, 'setShardStatus', `${SHARD_TARGET}/${tableName}/${shardId}`, () => {
      const shard = this.shardView(tableName, shardId);
      // Asking for the state it is in is no transition (README, "Shard states").
      if (shard.state === status) return this.shardApi(shard);
      return withReason(() => this.shardApi(this.deps.sharding.setShardState(tableName, shard.shardNumber, status, 'OPERATOR')), () => 'ILLEGAL_TRANSITION');
    });
  }

  // ---- rows ----------------------------------------------------------------------------------

  writeRows(context: OperationContext, tableName: string, rows: readonly unknown[]): Promise<ShardedRowsWritten> {
    return this.deps.runner.run(context, 'writeShardedRows', `${TABLE_TARGET}/${tableName}`, () => {
      const result = withReason(
        () => this.deps.sharding.writeRows(tableName, rows),
        (error) => ('state' in (error.details ?? {}) ? 'SHARD_NOT_WRITABLE' : 'NODE_NOT_WRITABLE'),
      );
      const { group } = this.deps.sharding.table(tableName);
      return rowsWrittenOf(result, (shardNumber) => apiShardIdOf(group, shardNumber));
    });
  }

  listRows(context: OperationContext, tableName: string, shardId: string, page: { limit?: number; offset?: number }): Page<RowValue> {
    return this.deps.runner.read(context, 'listShardRows', () => {
      const shard = this.shardView(tableName, shardId);
      const limit = page.limit ?? 50;
      const offset = page.offset ?? 0;
      const read = withReason(
        () => this.deps.sharding.readShardRows(tableName, shard.shardNumber, { limit, offset }),
        (error) => ('state' in (error.details ?? {}) ? 'SHARD_NOT_READABLE' : 'NO_COPY_UP'),
      );
      return { items: read.rows, total: read.total, limit, offset, hasMore: offset + read.rows.length < read.total };
    });
  }

  // ---- statistics ----------------------------------------------------------------------------

  statistics(context: OperationContext, operationId: 'getShardingStatistics' | 'getShardingStatisticsReplicationAlias' | 'getShardedTableStatisticsAlias', tableName?: string): ShardingStatistics {
    return this.deps.runner.read(context, operationId, () => {
      const names = tableName === undefined ? this.deps.sharding.tables().map((view) => view.tableName) : [this.deps.sharding.table(tableName).tableName];
      return shardingStatisticsOf(names.map((name) => ({ tableName: name, shards: this.shardsOf(name) })));
    });
  }

  // ---- internals -----------------------------------------------------------------------------

  private tableOf(tableName: string): ShardedTable {
    return shardedTableOf(this.deps.sharding.table(tableName), this.shardsOf(tableName));
  }

  private shardsOf(tableName: string): Shard[] {
    return this.deps.sharding.shardsOf(tableName).map((view) => this.shardApi(view));
  }

  private shardApi(view: TableShardView): Shard {
    return shardOf(view, this.deps.lastMovedAt(view.shardId));
  }

  /**
   * A table's shard by its id (`orders-shard-2`, `shard-3`) or its name (`orders_2`), measuring
   * only that shard. @throws NOT_FOUND.
   */
  private shardView(tableName: string, shardId: string): TableShardView {
    const { group, shardCount } = this.deps.sharding.table(tableName);
    for (let shardNumber = 1; shardNumber <= shardCount; shardNumber += 1) {
      if (shardId === apiShardIdOf(group, shardNumber) || shardId === shardNameOf(tableName, shardNumber)) return this.deps.sharding.shardOf(tableName, shardNumber);
    }
    throw new DomainError('NOT_FOUND', `Sharded table ${tableName} has no shard ${shardId}.`, { resource: 'sharding.shard', id: shardId });
  }
}

/** The coordinator's id of a group's shard N, as the engine names it: `shard-N` in the default group, else `<group>-shard-N`. */
function apiShardIdOf(group: string, shardNumber: number): string {
  return group === DEFAULT_SHARD_GROUP ? shardIdOf(shardNumber - 1) : groupShardIdOf(group, shardNumber);
}

/** Which refusal of a create the engine's details name: the table's name, a leftover group, no writable node, or the catalog's limit. */
function createConflictReason(error: DomainError): string {
  const details = error.details ?? {};
  if ('tableName' in details) return 'group' in details ? 'GROUP_TAKEN' : 'ALREADY_EXISTS';
  return 'group' in details ? 'NO_WRITABLE_NODE' : 'LIMIT_REACHED';
}

/**
 * Runs `work`; a CONFLICT it throws without a `details.reason` gets the stable reason the
 * contract documents for this operation (the engine words the message, the API names the case).
 */
export function withReason<T>(work: () => T, reasonOf: (error: DomainError) => string): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT' && error.details?.reason === undefined) {
      throw new DomainError('CONFLICT', error.message, { reason: reasonOf(error), ...error.details });
    }
    throw error;
  }
}
