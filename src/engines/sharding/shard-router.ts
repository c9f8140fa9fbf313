/**
 * Routing of a sharded table: a key to its one shard, and a predicate on the shard key to the set
 * of shards it can touch, each with the reason level by level (the hash value and token range,
 * the range or list matched). Built once from a normalized definition; pure and deterministic, so
 * the same definition routes the same way after a restart.
 */
import { DomainError, assert } from '../runtime/domain-error.js';
import type { FieldValue } from '../replication/wal-record.js';
import { HashRing } from '../dht/hash-ring.js';
import { fnv1aHashFunction, murmur3HashFunction, tokenOf, type HashFunction } from '../dht/hash-function.js';
import { shardIdOf, shardIndexOfToken, tokenRangeOfShard, type TokenRange } from '../coordinator/shard-ranges.js';
import type { ShardPlacement } from '../coordinator/shard-placement.js';
import { CONSISTENT_VNODES_PER_SHARD, MAX_KEY_TEXT_LENGTH, MAX_PREDICATE_CONDITIONS, MAX_PREDICATE_KEYS } from './sharding-config.js';
import { compareKeyValues, describeType, identityOf, isValueOfType, keyTextOf, showKeyValue, type ColumnType, type KeyValue } from './shard-key.js';
import {
  levelsOf,
  shardCountOfLevel,
  shardNameOf,
  type NormalizedLevel,
  type RangeDefinition,
  type ShardHashFunction,
  type ShardedTableDefinition,
} from './sharded-table.js';

/** Why a key went to a bucket of a HASH level. */
export interface HashReason {
  strategy: 'HASH';
  keyColumns: string[];
  /** The text hashed (README, "Hash functions"). */
  keyText: string;
  hashFunction: ShardHashFunction;
  /** Unsigned 32-bit hash of the key text's UTF-8 bytes. */
  hashValue: number;
  bucket: number;
  /** The bucket's slice of the hash space; null for CONSISTENT, whose slices are the ring's. */
  tokenRange: TokenRange | null;
  /** CONSISTENT only: the token of the vnode that owns the hash value. */
  vnodeToken: number | null;
}

export interface RangeReason {
  strategy: 'RANGE';
  keyColumn: string;
  value: KeyValue;
  bucket: number;
  rangeIndex: number;
  range: RangeDefinition;
}

export interface ListReason {
  strategy: 'LIST';
  keyColumn: string;
  value: KeyValue;
  bucket: number;
  /** The list holding the value; null when the default shard took it. */
  listIndex: number | null;
}

export type LevelReason = HashReason | RangeReason | ListReason;

export interface KeyRoute {
  /** 0-based, in shard order. */
  shardIndex: number;
  /** 1-based: the shard's number in its name. */
  shardNumber: number;
  shardName: string;
  /** One per level of the strategy, first level first. */
  reasons: LevelReason[];
}

export type ConditionOperator = 'EQ' | 'IN' | 'GT' | 'GTE' | 'LT' | 'LTE';

/** One condition of a conjunction: `column op value`, or `column IN values`. */
export interface KeyCondition {
  column: string;
  op: ConditionOperator;
  value?: KeyValue;
  values?: KeyValue[];
}

/** Which buckets of one level a predicate can touch, and why. */
export interface LevelSelection {
  strategy: NormalizedLevel['type'];
  keyColumns: string[];
  buckets: number[];
  /** True when fewer than all of the level's buckets are selected. */
  pruned: boolean;
  why: string;
  /** The routes of the values the predicate pins, when it pins some. */
  matches: LevelReason[];
}

export interface PredicateRoute {
  /** 0-based, ascending. Empty when the conditions contradict each other. */
  shardIndexes: number[];
  shardNames: string[];
  singleShard: boolean;
  /** Every shard of the table: nothing was pruned. */
  scatter: boolean;
  levels: LevelSelection[];
  /** Conditions on columns outside the shard key: they filter rows, not shards. */
  unusedConditions: KeyCondition[];
}

/** A shard with the nodes holding it, for the key → shard → node answer. */
export interface ShardOnNodes {
  shardIndex: number;
  shardName: string;
  primaryNodeId: string | null;
  replicaNodeIds: string[];
}

/** What conditions say about one column: pinned values (null: none pinned) and bounds. */
interface ColumnConstraint {
  points: KeyValue[] | null;
  lower: { value: KeyValue; inclusive: boolean } | null;
  upper: { value: KeyValue; inclusive: boolean } | null;
}

interface LevelRouter {
  readonly level: NormalizedLevel;
  readonly bucketCount: number;
  bucketOf(values: readonly KeyValue[]): LevelReason;
  select(constraints: ReadonlyMap<string, ColumnConstraint>): LevelSelection;
}

const OPERATORS: readonly ConditionOperator[] = ['EQ', 'IN', 'GT', 'GTE', 'LT', 'LTE'];

export class ShardRouter {
  private readonly typeOf: ReadonlyMap<string, ColumnType>;
  private readonly levels: LevelRouter[];
  /** strides[i]: how many shards one bucket of level i spans (mixed radix, first level most significant). */
  private readonly strides: number[];
  readonly shardCount: number;

  constructor(readonly definition: ShardedTableDefinition) {
    this.typeOf = new Map(definition.columns.map((column) => [column.name, column.type]));
    this.levels = levelsOf(definition.strategy).map((level) => levelRouter(level));
    this.strides = [];
    let stride = 1;
    for (let index = this.levels.length - 1; index >= 0; index -= 1) {
      this.strides[index] = stride;
      stride *= this.levels[index]!.bucketCount;
    }
    this.shardCount = stride;
  }

  /**
   * The one shard of a key: `key` gives a value for every shard key column (other fields are
   * ignored, so a whole row routes too).
   * @throws DomainError UNPROCESSABLE for a missing, null or mistyped key value, a key text over
   * the limit, or a LIST value in no list without a default shard.
   */
  routeKey(key: Readonly<Record<string, FieldValue | undefined>>): KeyRoute {
    const problems: string[] = [];
    for (const column of this.definition.shardKeyColumns) {
      const value = key?.[column];
      const type = this.typeOf.get(column)!;
      if (value === undefined || value === null) problems.push(`shard key column ${column} has no value`);
      else if (!isValueOfType(value, type)) problems.push(`${column} is ${showKeyValue(value)}, not ${describeType(type)}`);
    }
    if (problems.length > 0) throw this.unroutable(problems);
    const reasons = this.levels.map((level) => level.bucketOf(level.level.keyColumns.map((column) => key[column] as KeyValue)));
    const shardIndex = reasons.reduce((sum, reason, index) => sum + reason.bucket * this.strides[index]!, 0);
    assert(shardIndex >= 0 && shardIndex < this.shardCount, `shard index ${shardIndex} is one of ${this.shardCount}`);
    return { shardIndex, shardNumber: shardIndex + 1, shardName: shardNameOf(this.definition.tableName, shardIndex + 1), reasons };
  }

  /**
   * The shards a conjunction of conditions can touch. Conditions on columns outside the shard key
   * are returned as unused.
   * @throws DomainError UNPROCESSABLE for an unknown column or operator, a mistyped value, or too
   * many conditions or values.
   */
  routePredicate(conditions: readonly KeyCondition[]): PredicateRoute {
    const constraints = this.constraintsOf(conditions);
    const unusedConditions = conditions.filter((condition) => !this.definition.shardKeyColumns.includes(condition.column)).map((condition) => ({ ...condition }));
    const levels = this.levels.map((level) => level.select(constraints));
    let shardIndexes = [0];
    for (const [index, level] of levels.entries()) {
      shardIndexes = shardIndexes.flatMap((base) => level.buckets.map((bucket) => base + bucket * this.strides[index]!));
    }
    shardIndexes.sort((a, b) => a - b);
    return {
      shardIndexes,
      shardNames: shardIndexes.map((index) => shardNameOf(this.definition.tableName, index + 1)),
      singleShard: shardIndexes.length === 1,
      scatter: shardIndexes.length === this.shardCount,
      levels,
      unusedConditions,
    };
  }

  private constraintsOf(conditions: readonly KeyCondition[]): Map<string, ColumnConstraint> {
    const problems: string[] = [];
    if (!Array.isArray(conditions) || conditions.length > MAX_PREDICATE_CONDITIONS) {
      throw new DomainError('UNPROCESSABLE', `A predicate has at most ${MAX_PREDICATE_CONDITIONS} conditions.`, { problems: ['too many conditions'] });
    }
    const constraints = new Map<string, ColumnConstraint>();
    for (const [index, condition] of conditions.entries()) {
      const where = `conditions[${index}]`;
      const type = this.typeOf.get(condition?.column);
      if (type === undefined) {
        problems.push(`${where}.column "${condition?.column}" is not a column of ${this.definition.tableName} (${[...this.typeOf.keys()].join(', ')})`);
        continue;
      }
      if (!OPERATORS.includes(condition.op)) {
        problems.push(`${where}.op must be one of ${OPERATORS.join(', ')}`);
        continue;
      }
      const values = condition.op === 'IN' ? condition.values : [condition.value];
      if (!Array.isArray(values) || values.length === 0 || values.length > MAX_PREDICATE_KEYS) {
        problems.push(`${where}.values must list 1 to ${MAX_PREDICATE_KEYS} values for IN`);
        continue;
      }
      const mistyped = values.find((value) => !isValueOfType(value, type));
      if (mistyped !== undefined || values.includes(undefined as never)) {
        problems.push(`${where} compares ${condition.column} with ${showKeyValue(mistyped)}, not ${describeType(type)}`);
        continue;
      }
      const constraint = constraints.get(condition.column) ?? { points: null, lower: null, upper: null };
      narrow(constraint, condition.op, values as KeyValue[]);
      constraints.set(condition.column, constraint);
    }
    if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid predicate on ${this.definition.tableName}: ${problems.join('; ')}.`, { problems });
    return constraints;
  }

  private unroutable(problems: string[]): DomainError {
    return new DomainError('UNPROCESSABLE', `Cannot route the key in ${this.definition.tableName}: ${problems.join('; ')}.`, { problems });
  }
}

/** The shard's nodes from its placement (one placement per shard, in shard order). */
export function shardOnNodes(route: { shardIndex: number; shardName: string }, placements: readonly ShardPlacement[]): ShardOnNodes {
  const placement = placements[route.shardIndex];
  assert(placement !== undefined, `shard ${route.shardName} has a placement`);
  return { shardIndex: route.shardIndex, shardName: route.shardName, primaryNodeId: placement.primaryNodeId, replicaNodeIds: [...placement.replicaNodeIds] };
}

/** Adds one condition to a column's constraint: pinned values intersect, bounds tighten. */
function narrow(constraint: ColumnConstraint, op: ConditionOperator, values: KeyValue[]): void {
  const value = values[0]!;
  switch (op) {
    case 'EQ':
    case 'IN': {
      const given = new Map(values.map((entry) => [identityOf(entry), entry]));
      constraint.points = constraint.points === null ? [...given.values()] : constraint.points.filter((point) => given.has(identityOf(point)));
      return;
    }
    case 'GT':
    case 'GTE': {
      const inclusive = op === 'GTE';
      const order = constraint.lower === null ? 1 : compareKeyValues(value, constraint.lower.value);
      if (order > 0 || (order === 0 && !inclusive)) constraint.lower = { value, inclusive };
      return;
    }
    case 'LT':
    case 'LTE': {
      const inclusive = op === 'LTE';
      const order = constraint.upper === null ? -1 : compareKeyValues(value, constraint.upper.value);
      if (order < 0 || (order === 0 && !inclusive)) constraint.upper = { value, inclusive };
      return;
    }
  }
}

function aboveLower(value: KeyValue, constraint: ColumnConstraint): boolean {
  if (constraint.lower === null) return true;
  const order = compareKeyValues(value, constraint.lower.value);
  return order > 0 || (order === 0 && constraint.lower.inclusive);
}

function belowUpper(value: KeyValue, constraint: ColumnConstraint): boolean {
  if (constraint.upper === null) return true;
  const order = compareKeyValues(value, constraint.upper.value);
  return order < 0 || (order === 0 && constraint.upper.inclusive);
}

/** The pinned values within the bounds; null when the column pins none. */
function pointsOf(constraint: ColumnConstraint | undefined): KeyValue[] | null {
  if (constraint?.points == null) return null;
  return constraint.points.filter((point) => aboveLower(point, constraint) && belowUpper(point, constraint));
}

/** True when no value can satisfy the bounds. */
function boundsEmpty(constraint: ColumnConstraint): boolean {
  if (constraint.lower === null || constraint.upper === null) return false;
  const order = compareKeyValues(constraint.lower.value, constraint.upper.value);
  return order > 0 || (order === 0 && !(constraint.lower.inclusive && constraint.upper.inclusive));
}

function everyBucket(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

function distinctSorted(buckets: readonly number[]): number[] {
  return [...new Set(buckets)].sort((a, b) => a - b);
}

function levelRouter(level: NormalizedLevel): LevelRouter {
  switch (level.type) {
    case 'HASH':
      return hashLevel(level);
    case 'RANGE':
      return rangeLevel(level);
    case 'LIST':
      return listLevel(level);
  }
}

/** The selection of a level from the points a predicate pins on its one column. */
function selectByPoints(router: SingleColumnRouter, points: readonly KeyValue[], column: string): LevelSelection {
  const matches = points.map((point) => router.bucketOfOrNull(point)).filter((reason): reason is LevelReason => reason !== null);
  const buckets = distinctSorted(matches.map((reason) => reason.bucket));
  return {
    strategy: router.level.type,
    keyColumns: [...router.level.keyColumns],
    buckets,
    pruned: buckets.length < router.bucketCount,
    why: points.length === 0 ? `the conditions on ${column} contradict each other: no value satisfies them` : `${column} is pinned to ${points.map(showKeyValue).join(', ')}`,
    matches,
  };
}

interface SingleColumnRouter extends LevelRouter {
  bucketOfOrNull(value: KeyValue): LevelReason | null;
}

/** Where a key text hashes to among `numShards` buckets. */
export interface HashedKey {
  hashValue: number;
  bucket: number;
  tokenRange: TokenRange | null;
  vnodeToken: number | null;
}

/**
 * The hashing of a HASH level (README, "Hash functions"), for the router and the key analysis.
 * Building it costs a ring for CONSISTENT: build once, hash many.
 */
export function hashBucketer(hashFunction: ShardHashFunction, numShards: number): (keyText: string) => HashedKey {
  const hash: HashFunction = hashFunction === 'FNV' ? fnv1aHashFunction : murmur3HashFunction(0);
  if (hashFunction !== 'CONSISTENT') {
    return (keyText) => {
      const hashValue = tokenOf(hash, keyText);
      const bucket = shardIndexOfToken(hashValue, numShards);
      return { hashValue, bucket, tokenRange: tokenRangeOfShard(bucket, numShards), vnodeToken: null };
    };
  }
  // The shards are the members of a DHT ring; ring member ids are the coordinator's shard ids.
  const ring = HashRing.empty(hash).withNodes(everyBucket(numShards).map((bucket) => ({ nodeId: shardIdOf(bucket), vnodeCount: CONSISTENT_VNODES_PER_SHARD })));
  const bucketOfMember = new Map(everyBucket(numShards).map((bucket) => [shardIdOf(bucket), bucket]));
  return (keyText) => {
    const hashValue = tokenOf(hash, keyText);
    const vnode = ring.ownerOfToken(hashValue);
    return { hashValue, bucket: bucketOfMember.get(vnode.nodeId)!, tokenRange: null, vnodeToken: vnode.token };
  };
}

function hashLevel(level: NormalizedLevel & { type: 'HASH' }): LevelRouter {
  const { numShards, hashFunction, keyColumns } = level;
  const hashed = hashBucketer(hashFunction, numShards);
  const router: LevelRouter = {
    level,
    bucketCount: numShards,
    bucketOf(values) {
      const keyText = keyTextOf(values);
      if (keyText.length > MAX_KEY_TEXT_LENGTH) {
        throw new DomainError('UNPROCESSABLE', `The shard key text is ${keyText.length} characters; at most ${MAX_KEY_TEXT_LENGTH}.`, { keyColumns });
      }
      return { strategy: 'HASH', keyColumns: [...keyColumns], keyText, hashFunction, ...hashed(keyText) };
    },
    select(constraints) {
      const pinned = keyColumns.map((column) => pointsOf(constraints.get(column)));
      const unpinned = keyColumns.filter((_, index) => pinned[index] === null);
      const all = { strategy: 'HASH' as const, keyColumns: [...keyColumns], buckets: everyBucket(numShards), pruned: false, matches: [] };
      if (unpinned.length > 0) return { ...all, why: `no equality on ${unpinned.join(', ')}: a hash is pruned only by equalities on every hashed column` };
      const combinations = pinned.reduce((product, points) => product * points!.length, 1);
      if (combinations > MAX_PREDICATE_KEYS) return { ...all, why: `${combinations} key combinations exceed ${MAX_PREDICATE_KEYS}: every shard is asked` };
      let keys: KeyValue[][] = [[]];
      for (const points of pinned) keys = keys.flatMap((prefix) => points!.map((point) => [...prefix, point]));
      const matches = keys.map((values) => router.bucketOf(values));
      const buckets = distinctSorted(matches.map((reason) => reason.bucket));
      const why =
        keys.length === 0
          ? `the conditions on ${keyColumns.join(', ')} contradict each other: no value satisfies them`
          : `${keys.length} key${keys.length === 1 ? '' : 's'} hashed with ${hashFunction}: ${matches.map((reason) => `${(reason as HashReason).keyText} → ${(reason as HashReason).hashValue}`).join(', ')}`;
      return { ...all, buckets, pruned: buckets.length < numShards, why, matches };
    },
  };
  return router;
}

function rangeLevel(level: NormalizedLevel & { type: 'RANGE' }): LevelRouter {
  const { ranges, keyColumns } = level;
  const column = keyColumns[0]!;
  const reasonOf = (value: KeyValue, rangeIndex: number): RangeReason => ({ strategy: 'RANGE', keyColumn: column, value, bucket: rangeIndex, rangeIndex, range: { ...ranges[rangeIndex]! } });
  const router: SingleColumnRouter = {
    level,
    bucketCount: ranges.length,
    bucketOfOrNull(value) {
      // The first range whose upper bound is above the value: ranges are ascending and covering.
      let low = 0;
      let high = ranges.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        const upper = ranges[middle]!.upperBound;
        if (upper === null || compareKeyValues(value, upper) < 0) high = middle;
        else low = middle + 1;
      }
      return reasonOf(value, low);
    },
    bucketOf(values) {
      return router.bucketOfOrNull(values[0]!)!;
    },
    select(constraints) {
      const constraint = constraints.get(column);
      const points = pointsOf(constraint);
      if (points !== null) return selectByPoints(router, points, column);
      const selection = { strategy: 'RANGE' as const, keyColumns: [...keyColumns], matches: [] };
      if (constraint === undefined) return { ...selection, buckets: everyBucket(ranges.length), pruned: false, why: `no condition on ${column}` };
      if (boundsEmpty(constraint)) return { ...selection, buckets: [], pruned: true, why: `the conditions on ${column} contradict each other: no value satisfies them` };
      const buckets = everyBucket(ranges.length).filter((index) => {
        const { lowerBound, upperBound } = ranges[index]!;
        // A range [lower, upper) meets the interval when it starts before the interval ends and ends after it starts.
        const startsBeforeEnd = lowerBound === null || constraint.upper === null || compareKeyValues(lowerBound, constraint.upper.value) < (constraint.upper.inclusive ? 1 : 0);
        const endsAfterStart = upperBound === null || constraint.lower === null || compareKeyValues(upperBound, constraint.lower.value) > 0;
        return startsBeforeEnd && endsAfterStart;
      });
      return { ...selection, buckets, pruned: buckets.length < ranges.length, why: `${column} is in ${intervalText(constraint)}: ${buckets.length} of ${ranges.length} ranges meet it` };
    },
  };
  return router;
}

function listLevel(level: NormalizedLevel & { type: 'LIST' }): LevelRouter {
  const { lists, defaultShard, keyColumns } = level;
  const column = keyColumns[0]!;
  const listOfValue = new Map<string, number>();
  for (const [index, list] of lists.entries()) for (const value of list.values) listOfValue.set(identityOf(value), index);
  const bucketCount = shardCountOfLevel(level);
  const router: SingleColumnRouter = {
    level,
    bucketCount,
    bucketOfOrNull(value) {
      const listIndex = listOfValue.get(identityOf(value));
      if (listIndex !== undefined) return { strategy: 'LIST', keyColumn: column, value, bucket: listIndex, listIndex };
      return defaultShard ? { strategy: 'LIST', keyColumn: column, value, bucket: lists.length, listIndex: null } : null;
    },
    bucketOf(values) {
      const reason = router.bucketOfOrNull(values[0]!);
      if (reason === null) {
        throw new DomainError('UNPROCESSABLE', `No shard takes ${column} = ${showKeyValue(values[0])}: it is in no list, and the table has no default shard.`, {
          problems: [`${column} ${showKeyValue(values[0])} is in no list`],
        });
      }
      return reason;
    },
    select(constraints) {
      const constraint = constraints.get(column);
      const points = pointsOf(constraint);
      if (points !== null) return selectByPoints(router, points, column);
      const selection = { strategy: 'LIST' as const, keyColumns: [...keyColumns], matches: [] };
      if (constraint === undefined) return { ...selection, buckets: everyBucket(bucketCount), pruned: false, why: `no condition on ${column}` };
      if (boundsEmpty(constraint)) return { ...selection, buckets: [], pruned: true, why: `the conditions on ${column} contradict each other: no value satisfies them` };
      const buckets = everyBucket(lists.length).filter((index) => lists[index]!.values.some((value) => aboveLower(value, constraint) && belowUpper(value, constraint)));
      // The default shard may hold any value in the interval.
      if (defaultShard) buckets.push(lists.length);
      return { ...selection, buckets, pruned: buckets.length < bucketCount, why: `${column} is in ${intervalText(constraint)}: ${buckets.length} of ${bucketCount} shards hold such values` };
    },
  };
  return router;
}

function intervalText(constraint: ColumnConstraint): string {
  const lower = constraint.lower === null ? '(-∞' : `${constraint.lower.inclusive ? '[' : '('}${showKeyValue(constraint.lower.value)}`;
  const upper = constraint.upper === null ? '+∞)' : `${showKeyValue(constraint.upper.value)}${constraint.upper.inclusive ? ']' : ')'}`;
  return `${lower}, ${upper}`;
}
