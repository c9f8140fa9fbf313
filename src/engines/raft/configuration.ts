/**
 * Cluster membership, changed one server at a time (Raft dissertation §4.1).
 *
 * Any two majorities of configurations that differ by one voter overlap, so a single-server
 * change needs no joint consensus, provided that (enforced by the leader, see RaftNode):
 * - at most one change is uncommitted at a time, and
 * - a leader proposes a change only after it has committed an entry of its own term.
 */
import { assert, DomainError } from '../runtime/domain-error.js';

/** Members of a Raft group. Arrays are sorted and frozen. */
export interface Configuration {
  /** Members that vote and count toward quorums. */
  readonly voters: readonly string[];
  /** Members that receive the log but neither vote nor count toward quorums. */
  readonly learners: readonly string[];
}

/** One membership change. New members join as learners, then get promoted once caught up. */
export type ConfChange =
  | { readonly type: 'addVoter'; readonly nodeId: string }
  | { readonly type: 'addLearner'; readonly nodeId: string }
  | { readonly type: 'promoteLearner'; readonly nodeId: string }
  | { readonly type: 'removeNode'; readonly nodeId: string };

export type ConfChangeType = ConfChange['type'];

/** Builds a frozen configuration with sorted members; asserts that no node is both voter and learner. */
export function createConfiguration(voters: readonly string[], learners: readonly string[] = []): Configuration {
  const voterSet = new Set(voters);
  const learnerSet = new Set(learners);
  for (const id of [...voterSet, ...learnerSet]) assert(typeof id === 'string' && id.length > 0, 'member ids are non-empty strings');
  for (const id of voterSet) assert(!learnerSet.has(id), `${id} is not both voter and learner`);
  return Object.freeze({
    voters: Object.freeze([...voterSet].sort()),
    learners: Object.freeze([...learnerSet].sort()),
  });
}

/** Role lookup per configuration object (they are frozen): vote tallies ask once per voter, so a linear scan would make large groups quadratic. */
const roleIndexes = new WeakMap<Configuration, Map<string, 'voter' | 'learner'>>();

function roleIndexOf(configuration: Configuration): Map<string, 'voter' | 'learner'> {
  let index = roleIndexes.get(configuration);
  if (index === undefined) {
    index = new Map();
    for (const id of configuration.learners) index.set(id, 'learner');
    for (const id of configuration.voters) index.set(id, 'voter');
    roleIndexes.set(configuration, index);
  }
  return index;
}

export function isVoter(configuration: Configuration, nodeId: string): boolean {
  return roleIndexOf(configuration).get(nodeId) === 'voter';
}

export function isLearner(configuration: Configuration, nodeId: string): boolean {
  return roleIndexOf(configuration).get(nodeId) === 'learner';
}

export function isMember(configuration: Configuration, nodeId: string): boolean {
  return isVoter(configuration, nodeId) || isLearner(configuration, nodeId);
}

/** Votes needed to win an election or commit an entry: a strict majority of voters. */
export function quorumSize(configuration: Configuration): number {
  return Math.floor(configuration.voters.length / 2) + 1;
}

/**
 * The configuration after `change`.
 * @throws DomainError NOT_FOUND for an unknown member, CONFLICT when the member already has the
 *   requested role, UNPROCESSABLE for a change that would leave no voter or a malformed change.
 */
export function applyConfChange(configuration: Configuration, change: ConfChange): Configuration {
  const { nodeId } = change;
  if (typeof nodeId !== 'string' || nodeId.length === 0) {
    throw new DomainError('UNPROCESSABLE', 'A membership change needs a non-empty node id.', { nodeId });
  }
  const { voters, learners } = configuration;
  switch (change.type) {
    case 'addVoter':
    case 'addLearner':
      if (isMember(configuration, nodeId)) {
        throw new DomainError('CONFLICT', `Node ${nodeId} is already a ${isVoter(configuration, nodeId) ? 'voter' : 'learner'}.`, {
          nodeId,
        });
      }
      return change.type === 'addVoter'
        ? createConfiguration([...voters, nodeId], learners)
        : createConfiguration(voters, [...learners, nodeId]);
    case 'promoteLearner':
      if (isVoter(configuration, nodeId)) {
        throw new DomainError('CONFLICT', `Node ${nodeId} is already a voter.`, { nodeId });
      }
      if (!isLearner(configuration, nodeId)) {
        throw new DomainError('NOT_FOUND', `Node ${nodeId} is not a member of the Raft group.`, { nodeId });
      }
      return createConfiguration(
        [...voters, nodeId],
        learners.filter((id) => id !== nodeId),
      );
    case 'removeNode':
      if (!isMember(configuration, nodeId)) {
        throw new DomainError('NOT_FOUND', `Node ${nodeId} is not a member of the Raft group.`, { nodeId });
      }
      if (voters.length === 1 && voters[0] === nodeId) {
        throw new DomainError('UNPROCESSABLE', `Node ${nodeId} is the last voter; a Raft group needs at least one.`, { nodeId });
      }
      return createConfiguration(
        voters.filter((id) => id !== nodeId),
        learners.filter((id) => id !== nodeId),
      );
    default: {
      const unknown: { type?: unknown } = change;
      throw new DomainError('UNPROCESSABLE', `Unknown membership change type ${JSON.stringify(unknown.type)}.`, {
        type: unknown.type,
      });
    }
  }
}

/** Human-readable form of a change, stored as the config entry's command. */
export function describeConfChange(change: ConfChange): string {
  return `${change.type} ${change.nodeId}`;
}

export function configurationsEqual(a: Configuration, b: Configuration): boolean {
  return sameMembers(a.voters, b.voters) && sameMembers(a.learners, b.learners);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
