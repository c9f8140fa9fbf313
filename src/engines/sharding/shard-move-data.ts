/**
 * What a move measures of a shard table on a node: rows, bytes and a checksum (Vitess's VDiff
 * compares row by row; a count and an order-independent checksum over key and row are its
 * cheap form here). Bytes are the JSON byte length of a row, as shards' `sizeBytes` are measured.
 */
import { murmur3x86_32 } from '../dht/murmur3.js';
import type { NodeStorage } from '../replication/node-storage.js';
import type { RowValue } from '../replication/wal-record.js';

const utf8 = new TextEncoder();

export function rowBytes(row: RowValue): number {
  return Buffer.byteLength(JSON.stringify(row));
}

export interface TableDigest {
  rows: number;
  bytes: number;
  /** Sum modulo 2^32 of MurmurHash3 (seed 0) over `key NUL JSON(row)` of every row: the order rows are read in does not matter. */
  checksum: number;
}

export function digestOf(storage: NodeStorage, table: string): TableDigest {
  let rows = 0;
  let bytes = 0;
  let checksum = 0;
  for (const stored of storage.tableImage(table)) {
    const json = JSON.stringify(stored.row);
    rows += 1;
    bytes += Buffer.byteLength(json);
    checksum = (checksum + murmur3x86_32(utf8.encode(`${stored.key}\u0000${json}`))) >>> 0;
  }
  return { rows, bytes, checksum };
}

/** One table compared on both sides at the switch point. */
export interface TableVerification {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: number;
  targetChecksum: number;
  match: boolean;
}

export function verifyTables(source: NodeStorage, target: NodeStorage, tables: readonly string[]): TableVerification[] {
  return tables.map((table) => {
    const left = digestOf(source, table);
    const right = digestOf(target, table);
    return {
      table,
      sourceRows: left.rows,
      targetRows: right.rows,
      sourceChecksum: left.checksum,
      targetChecksum: right.checksum,
      match: left.rows === right.rows && left.checksum === right.checksum,
    };
  });
}

/** The first index of sorted `keys` after `afterKey` (all when null), by the storage's key order. */
export function indexAfter(keys: readonly string[], afterKey: string | null): number {
  if (afterKey === null) return 0;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! <= afterKey) low = middle + 1;
    else high = middle;
  }
  return low;
}
