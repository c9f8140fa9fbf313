/**
 * The physical channels: one per standby, the primary's WAL sender to it. Monitoring reads them
 * from the replication engine, which owns them; the standbys' lag series is the replication
 * monitor's (`ReplicationMonitor.samples`), read here rather than kept twice.
 */
import type { ReplicaState } from '../replication/replica-state.js';
import type { ReplicationCluster } from '../replication/replication-cluster.js';
import type { ReplicationMonitor } from '../replication/replication-monitor.js';
import type { ChannelMetric, ChannelReading, ChannelSource, ChannelState, SeriesPoint, SeriesWindow } from './channel.js';

const PREFIX = 'walsender-';

const STATE_OF: Readonly<Record<ReplicaState, ChannelState | null>> = {
  STARTING: 'STARTING',
  REJOINING: 'STARTING',
  STREAMING: 'STREAMING',
  CATCHING_UP: 'CATCHING_UP',
  PAUSED: 'PAUSED',
  WAITING: 'DISCONNECTED',
  DISCONNECTED: 'DISCONNECTED',
  NEEDS_RESYNC: 'FAILED',
  // No longer a channel: a promoted standby is the primary, a removed one is gone.
  PROMOTED: null,
  REMOVED: null,
};

/** The physical channel id of a standby, as the replication monitor's channels name it. */
export function physicalChannelId(replicaId: string): string {
  return `${PREFIX}${replicaId}`;
}

export class PhysicalChannelSource implements ChannelSource {
  readonly kind = 'PHYSICAL' as const;
  readonly historyMetrics: readonly ChannelMetric[] = Object.freeze(['LAG_BYTES', 'LAG_MS']);

  constructor(
    private readonly cluster: ReplicationCluster,
    private readonly monitor: ReplicationMonitor,
  ) {}

  channels(): ChannelReading[] {
    const primary = this.cluster.primary();
    const senders = new Map(this.cluster.listChannels().map((channel) => [channel.replicaId, channel]));
    const readings: ChannelReading[] = [];
    for (const replica of this.cluster.listReplicas()) {
      const state = STATE_OF[replica.state];
      if (state === null) continue;
      const sender = senders.get(replica.replicaId);
      readings.push({
        channelId: physicalChannelId(replica.replicaId),
        kind: 'PHYSICAL',
        source: { nodeId: primary, datacenterId: null },
        target: { nodeId: replica.replicaId, datacenterId: null },
        state,
        stateDetail: replica.state,
        lagBytes: replica.lagBytes,
        lagMs: replica.replayLagMs,
        // WAL is shipped in bytes; a standby's backlog is not counted in records.
        lagOperations: null,
        bytesShipped: sender?.bytesSent ?? null,
        operationsShipped: sender?.batchesSent ?? null,
        // A resend follows a gap the standby reported: the stream's one kind of error.
        errors: sender?.resentBatches ?? 0,
        // A standby replays the primary's WAL and takes no writes: nothing can conflict.
        conflicts: 0,
      });
    }
    return readings;
  }

  history(channelId: string, metric: ChannelMetric, window: SeriesWindow): SeriesPoint[] | undefined {
    if (!channelId.startsWith(PREFIX)) return undefined;
    const samples = this.monitor.samples(channelId.slice(PREFIX.length), window);
    if (metric === 'LAG_BYTES') return samples.map((sample) => ({ atMs: sample.atMs, value: sample.lagBytes }));
    if (metric === 'LAG_MS') return samples.map((sample) => ({ atMs: sample.atMs, value: sample.replayLagMs }));
    return undefined;
  }
}
