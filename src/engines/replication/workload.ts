/**
 * A write generator on the cluster clock: `ratePerSecond` writes to the primary over `tables`
 * and keys `k0 … k<keySpace-1>`, each an insert, update or delete drawn by the mix weights from
 * a seeded stream. Settable while running; a rate of 0 stops it.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { SeededRng, VirtualClock } from '../runtime/index.js';
import { RatePacer } from '../runtime/rate-pacer.js';
import type { RowWrite } from './wal-record.js';

export interface WorkloadMix {
  insert: number;
  update: number;
  delete: number;
}

export interface WorkloadSettings {
  /** Writes per second of cluster time; 0 stops the generator. */
  ratePerSecond: number;
  tables: string[];
  /** Keys per table. */
  keySpace: number;
  /** Relative weights of the three operations. */
  mix: WorkloadMix;
}

export const DEFAULT_WORKLOAD: Readonly<WorkloadSettings> = Object.freeze({
  ratePerSecond: 0,
  tables: ['accounts', 'orders'],
  keySpace: 1000,
  mix: { insert: 3, update: 6, delete: 1 },
});

/** What the generator writes to. */
export interface WorkloadTarget {
  /** Whether a primary can take writes now. */
  writable(): boolean;
  hasRow(table: string, key: string): boolean;
  /** Whether a distributed transaction holds the row locked (an ordinary commit of it would be refused). */
  isLocked?(table: string, key: string): boolean;
  /** Commits the writes; returns where their WAL record lies. */
  commit(writes: RowWrite[]): { lsn: number; endLsn: number };
}

export interface WorkloadCounters {
  issued: number;
  inserts: number;
  updates: number;
  deletes: number;
  /** Writes skipped because no primary could take them, or their row was locked by a distributed transaction. */
  skipped: number;
  /** WAL bytes its writes took. */
  walBytes: number;
  /** End of the WAL record of its latest write, and when it was made; null before the first. */
  lastLsn: number | null;
  lastWriteAtMs: number | null;
}

const MAX_RATE_PER_SECOND = 100_000;

/** Checks settings; every problem at once. @throws DomainError UNPROCESSABLE. */
export function validateWorkload(current: WorkloadSettings, patch: Partial<WorkloadSettings>): WorkloadSettings {
  const next: WorkloadSettings = { ...current, ...patch, tables: [...(patch.tables ?? current.tables)], mix: { ...(patch.mix ?? current.mix) } };
  const problems: string[] = [];
  if (!Number.isFinite(next.ratePerSecond) || next.ratePerSecond < 0 || next.ratePerSecond > MAX_RATE_PER_SECOND) {
    problems.push(`ratePerSecond must be between 0 and ${MAX_RATE_PER_SECOND}`);
  }
  if (!Array.isArray(next.tables) || next.tables.length === 0 || next.tables.some((table) => typeof table !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table))) {
    problems.push('tables must be a non-empty list of table names (letters, digits, _)');
  }
  if (!Number.isSafeInteger(next.keySpace) || next.keySpace < 1 || next.keySpace > 10_000_000) problems.push('keySpace must be a whole number between 1 and 10000000');
  const weights = [next.mix.insert, next.mix.update, next.mix.delete];
  if (weights.some((weight) => typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) || weights.every((weight) => weight === 0)) {
    problems.push('mix weights must be non-negative numbers, not all 0');
  }
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid workload: ${problems.join('; ')}.`, { problems });
  return next;
}

export class Workload {
  private current: WorkloadSettings;
  private readonly pacer: RatePacer;
  private sequence = 0;
  readonly counters: WorkloadCounters = { issued: 0, inserts: 0, updates: 0, deletes: 0, skipped: 0, walBytes: 0, lastLsn: null, lastWriteAtMs: null };

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: SeededRng,
    private readonly target: WorkloadTarget,
    settings: WorkloadSettings = DEFAULT_WORKLOAD,
    private readonly onChange?: (settings: WorkloadSettings) => void,
  ) {
    this.current = validateWorkload(DEFAULT_WORKLOAD, settings);
    this.pacer = new RatePacer(clock, () => this.writeOne());
    this.pacer.setRate(this.current.ratePerSecond);
  }

  settings(): WorkloadSettings {
    return { ...this.current, tables: [...this.current.tables], mix: { ...this.current.mix } };
  }

  /** Changes the settings while running; nothing changes on a bad patch. */
  set(patch: Partial<WorkloadSettings>): WorkloadSettings {
    this.current = validateWorkload(this.current, patch);
    this.pacer.setRate(this.current.ratePerSecond);
    this.onChange?.(this.settings());
    return this.settings();
  }

  stop(): void {
    this.pacer.stop();
  }


  private writeOne(): void {
    if (!this.target.writable()) {
      this.counters.skipped += 1;
      return;
    }
    const table = this.rng.pick(this.current.tables);
    const key = `k${this.rng.int(0, this.current.keySpace)}`;
    const { insert, update } = this.current.mix;
    const draw = this.rng.float() * (insert + update + this.current.mix.delete);
    if (this.target.isLocked?.(table, key) === true) {
      this.counters.skipped += 1;
      return;
    }
    const wanted = draw < insert ? 'insert' : draw < insert + update ? 'update' : 'delete';
    const exists = this.target.hasRow(table, key);
    this.sequence += 1;
    // An insert of a present key updates it; an update or delete of a missing key inserts it.
    const op = wanted === 'delete' && exists ? 'delete' : exists ? 'update' : 'insert';
    const record =
      op === 'delete'
        ? this.target.commit([{ op: 'delete', table, key }])
        : this.target.commit([{ op: 'put', table, key, row: { id: key, amount: this.rng.int(0, 1_000_000), seq: this.sequence } }]);
    this.counters.walBytes += record.endLsn - record.lsn;
    this.counters.lastLsn = record.endLsn;
    this.counters.lastWriteAtMs = this.clock.now();
    this.counters.issued += 1;
    this.counters[op === 'insert' ? 'inserts' : op === 'update' ? 'updates' : 'deletes'] += 1;
  }
}
