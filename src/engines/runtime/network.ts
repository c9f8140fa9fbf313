/**
 * The simulated network between virtual nodes: messages travel on the virtual
 * clock, with latency, jitter, loss and partitions decided by seeded randomness
 * and the fault set. Nothing touches real sockets.
 *
 * Ordering: each message's delay is drawn independently, so two messages on the
 * same link may arrive out of order when jitter makes the later one faster, as
 * on a real UDP-like network. With zero jitter (and unchanged faults) a link is
 * FIFO, because equal-delay deliveries fire in send order.
 */
import type { VirtualClock } from './clock.js';
import type { FaultSet } from './faults.js';
import type { SeededRng } from './rng.js';

/** Delay model of a link, in whole milliseconds. */
export interface LinkDefaults {
  /** Base one-way latency. */
  latencyMs: number;
  /** Each message gets an extra delay drawn uniformly from 0..jitterMs (inclusive). */
  jitterMs: number;
}

/**
 * What a link suffers beyond its delay (a WAN link's loss, or its cut): set per directional link by
 * an owner of links such as the geo engine's WAN links, on top of the fault set.
 */
export interface LinkCondition {
  /** Probability in [0, 1] of dropping a message on this link. */
  lossRate: number;
  /** True while the link is cut: every message on it is dropped. */
  partitioned: boolean;
}

/** Counters since the network was created. Always: sent = delivered + dropped + inFlight. */
export interface NetworkStats {
  /** Messages handed to {@link SimNetwork.send}. */
  sent: number;
  /** Messages handed to the target's deliver callback. */
  delivered: number;
  /** Messages lost: to loss faults, partitions, crashes or a detached target. */
  dropped: number;
  /** Messages scheduled but not yet due. */
  inFlight: number;
}

/** A node's inbox: called on the virtual clock when a message arrives. */
export type Deliver<M> = (from: string, message: M) => void;

/** Simulated message transport for one kind of message `M`. */
export class SimNetwork<M> {
  private readonly inboxes = new Map<string, Deliver<M>>();
  /** Per-link overrides (already merged over the defaults), keyed by sender then receiver. */
  private readonly linkOverrides = new Map<string, Map<string, LinkDefaults>>();
  /** Per-link loss and cuts, keyed `from\u0000to`; absent for a link that has none. */
  private readonly linkConditions = new Map<string, LinkCondition>();
  private readonly counters: NetworkStats = { sent: 0, delivered: 0, dropped: 0, inFlight: 0 };
  private readonly defaults: LinkDefaults;

  /**
   * @param clock - schedules deliveries.
   * @param rng - draws jitter and loss; give each network its own fork.
   * @param faults - consulted at send time and again at delivery time.
   * @param defaults - delay model of every link without an override.
   */
  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: SeededRng,
    private readonly faults: FaultSet,
    defaults: LinkDefaults,
  ) {
    assertLink(defaults, 'SimNetwork: defaults');
    this.defaults = { latencyMs: defaults.latencyMs, jitterMs: defaults.jitterMs };
  }

  /** Connects a node's inbox, replacing any previous one for that node. */
  attach(nodeId: string, deliver: Deliver<M>): void {
    assertNodeId(nodeId, 'SimNetwork.attach');
    this.inboxes.set(nodeId, deliver);
  }

  /** Disconnects a node; messages reaching it while detached are dropped. Idempotent. */
  detach(nodeId: string): void {
    this.inboxes.delete(nodeId);
  }

  /**
   * Sends a message. It is dropped now if the faults say the nodes cannot reach
   * each other or the loss draw says so; otherwise it arrives after latency +
   * jitter + fault latency, unless by then the target is detached or crashed or a
   * partition separates the nodes. A message already in flight still arrives if
   * only the sender crashed meanwhile, like a packet already on the wire.
   */
  send(from: string, to: string, message: M): void {
    assertNodeId(from, 'SimNetwork.send: from');
    assertNodeId(to, 'SimNetwork.send: to');
    this.counters.sent += 1;
    const condition = this.linkConditions.size === 0 ? undefined : this.linkConditions.get(linkKey(from, to));
    if (!this.faults.canReach(from, to) || condition?.partitioned === true) {
      this.counters.dropped += 1;
      return;
    }
    // Draw only under a loss fault, so a healthy network's stream is not spent on loss checks.
    const faultLoss = this.faults.lossRate(from, to);
    const lossRate = condition === undefined || condition.lossRate === 0 ? faultLoss : 1 - (1 - faultLoss) * (1 - condition.lossRate);
    if (lossRate > 0 && this.rng.chance(lossRate)) {
      this.counters.dropped += 1;
      return;
    }
    const link = this.linkBetween(from, to);
    const jitterMs = link.jitterMs > 0 ? this.rng.int(0, link.jitterMs + 1) : 0;
    const delayMs = link.latencyMs + jitterMs + this.faults.extraLatencyMs(from, to);
    this.counters.inFlight += 1;
    this.clock.after(delayMs, () => this.arrive(from, to, message));
  }

  /**
   * Overrides the delay model of the directional link from → to. Fields left out
   * keep their current value (a previous override, else the defaults).
   */
  setLink(from: string, to: string, link: Partial<LinkDefaults>): void {
    assertNodeId(from, 'SimNetwork.setLink: from');
    assertNodeId(to, 'SimNetwork.setLink: to');
    const merged: LinkDefaults = { ...this.linkBetween(from, to), ...definedFields(link) };
    assertLink(merged, `SimNetwork.setLink(${from} -> ${to})`);
    let byReceiver = this.linkOverrides.get(from);
    if (byReceiver === undefined) {
      byReceiver = new Map();
      this.linkOverrides.set(from, byReceiver);
    }
    byReceiver.set(to, merged);
  }

  /** Drops the delay override of the directional link from → to: it follows the defaults again. */
  clearLink(from: string, to: string): void {
    this.linkOverrides.get(from)?.delete(to);
  }

  /**
   * Sets (or, with null, clears) the loss and cut of the directional link from → to, on top of
   * the fault set. A message in flight on a link cut meanwhile is dropped on arrival.
   */
  setLinkCondition(from: string, to: string, condition: LinkCondition | null): void {
    assertNodeId(from, 'SimNetwork.setLinkCondition: from');
    assertNodeId(to, 'SimNetwork.setLinkCondition: to');
    if (condition === null || (condition.lossRate === 0 && !condition.partitioned)) {
      this.linkConditions.delete(linkKey(from, to));
      return;
    }
    if (!(condition.lossRate >= 0 && condition.lossRate <= 1)) throw new Error(`SimNetwork.setLinkCondition(${from} -> ${to}): lossRate must be in [0, 1], got ${condition.lossRate}`);
    this.linkConditions.set(linkKey(from, to), { lossRate: condition.lossRate, partitioned: condition.partitioned });
  }

  /** A snapshot of the counters. */
  stats(): NetworkStats {
    return { ...this.counters };
  }

  private arrive(from: string, to: string, message: M): void {
    this.counters.inFlight -= 1;
    const deliver = this.inboxes.get(to);
    const cut = this.linkConditions.size > 0 && this.linkConditions.get(linkKey(from, to))?.partitioned === true;
    if (deliver === undefined || cut || this.faults.isCrashed(to) || this.faults.isPartitioned(from, to)) {
      this.counters.dropped += 1;
      return;
    }
    this.counters.delivered += 1;
    deliver(from, message);
  }

  private linkBetween(from: string, to: string): LinkDefaults {
    return this.linkOverrides.get(from)?.get(to) ?? this.defaults;
  }
}

function linkKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

function definedFields(link: Partial<LinkDefaults>): Partial<LinkDefaults> {
  const fields: Partial<LinkDefaults> = {};
  if (link.latencyMs !== undefined) fields.latencyMs = link.latencyMs;
  if (link.jitterMs !== undefined) fields.jitterMs = link.jitterMs;
  return fields;
}

function assertLink(link: LinkDefaults, what: string): void {
  // Whole milliseconds keep delivery times exact and transcripts readable.
  for (const field of ['latencyMs', 'jitterMs'] as const) {
    const value = link[field];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`${what}: ${field} must be a non-negative integer, got ${value}`);
    }
  }
}

function assertNodeId(nodeId: string, what: string): void {
  if (typeof nodeId !== 'string' || nodeId.length === 0) throw new Error(`${what}: node id must be a non-empty string`);
}
