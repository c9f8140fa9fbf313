/**
 * The engine's own records in the platform's store: config, id counters and statistics counters,
 * every transaction the registry holds (live, and the bounded history), resource managers and XA
 * branches. The data, prepared transactions and the coordinators' logs are in the nodes' storage,
 * which the replication engine mirrors.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { TransactionCounters, XaCounters } from './statistics.js';
import type { RegistryJournal, TransactionRecord } from './transaction-registry.js';
import type { TransactionsConfig } from './transactions-config.js';
import type { ResourceManagerRecord, XaBranchRecord, XaJournal } from './xa-manager.js';

export const TRANSACTIONS_CONFIG_RECORD = 'transactions.config';
export const TRANSACTIONS_STATE_RECORD = 'transactions.state';
export const TRANSACTIONS_TRANSACTION_RECORD = 'transactions.transaction';
export const TRANSACTIONS_RESOURCE_MANAGER_RECORD = 'transactions.resource-manager';
export const TRANSACTIONS_XA_BRANCH_RECORD = 'transactions.xa-branch';

/** Counters that must not repeat or reset across a restart. */
export interface StoredTransactionsState {
  nextTransactionNumber: number;
  nextBranchNumber: number;
  counters: TransactionCounters;
  xa: XaCounters;
}

/** A transaction as stored: its record, and whether it is in the history. */
interface StoredTransaction {
  record: TransactionRecord;
  finished: boolean;
}

export interface TransactionsRestore {
  config: TransactionsConfig | null;
  state: StoredTransactionsState | null;
  live: TransactionRecord[];
  history: TransactionRecord[];
  resourceManagers: ResourceManagerRecord[];
  branches: XaBranchRecord[];
}

export class TransactionsJournal implements RegistryJournal, XaJournal {
  constructor(
    private readonly journal: Journal,
    /** The counters to store with every change (they move with it). */
    private readonly state: () => StoredTransactionsState,
  ) {}

  configChanged(config: TransactionsConfig): void {
    this.journal.put(TRANSACTIONS_CONFIG_RECORD, 'current', config);
  }

  stateChanged(): void {
    this.journal.put(TRANSACTIONS_STATE_RECORD, 'current', this.state());
  }

  transactionChanged(record: TransactionRecord): void {
    this.journal.put(TRANSACTIONS_TRANSACTION_RECORD, record.transactionId, { record, finished: false } satisfies StoredTransaction);
    this.stateChanged();
  }

  transactionFinished(record: TransactionRecord, dropped: readonly string[]): void {
    this.journal.put(TRANSACTIONS_TRANSACTION_RECORD, record.transactionId, { record, finished: true } satisfies StoredTransaction);
    for (const transactionId of dropped) this.journal.delete(TRANSACTIONS_TRANSACTION_RECORD, transactionId);
    this.stateChanged();
  }

  resourceManagerChanged(record: ResourceManagerRecord): void {
    this.journal.put(TRANSACTIONS_RESOURCE_MANAGER_RECORD, record.name, record);
  }

  resourceManagerRemoved(name: string): void {
    this.journal.delete(TRANSACTIONS_RESOURCE_MANAGER_RECORD, name);
  }

  branchChanged(record: XaBranchRecord): void {
    this.journal.put(TRANSACTIONS_XA_BRANCH_RECORD, record.branchId, record);
    this.stateChanged();
  }

  branchesDropped(branchIds: readonly string[]): void {
    for (const branchId of branchIds) this.journal.delete(TRANSACTIONS_XA_BRANCH_RECORD, branchId);
  }
}

/** What the store holds of the engine (empty lists and nulls at the first start). */
export async function loadTransactionsState(store: Store): Promise<TransactionsRestore> {
  const [config, state, transactions, managers, branches] = await Promise.all([
    store.get<TransactionsConfig>(TRANSACTIONS_CONFIG_RECORD, 'current'),
    store.get<StoredTransactionsState>(TRANSACTIONS_STATE_RECORD, 'current'),
    store.list<StoredTransaction>(TRANSACTIONS_TRANSACTION_RECORD),
    store.list<ResourceManagerRecord>(TRANSACTIONS_RESOURCE_MANAGER_RECORD),
    store.list<XaBranchRecord>(TRANSACTIONS_XA_BRANCH_RECORD),
  ]);
  return {
    config: config ?? null,
    state: state ?? null,
    live: transactions.filter((entry) => !entry.value.finished).map((entry) => entry.value.record),
    history: transactions.filter((entry) => entry.value.finished).map((entry) => entry.value.record),
    resourceManagers: managers.map((entry) => entry.value),
    branches: branches.map((entry) => entry.value),
  };
}
