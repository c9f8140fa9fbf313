/**
 * The updates one member is disseminating: each is piggybacked on outgoing pings, ping-reqs and acks
 * until it has been sent `limit` times (λ·log n), least-sent first, so fresh news spreads before old.
 * At most one update per member is queued: a newer statement about a member replaces the older one
 * (memberlist's invalidation), which also bounds the queue by the view size.
 */
import { assert } from '../runtime/domain-error.js';
import type { MemberUpdate } from './swim-messages.js';

/** One queued update and how often it went out. */
export interface QueuedUpdate {
  readonly update: MemberUpdate;
  transmissions: number;
}

export class PiggybackQueue {
  private readonly byMember = new Map<string, QueuedUpdate>();
  /** buckets[t] holds the updates sent t times, in the order they got there (oldest first). */
  private readonly buckets: Set<QueuedUpdate>[] = [];

  /** @param capacity - most updates held at once. */
  constructor(private readonly capacity: number) {
    assert(Number.isSafeInteger(capacity) && capacity >= 1, 'PiggybackQueue: capacity must be a positive integer');
  }

  get size(): number {
    return this.byMember.size;
  }

  has(memberId: string): boolean {
    return this.byMember.has(memberId);
  }

  /**
   * Queues `update`, replacing any queued update about the same member; when full, evicts the
   * most-sent one first.
   * @returns whether an update was evicted to make room.
   */
  enqueue(update: MemberUpdate): boolean {
    this.remove(update.memberId);
    const evicted = this.byMember.size >= this.capacity;
    if (evicted) this.evictMostSent();
    const queued: QueuedUpdate = { update, transmissions: 0 };
    this.byMember.set(update.memberId, queued);
    this.bucket(0).add(queued);
    return evicted;
  }

  /** Drops the queued update about `memberId`, if any. */
  remove(memberId: string): void {
    const queued = this.byMember.get(memberId);
    if (queued === undefined) return;
    this.byMember.delete(memberId);
    this.buckets[queued.transmissions]?.delete(queued);
  }

  /**
   * Appends to `out` up to `max` updates to piggyback on a message to `receiverId`, least-sent first,
   * counting each as one more transmission and retiring those that reach `limit`. The update about
   * `firstId` (the sender's own news) goes first if queued; updates about the receiver are not sent
   * to it: it knows its own news, and bad news about it travels as a notice.
   */
  take(out: MemberUpdate[], max: number, limit: number, receiverId?: string, firstId?: string): void {
    const chosen: QueuedUpdate[] = [];
    const first = firstId === undefined ? undefined : this.byMember.get(firstId);
    if (first !== undefined && max > 0 && firstId !== receiverId) chosen.push(first);
    for (let transmissions = 0; transmissions < this.buckets.length && chosen.length < max; transmissions += 1) {
      const bucket = this.buckets[transmissions];
      if (bucket === undefined) continue;
      for (const queued of bucket) {
        if (chosen.length >= max) break;
        if (queued.update.memberId !== receiverId && queued !== first) chosen.push(queued);
      }
    }
    // The limit shrinks when the view does: an update already sent enough times retires unsent.
    for (let index = chosen.length - 1; index >= 0; index -= 1) {
      const queued = chosen[index] as QueuedUpdate;
      if (queued.transmissions < limit) continue;
      this.remove(queued.update.memberId);
      chosen.splice(index, 1);
    }
    // Moved after the scan: moving during it would let an update be picked twice from its next bucket.
    for (const queued of chosen) {
      out.push(queued.update);
      this.buckets[queued.transmissions]?.delete(queued);
      queued.transmissions += 1;
      if (queued.transmissions >= limit) this.byMember.delete(queued.update.memberId);
      else this.bucket(queued.transmissions).add(queued);
    }
  }

  /** The queued updates, least-sent first (for the gossip read). */
  entries(): QueuedUpdate[] {
    const all: QueuedUpdate[] = [];
    for (const bucket of this.buckets) if (bucket !== undefined) all.push(...bucket);
    return all;
  }

  clear(): void {
    this.byMember.clear();
    this.buckets.length = 0;
  }

  private evictMostSent(): void {
    for (let transmissions = this.buckets.length - 1; transmissions >= 0; transmissions -= 1) {
      const bucket = this.buckets[transmissions];
      const oldest = bucket?.values().next().value;
      if (oldest !== undefined) {
        this.remove(oldest.update.memberId);
        return;
      }
    }
  }

  private bucket(transmissions: number): Set<QueuedUpdate> {
    let bucket = this.buckets[transmissions];
    if (bucket === undefined) {
      bucket = new Set();
      this.buckets[transmissions] = bucket;
    }
    return bucket;
  }
}
