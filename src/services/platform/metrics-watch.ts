import type { VirtualClock } from '../../engines/runtime/index.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import type { MetricsService } from './metrics-service.js';
import type { OperationContext } from './operation-context.js';
import type { OperationRunner } from './operation-runner.js';

/** Bounds of a metrics stream's interval, in cluster milliseconds, and the interval it gets when it names none. */
export const METRICS_INTERVAL_MS = Object.freeze({ min: 100, max: 3_600_000, default: 1000 });

/** The metrics snapshot (GET /api/v1/metrics), as a watch delivers it. */
export type MetricsSnapshot = ReturnType<MetricsService['snapshot']>;

/** Where a watch delivers: each snapshot, or the error that ended it. */
export interface Watcher<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/**
 * Metrics snapshots on a schedule: one at once, then one every interval of cluster time, on the
 * runtime's clock (so tests run on virtual time, and a realtime server follows wall time). The
 * snapshot is the one GET /api/v1/metrics answers.
 */
export class MetricsWatch {
  constructor(
    private readonly metrics: MetricsService,
    private readonly clock: Pick<VirtualClock, 'every' | 'cancel'>,
    private readonly runner: OperationRunner,
  ) {}

  /**
   * Starts a watch under `operationId`'s roles; returns what stops it.
   * @throws UNPROCESSABLE when `intervalMs` is outside {@link METRICS_INTERVAL_MS}.
   */
  watch(context: OperationContext, operationId: string, intervalMs: number, watcher: Watcher<MetricsSnapshot>): () => void {
    return this.runner.read(context, operationId, () => {
      const { min, max } = METRICS_INTERVAL_MS;
      if (!Number.isSafeInteger(intervalMs) || intervalMs < min || intervalMs > max) {
        throw new DomainError('UNPROCESSABLE', `intervalMs must be a whole number of milliseconds from ${min} to ${max}.`, { field: 'intervalMs', intervalMs, min, max });
      }
      let stopped = false;
      const stop = () => {
        stopped = true;
        this.clock.cancel(timer);
      };
      // Inside a clock callback nothing may throw: it would surface in the engine that advanced the clock.
      const deliver = () => {
        try {
          watcher.next(this.metrics.snapshot(context));
        } catch (error) {
          stop();
          watcher.error(error);
        }
      };
      const timer = this.clock.every(intervalMs, deliver);
      deliver();
      return () => {
        if (!stopped) stop();
      };
    });
  }
}
