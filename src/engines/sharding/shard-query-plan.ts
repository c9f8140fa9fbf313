/**
 * The distributed plan of a single-table SELECT over a sharded table, without running it (README,
 * "Routing and explain"): the shards its WHERE selects, the fragment each runs and on which node,
 * estimates from each shard's measured statistics, the network hops, and whether the query is
 * single-shard or scatter-gather. Pure: the caller gives the placements, states and statistics.
 */
import { DomainError, assert } from '../runtime/domain-error.js';
import { parseQueryText } from '../query/query-text.js';
import { filtersOf, selectsRows, type Aggregate, type QueryFilter, type QueryValue, type SelectQuery } from '../query/select-query.js';
import { aggregateName, resultName } from '../query/aggregation.js';
import { servesReads, type ShardStatus } from './shard-state.js';
import { describeType, isValueOfType, type KeyValue } from './shard-key.js';
import type { ConditionOperator, KeyCondition, PredicateRoute, ShardRouter } from './shard-router.js';

/** What a shard holds, measured from its table in node storage. */
export interface ShardStatistics {
  rowCount: number;
  sizeBytes: number;
}

export interface PlannedShard {
  /** The coordinator's id of the (group) shard. */
  shardId: string;
  /**
   * The node that serves its reads, by the sharding cluster's one rule (the primary, else a
   * running hot standby); null when none can.
   */
  servingNodeId: string | null;
  /** Why no node serves it, when `servingNodeId` is null. */
  unavailableReason?: string;
  status: ShardStatus;
  statistics: ShardStatistics;
}

export interface QueryFragment {
  shardIndex: number;
  shardName: string;
  /** The node that runs it: the one serving the shard's reads. */
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
  /** The query as parsed, which the fragments and the merge run. */
  query: SelectQuery;
  kind: DistributedPlanKind;
  /** Which shards the WHERE clause selects, and why. */
  route: PredicateRoute;
  fragments: QueryFragment[];
  /** What the coordinator does with the fragments' results; null for one fragment or none. */
  merge: string | null;
  /**
   * The GROUP BY holds the whole shard key, so every group lies in one shard: each fragment
   * finishes its groups (AVG included) and the coordinator only concatenates, orders and limits.
   */
  groupsOnOneShard: boolean;
  /** True when each fragment sends only its own first LIMIT rows in the query's order (per-shard top n): a query of columns, or groups on one shard. */
  topNPerShard: boolean;
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
  // A literal of another type than its column's matches no row: say so instead.
  for (const [index, filter] of filtersOf(query).entries()) {
    const type = columns.find((column) => column.name === filter.column)!.type;
    const values = filter.op === 'IN' ? filter.values : [filter.value];
    const wrong = values.find((value) => value !== null && !isValueOfType(value, type));
    if (wrong !== undefined) {
      throw new DomainError('UNPROCESSABLE', `WHERE condition ${index + 1} compares ${filter.column} (${type}) with ${JSON.stringify(wrong)}, not ${describeType(type)}.`, { field: 'query', column: filter.column, type, value: wrong });
    }
  }
  return planSelect(query, router, shards, coordinatorNodeId);
}

const ROUTED_OPERATORS: Readonly<Record<string, ConditionOperator>> = { '=': 'EQ', '<': 'LT', '<=': 'LTE', '>': 'GT', '>=': 'GTE' };

/**
 * The WHERE conditions the router can prune with (`<>` cannot), or null when one holds for no
 * row (`= NULL`, an order comparison with NULL, `IN` of NULLs only).
 */
function routableConditions(query: SelectQuery): KeyCondition[] | null {
  const conditions: KeyCondition[] = [];
  for (const filter of filtersOf(query)) {
    if (filter.op === 'IN') {
      const values = filter.values.filter((value): value is KeyValue => value !== null);
      if (values.length === 0) return null;
      conditions.push({ column: filter.column, op: 'IN', values });
      continue;
    }
    const op = ROUTED_OPERATORS[filter.op ?? '='];
    if (op === undefined) continue;
    if (filter.value === null) return null;
    conditions.push({ column: filter.column, op, value: filter.value });
  }
  return conditions;
}

/** The plan of a parsed query; see {@link explainSelect}. */
export function planSelect(query: SelectQuery, router: ShardRouter, shards: readonly PlannedShard[], coordinatorNodeId: string | null): DistributedPlan {
  assert(shards.length === router.shardCount, `one planned shard per shard of ${router.definition.tableName}`);
  const conditions = routableConditions(query);
  const routed = router.routePredicate(conditions ?? []);
  const route = conditions === null ? { ...routed, shardIndexes: [], shardNames: [], singleShard: false, scatter: false } : routed;
  const single = route.shardIndexes.length === 1;
  const groupsOnOneShard = !selectsRows(query) && query.groupBy !== undefined && router.definition.shardKeyColumns.every((column) => query.groupBy!.includes(column));
  const topNPerShard = (selectsRows(query) || groupsOnOneShard) && query.limit !== undefined && !single;
  const fragments: QueryFragment[] = [];
  const unavailableShards: DistributedPlan['unavailableShards'] = [];
  for (const [position, shardIndex] of route.shardIndexes.entries()) {
    const shard = shards[shardIndex]!;
    const shardName = route.shardNames[position]!;
    const nodeId = shard.servingNodeId;
    if (!servesReads(shard.status)) unavailableShards.push({ shardName, reason: `it is ${shard.status}` });
    else if (nodeId === null) unavailableShards.push({ shardName, reason: shard.unavailableReason ?? 'no node holds it' });
    else {
      fragments.push({
        shardIndex,
        shardName,
        nodeId,
        sql: fragmentSql(query, shardName, single || groupsOnOneShard ? 'FINAL' : 'PARTIAL'),
        estimatedRows: shard.statistics.rowCount,
        estimatedBytes: shard.statistics.sizeBytes,
        networkHops: nodeId === coordinatorNodeId ? 0 : 2,
      });
    }
  }
  const kind: DistributedPlanKind = route.shardIndexes.length === 0 ? 'NO_SHARD' : single ? 'SINGLE_SHARD' : 'SCATTER_GATHER';
  return {
    table: query.table,
    text: query.text ?? fragmentSql(query, query.table, 'FINAL'),
    query,
    kind,
    route,
    fragments,
    merge: fragments.length > 1 ? mergeStep(query, fragments.length, groupsOnOneShard) : null,
    groupsOnOneShard,
    topNPerShard,
    unavailableShards,
    complete: unavailableShards.length === 0,
    estimatedRows: fragments.reduce((sum, fragment) => sum + fragment.estimatedRows, 0),
    estimatedBytes: fragments.reduce((sum, fragment) => sum + fragment.estimatedBytes, 0),
    networkHops: fragments.reduce((sum, fragment) => sum + fragment.networkHops, 0),
    nodesContacted: [...new Set(fragments.map((fragment) => fragment.nodeId))],
  };
}

/** What the coordinator does with several fragments' results, in words. */
function mergeStep(query: SelectQuery, fragments: number, groupsOnOneShard: boolean): string {
  const order = query.orderBy === undefined ? '' : ` by ${query.orderBy.map((term) => `${term.column} ${term.direction}`).join(', ')}`;
  const limit = query.limit === undefined ? '' : `, keep the first ${query.limit}`;
  if (selectsRows(query) || groupsOnOneShard) {
    const rows = selectsRows(query) ? 'rows' : 'groups (each on one shard: grouped by the whole shard key)';
    const what = query.limit === undefined ? rows : `top ${query.limit} ${rows}`;
    return `Merge ${fragments} shards' ${what} in order${order}${limit} at the coordinator.`;
  }
  const grouping = query.groupBy === undefined ? '' : ` grouped by ${query.groupBy.join(', ')}`;
  const then = order === '' && limit === '' ? '' : `, then order${order}${limit}`;
  return `Merge ${fragments} partial aggregates${grouping} at the coordinator (AVG as SUM / COUNT)${then}.`;
}

/**
 * The SQL a shard runs: the query over the shard's table. A FINAL fragment (the only one) answers
 * the query itself, and so does each fragment of groups that lie on one shard (then its top n);
 * a PARTIAL one computes what the merge needs: AVG becomes SUM and COUNT, and ORDER BY and LIMIT
 * wait for the merge, except for a query of columns, whose shards each send their own first LIMIT
 * rows in order (top n per shard).
 */
function fragmentSql(query: SelectQuery, table: string, role: 'FINAL' | 'PARTIAL'): string {
  const items = [...(query.groupBy ?? [])];
  if (selectsRows(query)) items.push(...(query.columns ?? ['*']));
  const call = (fn: string, column: string | undefined) => `${fn}(${column === undefined || column === '*' ? '*' : column})`;
  for (const aggregate of query.aggregates as readonly Aggregate[]) {
    const { fn, column } = aggregate;
    const named = resultName(aggregate).toLowerCase() === aggregateName(aggregate).toLowerCase() ? '' : ` AS ${resultName(aggregate)}`;
    const parts = role === 'PARTIAL' ? (fn === 'AVG' ? [call('SUM', column), call('COUNT', column)] : [call(fn, column)]) : [`${call(fn, column)}${named}`];
    for (const part of parts) if (!items.includes(part)) items.push(part);
  }
  const where = filtersOf(query).map(conditionSql);
  const ordered = role === 'FINAL' || selectsRows(query);
  const orderBy = ordered && query.orderBy !== undefined ? ` ORDER BY ${query.orderBy.map((term) => `${term.column}${term.direction === 'DESC' ? ' DESC' : ''}`).join(', ')}` : '';
  const limit = ordered && query.limit !== undefined ? ` LIMIT ${query.limit}` : '';
  return [`SELECT ${items.join(', ')} FROM ${table}`, where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '', query.groupBy === undefined ? '' : ` GROUP BY ${query.groupBy.join(', ')}`, orderBy, limit].join('');
}

function conditionSql(filter: QueryFilter): string {
  return filter.op === 'IN' ? `${filter.column} IN (${filter.values.map(literal).join(', ')})` : `${filter.column} ${filter.op ?? '='} ${literal(filter.value)}`;
}

function literal(value: QueryValue): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return value === null ? 'NULL' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}
