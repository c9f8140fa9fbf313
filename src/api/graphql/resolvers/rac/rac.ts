import type { CacheFusionTransfer, GrdAffinity, GrdResource, RacInstance, Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import { orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of /api/v1/rac: the cluster and its instances, Cache Fusion, the GRD and the interconnect. */
export const racResolvers: Resolvers = {
  Query: {
    racCluster: async (_parent, _args, { services, operation }) => {
      const context = await operation();
      const status = services.rac.getClusterStatus(context);
      return {
        clusterName: status.clusterName,
        state: status.state,
        nodes: services.rac.listInstances(context, { limit: 1000 }).items as RacInstance[],
        statistics: services.rac.getStatistics(context),
        health: services.clusterHealth.health(context),
        config: status.config,
      };
    },
    racClusterStatus: async (_parent, _args, { services, operation }) => services.rac.getClusterStatus(await operation()),
    racInstances: async (_parent, args, { services, operation }) =>
      services.rac.listInstances(await operation(), {
        status: args.status ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as RacInstance[],
    racClusterStatistics: async (_parent, _args, { services, operation }) => services.rac.getStatistics(await operation()),
    bufferPoolStats: async (_parent, _args, { services, operation }) => services.rac.bufferPool(await operation()),
    racCacheFusionStatus: async (_parent, _args, { services, operation }) => services.rac.getCacheFusionStatus(await operation()),
    racCacheFusionStats: async (_parent, _args, { services, operation }) => services.rac.getCacheFusionStatistics(await operation()),
    cacheFusionStats: async (_parent, _args, { services, operation }) => services.rac.getCacheFusionStatistics(await operation(), 'getCacheFusionStatisticsAlias'),
    cacheFusionTransfers: async (_parent, args, { services, operation }) =>
      services.rac.listTransfers(await operation(), {
        instanceId: args.instanceId ?? undefined,
        blockId: args.blockId ?? undefined,
        mode: args.mode === 'N' ? undefined : (args.mode ?? undefined),
        way: args.way ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as CacheFusionTransfer[],
    racGrdTopology: async (_parent, _args, { services, operation }) => services.rac.getGrdTopology(await operation()),
    grdTopology: async (_parent, _args, { services, operation }) => services.rac.getGrdTopology(await operation()),
    grdResources: async (_parent, args, { services, operation }) =>
      services.rac.listResources(await operation(), {
        masterInstance: args.masterInstance ?? undefined,
        resourceType: args.resourceType ?? undefined,
        frozen: args.frozen ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as GrdResource[],
    grdAffinity: async (_parent, args, { services, operation }) =>
      services.rac.listAffinity(await operation(), {
        instanceId: args.instanceId ?? undefined,
        aboveThreshold: args.aboveThreshold ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as GrdAffinity[],
    racInterconnectStatus: async (_parent, _args, { services, operation }) => services.rac.getInterconnectStatus(await operation()),
    racInterconnectStatistics: async (_parent, _args, { services, operation }) => services.rac.getInterconnectStatistics(await operation()),
    racInterconnectLatency: async (_parent, _args, { services, operation }) => services.rac.getInterconnectLatency(await operation()),
  },
  Mutation: {
    startRacCluster: async (_parent, _args, { services, operation }) => services.rac.start(await operation()),
    stopRacCluster: async (_parent, _args, { services, operation }) => (await services.rac.stop(await operation())).state === 'STOPPED',
    racRebalance: async (_parent, _args, { services, operation }) => services.rac.rebalance(await operation()),
    racFlushCache: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('FlushCacheRequest', request);
      return services.rac.flush(context, request);
    },
    racGrdRemaster: async (_parent, args, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(args);
      contract.check('RemasterRequest', request);
      return services.rac.remaster(context, request);
    },
    // True when the resource moved (or moves once its request finishes) or already was there.
    remasterResource: async (_parent, { resourceId, targetNode }, { services, contract, operation }) => {
      const context = await operation();
      const request = { resourceId, targetNode };
      contract.check('RemasterRequest', request);
      const result = await services.rac.remaster(context, request);
      return result.remasteredResources + result.unchangedResources === 1;
    },
    // Every resource to nodeId; true when none had to be skipped.
    remasterGRDResources: async (_parent, { nodeId }, { services, contract, operation }) => {
      const context = await operation();
      const request = { targetNode: nodeId };
      contract.check('RemasterRequest', request);
      const result = await services.rac.remaster(context, request);
      return result.skippedResources === 0;
    },
  },
};
