/**
 * An instance recovery as an explicit state machine: DETECTED → FREEZE → REMASTER → REDO_APPLY →
 * LOCK_CLEANUP → COMPLETED, each phase stamped with when it started and ended, and the history of
 * completed recoveries (bounded). The work of each phase is done by the cluster (rac-cluster.ts).
 */
export type RecoveryPhase = 'DETECTED' | 'FREEZE' | 'REMASTER' | 'REDO_APPLY' | 'LOCK_CLEANUP' | 'COMPLETED';
export const RECOVERY_PHASES: readonly RecoveryPhase[] = Object.freeze(['DETECTED', 'FREEZE', 'REMASTER', 'REDO_APPLY', 'LOCK_CLEANUP', 'COMPLETED']);

export type RecoveryReason = 'CRASH' | 'EVICTION' | 'MANUAL';

export interface PhaseStamp {
  phase: RecoveryPhase;
  startedAtMs: number;
  endedAtMs: number | null;
}

export interface InstanceRecovery {
  recoveryId: string;
  /** The first instance recovered (the one whose failure started it). */
  instanceId: string;
  /** Every instance recovered together (instances that failed before the remaster join in). */
  instanceIds: string[];
  /** The survivor that ran it. */
  recoveringInstanceId: string | null;
  reason: RecoveryReason;
  phase: RecoveryPhase;
  phases: PhaseStamp[];
  startedAtMs: number;
  completedAtMs: number | null;
  /** GCS requests aborted by the freeze. */
  requestsAborted: number;
  /** Resources whose master moved off the failed instances. */
  resourcesRemastered: number;
  /** Blocks rebuilt from disk or a past image plus redo. */
  blocksRecovered: number;
  redoRecordsApplied: number;
  redoBytesApplied: number;
  /** Redo records and bytes to apply, known once REDO_APPLY starts (0 before). */
  redoRecordsTotal: number;
  redoBytesTotal: number;
  /** GES locks of the failed instances released. */
  locksReleased: number;
}

/** The one legal successor of each phase. */
const NEXT_PHASE: Readonly<Record<RecoveryPhase, RecoveryPhase | null>> = Object.freeze({
  DETECTED: 'FREEZE',
  FREEZE: 'REMASTER',
  REMASTER: 'REDO_APPLY',
  REDO_APPLY: 'LOCK_CLEANUP',
  LOCK_CLEANUP: 'COMPLETED',
  COMPLETED: null,
});

export function newRecovery(recoveryId: string, instanceIds: string[], reason: RecoveryReason, atMs: number): InstanceRecovery {
  return {
    recoveryId,
    instanceId: instanceIds[0]!,
    instanceIds: [...instanceIds],
    recoveringInstanceId: null,
    reason,
    phase: 'DETECTED',
    phases: [{ phase: 'DETECTED', startedAtMs: atMs, endedAtMs: null }],
    startedAtMs: atMs,
    completedAtMs: null,
    requestsAborted: 0,
    resourcesRemastered: 0,
    blocksRecovered: 0,
    redoRecordsApplied: 0,
    redoBytesApplied: 0,
    redoRecordsTotal: 0,
    redoBytesTotal: 0,
    locksReleased: 0,
  };
}

/** Moves a recovery to its next phase. @throws Error on any other transition (a programmer error). */
export function advanceRecovery(recovery: InstanceRecovery, to: RecoveryPhase, atMs: number): void {
  if (NEXT_PHASE[recovery.phase] !== to) throw new Error(`recovery ${recovery.recoveryId}: illegal transition ${recovery.phase} → ${to}`);
  const current = recovery.phases.at(-1)!;
  current.endedAtMs = atMs;
  recovery.phase = to;
  recovery.phases.push({ phase: to, startedAtMs: atMs, endedAtMs: to === 'COMPLETED' ? atMs : null });
  if (to === 'COMPLETED') recovery.completedAtMs = atMs;
}

export function copyRecovery(recovery: InstanceRecovery): InstanceRecovery {
  return { ...recovery, instanceIds: [...recovery.instanceIds], phases: recovery.phases.map((stamp) => ({ ...stamp })) };
}

/** Redo apply time for `bytes` at `bytesPerSecond`, whole ms, at least 1 when there is redo. */
export function redoApplyMs(bytes: number, bytesPerSecond: number): number {
  return durationAtRate(bytes, bytesPerSecond);
}

/** Time to process `amount` units at `perSecond`, whole ms, at least 1 when there is any. */
export function durationAtRate(amount: number, perSecond: number): number {
  return amount === 0 ? 0 : Math.max(1, Math.ceil((amount * 1000) / perSecond));
}
