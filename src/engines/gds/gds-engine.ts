/**
 * Global data services (README): services over the geo engine's datacenters, where each runs,
 * its failovers and failbacks on the cluster clock, routing with reasons, and the measured
 * latencies. Every change of a service calls `persist` with its whole record.
 */
import type { Datacenter } from '../geo/datacenters.js';
import { greatCircleKm } from '../geo/wan-links.js';
import type { NodeStatus } from '../cluster/node-health.js';
import type { BalancingStrategy } from '../load-balancer/balancing-strategy.js';
import { createStrategy } from '../load-balancer/strategies/create-strategy.js';
import { LocalityAwareStrategy } from '../load-balancer/strategies/locality-aware.js';
import type { TimerId, VirtualClock } from '../runtime/clock.js';
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { MAX_FAILOVERS_KEPT, MAX_SERVICES, type GdsTimings } from './gds-config.js';
import {
  assertRegion, assertService, regionSpecOf, ruleBroken, serviceSpecOf, updatedSpecOf,
  type AddInstanceInput, type GdsStrategyName, type GlobalServiceSpec, type RegisterServiceInput, type ServiceRegionInput, type UpdateServiceInput,
} from './global-service.js';
import type { LatencyCell, LatencyProbes } from './latency-probes.js';
import { route, type InstanceFacts, type InstanceRole, type Picker, type RouteDecision, type ServiceState } from './service-routing.js';

export const GDS_SERVICE_RECORD = 'gds.service';

/** A service runs on an instance; after a failover, standing in for the one it replaced. */
export interface Placement {
  instanceId: string;
  regionId: string;
  /** The instance this one took over from (failback returns to it); null for a preferred one. */
  standsForInstanceId: string | null;
  standsForRegionId: string | null;
  /** Set when a failover from this instance gave up; cleared once the instance is healthy. */
  failoverGaveUp: boolean;
}

export type FailoverKind = 'INSTANCE' | 'REGION' | 'FAILBACK';
export type FailoverStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
export type FailoverStepName = 'DETECTED' | 'TARGET_CHOSEN' | 'RETRY' | 'RELOCATED' | 'RECOVERED' | 'FAILED';

export interface FailoverRecord {
  failoverId: string;
  kind: FailoverKind;
  status: FailoverStatus;
  fromInstanceId: string;
  fromRegionId: string;
  toInstanceId: string | null;
  toRegionId: string | null;
  reason: string;
  attempts: number;
  startedAtMs: number;
  endedAtMs: number | null;
  steps: { step: FailoverStepName; atMs: number; detail: string }[];
}

export interface RoutingCounts {
  routed: number;
  unrouted: number;
  byInstance: Record<string, number>;
  byClientRegion: Record<string, number>;
}

/** As persisted. */
export interface ServiceRecord {
  spec: GlobalServiceSpec;
  placements: Placement[];
  failovers: FailoverRecord[];
  failoverCount: number;
  routing: RoutingCounts;
}

export interface GdsEngineDeps {
  clock: VirtualClock;
  datacenters: { get(datacenterId: string): Datacenter; list(): Datacenter[]; has(datacenterId: string): boolean };
  nodes: { has(nodeId: string): boolean; get(nodeId: string): { status: NodeStatus; lastHeartbeatMs: number | null; address: string } };
  replication: { writeRoleOf(nodeId: string): 'PRIMARY' | 'STANDBY' | 'STANDALONE'; listReplicas(): readonly { replicaId: string; replayLagMs: number }[] };
  probes: Pick<LatencyProbes, 'latencyMs' | 'matrix'>;
  persist: (name: string, record: ServiceRecord | null) => void;
  timings: GdsTimings;
}

export interface ClientLocation {
  regionId?: string;
  latitude?: number;
  longitude?: number;
}

/** What a dry run shows: where a client of each datacenter goes before and after the change. */
export interface RoutingPreview {
  dryRun: true;
  operation: string;
  serviceName: string;
  changes: { clientRegionId: string; before: RoutePoint; after: RoutePoint; changed: boolean }[];
}

export interface RoutePoint {
  instanceId: string | null;
  regionId: string | null;
  reason: string;
}

export interface InstanceView extends InstanceFacts {
  preference: 'PREFERRED' | 'AVAILABLE';
  nodeStatus: NodeStatus | 'GONE';
  address: string | null;
  lastHeartbeatMs: number | null;
  standsForInstanceId: string | null;
}

export interface RegionView {
  regionId: string;
  name: string;
  geoRegion: string;
  location: Datacenter['location'];
  role: GlobalServiceSpec['regions'][number]['role'];
  instances: InstanceView[];
  /** Instances of other regions running the service for this one (after a region failover). */
  latencies: Record<string, number | null>;
}

export interface ServiceView {
  spec: GlobalServiceSpec;
  state: ServiceState;
  stateReason: string;
  regions: RegionView[];
  failovers: FailoverRecord[];
  routing: RoutingCounts;
}

const HEALTHY: readonly NodeStatus[] = ['HEALTHY', 'RECOVERING'];

export class GdsEngine {
  private readonly records = new Map<string, ServiceRecord>();
  private readonly pickers = new Map<string, Picker & { forget?: (id: string) => void }>();
  private readonly timers = new Set<TimerId>();
  private checkTimer: TimerId | null = null;

  constructor(
    private readonly deps: GdsEngineDeps,
    restored: readonly ServiceRecord[] = [],
  ) {
    for (const record of restored) this.records.set(record.spec.name, record);
    // Failovers in flight when the server stopped start their attempt again.
    for (const record of restored) for (const failover of record.failovers) if (failover.status === 'IN_PROGRESS') this.later(0, () => this.attempt(record.spec.name, failover.failoverId));
  }

  start(): void {
    if (this.checkTimer === null) this.checkTimer = this.deps.clock.every(this.deps.timings.checkIntervalMs, () => this.evaluate());
  }

  close(): void {
    if (this.checkTimer !== null) this.deps.clock.cancel(this.checkTimer);
    for (const timer of this.timers) this.deps.clock.cancel(timer);
    this.timers.clear();
    this.checkTimer = null;
  }

  // ------------------------------------------------------------------ reads

  list(): ServiceView[] {
    return [...this.records.keys()].sort(naturalCompare).map((name) => this.viewOf(this.records.get(name)!));
  }

  get(name: string): ServiceView {
    return this.viewOf(this.recordOf(name));
  }

  /** The services that use a datacenter (geo's delete answers 409 while any does). */
  usersOf(datacenterId: string): { kind: string; id: string }[] {
    return [...this.records.values()].filter((record) => record.spec.regions.some((region) => region.regionId === datacenterId)).map((record) => ({ kind: 'global service', id: record.spec.name }));
  }

  latencies(): LatencyCell[] {
    return this.deps.probes.matrix();
  }

  // ------------------------------------------------------------------ changes (each may be a dry run)

  register(input: RegisterServiceInput, dryRun: boolean): ServiceView | RoutingPreview {
    if (this.records.has(input.name)) throw new DomainError('CONFLICT', `A global service named "${input.name}" already exists.`, { name: input.name });
    if (this.records.size >= MAX_SERVICES) throw new DomainError('CONFLICT', `There are already ${MAX_SERVICES} global services, the most allowed.`, { limit: MAX_SERVICES });
    const spec = serviceSpecOf(input, (regionId) => this.datacenterOf(regionId), this.deps.clock.now());
    const record: ServiceRecord = { spec, placements: [], failovers: [], failoverCount: 0, routing: { routed: 0, unrouted: 0, byInstance: {}, byClientRegion: {} } };
    record.placements = reconcilePlacements(spec, []);
    return this.commit('register', null, record, dryRun);
  }

  update(name: string, input: UpdateServiceInput, dryRun: boolean): ServiceView | RoutingPreview {
    const current = this.recordOf(name);
    const spec = updatedSpecOf(current.spec, input, this.deps.clock.now());
    return this.commit('update', current, { ...current, spec }, dryRun);
  }

  remove(name: string, dryRun: boolean): ServiceView | RoutingPreview {
    const current = this.recordOf(name);
    return this.commit('remove', current, null, dryRun);
  }

  addRegion(name: string, input: ServiceRegionInput, dryRun: boolean): ServiceView | RoutingPreview {
    const current = this.recordOf(name);
    if (current.spec.regions.some((region) => region.regionId === input.regionId)) {
      throw new DomainError('CONFLICT', `Service ${name} already has region ${input.regionId}.`, { name, regionId: input.regionId });
    }
    const region = regionSpecOf(input, this.datacenterOf(input.regionId));
    const spec = { ...current.spec, regions: [...current.spec.regions, region], updatedAtMs: this.deps.clock.now() };
    assertService(spec);
    return this.commit('addRegion', current, { ...current, spec }, dryRun);
  }

  removeRegion(name: string, regionId: string, dryRun: boolean): ServiceView | RoutingPreview {
    const current = this.recordOf(name);
    this.regionOf(current, regionId);
    const spec = { ...current.spec, regions: current.spec.regions.filter((region) => region.regionId !== regionId), updatedAtMs: this.deps.clock.now() };
    return this.commit('removeRegion', current, { ...current, spec }, dryRun);
  }

  addInstance(name: string, regionId: string, input: AddInstanceInput, dryRun: boolean): ServiceView | RoutingPreview {
    const current = this.recordOf(name);
    const region = this.regionOf(current, regionId);
    const existing = region.instances.find((instance) => instance.instanceId === input.instanceId);
    const preference = input.preference ?? 'AVAILABLE';
    if (existing) {
      if (existing.preference !== preference) ruleBroken('PREFERRED_AND_AVAILABLE', `instance ${input.instanceId} is already ${existing.preference} in ${regionId}: an instance is preferred or available, not both.`, { instanceId: input.instanceId, regionId });
      throw new DomainError('CONFLICT', `Instance ${input.instanceId} is already in region ${regionId} of ${name}.`, { name, regionId, instanceId: input.instanceId });
    }
    const nextRegion = { ...region, instances: [...region.instances, { instanceId: input.instanceId, preference, weight: input.weight ?? 1 }] };
    assertRegion(nextRegion, this.datacenterOf(regionId));
    const spec = { ...current.spec, regions: current.spec.regions.map((r) => (r.regionId === regionId ? nextRegion : r)), updatedAtMs: this.deps.clock.now() };
    assertService(spec);
    return this.commit('addInstance', current, { ...current, spec }, dryRun);
  }

  removeInstance(name: string, regionId: string, instanceId: string, dryRun: boolean): ServiceView | RoutingPreview {
    const current = this.recordOf(name);
    const region = this.regionOf(current, regionId);
    if (!region.instances.some((instance) => instance.instanceId === instanceId)) {
      throw new DomainError('NOT_FOUND', `Region ${regionId} of service ${name} has no instance ${instanceId}.`, { resource: 'gds.instance', id: instanceId });
    }
    const nextRegion = { ...region, instances: region.instances.filter((instance) => instance.instanceId !== instanceId) };
    const spec = { ...current.spec, regions: current.spec.regions.map((r) => (r.regionId === regionId ? nextRegion : r)), updatedAtMs: this.deps.clock.now() };
    assertService(spec);
    return this.commit('removeInstance', current, { ...current, spec }, dryRun);
  }

  /** Routes one client and counts the decision. */
  route(name: string, client: ClientLocation): RouteDecision {
    const record = this.recordOf(name);
    const clientRegionId = this.clientRegionOf(record, client);
    const decision = this.routeWith(record, clientRegionId, this.pickerOf(record.spec));
    const counts = record.routing;
    counts.byClientRegion[clientRegionId] = (counts.byClientRegion[clientRegionId] ?? 0) + 1;
    if (decision.instanceId === null) counts.unrouted += 1;
    else {
      counts.routed += 1;
      counts.byInstance[decision.instanceId] = (counts.byInstance[decision.instanceId] ?? 0) + 1;
    }
    this.deps.persist(name, record);
    return decision;
  }

  // ------------------------------------------------------------------ failover and failback

  /** Starts failovers for running instances that are down, and fails back where the policy says. */
  evaluate(): void {
    for (const record of this.records.values()) {
      const { spec } = record;
      if (spec.adminState !== 'STARTED') continue;
      let changed = false;
      for (const placement of record.placements) {
        const status = this.statusOf(placement.instanceId);
        if (HEALTHY.includes(status as NodeStatus) && placement.failoverGaveUp) {
          placement.failoverGaveUp = false;
          changed = true;
        }
        const down = status === 'DOWN' || status === 'GONE';
        const inFlight = record.failovers.some((failover) => failover.status === 'IN_PROGRESS' && failover.fromInstanceId === placement.instanceId);
        if (down && spec.failoverPolicy.autoFailover && !inFlight && !placement.failoverGaveUp) {
          this.startFailover(record, placement, status);
          changed = true;
        }
      }
      if (spec.failoverPolicy.failback) changed = this.failBack(record) || changed;
      if (changed) this.deps.persist(spec.name, record);
    }
  }

  private startFailover(record: ServiceRecord, placement: Placement, status: string): void {
    const now = this.deps.clock.now();
    record.failoverCount += 1;
    const failover: FailoverRecord = {
      failoverId: `${record.spec.name}-failover-${record.failoverCount}`,
      kind: 'INSTANCE',
      status: 'IN_PROGRESS',
      fromInstanceId: placement.instanceId,
      fromRegionId: placement.regionId,
      toInstanceId: null,
      toRegionId: null,
      reason: `instance ${placement.instanceId} is ${status}`,
      attempts: 0,
      startedAtMs: now,
      endedAtMs: null,
      steps: [{ step: 'DETECTED', atMs: now, detail: `node ${placement.instanceId} is ${status} (failure detector)` }],
    };
    record.failovers.push(failover);
    if (record.failovers.length > MAX_FAILOVERS_KEPT) record.failovers.splice(0, record.failovers.length - MAX_FAILOVERS_KEPT);
    this.attempt(record.spec.name, failover.failoverId);
  }

  /** One attempt: choose a target and relocate after relocationMs, or retry after timeoutMs. */
  private attempt(name: string, failoverId: string): void {
    const record = this.records.get(name);
    const failover = record?.failovers.find((f) => f.failoverId === failoverId);
    if (record === undefined || failover === undefined || failover.status !== 'IN_PROGRESS') return;
    const placement = record.placements.find((p) => p.instanceId === failover.fromInstanceId);
    const now = this.deps.clock.now();
    if (placement === undefined) return this.finish(record, failover, 'COMPLETED', 'RECOVERED', 'the instance no longer runs the service (changed by an operator)');
    if (HEALTHY.includes(this.statusOf(placement.instanceId) as NodeStatus)) return this.finish(record, failover, 'COMPLETED', 'RECOVERED', `node ${placement.instanceId} is healthy again before the relocation`);
    failover.attempts += 1;
    const target = this.targetFor(record, placement);
    if (target === null) {
      if (failover.attempts > record.spec.failoverPolicy.maxRetries) {
        placement.failoverGaveUp = true;
        return this.finish(record, failover, 'FAILED', 'FAILED', `no healthy instance to take the service after ${failover.attempts} attempt(s)`);
      }
      failover.steps.push({ step: 'RETRY', atMs: now, detail: `attempt ${failover.attempts}: no healthy target; next in ${record.spec.failoverPolicy.timeoutMs} ms` });
      this.deps.persist(name, record);
      this.later(record.spec.failoverPolicy.timeoutMs, () => this.attempt(name, failoverId));
      return;
    }
    const homeRegionId = placement.standsForRegionId ?? placement.regionId;
    failover.kind = target.regionId === homeRegionId ? 'INSTANCE' : 'REGION';
    failover.toInstanceId = target.instanceId;
    failover.toRegionId = target.regionId;
    failover.steps.push({ step: 'TARGET_CHOSEN', atMs: now, detail: `${target.instanceId} in ${target.regionId} (${target.why})` });
    this.deps.persist(name, record);
    this.later(this.deps.timings.relocationMs, () => {
      // An operator's change meanwhile replaced the record and its placements: read them again.
      const latest = this.records.get(name);
      const placement = latest?.placements.find((p) => p.instanceId === failover.fromInstanceId);
      if (latest === undefined || failover.status !== 'IN_PROGRESS') return;
      if (placement === undefined) return this.finish(latest, failover, 'COMPLETED', 'RECOVERED', 'the instance no longer runs the service (changed by an operator)');
      if (!HEALTHY.includes(this.statusOf(target.instanceId) as NodeStatus)) return this.attempt(name, failoverId);
      placement.standsForInstanceId = placement.standsForInstanceId ?? placement.instanceId;
      placement.standsForRegionId = placement.standsForRegionId ?? placement.regionId;
      placement.instanceId = target.instanceId;
      placement.regionId = target.regionId;
      if (placement.standsForInstanceId === placement.instanceId) Object.assign(placement, { standsForInstanceId: null, standsForRegionId: null });
      this.finish(latest, failover, 'COMPLETED', 'RELOCATED', `the service runs on ${target.instanceId} in ${target.regionId}`);
    });
  }

  private finish(record: ServiceRecord, failover: FailoverRecord, status: FailoverStatus, step: FailoverStepName, detail: string): void {
    const now = this.deps.clock.now();
    failover.status = status;
    failover.endedAtMs = now;
    failover.steps.push({ step, atMs: now, detail });
    this.deps.persist(record.spec.name, record);
  }

  /**
   * An available healthy instance of the home region not running the service; on a region
   * outage, by priorityOrder then latency, one of another region when locality allows.
   */
  private targetFor(record: ServiceRecord, placement: Placement): { instanceId: string; regionId: string; why: string } | null {
    const { spec } = record;
    const running = new Set(record.placements.map((p) => p.instanceId));
    const homeRegionId = placement.standsForRegionId ?? placement.regionId;
    const fits = (instanceId: string) => !running.has(instanceId) && HEALTHY.includes(this.statusOf(instanceId) as NodeStatus) && this.roleFits(spec, instanceId);
    const home = spec.regions.find((region) => region.regionId === homeRegionId);
    const local = home?.instances.filter((instance) => fits(instance.instanceId)).sort((a, b) => (a.preference === b.preference ? 0 : a.preference === 'AVAILABLE' ? -1 : 1));
    if (local && local.length > 0) return { instanceId: local[0]!.instanceId, regionId: homeRegionId, why: `${local[0]!.preference.toLowerCase()} instance of the same region` };
    const homeHasHealthy = home?.instances.some((instance) => HEALTHY.includes(this.statusOf(instance.instanceId) as NodeStatus)) ?? false;
    if (homeHasHealthy) return null;
    if (spec.locality === 'LOCAL_ONLY' && !spec.regionFailover) return null;
    const others = spec.regions.filter((region) => region.regionId !== homeRegionId);
    const priority = spec.failoverPolicy.priorityOrder;
    const rankOf = (regionId: string) => (priority.includes(regionId) ? priority.indexOf(regionId) : priority.length);
    const latencyOf = (regionId: string) => this.deps.probes.latencyMs(homeRegionId, regionId) ?? Number.POSITIVE_INFINITY;
    others.sort((a, b) => rankOf(a.regionId) - rankOf(b.regionId) || latencyOf(a.regionId) - latencyOf(b.regionId) || naturalCompare(a.regionId, b.regionId));
    // A region that already runs the service may take the outage region's clients too.
    const takes = (instanceId: string) => HEALTHY.includes(this.statusOf(instanceId) as NodeStatus) && this.roleFits(spec, instanceId);
    for (const region of others) {
      const instance = region.instances.find((candidate) => fits(candidate.instanceId)) ?? region.instances.find((candidate) => running.has(candidate.instanceId) && takes(candidate.instanceId));
      if (instance) {
        const by = priority.includes(region.regionId) ? `priority ${rankOf(region.regionId) + 1} of the failover policy` : 'lowest measured latency';
        return { instanceId: instance.instanceId, regionId: region.regionId, why: `region ${homeRegionId} is out; region failover by ${by}` };
      }
    }
    return null;
  }

  /** Gives each placement back to the instance it stands for, once that is healthy. */
  private failBack(record: ServiceRecord): boolean {
    let changed = false;
    const running = new Set(record.placements.map((p) => p.instanceId));
    for (const placement of record.placements) {
      const original = placement.standsForInstanceId;
      if (original === null || running.has(original) || !HEALTHY.includes(this.statusOf(original) as NodeStatus)) continue;
      if (record.failovers.some((failover) => failover.status === 'IN_PROGRESS')) continue;
      const now = this.deps.clock.now();
      record.failoverCount += 1;
      const from = { instanceId: placement.instanceId, regionId: placement.regionId };
      record.failovers.push({
        failoverId: `${record.spec.name}-failover-${record.failoverCount}`,
        kind: 'FAILBACK',
        status: 'COMPLETED',
        fromInstanceId: from.instanceId,
        fromRegionId: from.regionId,
        toInstanceId: original,
        toRegionId: placement.standsForRegionId,
        reason: `preferred instance ${original} is healthy again and the policy fails back`,
        attempts: 1,
        startedAtMs: now,
        endedAtMs: now,
        steps: [{ step: 'RELOCATED', atMs: now, detail: `the service runs on ${original} again; ${from.instanceId} stops running it` }],
      });
      if (record.failovers.length > MAX_FAILOVERS_KEPT) record.failovers.splice(0, record.failovers.length - MAX_FAILOVERS_KEPT);
      Object.assign(placement, { instanceId: original, regionId: placement.standsForRegionId, standsForInstanceId: null, standsForRegionId: null });
      running.add(original);
      changed = true;
    }
    return changed;
  }

  // ------------------------------------------------------------------ helpers

  private commit(operation: string, current: ServiceRecord | null, next: ServiceRecord | null, dryRun: boolean): ServiceView | RoutingPreview {
    if (next !== null) next = { ...next, placements: reconcilePlacements(next.spec, next.placements) };
    if (dryRun) return this.preview(operation, current, next);
    if (next === null) {
      const name = current!.spec.name;
      const view = this.viewOf(current!);
      this.records.delete(name);
      this.pickers.delete(name);
      this.deps.persist(name, null);
      return view;
    }
    if (current !== null && current.spec.loadBalancing !== next.spec.loadBalancing) this.pickers.delete(next.spec.name);
    this.records.set(next.spec.name, next);
    this.deps.persist(next.spec.name, next);
    return this.viewOf(next);
  }

  private preview(operation: string, before: ServiceRecord | null, after: ServiceRecord | null): RoutingPreview {
    const name = (before ?? after)!.spec.name;
    const pointOf = (record: ServiceRecord | null, clientRegionId: string): RoutePoint => {
      if (record === null) return { instanceId: null, regionId: null, reason: operation === 'remove' ? 'the service would not exist' : 'the service does not exist yet' };
      const decision = this.routeWith(record, clientRegionId, pickerFor(record.spec.loadBalancing));
      return { instanceId: decision.instanceId, regionId: decision.regionId, reason: decision.reason };
    };
    const changes = this.deps.datacenters.list().map((datacenter) => {
      const beforePoint = pointOf(before, datacenter.datacenterId);
      const afterPoint = pointOf(after, datacenter.datacenterId);
      return { clientRegionId: datacenter.datacenterId, before: beforePoint, after: afterPoint, changed: beforePoint.instanceId !== afterPoint.instanceId };
    });
    return { dryRun: true, operation, serviceName: name, changes };
  }

  private routeWith(record: ServiceRecord, clientRegionId: string, picker: Picker): RouteDecision {
    const state = this.stateOf(record).state;
    return route({ spec: record.spec, state, instances: this.factsOf(record), clientRegionId, latencyMs: (a, b) => this.deps.probes.latencyMs(a, b), picker });
  }

  private pickerOf(spec: GlobalServiceSpec): Picker {
    let picker = this.pickers.get(spec.name);
    if (picker === undefined) {
      picker = pickerFor(spec.loadBalancing);
      this.pickers.set(spec.name, picker);
    }
    return picker;
  }

  private clientRegionOf(record: ServiceRecord, client: ClientLocation): string {
    if (client.regionId !== undefined) {
      this.datacenterOf(client.regionId);
      return client.regionId;
    }
    if (client.latitude === undefined || client.longitude === undefined) {
      throw new DomainError('UNPROCESSABLE', 'Give the client\'s regionId, or its latitude and longitude.', { rule: 'CLIENT_LOCATION' });
    }
    const here = { latitude: client.latitude, longitude: client.longitude };
    const datacenters = record.spec.regions.length > 0 ? record.spec.regions.map((region) => this.datacenterOf(region.regionId)) : this.deps.datacenters.list();
    if (datacenters.length === 0) throw new DomainError('UNPROCESSABLE', 'There is no datacenter to place the client in.', { rule: 'CLIENT_LOCATION' });
    return datacenters.map((dc) => ({ dc, km: greatCircleKm(here, dc.location) })).sort((a, b) => a.km - b.km || naturalCompare(a.dc.datacenterId, b.dc.datacenterId))[0]!.dc.datacenterId;
  }

  private factsOf(record: ServiceRecord): InstanceFacts[] {
    const lagOf = new Map(this.deps.replication.listReplicas().map((replica) => [replica.replicaId, replica.replayLagMs]));
    const running = new Set(record.placements.map((p) => p.instanceId));
    return record.spec.regions.flatMap((region) =>
      region.instances.map((instance) => ({
        instanceId: instance.instanceId,
        regionId: region.regionId,
        healthy: HEALTHY.includes(this.statusOf(instance.instanceId) as NodeStatus),
        role: this.roleOf(instance.instanceId),
        lagMs: lagOf.get(instance.instanceId) ?? 0,
        running: running.has(instance.instanceId),
        weight: instance.weight,
        activeConnections: 0,
      })),
    );
  }

  stateOf(record: ServiceRecord): { state: ServiceState; reason: string } {
    const { spec } = record;
    if (spec.adminState === 'STOPPED') return { state: 'STOPPED', reason: 'stopped by an operator' };
    if (spec.adminState === 'MAINTENANCE') return { state: 'MAINTENANCE', reason: 'in maintenance by an operator' };
    const inFlight = record.failovers.find((failover) => failover.status === 'IN_PROGRESS');
    if (inFlight) return { state: 'FAILING_OVER', reason: `failover ${inFlight.failoverId}: ${inFlight.reason}` };
    if (record.placements.length === 0) return { state: 'DEGRADED', reason: 'the service runs on no instance (no preferred instance)' };
    const down = record.placements.filter((p) => !HEALTHY.includes(this.statusOf(p.instanceId) as NodeStatus)).map((p) => p.instanceId);
    if (down.length > 0) return { state: 'DEGRADED', reason: `running instance(s) ${down.join(', ')} not healthy` };
    const standIns = record.placements.filter((p) => p.standsForInstanceId !== null);
    if (standIns.length > 0) return { state: 'DEGRADED', reason: `running on ${standIns.map((p) => `${p.instanceId} for ${p.standsForInstanceId}`).join(', ')} after a failover` };
    return { state: 'ACTIVE', reason: 'every preferred instance runs the service and is healthy' };
  }

  private viewOf(record: ServiceRecord): ServiceView {
    const { state, reason } = this.stateOf(record);
    const facts = new Map(this.factsOf(record).map((f) => [f.instanceId, f]));
    const placementOf = new Map(record.placements.map((p) => [p.instanceId, p]));
    const regions = record.spec.regions.map((region) => {
      const datacenter = this.deps.datacenters.has(region.regionId) ? this.deps.datacenters.get(region.regionId) : null;
      const latencies: Record<string, number | null> = {};
      for (const other of record.spec.regions) latencies[other.regionId] = this.deps.probes.latencyMs(region.regionId, other.regionId);
      return {
        regionId: region.regionId,
        name: datacenter?.name ?? region.regionId,
        geoRegion: datacenter?.region ?? '',
        location: datacenter ? { ...datacenter.location } : { latitude: 0, longitude: 0, city: '' },
        role: region.role,
        latencies,
        instances: region.instances.map((instance) => {
          const node = this.deps.nodes.has(instance.instanceId) ? this.deps.nodes.get(instance.instanceId) : null;
          return {
            ...facts.get(instance.instanceId)!,
            preference: instance.preference,
            nodeStatus: node?.status ?? ('GONE' as const),
            address: node?.address ?? null,
            lastHeartbeatMs: node?.lastHeartbeatMs ?? null,
            standsForInstanceId: placementOf.get(instance.instanceId)?.standsForInstanceId ?? null,
          };
        }),
      };
    });
    return { spec: record.spec, state, stateReason: reason, regions, failovers: record.failovers.map((f) => ({ ...f, steps: [...f.steps] })), routing: record.routing };
  }

  private statusOf(nodeId: string): NodeStatus | 'GONE' {
    return this.deps.nodes.has(nodeId) ? this.deps.nodes.get(nodeId).status : 'GONE';
  }

  private roleOf(nodeId: string): InstanceRole {
    if (!this.deps.nodes.has(nodeId)) return 'STANDBY';
    try {
      return this.deps.replication.writeRoleOf(nodeId) === 'STANDBY' ? 'STANDBY' : 'PRIMARY';
    } catch {
      return 'PRIMARY';
    }
  }

  private roleFits(spec: GlobalServiceSpec, nodeId: string): boolean {
    const role = this.roleOf(nodeId);
    return spec.databaseRole === 'PRIMARY' ? role === 'PRIMARY' : role !== 'PRIMARY';
  }

  private recordOf(name: string): ServiceRecord {
    const record = this.records.get(name);
    if (record === undefined) throw new DomainError('NOT_FOUND', `No global service is named "${name}".`, { resource: 'gds.service', id: name });
    return record;
  }

  private regionOf(record: ServiceRecord, regionId: string): GlobalServiceSpec['regions'][number] {
    const region = record.spec.regions.find((r) => r.regionId === regionId);
    if (region === undefined) throw new DomainError('NOT_FOUND', `Service ${record.spec.name} has no region ${regionId}.`, { resource: 'gds.region', id: regionId });
    return region;
  }

  private datacenterOf(regionId: string): Datacenter {
    if (!this.deps.datacenters.has(regionId)) {
      throw new DomainError('NOT_FOUND', `No datacenter has id "${regionId}": a service region is a geo datacenter (create it with POST /api/v1/geo-replication/datacenters).`, { resource: 'geo.datacenter', id: regionId });
    }
    return this.deps.datacenters.get(regionId);
  }

  private later(delayMs: number, work: () => void): void {
    const timer = this.deps.clock.after(delayMs, () => {
      this.timers.delete(timer);
      work();
    });
    this.timers.add(timer);
  }
}

/** A fresh strategy: the load balancer's, or its LOCALITY_AWARE. */
export function pickerFor(name: GdsStrategyName): Picker {
  if (name === 'LOCALITY_AWARE') return new LocalityAwareStrategy();
  return createStrategy(name) as BalancingStrategy;
}

/**
 * Where the service runs after a change: placements whose instance (and, for a stand-in, the
 * instance it stands for) is still in the service are kept; every preferred instance without a
 * placement gets one.
 */
export function reconcilePlacements(spec: GlobalServiceSpec, placements: readonly Placement[]): Placement[] {
  const regionOfInstance = new Map(spec.regions.flatMap((region) => region.instances.map((instance) => [instance.instanceId, region.regionId] as const)));
  const kept = placements
    .filter((p) => regionOfInstance.has(p.instanceId) && (p.standsForInstanceId === null || regionOfInstance.has(p.standsForInstanceId)))
    .map((p) => ({ ...p }));
  const covered = new Set(kept.flatMap((p) => [p.instanceId, p.standsForInstanceId ?? p.instanceId]));
  for (const region of spec.regions) {
    for (const instance of region.instances) {
      if (instance.preference !== 'PREFERRED' || covered.has(instance.instanceId)) continue;
      kept.push({ instanceId: instance.instanceId, regionId: region.regionId, standsForInstanceId: null, standsForRegionId: null, failoverGaveUp: false });
    }
  }
  return kept;
}
