import { assert } from '../runtime/domain-error.js';

/**
 * The last `capacity` latencies observed, for percentiles over recent traffic. A fixed ring
 * buffer: memory is bounded whatever the request count, and the same samples give the same
 * percentiles (no random reservoir sampling).
 */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private size = 0;
  private next = 0;

  constructor(readonly capacity: number) {
    assert(Number.isSafeInteger(capacity) && capacity >= 1, `capacity ${capacity} is a positive integer`);
    this.samples = new Float64Array(capacity);
  }

  get count(): number {
    return this.size;
  }

  add(latencyMs: number): void {
    this.samples[this.next] = latencyMs;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Nearest-rank percentile of the window (`percent` in (0, 100]); null when empty. */
  percentile(percent: number): number | null {
    assert(percent > 0 && percent <= 100, `percent ${percent} is in (0, 100]`);
    if (this.size === 0) return null;
    const sorted = this.samples.slice(0, this.size).sort();
    return sorted[Math.ceil((percent / 100) * this.size) - 1]!;
  }
}
