import type { GdsEngine, FailoverRecord, InstanceView, RegionView, RoutingPreview, ServiceView, ClientLocation, RoutingCounts } from '../../engines/gds/gds-engine.js';
import type { AddInstanceInput, RegisterServiceInput, ServiceRegionInput, UpdateServiceInput } from '../../engines/gds/global-service.js';
import type { RouteDecision, ServiceState } from '../../engines/gds/service-routing.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { naturalCompare } from '../../engines/runtime/natural-order.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';

const SERVICE_TARGET = 'gds.service';
const CONNECTIONS_NOTE = 'Not measured yet: connection pools do not exist (a later issue); 0 until they do.';

type Health = 'UP' | 'DEGRADED' | 'DOWN';

/** An instance as the API shows it (the contract's DatabaseInstance). */
export interface DatabaseInstance {
  id: string;
  host: string;
  port: number;
  role: InstanceView['role'];
  preference: InstanceView['preference'];
  weight: number;
  running: boolean;
  standsFor: string | null;
  poolSize: number;
  activeConnections: number;
  connectionsNote: string;
  health: Health;
  nodeStatus: InstanceView['nodeStatus'];
  lagMs: number;
  lastHealthCheck: string | null;
}

export interface ServiceRegion {
  regionId: string;
  name: string;
  geoRegion: string;
  location: RegionView['location'];
  role: RegionView['role'];
  health: Health;
  latencies: Record<string, number | null>;
  databases: DatabaseInstance[];
}

export interface ServiceFailover extends Omit<FailoverRecord, 'startedAtMs' | 'endedAtMs' | 'steps'> {
  startedAt: string;
  endedAt: string | null;
  steps: { step: FailoverRecord['steps'][number]['step']; at: string; detail: string }[];
}

/** A service as the API shows it (the contract's GlobalService). */
export interface GlobalService {
  name: string;
  databaseRole: ServiceView['spec']['databaseRole'];
  locality: ServiceView['spec']['locality'];
  regionFailover: boolean;
  lagToleranceMs: number | null;
  loadBalancing: ServiceView['spec']['loadBalancing'];
  failoverPolicy: ServiceView['spec']['failoverPolicy'];
  adminState: ServiceView['spec']['adminState'];
  state: ServiceState;
  stateReason: string;
  regions: ServiceRegion[];
  failovers: ServiceFailover[];
  routing: RoutingCounts;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceHealth {
  name: string;
  state: ServiceState;
  stateReason: string;
  regions: { regionId: string; health: Health; instances: { id: string; health: Health; nodeStatus: string; running: boolean; lagMs: number; lastHealthCheck: string | null }[] }[];
}

export interface GdsStatistics {
  totalServices: number;
  servicesByState: Record<string, number>;
  routed: number;
  unrouted: number;
  failovers: { total: number; completed: number; failed: number; inProgress: number; failbacks: number };
  services: { name: string; state: ServiceState; routing: RoutingCounts }[];
}

export interface LatencyMatrix {
  regions: string[];
  cells: { fromRegionId: string; toRegionId: string; roundTripMs: number | null; reachable: boolean; measuredAt: string | null; probesSent: number; probesAnswered: number }[];
}

/**
 * Global data services (src/engines/gds): services over the geo engine's datacenters, routing
 * with reasons, failover by policy, measured latencies. Mutations take a dry run, which answers
 * the routing preview and changes nothing.
 */
export class GdsService {
  constructor(
    private readonly engine: GdsEngine,
    private readonly deps: { runner: OperationRunner; datacenterIds: () => string[] },
  ) {}

  list(context: OperationContext, query: { limit?: number; offset?: number }): Page<GlobalService> {
    return this.deps.runner.read(context, 'listGlobalServices', () => pageOf(this.engine.list().map(toService), { limit: query.limit, offset: query.offset }));
  }

  get(context: OperationContext, name: string): GlobalService {
    return this.deps.runner.read(context, 'getGlobalService', () => toService(this.engine.get(name)));
  }

  register(context: OperationContext, input: RegisterServiceInput, dryRun: boolean): Promise<GlobalService | RoutingPreview> {
    const target = creationOf<GlobalService | RoutingPreview>(SERVICE_TARGET, (created) => ('name' in created ? created.name : created.serviceName), input?.name);
    return this.deps.runner.run(context, 'registerGlobalService', target, () => viewOrPreview(this.engine.register(input, dryRun)));
  }

  update(context: OperationContext, name: string, input: UpdateServiceInput, dryRun: boolean): Promise<GlobalService | RoutingPreview> {
    return this.deps.runner.run(context, 'updateGlobalService', `${SERVICE_TARGET}/${name}`, () => viewOrPreview(this.engine.update(name, input, dryRun)));
  }

  remove(context: OperationContext, name: string, dryRun: boolean): Promise<GlobalService | RoutingPreview> {
    return this.deps.runner.run(context, 'deleteGlobalService', `${SERVICE_TARGET}/${name}`, () => viewOrPreview(this.engine.remove(name, dryRun)));
  }

  listRegions(context: OperationContext, name: string): ServiceRegion[] {
    return this.deps.runner.read(context, 'listServiceRegions', () => this.engine.get(name).regions.map(toRegion));
  }

  addRegion(context: OperationContext, name: string, input: ServiceRegionInput, dryRun: boolean): Promise<ServiceRegion | RoutingPreview> {
    return this.deps.runner.run(context, 'addServiceRegion', `${SERVICE_TARGET}/${name}`, () => {
      const result = this.engine.addRegion(name, input, dryRun);
      if ('dryRun' in result) return result;
      return toRegion(result.regions.find((region) => region.regionId === input.regionId)!);
    });
  }

  removeRegion(context: OperationContext, name: string, regionId: string, dryRun: boolean): Promise<GlobalService | RoutingPreview> {
    return this.deps.runner.run(context, 'removeServiceRegion', `${SERVICE_TARGET}/${name}`, () => viewOrPreview(this.engine.removeRegion(name, regionId, dryRun)));
  }

  listInstances(context: OperationContext, name: string, regionId: string): DatabaseInstance[] {
    return this.deps.runner.read(context, 'listServiceInstances', () => regionOf(this.engine.get(name), regionId).instances.map(toInstance));
  }

  addInstance(context: OperationContext, name: string, regionId: string, input: AddInstanceInput, dryRun: boolean): Promise<DatabaseInstance | RoutingPreview> {
    return this.deps.runner.run(context, 'addServiceInstance', `${SERVICE_TARGET}/${name}`, () => {
      const result = this.engine.addInstance(name, regionId, input, dryRun);
      if ('dryRun' in result) return result;
      return toInstance(regionOf(result, regionId).instances.find((instance) => instance.instanceId === input.instanceId)!);
    });
  }

  removeInstance(context: OperationContext, name: string, regionId: string, instanceId: string, dryRun: boolean): Promise<GlobalService | RoutingPreview> {
    return this.deps.runner.run(context, 'removeServiceInstance', `${SERVICE_TARGET}/${name}`, () => viewOrPreview(this.engine.removeInstance(name, regionId, instanceId, dryRun)));
  }

  /** Routes a client; the decision is counted (and persisted), so it runs as a change. */
  route(context: OperationContext, operationId: 'routeGlobalService' | 'getGdsRouting', service: string, client: ClientLocation): Promise<RouteDecision> {
    return this.deps.runner.run(context, operationId, `${SERVICE_TARGET}/${service}`, () => this.engine.route(service, client));
  }

  latencies(context: OperationContext): LatencyMatrix {
    return this.deps.runner.read(context, 'getGdsLatencies', () => ({
      regions: this.deps.datacenterIds().sort(naturalCompare),
      cells: this.engine.latencies().map(({ measuredAtMs, ...cell }) => ({ ...cell, measuredAt: measuredAtMs === null ? null : isoTime(measuredAtMs) })),
    }));
  }

  health(context: OperationContext): ServiceHealth[] {
    return this.deps.runner.read(context, 'getGdsHealth', () =>
      this.engine.list().map((view) => ({
        name: view.spec.name,
        state: view.state,
        stateReason: view.stateReason,
        regions: view.regions.map((region) => ({
          regionId: region.regionId,
          health: regionHealth(region),
          instances: region.instances.map((instance) => ({
            id: instance.instanceId,
            health: instanceHealth(instance),
            nodeStatus: instance.nodeStatus,
            running: instance.running,
            lagMs: instance.lagMs,
            lastHealthCheck: instance.lastHeartbeatMs === null ? null : isoTime(instance.lastHeartbeatMs),
          })),
        })),
      })),
    );
  }

  statistics(context: OperationContext): GdsStatistics {
    return this.deps.runner.read(context, 'getGdsStatistics', () => {
      const views = this.engine.list();
      const servicesByState: Record<string, number> = { ACTIVE: 0, DEGRADED: 0, FAILING_OVER: 0, MAINTENANCE: 0, STOPPED: 0 };
      for (const view of views) servicesByState[view.state] = (servicesByState[view.state] ?? 0) + 1;
      const failovers = views.flatMap((view) => view.failovers);
      return {
        totalServices: views.length,
        servicesByState,
        routed: views.reduce((sum, view) => sum + view.routing.routed, 0),
        unrouted: views.reduce((sum, view) => sum + view.routing.unrouted, 0),
        failovers: {
          total: failovers.length,
          completed: failovers.filter((f) => f.status === 'COMPLETED' && f.kind !== 'FAILBACK').length,
          failed: failovers.filter((f) => f.status === 'FAILED').length,
          inProgress: failovers.filter((f) => f.status === 'IN_PROGRESS').length,
          failbacks: failovers.filter((f) => f.kind === 'FAILBACK').length,
        },
        services: views.map((view) => ({ name: view.spec.name, state: view.state, routing: view.routing })),
      };
    });
  }
}

function viewOrPreview(result: ServiceView | RoutingPreview): GlobalService | RoutingPreview {
  return 'dryRun' in result ? result : toService(result);
}

function regionOf(view: ServiceView, regionId: string): RegionView {
  const region = view.regions.find((r) => r.regionId === regionId);
  if (region === undefined) throw new DomainError('NOT_FOUND', `Service ${view.spec.name} has no region ${regionId}.`, { resource: 'gds.region', id: regionId });
  return region;
}

export function toService(view: ServiceView): GlobalService {
  const { spec } = view;
  return {
    name: spec.name,
    databaseRole: spec.databaseRole,
    locality: spec.locality,
    regionFailover: spec.regionFailover,
    lagToleranceMs: spec.lagToleranceMs,
    loadBalancing: spec.loadBalancing,
    failoverPolicy: { ...spec.failoverPolicy, priorityOrder: [...spec.failoverPolicy.priorityOrder] },
    adminState: spec.adminState,
    state: view.state,
    stateReason: view.stateReason,
    regions: view.regions.map(toRegion),
    failovers: view.failovers.map(toFailover),
    routing: { ...view.routing, byInstance: { ...view.routing.byInstance }, byClientRegion: { ...view.routing.byClientRegion } },
    createdAt: isoTime(spec.createdAtMs),
    updatedAt: isoTime(spec.updatedAtMs),
  };
}

function toFailover({ startedAtMs, endedAtMs, steps, ...rest }: FailoverRecord): ServiceFailover {
  return { ...rest, startedAt: isoTime(startedAtMs), endedAt: endedAtMs === null ? null : isoTime(endedAtMs), steps: steps.map(({ atMs, ...step }) => ({ ...step, at: isoTime(atMs) })) };
}

function toRegion(region: RegionView): ServiceRegion {
  return {
    regionId: region.regionId,
    name: region.name,
    geoRegion: region.geoRegion,
    location: { ...region.location },
    role: region.role,
    health: regionHealth(region),
    latencies: { ...region.latencies },
    databases: region.instances.map(toInstance),
  };
}

function toInstance(instance: InstanceView): DatabaseInstance {
  const address = instance.address ?? '';
  const colon = address.lastIndexOf(':');
  const port = colon >= 0 ? Number(address.slice(colon + 1)) : 0;
  return {
    id: instance.instanceId,
    host: colon >= 0 ? address.slice(0, colon) : address,
    port: Number.isSafeInteger(port) ? port : 0,
    role: instance.role,
    preference: instance.preference,
    weight: instance.weight,
    running: instance.running,
    standsFor: instance.standsForInstanceId,
    poolSize: 0,
    activeConnections: 0,
    connectionsNote: CONNECTIONS_NOTE,
    health: instanceHealth(instance),
    nodeStatus: instance.nodeStatus,
    lagMs: instance.lagMs,
    lastHealthCheck: instance.lastHeartbeatMs === null ? null : isoTime(instance.lastHeartbeatMs),
  };
}

function instanceHealth(instance: InstanceView): Health {
  if (instance.healthy) return 'UP';
  return instance.nodeStatus === 'SUSPECTED' || instance.nodeStatus === 'INITIALIZING' ? 'DEGRADED' : 'DOWN';
}

function regionHealth(region: RegionView): Health {
  const healths = region.instances.map(instanceHealth);
  if (healths.length === 0 || healths.every((health) => health === 'DOWN')) return 'DOWN';
  return healths.every((health) => health === 'UP') ? 'UP' : 'DEGRADED';
}
