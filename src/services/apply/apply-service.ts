import type { ApplyConfigPatch } from '../../engines/apply/apply-config.js';
import { derived, type ApplyEngine } from '../../engines/apply/apply-engine.js';
import type { ApplierState, ApplyTransactionStatus, CheckpointTrigger } from '../../engines/apply/apply-types.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import {
  applierStatusOf,
  applyCheckpointOf,
  applyStatisticsOf,
  applyTransactionOf,
  type ApplierStatus,
  type ApplyCheckpoint,
  type ApplyConfig,
  type ApplyStatisticsShape,
  type ApplyTransaction,
} from './apply-shapes.js';

export interface ApplyServiceDeps {
  apply: ApplyEngine;
  runner: OperationRunner;
}

export interface ApplierStatusQuery {
  state?: ApplierState;
  targetNodeId?: string;
  sortBy?: 'subscriptionId' | 'lagMs' | 'lagBytes' | 'queuedTransactions';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface ApplyCheckpointQuery {
  subscriptionId?: string;
  trigger?: CheckpointTrigger;
  limit?: number;
  offset?: number;
}

export interface ApplyTransactionQuery {
  subscriptionId?: string;
  status?: ApplyTransactionStatus;
  limit?: number;
  offset?: number;
}

const CONFIG_TARGET = 'apply.config';
const CHECKPOINT_TARGET = 'apply.checkpoint';

/**
 * The apply engine's operations (/api/v1/advanced-replication/apply): configuration, the status
 * of every applier, checkpoints, transactions and statistics. Appliers are made by logical
 * subscriptions; these operations show and steer them.
 */
export class ApplyService {
  constructor(private readonly deps: ApplyServiceDeps) {}

  config(context: OperationContext): ApplyConfig {
    return this.deps.runner.read(context, 'getApplyConfig', () => this.deps.apply.config());
  }

  /** @throws UNPROCESSABLE naming the field for a configuration that makes no sense. */
  updateConfig(context: OperationContext, patch: ApplyConfigPatch): Promise<ApplyConfig> {
    return this.deps.runner.run(context, 'updateApplyConfig', CONFIG_TARGET, () => this.deps.apply.configure(patch));
  }

  status(context: OperationContext, query: ApplierStatusQuery): Page<ApplierStatus> {
    return this.deps.runner.read(context, 'listApplierStatus', () =>
      pageOf(
        this.deps.apply.appliers().map((applier) => applierStatusOf(applier.status(), applier.config().onPermanentError)),
        {
          filters: { state: query.state, targetNodeId: query.targetNodeId },
          sortBy: query.sortBy ?? 'subscriptionId',
          order: query.order,
          limit: query.limit,
          offset: query.offset,
        },
      ),
    );
  }

  checkpoints(context: OperationContext, query: ApplyCheckpointQuery): Page<ApplyCheckpoint> {
    return this.deps.runner.read(context, 'listApplyCheckpoints', () => {
      const records = this.deps.apply
        .appliers()
        .flatMap((applier) => applier.checkpoints())
        .sort((a, b) => b.takenAtMs - a.takenAtMs);
      return pageOf(records.map(applyCheckpointOf), {
        filters: { subscriptionId: query.subscriptionId, trigger: query.trigger },
        limit: query.limit,
        offset: query.offset,
      });
    });
  }

  /** @throws NOT_FOUND for a subscription without an applier. */
  takeCheckpoint(context: OperationContext, subscriptionId: string | undefined): Promise<ApplyCheckpoint[]> {
    return this.deps.runner.run(context, 'takeApplyCheckpoint', `${CHECKPOINT_TARGET}/${subscriptionId ?? '*'}`, () =>
      this.deps.apply.takeCheckpoints(subscriptionId).map(applyCheckpointOf),
    );
  }

  transactions(context: OperationContext, query: ApplyTransactionQuery): Page<ApplyTransaction> {
    return this.deps.runner.read(context, 'listApplyTransactions', () => {
      const appliers = query.subscriptionId === undefined ? this.deps.apply.appliers() : this.deps.apply.appliers().filter((applier) => applier.subscriptionId === query.subscriptionId);
      return pageOf(appliers.flatMap((applier) => applier.transactions()).map(applyTransactionOf), {
        filters: { status: query.status },
        limit: query.limit,
        offset: query.offset,
      });
    });
  }

  /** @throws NOT_FOUND for a subscription without an applier. */
  statistics(context: OperationContext, subscriptionId: string | undefined): ApplyStatisticsShape {
    return this.deps.runner.read(context, 'getApplyStatistics', () => {
      if (subscriptionId === undefined) return applyStatisticsOf(this.deps.apply.statistics());
      const counters = this.deps.apply.applier(subscriptionId).counterValues();
      return applyStatisticsOf({ ...counters, appliers: 1, ...derived(counters) });
    });
  }
}
