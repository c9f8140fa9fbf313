/**
 * An apply engine on a bare virtual clock, with an in-memory target whose rows carry a
 * checksum, a store that is a plain map of JSON texts (so a "restart" rebuilds the engine from
 * exactly what the store would hold), and random workloads with a chosen share of dependent
 * transactions.
 */
import { ApplyEngine, type ApplyEngineState } from '../../../src/engines/apply/apply-engine.js';
import type { ApplyConfig } from '../../../src/engines/apply/apply-config.js';
import type { ApplierRecord } from '../../../src/engines/apply/applier.js';
import type { ApplyOutcome, ApplyTarget, DecodedTransaction } from '../../../src/engines/apply/apply-types.js';
import type { DecodedChange } from '../../../src/engines/replication/logical-decoding.js';
import { VirtualClock } from '../../../src/engines/runtime/clock.js';
import { SeededRng } from '../../../src/engines/runtime/rng.js';

export const START_MS = Date.UTC(2030, 0, 1);
const FIRST_LSN = 0x1000000;

/** The store as the apply module uses it: one JSON text per record. */
export class MemoryStore {
  config: string | undefined;
  readonly appliers = new Map<string, string>();

  state(): ApplyEngineState {
    return {
      ...(this.config === undefined ? {} : { config: JSON.parse(this.config) as ApplyConfig }),
      appliers: [...this.appliers.values()].map((text) => JSON.parse(text) as ApplierRecord),
    };
  }
}

/** A target keeping rows in a map; each row carries its checksum and every apply is counted per transaction. */
export class MemoryTarget implements ApplyTarget {
  readonly rows = new Map<string, { value: Record<string, unknown>; checksum: number }>();
  /** commitLsn → times applied. */
  readonly appliedCount = new Map<number, number>();
  /** commitLsns in the order applied. */
  readonly order: number[] = [];
  /** Answers instead of applying, while it returns an outcome (failure injection). */
  fail: ((transaction: DecodedTransaction) => ApplyOutcome | null) | null = null;

  constructor(readonly nodeId = 'node-9') {}

  apply(transaction: DecodedTransaction): ApplyOutcome {
    const failure = this.fail?.(transaction) ?? null;
    if (failure !== null) return failure;
    applyChanges(this.rows, transaction.changes);
    this.appliedCount.set(transaction.commitLsn, (this.appliedCount.get(transaction.commitLsn) ?? 0) + 1);
    this.order.push(transaction.commitLsn);
    return { status: 'APPLIED' };
  }
}

export function applyChanges(rows: Map<string, { value: Record<string, unknown>; checksum: number }>, changes: readonly DecodedChange[]): void {
  for (const change of changes) {
    const id = `${change.table}/${change.key}`;
    if (change.op === 'delete') rows.delete(id);
    else rows.set(id, { value: { ...(change.row ?? {}) }, checksum: checksum(JSON.stringify(change.row)) });
  }
}

/** The state serial apply of `transactions` ends in. */
export function serialState(transactions: readonly DecodedTransaction[]): Map<string, { value: Record<string, unknown>; checksum: number }> {
  const rows = new Map<string, { value: Record<string, unknown>; checksum: number }>();
  for (const transaction of transactions) applyChanges(rows, transaction.changes);
  return rows;
}

/** FNV-1a over the text: the row's checksum. */
export function checksum(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface ApplyWorld {
  clock: VirtualClock;
  store: MemoryStore;
  engine: ApplyEngine;
  /** A new engine over the same clock and store: a server restart (nothing in memory survives). */
  restart(): ApplyEngine;
}

export function startApplyWorld(config: Partial<ApplyConfig> = {}): ApplyWorld {
  const clock = new VirtualClock(START_MS);
  const store = new MemoryStore();
  const build = (): ApplyEngine =>
    new ApplyEngine(
      {
        clock,
        persistence: {
          saveConfig: (value) => (store.config = JSON.stringify(value)),
          saveApplier: (record) => store.appliers.set(record.subscriptionId, JSON.stringify(record)),
          deleteApplier: (subscriptionId) => store.appliers.delete(subscriptionId),
        },
      },
      store.state(),
    );
  const world: ApplyWorld = {
    clock,
    store,
    engine: build(),
    restart() {
      world.engine.close();
      world.engine = build();
      return world.engine;
    },
  };
  if (Object.keys(config).length > 0) world.engine.configure(config);
  return world;
}

export interface WorkloadOptions {
  transactions: number;
  /** Share of transactions that write a row an earlier transaction wrote (0..1). */
  dependentShare: number;
  changesPerTransaction?: number;
  seed: number;
  /** Deletes of rows written before, among the dependent changes. */
  withDeletes?: boolean;
}

/**
 * Transactions in commit order, with consecutive LSNs. A dependent transaction's first change
 * rewrites (or deletes) a row an earlier one wrote; every other change writes a fresh row.
 */
export function makeWorkload(options: WorkloadOptions): DecodedTransaction[] {
  const rng = new SeededRng(options.seed);
  const changesPer = options.changesPerTransaction ?? 2;
  const written: string[] = [];
  const transactions: DecodedTransaction[] = [];
  let lsn = FIRST_LSN;
  let fresh = 0;
  for (let index = 0; index < options.transactions; index += 1) {
    const changes: DecodedChange[] = [];
    const dependent = written.length > 0 && rng.float() < options.dependentShare;
    for (let changeIndex = 0; changeIndex < changesPer; changeIndex += 1) {
      const reuse = dependent && changeIndex === 0;
      const key = reuse ? written[rng.int(0, written.length)]! : `k${(fresh += 1)}`;
      if (!reuse) written.push(key);
      const remove = reuse && options.withDeletes === true && rng.float() < 0.3;
      changes.push({
        lsn,
        endLsn: lsn + 100,
        commitTimeMs: START_MS + index,
        timeline: 1,
        op: remove ? 'delete' : reuse ? 'update' : 'insert',
        table: 'accounts',
        key,
        row: remove ? null : { key, balance: index * 10 + changeIndex, writtenBy: index },
      });
    }
    transactions.push({ xid: index + 1, commitLsn: lsn, endLsn: lsn + 100, commitTimeMs: START_MS + index, origin: 'node-1', changes });
    lsn += 100;
  }
  return transactions;
}
