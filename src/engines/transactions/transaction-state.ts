/**
 * A distributed transaction's state as the API shows it, derived from what is known of its
 * coordinator and participants, and the one function every change of it goes through. Pure.
 */
import { assert } from '../runtime/domain-error.js';

export type TransactionState =
  | 'ACTIVE'
  | 'PREPARING'
  | 'PREPARED'
  | 'COMMITTING'
  | 'COMMITTED'
  | 'ABORTING'
  | 'ABORTED'
  | 'IN_DOUBT'
  | 'HEURISTIC_COMMIT'
  | 'HEURISTIC_ROLLBACK'
  | 'HEURISTIC_MIXED'
  | 'HEURISTIC_HAZARD';

export const TRANSACTION_STATES: readonly TransactionState[] = Object.freeze([
  'ACTIVE', 'PREPARING', 'PREPARED', 'COMMITTING', 'COMMITTED', 'ABORTING', 'ABORTED', 'IN_DOUBT',
  'HEURISTIC_COMMIT', 'HEURISTIC_ROLLBACK', 'HEURISTIC_MIXED', 'HEURISTIC_HAZARD',
]);

export type HeuristicOutcome = 'HEURISTIC_COMMIT' | 'HEURISTIC_ROLLBACK' | 'HEURISTIC_MIXED' | 'HEURISTIC_HAZARD';

/** A participant's state: its tentative work, its prepared transaction, or how it ended. */
export type ParticipantState = 'ACTIVE' | 'PREPARED' | 'IN_DOUBT' | 'COMMITTED' | 'ABORTED' | 'HEURISTIC_COMMIT' | 'HEURISTIC_ROLLBACK';

export type Vote = 'YES' | 'NO';
export type Decision = 'COMMIT' | 'ABORT';

/** How far the coordinator got, as last seen. */
export type CoordinatorPhase = 'ACTIVE' | 'PREPARING' | 'PREPARED' | 'COMMITTING_ONE_PHASE' | 'DECIDED';

/** What the state is derived from. */
export interface TransactionFacts {
  phase: CoordinatorPhase;
  /** COMMIT once logged, ABORT once decided (or presumed: the coordinator came back without a log row); null before. */
  decision: Decision | null;
  /** The coordinator's node is down now. */
  coordinatorDown: boolean;
  /** The coordinator lost the transaction undecided (it crashed): the outcome is abort. */
  coordinatorLost: boolean;
  participants: readonly { state: ParticipantState; reachable: boolean }[];
}

export function isFinalState(state: TransactionState): boolean {
  return state === 'COMMITTED' || state === 'ABORTED';
}

export function isHeuristicState(state: TransactionState | ParticipantState): state is HeuristicOutcome {
  return state.startsWith('HEURISTIC_');
}

/** A participant's outcome once it has one: COMMIT, ROLLBACK, or null while it has not ended. */
export function participantOutcomeOf(state: ParticipantState): 'COMMIT' | 'ROLLBACK' | null {
  if (state === 'COMMITTED' || state === 'HEURISTIC_COMMIT') return 'COMMIT';
  if (state === 'ABORTED' || state === 'HEURISTIC_ROLLBACK') return 'ROLLBACK';
  return null;
}

/** The state the facts make. */
export function deriveTransactionState(facts: TransactionFacts): TransactionState {
  const states = facts.participants.map((participant) => participant.state);
  if (states.some(isHeuristicState)) return heuristicOutcomeOf(facts.decision, facts.participants).outcome;
  if (states.length > 0 && states.every((state) => state === 'COMMITTED')) return 'COMMITTED';
  if (states.length > 0 && states.every((state) => state === 'ABORTED')) return 'ABORTED';
  const inDoubt = states.includes('IN_DOUBT') || (facts.coordinatorDown && states.includes('PREPARED'));
  if (facts.decision === 'COMMIT') return inDoubt ? 'IN_DOUBT' : 'COMMITTING';
  if (facts.decision === 'ABORT') return inDoubt ? 'IN_DOUBT' : 'ABORTING';
  if (inDoubt) return 'IN_DOUBT';
  if (facts.coordinatorLost) return 'ABORTING';
  switch (facts.phase) {
    case 'ACTIVE':
      return 'ACTIVE';
    case 'COMMITTING_ONE_PHASE':
      return 'COMMITTING';
    case 'PREPARING':
      return 'PREPARING';
    default:
      return 'PREPARED';
  }
}

/**
 * Narayana's names for a transaction an operator completed by hand: HEURISTIC_COMMIT or
 * HEURISTIC_ROLLBACK for the decision taken, HEURISTIC_MIXED once some participants committed and
 * others rolled back (the coordinator decided otherwise, or operators chose both), and
 * HEURISTIC_HAZARD while the decision contradicts it and a participant that must still apply the
 * decision is unreachable, so its outcome cannot be known.
 */
export function heuristicOutcomeOf(
  decision: Decision | null,
  participants: readonly { state: ParticipantState; reachable: boolean }[],
): { outcome: HeuristicOutcome; contradictsDecision: boolean } {
  const outcomes = participants.map((participant) => participantOutcomeOf(participant.state));
  const taken = participants.find((participant) => isHeuristicState(participant.state))?.state;
  assert(taken !== undefined, 'heuristicOutcomeOf: no participant has a heuristic outcome');
  const takenOutcome = taken === 'HEURISTIC_COMMIT' ? 'COMMIT' : 'ROLLBACK';
  const contradictsDecision = decision !== null && (decision === 'COMMIT' ? 'COMMIT' : 'ROLLBACK') !== takenOutcome;
  if (outcomes.includes('COMMIT') && outcomes.includes('ROLLBACK')) return { outcome: 'HEURISTIC_MIXED', contradictsDecision };
  if (contradictsDecision) {
    const pending = participants.filter((_, index) => outcomes[index] === null);
    if (pending.some((participant) => !participant.reachable)) return { outcome: 'HEURISTIC_HAZARD', contradictsDecision };
    // The others apply the decision: some will have committed and some rolled back.
    if (pending.length > 0) return { outcome: 'HEURISTIC_MIXED', contradictsDecision };
  }
  return { outcome: takenOutcome === 'COMMIT' ? 'HEURISTIC_COMMIT' : 'HEURISTIC_ROLLBACK', contradictsDecision };
}

const HEURISTICS: readonly TransactionState[] = ['HEURISTIC_COMMIT', 'HEURISTIC_ROLLBACK', 'HEURISTIC_MIXED', 'HEURISTIC_HAZARD'];

const TRANSITIONS: Readonly<Record<TransactionState, readonly TransactionState[]>> = Object.freeze({
  ACTIVE: ['PREPARING', 'COMMITTING', 'ABORTING', 'ABORTED', 'COMMITTED'],
  PREPARING: ['PREPARED', 'COMMITTING', 'ABORTING', 'ABORTED', 'IN_DOUBT'],
  PREPARED: ['COMMITTING', 'ABORTING', 'IN_DOUBT'],
  COMMITTING: ['COMMITTED', 'IN_DOUBT', ...HEURISTICS],
  ABORTING: ['ABORTED', 'IN_DOUBT', ...HEURISTICS],
  IN_DOUBT: ['PREPARING', 'PREPARED', 'COMMITTING', 'ABORTING', 'COMMITTED', 'ABORTED', ...HEURISTICS],
  HEURISTIC_COMMIT: HEURISTICS,
  HEURISTIC_ROLLBACK: HEURISTICS,
  HEURISTIC_MIXED: HEURISTICS,
  HEURISTIC_HAZARD: HEURISTICS,
  COMMITTED: [],
  ABORTED: [],
});

/** Whether the API may see a transaction move from `from` to `to`. */
export function isLegalTransition(from: TransactionState, to: TransactionState): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/**
 * The one place a transaction's state changes.
 * @throws Error (a programmer error) on an illegal transition: `invalid transition [COMMITTED -> ACTIVE]`.
 */
export function transitionTransaction(transactionId: string, from: TransactionState, to: TransactionState): TransactionState {
  assert(isLegalTransition(from, to), `${transactionId}: invalid transition [${from} -> ${to}]`);
  return to;
}
