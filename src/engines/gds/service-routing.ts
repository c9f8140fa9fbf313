/**
 * Where a client's connection to a global service goes, and why every other instance was not
 * chosen (README, "Routing"). Pure but for the strategy, which remembers its turns.
 */
import type { BackendCandidate } from '../load-balancer/balancing-strategy.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { GlobalServiceSpec } from './global-service.js';

export type InstanceRole = 'PRIMARY' | 'REPLICA' | 'STANDBY';
export type ServiceState = 'ACTIVE' | 'DEGRADED' | 'FAILING_OVER' | 'MAINTENANCE' | 'STOPPED';
/** The rule that kept a candidate out, first that applies. */
export type ExclusionRule = 'SERVICE_STOPPED' | 'HEALTH' | 'ROLE' | 'NOT_PREFERRED' | 'LAG' | 'LOCALITY';

/** What the engines say of one instance now. */
export interface InstanceFacts {
  instanceId: string;
  regionId: string;
  healthy: boolean;
  role: InstanceRole;
  lagMs: number;
  /** Whether the service runs on it now (its preferred instances, or where it failed over to). */
  running: boolean;
  weight: number;
  activeConnections: number;
}

export interface RouteCandidate {
  instanceId: string;
  regionId: string;
  /** Round trip from the client's region, measured by the probes; null before the first answer. */
  latencyMs: number | null;
  lagMs: number;
  activeConnections: number;
  healthy: boolean;
  excludedBy: ExclusionRule | null;
  reason: string;
}

export interface RouteDecision {
  serviceName: string;
  clientRegionId: string;
  /** The chosen instance; null when every candidate was excluded. */
  instanceId: string | null;
  regionId: string | null;
  latencyMs: number | null;
  /** True when a LOCAL_ONLY service's region failover sent the client out of its region. */
  leftClientRegion: boolean;
  strategy: GlobalServiceSpec['loadBalancing'];
  reason: string;
  candidates: RouteCandidate[];
}

export interface Picker {
  pick(candidates: readonly BackendCandidate[]): BackendCandidate;
}

export interface RouteInput {
  spec: GlobalServiceSpec;
  state: ServiceState;
  instances: readonly InstanceFacts[];
  clientRegionId: string;
  /** Measured round trip between two regions, null when not measured (or unreachable). */
  latencyMs: (fromRegionId: string, toRegionId: string) => number | null;
  picker: Picker;
}

const ROLE_OF_SERVICE: Record<GlobalServiceSpec['databaseRole'], readonly InstanceRole[]> = { PRIMARY: ['PRIMARY'], STANDBY: ['STANDBY', 'REPLICA'] };

/** The first rule apart from locality that excludes `facts`, with its reason, or null. */
function exclusionOf(input: RouteInput, facts: InstanceFacts): { rule: ExclusionRule; reason: string } | null {
  const { spec, state } = input;
  if (state === 'STOPPED' || state === 'MAINTENANCE') return { rule: 'SERVICE_STOPPED', reason: `the service is ${state}` };
  if (!facts.healthy) return { rule: 'HEALTH', reason: `node ${facts.instanceId} is not healthy` };
  if (!ROLE_OF_SERVICE[spec.databaseRole].includes(facts.role)) return { rule: 'ROLE', reason: `the service runs on ${spec.databaseRole} databases; ${facts.instanceId} is ${facts.role}` };
  if (!facts.running) return { rule: 'NOT_PREFERRED', reason: `the service does not run on ${facts.instanceId} (an available instance, used only after a failover)` };
  if (spec.lagToleranceMs !== null && facts.lagMs > spec.lagToleranceMs) return { rule: 'LAG', reason: `lag ${facts.lagMs} ms is above the service's bound of ${spec.lagToleranceMs} ms` };
  return null;
}

/** Routes one client; counts nothing (the engine counts the decision it keeps). */
export function route(input: RouteInput): RouteDecision {
  const { spec, clientRegionId } = input;
  const base = input.instances.map((facts) => ({ facts, exclusion: exclusionOf(input, facts), latencyMs: input.latencyMs(clientRegionId, facts.regionId) }));
  const localEligible = base.some(({ facts, exclusion }) => exclusion === null && facts.regionId === clientRegionId);
  const mayLeave = spec.locality === 'ANYWHERE' || (spec.regionFailover && !localEligible);
  const candidates: RouteCandidate[] = base.map(({ facts, exclusion, latencyMs }) => {
    let excluded = exclusion;
    if (excluded === null && facts.regionId !== clientRegionId && !mayLeave) {
      excluded = {
        rule: 'LOCALITY',
        reason: spec.regionFailover ? `LOCAL_ONLY: region ${facts.regionId} is not the client's, which has an eligible instance` : `LOCAL_ONLY without region failover: region ${facts.regionId} is not the client's (${clientRegionId})`,
      };
    }
    return {
      instanceId: facts.instanceId,
      regionId: facts.regionId,
      latencyMs,
      lagMs: facts.lagMs,
      activeConnections: facts.activeConnections,
      healthy: facts.healthy,
      excludedBy: excluded?.rule ?? null,
      reason: excluded?.reason ?? 'eligible',
    };
  });
  const eligible = candidates.filter((candidate) => candidate.excludedBy === null);
  const decision = { serviceName: spec.name, clientRegionId, strategy: spec.loadBalancing, candidates };
  if (eligible.length === 0) {
    return { ...decision, instanceId: null, regionId: null, latencyMs: null, leftClientRegion: false, reason: 'no instance is eligible: every candidate is excluded by the rule it names' };
  }
  const regionRanks = rankRegions(eligible, clientRegionId);
  const weightOf = new Map(input.instances.map((facts) => [facts.instanceId, facts.weight]));
  const backends: BackendCandidate[] = eligible
    .map((candidate) => ({
      backendId: candidate.instanceId,
      weight: weightOf.get(candidate.instanceId) ?? 1,
      activeConnections: candidate.activeConnections,
      latencyEwmaMs: candidate.latencyMs,
      localityRank: regionRanks.get(candidate.regionId) ?? 0,
    }))
    .sort((a, b) => naturalCompare(a.backendId, b.backendId));
  const picked = input.picker.pick(backends);
  const chosen = eligible.find((candidate) => candidate.instanceId === picked.backendId)!;
  const leftClientRegion = chosen.regionId !== clientRegionId && spec.locality === 'LOCAL_ONLY';
  return {
    ...decision,
    instanceId: chosen.instanceId,
    regionId: chosen.regionId,
    latencyMs: chosen.latencyMs,
    leftClientRegion,
    reason: `${spec.loadBalancing} chose ${chosen.instanceId} among ${eligible.length} eligible instance(s)${leftClientRegion ? ' (region failover: the client region has none)' : ''}`,
  };
}

/** 0 for the client's region, then 1, 2, ... by measured latency (unmeasured last, by id). */
function rankRegions(candidates: readonly RouteCandidate[], clientRegionId: string): Map<string, number> {
  const latencyOf = new Map<string, number>();
  for (const candidate of candidates) latencyOf.set(candidate.regionId, candidate.latencyMs ?? Number.POSITIVE_INFINITY);
  const others = [...latencyOf.keys()].filter((regionId) => regionId !== clientRegionId).sort((a, b) => latencyOf.get(a)! - latencyOf.get(b)! || naturalCompare(a, b));
  const ranks = new Map<string, number>([[clientRegionId, 0]]);
  others.forEach((regionId, index) => ranks.set(regionId, index + 1));
  return ranks;
}
