import { describe, expect, test } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { becomePhase } from '../../../src/engines/sharding/shard-move-phase.js';
import { DEFAULT_SHARD_MOVE_CONFIG, validateShardMoveConfig, type ShardMoveConfig } from '../../../src/engines/sharding/shard-move-config.js';
import { newMoveRecord, ShardMove, type ShardMoveRecord } from '../../../src/engines/sharding/shard-move.js';
import { MoveHarness } from './shard-move-harness.js';

const TABLES = ['orders_1', 'items_1'];

function setUp(config: Partial<ShardMoveConfig> = {}) {
  const harness = new MoveHarness([{ shardId: 'shard-1', tables: TABLES, primaryNodeId: 'node-1' }]);
  harness.load('shard-1', 'orders_1', 1200);
  harness.load('shard-1', 'items_1', 300);
  const settings = validateShardMoveConfig({ copyRateBytesPerSecond: 200_000, copyBatchRows: 100, ...config });
  const persisted: ShardMoveRecord[] = [];
  const statuses: string[] = [];
  const setStatus = harness.setStatus.bind(harness);
  harness.setStatus = (shardId, to) => {
    statuses.push(to);
    setStatus(shardId, to);
  };
  const move = new ShardMove(
    newMoveRecord({ moveId: 'move-1', shardId: 'shard-1', tables: TABLES, sourceNodeId: 'node-1', targetNodeId: 'node-2' }, harness.now()),
    harness,
    () => settings,
    (record) => persisted.push(structuredClone(record)),
  );
  return { harness, move, persisted, statuses, settings };
}

function runUntil(harness: MoveHarness, move: ShardMove, done: (move: ShardMove) => boolean, stepMs = 100, maxSteps = 2000): void {
  for (let step = 0; step < maxSteps && !done(move); step += 1) move.tick(harness.advance(stepMs));
}

function expectServedEqualsExpected(harness: MoveHarness): void {
  expect(harness.servedDifferences('shard-1')).toEqual([]);
}

describe('a shard move, phase by phase', () => {
  test('copies throttled on cluster time, replays writes made during the copy, verifies, switches and cleans up', () => {
    const { harness, move, statuses, settings, persisted } = setUp();
    move.start(harness.now());
    expect(move.phase).toBe('COPY');
    expect(harness.statusOf('shard-1')).toBe('REBALANCING');

    move.tick(harness.advance(100));
    const early = move.progress(harness.now());
    // 100 ms at 200 000 B/s is about 20 000 bytes: one row over at most.
    expect(early.bytesCopied).toBeGreaterThan(15_000);
    expect(early.bytesCopied).toBeLessThan(20_000 + 100);
    expect(early.etaMs).toBeGreaterThan(harness.now());
    expect(early.rowsRemaining).toBe(early.rowsTotal - early.rowsCopied);

    // Writes during the copy go to the source: an update of a copied row, a delete, an insert past the cursor and one before it.
    expect(harness.write('shard-1', 'orders_1', 'k0000001', { id: 1, name: 'updated', amount: 0 })).toBe(true);
    expect(harness.write('shard-1', 'orders_1', 'k0000002', null)).toBe(true);
    expect(harness.write('shard-1', 'orders_1', 'k9999999', { id: 9999999, name: 'late', amount: 1 })).toBe(true);
    expect(harness.write('shard-1', 'orders_1', 'a0000000', { id: -1, name: 'early key', amount: 2 })).toBe(true);

    runUntil(harness, move, (candidate) => candidate.phase === 'COMPLETED');

    expect(move.phase).toBe('COMPLETED');
    expect(statuses).toEqual(['REBALANCING', 'READ_ONLY', 'ACTIVE']);
    expect([...new Set(persisted.map((record) => record.phase))]).toEqual(['COPY', 'CATCH_UP', 'VERIFY', 'SWITCH', 'CLEANUP', 'COMPLETED']);
    expect(harness.primaryOf('shard-1')).toBe('node-2');
    expectServedEqualsExpected(harness);
    for (const table of TABLES) expect(harness.cluster.storageOf('node-1').tableImage(table)).toEqual([]);
    const done = move.progress(harness.now());
    expect(done).toMatchObject({ phase: 'COMPLETED', percentComplete: 100, etaMs: null, rowsRemaining: 0, bytesRemaining: 0 });
    expect(done.verification?.every((entry) => entry.match)).toBe(true);
    expect(done.changesReplayed).toBeGreaterThanOrEqual(4);
    // The copy took about bytesTotal / rate of cluster time.
    const copyMs = (done.bytesTotal / settings.copyRateBytesPerSecond) * 1000;
    expect(done.finishedAtMs! - done.startedAtMs!).toBeGreaterThanOrEqual(copyMs - 200);
  });

  test('the catch-up keeps the copy rate: a backlog of WAL is replayed over several ticks, no tick over its budget by more than one record', () => {
    const { harness, move, settings } = setUp({ copyRateBytesPerSecond: 50_000 });
    move.start(harness.now());
    // Writes during the copy: a backlog of about 60 KB of WAL for the catch-up.
    for (let index = 0; index < 600; index += 1) harness.write('shard-1', 'orders_1', `k${String(index).padStart(7, '0')}`, { id: index, name: `rewritten-${index}`, amount: index });
    runUntil(harness, move, (candidate) => candidate.phase !== 'COPY');
    expect(move.phase).toBe('CATCH_UP');
    const perTick: number[] = [];
    while (move.phase === 'CATCH_UP') {
      const before = move.progress(harness.now()).changesReplayed;
      const bytesBefore = (move as unknown as { record: ShardMoveRecord }).record.bytesReplayed;
      move.tick(harness.advance(100));
      perTick.push((move as unknown as { record: ShardMoveRecord }).record.bytesReplayed - bytesBefore);
      expect(move.progress(harness.now()).changesReplayed).toBeGreaterThanOrEqual(before);
    }
    // 100 ms at 50 000 B/s is 5 000 bytes a tick: at most twice that (a tick's unused budget is banked) and a record over.
    expect(perTick.length).toBeGreaterThan(5);
    for (const bytes of perTick) expect(bytes).toBeLessThanOrEqual((settings.copyRateBytesPerSecond / 10) * 2 + 200);
    runUntil(harness, move, (candidate) => candidate.phase === 'COMPLETED');
    expectServedEqualsExpected(harness);
  });

  test("rows the target already holds of the shard's tables are orphans: removed before the copy, the move verifies", () => {
    const { harness, move } = setUp();
    // What a standby detached to become writable keeps: a stale copy, with a row the source has since deleted.
    harness.cluster.commitOn('node-2', [
      { op: 'put', table: 'orders_1', key: 'k0000001', row: { id: 1, name: 'stale', amount: -1 } },
      { op: 'put', table: 'orders_1', key: 'zz-gone', row: { id: -2, name: 'deleted at the source', amount: 0 } },
    ]);
    move.start(harness.now());
    runUntil(harness, move, (candidate) => candidate.phase === 'COMPLETED');
    expect(move.phase).toBe('COMPLETED');
    expect(move.progress(harness.now()).verification?.every((entry) => entry.match)).toBe(true);
    expect(harness.cluster.storageOf('node-2').getRow('orders_1', 'zz-gone')).toBeUndefined();
    expectServedEqualsExpected(harness);
  });

  test('illegal transitions throw, naming them', () => {
    expect(() => becomePhase('move-1', 'COPY', 'CLEANUP')).toThrow('invalid transition [COPY -> CLEANUP] of move move-1');
    expect(() => becomePhase('move-1', 'COMPLETED', 'COPY')).toThrow('invalid transition');
    expect(() => becomePhase('move-1', 'SWITCH', 'CANCELLED')).toThrow('invalid transition');
    expect(becomePhase('move-1', 'VERIFY', 'SWITCH')).toBe('SWITCH');
  });

  test('a paused move copies nothing until resumed, then finishes', () => {
    const { harness, move } = setUp();
    move.start(harness.now());
    move.tick(harness.advance(100));
    move.pause(harness.now());
    const paused = move.progress(harness.now()).bytesCopied;
    for (let step = 0; step < 20; step += 1) move.tick(harness.advance(100));
    expect(move.progress(harness.now())).toMatchObject({ phase: 'PAUSED', pausedFrom: 'COPY', bytesCopied: paused, etaMs: null });
    expect(() => move.pause(harness.now())).toThrow(DomainError);
    move.resume(harness.now());
    // The pause is not banked: the next tick copies one tick's worth.
    move.tick(harness.advance(100));
    expect(move.progress(harness.now()).bytesCopied - paused).toBeLessThan(20_100);
    runUntil(harness, move, (candidate) => candidate.phase === 'COMPLETED');
    expectServedEqualsExpected(harness);
  });

  test('cancel before the switch leaves routing as it was and removes the partial copy; after it, cancel is refused', () => {
    const { harness, move, statuses } = setUp();
    move.start(harness.now());
    move.tick(harness.advance(200));
    expect(harness.cluster.storageOf('node-2').tableImage('orders_1').length).toBeGreaterThan(0);
    move.cancel(harness.now());
    runUntil(harness, move, (candidate) => candidate.phase === 'CANCELLED');
    expect(move.phase).toBe('CANCELLED');
    expect(harness.primaryOf('shard-1')).toBe('node-1');
    expect(statuses).toEqual(['REBALANCING', 'ACTIVE']);
    for (const table of TABLES) expect(harness.cluster.storageOf('node-2').tableImage(table)).toEqual([]);
    expectServedEqualsExpected(harness);

    const second = setUp({ maxBatchesPerTick: 2 });
    second.move.start(second.harness.now());
    runUntil(second.harness, second.move, (candidate) => candidate.phase === 'CLEANUP', 100);
    expect(second.move.phase).toBe('CLEANUP');
    expect(() => second.move.cancel(second.harness.now())).toThrow(/past its switch/);
  });

  test('a move waits while its source or target is down and completes after healing', () => {
    const { harness, move } = setUp();
    move.start(harness.now());
    move.tick(harness.advance(100));
    const fault = harness.crash('node-2');
    move.tick(harness.advance(100));
    const blocked = move.progress(harness.now());
    expect(blocked.blockedReason).toMatch(/node-2/);
    expect(blocked.etaMs).toBeNull();
    harness.heal(fault);
    const sourceFault = harness.crash('node-1');
    runUntil(harness, move, () => false, 100, 5);
    expect(move.phase).toBe('COPY');
    harness.heal(sourceFault);
    runUntil(harness, move, (candidate) => candidate.phase === 'COMPLETED');
    expect(move.phase).toBe('COMPLETED');
    expectServedEqualsExpected(harness);
  });

  test('the default copy rate is a documented 1 MiB per second of cluster time', () => {
    expect(DEFAULT_SHARD_MOVE_CONFIG.copyRateBytesPerSecond).toBe(1_048_576);
    expect(() => validateShardMoveConfig({ copyBatchRows: 5000 })).toThrow(/copyBatchRows must be a whole number from 1 to 1000/);
  });
});
