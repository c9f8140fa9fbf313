/**
 * The series monitoring keeps: per channel and metric, a fixed-capacity ring of points taken at
 * each sample, the oldest dropped first. A query reads a window and downsamples it on read
 * ({@link largestTriangleThreeBuckets}), so an answer is bounded whatever the window.
 */
import { SampleRing } from '../replication/lag-history.js';
import { assert } from '../runtime/domain-error.js';
import type { ChannelMetric, SeriesPoint, SeriesWindow } from './channel.js';

export class ChannelSeries {
  private readonly rings = new Map<string, Map<ChannelMetric, SampleRing<SeriesPoint>>>();

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
      ring = new SampleRing<SeriesPoint>(this.capacity);
      metrics.set(metric, ring);
    }
    ring.push(point);
  }

  /** A channel's points of a metric within the window, oldest first; empty when none were recorded. */
  points(channelId: string, metric: ChannelMetric, window: SeriesWindow = {}): SeriesPoint[] {
    const fromMs = window.fromMs ?? -Infinity;
    const toMs = window.toMs ?? Infinity;
    return (this.rings.get(channelId)?.get(metric)?.toArray() ?? []).filter((point) => point.atMs >= fromMs && point.atMs <= toMs);
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
