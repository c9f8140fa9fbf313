import type { ClientLocation, RoutingPreview } from '../../../../engines/gds/gds-engine.js';
import type { AddInstanceInput, RegisterServiceInput, ServiceRegionInput, UpdateServiceInput } from '../../../../engines/gds/global-service.js';
import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { Services } from '../../../../services/services.js';
import type { DatabaseInstance, GlobalService, ServiceRegion } from '../../../../services/gds/gds-service.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/** A creation answers 201 with what it made, or 200 with the routing preview of a dry run. */
function created<T extends object>(result: T | RoutingPreview) {
  return 'dryRun' in result ? { status: 200 as const, body: ok(result as RoutingPreview) } : { status: 201 as const, body: ok(result as T) };
}

/**
 * REST handlers of /api/v1/advanced-replication/gds and of the seeds' variant paths
 * (/api/v1/gds/…, /api/v1/replication/gds/services), each bound to its primary twin's handler.
 */
export function gdsHandlers({ gds }: Services): HandlerTable {
  const list = (context: OperationContext, query: { limit?: number; offset?: number }) => ({ status: 200 as const, body: okPage(gds.list(context, query)) });
  const register = async (context: OperationContext, body: unknown, query: { dryRun?: boolean }) => created<GlobalService>(await gds.register(context, body as RegisterServiceInput, query.dryRun ?? false));
  const get = (context: OperationContext, name: string) => ({ status: 200 as const, body: ok(gds.get(context, name)) });
  const remove = async (context: OperationContext, name: string, query: { dryRun?: boolean }) => ({ status: 200 as const, body: ok(await gds.remove(context, name, query.dryRun ?? false)) });
  const addRegion = async (context: OperationContext, name: string, body: unknown, query: { dryRun?: boolean }) =>
    created<ServiceRegion>(await gds.addRegion(context, name, body as ServiceRegionInput, query.dryRun ?? false));
  const removeRegion = async (context: OperationContext, name: string, regionId: string, query: { dryRun?: boolean }) => ({
    status: 200 as const,
    body: ok(await gds.removeRegion(context, name, regionId, query.dryRun ?? false)),
  });
  const statistics = (context: OperationContext) => ({ status: 200 as const, body: ok(gds.statistics(context)) });
  return {
    listGlobalServices: ({ query, context }) => list(context, query),
    listGlobalServicesAlias: ({ query, context }) => list(context, query),
    listGlobalServicesReplicationAlias: ({ query, context }) => list(context, query),
    registerGlobalService: ({ body, query, context }) => register(context, body, query),
    registerGlobalServiceAlias: ({ body, query, context }) => register(context, body, query),
    registerGlobalServiceReplicationAlias: ({ body, query, context }) => register(context, body, query),
    getGlobalService: ({ path, context }) => get(context, path.name),
    getGlobalServiceAlias: ({ path, context }) => get(context, path.name),
    updateGlobalService: async ({ path, body, query, context }) => ({ status: 200, body: ok(await gds.update(context, path.name, body as UpdateServiceInput, query.dryRun ?? false)) }),
    deleteGlobalService: ({ path, query, context }) => remove(context, path.name, query),
    deleteGlobalServiceAlias: ({ path, query, context }) => remove(context, path.name, query),
    listServiceRegions: ({ path, context }) => ({ status: 200, body: ok(gds.listRegions(context, path.name)) }),
    addServiceRegion: ({ path, body, query, context }) => addRegion(context, path.name, body, query),
    addServiceRegionAlias: ({ path, body, query, context }) => addRegion(context, path.name, body, query),
    removeServiceRegion: ({ path, query, context }) => removeRegion(context, path.serviceName, path.regionId, query),
    removeServiceRegionAlias: ({ path, query, context }) => removeRegion(context, path.name, path.id, query),
    listServiceInstances: ({ path, context }) => ({ status: 200, body: ok(gds.listInstances(context, path.serviceName, path.regionId)) }),
    addServiceInstance: async ({ path, body, query, context }) => created<DatabaseInstance>(await gds.addInstance(context, path.serviceName, path.regionId, body as AddInstanceInput, query.dryRun ?? false)),
    removeServiceInstance: async ({ path, query, context }) => ({
      status: 200,
      body: ok(await gds.removeInstance(context, path.serviceName, path.regionId, path.instanceId, query.dryRun ?? false)),
    }),
    routeGlobalService: async ({ body, context }) => {
      const { service, ...client } = body as ClientLocation & { service: string };
      return { status: 200, body: ok(await gds.route(context, 'routeGlobalService', service, client)) };
    },
    getGdsRouting: async ({ query, context }) => {
      const { service, ...client } = query as ClientLocation & { service: string };
      return { status: 200, body: ok(await gds.route(context, 'getGdsRouting', service, client)) };
    },
    getGdsLatencies: ({ context }) => ({ status: 200, body: ok(gds.latencies(context)) }),
    getGdsHealth: ({ context }) => ({ status: 200, body: ok(gds.health(context)) }),
    getGdsStatistics: ({ context }) => statistics(context),
    getGdsStatisticsAlias: ({ context }) => statistics(context),
  };
}
