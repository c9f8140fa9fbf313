import { TransactionsEngine } from '../engines/transactions/transactions-engine.js';
import { DistributedTransactionService } from '../services/transactions/distributed-transaction-service.js';
import { XaService } from '../services/transactions/xa-service.js';
import { transactionsMetrics } from '../services/transactions/transactions-metrics.js';
import { distributedTransactionHandlers } from '../api/rest/handlers/transactions/distributed-transactions.js';
import { xaHandlers } from '../api/rest/handlers/transactions/xa.js';
import { distributedTransactionResolvers } from '../api/graphql/resolvers/transactions/distributed-transactions.js';
import { xaResolvers } from '../api/graphql/resolvers/transactions/xa.js';
import { transactionSubscriptionResolvers } from '../api/graphql/resolvers/transactions/transaction-subscriptions.js';
import { clockRunsOn } from '../services/platform/outcome-wait.js';
import type { DomainModule } from './domain-module.js';

/**
 * Distributed transactions: two-phase commit and XA over the nodes' storage. Listed after
 * replication: the engine writes through its storage and WAL, and the replication engine's fault
 * listener must run before this one's (a crash reaches the storage first).
 */
export const transactionsModule: DomainModule = {
  name: 'transactions',
  async assemble({ store, runtime, bus, journal, runner, clockControl, shared }) {
    const nodes = shared('nodes');
    const replication = shared('replication');
    const transactions = await TransactionsEngine.load(store, { runtime, cluster: replication.cluster, bus, journal });
    const deps = {
      engine: transactions,
      nodes,
      clock: runtime.clock,
      runner,
      clockRuns: clockRunsOn(clockControl),
    };
    return {
      shares: { transactions },
      services: { distributedTransactions: new DistributedTransactionService(deps), xa: new XaService(deps) },
      restHandlers: [distributedTransactionHandlers, xaHandlers],
      resolvers: [distributedTransactionResolvers, xaResolvers, transactionSubscriptionResolvers],
      metrics: [transactionsMetrics(transactions, replication.cluster)],
      close: () => transactions.close(),
    };
  },
};
