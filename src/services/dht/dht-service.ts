import type { ClusterNodes } from '../../engines/cluster/cluster-nodes.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import { DistributedHashTable, type DhtNodeView, type DhtState, type RouteResult } from '../../engines/dht/distributed-hash-table.js';
import { HASH_SPACE_SIZE, type HashFunctionName } from '../../engines/dht/hash-function.js';
import type { HashRing, RingEntry } from '../../engines/dht/hash-ring.js';
import type { LoadSpread } from '../../engines/dht/load-spread.js';
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

/** The ring's configuration and members, persisted on every membership change. */
export const DHT_RECORD = 'cluster.dht';

/** Every cluster node weighs the same on the ring: the cluster gives nodes no capacity weight yet. */
const CLUSTER_NODE_WEIGHT = 1;

/** How many nodes a route's preference list names when the caller does not say (owner + 2 replicas). */
const DEFAULT_PREFERENCE_LIST_LENGTH = 3;

/** A node on the ring (the contract's DhtNode). */
export type DhtNode = DhtNodeView;

export const DHT_NODE_FIELDS: readonly (keyof DhtNode)[] = ['nodeId', 'weight', 'vnodeCount', 'ownedTokenCount', 'ownershipPercent', 'routedKeys'];

export interface DhtNodeQuery {
  sortBy?: keyof DhtNode;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface DhtRingQuery {
  nodeId?: string;
  /** Only vnodes whose token is at least this. */
  fromToken?: number;
  limit?: number;
  offset?: number;
}

export interface DhtStatisticsResource {
  hashFunction: HashFunctionName;
  hashSeed: number;
  vnodesPerNode: number;
  nodeCount: number;
  vnodeCount: number;
  /** Always 2^32: the contract states the size of the token space as a constant. */
  hashSpaceSize: typeof HASH_SPACE_SIZE;
  routedKeys: number;
  nodes: { nodeId: string; weight: number; vnodeCount: number; ownershipPercent: number; routedKeys: number; routedKeyPercent: number }[];
  ownershipSpread: LoadSpread | null;
  routedKeySpread: LoadSpread | null;
}

export interface DhtRouteRequest {
  key?: string;
  keys?: string[];
  replicas?: number;
}

export interface DhtRouteResult {
  hashFunction: HashFunctionName;
  routes: RouteResult[];
}

/**
 * The consistent-hash ring of the cluster: every cluster node is on it (weight 1), and joins and
 * leaves of the cluster are mirrored on it in the same unit of work, so the ring is persisted in
 * the same journal batch as the membership change.
 */
export class DhtService {
  /** Every vnode of the last ring listed: rings are immutable, so one listing serves until the ring changes. */
  private listed: { ring: HashRing; entries: readonly RingEntry[] } | null = null;

  private constructor(
    private readonly dht: DistributedHashTable,
    private readonly runner: OperationRunner,
    private readonly journal: Journal,
  ) {}

  /**
   * Restores the ring from the store, or builds it from the cluster's nodes at the first start,
   * then keeps it in step with the cluster's membership from now on.
   */
  static async load(store: Store, deps: { nodes: ClusterNodes; journal: Journal; runner: OperationRunner }): Promise<DhtService> {
    const stored = await store.get<DhtState>(DHT_RECORD, 'current');
    const dht = stored ? new DistributedHashTable(stored.config, stored.nodes) : new DistributedHashTable();
    const service = new DhtService(dht, deps.runner, deps.journal);
    service.followMembership(deps.nodes);
    return service;
  }

  listNodes(context: OperationContext, query: DhtNodeQuery): Page<Partial<DhtNode>> {
    return this.runner.read(context, 'listDhtNodes', () => {
      // The engine lists nodes in id order already: sort only for another field or descending.
      const byId = (query.sortBy ?? 'nodeId') === 'nodeId';
      const nodes = this.dht.nodes();
      const page = pageOf(byId && query.order === 'desc' ? nodes.reverse() : nodes, {
        sortBy: byId ? undefined : query.sortBy,
        order: query.order ?? 'asc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'nodeId', DHT_NODE_FIELDS) };
    });
  }

  ring(context: OperationContext, query: DhtRingQuery): Page<RingEntry> {
    return this.runner.read(context, 'getDhtRing', () => {
      const { nodeId, fromToken } = query;
      const entries = this.ringEntries().filter(
        (entry) => (nodeId === undefined || entry.nodeId === nodeId) && (fromToken === undefined || entry.token >= fromToken),
      );
      return pageOf(entries, { limit: query.limit, offset: query.offset });
    });
  }

  statistics(context: OperationContext): DhtStatisticsResource {
    return this.runner.read(context, 'getDhtStatistics', () => {
      const statistics = this.dht.statistics();
      const config = this.dht.getConfig();
      const nodes = this.dht.nodes();
      const routedToCurrentNodes = nodes.reduce((sum, node) => sum + node.routedKeys, 0);
      return {
        hashFunction: statistics.hashFunction,
        hashSeed: config.hashSeed,
        vnodesPerNode: statistics.vnodesPerNode,
        nodeCount: statistics.nodeCount,
        vnodeCount: statistics.vnodeCount,
        hashSpaceSize: HASH_SPACE_SIZE,
        routedKeys: statistics.routedKeys,
        nodes: nodes.map((node) => ({
          nodeId: node.nodeId,
          weight: node.weight,
          vnodeCount: node.vnodeCount,
          ownershipPercent: node.ownershipPercent,
          routedKeys: node.routedKeys,
          routedKeyPercent: routedToCurrentNodes === 0 ? 0 : (node.routedKeys / routedToCurrentNodes) * 100,
        })),
        ownershipSpread: statistics.ownershipSpread,
        routedKeySpread: statistics.routedKeySpread,
      };
    });
  }

  /**
   * Routes keys to their owners. Nothing durable changes (only the runtime routed-key counters),
   * so it runs as a read: any role may call it and it is not audited.
   */
  route(context: OperationContext, request: DhtRouteRequest): DhtRouteResult {
    return this.runner.read(context, 'routeDhtKey', () => {
      if ((request.key === undefined) === (request.keys === undefined)) {
        throw new DomainError('UNPROCESSABLE', 'Send exactly one of key and keys.', { key: request.key !== undefined, keys: request.keys !== undefined });
      }
      const keys = request.keys ?? [request.key!];
      const replicas = request.replicas ?? DEFAULT_PREFERENCE_LIST_LENGTH;
      return { hashFunction: this.dht.getConfig().hashFunction, routes: keys.map((key) => this.dht.route(key, replicas)) };
    });
  }

  private ringEntries(): readonly RingEntry[] {
    const ring = this.dht.currentRing();
    if (this.listed?.ring !== ring) this.listed = { ring, entries: Object.freeze(ring.entries(0, ring.vnodeCount)) };
    return this.listed.entries;
  }

  /**
   * Puts every cluster node on the ring and takes off any node the cluster no longer has (the
   * first start, or a store written before the ring existed), then mirrors each join and leave.
   */
  private followMembership(nodes: ClusterNodes): void {
    const members = new Set(nodes.list().map((node) => node.nodeId));
    const missing = [...members].filter((nodeId) => !this.dht.hasNode(nodeId));
    let changed = this.placeAll(missing);
    for (const { nodeId } of this.dht.nodes()) {
      if (!members.has(nodeId)) {
        this.dht.removeNode(nodeId);
        changed = true;
      }
    }
    if (changed) this.persist();
    nodes.observe({
      nodeJoined: (spec) => {
        if (!this.dht.hasNode(spec.nodeId) && this.place(spec.nodeId)) this.persist();
      },
      nodeLeft: (spec) => {
        if (!this.dht.hasNode(spec.nodeId)) return;
        this.dht.removeNode(spec.nodeId);
        this.persist();
      },
      // Health does not move keys: a DOWN node keeps its ranges until it is removed.
      healthChanged: () => undefined,
    });
  }

  /**
   * Puts a node on the ring; false when the ring is at its limit (MAX_RING_VNODES: 2048 nodes of
   * 128 vnodes, fewer than the cluster's 5000). The join itself has already happened and must not
   * fail here, so such a node stays off the ring: it owns no keys until another leaves.
   */
  private place(nodeId: string): boolean {
    try {
      this.dht.addNode({ nodeId, weight: CLUSTER_NODE_WEIGHT });
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') return false;
      throw error;
    }
  }

  /**
   * Puts nodes on the ring in one change (a thousand at start cost one merge, not a thousand).
   * Past the ring's limit it places them one by one, as many as fit (see {@link place}).
   */
  private placeAll(nodeIds: readonly string[]): boolean {
    if (nodeIds.length === 0) return false;
    try {
      this.dht.addNodes(nodeIds.map((nodeId) => ({ nodeId, weight: CLUSTER_NODE_WEIGHT })));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      for (const nodeId of nodeIds) this.place(nodeId);
    }
    return true;
  }

  private persist(): void {
    this.journal.put(DHT_RECORD, 'current', this.dht.snapshot());
  }
}
