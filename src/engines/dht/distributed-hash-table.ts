import { DomainError } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import {
  MAX_NODE_WEIGHT,
  MAX_PREFERENCE_LIST,
  MAX_RING_NODES,
  MAX_RING_PAGE,
  MAX_RING_VNODES,
  MAX_VNODES_PER_NODE,
  validateDhtConfig,
  vnodeCountFor,
  type DhtConfig,
} from './dht-config.js';
import { HASH_SPACE_SIZE, hashFunctionNamed, tokenOf } from './hash-function.js';
import { HashRing, type RingEntry } from './hash-ring.js';
import { loadSpreadOf, type LoadSpread } from './load-spread.js';

/** Longest key routed, in UTF-16 code units. */
export const MAX_KEY_LENGTH = 1024;

/** What an operator decided about a ring member: all that is persisted. */
export interface DhtNodeSpec {
  nodeId: string;
  /** Relative capacity; the node gets round(vnodesPerNode × weight) vnodes, at least one. */
  weight: number;
}

export interface DhtNodeView extends DhtNodeSpec {
  vnodeCount: number;
  /** Hash values the node owns, out of 2^32. */
  ownedTokenCount: number;
  ownershipPercent: number;
  /** Keys routed to this node (as owner) since it joined the ring. */
  routedKeys: number;
}

export interface RouteResult {
  key: string;
  /** The key's position on the ring. */
  token: number;
  /** The owner: the node of the first vnode at or after the token. */
  nodeId: string;
  vnodeIndex: number;
  vnodeToken: number;
  /** Owner first, then the replicas: distinct nodes walking clockwise. */
  preferenceList: string[];
}

export interface RingPage {
  total: number;
  offset: number;
  limit: number;
  entries: RingEntry[];
}

export interface DhtStatistics {
  hashFunction: DhtConfig['hashFunction'];
  vnodesPerNode: number;
  nodeCount: number;
  vnodeCount: number;
  /** Route calls answered since the engine started, including those to nodes since removed. */
  routedKeys: number;
  /** Per current node, in node-id order. */
  routedKeysByNode: { nodeId: string; routedKeys: number }[];
  /** Spread of owned hash space relative to weight; null on an empty ring. */
  ownershipSpread: LoadSpread | null;
  /** Spread of routed keys relative to weight; null before any key is routed to a current node. */
  routedKeySpread: LoadSpread | null;
}

/** The persisted state: configuration and members (routing counters are runtime observations). */
export interface DhtState {
  config: DhtConfig;
  nodes: DhtNodeSpec[];
}

/**
 * The distributed hash table: a consistent-hash ring over weighted nodes, plus the counts of keys
 * it has routed. Keys and vnodes are placed by one hash function; adding a node moves only the
 * keys it takes over, removing one moves only the keys it owned.
 */
export class DistributedHashTable {
  private config: DhtConfig;
  private ring: HashRing;
  private readonly weights = new Map<string, number>();
  private readonly routedKeysByNode = new Map<string, number>();
  private routedKeys = 0;

  constructor(config: Partial<DhtConfig> = {}, nodes: readonly DhtNodeSpec[] = []) {
    this.config = validateDhtConfig(config);
    this.ring = HashRing.empty(hashFunctionNamed(this.config.hashFunction, this.config.hashSeed));
    this.addNodes(nodes);
  }

  getConfig(): DhtConfig {
    return { ...this.config };
  }

  /**
   * Rebuilds the ring under a new configuration. A new hash function or seed re-places nearly
   * every key; a new vnode count moves about the share each node gains or loses.
   */
  reconfigure(next: Partial<DhtConfig>): DhtConfig {
    const config = validateDhtConfig({ ...this.config, ...next });
    let ring = HashRing.empty(hashFunctionNamed(config.hashFunction, config.hashSeed));
    for (const [nodeId, weight] of this.weights) ring = ring.withNode(nodeId, this.checkedVnodeCount(config, weight, ring.vnodeCount));
    this.config = config;
    this.ring = ring;
    return this.getConfig();
  }

  /** The current ring, immutable: for lookups that must not count as routed keys. */
  currentRing(): HashRing {
    return this.ring;
  }

  hasNode(nodeId: string): boolean {
    return this.ring.has(nodeId);
  }

  addNode(spec: { nodeId: string; weight?: number }): DhtNodeView {
    this.addNodes([spec]);
    return this.node(spec.nodeId);
  }

  /** Adds several nodes in one change of the ring; checks them all first, so a refusal adds none. */
  addNodes(specs: readonly { nodeId: string; weight?: number }[]): void {
    const placed: { nodeId: string; vnodeCount: number; weight: number }[] = [];
    const seen = new Set<string>();
    let vnodesOnRing = this.ring.vnodeCount;
    for (const spec of specs) {
      const weight = spec.weight ?? 1;
      if (this.ring.has(spec.nodeId) || seen.has(spec.nodeId)) {
        throw new DomainError('CONFLICT', `Node "${spec.nodeId}" is already on the ring.`, { nodeId: spec.nodeId });
      }
      if (this.ring.nodeCount + placed.length >= MAX_RING_NODES) {
        throw new DomainError('CONFLICT', `The ring already has the maximum of ${MAX_RING_NODES} nodes.`);
      }
      if (!(Number.isFinite(weight) && weight > 0 && weight <= MAX_NODE_WEIGHT)) {
        throw new DomainError('UNPROCESSABLE', `weight must be greater than 0 and at most ${MAX_NODE_WEIGHT}, got ${weight}.`, { weight });
      }
      const vnodeCount = this.checkedVnodeCount(this.config, weight, vnodesOnRing);
      vnodesOnRing += vnodeCount;
      seen.add(spec.nodeId);
      placed.push({ nodeId: spec.nodeId, vnodeCount, weight });
    }
    this.ring = this.ring.withNodes(placed);
    for (const { nodeId, weight } of placed) {
      this.weights.set(nodeId, weight);
      this.routedKeysByNode.set(nodeId, 0);
    }
  }

  /** Removes a node; its keys pass to the next vnodes clockwise. Returns its last view. */
  removeNode(nodeId: string): DhtNodeView {
    const last = this.node(nodeId);
    this.ring = this.ring.withoutNode(nodeId);
    this.weights.delete(nodeId);
    this.routedKeysByNode.delete(nodeId);
    return last;
  }

  node(nodeId: string): DhtNodeView {
    if (!this.ring.has(nodeId)) {
      throw new DomainError('NOT_FOUND', `Node "${nodeId}" is not on the ring.`, { resource: 'dht.node', id: nodeId });
    }
    const ownedTokenCount = this.ring.ownedTokenCounts().get(nodeId)!;
    return {
      nodeId,
      weight: this.weights.get(nodeId)!,
      vnodeCount: this.ring.vnodeCountOf(nodeId),
      ownedTokenCount,
      ownershipPercent: (ownedTokenCount / HASH_SPACE_SIZE) * 100,
      routedKeys: this.routedKeysByNode.get(nodeId)!,
    };
  }

  /** Every member in node-id order. */
  nodes(): DhtNodeView[] {
    return this.ring.nodeIds().map((nodeId) => this.node(nodeId));
  }

  /**
   * Routes a key: its owner and, with `replicaCount` > 1, the replicas after it. Counts one routed
   * key for the owner.
   */
  route(key: string, replicaCount = 1): RouteResult {
    if (key.length > MAX_KEY_LENGTH) {
      throw new DomainError('UNPROCESSABLE', `A key is at most ${MAX_KEY_LENGTH} characters long.`, { length: key.length });
    }
    if (!Number.isSafeInteger(replicaCount) || replicaCount < 1 || replicaCount > MAX_PREFERENCE_LIST) {
      throw new DomainError('UNPROCESSABLE', `replicaCount must be a whole number from 1 to ${MAX_PREFERENCE_LIST}.`, { replicaCount });
    }
    if (this.ring.nodeCount === 0) {
      throw new DomainError('CONFLICT', 'The ring has no nodes to route a key to.');
    }
    const token = tokenOf(this.ring.hashFunction, key);
    const owner = this.ring.ownerOfToken(token);
    this.routedKeys += 1;
    this.routedKeysByNode.set(owner.nodeId, this.routedKeysByNode.get(owner.nodeId)! + 1);
    return {
      key,
      token,
      nodeId: owner.nodeId,
      vnodeIndex: owner.vnodeIndex,
      vnodeToken: owner.token,
      preferenceList: this.ring.preferenceListOfToken(token, replicaCount),
    };
  }

  /** The vnodes in ring order (token, then node id, then vnode index): stable for paging. */
  ringPage(offset = 0, limit = 100): RingPage {
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new DomainError('UNPROCESSABLE', 'offset must be a whole number, 0 or more.', { offset });
    }
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_RING_PAGE) {
      throw new DomainError('UNPROCESSABLE', `limit must be a whole number from 1 to ${MAX_RING_PAGE}.`, { limit });
    }
    return { total: this.ring.vnodeCount, offset, limit, entries: this.ring.entries(offset, limit) };
  }

  statistics(): DhtStatistics {
    const nodeIds = this.ring.nodeIds();
    const owned = this.ring.ownedTokenCounts();
    const weightOf = (nodeId: string) => this.weights.get(nodeId)!;
    return {
      hashFunction: this.config.hashFunction,
      vnodesPerNode: this.config.vnodesPerNode,
      nodeCount: this.ring.nodeCount,
      vnodeCount: this.ring.vnodeCount,
      routedKeys: this.routedKeys,
      routedKeysByNode: nodeIds.map((nodeId) => ({ nodeId, routedKeys: this.routedKeysByNode.get(nodeId)! })),
      ownershipSpread: loadSpreadOf(nodeIds.map((nodeId) => ({ load: owned.get(nodeId)!, weight: weightOf(nodeId) }))),
      routedKeySpread: loadSpreadOf(nodeIds.map((nodeId) => ({ load: this.routedKeysByNode.get(nodeId)!, weight: weightOf(nodeId) }))),
    };
  }

  snapshot(): DhtState {
    const nodes = [...this.weights].map(([nodeId, weight]) => ({ nodeId, weight }));
    return { config: this.getConfig(), nodes: nodes.sort((a, b) => naturalCompare(a.nodeId, b.nodeId)) };
  }

  private checkedVnodeCount(config: DhtConfig, weight: number, vnodesOnRing: number): number {
    const vnodeCount = vnodeCountFor(config.vnodesPerNode, weight);
    if (vnodeCount > MAX_VNODES_PER_NODE) {
      throw new DomainError(
        'UNPROCESSABLE',
        `Weight ${weight} would give the node ${vnodeCount} vnodes; at most ${MAX_VNODES_PER_NODE} are allowed.`,
        { weight, vnodeCount },
      );
    }
    if (vnodesOnRing + vnodeCount > MAX_RING_VNODES) {
      throw new DomainError('CONFLICT', `The ring would exceed its maximum of ${MAX_RING_VNODES} vnodes.`, { vnodeCount, vnodesOnRing });
    }
    return vnodeCount;
  }
}
