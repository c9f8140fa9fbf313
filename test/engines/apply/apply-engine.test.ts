import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWorkload, MemoryTarget, serialState, startApplyWorld } from './apply-harness.js';

/** Advances until the applier has nothing unfinished (bounded). */
function drain(world: ReturnType<typeof startApplyWorld>, subscriptionId: string, stepMs = 50, maxSteps = 10_000): void {
  const applier = world.engine.applier(subscriptionId);
  for (let step = 0; step < maxSteps && applier.status().queuedTransactions > 0; step += 1) world.clock.advance(stepMs);
}

describe('parallel apply', () => {
  it('ends in the state serial apply ends in, each transaction applied once, whatever the dependencies (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (parallelism, batchMax, dependentShare, seed) => {
          const world = startApplyWorld({ applyParallelism: parallelism, batchMaxTransactions: batchMax });
          const transactions = makeWorkload({ transactions: 60, dependentShare, seed, withDeletes: true });
          const target = new MemoryTarget();
          const applier = world.engine.applierFor('sub-1', target);
          // Fed in a few slices while it runs, as a slot delivers.
          for (let from = 0; from < transactions.length; from += 20) {
            applier.enqueue(transactions.slice(from, from + 20));
            world.clock.advance(3);
          }
          drain(world, 'sub-1');
          expect(target.rows).toEqual(serialState(transactions));
          expect([...target.appliedCount.values()].every((count) => count === 1)).toBe(true);
          expect(target.appliedCount.size).toBe(transactions.length);
          expect(applier.resumeLsn()).toBe(transactions.at(-1)!.endLsn);
          world.engine.close();
        },
      ),
      { seed: 16, numRuns: 30 },
    );
  });

  it('applies transactions on one row in commit order, and the others concurrently', () => {
    const world = startApplyWorld({ applyParallelism: 4, batchMaxTransactions: 1, applyCostPerChangeMs: 1, batchOverheadMs: 0 });
    const chain = makeWorkload({ transactions: 12, dependentShare: 1, changesPerTransaction: 1, seed: 3 });
    const target = new MemoryTarget();
    world.engine.applierFor('sub-1', target).enqueue(chain);
    drain(world, 'sub-1', 1);
    // Every transaction rewrites k1 (the only row), so the order is the commit order.
    expect(target.order).toEqual(chain.map((tx) => tx.commitLsn));
    expect(world.engine.statistics().dependencyWaits).toBe(11);
  });

  it('makes the speed-up real in cluster time: 4 workers finish independent work in a quarter of the time', () => {
    const elapsed = (parallelism: number): number => {
      const world = startApplyWorld({ applyParallelism: parallelism, batchMaxTransactions: 5, applyCostPerChangeMs: 1, batchOverheadMs: 2 });
      const applier = world.engine.applierFor('sub-1', new MemoryTarget());
      applier.enqueue(makeWorkload({ transactions: 400, dependentShare: 0, seed: 5 }));
      let steps = 0;
      while (applier.status().queuedTransactions > 0) {
        world.clock.advance(1);
        steps += 1;
      }
      expect(world.engine.statistics().averageBusyWorkers).toBeGreaterThan(parallelism * 0.9);
      return steps;
    };
    const serial = elapsed(1);
    const parallel = elapsed(4);
    expect(serial / parallel).toBeGreaterThan(3.5);
    expect(serial / parallel).toBeLessThanOrEqual(4.01);
  });

  it('groups small transactions into batches bounded by count and by bytes', () => {
    const world = startApplyWorld({ applyParallelism: 1, batchMaxTransactions: 10 });
    const applier = world.engine.applierFor('sub-1', new MemoryTarget());
    applier.enqueue(makeWorkload({ transactions: 40, dependentShare: 0, changesPerTransaction: 1, seed: 1 }));
    drain(world, 'sub-1');
    const byCount = world.engine.statistics();
    expect(byCount.batchesApplied).toBe(4);
    expect(byCount.averageBatchTransactions).toBe(10);

    const small = startApplyWorld({ applyParallelism: 1, batchMaxTransactions: 10, batchMaxBytes: 1100 });
    const big = small.engine.applierFor('sub-1', new MemoryTarget());
    // Each transaction's changes are about 335 bytes of JSON: three fit under 1100 bytes, not four.
    big.enqueue(makeWorkload({ transactions: 21, dependentShare: 0, changesPerTransaction: 2, seed: 1 }));
    drain(small, 'sub-1');
    expect(small.engine.statistics()).toMatchObject({ batchesApplied: 7, averageBatchTransactions: 3 });
  });
});

describe('checkpoints and restarts', () => {
  it('resumes from the checkpoint after a restart mid-stream: nothing lost, nothing applied twice (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1000 }), (crashAtMs, parallelism, seed) => {
        const world = startApplyWorld({ applyParallelism: parallelism, batchMaxTransactions: 4, applyCostPerChangeMs: 1 });
        const transactions = makeWorkload({ transactions: 80, dependentShare: 0.3, seed, withDeletes: true });
        // The target's rows survive the crash (they are in node storage); the applier's memory does not.
        const target = new MemoryTarget();
        world.engine.applierFor('sub-1', target).enqueue(transactions);
        world.clock.advance(crashAtMs);
        const engine = world.restart();
        const applier = engine.applierFor('sub-1', target);
        const resumeLsn = applier.resumeLsn();
        // The source resends from the checkpoint, as a slot does from its confirmed position.
        applier.enqueue(transactions.filter((tx) => tx.commitLsn >= resumeLsn));
        drain(world, 'sub-1');
        expect(target.rows).toEqual(serialState(transactions));
        expect([...target.appliedCount.values()].every((count) => count === 1)).toBe(true);
        expect(target.appliedCount.size).toBe(transactions.length);
        expect(applier.resumeLsn()).toBe(transactions.at(-1)!.endLsn);
        engine.close();
      }),
      { seed: 7, numRuns: 25 },
    );
  });

  it('keeps a manual checkpoint in its history and tells the listeners', () => {
    const world = startApplyWorld({ checkpointIntervalMs: 1000 });
    const applier = world.engine.applierFor('sub-1', new MemoryTarget(), { startLsn: 0x1000000 });
    const told: number[] = [];
    applier.onCheckpoint((lsn) => told.push(lsn));
    const transactions = makeWorkload({ transactions: 10, dependentShare: 0, seed: 2 });
    applier.enqueue(transactions);
    drain(world, 'sub-1', 10);
    const [manual] = world.engine.takeCheckpoints('sub-1');
    expect(manual).toMatchObject({ subscriptionId: 'sub-1', checkpointLsn: transactions.at(-1)!.endLsn, trigger: 'MANUAL', appliedAboveCount: 0 });
    expect(told.at(-1)).toBe(transactions.at(-1)!.endLsn);
    world.clock.advance(1000);
    // The position did not move since: no AUTO checkpoint.
    expect(applier.checkpoints().map((checkpoint) => checkpoint.trigger)).toEqual(['MANUAL']);
    expect(() => world.engine.takeCheckpoints('nope')).toThrow(/No applier/);
  });
});

describe('errors', () => {
  it('retries a transient error with exponential backoff, then applies', () => {
    const world = startApplyWorld({ applyParallelism: 1, batchOverheadMs: 0, applyCostPerChangeMs: 0, retryInitialBackoffMs: 100, retryMaxBackoffMs: 1000 });
    const target = new MemoryTarget();
    let failures = 3;
    target.fail = () => (failures-- > 0 ? { status: 'TRANSIENT', reason: 'node-9 is down' } : null);
    const applier = world.engine.applierFor('sub-1', target);
    applier.enqueue(makeWorkload({ transactions: 1, dependentShare: 0, seed: 1 }));
    world.clock.advance(0);
    expect(applier.transactions()[0]).toMatchObject({ status: 'RETRY_WAIT', attempts: 1, reason: 'node-9 is down' });
    world.clock.advance(100); // first retry after 100 ms, fails
    world.clock.advance(199);
    expect(applier.transactions()[0]).toMatchObject({ status: 'RETRY_WAIT', attempts: 2 });
    world.clock.advance(1); // second retry 200 ms later, fails; third after 400 ms succeeds
    world.clock.advance(400);
    expect(applier.transactions()[0]).toMatchObject({ status: 'APPLIED', attempts: 4 });
    expect(applier.state()).toBe('RUNNING');
    expect(world.engine.statistics()).toMatchObject({ retries: 3, transactionsApplied: 1 });
    expect(applier.status().lastError).toMatchObject({ permanent: false, reason: 'node-9 is down' });
  });

  it('ABEND: stops, keeps the checkpoint below the failed transaction, and resumes after start or skip', () => {
    const world = startApplyWorld({ applyParallelism: 2, onPermanentError: 'ABEND' });
    const transactions = makeWorkload({ transactions: 6, dependentShare: 0, seed: 1 });
    const target = new MemoryTarget();
    const broken = transactions[2]!.commitLsn;
    target.fail = (tx) => (tx.commitLsn === broken ? { status: 'PERMANENT', reason: 'row missing' } : null);
    const applier = world.engine.applierFor('sub-1', target);
    applier.enqueue(transactions);
    drain(world, 'sub-1', 10, 50);
    expect(applier.state()).toBe('ABENDED');
    expect(applier.resumeLsn()).toBe(transactions[1]!.endLsn);
    expect(applier.transactions().find((tx) => tx.commitLsn === broken)).toMatchObject({ status: 'FAILED', reason: 'row missing' });
    // Restarted with the cause still there: ABENDED again.
    applier.start();
    world.clock.advance(50);
    expect(applier.state()).toBe('ABENDED');
    // The operator skips it: recorded, and the checkpoint passes it once started.
    applier.skip(broken);
    applier.start();
    drain(world, 'sub-1');
    expect(applier.state()).toBe('RUNNING');
    expect(applier.resumeLsn()).toBe(transactions.at(-1)!.endLsn);
    expect(applier.discards()).toMatchObject([{ commitLsn: broken, reason: 'skipped by the operator' }]);
    expect(target.appliedCount.has(broken)).toBe(false);
    expect(() => applier.skip(broken)).toThrow(/No failed transaction/);
  });

  it('SKIP and DISCARD: go on past a permanent error, recorded (DISCARD keeps the changes)', () => {
    for (const policy of ['SKIP', 'DISCARD'] as const) {
      const world = startApplyWorld({ onPermanentError: policy });
      const transactions = makeWorkload({ transactions: 5, dependentShare: 0, seed: 1 });
      const target = new MemoryTarget();
      target.fail = (tx) => (tx.xid === 3 ? { status: 'PERMANENT', reason: 'duplicate key' } : null);
      const applier = world.engine.applierFor('sub-1', target);
      applier.enqueue(transactions);
      drain(world, 'sub-1');
      expect(applier.state()).toBe('RUNNING');
      expect(applier.resumeLsn()).toBe(transactions.at(-1)!.endLsn);
      expect(target.appliedCount.size).toBe(4);
      const [discarded] = applier.discards();
      expect(discarded).toMatchObject({ xid: 3, reason: 'duplicate key' });
      expect(discarded!.changes.length).toBe(policy === 'DISCARD' ? 2 : 0);
      expect(applier.transactions().find((tx) => tx.xid === 3)?.status).toBe(policy === 'SKIP' ? 'SKIPPED' : 'DISCARDED');
    }
  });

  it('a transient error that outlasts maxRetries is permanent', () => {
    const world = startApplyWorld({ maxRetries: 2, retryInitialBackoffMs: 10, onPermanentError: 'ABEND' });
    const target = new MemoryTarget();
    target.fail = () => ({ status: 'TRANSIENT', reason: 'node-9 is down' });
    const applier = world.engine.applierFor('sub-1', target);
    applier.enqueue(makeWorkload({ transactions: 1, dependentShare: 0, seed: 1 }));
    world.clock.advance(1000);
    expect(applier.state()).toBe('ABENDED');
    expect(applier.status().lastError).toMatchObject({ permanent: true, reason: 'node-9 is down (still failing after 2 retries)' });
  });
});

describe('configuration and feeding', () => {
  it('refuses a bad configuration, naming the field', () => {
    const world = startApplyWorld();
    expect(() => world.engine.configure({ applyParallelism: 0 })).toThrow(/applyParallelism must be between 1 and 64/);
    expect(() => world.engine.configure({ retryInitialBackoffMs: 5000, retryMaxBackoffMs: 1000 })).toThrow(/retryMaxBackoffMs must be at least/);
    expect(() => world.engine.configure({ onPermanentError: 'IGNORE' as never })).toThrow(/ABEND, SKIP, DISCARD/);
    expect(world.engine.config().applyParallelism).toBe(4);
  });

  it('ignores what it already has, refuses out-of-order and overflowing input', () => {
    const world = startApplyWorld({ maxQueuedTransactions: 5 });
    const transactions = makeWorkload({ transactions: 8, dependentShare: 0, seed: 1 });
    const applier = world.engine.applierFor('sub-1', new MemoryTarget());
    applier.stop();
    expect(applier.enqueue(transactions.slice(0, 3))).toEqual({ accepted: 3, ignored: 0 });
    expect(applier.enqueue(transactions.slice(0, 4))).toEqual({ accepted: 1, ignored: 3 });
    expect(() => applier.enqueue(transactions.slice(4, 8))).toThrow(/maxQueuedTransactions/);
    expect(applier.status().queuedTransactions).toBe(4);
    applier.start();
    drain(world, 'sub-1');
    expect(() => applier.enqueue([transactions[6]!, transactions[5]!])).toThrow(/commit order/);
    expect(applier.enqueue(transactions.slice(0, 2))).toEqual({ accepted: 0, ignored: 2 });
  });
});
