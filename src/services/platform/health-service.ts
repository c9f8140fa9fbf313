import type { Store } from '../../store/port.js';
import type { ClusterService } from '../cluster/cluster-service.js';

export type HealthStatus = 'UP' | 'DEGRADED' | 'DOWN';
export type HealthProbe = 'liveness' | 'readiness' | 'startup' | 'full';

export interface HealthCheck {
  name: string;
  status: HealthStatus;
  message: string;
}

export interface HealthReport {
  status: HealthStatus;
  checks: HealthCheck[];
  startedAt: string;
  uptimeSeconds: number;
  version: string;
}

export interface HealthSources {
  store: Store;
  cluster: ClusterService;
  version: string;
  processStartedMs: number;
  wallNow: () => number;
  /** Whether stored state is loaded and the runtime runs; false while starting or stopping. */
  isServing: () => boolean;
}

/** The four probes. Public: they take no caller. */
export class HealthService {
  constructor(private readonly sources: HealthSources) {}

  async probe(probe: HealthProbe): Promise<HealthReport> {
    const checks = await this.checksFor(probe);
    const status: HealthStatus = checks.some((check) => check.status === 'DOWN')
      ? 'DOWN'
      : checks.some((check) => check.status === 'DEGRADED')
        ? 'DEGRADED'
        : 'UP';
    return {
      status,
      checks,
      startedAt: new Date(this.sources.processStartedMs).toISOString(),
      uptimeSeconds: Math.floor((this.sources.wallNow() - this.sources.processStartedMs) / 1000),
      version: this.sources.version,
    };
  }

  private async checksFor(probe: HealthProbe): Promise<HealthCheck[]> {
    switch (probe) {
      case 'liveness':
        return [];
      case 'startup':
        return [this.servingCheck()];
      case 'readiness':
        return [this.servingCheck(), await this.storeCheck()];
      case 'full':
        return [this.servingCheck(), await this.storeCheck(), this.quorumCheck()];
    }
  }

  private servingCheck(): HealthCheck {
    return this.sources.isServing()
      ? { name: 'runtime', status: 'UP', message: 'Stored state is loaded and the cluster runtime runs.' }
      : { name: 'runtime', status: 'DOWN', message: 'The server is starting or shutting down.' };
  }

  private async storeCheck(): Promise<HealthCheck> {
    try {
      await this.sources.store.lastEventCursor();
      return { name: 'store', status: 'UP', message: 'The store answered a read.' };
    } catch (error) {
      return { name: 'store', status: 'DOWN', message: `The store failed a read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Without quorum the cluster commits nothing, so it is DOWN (and the full probe 503); with quorum but unhealthy nodes, DEGRADED. */
  private quorumCheck(): HealthCheck {
    const summary = this.sources.cluster.summary();
    const counts = `${summary.healthyNodes}/${summary.totalNodes} nodes healthy, quorum ${summary.quorumSize}, state ${summary.state}`;
    if (!summary.hasQuorum) return { name: 'cluster', status: 'DOWN', message: `The cluster has no quorum, so it commits nothing: ${counts}.` };
    if (summary.healthyNodes < summary.totalNodes) return { name: 'cluster', status: 'DEGRADED', message: `Some nodes are unhealthy: ${counts}.` };
    return { name: 'cluster', status: 'UP', message: `The cluster is operational: ${counts}.` };
  }
}
