import type { OperationContext } from '../../../../services/platform/operation-context.js';
import type { Services } from '../../../../services/services.js';
import type { XaResourceManager, XaTransaction } from '../../../../services/transactions/transaction-shapes.js';
import type { XaRecoverQuery, XaResourceManagerQuery, XaStartRequest, XaTransactionQuery } from '../../../../services/transactions/xa-service.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

interface ListQuery {
  limit?: number;
  offset?: number;
  order?: 'asc' | 'desc';
  fields?: string;
}

/**
 * REST handlers of /api/v1/advanced-replication/xa, and of the seeds' variant paths
 * (/api/v1/xa/…, /api/v1/replication/xa/…), each bound to the handler of its primary twin: the
 * same parameters, body and answer.
 */
export function xaHandlers({ xa }: Services): HandlerTable {
  const listResourceManagers = (context: OperationContext, query: ListQuery & { sort_by?: XaResourceManagerQuery['sortBy']; nodeId?: string }) => {
    const page = xa.listResourceManagers(context, { nodeId: query.nodeId, sortBy: query.sort_by, order: query.order, limit: query.limit, offset: query.offset, fields: query.fields?.split(',') });
    return { status: 200 as const, body: okPage({ ...page, items: sparseItems<XaResourceManager>(page.items) }) };
  };
  const registerResourceManager = async (context: OperationContext, body: { name: string; nodeId: string }) => ({
    status: 201 as const,
    body: ok(await xa.registerResourceManager(context, body)),
  });
  const start = async (context: OperationContext, body: XaStartRequest) => ({ status: 201 as const, body: ok(await xa.start(context, body)) });
  const end = async (context: OperationContext, xid: string) => ({ status: 200 as const, body: ok(await xa.end(context, xid)) });
  const prepare = async (context: OperationContext, xid: string) => ({ status: 200 as const, body: ok(await xa.prepare(context, xid)) });
  const commit = async (context: OperationContext, xid: string, onePhase: boolean | undefined) => ({ status: 200 as const, body: ok(await xa.commit(context, xid, onePhase ?? false)) });
  const rollback = async (context: OperationContext, xid: string) => ({ status: 200 as const, body: ok(await xa.rollback(context, xid)) });
  const status = (context: OperationContext, xid: string) => ({ status: 200 as const, body: ok(xa.status(context, xid)) });
  const list = (context: OperationContext, query: ListQuery & Omit<XaTransactionQuery, 'sortBy' | 'fields'> & { sort_by?: XaTransactionQuery['sortBy'] }) => {
    const page = xa.list(context, {
      state: query.state,
      resourceManager: query.resourceManager,
      nodeId: query.nodeId,
      gtrid: query.gtrid,
      sortBy: query.sort_by,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
      fields: query.fields?.split(','),
    });
    return { status: 200 as const, body: okPage({ ...page, items: sparseItems<XaTransaction>(page.items) }) };
  };
  const recover = (context: OperationContext, query: ListQuery & { sort_by?: XaRecoverQuery['sortBy']; resourceManager?: string }) => ({
    status: 200 as const,
    body: okPage(xa.recover(context, { resourceManager: query.resourceManager, sortBy: query.sort_by, order: query.order, limit: query.limit, offset: query.offset })),
  });
  return {
    listXaResourceManagers: ({ query, context }) => listResourceManagers(context, query),
    listXaResourceManagersAlias: ({ query, context }) => listResourceManagers(context, query),
    registerXaResourceManager: ({ body, context }) => registerResourceManager(context, body),
    registerXaResourceManagerAlias: ({ body, context }) => registerResourceManager(context, body),
    deleteXaResourceManager: async ({ path, context }) => ({ status: 200, body: ok(await xa.deleteResourceManager(context, path.name)) }),
    startXaTransaction: ({ body, context }) => start(context, body),
    startXaTransactionAlias: ({ body, context }) => start(context, body),
    startXaTransactionReplicationAlias: ({ body, context }) => start(context, body),
    endXaTransaction: ({ path, context }) => end(context, path.xid),
    endXaTransactionAlias: ({ path, context }) => end(context, path.xid),
    prepareXaTransaction: ({ path, context }) => prepare(context, path.xid),
    prepareXaTransactionAlias: ({ path, context }) => prepare(context, path.xid),
    // The xid in the body: any xid fits, however long its hexadecimal form.
    prepareXaTransactionReplicationAlias: ({ body, context }) => prepare(context, body.xid),
    commitXaTransaction: ({ path, body, context }) => commit(context, path.xid, body?.onePhase),
    commitXaTransactionAlias: ({ path, body, context }) => commit(context, path.xid, body?.onePhase),
    commitXaTransactionReplicationAlias: ({ body, context }) => commit(context, body.xid, body.onePhase),
    rollbackXaTransaction: ({ path, context }) => rollback(context, path.xid),
    rollbackXaTransactionAlias: ({ path, context }) => rollback(context, path.xid),
    getXaTransactionStatus: ({ path, context }) => status(context, path.xid),
    getXaTransactionStatusAlias: ({ path, context }) => status(context, path.xid),
    listXaTransactions: ({ query, context }) => list(context, query),
    listXaTransactionsAlias: ({ query, context }) => list(context, query),
    recoverXaTransactions: ({ query, context }) => recover(context, query),
    recoverXaTransactionsAlias: ({ query, context }) => recover(context, query),
    getXaStatistics: ({ context }) => ({ status: 200, body: ok(xa.statistics(context)) }),
  };
}
