/**
 * XA transaction identifiers as MySQL reads and shows them: `gtrid [, bqual [, formatID]]`, each
 * of gtrid and bqual a quoted string ('ab'), a hex string (X'6162' or 0x6162) or — an extension
 * for paths and curl — a bare word of letters, digits, `_`, `.` and `-`. gtrid is 1 to 64 bytes,
 * bqual 0 to 64 (default ''), formatID a whole number (default 1). Pure.
 */
import { DomainError } from '../runtime/domain-error.js';

/** Longest gtrid or bqual, in bytes (X/Open's MAXGTRIDSIZE and MAXBQUALSIZE). */
export const MAX_XID_PART_BYTES = 64;
/** Largest formatID (X/Open's is a signed 32-bit long; -1 would mean the null xid). */
export const MAX_FORMAT_ID = 2_147_483_647;
export const DEFAULT_FORMAT_ID = 1;

/** An xid, its parts as lower-case hex so that any bytes survive JSON. */
export interface Xid {
  readonly formatId: number;
  readonly gtridHex: string;
  readonly bqualHex: string;
}

/** An xid given as fields (text parts are UTF-8). */
export interface XidFields {
  gtrid: string;
  bqual?: string;
  formatId?: number;
}

const BARE = /^[A-Za-z0-9_.-]+$/;
const HEX_LITERAL = /^[xX]'([0-9A-Fa-f]*)'$/;
const HEX_NUMBER = /^0x([0-9A-Fa-f]+)$/;

/**
 * Reads an xid written in MySQL's notation, or given as fields.
 * @throws DomainError UNPROCESSABLE (`details.xaError` XAER_INVAL) naming what is wrong.
 */
export function parseXid(input: string | XidFields): Xid {
  if (typeof input === 'object' && input !== null) return xidOfFields(input);
  if (typeof input !== 'string' || input.trim().length === 0) throw invalid('an xid is needed, e.g. \'order-17\',\'db1\',1', input);
  const parts = splitParts(input);
  if (parts.length > 3) throw invalid('an xid has at most three parts: gtrid, bqual, formatID', input);
  const gtridHex = partHex(parts[0] as string, 'gtrid', input);
  const bqualHex = parts.length > 1 ? partHex(parts[1] as string, 'bqual', input) : '';
  const formatId = parts.length > 2 ? formatIdOf(parts[2] as string, input) : DEFAULT_FORMAT_ID;
  return checked({ formatId, gtridHex, bqualHex }, input);
}

/** `'gtrid','bqual',1` when a part is printable ASCII without quotes or backslashes, else `X'…'` for it. */
export function formatXid(xid: Xid): string {
  return `${partText(xid.gtridHex)},${partText(xid.bqualHex)},${xid.formatId}`;
}

/** The gid a branch's PREPARE record carries: `xa:<formatId>:<gtrid hex>:<bqual hex>`. */
export function gidOfXid(xid: Xid): string {
  return `xa:${xid.formatId}:${xid.gtridHex}:${xid.bqualHex}`;
}

/** The xid a branch's gid names (the inverse of {@link gidOfXid}), or null for a gid of two-phase commit (`dtx-N`). */
export function xidOfGid(gid: string): Xid | null {
  const match = /^xa:(\d+):((?:[0-9a-f]{2})+):((?:[0-9a-f]{2})*)$/.exec(gid);
  if (match === null) return null;
  return { formatId: Number(match[1]), gtridHex: match[2] as string, bqualHex: match[3] as string };
}

/** What MySQL checks for uniqueness: gtrid and bqual (not formatID). */
export function branchKeyOf(xid: Xid): string {
  return `${xid.gtridHex}:${xid.bqualHex}`;
}

/** Whether two xids are the same (all three parts). */
export function sameXid(a: Xid, b: Xid): boolean {
  return a.formatId === b.formatId && a.gtridHex === b.gtridHex && a.bqualHex === b.bqualHex;
}

/** A part's text when it is printable, else null (for views that show both). */
export function textOfHex(hex: string): string | null {
  const bytes = Buffer.from(hex, 'hex');
  for (const byte of bytes) if (byte < 0x20 || byte > 0x7e) return null;
  return bytes.toString('latin1');
}

function xidOfFields(fields: XidFields): Xid {
  const where = JSON.stringify(fields);
  if (typeof fields.gtrid !== 'string') throw invalid('gtrid must be a string', where);
  if (fields.bqual !== undefined && typeof fields.bqual !== 'string') throw invalid('bqual must be a string', where);
  const formatId = fields.formatId ?? DEFAULT_FORMAT_ID;
  if (!Number.isSafeInteger(formatId) || formatId < 0 || formatId > MAX_FORMAT_ID) throw invalid(`formatId must be a whole number between 0 and ${MAX_FORMAT_ID}`, where);
  return checked({ formatId, gtridHex: Buffer.from(fields.gtrid, 'utf8').toString('hex'), bqualHex: Buffer.from(fields.bqual ?? '', 'utf8').toString('hex') }, where);
}

function checked(xid: Xid, input: string): Xid {
  if (xid.gtridHex.length === 0) throw invalid('gtrid must not be empty', input);
  if (xid.gtridHex.length / 2 > MAX_XID_PART_BYTES) throw invalid(`gtrid is ${xid.gtridHex.length / 2} bytes, at most ${MAX_XID_PART_BYTES} are allowed`, input);
  if (xid.bqualHex.length / 2 > MAX_XID_PART_BYTES) throw invalid(`bqual is ${xid.bqualHex.length / 2} bytes, at most ${MAX_XID_PART_BYTES} are allowed`, input);
  return xid;
}

/** Splits on commas outside quotes. */
function splitParts(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      current += char;
      if (char === '\\' && index + 1 < text.length) current += text[++index];
      else if (char === "'" && text[index + 1] === "'") current += text[++index];
      else if (char === "'") quoted = false;
    } else if (char === "'") {
      quoted = true;
      current += char;
    } else if (char === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) throw invalid('a quoted part is not closed', text);
  parts.push(current.trim());
  return parts;
}

function partHex(part: string, name: 'gtrid' | 'bqual', input: string): string {
  const hexLiteral = HEX_LITERAL.exec(part) ?? HEX_NUMBER.exec(part);
  if (hexLiteral !== null) {
    const digits = hexLiteral[1] as string;
    if (digits.length % 2 !== 0) throw invalid(`${name} ${part} has an odd number of hex digits`, input);
    return digits.toLowerCase();
  }
  if (part.length >= 2 && part.startsWith("'") && part.endsWith("'")) return Buffer.from(unquote(part.slice(1, -1)), 'utf8').toString('hex');
  if (BARE.test(part)) return Buffer.from(part, 'utf8').toString('hex');
  throw invalid(`${name} must be a quoted string ('ab'), a hex string (X'6162' or 0x6162) or a bare word of letters, digits, _ . -; got ${part === '' ? 'nothing' : part}`, input);
}

function unquote(body: string): string {
  return body.replace(/''|\\(.)/g, (match, escaped: string | undefined) => (match === "''" ? "'" : (escaped ?? '')));
}

function formatIdOf(part: string, input: string): number {
  if (!/^\d+$/.test(part)) throw invalid(`formatID must be a whole number, got ${part === '' ? 'nothing' : part}`, input);
  const value = Number(part);
  if (value > MAX_FORMAT_ID) throw invalid(`formatID must be at most ${MAX_FORMAT_ID}`, input);
  return value;
}

function partText(hex: string): string {
  const text = textOfHex(hex);
  return text !== null && !text.includes("'") && !text.includes('\\') ? `'${text}'` : `X'${hex.toUpperCase()}'`;
}

function invalid(problem: string, input: unknown): DomainError {
  return new DomainError('UNPROCESSABLE', `XAER_INVAL: ${problem}.`, { xaError: 'XAER_INVAL', xid: input });
}
