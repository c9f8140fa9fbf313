/**
 * Sharded-table definitions and their validation: one function that fills defaults, rejects a
 * bad definition with every problem listed (UNPROCESSABLE), and returns the normalized definition
 * that is persisted. Validating a normalized definition again gives it back unchanged.
 */
import { DomainError } from '../runtime/domain-error.js';
import {
  MAX_COMPOSITE_LEVELS,
  MAX_LIST_VALUES,
  MAX_SHARD_KEY_COLUMNS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_NAME_LENGTH,
  MAX_TABLE_SHARDS,
} from './sharding-config.js';
import { COLUMN_TYPES, compareKeyValues, describeType, identityOf, isValueOfType, showKeyValue, type ColumnType, type KeyValue } from './shard-key.js';

/** The hash functions of the seed, each one of the DHT's (README, "Hash functions"). */
export type ShardHashFunction = 'DEFAULT' | 'CONSISTENT' | 'MURMUR3' | 'FNV';

export const SHARD_HASH_FUNCTIONS: readonly ShardHashFunction[] = Object.freeze(['DEFAULT', 'CONSISTENT', 'MURMUR3', 'FNV']);

export interface ColumnDefinition {
  name: string;
  type: ColumnType;
}

/** Shards by the hash of the key columns' values: `numShards` equal slices of the hash space. */
export interface HashSharding {
  type: 'HASH';
  numShards: number;
  hashFunction: ShardHashFunction;
  /** The columns hashed; the table's shard key when absent (required inside COMPOSITE). */
  keyColumns?: string[];
}

/** Keys from `lowerBound` (included) to `upperBound` (excluded); null is unbounded. */
export interface RangeDefinition {
  lowerBound: KeyValue | null;
  upperBound: KeyValue | null;
}

/** Shards by ranges of one column, ascending, not overlapping, covering every value. */
export interface RangeSharding {
  type: 'RANGE';
  ranges: RangeDefinition[];
  keyColumns?: string[];
}

export interface ListDefinition {
  values: KeyValue[];
}

/** Shards by lists of values of one column; the default shard, last, takes the rest. */
export interface ListSharding {
  type: 'LIST';
  lists: ListDefinition[];
  defaultShard: boolean;
  keyColumns?: string[];
}

/** A level of a composite strategy, or a strategy on its own. */
export type LevelStrategy = HashSharding | RangeSharding | ListSharding;

/** Every combination of the levels' shards, the first level most significant. */
export interface CompositeSharding {
  type: 'COMPOSITE';
  strategies: LevelStrategy[];
}

export type ShardingStrategy = LevelStrategy | CompositeSharding;

export interface ShardedTableDefinition {
  tableName: string;
  schemaName: string;
  columns: ColumnDefinition[];
  shardKeyColumns: string[];
  strategy: ShardingStrategy;
}

/** What a caller gives: defaults may be left out. */
export interface ShardedTableInput {
  tableName: string;
  schemaName?: string;
  columns: ColumnDefinition[];
  shardKeyColumns: string[];
  strategy: ShardingStrategyInput;
}

export type LevelStrategyInput =
  | (Omit<HashSharding, 'hashFunction'> & { hashFunction?: ShardHashFunction })
  | RangeSharding
  | (Omit<ListSharding, 'defaultShard'> & { defaultShard?: boolean });

export type ShardingStrategyInput = LevelStrategyInput | { type: 'COMPOSITE'; strategies: LevelStrategyInput[] };

/** A normalized level: its key columns always named. */
export type NormalizedLevel = LevelStrategy & { keyColumns: string[] };

const NAME_PATTERN = new RegExp(`^[A-Za-z_][A-Za-z0-9_]{0,${MAX_TABLE_NAME_LENGTH - 1}}$`);
const COLUMN_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The levels of a normalized strategy: itself, or a composite's strategies. */
export function levelsOf(strategy: ShardingStrategy): NormalizedLevel[] {
  return (strategy.type === 'COMPOSITE' ? strategy.strategies : [strategy]) as NormalizedLevel[];
}

/** Shards a level cuts its keys into. */
export function shardCountOfLevel(level: LevelStrategy): number {
  switch (level.type) {
    case 'HASH':
      return level.numShards;
    case 'RANGE':
      return level.ranges.length;
    case 'LIST':
      return level.lists.length + (level.defaultShard ? 1 : 0);
  }
}

/** Shards of the table: the product of its levels' counts. */
export function shardCountOf(definition: ShardedTableDefinition): number {
  return levelsOf(definition.strategy).reduce((product, level) => product * shardCountOfLevel(level), 1);
}

/** `orders_3` for shard number 3: the shard's name and its table in node storage. */
export function shardNameOf(tableName: string, shardNumber: number): string {
  return `${tableName}_${shardNumber}`;
}

/**
 * The normalized definition. @throws DomainError UNPROCESSABLE listing every problem (details
 * `problems`): names, columns, key columns, and each strategy's own rules.
 */
export function validateShardedTable(input: ShardedTableInput): ShardedTableDefinition {
  const problems: string[] = [];
  const tableName = typeof input?.tableName === 'string' ? input.tableName : '';
  if (!NAME_PATTERN.test(tableName)) problems.push(`tableName must be letters, digits and _, starting with a letter or _, at most ${MAX_TABLE_NAME_LENGTH} characters`);
  const schemaName = input?.schemaName ?? 'public';
  if (typeof schemaName !== 'string' || !NAME_PATTERN.test(schemaName)) problems.push(`schemaName must be letters, digits and _, at most ${MAX_TABLE_NAME_LENGTH} characters`);

  const columns = checkColumns(input?.columns, problems);
  const typeOf = new Map(columns.map((column) => [column.name, column.type]));
  const shardKeyColumns = checkKeyColumns(input?.shardKeyColumns, 'shardKeyColumns', typeOf, tableName, problems) ?? [];

  const strategy = checkStrategy(input?.strategy, shardKeyColumns, typeOf, tableName, problems);
  if (strategy !== null && problems.length === 0) {
    const shards = levelsOf(strategy).reduce((product, level) => product * shardCountOfLevel(level), 1);
    if (shards > MAX_TABLE_SHARDS) problems.push(`the strategy makes ${shards} shards; a table has at most ${MAX_TABLE_SHARDS}`);
  }
  if (problems.length > 0 || strategy === null) {
    const name = tableName === '' ? 'sharded table' : `sharded table "${tableName}"`;
    throw new DomainError('UNPROCESSABLE', `Invalid ${name}: ${problems.join('; ')}.`, { problems });
  }
  return { tableName, schemaName, columns, shardKeyColumns, strategy };
}

function checkColumns(input: unknown, problems: string[]): ColumnDefinition[] {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_TABLE_COLUMNS) {
    problems.push(`columns must list 1 to ${MAX_TABLE_COLUMNS} columns`);
    return [];
  }
  const columns: ColumnDefinition[] = [];
  const seen = new Set<string>();
  for (const [index, column] of input.entries()) {
    const name: unknown = column?.name;
    const type: unknown = column?.type;
    if (typeof name !== 'string' || !COLUMN_NAME_PATTERN.test(name)) {
      problems.push(`columns[${index}].name must be letters, digits and _, starting with a letter or _, at most 63 characters`);
      continue;
    }
    if (!COLUMN_TYPES.includes(type as ColumnType)) {
      problems.push(`column "${name}" has type ${JSON.stringify(type)}; use one of ${COLUMN_TYPES.join(', ')}`);
      continue;
    }
    if (seen.has(name)) problems.push(`column "${name}" is declared twice`);
    seen.add(name);
    columns.push({ name, type: type as ColumnType });
  }
  return columns;
}

/** The key columns if they are well formed, else null with the problems recorded. */
function checkKeyColumns(input: unknown, field: string, typeOf: ReadonlyMap<string, ColumnType>, tableName: string, problems: string[]): string[] | null {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_SHARD_KEY_COLUMNS || !input.every((name) => typeof name === 'string')) {
    problems.push(`${field} must name 1 to ${MAX_SHARD_KEY_COLUMNS} columns`);
    return null;
  }
  const names = input as string[];
  let valid = true;
  for (const [index, name] of names.entries()) {
    if (names.indexOf(name) !== index) {
      problems.push(`${field} names "${name}" twice`);
      valid = false;
    } else if (typeOf.size > 0 && !typeOf.has(name)) {
      problems.push(`key column "${name}" is not a column of ${tableName || 'the table'} (${[...typeOf.keys()].join(', ')})`);
      valid = false;
    }
  }
  return valid ? [...names] : null;
}

function checkStrategy(
  input: ShardingStrategyInput | undefined,
  shardKeyColumns: readonly string[],
  typeOf: ReadonlyMap<string, ColumnType>,
  tableName: string,
  problems: string[],
): ShardingStrategy | null {
  if (input?.type === 'COMPOSITE') {
    const levels = input.strategies;
    if (!Array.isArray(levels) || levels.length < 2 || levels.length > MAX_COMPOSITE_LEVELS) {
      problems.push(`a COMPOSITE strategy has 2 to ${MAX_COMPOSITE_LEVELS} strategies`);
      return null;
    }
    const checked: NormalizedLevel[] = [];
    for (const [index, level] of levels.entries()) {
      const where = `strategies[${index}]`;
      if ((level as { type?: string })?.type === 'COMPOSITE') {
        problems.push(`${where} is COMPOSITE; a composite cannot nest another: list its levels instead`);
        continue;
      }
      if (level?.keyColumns === undefined) {
        problems.push(`${where}.keyColumns must name the key columns this level shards by`);
        continue;
      }
      const keyColumns = checkKeyColumns(level.keyColumns, `${where}.keyColumns`, typeOf, tableName, problems);
      if (keyColumns === null) continue;
      const outside = keyColumns.filter((name) => !shardKeyColumns.includes(name));
      if (outside.length > 0) problems.push(`${where}.keyColumns ${outside.join(', ')} are not in shardKeyColumns`);
      const normalized = checkLevel(level, keyColumns, typeOf, where, problems);
      if (normalized !== null) checked.push(normalized);
    }
    const used = new Set(checked.flatMap((level) => level.keyColumns));
    const unused = shardKeyColumns.filter((name) => !used.has(name));
    if (checked.length === levels.length && unused.length > 0) problems.push(`shard key columns ${unused.join(', ')} are used by no level of the COMPOSITE strategy`);
    return checked.length === levels.length ? { type: 'COMPOSITE', strategies: checked } : null;
  }
  if (input === undefined || input === null || typeof input !== 'object') {
    problems.push('strategy must be HASH, RANGE, LIST or COMPOSITE');
    return null;
  }
  if (input.keyColumns !== undefined) {
    const same = Array.isArray(input.keyColumns) && input.keyColumns.length === shardKeyColumns.length && input.keyColumns.every((name, index) => name === shardKeyColumns[index]);
    if (!same) problems.push('strategy.keyColumns, when given outside a COMPOSITE strategy, must equal shardKeyColumns');
  }
  if (shardKeyColumns.length === 0) return null;
  return checkLevel(input, [...shardKeyColumns], typeOf, 'strategy', problems);
}

function checkLevel(input: LevelStrategyInput, keyColumns: string[], typeOf: ReadonlyMap<string, ColumnType>, where: string, problems: string[]): NormalizedLevel | null {
  switch (input?.type) {
    case 'HASH':
      return checkHash(input, keyColumns, where, problems);
    case 'RANGE':
      return checkRange(input, keyColumns, typeOf, where, problems);
    case 'LIST':
      return checkList(input, keyColumns, typeOf, where, problems);
    default:
      problems.push(`${where}.type must be HASH, RANGE or LIST${where === 'strategy' ? ' or COMPOSITE' : ''}`);
      return null;
  }
}

function checkHash(input: LevelStrategyInput & { type: 'HASH' }, keyColumns: string[], where: string, problems: string[]): NormalizedLevel | null {
  const { numShards } = input;
  const hashFunction = input.hashFunction ?? 'DEFAULT';
  let valid = true;
  if (typeof numShards !== 'number' || !Number.isSafeInteger(numShards) || numShards < 1 || numShards > MAX_TABLE_SHARDS) {
    problems.push(`${where}.numShards must be a whole number from 1 to ${MAX_TABLE_SHARDS}`);
    valid = false;
  }
  if (!SHARD_HASH_FUNCTIONS.includes(hashFunction)) {
    problems.push(`${where}.hashFunction must be one of ${SHARD_HASH_FUNCTIONS.join(', ')}`);
    valid = false;
  }
  return valid ? { type: 'HASH', numShards, hashFunction, keyColumns } : null;
}

/** The one column a RANGE or LIST level shards by, with its type; null (problem recorded) otherwise. */
function singleColumn(keyColumns: readonly string[], typeOf: ReadonlyMap<string, ColumnType>, kind: string, where: string, problems: string[]): ColumnType | null {
  if (keyColumns.length !== 1) {
    problems.push(`a ${kind} strategy shards by one key column; ${where} has ${keyColumns.length} (${keyColumns.join(', ')})`);
    return null;
  }
  return typeOf.get(keyColumns[0]!) ?? null;
}

function checkRange(input: RangeSharding, keyColumns: string[], typeOf: ReadonlyMap<string, ColumnType>, where: string, problems: string[]): NormalizedLevel | null {
  const type = singleColumn(keyColumns, typeOf, 'RANGE', where, problems);
  const ranges = input.ranges;
  if (!Array.isArray(ranges) || ranges.length === 0 || ranges.length > MAX_TABLE_SHARDS) {
    problems.push(`${where}.ranges must list 1 to ${MAX_TABLE_SHARDS} ranges`);
    return null;
  }
  if (type === null) return null;
  const before = problems.length;
  const column = keyColumns[0]!;
  const normalized: RangeDefinition[] = [];
  for (const [index, range] of ranges.entries()) {
    const bounds = { lowerBound: range?.lowerBound ?? null, upperBound: range?.upperBound ?? null };
    for (const bound of ['lowerBound', 'upperBound'] as const) {
      const value = bounds[bound];
      if (value !== null && !isValueOfType(value, type)) problems.push(`${where}.ranges[${index}].${bound} ${showKeyValue(value)} is not ${describeType(type)}, the type of ${column}`);
    }
    normalized.push(bounds);
  }
  if (problems.length > before) return null;
  // Coverage: the first starts unbounded, each starts where the previous ends, the last ends unbounded.
  const show = (range: RangeDefinition) => `[${range.lowerBound === null ? '-∞' : showKeyValue(range.lowerBound)}, ${range.upperBound === null ? '+∞' : showKeyValue(range.upperBound)})`;
  for (const [index, range] of normalized.entries()) {
    const name = `${where}.ranges[${index}] ${show(range)}`;
    if (range.lowerBound !== null && range.upperBound !== null && compareKeyValues(range.lowerBound, range.upperBound) >= 0) {
      problems.push(`${name} is empty: its lowerBound must be below its upperBound`);
      continue;
    }
    if (index === 0) {
      if (range.lowerBound !== null) problems.push(`keys below ${showKeyValue(range.lowerBound)} are in no range: the first range must start unbounded (lowerBound null)`);
      continue;
    }
    const previous = normalized[index - 1]!;
    const previousName = `${where}.ranges[${index - 1}] ${show(previous)}`;
    if (previous.upperBound === null) {
      problems.push(`${name} overlaps ${previousName}, which is unbounded above; ranges must be in ascending order`);
    } else if (range.lowerBound === null || compareKeyValues(range.lowerBound, previous.upperBound) < 0) {
      const overlapFrom = range.lowerBound === null ? previous.lowerBound : range.lowerBound;
      const overlap = `[${overlapFrom === null ? '-∞' : showKeyValue(overlapFrom)}, ${showKeyValue(minBound(previous.upperBound, range.upperBound))})`;
      problems.push(`${name} overlaps ${previousName} on ${overlap}`);
    } else if (compareKeyValues(range.lowerBound, previous.upperBound) > 0) {
      problems.push(`keys from ${showKeyValue(previous.upperBound)} to ${showKeyValue(range.lowerBound)} (excluded) are in no range: ${name} must start where ${previousName} ends`);
    }
  }
  const last = normalized.at(-1)!;
  if (last.upperBound !== null) problems.push(`keys from ${showKeyValue(last.upperBound)} up are in no range: the last range must end unbounded (upperBound null)`);
  return problems.length > before ? null : { type: 'RANGE', ranges: normalized, keyColumns };
}

/** The lower of an upper bound and another (null is unbounded). */
function minBound(a: KeyValue, b: KeyValue | null): KeyValue {
  return b === null || compareKeyValues(a, b) <= 0 ? a : b;
}

function checkList(
  input: LevelStrategyInput & { type: 'LIST' },
  keyColumns: string[],
  typeOf: ReadonlyMap<string, ColumnType>,
  where: string,
  problems: string[],
): NormalizedLevel | null {
  const type = singleColumn(keyColumns, typeOf, 'LIST', where, problems);
  const lists = input.lists;
  const defaultShard = input.defaultShard ?? false;
  const before = problems.length;
  if (typeof defaultShard !== 'boolean') problems.push(`${where}.defaultShard must be true or false`);
  if (!Array.isArray(lists) || lists.length === 0 || lists.length > MAX_TABLE_SHARDS) {
    problems.push(`${where}.lists must list 1 to ${MAX_TABLE_SHARDS} lists`);
    return null;
  }
  if (type === null) return null;
  const column = keyColumns[0]!;
  const total = lists.reduce((sum, list) => sum + (Array.isArray(list?.values) ? list.values.length : 0), 0);
  if (total > MAX_LIST_VALUES) {
    problems.push(`${where}.lists hold ${total} values; at most ${MAX_LIST_VALUES}`);
    return null;
  }
  const listOfValue = new Map<string, number>();
  for (const [index, list] of lists.entries()) {
    if (!Array.isArray(list?.values) || list.values.length === 0) {
      problems.push(`${where}.lists[${index}] must hold at least one value`);
      continue;
    }
    for (const value of list.values) {
      if (!isValueOfType(value, type)) {
        problems.push(`${where}.lists[${index}] value ${showKeyValue(value)} is not ${describeType(type)}, the type of ${column}`);
        continue;
      }
      const identity = identityOf(value);
      const first = listOfValue.get(identity);
      if (first === index) problems.push(`${where}.lists[${index}] holds ${showKeyValue(value)} twice`);
      else if (first !== undefined) problems.push(`value ${showKeyValue(value)} is in two lists: ${where}.lists[${first}] and ${where}.lists[${index}]`);
      else listOfValue.set(identity, index);
    }
  }
  if (problems.length > before) return null;
  return { type: 'LIST', lists: lists.map((list) => ({ values: [...list.values] })), defaultShard, keyColumns };
}
