import type { Store, StoreBatch, StoredEvent, StoredRecord } from '../../src/store/port.js';

/** A commit stopped at the store's door until the test decides its outcome. */
export interface HeldCommit {
  batch: StoreBatch;
  /** Lets the commit reach the inner store. */
  release(): void;
  /** Makes the commit reject without touching the inner store. */
  fail(error: Error): void;
}

type HeldOutcome = { kind: 'release' } | { kind: 'fail'; error: Error };

/**
 * A {@link Store} test double that delegates to a real store but lets a test hold commits
 * (to observe concurrency deterministically, without sleeps), fail them, and count calls.
 */
export class ControllableStore implements Store {
  /** Batches that reached the inner store successfully, in order. */
  readonly committedBatches: StoreBatch[] = [];
  /** Every batch handed to commit(), including failed and held ones. */
  commitCalls = 0;
  readEventsCalls = 0;
  private holding = false;
  private readonly failures: Error[] = [];
  private readonly unclaimedHeld: HeldCommit[] = [];
  private readonly heldWaiters: ((held: HeldCommit) => void)[] = [];

  constructor(private readonly inner: Store) {}

  /** From now on, commits wait until released or failed through {@link nextHeldCommit}. */
  holdCommits(): void {
    this.holding = true;
  }

  /** Commits go straight through again (already held ones stay held). */
  passCommits(): void {
    this.holding = false;
  }

  /** The next commit that is not held rejects with `error`. */
  failNextCommit(error: Error): void {
    this.failures.push(error);
  }

  /** Resolves with the next held commit, in arrival order. */
  nextHeldCommit(): Promise<HeldCommit> {
    const held = this.unclaimedHeld.shift();
    if (held !== undefined) return Promise.resolve(held);
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  async commit(batch: StoreBatch): Promise<void> {
    this.commitCalls += 1;
    if (this.holding) {
      const outcome = await this.waitForOutcome(batch);
      if (outcome.kind === 'fail') throw outcome.error;
    } else {
      const failure = this.failures.shift();
      if (failure !== undefined) throw failure;
    }
    await this.inner.commit(batch);
    this.committedBatches.push(batch);
  }

  list<T>(kind: string): Promise<StoredRecord<T>[]> {
    return this.inner.list<T>(kind);
  }

  get<T>(kind: string, id: string): Promise<T | undefined> {
    return this.inner.get<T>(kind, id);
  }

  readEvents(afterCursor: number, limit: number, types?: readonly string[]): Promise<StoredEvent[]> {
    this.readEventsCalls += 1;
    return this.inner.readEvents(afterCursor, limit, types);
  }

  lastEventCursor(): Promise<number> {
    return this.inner.lastEventCursor();
  }

  pruneEvents(keepLast: number, olderThan?: string): Promise<number> {
    return this.inner.pruneEvents(keepLast, olderThan);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private waitForOutcome(batch: StoreBatch): Promise<HeldOutcome> {
    return new Promise((resolve) => {
      const held: HeldCommit = {
        batch,
        release: () => resolve({ kind: 'release' }),
        fail: (error) => resolve({ kind: 'fail', error }),
      };
      const waiter = this.heldWaiters.shift();
      if (waiter === undefined) this.unclaimedHeld.push(held);
      else waiter(held);
    });
  }
}
