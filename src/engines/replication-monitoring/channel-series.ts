/**
 * The series monitoring keeps: per channel and metric, a fixed-capacity ring of points taken at
 * each sample, the oldest dropped first. A query reads a window and downsamples it on read
 * ({@link largestTriangleThreeBuckets}), so an answer is bounded whatever the window.
 */
import { assert } from '../runtime/domain-error.js';
import type { ChannelMetric, SeriesPoint, SeriesWindow } from './channel.js';

class PointRing {
  private readonly slots: (SeriesPoint | undefined)[];
  private next = 0;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Array<SeriesPoint | undefined>(capacity);
  }

  push(point: SeriesPoint): void {
    this.slots[this.next] = point;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Points in the window, oldest first. */
  within(fromMs: number, toMs: number): SeriesPoint[] {
    const start = (this.next - this.size + this.capacity) % this.capacity;
    const points: SeriesPoint[] = [];
    for (let offset = 0; offset < this.size; offset++) {
      const point = this.slots[(start + offset) % this.capacity] as SeriesPoint;
      if (point.atMs >= fromMs && point.atMs <= toMs) points.push(point);
    }
    return points;
  }
}

export class ChannelSeries {
  private readonly rings = new Map<string, Map<ChannelMetric, PointRing>>();

  /** @param capacity - points kept per channel and metric (at one sample a second, 3600 is an hour). */
  constructor(readonly capacity: number) {
    assert(Number.isSafeInteger(capacity) && capacity >= 2, `series capacity is an integer ≥ 2, got ${capacity}`);
  }

  record(channelId: string, metric: ChannelMetric, point: SeriesPoint): void {
    let metrics = this.rings.get(channelId);
    if (metrics === undefined) {
      metrics = new Map();
      this.rings.set(channelId, metrics);
    }
    let ring = metrics.get(metric);
    if (ring === undefined) {
      ring = new PointRing(this.capacity);
      metrics.set(metric, ring);
    }
    ring.push(point);
  }

  /** A channel's points of a metric within the window, oldest first; empty when none were recorded. */
  points(channelId: string, metric: ChannelMetric, window: SeriesWindow = {}): SeriesPoint[] {
    return this.rings.get(channelId)?.get(metric)?.within(window.fromMs ?? -Infinity, window.toMs ?? Infinity) ?? [];
  }

  /** Points kept for a channel's metric (never above the capacity). */
  size(channelId: string, metric: ChannelMetric): number {
    return this.rings.get(channelId)?.get(metric)?.length ?? 0;
  }

  channelIds(): string[] {
    return [...this.rings.keys()];
  }

  /** Drops a channel that is gone. */
  forget(channelId: string): void {
    this.rings.delete(channelId);
  }
}
