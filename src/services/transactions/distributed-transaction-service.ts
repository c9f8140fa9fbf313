import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import type { RowWrite } from '../../engines/replication/wal-record.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import type { TransactionState } from '../../engines/transactions/transaction-state.js';
import type { ResolutionOutcome } from '../../engines/transactions/transaction-views.js';
import type { TransactionsEngine } from '../../engines/transactions/transactions-engine.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';
import { awaitOutcome } from '../platform/outcome-wait.js';
import {
  commitResultOf,
  DISTRIBUTED_TRANSACTION_FIELDS,
  distributedTransactionOf,
  inDoubtTransactionOf,
  resolutionOf,
  statisticsOf,
  type DistributedCommitResult,
  type DistributedTransaction,
  type DistributedTransactionStatistics,
  type InDoubtResolution,
  type InDoubtTransaction,
} from './transaction-shapes.js';

/** What every transactions service reads from: the engine, the cluster's nodes, the clock and the operation runner. */
export interface TransactionsServiceDeps {
  engine: TransactionsEngine;
  nodes: ClusterNodes;
  clock: VirtualClock;
  runner: OperationRunner;
  /** Whether the cluster clock moves on its own now: `prepare` and `commit` then wait briefly for the votes. */
  clockRuns(): boolean;
}

/** A row write as the contract takes it (RowWrite); the engine checks its shape and the rows it needs. */
export interface RowWriteRequest {
  op: 'put' | 'delete';
  table: string;
  key: string;
  row?: Record<string, unknown>;
}

export interface BeginDistributedTransactionRequest {
  participants: { nodeId: string; writes?: RowWriteRequest[] }[];
  coordinatorNodeId?: string;
  prepareTimeoutMs?: number;
  lockTimeoutMs?: number;
  timeoutMs?: number;
}

export interface DistributedTransactionQuery {
  state?: TransactionState;
  coordinatorNodeId?: string;
  participantNodeId?: string;
  sortBy?: 'begunAt' | 'transactionId' | 'state' | 'durationMs';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface InDoubtTransactionQuery {
  coordinatorNodeId?: string;
  participantNodeId?: string;
  sortBy?: 'inDoubtMs' | 'ageMs' | 'transactionId';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface ResolveInDoubtRequest {
  outcome: ResolutionOutcome;
  nodeIds?: string[];
  dryRun?: boolean;
}

/** What a prepare or commit answered, and whether its outcome was in when it answered (else 202). */
export interface Answered<T> {
  result: T;
  outcomeIn: boolean;
}

/** Where `prepare` and `commit` answering 202 point. */
export function transactionStatusPath(transactionId: string): string {
  return `/api/v1/cluster/transactions/distributed/${transactionId}/status`;
}

const TARGET = 'transactions.distributed';
const HEURISTIC_STATES: readonly TransactionState[] = ['HEURISTIC_COMMIT', 'HEURISTIC_ROLLBACK', 'HEURISTIC_MIXED', 'HEURISTIC_HAZARD'];
/** Phase one is over: every vote is in (or the transaction was decided, or its coordinator fell silent). */
const VOTES_IN: readonly TransactionState[] = ['PREPARED', 'COMMITTING', 'COMMITTED', 'ABORTING', 'ABORTED', 'IN_DOUBT', ...HEURISTIC_STATES];
/** The decision is taken (or can no longer be taken by the coordinator). */
const DECIDED: readonly TransactionState[] = ['COMMITTING', 'COMMITTED', 'ABORTING', 'ABORTED', 'IN_DOUBT', ...HEURISTIC_STATES];
/** A one-phase commit is COMMITTING until its participant answers. */
const DECIDED_ONE_PHASE: readonly TransactionState[] = ['COMMITTED', 'ABORTING', 'ABORTED', 'IN_DOUBT'];

/**
 * Two-phase commit over the cluster's nodes (/api/v1/cluster/transactions/distributed): begin,
 * prepare, commit, roll back, the in-doubt transactions and their heuristic resolution, statistics.
 */
export class DistributedTransactionService {
  constructor(private readonly deps: TransactionsServiceDeps) {}

  list(context: OperationContext, query: DistributedTransactionQuery): Page<Partial<DistributedTransaction>> {
    return this.deps.runner.read(context, 'listDistributedTransactions', () => {
      const transactions = this.deps.engine
        .list({ state: query.state })
        .filter(takesPart(query.participantNodeId))
        .map(distributedTransactionOf);
      const page = pageOf(transactions, {
        filters: { coordinatorNodeId: query.coordinatorNodeId },
        sortBy: query.sortBy ?? 'begunAt',
        order: query.order ?? 'desc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'transactionId', DISTRIBUTED_TRANSACTION_FIELDS) };
    });
  }

  get(context: OperationContext, transactionId: string): DistributedTransaction {
    return this.deps.runner.read(context, 'getDistributedTransactionStatus', () => distributedTransactionOf(this.deps.engine.get(transactionId)));
  }

  /** @throws NOT_FOUND for a node that is not in the cluster, before the engine sees it. */
  begin(context: OperationContext, request: BeginDistributedTransactionRequest): Promise<DistributedTransaction> {
    const creation = creationOf<DistributedTransaction>(TARGET, (transaction) => transaction.transactionId);
    return this.deps.runner.run(context, 'beginDistributedTransaction', creation, () => {
      for (const participant of request.participants) this.deps.nodes.get(participant.nodeId);
      if (request.coordinatorNodeId !== undefined) this.deps.nodes.get(request.coordinatorNodeId);
      const view = this.deps.engine.begin({
        // The engine checks each write's shape (a put without a row is 422).
        participants: request.participants.map((participant) => ({ nodeId: participant.nodeId, writes: (participant.writes ?? []) as RowWrite[] })),
        ...optional('coordinatorNodeId', request.coordinatorNodeId),
        ...optional('prepareTimeoutMs', request.prepareTimeoutMs),
        ...optional('lockTimeoutMs', request.lockTimeoutMs),
        ...optional('timeoutMs', request.timeoutMs),
      });
      return distributedTransactionOf(view);
    });
  }

  /** Phase one; the outcome is in once every vote is. */
  prepare(context: OperationContext, transactionId: string): Promise<Answered<DistributedTransaction>> {
    return this.deps.runner.run(context, 'prepareDistributedTransaction', `${TARGET}/${transactionId}`, async () => {
      this.deps.engine.prepare(transactionId);
      await awaitOutcome(this.deps, this.deps.engine.settled(transactionId, VOTES_IN));
      const transaction = distributedTransactionOf(this.deps.engine.get(transactionId));
      return { result: transaction, outcomeIn: VOTES_IN.includes(transaction.state) };
    });
  }

  /** Commits (phase one first from ACTIVE); the outcome is in once the decision is taken. */
  commit(context: OperationContext, transactionId: string): Promise<Answered<DistributedCommitResult>> {
    return this.deps.runner.run(context, 'commitDistributedTransaction', `${TARGET}/${transactionId}`, async () => {
      const asked = this.deps.engine.commit(transactionId);
      const decided = asked.onePhase ? DECIDED_ONE_PHASE : DECIDED;
      await awaitOutcome(this.deps, this.deps.engine.settled(transactionId, decided));
      const result = commitResultOf(distributedTransactionOf(this.deps.engine.get(transactionId)));
      return { result, outcomeIn: result.decision !== null || decided.includes(result.transaction.state) };
    });
  }

  rollback(context: OperationContext, transactionId: string): Promise<DistributedTransaction> {
    return this.deps.runner.run(context, 'rollbackDistributedTransaction', `${TARGET}/${transactionId}`, () =>
      distributedTransactionOf(this.deps.engine.rollback(transactionId)),
    );
  }

  listInDoubt(context: OperationContext, query: InDoubtTransactionQuery): Page<InDoubtTransaction> {
    return this.deps.runner.read(context, 'listInDoubtTransactions', () => {
      const inDoubt = this.deps.engine
        .listInDoubt()
        .filter(takesPart(query.participantNodeId))
        .map(inDoubtTransactionOf);
      return pageOf(inDoubt, {
        filters: { coordinatorNodeId: query.coordinatorNodeId },
        sortBy: query.sortBy ?? 'inDoubtMs',
        order: query.order ?? 'desc',
        limit: query.limit,
        offset: query.offset,
      });
    });
  }

  /** A heuristic resolution, or its dry run (audited too). */
  resolve(context: OperationContext, transactionId: string, request: ResolveInDoubtRequest): Promise<InDoubtResolution> {
    return this.deps.runner.run(context, 'resolveInDoubtTransaction', `${TARGET}/${transactionId}`, () =>
      resolutionOf(this.deps.engine.resolve(transactionId, { outcome: request.outcome, ...optional('nodeIds', request.nodeIds), dryRun: request.dryRun ?? false })),
    );
  }

  forget(context: OperationContext, transactionId: string): Promise<DistributedTransaction> {
    return this.deps.runner.run(context, 'forgetHeuristicTransaction', `${TARGET}/${transactionId}`, () => distributedTransactionOf(this.deps.engine.forget(transactionId)));
  }

  statistics(context: OperationContext): DistributedTransactionStatistics {
    return this.deps.runner.read(context, 'getDistributedTransactionStatistics', () => statisticsOf(this.deps.engine.statistics()));
  }
}

/** A filter: transactions `nodeId` takes part in (every one when it is absent). */
function takesPart(nodeId: string | undefined): (view: { participants: readonly { nodeId: string }[] }) => boolean {
  return (view) => nodeId === undefined || view.participants.some((participant) => participant.nodeId === nodeId);
}

/** `{ [name]: value }`, or nothing when the value is absent (the engine's inputs are exact optional). */
export function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}
