/**
 * When the primary flushed each commit's end LSN, so a standby's reported position turns into
 * a lag in cluster time (as PostgreSQL's LagTracker does). Bounded: the oldest samples go first.
 */
import type { Lsn } from './lsn.js';

export const MAX_LAG_SAMPLES = 8192;

export class LagSamples {
  private lsns: Lsn[] = [];
  private times: number[] = [];

  /** Records that the primary flushed up to `lsn` at `atMs` (LSNs ascending). */
  record(lsn: Lsn, atMs: number): void {
    const last = this.lsns[this.lsns.length - 1];
    if (last !== undefined && lsn <= last) return;
    this.lsns.push(lsn);
    this.times.push(atMs);
    if (this.lsns.length > MAX_LAG_SAMPLES * 2) {
      this.lsns = this.lsns.slice(-MAX_LAG_SAMPLES);
      this.times = this.times.slice(-MAX_LAG_SAMPLES);
    }
  }

  /** The newest sample with `afterLsn < lsn ≤ position`, or undefined. */
  newestReached(afterLsn: Lsn, position: Lsn): { lsn: Lsn; atMs: number } | undefined {
    const index = this.firstBeyond(position) - 1;
    if (index < 0) return undefined;
    const lsn = this.lsns[index] as number;
    return lsn > afterLsn ? { lsn, atMs: this.times[index] as number } : undefined;
  }

  /** When the oldest flush not yet reached by `position` happened, or undefined when none is pending. */
  oldestBeyond(position: Lsn): number | undefined {
    return this.times[this.firstBeyond(position)];
  }

  /** Index of the first sample with lsn > position (binary search: samples ascend by LSN). */
  private firstBeyond(position: Lsn): number {
    let low = 0;
    let high = this.lsns.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.lsns[middle] as number) <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  clear(): void {
    this.lsns = [];
    this.times = [];
  }
}
