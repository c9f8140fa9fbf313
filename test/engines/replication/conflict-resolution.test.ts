import { describe, expect, test } from 'vitest';
import {
  detectConflict,
  resolveConflict,
  sameValue,
  type ConflictingVersions,
  type RowImage,
  type RowVersion,
} from '../../../src/engines/replication/conflict-resolution.js';

function version(row: RowImage | null, version: number, updatedAtMs: number, originNodeId: string): RowVersion {
  return { row, version, updatedAtMs, originNodeId };
}

const base = version({ id: 7, balance: 100, owner: 'ann', tags: ['a', 'b'] }, 3, 1_000, 'node-1');

/** node-1 (local) and node-2 (remote) both changed version 3 of the row. */
function conflict(localRow: RowImage | null, remoteRow: RowImage | null, localAtMs = 2_000, remoteAtMs = 2_500): ConflictingVersions {
  return { base, local: version(localRow, 4, localAtMs, 'node-1'), remote: version(remoteRow, 4, remoteAtMs, 'node-2') };
}

describe('detectConflict', () => {
  const local = version({ id: 7, balance: 120 }, 4, 2_000, 'node-1');

  test('a change made on the local version applies cleanly', () => {
    expect(detectConflict(local, { kind: 'UPDATE', baseVersion: 4, row: { id: 7, balance: 90 }, updatedAtMs: 2_100, originNodeId: 'node-2' })).toBeNull();
    expect(detectConflict(local, { kind: 'DELETE', baseVersion: 4, row: null, updatedAtMs: 2_100, originNodeId: 'node-2' })).toBeNull();
  });

  test('an update made on an older version is an UPDATE_CONFLICT', () => {
    expect(detectConflict(local, { kind: 'UPDATE', baseVersion: 3, row: { id: 7, balance: 90 }, updatedAtMs: 2_100, originNodeId: 'node-2' })).toBe('UPDATE_CONFLICT');
  });

  test('a delete against a newer update, or an update of a row deleted here, is a DELETE_CONFLICT', () => {
    expect(detectConflict(local, { kind: 'DELETE', baseVersion: 3, row: null, updatedAtMs: 2_100, originNodeId: 'node-2' })).toBe('DELETE_CONFLICT');
    const deleted = version(null, 5, 2_000, 'node-1');
    expect(detectConflict(deleted, { kind: 'UPDATE', baseVersion: 4, row: { id: 7 }, updatedAtMs: 2_100, originNodeId: 'node-2' })).toBe('DELETE_CONFLICT');
  });

  test('two concurrent inserts of one key conflict; an insert of a key long taken violates uniqueness', () => {
    const inserted = version({ id: 8 }, 1, 2_000, 'node-1');
    expect(detectConflict(inserted, { kind: 'INSERT', baseVersion: 0, row: { id: 8, x: 1 }, updatedAtMs: 2_100, originNodeId: 'node-2' })).toBe('INSERT_CONFLICT');
    expect(detectConflict(local, { kind: 'INSERT', baseVersion: 0, row: { id: 7 }, updatedAtMs: 2_100, originNodeId: 'node-2' })).toBe('UNIQUENESS_VIOLATION');
    expect(detectConflict(version(null, 0, 0, 'node-1'), { kind: 'INSERT', baseVersion: 0, row: { id: 9 }, updatedAtMs: 1, originNodeId: 'node-2' })).toBeNull();
  });
});

describe('resolveConflict', () => {
  const localRow = { id: 7, balance: 150, owner: 'ann', tags: ['a', 'b', 'c'] };
  const remoteRow = { id: 7, balance: 70, owner: 'bob', tags: ['b'] };

  test('LAST_WRITER_WINS keeps the later write, FIRST_WRITER_WINS the earlier', () => {
    expect(resolveConflict('LAST_WRITER_WINS', conflict(localRow, remoteRow))).toEqual({ outcome: 'REMOTE', row: remoteRow });
    expect(resolveConflict('FIRST_WRITER_WINS', conflict(localRow, remoteRow))).toEqual({ outcome: 'LOCAL', row: localRow });
    expect(resolveConflict('LAST_WRITER_WINS', conflict(localRow, remoteRow, 3_000, 2_500)).outcome).toBe('LOCAL');
  });

  test('writes at the same instant go to the higher node id, the same choice on every site', () => {
    expect(resolveConflict('LAST_WRITER_WINS', conflict(localRow, remoteRow, 2_000, 2_000)).outcome).toBe('REMOTE');
  });

  test('a delete can win: the resolved row is null', () => {
    expect(resolveConflict('LAST_WRITER_WINS', conflict(localRow, null))).toEqual({ outcome: 'REMOTE', row: null });
  });

  test('SITE_PRIORITY keeps the write of the higher-priority site, and needs the priority list', () => {
    expect(resolveConflict('SITE_PRIORITY', conflict(localRow, remoteRow), { sitePriority: ['node-1', 'node-2'] }).outcome).toBe('LOCAL');
    expect(resolveConflict('SITE_PRIORITY', conflict(localRow, remoteRow), { sitePriority: ['node-2'] }).outcome).toBe('REMOTE');
    expect(resolveConflict('SITE_PRIORITY', conflict(localRow, remoteRow), { sitePriority: ['node-9'] }).outcome).toBe('REMOTE');
    expect(() => resolveConflict('SITE_PRIORITY', conflict(localRow, remoteRow))).toThrow(/priority/);
  });

  test('CUSTOM writes the operator row, and needs one', () => {
    expect(resolveConflict('CUSTOM', conflict(localRow, remoteRow), { customRow: { id: 7, balance: 0 } })).toEqual({ outcome: 'CUSTOM', row: { id: 7, balance: 0 } });
    expect(resolveConflict('CUSTOM', conflict(localRow, remoteRow), { customRow: null }).row).toBeNull();
    expect(() => resolveConflict('CUSTOM', conflict(localRow, remoteRow))).toThrow(/CUSTOM/);
  });

  test('CRDT_LWW merges field by field: one-sided changes kept, two-sided ones to the later writer', () => {
    const local = { id: 7, balance: 150, owner: 'ann', tags: ['a', 'b'] };
    const remote = { id: 7, balance: 70, owner: 'bob', tags: ['a', 'b'] };
    expect(resolveConflict('CRDT_LWW', conflict({ ...local, owner: 'ann' }, { ...remote, balance: 100 }))).toEqual({
      outcome: 'MERGED',
      row: { id: 7, balance: 150, owner: 'bob', tags: ['a', 'b'] },
    });
    expect(resolveConflict('CRDT_LWW', conflict(local, remote)).row).toEqual({ id: 7, balance: 70, owner: 'bob', tags: ['a', 'b'] });
  });

  test('CRDT_COUNTER adds both sides\' deltas to the base', () => {
    // +50 here, -30 there, from 100.
    expect(resolveConflict('CRDT_COUNTER', conflict(localRow, remoteRow)).row).toMatchObject({ balance: 120 });
  });

  test('CRDT_SET keeps both sides\' additions and drops both sides\' removals', () => {
    // Here c was added; there a was removed.
    expect(resolveConflict('CRDT_SET', conflict(localRow, remoteRow)).row).toMatchObject({ tags: ['b', 'c'] });
    const added = conflict({ ...localRow, tags: ['a', 'b', 'x'] }, { ...remoteRow, tags: ['a', 'b', 'y', 'x'] });
    expect(resolveConflict('CRDT_SET', added).row).toMatchObject({ tags: ['a', 'b', 'x', 'y'] });
  });

  test('a CRDT merge against a delete is settled for the whole row by the later writer', () => {
    expect(resolveConflict('CRDT_COUNTER', conflict(localRow, null, 3_000, 2_000))).toEqual({ outcome: 'LOCAL', row: localRow });
  });
});

test('sameValue compares JSON structurally, whatever the key order', () => {
  expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
  expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
  expect(sameValue([1, 2], [2, 1])).toBe(false);
  expect(sameValue(null, undefined)).toBe(false);
});
