/**
 * The apply engine: the appliers of every subscription, the engine-wide configuration, the
 * automatic checkpoints and the statistics across appliers. Logical subscriptions make their
 * applier with {@link ApplyEngine.applierFor}; see README.md.
 */
import type { TimerId, VirtualClock } from '../runtime/clock.js';
import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import type { Lsn } from '../replication/lsn.js';
import { DEFAULT_APPLY_CONFIG, validateApplyConfig, type ApplyConfig, type ApplyConfigPatch } from './apply-config.js';
import type { ApplyTarget, CheckpointRecord } from './apply-types.js';
import { Applier, EMPTY_COUNTERS, type ApplierCounters, type ApplierRecord } from './applier.js';

/** Most appliers (subscriptions) one engine runs. */
export const MAX_APPLIERS = 256;

/** How the engine's state reaches the store. */
export interface ApplyPersistence {
  saveConfig(config: ApplyConfig): void;
  saveApplier(record: ApplierRecord): void;
  deleteApplier(subscriptionId: string): void;
}

export interface ApplyEngineDeps {
  clock: VirtualClock;
  persistence: ApplyPersistence;
}

/** What the store held at start. */
export interface ApplyEngineState {
  config?: ApplyConfig;
  appliers?: readonly ApplierRecord[];
}

export interface ApplierOptions {
  /** Where the stream starts when the applier is new (after the initial copy): transactions before it are already on the target. Default 0. */
  startLsn?: Lsn;
  /** The subscription's own values of configuration fields (validated). */
  overrides?: ApplyConfigPatch;
}

/** Counters summed over every applier, with what follows from them. */
export interface ApplyStatistics extends ApplierCounters {
  appliers: number;
  /** Mean transactions per batch. */
  averageBatchTransactions: number;
  /** Worker time over time any worker was busy: the parallelism achieved. */
  averageBusyWorkers: number;
  /** Transactions applied per second of cluster time between the first and the last one applied; 0 before two instants. */
  transactionsPerSecond: number;
}

export class ApplyEngine {
  private currentConfig: ApplyConfig;
  private readonly live = new Map<string, Applier>();
  /** Appliers the store held that no feeder has bound again yet. */
  private readonly waiting = new Map<string, ApplierRecord>();
  private checkpointTimer: TimerId | null = null;

  constructor(
    private readonly deps: ApplyEngineDeps,
    restored: ApplyEngineState = {},
  ) {
    this.currentConfig = restored.config === undefined ? { ...DEFAULT_APPLY_CONFIG } : validateApplyConfig(restored.config, DEFAULT_APPLY_CONFIG);
    for (const record of restored.appliers ?? []) this.waiting.set(record.subscriptionId, record);
    this.armCheckpoints();
  }

  config(): ApplyConfig {
    return { ...this.currentConfig };
  }

  /**
   * Changes the engine-wide configuration; each applier takes it at its next batch.
   * @throws DomainError UNPROCESSABLE naming the bad field; nothing changes then.
   */
  configure(patch: ApplyConfigPatch): ApplyConfig {
    const next = validateApplyConfig(patch, this.currentConfig);
    for (const applier of this.live.values()) validateApplyConfig(applier.overrides, next);
    this.currentConfig = next;
    this.deps.persistence.saveConfig(next);
    return this.config();
  }

  /**
   * The subscription's applier: made at the first call (RUNNING, its checkpoint at `startLsn`),
   * rebuilt from the store after a restart, or the live one; each time bound to `target`.
   * @throws DomainError UNPROCESSABLE for bad overrides, CONFLICT beyond {@link MAX_APPLIERS}.
   */
  applierFor(subscriptionId: string, target: ApplyTarget, options: ApplierOptions = {}): Applier {
    const existing = this.live.get(subscriptionId);
    if (existing !== undefined) {
      existing.rebind(target);
      return existing;
    }
    const restored = this.waiting.get(subscriptionId);
    const overrides = options.overrides ?? restored?.overrides ?? {};
    validateApplyConfig(overrides, this.currentConfig);
    if (this.live.size >= MAX_APPLIERS) {
      throw new DomainError('CONFLICT', `The apply engine runs ${MAX_APPLIERS} appliers, its limit.`, { limit: MAX_APPLIERS });
    }
    const record = restored ?? Applier.initialRecord(subscriptionId, target.nodeId, options.startLsn ?? 0, overrides, this.deps.clock.now());
    const applier: Applier = new Applier(
      subscriptionId,
      target,
      overrides,
      {
        clock: this.deps.clock,
        config: (): ApplyConfig => ({ ...this.currentConfig, ...applier.overrides }),
        persist: (changed) => this.deps.persistence.saveApplier(changed.record()),
      },
      { ...record, overrides },
    );
    this.waiting.delete(subscriptionId);
    this.live.set(subscriptionId, applier);
    this.deps.persistence.saveApplier(applier.record());
    return applier;
  }

  /** @throws DomainError NOT_FOUND when no applier runs for the subscription. */
  applier(subscriptionId: string): Applier {
    const applier = this.live.get(subscriptionId);
    if (applier === undefined) throw new DomainError('NOT_FOUND', `No applier for subscription "${subscriptionId}".`, { subscriptionId });
    return applier;
  }

  /** The live appliers, by subscription id in natural order. */
  appliers(): Applier[] {
    return [...this.live.values()].sort((a, b) => naturalCompare(a.subscriptionId, b.subscriptionId));
  }

  /** Stops and forgets a subscription's applier and its checkpoint (the subscription was dropped). */
  drop(subscriptionId: string): void {
    this.live.get(subscriptionId)?.close();
    this.live.delete(subscriptionId);
    this.waiting.delete(subscriptionId);
    this.deps.persistence.deleteApplier(subscriptionId);
  }

  /**
   * A MANUAL checkpoint of one applier, or of every applier.
   * @throws DomainError NOT_FOUND for an unknown subscription.
   */
  takeCheckpoints(subscriptionId?: string): CheckpointRecord[] {
    const appliers = subscriptionId === undefined ? this.appliers() : [this.applier(subscriptionId)];
    return appliers.map((applier) => applier.takeCheckpoint('MANUAL'));
  }

  statistics(): ApplyStatistics {
    const sum: ApplierCounters = { ...EMPTY_COUNTERS };
    for (const applier of this.live.values()) {
      const counters = applier.counterValues();
      for (const field of Object.keys(counters) as (keyof ApplierCounters)[]) {
        const value = counters[field];
        if (field === 'firstAppliedAtMs') sum.firstAppliedAtMs = minOf(sum.firstAppliedAtMs, value);
        else if (field === 'lastAppliedAtMs') sum.lastAppliedAtMs = maxOf(sum.lastAppliedAtMs, value);
        else (sum[field] as number) += value as number;
      }
    }
    return { ...sum, appliers: this.live.size, ...derived(sum) };
  }

  close(): void {
    if (this.checkpointTimer !== null) this.deps.clock.cancel(this.checkpointTimer);
    this.checkpointTimer = null;
    for (const applier of this.live.values()) applier.close();
  }

  /** Every `checkpointIntervalMs`, an AUTO checkpoint of each applier whose position moved. */
  private armCheckpoints(): void {
    this.checkpointTimer = this.deps.clock.after(this.currentConfig.checkpointIntervalMs, () => {
      for (const applier of this.live.values()) applier.checkpointIfMoved();
      this.armCheckpoints();
    });
  }
}

/** Averages and rates from counters (one applier's or the sum). */
export function derived(counters: ApplierCounters): Pick<ApplyStatistics, 'averageBatchTransactions' | 'averageBusyWorkers' | 'transactionsPerSecond'> {
  const spanMs = counters.firstAppliedAtMs === null || counters.lastAppliedAtMs === null ? 0 : counters.lastAppliedAtMs - counters.firstAppliedAtMs;
  return {
    averageBatchTransactions: counters.batchesApplied === 0 ? 0 : counters.batchTransactions / counters.batchesApplied,
    averageBusyWorkers: counters.activeMs === 0 ? 0 : counters.workerBusyMs / counters.activeMs,
    transactionsPerSecond: spanMs === 0 ? 0 : (counters.transactionsApplied * 1000) / spanMs,
  };
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}
