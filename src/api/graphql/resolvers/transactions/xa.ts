import type { Resolvers, XaResourceManager, XaTransaction } from '../../../../../generated/graphql/resolvers-types.js';
import type { XaStartRequest } from '../../../../services/transactions/xa-service.js';
import { nullIfNotFound, orderOf, withoutNulls } from '../../arguments.js';

/** GraphQL twins of /api/v1/advanced-replication/xa (and of its aliases): resource managers and XA transactions. */
export const xaResolvers: Resolvers = {
  Query: {
    xaTransactions: async (_parent, args, { services, operation }) =>
      services.xa.list(await operation(), {
        state: args.state ?? undefined,
        resourceManager: args.resourceManager ?? undefined,
        nodeId: args.nodeId ?? undefined,
        gtrid: args.gtrid ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as XaTransaction[],
    xaTransaction: async (_parent, { xid }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('XaXidRequest', { xid });
      return nullIfNotFound(() => services.xa.status(context, xid));
    },
    xaRecover: async (_parent, args, { services, operation }) =>
      services.xa.recover(await operation(), {
        resourceManager: args.resourceManager ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items,
    xaStatistics: async (_parent, _args, { services, operation }) => services.xa.statistics(await operation()),
    xaResourceManagers: async (_parent, args, { services, operation }) =>
      services.xa.listResourceManagers(await operation(), {
        nodeId: args.nodeId ?? undefined,
        sortBy: args.sortBy ?? undefined,
        order: orderOf(args.order),
        limit: args.limit ?? undefined,
        offset: args.offset ?? undefined,
      }).items as XaResourceManager[],
  },
  Mutation: {
    startXaTransaction: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      const request = { ...withoutNulls(input), ...(input.writes ? { writes: input.writes.map((write) => withoutNulls(write)) } : {}) };
      contract.check('XaStartRequest', request);
      return services.xa.start(context, request as XaStartRequest);
    },
    endXaTransaction: async (_parent, { xid }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('XaXidRequest', { xid });
      return services.xa.end(context, xid);
    },
    prepareXaTransaction: async (_parent, { xid }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('XaXidRequest', { xid });
      return services.xa.prepare(context, xid);
    },
    commitXaTransaction: async (_parent, { xid, onePhase }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('XaXidRequest', { xid });
      return services.xa.commit(context, xid, onePhase ?? false);
    },
    rollbackXaTransaction: async (_parent, { xid }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('XaXidRequest', { xid });
      return services.xa.rollback(context, xid);
    },
    registerXaResourceManager: async (_parent, { input }, { services, contract, operation }) => {
      const context = await operation();
      contract.check('RegisterXaResourceManagerRequest', input);
      return services.xa.registerResourceManager(context, input);
    },
    deleteXaResourceManager: async (_parent, { name }, { services, operation }) => (await services.xa.deleteResourceManager(await operation(), name)).deleted,
  },
};
