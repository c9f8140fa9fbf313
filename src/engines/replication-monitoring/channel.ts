/**
 * A replication channel: one flow of changes from a source to a target that the platform runs
 * (a WAL sender to a standby, a logical subscription, a geo stream, a multi-master link). Each
 * engine that runs channels implements a {@link ChannelSource} and registers it with replication
 * monitoring (`shared('replicationMonitoring').register(source)`); monitoring samples every source
 * on the cluster clock, keeps the series and evaluates the rules. See README.md.
 */

export type ChannelKind = 'PHYSICAL' | 'LOGICAL' | 'GEO' | 'MULTI_MASTER';
export const CHANNEL_KINDS: readonly ChannelKind[] = Object.freeze(['PHYSICAL', 'LOGICAL', 'GEO', 'MULTI_MASTER']);

/**
 * A channel's state in monitoring's words; each source maps its own states onto these and keeps
 * its own word in `stateDetail`:
 * - `STARTING`: copying before it streams (a base backup, an initial table sync);
 * - `STREAMING`: shipping and caught up or nearly so;
 * - `CATCHING_UP`: shipping, behind;
 * - `PAUSED`: stopped on purpose, position kept (a paused replay, a disabled subscription);
 * - `DISCONNECTED`: the target or the link is down, the source waits to reconnect;
 * - `FAILED`: stopped by an error until someone acts (ABENDED, NEEDS_RESYNC, a lost slot).
 */
export type ChannelState = 'STARTING' | 'STREAMING' | 'CATCHING_UP' | 'PAUSED' | 'DISCONNECTED' | 'FAILED';
export const CHANNEL_STATES: readonly ChannelState[] = Object.freeze(['STARTING', 'STREAMING', 'CATCHING_UP', 'PAUSED', 'DISCONNECTED', 'FAILED']);

/** One end of a channel: a node, a datacenter, or both when both are known. */
export interface ChannelEndpoint {
  readonly nodeId: string | null;
  readonly datacenterId: string | null;
}

/**
 * What a source reports of one channel now. Lags are null where the source cannot know them
 * (a physical stream counts bytes, not operations). Counters are cumulative since the channel
 * started; a counter that goes down is read as a restart (counting from zero again).
 */
export interface ChannelReading {
  /** Unique across every source: by convention `<kind prefix>-<the source's own id>` (`walsender-node-2`, `logical-sub-1`). */
  readonly channelId: string;
  readonly kind: ChannelKind;
  readonly source: ChannelEndpoint;
  readonly target: ChannelEndpoint;
  readonly state: ChannelState;
  /** The source's own word for the state (`WAITING`, `ABENDED`, `NEEDS_RESYNC`). */
  readonly stateDetail: string;
  /** Bytes of changes the target has not applied yet. */
  readonly lagBytes: number | null;
  /** How old the oldest change the target has not applied is, in cluster ms. */
  readonly lagMs: number | null;
  /** Changes (rows, transactions or writes, as the source counts them) not applied yet. */
  readonly lagOperations: number | null;
  /** Bytes shipped since the channel started (cumulative). */
  readonly bytesShipped: number | null;
  /** Operations shipped since the channel started (cumulative). */
  readonly operationsShipped: number | null;
  /** Errors since the channel started (cumulative): resends, failed applies, broken links. */
  readonly errors: number;
  /** Conflicts detected on this channel since it started (cumulative). */
  readonly conflicts: number;
}

/** The metrics monitoring keeps per channel, in the series and in the rules. */
export type ChannelMetric =
  | 'LAG_BYTES'
  | 'LAG_MS'
  | 'LAG_OPERATIONS'
  | 'BYTES_PER_SECOND'
  | 'OPERATIONS_PER_SECOND'
  | 'ERRORS_PER_SECOND'
  | 'CONFLICTS_PER_SECOND';
export const CHANNEL_METRICS: readonly ChannelMetric[] = Object.freeze([
  'LAG_BYTES',
  'LAG_MS',
  'LAG_OPERATIONS',
  'BYTES_PER_SECOND',
  'OPERATIONS_PER_SECOND',
  'ERRORS_PER_SECOND',
  'CONFLICTS_PER_SECOND',
]);

/** One point of a series. */
export interface SeriesPoint {
  readonly atMs: number;
  readonly value: number;
}

/** A window of cluster time, both ends inclusive. */
export interface SeriesWindow {
  readonly fromMs?: number;
  readonly toMs?: number;
}

/**
 * An engine's channels, as monitoring reads them. `channels()` is called once per sample, on the
 * cluster clock: it must be cheap and must not change anything. Bounded: a source reports at most
 * {@link MAX_CHANNELS_PER_SOURCE} channels.
 */
export interface ChannelSource {
  readonly kind: ChannelKind;
  channels(): ChannelReading[];
  /**
   * The source's own series of a metric, when it keeps one (the replication monitor keeps the
   * standbys' lag): monitoring then reads it instead of keeping a second copy. Undefined when the
   * source keeps no series of that metric.
   */
  history?(channelId: string, metric: ChannelMetric, window: SeriesWindow): SeriesPoint[] | undefined;
  /** The metrics `history` answers (so monitoring does not record them itself). */
  readonly historyMetrics?: readonly ChannelMetric[];
}

/** A source reporting more channels than this is a programmer error (sources bound their own flows). */
export const MAX_CHANNELS_PER_SOURCE = 1000;
