import { DomainError, assert } from '../runtime/domain-error.js';
import { naturalCompare } from '../runtime/natural-order.js';
import { backendSpecOf, BACKEND_HEALTHS, type AddBackendRequest, type BackendHealth, type BackendSpec } from './backend.js';
import { STRATEGY_NAMES, type BackendCandidate, type BalancingStrategy, type StrategyName } from './balancing-strategy.js';
import { LatencyWindow } from './latency-window.js';
import { validateLoadBalancerConfig, type LoadBalancerConfig } from './load-balancer-config.js';
import { createStrategy } from './strategies/create-strategy.js';

/** SUCCESS and ERROR are reported by the caller; ABORTED is a connection cut by a forced removal. */
export type ConnectionOutcome = 'SUCCESS' | 'ERROR' | 'ABORTED';

export interface Connection {
  connectionId: string;
  backendId: string;
  state: 'ACTIVE' | 'CLOSED';
  openedAtMs: number;
  closedAtMs: number | null;
  /** As reported on release; null while active or when aborted. */
  latencyMs: number | null;
  outcome: ConnectionOutcome | null;
}

export interface BackendView extends BackendSpec {
  health: BackendHealth;
  activeConnections: number;
  /** Connections opened to it. */
  requests: number;
  /** Connections released (SUCCESS or ERROR). */
  completedRequests: number;
  errors: number;
  /** Over every completed request; null before the first. */
  averageLatencyMs: number | null;
  /** Over the last `latencyWindowSize` completed requests; null before the first. */
  p99LatencyMs: number | null;
  latencyEwmaMs: number | null;
  lastSelectedAtMs: number | null;
}

export interface LoadBalancerStatistics {
  strategy: StrategyName;
  /** Connections opened since start. */
  totalRequests: number;
  /** acquire calls refused: no healthy backend, no capacity left. */
  rejectedRequests: number;
  activeConnections: number;
  completedRequests: number;
  errors: number;
  abortedConnections: number;
  backends: BackendView[];
}

/** The persisted state; counters and connections are runtime observations. */
export interface LoadBalancerState {
  strategy: StrategyName;
  backends: { spec: BackendSpec; health: BackendHealth }[];
}

interface Backend {
  spec: BackendSpec;
  health: BackendHealth;
  activeConnections: number;
  requests: number;
  completedRequests: number;
  errors: number;
  latencyTotalMs: number;
  latencyEwmaMs: number | null;
  latencyWindow: LatencyWindow;
  lastSelectedAtMs: number | null;
}

/**
 * The load balancer in front of the cluster's nodes: backends, the strategy that picks one for
 * each new connection, the open connections, and statistics of what was really routed. Time comes
 * in as `nowMs` arguments.
 */
export class LoadBalancer {
  private readonly config: LoadBalancerConfig;
  private strategy: BalancingStrategy;
  /** Kept in backend-id order (backend-2 before backend-10): strategies see candidates in it. */
  private backends = new Map<string, Backend>();
  private readonly active = new Map<string, Connection>();
  /** Closed connections, newest last, at most `connectionHistorySize`. */
  private history: Connection[] = [];
  private connectionsOpened = 0;
  private rejectedRequests = 0;
  private completedRequests = 0;
  private errors = 0;
  private abortedConnections = 0;

  constructor(config: Partial<LoadBalancerConfig> = {}, restored?: LoadBalancerState) {
    this.config = validateLoadBalancerConfig(config);
    this.strategy = createStrategy(restored?.strategy ?? this.config.strategy);
    for (const { spec, health } of restored?.backends ?? []) this.add({ ...spec, health });
  }

  getConfig(): LoadBalancerConfig {
    return { ...this.config };
  }

  currentStrategy(): StrategyName {
    return this.strategy.name;
  }

  /** Switches strategy; the new one starts with no memory of earlier picks. */
  setStrategy(name: StrategyName): { previous: StrategyName; current: StrategyName } {
    if (!STRATEGY_NAMES.includes(name)) {
      throw new DomainError('UNPROCESSABLE', `Unknown load-balancing strategy "${name}"; use one of ${STRATEGY_NAMES.join(', ')}.`, { strategy: name });
    }
    const previous = this.strategy.name;
    if (name !== previous) this.strategy = createStrategy(name);
    return { previous, current: name };
  }

  /** Backends held. */
  get size(): number {
    return this.backends.size;
  }

  /** Whether a backend has this id or this address (cheap: no views built). */
  holds(backend: { backendId: string; address: string }): boolean {
    if (this.backends.has(backend.backendId)) return true;
    for (const held of this.backends.values()) if (held.spec.address === backend.address) return true;
    return false;
  }

  add(request: AddBackendRequest): BackendView {
    if (this.backends.size >= this.config.maxBackends) {
      throw new DomainError('CONFLICT', `The load balancer already has the maximum of ${this.config.maxBackends} backends.`);
    }
    const backendId = request.backendId ?? this.nextBackendId();
    if (this.backends.has(backendId)) {
      throw new DomainError('CONFLICT', `A backend with id "${backendId}" already exists.`, { backendId });
    }
    const spec = backendSpecOf(request, backendId);
    const sameAddress = [...this.backends.values()].find((backend) => backend.spec.address === spec.address);
    if (sameAddress) {
      throw new DomainError('CONFLICT', `Backend "${sameAddress.spec.backendId}" already has address ${spec.address}.`, {
        backendId: sameAddress.spec.backendId,
        address: spec.address,
      });
    }
    const lastId = [...this.backends.keys()].at(-1);
    this.backends.set(backendId, {
      spec,
      health: request.health ?? 'HEALTHY',
      activeConnections: 0,
      requests: 0,
      completedRequests: 0,
      errors: 0,
      latencyTotalMs: 0,
      latencyEwmaMs: null,
      latencyWindow: new LatencyWindow(this.config.latencyWindowSize),
      lastSelectedAtMs: null,
    });
    if (lastId !== undefined && naturalCompare(backendId, lastId) < 0) {
      this.backends = new Map([...this.backends].sort(([a], [b]) => naturalCompare(a, b)));
    }
    return this.get(backendId);
  }

  /**
   * Removes a backend. Refused (CONFLICT) while it has open connections, unless `force`: then
   * they are closed as ABORTED. Drain it first to remove it cleanly.
   */
  remove(backendId: string, nowMs: number, force = false): BackendView {
    const backend = this.backend(backendId);
    if (backend.activeConnections > 0 && !force) {
      throw new DomainError(
        'CONFLICT',
        `Backend "${backendId}" has ${backend.activeConnections} open connections; drain it first, or force the removal.`,
        { backendId, activeConnections: backend.activeConnections },
      );
    }
    for (const connection of [...this.active.values()]) {
      if (connection.backendId === backendId) this.close(connection, nowMs, null, 'ABORTED');
    }
    const last = this.view(backend);
    this.backends.delete(backendId);
    this.strategy.forget(backendId);
    return last;
  }

  get(backendId: string): BackendView {
    return this.view(this.backend(backendId));
  }

  /** Every backend in id order, optionally only those of one health or one node. */
  list(filter: { health?: BackendHealth; nodeId?: string } = {}): BackendView[] {
    const views: BackendView[] = [];
    for (const backend of this.backends.values()) {
      if (filter.health !== undefined && backend.health !== filter.health) continue;
      if (filter.nodeId !== undefined && backend.spec.nodeId !== filter.nodeId) continue;
      views.push(this.view(backend));
    }
    return views;
  }

  /** Sets a backend's health from outside: an operator draining it, or the platform reacting to its node's status. */
  setHealth(backendId: string, health: BackendHealth): BackendView {
    if (!BACKEND_HEALTHS.includes(health)) {
      throw new DomainError('UNPROCESSABLE', `health must be one of ${BACKEND_HEALTHS.join(', ')}.`, { health });
    }
    const backend = this.backend(backendId);
    backend.health = health;
    return this.view(backend);
  }

  /**
   * Opens a connection to the backend the strategy picks among the HEALTHY ones with spare
   * capacity. CONFLICT when there is none (`details.reason` says why); that counts as a rejected request.
   */
  acquire(nowMs: number): Connection {
    if (this.active.size >= this.config.maxActiveConnections) {
      this.reject('MAX_ACTIVE_CONNECTIONS', `The load balancer already has the maximum of ${this.config.maxActiveConnections} open connections.`);
    }
    const candidates: BackendCandidate[] = [];
    let healthy = 0;
    for (const backend of this.backends.values()) {
      if (backend.health !== 'HEALTHY') continue;
      healthy += 1;
      if (backend.activeConnections >= backend.spec.maxConnections) continue;
      const { backendId, weight } = backend.spec;
      candidates.push({ backendId, weight, activeConnections: backend.activeConnections, latencyEwmaMs: backend.latencyEwmaMs });
    }
    if (healthy === 0) this.reject('NO_HEALTHY_BACKEND', 'No backend is healthy.');
    if (candidates.length === 0) this.reject('ALL_BACKENDS_AT_CAPACITY', `All ${healthy} healthy backends are at their maximum of connections.`);

    const picked = this.strategy.pick(candidates);
    const backend = this.backends.get(picked.backendId);
    assert(backend !== undefined && candidates.includes(picked), `the strategy picked a candidate, got ${picked.backendId}`);
    backend.activeConnections += 1;
    backend.requests += 1;
    backend.lastSelectedAtMs = nowMs;
    this.connectionsOpened += 1;
    const connection: Connection = {
      connectionId: `conn-${this.connectionsOpened}`,
      backendId: picked.backendId,
      state: 'ACTIVE',
      openedAtMs: nowMs,
      closedAtMs: null,
      latencyMs: null,
      outcome: null,
    };
    this.active.set(connection.connectionId, connection);
    return { ...connection };
  }

  /** Closes a connection and records its latency and outcome for the backend's statistics. */
  release(connectionId: string, latencyMs: number, nowMs: number, outcome: 'SUCCESS' | 'ERROR' = 'SUCCESS'): Connection {
    const connection = this.active.get(connectionId);
    if (connection === undefined) {
      const closed = this.history.find((past) => past.connectionId === connectionId);
      if (closed) throw new DomainError('CONFLICT', `Connection "${connectionId}" is already closed.`, { connectionId });
      throw new DomainError('NOT_FOUND', `No open connection has id "${connectionId}".`, { resource: 'load-balancer.connection', id: connectionId });
    }
    if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) {
      throw new DomainError('UNPROCESSABLE', `latencyMs must be a finite number, 0 or more, got ${latencyMs}.`, { latencyMs });
    }
    if (outcome !== 'SUCCESS' && outcome !== 'ERROR') {
      throw new DomainError('UNPROCESSABLE', `outcome must be SUCCESS or ERROR, got ${String(outcome)}.`, { outcome });
    }
    return { ...this.close(connection, nowMs, latencyMs, outcome) };
  }

  /** Open connections, oldest first. */
  activeConnections(): Connection[] {
    return [...this.active.values()].map((connection) => ({ ...connection }));
  }

  /** The last closed connections, oldest first, at most `connectionHistorySize`. */
  recentConnections(): Connection[] {
    return this.history.map((connection) => ({ ...connection }));
  }

  statistics(): LoadBalancerStatistics {
    return {
      strategy: this.strategy.name,
      totalRequests: this.connectionsOpened,
      rejectedRequests: this.rejectedRequests,
      activeConnections: this.active.size,
      completedRequests: this.completedRequests,
      errors: this.errors,
      abortedConnections: this.abortedConnections,
      backends: [...this.backends.values()].map((backend) => this.view(backend)),
    };
  }

  snapshot(): LoadBalancerState {
    return {
      strategy: this.strategy.name,
      backends: [...this.backends.values()].map((backend) => ({ spec: { ...backend.spec }, health: backend.health })),
    };
  }

  private close(connection: Connection, nowMs: number, latencyMs: number | null, outcome: ConnectionOutcome): Connection {
    assert(nowMs >= connection.openedAtMs, `connection ${connection.connectionId} closes at ${nowMs}, not before it opened at ${connection.openedAtMs}`);
    const backend = this.backends.get(connection.backendId);
    assert(backend !== undefined, `the backend of open connection ${connection.connectionId} exists`);
    backend.activeConnections -= 1;
    if (latencyMs !== null) {
      backend.completedRequests += 1;
      this.completedRequests += 1;
      if (outcome === 'ERROR') {
        backend.errors += 1;
        this.errors += 1;
      }
      backend.latencyTotalMs += latencyMs;
      backend.latencyWindow.add(latencyMs);
      const alpha = this.config.latencyEwmaAlpha;
      backend.latencyEwmaMs = backend.latencyEwmaMs === null ? latencyMs : alpha * latencyMs + (1 - alpha) * backend.latencyEwmaMs;
    } else {
      this.abortedConnections += 1;
    }
    this.active.delete(connection.connectionId);
    const closed: Connection = { ...connection, state: 'CLOSED', closedAtMs: nowMs, latencyMs, outcome };
    this.history.push(closed);
    if (this.history.length > this.config.connectionHistorySize) this.history.splice(0, this.history.length - this.config.connectionHistorySize);
    return closed;
  }

  private reject(reason: string, message: string): never {
    this.rejectedRequests += 1;
    throw new DomainError('CONFLICT', message, { reason });
  }

  private backend(backendId: string): Backend {
    const backend = this.backends.get(backendId);
    if (!backend) throw new DomainError('NOT_FOUND', `No backend has id "${backendId}".`, { resource: 'load-balancer.backend', id: backendId });
    return backend;
  }

  private view(backend: Backend): BackendView {
    return {
      ...backend.spec,
      health: backend.health,
      activeConnections: backend.activeConnections,
      requests: backend.requests,
      completedRequests: backend.completedRequests,
      errors: backend.errors,
      averageLatencyMs: backend.completedRequests === 0 ? null : backend.latencyTotalMs / backend.completedRequests,
      p99LatencyMs: backend.latencyWindow.percentile(99),
      latencyEwmaMs: backend.latencyEwmaMs,
      lastSelectedAtMs: backend.lastSelectedAtMs,
    };
  }

  /** `backend-N` with N one past the highest number in use. */
  private nextBackendId(): string {
    let highest = 0;
    for (const backendId of this.backends.keys()) {
      const match = /^backend-(\d+)$/.exec(backendId);
      if (match) highest = Math.max(highest, Number(match[1]));
    }
    return `backend-${highest + 1}`;
  }
}
