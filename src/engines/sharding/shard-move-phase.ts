/**
 * The phases of a shard move (README, "Rebalance and migration workflows") and the one function
 * that changes a phase, throwing on an illegal transition as etcd's raft does ("invalid
 * transition [COPY -> CLEANUP]"). Vitess's MoveTables names: the copy phase, binlog catch-up,
 * VDiff, SwitchTraffic, Complete; Cancel is refused once traffic switched.
 */
import { DomainError } from '../runtime/domain-error.js';

export type MovePhase = 'PENDING' | 'COPY' | 'CATCH_UP' | 'VERIFY' | 'SWITCH' | 'CLEANUP' | 'COMPLETED' | 'PAUSED' | 'CANCELLED' | 'FAILED';

export const MOVE_PHASES: readonly MovePhase[] = Object.freeze(['PENDING', 'COPY', 'CATCH_UP', 'VERIFY', 'SWITCH', 'CLEANUP', 'COMPLETED', 'PAUSED', 'CANCELLED', 'FAILED']);

/** Phases a move can be paused in (a switch runs to its end; a finished move has nothing to pause). */
export type PausablePhase = Extract<MovePhase, 'PENDING' | 'COPY' | 'CATCH_UP' | 'VERIFY' | 'CLEANUP'>;

/** Phases a move runs through, in order. */
export const RUNNING_PHASES: readonly MovePhase[] = Object.freeze(['COPY', 'CATCH_UP', 'VERIFY', 'SWITCH', 'CLEANUP']);

/** from → the phases it may go to. */
const TRANSITIONS: Readonly<Record<MovePhase, readonly MovePhase[]>> = Object.freeze({
  PENDING: ['COPY', 'PAUSED', 'CANCELLED', 'FAILED'],
  // CATCH_UP → COPY: the source's WAL from the copy's start was removed (a checkpoint); the copy starts again.
  COPY: ['CATCH_UP', 'PAUSED', 'CANCELLED', 'FAILED'],
  CATCH_UP: ['VERIFY', 'COPY', 'PAUSED', 'CANCELLED', 'FAILED'],
  VERIFY: ['SWITCH', 'PAUSED', 'CANCELLED', 'FAILED'],
  // Past the switch a move only completes (Vitess refuses Cancel after SwitchTraffic).
  SWITCH: ['CLEANUP', 'FAILED'],
  CLEANUP: ['COMPLETED', 'PAUSED'],
  PAUSED: ['PENDING', 'COPY', 'CATCH_UP', 'VERIFY', 'CLEANUP', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
  FAILED: [],
});

export function isTerminalPhase(phase: MovePhase): boolean {
  return phase === 'COMPLETED' || phase === 'CANCELLED' || phase === 'FAILED';
}

/** True while the move may still be cancelled with routing unchanged: before the switch. */
export function isBeforeSwitch(phase: MovePhase): boolean {
  return phase === 'PENDING' || phase === 'COPY' || phase === 'CATCH_UP' || phase === 'VERIFY';
}

/** The next phase. @throws Error (a programmer error) for a transition the table does not list. */
export function becomePhase(moveId: string, from: MovePhase, to: MovePhase): MovePhase {
  if (!TRANSITIONS[from].includes(to)) throw new Error(`invalid transition [${from} -> ${to}] of move ${moveId}`);
  return to;
}

/** The same check for what a caller asks (pause, resume, cancel): CONFLICT naming what is allowed. */
export function refuseUnlessAllowed(moveId: string, from: MovePhase, to: MovePhase, why: string): void {
  if (TRANSITIONS[from].includes(to)) return;
  throw new DomainError('CONFLICT', `Move ${moveId} cannot go [${from} -> ${to}]: ${why}`, { moveId, phase: from, requested: to, allowed: TRANSITIONS[from] });
}
