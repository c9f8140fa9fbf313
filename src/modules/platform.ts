import type { HeartbeatMessage } from '../engines/cluster/cluster-nodes.js';
import { ApiKeys } from '../services/platform/api-keys.js';
import { API_VERSION } from '../services/platform/api-version.js';
import { AuditService } from '../services/platform/audit-service.js';
import { EventService } from '../services/platform/event-service.js';
import { HealthService } from '../services/platform/health-service.js';
import { MetricsService } from '../services/platform/metrics-service.js';
import { PlannedOperations } from '../services/platform/planned-operations.js';
import { DEFAULT_RATE_LIMIT_PER_KEY, RateLimiter } from '../services/platform/rate-limiter.js';
import { platformHandlers } from '../api/rest/handlers/platform/platform.js';
import { platformResolvers } from '../api/graphql/resolvers/platform/platform.js';
import { allEventsStream } from '../api/ws/streams/platform.js';
import { platformMetrics } from '../services/platform/platform-metrics.js';
import type { DomainModule } from './domain-module.js';

/**
 * The API platform itself: keys and tokens, rate limits, the audit log, the event log and its
 * stream, the server's probes and metrics, and the 501 of planned operations. Listed last: its
 * probes and metrics read the cluster and the simulation.
 */
export const platformModule: DomainModule = {
  name: 'platform',
  async assemble({ options, store, journal, runtime, bus, eventRetention, runner, auditLog, metricsRegistry, wallNow, processStartedMs, service }) {
    const cluster = service('cluster');
    const events = new EventService(bus, runner, eventRetention);
    const { apiKeys, bootstrap } = await ApiKeys.load(store, journal, runner, wallNow, options.adminKey);
    let serving = true;
    return {
      shares: { bootstrap },
      services: {
        access: runner,
        rateLimiter: new RateLimiter({ perKeyPerSecond: options.rateLimitPerKeyPerSecond ?? DEFAULT_RATE_LIMIT_PER_KEY }, wallNow),
        apiKeys,
        audit: new AuditService(auditLog, runner),
        events,
        health: new HealthService({ store, cluster, version: API_VERSION, processStartedMs, wallNow, isServing: () => serving }),
        metrics: new MetricsService(
          {
            registry: metricsRegistry,
            cluster,
            simulation: service('simulation'),
            events,
            networkStats: () => runtime.network<HeartbeatMessage>('control').stats(),
            processStartedMs,
            wallNow,
          },
          runner,
        ),
        planned: new PlannedOperations(runner),
      },
      restHandlers: [platformHandlers],
      resolvers: [platformResolvers],
      streams: [allEventsStream],
      metrics: [platformMetrics(events, eventRetention, auditLog)],
      // Closed first (modules close in reverse): readiness answers DOWN while the rest stops.
      close: () => {
        serving = false;
      },
    };
  },
};
