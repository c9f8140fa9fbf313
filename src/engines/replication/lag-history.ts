/**
 * Replication lag over time: per standby, a bounded series of samples taken on the cluster clock,
 * oldest dropped first. It answers the monitoring API's lag history and its percentiles.
 */

/** One measurement of one standby's lag, as `pg_stat_replication` reports it. */
export interface LagSample {
  readonly atMs: number;
  /** The primary's current LSN minus the standby's replay LSN. */
  readonly lagBytes: number;
  readonly writeLagMs: number;
  readonly flushLagMs: number;
  readonly replayLagMs: number;
}

export interface LagWindow {
  /** Inclusive lower bound, cluster ms. */
  readonly fromMs?: number;
  /** Inclusive upper bound, cluster ms. */
  readonly toMs?: number;
}

/** A fixed-capacity ring of samples: recording is O(1) and never grows memory (replication monitoring's series use it too). */
export class SampleRing<Sample> {
  private readonly slots: (Sample | undefined)[];
  private next = 0;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Array<Sample | undefined>(capacity);
  }

  push(sample: Sample): void {
    this.slots[this.next] = sample;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Oldest first. */
  toArray(): Sample[] {
    const start = (this.next - this.size + this.capacity) % this.capacity;
    const samples: Sample[] = [];
    for (let offset = 0; offset < this.size; offset++) samples.push(this.slots[(start + offset) % this.capacity] as Sample);
    return samples;
  }
}

/** Samples per standby; `Sample` may carry more than the lag (the monitor keeps the positions too). */
export class LagHistory<Sample extends LagSample = LagSample> {
  private readonly series = new Map<string, SampleRing<Sample>>();

  /** @param capacity - samples kept per standby (at one sample a second, 3600 is an hour). */
  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`LagHistory capacity must be a positive integer, got ${capacity}`);
  }

  record(replicaId: string, sample: Sample): void {
    let ring = this.series.get(replicaId);
    if (ring === undefined) {
      ring = new SampleRing<Sample>(this.capacity);
      this.series.set(replicaId, ring);
    }
    ring.push(sample);
  }

  /** A standby's samples within the window, oldest first; empty for an unknown standby. */
  samples(replicaId: string, window: LagWindow = {}): Sample[] {
    const all = this.series.get(replicaId)?.toArray() ?? [];
    const fromMs = window.fromMs ?? -Infinity;
    const toMs = window.toMs ?? Infinity;
    return all.filter((sample) => sample.atMs >= fromMs && sample.atMs <= toMs);
  }

  replicaIds(): string[] {
    return [...this.series.keys()];
  }

  /** Drops a removed standby's series. */
  forget(replicaId: string): void {
    this.series.delete(replicaId);
  }
}

/**
 * The nearest-rank percentile (`p` in 0..100) of `values`; null when there are none.
 * Nearest rank returns a value that was measured, never an interpolation between two.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
