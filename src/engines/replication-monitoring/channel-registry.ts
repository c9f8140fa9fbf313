/**
 * The channel sources monitoring reads: each engine that runs channels registers one at
 * assembly. Reading them all gives every channel the platform runs, once.
 */
import { assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { MAX_CHANNELS_PER_SOURCE, type ChannelKind, type ChannelMetric, type ChannelReading, type ChannelSource, type SeriesPoint, type SeriesWindow } from './channel.js';

/** Sources kept at most: one or two per replicating engine. */
export const MAX_CHANNEL_SOURCES = 16;

export class ChannelRegistry {
  private readonly sources: ChannelSource[] = [];
  /** Which source reported each channel at the last read, for its own series. */
  private owners = new Map<string, ChannelSource>();

  register(source: ChannelSource): void {
    assert(!this.sources.includes(source), `channel source ${source.kind} is registered once`);
    assert(this.sources.length < MAX_CHANNEL_SOURCES, `at most ${MAX_CHANNEL_SOURCES} channel sources`);
    this.sources.push(source);
  }

  /** The kinds with a registered source, in registration order. */
  kinds(): ChannelKind[] {
    return [...new Set(this.sources.map((source) => source.kind))];
  }

  /** Every channel of every source now, by kind then id (natural order). */
  read(): ChannelReading[] {
    const owners = new Map<string, ChannelSource>();
    const readings: ChannelReading[] = [];
    for (const source of this.sources) {
      const channels = source.channels();
      assert(channels.length <= MAX_CHANNELS_PER_SOURCE, `a ${source.kind} source reports at most ${MAX_CHANNELS_PER_SOURCE} channels`);
      for (const reading of channels) {
        assert(reading.kind === source.kind, `a ${source.kind} source reports ${source.kind} channels, not ${reading.kind}`);
        assert(!owners.has(reading.channelId), `channel ${reading.channelId} is reported once`);
        owners.set(reading.channelId, source);
        readings.push(reading);
      }
    }
    this.owners = owners;
    return readings.sort((a, b) => a.kind.localeCompare(b.kind) || naturalCompare(a.channelId, b.channelId));
  }

  /** Whether the source of a channel keeps the metric's series itself. */
  keepsHistory(channelId: string, metric: ChannelMetric): boolean {
    return this.owners.get(channelId)?.historyMetrics?.includes(metric) ?? false;
  }

  /** A channel's series of a metric from its source, or undefined when its source keeps none. */
  history(channelId: string, metric: ChannelMetric, window: SeriesWindow): SeriesPoint[] | undefined {
    if (!this.keepsHistory(channelId, metric)) return undefined;
    return this.owners.get(channelId)?.history?.(channelId, metric, window);
  }
}
