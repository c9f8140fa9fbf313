import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CONFLICT_STRATEGIES, type ConflictVersion, type ConflictingWrites } from '../../../src/engines/conflicts/conflict-record.js';
import { resolveConflict } from '../../../src/engines/conflicts/strategies.js';

const base = { balance: 100, owner: 'ann', tags: ['a', 'b'] };

function version(siteId: string, writtenAtMs: number, row: ConflictVersion['row'], clock: Record<string, number>): ConflictVersion {
  return { siteId, nodeId: siteId.replace('site', 'node'), writtenAtMs, row, clock };
}

/** site-1 (local) and site-2 (remote) both changed the base without seeing each other. */
function writes(localRow: ConflictVersion['row'], remoteRow: ConflictVersion['row'], localAtMs = 2_000, remoteAtMs = 2_500): ConflictingWrites {
  return { base, local: version('site-1', localAtMs, localRow, { 'site-1': 2, 'site-2': 1 }), remote: version('site-2', remoteAtMs, remoteRow, { 'site-1': 1, 'site-2': 2 }) };
}

describe('resolveConflict', () => {
  const conflict = writes({ balance: 150, owner: 'ann', tags: ['a', 'b', 'c'] }, { balance: 70, owner: 'bob', tags: ['b'] });

  test('LAST_WRITER_WINS keeps the later write and says why; a tie goes to the higher site id', () => {
    expect(resolveConflict(conflict, 'LAST_WRITER_WINS')).toMatchObject({ status: 'RESOLVED', winner: 'REMOTE', row: conflict.remote.row, reason: expect.stringContaining('site-2 wrote at 2500 ms, after site-1 at 2000 ms') });
    const tie = writes({ x: 1 }, { x: 2 }, 3_000, 3_000);
    expect(resolveConflict(tie, 'LAST_WRITER_WINS')).toMatchObject({ winner: 'REMOTE', reason: expect.stringContaining('higher site id') });
    const swapped = { base, local: tie.remote, remote: tie.local };
    expect(resolveConflict(swapped, 'LAST_WRITER_WINS')).toMatchObject({ winner: 'LOCAL', row: { x: 2 } });
  });

  test('SITE_PRIORITY keeps the ranked site, and falls back to the later write when neither ranks', () => {
    expect(resolveConflict(conflict, 'SITE_PRIORITY', { sitePriority: ['site-1', 'site-2'] })).toMatchObject({ winner: 'LOCAL', reason: expect.stringContaining('site-1 (#1) ranks above site-2 (#2)') });
    expect(resolveConflict(conflict, 'SITE_PRIORITY', { sitePriority: ['site-9'] })).toMatchObject({ winner: 'REMOTE', reason: expect.stringContaining('rank alike') });
  });

  test('CUSTOM takes the given row, and stays PENDING without one', () => {
    expect(resolveConflict(conflict, 'CUSTOM', { customRow: { balance: 120 } })).toMatchObject({ status: 'RESOLVED', winner: 'CUSTOM', row: { balance: 120 } });
    expect(resolveConflict(conflict, 'CUSTOM', { customRow: null })).toMatchObject({ winner: 'CUSTOM', row: null });
    expect(resolveConflict(conflict, 'CUSTOM')).toMatchObject({ status: 'PENDING', winner: null, row: null });
  });

  test('MULTI_VALUE keeps both versions as siblings, the later one readable meanwhile', () => {
    expect(resolveConflict(conflict, 'MULTI_VALUE')).toMatchObject({ status: 'SIBLINGS', winner: 'SIBLINGS', row: conflict.remote.row, siblings: [conflict.local, conflict.remote] });
  });

  test('CRDT_PER_COLUMN merges each column by its CRDT and the rest by LWW', () => {
    const resolution = resolveConflict(conflict, 'CRDT_PER_COLUMN', { columnCrdts: { balance: 'PN_COUNTER', tags: 'OR_SET' } });
    // balance: 100 + 50 − 30; tags: c added by site-1, a removed by site-2; owner: only site-2 changed it.
    expect(resolution).toMatchObject({ status: 'RESOLVED', winner: 'MERGED', row: { balance: 120, owner: 'bob', tags: ['b', 'c'] } });
    expect(resolution.reason).toContain('balance: PN_COUNTER merge');
    expect(resolveConflict(conflict, 'CRDT_PER_COLUMN', { columnCrdts: { tags: 'G_SET' } }).row).toMatchObject({ balance: 70, tags: ['a', 'b', 'c'] });
    expect(resolveConflict(writes(null, { balance: 1 }), 'CRDT_PER_COLUMN').winner).toBe('REMOTE');
  });

  test('every strategy gives every site the same answer whichever side it calls local', () => {
    const row = fc.option(fc.record({ balance: fc.integer({ min: 0, max: 200 }), tags: fc.subarray(['a', 'b', 'c', 'd']) }), { nil: null });
    fc.assert(
      fc.property(row, row, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...CONFLICT_STRATEGIES), (localRow, remoteRow, localAtMs, remoteAtMs, strategy) => {
        const one = writes(localRow, remoteRow, localAtMs, remoteAtMs);
        const other: ConflictingWrites = { base, local: one.remote, remote: one.local };
        const context = { sitePriority: ['site-2'], customRow: { balance: 1 }, columnCrdts: { balance: 'PN_COUNTER', tags: 'TWO_PHASE_SET' } } as const;
        expect(resolveConflict(other, strategy, context).row).toEqual(resolveConflict(one, strategy, context).row);
      }),
      { seed: 1503, numRuns: 100 },
    );
  });
});
