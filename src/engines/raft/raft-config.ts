/**
 * Settings of one Raft node. Time is counted in logical ticks: the host decides how long a tick
 * is (RaftGroup uses one clock timer for every node).
 */
import { DomainError } from '../runtime/domain-error.js';

/**
 * Source of the randomized election timeout: a `SeededRng` (or anything with the same `int`), or
 * a function drawing a uniform integer in [minInclusive, maxExclusive). Never Math.random.
 */
export type RandomSource =
  | { int(minInclusive: number, maxExclusive: number): number }
  | ((minInclusive: number, maxExclusive: number) => number);

export interface RaftConfig {
  /** This node's id; non-empty. */
  id: string;
  /**
   * Voters of a brand-new cluster. Used only when the restored state is empty: the node then
   * writes the configuration as entry 1 (term 1, committed), identical on every bootstrapping
   * node. Leave empty for a node that joins an existing cluster (it waits for the leader).
   */
  bootstrapVoters?: readonly string[];
  /** Learners of a brand-new cluster; see `bootstrapVoters`. */
  bootstrapLearners?: readonly string[];
  /** Ticks without hearing from a leader before a follower campaigns; the actual timeout is drawn in [n, 2n). Default 10. */
  electionTimeoutTicks?: number;
  /** Ticks between a leader's heartbeats; must be below electionTimeoutTicks. Default 1. */
  heartbeatIntervalTicks?: number;
  /**
   * A leader that has not heard from a majority within an election timeout steps down, and a
   * node that heard from a leader within the election timeout ignores vote requests (leader
   * lease). Default true.
   */
  checkQuorum?: boolean;
  /** Campaign with a pre-vote round that changes no term, so a rejoining node cannot disrupt a stable leader. Default true. */
  preVote?: boolean;
  /**
   * Campaign when the election timeout expires. With false (manual failover) a node campaigns
   * only when told to: RaftNode.campaign() or a leadership transfer. Default true.
   */
  autoElection?: boolean;
  /** Entries per AppendEntries message. Default 64. */
  maxEntriesPerAppend?: number;
  /** AppendEntries messages in flight per follower in the replicate state. Default 64. */
  maxInflightAppends?: number;
  /** Entries a leader holds uncommitted before it refuses proposals. Default 1024. */
  maxUncommittedEntries?: number;
  /** Committed entries handed out per Ready (the host loops for more). Default 256. */
  maxCommittedEntriesPerReady?: number;
  /** Size of one command in UTF-8 bytes. Default 65536. */
  maxCommandBytes?: number;
  /** Randomness for election timeouts; required. */
  random: RandomSource;
}

/** A config with every default filled in. */
export type ValidRaftConfig = Required<Omit<RaftConfig, 'random'>> & { readonly randomInt: (minInclusive: number, maxExclusive: number) => number };

export const RAFT_CONFIG_DEFAULTS = Object.freeze({
  electionTimeoutTicks: 10,
  heartbeatIntervalTicks: 1,
  checkQuorum: true,
  preVote: true,
  autoElection: true,
  maxEntriesPerAppend: 64,
  maxInflightAppends: 64,
  maxUncommittedEntries: 1024,
  maxCommittedEntriesPerReady: 256,
  maxCommandBytes: 65_536,
});

/** Upper bounds that keep one message, one Ready or one election within reason. */
const CEILINGS = Object.freeze({
  electionTimeoutTicks: 1_000_000,
  maxEntriesPerAppend: 10_000,
  maxInflightAppends: 10_000,
  maxUncommittedEntries: 1_000_000,
  maxCommittedEntriesPerReady: 100_000,
  maxCommandBytes: 16 * 1024 * 1024,
});

/**
 * Fills defaults and rejects bad combinations, listing every problem at once.
 * @throws DomainError UNPROCESSABLE (settings may come from an operator through the API).
 */
export function validateRaftConfig(config: RaftConfig): ValidRaftConfig {
  const problems: string[] = [];
  const resolved = {
    id: config.id,
    bootstrapVoters: Object.freeze([...(config.bootstrapVoters ?? [])]),
    bootstrapLearners: Object.freeze([...(config.bootstrapLearners ?? [])]),
    electionTimeoutTicks: config.electionTimeoutTicks ?? RAFT_CONFIG_DEFAULTS.electionTimeoutTicks,
    heartbeatIntervalTicks: config.heartbeatIntervalTicks ?? RAFT_CONFIG_DEFAULTS.heartbeatIntervalTicks,
    checkQuorum: config.checkQuorum ?? RAFT_CONFIG_DEFAULTS.checkQuorum,
    preVote: config.preVote ?? RAFT_CONFIG_DEFAULTS.preVote,
    autoElection: config.autoElection ?? RAFT_CONFIG_DEFAULTS.autoElection,
    maxEntriesPerAppend: config.maxEntriesPerAppend ?? RAFT_CONFIG_DEFAULTS.maxEntriesPerAppend,
    maxInflightAppends: config.maxInflightAppends ?? RAFT_CONFIG_DEFAULTS.maxInflightAppends,
    maxUncommittedEntries: config.maxUncommittedEntries ?? RAFT_CONFIG_DEFAULTS.maxUncommittedEntries,
    maxCommittedEntriesPerReady: config.maxCommittedEntriesPerReady ?? RAFT_CONFIG_DEFAULTS.maxCommittedEntriesPerReady,
    maxCommandBytes: config.maxCommandBytes ?? RAFT_CONFIG_DEFAULTS.maxCommandBytes,
    randomInt: toRandomInt(config.random, problems),
  };
  if (typeof resolved.id !== 'string' || resolved.id.length === 0) problems.push('id must be a non-empty string');
  for (const field of ['electionTimeoutTicks', 'heartbeatIntervalTicks', 'maxEntriesPerAppend', 'maxInflightAppends', 'maxUncommittedEntries', 'maxCommittedEntriesPerReady', 'maxCommandBytes'] as const) {
    const value = resolved[field];
    const ceiling = field === 'heartbeatIntervalTicks' ? CEILINGS.electionTimeoutTicks : CEILINGS[field];
    if (!Number.isSafeInteger(value) || value < 1 || value > ceiling) problems.push(`${field} must be a whole number in [1, ${ceiling}], got ${value}`);
  }
  if (resolved.heartbeatIntervalTicks >= resolved.electionTimeoutTicks) {
    problems.push('heartbeatIntervalTicks must be below electionTimeoutTicks, or followers would time out between heartbeats');
  }
  // Two messages per election timeout is the least that keeps a lease: a heartbeat and its answer.
  if (resolved.electionTimeoutTicks < 2) problems.push('electionTimeoutTicks must be at least 2');
  const bootstrapMembers = [...resolved.bootstrapVoters, ...resolved.bootstrapLearners];
  if (bootstrapMembers.some((id) => typeof id !== 'string' || id.length === 0)) problems.push('bootstrap members must be non-empty strings');
  if (new Set(bootstrapMembers).size !== bootstrapMembers.length) problems.push('bootstrap members must be distinct, and not both voter and learner');
  if (resolved.bootstrapVoters.length === 0 && resolved.bootstrapLearners.length > 0) problems.push('a bootstrapped cluster needs at least one voter');
  if (problems.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Invalid Raft configuration: ${problems.join('; ')}.`, { problems });
  }
  return resolved;
}

function toRandomInt(random: RandomSource | undefined, problems: string[]): (minInclusive: number, maxExclusive: number) => number {
  if (typeof random === 'function') return random;
  if (random !== undefined && typeof random === 'object' && typeof random.int === 'function') {
    return (minInclusive, maxExclusive) => random.int(minInclusive, maxExclusive);
  }
  problems.push('random must be a SeededRng or a (minInclusive, maxExclusive) => number function');
  return () => 0;
}
