import type { InstanceRecovery as EngineRecovery, RecoveryPhase, RecoveryReason } from '../../engines/rac/instance-recovery.js';
import type { RecoveryConfig as EngineRecoveryConfig } from '../../engines/rac/rac-config.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { racInstanceStatusOf, type RacInstanceStatus, type RacServiceDeps } from './rac-service.js';

// ================================================================ views (the contract's schemas)

/** The contract's RecoveryPhase: the engine's phases, plus FAILED, which the engine never enters (see the report of issue 5). */
export type RecoveryPhaseView = RecoveryPhase | 'FAILED';

export interface RecoveryPhaseTiming {
  phase: RecoveryPhaseView;
  startedAt: string;
  completedAt: string | null;
}

/** The contract's InstanceRecovery. */
export interface InstanceRecoveryView {
  recoveryId: string;
  failedInstance: string;
  recoveringInstance: string;
  trigger: RecoveryReason;
  phase: RecoveryPhaseView;
  phases: RecoveryPhaseTiming[];
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  redoRecordsApplied: number;
  redoBytesApplied: number;
  redoBytesTotal: number;
  blocksRecovered: number;
  resourcesRemastered: number;
  locksReleased: number;
  error: string | null;
}

export const INSTANCE_RECOVERY_FIELDS: readonly (keyof InstanceRecoveryView)[] = [
  'recoveryId', 'failedInstance', 'recoveringInstance', 'trigger', 'phase', 'phases', 'startedAt', 'completedAt', 'durationMs', 'redoRecordsApplied',
  'redoBytesApplied', 'redoBytesTotal', 'blocksRecovered', 'resourcesRemastered', 'locksReleased', 'error',
];

/** The contract's RacInstanceRecoveryStatus. */
export interface RacInstanceRecoveryStatus {
  instanceId: string;
  status: RacInstanceStatus;
  needsRecovery: boolean;
  recoveryId: string | null;
  recoveryPhase: RecoveryPhaseView | null;
  recoveringInstance: string | null;
  recoveryStartedAt: string | null;
  recoveryCompletedAt: string | null;
}

/** The contract's RecoveryConfig. */
export interface RecoveryConfigView {
  autoRecovery: boolean;
  redoApplyBytesPerSecond: number;
  remasterResourcesPerSecond: number;
  historyLimit: number;
}

export interface RecoveryHistoryQuery {
  failedInstance?: string;
  trigger?: RecoveryReason;
  phase?: RecoveryPhaseView;
  sortBy?: 'startedAt' | 'durationMs' | 'redoBytesApplied' | 'recoveryId';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface InitiateRecoveryRequest {
  instanceId: string;
  recoveringInstance?: string;
}

// ================================================================ pure mappers


/** The API view of an engine recovery. */
export function instanceRecoveryViewOf(recovery: EngineRecovery): InstanceRecoveryView {
  return {
    recoveryId: recovery.recoveryId,
    // The engine may recover several instances together; the contract names the one whose failure started it.
    failedInstance: recovery.instanceId,
    // The engine picks the recovering instance as it starts, and starts only with a survivor.
    recoveringInstance: recovery.recoveringInstanceId ?? recovery.instanceId,
    trigger: recovery.reason,
    phase: recovery.phase,
    phases: recovery.phases.map((stamp) => ({ phase: stamp.phase, startedAt: isoTime(stamp.startedAtMs), completedAt: stamp.phase === 'COMPLETED' || stamp.endedAtMs === null ? null : isoTime(stamp.endedAtMs) })),
    startedAt: isoTime(recovery.startedAtMs),
    completedAt: recovery.completedAtMs === null ? null : isoTime(recovery.completedAtMs),
    durationMs: recovery.completedAtMs === null ? null : recovery.completedAtMs - recovery.startedAtMs,
    redoRecordsApplied: recovery.redoRecordsApplied,
    redoBytesApplied: recovery.redoBytesApplied,
    // Recoveries stored before the engine recorded the total applied all of it.
    redoBytesTotal: recovery.redoBytesTotal ?? recovery.redoBytesApplied,
    blocksRecovered: recovery.blocksRecovered,
    resourcesRemastered: recovery.resourcesRemastered,
    locksReleased: recovery.locksReleased,
    error: null,
  };
}

function recoveryConfigViewOf(config: EngineRecoveryConfig): RecoveryConfigView {
  return {
    autoRecovery: config.autoRecovery,
    redoApplyBytesPerSecond: config.redoApplyBytesPerSecond,
    remasterResourcesPerSecond: config.remasterResourcesPerSecond,
    historyLimit: config.maxHistory,
  };
}

// ================================================================ the service

/** Instance recovery: status, active recoveries, history, config and manual initiation. */
export class RacRecoveryService {
  constructor(private readonly deps: RacServiceDeps) {}

  private get cluster() {
    return this.deps.engine.cluster;
  }

  /** Every instance, sorted by id, with its running recovery or else its last one. */
  status(context: OperationContext): RacInstanceRecoveryStatus[] {
    return this.deps.runner.read(context, 'getRacRecoveryStatus', () => {
      const cluster = this.cluster;
      const active = cluster.activeRecoveryView();
      // Newest first, so the first covering an instance is its last recovery.
      const history = cluster.recoveryHistory();
      return cluster.instanceViews().map((instance) => {
        const recovery = active?.instanceIds.includes(instance.instanceId) === true ? active : history.find((ended) => ended.instanceIds.includes(instance.instanceId));
        return {
          instanceId: instance.instanceId,
          status: racInstanceStatusOf(cluster.state() === 'OPEN', instance.status),
          needsRecovery: instance.needsRecovery,
          recoveryId: recovery?.recoveryId ?? null,
          recoveryPhase: recovery?.phase ?? null,
          recoveringInstance: recovery?.recoveringInstanceId ?? null,
          recoveryStartedAt: recovery === undefined ? null : isoTime(recovery.startedAtMs),
          recoveryCompletedAt: recovery?.completedAtMs == null ? null : isoTime(recovery.completedAtMs),
        };
      });
    });
  }

  /** Recoveries not yet ended, oldest first (the engine runs one at a time). */
  active(context: OperationContext, query: { limit?: number; offset?: number }): Page<InstanceRecoveryView> {
    return this.deps.runner.read(context, 'listActiveRacRecoveries', () => {
      const active = this.cluster.activeRecoveryView();
      return pageOf(active === null ? [] : [instanceRecoveryViewOf(active)], { limit: query.limit, offset: query.offset });
    });
  }

  history(context: OperationContext, query: RecoveryHistoryQuery): Page<Partial<InstanceRecoveryView>> {
    return this.deps.runner.read(context, 'listRacRecoveryHistory', () => {
      const order = query.order ?? 'desc';
      const views = this.cluster.recoveryHistory().map(instanceRecoveryViewOf);
      // The sort is stable: from newest first for desc, so ties list newest first too.
      const page = pageOf(order === 'desc' ? views : views.reverse(), {
        filters: { failedInstance: query.failedInstance, trigger: query.trigger, phase: query.phase },
        sortBy: query.sortBy ?? 'startedAt',
        order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'recoveryId', INSTANCE_RECOVERY_FIELDS) };
    });
  }

  config(context: OperationContext): RecoveryConfigView {
    return this.deps.runner.read(context, 'getRacRecoveryConfig', () => recoveryConfigViewOf(this.cluster.recoveryConfig()));
  }

  /** Replaces the whole configuration. @throws UNPROCESSABLE listing every bad field (the engine's check). */
  updateConfig(context: OperationContext, config: RecoveryConfigView): Promise<RecoveryConfigView> {
    return this.deps.runner.run(context, 'updateRacRecoveryConfig', 'rac.recovery/config', () =>
      recoveryConfigViewOf(
        this.cluster.setRecoveryConfig({
          autoRecovery: config.autoRecovery,
          redoApplyBytesPerSecond: config.redoApplyBytesPerSecond,
          remasterResourcesPerSecond: config.remasterResourcesPerSecond,
          maxHistory: config.historyLimit,
        }),
      ),
    );
  }

  /**
   * Starts the recovery of a FAILED or EVICTED instance.
   * @throws NOT_FOUND (either instance), UNPROCESSABLE (an instance recovering itself), CONFLICT
   * (alive, already recovered or being recovered, recovering instance not running, database stopped).
   */
  initiate(context: OperationContext, request: InitiateRecoveryRequest): Promise<InstanceRecoveryView> {
    return this.deps.runner.run(context, 'initiateRacRecovery', `rac.instance/${request.instanceId}`, () =>
      instanceRecoveryViewOf(this.cluster.initiateRecovery(request.instanceId, request.recoveringInstance)),
    );
  }
}
