import { describe, expect, it } from 'vitest';
import { applyConfigPatch, DEFAULT_REPLICATION_CONFIG } from '../../../src/engines/replication/replication-config.js';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';

describe('applyConfigPatch', () => {
  it('applies a good patch without touching the current config', () => {
    const next = applyConfigPatch(DEFAULT_REPLICATION_CONFIG, { mode: 'SYNCHRONOUS', standbyNodes: ['node-2'], maxSlotWalKeepSegments: null });
    expect(next).toMatchObject({ mode: 'SYNCHRONOUS', standbyNodes: ['node-2'], maxSlotWalKeepSegments: null });
    expect(DEFAULT_REPLICATION_CONFIG.mode).toBe('ASYNCHRONOUS');
  });

  it('lists every bad field, cross-field rules included', () => {
    let error: unknown;
    try {
      applyConfigPatch(DEFAULT_REPLICATION_CONFIG, {
        mode: 'SOMETIMES' as never,
        maxWalSenders: -1,
        standbyNodes: ['a', 'a'],
        archiveMode: true,
        statusIntervalMs: 20_000,
        bogus: 1,
      } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const fields = ((error as DomainError).details as { problems: { field: string }[] }).problems.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['mode', 'maxWalSenders', 'standbyNodes', 'archiveCommand', 'replicationTimeoutSecs', 'patch']));
  });
});
