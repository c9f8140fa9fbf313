/**
 * A global service's definition and Oracle's validations of it (README, "What a service is" and
 * "Policy and Oracle's validations"). Pure: the datacenters are passed in.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { Datacenter } from '../geo/datacenters.js';
import {
  MAX_FAILOVER_RETRIES, MAX_FAILOVER_TIMEOUT_MS, MAX_INSTANCE_WEIGHT, MAX_LAG_TOLERANCE_MS, MAX_PRIORITY_ORDER,
  MAX_REGION_INSTANCES, MAX_SERVICE_NAME_LENGTH, MAX_SERVICE_REGIONS,
} from './gds-config.js';

export type RegionRole = 'PRIMARY' | 'STANDBY' | 'READ_ONLY' | 'DISASTER_RECOVERY';
export type ServiceDatabaseRole = 'PRIMARY' | 'STANDBY';
export type Locality = 'ANYWHERE' | 'LOCAL_ONLY';
export type GdsStrategyName = 'ROUND_ROBIN' | 'LEAST_CONNECTIONS' | 'LEAST_LATENCY' | 'WEIGHTED' | 'LOCALITY_AWARE';
export type InstancePreference = 'PREFERRED' | 'AVAILABLE';
export type AdminState = 'STARTED' | 'STOPPED' | 'MAINTENANCE';

export const GDS_STRATEGIES: readonly GdsStrategyName[] = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'LEAST_LATENCY', 'WEIGHTED', 'LOCALITY_AWARE'];
const REGION_ROLES: readonly RegionRole[] = ['PRIMARY', 'STANDBY', 'READ_ONLY', 'DISASTER_RECOVERY'];

export interface FailoverPolicy {
  autoFailover: boolean;
  /** How long one relocation attempt may wait for a target before the next. */
  timeoutMs: number;
  maxRetries: number;
  /** Region ids to fail over to, first first. */
  priorityOrder: string[];
  /** Move back to the preferred instances once they are healthy again. */
  failback: boolean;
}

export interface ServiceInstanceSpec {
  instanceId: string;
  preference: InstancePreference;
  weight: number;
}

export interface ServiceRegionSpec {
  regionId: string;
  role: RegionRole;
  instances: ServiceInstanceSpec[];
}

export interface GlobalServiceSpec {
  name: string;
  databaseRole: ServiceDatabaseRole;
  locality: Locality;
  regionFailover: boolean;
  lagToleranceMs: number | null;
  loadBalancing: GdsStrategyName;
  failoverPolicy: FailoverPolicy;
  regions: ServiceRegionSpec[];
  adminState: AdminState;
  createdAtMs: number;
  updatedAtMs: number;
}

/** A region as a request gives it, GDSCTL style: the preferred and available node ids. */
export interface ServiceRegionInput {
  regionId: string;
  role?: RegionRole;
  preferred?: string[];
  available?: string[];
  /** Every node of the datacenter preferred (GDSCTL -preferred_all). */
  preferredAll?: boolean;
  /** Weights for WEIGHTED, by node id; 1 when absent. */
  weights?: Record<string, number>;
}

export interface RegisterServiceInput {
  name: string;
  databaseRole?: ServiceDatabaseRole;
  locality?: Locality;
  regionFailover?: boolean;
  lagToleranceMs?: number | null;
  loadBalancing?: string;
  failoverPolicy?: Partial<FailoverPolicy>;
  regions?: ServiceRegionInput[];
}

export type UpdateServiceInput = Partial<Omit<RegisterServiceInput, 'name' | 'regions' | 'failoverPolicy'>> & {
  failoverPolicy?: Partial<FailoverPolicy>;
  adminState?: AdminState;
};

export interface AddInstanceInput {
  instanceId: string;
  preference?: InstancePreference;
  weight?: number;
}

export const DEFAULT_FAILOVER_POLICY: FailoverPolicy = Object.freeze({ autoFailover: true, timeoutMs: 30_000, maxRetries: 3, priorityOrder: [], failback: false }) as FailoverPolicy;

const NAME_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;

/** Throws UNPROCESSABLE naming the rule. */
export function ruleBroken(rule: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('UNPROCESSABLE', `${rule}: ${message}`, { rule, ...details });
}

/** The region of a request, validated against its datacenter. */
export function regionSpecOf(input: ServiceRegionInput, datacenter: Datacenter): ServiceRegionSpec {
  const preferred = input.preferredAll === true ? [...datacenter.nodeIds] : [...(input.preferred ?? [])];
  const available = (input.available ?? []).filter((id) => input.preferredAll !== true || !preferred.includes(id));
  const both = preferred.filter((id) => (input.available ?? []).includes(id));
  if (both.length > 0) ruleBroken('PREFERRED_AND_AVAILABLE', `instance(s) ${both.join(', ')} cannot be both preferred and available.`, { instanceIds: both, regionId: input.regionId });
  if (input.role !== undefined && !REGION_ROLES.includes(input.role)) ruleBroken('REGION_ROLE', `role must be one of ${REGION_ROLES.join(', ')}.`);
  const instances: ServiceInstanceSpec[] = [];
  const seen = new Set<string>();
  for (const [instanceId, preference] of [...preferred.map((id) => [id, 'PREFERRED'] as const), ...available.map((id) => [id, 'AVAILABLE'] as const)]) {
    if (seen.has(instanceId)) continue;
    seen.add(instanceId);
    instances.push({ instanceId, preference, weight: input.weights?.[instanceId] ?? 1 });
  }
  const spec: ServiceRegionSpec = { regionId: input.regionId, role: input.role ?? 'PRIMARY', instances };
  assertRegion(spec, datacenter);
  return spec;
}

export function assertRegion(region: ServiceRegionSpec, datacenter: Datacenter): void {
  if (region.instances.length > MAX_REGION_INSTANCES) ruleBroken('LIMIT', `a region has at most ${MAX_REGION_INSTANCES} instances.`);
  for (const instance of region.instances) {
    if (!datacenter.nodeIds.includes(instance.instanceId)) {
      ruleBroken('INSTANCE_OUTSIDE_REGION', `instance ${instance.instanceId} is not a node of datacenter ${datacenter.datacenterId} (its nodes: ${datacenter.nodeIds.join(', ') || 'none'}).`, {
        instanceId: instance.instanceId,
        regionId: datacenter.datacenterId,
      });
    }
    if (!Number.isSafeInteger(instance.weight) || instance.weight < 1 || instance.weight > MAX_INSTANCE_WEIGHT) ruleBroken('WEIGHT', `weight must be a whole number from 1 to ${MAX_INSTANCE_WEIGHT}.`);
  }
}

/** The service-wide rules: names, ranges, ORA-45520 and ORA-45512. */
export function assertService(spec: GlobalServiceSpec): void {
  if (spec.name.length === 0 || spec.name.length > MAX_SERVICE_NAME_LENGTH || !NAME_PATTERN.test(spec.name)) {
    ruleBroken('SERVICE_NAME', `a service name is 1 to ${MAX_SERVICE_NAME_LENGTH} of lowercase letters, digits, "_", "." and "-", starting with a letter or digit.`);
  }
  if (!GDS_STRATEGIES.includes(spec.loadBalancing)) ruleBroken('LOAD_BALANCING', `loadBalancing must be one of ${GDS_STRATEGIES.join(', ')} (CUSTOM is not supported).`, { loadBalancing: spec.loadBalancing });
  if (spec.locality === 'ANYWHERE' && spec.regionFailover) {
    ruleBroken('ORA-45520', 'region failover cannot be set for a service with locality ANYWHERE (it already runs in any region).');
  }
  if (spec.lagToleranceMs !== null && (!Number.isSafeInteger(spec.lagToleranceMs) || spec.lagToleranceMs < 0 || spec.lagToleranceMs > MAX_LAG_TOLERANCE_MS)) {
    ruleBroken('LAG_TOLERANCE', `lagToleranceMs must be a whole number from 0 to ${MAX_LAG_TOLERANCE_MS}, or null.`);
  }
  const policy = spec.failoverPolicy;
  if (!Number.isSafeInteger(policy.timeoutMs) || policy.timeoutMs < 1 || policy.timeoutMs > MAX_FAILOVER_TIMEOUT_MS) ruleBroken('FAILOVER_POLICY', `timeoutMs must be from 1 to ${MAX_FAILOVER_TIMEOUT_MS}.`);
  if (!Number.isSafeInteger(policy.maxRetries) || policy.maxRetries < 0 || policy.maxRetries > MAX_FAILOVER_RETRIES) ruleBroken('FAILOVER_POLICY', `maxRetries must be from 0 to ${MAX_FAILOVER_RETRIES}.`);
  if (policy.priorityOrder.length > MAX_PRIORITY_ORDER) ruleBroken('FAILOVER_POLICY', `priorityOrder names at most ${MAX_PRIORITY_ORDER} regions.`);
  if (spec.regions.length > MAX_SERVICE_REGIONS) ruleBroken('LIMIT', `a service has at most ${MAX_SERVICE_REGIONS} regions.`);
  const regionIds = spec.regions.map((region) => region.regionId);
  const repeated = regionIds.filter((id, index) => regionIds.indexOf(id) !== index);
  if (repeated.length > 0) ruleBroken('REGION_TWICE', `region(s) ${[...new Set(repeated)].join(', ')} listed twice.`);
  if (spec.locality === 'LOCAL_ONLY') {
    const bare = spec.regions.filter((region) => !region.instances.some((instance) => instance.preference === 'PREFERRED')).map((region) => region.regionId);
    if (bare.length > 0) {
      ruleBroken('ORA-45512', `a LOCAL_ONLY service needs a preferred instance in each region; ${bare.join(', ')} has none.`, { regionIds: bare });
    }
  }
}

/** The spec of a new service, defaults filled, every rule checked. */
export function serviceSpecOf(input: RegisterServiceInput, datacenterOf: (regionId: string) => Datacenter, nowMs: number): GlobalServiceSpec {
  const spec: GlobalServiceSpec = {
    name: input.name,
    databaseRole: input.databaseRole ?? 'PRIMARY',
    locality: input.locality ?? 'ANYWHERE',
    regionFailover: input.regionFailover ?? false,
    lagToleranceMs: input.lagToleranceMs ?? null,
    loadBalancing: (input.loadBalancing ?? 'LEAST_LATENCY') as GdsStrategyName,
    failoverPolicy: { ...DEFAULT_FAILOVER_POLICY, ...input.failoverPolicy, priorityOrder: [...(input.failoverPolicy?.priorityOrder ?? [])] },
    regions: (input.regions ?? []).map((region) => regionSpecOf(region, datacenterOf(region.regionId))),
    adminState: 'STARTED',
    createdAtMs: nowMs,
    updatedAtMs: nowMs,
  };
  assertService(spec);
  return spec;
}

/** The spec after an update; every rule checked again. */
export function updatedSpecOf(spec: GlobalServiceSpec, input: UpdateServiceInput, nowMs: number): GlobalServiceSpec {
  const next: GlobalServiceSpec = {
    ...spec,
    ...(input.databaseRole !== undefined ? { databaseRole: input.databaseRole } : {}),
    ...(input.locality !== undefined ? { locality: input.locality } : {}),
    ...(input.regionFailover !== undefined ? { regionFailover: input.regionFailover } : {}),
    ...(input.lagToleranceMs !== undefined ? { lagToleranceMs: input.lagToleranceMs } : {}),
    ...(input.loadBalancing !== undefined ? { loadBalancing: input.loadBalancing as GdsStrategyName } : {}),
    ...(input.adminState !== undefined ? { adminState: input.adminState } : {}),
    failoverPolicy: { ...spec.failoverPolicy, ...input.failoverPolicy, priorityOrder: [...(input.failoverPolicy?.priorityOrder ?? spec.failoverPolicy.priorityOrder)] },
    updatedAtMs: nowMs,
  };
  assertService(next);
  return next;
}
