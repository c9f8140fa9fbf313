import { DomainError } from '../../engines/runtime/domain-error.js';
import { analyzeShardKey, type ShardKeyAnalysis } from '../../engines/sharding/shard-key-analysis.js';
import type { KeyCondition } from '../../engines/sharding/shard-router.js';
import type { ShardHashFunction } from '../../engines/sharding/sharded-table.js';
import { MAX_ANALYZED_ROWS } from '../../engines/sharding/sharding-config.js';
import type { FieldValue } from '../../engines/replication/wal-record.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { ShardingServiceDeps } from './sharded-table-service.js';
import { keyRouteOf, predicateRouteOf, type ShardOperation, type ShardRoute } from './sharding-shapes.js';

export interface RouteShardQueryRequest {
  table: string;
  key?: Record<string, FieldValue>;
  conditions?: KeyCondition[];
  operation?: ShardOperation;
}

export interface AnalyzeShardKeyRequest {
  table: string;
  keyColumns: string[];
  shardCount?: number;
  hashFunction?: ShardHashFunction;
}

/**
 * The key → shard → node lookup with its reason (/api/v1/advanced-replication/sharding/query/route)
 * and shard key analysis over a table's stored rows (…/analyze-key): both read, neither changes
 * anything, so neither is audited.
 */
export class ShardRoutingService {
  constructor(private readonly deps: ShardingServiceDeps) {}

  /** @throws NOT_FOUND (table); UNPROCESSABLE (neither or both of key and conditions, a key or condition that cannot route). */
  route(context: OperationContext, request: RouteShardQueryRequest): ShardRoute {
    return this.deps.runner.read(context, 'routeShardQuery', () => {
      const { sharding, nodeRuns } = this.deps;
      const table = sharding.table(request.table);
      const operation = request.operation ?? 'READ';
      const hasKey = request.key !== undefined;
      const hasConditions = request.conditions !== undefined;
      if (hasKey === hasConditions) {
        const problem = hasKey ? 'send key or conditions, not both' : 'send a key (a value per shard key column) or conditions';
        throw new DomainError('UNPROCESSABLE', `Cannot route in ${request.table}: ${problem}.`, { problems: [problem] });
      }
      if (hasKey) return keyRouteOf(table.tableName, table.shardCount, sharding.routeKey(table.tableName, request.key!), operation, nodeRuns);
      return predicateRouteOf(table.tableName, sharding.routePredicate(table.tableName, request.conditions!), operation, nodeRuns);
    });
  }

  /**
   * Reads the table's rows from each shard (at most MAX_ANALYZED_ROWS in all) and measures the
   * candidate. @throws NOT_FOUND (table); UNPROCESSABLE (a column not in the table, a bad count).
   */
  analyze(context: OperationContext, request: AnalyzeShardKeyRequest): ShardKeyAnalysis & { table: string } {
    return this.deps.runner.read(context, 'analyzeShardKey', () => {
      const { sharding } = this.deps;
      const table = sharding.table(request.table);
      const columns = table.definition.columns.map((column) => column.name);
      const unknown = request.keyColumns.filter((column) => !columns.includes(column));
      if (unknown.length > 0) {
        const problems = unknown.map((column) => `column ${column} is not a column of ${table.tableName} (${columns.join(', ')})`);
        throw new DomainError('UNPROCESSABLE', `Cannot analyze the shard key: ${problems.join('; ')}.`, { problems });
      }
      const rows: Record<string, FieldValue>[] = [];
      for (const shard of sharding.shardsOf(table.tableName)) {
        if (rows.length >= MAX_ANALYZED_ROWS) break;
        // A shard that serves no reads now adds nothing: the analysis says how many rows it read.
        if (shard.rowCount === 0) continue;
        try {
          // Page by page: one read returns at most the engine's MAX_READ_ROWS.
          for (let offset = 0; rows.length < MAX_ANALYZED_ROWS; ) {
            const read = sharding.readShardRows(table.tableName, shard.shardNumber, { limit: MAX_ANALYZED_ROWS - rows.length, offset });
            rows.push(...(read.rows as Record<string, FieldValue>[]));
            offset += read.rows.length;
            if (read.rows.length === 0 || offset >= read.total) break;
          }
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        }
      }
      const analysis = analyzeShardKey(rows, { keyColumns: request.keyColumns, shardCount: request.shardCount ?? table.shardCount, hashFunction: request.hashFunction });
      return { table: table.tableName, ...analysis };
    });
  }
}
