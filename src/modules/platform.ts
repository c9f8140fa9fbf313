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
import { platformStreams } from '../api/ws/streams/platform.js';
import { platformMetrics } from '../services/platform/platform-metrics.js';
import { DEFAULT_WEBSOCKET_LIMITS, StreamRegistry } from '../services/platform/stream-registry.js';
import { WebSocketService } from '../services/platform/websocket-service.js';
import { websocketMetrics } from '../services/platform/websocket-metrics.js';
import { MetricsWatch } from '../services/platform/metrics-watch.js';
import { QueryProgressService } from '../services/platform/query-progress.js';
import { websocketHandlers } from '../api/rest/handlers/platform/websockets.js';
import { websocketResolvers } from '../api/graphql/resolvers/platform/websockets.js';
import type { DomainModule } from './domain-module.js';

/**
 * The API platform itself: keys and tokens, rate limits, the audit log, the event log and its
 * stream, the metrics and query streams and the generic socket with their registry, the server's
 * probes and metrics, and the 501 of planned operations. Listed last: its probes and metrics read
 * the cluster and the simulation, and its query streams every domain's long queries.
 */
export const platformModule: DomainModule = {
  name: 'platform',
  async assemble({ options, store, journal, runtime, bus, eventRetention, runner, auditLog, metricsRegistry, longQueries, wallNow, processStartedMs, service }) {
    const cluster = service('cluster');
    const events = new EventService(bus, runner, eventRetention);
    const { apiKeys, bootstrap } = await ApiKeys.load(store, journal, runner, wallNow, options.adminKey);
    const metrics = new MetricsService(
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
    );
    const streamRegistry = new StreamRegistry({ ...DEFAULT_WEBSOCKET_LIMITS, ...options.webSocketLimits }, wallNow);
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
        metrics,
        metricsWatch: new MetricsWatch(metrics, runtime.clock, runner),
        queryProgress: new QueryProgressService(longQueries, bus, runtime.clock, runner),
        streamRegistry,
        websockets: new WebSocketService(streamRegistry, runner),
        planned: new PlannedOperations(runner),
      },
      restHandlers: [platformHandlers, websocketHandlers],
      resolvers: [platformResolvers, websocketResolvers],
      streams: platformStreams,
      metrics: [platformMetrics(events, eventRetention, auditLog), websocketMetrics(streamRegistry)],
      // Closed first (modules close in reverse): readiness answers DOWN while the rest stops.
      close: () => {
        serving = false;
      },
    };
  },
};
