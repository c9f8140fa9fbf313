/** Limits and timings of global data services (README, "Limits"). */
export const MAX_SERVICES = 256;
export const MAX_SERVICE_REGIONS = 64;
export const MAX_REGION_INSTANCES = 256;
export const MAX_FAILOVERS_KEPT = 32;
export const MAX_PRIORITY_ORDER = 64;
export const MAX_SERVICE_NAME_LENGTH = 63;
export const MAX_FAILOVER_RETRIES = 100;
export const MAX_FAILOVER_TIMEOUT_MS = 3_600_000;
export const MAX_LAG_TOLERANCE_MS = 86_400_000;
export const MAX_INSTANCE_WEIGHT = 1000;

export interface GdsTimings {
  /** How often services are checked besides node health changes. */
  checkIntervalMs: number;
  /** How long a service takes to start on the instance it relocates to. */
  relocationMs: number;
  /** How often the latency probes go out. */
  probeIntervalMs: number;
  /** A probe not answered within this is unreachable. */
  probeTimeoutMs: number;
}

export const DEFAULT_GDS_TIMINGS: GdsTimings = Object.freeze({ checkIntervalMs: 1000, relocationMs: 200, probeIntervalMs: 1000, probeTimeoutMs: 2000 });
