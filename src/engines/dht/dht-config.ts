import { DomainError } from '../runtime/domain-error.js';
import { HASH_FUNCTION_NAMES, type HashFunctionName } from './hash-function.js';

/** Most vnodes one node may have, whatever its weight. */
export const MAX_VNODES_PER_NODE = 1024;
/** Most vnodes on the whole ring: bounds memory and the cost of a membership change. */
export const MAX_RING_VNODES = 262_144;
/** Most nodes on the ring (the cluster's own limit). */
export const MAX_RING_NODES = 5000;
/** Largest node weight; a weight scales the node's vnode count. */
export const MAX_NODE_WEIGHT = 64;
/** Most nodes a preference list (owner + replicas) may ask for. */
export const MAX_PREFERENCE_LIST = 16;
/** Largest page of the ring listing. */
export const MAX_RING_PAGE = 1000;

export interface DhtConfig {
  /** Hash of keys and vnodes. Changing it re-places every key. */
  hashFunction: HashFunctionName;
  /** Seed of MurmurHash3, an unsigned 32-bit integer; FNV-1a has none. */
  hashSeed: number;
  /** Vnodes of a node of weight 1; more vnodes spread ownership more evenly. */
  vnodesPerNode: number;
}

export const defaultDhtConfig: Readonly<DhtConfig> = Object.freeze({
  hashFunction: 'MURMUR3',
  hashSeed: 0,
  vnodesPerNode: 128,
});

/** Fills defaults and rejects bad values, listing every problem (UNPROCESSABLE). */
export function validateDhtConfig(input: Partial<DhtConfig> = {}): DhtConfig {
  const config: DhtConfig = { ...defaultDhtConfig, ...definedFields(input) };
  const problems: string[] = [];
  if (!HASH_FUNCTION_NAMES.includes(config.hashFunction)) {
    problems.push(`hashFunction must be one of ${HASH_FUNCTION_NAMES.join(', ')}`);
  }
  if (!Number.isSafeInteger(config.hashSeed) || config.hashSeed < 0 || config.hashSeed > 0xffff_ffff) {
    problems.push('hashSeed must be an unsigned 32-bit integer');
  }
  if (!Number.isSafeInteger(config.vnodesPerNode) || config.vnodesPerNode < 1 || config.vnodesPerNode > MAX_VNODES_PER_NODE) {
    problems.push(`vnodesPerNode must be a whole number from 1 to ${MAX_VNODES_PER_NODE}`);
  }
  if (problems.length > 0) {
    throw new DomainError('UNPROCESSABLE', `Invalid DHT configuration: ${problems.join('; ')}.`, { problems });
  }
  return config;
}

/** Vnodes of a node of this weight: at least one, however small the weight. */
export function vnodeCountFor(vnodesPerNode: number, weight: number): number {
  return Math.max(1, Math.round(vnodesPerNode * weight));
}

function definedFields<T extends object>(input: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
