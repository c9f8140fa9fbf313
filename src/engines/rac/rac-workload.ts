/**
 * The RAC workload: `ratePerSecond` block operations on the cluster clock, each from a running
 * instance, a read or a write by `readRatio`, on a block of the instance's preferred set with
 * probability `skew` (so affinity builds and resources remaster) or any block otherwise. Drawn
 * from a seeded stream; settable while running; a rate of 0 stops it.
 */
import { DomainError } from '../runtime/domain-error.js';
import type { SeededRng, VirtualClock } from '../runtime/index.js';
import { RatePacer } from '../runtime/rate-pacer.js';
import type { BlockId, Row } from './block.js';

export interface RacWorkloadSettings {
  /** Block operations per second of cluster time; 0 stops the generator. */
  ratePerSecond: number;
  /** Share of reads, 0..1. */
  readRatio: number;
  /** Share of operations on the instance's preferred blocks, 0..1. */
  skew: number;
}

export const DEFAULT_RAC_WORKLOAD: Readonly<RacWorkloadSettings> = Object.freeze({ ratePerSecond: 0, readRatio: 0.7, skew: 0.8 });

export interface RacWorkloadCounters {
  issued: number;
  reads: number;
  writes: number;
  completed: number;
  failed: number;
  /** Operations not issued: no instance running, or too many outstanding. */
  skipped: number;
}

/** What the generator drives. */
export interface RacWorkloadTarget {
  runningInstances(): string[];
  /** Every instance in a stable order (its index picks its preferred blocks). */
  allInstances(): string[];
  blocks(): readonly BlockId[];
  /** The handle's status moves off PENDING when the operation settles (read synchronously, so runs do not depend on microtasks). */
  read(instanceId: string, blockId: BlockId): { status: string };
  write(instanceId: string, blockId: BlockId, change: { rowIndex: number; values: Row }): { status: string };
}

const MAX_RATE_PER_SECOND = 100_000;
/** Operations one instance may have outstanding before the generator skips it (a hung cluster must not pile up work). */
const MAX_OUTSTANDING_PER_INSTANCE = 64;
/** Rows a write may target (the demo blocks' rows). */
const ROW_RANGE = 8;

export function validateRacWorkload(current: RacWorkloadSettings, patch: Partial<RacWorkloadSettings>): RacWorkloadSettings {
  const next = { ...current, ...patch };
  const problems: string[] = [];
  if (typeof next.ratePerSecond !== 'number' || !Number.isFinite(next.ratePerSecond) || next.ratePerSecond < 0 || next.ratePerSecond > MAX_RATE_PER_SECOND) problems.push(`ratePerSecond must be between 0 and ${MAX_RATE_PER_SECOND}`);
  for (const field of ['readRatio', 'skew'] as const) {
    const value = next[field];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) problems.push(`${field} must be between 0 and 1`);
  }
  if (problems.length > 0) throw new DomainError('UNPROCESSABLE', `Invalid RAC workload: ${problems.join('; ')}.`, { problems });
  return next;
}

export class RacWorkload {
  private current: RacWorkloadSettings;
  private readonly pacer: RatePacer;
  private readonly outstanding = new Map<string, { status: string }[]>();
  readonly counters: RacWorkloadCounters = { issued: 0, reads: 0, writes: 0, completed: 0, failed: 0, skipped: 0 };

  constructor(
    clock: VirtualClock,
    private readonly rng: SeededRng,
    private readonly target: RacWorkloadTarget,
    settings: RacWorkloadSettings = DEFAULT_RAC_WORKLOAD,
    private readonly onChange?: (settings: RacWorkloadSettings) => void,
  ) {
    this.current = validateRacWorkload(DEFAULT_RAC_WORKLOAD, settings);
    this.pacer = new RatePacer(clock, () => this.issueOne());
    this.pacer.setRate(this.current.ratePerSecond);
  }

  settings(): RacWorkloadSettings {
    return { ...this.current };
  }

  set(patch: Partial<RacWorkloadSettings>): RacWorkloadSettings {
    this.current = validateRacWorkload(this.current, patch);
    this.pacer.setRate(this.current.ratePerSecond);
    this.onChange?.(this.settings());
    return this.settings();
  }

  stop(): void {
    this.pacer.stop();
  }


  private issueOne(): void {
    const running = this.target.runningInstances();
    const blocks = this.target.blocks();
    if (running.length === 0 || blocks.length === 0) {
      this.counters.skipped += 1;
      return;
    }
    const instanceId = this.rng.pick(running);
    const outstanding = this.settle(instanceId);
    if (outstanding.length >= MAX_OUTSTANDING_PER_INSTANCE) {
      this.counters.skipped += 1;
      return;
    }
    const all = this.target.allInstances();
    const index = Math.max(0, all.indexOf(instanceId));
    const preferred = blocks.filter((_, position) => position % all.length === index);
    const blockId = preferred.length > 0 && this.rng.chance(this.current.skew) ? this.rng.pick(preferred) : this.rng.pick(blocks);
    const isRead = this.rng.chance(this.current.readRatio);
    const handle = isRead
      ? this.target.read(instanceId, blockId)
      : this.target.write(instanceId, blockId, { rowIndex: this.rng.int(0, ROW_RANGE), values: { amount: this.rng.int(1, 10_000), quantity: this.rng.int(1, 100) } });
    this.counters.issued += 1;
    this.counters[isRead ? 'reads' : 'writes'] += 1;
    outstanding.push(handle);
  }

  /** The instance's operations still pending; counts those that settled since the last look. */
  private settle(instanceId: string): { status: string }[] {
    const kept: { status: string }[] = [];
    for (const handle of this.outstanding.get(instanceId) ?? []) {
      if (handle.status === 'PENDING') kept.push(handle);
      else this.counters[handle.status === 'DONE' ? 'completed' : 'failed'] += 1;
    }
    this.outstanding.set(instanceId, kept);
    return kept;
  }
}
