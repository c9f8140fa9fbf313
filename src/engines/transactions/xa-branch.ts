/**
 * The XA branch state machine, as X/Open DTP and MySQL's XA statements define it: one
 * transition function, which refuses an event its state does not allow with 409 and the XA error
 * name `XAER_PROTO`. Pure.
 */
import { DomainError } from '../runtime/domain-error.js';

export type XaBranchState = 'ACTIVE' | 'IDLE' | 'PREPARED' | 'COMMITTED' | 'ROLLED_BACK' | 'ROLLBACK_ONLY';
export const XA_BRANCH_STATES: readonly XaBranchState[] = Object.freeze(['ACTIVE', 'IDLE', 'PREPARED', 'COMMITTED', 'ROLLED_BACK', 'ROLLBACK_ONLY']);

/**
 * What happens to a branch: the TM's calls (`end`, `prepare`, `commit`, `commitOnePhase`,
 * `rollback`), a failure of its work (`fail`: a lock timeout, a refused write, its node's crash)
 * and its timeout.
 */
export type XaEvent = 'end' | 'prepare' | 'commit' | 'commitOnePhase' | 'rollback' | 'fail' | 'timeout';

/** XA error names, as xa.h and MySQL spell them. */
export type XaErrorName = 'XAER_NOTA' | 'XAER_PROTO' | 'XAER_DUPID' | 'XAER_RMFAIL' | 'XAER_INVAL' | 'XA_RBTIMEOUT' | 'XA_RBROLLBACK';

const TRANSITIONS: Readonly<Record<XaBranchState, Partial<Record<XaEvent, XaBranchState>>>> = Object.freeze({
  ACTIVE: { end: 'IDLE', fail: 'ROLLBACK_ONLY', timeout: 'ROLLED_BACK' },
  IDLE: { prepare: 'PREPARED', commitOnePhase: 'COMMITTED', rollback: 'ROLLED_BACK', timeout: 'ROLLED_BACK', fail: 'ROLLBACK_ONLY' },
  ROLLBACK_ONLY: { rollback: 'ROLLED_BACK', timeout: 'ROLLED_BACK', fail: 'ROLLBACK_ONLY' },
  // A prepared branch waits for its TM: neither a timeout nor a failure rolls it back.
  PREPARED: { commit: 'COMMITTED', rollback: 'ROLLED_BACK' },
  COMMITTED: {},
  ROLLED_BACK: {},
});

/** The statement each event is, for messages. */
const STATEMENT: Readonly<Record<XaEvent, string>> = Object.freeze({
  end: 'XA END',
  prepare: 'XA PREPARE',
  commit: 'XA COMMIT',
  commitOnePhase: 'XA COMMIT … ONE PHASE',
  rollback: 'XA ROLLBACK',
  fail: 'a failure',
  timeout: 'the transaction timeout',
});

/** Whether a branch in `state` still holds work or a prepared transaction. */
export function isLiveXaState(state: XaBranchState): boolean {
  return state !== 'COMMITTED' && state !== 'ROLLED_BACK';
}

/** The state `event` moves a branch in `state` to, or null when the state does not allow it. Pure. */
export function xaTransitionOf(state: XaBranchState, event: XaEvent): XaBranchState | null {
  return TRANSITIONS[state][event] ?? null;
}

/**
 * The one transition function: the state after `event`.
 * @throws DomainError CONFLICT with `details.xaError` XAER_PROTO when `state` does not allow `event`.
 */
export function nextXaState(state: XaBranchState, event: XaEvent, xid: string): XaBranchState {
  const next = xaTransitionOf(state, event);
  if (next === null) {
    const hint =
      event === 'commit' && state === 'IDLE'
        ? ' (an IDLE branch commits with onePhase, or prepares first)'
        : event === 'commitOnePhase' && state === 'PREPARED'
          ? ' (a PREPARED branch commits without onePhase)'
          : state === 'ACTIVE'
            ? ' (end it first)'
            : state === 'ROLLBACK_ONLY'
              ? ' (it can only be rolled back)'
              : '';
    throw new DomainError('CONFLICT', `XAER_PROTO: ${STATEMENT[event]} is not allowed when the branch ${xid} is in the ${state} state${hint}.`, {
      xaError: 'XAER_PROTO',
      xid,
      state,
      operation: event,
      reason: 'XAER_PROTO',
    });
  }
  return next;
}
