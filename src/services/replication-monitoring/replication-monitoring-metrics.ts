import { CHANNEL_KINDS, CHANNEL_STATES } from '../../engines/replication-monitoring/channel.js';
import type { ReplicationMonitoring } from '../../engines/replication-monitoring/replication-monitoring.js';
import { countPairSeries, metricLabel, readCounter, readGauge, secondsOf, type MetricsCollector, type Series } from '../platform/metrics-service.js';

/**
 * Every replication channel as Prometheus reads it: channels by kind and state, and per channel
 * (bounded by the sources' own bounds) its lag and its cumulative counters, so `rate()` works on
 * them. The channel rules' alerts are the alert engine's (`rustydb_alerts_firing{source="replication"}`).
 */
export function replicationMonitoringMetrics(monitoring: ReplicationMonitoring): MetricsCollector {
  const perChannel = (read: (channel: ReturnType<ReplicationMonitoring['channels']>[number]) => number | null) => (): Series<'channel' | 'kind'>[] =>
    monitoring.channels().flatMap((channel) => {
      const value = read(channel);
      return value === null ? [] : [[{ channel: channel.channelId, kind: metricLabel(channel.kind) }, value] as const];
    });
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_replication_channels',
      help: 'Replication channels of every kind (physical, logical, geo, multi-master) by state.',
      labelNames: ['kind', 'state'],
      read: () => countPairSeries(['kind', 'state'], [CHANNEL_KINDS, CHANNEL_STATES], monitoring.channels().map((channel) => [channel.kind, channel.state] as const)),
    });
    readGauge(registry, { name: 'rustydb_replication_channel_lag_bytes', help: 'Bytes each channel\'s target has not applied yet.', labelNames: ['channel', 'kind'], read: perChannel((channel) => channel.lagBytes) });
    readGauge(registry, {
      name: 'rustydb_replication_channel_lag_seconds',
      help: 'How old the oldest change each channel\'s target has not applied is.',
      labelNames: ['channel', 'kind'],
      read: perChannel((channel) => (channel.lagMs === null ? null : secondsOf(channel.lagMs))),
    });
    readCounter(registry, { name: 'rustydb_replication_channel_shipped_bytes_total', help: 'Bytes each channel shipped since it started.', labelNames: ['channel', 'kind'], read: perChannel((channel) => channel.bytesShipped) });
    readCounter(registry, { name: 'rustydb_replication_channel_errors_total', help: 'Errors of each channel since it started.', labelNames: ['channel', 'kind'], read: perChannel((channel) => channel.errors) });
    readCounter(registry, { name: 'rustydb_replication_channel_conflicts_total', help: 'Conflicts detected on each channel since it started.', labelNames: ['channel', 'kind'], read: perChannel((channel) => channel.conflicts) });
  };
}
