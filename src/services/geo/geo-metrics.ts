import type { GeoStreams } from '../../engines/geo/geo-streams.js';
import { readCounter, readGauge, type MetricsCollector } from '../platform/metrics-service.js';

/**
 * Geo streams as an operator alerts on them: lag per stream in ms and operations, streams not
 * streaming, and the bytes shipped before and after compression. Labels are stream ids (at most
 * MAX_STREAMS, 256).
 */
export function geoMetrics(streams: GeoStreams): MetricsCollector {
  return (registry) => {
    readGauge(registry, {
      name: 'rustydb_geo_stream_lag_milliseconds',
      help: 'Cluster ms since the oldest change a geo stream has not applied on its target was committed (0 when caught up).',
      labelNames: ['stream', 'source', 'target'],
      read: () => streams.list().map((stream) => [{ stream: stream.streamId, source: stream.sourceDatacenterId, target: stream.targetDatacenterId }, stream.lagMs]),
    });
    readGauge(registry, {
      name: 'rustydb_geo_stream_lag_operations',
      help: 'Row changes committed on a geo stream\'s source and not applied on its target.',
      labelNames: ['stream', 'source', 'target'],
      read: () => streams.list().map((stream) => [{ stream: stream.streamId, source: stream.sourceDatacenterId, target: stream.targetDatacenterId }, stream.lagOperations]),
    });
    readGauge(registry, { name: 'rustydb_geo_streams_not_streaming', help: 'Geo streams DISCONNECTED (link cut, node down) or BROKEN (WAL removed).', read: () => streams.list().filter((stream) => stream.state === 'DISCONNECTED' || stream.state === 'BROKEN').length });
    readCounter(registry, { name: 'rustydb_geo_raw_bytes_total', help: 'Bytes of decoded geo batches before compression.', read: () => streams.list().reduce((sum, stream) => sum + stream.counters.rawBytes, 0) });
    readCounter(registry, { name: 'rustydb_geo_compressed_bytes_total', help: 'Bytes of geo batches after raw deflate (what crossed the WAN, retransmissions not counted).', read: () => streams.list().reduce((sum, stream) => sum + stream.counters.compressedBytes, 0) });
  };
}
