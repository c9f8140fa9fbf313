import type { RowWrite } from '../../engines/replication/wal-record.js';
import type { XaBranchState } from '../../engines/transactions/xa-branch.js';
import { formatXid, parseXid } from '../../engines/transactions/xid.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf } from '../platform/operation-runner.js';
import { optional, type RowWriteRequest, type TransactionsServiceDeps } from './distributed-transaction-service.js';
import {
  recoveredOf,
  resourceManagerOf,
  XA_RESOURCE_MANAGER_FIELDS,
  XA_TRANSACTION_FIELDS,
  xaStatisticsOf,
  xaTransactionOf,
  type XaRecoveredTransaction,
  type XaResourceManager,
  type XaStatistics,
  type XaTransaction,
} from './transaction-shapes.js';

export interface XaStartRequest {
  xid: string;
  resourceManager: string;
  writes?: RowWriteRequest[];
  timeoutMs?: number;
}

export interface XaTransactionQuery {
  state?: XaBranchState;
  resourceManager?: string;
  nodeId?: string;
  /** A gtrid as an xid writes it (`'order-42'`, `order-42`, `X'6f72'`). */
  gtrid?: string;
  sortBy?: 'startedAt' | 'xid' | 'state' | 'resourceManager';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface XaRecoverQuery {
  resourceManager?: string;
  sortBy?: 'preparedAt' | 'xid';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface XaResourceManagerQuery {
  nodeId?: string;
  sortBy?: 'name' | 'nodeId' | 'registeredAt' | 'liveTransactions';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

const TARGET = 'transactions.xa';
const RESOURCE_MANAGER_TARGET = 'transactions.xaResourceManager';

/** An xid as audit targets name it: its canonical notation, or the text as given when it cannot be read. */
function auditedXid(xid: string): string {
  try {
    return formatXid(parseXid(xid));
  } catch {
    return xid;
  }
}

function xidTarget(xid: string): string {
  return `${TARGET}/${auditedXid(xid)}`;
}

/**
 * XA as MySQL exposes it (/api/v1/advanced-replication/xa and its aliases): resource managers, and
 * XA transactions through start, end, prepare, commit and rollback, recover and statistics. The
 * API's caller is the transaction manager; each statement acts at once, so every answer carries
 * its outcome.
 */
export class XaService {
  constructor(private readonly deps: TransactionsServiceDeps) {}

  // ---- resource managers ---------------------------------------------------------------------

  listResourceManagers(context: OperationContext, query: XaResourceManagerQuery): Page<Partial<XaResourceManager>> {
    return this.deps.runner.read(context, 'listXaResourceManagers', () => {
      const page = pageOf(this.deps.engine.listResourceManagers().map(resourceManagerOf), {
        filters: { nodeId: query.nodeId },
        sortBy: query.sortBy ?? 'name',
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'name', XA_RESOURCE_MANAGER_FIELDS) };
    });
  }

  /** @throws NOT_FOUND for a node that is not in the cluster. */
  registerResourceManager(context: OperationContext, request: { name: string; nodeId: string }): Promise<XaResourceManager> {
    return this.deps.runner.run(context, 'registerXaResourceManager', `${RESOURCE_MANAGER_TARGET}/${request.name}`, () => {
      this.deps.nodes.get(request.nodeId);
      return resourceManagerOf(this.deps.engine.registerResourceManager({ name: request.name, nodeId: request.nodeId }));
    });
  }

  deleteResourceManager(context: OperationContext, name: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, 'deleteXaResourceManager', `${RESOURCE_MANAGER_TARGET}/${name}`, () => {
      this.deps.engine.removeResourceManager(name);
      return { id: name, deleted: true as const };
    });
  }

  // ---- XA transactions -----------------------------------------------------------------------

  start(context: OperationContext, request: XaStartRequest): Promise<XaTransaction> {
    const creation = creationOf<XaTransaction>(TARGET, (transaction) => transaction.xid, auditedXid(request.xid));
    return this.deps.runner.run(context, 'startXaTransaction', creation, () =>
      xaTransactionOf(
        this.deps.engine.xaStart({
          xid: request.xid,
          resourceManager: request.resourceManager,
          // The engine checks each write's shape (a put without a row is 422).
          writes: (request.writes ?? []) as RowWrite[],
          ...optional('timeoutMs', request.timeoutMs),
        }),
      ),
    );
  }

  end(context: OperationContext, xid: string): Promise<XaTransaction> {
    return this.deps.runner.run(context, 'endXaTransaction', xidTarget(xid), () => xaTransactionOf(this.deps.engine.xaEnd(xid)));
  }

  prepare(context: OperationContext, xid: string): Promise<XaTransaction> {
    return this.deps.runner.run(context, 'prepareXaTransaction', xidTarget(xid), () => xaTransactionOf(this.deps.engine.xaPrepare(xid)));
  }

  commit(context: OperationContext, xid: string, onePhase: boolean): Promise<XaTransaction> {
    return this.deps.runner.run(context, 'commitXaTransaction', xidTarget(xid), () => xaTransactionOf(this.deps.engine.xaCommit(xid, { onePhase })));
  }

  rollback(context: OperationContext, xid: string): Promise<XaTransaction> {
    return this.deps.runner.run(context, 'rollbackXaTransaction', xidTarget(xid), () => xaTransactionOf(this.deps.engine.xaRollback(xid)));
  }

  status(context: OperationContext, xid: string): XaTransaction {
    return this.deps.runner.read(context, 'getXaTransactionStatus', () => xaTransactionOf(this.deps.engine.xaStatus(xid)));
  }

  list(context: OperationContext, query: XaTransactionQuery): Page<Partial<XaTransaction>> {
    return this.deps.runner.read(context, 'listXaTransactions', () => {
      // A gtrid in any notation an xid takes (UNPROCESSABLE, XAER_INVAL, when unreadable).
      const gtridHex = query.gtrid === undefined ? undefined : parseXid(query.gtrid).gtridHex;
      const page = pageOf(this.deps.engine.xaList().map(xaTransactionOf), {
        filters: { state: query.state, resourceManager: query.resourceManager, nodeId: query.nodeId, gtridHex },
        sortBy: query.sortBy ?? 'startedAt',
        order: query.order ?? 'desc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'xid', XA_TRANSACTION_FIELDS) };
    });
  }

  recover(context: OperationContext, query: XaRecoverQuery): Page<XaRecoveredTransaction> {
    return this.deps.runner.read(context, 'recoverXaTransactions', () =>
      pageOf(this.deps.engine.xaRecover().map(recoveredOf), {
        filters: { resourceManager: query.resourceManager },
        sortBy: query.sortBy ?? 'preparedAt',
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      }),
    );
  }

  statistics(context: OperationContext): XaStatistics {
    return this.deps.runner.read(context, 'getXaStatistics', () => xaStatisticsOf(this.deps.engine.xaStatistics()));
  }
}
