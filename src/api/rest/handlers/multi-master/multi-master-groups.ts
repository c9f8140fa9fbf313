import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { Services } from '../../../../services/services.js';
import type { CreateGroupInput, SiteInput } from '../../../../engines/multi-master/multi-master-engine.js';
import type { ReplicateRequest } from '../../../../services/multi-master/multi-master-service.js';
import { ok, okPage } from '../../envelope.js';
import type { HandlerTable } from '../../handler-types.js';

/**
 * REST handlers of /api/v1/advanced-replication/multi-master and of the seeds' variant paths
 * (/api/v1/replication/multi-master/…, /api/v1/replication/groups…), each alias bound to the
 * handler of its primary twin.
 */
export function multiMasterHandlers({ multiMaster }: Services): HandlerTable {
  const list = (context: OperationContext, operationId: string, query: { limit?: number; offset?: number }) => ({
    status: 200 as const,
    body: okPage(multiMaster.listGroups(context, operationId, { limit: query.limit, offset: query.offset })),
  });
  const create = async (context: OperationContext, operationId: string, body: unknown) => ({ status: 201 as const, body: ok(await multiMaster.createGroup(context, operationId, body as CreateGroupInput)) });
  const get = (context: OperationContext, operationId: string, groupId: string) => ({ status: 200 as const, body: ok(multiMaster.getGroup(context, operationId, groupId)) });
  const remove = async (context: OperationContext, operationId: string, groupId: string) => ({ status: 200 as const, body: ok(await multiMaster.deleteGroup(context, operationId, groupId)) });
  const addSite = async (context: OperationContext, operationId: string, groupId: string, body: unknown) => ({
    status: 201 as const,
    body: ok(await multiMaster.addSite(context, operationId, groupId, body as SiteInput)),
  });
  const removeSite = async (context: OperationContext, operationId: string, groupId: string, siteId: string) => ({
    status: 200 as const,
    body: ok(await multiMaster.removeSite(context, operationId, groupId, siteId)),
  });
  const convergence = (context: OperationContext, operationId: string, query: { limit?: number; offset?: number; groupId?: string }) => ({
    status: 200 as const,
    body: okPage(multiMaster.convergence(context, operationId, query)),
  });
  const statistics = (context: OperationContext, operationId: string) => ({ status: 200 as const, body: ok(multiMaster.statistics(context, operationId)) });
  return {
    listMultiMasterGroups: ({ query, context }) => list(context, 'listMultiMasterGroups', query),
    listMultiMasterGroupsAlias: ({ query, context }) => list(context, 'listMultiMasterGroupsAlias', query),
    listReplicationGroupsAlias: ({ query, context }) => list(context, 'listReplicationGroupsAlias', query),
    createMultiMasterGroup: ({ body, context }) => create(context, 'createMultiMasterGroup', body),
    createMultiMasterGroupAlias: ({ body, context }) => create(context, 'createMultiMasterGroupAlias', body),
    createReplicationGroupAlias: ({ body, context }) => create(context, 'createReplicationGroupAlias', body),
    getMultiMasterGroup: ({ path, context }) => get(context, 'getMultiMasterGroup', path.id),
    getMultiMasterGroupAlias: ({ path, context }) => get(context, 'getMultiMasterGroupAlias', path.id),
    getReplicationGroupAlias: ({ path, context }) => get(context, 'getReplicationGroupAlias', path.id),
    updateMultiMasterGroup: async ({ path, body, context }) => ({ status: 200, body: ok(await multiMaster.updateGroup(context, path.id, body)) }),
    deleteMultiMasterGroup: ({ path, context }) => remove(context, 'deleteMultiMasterGroup', path.id),
    deleteMultiMasterGroupAlias: ({ path, context }) => remove(context, 'deleteMultiMasterGroupAlias', path.id),
    deleteReplicationGroupAlias: ({ path, context }) => remove(context, 'deleteReplicationGroupAlias', path.id),
    addMultiMasterSite: ({ path, body, context }) => addSite(context, 'addMultiMasterSite', path.id, body),
    addMultiMasterSiteAlias: ({ path, body, context }) => addSite(context, 'addMultiMasterSiteAlias', path.id, body),
    removeMultiMasterSite: ({ path, context }) => removeSite(context, 'removeMultiMasterSite', path.groupId, path.siteId),
    removeMultiMasterSiteAlias: ({ path, context }) => removeSite(context, 'removeMultiMasterSiteAlias', path.id, path.site),
    listMultiMasterSites: ({ query, context }) => ({ status: 200, body: okPage(multiMaster.listSites(context, query)) }),
    getMultiMasterQuorumStatus: ({ query, context }) => ({ status: 200, body: okPage(multiMaster.quorumStatus(context, query)) }),
    getMultiMasterConvergence: ({ query, context }) => convergence(context, 'getMultiMasterConvergence', query),
    getMultiMasterConvergenceAlias: ({ query, context }) => convergence(context, 'getMultiMasterConvergenceAlias', query),
    getMultiMasterStatistics: ({ context }) => statistics(context, 'getMultiMasterStatistics'),
    getMultiMasterStatisticsAlias: ({ context }) => statistics(context, 'getMultiMasterStatisticsAlias'),
    replicateMultiMaster: async ({ body, context }) => {
      const { result, outcomeIn } = await multiMaster.replicate(context, body as ReplicateRequest);
      return { status: outcomeIn ? 200 : 202, body: ok(result) } as never;
    },
  };
}
