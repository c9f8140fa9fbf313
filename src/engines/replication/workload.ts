/**
 * A write generator on the cluster clock: `ratePerSecond` writes to the primary over `tables`
 * and keys `k0 … k<keySpace-1>`, each an insert, update or delete drawn by the mix weights from
 * a seeded stream. Settable while running; a rate of 0 stops it. A table that another engine
 * owns (a sharded table) is written through that engine's {@link WorkloadTableWriter}, which
 * routes the row by key; every other table goes to the primary.
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

/** What the generator draws for one write: which row (by ordinal), the operation wanted, the values. */
export interface WorkloadDraw {
  table: string;
  /** The row's ordinal in the table's key space, 0 … keySpace-1 (the primary's tables key it `k<ordinal>`). */
  ordinal: number;
  wanted: WorkloadOp;
  amount: number;
  seq: number;
}

export type WorkloadOp = 'insert' | 'update' | 'delete';

/** A write made: the operation done and where its WAL record lies. */
export interface WorkloadWrite {
  op: WorkloadOp;
  lsn: number;
  endLsn: number;
}

/** Writes the tables an engine owns (a sharded table: routed by key to its shard's node). */
export interface WorkloadTableWriter {
  owns(table: string): boolean;
  /** Writes the draw; null when it was refused (the row's shard takes no writes now, or its row is locked). */
  write(draw: WorkloadDraw): WorkloadWrite | null;
}

/** An insert of a present key updates it; an update or delete of a missing key inserts it. */
export function effectiveOp(wanted: WorkloadOp, exists: boolean): WorkloadOp {
  if (wanted === 'delete' && exists) return 'delete';
  return exists ? 'update' : 'insert';
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
  private readonly tableWriters: WorkloadTableWriter[] = [];
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

  /** Sends the writes of the tables `writer` owns to it (assembly time, once per owner). */
  routeTables(writer: WorkloadTableWriter): void {
    this.tableWriters.push(writer);
  }

  private writeOne(): void {
    const table = this.rng.pick(this.current.tables);
    const writer = this.tableWriters.find((candidate) => candidate.owns(table));
    if (writer === undefined) {
      this.writePrimary(table);
      return;
    }
    const { ordinal, wanted } = this.drawRow();
    this.sequence += 1;
    this.count(writer.write({ table, ordinal, wanted, amount: this.rng.int(0, 1_000_000), seq: this.sequence }));
  }

  private drawRow(): { ordinal: number; wanted: WorkloadOp } {
    const ordinal = this.rng.int(0, this.current.keySpace);
    const { insert, update } = this.current.mix;
    const draw = this.rng.float() * (insert + update + this.current.mix.delete);
    return { ordinal, wanted: draw < insert ? 'insert' : draw < insert + update ? 'update' : 'delete' };
  }

  private writePrimary(table: string): void {
    if (!this.target.writable()) {
      this.count(null);
      return;
    }
    const { ordinal, wanted } = this.drawRow();
    const key = `k${ordinal}`;
    if (this.target.isLocked?.(table, key) === true) {
      this.count(null);
      return;
    }
    const op = effectiveOp(wanted, this.target.hasRow(table, key));
    this.sequence += 1;
    const record =
      op === 'delete'
        ? this.target.commit([{ op: 'delete', table, key }])
        : this.target.commit([{ op: 'put', table, key, row: { id: key, amount: this.rng.int(0, 1_000_000), seq: this.sequence } }]);
    this.count({ op, lsn: record.lsn, endLsn: record.endLsn });
  }

  private count(written: WorkloadWrite | null): void {
    if (written === null) {
      this.counters.skipped += 1;
      return;
    }
    this.counters.walBytes += written.endLsn - written.lsn;
    this.counters.lastLsn = written.endLsn;
    this.counters.lastWriteAtMs = this.clock.now();
    this.counters.issued += 1;
    this.counters[written.op === 'insert' ? 'inserts' : written.op === 'update' ? 'updates' : 'deletes'] += 1;
  }
}
