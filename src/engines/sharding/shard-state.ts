/**
 * The shard state machine (README, "Shard states"): one table of legal transitions and one
 * function that changes a state or throws CONFLICT naming the illegal transition.
 */
import { DomainError } from '../runtime/domain-error.js';

export type ShardStatus = 'CREATING' | 'ACTIVE' | 'REBALANCING' | 'READ_ONLY' | 'OFFLINE' | 'DROPPING';

export const SHARD_STATUSES: readonly ShardStatus[] = Object.freeze(['CREATING', 'ACTIVE', 'REBALANCING', 'READ_ONLY', 'OFFLINE', 'DROPPING']);

/** Who asks for a transition: an operator (`PUT …/status`) or one of the engine's workflows. */
export type TransitionActor = 'OPERATOR' | 'WORKFLOW';

/** from → to → the actors allowed. A pair not listed is illegal for everyone. */
const TRANSITIONS: Readonly<Record<ShardStatus, Partial<Record<ShardStatus, readonly TransitionActor[]>>>> = Object.freeze({
  CREATING: { ACTIVE: ['WORKFLOW'], DROPPING: ['WORKFLOW'] },
  ACTIVE: { REBALANCING: ['WORKFLOW'], READ_ONLY: ['OPERATOR', 'WORKFLOW'], OFFLINE: ['OPERATOR', 'WORKFLOW'], DROPPING: ['WORKFLOW'] },
  REBALANCING: { ACTIVE: ['WORKFLOW'], READ_ONLY: ['WORKFLOW'], OFFLINE: ['WORKFLOW'] },
  READ_ONLY: { ACTIVE: ['OPERATOR', 'WORKFLOW'], OFFLINE: ['OPERATOR', 'WORKFLOW'], DROPPING: ['WORKFLOW'] },
  OFFLINE: { ACTIVE: ['OPERATOR', 'WORKFLOW'], READ_ONLY: ['OPERATOR'], DROPPING: ['WORKFLOW'] },
  DROPPING: {},
});

export function isShardStatus(value: unknown): value is ShardStatus {
  return SHARD_STATUSES.includes(value as ShardStatus);
}

/** The states `actor` may move a shard to from `from`, in the order of SHARD_STATUSES. */
export function allowedTransitions(from: ShardStatus, actor: TransitionActor): ShardStatus[] {
  return SHARD_STATUSES.filter((to) => TRANSITIONS[from][to]?.includes(actor) ?? false);
}

/**
 * The shard's next state. @throws DomainError UNPROCESSABLE for an unknown state; CONFLICT for a
 * transition the table does not allow to `actor` (a same-state "transition" included).
 */
export function transitionShard(shardName: string, from: ShardStatus, to: ShardStatus, actor: TransitionActor): ShardStatus {
  if (!isShardStatus(to)) throw new DomainError('UNPROCESSABLE', `Unknown shard status "${to}"; use one of ${SHARD_STATUSES.join(', ')}.`, { status: to });
  if (TRANSITIONS[from][to]?.includes(actor)) return to;
  const allowed = allowedTransitions(from, actor);
  const byWorkflow = actor === 'OPERATOR' && TRANSITIONS[from][to] !== undefined ? ' (only the engine makes it, as part of a create, move or drop)' : '';
  throw new DomainError(
    'CONFLICT',
    `Shard ${shardName} cannot go [${from} -> ${to}]${byWorkflow}; from ${from} ${actor === 'OPERATOR' ? 'an operator' : 'a workflow'} may set ${allowed.length === 0 ? 'nothing' : allowed.join(', ')}.`,
    { shardName, from, to, actor, allowed },
  );
}

/** True when the state takes writes: ACTIVE, and REBALANCING (writes go to the source and are forwarded). */
export function acceptsWrites(status: ShardStatus): boolean {
  return status === 'ACTIVE' || status === 'REBALANCING';
}

/** True when the state serves reads: the writable states and READ_ONLY. */
export function servesReads(status: ShardStatus): boolean {
  return acceptsWrites(status) || status === 'READ_ONLY';
}
