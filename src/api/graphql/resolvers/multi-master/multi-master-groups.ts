import type { Resolvers } from '../../../../../generated/graphql/resolvers-types.js';
import type { CreateGroupInput, SiteInput } from '../../../../engines/multi-master/multi-master-engine.js';
import type { GroupSettings } from '../../../../engines/multi-master/group-catalog.js';
import type { ReplicateRequest } from '../../../../services/multi-master/multi-master-service.js';
import { nullIfNotFound, withoutNulls } from '../../arguments.js';

type Out = never;

/** GraphQL twins of /api/v1/advanced-replication/multi-master (groups, sites, replicate, quorum, convergence, statistics). */
export const multiMasterResolvers: Resolvers = {
  Query: {
    multiMasterGroups: async (_parent, args, { services, operation }) =>
      services.multiMaster.listGroups(await operation(), 'listMultiMasterGroups', { limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items as Out,
    multiMasterGroup: async (_parent, { id }, { services, operation }) => {
      const context = await operation();
      return nullIfNotFound(() => services.multiMaster.getGroup(context, 'getMultiMasterGroup', id)) as Out;
    },
    multiMasterSites: async (_parent, args, { services, operation }) =>
      services.multiMaster.listSites(await operation(), { groupId: args.groupId ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items as Out,
    multiMasterQuorumStatus: async (_parent, args, { services, operation }) =>
      services.multiMaster.quorumStatus(await operation(), { groupId: args.groupId ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items as Out,
    multiMasterConvergenceStatus: async (_parent, args, { services, operation }) =>
      services.multiMaster.convergence(await operation(), 'getMultiMasterConvergence', { groupId: args.groupId ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined }).items as Out,
    multiMasterStatistics: async (_parent, _args, { services, operation }) => services.multiMaster.statistics(await operation(), 'getMultiMasterStatistics') as Out,
  },
  Mutation: {
    createReplicationGroup: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls({ ...input, sites: undefined }), sites: input.sites.map((site) => withoutNulls(site)) };
      contract.check('CreateMultiMasterGroupRequest', request);
      return (await services.multiMaster.createGroup(context, 'createMultiMasterGroup', request as unknown as CreateGroupInput)) as Out;
    },
    updateReplicationGroup: async (_parent, { id, input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(input);
      contract.check('UpdateMultiMasterGroupRequest', request);
      return (await services.multiMaster.updateGroup(context, id, request as unknown as GroupSettings)) as Out;
    },
    deleteReplicationGroup: async (_parent, { id }, { services, operation }) => (await services.multiMaster.deleteGroup(await operation(), 'deleteMultiMasterGroup', id)).deleted,
    addSiteToGroup: async (_parent, { groupId, site }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls(site);
      contract.check('SiteInput', request);
      return (await services.multiMaster.addSite(context, 'addMultiMasterSite', groupId, request as SiteInput)) as Out;
    },
    removeSiteFromGroup: async (_parent, { groupId, siteId }, { services, operation }) => {
      await services.multiMaster.removeSite(await operation(), 'removeMultiMasterSite', groupId, siteId);
      return true;
    },
    replicateMultiMaster: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = withoutNulls({ ...input, writes: input.writes?.map((write) => withoutNulls(write)), rows: input.rows?.map((row) => ({ ...row })) });
      contract.check('ReplicateRequest', request);
      return (await services.multiMaster.replicate(context, request as unknown as ReplicateRequest)).result as Out;
    },
  },
};
