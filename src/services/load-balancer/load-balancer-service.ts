import { MAX_CLUSTER_NODES, type ClusterNodes, type NodeSpec } from '../../engines/cluster/cluster-nodes.js';
import type { NodeStatus } from '../../engines/cluster/node-health.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import type { AddBackendRequest, BackendHealth } from '../../engines/load-balancer/backend.js';
import type { StrategyName } from '../../engines/load-balancer/balancing-strategy.js';
import { LoadBalancer, type BackendView, type Connection, type LoadBalancerState } from '../../engines/load-balancer/load-balancer.js';
import type { VirtualClock } from '../../engines/runtime/clock.js';
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import { creationOf } from '../platform/operation-runner.js';

/** The load balancer's strategy and backends, persisted on every change. */
export const LOAD_BALANCER_RECORD = 'cluster.loadBalancer';

/** Backends operators may add beyond one per cluster node. */
const OPERATOR_BACKENDS = 64;

/** What is persisted: the engine's state, and which backends an operator added DRAINING. */
interface StoredLoadBalancer {
  state: LoadBalancerState;
  /**
   * The operator's choice survives node health: a DRAINING backend whose node goes DOWN is
   * UNHEALTHY, and DRAINING again (not HEALTHY) once the node is back.
   */
  drainingBackendIds: string[];
}

/** A backend as the API shows it (the contract's LoadBalancerBackend). */
export interface LoadBalancerBackend {
  backendId: string;
  address: string;
  nodeId: string | null;
  weight: number;
  maxConnections: number;
  health: BackendHealth;
  activeConnections: number;
  requests: number;
  completedRequests: number;
  errors: number;
  averageLatencyMs: number | null;
  p99LatencyMs: number | null;
  latencyEwmaMs: number | null;
  lastSelectedAt: string | null;
}

export const BACKEND_FIELDS: readonly (keyof LoadBalancerBackend)[] = [
  'backendId', 'address', 'nodeId', 'weight', 'maxConnections', 'health', 'activeConnections', 'requests',
  'completedRequests', 'errors', 'averageLatencyMs', 'p99LatencyMs', 'latencyEwmaMs', 'lastSelectedAt',
];

/** A connection as the API shows it (the contract's LoadBalancerConnection). */
export interface LoadBalancerConnection {
  connectionId: string;
  backendId: string;
  state: Connection['state'];
  openedAt: string;
  closedAt: string | null;
  latencyMs: number | null;
  outcome: Connection['outcome'];
}

export const CONNECTION_FIELDS: readonly (keyof LoadBalancerConnection)[] = [
  'connectionId', 'backendId', 'state', 'openedAt', 'closedAt', 'latencyMs', 'outcome',
];

export interface LoadBalancerStatisticsResource {
  strategy: StrategyName;
  totalBackends: number;
  healthyBackends: number;
  totalRequests: number;
  rejectedRequests: number;
  activeConnections: number;
  completedRequests: number;
  errors: number;
  abortedConnections: number;
  backends: LoadBalancerBackend[];
}

export interface StrategyChange {
  strategy: StrategyName;
  previousStrategy: StrategyName;
  changedAt: string;
}

export interface BackendQuery {
  health?: BackendHealth;
  nodeId?: string;
  sortBy?: 'backendId' | 'weight' | 'activeConnections' | 'requests' | 'errors' | 'averageLatencyMs' | 'p99LatencyMs';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface ConnectionQuery {
  backendId?: string;
  state?: Connection['state'];
  outcome?: 'SUCCESS' | 'ERROR' | 'ABORTED';
  sortBy?: 'openedAt' | 'closedAt' | 'latencyMs';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

/** What a request routed through the load balancer reports when it is served. */
export interface ServedRequest<Result> {
  result: Result;
  /** Simulated time the request takes; the connection stays open that long in cluster time. */
  latencyMs: number;
  outcome: 'SUCCESS' | 'ERROR';
}

/**
 * How a backend's health follows its cluster node. Only a node the failure detector hears from
 * (HEALTHY, or RECOVERING: heartbeating again after DOWN) takes traffic. SUSPECTED and DOWN nodes
 * are UNHEALTHY; so is an INITIALIZING node: it has not sent its first heartbeat, so nothing
 * shows it serves yet (like a readiness probe that has not passed), and it turns HEALTHY with
 * that heartbeat. A node that left the cluster is UNHEALTHY too. Node health wins over an
 * operator's DRAINING, which comes back when the node does.
 */
export function backendHealthFor(nodeStatus: NodeStatus | null, draining: boolean): BackendHealth {
  if (nodeStatus !== 'HEALTHY' && nodeStatus !== 'RECOVERING') return 'UNHEALTHY';
  return draining ? 'DRAINING' : 'HEALTHY';
}

/**
 * The load balancer in front of the cluster: every cluster node has a backend of its own (id and
 * address of the node), added when it joins and removed when it leaves; operators may add more.
 * Backends with a node follow its health. Requests routed through it (distributed queries) open
 * real connections, so its statistics count what was really routed.
 */
export class LoadBalancerService {
  private constructor(
    private readonly balancer: LoadBalancer,
    private readonly drainingBackendIds: Set<string>,
    private readonly deps: { nodes: ClusterNodes; clock: VirtualClock; journal: Journal; runner: OperationRunner },
  ) {}

  /**
   * Restores the backends and strategy from the store, or gives every cluster node its backend at
   * the first start; then sets every health from the nodes' and follows the cluster from now on.
   */
  static async load(store: Store, deps: { nodes: ClusterNodes; clock: VirtualClock; journal: Journal; runner: OperationRunner }): Promise<LoadBalancerService> {
    const stored = await store.get<StoredLoadBalancer>(LOAD_BALANCER_RECORD, 'current');
    const balancer = new LoadBalancer({ maxBackends: MAX_CLUSTER_NODES + OPERATOR_BACKENDS }, stored?.state);
    const service = new LoadBalancerService(balancer, new Set(stored?.drainingBackendIds ?? []), deps);
    // A store without the load balancer (the first start, or one written before it existed): one backend per node.
    if (stored === undefined) for (const node of deps.nodes.list()) service.addNodeBackend(node);
    for (const backend of balancer.list()) service.followNodeHealth(backend);
    service.persist();
    service.followMembership();
    return service;
  }

  listBackends(context: OperationContext, query: BackendQuery): Page<Partial<LoadBalancerBackend>> {
    return this.deps.runner.read(context, 'listLoadBalancerBackends', () => {
      // The engine lists backends in id order already: sort only for another field or descending.
      const byId = (query.sortBy ?? 'backendId') === 'backendId';
      const backends = this.balancer.list({ health: query.health, nodeId: query.nodeId }).map(toBackend);
      const page = pageOf(byId && query.order === 'desc' ? backends.reverse() : backends, {
        sortBy: byId ? undefined : query.sortBy,
        order: query.order ?? 'asc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'backendId', BACKEND_FIELDS) };
    });
  }

  getBackend(context: OperationContext, backendId: string): LoadBalancerBackend {
    return this.deps.runner.read(context, 'getLoadBalancerBackend', () => toBackend(this.balancer.get(backendId)));
  }

  /** Adds a backend; with `nodeId` (a cluster node, else NOT_FOUND) its health follows the node's. */
  addBackend(context: OperationContext, request: AddBackendRequest): Promise<LoadBalancerBackend> {
    const target = creationOf('cluster.loadBalancer.backend', (backend: LoadBalancerBackend) => backend.backendId, request.backendId);
    return this.deps.runner.run(context, 'addLoadBalancerBackend', target, () => {
      const draining = request.health === 'DRAINING';
      const nodeStatus = request.nodeId ? this.deps.nodes.get(request.nodeId).status : null;
      const health = request.nodeId ? backendHealthFor(nodeStatus, draining) : (request.health ?? 'HEALTHY');
      const added = this.balancer.add({ ...request, health });
      if (draining) this.drainingBackendIds.add(added.backendId);
      this.persist();
      return toBackend(added);
    });
  }

  /** Removes a backend; one with open connections only with `force` (they are aborted). */
  removeBackend(context: OperationContext, backendId: string, force: boolean): Promise<LoadBalancerBackend> {
    return this.deps.runner.run(context, 'removeLoadBalancerBackend', `cluster.loadBalancer.backend/${backendId}`, () => {
      const removed = this.balancer.remove(backendId, this.deps.clock.now(), force);
      this.drainingBackendIds.delete(backendId);
      this.persist();
      return toBackend(removed);
    });
  }

  listConnections(context: OperationContext, query: ConnectionQuery): Page<Partial<LoadBalancerConnection>> {
    return this.deps.runner.read(context, 'listLoadBalancerConnections', () => {
      const order = query.order ?? 'desc';
      // Oldest first (closed ones, then the open ones by number); the stable sort then keeps
      // connections opened at the same instant newest first when descending.
      const all = [...this.balancer.recentConnections(), ...this.balancer.activeConnections()]
        .sort((a, b) => connectionNumber(a) - connectionNumber(b))
        .map(toConnection);
      const page = pageOf(order === 'desc' ? all.reverse() : all, {
        filters: { backendId: query.backendId, state: query.state, outcome: query.outcome },
        sortBy: query.sortBy ?? 'openedAt',
        order,
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'connectionId', CONNECTION_FIELDS) };
    });
  }

  statistics(context: OperationContext): LoadBalancerStatisticsResource {
    return this.deps.runner.read(context, 'getLoadBalancerStatistics', () => {
      const statistics = this.balancer.statistics();
      const backends = statistics.backends.map(toBackend);
      return {
        strategy: statistics.strategy,
        totalBackends: backends.length,
        healthyBackends: backends.filter((backend) => backend.health === 'HEALTHY').length,
        totalRequests: statistics.totalRequests,
        rejectedRequests: statistics.rejectedRequests,
        activeConnections: statistics.activeConnections,
        completedRequests: statistics.completedRequests,
        errors: statistics.errors,
        abortedConnections: statistics.abortedConnections,
        backends,
      };
    });
  }

  setStrategy(context: OperationContext, strategy: StrategyName): Promise<StrategyChange> {
    return this.deps.runner.run(context, 'setLoadBalancerStrategy', 'cluster.loadBalancer.strategy', () => {
      const { previous, current } = this.balancer.setStrategy(strategy);
      this.persist();
      return { strategy: current, previousStrategy: previous, changedAt: isoTime(this.deps.clock.now()) };
    });
  }

  /**
   * Routes one request through the load balancer: a connection is opened to the backend the
   * strategy picks, `serve` runs with that backend (or with null when the load balancer refuses:
   * no backend can take it, which it counts as rejected), and the connection is released after
   * the request's simulated latency in cluster time, with the outcome `serve` reports. If `serve`
   * throws, the connection is released at once as an ERROR.
   */
  route<Result>(serve: (backend: LoadBalancerBackend | null) => ServedRequest<Result>): Result {
    const { clock } = this.deps;
    let connection: Connection;
    try {
      connection = this.balancer.acquire(clock.now());
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') return serve(null).result;
      throw error;
    }
    let served: ServedRequest<Result>;
    try {
      served = serve(toBackend(this.balancer.get(connection.backendId)));
    } catch (error) {
      this.balancer.release(connection.connectionId, 0, clock.now(), 'ERROR');
      throw error;
    }
    clock.after(served.latencyMs, () => this.release(connection.connectionId, served.latencyMs, served.outcome));
    return served.result;
  }

  private release(connectionId: string, latencyMs: number, outcome: 'SUCCESS' | 'ERROR'): void {
    // A forced removal of the backend may have aborted the connection meanwhile: nothing left to release.
    if (!this.balancer.activeConnections().some((connection) => connection.connectionId === connectionId)) return;
    this.balancer.release(connectionId, latencyMs, this.deps.clock.now(), outcome);
  }

  private followMembership(): void {
    const { nodes } = this.deps;
    nodes.observe({
      nodeJoined: (spec) => {
        this.addNodeBackend(spec);
        for (const backend of this.balancer.list({ nodeId: spec.nodeId })) this.followNodeHealth(backend);
        this.persist();
      },
      nodeLeft: (spec) => {
        for (const backend of this.balancer.list({ nodeId: spec.nodeId })) {
          if (isNodeBackend(backend, spec.nodeId)) {
            // The node is gone, so are the connections it served.
            this.balancer.remove(backend.backendId, this.deps.clock.now(), true);
            this.drainingBackendIds.delete(backend.backendId);
          } else {
            // An operator's backend stays (the operator decides), but nothing behind it serves now.
            this.balancer.setHealth(backend.backendId, 'UNHEALTHY');
          }
        }
        this.persist();
      },
      // Not persisted: backend health is derived from node health, and derived again at start.
      healthChanged: (nodeId) => {
        for (const backend of this.balancer.list({ nodeId })) this.followNodeHealth(backend);
      },
    });
  }

  /**
   * Gives a node its own backend: id and address of the node. Skipped when an operator already
   * registered a backend with that id or address (it then stands for the node), or when every
   * backend slot is taken: the join itself has happened and must not fail here.
   */
  private addNodeBackend(node: Pick<NodeSpec, 'nodeId' | 'address'>): void {
    if (this.balancer.size >= this.balancer.getConfig().maxBackends) return;
    if (this.balancer.holds({ backendId: node.nodeId, address: node.address })) return;
    this.balancer.add({ backendId: node.nodeId, address: node.address, nodeId: node.nodeId, health: 'UNHEALTHY' });
  }

  /** Sets a backend's health from its node's; true when it changed. */
  private followNodeHealth(backend: BackendView): boolean {
    if (backend.nodeId === null) return false;
    const nodeStatus = this.deps.nodes.has(backend.nodeId) ? this.deps.nodes.get(backend.nodeId).status : null;
    const health = backendHealthFor(nodeStatus, this.drainingBackendIds.has(backend.backendId));
    if (health === backend.health) return false;
    this.balancer.setHealth(backend.backendId, health);
    return true;
  }

  private persist(): void {
    const stored: StoredLoadBalancer = { state: this.balancer.snapshot(), drainingBackendIds: [...this.drainingBackendIds].sort() };
    this.deps.journal.put(LOAD_BALANCER_RECORD, 'current', stored);
  }
}

/** A node's own backend: the one the platform gave it, named after it. */
function isNodeBackend(backend: BackendView, nodeId: string): boolean {
  return backend.backendId === nodeId && backend.nodeId === nodeId;
}

function connectionNumber(connection: Connection): number {
  return Number(connection.connectionId.slice('conn-'.length));
}

function toBackend(view: BackendView): LoadBalancerBackend {
  return {
    backendId: view.backendId,
    address: view.address,
    nodeId: view.nodeId,
    weight: view.weight,
    maxConnections: view.maxConnections,
    health: view.health,
    activeConnections: view.activeConnections,
    requests: view.requests,
    completedRequests: view.completedRequests,
    errors: view.errors,
    averageLatencyMs: view.averageLatencyMs,
    p99LatencyMs: view.p99LatencyMs,
    latencyEwmaMs: view.latencyEwmaMs,
    lastSelectedAt: view.lastSelectedAtMs === null ? null : isoTime(view.lastSelectedAtMs),
  };
}

function toConnection(connection: Connection): LoadBalancerConnection {
  return {
    connectionId: connection.connectionId,
    backendId: connection.backendId,
    state: connection.state,
    openedAt: isoTime(connection.openedAtMs),
    closedAt: connection.closedAtMs === null ? null : isoTime(connection.closedAtMs),
    latencyMs: connection.latencyMs,
    outcome: connection.outcome,
  };
}
