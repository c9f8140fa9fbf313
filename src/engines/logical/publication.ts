/**
 * A publication as PostgreSQL defines one (`CREATE PUBLICATION … FOR TABLE t (cols) WHERE (…)
 * WITH (publish = '…')`), plus the seed's masks: validated as a whole, compiled once, and applied
 * to each decoded change before it leaves the source. Pure.
 */
import { DomainError } from '../runtime/domain-error.js';
import { matchesWhere } from '../query/aggregation.js';
import { parseQueryText } from '../query/query-text.js';
import type { QueryRow, QueryValue, SelectQuery } from '../query/select-query.js';
import { murmur3HashFunction, tokenOf } from '../dht/hash-function.js';
import type { DecodedChange } from '../replication/logical-decoding.js';
import type { FieldValue, RowValue } from '../replication/wal-record.js';
import type { LogicalConfig } from './logical-config.js';

/** The operations a publication publishes (`publish = 'insert, update, delete, truncate'`). */
export const PUBLISH_OPERATIONS = ['insert', 'update', 'delete', 'truncate'] as const;
export type PublishOperation = (typeof PUBLISH_OPERATIONS)[number];

export const MASK_KINDS = ['HASH', 'REDACT', 'PARTIAL', 'RENAME', 'CONSTANT'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

/** A transformation of one column, applied before the change leaves the source. */
export interface ColumnMask {
  column: string;
  kind: MaskKind;
  /** PARTIAL: characters kept at the end (the rest become `*`). */
  keepLast?: number;
  /** RENAME: the column's name on the subscriber. */
  renameTo?: string;
  /** CONSTANT: the value every row gets. */
  value?: FieldValue;
}

/** One table of a publication, with what of it is published. */
export interface PublishedTable {
  table: string;
  /** A WHERE condition on the table's columns (PostgreSQL 15's row filter); null: every row. */
  rowFilter: string | null;
  /** Only these columns are published; null: every column. */
  columns: string[] | null;
  masks: ColumnMask[];
}

export interface Publication {
  name: string;
  /** The node whose WAL it publishes. */
  nodeId: string;
  /** FOR ALL TABLES: every table, each with no filter, column list or mask. */
  allTables: boolean;
  tables: PublishedTable[];
  publish: PublishOperation[];
  createdAtMs: number;
  updatedAtMs: number;
}

/** What creating or replacing a publication takes (the name and node come from elsewhere on a PUT). */
export interface PublicationInput {
  name?: unknown;
  nodeId?: unknown;
  allTables?: unknown;
  tables?: unknown;
  publish?: unknown;
}

/** The columns a table is known to have (from its rows), or null when nothing tells. */
export type KnownColumns = (table: string) => readonly string[] | null;

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
export const REDACTED = '***';

/**
 * Checks a publication's definition; every problem at once.
 * @throws DomainError UNPROCESSABLE listing the problems (bad row filters name their position).
 */
export function validatePublication(
  input: PublicationInput,
  known: { name: string; nodeId: string; nowMs: number; createdAtMs?: number },
  config: Pick<LogicalConfig, 'maxTablesPerPublication' | 'maxMasksPerTable' | 'maxRowFilterLength'>,
  knownColumns: KnownColumns,
): Publication {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null) throw new DomainError('UNPROCESSABLE', 'A publication needs tables or allTables.');
  if (!NAME.test(known.name)) problems.push('name must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit');
  const allTables = input.allTables === true;
  if (input.allTables !== undefined && typeof input.allTables !== 'boolean') problems.push('allTables must be true or false');
  const publish = publishOf(input.publish, problems);
  const tables: PublishedTable[] = [];
  if (allTables) {
    if (Array.isArray(input.tables) && input.tables.length > 0) problems.push('a publication FOR ALL TABLES names no tables');
  } else if (!Array.isArray(input.tables) || input.tables.length === 0) {
    problems.push('tables must list at least one table (or set allTables)');
  } else if (input.tables.length > config.maxTablesPerPublication) {
    problems.push(`a publication holds at most ${config.maxTablesPerPublication} tables`);
  } else {
    const seen = new Set<string>();
    input.tables.forEach((entry, index) => {
      const table = tableOf(entry, `tables[${index}]`, config, knownColumns, problems);
      if (table === null) return;
      if (seen.has(table.table)) problems.push(`tables[${index}]: ${table.table} is listed twice`);
      seen.add(table.table);
      tables.push(table);
    });
  }
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid publication: ${problems.join('; ')}.`, { problems });
  return { name: known.name, nodeId: known.nodeId, allTables, tables, publish, createdAtMs: known.createdAtMs ?? known.nowMs, updatedAtMs: known.nowMs };
}

function publishOf(value: unknown, problems: string[]): PublishOperation[] {
  if (value === undefined) return ['insert', 'update', 'delete', 'truncate'];
  // PostgreSQL writes them as one string: publish = 'insert, update'.
  const list = typeof value === 'string' ? value.split(',').map((part) => part.trim().toLowerCase()) : value;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(`publish must list operations among ${PUBLISH_OPERATIONS.join(', ')}`);
    return [];
  }
  const operations = new Set<PublishOperation>();
  for (const operation of list) {
    const name = typeof operation === 'string' ? operation.toLowerCase() : operation;
    if (!PUBLISH_OPERATIONS.includes(name as PublishOperation)) problems.push(`publish: unknown operation ${JSON.stringify(operation)} (${PUBLISH_OPERATIONS.join(', ')})`);
    else operations.add(name as PublishOperation);
  }
  return PUBLISH_OPERATIONS.filter((operation) => operations.has(operation));
}

function tableOf(entry: unknown, where: string, config: Pick<LogicalConfig, 'maxMasksPerTable' | 'maxRowFilterLength'>, knownColumns: KnownColumns, problems: string[]): PublishedTable | null {
  const raw = (typeof entry === 'string' ? { table: entry } : entry) as Record<string, unknown> | null;
  if (typeof raw !== 'object' || raw === null || typeof raw.table !== 'string' || !TABLE_NAME.test(raw.table)) {
    problems.push(`${where}.table must be a table name of letters, digits and _ (at most 63)`);
    return null;
  }
  const table = raw.table;
  const columnsKnown = knownColumns(table);
  const before = problems.length;
  let columns: string[] | null = null;
  if (raw.columns !== undefined && raw.columns !== null) {
    if (!Array.isArray(raw.columns) || raw.columns.length === 0 || raw.columns.some((column) => typeof column !== 'string' || !TABLE_NAME.test(column))) {
      problems.push(`${where}.columns must be a non-empty list of column names`);
    } else {
      columns = [...new Set(raw.columns as string[])];
      const unknown = columnsKnown === null ? [] : columns.filter((column) => !columnsKnown.includes(column));
      if (unknown.length > 0) problems.push(`${where}.columns: ${table} has no column ${unknown.join(', ')}`);
    }
  }
  let rowFilter: string | null = null;
  if (raw.rowFilter !== undefined && raw.rowFilter !== null) {
    if (typeof raw.rowFilter !== 'string' || raw.rowFilter.trim().length === 0 || raw.rowFilter.length > config.maxRowFilterLength) {
      problems.push(`${where}.rowFilter must be a WHERE condition of 1 to ${config.maxRowFilterLength} characters`);
    } else {
      const problem = rowFilterProblem(table, raw.rowFilter, columnsKnown);
      if (problem !== null) problems.push(`${where}.rowFilter: ${problem}`);
      else rowFilter = raw.rowFilter.trim();
    }
  }
  const masks: ColumnMask[] = [];
  if (raw.masks !== undefined && raw.masks !== null) {
    if (!Array.isArray(raw.masks) || raw.masks.length > config.maxMasksPerTable) {
      problems.push(`${where}.masks must be a list of at most ${config.maxMasksPerTable} masks`);
    } else {
      raw.masks.forEach((mask, index) => {
        const valid = maskOf(mask, `${where}.masks[${index}]`, problems);
        if (valid === null) return;
        if (columns !== null && !columns.includes(valid.column)) problems.push(`${where}.masks[${index}]: column ${valid.column} is not in the column list`);
        else if (columns === null && columnsKnown !== null && !columnsKnown.includes(valid.column)) problems.push(`${where}.masks[${index}]: ${table} has no column ${valid.column}`);
        masks.push(valid);
      });
    }
  }
  return problems.length > before ? null : { table, rowFilter, columns, masks };
}

function maskOf(value: unknown, where: string, problems: string[]): ColumnMask | null {
  const mask = value as Record<string, unknown> | null;
  if (typeof mask !== 'object' || mask === null || typeof mask.column !== 'string' || !TABLE_NAME.test(mask.column)) {
    problems.push(`${where}.column must be a column name`);
    return null;
  }
  const kind = mask.kind as MaskKind;
  switch (kind) {
    case 'HASH':
    case 'REDACT':
      return { column: mask.column, kind };
    case 'PARTIAL':
      if (!Number.isSafeInteger(mask.keepLast) || (mask.keepLast as number) < 0 || (mask.keepLast as number) > 64) {
        problems.push(`${where}.keepLast must be a whole number from 0 to 64 (characters kept at the end)`);
        return null;
      }
      return { column: mask.column, kind, keepLast: mask.keepLast as number };
    case 'RENAME':
      if (typeof mask.renameTo !== 'string' || !TABLE_NAME.test(mask.renameTo)) {
        problems.push(`${where}.renameTo must be a column name`);
        return null;
      }
      return { column: mask.column, kind, renameTo: mask.renameTo };
    case 'CONSTANT':
      if (!('value' in mask) || mask.value === undefined) {
        problems.push(`${where}.value is the constant every row gets`);
        return null;
      }
      return { column: mask.column, kind, value: mask.value as FieldValue };
    default:
      problems.push(`${where}.kind must be one of ${MASK_KINDS.join(', ')}`);
      return null;
  }
}

/** Why the row filter cannot be used, or null: the one query parser reads it as the WHERE of a query of the table. */
function rowFilterProblem(table: string, rowFilter: string, columnsKnown: readonly string[] | null): string | null {
  try {
    parseRowFilter(table, rowFilter, columnsKnown);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message.replace(/at position (\d+)/, (_match, position: string) => `at position ${Math.max(1, Number(position) - rowFilterOffset(table))}`);
    throw error;
  }
}

function rowFilterOffset(table: string): number {
  return `SELECT * FROM ${table} WHERE `.length;
}

function parseRowFilter(table: string, rowFilter: string, columnsKnown: readonly string[] | null): SelectQuery {
  const lookup = columnsKnown === null ? undefined : () => columnsKnown;
  return parseQueryText(`SELECT * FROM ${table} WHERE ${rowFilter}`, lookup);
}

/** A publication ready to decode with: filters parsed once. */
export interface CompiledPublication {
  readonly publication: Publication;
  /** The entry for a table, or undefined when the table is not published. */
  tableEntry(table: string): { entry: PublishedTable; filter: SelectQuery | null } | undefined;
}

export function compilePublication(publication: Publication): CompiledPublication {
  const entries = new Map(publication.tables.map((entry) => [entry.table, { entry, filter: entry.rowFilter === null ? null : parseRowFilter(entry.table, entry.rowFilter, null) }]));
  const everything: PublishedTable = { table: '', rowFilter: null, columns: null, masks: [] };
  return {
    publication,
    tableEntry: (table) => (publication.allTables ? { entry: { ...everything, table }, filter: null } : entries.get(table)),
  };
}

/**
 * The change as the publication sends it, or null when it does not publish it: an operation it
 * does not publish, a table it does not cover, a row its filter rejects. An UPDATE or INSERT is
 * filtered on the new row; a DELETE carries no row and is always sent (the subscriber's
 * `delete_missing` absorbs one it never had).
 */
export function publishChange(compiled: CompiledPublication, change: DecodedChange): DecodedChange | null {
  if (!compiled.publication.publish.includes(change.op)) return null;
  const found = compiled.tableEntry(change.table);
  if (found === undefined) return null;
  if (change.row === null) return change;
  if (found.filter !== null && !matchesWhere(found.filter, queryRowOf(change.row))) return null;
  return { ...change, row: shapeRow(found.entry, change.row) };
}

/** Whether a row (a table copy's) passes the table's filter; the row as published, or null. */
export function publishRow(compiled: CompiledPublication, table: string, row: RowValue): RowValue | null {
  const found = compiled.tableEntry(table);
  if (found === undefined) return null;
  if (found.filter !== null && !matchesWhere(found.filter, queryRowOf(row))) return null;
  return shapeRow(found.entry, row);
}

/** The column list, then the masks, in order. */
export function shapeRow(entry: PublishedTable, row: RowValue): RowValue {
  const shaped: Record<string, FieldValue> = {};
  for (const [column, value] of Object.entries(row)) if (entry.columns === null || entry.columns.includes(column)) shaped[column] = value;
  for (const mask of entry.masks) {
    if (!(mask.column in shaped) && mask.kind !== 'CONSTANT') continue;
    const value = shaped[mask.column] ?? null;
    switch (mask.kind) {
      case 'HASH':
        shaped[mask.column] = value === null ? null : hashText(textOf(value));
        break;
      case 'REDACT':
        shaped[mask.column] = value === null ? null : REDACTED;
        break;
      case 'PARTIAL':
        shaped[mask.column] = value === null ? null : partialOf(textOf(value), mask.keepLast ?? 0);
        break;
      case 'RENAME':
        delete shaped[mask.column];
        shaped[mask.renameTo as string] = value;
        break;
      case 'CONSTANT':
        shaped[mask.column] = mask.value ?? null;
        break;
    }
  }
  return Object.freeze(shaped);
}

const murmur3 = murmur3HashFunction();

/** MurmurHash3 of the text, as 8 lower-case hex digits. */
export function hashText(text: string): string {
  return tokenOf(murmur3, text).toString(16).padStart(8, '0');
}

/** `*` for all but the last `keepLast` characters (PCI's "last 4 digits"). */
export function partialOf(text: string, keepLast: number): string {
  const characters = [...text];
  const kept = keepLast === 0 ? [] : characters.slice(-keepLast);
  return '*'.repeat(characters.length - kept.length) + kept.join('');
}

function textOf(value: FieldValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A row as the query evaluator reads it: scalars as they are, anything else as its JSON text. */
function queryRowOf(row: RowValue): QueryRow {
  const out: QueryRow = {};
  for (const [column, value] of Object.entries(row)) out[column] = value === null || typeof value !== 'object' ? (value as QueryValue) : JSON.stringify(value);
  return out;
}
