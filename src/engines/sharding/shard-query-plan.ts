/**
 * The distributed plan of a single-table SELECT over a sharded table, without running it (README,
 * "Routing and explain"): the shards its WHERE selects, the fragment each runs and on which node,
 * estimates from each shard's measured statistics, the network hops, and whether the query is
 * single-shard or scatter-gather. Pure: the caller gives the placements, states and statistics.
 */
import { DomainError, assert } from '../runtime/domain-error.js';
import type { ShardPlacement } from '../coordinator/shard-placement.js';
import { parseQueryText } from '../query/query-text.js';
import { filtersOf, type Aggregate, type QueryFilter, type SelectQuery } from '../query/select-query.js';
import { servesReads, type ShardStatus } from './shard-state.js';
import type { KeyCondition, PredicateRoute, ShardRouter } from './shard-router.js';

/** What a shard holds, measured from its table in node storage. */
export interface ShardStatistics {
  rowCount: number;
  sizeBytes: number;
}

export interface PlannedShard {
  placement: ShardPlacement;
  status: ShardStatus;
  statistics: ShardStatistics;
}

export interface QueryFragment {
  shardIndex: number;
  shardName: string;
  /** The node that runs it: the shard's primary node. */
  nodeId: string;
  /** The SQL the node runs over the shard's table. */
  sql: string;
  /** Rows the fragment reads: the whole shard (node storage has no secondary indexes). */
  estimatedRows: number;
  estimatedBytes: number;
  /** 0 on the coordinator's own node, else 2 (the request and the partial result). */
  networkHops: number;
}

export type DistributedPlanKind = 'SINGLE_SHARD' | 'SCATTER_GATHER' | 'NO_SHARD';

export interface DistributedPlan {
  table: string;
  text: string;
  kind: DistributedPlanKind;
  /** Which shards the WHERE clause selects, and why. */
  route: PredicateRoute;
  fragments: QueryFragment[];
  /** What the coordinator does with the fragments' results; null for one fragment or none. */
  merge: string | null;
  /** Selected shards no node can answer for (no primary, or a state that serves no reads). */
  unavailableShards: { shardName: string; reason: string }[];
  /** True when every selected shard has a fragment. */
  complete: boolean;
  estimatedRows: number;
  estimatedBytes: number;
  networkHops: number;
  /** Nodes sent a fragment, in the order of the fragments, each once. */
  nodesContacted: string[];
}

/**
 * Parses `text` with the one query parser (its columns checked against the table's) and plans it.
 * @throws DomainError UNPROCESSABLE for SQL outside the subset, another table, or mistyped key values.
 */
export function explainSelect(text: string, router: ShardRouter, shards: readonly PlannedShard[], coordinatorNodeId: string | null): DistributedPlan {
  const { tableName, columns } = router.definition;
  const query = parseQueryText(text, (table) => {
    if (table !== tableName) throw new DomainError('UNPROCESSABLE', `The query reads "${table}"; this plan is for the sharded table "${tableName}".`, { table });
    return columns.map((column) => column.name);
  });
  return planSelect(query, router, shards, coordinatorNodeId);
}

/** The plan of a parsed query; see {@link explainSelect}. */
export function planSelect(query: SelectQuery, router: ShardRouter, shards: readonly PlannedShard[], coordinatorNodeId: string | null): DistributedPlan {
  assert(shards.length === router.shardCount, `one planned shard per shard of ${router.definition.tableName}`);
  const filters = filtersOf(query);
  // `column = NULL` holds for no row: no shard can answer it.
  const conditions = filters.filter((filter) => filter.value !== null).map((filter): KeyCondition => ({ column: filter.column, op: 'EQ', value: filter.value! }));
  const routed = router.routePredicate(conditions);
  const route = filters.some((filter) => filter.value === null) ? { ...routed, shardIndexes: [], shardNames: [], singleShard: false, scatter: false } : routed;
  const single = route.shardIndexes.length === 1;
  const fragments: QueryFragment[] = [];
  const unavailableShards: DistributedPlan['unavailableShards'] = [];
  for (const [position, shardIndex] of route.shardIndexes.entries()) {
    const shard = shards[shardIndex]!;
    const shardName = route.shardNames[position]!;
    const nodeId = shard.placement.primaryNodeId;
    if (nodeId === null) unavailableShards.push({ shardName, reason: 'no node holds it' });
    else if (!servesReads(shard.status)) unavailableShards.push({ shardName, reason: `it is ${shard.status}` });
    else {
      fragments.push({
        shardIndex,
        shardName,
        nodeId,
        sql: fragmentSql(query, shardName, single ? 'FINAL' : 'PARTIAL'),
        estimatedRows: shard.statistics.rowCount,
        estimatedBytes: shard.statistics.sizeBytes,
        networkHops: nodeId === coordinatorNodeId ? 0 : 2,
      });
    }
  }
  const kind: DistributedPlanKind = route.shardIndexes.length === 0 ? 'NO_SHARD' : single ? 'SINGLE_SHARD' : 'SCATTER_GATHER';
  const grouping = query.groupBy === undefined ? '' : ` grouped by ${query.groupBy.join(', ')}`;
  return {
    table: query.table,
    text: query.text ?? fragmentSql(query, query.table, 'FINAL'),
    kind,
    route,
    fragments,
    merge: fragments.length > 1 ? `Merge ${fragments.length} partial aggregates${grouping} at the coordinator (AVG as SUM / COUNT).` : null,
    unavailableShards,
    complete: unavailableShards.length === 0,
    estimatedRows: fragments.reduce((sum, fragment) => sum + fragment.estimatedRows, 0),
    estimatedBytes: fragments.reduce((sum, fragment) => sum + fragment.estimatedBytes, 0),
    networkHops: fragments.reduce((sum, fragment) => sum + fragment.networkHops, 0),
    nodesContacted: [...new Set(fragments.map((fragment) => fragment.nodeId))],
  };
}

/**
 * The SQL a shard runs: the query over the shard's table. A FINAL fragment (the only one) answers
 * the query itself; a PARTIAL one computes what the merge needs: AVG becomes SUM and COUNT.
 */
function fragmentSql(query: SelectQuery, table: string, role: 'FINAL' | 'PARTIAL'): string {
  const items = [...(query.groupBy ?? [])];
  const aggregate = (fn: string, column: string | undefined) => `${fn}(${column === undefined || column === '*' ? '*' : column})`;
  for (const { fn, column } of query.aggregates as readonly Aggregate[]) {
    const parts = role === 'PARTIAL' && fn === 'AVG' ? [aggregate('SUM', column), aggregate('COUNT', column)] : [aggregate(fn, column)];
    for (const part of parts) if (!items.includes(part)) items.push(part);
  }
  const where = filtersOf(query).map((filter) => `${filter.column} = ${literal(filter.value)}`);
  return [`SELECT ${items.join(', ')} FROM ${table}`, where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '', query.groupBy === undefined ? '' : ` GROUP BY ${query.groupBy.join(', ')}`].join('');
}

function literal(value: QueryFilter['value']): string {
  return typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);
}
