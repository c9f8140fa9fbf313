/**
 * Shard key values: their types, their order, and the key text a hash reads. Pure functions.
 */
import type { FieldValue } from '../replication/wal-record.js';

/** A column's type, as a sharded table declares it. */
export type ColumnType = 'STRING' | 'INTEGER' | 'NUMBER' | 'BOOLEAN';

export const COLUMN_TYPES: readonly ColumnType[] = Object.freeze(['STRING', 'INTEGER', 'NUMBER', 'BOOLEAN']);

/** A value of a shard key column: never null (a row without its key has no shard). */
export type KeyValue = string | number | boolean;

/** True when `value` is a value of a column of `type`. */
export function isValueOfType(value: unknown, type: ColumnType): value is KeyValue {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'INTEGER':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
  }
}

/** What a value of `type` looks like, for error messages. */
export function describeType(type: ColumnType): string {
  switch (type) {
    case 'STRING':
      return 'a string';
    case 'INTEGER':
      return 'a whole number (a safe integer)';
    case 'NUMBER':
      return 'a finite number';
    case 'BOOLEAN':
      return 'true or false';
  }
}

/**
 * The order of values of one column: numeric for numbers, UTF-16 code units for strings (binary
 * collation), false before true. Both values have the column's type.
 */
export function compareKeyValues(a: KeyValue, b: KeyValue): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The value as written in messages: strings quoted. */
export function showKeyValue(value: KeyValue | FieldValue | undefined): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? 'nothing';
}

/**
 * The text a hash function reads: one value as text ('42', 'eu', 'true'), several as the JSON
 * array of the values. One string value is itself, so a table hashing one STRING column routes a
 * key as the coordinator's `shardOfKey` does.
 */
export function keyTextOf(values: readonly KeyValue[]): string {
  return values.length === 1 ? String(values[0]) : JSON.stringify(values);
}

/** A map key telling values of different types apart (1 and '1'). */
export function identityOf(value: KeyValue): string {
  return `${typeof value}:${String(value)}`;
}
