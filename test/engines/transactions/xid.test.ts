import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { branchKeyOf, formatXid, gidOfXid, parseXid } from '../../../src/engines/transactions/xid.js';

function refusal(input: Parameters<typeof parseXid>[0]): DomainError {
  try {
    parseXid(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`parseXid accepted ${JSON.stringify(input)}`);
}

describe('xids in MySQL\'s notation', () => {
  it('reads quoted, hex and bare parts, with MySQL\'s defaults (bqual \'\', formatID 1)', () => {
    expect(parseXid("'order-17'")).toEqual({ formatId: 1, gtridHex: Buffer.from('order-17').toString('hex'), bqualHex: '' });
    expect(parseXid("'order-17','db1',7")).toEqual({ formatId: 7, gtridHex: '6f726465722d3137', bqualHex: '646231' });
    expect(parseXid("X'6162',0x6364,3")).toEqual({ formatId: 3, gtridHex: '6162', bqualHex: '6364' });
    expect(parseXid('order-17,db1,1')).toEqual(parseXid("'order-17','db1',1"));
    expect(parseXid(" 'a b' , 'c' ")).toEqual({ formatId: 1, gtridHex: '612062', bqualHex: '63' });
    expect(parseXid("'it''s','a\\'b'")).toEqual({ formatId: 1, gtridHex: Buffer.from("it's").toString('hex'), bqualHex: Buffer.from("a'b").toString('hex') });
    expect(parseXid({ gtrid: 'order-17', bqual: 'db1', formatId: 7 })).toEqual(parseXid("'order-17','db1',7"));
  });

  it('shows printable parts quoted and the others in hex, always with the three parts', () => {
    expect(formatXid(parseXid("'order-17'"))).toBe("'order-17','',1");
    expect(formatXid(parseXid("X'00FF','db1',2"))).toBe("X'00FF','db1',2");
    expect(formatXid(parseXid("'it''s'"))).toBe("X'69742773','',1");
    // What it shows, it reads back.
    for (const text of ["'order-17','db1',7", "X'00FF',X'',0", "'a,b','c',1"]) expect(parseXid(formatXid(parseXid(text)))).toEqual(parseXid(text));
  });

  it('refuses empty or oversized parts, bad formatIDs and unclosed quotes, naming XAER_INVAL', () => {
    for (const input of ["''", `'${'x'.repeat(65)}'`, `'a','${'y'.repeat(65)}'`, "'a','b',-1", "'a','b',2147483648", "'a','b',1,2", "'open", "X'ABC'", 'a b', '']) {
      const error = refusal(input);
      expect(error.code, input).toBe('UNPROCESSABLE');
      expect(error.details?.xaError, input).toBe('XAER_INVAL');
    }
    expect(parseXid(`'${'é'.repeat(32)}'`).gtridHex).toHaveLength(128);
    expect(refusal(`'${'é'.repeat(33)}'`).message).toContain('66 bytes');
  });

  it('names branches as their PREPARE records do, and keys uniqueness on gtrid and bqual only', () => {
    expect(gidOfXid(parseXid("'g','b',5"))).toBe('xa:5:67:62');
    expect(branchKeyOf(parseXid("'g','b',5"))).toBe(branchKeyOf(parseXid("'g','b',9")));
  });
});
