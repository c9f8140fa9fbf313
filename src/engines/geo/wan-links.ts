/**
 * The WAN links between datacenters (README, "WAN links"): latency from the great-circle
 * distance unless configured, bandwidth, loss and cuts; and the networks that feel them.
 */
import type { FaultSet } from '../runtime/faults.js';
import type { SimNetwork } from '../runtime/network.js';
import { DomainError } from '../runtime/domain-error.js';
import type { Datacenter, GeoLocation } from './datacenters.js';
import { DEFAULT_BANDWIDTH_BYTES_PER_SECOND, EARTH_RADIUS_KM, FIBRE_KM_PER_MS, WAN_FIXED_LATENCY_MS } from './geo-config.js';

/** What a link between two datacenters is now. */
export interface WanLink {
  /** One-way latency. */
  latencyMs: number;
  bandwidthBytesPerSecond: number;
  /** Probability in [0, 1] that a message is dropped. */
  lossRate: number;
  /** True when cut by configuration or by partition faults separating the two datacenters. */
  partitioned: boolean;
  /** Whether the latency is derived from distance or configured. */
  basis: 'DISTANCE' | 'CONFIGURED';
  /** Great-circle distance between the two locations. */
  distanceKm: number;
}

/** What may be configured of a link; a field left out keeps its derived or default value. */
export interface WanLinkSettings {
  latencyMs?: number;
  bandwidthBytesPerSecond?: number;
  lossRate?: number;
  /** A cut made on purpose (a drill); partition faults cut too. */
  partitioned?: boolean;
}

/** As persisted: the pair and what was configured. */
export interface WanLinkRecord {
  datacenterIds: [string, string];
  settings: WanLinkSettings;
}

export interface WanLinksDeps {
  datacenters: { get(datacenterId: string): Datacenter; list(): Datacenter[]; has(datacenterId: string): boolean };
  faults: FaultSet;
  /** Persists one link's settings (null: back to derived). */
  changed: (key: string, record: WanLinkRecord | null) => void;
}

/** Great-circle distance by the haversine formula over the mean Earth radius, in km. */
export function greatCircleKm(a: Pick<GeoLocation, 'latitude' | 'longitude'>, b: Pick<GeoLocation, 'latitude' | 'longitude'>): number {
  const radians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * radians;
  const dLon = (b.longitude - a.longitude) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One-way latency over `distanceKm` of fibre plus the fixed per-link cost, in whole ms. */
export function latencyFromDistanceMs(distanceKm: number): number {
  return Math.ceil(distanceKm / FIBRE_KM_PER_MS) + WAN_FIXED_LATENCY_MS;
}

/** The key of an unordered pair. */
export function linkKeyOf(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export class WanLinks {
  private readonly settings = new Map<string, WanLinkSettings>();
  /** Networks that feel the links, with the cross-datacenter pairs last set on each. */
  private readonly networks = new Map<SimNetwork<unknown>, Set<string>>();
  private readonly listeners = new Set<() => void>();
  private readonly stopFollowingFaults: () => void;

  constructor(
    private readonly deps: WanLinksDeps,
    restored: readonly WanLinkRecord[] = [],
  ) {
    for (const record of restored) this.settings.set(linkKeyOf(...record.datacenterIds), { ...record.settings });
    // A partition fault may cut a link: attached networks obey faults themselves; listeners re-read.
    this.stopFollowingFaults = deps.faults.onChange(() => this.notify());
  }

  /** Stops following the fault set. */
  close(): void {
    this.stopFollowingFaults();
    this.listeners.clear();
    this.networks.clear();
  }

  /**
   * The link between two datacenters now.
   * @throws DomainError NOT_FOUND for an unknown datacenter; UNPROCESSABLE for a datacenter with itself.
   */
  linkBetween(a: string, b: string): WanLink {
    if (a === b) throw new DomainError('UNPROCESSABLE', `A datacenter has no WAN link to itself (${a}).`, { datacenterId: a });
    const from = this.deps.datacenters.get(a);
    const to = this.deps.datacenters.get(b);
    const configured = this.settings.get(linkKeyOf(a, b)) ?? {};
    const distanceKm = greatCircleKm(from.location, to.location);
    return {
      latencyMs: configured.latencyMs ?? latencyFromDistanceMs(distanceKm),
      bandwidthBytesPerSecond: configured.bandwidthBytesPerSecond ?? DEFAULT_BANDWIDTH_BYTES_PER_SECOND,
      lossRate: configured.lossRate ?? 0,
      partitioned: configured.partitioned === true || this.faultsSeparate(from.nodeIds, to.nodeIds),
      basis: configured.latencyMs === undefined ? 'DISTANCE' : 'CONFIGURED',
      distanceKm: Math.round(distanceKm * 10) / 10,
    };
  }

  /**
   * Configures a link; fields left out keep what they were (undefined ones are not cleared).
   * @throws DomainError NOT_FOUND, UNPROCESSABLE (bad value).
   */
  configure(a: string, b: string, settings: WanLinkSettings): WanLink {
    this.linkBetween(a, b);
    assertLinkSettings(settings);
    const key = linkKeyOf(a, b);
    const merged: WanLinkSettings = { ...this.settings.get(key) };
    for (const [field, value] of Object.entries(settings)) if (value !== undefined) (merged as Record<string, unknown>)[field] = value;
    this.settings.set(key, merged);
    this.deps.changed(key, { datacenterIds: a < b ? [a, b] : [b, a], settings: merged });
    this.changed();
    return this.linkBetween(a, b);
  }

  /** A datacenter was deleted: its links' settings go with it. */
  forget(datacenterId: string): void {
    for (const key of [...this.settings.keys()]) {
      if (key.split('|').includes(datacenterId)) {
        this.settings.delete(key);
        this.deps.changed(key, null);
      }
    }
  }

  /**
   * Makes `network` honour the links for every pair of nodes in two different datacenters (latency,
   * loss, cut), now and after every change of datacenters or links. Returns a function that stops
   * following (the pairs keep what they were last given).
   */
  attach<M>(network: SimNetwork<M>): () => void {
    const untyped = network as SimNetwork<unknown>;
    this.networks.set(untyped, new Set());
    this.apply(untyped);
    return () => this.networks.delete(untyped);
  }

  /** Calls `listener` after every change of datacenters, links or faults. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Datacenters or link settings changed: re-applies to every attached network and tells listeners. */
  changed(): void {
    for (const network of this.networks.keys()) this.apply(network);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private apply(network: SimNetwork<unknown>): void {
    const previous = this.networks.get(network) ?? new Set<string>();
    const current = new Set<string>();
    const datacenters = this.deps.datacenters.list();
    for (const from of datacenters) {
      for (const to of datacenters) {
        if (from.datacenterId === to.datacenterId) continue;
        const link = this.linkBetween(from.datacenterId, to.datacenterId);
        const configuredCut = this.settings.get(linkKeyOf(from.datacenterId, to.datacenterId))?.partitioned === true;
        for (const a of from.nodeIds) {
          for (const b of to.nodeIds) {
            network.setLink(a, b, { latencyMs: link.latencyMs });
            // Partition faults are obeyed by the network itself; only the configured cut is set here.
            network.setLinkCondition(a, b, { lossRate: link.lossRate, partitioned: configuredCut });
            current.add(`${a}\u0000${b}`);
          }
        }
      }
    }
    for (const pair of previous) {
      if (current.has(pair)) continue;
      const [a, b] = pair.split('\u0000') as [string, string];
      network.clearLink(a, b);
      network.setLinkCondition(a, b, null);
    }
    this.networks.set(network, current);
  }

  /** True when both sides have nodes and partition faults separate every pair. */
  private faultsSeparate(aNodes: readonly string[], bNodes: readonly string[]): boolean {
    if (aNodes.length === 0 || bNodes.length === 0) return false;
    return aNodes.every((a) => bNodes.every((b) => this.deps.faults.isPartitioned(a, b)));
  }
}

/** @throws DomainError UNPROCESSABLE listing every bad field. */
export function assertLinkSettings(settings: WanLinkSettings): void {
  const problems = validateSettings(settings);
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `The WAN link settings are not valid: ${problems.join('; ')}.`, { problems });
}

function validateSettings(settings: WanLinkSettings): string[] {
  const problems: string[] = [];
  if (settings.latencyMs !== undefined && !(Number.isSafeInteger(settings.latencyMs) && settings.latencyMs >= 0 && settings.latencyMs <= 60_000)) problems.push('latencyMs must be a whole number of ms in [0, 60000]');
  if (settings.bandwidthBytesPerSecond !== undefined && !(Number.isSafeInteger(settings.bandwidthBytesPerSecond) && settings.bandwidthBytesPerSecond >= 1000)) problems.push('bandwidthBytesPerSecond must be a whole number of at least 1000');
  if (settings.lossRate !== undefined && !(settings.lossRate >= 0 && settings.lossRate < 1)) problems.push('lossRate must be in [0, 1)');
  return problems;
}
