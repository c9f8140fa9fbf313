/**
 * Blocks, rows and redo records: the units of shared storage. A block holds the rows of one table
 * and the SCN of the last change written into it. Redo records carry the after-image of one row
 * (physiological redo), so applying them in SCN order rebuilds any version of a block.
 */
import { DomainError } from '../runtime/domain-error.js';

/** A system change number: one cluster-wide counter, strictly increasing. */
export type Scn = number;

/** A row: flat JSON values. */
export type Row = Record<string, string | number | boolean | null>;

/** `file:block`, e.g. `1:42`. */
export type BlockId = string;

/** A block's contents at one SCN. */
export interface BlockImage {
  blockId: BlockId;
  table: string;
  rows: Row[];
  scn: Scn;
}

/** One change: the after-image of row `rowIndex` (equal to the row count for an insert). */
export interface RowChange {
  rowIndex: number;
  row: Row;
}

/** A redo record in its instance's thread. */
export interface RedoRecord {
  scn: Scn;
  instanceId: string;
  blockId: BlockId;
  rowIndex: number;
  row: Row;
  /** Size the record takes in the redo thread. */
  bytes: number;
  atMs: number;
}

const BLOCK_ID = /^(\d{1,6}):(\d{1,9})$/;

/** The block id of block `block` of datafile `file`. */
export function blockIdOf(file: number, block: number): BlockId {
  return `${file}:${block}`;
}

/** Parses `file:block`. @throws DomainError UNPROCESSABLE when malformed. */
export function parseBlockId(blockId: string): { file: number; block: number } {
  const match = typeof blockId === 'string' ? BLOCK_ID.exec(blockId) : null;
  if (match === null) throw new DomainError('UNPROCESSABLE', `Block id ${JSON.stringify(blockId)} is not of the form file:block (e.g. 1:42).`, { blockId });
  return { file: Number(match[1]), block: Number(match[2]) };
}

/** Orders block ids by file, then block number. */
export function compareBlockIds(a: BlockId, b: BlockId): number {
  const left = parseBlockId(a);
  const right = parseBlockId(b);
  return left.file - right.file || left.block - right.block;
}

/** A deep copy of an image (rows are flat, so one level of copying suffices). */
export function copyImage(image: BlockImage): BlockImage {
  return { blockId: image.blockId, table: image.table, rows: image.rows.map((row) => ({ ...row })), scn: image.scn };
}

/** Bytes a block image takes on the wire: a fixed header plus its JSON rows. */
export function imageBytes(image: BlockImage, headerBytes: number): number {
  let bytes = headerBytes;
  for (const row of image.rows) bytes += rowBytes(row);
  return bytes;
}

/** Bytes of one row as JSON (cheap estimate, deterministic). */
export function rowBytes(row: Row): number {
  return JSON.stringify(row).length;
}

/**
 * Applies a redo record to an image in place, when it is newer than the image.
 * @returns whether it changed the image.
 */
export function applyRedo(image: BlockImage, record: RedoRecord): boolean {
  if (record.scn <= image.scn) return false;
  if (record.rowIndex < image.rows.length) image.rows[record.rowIndex] = { ...record.row };
  else image.rows.push({ ...record.row });
  image.scn = record.scn;
  return true;
}
