import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { BusEvent } from '../../../../engines/runtime/event-bus.js';
import type { HealthProbe } from '../../../../services/platform/health-service.js';
import { API_VERSION } from '../../../../services/platform/api-version.js';
import { STREAM_INTERVAL_SECONDS } from '../../../../services/platform/metrics-service.js';
import type { MetricsSnapshot } from '../../../../services/platform/metrics-watch.js';
import type { PerformanceSample } from '../../../../services/platform/performance-window.js';
import type { Services } from '../../../../services/services.js';
import { ApiError } from '../../../error-catalog.js';
import { mapFeed } from '../../map-feed.js';
import { orderOf, withoutNulls } from '../../arguments.js';

/** Snapshots a slow subscriber may have waiting; the newest are kept. */
const METRICS_STREAM_BUFFER = 4;

/** GraphQL twins of health, metrics, API keys, tokens, the audit log and the event log, and the metrics streams. */
export const platformResolvers: Resolvers = {
  Query: {
    apiVersion: () => API_VERSION,
    // Public, like the REST probes.
    health: (_parent, { probe }, { services }) => services.health.probe((probe ?? 'FULL').toLowerCase() as HealthProbe),
    metrics: async (_parent, _args, { services, operation }) => services.metrics.snapshot(await operation()),
    prometheusMetrics: async (_parent, _args, { services, operation }) => (await services.metrics.prometheus(await operation())).text,
    apiKeys: async (_parent, args, { services, operation }) => services.apiKeys.list(await operation(), withoutNulls(args)).items,
    auditEntries: async (_parent, args, { services, operation }) =>
      services.audit.list(await operation(), { ...withoutNulls(args), order: orderOf(args.order) }).items,
    events: async (_parent, args, { services, operation }) => {
      const page = await services.events.list(await operation(), {
        after: args.after ?? 0,
        limit: args.limit ?? 50,
        types: args.types ?? undefined,
        resourceId: args.resourceId ?? undefined,
      });
      return { events: page.events.map(toGraphQLEvent), nextCursor: page.nextCursor };
    },
  },
  Mutation: {
    createApiKey: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), name: input.name, role: input.role };
      contract.check('CreateApiKeyRequest', request);
      const { secret, ...key } = await services.apiKeys.create(context, request);
      return { key, secret };
    },
    revokeApiKey: async (_parent, { id }, { services, operation }) => services.apiKeys.revoke(await operation(), id),
    createAccessToken: async (_parent, { expiresInSeconds }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls({ expiresInSeconds });
      contract.check('CreateTokenRequest', request);
      return services.apiKeys.createToken(context, request.expiresInSeconds ?? 3600);
    },
  },
  Subscription: {
    events: {
      subscribe: async (_parent, args, { services, operation }) => {
        const feed = services.events.open(
          await operation(),
          'streamEvents',
          { types: args.types ?? undefined, resourceIds: args.resourceIds ?? undefined },
          args.resumeFrom ?? undefined,
        );
        return mapFeed(feed, (event) => ({ events: toGraphQLEvent(event) }));
      },
    },
    metricsStream: {
      subscribe: async (_parent, { interval }, { services, operation }) => {
        const context = await operation();
        checkInterval(interval);
        // The one metrics ticker, which /api/v1/ws/metrics uses too: on the cluster clock.
        return new Repeater<MetricsSnapshot>((push, stop) => {
          const close = services.metricsWatch.watch(context, 'streamMetrics', interval * 1000, {
            next: (metrics) => void push(metrics),
            error: (error) => stop(error),
          });
          void stop.then(close);
        }, new SlidingBuffer(METRICS_STREAM_BUFFER));
      },
      resolve: (metrics: MetricsSnapshot) => metrics,
    },
    performanceStream: {
      subscribe: async (_parent, { interval }, { services, operation }) => {
        const context = await operation();
        const seconds = interval ?? 5;
        checkInterval(seconds);
        return services.metrics.performanceFeed(context, seconds);
      },
      resolve: (performance: PerformanceSample) => performance,
    },
  },
};

/** A stream's interval is whole seconds of wall time within bounds; anything else is refused before the stream opens. */
function checkInterval(interval: number): void {
  const { min, max } = STREAM_INTERVAL_SECONDS;
  if (Number.isInteger(interval) && interval >= min && interval <= max) return;
  throw new ApiError('VALIDATION_FAILED', 'The input does not match the API contract.', {
    errors: [{ location: 'input/interval', message: `must be a whole number of seconds from ${min} to ${max}, got ${interval}`, keyword: interval < min ? 'minimum' : 'maximum' }],
  });
}

function toGraphQLEvent(event: BusEvent) {
  return { ...event, payload: event.payload as unknown };
}
