/**
 * Geo streams as replication monitoring reads them (`ChannelSource`, kind GEO): one channel per
 * stream, its ends the datacenters and their nodes, its lag and cumulative counters.
 */
import type { ChannelReading, ChannelSource, ChannelState } from '../replication-monitoring/channel.js';
import type { GeoStreams, StreamState } from './geo-streams.js';

const STATES: Record<StreamState, ChannelState> = { STREAMING: 'STREAMING', CATCHING_UP: 'CATCHING_UP', DISCONNECTED: 'DISCONNECTED', BROKEN: 'FAILED' };

export class GeoChannelSource implements ChannelSource {
  readonly kind = 'GEO' as const;

  constructor(private readonly streams: GeoStreams) {}

  channels(): ChannelReading[] {
    return this.streams.list().map((stream) => ({
      channelId: `geo-${stream.streamId}`,
      kind: 'GEO',
      source: { nodeId: stream.sourceNodeId, datacenterId: stream.sourceDatacenterId },
      target: { nodeId: stream.targetNodeId, datacenterId: stream.targetDatacenterId },
      state: STATES[stream.state],
      stateDetail: stream.state,
      lagBytes: stream.lagBytes,
      lagMs: stream.lagMs,
      lagOperations: stream.lagOperations,
      // What went on the wire: the compressed batches.
      bytesShipped: stream.counters.compressedBytes,
      operationsShipped: stream.counters.operationsApplied,
      errors: stream.counters.retransmits + stream.counters.applyErrors,
      conflicts: 0,
    }));
  }
}
