/**
 * The Global Enqueue Service: S and X enqueue locks on row (TX) and table (TM) resources. Each
 * resource grants from a FIFO queue: compatible requests at the head are granted together, a
 * conversion S→X waits for the other S holders (and is served before new requests), and nothing
 * overtakes a waiting request, so no one starves.
 */
import { DomainError } from '../runtime/domain-error.js';

export type EnqueueMode = 'S' | 'X';
export type EnqueueStatus = 'GRANTED' | 'WAITING' | 'CONVERTING';

export interface EnqueueLock {
  lockId: string;
  resourceId: string;
  instanceId: string;
  /** The mode held (GRANTED, CONVERTING) or wanted (WAITING). */
  mode: EnqueueMode;
  /** The mode a conversion waits for. */
  convertTo: EnqueueMode | null;
  status: EnqueueStatus;
  requestedAtMs: number;
  grantedAtMs: number | null;
}

export interface GesListener {
  granted(lock: EnqueueLock, waitedMs: number): void;
  released(lock: EnqueueLock, reason: string): void;
  converted(lock: EnqueueLock, from: EnqueueMode, to: EnqueueMode): void;
}

export interface GesCounters {
  requests: number;
  grants: number;
  immediateGrants: number;
  waits: number;
  conversions: number;
  releases: number;
  totalWaitMs: number;
}

const RESOURCE_ID = /^(TX|TM):[A-Za-z0-9_.:-]{1,128}$/;

export function validateEnqueueResource(resourceId: string): void {
  if (typeof resourceId !== 'string' || !RESOURCE_ID.test(resourceId)) {
    throw new DomainError('UNPROCESSABLE', `Enqueue resource ${JSON.stringify(resourceId)} must be TX:<row> or TM:<table>.`, { resourceId });
  }
}

function validateMode(mode: string): asserts mode is EnqueueMode {
  if (mode !== 'S' && mode !== 'X') throw new DomainError('UNPROCESSABLE', `Enqueue mode must be S or X, got ${JSON.stringify(mode)}.`, { mode });
}

export class GlobalEnqueueService {
  /** resource → locks in arrival order (granted and waiting). */
  private readonly resources = new Map<string, EnqueueLock[]>();
  private readonly locks = new Map<string, EnqueueLock>();
  private nextLockId = 1;
  readonly counters: GesCounters = { requests: 0, grants: 0, immediateGrants: 0, waits: 0, conversions: 0, releases: 0, totalWaitMs: 0 };

  constructor(private readonly listener?: GesListener) {}

  /** Asks for a lock; granted now when compatible and no one waits ahead, else queued. */
  request(resourceId: string, instanceId: string, mode: EnqueueMode, nowMs: number): EnqueueLock {
    validateEnqueueResource(resourceId);
    validateMode(mode);
    const lock: EnqueueLock = { lockId: `enq-${this.nextLockId++}`, resourceId, instanceId, mode, convertTo: null, status: 'WAITING', requestedAtMs: nowMs, grantedAtMs: null };
    let queue = this.resources.get(resourceId);
    if (queue === undefined) {
      queue = [];
      this.resources.set(resourceId, queue);
    }
    queue.push(lock);
    this.locks.set(lock.lockId, lock);
    this.counters.requests += 1;
    this.grantWaiting(resourceId, nowMs);
    if (lock.status === 'GRANTED') this.counters.immediateGrants += 1;
    else this.counters.waits += 1;
    return { ...lock };
  }

  /** Converts a granted lock; S→X waits for the other holders, X→S is immediate. */
  convert(lockId: string, mode: EnqueueMode, nowMs: number): EnqueueLock {
    validateMode(mode);
    const lock = this.lockOf(lockId);
    if (lock.status !== 'GRANTED') throw new DomainError('CONFLICT', `Lock ${lockId} is ${lock.status}; only a granted lock converts.`, { lockId, status: lock.status });
    if (lock.mode === mode) return { ...lock };
    this.counters.conversions += 1;
    if (mode === 'S') {
      const from = lock.mode;
      lock.mode = 'S';
      this.listener?.converted({ ...lock }, from, 'S');
      this.grantWaiting(lock.resourceId, nowMs);
      return { ...lock };
    }
    lock.status = 'CONVERTING';
    lock.convertTo = 'X';
    this.grantWaiting(lock.resourceId, nowMs);
    return { ...lock };
  }

  /** Releases a lock (granted or waiting); the queue behind it moves. */
  release(lockId: string, nowMs: number, reason = 'released'): EnqueueLock {
    const lock = this.lockOf(lockId);
    this.locks.delete(lockId);
    const queue = this.resources.get(lock.resourceId)!;
    queue.splice(queue.indexOf(lock), 1);
    if (queue.length === 0) this.resources.delete(lock.resourceId);
    this.counters.releases += 1;
    this.listener?.released({ ...lock }, reason);
    this.grantWaiting(lock.resourceId, nowMs);
    return { ...lock };
  }

  /** Releases every lock of an instance (its recovery). @returns how many. */
  releaseInstance(instanceId: string, nowMs: number, reason: string): number {
    const mine = [...this.locks.values()].filter((lock) => lock.instanceId === instanceId);
    for (const lock of mine) this.release(lock.lockId, nowMs, reason);
    return mine.length;
  }

  lockOf(lockId: string): EnqueueLock {
    const lock = this.locks.get(lockId);
    if (lock === undefined) throw new DomainError('NOT_FOUND', `Enqueue lock ${lockId} does not exist.`, { lockId });
    return lock;
  }

  list(filter: { instanceId?: string; resourceId?: string } = {}): EnqueueLock[] {
    return [...this.locks.values()].filter((lock) => (filter.instanceId === undefined || lock.instanceId === filter.instanceId) && (filter.resourceId === undefined || lock.resourceId === filter.resourceId)).map((lock) => ({ ...lock }));
  }

  /** Locks on one resource in queue order. */
  queueOf(resourceId: string): EnqueueLock[] {
    return (this.resources.get(resourceId) ?? []).map((lock) => ({ ...lock }));
  }

  resourceCount(): number {
    return this.resources.size;
  }

  private grantWaiting(resourceId: string, nowMs: number): void {
    const queue = this.resources.get(resourceId);
    if (queue === undefined) return;
    const granted = queue.filter((lock) => lock.status !== 'WAITING');
    // Conversions first: a holder upgrading must not wait behind newcomers.
    for (const lock of granted) {
      if (lock.status !== 'CONVERTING') continue;
      if (granted.every((other) => other === lock)) {
        const from = lock.mode;
        lock.mode = 'X';
        lock.convertTo = null;
        lock.status = 'GRANTED';
        this.listener?.converted({ ...lock }, from, 'X');
      }
    }
    if (granted.some((lock) => lock.status === 'CONVERTING')) return;
    for (const lock of queue) {
      if (lock.status !== 'WAITING') continue;
      const holders = queue.filter((other) => other.status !== 'WAITING');
      const compatible = lock.mode === 'S' ? holders.every((holder) => holder.mode === 'S') : holders.length === 0;
      if (!compatible) return;
      lock.status = 'GRANTED';
      lock.grantedAtMs = nowMs;
      this.counters.grants += 1;
      this.counters.totalWaitMs += nowMs - lock.requestedAtMs;
      this.listener?.granted({ ...lock }, nowMs - lock.requestedAtMs);
    }
  }
}
