/**
 * Rates from cumulative counters: per channel, the counters' increases at each sample over the
 * last `windowMs`, so a rate is the increase across the window divided by its length. A counter
 * that went down was restarted (a sender reconnects and counts from zero): its increase is its
 * new value, never negative.
 */
import type { ChannelReading } from './channel.js';

interface Totals {
  atMs: number;
  /** Increases accumulated since monitoring first saw the channel (monotone). */
  bytes: number;
  operations: number;
  errors: number;
  conflicts: number;
}

interface Last {
  bytes: number | null;
  operations: number | null;
  errors: number;
  conflicts: number;
}

/** A channel's rates over the window, per second. */
export interface ChannelRates {
  bytesPerSecond: number;
  operationsPerSecond: number;
  errorsPerSecond: number;
  conflictsPerSecond: number;
  /** The length of cluster time the rates were measured over (0 before the second sample). */
  measuredOverMs: number;
}

export const NO_RATES: Readonly<ChannelRates> = Object.freeze({ bytesPerSecond: 0, operationsPerSecond: 0, errorsPerSecond: 0, conflictsPerSecond: 0, measuredOverMs: 0 });

/** Samples kept per channel at most, whatever the window and interval. */
export const MAX_RATE_SAMPLES = 600;

function increase(now: number | null, before: number | null): number {
  if (now === null) return 0;
  if (before === null) return 0;
  return now >= before ? now - before : now;
}

export class ChannelRateMeter {
  private readonly totals = new Map<string, Totals[]>();
  private readonly last = new Map<string, Last>();

  constructor(readonly windowMs: number) {}

  /** Takes one sample of every channel now; channels no longer read are forgotten. */
  record(readings: readonly ChannelReading[], atMs: number): void {
    const present = new Set<string>();
    for (const reading of readings) {
      present.add(reading.channelId);
      const before = this.last.get(reading.channelId);
      const series = this.totals.get(reading.channelId) ?? [];
      const previous = series[series.length - 1];
      const next: Totals =
        previous === undefined || before === undefined
          ? { atMs, bytes: 0, operations: 0, errors: 0, conflicts: 0 }
          : {
              atMs,
              bytes: previous.bytes + increase(reading.bytesShipped, before.bytes),
              operations: previous.operations + increase(reading.operationsShipped, before.operations),
              errors: previous.errors + increase(reading.errors, before.errors),
              conflicts: previous.conflicts + increase(reading.conflicts, before.conflicts),
            };
      if (previous !== undefined && previous.atMs === atMs) series[series.length - 1] = next;
      else series.push(next);
      // Keep the newest sample at or before the window's start, so the window is covered whole.
      while (series.length > 2 && ((series[1] as Totals).atMs <= atMs - this.windowMs || series.length > MAX_RATE_SAMPLES)) series.shift();
      this.totals.set(reading.channelId, series);
      this.last.set(reading.channelId, { bytes: reading.bytesShipped, operations: reading.operationsShipped, errors: reading.errors, conflicts: reading.conflicts });
    }
    for (const channelId of [...this.totals.keys()]) {
      if (!present.has(channelId)) {
        this.totals.delete(channelId);
        this.last.delete(channelId);
      }
    }
  }

  rates(channelId: string): ChannelRates {
    const series = this.totals.get(channelId);
    if (series === undefined || series.length < 2) return NO_RATES;
    const first = series[0] as Totals;
    const last = series[series.length - 1] as Totals;
    const seconds = (last.atMs - first.atMs) / 1000;
    if (seconds <= 0) return NO_RATES;
    return {
      bytesPerSecond: (last.bytes - first.bytes) / seconds,
      operationsPerSecond: (last.operations - first.operations) / seconds,
      errorsPerSecond: (last.errors - first.errors) / seconds,
      conflictsPerSecond: (last.conflicts - first.conflicts) / seconds,
      measuredOverMs: last.atMs - first.atMs,
    };
  }
}
