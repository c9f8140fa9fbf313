import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { Services } from '../../../../services/services.js';
import type { AddShardRequest, ShardedTableQuery, TableShardQuery, UpdateShardedTableRequest } from '../../../../services/sharding/sharded-table-service.js';
import type { Shard, ShardedTable } from '../../../../services/sharding/sharding-shapes.js';
import type { CreateTableInput } from '../../../../engines/sharding/sharding-cluster.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

interface ListQuery {
  limit?: number;
  offset?: number;
  order?: 'asc' | 'desc';
  fields?: string;
}

type TableListQuery = ListQuery & Omit<ShardedTableQuery, 'sortBy' | 'fields'> & { sort_by?: ShardedTableQuery['sortBy'] };
type ShardListQuery = ListQuery & Omit<TableShardQuery, 'sortBy' | 'fields'> & { sort_by?: TableShardQuery['sortBy'] };

/**
 * REST handlers of /api/v1/advanced-replication/sharding tables, shards and rows, and of the
 * seeds' variant paths (/api/v1/sharding/…, /api/v1/replication/sharding/…), each bound to the
 * handler of its primary twin: the same parameters, body and answer.
 */
export function shardedTableHandlers({ shardedTables }: Services): HandlerTable {
  const list = (context: OperationContext, query: TableListQuery) => {
    const page = shardedTables.list(context, {
      strategy: query.strategy,
      shardGroup: query.shardGroup,
      sortBy: query.sort_by,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
      fields: query.fields?.split(','),
    });
    return { status: 200 as const, body: okPage({ ...page, items: sparseItems<ShardedTable>(page.items) }) };
  };
  const create = async (context: OperationContext, body: unknown) => ({ status: 201 as const, body: ok((await shardedTables.create(context, body as CreateTableInput))) });
  const get = (context: OperationContext, table: string) => ({ status: 200 as const, body: ok(shardedTables.get(context, table)) });
  const drop = async (context: OperationContext, table: string) => ({ status: 200 as const, body: ok(await shardedTables.drop(context, table)) });
  const listShards = (context: OperationContext, table: string, query: ShardListQuery) => {
    const page = shardedTables.listShards(context, table, {
      status: query.status,
      primaryNodeId: query.primaryNodeId,
      sortBy: query.sort_by,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
      fields: query.fields?.split(','),
    });
    return { status: 200 as const, body: okPage({ ...page, items: sparseItems<Shard>(page.items) }) };
  };
  const statistics = (context: OperationContext, operationId: Parameters<typeof shardedTables.statistics>[1], table: string | undefined) => ({
    status: 200 as const,
    body: ok(shardedTables.statistics(context, operationId, table)),
  });
  return {
    listShardedTables: ({ query, context }) => list(context, query),
    listShardedTablesAlias: ({ query, context }) => list(context, query),
    createShardedTable: ({ body, context }) => create(context, body),
    createShardedTableAlias: ({ body, context }) => create(context, body),
    createShardedTableReplicationAlias: ({ body, context }) => create(context, body),
    getShardedTable: ({ path, context }) => get(context, path.table),
    getShardedTableAlias: ({ path, context }) => get(context, path.name),
    updateShardedTable: async ({ path, body, context }) => ({
      status: 200,
      body: ok((await shardedTables.update(context, path.table, body as UpdateShardedTableRequest))),
    }),
    dropShardedTable: ({ path, context }) => drop(context, path.table),
    dropShardedTableAlias: ({ path, context }) => drop(context, path.name),
    listTableShards: ({ path, query, context }) => listShards(context, path.table, query),
    listTableShardsAlias: ({ path, query, context }) => listShards(context, path.name, query),
    addShard: async ({ path, body, context }) => ({ status: 201, body: ok((await shardedTables.addShard(context, path.table, body as AddShardRequest))) }),
    getTableShard: ({ path, context }) => ({ status: 200, body: ok(shardedTables.getShard(context, path.table, path.id)) }),
    setShardStatus: async ({ path, body, context }) => ({ status: 200, body: ok((await shardedTables.setShardStatus(context, path.table, path.id, body.status))) }),
    writeShardedRows: async ({ path, body, context }) => ({ status: 200, body: ok(await shardedTables.writeRows(context, path.table, body.rows)) }),
    listShardRows: ({ path, query, context }) => ({ status: 200, body: okPage(shardedTables.listRows(context, path.table, path.id, query)) }),
    getShardingStatistics: ({ query, context }) => statistics(context, 'getShardingStatistics', query.table),
    getShardingStatisticsReplicationAlias: ({ query, context }) => statistics(context, 'getShardingStatisticsReplicationAlias', query.table),
    getShardedTableStatisticsAlias: ({ path, context }) => statistics(context, 'getShardedTableStatisticsAlias', path.name),
  };
}
