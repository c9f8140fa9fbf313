import type { Services } from '../../../../services/services.js';
import { transactionStatusPath } from '../../../../services/transactions/distributed-transaction-service.js';
import type { DistributedTransaction } from '../../../../services/transactions/transaction-shapes.js';
import { ok, okPage } from '../../envelope.js';
import { sparseItems, type HandlerTable } from '../../handler-types.js';

/** REST handlers of /api/v1/cluster/transactions/distributed: parse, call the two-phase commit service, shape the envelope. */
export function distributedTransactionHandlers({ distributedTransactions }: Services): HandlerTable {
  return {
    listDistributedTransactions: ({ query, context }) => {
      const page = distributedTransactions.list(context, {
        state: query.state,
        coordinatorNodeId: query.coordinatorNodeId,
        participantNodeId: query.participantNodeId,
        sortBy: query.sort_by,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        fields: query.fields?.split(','),
      });
      return { status: 200, body: okPage({ ...page, items: sparseItems<DistributedTransaction>(page.items) }) };
    },
    beginDistributedTransaction: async ({ body, context }) => ({ status: 201, body: ok(await distributedTransactions.begin(context, body)) }),
    getDistributedTransactionStatus: ({ path, context }) => ({ status: 200, body: ok(distributedTransactions.get(context, path.id)) }),
    // 200 once every vote is in; 202 while they are out, Location is where to follow it.
    prepareDistributedTransaction: async ({ path, context }) => {
      const { result, outcomeIn } = await distributedTransactions.prepare(context, path.id);
      return outcomeIn ? { status: 200, body: ok(result) } : { status: 202, body: ok(result), headers: { Location: transactionStatusPath(path.id) } };
    },
    // 200 once the decision is taken; 202 while phase one runs.
    commitDistributedTransaction: async ({ path, context }) => {
      const { result, outcomeIn } = await distributedTransactions.commit(context, path.id);
      return outcomeIn ? { status: 200, body: ok(result) } : { status: 202, body: ok(result), headers: { Location: transactionStatusPath(path.id) } };
    },
    rollbackDistributedTransaction: async ({ path, context }) => ({ status: 200, body: ok(await distributedTransactions.rollback(context, path.id)) }),
    listInDoubtTransactions: ({ query, context }) => ({
      status: 200,
      body: okPage(
        distributedTransactions.listInDoubt(context, {
          coordinatorNodeId: query.coordinatorNodeId,
          participantNodeId: query.participantNodeId,
          sortBy: query.sort_by,
          order: query.order,
          limit: query.limit,
          offset: query.offset,
        }),
      ),
    }),
    resolveInDoubtTransaction: async ({ path, body, context }) => ({ status: 200, body: ok(await distributedTransactions.resolve(context, path.id, body)) }),
    forgetHeuristicTransaction: async ({ path, context }) => ({ status: 200, body: ok(await distributedTransactions.forget(context, path.id)) }),
    getDistributedTransactionStatistics: ({ context }) => ({ status: 200, body: ok(distributedTransactions.statistics(context)) }),
  };
}
