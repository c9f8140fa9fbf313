/**
 * The interconnect between instances over `runtime.network('rac')`: reliable delivery of GCS
 * messages (sequence numbers, acknowledgements, resends every retransmitMs until acknowledged, the
 * peer leaves the membership or a reconfiguration makes the message stale), heartbeats, and the
 * measurements the API shows: messages and bytes per instance pair, and the one-way latency of
 * each pair as a moving average of what arrived.
 */
import type { SimNetwork, VirtualClock } from '../runtime/index.js';
import { CONTROL_MESSAGE_BYTES, type Envelope, type GcsMessage } from './messages.js';

export interface PairCounters {
  from: string;
  to: string;
  messagesSent: number;
  bytesSent: number;
  messagesReceived: number;
  bytesReceived: number;
  /** DATA envelopes sent again for want of an acknowledgement. */
  retransmits: number;
  /** Messages the network refused at send time (crash, partition, loss fault). */
  failedSends: number;
  /** Sum, lowest and highest one-way latency of the messages received (null before the first). */
  totalLatencyMs: number;
  minLatencyMs: number | null;
  maxLatencyMs: number | null;
}

/** Weight of the newest sample in the latency moving average. */
const LATENCY_SMOOTHING = 0.2;
/** How long a receiver remembers a sequence number to drop duplicates. */
const DEDUP_MEMORY_MS = 60_000;

export interface InterconnectHost {
  /** Whether `instanceId` is a member the sender should keep trying (running, not evicted). */
  isMember(instanceId: string): boolean;
  /** The current reconfiguration epoch: older DATA is dropped and no longer resent. */
  epoch(): number;
  scn(): number;
  observeScn(scn: number): void;
  /** A GCS message arrived at `to` (deduplicated, current epoch). */
  deliver(to: string, from: string, message: GcsMessage): void;
  heartbeat(to: string, from: string): void;
}

interface Unacked {
  from: string;
  to: string;
  envelope: Extract<Envelope, { kind: 'DATA' }>;
}

export class Interconnect {
  private nextSeq = 1;
  private readonly unacked = new Map<number, Unacked>();
  private retransmitTimer: ReturnType<VirtualClock['every']> | null = null;
  private readonly pairs = new Map<string, PairCounters>();
  private readonly latency = new Map<string, number>();
  /** to → from:seq → when it arrived. */
  private readonly seen = new Map<string, Map<string, number>>();
  private lastPruneMs: number;

  constructor(
    private readonly network: SimNetwork<Envelope>,
    private readonly clock: VirtualClock,
    private readonly host: InterconnectHost,
    private retransmitMs: number,
  ) {
    this.lastPruneMs = clock.now();
  }

  attach(instanceId: string): void {
    this.network.attach(instanceId, (from, envelope) => this.receive(instanceId, from, envelope));
  }

  detach(instanceId: string): void {
    this.network.detach(instanceId);
  }

  /** Sends a GCS message reliably. */
  send(from: string, to: string, body: GcsMessage, bytes: number): void {
    const envelope: Extract<Envelope, { kind: 'DATA' }> = { kind: 'DATA', seq: this.nextSeq++, epoch: this.host.epoch(), scn: this.host.scn(), sentAtMs: this.clock.now(), bytes, body };
    this.unacked.set(envelope.seq, { from, to, envelope });
    this.transmit(from, to, envelope, bytes);
    if (this.retransmitTimer === null) this.retransmitTimer = this.clock.every(this.retransmitMs, () => this.retransmit());
  }

  sendHeartbeat(from: string, to: string): void {
    this.transmit(from, to, { kind: 'HEARTBEAT', scn: this.host.scn(), sentAtMs: this.clock.now() }, CONTROL_MESSAGE_BYTES);
  }

  /** The network's own counters: sent = delivered + dropped (at send or on the wire) + in flight. */
  networkStats(): ReturnType<SimNetwork<Envelope>['stats']> {
    return this.network.stats();
  }

  /** Forgets counters and latencies (the database was opened afresh). */
  resetCounters(): void {
    this.pairs.clear();
    this.latency.clear();
  }

  pairCounters(): PairCounters[] {
    return [...this.pairs.values()].map((pair) => ({ ...pair }));
  }

  /** Smoothed one-way latency from → to, or null when nothing arrived on that link. */
  latencyMs(from: string, to: string): number | null {
    return this.latency.get(`${from}>${to}`) ?? null;
  }

  unackedCount(): number {
    return this.unacked.size;
  }

  close(): void {
    if (this.retransmitTimer !== null) this.clock.cancel(this.retransmitTimer);
    this.retransmitTimer = null;
    this.unacked.clear();
  }

  private transmit(from: string, to: string, envelope: Envelope, bytes: number): void {
    const pair = this.pairOf(from, to);
    pair.messagesSent += 1;
    pair.bytesSent += bytes;
    const droppedBefore = this.network.stats().dropped;
    this.network.send(from, to, envelope);
    if (this.network.stats().dropped > droppedBefore) pair.failedSends += 1;
  }

  private retransmit(): void {
    const epoch = this.host.epoch();
    for (const [seq, unacked] of this.unacked) {
      // A reconfiguration or a departed peer ends the attempt: the GCS retries at its own level.
      if (unacked.envelope.epoch !== epoch || !this.host.isMember(unacked.to) || !this.host.isMember(unacked.from)) {
        this.unacked.delete(seq);
        continue;
      }
      if (this.clock.now() - unacked.envelope.sentAtMs < this.retransmitMs) continue;
      this.pairOf(unacked.from, unacked.to).retransmits += 1;
      this.transmit(unacked.from, unacked.to, unacked.envelope, unacked.envelope.bytes);
    }
    if (this.unacked.size === 0 && this.retransmitTimer !== null) {
      this.clock.cancel(this.retransmitTimer);
      this.retransmitTimer = null;
    }
    this.pruneSeen();
  }

  private receive(to: string, from: string, envelope: Envelope): void {
    const now = this.clock.now();
    const bytes = envelope.kind === 'DATA' ? envelope.bytes : CONTROL_MESSAGE_BYTES;
    const pair = this.pairOf(from, to);
    pair.messagesReceived += 1;
    pair.bytesReceived += bytes;
    const key = `${from}>${to}`;
    const sample = now - envelope.sentAtMs;
    pair.totalLatencyMs += sample;
    pair.minLatencyMs = pair.minLatencyMs === null ? sample : Math.min(pair.minLatencyMs, sample);
    pair.maxLatencyMs = pair.maxLatencyMs === null ? sample : Math.max(pair.maxLatencyMs, sample);
    const previous = this.latency.get(key);
    this.latency.set(key, previous === undefined ? sample : previous + LATENCY_SMOOTHING * (sample - previous));
    this.host.observeScn(envelope.scn);
    switch (envelope.kind) {
      case 'HEARTBEAT':
        this.host.heartbeat(to, from);
        return;
      case 'ACK':
        this.unacked.delete(envelope.seq);
        return;
      case 'DATA': {
        this.transmit(to, from, { kind: 'ACK', seq: envelope.seq, scn: this.host.scn(), sentAtMs: now }, CONTROL_MESSAGE_BYTES);
        let seen = this.seen.get(to);
        if (seen === undefined) {
          seen = new Map();
          this.seen.set(to, seen);
        }
        const id = `${from}:${envelope.seq}`;
        if (seen.has(id)) return;
        seen.set(id, now);
        this.pruneSeen();
        if (envelope.epoch !== this.host.epoch()) return;
        this.host.deliver(to, from, envelope.body);
      }
    }
  }

  private pruneSeen(): void {
    const now = this.clock.now();
    if (now - this.lastPruneMs < DEDUP_MEMORY_MS) return;
    this.lastPruneMs = now;
    for (const seen of this.seen.values()) for (const [id, atMs] of seen) if (now - atMs > DEDUP_MEMORY_MS) seen.delete(id);
  }

  private pairOf(from: string, to: string): PairCounters {
    const key = `${from}>${to}`;
    let pair = this.pairs.get(key);
    if (pair === undefined) {
      pair = { from, to, messagesSent: 0, bytesSent: 0, messagesReceived: 0, bytesReceived: 0, retransmits: 0, failedSends: 0, totalLatencyMs: 0, minLatencyMs: null, maxLatencyMs: null };
      this.pairs.set(key, pair);
    }
    return pair;
  }
}
