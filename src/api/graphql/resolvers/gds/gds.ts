import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { AddInstanceInput, RegisterServiceInput, ServiceRegionInput, UpdateServiceInput } from '../../../../engines/gds/global-service.js';
import type { GlobalService, ServiceRegion, DatabaseInstance } from '../../../../services/gds/gds-service.js';
import { nullIfNotFound, withoutNulls } from '../../arguments.js';

/** The result of a mutation run without a dry run: never the preview. */
function applied<T>(result: T | { dryRun: true }): T {
  return result as T;
}

/** GraphQL twins of /api/v1/advanced-replication/gds (dry runs are REST's `?dryRun=true`). */
export const gdsResolvers: Resolvers = {
  Query: {
    globalServices: async (_parent, args, { services, operation }) =>
      services.gds.list(await operation(), { limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items,
    gdsServices: async (_parent, _args, { services, operation }) => services.gds.list(await operation(), { limit: 1000 }).items,
    globalService: async (_parent, { name }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.gds.get(context, name));
    },
    globalServiceRegions: async (_parent, { service }, { services, operation }) => services.gds.listRegions(await operation(), service),
    globalServiceInstances: async (_parent, { service, regionId }, { services, operation }) => services.gds.listInstances(await operation(), service, regionId),
    gdsLatencies: async (_parent, _args, { services, operation }) => services.gds.latencies(await operation()),
    gdsHealth: async (_parent, _args, { services, operation }) => services.gds.health(await operation()),
    gdsStatistics: async (_parent, _args, { services, operation }) => services.gds.statistics(await operation()),
  },
  Mutation: {
    registerGlobalService: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), name: input.name, regions: input.regions?.map((region) => withoutNulls(region)) };
      if (request.failoverPolicy) request.failoverPolicy = withoutNulls(request.failoverPolicy) as typeof request.failoverPolicy;
      contract.check('RegisterGlobalServiceRequest', request);
      return applied<GlobalService>(await services.gds.register(context, request as RegisterServiceInput, false));
    },
    updateGlobalService: async (_parent, { name, input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), ...(input.lagToleranceMs === null ? { lagToleranceMs: null } : {}) };
      if (request.failoverPolicy) request.failoverPolicy = withoutNulls(request.failoverPolicy) as typeof request.failoverPolicy;
      contract.check('UpdateGlobalServiceRequest', request);
      return applied<GlobalService>(await services.gds.update(context, name, request as UpdateServiceInput, false));
    },
    removeGlobalService: async (_parent, { name }, { services, operation }) => applied<GlobalService>(await services.gds.remove(await operation(), name, false)),
    addServiceRegion: async (_parent, { service, region }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(region);
      contract.check('ServiceRegionRequest', request);
      return applied<ServiceRegion>(await services.gds.addRegion(context, service, request as ServiceRegionInput, false));
    },
    removeServiceRegion: async (_parent, { service, regionId }, { services, operation }) =>
      applied<GlobalService>(await services.gds.removeRegion(await operation(), service, regionId, false)),
    addServiceInstance: async (_parent, { service, regionId, instance }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(instance);
      contract.check('AddServiceInstanceRequest', request);
      return applied<DatabaseInstance>(await services.gds.addInstance(context, service, regionId, request as AddInstanceInput, false));
    },
    removeServiceInstance: async (_parent, { service, regionId, instanceId }, { services, operation }) =>
      applied<GlobalService>(await services.gds.removeInstance(await operation(), service, regionId, instanceId, false)),
    routeGlobalService: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('RouteRequest', request);
      const { service, ...client } = request;
      return services.gds.route(context, 'routeGlobalService', service!, client);
    },
  },
};
