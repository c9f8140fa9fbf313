/**
 * The distributed-transactions settings: limits on everything the engine keeps, and the
 * protocol's timeouts. Times are cluster milliseconds. `validateTransactionsConfig` fills
 * defaults and rejects a bad patch whole, listing every bad field.
 */
import { DomainError } from '../runtime/domain-error.js';

export interface TransactionsConfig {
  /** Most participants one transaction may have. */
  maxParticipants: number;
  /** Most transactions not yet final (ACTIVE … IN_DOUBT and heuristic outcomes not forgotten). */
  maxActiveTransactions: number;
  /** Most two-phase entries (prepared transactions and heuristic outcomes) per node: PostgreSQL's max_prepared_transactions. */
  maxPreparedTransactions: number;
  /** Most live XA branches (not COMMITTED or ROLLED_BACK). */
  maxXaBranches: number;
  /** Most registered XA resource managers. */
  maxResourceManagers: number;
  /** Finished transactions and finished XA branches kept for status and lists. */
  historySize: number;
  /** Recent latencies the percentiles are computed over. */
  latencySamples: number;
  /** Longest queue of writes waiting for one row's lock; a write beyond it fails at once. */
  maxLockWaitersPerRow: number;
  /** A participant that has not voted this long after Prepare was sent counts as NO. */
  prepareTimeoutMs: number;
  /** Longest wait for a row lock (a transaction may ask for less); 0 fails a conflicting write at once (NOWAIT). */
  lockTimeoutMs: number;
  /** A transaction still ACTIVE this long after begin is rolled back. */
  transactionTimeoutMs: number;
  /** A prepared participant asks its coordinator for the decision this long after preparing, and is IN_DOUBT after this long without an answer. */
  decisionTimeoutMs: number;
  /** Decisions, decision requests and recovery messages are sent again this often until answered. */
  decisionRetryMs: number;
  /** An XA branch not prepared this long after its start is rolled back (XA_RBTIMEOUT), unless its start gave another timeout. */
  xaTimeoutMs: number;
}

export type TransactionsConfigPatch = Partial<TransactionsConfig>;

export const DEFAULT_TRANSACTIONS_CONFIG: Readonly<TransactionsConfig> = Object.freeze({
  maxParticipants: 16,
  maxActiveTransactions: 1000,
  maxPreparedTransactions: 100,
  maxXaBranches: 1000,
  maxResourceManagers: 64,
  historySize: 500,
  latencySamples: 1000,
  maxLockWaitersPerRow: 64,
  prepareTimeoutMs: 5000,
  lockTimeoutMs: 1000,
  transactionTimeoutMs: 60_000,
  decisionTimeoutMs: 500,
  decisionRetryMs: 100,
  xaTimeoutMs: 60_000,
});

/** Each field's allowed range (whole numbers). */
const RANGES: Readonly<Record<keyof TransactionsConfig, readonly [number, number]>> = Object.freeze({
  maxParticipants: [1, 256],
  maxActiveTransactions: [1, 100_000],
  maxPreparedTransactions: [0, 262_143],
  maxXaBranches: [1, 100_000],
  maxResourceManagers: [1, 1024],
  historySize: [1, 100_000],
  latencySamples: [1, 100_000],
  maxLockWaitersPerRow: [1, 10_000],
  prepareTimeoutMs: [1, 3_600_000],
  lockTimeoutMs: [0, 3_600_000],
  transactionTimeoutMs: [1, 86_400_000],
  decisionTimeoutMs: [1, 3_600_000],
  decisionRetryMs: [1, 3_600_000],
  xaTimeoutMs: [1, 86_400_000],
});

/**
 * The config `patch` makes of `current` (default: the defaults), every field checked.
 * @throws DomainError UNPROCESSABLE listing every unknown or out-of-range field; nothing changes then.
 */
export function validateTransactionsConfig(patch: TransactionsConfigPatch = {}, current: Readonly<TransactionsConfig> = DEFAULT_TRANSACTIONS_CONFIG): TransactionsConfig {
  if (typeof patch !== 'object' || patch === null) throw new DomainError('UNPROCESSABLE', 'A transactions config patch must be an object.');
  const problems: string[] = [];
  const next: TransactionsConfig = { ...current };
  for (const [field, value] of Object.entries(patch) as [keyof TransactionsConfig, unknown][]) {
    const range = RANGES[field];
    if (range === undefined) {
      problems.push(`${String(field)} is not a transactions setting`);
      continue;
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < range[0] || value > range[1]) {
      problems.push(`${field} must be a whole number between ${range[0]} and ${range[1]}`);
      continue;
    }
    next[field] = value;
  }
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid transactions config: ${problems.join('; ')}.`, { problems });
  return next;
}
