import { AccessError } from './access-errors.js';

/** Default requests per second per API key (RUSTYDB_RATE_LIMIT). */
export const DEFAULT_RATE_LIMIT_PER_KEY = 1000;

export interface RateLimits {
  /** Requests per second each API key may make; 0 turns limiting off. Bursts of twice that pass. */
  perKeyPerSecond: number;
}

interface Bucket {
  tokens: number;
  refilledAtMs: number;
}

/** Buckets kept; the least recently created are dropped past this (TigerStyle: a limit on everything). */
const MAX_BUCKETS = 50_000;

/**
 * Token buckets per API key, per client address and per key and operation: a key gets
 * `perKeyPerSecond`, an address twice that (several keys may share one), and one operation half
 * of it, so a hot loop on one operation cannot starve the key's other calls. Time is wall time:
 * limits protect the server, not the simulated cluster.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limits: RateLimits, private readonly wallNow: () => number) {}

  get enabled(): boolean {
    return this.limits.perKeyPerSecond > 0;
  }

  /** Throws RATE_LIMITED (with the seconds to wait) when the address is over its limit. */
  admitAddress(address: string): void {
    this.take(`address:${address}`, this.limits.perKeyPerSecond * 2);
  }

  /** Throws RATE_LIMITED when the key, or the key on this operation, is over its limit. */
  admitKey(keyId: string, operationId: string): void {
    // The narrower bucket first, so a request refused for its operation costs the key nothing.
    this.take(`operation:${keyId}:${operationId}`, this.limits.perKeyPerSecond / 2);
    this.take(`key:${keyId}`, this.limits.perKeyPerSecond);
  }

  private take(bucketId: string, perSecond: number): void {
    if (!this.enabled) return;
    const nowMs = this.wallNow();
    const capacity = perSecond * 2;
    const bucket = this.buckets.get(bucketId) ?? this.create(bucketId, capacity, nowMs);
    bucket.tokens = Math.min(capacity, bucket.tokens + ((nowMs - bucket.refilledAtMs) / 1000) * perSecond);
    bucket.refilledAtMs = nowMs;
    if (bucket.tokens < 1) {
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      throw new AccessError('RATE_LIMITED', `Too many requests (${bucketId.split(':')[0]} limit); retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
    }
    bucket.tokens -= 1;
  }

  private create(bucketId: string, capacity: number, nowMs: number): Bucket {
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    const bucket = { tokens: capacity, refilledAtMs: nowMs };
    this.buckets.set(bucketId, bucket);
    return bucket;
  }
}
