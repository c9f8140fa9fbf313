import type {
  Resolvers,
  Shard as GraphQLShard,
  ShardedTable as GraphQLShardedTable,
  ShardingLevelInput,
  ShardingStrategyInput,
  ShardedTableInput,
} from '../../../../../generated/graphql/resolvers-types.js';
import type { CreateTableInput } from '../../../../engines/sharding/sharding-cluster.js';
import type { AddShardRequest, UpdateShardedTableRequest } from '../../../../services/sharding/sharded-table-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

const STRATEGY_TYPES = { HASH: 'HashSharding', RANGE: 'RangeSharding', LIST: 'ListSharding', COMPOSITE: 'CompositeSharding' } as const;

/** A GraphQL strategy input as the REST body writes it: absent fields dropped, a range's open ends null. */
function levelOf(input: ShardingLevelInput | ShardingStrategyInput): Record<string, unknown> {
  const level: Record<string, unknown> = withoutNulls({ ...input, ranges: undefined, lists: undefined, strategies: undefined });
  if (input.ranges) level.ranges = input.ranges.map((range) => ({ lowerBound: range.lowerBound ?? null, upperBound: range.upperBound ?? null }));
  if (input.lists) level.lists = input.lists.map((list) => ({ values: list.values }));
  if ('strategies' in input && input.strategies) level.strategies = input.strategies.map(levelOf);
  return level;
}

function createRequestOf(input: ShardedTableInput): Record<string, unknown> {
  return { ...withoutNulls({ ...input, columns: undefined, strategy: undefined }), columns: input.columns.map((column) => ({ ...column })), strategy: levelOf(input.strategy) };
}

/** GraphQL twins of /api/v1/advanced-replication/sharding tables, shards and rows, and statistics. */
export const shardedTableResolvers: Resolvers = {
  Query: {
    shardedTables: async (_parent, args, { services, operation }) =>
      services.shardedTables.list(await operation(), {
        strategy: args.strategy ?? undefined,
        shardGroup: args.shardGroup ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as unknown as GraphQLShardedTable[],
    shardedTable: async (_parent, { table }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.shardedTables.get(context, table)) as unknown as GraphQLShardedTable | null;
    },
    tableShards: async (_parent, args, { services, operation }) =>
      services.shardedTables.listShards(await operation(), args.table, {
        status: args.status ?? undefined,
        primaryNodeId: args.primaryNodeId ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as unknown as GraphQLShard[],
    tableShard: async (_parent, { table, id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.shardedTables.getShard(context, table, id)) as unknown as GraphQLShard | null;
    },
    shardRows: async (_parent, args, { services, operation }) =>
      services.shardedTables.listRows(await operation(), args.table, args.id, { limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items,
    shardingStatistics: async (_parent, { table }, { services, operation }) => services.shardedTables.statistics(await operation(), 'getShardingStatistics', table ?? undefined),
  },
  Mutation: {
    createShardedTable: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = createRequestOf(input);
      contract.check('CreateShardedTableRequest', request);
      return (await services.shardedTables.create(context, request as unknown as CreateTableInput)) as unknown as GraphQLShardedTable;
    },
    updateShardedTable: async (_parent, { table, input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('UpdateShardedTableRequest', request);
      return (await services.shardedTables.update(context, table, request as UpdateShardedTableRequest)) as unknown as GraphQLShardedTable;
    },
    dropShardedTable: async (_parent, { table }, { services, operation }) => (await services.shardedTables.drop(await operation(), table)).deleted,
    addShard: async (_parent, { table, shard }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(shard);
      contract.check('AddShardRequest', request);
      return (await services.shardedTables.addShard(context, table, request as AddShardRequest)) as unknown as GraphQLShard;
    },
    setShardStatus: async (_parent, { table, id, status }, { services, operation }) =>
      (await services.shardedTables.setShardStatus(await operation(), table, id, status)) as unknown as GraphQLShard,
    writeShardedRows: async (_parent, { table, rows }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('WriteShardedRowsRequest', { rows });
      return services.shardedTables.writeRows(context, table, rows);
    },
  },
  ShardingStrategy: {
    __resolveType: (strategy) => STRATEGY_TYPES[(strategy as unknown as { type: keyof typeof STRATEGY_TYPES }).type],
  },
  Shard: {
    server: (shard) => (shard as unknown as { primaryNodeId: string | null }).primaryNodeId,
  },
};
