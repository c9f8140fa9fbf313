/**
 * Rows of sharded tables in node storage (README, "Where rows live"): a row is checked against the
 * table's columns, keyed by its primary key's text, and written as `put` writes to the shard table
 * `<tableName>_<N>` in commits of at most MAX_ROWS_PER_COMMIT rows. Pure functions; the cluster
 * (`sharding-cluster.ts`) commits them.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { FieldValue, RowValue, RowWrite, StoredRow } from '../replication/wal-record.js';
import { describeType, isValueOfType, keyTextOf, showKeyValue, type KeyValue } from './shard-key.js';
import { MAX_KEY_TEXT_LENGTH, MAX_ROWS_PER_COMMIT } from './sharding-config.js';
import type { ShardedTableDefinition } from './sharded-table.js';

/** A row ready to store: its storage key and its value. */
export interface KeyedRow {
  key: string;
  row: RowValue;
}

/**
 * Checks a primary key against the definition: named columns, no repeats, and every shard key
 * column in it (as Citus requires the distribution column in the primary key, so a key is unique
 * within its one shard and therefore in the table). Empty: the shard key.
 */
export function validatePrimaryKey(definition: ShardedTableDefinition, primaryKeyColumns: readonly string[] | undefined): string[] {
  const columns = primaryKeyColumns === undefined || primaryKeyColumns.length === 0 ? [...definition.shardKeyColumns] : [...primaryKeyColumns];
  const names = new Set(definition.columns.map((column) => column.name));
  const problems: string[] = [];
  if (!Array.isArray(columns)) problems.push('primaryKeyColumns must be a list of column names');
  for (const column of columns) if (!names.has(column)) problems.push(`primary key column ${column} is not a column of ${definition.tableName}`);
  if (new Set(columns).size !== columns.length) problems.push('primaryKeyColumns names a column twice');
  for (const column of definition.shardKeyColumns) {
    if (!columns.includes(column)) problems.push(`the primary key must include the shard key column ${column} (a key is unique within its shard only)`);
  }
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid primary key of ${definition.tableName}: ${problems.join('; ')}.`, { problems });
  return columns;
}

/**
 * The rows keyed, every problem listed (UNPROCESSABLE, nothing written): a row is a JSON object,
 * its columns are declared, a declared column's value has the column's type or is null, and the
 * primary key columns have values. Of two rows with one key, the later is kept (an upsert).
 */
export function keyRows(definition: ShardedTableDefinition, primaryKeyColumns: readonly string[], rows: readonly unknown[]): KeyedRow[] {
  const typeOf = new Map(definition.columns.map((column) => [column.name, column.type]));
  const problems: string[] = [];
  const keyed = new Map<string, KeyedRow>();
  for (const [index, candidate] of rows.entries()) {
    const where = `rows[${index}]`;
    if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
      problems.push(`${where} must be a JSON object of columns`);
      continue;
    }
    const row = candidate as Record<string, FieldValue>;
    const before = problems.length;
    for (const [column, value] of Object.entries(row)) {
      const type = typeOf.get(column);
      if (type === undefined) problems.push(`${where}.${column} is not a column of ${definition.tableName}`);
      else if (value !== null && !isValueOfType(value, type)) problems.push(`${where}.${column} is ${showKeyValue(value)}, not ${describeType(type)}`);
    }
    for (const column of primaryKeyColumns) if (row[column] === undefined || row[column] === null) problems.push(`${where} has no value for key column ${column}`);
    if (problems.length > before) continue;
    const key = keyTextOf(primaryKeyColumns.map((column) => row[column] as KeyValue));
    if (key.length > MAX_KEY_TEXT_LENGTH) {
      problems.push(`${where}'s key text is ${key.length} characters, over ${MAX_KEY_TEXT_LENGTH}`);
      continue;
    }
    keyed.delete(key);
    keyed.set(key, { key, row: { ...row } });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    throw new DomainError('UNPROCESSABLE', `Invalid rows for ${definition.tableName}: ${shown.join('; ')}${problems.length > shown.length ? `; and ${problems.length - shown.length} more` : ''}.`, { problems: shown });
  }
  return [...keyed.values()];
}

/** The writes of `rows` to `storageTable`, cut into commits of at most MAX_ROWS_PER_COMMIT. */
export function putBatches(storageTable: string, rows: readonly KeyedRow[]): RowWrite[][] {
  const batches: RowWrite[][] = [];
  for (let start = 0; start < rows.length; start += MAX_ROWS_PER_COMMIT) {
    batches.push(rows.slice(start, start + MAX_ROWS_PER_COMMIT).map(({ key, row }) => ({ op: 'put', table: storageTable, key, row })));
  }
  return batches;
}

/** The deletes of `keys` from `storageTable`, in commits of at most MAX_ROWS_PER_COMMIT. */
export function deleteBatches(storageTable: string, keys: readonly string[]): RowWrite[][] {
  const batches: RowWrite[][] = [];
  for (let start = 0; start < keys.length; start += MAX_ROWS_PER_COMMIT) {
    batches.push(keys.slice(start, start + MAX_ROWS_PER_COMMIT).map((key) => ({ op: 'delete', table: storageTable, key })));
  }
  return batches;
}

/** Rows and bytes of a shard table as stored: bytes are the JSON byte length of the rows, as WAL record sizes are measured. */
export function measureRows(stored: readonly StoredRow[]): { rowCount: number; sizeBytes: number } {
  let sizeBytes = 0;
  for (const entry of stored) sizeBytes += Buffer.byteLength(JSON.stringify(entry.row));
  return { rowCount: stored.length, sizeBytes };
}
