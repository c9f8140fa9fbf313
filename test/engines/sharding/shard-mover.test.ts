import { describe, expect, test } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import { ShardMover, type SequenceEventKind, type SequenceProgress } from '../../../src/engines/sharding/shard-mover.js';
import { MoveHarness } from './shard-move-harness.js';

function cluster() {
  const harness = new MoveHarness([
    { shardId: 'shard-1', tables: ['orders_1'], primaryNodeId: 'node-1' },
    { shardId: 'shard-2', tables: ['orders_2'], primaryNodeId: 'node-1' },
    { shardId: 'shard-3', tables: ['orders_3'], primaryNodeId: 'node-1' },
  ]);
  for (const number of [1, 2, 3]) harness.load(`shard-${number}`, `orders_${number}`, 200, number * 1000);
  const events: { kind: SequenceEventKind; progress: SequenceProgress }[] = [];
  const mover = new ShardMover(harness, { copyRateBytesPerSecond: 50_000 }, undefined, { sequenceEvent: (kind, progress) => events.push({ kind, progress }) });
  return { harness, mover, events };
}

function runToEnd(harness: MoveHarness, mover: ShardMover, id: string): SequenceProgress {
  for (let guard = 0; guard < 1000 && ['RUNNING', 'PAUSED'].includes(mover.sequence(id).state); guard += 1) mover.tick(harness.advance(100));
  return mover.progress(id, harness.now());
}

describe('the mover: rebalances and migration tasks on one workflow', () => {
  test('a plan executes move by move, with progress, an ETA on the cluster clock, and started/progress/completed events', () => {
    const { harness, mover, events } = cluster();
    const plan = mover.plan({ strategy: 'by_shard_count' }, harness.now());
    expect(plan.state).toBe('PLANNED');
    expect(plan.moves.map((move) => [move.shardId, move.targetNodeId])).toEqual([
      ['shard-1', 'node-2'],
      ['shard-2', 'node-3'],
    ]);
    mover.start(plan.id, {}, harness.now());
    mover.tick(harness.advance(100));
    const running = mover.progress(plan.id, harness.now());
    expect(running).toMatchObject({ state: 'RUNNING', movesTotal: 2, currentMoveIndex: 0 });
    expect(running.etaMs).toBeGreaterThan(harness.now());
    expect(running.bytesRemaining).toBeGreaterThan(0);
    const done = runToEnd(harness, mover, plan.id);
    expect(done).toMatchObject({ state: 'COMPLETED', movesCompleted: 2, percentComplete: 100, etaMs: null, rowsRemaining: 0 });
    expect([harness.primaryOf('shard-1'), harness.primaryOf('shard-2'), harness.primaryOf('shard-3')]).toEqual(['node-2', 'node-3', 'node-1']);
    expect(harness.servedDifferences('shard-1')).toEqual([]);
    expect(events[0]!.kind).toBe('started');
    expect(events.at(-1)).toMatchObject({ kind: 'completed', progress: { state: 'COMPLETED' } });
    expect(events.filter((event) => event.kind === 'progress').length).toBeGreaterThan(2);
    expect(mover.statistics().counters).toMatchObject({ movesStarted: 2, movesCompleted: 2, rowsCopied: 400 });
  });

  test('pre-flight lists what blocks a move and answers CONFLICT unless forced', () => {
    const { harness, mover } = cluster();
    const task = mover.createMigration({ shardId: 'shard-1', targetNodeId: 'node-2' }, harness.now());
    const fault = harness.crash('node-2');
    mover.configure({ nodeCapacityBytes: 100 });
    let refusal: unknown;
    try {
      mover.start(task.id, {}, harness.now());
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('CONFLICT');
    const findings = (refusal as DomainError).details!.findings as { code: string }[];
    expect(findings.map((finding) => finding.code)).toEqual(['TARGET_DOWN', 'LOW_FREE_CAPACITY']);
    expect(mover.sequence(task.id).state).toBe('PLANNED');
    mover.start(task.id, { force: true }, harness.now());
    expect(mover.sequence(task.id).forcedFindings).toHaveLength(2);
    // A second task on the same shard is refused while the first moves it.
    const second = mover.createMigration({ shardId: 'shard-1', targetNodeId: 'node-3' }, harness.now());
    expect(mover.preflight(second.id).map((finding) => finding.code)).toContain('SHARD_MOVING');
    harness.heal(fault);
    expect(runToEnd(harness, mover, task.id).state).toBe('COMPLETED');
  });

  test('a task pauses, resumes, and a deleted running task is cancelled and removed', () => {
    const { harness, mover } = cluster();
    const task = mover.createMigration({ shardIds: ['shard-1', 'shard-2'], keyRange: { table: 'orders', fromKey: 0, toKey: 500 }, targetNodeId: 'node-3' }, harness.now());
    mover.start(task.id, {}, harness.now());
    mover.tick(harness.advance(100));
    expect(mover.pause(task.id, harness.now()).state).toBe('PAUSED');
    expect(() => mover.pause(task.id, harness.now())).toThrow(/not RUNNING/);
    expect(mover.resume(task.id, harness.now()).state).toBe('RUNNING');
    mover.delete(task.id, harness.now());
    expect(() => mover.sequence(task.id)).toThrow(/No migration task has id "migration-1"/);
    expect(harness.primaryOf('shard-1')).toBe('node-1');
    expect(harness.cluster.storageOf('node-3').tableImage('orders_1')).toEqual([]);
    expect(harness.statusOf('shard-1')).toBe('ACTIVE');
  });

  test('a restarted mover resumes a rebalance where its records left it', () => {
    const { harness } = cluster();
    const records = new Map<string, unknown>();
    const sink = {
      stateChanged: (state: unknown) => records.set('state', structuredClone(state)),
      moveChanged: (record: { moveId: string }) => records.set(`move/${record.moveId}`, structuredClone(record)),
      moveRemoved: (moveId: string) => records.delete(`move/${moveId}`),
      sequenceChanged: (record: { id: string }) => records.set(`sequence/${record.id}`, structuredClone(record)),
      sequenceRemoved: (id: string) => records.delete(`sequence/${id}`),
    };
    const first = new ShardMover(harness, { copyRateBytesPerSecond: 50_000 }, sink as never);
    const plan = first.plan({}, harness.now());
    first.start(plan.id, {}, harness.now());
    for (let step = 0; step < 3; step += 1) first.tick(harness.advance(100));
    const restore = {
      state: records.get('state') as never,
      moves: [...records].filter(([key]) => key.startsWith('move/')).map(([, value]) => value) as never,
      sequences: [...records].filter(([key]) => key.startsWith('sequence/')).map(([, value]) => value) as never,
    };
    const second = new ShardMover(harness, { copyRateBytesPerSecond: 50_000 }, sink as never, undefined, restore);
    expect(second.sequence(plan.id).state).toBe('RUNNING');
    expect(runToEnd(harness, second, plan.id).state).toBe('COMPLETED');
    expect(harness.servedDifferences('shard-1')).toEqual([]);
    expect(harness.servedDifferences('shard-2')).toEqual([]);
  });
});
