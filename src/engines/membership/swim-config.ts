/**
 * Settings of the SWIM membership protocol, and the quantities derived from them that scale with
 * the group size (retransmissions, suspicion timeouts, push-pull interval), following SWIM and
 * Lifeguard as hashicorp/memberlist applies them.
 */
import { DomainError } from '../runtime/domain-error.js';

/** Largest group, and largest view one member keeps (dead and left entries included). */
export const MAX_GROUP_MEMBERS = 5000;
/** Most piggybacked updates one message may carry, whatever the config says. */
export const MAX_PIGGYBACK_ENTRIES = 64;
/** Longest string accepted in member metadata. */
export const MAX_METADATA_LENGTH = 256;

export interface SwimConfig {
  /** Length of a protocol period: each member probes one target per period. Milliseconds. */
  protocolPeriodMs: number;
  /** Wait for a direct ack before asking others to probe indirectly. Milliseconds, < protocolPeriodMs. */
  pingTimeoutMs: number;
  /** Members asked to probe the target indirectly (SWIM's k) when the direct ping times out. Count. */
  indirectChecks: number;
  /** λ: each update is piggybacked λ·⌈log10(n+1)⌉ times by each member that queues it. Count. */
  retransmitMult: number;
  /** Minimum suspicion timeout is suspicionMult · max(1, log10(n)) protocol periods. Count. */
  suspicionMult: number;
  /** Maximum suspicion timeout (no confirmations yet) is this times the minimum (Lifeguard). Count. */
  suspicionMaxTimeoutMult: number;
  /** Most updates piggybacked on one ping, ping-req or ack. Count. */
  maxPiggybackEntries: number;
  /** Most updates waiting in one member's piggyback queue; past it the most-sent one is dropped. Count. */
  maxQueuedUpdates: number;
  /** Most members in the group and in one member's view (dead and left entries included). Count. */
  maxMembers: number;
  /** Indirect probes one member relays at once for others; more ping-reqs are dropped. Count. */
  maxPendingRelays: number;
  /**
   * Full state exchange with one random member, for anti-entropy: base interval, scaled up for groups
   * over 32 members as memberlist does. 0 disables it (join still exchanges state). Milliseconds.
   */
  pushPullIntervalMs: number;
  /**
   * Each member pings one member it holds dead this often, so that both sides of a healed partition
   * find each other again (serf's reconnect). 0 disables it. Milliseconds.
   */
  reconnectIntervalMs: number;
  /** Dead and left entries are forgotten this long after they entered that state. Milliseconds. */
  deadRetentionMs: number;
  /**
   * A leaving member stops once as many members as an update's retransmissions acknowledged a message
   * carrying its leave, or after this. Milliseconds.
   */
  leaveTimeoutMs: number;
  /** Join requests (one per protocol period) before a joining member gives up. Count. */
  maxJoinAttempts: number;
  /** Seeds a (re)joining member tries, in turn. Count. */
  maxJoinSeeds: number;
}

export const defaultSwimConfig: Readonly<SwimConfig> = Object.freeze({
  protocolPeriodMs: 1000,
  pingTimeoutMs: 300,
  indirectChecks: 3,
  retransmitMult: 4,
  suspicionMult: 4,
  suspicionMaxTimeoutMult: 6,
  maxPiggybackEntries: 8,
  maxQueuedUpdates: 1024,
  maxMembers: 2048,
  maxPendingRelays: 64,
  pushPullIntervalMs: 30_000,
  reconnectIntervalMs: 5_000,
  deadRetentionMs: 3_600_000,
  leaveTimeoutMs: 5_000,
  maxJoinAttempts: 120,
  maxJoinSeeds: 8,
});

/** [field, smallest, largest] for every whole-number field. */
const RANGES: readonly [keyof SwimConfig, number, number][] = [
  ['protocolPeriodMs', 10, 3_600_000],
  ['pingTimeoutMs', 1, 3_600_000],
  ['indirectChecks', 0, 16],
  ['retransmitMult', 1, 16],
  ['suspicionMult', 1, 64],
  ['suspicionMaxTimeoutMult', 1, 64],
  ['maxPiggybackEntries', 1, MAX_PIGGYBACK_ENTRIES],
  ['maxQueuedUpdates', 1, 65_536],
  ['maxMembers', 1, MAX_GROUP_MEMBERS],
  ['maxPendingRelays', 0, 4096],
  ['pushPullIntervalMs', 0, 86_400_000],
  ['reconnectIntervalMs', 0, 86_400_000],
  ['deadRetentionMs', 0, 30 * 86_400_000],
  ['leaveTimeoutMs', 0, 3_600_000],
  ['maxJoinAttempts', 1, 100_000],
  ['maxJoinSeeds', 1, 64],
];

/** Fills defaults and rejects bad values, listing every problem at once (UNPROCESSABLE). */
export function validateSwimConfig(input: Partial<SwimConfig> = {}): SwimConfig {
  const config: SwimConfig = { ...defaultSwimConfig, ...definedFields(input) };
  const problems: string[] = [];
  for (const [field, min, max] of RANGES) {
    const value = config[field];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${field} must be a whole number from ${min} to ${max}`);
    }
  }
  // A ping-req needs time to go out and its forwarded ack to come back within the period.
  if (config.pingTimeoutMs >= config.protocolPeriodMs) problems.push('pingTimeoutMs must be shorter than protocolPeriodMs');
  if (problems.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Invalid SWIM configuration: ${problems.join('; ')}.`, { problems });
  }
  return Object.freeze(config);
}

/** Times each member piggybacks one update in a view of `memberCount`: λ·⌈log10(n+1)⌉ (memberlist). */
export function retransmitLimit(config: SwimConfig, memberCount: number): number {
  return config.retransmitMult * Math.max(1, Math.ceil(Math.log10(memberCount + 1)));
}

/** Bounds of the suspicion timeout in a view of `memberCount`, in milliseconds. */
export interface SuspicionTimeouts {
  /** Timeout once enough independent members confirmed the suspicion. */
  minMs: number;
  /** Timeout while only the first suspector vouches for it. */
  maxMs: number;
  /** Confirmations (distinct suspectors besides the first) that bring the timeout down to minMs. */
  expectedConfirmations: number;
}

/**
 * memberlist's scaling: min = suspicionMult · max(1, log10 n) · period; max = suspicionMaxTimeoutMult · min.
 * Lifeguard expects suspicionMult - 2 confirmations, or none in a group too small to give them.
 */
export function suspicionTimeouts(config: SwimConfig, memberCount: number): SuspicionTimeouts {
  const nodeScale = Math.max(1, Math.log10(Math.max(1, memberCount)));
  const minMs = Math.round(config.suspicionMult * nodeScale * config.protocolPeriodMs);
  const wanted = Math.max(0, config.suspicionMult - 2);
  return { minMs, maxMs: minMs * config.suspicionMaxTimeoutMult, expectedConfirmations: memberCount - 2 < wanted ? 0 : wanted };
}

/**
 * Lifeguard's dynamic suspicion timeout after `confirmations` independent confirmations: it falls
 * logarithmically from maxMs to minMs, since each independent suspector makes a false positive less likely.
 */
export function suspicionTimeoutMs(bounds: SuspicionTimeouts, confirmations: number): number {
  const { minMs, maxMs, expectedConfirmations } = bounds;
  if (expectedConfirmations < 1) return minMs;
  const fraction = Math.log(confirmations + 1) / Math.log(expectedConfirmations + 1);
  return Math.max(minMs, Math.floor(maxMs - (maxMs - minMs) * fraction));
}

/** Push-pull interval for a view of `memberCount`: unscaled up to 32 members, then +1 base interval per doubling. */
export function pushPullIntervalMs(config: SwimConfig, memberCount: number): number {
  if (config.pushPullIntervalMs === 0 || memberCount <= 32) return config.pushPullIntervalMs;
  const multiplier = Math.ceil(Math.log2(memberCount) - Math.log2(32)) + 1;
  return config.pushPullIntervalMs * multiplier;
}

function definedFields<T extends object>(input: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
