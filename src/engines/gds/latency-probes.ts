/**
 * The region × region latency matrix, measured (README, "Latencies"): probes from a live node of
 * each datacenter to a live node of every datacenter over a simulated network that feels the WAN
 * links, answered by the target, their round trip timed on the cluster clock.
 */
import type { Datacenter } from '../geo/datacenters.js';
import type { VirtualClock, TimerId } from '../runtime/clock.js';
import type { SimNetwork } from '../runtime/network.js';

export type ProbeMessage = { kind: 'probe'; probeId: number } | { kind: 'reply'; probeId: number };

export interface LatencyCell {
  fromRegionId: string;
  toRegionId: string;
  /** The last measured round trip; null before the first answer, or once unreachable. */
  roundTripMs: number | null;
  reachable: boolean;
  measuredAtMs: number | null;
  probesSent: number;
  probesAnswered: number;
}

export interface LatencyProbesDeps {
  clock: VirtualClock;
  network: SimNetwork<ProbeMessage>;
  datacenters: () => readonly Datacenter[];
  /** Whether a node can send and answer probes (the failure detector hears it). */
  isLive: (nodeId: string) => boolean;
  probeIntervalMs: number;
  probeTimeoutMs: number;
}

interface PendingProbe {
  key: string;
  sentAtMs: number;
}

const keyOf = (from: string, to: string) => `${from}\u0000${to}`;

export class LatencyProbes {
  private readonly cells = new Map<string, LatencyCell>();
  private readonly pending = new Map<number, PendingProbe>();
  private readonly pendingByKey = new Map<string, number>();
  private readonly attached = new Set<string>();
  private nextProbeId = 1;
  private timer: TimerId | null = null;

  constructor(private readonly deps: LatencyProbesDeps) {}

  start(): void {
    if (this.timer === null) this.timer = this.deps.clock.every(this.deps.probeIntervalMs, () => this.round());
  }

  close(): void {
    if (this.timer !== null) this.deps.clock.cancel(this.timer);
    this.timer = null;
    for (const nodeId of this.attached) this.deps.network.detach(nodeId);
    this.attached.clear();
  }

  /** One round: expire unanswered probes, then probe every pair with none in flight. */
  round(): void {
    const now = this.deps.clock.now();
    for (const [probeId, probe] of this.pending) {
      if (now - probe.sentAtMs < this.deps.probeTimeoutMs) continue;
      this.pending.delete(probeId);
      this.pendingByKey.delete(probe.key);
      const cell = this.cells.get(probe.key);
      if (cell) Object.assign(cell, { reachable: false, roundTripMs: null });
    }
    const datacenters = this.deps.datacenters();
    const known = new Set<string>();
    for (const from of datacenters) {
      for (const to of datacenters) {
        const key = keyOf(from.datacenterId, to.datacenterId);
        known.add(key);
        const cell = this.cellOf(key, from.datacenterId, to.datacenterId);
        const origin = from.nodeIds.find((nodeId) => this.deps.isLive(nodeId));
        const target = to.nodeIds.find((nodeId) => nodeId !== origin && this.deps.isLive(nodeId)) ?? (from.datacenterId === to.datacenterId ? origin : undefined);
        if (origin === undefined || target === undefined) {
          Object.assign(cell, { reachable: false, roundTripMs: null });
          continue;
        }
        if (this.pendingByKey.has(key)) continue;
        this.attach(origin);
        this.attach(target);
        const probeId = this.nextProbeId++;
        this.pending.set(probeId, { key, sentAtMs: now });
        this.pendingByKey.set(key, probeId);
        cell.probesSent += 1;
        this.deps.network.send(origin, target, { kind: 'probe', probeId });
      }
    }
    for (const key of [...this.cells.keys()]) if (!known.has(key)) this.cells.delete(key);
  }

  /** Every measured pair. */
  matrix(): LatencyCell[] {
    return [...this.cells.values()].map((cell) => ({ ...cell }));
  }

  /** The last round trip between two regions, or null (not measured, or unreachable). */
  latencyMs(fromRegionId: string, toRegionId: string): number | null {
    const cell = this.cells.get(keyOf(fromRegionId, toRegionId));
    return cell?.reachable === true ? cell.roundTripMs : null;
  }

  private cellOf(key: string, fromRegionId: string, toRegionId: string): LatencyCell {
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { fromRegionId, toRegionId, roundTripMs: null, reachable: false, measuredAtMs: null, probesSent: 0, probesAnswered: 0 };
      this.cells.set(key, cell);
    }
    return cell;
  }

  private attach(nodeId: string): void {
    if (this.attached.has(nodeId)) return;
    this.attached.add(nodeId);
    this.deps.network.attach(nodeId, (from, message) => {
      if (message.kind === 'probe') {
        this.deps.network.send(nodeId, from, { kind: 'reply', probeId: message.probeId });
        return;
      }
      const probe = this.pending.get(message.probeId);
      if (probe === undefined) return;
      this.pending.delete(message.probeId);
      this.pendingByKey.delete(probe.key);
      const cell = this.cells.get(probe.key);
      if (cell === undefined) return;
      const now = this.deps.clock.now();
      Object.assign(cell, { roundTripMs: now - probe.sentAtMs, reachable: true, measuredAtMs: now, probesAnswered: cell.probesAnswered + 1 });
    });
  }
}
