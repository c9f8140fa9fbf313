import { describe, expect, it } from 'vitest';
import { deriveTransactionState, heuristicOutcomeOf, isLegalTransition, transitionTransaction, type ParticipantState, type TransactionFacts } from '../../../src/engines/transactions/transaction-state.js';

const up = (...states: ParticipantState[]) => states.map((state) => ({ state, reachable: true }));
const facts = (patch: Partial<TransactionFacts>): TransactionFacts => ({ phase: 'ACTIVE', decision: null, coordinatorDown: false, coordinatorLost: false, participants: up('ACTIVE', 'ACTIVE'), ...patch });

describe('the derived transaction state', () => {
  it('follows the coordinator while it runs, and is IN_DOUBT when prepared participants lose it', () => {
    expect(deriveTransactionState(facts({}))).toBe('ACTIVE');
    expect(deriveTransactionState(facts({ phase: 'PREPARING', participants: up('PREPARED', 'ACTIVE') }))).toBe('PREPARING');
    expect(deriveTransactionState(facts({ phase: 'PREPARED', participants: up('PREPARED', 'PREPARED') }))).toBe('PREPARED');
    expect(deriveTransactionState(facts({ phase: 'PREPARED', coordinatorDown: true, coordinatorLost: true, participants: up('PREPARED', 'PREPARED') }))).toBe('IN_DOUBT');
    expect(deriveTransactionState(facts({ phase: 'DECIDED', decision: 'COMMIT', participants: up('COMMITTED', 'IN_DOUBT') }))).toBe('IN_DOUBT');
    expect(deriveTransactionState(facts({ phase: 'DECIDED', decision: 'COMMIT', participants: up('COMMITTED', 'PREPARED') }))).toBe('COMMITTING');
    expect(deriveTransactionState(facts({ phase: 'DECIDED', decision: 'COMMIT', participants: up('COMMITTED', 'COMMITTED') }))).toBe('COMMITTED');
    // Presumed abort: a lost coordinator with nothing prepared is an abort in progress.
    expect(deriveTransactionState(facts({ coordinatorDown: true, coordinatorLost: true, participants: up('ACTIVE', 'ABORTED') }))).toBe('ABORTING');
    expect(deriveTransactionState(facts({ phase: 'COMMITTING_ONE_PHASE', participants: up('ACTIVE') }))).toBe('COMMITTING');
  });

  it('names heuristic outcomes as Narayana does', () => {
    expect(heuristicOutcomeOf(null, up('HEURISTIC_COMMIT', 'IN_DOUBT'))).toEqual({ outcome: 'HEURISTIC_COMMIT', contradictsDecision: false });
    expect(heuristicOutcomeOf('COMMIT', up('HEURISTIC_COMMIT', 'COMMITTED'))).toEqual({ outcome: 'HEURISTIC_COMMIT', contradictsDecision: false });
    expect(heuristicOutcomeOf('ABORT', up('HEURISTIC_COMMIT', 'ABORTED'))).toEqual({ outcome: 'HEURISTIC_MIXED', contradictsDecision: true });
    expect(heuristicOutcomeOf('ABORT', up('HEURISTIC_COMMIT', 'PREPARED'))).toEqual({ outcome: 'HEURISTIC_MIXED', contradictsDecision: true });
    expect(heuristicOutcomeOf('ABORT', [{ state: 'HEURISTIC_COMMIT', reachable: true }, { state: 'PREPARED', reachable: false }])).toEqual({ outcome: 'HEURISTIC_HAZARD', contradictsDecision: true });
    expect(heuristicOutcomeOf('ABORT', up('HEURISTIC_COMMIT', 'HEURISTIC_COMMIT'))).toEqual({ outcome: 'HEURISTIC_COMMIT', contradictsDecision: true });
    expect(heuristicOutcomeOf(null, up('HEURISTIC_COMMIT', 'HEURISTIC_ROLLBACK')).outcome).toBe('HEURISTIC_MIXED');
  });

  it('changes only along legal transitions', () => {
    expect(isLegalTransition('ACTIVE', 'PREPARING')).toBe(true);
    expect(isLegalTransition('IN_DOUBT', 'HEURISTIC_COMMIT')).toBe(true);
    expect(isLegalTransition('PREPARED', 'ACTIVE')).toBe(false);
    expect(() => transitionTransaction('dtx-1', 'COMMITTED', 'ACTIVE')).toThrow('dtx-1: invalid transition [COMMITTED -> ACTIVE]');
    expect(() => transitionTransaction('dtx-1', 'COMMITTING', 'ABORTING')).toThrow('invalid transition');
  });
});
