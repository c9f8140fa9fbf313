import type { components } from '../../../../../generated/openapi-types.js';
import type { Services } from '../../../../services/services.js';
import type { HealthProbe, HealthReport } from '../../../../services/platform/health-service.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** REST handlers of health, metrics, API keys, tokens, the audit log and the event log. */
export function platformHandlers({ health, metrics, apiKeys, audit, events }: Services): HandlerTable {
  const probe = async (name: HealthProbe) => {
    const report = await health.probe(name);
    const body = { success: report.status !== 'DOWN', data: report, timestamp: new Date().toISOString() };
    return statusOfProbe(name, report) === 503 ? { status: 503 as const, body } : { status: 200 as const, body };
  };
  return {
    getLiveness: async () => ({ status: 200, body: ok(await health.probe('liveness')) }),
    getReadiness: () => probe('readiness'),
    getStartup: () => probe('startup'),
    getFullHealth: () => probe('full'),
    getMetrics: ({ context }) => ({ status: 200, body: ok(metrics.snapshot(context)) }),
    getPrometheusMetrics: async ({ context }) => {
      const { contentType, text } = await metrics.prometheus(context);
      return { status: 200, contentType, text };
    },
    listApiKeys: ({ query, context }) => ({
      status: 200,
      body: okPage(apiKeys.list(context, { role: query.role, active: query.active, limit: query.limit, offset: query.offset })),
    }),
    createApiKey: async ({ body, context }) => ({ status: 201, body: ok(await apiKeys.create(context, body)) }),
    revokeApiKey: async ({ path, context }) => ({ status: 200, body: ok(await apiKeys.revoke(context, path.id)) }),
    createAccessToken: async ({ body, context }) => ({
      status: 201,
      body: ok(await apiKeys.createToken(context, body?.expiresInSeconds ?? 3600)),
    }),
    listAuditEntries: ({ query, context }) => ({
      status: 200,
      body: okPage(
        audit.list(context, {
          operationId: query.operationId,
          actorKeyId: query.actorKeyId,
          outcome: query.outcome,
          order: query.order,
          limit: query.limit,
          offset: query.offset,
        }),
      ),
    }),
    listEvents: async ({ query, context }) => {
      const page = await events.list(context, {
        after: query.after ?? 0,
        limit: query.limit ?? 50,
        types: query.types?.split(','),
        resourceId: query.resourceId,
      });
      // Payload shapes are the engines' own; contract tests validate them against EventEnvelope.
      const data = page.events as unknown as components['schemas']['EventEnvelope'][];
      return { status: 200, body: { success: true as const, data, nextCursor: page.nextCursor, timestamp: new Date().toISOString() } };
    },
  };
}

/** Probes answer 503 when DOWN; readiness and startup also when not UP. */
function statusOfProbe(probe: HealthProbe, report: HealthReport): 200 | 503 {
  if (report.status === 'DOWN') return 503;
  return probe === 'full' || report.status === 'UP' ? 200 : 503;
}
