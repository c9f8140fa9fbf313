import { describe, expect, it } from 'vitest';
import { formatLsn, parseLsn, segmentOf, WAL_START_LSN, walRecordBytes, walSegmentName } from '../../../src/engines/replication/lsn.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';

describe('LSN text form', () => {
  it('formats as PostgreSQL does: high/low 32 bits, upper-case hex, no leading zeros', () => {
    expect(formatLsn(0x16b3748)).toBe('0/16B3748');
    expect(formatLsn(WAL_START_LSN)).toBe('0/1000000');
    expect(formatLsn(0)).toBe('0/0');
    expect(formatLsn(0x1_0000_0000 * 0x2a + 0xff)).toBe('2A/FF');
  });

  it('round-trips through parse', () => {
    for (const lsn of [0, 1, WAL_START_LSN, 0xffff_ffff, 0x1_0000_0000, 0x1f_ffff_ffff_ffff]) expect(parseLsn(formatLsn(lsn))).toBe(lsn);
    expect(parseLsn('0/16b3748')).toBe(0x16b3748);
  });

  it('rejects malformed text with a clear error', () => {
    for (const text of ['', '16B3748', '0/', '/1', '0/123456789', 'G/1', '0/1/2', '-1/0', '0x0/1']) {
      const error = (() => {
        try {
          parseLsn(text);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error, text).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('UNPROCESSABLE');
      expect((error as DomainError).message).toContain('X/Y');
    }
    expect(() => parseLsn('FFFFFFFF/FFFFFFFF')).toThrow(/beyond/);
  });
});

describe('WAL segments and record sizes', () => {
  it('names segments as XLogFileName does', () => {
    // 16 MiB segments: 256 per 4 GiB.
    expect(walSegmentName(1, 1, 16 * 1024 * 1024)).toBe('000000010000000000000001');
    expect(walSegmentName(1, 0x100 + 0x2a, 16 * 1024 * 1024)).toBe('00000001000000010000002A');
    // 64 KiB segments: 65536 per 4 GiB.
    expect(walSegmentName(3, segmentOf(WAL_START_LSN, 65_536), 65_536)).toBe('000000030000000000000100');
  });

  it('sizes a record as 24 bytes plus the UTF-8 length of its JSON', () => {
    expect(walRecordBytes({ a: 1 })).toBe(24 + 7);
    expect(walRecordBytes({ s: 'é' })).toBe(24 + '{"s":"é"}'.length + 1);
  });
});
