/**
 * The primary's WAL sender for one standby: what it sent, what the standby reported, and the
 * lag measured from those reports. Its state is an explicit machine changed only by {@link WalSender.become}.
 */
import type { LagSamples } from './lag-samples.js';
import type { Lsn } from './lsn.js';
import type { StandbyStatus } from './messages.js';

export type SenderState = 'WAITING' | 'STREAMING' | 'DISCONNECTED' | 'STOPPED';

const SENDER_EDGES: Readonly<Record<SenderState, readonly SenderState[]>> = {
  WAITING: ['STREAMING', 'STOPPED'],
  STREAMING: ['DISCONNECTED', 'WAITING', 'STOPPED'],
  DISCONNECTED: ['STREAMING', 'WAITING', 'STOPPED'],
  STOPPED: [],
};

/** How many batches may be in flight unacknowledged before the sender waits for a status. */
export const SEND_WINDOW_BATCHES = 8;

export class WalSender {
  private current: SenderState = 'WAITING';
  /** End of the WAL sent (the next batch starts here). */
  sentLsn: Lsn;
  writeLsn: Lsn;
  flushLsn: Lsn;
  replayLsn: Lsn;
  /** Cluster time of the last status heard (or of the sender's start). */
  lastHeardMs: number;
  writeLagMs = 0;
  flushLagMs = 0;
  replayLagMs = 0;
  private measured = { write: 0, flush: 0, replay: 0 };
  /** The last resend, so a burst of gap reports for one hole resends it once. */
  private lastRewind: { lsn: Lsn; atMs: number } | null = null;
  /** What the stream has carried since it started (the monitoring API's channel counters). */
  readonly counters = { bytesSent: 0, batchesSent: 0, resentBatches: 0, statusReports: 0 };
  readonly startedAtMs: number;
  lastSentAtMs: number | null = null;
  /** The furthest WAL ever sent: a batch starting below it is a resend. */
  private highestSentLsn: Lsn;

  constructor(
    readonly standbyId: string,
    /** The standby's positions at the handshake (START_REPLICATION from its writeLsn). */
    start: { writeLsn: Lsn; flushLsn: Lsn; replayLsn: Lsn },
    nowMs: number,
  ) {
    this.sentLsn = start.writeLsn;
    this.writeLsn = start.writeLsn;
    this.flushLsn = start.flushLsn;
    this.replayLsn = start.replayLsn;
    this.lastHeardMs = nowMs;
    this.measured = { write: start.writeLsn, flush: start.flushLsn, replay: start.replayLsn };
    this.startedAtMs = nowMs;
    this.highestSentLsn = start.writeLsn;
  }

  /** A batch of WAL from `startLsn` to `endLsn` went out. */
  recordSent(startLsn: Lsn, endLsn: Lsn, nowMs: number): void {
    this.counters.bytesSent += endLsn - startLsn;
    this.counters.batchesSent += 1;
    if (startLsn < this.highestSentLsn) this.counters.resentBatches += 1;
    this.highestSentLsn = Math.max(this.highestSentLsn, endLsn);
    this.sentLsn = endLsn;
    this.lastSentAtMs = nowMs;
  }

  get state(): SenderState {
    return this.current;
  }

  /** @throws Error on an edge the machine does not have. */
  become(next: SenderState): void {
    if (next === this.current) return;
    if (!SENDER_EDGES[this.current].includes(next)) throw new Error(`invalid WAL sender transition [${this.current} -> ${next}] for ${this.standbyId}`);
    this.current = next;
  }

  /**
   * Takes a standby's status: positions, lag, and whether to resend from its writeLsn (a gap
   * it reported, or a periodic status still behind what was sent: the tail was lost).
   */
  onStatus(status: StandbyStatus, nowMs: number, samples: LagSamples, primaryLsn: Lsn, rewindGuardMs: number): void {
    this.lastHeardMs = nowMs;
    this.counters.statusReports += 1;
    this.writeLsn = status.writeLsn;
    this.flushLsn = status.flushLsn;
    this.replayLsn = status.replayLsn;
    this.writeLagMs = this.measure('write', status.writeLsn, nowMs, samples, primaryLsn, this.writeLagMs);
    this.flushLagMs = this.measure('flush', status.flushLsn, nowMs, samples, primaryLsn, this.flushLagMs);
    this.replayLagMs = this.measure('replay', status.replayLsn, nowMs, samples, primaryLsn, this.replayLagMs);
    if (status.writeLsn > this.sentLsn) this.sentLsn = status.writeLsn;
    const behind = status.writeLsn < this.sentLsn;
    if (!behind || (status.reason !== 'gap' && status.reason !== 'interval')) return;
    const repeated = this.lastRewind !== null && this.lastRewind.lsn === status.writeLsn && nowMs - this.lastRewind.atMs < rewindGuardMs;
    if (repeated) return;
    this.sentLsn = status.writeLsn;
    this.lastRewind = { lsn: status.writeLsn, atMs: nowMs };
  }

  /** Restarts sending from the standby's last reported writeLsn (after a silence). */
  resendFromReported(): void {
    this.sentLsn = this.writeLsn;
  }

  /** Bytes sent but not yet reported written. */
  inFlightBytes(): number {
    return this.sentLsn - this.writeLsn;
  }

  private measure(kind: 'write' | 'flush' | 'replay', position: Lsn, nowMs: number, samples: LagSamples, primaryLsn: Lsn, previous: number): number {
    const sample = samples.newestReached(this.measured[kind], position);
    if (sample !== undefined) this.measured[kind] = sample.lsn;
    if (position >= primaryLsn) return sample === undefined ? 0 : nowMs - sample.atMs;
    // Behind: at least as old as the oldest flush it has not reached (so a stalled replay's lag grows).
    const pendingSinceMs = samples.oldestBeyond(position);
    const stalledMs = pendingSinceMs === undefined ? 0 : nowMs - pendingSinceMs;
    return Math.max(sample === undefined ? previous : nowMs - sample.atMs, stalledMs);
  }
}
