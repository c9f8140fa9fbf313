/**
 * What coordinators and participants say to each other over `runtime.network('transactions')`.
 * The network may lose, delay and reorder them; every handler ignores what no longer applies.
 */
import type { RowWrite } from '../replication/wal-record.js';
import type { Decision, Vote } from './transaction-state.js';

/** Coordinator → participant: do the tentative writes (row locks, waits). */
export interface Execute {
  type: 'Execute';
  gid: string;
  writes: readonly RowWrite[];
  lockTimeoutMs: number;
  /** Cluster time after which unprepared work is dropped. */
  deadlineMs: number;
  /** The coordinator's incarnation: a Recover from a later one drops this work. */
  epoch: number;
}

/** Participant → coordinator: the work is done with its locks held, or failed (the participant's NO). */
export interface Executed {
  type: 'Executed';
  gid: string;
  ok: boolean;
  reason: string | null;
}

/** Coordinator → participant: phase 1. */
export interface Prepare {
  type: 'Prepare';
  gid: string;
  participants: readonly string[];
  coordinatorNodeId: string;
}

/** Participant → coordinator: YES only once its PREPARE record is flushed. */
export interface VoteMessage {
  type: 'Vote';
  gid: string;
  vote: Vote;
  reason: string | null;
}

/** Coordinator → the only participant: commit in one phase (an ordinary commit, no PREPARE). */
export interface CommitOnePhase {
  type: 'CommitOnePhase';
  gid: string;
}

export interface OnePhaseResult {
  type: 'OnePhaseResult';
  gid: string;
  committed: boolean;
  reason: string | null;
}

/** Coordinator → participant: phase 2, re-sent until acknowledged. */
export interface DecisionMessage {
  type: 'Decision';
  gid: string;
  outcome: Decision;
}

/** Participant → coordinator: the decision is applied (or it had applied an operator's heuristic). */
export interface Ack {
  type: 'Ack';
  gid: string;
  outcome: Decision;
  heuristic: 'HEURISTIC_COMMIT' | 'HEURISTIC_ROLLBACK' | null;
}

/** Participant → coordinator or peer: what was decided for `gid`? */
export interface DecisionRequest {
  type: 'DecisionRequest';
  gid: string;
  /** Asked of the coordinator (which answers from its memory and log) rather than of a peer. */
  toCoordinator: boolean;
}

export interface DecisionReply {
  type: 'DecisionReply';
  gid: string;
  /** UNKNOWN: the coordinator is still deciding, or a peer does not know. */
  outcome: Decision | 'UNKNOWN';
}

/** A restarted coordinator → every node: drop my earlier incarnations' unprepared work, list what you hold prepared for me. */
export interface Recover {
  type: 'Recover';
  epoch: number;
}

export interface RecoverReply {
  type: 'RecoverReply';
  prepared: readonly string[];
}

export type TransactionMessage =
  | Execute
  | Executed
  | Prepare
  | VoteMessage
  | CommitOnePhase
  | OnePhaseResult
  | DecisionMessage
  | Ack
  | DecisionRequest
  | DecisionReply
  | Recover
  | RecoverReply;

/** The transaction a message is about ('' for Recover and its reply, which are about every one). */
export function gidOfMessage(message: TransactionMessage): string {
  return 'gid' in message ? message.gid : '';
}
