/**
 * The row of a sharded table that the simulation's workload writes for a drawn ordinal (README,
 * "The workload"): the same ordinal always gives the same key, so the workload's updates and
 * deletes find the rows its inserts made, and every key routes to a shard. Pure.
 */
import type { FieldValue, RowValue } from '../replication/wal-record.js';
import type { ColumnType, KeyValue } from './shard-key.js';
import { levelsOf, type ShardedTableDefinition } from './sharded-table.js';

/** A key column's value for an ordinal: `k<ordinal>`, the ordinal itself, or its parity. */
function keyValueOf(type: ColumnType, ordinal: number): KeyValue {
  if (type === 'STRING') return `k${ordinal}`;
  if (type === 'BOOLEAN') return ordinal % 2 === 1;
  return ordinal;
}

/**
 * The row for `ordinal`. A column a LIST level shards by takes one of the listed values in turn
 * (or, with a default shard, a value no list names every (n+1)th time), so keys spread over every
 * list instead of all missing them; other key columns derive from the ordinal; the rest carry
 * the draw's amount and sequence.
 */
export function workloadRowOf(definition: ShardedTableDefinition, primaryKeyColumns: readonly string[], ordinal: number, amount: number, seq: number): RowValue {
  const listed = new Map<string, { values: KeyValue[]; defaultShard: boolean }>();
  for (const level of levelsOf(definition.strategy)) {
    if (level.type === 'LIST') listed.set(level.keyColumns[0]!, { values: level.lists.flatMap((list) => list.values), defaultShard: level.defaultShard });
  }
  const row: Record<string, FieldValue> = {};
  for (const column of definition.columns) {
    const list = listed.get(column.name);
    if (list !== undefined) {
      const slot = ordinal % (list.values.length + (list.defaultShard ? 1 : 0));
      row[column.name] = slot < list.values.length ? list.values[slot]! : keyValueOf(column.type, ordinal);
    } else if (primaryKeyColumns.includes(column.name) || definition.shardKeyColumns.includes(column.name)) {
      row[column.name] = keyValueOf(column.type, ordinal);
    } else {
      row[column.name] = column.type === 'STRING' ? `seq-${seq}` : column.type === 'BOOLEAN' ? seq % 2 === 0 : amount;
    }
  }
  return row;
}
